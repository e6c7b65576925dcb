//! The share-link format: the whole state in a readable URL query.
//!
//! `?region=eu-west-1&cpu=0.5&mem=1&tasks=40&v=1` — the option names of
//! `inputs`, defaults omitted so links stay short, `v` for the format version.
//! Decoding is tolerant, unlike the CLI: unknown parameters are ignored, and a
//! bad or out-of-range value falls back to its default with a notice saying
//! which parameter was ignored and why. Nothing decoded is ever HTML.

use crate::i18n::Lang;
use crate::inputs::{last_value, percent_encode, query_pairs, Inputs, NAMES};
use crate::model::task_size::{cpu_units_of, mib_of, TaskSize};

/// The format this build writes. Version 1 is the first; a decoder keeps
/// reading every older version.
pub const VERSION: u32 = 1;

/// A parameter the link carried that the page did not use, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Ignored {
    pub param: String,
    pub value: String,
    /// Why, in English (what the parser says).
    pub reason: String,
}

impl Ignored {
    /// `value` of `param`, refused by the option's parser (`Inputs::set`):
    /// the reason is what the option accepts.
    pub fn refused(param: &str, value: &str, error: &crate::inputs::InputError) -> Ignored {
        Ignored::new(param, value, format!("expected {}", error.accepted))
    }

    /// The value is kept to 60 characters: it is shown, and a link can be long.
    fn new(param: &str, value: &str, reason: String) -> Ignored {
        Ignored { param: param.to_string(), value: value.chars().take(60).collect(), reason }
    }

    /// Why, as the page says it: the English reason, or in Chinese what the
    /// parameter accepts.
    pub fn reason_in(&self, lang: Lang) -> String {
        use crate::inputs::{MAX_MIN_INSTANCES, MAX_OPS_HOURS, MAX_RESERVE_MIB, MAX_TASKS};
        use crate::model::fargate::{FREE_STORAGE_GIB, MAX_STORAGE_GIB};
        if lang == Lang::En {
            return self.reason.clone();
        }
        let accepted = match self.param.as_str() {
            "region" => "AWS 区域代码，例如 us-east-1".to_string(),
            "platform" => "linux-x86、linux-arm 或 windows".to_string(),
            "cpu" => "vCPU 为 0.25、0.5、1、2、4、8 或 16（Windows 至少 1）".to_string(),
            "mem" => "该 vCPU 下 Fargate 允许的内存（GiB）".to_string(),
            "disk" => format!("{FREE_STORAGE_GIB} 到 {MAX_STORAGE_GIB} 之间的整数（GiB）"),
            "tasks" => format!("1 到 {MAX_TASKS} 之间的整数"),
            "hours" => "每个任务每月 0 到 730 小时".to_string(),
            "runs" => "每个任务每月计费不超过 730 小时的运行次数（每次至少按 1 分钟计费）".to_string(),
            "minutes" => "每次运行 0 到 1440 分钟".to_string(),
            "ec2" => "auto 或实例类型，例如 m6i.large".to_string(),
            "buy" => "on-demand、reserved-1y、reserved-3y 或 spot".to_string(),
            "capacity" => "always 或 follow（预留实例只能是 always）".to_string(),
            "min" => format!("0 到 {MAX_MIN_INSTANCES} 之间的整数"),
            "reserve" => format!("0 到 {MAX_RESERVE_MIB} 之间的整数（MiB）"),
            "net" => "bridge、awsvpc 或 awsvpc-trunking".to_string(),
            "extra" | "rate" => "0 或更大的美元金额".to_string(),
            "ops" => format!("0 到 {} 小时", crate::format::quantity(MAX_OPS_HOURS)),
            "lang" => "en 或 zh".to_string(),
            "v" => format!("链接版本；已按版本 {VERSION} 读取"),
            _ => return "无法识别".to_string(),
        };
        format!("应为{accepted}")
    }
}

/// The query string (without `?`) for `inputs`: non-default options only, in a
/// fixed order, then `v`.
pub fn encode(inputs: &Inputs) -> String {
    let defaults = Inputs::default();
    let mut parts = Vec::new();
    for name in NAMES {
        let (value, default) = (text(inputs, name), text(&defaults, name));
        if value != default {
            parts.push(format!("{name}={}", percent_encode(&value)));
        }
    }
    parts.push(format!("v={VERSION}"));
    parts.join("&")
}

/// One option as the text `Inputs::set` reads back to the same value.
fn text(i: &Inputs, name: &str) -> String {
    // The shortest text that parses back to the same number (as f64's Display).
    let number = crate::decimal::shortest;
    match name {
        "region" => i.region.clone(),
        "platform" => i.platform.slug().into(),
        "cpu" => number(i.cpu),
        "mem" => number(i.mem),
        "disk" => i.disk.to_string(),
        "tasks" => i.tasks.to_string(),
        "hours" => number(i.hours),
        "runs" => i.runs.map_or_else(String::new, |r| r.to_string()),
        "minutes" => number(i.minutes),
        "ec2" => i.ec2.clone(),
        "buy" => i.buy.slug().into(),
        "capacity" => i.capacity.slug().into(),
        "min" => i.min.to_string(),
        "reserve" => i.reserve.to_string(),
        "net" => i.net.slug().into(),
        "extra" => number(i.extra),
        "ops" => number(i.ops),
        "rate" => number(i.rate),
        _ => String::new(),
    }
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
    let Some(value) = last_value(&pairs, "lang") else { return Ok(None) };
    Lang::from_tag(value).map(Some).ok_or_else(|| Ignored::new("lang", value, "expected en or zh".into()))
}

/// Reads a query string (with or without `?`, or a whole URL). Always gives a
/// valid state; every value it could not use is listed with the reason.
pub fn decode(query: &str) -> (Inputs, Vec<Ignored>) {
    let pairs = query_pairs(query);
    let mut inputs = Inputs::default();
    let mut ignored = Vec::new();
    if let Some(v) = last_value(&pairs, "v") {
        match v.parse::<u32>() {
            Ok(v) if (1..=VERSION).contains(&v) => {}
            _ => ignored.push(Ignored::new("v", v, format!("unknown link version; read as version {VERSION}"))),
        }
    }
    // The fixed order matters: `hours` before `runs`, as `encode` writes them.
    for name in NAMES {
        let Some(value) = last_value(&pairs, name) else { continue };
        if let Err(e) = inputs.set(name, value) {
            ignored.push(Ignored::refused(name, value, &e));
        }
    }
    // Options that are fine alone but not together fall back one at a time.
    for _ in 0..NAMES.len() {
        let Err(e) = inputs.scenario() else { break };
        let param = e.option;
        let given = text(&inputs, param);
        match param {
            "mem" | "cpu" => {
                if inputs.platform == crate::model::platform::Platform::Windows && inputs.cpu < 1.0 {
                    inputs.cpu = 1.0;
                }
                inputs.mem = TaskSize::nearest(cpu_units_of(inputs.cpu), mib_of(inputs.mem)).map_or(2.0, |s| s.memory_gib());
            }
            "capacity" => inputs.capacity = Inputs::default().capacity,
            "runs" => inputs.runs = None,
            _ => inputs = Inputs::default(),
        }
        ignored.push(Ignored::refused(param, &given, &e));
    }
    (inputs, ignored)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_give_the_shortest_link() {
        assert_eq!(encode(&Inputs::default()), "v=1");
        assert_eq!(decode("v=1"), (Inputs::default(), vec![]));
        assert_eq!(decode(""), (Inputs::default(), vec![]));
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
        ] {
            i.set(k, v).unwrap();
        }
        let link = encode(&i);
        assert_eq!(link, "region=eu-west-1&platform=linux-arm&cpu=0.5&mem=1&tasks=40&hours=300&ec2=m7g.large&buy=spot&capacity=follow&min=3&reserve=768&net=awsvpc-trunking&extra=12.345&ops=2.5&rate=80&v=1");
        assert_eq!(decode(&format!("https://example.org/app/?{link}")), (i, vec![]));
    }

    #[test]
    fn bad_values_fall_back_with_a_notice_and_unknown_ones_are_ignored() {
        let (i, ignored) = decode("?cpu=3&tasks=many&utm_source=x&region=us-east-2");
        assert_eq!((i.cpu, i.tasks, i.region.as_str()), (1.0, 10, "us-east-2"));
        let params: Vec<&str> = ignored.iter().map(|g| g.param.as_str()).collect();
        assert_eq!(params, ["cpu", "tasks"]);
        assert!(ignored[0].reason.contains("0.25, 0.5, 1, 2, 4, 8, 16"), "{:?}", ignored[0]);
    }

    #[test]
    fn combinations_that_do_not_fit_are_mended_and_reported() {
        let (i, ignored) = decode("cpu=0.25&mem=8");
        assert_eq!((i.cpu, i.mem), (0.25, 2.0));
        assert_eq!(ignored[0].param, "mem");
        let (i, ignored) = decode("buy=reserved-1y&capacity=follow");
        assert_eq!(i.capacity, crate::model::ec2::Capacity::AlwaysOn);
        assert_eq!(ignored[0].param, "capacity");
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
        assert_eq!((bad.param.as_str(), bad.value.as_str()), ("lang", "<b>fr"));
        assert!(bad.reason_in(Lang::Zh).contains("en 或 zh"));
    }

    #[test]
    fn every_parameter_has_a_chinese_reason() {
        for name in NAMES.into_iter().chain(["lang", "v"]) {
            let ignored = Ignored { param: name.into(), value: "x".into(), reason: "expected y".into() };
            let zh = ignored.reason_in(Lang::Zh);
            assert!(zh.starts_with("应为") && zh.chars().any(|c| c > '\u{2E80}'), "{name}: {zh}");
        }
    }

    #[test]
    fn hostile_values_stay_text() {
        let (i, ignored) = decode("region=%3Cscript%3Ealert(1)%3C%2Fscript%3E&ec2=%22%3E%3Cimg%20onerror%3Dx%3E");
        assert_eq!(i, Inputs::default());
        assert_eq!(ignored.len(), 2);
    }
}
