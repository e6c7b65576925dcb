//! One service of a workload as a person gives it, and the text that lists
//! several: `NAME:CPU:MEM:COUNT[:DISK[:USE[:sidecars]]]`, comma-separated,
//! the same on the command line (`--service`, repeatable) and in links.

use super::{number, vcpu, whole, InputError};
use crate::model::curve::Week;
use crate::model::fargate::FREE_STORAGE_GIB;
use crate::options::{Opt, MAX_SERVICES};

/// One service's per-task options, as given (`Inputs::scenario` checks them).
#[derive(Clone, Debug, PartialEq)]
pub struct ServiceInputs {
    /// Letters, digits, `-` and `_`, as ECS names services.
    pub name: String,
    /// vCPU per task.
    pub cpu: f64,
    /// GiB of memory per task.
    pub mem: f64,
    /// GiB of ephemeral storage per task.
    pub disk: u32,
    /// A task's average CPU use, percent of its vCPU.
    pub cpu_use: f64,
    pub tasks: u32,
    /// On Fargate each task carries the daemons as sidecar containers.
    pub sidecars: bool,
    /// Its week of load (`--curve`); None: `tasks` all the time. Its busiest
    /// hour is `tasks`.
    pub week: Option<Week>,
}

/// The name of the one service a workload starts with: an identifier in any
/// language, as the services added after it are (`svc-2`, …).
pub const FIRST_NAME: &str = "svc-1";

/// The word that marks a service whose Fargate tasks carry the daemons.
const SIDECARS: &str = "sidecars";

impl Default for ServiceInputs {
    fn default() -> Self {
        ServiceInputs {
            name: FIRST_NAME.into(),
            cpu: 1.0,
            mem: 2.0,
            disk: FREE_STORAGE_GIB,
            // A task uses what it reserves; lower it to a measured average.
            cpu_use: 100.0,
            tasks: 10,
            sidecars: false,
            week: None,
        }
    }
}

/// Whether `s` can name a service: 1 to 64 letters, digits, `-` and `_`.
pub fn is_service_name(s: &str) -> bool {
    (1..=64).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

impl ServiceInputs {
    /// `NAME:CPU:MEM:COUNT[:DISK[:USE[:sidecars]]]`; each field as its own
    /// option reads it, a bad one refused as that option would be, but
    /// named as `--service`.
    pub fn parse(text: &str) -> Result<ServiceInputs, InputError> {
        let refused = || InputError::of(Opt::Service, text);
        let fields: Vec<&str> = text.trim().split(':').collect();
        let [name, cpu, mem, tasks, more @ ..] = fields.as_slice() else { return Err(refused()) };
        if !is_service_name(name) || more.len() > 3 {
            return Err(refused());
        }
        let first = ServiceInputs::default();
        let service = ServiceInputs {
            name: name.to_string(),
            cpu: vcpu(cpu).ok_or_else(refused)?,
            mem: number(Opt::Mem, mem).map_err(|_| refused())?,
            tasks: whole(Opt::Tasks, tasks).map_err(|_| refused())?,
            disk: more.first().map_or(Ok(first.disk), |d| whole(Opt::Disk, d)).map_err(|_| refused())?,
            cpu_use: more.get(1).map_or(Ok(first.cpu_use), |u| number(Opt::CpuUse, u)).map_err(|_| refused())?,
            sidecars: match more.get(2) {
                None => false,
                Some(&w) if w == SIDECARS => true,
                Some(_) => return Err(refused()),
            },
            week: None,
        };
        Ok(service)
    }

    /// Its week of load, whose busiest hour is then its count; None: its
    /// count all the time.
    pub fn set_week(&mut self, week: Option<Week>) {
        self.week = week;
        if let Some(w) = week {
            self.tasks = w.peak();
        }
    }

    /// The text `parse` reads back: the optional fields up to the last one
    /// that is not its default.
    pub fn text(&self) -> String {
        let number = crate::decimal::shortest;
        let first = ServiceInputs::default();
        let mut out = format!("{}:{}:{}:{}", self.name, number(self.cpu), number(self.mem), self.tasks);
        let more = [self.disk.to_string(), number(self.cpu_use), SIDECARS.to_string()];
        let wanted = [self.disk != first.disk, self.cpu_use != first.cpu_use, self.sidecars];
        if let Some(last) = wanted.iter().rposition(|&w| w) {
            for field in &more[..=last] {
                out.push(':');
                out.push_str(field);
            }
        }
        out
    }
}

/// A comma-separated list of services, 1 to `MAX_SERVICES`, names unique.
pub fn parse_list(text: &str) -> Result<Vec<ServiceInputs>, InputError> {
    let mut services = Vec::new();
    for one in text.split(',') {
        services.push(ServiceInputs::parse(one)?);
    }
    let unique = services.iter().enumerate().all(|(k, s)| services[..k].iter().all(|t| t.name != s.name));
    if services.len() > MAX_SERVICES || !unique {
        return Err(InputError::of(Opt::Service, text));
    }
    Ok(services)
}

/// The text `parse_list` reads back.
pub fn list_text(services: &[ServiceInputs]) -> String {
    services.iter().map(ServiceInputs::text).collect::<Vec<_>>().join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_service_reads_its_fields_and_writes_only_what_it_needs() {
        let s = ServiceInputs::parse("web:0.5:1:4").unwrap();
        assert_eq!((s.name.as_str(), s.cpu, s.mem, s.tasks, s.disk, s.cpu_use, s.sidecars), ("web", 0.5, 1.0, 4, 20, 100.0, false));
        assert_eq!(s.text(), "web:0.5:1:4");
        let s = ServiceInputs::parse("log_shipper-2:2:4:1:20:100:sidecars").unwrap();
        assert!(s.sidecars);
        assert_eq!(s.text(), "log_shipper-2:2:4:1:20:100:sidecars");
        assert_eq!(ServiceInputs::parse("api:1:2:3:30").unwrap().text(), "api:1:2:3:30");
        assert_eq!(ServiceInputs::parse("api:1:2:3:20:40").unwrap().text(), "api:1:2:3:20:40");
    }

    #[test]
    fn a_bad_field_names_the_service_option() {
        for bad in [
            "web:3:2:4",
            "web:1:2",
            "web:1:2:0",
            "web:1:2:4:10",
            "web:1:2:4:20:0",
            "web:1:2:4:20:50:yes",
            "w b:1:2:4",
            ":1:2:4",
            "web:1:2:4:20:50:sidecars:x",
        ] {
            let e = ServiceInputs::parse(bad).unwrap_err();
            assert_eq!((e.option, e.given.as_str()), (Opt::Service, bad), "{bad}");
        }
        assert!(parse_list("a:1:2:1,a:1:2:1").is_err(), "names are unique");
        assert!(parse_list("").is_err() && parse_list("a:1:2:1,").is_err());
        let list = parse_list("a:1:2:1,b:0.25:0.5:3").unwrap();
        assert_eq!(list_text(&list), "a:1:2:1,b:0.25:0.5:3");
    }
}
