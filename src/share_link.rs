//! The share-link format: the whole state in a readable URL query.
//!
//! `?region=eu-west-1&cpu=0.5&mem=1&tasks=40&v=1` — the option names of
//! `options::Opt`, defaults omitted so links stay short, `v` for the format
//! version. Decoding is tolerant, unlike the CLI: unknown parameters are
//! ignored, and a bad or out-of-range value falls back to its default with a
//! notice saying which parameter was ignored and why. Nothing decoded is ever
//! HTML.

use crate::i18n::zh::{fill, zh, Zh};
use crate::i18n::Lang;
use crate::inputs::{last_value, percent_encode_but, query_pairs, InputError, Inputs};
use crate::options::Opt;

/// The format this build writes. Version 1 is the first; 2 came with the
/// options of CPU use, credits, public IPv4 and EBS, whose defaults a
/// version-1 link opens with; 3 with several services (`service`), daemons
/// and deploy headroom, none of which an older link has. A decoder keeps
/// reading every older version.
pub const VERSION: u32 = 3;

/// The first version whose links were made with CPU credits and EBS
/// volumes priced: an older link's totals may have moved since.
pub const PRICES_BESIDE_COMPUTE: u32 = 2;

/// The version a link was written in: its `v`, or this build's where it
/// has none or a version this build does not know.
pub fn version(query: &str) -> u32 {
    let pairs = query_pairs(query);
    last_value(&pairs, Param::Version.name()).and_then(|v| v.parse().ok()).filter(|v| (1..=VERSION).contains(v)).unwrap_or(VERSION)
}

/// A parameter a link carries: an option, or one about the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Param {
    Option(Opt),
    /// `lang`: the page's language.
    Lang,
    /// `v`: the link format's version.
    Version,
}

impl Param {
    pub fn name(self) -> &'static str {
        match self {
            Param::Option(o) => o.name(),
            Param::Lang => "lang",
            Param::Version => "v",
        }
    }
}

/// A parameter the link carried that the page did not use, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Ignored {
    pub param: Param,
    pub value: String,
    /// Why, in English (what the parser says).
    pub reason: String,
}

impl Ignored {
    /// `value` of an option, refused by its parser (`Inputs::set`) or by the
    /// options' cross-checks: the reason is what the option accepts.
    pub fn refused(value: &str, error: &InputError) -> Ignored {
        Ignored::new(Param::Option(error.option), value, format!("expected {}", error.accepted))
    }

    /// The value is kept to 60 characters: it is shown, and a link can be long.
    fn new(param: Param, value: &str, reason: String) -> Ignored {
        Ignored { param, value: value.chars().take(60).collect(), reason }
    }

    /// Why, as the page says it: the English reason, or in Chinese what the
    /// parameter accepts.
    pub fn reason_in(&self, lang: Lang) -> String {
        let accepted = match (lang, self.param) {
            (Lang::En, _) => return self.reason.clone(),
            (Lang::Zh, Param::Option(o)) => crate::i18n::options::accepted(o, Lang::Zh),
            (Lang::Zh, Param::Lang) => zh(Zh::accepts_lang).to_string(),
            (Lang::Zh, Param::Version) => fill(Zh::accepts_version, &[&VERSION.to_string()]),
        };
        fill(Zh::expected, &[&accepted])
    }
}

/// The query string (without `?`) for `inputs`: non-default options only, in a
/// fixed order, then `v`. One service the per-task options can say is
/// written with them, as before services; otherwise the `service` list
/// alone says every service.
pub fn encode(inputs: &Inputs) -> String {
    let defaults = Inputs::default();
    let listed = inputs.lists_services();
    let mut parts = Vec::new();
    for option in Opt::ALL {
        let value = inputs.text(option);
        let written = if option == Opt::Service { listed } else { !(listed && option.per_service()) };
        if written && value != defaults.text(option) {
            // `:`, `,` and `/` are allowed in a query and keep lists and curves readable.
            parts.push(format!("{}={}", option.name(), percent_encode_but(&value, b":,/")));
        }
    }
    parts.push(format!("v={VERSION}"));
    parts.join("&")
}

/// Whether a link asks for the compact layout for articles (`embed=1`).
/// It is about the page, not the scenario, so it is not part of `Inputs`.
pub fn is_embed(query: &str) -> bool {
    last_value(&query_pairs(query), "embed") == Some("1")
}

/// The language a link asks for (`lang=zh`, also `zh-CN`, `en-GB`…), if any.
/// A value we have no language for is reported like any other bad value.
pub fn lang(query: &str) -> Result<Option<Lang>, Ignored> {
    let pairs = query_pairs(query);
    let Some(value) = last_value(&pairs, Param::Lang.name()) else { return Ok(None) };
    Lang::from_tag(value).map(Some).ok_or_else(|| Ignored::new(Param::Lang, value, "expected en or zh".into()))
}

/// Reads a query string (with or without `?`, or a whole URL). Always gives a
/// valid state; every value it could not use is listed with the reason.
pub fn decode(query: &str) -> (Inputs, Vec<Ignored>) {
    let pairs = query_pairs(query);
    let mut inputs = Inputs::default();
    let mut ignored = Vec::new();
    if let Some(v) = last_value(&pairs, Param::Version.name()) {
        match v.parse::<u32>() {
            Ok(v) if (1..=VERSION).contains(&v) => {}
            _ => ignored.push(Ignored::new(Param::Version, v, format!("unknown link version; read as version {VERSION}"))),
        }
    }
    // The fixed order matters: `hours` before `runs`, as `encode` writes them.
    for option in Opt::ALL {
        let Some(value) = last_value(&pairs, option.name()) else { continue };
        if let Err(e) = inputs.set(option, value) {
            ignored.push(Ignored::refused(value, &e));
        }
    }
    // Options that are fine alone but not together fall back one at a time.
    for _ in 0..Opt::ALL.len() {
        let Err(e) = inputs.scenario() else { break };
        let given = inputs.text(e.option);
        match e.option {
            Opt::Mem | Opt::Cpu => inputs.repair_size(),
            Opt::Service => {
                let before = inputs.services.clone();
                inputs.repair_size();
                if inputs.services == before {
                    inputs.services = Inputs::default().services;
                }
            }
            Opt::Capacity => inputs.capacity = Inputs::default().capacity,
            Opt::Runs => inputs.runs = None,
            _ => inputs = Inputs::default(),
        }
        ignored.push(Ignored::refused(&given, &e));
    }
    (inputs, ignored)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_give_the_shortest_link() {
        assert_eq!(encode(&Inputs::default()), "v=3");
        assert_eq!(decode("v=2"), (Inputs::default(), vec![]));
        assert_eq!(decode(""), (Inputs::default(), vec![]));
        // A version-1 link opens with the same inputs, and says which version it is.
        assert_eq!(decode("v=1"), (Inputs::default(), vec![]));
        assert_eq!((version("?tasks=3&v=1"), version("v=2"), version(""), version("v=9")), (1, 2, 3, 3));
    }

    #[test]
    fn a_full_link_round_trips() {
        let mut i = Inputs::default();
        for (k, v) in [
            ("region", "eu-west-1"),
            ("platform", "linux-arm"),
            ("cpu", "0.5"),
            ("mem", "1"),
            ("tasks", "40"),
            ("hours", "300"),
            ("ec2", "m7g.large"),
            ("buy", "spot"),
            ("capacity", "follow"),
            ("min", "3"),
            ("reserve", "768"),
            ("net", "awsvpc-trunking"),
            ("extra", "12.345"),
            ("ops", "2.5"),
            ("rate", "80"),
            ("cpu-use", "35"),
            ("credits", "standard"),
            ("ip", "public"),
            ("ebs", "0"),
        ] {
            i.set(Opt::from_name(k).unwrap(), v).unwrap();
        }
        let link = encode(&i);
        assert_eq!(
            link,
            "region=eu-west-1&platform=linux-arm&cpu=0.5&mem=1&cpu-use=35&tasks=40&hours=300&ec2=m7g.large&buy=spot&capacity=follow&min=3\
             &reserve=768&net=awsvpc-trunking&credits=standard&ip=public&ebs=0&extra=12.345&ops=2.5&rate=80&v=3"
        );
        assert_eq!(decode(&format!("https://example.org/app/?{link}")), (i, vec![]));
    }

    #[test]
    fn a_workload_of_ten_services_is_one_readable_parameter_under_2000_characters() {
        let mut i = Inputs::default();
        let services: Vec<String> = (0..10)
            .map(|k| {
                format!("service-{k}:{}:{}:{}:{}:{}", [0.25, 0.5, 1.0, 2.0, 4.0][k % 5], [2, 4, 8, 16, 30][k % 5], 100 + k, 21 + k, 35 + k)
            })
            .collect();
        i.set(Opt::Service, &services.join(",")).unwrap();
        i.set(Opt::DaemonCpu, "0.25").unwrap();
        i.set(Opt::Headroom, "100").unwrap();
        let link = encode(&i);
        assert!(link.starts_with("service=service-0:0.25:2:100:21:35,service-1:0.5:4:101:22:36,"), "{link}");
        assert!(!link.contains("&cpu=") && !link.contains("&tasks="), "the list alone says the services: {link}");
        assert!(link.len() < 2000, "{} characters", link.len());
        assert_eq!(decode(&link), (i, vec![]));
    }

    /// Issue 27: each of ten services with a weekday and a weekend curve of its
    /// own, every hour a different count (the worst case for runs), still fits.
    #[test]
    fn ten_services_with_curves_of_their_own_are_under_2000_characters() {
        let mut i = Inputs::default();
        let services: Vec<String> = (0..10).map(|k| format!("service-{k}:0.5:1:1")).collect();
        i.set(Opt::Service, &services.join(",")).unwrap();
        let day = |k: usize, shift: usize| (0..24).map(|h| ((h * 7 + k * 3 + shift) % 31 + 1).to_string()).collect::<Vec<_>>().join(".");
        let curves: Vec<String> = (0..10).map(|k| format!("service-{k}:{}/{}", day(k, 0), day(k, 5))).collect();
        i.set(Opt::Curve, &curves.join(",")).unwrap();
        i.set(Opt::Capacity, "follow").unwrap();
        let link = encode(&i);
        assert!(link.contains("&curve=service-0:1.8.15.22.29.5.12."), "readable: {link}");
        assert!(link.len() < 2000, "{} characters", link.len());
        assert_eq!(decode(&link), (i, vec![]));
    }

    #[test]
    fn one_unnamed_service_keeps_the_links_of_before_and_a_named_one_is_listed() {
        let mut i = Inputs::default();
        i.set(Opt::Tasks, "4").unwrap();
        assert_eq!(encode(&i), "tasks=4&v=3");
        i.set(Opt::Service, "web:1:2:4").unwrap();
        assert_eq!(encode(&i), "service=web:1:2:4&v=3");
        // A bad list falls back to the one default service, with a notice.
        let (i, ignored) = decode("service=web:3:2:4,api:1:2:1&tasks=5");
        assert_eq!((i.services.len(), i.service().tasks), (1, 5));
        assert_eq!(ignored[0].param, Param::Option(Opt::Service));
        // A size that does not fit is moved, as a lone service's would be.
        let (i, ignored) = decode("service=web:0.25:8:4,api:1:2:1");
        assert_eq!(i.text(Opt::Service), "web:0.25:2:4,api:1:2:1");
        assert_eq!(ignored[0].param, Param::Option(Opt::Service));
    }

    #[test]
    fn bad_values_fall_back_with_a_notice_and_unknown_ones_are_ignored() {
        let (i, ignored) = decode("?cpu=3&tasks=many&utm_source=x&region=us-east-2");
        assert_eq!((i.service().cpu, i.service().tasks, i.region.as_str()), (1.0, 10, "us-east-2"));
        let params: Vec<&str> = ignored.iter().map(|g| g.param.name()).collect();
        assert_eq!(params, ["cpu", "tasks"]);
        assert!(ignored[0].reason.contains("0.25, 0.5, 1, 2, 4, 8, 16"), "{:?}", ignored[0]);
    }

    #[test]
    fn combinations_that_do_not_fit_are_mended_and_reported() {
        let (i, ignored) = decode("cpu=0.25&mem=8");
        assert_eq!((i.service().cpu, i.service().mem), (0.25, 2.0));
        assert_eq!(ignored[0].param, Param::Option(Opt::Mem));
        let (i, ignored) = decode("buy=reserved-1y&capacity=follow");
        assert_eq!(i.capacity, crate::model::ec2::Capacity::AlwaysOn);
        assert_eq!(ignored[0].param, Param::Option(Opt::Capacity));
        assert!(i.scenario().is_ok());
    }

    #[test]
    fn embed_is_a_page_flag() {
        assert!(is_embed("?tasks=3&embed=1&v=1"));
        assert!(!is_embed("?embed=0") && !is_embed("?embed=yes") && !is_embed(""));
        assert_eq!(decode("embed=1&lang=zh").1, vec![], "page flags are not ignored values");
    }

    #[test]
    fn lang_is_read_and_a_bad_one_reported() {
        assert_eq!(lang("?tasks=3&lang=zh&v=1"), Ok(Some(Lang::Zh)));
        assert_eq!(lang("lang=en"), Ok(Some(Lang::En)));
        assert_eq!(lang("tasks=3"), Ok(None));
        let bad = lang("lang=%3Cb%3Efr").unwrap_err();
        assert_eq!((bad.param, bad.value.as_str()), (Param::Lang, "<b>fr"));
        assert!(bad.reason_in(Lang::Zh).contains("en 或 zh"));
    }

    #[test]
    fn every_parameter_has_a_chinese_reason() {
        for param in Opt::ALL.map(Param::Option).into_iter().chain([Param::Lang, Param::Version]) {
            let ignored = Ignored { param, value: "x".into(), reason: "expected y".into() };
            let zh = ignored.reason_in(Lang::Zh);
            assert!(zh.starts_with("应为") && zh.chars().any(|c| c > '\u{2E80}'), "{}: {zh}", param.name());
        }
    }

    #[test]
    fn hostile_values_stay_text() {
        let (i, ignored) = decode("region=%3Cscript%3Ealert(1)%3C%2Fscript%3E&ec2=%22%3E%3Cimg%20onerror%3Dx%3E");
        assert_eq!(i, Inputs::default());
        assert_eq!(ignored.len(), 2);
    }
}
