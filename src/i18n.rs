//! The page's two languages, English and 简体中文: which one a visitor gets,
//! the fixed words of each (`words`), region names (`regions`), source titles
//! (`sources`), how money, hours and dates read in each, and the sentences
//! built around numbers, each with a `match` on `Lang`: the verdict
//! (`verdict`), why there is no answer (`problems`), the charts' captions and
//! points (`charts`), the fleet's packing (`fleet`). The CLI speaks English
//! through the same functions.
//!
//! Rounding still happens only in `format`; this module only wraps its text.

pub mod charts;
pub mod curve;
pub mod fleet;
pub mod import;
pub mod options;
pub mod problems;
pub mod regions;
pub mod sources;
pub mod verdict;
pub mod words;
pub mod zh;

use crate::format;
use crate::model::platform::Platform;
use crate::model::scenario::BreakEven;
use std::sync::OnceLock;
pub use words::Words;
use zh::{fill, Zh};

/// A platform as both languages write it: "Linux/x86", "Linux/ARM", "Windows".
pub fn platform(p: Platform) -> &'static str {
    match p {
        Platform::LinuxX86 => "Linux/x86",
        Platform::LinuxArm => "Linux/ARM",
        Platform::Windows => "Windows",
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The `lang` share-link value.
    pub fn slug(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// The BCP 47 tag for `<html lang>`, so screen readers and fonts pick the
    /// right voice and glyphs.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }

    /// The language's own name, as a switcher shows it.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Zh => "中文",
        }
    }

    /// Reads a `lang` value or a browser language tag: `zh`, `zh-CN`,
    /// `zh-Hans-SG`, `en-GB`… Traditional Chinese tags (`zh-TW`, `zh-Hant`)
    /// also get 简体中文: closer for those readers than English.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "zh" => Some(Lang::Zh),
            _ => None,
        }
    }

    /// The first of the browser's preferred languages that we have, else English.
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Lang {
        preferred.into_iter().find_map(Lang::from_tag).unwrap_or_default()
    }

    /// The fixed words (the Chinese once its text is read: the page speaks
    /// Chinese only after; English until then).
    pub fn words(self) -> &'static Words {
        static CHINESE: OnceLock<Words> = OnceLock::new();
        match self {
            Lang::Zh if zh::ready() => CHINESE.get_or_init(words::chinese),
            _ => &words::EN,
        }
    }

    /// Marks a US-dollar amount: "$" in English; "US$" in Chinese, where a
    /// bare "$" could be read as another currency (CLDR's zh format for USD).
    fn dollars(self, text: String) -> String {
        match self {
            Lang::En => text,
            Lang::Zh => text.replacen('$', zh::zh(Zh::usd_sign), 1),
        }
    }

    /// USD to the cent: "$1,234.56" / "US$1,234.56".
    pub fn usd(self, amount: f64) -> String {
        self.dollars(format::usd(amount))
    }

    /// A published rate with all its digits: "$0.04048".
    pub fn usd_rate(self, amount: f64) -> String {
        self.dollars(format::usd_rate(amount))
    }

    /// A cost per unit to a hundredth of a cent: "$0.2145".
    pub fn usd_fine(self, amount: f64) -> String {
        self.dollars(format::usd_fine(amount))
    }

    /// Hours: "730 h" / "730 小时".
    pub fn hours(self, hours: f64) -> String {
        self.hours_text(&format::quantity(hours))
    }

    /// Hours to the whole hour: "556 h" / "556 小时".
    pub fn whole_hours(self, hours: f64) -> String {
        self.hours_text(&format::decimals(hours, 0))
    }

    /// Where a fleet is cheaper than Fargate: "556 h", or "556–614 h" when
    /// its CPU credits make it dearer again.
    pub fn break_even(self, b: &BreakEven) -> String {
        self.hours_text(&break_even_hours(b))
    }

    fn hours_text(self, n: &str) -> String {
        match self {
            Lang::En => format!("{n} h"),
            Lang::Zh => fill(Zh::hours_unit, &[n]),
        }
    }

    /// A snapshot date as written in the sources (`2025-08-28`, or `2021-01`):
    /// unchanged in English, "2025年8月28日" in Chinese.
    pub fn date(self, iso: &str) -> String {
        if self == Lang::En {
            return iso.to_string();
        }
        // Month and day without a leading zero.
        let parts: Vec<String> = iso.split('-').map_while(|p| p.parse::<u32>().ok()).map(|n| n.to_string()).collect();
        match &parts[..] {
            [y, m, d] => fill(Zh::date_ymd, &[y, m, d]),
            [y, m] => fill(Zh::date_ym, &[y, m]),
            _ => iso.to_string(),
        }
    }

    /// "2 tasks" / "2 个任务"-style plural suffix for English nouns; Chinese has none.
    pub fn plural(self, n: u32) -> &'static str {
        match (self, n) {
            (Lang::En, 1) | (Lang::Zh, _) => "",
            (Lang::En, _) => "s",
        }
    }
}

/// The Chinese for a region code, a geography or a source title, if known;
/// None in English.
fn translated(lang: Lang, key: &str) -> Option<&'static str> {
    match lang {
        Lang::En => None,
        Lang::Zh => zh::named(key),
    }
}

/// A break-even's hours without their unit: "556", or "556–614" when the
/// fleet's CPU credits make it dearer again (the CLI's column gives the unit).
pub fn break_even_hours(b: &BreakEven) -> String {
    match b.below {
        None => format::decimals(b.above, 0),
        Some(below) => format!("{}–{}", format::decimals(b.above, 0), format::decimals(below, 0)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_languages_pick_the_first_we_have() {
        assert_eq!(Lang::negotiate(["fr-FR", "zh-CN", "en"]), Lang::Zh);
        assert_eq!(Lang::negotiate(["zh-Hant-TW"]), Lang::Zh);
        assert_eq!(Lang::negotiate(["en-GB", "zh"]), Lang::En);
        assert_eq!(Lang::negotiate(["de", "ja"]), Lang::En);
        assert_eq!(Lang::negotiate([]), Lang::En);
        assert_eq!(Lang::from_tag("ZH_cn"), Some(Lang::Zh));
        assert_eq!(Lang::from_tag(""), None);
    }

    #[test]
    fn money_hours_and_dates_read_per_language() {
        assert_eq!(Lang::En.usd(1234.567), "$1,234.57");
        assert_eq!(Lang::Zh.usd(1234.567), "US$1,234.57");
        assert_eq!(Lang::Zh.usd(-12.5), "-US$12.50");
        assert_eq!(Lang::Zh.usd_rate(0.04048), "US$0.04048");
        assert_eq!(Lang::Zh.usd(f64::NAN), "—");
        assert_eq!(Lang::Zh.hours(730.0), "730 小时");
        assert_eq!(Lang::En.hours(0.5), "0.5 h");
        assert_eq!((Lang::En.whole_hours(555.5), Lang::Zh.whole_hours(0.4)), ("556 h".to_string(), "0 小时".to_string()));
        assert_eq!(Lang::Zh.date("2025-08-28"), "2025年8月28日");
        assert_eq!(Lang::Zh.date("2021-01"), "2021年1月");
        assert_eq!(Lang::En.date("2025-08-28"), "2025-08-28");
    }
}
