//! What each option accepts, in the page's language: the English of
//! `options::Opt::accepted`, or its Chinese, written here per option.

use super::Lang;
use crate::format;
use crate::model::fargate::{FREE_STORAGE_GIB, MAX_STORAGE_GIB};
use crate::model::task_size::TaskSize;
use crate::model::HOURS_PER_MONTH;
use crate::options::{Opt, MAX_EBS_GIB, MAX_MINUTES, MAX_MIN_INSTANCES, MAX_OPS_HOURS, MAX_RESERVE_MIB, MAX_TASKS};

/// "a、b 或 c": a list as Chinese writes it.
fn or_list<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [rest @ .., last] => format!("{} 或 {}", rest.iter().map(AsRef::as_ref).collect::<Vec<_>>().join("、"), last.as_ref()),
    }
}

pub fn accepted(option: Opt, lang: Lang) -> String {
    if lang == Lang::En {
        return option.accepted();
    }
    let whole = |min: u32, max: u32| format!("{min} 到 {max} 之间的整数");
    match option {
        Opt::Platform | Opt::Buy | Opt::Capacity | Opt::Net | Opt::Credits | Opt::Ip => or_list(&option.choices().unwrap_or_default()),
        Opt::Region => "AWS 区域代码，例如 us-east-1".into(),
        Opt::Cpu => format!("vCPU 为 {}（Windows 至少 1）", or_list(&TaskSize::cpu_choices().map(format::vcpu).collect::<Vec<_>>())),
        Opt::Mem => "该 vCPU 下 Fargate 允许的内存（GiB）".into(),
        Opt::Disk => whole(FREE_STORAGE_GIB, MAX_STORAGE_GIB) + "（GiB）",
        Opt::CpuUse => "任务 vCPU 的 1% 到 100%".into(),
        Opt::Tasks => whole(1, MAX_TASKS),
        Opt::Hours => format!("每个任务每月 0 到 {} 小时", format::quantity(HOURS_PER_MONTH)),
        // The bound that matters is checked with the minutes (`Inputs::scenario`).
        Opt::Runs => "每个任务每月计费不超过 730 小时的运行次数（每次至少按 1 分钟计费）".into(),
        Opt::Minutes => format!("每次运行 0 到 {} 分钟", format::quantity(MAX_MINUTES)),
        Opt::Ec2 => "auto 或实例类型，例如 m6i.large".into(),
        Opt::Min => whole(0, MAX_MIN_INSTANCES),
        Opt::Reserve => whole(0, MAX_RESERVE_MIB) + "（MiB）",
        Opt::Ebs => whole(0, MAX_EBS_GIB) + "（GiB）",
        Opt::Extra | Opt::Rate => "0 或更大的美元金额".into(),
        Opt::Ops => format!("0 到 {} 小时", format::quantity(MAX_OPS_HOURS)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_option_says_in_chinese_what_it_accepts() {
        for o in Opt::ALL {
            let zh = accepted(o, Lang::Zh);
            assert!(zh.chars().any(|c| c > '\u{2E80}'), "{o:?}: {zh}");
            assert_eq!(accepted(o, Lang::En), o.accepted());
        }
        assert_eq!(accepted(Opt::Platform, Lang::Zh), "linux-x86、linux-arm 或 windows");
        assert_eq!(accepted(Opt::Cpu, Lang::Zh), "vCPU 为 0.25、0.5、1、2、4、8 或 16（Windows 至少 1）");
        assert_eq!(accepted(Opt::Disk, Lang::Zh), "20 到 200 之间的整数（GiB）");
        assert_eq!(accepted(Opt::Tasks, Lang::Zh), "1 到 10000 之间的整数");
    }
}
