//! The page's state and its reducer: the single place the state changes.

use crate::chart::{self, Dash, Series};
use crate::format;
use crate::model::fargate::{self, FargateTask, Unsupported};
use crate::model::platform::Platform;
use crate::model::task_size::TaskSize;
use crate::model::HOURS_PER_MONTH;
use crate::pricing::{Manifest, ValueOrigin};
use std::rc::Rc;
use yew::Reducible;

/// Whole hours per month per task the slider offers: 0 to the full 730.
pub const MAX_HOURS: u32 = HOURS_PER_MONTH as u32;
pub const MAX_TASKS: u32 = 10_000;

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// AWS region code, e.g. "us-east-1".
    pub region: String,
    pub size: TaskSize,
    pub tasks: u32,
    /// Hours per month each task runs, 0–730.
    pub hours: u32,
}

impl Default for State {
    /// A story on first load: ten 1 vCPU / 2 GiB tasks running all month.
    fn default() -> Self {
        State { region: crate::pricing::DEFAULT_REGION.to_string(), size: TaskSize::default(), tasks: 10, hours: MAX_HOURS }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Price in another region (a code from the manifest).
    SetRegion(String),
    /// Pick a CPU value (CPU units); memory moves to the nearest size it allows.
    SetCpu(u32),
    /// Pick a memory value (MiB) for the current CPU.
    SetMemory(u32),
    SetTasks(u32),
    SetHours(u32),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetRegion(region) => next.region = region,
            Action::SetCpu(cpu) => {
                if let Some(size) = TaskSize::nearest(cpu, self.size.memory_mib()) {
                    next.size = size;
                }
            }
            Action::SetMemory(mib) => {
                if let Some(size) = TaskSize::new(self.size.cpu_units(), mib) {
                    next.size = size;
                }
            }
            Action::SetTasks(tasks) => next.tasks = tasks.clamp(1, MAX_TASKS),
            Action::SetHours(hours) => next.hours = hours.min(MAX_HOURS),
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

/// What one platform costs for the current state.
#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    pub platform: Platform,
    pub cost: Result<Cost, Unavailable>,
    /// Where the on-demand rates behind `cost` came from.
    pub origin: Option<ValueOrigin>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Cost {
    /// USD per task-hour.
    pub task_hour: f64,
    /// USD per month at the chosen hours.
    pub monthly: f64,
    /// USD per month if the tasks ran all 730 hours.
    pub monthly_full: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Unavailable {
    Unsupported(Unsupported),
    NoPrice,
}

impl State {
    pub fn quotes(&self, manifest: &Manifest) -> Vec<Quote> {
        Platform::ALL
            .into_iter()
            .map(|platform| {
                let prices = manifest.fargate(&self.region, platform);
                let cost = FargateTask::new(platform, self.size, fargate::FREE_STORAGE_GIB)
                    .map_err(Unavailable::Unsupported)
                    .and_then(|task| {
                        let prices = prices.ok_or(Unavailable::NoPrice)?;
                        let task_hour = task.hourly(&prices.on_demand.rates(prices.storage.as_ref()));
                        Ok(Cost {
                            task_hour,
                            monthly: fargate::monthly(task_hour, self.tasks, f64::from(self.hours)),
                            monthly_full: fargate::monthly(task_hour, self.tasks, HOURS_PER_MONTH),
                        })
                    });
                Quote { platform, cost, origin: prices.map(|p| p.on_demand.origin.clone()) }
            })
            .collect()
    }

    /// "10 tasks of 1 vCPU / 2 GiB"
    pub fn workload(&self) -> String {
        let tasks = if self.tasks == 1 { "1 task".to_string() } else { format!("{} tasks", self.tasks) };
        format!("{tasks} of {} vCPU / {} GiB", format::quantity(self.size.vcpu()), format::quantity(self.size.memory_gib()))
    }

    /// The one sentence at the top of the page.
    pub fn summary(&self, quotes: &[Quote]) -> String {
        let costs: Vec<String> = quotes
            .iter()
            .filter_map(|q| q.cost.as_ref().ok().map(|c| format!("{} {}", q.platform.label(), format::usd(c.monthly))))
            .collect();
        if costs.is_empty() {
            return format!("No Fargate prices are known for {} in {}.", self.workload(), self.region);
        }
        format!(
            "{} running {} h/month each ({} of the month) cost {} a month on Fargate in {}.",
            self.workload(),
            self.hours,
            format::percent_of_month(f64::from(self.hours)),
            costs.join(", "),
            self.region
        )
    }
}

/// Chart lines for the quotes: Fargate cost grows in a straight line with hours.
pub fn chart_series(quotes: &[Quote]) -> Vec<Series> {
    quotes
        .iter()
        .filter_map(|q| {
            let cost = q.cost.as_ref().ok()?;
            let (color, dash) = match q.platform {
                Platform::LinuxX86 => (chart::BLUE, Dash::Solid),
                Platform::LinuxArm => (chart::ORANGE, Dash::Dashed),
                Platform::Windows => (chart::PURPLE, Dash::Dotted),
            };
            Some(Series {
                label: format!("Fargate {}", q.platform.label()),
                color,
                dash,
                points: vec![(0.0, 0.0), (HOURS_PER_MONTH, cost.monthly_full)],
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reduce(state: State, action: Action) -> State {
        (*Rc::new(state).reduce(action)).clone()
    }

    #[test]
    fn changing_cpu_keeps_a_valid_size() {
        let s = reduce(State::default(), Action::SetMemory(8192));
        assert_eq!(s.size.memory_gib(), 8.0);
        let s = reduce(s, Action::SetCpu(512));
        assert_eq!((s.size.vcpu(), s.size.memory_gib()), (0.5, 4.0));
        // An invalid memory for the CPU is ignored, not applied.
        assert_eq!(reduce(s.clone(), Action::SetMemory(8192)), s);
    }

    #[test]
    fn tasks_and_hours_stay_in_range() {
        assert_eq!(reduce(State::default(), Action::SetHours(9999)).hours, 730);
        assert_eq!(reduce(State::default(), Action::SetTasks(0)).tasks, 1);
    }

    #[test]
    fn default_quotes_from_the_bundled_snapshot() {
        let manifest = Manifest::bundled().unwrap();
        let quotes = State::default().quotes(&manifest);
        let monthly: Vec<f64> = quotes.iter().map(|q| q.cost.as_ref().unwrap().monthly).collect();
        // x86: 10 × 730 × (1 × 0.04048 + 2 × 0.004445) = 7300 × 0.04937 = 360.401
        assert!((monthly[0] - 360.401).abs() < 1e-9, "{monthly:?}");
        // ARM: 7300 × (0.03238 + 2 × 0.00356) = 7300 × 0.0395 = 288.35
        assert!((monthly[1] - 288.35).abs() < 1e-9, "{monthly:?}");
        // Windows: 7300 × (0.046552 + 2 × 0.00511175 + 0.046) = 7300 × 0.1027755 = 750.26115
        assert!((monthly[2] - 750.26115).abs() < 1e-9, "{monthly:?}");
    }

    #[test]
    fn another_region_uses_its_own_rates_and_says_where_they_came_from() {
        let manifest = Manifest::bundled().unwrap();
        let s = reduce(State::default(), Action::SetRegion("eu-central-1".into()));
        let quotes = s.quotes(&manifest);
        // eu-central-1 x86: 10 × 730 × (0.04656 + 2 × 0.00511) = 7300 × 0.05678 = 414.494
        assert!((quotes[0].cost.as_ref().unwrap().monthly - 414.494).abs() < 1e-9, "{quotes:?}");
        assert_eq!(quotes[1].origin.as_ref().unwrap().provenance, crate::pricing::Provenance::Derived);
        assert!(matches!(quotes[2].cost, Err(Unavailable::NoPrice)), "no Windows Fargate price outside us-east-1");
    }

    #[test]
    fn windows_is_unavailable_below_one_vcpu() {
        let manifest = Manifest::bundled().unwrap();
        let s = reduce(State::default(), Action::SetCpu(256));
        let quotes = s.quotes(&manifest);
        assert!(matches!(quotes[2].cost, Err(Unavailable::Unsupported(_))));
        assert_eq!(chart_series(&quotes).len(), 2);
        assert!(!s.summary(&quotes).contains("Windows"));
    }
}
