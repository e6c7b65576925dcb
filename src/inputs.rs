//! What a person asks: the value of every option (`options::Opt`), as the CLI
//! takes them and share links carry them. Parsing is strict and every error
//! names the option and what it accepts.

use crate::format;
use crate::model::credits::CreditMode;
use crate::model::curve::fleet::Scaling;
use crate::model::curve::{Above, Week};
use crate::model::ec2::{Capacity, Overheads, PurchaseOption};
use crate::model::fargate;
use crate::model::packing::{Daemons, NetworkMode};
use crate::model::platform::Platform;
use crate::model::scenario::{InstanceChoice, Scenario, Service};
use crate::model::task_size::{cpu_units_of, mib_of, vcpu_of, TaskSize, CPU_UNITS_PER_VCPU};
use crate::model::usage::Usage;
use crate::model::HOURS_PER_MONTH;
use crate::options::{Accepts, Opt, DEFAULT_EBS_GIB, IP_CHOICES, MAX_TASKS};
use crate::pricing::DEFAULT_REGION;
use std::fmt;

pub mod curve;
mod service;
mod services;
pub use service::{is_service_name, list_text, ServiceInputs};
pub use services::Edit;

/// Every option, normalised. `Default` is the page's first view.
#[derive(Clone, Debug, PartialEq)]
pub struct Inputs {
    pub region: String,
    pub platform: Platform,
    /// The workload's services, at least one; each task size as given:
    /// `scenario()` checks it.
    pub services: Vec<ServiceInputs>,
    /// The service the per-task options (`Opt::per_service`) read and set.
    pub at: usize,
    /// vCPU per instance taken by daemons (agents on every instance).
    pub daemon_cpu: f64,
    /// MiB per instance taken by daemons.
    pub daemon_mem: u32,
    /// Percent more of each service's tasks that must fit while it deploys.
    pub headroom: u32,
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
    /// Hours a fleet following a curve keeps an instance it no longer needs.
    pub scale_in: u32,
    /// With a curve: how the load above a baseline or a commitment is bought.
    pub above: Above,
    /// Minimum instances in the fleet (2 = one per availability zone in two zones).
    pub min: u32,
    /// MiB per instance kept for the OS and the ECS agent.
    pub reserve: u32,
    pub net: NetworkMode,
    pub credits: CreditMode,
    /// Public IPv4 addresses: one per Fargate task, one per instance.
    pub ip: bool,
    /// GiB of EBS root volume per instance.
    pub ebs: u32,
    /// USD per instance per month on top of the instance (agents, monitoring).
    pub extra: f64,
    /// Engineer hours per month spent running the EC2 fleet.
    pub ops: f64,
    /// USD per engineer hour.
    pub rate: f64,
}

impl Default for Inputs {
    fn default() -> Self {
        Inputs {
            region: DEFAULT_REGION.to_string(),
            platform: Platform::LinuxX86,
            services: vec![ServiceInputs::default()],
            at: 0,
            daemon_cpu: 0.0,
            daemon_mem: 0,
            headroom: 0,
            hours: HOURS_PER_MONTH,
            runs: None,
            minutes: 5.0,
            ec2: "auto".to_string(),
            buy: PurchaseOption::OnDemand,
            capacity: Capacity::AlwaysOn,
            scale_in: 1,
            above: Above::OnDemand,
            min: 2,
            // The OS, the kernel and the ECS agent: a few hundred MiB on the
            // ECS-optimised AMIs; 512 MiB errs on the safe side.
            reserve: 512,
            net: NetworkMode::Bridge,
            credits: CreditMode::Unlimited,
            ip: false,
            ebs: DEFAULT_EBS_GIB,
            extra: 0.0,
            ops: 0.0,
            rate: 100.0,
        }
    }
}

/// A bad option: which one, what was given, and what is accepted.
#[derive(Clone, Debug, PartialEq)]
pub struct InputError {
    pub option: Opt,
    pub given: String,
    /// In English: the CLI's words, and the page's in English.
    pub accepted: String,
}

impl InputError {
    /// `given` refused for what the option accepts in general.
    pub(crate) fn of(option: Opt, given: &str) -> InputError {
        InputError { option, given: given.to_string(), accepted: option.accepted() }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // One line, whatever was given.
        let given: String = self.given.chars().take(40).map(|c| if c.is_control() { ' ' } else { c }).collect();
        write!(f, "--{}: {} is not valid; expected {}", self.option.name(), format::quoted(&given), self.accepted)
    }
}

fn number(option: Opt, value: &str) -> Result<f64, InputError> {
    let Accepts::Number { min, max } = option.accepts() else { return Err(InputError::of(option, value)) };
    let x = crate::decimal::parse(value.trim()).ok_or_else(|| InputError::of(option, value))?;
    (x.is_finite() && (min..=max).contains(&x)).then_some(x).ok_or_else(|| InputError::of(option, value))
}

fn whole(option: Opt, value: &str) -> Result<u32, InputError> {
    let Accepts::Whole { min, max } = option.accepts() else { return Err(InputError::of(option, value)) };
    let x: u32 = value.trim().parse().map_err(|_| InputError::of(option, value))?;
    (min..=max).contains(&x).then_some(x).ok_or_else(|| InputError::of(option, value))
}

fn one_of<T>(option: Opt, value: &str, from_slug: fn(&str) -> Option<T>) -> Result<T, InputError> {
    from_slug(value.trim()).ok_or_else(|| InputError::of(option, value))
}

/// One of Fargate's vCPU values, from its text.
fn vcpu(text: &str) -> Option<f64> {
    crate::decimal::parse(text).filter(|&cpu| TaskSize::cpu_choices().any(|c| vcpu_of(c) == cpu))
}

fn is_name(s: &str) -> bool {
    !s.is_empty() && s.len() <= 40 && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
}

impl Inputs {
    /// The service the per-task options read and set.
    pub fn service(&self) -> &ServiceInputs {
        &self.services[self.at.min(self.services.len() - 1)]
    }

    fn service_mut(&mut self) -> &mut ServiceInputs {
        let at = self.at.min(self.services.len() - 1);
        &mut self.services[at]
    }

    /// Every task of every service.
    pub fn tasks(&self) -> u32 {
        self.services.iter().map(|s| s.tasks).sum()
    }

    /// Whether the workload needs the `service` list to be written: more than
    /// one service, or one the per-task options cannot say (a name, sidecars).
    pub fn lists_services(&self) -> bool {
        match self.services.as_slice() {
            [one] => one.name != service::FIRST_NAME || one.sidecars,
            _ => true,
        }
    }

    /// Sets one option from its text; the value is checked on its own here and
    /// with the others in `scenario()`.
    pub fn set(&mut self, option: Opt, value: &str) -> Result<(), InputError> {
        let v = value.trim();
        match option {
            Opt::Region if is_name(v) => self.region = v.to_string(),
            Opt::Region => return Err(InputError::of(option, value)),
            Opt::Platform => self.platform = one_of(option, v, Platform::from_slug)?,
            Opt::Service => {
                self.services = service::parse_list(v)?;
                self.at = 0;
            }
            Opt::Cpu => {
                self.service_mut().cpu = vcpu(v).ok_or_else(|| InputError::of(option, value))?;
            }
            Opt::Mem => self.service_mut().mem = number(option, v)?,
            Opt::Disk => self.service_mut().disk = whole(option, v)?,
            Opt::CpuUse => self.service_mut().cpu_use = number(option, v)?,
            Opt::Tasks => {
                // A count of its own: the service's curve gives way.
                let service = self.service_mut();
                service.tasks = whole(option, v)?;
                service.week = None;
            }
            Opt::Curve => {
                let weeks = curve::parse_list(v)?;
                if let Some((name, _)) = weeks.iter().find(|(name, _)| !self.services.iter().any(|s| s.name == *name)) {
                    return Err(InputError { option, given: name.clone(), accepted: "the name of a service of the workload".into() });
                }
                for service in &mut self.services {
                    service.set_week(weeks.iter().find(|(name, _)| *name == service.name).map(|(_, week)| *week));
                }
            }
            Opt::ScaleIn => self.scale_in = whole(option, v)?,
            Opt::DaemonCpu => self.daemon_cpu = number(option, v)?,
            Opt::DaemonMem => self.daemon_mem = whole(option, v)?,
            Opt::Headroom => self.headroom = whole(option, v)?,
            Opt::Hours => {
                self.hours = number(option, v)?;
                self.runs = None;
            }
            Opt::Runs => self.runs = Some(whole(option, v)?),
            Opt::Minutes => self.minutes = number(option, v)?,
            Opt::Ec2 if v == "auto" || (is_name(v) && v.contains('.')) => self.ec2 = v.to_string(),
            Opt::Ec2 => return Err(InputError::of(option, value)),
            Opt::Buy => self.buy = one_of(option, v, PurchaseOption::from_slug)?,
            Opt::Capacity => self.capacity = one_of(option, v, Capacity::from_slug)?,
            Opt::Above => self.above = one_of(option, v, Above::from_slug)?,
            Opt::Min => self.min = whole(option, v)?,
            Opt::Reserve => self.reserve = whole(option, v)?,
            Opt::Net => self.net = one_of(option, v, NetworkMode::from_slug)?,
            Opt::Credits => self.credits = one_of(option, v, CreditMode::from_slug)?,
            Opt::Ip => self.ip = one_of(option, v, |s| IP_CHOICES.iter().position(|c| *c == s).map(|i| i == 1))?,
            Opt::Ebs => self.ebs = whole(option, v)?,
            Opt::Extra => self.extra = number(option, v)?,
            Opt::Ops => self.ops = number(option, v)?,
            Opt::Rate => self.rate = number(option, v)?,
        }
        Ok(())
    }

    /// One option as the text `set` reads back to the same value: numbers in
    /// the shortest form that parses back to the same `f64`; "" for no runs.
    pub fn text(&self, option: Opt) -> String {
        let number = crate::decimal::shortest;
        match option {
            Opt::Region => self.region.clone(),
            Opt::Platform => self.platform.slug().into(),
            Opt::Service => list_text(&self.services),
            Opt::Cpu => number(self.service().cpu),
            Opt::Mem => number(self.service().mem),
            Opt::Disk => self.service().disk.to_string(),
            Opt::CpuUse => number(self.service().cpu_use),
            Opt::Tasks => self.service().tasks.to_string(),
            Opt::DaemonCpu => number(self.daemon_cpu),
            Opt::DaemonMem => self.daemon_mem.to_string(),
            Opt::Headroom => self.headroom.to_string(),
            Opt::Hours => number(self.hours),
            Opt::Runs => self.runs.map_or_else(String::new, |r| r.to_string()),
            Opt::Minutes => number(self.minutes),
            Opt::Ec2 => self.ec2.clone(),
            Opt::Buy => self.buy.slug().into(),
            Opt::Capacity => self.capacity.slug().into(),
            Opt::ScaleIn => self.scale_in.to_string(),
            Opt::Above => self.above.slug().into(),
            Opt::Curve => {
                let curves = self.services.iter().filter_map(|s| Some(format!("{}:{}", s.name, curve::text(&s.week?))));
                curves.collect::<Vec<_>>().join(",")
            }
            Opt::Min => self.min.to_string(),
            Opt::Reserve => self.reserve.to_string(),
            Opt::Net => self.net.slug().into(),
            Opt::Credits => self.credits.slug().into(),
            Opt::Ip => IP_CHOICES[usize::from(self.ip)].into(),
            Opt::Ebs => self.ebs.to_string(),
            Opt::Extra => number(self.extra),
            Opt::Ops => number(self.ops),
            Opt::Rate => number(self.rate),
        }
    }

    pub fn usage(&self) -> Usage {
        match self.runs {
            Some(runs) => Usage::Scheduled { runs, minutes: self.minutes },
            None => Usage::Hours(self.hours),
        }
    }

    /// The model's scenario, checking the options against each other.
    pub fn scenario(&self) -> Result<Scenario, InputError> {
        let mut services = Vec::with_capacity(self.services.len());
        for service in &self.services {
            services.push(self.service_scenario(service)?);
        }
        if self.tasks() > MAX_TASKS {
            return Err(InputError {
                option: Opt::Service,
                given: format!("{} tasks", self.tasks()),
                accepted: format!("at most {MAX_TASKS} tasks in all"),
            });
        }
        if !self.usage().fits_in_month() {
            return Err(InputError {
                option: Opt::Runs,
                given: format!("{} runs × {} min", self.runs.unwrap_or(0), format::quantity(self.minutes)),
                accepted: "at most 730 billed hours per task per month (each run bills at least 1 minute)".into(),
            });
        }
        if self.weeks().is_some() && self.usage() != Usage::Hours(HOURS_PER_MONTH) {
            return Err(InputError {
                option: Opt::Curve,
                given: self.text(Opt::Curve),
                accepted: "a curve says when the tasks run: leave --hours at 730, without --runs".into(),
            });
        }
        // A fleet following a curve may be committed in part (`model::curve::fleet`).
        if self.capacity == Capacity::FollowTasks && !self.buy.can_follow_tasks() && self.weeks().is_none() {
            return Err(InputError {
                option: Opt::Capacity,
                given: "follow".into(),
                accepted: "always with reserved instances and Savings Plans (they are paid all month)".into(),
            });
        }
        Ok(Scenario {
            platform: self.platform,
            services,
            daemons: self.daemons(),
            headroom_percent: self.headroom,
            usage: self.usage(),
            instance: if self.ec2 == "auto" { InstanceChoice::Auto } else { InstanceChoice::Named(self.ec2.clone()) },
            buy: self.buy,
            capacity: self.capacity,
            min_instances: self.min,
            reserved_mib: self.reserve,
            network: self.net,
            credits: self.credits,
            public_ip: self.ip,
            ebs_gib: self.ebs,
            overheads: Overheads { extra_per_instance: self.extra, ops_hours: self.ops, ops_rate: self.rate },
        })
    }

    /// Each service's week where any service has a curve (the others steady
    /// at their count); None for today's steady workload.
    pub fn weeks(&self) -> Option<Vec<Week>> {
        self.services
            .iter()
            .any(|s| s.week.is_some())
            .then(|| self.services.iter().map(|s| s.week.unwrap_or(Week::steady(s.tasks))).collect())
    }

    /// How a fleet follows the curves.
    pub fn scaling(&self) -> Scaling {
        match self.capacity {
            Capacity::AlwaysOn => Scaling::Always,
            Capacity::FollowTasks => Scaling::Follow { scale_in_hours: self.scale_in },
        }
    }

    /// The daemons' share of each instance.
    pub fn daemons(&self) -> Daemons {
        Daemons { cpu_units: (self.daemon_cpu * f64::from(CPU_UNITS_PER_VCPU)).round() as u32, memory_mib: self.daemon_mem }
    }

    /// One service in the model, its size checked: with one service the
    /// error names the size's own option, with several the service list.
    fn service_scenario(&self, s: &ServiceInputs) -> Result<Service, InputError> {
        let several = self.services.len() > 1;
        let in_list = |accepted: String| InputError { option: Opt::Service, given: s.text(), accepted: format!("{}: {accepted}", s.name) };
        let size = TaskSize::from_vcpu_gib(s.cpu, s.mem).ok_or_else(|| {
            let mems: Vec<String> = TaskSize::memory_choices(cpu_units_of(s.cpu)).into_iter().map(format::gib).collect();
            let accepted = format!("with {} vCPU, GiB: {}", format::quantity(s.cpu), mems.join(", "));
            if several {
                in_list(accepted)
            } else {
                InputError { option: Opt::Mem, given: format::quantity(s.mem), accepted }
            }
        })?;
        if self.platform == Platform::Windows && size.cpu_units() < fargate::WINDOWS_MIN_CPU_UNITS {
            let accepted = "at least 1 vCPU on Windows".to_string();
            return Err(if several {
                in_list(accepted)
            } else {
                InputError { option: Opt::Cpu, given: format::quantity(s.cpu), accepted }
            });
        }
        let service = Service { size, storage_gib: s.disk, cpu_use: s.cpu_use / 100.0, tasks: s.tasks, sidecars: s.sidecars };
        if service.fargate_size(self.daemons()).is_none() {
            return Err(in_list("with the daemons as sidecars, larger than Fargate's largest task (16 vCPU, 120 GiB)".into()));
        }
        Ok(service)
    }

    /// Moves every service's task size to the nearest one Fargate runs on
    /// the platform (`fargate::nearest_size`; 1 vCPU / 2 GiB if the vCPU is
    /// none of Fargate's). The page's controls and a link's decoder both call it.
    pub fn repair_size(&mut self) {
        for s in &mut self.services {
            let size = fargate::nearest_size(self.platform, cpu_units_of(s.cpu), mib_of(s.mem)).unwrap_or_default();
            (s.cpu, s.mem) = (size.vcpu(), size.memory_gib());
        }
    }

    /// After one control moved, moves the others so the whole stays a valid
    /// scenario: the task size (`repair_size`), hours or runs chosen over the
    /// curves (which set the hours), capacity to always on with reservations
    /// (paid all month) unless a curve's fleet follows it, and runs to as
    /// many as the month holds.
    pub fn repair(&mut self) {
        self.repair_size();
        if self.usage() != Usage::Hours(HOURS_PER_MONTH) {
            for service in &mut self.services {
                service.week = None;
            }
        }
        if !self.buy.can_follow_tasks() && self.weeks().is_none() {
            self.capacity = Capacity::AlwaysOn;
        }
        if self.runs.is_some() && !self.usage().fits_in_month() {
            self.runs = Some(Usage::most_runs(self.minutes));
        }
    }

    /// Applies `name=value` pairs from a URL query (or a whole share link),
    /// strictly: unknown names are ignored, as share links promise, but a bad
    /// value is an error (the page's tolerant reading is `share_link::decode`).
    /// Options apply in `Opt::ALL` order, so `hours` and `runs` mean the same
    /// whatever order a link lists them in; a repeated one: the last counts.
    pub fn from_query(query: &str) -> Result<Inputs, InputError> {
        let pairs = query_pairs(query);
        let mut inputs = Inputs::default();
        for option in Opt::ALL {
            if let Some(value) = last_value(&pairs, option.name()) {
                inputs.set(option, value)?;
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
    percent_encode_but(s, b"")
}

/// Escapes everything but unreserved characters and `kept`.
pub fn percent_encode_but(s: &str, kept: &[u8]) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => out.push(b as char),
            _ if kept.contains(&b) => out.push(b as char),
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
        let one = &s.services[0];
        assert_eq!((one.size.vcpu(), one.size.memory_gib(), s.tasks(), s.min_instances), (1.0, 2.0, 10, 2));
    }

    #[test]
    fn errors_name_the_option_and_the_valid_values() {
        let mut i = Inputs::default();
        let e = i.set(Opt::Platform, "linux").unwrap_err();
        assert_eq!(e.to_string(), "--platform: \"linux\" is not valid; expected linux-x86, linux-arm, windows");
        let e = i.set(Opt::Cpu, "3").unwrap_err();
        assert!(e.to_string().contains("0.25, 0.5, 1, 2, 4, 8, 16"), "{e}");
        assert!(i.set(Opt::Tasks, "0").is_err() && i.set(Opt::Tasks, "1e3").is_err() && i.set(Opt::Hours, "NaN").is_err());
        i.set(Opt::Cpu, "0.25").unwrap();
        i.set(Opt::Mem, "4").unwrap();
        let e = i.scenario().unwrap_err();
        assert_eq!(e.to_string(), "--mem: \"4\" is not valid; expected with 0.25 vCPU, GiB: 0.5, 1, 2");
    }

    #[test]
    fn every_option_reads_back_its_own_text() {
        let mut i = Inputs::default();
        for (o, v) in [(Opt::Region, "eu-west-1"), (Opt::Platform, "linux-arm"), (Opt::Cpu, "0.5"), (Opt::Mem, "1"), (Opt::Runs, "40")] {
            i.set(o, v).unwrap();
        }
        for (o, v) in [(Opt::Extra, "12.345"), (Opt::Ec2, "m7g.large"), (Opt::Buy, "spot"), (Opt::Net, "awsvpc"), (Opt::Capacity, "follow")]
        {
            i.set(o, v).unwrap();
        }
        for (o, v) in [(Opt::CpuUse, "37.5"), (Opt::Credits, "standard"), (Opt::Ip, "public"), (Opt::Ebs, "0")] {
            i.set(o, v).unwrap();
        }
        assert_eq!((i.service().cpu_use, i.credits, i.ip, i.ebs), (37.5, CreditMode::Standard, true, 0));
        assert!(i.set(Opt::CpuUse, "0").is_err() && i.set(Opt::Ip, "private").is_err() && i.set(Opt::Ebs, "16385").is_err());
        for o in Opt::ALL {
            let mut again = Inputs { runs: None, ..i.clone() };
            if o == Opt::Hours {
                continue; // setting hours clears runs: a schedule's hours are not an option of it
            }
            again.set(o, &i.text(o)).unwrap_or_else(|e| panic!("{o:?}: {e}"));
            assert_eq!(again.text(o), i.text(o), "{o:?}");
        }
    }

    #[test]
    fn cross_checks() {
        let mut i = Inputs::default();
        i.set(Opt::Platform, "windows").unwrap();
        i.set(Opt::Cpu, "0.5").unwrap();
        i.set(Opt::Mem, "1").unwrap();
        assert_eq!(i.scenario().unwrap_err().option, Opt::Cpu);
        let mut i = Inputs::default();
        i.set(Opt::Buy, "reserved-1y").unwrap();
        i.set(Opt::Capacity, "follow").unwrap();
        assert_eq!(i.scenario().unwrap_err().option, Opt::Capacity);
        let mut i = Inputs::default();
        i.set(Opt::Runs, "50000").unwrap();
        i.set(Opt::Minutes, "1").unwrap();
        assert_eq!(i.scenario().unwrap_err().option, Opt::Runs);
    }

    #[test]
    fn repair_makes_every_cross_check_pass() {
        let mut i = Inputs {
            platform: Platform::Windows,
            services: vec![ServiceInputs { cpu: 0.25, mem: 8.0, ..ServiceInputs::default() }],
            buy: PurchaseOption::Reserved3y,
            capacity: Capacity::FollowTasks,
            ..Inputs::default()
        };
        i.runs = Some(50_000);
        i.minutes = 1.0;
        i.repair();
        assert_eq!((i.service().cpu, i.service().mem, i.capacity, i.runs), (1.0, 8.0, Capacity::AlwaysOn, Some(43_800)));
        assert!(i.scenario().is_ok());
        let mut i = Inputs { services: vec![ServiceInputs { cpu: 3.0, mem: 5.0, ..ServiceInputs::default() }], ..Inputs::default() };
        i.repair();
        assert_eq!((i.service().cpu, i.service().mem), (1.0, 2.0), "no such vCPU: the default size");
        // A curve's fleet may follow it with a reservation; hours chosen after a curve end it.
        let mut i = Inputs::from_query("curve=svc-1:business:8:2&buy=reserved-1y&capacity=follow").unwrap();
        i.repair();
        assert_eq!((i.capacity, i.weeks().is_some()), (Capacity::FollowTasks, true));
        assert!(i.scenario().is_ok());
        i.set(Opt::Hours, "300").unwrap();
        i.repair();
        assert_eq!((i.weeks(), i.capacity, i.service().tasks), (None, Capacity::AlwaysOn, 8));
        assert!(i.scenario().is_ok());
    }

    #[test]
    fn query_strings() {
        let i = Inputs::from_query("https://x.example/app/?region=eu-west-1&cpu=0.5&mem=1&lang=zh&utm=1#top").unwrap();
        assert_eq!((i.region.as_str(), i.service().cpu, i.service().mem), ("eu-west-1", 0.5, 1.0));
        assert!(Inputs::from_query("tasks=abc").is_err());
        assert_eq!(percent_decode("m6i%2Elarge+x%zz%4"), "m6i.large x%zz%4");
    }
}
