//! The options a person sets, in one table: each option's name (in share
//! links and on the command line), how its value is read, what it accepts in
//! both languages, and what it means. `Inputs` holds the values.
//!
//! Every per-option fact is a `match` on `Opt`, so adding an option is a
//! variant here plus what the compiler then asks for: its arm in each match
//! below, what it accepts in Chinese (`i18n::options`), its field and default
//! in `Inputs`, how `Inputs` reads and writes it (`set`, `text`), its JSON in
//! the CLI (`cli::json`), and its control on the page (`app::controls`).

use crate::format;
use crate::model::credits::CreditMode;
use crate::model::curve::Above;
use crate::model::ec2::{Capacity, PurchaseOption};
use crate::model::fargate::{FREE_STORAGE_GIB, MAX_STORAGE_GIB};
use crate::model::packing::NetworkMode;
use crate::model::platform::Platform;
use crate::model::task_size::TaskSize;
use crate::model::HOURS_PER_MONTH;

/// An option of the workload or the fleet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Opt {
    Region,
    Platform,
    Service,
    Cpu,
    Mem,
    Disk,
    CpuUse,
    Tasks,
    Hours,
    Runs,
    Minutes,
    Curve,
    Ec2,
    Buy,
    Capacity,
    ScaleIn,
    Above,
    Min,
    Reserve,
    DaemonCpu,
    DaemonMem,
    Headroom,
    Net,
    Credits,
    Ip,
    Ebs,
    Extra,
    Ops,
    Rate,
}

/// Tasks, instances and money have sane upper bounds, so a typo is an error
/// and not a number nobody meant.
pub const MAX_TASKS: u32 = 10_000;
/// The most services a workload lists.
pub const MAX_SERVICES: usize = 50;
/// Daemons take at most this much vCPU of each instance.
pub const MAX_DAEMON_VCPU: f64 = 16.0;
/// The longest a fleet keeps an instance once the load no longer needs it, hours.
pub const MAX_SCALE_IN_HOURS: u32 = 24;
/// Deploy headroom, percent: ECS's `maximumPercent` goes to 200.
pub const MAX_HEADROOM_PERCENT: u32 = 100;
pub const MAX_RUNS: u32 = 1_000_000;
pub const MAX_MIN_INSTANCES: u32 = 1_000;
pub const MAX_RESERVE_MIB: u32 = 65_536;
pub const MAX_USD: f64 = 1_000_000.0;
pub const MAX_OPS_HOURS: f64 = 10_000.0;
/// Fargate's largest task memory, GiB.
pub const MAX_MEMORY_GIB: f64 = 120.0;
/// A day: the longest run a schedule may have, minutes.
pub const MAX_MINUTES: f64 = 1440.0;
/// An EBS gp3 volume's largest size, GiB (16 TiB).
pub const MAX_EBS_GIB: u32 = 16_384;
/// The root volume the ECS-optimised AMIs boot from, GiB.
pub const DEFAULT_EBS_GIB: u32 = 30;
/// The two answers of `ip`: no public address, or one per task or instance.
pub const IP_CHOICES: [&str; 2] = ["none", "public"];

/// How an option's value is read, with its bounds.
#[derive(Clone, Copy, Debug)]
pub enum Accepts {
    /// An AWS region code (the snapshot says which regions it has).
    Region,
    /// One of these names.
    OneOf(fn() -> Vec<&'static str>),
    /// One of Fargate's vCPU values.
    Vcpu,
    /// Services: `NAME:CPU:MEM:COUNT[:DISK[:USE[:sidecars]]]`, comma-separated.
    Services,
    /// Services' weeks: `NAME:DAY[/WEEKEND]` or a preset, comma-separated (`inputs::curve`).
    Curves,
    /// A number, `min` to `max`; memory is checked with the vCPU later.
    Number {
        min: f64,
        max: f64,
    },
    Whole {
        min: u32,
        max: u32,
    },
    /// `auto`, or an instance type's name.
    InstanceType,
}

impl Opt {
    /// In the order options apply: `hours` before `runs`, so a link or a
    /// command line means the same whatever order it lists them in.
    pub const ALL: [Opt; 29] = [
        Opt::Region,
        Opt::Platform,
        Opt::Service,
        Opt::Cpu,
        Opt::Mem,
        Opt::Disk,
        Opt::CpuUse,
        Opt::Tasks,
        Opt::Hours,
        Opt::Runs,
        Opt::Minutes,
        Opt::Curve,
        Opt::Ec2,
        Opt::Buy,
        Opt::Capacity,
        Opt::ScaleIn,
        Opt::Above,
        Opt::Min,
        Opt::Reserve,
        Opt::DaemonCpu,
        Opt::DaemonMem,
        Opt::Headroom,
        Opt::Net,
        Opt::Credits,
        Opt::Ip,
        Opt::Ebs,
        Opt::Extra,
        Opt::Ops,
        Opt::Rate,
    ];

    /// Whether it is an option of one service (of the one `Inputs::at` points at).
    pub fn per_service(self) -> bool {
        matches!(self, Opt::Cpu | Opt::Mem | Opt::Disk | Opt::CpuUse | Opt::Tasks)
    }

    /// Its name in share links and on the command line (`--cpu`).
    pub fn name(self) -> &'static str {
        match self {
            Opt::Region => "region",
            Opt::Platform => "platform",
            Opt::Service => "service",
            Opt::Cpu => "cpu",
            Opt::Mem => "mem",
            Opt::Disk => "disk",
            Opt::CpuUse => "cpu-use",
            Opt::Tasks => "tasks",
            Opt::Hours => "hours",
            Opt::Runs => "runs",
            Opt::Minutes => "minutes",
            Opt::Curve => "curve",
            Opt::Ec2 => "ec2",
            Opt::Buy => "buy",
            Opt::Capacity => "capacity",
            Opt::ScaleIn => "scale-in",
            Opt::Above => "above",
            Opt::Min => "min",
            Opt::Reserve => "reserve",
            Opt::DaemonCpu => "daemon-cpu",
            Opt::DaemonMem => "daemon-mem",
            Opt::Headroom => "headroom",
            Opt::Net => "net",
            Opt::Credits => "credits",
            Opt::Ip => "ip",
            Opt::Ebs => "ebs",
            Opt::Extra => "extra",
            Opt::Ops => "ops",
            Opt::Rate => "rate",
        }
    }

    pub fn from_name(name: &str) -> Option<Opt> {
        Opt::ALL.into_iter().find(|o| o.name() == name)
    }

    pub fn accepts(self) -> Accepts {
        match self {
            Opt::Region => Accepts::Region,
            Opt::Platform => Accepts::OneOf(|| Platform::ALL.map(Platform::slug).to_vec()),
            Opt::Service => Accepts::Services,
            Opt::Curve => Accepts::Curves,
            Opt::ScaleIn => Accepts::Whole { min: 0, max: MAX_SCALE_IN_HOURS },
            Opt::Cpu => Accepts::Vcpu,
            Opt::Mem => Accepts::Number { min: 0.5, max: MAX_MEMORY_GIB },
            Opt::Disk => Accepts::Whole { min: FREE_STORAGE_GIB, max: MAX_STORAGE_GIB },
            Opt::CpuUse => Accepts::Number { min: 1.0, max: 100.0 },
            Opt::Tasks => Accepts::Whole { min: 1, max: MAX_TASKS },
            Opt::Hours => Accepts::Number { min: 0.0, max: HOURS_PER_MONTH },
            Opt::Runs => Accepts::Whole { min: 1, max: MAX_RUNS },
            Opt::Minutes => Accepts::Number { min: 0.0, max: MAX_MINUTES },
            Opt::Ec2 => Accepts::InstanceType,
            Opt::Buy => Accepts::OneOf(|| PurchaseOption::ALL.map(PurchaseOption::slug).to_vec()),
            Opt::Capacity => Accepts::OneOf(|| Capacity::ALL.map(Capacity::slug).to_vec()),
            Opt::Above => Accepts::OneOf(|| Above::ALL.map(Above::slug).to_vec()),
            Opt::Min => Accepts::Whole { min: 0, max: MAX_MIN_INSTANCES },
            Opt::Reserve | Opt::DaemonMem => Accepts::Whole { min: 0, max: MAX_RESERVE_MIB },
            Opt::DaemonCpu => Accepts::Number { min: 0.0, max: MAX_DAEMON_VCPU },
            Opt::Headroom => Accepts::Whole { min: 0, max: MAX_HEADROOM_PERCENT },
            Opt::Net => Accepts::OneOf(|| NetworkMode::ALL.map(NetworkMode::slug).to_vec()),
            Opt::Credits => Accepts::OneOf(|| CreditMode::ALL.map(CreditMode::slug).to_vec()),
            Opt::Ip => Accepts::OneOf(|| IP_CHOICES.to_vec()),
            Opt::Ebs => Accepts::Whole { min: 0, max: MAX_EBS_GIB },
            Opt::Extra | Opt::Rate => Accepts::Number { min: 0.0, max: MAX_USD },
            Opt::Ops => Accepts::Number { min: 0.0, max: MAX_OPS_HOURS },
        }
    }

    /// The names it accepts, for an option that takes one of a list.
    pub fn choices(self) -> Option<Vec<&'static str>> {
        match self.accepts() {
            Accepts::OneOf(names) => Some(names()),
            _ => None,
        }
    }

    /// What a value must be, as an error message or the help ends it
    /// ("expected …"), in English: the CLI's words, and the page's in
    /// English (`i18n::options` has the Chinese).
    pub fn accepted(self) -> String {
        let whole = |min: u32, max: u32| format!("a whole number from {min} to {max}");
        match self {
            Opt::Platform | Opt::Buy | Opt::Capacity | Opt::Above | Opt::Net | Opt::Credits | Opt::Ip => {
                self.choices().unwrap_or_default().join(", ")
            }
            Opt::Region => "an AWS region code such as us-east-1".into(),
            Opt::Service => format!(
                "services as NAME:CPU:MEM:COUNT[:DISK[:USE[:sidecars]]], comma-separated, at most {MAX_SERVICES}; names of letters, digits, - and _"
            ),
            Opt::Cpu => format!("vCPU: {}", TaskSize::cpu_choices().map(format::vcpu).collect::<Vec<_>>().join(", ")),
            Opt::Mem => format!("GiB: 0.5 to {}, as the vCPU allows", format::quantity(MAX_MEMORY_GIB)),
            Opt::Disk => whole(FREE_STORAGE_GIB, MAX_STORAGE_GIB),
            Opt::CpuUse => "percent of the task's vCPU, 1 to 100".into(),
            Opt::Tasks => whole(1, MAX_TASKS),
            Opt::Hours => format!("hours per month per task, 0 to {}", format::quantity(HOURS_PER_MONTH)),
            Opt::Runs => whole(1, MAX_RUNS),
            Opt::Minutes => format!("minutes per run, 0 to {}", format::quantity(MAX_MINUTES)),
            Opt::Curve => "NAME:DAY[/WEEKEND], a day being 24 hours of task counts as runs COUNT or COUNTxHOURS, dot-separated (2x9.8x9.2x6), or NAME:business:PEAK:FLOOR, NAME:batch:TASKS:HOURS, NAME:spiky:BASE:PEAK, NAME:steady:COUNT; comma-separated".into(),
            Opt::ScaleIn => whole(0, MAX_SCALE_IN_HOURS),
            Opt::Ec2 => "auto, or an instance type such as m6i.large".into(),
            Opt::Min => whole(0, MAX_MIN_INSTANCES),
            Opt::Reserve | Opt::DaemonMem => whole(0, MAX_RESERVE_MIB),
            Opt::DaemonCpu => format!("vCPU, 0 to {}", format::quantity(MAX_DAEMON_VCPU)),
            Opt::Headroom => whole(0, MAX_HEADROOM_PERCENT),
            Opt::Ebs => whole(0, MAX_EBS_GIB),
            Opt::Extra => "USD per instance per month, 0 or more".into(),
            Opt::Ops => format!("engineer hours per month, 0 to {}", format::quantity(MAX_OPS_HOURS)),
            Opt::Rate => "USD per engineer hour, 0 or more".into(),
        }
    }

    /// What the option is, and in which unit: the CLI's help (English).
    pub fn meaning(self) -> &'static str {
        match self {
            Opt::Region => "AWS region code",
            Opt::Platform => "the tasks' platform (Fargate's and the instances')",
            Opt::Service => "the workload's services, packed together on EC2 (repeatable); --cpu, --mem, --disk, --cpu-use and --tasks then set the first",
            Opt::Cpu => "vCPU per task",
            Opt::Mem => "memory per task, GiB",
            Opt::Disk => "ephemeral storage per task, GiB (the first 20 are free on Fargate)",
            Opt::CpuUse => "a task's average CPU use, percent of its vCPU (burstable instances pay credits above their baseline)",
            Opt::Tasks => "tasks running at once",
            Opt::Hours => "hours each task runs per month (730 = all month)",
            Opt::Runs => "a scheduled job instead: runs per month per task",
            Opt::Minutes => "with --runs: minutes per run (Fargate bills at least 1)",
            Opt::Curve => "a service's week of load, hour by hour on weekdays and weekends (repeatable); its busiest hour sets its task count",
            Opt::Ec2 => "EC2 instance type; auto picks the cheapest fleet",
            Opt::Buy => "EC2 purchase option the instance is chosen for",
            Opt::Capacity => "EC2 fleet always on, or running only while the tasks do (with a curve: following it hour by hour)",
            Opt::ScaleIn => "with a curve: hours an instance is kept once the load no longer needs it",
            Opt::Above => "with a curve: how the load above an EC2 baseline or commitment is bought (Fargate and EC2 on-demand, or Spot)",
            Opt::Min => "fewest EC2 instances (2: one per availability zone in two zones)",
            Opt::Reserve => "MiB per instance kept for the OS and the ECS agent",
            Opt::DaemonCpu => "vCPU per instance taken by daemon tasks (log router, monitoring agent)",
            Opt::DaemonMem => "MiB per instance taken by daemon tasks",
            Opt::Headroom => "percent more of each service's tasks that must fit at once while it deploys (maximumPercent − 100)",
            Opt::Net => "ECS network mode (awsvpc limits tasks per instance by ENIs)",
            Opt::Credits => "CPU credit mode of burstable instances (t2, t3, t3a, t4g)",
            Opt::Ip => "public IPv4 addresses: one per Fargate task, one per instance",
            Opt::Ebs => "GiB of EBS gp3 root volume per instance (0: none)",
            Opt::Extra => "USD per instance per month on top of its price (agents, monitoring)",
            Opt::Ops => "engineer hours per month spent running the EC2 fleet (none on Managed Instances)",
            Opt::Rate => "USD per engineer hour",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_read_back() {
        for o in Opt::ALL {
            assert_eq!(Opt::from_name(o.name()), Some(o));
            assert_eq!(Opt::ALL.iter().filter(|p| p.name() == o.name()).count(), 1);
        }
        assert_eq!(Opt::from_name("colour"), None);
    }

    #[test]
    fn every_option_says_what_it_accepts() {
        for o in Opt::ALL {
            let en = o.accepted();
            assert!(!en.is_empty() && en.is_ascii(), "{o:?}: {en}");
            assert!(!o.meaning().is_empty());
        }
        assert_eq!(Opt::Platform.accepted(), "linux-x86, linux-arm, windows");
        assert_eq!(Opt::Cpu.accepted(), "vCPU: 0.25, 0.5, 1, 2, 4, 8, 16");
        assert_eq!(Opt::Hours.accepted(), "hours per month per task, 0 to 730");
        assert_eq!(Opt::Tasks.accepted(), "a whole number from 1 to 10000");
    }
}
