//! Task sizes and services from ECS's own JSON (issue 26, "Import from
//! ECS"): a task definition, as `aws ecs describe-task-definition` prints it
//! (`{"taskDefinition": {…}}`) or as `register-task-definition` takes it, or
//! the services `aws ecs describe-services` prints (`{"services": […]}`).
//! Text in, values out, or the first problem with the place it is at
//! (`i18n::import` says it in words). The CLI's `--import` and the page's
//! import box (`pasted`) use it.

use crate::decimal;
use crate::json::{self, Value};
use crate::model::fargate::{FREE_STORAGE_GIB, MAX_STORAGE_GIB};
use crate::model::packing::NetworkMode;
use crate::model::platform::Platform;
use crate::model::task_size::{TaskSize, CPU_UNITS_PER_VCPU};
use crate::options::Opt;

pub mod workload;

const MIB_PER_GIB: f64 = 1024.0;

/// What a text held.
#[derive(Clone, Debug, PartialEq)]
pub enum Imported {
    TaskDefinition(TaskDefinition),
    Services(Vec<Service>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct TaskDefinition {
    /// Its family ("" where the text gives none).
    pub family: String,
    /// The smallest size Fargate offers that holds what the definition asks.
    pub size: TaskSize,
    /// What it asks: CPU units and MiB (the task's, or its containers' summed).
    pub asked: (u32, u32),
    /// GiB of ephemeral storage, within what Fargate allows; None where not given.
    pub storage_gib: Option<u32>,
    /// The storage it asks where that is outside what Fargate allows.
    pub storage_asked: Option<u32>,
    pub platform: Option<Platform>,
    pub network: Option<NetworkMode>,
}

impl TaskDefinition {
    /// Whether the size was moved to one Fargate offers.
    pub fn moved(&self) -> bool {
        (self.size.cpu_units(), self.size.memory_mib()) != self.asked
    }
}

/// A service: its name, how many tasks it keeps running, and its task
/// definition's family (without the ARN or revision).
#[derive(Clone, Debug, PartialEq)]
pub struct Service {
    pub name: String,
    pub desired: u32,
    pub family: String,
}

/// The first thing wrong, and where: a path such as `taskDefinition.cpu` or
/// `services[2].desiredCount` ("" for the whole text).
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub at: String,
    pub trouble: Trouble,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Trouble {
    /// Not JSON at all: the reader's message (English, from `json`).
    NotJson(String),
    /// JSON, but neither a task definition nor services.
    NotEcs,
    Missing,
    /// A value of the wrong kind or form, as the text has it.
    Unreadable(String),
    /// More CPU or memory than Fargate's largest size.
    TooLarge,
    /// A `services` list with none in it.
    NoServices,
    /// A service whose task definition was not imported with it: its name
    /// and its task definition's family.
    NoDefinition {
        service: String,
        family: String,
    },
    /// More services than a workload holds (`options::MAX_SERVICES`).
    TooManyServices(usize),
    /// Nothing but whitespace was given.
    Empty,
    /// JSON, but not an object of options (a workload file's).
    NotWorkload,
    /// A workload file's key that names no option.
    NotOption,
    /// A workload file's value its option refuses: what was given.
    Refused(Opt, String),
}

fn problem<T>(at: &str, trouble: Trouble) -> Result<T, Problem> {
    Err(Problem { at: at.to_string(), trouble })
}

/// Reads a file.
pub fn import(text: &str) -> Result<Imported, Problem> {
    import_value(&json::parse(text).or_else(|e| problem("", Trouble::NotJson(e)))?)
}

/// Reads one JSON value (a file's, or one of several pasted).
pub fn import_value(value: &Value) -> Result<Imported, Problem> {
    if let Some(definition) = value.opt("taskDefinition") {
        return task_definition(definition, "taskDefinition.").map(Imported::TaskDefinition);
    }
    if let Some(services) = value.opt("services") {
        return read_services(services).map(Imported::Services);
    }
    if value.opt("containerDefinitions").is_some() || value.opt("family").is_some() {
        return task_definition(value, "").map(Imported::TaskDefinition);
    }
    problem("", Trouble::NotEcs)
}

/// The text of `v` for a message: strings as they are, other values by kind.
pub fn shown(v: &Value) -> String {
    match v {
        Value::String(s) => s.chars().take(40).collect(),
        Value::Number(n) => decimal::shortest(*n),
        Value::Bool(b) => b.to_string(),
        Value::Null => "null".into(),
        Value::Array(_) => "[…]".into(),
        Value::Object(_) => "{…}".into(),
    }
}

/// A number given as a JSON number or as text ("1024", " 2 ").
fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => Some(*n),
        Value::String(s) => decimal::parse(s.trim()),
        _ => None,
    }
}

/// `text` without `unit` at its end (any case, spaces before it allowed).
fn strip_unit<'a>(text: &'a str, unit: &str) -> Option<&'a str> {
    let text = text.trim();
    let cut = text.len().checked_sub(unit.len())?;
    (text.is_char_boundary(cut) && text[cut..].eq_ignore_ascii_case(unit)).then(|| text[..cut].trim_end())
}

/// ECS's two forms of CPU: units ("1024", 1024) or vCPU ("1 vCPU").
fn cpu_units(v: &Value) -> Option<u32> {
    let units = match v {
        Value::String(s) => match strip_unit(s, "vcpu") {
            Some(vcpu) => decimal::parse(vcpu)? * f64::from(CPU_UNITS_PER_VCPU),
            None => decimal::parse(s.trim())?,
        },
        other => number(other)?,
    };
    whole(units)
}

/// ECS's two forms of memory: MiB ("2048", 2048) or GB ("2 GB", meaning
/// GiB; "2 GiB" is read alike).
fn memory_mib(v: &Value) -> Option<u32> {
    let mib = match v {
        Value::String(s) => match strip_unit(s, "gib").or_else(|| strip_unit(s, "gb")) {
            Some(gib) => decimal::parse(gib)? * MIB_PER_GIB,
            None => decimal::parse(s.trim())?,
        },
        other => number(other)?,
    };
    whole(mib)
}

/// A whole number from 0 that fits a `u32`, as a number or as text.
fn count(v: &Value) -> Option<u32> {
    number(v).filter(|n| n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(n)).map(|n| n as u32)
}

/// A positive whole number that fits a `u32`.
fn whole(x: f64) -> Option<u32> {
    (x.fract() == 0.0 && x >= 1.0 && x <= f64::from(u32::MAX)).then_some(x as u32)
}

fn task_definition(v: &Value, at: &str) -> Result<TaskDefinition, Problem> {
    let place = |name: &str| [at, name].concat();
    let read = |name: &str, parse: fn(&Value) -> Option<u32>| -> Result<Option<u32>, Problem> {
        match v.opt(name) {
            None => Ok(None),
            Some(x) => parse(x).map(Some).ok_or_else(|| Problem { at: place(name), trouble: Trouble::Unreadable(shown(x)) }),
        }
    };
    let containers = container_totals(v, at)?;
    let cpu = read("cpu", cpu_units)?.or(containers.0);
    let memory = read("memory", memory_mib)?.or(containers.1);
    let (Some(cpu), Some(memory)) = (cpu, memory) else {
        return problem(&place(if cpu.is_none() { "cpu" } else { "memory" }), Trouble::Missing);
    };
    let largest = TaskSize::all().last().map_or((0, 0), |s| (s.cpu_units(), s.memory_mib()));
    let too_large = if cpu > largest.0 { "cpu" } else { "memory" };
    let size = TaskSize::smallest_holding(cpu, memory).ok_or_else(|| Problem { at: place(too_large), trouble: Trouble::TooLarge })?;
    let storage = match v.opt("ephemeralStorage") {
        None => None,
        Some(s) => {
            let at = place("ephemeralStorage.sizeInGiB");
            let given = s.opt("sizeInGiB").ok_or_else(|| Problem { at: at.clone(), trouble: Trouble::Missing })?;
            Some(number(given).and_then(whole).ok_or(Problem { at, trouble: Trouble::Unreadable(shown(given)) })?)
        }
    };
    let storage_gib = storage.map(|g| g.clamp(FREE_STORAGE_GIB, MAX_STORAGE_GIB));
    Ok(TaskDefinition {
        family: match v.opt("family") {
            Some(Value::String(s)) => s.clone(),
            _ => String::new(),
        },
        size,
        asked: (cpu, memory),
        storage_gib,
        storage_asked: storage.filter(|g| !(FREE_STORAGE_GIB..=MAX_STORAGE_GIB).contains(g)),
        platform: platform(v, at)?,
        network: match v.opt("networkMode") {
            None => None,
            Some(Value::String(mode)) if mode == "awsvpc" => Some(NetworkMode::Awsvpc),
            // host and none share the instance's network as bridge does: no task limit.
            Some(Value::String(mode)) if ["bridge", "host", "none"].contains(&mode.as_str()) => Some(NetworkMode::Bridge),
            Some(other) => return problem(&place("networkMode"), Trouble::Unreadable(shown(other))),
        },
    })
}

/// The containers' CPU units and MiB summed (a container's memory is its
/// hard limit, else its reservation), for a definition without task-level
/// values; None for a total no container gives.
fn container_totals(v: &Value, at: &str) -> Result<(Option<u32>, Option<u32>), Problem> {
    let Some(list) = v.opt("containerDefinitions") else { return Ok((None, None)) };
    let Value::Array(containers) = list else {
        return problem(&[at, "containerDefinitions"].concat(), Trouble::Unreadable(shown(list)));
    };
    let (mut cpu, mut memory) = (None::<u32>, None::<u32>);
    for (i, c) in containers.iter().enumerate() {
        let place = |name: &str| [at, "containerDefinitions[", &i.to_string(), "].", name].concat();
        let add = |total: &mut Option<u32>, name: &str| -> Result<(), Problem> {
            if let Some(x) = c.opt(name) {
                let n = count(x).ok_or_else(|| Problem { at: place(name), trouble: Trouble::Unreadable(shown(x)) })?;
                *total = Some(total.unwrap_or(0).saturating_add(n));
            }
            Ok(())
        };
        add(&mut cpu, "cpu")?;
        if c.opt("memory").is_some() {
            add(&mut memory, "memory")?;
        } else {
            add(&mut memory, "memoryReservation")?;
        }
    }
    Ok((cpu.filter(|&n| n > 0), memory.filter(|&n| n > 0)))
}

fn platform(v: &Value, at: &str) -> Result<Option<Platform>, Problem> {
    let Some(runtime) = v.opt("runtimePlatform") else { return Ok(None) };
    let text = |name: &str| -> Result<Option<&str>, Problem> {
        match runtime.opt(name) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.as_str())),
            Some(other) => problem(&[at, "runtimePlatform.", name].concat(), Trouble::Unreadable(shown(other))),
        }
    };
    let arm = match text("cpuArchitecture")? {
        None | Some("X86_64") => false,
        Some("ARM64") => true,
        Some(other) => return problem(&[at, "runtimePlatform.cpuArchitecture"].concat(), Trouble::Unreadable(other.into())),
    };
    let windows = match text("operatingSystemFamily")? {
        None | Some("LINUX") => false,
        Some(os) if os.starts_with("WINDOWS_SERVER_") => true,
        Some(other) => return problem(&[at, "runtimePlatform.operatingSystemFamily"].concat(), Trouble::Unreadable(other.into())),
    };
    match (windows, arm) {
        (false, false) => Ok(Some(Platform::LinuxX86)),
        (false, true) => Ok(Some(Platform::LinuxArm)),
        (true, false) => Ok(Some(Platform::Windows)),
        // ECS runs Windows containers on x86 only.
        (true, true) => problem(&[at, "runtimePlatform.cpuArchitecture"].concat(), Trouble::Unreadable("ARM64".into())),
    }
}

fn read_services(list: &Value) -> Result<Vec<Service>, Problem> {
    let Value::Array(items) = list else { return problem("services", Trouble::Unreadable(shown(list))) };
    if items.is_empty() {
        return problem("services", Trouble::NoServices);
    }
    items
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let place = |name: &str| ["services[", &i.to_string(), "].", name].concat();
            let text = |name: &str| match s.opt(name) {
                Some(Value::String(t)) if !t.trim().is_empty() => Ok(t.trim().to_string()),
                Some(other) => problem(&place(name), Trouble::Unreadable(shown(other))),
                None => problem(&place(name), Trouble::Missing),
            };
            let desired = match s.opt("desiredCount") {
                None => return problem(&place("desiredCount"), Trouble::Missing),
                Some(x) => count(x).ok_or_else(|| Problem { at: place("desiredCount"), trouble: Trouble::Unreadable(shown(x)) })?,
            };
            Ok(Service { name: text("serviceName")?, desired, family: family_of(&text("taskDefinition")?) })
        })
        .collect()
}

/// "web" from "arn:aws:ecs:us-east-1:123456789012:task-definition/web:7",
/// "web:7" or "web".
fn family_of(task_definition: &str) -> String {
    let name = task_definition.rsplit('/').next().unwrap_or(task_definition);
    match name.rsplit_once(':') {
        Some((family, revision)) if !revision.is_empty() && revision.bytes().all(|b| b.is_ascii_digit()) => family.to_string(),
        _ => name.to_string(),
    }
}

#[cfg(test)]
pub(crate) mod tests;
