//! What a person asks, by name: the options the CLI takes and share links
//! carry (`region, platform, cpu, mem, disk, tasks, hours, runs, minutes, ec2,
//! buy, capacity, min, reserve, net, extra, ops, rate`). Parsing is strict and
//! every error names the option and what it accepts.

use crate::format;
use crate::model::ec2::{Capacity, Overheads, PurchaseOption};
use crate::model::fargate::{FREE_STORAGE_GIB, MAX_STORAGE_GIB};
use crate::model::packing::NetworkMode;
use crate::model::platform::Platform;
use crate::model::scenario::{InstanceChoice, Scenario};
use crate::model::task_size::{cpu_units_of, vcpu_of, TaskSize};
use crate::model::usage::Usage;
use crate::model::HOURS_PER_MONTH;
use crate::pricing::DEFAULT_REGION;
use std::fmt;

/// Every option, normalised. `Default` is the page's first view.
#[derive(Clone, Debug, PartialEq)]
pub struct Inputs {
    pub region: String,
    pub platform: Platform,
    /// vCPU per task.
    pub cpu: f64,
    /// GiB of memory per task.
    pub mem: f64,
    /// GiB of ephemeral storage per task.
    pub disk: u32,
    pub tasks: u32,
    /// Hours per month per task; ignored when `runs` is set.
    pub hours: f64,
    /// Scheduled job: runs per month per task.
    pub runs: Option<u32>,
    /// Scheduled job: minutes per run.
    pub minutes: f64,
    /// "auto" or an instance type.
    pub ec2: String,
    pub buy: PurchaseOption,
    pub capacity: Capacity,
    /// Minimum instances in the fleet (2 = one per availability zone in two zones).
    pub min: u32,
    /// MiB per instance kept for the OS and the ECS agent.
    pub reserve: u32,
    pub net: NetworkMode,
    /// USD per instance per month on top of the instance (EBS, agents).
    pub extra: f64,
    /// Engineer hours per month spent running the EC2 fleet.
    pub ops: f64,
    /// USD per engineer hour.
    pub rate: f64,
}

/// Tasks, instances and money have sane upper bounds, so a typo is an error
/// and not a number nobody meant.
pub const MAX_TASKS: u32 = 10_000;
pub const MAX_RUNS: u32 = 1_000_000;
pub const MAX_MIN_INSTANCES: u32 = 1_000;
pub const MAX_RESERVE_MIB: u32 = 65_536;
pub const MAX_USD: f64 = 1_000_000.0;
pub const MAX_OPS_HOURS: f64 = 10_000.0;

impl Default for Inputs {
    fn default() -> Self {
        Inputs {
            region: DEFAULT_REGION.to_string(),
            platform: Platform::LinuxX86,
            cpu: 1.0,
            mem: 2.0,
            disk: FREE_STORAGE_GIB,
            tasks: 10,
            hours: HOURS_PER_MONTH,
            runs: None,
            minutes: 5.0,
            ec2: "auto".to_string(),
            buy: PurchaseOption::OnDemand,
            capacity: Capacity::AlwaysOn,
            min: 2,
            // The OS, the kernel and the ECS agent: a few hundred MiB on the
            // ECS-optimised AMIs; 512 MiB errs on the safe side.
            reserve: 512,
            net: NetworkMode::Bridge,
            extra: 0.0,
            ops: 0.0,
            rate: 100.0,
        }
    }
}

/// A bad option: which one, what was given, and what is accepted.
#[derive(Clone, Debug, PartialEq)]
pub struct InputError {
    pub option: &'static str,
    pub given: String,
    pub accepted: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // One line, whatever was given.
        let given: String = self.given.chars().take(40).map(|c| if c.is_control() { ' ' } else { c }).collect();
        write!(f, "--{}: {} is not valid; expected {}", self.option, crate::format::quoted(&given), self.accepted)
    }
}

pub const NAMES: [&str; 18] = [
    "region", "platform", "cpu", "mem", "disk", "tasks", "hours", "runs", "minutes", "ec2", "buy", "capacity", "min", "reserve", "net",
    "extra", "ops", "rate",
];

fn number(option: &'static str, value: &str, min: f64, max: f64, accepted: &str) -> Result<f64, InputError> {
    let err = || InputError { option, given: value.to_string(), accepted: accepted.to_string() };
    let x = crate::decimal::parse(value.trim()).ok_or_else(err)?;
    (x.is_finite() && (min..=max).contains(&x)).then_some(x).ok_or_else(err)
}

fn whole(option: &'static str, value: &str, min: u32, max: u32) -> Result<u32, InputError> {
    let err = || InputError { option, given: value.to_string(), accepted: format!("a whole number from {min} to {max}") };
    let x: u32 = value.trim().parse().map_err(|_| err())?;
    (min..=max).contains(&x).then_some(x).ok_or_else(err)
}

fn one_of<T: Copy>(option: &'static str, value: &str, all: &[T], slug: impl Fn(T) -> &'static str) -> Result<T, InputError> {
    all.iter().copied().find(|&t| slug(t) == value.trim()).ok_or_else(|| InputError {
        option,
        given: value.to_string(),
        accepted: all.iter().map(|&t| slug(t)).collect::<Vec<_>>().join(", "),
    })
}

fn is_name(s: &str) -> bool {
    !s.is_empty() && s.len() <= 40 && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
}

impl Inputs {
    /// Sets one option from its text; the value is checked on its own here and
    /// with the others in `scenario()`.
    pub fn set(&mut self, option: &str, value: &str) -> Result<(), InputError> {
        let v = value.trim();
        match option {
            "region" => {
                if !is_name(v) {
                    return Err(InputError {
                        option: "region",
                        given: value.into(),
                        accepted: "an AWS region code such as us-east-1".into(),
                    });
                }
                self.region = v.to_string();
            }
            "platform" => self.platform = one_of("platform", v, &Platform::ALL, Platform::slug)?,
            "cpu" => {
                let accepted = TaskSize::cpu_choices().map(format::vcpu).collect::<Vec<_>>().join(", ");
                let cpu = number("cpu", v, 0.0, 16.0, &format!("vCPU: {accepted}"))?;
                if !TaskSize::cpu_choices().any(|c| vcpu_of(c) == cpu) {
                    return Err(InputError { option: "cpu", given: value.into(), accepted: format!("vCPU: {accepted}") });
                }
                self.cpu = cpu;
            }
            "mem" => self.mem = number("mem", v, 0.5, 120.0, "GiB: 0.5 to 120, as the vCPU allows")?,
            "disk" => self.disk = whole("disk", v, FREE_STORAGE_GIB, MAX_STORAGE_GIB)?,
            "tasks" => self.tasks = whole("tasks", v, 1, MAX_TASKS)?,
            "hours" => {
                self.hours = number("hours", v, 0.0, HOURS_PER_MONTH, "hours per month per task, 0 to 730")?;
                self.runs = None;
            }
            "runs" => self.runs = Some(whole("runs", v, 1, MAX_RUNS)?),
            "minutes" => self.minutes = number("minutes", v, 0.0, 1440.0, "minutes per run, 0 to 1440")?,
            "ec2" => {
                if v != "auto" && !(is_name(v) && v.contains('.')) {
                    return Err(InputError {
                        option: "ec2",
                        given: value.into(),
                        accepted: "auto, or an instance type such as m6i.large".into(),
                    });
                }
                self.ec2 = v.to_string();
            }
            "buy" => self.buy = one_of("buy", v, &PurchaseOption::ALL, PurchaseOption::slug)?,
            "capacity" => self.capacity = one_of("capacity", v, &[Capacity::AlwaysOn, Capacity::FollowTasks], Capacity::slug)?,
            "min" => self.min = whole("min", v, 0, MAX_MIN_INSTANCES)?,
            "reserve" => self.reserve = whole("reserve", v, 0, MAX_RESERVE_MIB)?,
            "net" => self.net = one_of("net", v, &NetworkMode::ALL, NetworkMode::slug)?,
            "extra" => self.extra = number("extra", v, 0.0, MAX_USD, "USD per instance per month, 0 or more")?,
            "ops" => self.ops = number("ops", v, 0.0, MAX_OPS_HOURS, "engineer hours per month, 0 to 10000")?,
            "rate" => self.rate = number("rate", v, 0.0, MAX_USD, "USD per engineer hour, 0 or more")?,
            _ => {
                return Err(InputError { option: "option", given: option.to_string(), accepted: format!("one of {}", NAMES.join(", ")) });
            }
        }
        Ok(())
    }

    pub fn usage(&self) -> Usage {
        match self.runs {
            Some(runs) => Usage::Scheduled { runs, minutes: self.minutes },
            None => Usage::Hours(self.hours),
        }
    }

    /// The model's scenario, checking the options against each other.
    pub fn scenario(&self) -> Result<Scenario, InputError> {
        let size = TaskSize::from_vcpu_gib(self.cpu, self.mem).ok_or_else(|| {
            let mems: Vec<String> = TaskSize::memory_choices(cpu_units_of(self.cpu)).into_iter().map(format::gib).collect();
            InputError {
                option: "mem",
                given: format::quantity(self.mem),
                accepted: format!("with {} vCPU, GiB: {}", format::quantity(self.cpu), mems.join(", ")),
            }
        })?;
        if self.platform == Platform::Windows && self.cpu < 1.0 {
            return Err(InputError { option: "cpu", given: format::quantity(self.cpu), accepted: "at least 1 vCPU on Windows".into() });
        }
        if !self.usage().fits_in_month() {
            return Err(InputError {
                option: "runs",
                given: format!("{} runs × {} min", self.runs.unwrap_or(0), format::quantity(self.minutes)),
                accepted: "at most 730 billed hours per task per month (each run bills at least 1 minute)".into(),
            });
        }
        if self.capacity == Capacity::FollowTasks && !self.buy.can_follow_tasks() {
            return Err(InputError {
                option: "capacity",
                given: "follow".into(),
                accepted: "always with reserved instances (they are paid all month)".into(),
            });
        }
        Ok(Scenario {
            platform: self.platform,
            size,
            storage_gib: self.disk,
            tasks: self.tasks,
            usage: self.usage(),
            instance: if self.ec2 == "auto" { InstanceChoice::Auto } else { InstanceChoice::Named(self.ec2.clone()) },
            buy: self.buy,
            capacity: self.capacity,
            min_instances: self.min,
            reserved_mib: self.reserve,
            network: self.net,
            overheads: Overheads { extra_per_instance: self.extra, ops_hours: self.ops, ops_rate: self.rate },
        })
    }

    /// Applies `name=value` pairs from a URL query (or a whole share link),
    /// strictly: unknown names are ignored, as share links promise, but a bad
    /// value is an error (the page's tolerant reading is `share_link::decode`).
    /// Options apply in `NAMES` order, so `hours` and `runs` mean the same
    /// whatever order a link lists them in; a repeated one: the last counts.
    pub fn from_query(query: &str) -> Result<Inputs, InputError> {
        let pairs = query_pairs(query);
        let mut inputs = Inputs::default();
        for name in NAMES {
            if let Some(value) = last_value(&pairs, name) {
                inputs.set(name, value)?;
            }
        }
        Ok(inputs)
    }
}

/// The decoded `name=value` pairs of a query string, given with or without
/// `?`, or as a whole URL (the fragment is not part of it).
pub fn query_pairs(query: &str) -> Vec<(String, String)> {
    let query = query.split_once('?').map_or(query, |(_, q)| q);
    let query = query.split_once('#').map_or(query, |(q, _)| q);
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (n, v) = p.split_once('=').unwrap_or((p, ""));
            (percent_decode(n), percent_decode(v))
        })
        .collect()
}

/// A parameter's value; when it is repeated, the last one counts, as in most
/// web frameworks.
pub fn last_value<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs.iter().rev().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
}

/// Escapes everything but unreserved characters, for query values and data URLs.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// `%41` and `+` decoding for query values; invalid escapes stay as they are.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_make_a_valid_scenario() {
        let s = Inputs::default().scenario().unwrap();
        assert_eq!((s.size.vcpu(), s.size.memory_gib(), s.tasks, s.min_instances), (1.0, 2.0, 10, 2));
    }

    #[test]
    fn errors_name_the_option_and_the_valid_values() {
        let mut i = Inputs::default();
        let e = i.set("platform", "linux").unwrap_err();
        assert_eq!(e.to_string(), "--platform: \"linux\" is not valid; expected linux-x86, linux-arm, windows");
        let e = i.set("cpu", "3").unwrap_err();
        assert!(e.to_string().contains("0.25, 0.5, 1, 2, 4, 8, 16"), "{e}");
        assert!(i.set("tasks", "0").is_err() && i.set("tasks", "1e3").is_err() && i.set("hours", "NaN").is_err());
        i.set("cpu", "0.25").unwrap();
        i.set("mem", "4").unwrap();
        let e = i.scenario().unwrap_err();
        assert_eq!(e.to_string(), "--mem: \"4\" is not valid; expected with 0.25 vCPU, GiB: 0.5, 1, 2");
        assert_eq!(i.set("colour", "red").unwrap_err().option, "option");
    }

    #[test]
    fn cross_checks() {
        let mut i = Inputs::default();
        i.set("platform", "windows").unwrap();
        i.set("cpu", "0.5").unwrap();
        i.set("mem", "1").unwrap();
        assert_eq!(i.scenario().unwrap_err().option, "cpu");
        let mut i = Inputs::default();
        i.set("buy", "reserved-1y").unwrap();
        i.set("capacity", "follow").unwrap();
        assert_eq!(i.scenario().unwrap_err().option, "capacity");
        let mut i = Inputs::default();
        i.set("runs", "50000").unwrap();
        i.set("minutes", "1").unwrap();
        assert_eq!(i.scenario().unwrap_err().option, "runs");
    }

    #[test]
    fn query_strings() {
        let i = Inputs::from_query("https://x.example/app/?region=eu-west-1&cpu=0.5&mem=1&lang=zh&utm=1#top").unwrap();
        assert_eq!((i.region.as_str(), i.cpu, i.mem), ("eu-west-1", 0.5, 1.0));
        assert!(Inputs::from_query("tasks=abc").is_err());
        assert_eq!(percent_decode("m6i%2Elarge+x%zz%4"), "m6i.large x%zz%4");
    }
}
