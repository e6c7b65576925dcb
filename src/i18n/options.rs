//! What each option accepts, in the page's language: the English of
//! `options::Opt::accepted`, or its Chinese, written here per option.

use super::zh::{fill, zh, Zh};
use super::Lang;
use crate::format;
use crate::model::fargate::{FREE_STORAGE_GIB, MAX_STORAGE_GIB};
use crate::model::task_size::TaskSize;
use crate::model::HOURS_PER_MONTH;
use crate::options::{
    Opt, MAX_DAEMON_VCPU, MAX_EBS_GIB, MAX_HEADROOM_PERCENT, MAX_MINUTES, MAX_MIN_INSTANCES, MAX_OPS_HOURS, MAX_RESERVE_MIB,
    MAX_SCALE_IN_HOURS, MAX_SERVICES, MAX_TASKS,
};

/// "a、b 或 c": a list as Chinese writes it.
fn or_list<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [rest @ .., last] => {
            let rest: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
            fill(Zh::list_or, &[&rest.join(zh(Zh::list_sep)), last.as_ref()])
        }
    }
}

pub fn accepted(option: Opt, lang: Lang) -> String {
    if lang == Lang::En {
        return option.accepted();
    }
    let whole = |min: u32, max: u32| fill(Zh::accepts_whole, &[&min.to_string(), &max.to_string()]);
    match option {
        Opt::Platform | Opt::Buy | Opt::Capacity | Opt::Above | Opt::Net | Opt::Credits | Opt::Ip => {
            or_list(&option.choices().unwrap_or_default())
        }
        Opt::Region => zh(Zh::accepts_region).into(),
        Opt::Cpu => fill(Zh::accepts_cpu, &[&or_list(&TaskSize::cpu_choices().map(format::vcpu).collect::<Vec<_>>())]),
        Opt::Mem => zh(Zh::accepts_mem).into(),
        Opt::Disk => fill(Zh::accepts_gib, &[&whole(FREE_STORAGE_GIB, MAX_STORAGE_GIB)]),
        Opt::CpuUse => zh(Zh::accepts_cpu_use).into(),
        Opt::Tasks => whole(1, MAX_TASKS),
        Opt::Hours => fill(Zh::accepts_hours, &[&format::quantity(HOURS_PER_MONTH)]),
        // The bound that matters is checked with the minutes (`Inputs::scenario`).
        Opt::Runs => zh(Zh::accepts_runs).into(),
        Opt::Minutes => fill(Zh::accepts_minutes, &[&format::quantity(MAX_MINUTES)]),
        Opt::Curve => zh(Zh::accepts_curve).into(),
        Opt::ScaleIn => whole(0, MAX_SCALE_IN_HOURS),
        Opt::Ec2 => zh(Zh::accepts_ec2).into(),
        Opt::Min => whole(0, MAX_MIN_INSTANCES),
        Opt::Reserve | Opt::DaemonMem => fill(Zh::accepts_mib, &[&whole(0, MAX_RESERVE_MIB)]),
        Opt::DaemonCpu => fill(Zh::accepts_daemon_cpu, &[&format::quantity(MAX_DAEMON_VCPU)]),
        Opt::Headroom => fill(Zh::accepts_percent, &[&whole(0, MAX_HEADROOM_PERCENT)]),
        Opt::Service => fill(Zh::accepts_services, &[&MAX_SERVICES.to_string()]),
        Opt::Ebs => fill(Zh::accepts_gib, &[&whole(0, MAX_EBS_GIB)]),
        Opt::Extra | Opt::Rate => zh(Zh::accepts_usd).into(),
        Opt::Ops => fill(Zh::accepts_ops, &[&format::quantity(MAX_OPS_HOURS)]),
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
