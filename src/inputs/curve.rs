//! A service's week of load as a person gives it (issue 27), the same on the
//! command line (`--curve`, repeatable) and in links: `NAME:DAY[/WEEKEND]`,
//! comma-separated, where a day is 24 hours of task counts written as runs,
//! `COUNT` for one hour or `COUNTxHOURS`, dot-separated (`2x9.8x9.2x6`: 2
//! tasks until 09:00, 8 until 18:00, 2 until midnight); without a weekend
//! the weekend is the weekday. Or a preset: `NAME:business:PEAK:FLOOR`,
//! `NAME:batch:TASKS:HOURS`, `NAME:spiky:BASE:PEAK`, `NAME:steady:COUNT`,
//! written back as runs.

use super::InputError;
use crate::model::curve::preset::Preset;
use crate::model::curve::{Week, HOURS_PER_DAY};
use crate::options::{Opt, MAX_TASKS};

/// The presets by their names in the text.
pub const PRESETS: [(&str, Preset); 3] = [
    ("business", Preset::BusinessHours { peak: 0, floor: 0 }),
    ("batch", Preset::NightlyBatch { tasks: 0, hours: 0 }),
    ("spiky", Preset::Spiky { base: 0, peak: 0 }),
];

/// A preset's name in the text (`business`).
pub fn preset_name(p: Preset) -> &'static str {
    PRESETS.iter().find(|(_, q)| std::mem::discriminant(q) == std::mem::discriminant(&p)).map_or("", |(n, _)| n)
}

/// Each named service's week, in the order given.
pub fn parse_list(text: &str) -> Result<Vec<(String, Week)>, InputError> {
    let refused = || InputError::of(Opt::Curve, text);
    let mut out: Vec<(String, Week)> = Vec::new();
    for item in text.split(',').map(str::trim).filter(|i| !i.is_empty()) {
        let (name, curve) = item.split_once(':').ok_or_else(refused)?;
        let week = parse(curve).ok_or_else(refused)?;
        if out.iter().any(|(n, _)| n == name) || week.peak() == 0 {
            return Err(refused());
        }
        out.push((name.to_string(), week));
    }
    Ok(out)
}

/// A week from its runs or a preset; None where it is neither, or a count
/// is above `MAX_TASKS`.
pub fn parse(text: &str) -> Option<Week> {
    let numbers = |args: &str| -> Option<Vec<u32>> { args.split(':').map(|n| n.parse().ok().filter(|&n| n <= MAX_TASKS)).collect() };
    let (word, args) = text.split_once(':').unwrap_or((text, ""));
    let preset = match (word, numbers(args).as_deref()) {
        ("steady", Some(&[tasks])) => Some(Week::steady(tasks)),
        ("batch", Some(&[_, hours])) if hours as usize > HOURS_PER_DAY => None,
        (word, Some(&[a, b])) => PRESETS.iter().find(|(name, _)| *name == word).map(|(_, p)| p.with((a, b)).week()),
        _ => None,
    };
    if preset.is_some() || text.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return preset;
    }
    let (weekday, weekend) = text.split_once('/').unwrap_or((text, text));
    Some(Week { weekday: day(weekday)?, weekend: day(weekend)? })
}

/// 24 hours of counts from their runs.
fn day(text: &str) -> Option<[u32; HOURS_PER_DAY]> {
    let mut hours = [0; HOURS_PER_DAY];
    let mut at = 0;
    for run in text.split('.') {
        let (count, length) = run.split_once('x').unwrap_or((run, "1"));
        let (count, length): (u32, usize) = (count.parse().ok()?, length.parse().ok()?);
        if count > MAX_TASKS || length == 0 || at + length > HOURS_PER_DAY {
            return None;
        }
        hours[at..at + length].fill(count);
        at += length;
    }
    (at == HOURS_PER_DAY).then_some(hours)
}

fn day_text(hours: &[u32; HOURS_PER_DAY]) -> String {
    let mut runs: Vec<String> = Vec::new();
    let mut at = 0;
    while at < HOURS_PER_DAY {
        let length = hours[at..].iter().take_while(|&&n| n == hours[at]).count();
        runs.push(if length == 1 { hours[at].to_string() } else { format!("{}x{length}", hours[at]) });
        at += length;
    }
    runs.join(".")
}

/// The week as runs, the weekend after `/` where it differs.
pub fn text(week: &Week) -> String {
    match week.weekend == week.weekday {
        true => day_text(&week.weekday),
        false => format!("{}/{}", day_text(&week.weekday), day_text(&week.weekend)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_and_presets_read_and_write_back() {
        let business = parse("business:8:2").unwrap();
        assert_eq!(text(&business), "2x9.8x9.2x6/2x24");
        assert_eq!(parse("2x9.8x9.2x6/2x24"), Some(business));
        assert_eq!(text(&parse("batch:20:4").unwrap()), "0.20x4.0x19");
        assert_eq!(text(&parse("spiky:2:10").unwrap()), "2x9.10.2x3.10.2x5.10.2x4");
        assert_eq!(parse("steady:5"), Some(Week::steady(5)));
        assert_eq!(text(&Week::steady(5)), "5x24");
        assert_eq!(parse("1.2.3.4.5.6.7.8.9.10.11.12.13.14.15.16.17.18.19.20.21.22.23.24").unwrap().weekend[23], 24);
    }

    #[test]
    fn a_day_must_be_24_hours_of_counts() {
        for bad in ["2x23", "2x25", "2x0.2x24", "x24", "-1x24", "2x9.8x9.2x6/2x23", "business:8", "holiday:1:2", "10001x24", "", "2x24/"] {
            assert_eq!(parse(bad), None, "{bad}");
        }
        assert!(parse_list("web:0x24").is_err(), "a curve with no task at any hour");
        assert!(parse_list("web:2x24,web:3x24").is_err(), "one curve a service");
        assert_eq!(parse_list("web:2x24, api:steady:1").unwrap().len(), 2);
    }
}
