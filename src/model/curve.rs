//! A week of load (issue 27): each service's task count hour by hour, a
//! weekday curve (Monday to Friday) and a weekend one of 24 hours each, and
//! what the week costs on Fargate (every task-hour billed), on a fleet that
//! follows it (`fleet`), and split between a constant EC2 baseline and
//! Fargate above it (`split`).
//!
//! A month is AWS's 730 hours: `WEEKS_PER_MONTH` weeks of 168, so a steady
//! curve of n tasks costs what n tasks running all month cost today.

pub mod fleet;
pub mod preset;
pub mod split;

use super::ec2::PurchaseOption;
use super::fargate::FargateOption;
use super::line::Launch;
use super::packing::Room;
use super::scenario::{Candidate, FargateCost, Scenario, SidePrices};
use super::HOURS_PER_MONTH;
use fleet::{Bought, Scaling, Terms};
use split::Point;

pub const HOURS_PER_DAY: usize = 24;
pub const HOURS_PER_WEEK: usize = 7 * HOURS_PER_DAY;
/// Weekdays (Monday to Friday) in a week, each following the weekday curve.
pub const WEEKDAYS: usize = 5;
/// AWS's month in weeks: 730 ÷ 168 ≈ 4.345.
pub const WEEKS_PER_MONTH: f64 = HOURS_PER_MONTH / HOURS_PER_WEEK as f64;

/// One service's tasks running in each hour of the day, on weekdays and at weekends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Week {
    pub weekday: [u32; HOURS_PER_DAY],
    pub weekend: [u32; HOURS_PER_DAY],
}

impl Week {
    /// The same count every hour.
    pub fn steady(tasks: u32) -> Week {
        Week { weekday: [tasks; HOURS_PER_DAY], weekend: [tasks; HOURS_PER_DAY] }
    }

    /// Tasks in hour `h` of the week, Monday 00:00–01:00 being 0.
    pub fn at(&self, h: usize) -> u32 {
        let (day, hour) = (h / HOURS_PER_DAY, h % HOURS_PER_DAY);
        if day < WEEKDAYS {
            self.weekday[hour]
        } else {
            self.weekend[hour]
        }
    }

    /// The most tasks in any hour.
    pub fn peak(&self) -> u32 {
        self.weekday.iter().chain(&self.weekend).copied().max().unwrap_or(0)
    }

    /// Task-hours in a week.
    pub fn task_hours(&self) -> u64 {
        let sum = |day: &[u32; HOURS_PER_DAY]| day.iter().map(|&n| u64::from(n)).sum::<u64>();
        WEEKDAYS as u64 * sum(&self.weekday) + (7 - WEEKDAYS) as u64 * sum(&self.weekend)
    }
}

/// What the load above a commitment or an EC2 baseline is bought as: the
/// tasks above a baseline on Fargate (all of them when there is none), the
/// instance-hours above a commitment on EC2.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Above {
    OnDemand,
    /// Interruptible, at Spot's price.
    Spot,
}

impl Above {
    pub const ALL: [Above; 2] = [Above::OnDemand, Above::Spot];

    pub fn slug(self) -> &'static str {
        match self {
            Above::OnDemand => "on-demand",
            Above::Spot => "spot",
        }
    }

    pub fn from_slug(s: &str) -> Option<Above> {
        Above::ALL.into_iter().find(|a| a.slug() == s)
    }

    /// Fargate's purchase option for the tasks above a baseline.
    pub fn fargate(self) -> FargateOption {
        match self {
            Above::OnDemand => FargateOption::OnDemand,
            Above::Spot => FargateOption::Spot,
        }
    }

    /// EC2's purchase option for the instance-hours above a commitment.
    pub fn instances(self) -> PurchaseOption {
        match self {
            Above::OnDemand => PurchaseOption::OnDemand,
            Above::Spot => PurchaseOption::Spot,
        }
    }
}

/// Whether `a` USD costs less than `b` by more than float rounding: the same
/// month summed two ways (hour by hour, or all month) ties.
pub fn less(a: f64, b: f64) -> bool {
    a < b - 1e-9 * b.abs().max(1.0)
}

/// Every service's tasks in hour `h` of the week.
pub fn tasks_at(weeks: &[Week], h: usize) -> Vec<u32> {
    weeks.iter().map(|w| w.at(h)).collect()
}

/// USD a month of Fargate bought as `option` for the services' weeks (one
/// per service of `fargate`, in order): every task-hour billed at its
/// service's rate and its public address; None where `option` has no rate here.
pub fn fargate_monthly(fargate: &FargateCost, weeks: &[Week], option: FargateOption) -> Option<f64> {
    let mut week = 0.0;
    for (k, w) in weeks.iter().enumerate().take(fargate.services.len()) {
        week += w.task_hours() as f64 * fargate.service_task_hour(k, option)?;
    }
    Some(week * WEEKS_PER_MONTH)
}

/// A week's answer on one instance type.
#[derive(Clone, Debug, PartialEq)]
pub struct CurveCost {
    /// USD a month on Fargate, per `FargateOption`; None where it has no rate here.
    pub fargate: [Option<f64>; 4],
    /// Instances needed, and running (`Scaling`), each hour of the week.
    pub needed: Vec<u32>,
    pub running: Vec<u32>,
    /// The fleet that follows the week, bought the cheapest way with each
    /// purchase option it is priced for (and the hours above a commitment).
    pub fleets: Vec<(Launch, Bought)>,
    /// For each launch type and purchase option priced: every baseline's
    /// month (`split`), the tasks above it on Fargate bought as `above`.
    pub splits: Vec<(Launch, PurchaseOption, Vec<Point>)>,
    /// What the load above a baseline or a commitment is bought as.
    pub above: Above,
}

/// The week of each service (`weeks`, in the scenario's order) on
/// `candidate`, with Fargate's rates from `fargate`, the load above a
/// baseline or a commitment bought as `above`; None where a task fits no
/// instance of the type, the type is burstable (CPU credits under a
/// changing load are not modelled), or Fargate has no rate for `above`.
pub fn evaluate(
    s: &Scenario,
    weeks: &[Week],
    fargate: &FargateCost,
    side: &SidePrices,
    candidate: &Candidate,
    scaling: Scaling,
    above: Above,
) -> Option<CurveCost> {
    if candidate.burst.is_some() {
        return None;
    }
    let room = Room::of(&candidate.shape, s.reserved_mib, s.daemons, s.network)?;
    let (needed, running) = fleet::hours(s, room, weeks, scaling)?;
    let task_hour: Option<Vec<f64>> = (0..fargate.services.len()).map(|k| fargate.service_task_hour(k, above.fargate())).collect();
    let baselines = split::baselines(s, room, weeks, &task_hour?)?;
    let mut fleets = Vec::new();
    let mut splits = Vec::new();
    for launch in Launch::ALL {
        let Some(terms) = Terms::of(s, side, candidate, launch) else { continue };
        for option in PurchaseOption::ALL {
            let Some(hourly) = candidate.hourly.get(option).filter(|_| launch.offers(option)) else { continue };
            fleets.extend(fleet::cheapest(&running, candidate, launch, option, above.instances(), terms).map(|b| (launch, b)));
            splits.push((launch, option, split::points(&baselines, hourly, terms)));
        }
    }
    Some(CurveCost { fargate: FargateOption::ALL.map(|o| fargate_monthly(fargate, weeks, o)), needed, running, fleets, splits, above })
}

/// The type whose fleet following the week costs least bought as `buy` on
/// EC2 (of equals, the first in `candidates`): the auto choice for a week,
/// which a type sized for the busiest hour can miss (a few large instances
/// cannot shrink at night). Burstable types are left out, as `evaluate` does.
pub fn cheapest_type<'c>(
    s: &Scenario,
    weeks: &[Week],
    side: &SidePrices,
    candidates: &'c [Candidate],
    scaling: Scaling,
    buy: PurchaseOption,
    above: Above,
) -> Option<&'c Candidate> {
    let mut best: Option<(&Candidate, f64)> = None;
    for candidate in candidates.iter().filter(|c| c.burst.is_none()) {
        let Some(room) = Room::of(&candidate.shape, s.reserved_mib, s.daemons, s.network) else { continue };
        let Some(terms) = Terms::of(s, side, candidate, Launch::Ec2) else { continue };
        let Some((_, running)) = fleet::hours(s, room, weeks, scaling) else { continue };
        let Some(bought) = fleet::cheapest(&running, candidate, Launch::Ec2, buy, above.instances(), terms) else { continue };
        if best.is_none_or(|(_, usd)| less(bought.monthly, usd)) {
            best = Some((candidate, bought.monthly));
        }
    }
    best.map(|(c, _)| c)
}

/// One way to run the week.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Arrangement {
    /// Every task on Fargate, bought as the load above a baseline is.
    Fargate,
    /// Every task on a fleet that follows the week.
    Fleet(Bought),
    /// A baseline on a constant fleet, the rest on Fargate.
    Split(Point),
}

/// A kind of arrangement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Way {
    Fargate,
    Fleet,
    Split,
}

impl Arrangement {
    pub fn way(&self) -> Way {
        match self {
            Arrangement::Fargate => Way::Fargate,
            Arrangement::Fleet(_) => Way::Fleet,
            Arrangement::Split(_) => Way::Split,
        }
    }

    /// USD a month, all Fargate costing `all_fargate`.
    pub fn monthly(&self, all_fargate: f64) -> f64 {
        match self {
            Arrangement::Fargate => all_fargate,
            Arrangement::Fleet(b) => b.monthly,
            Arrangement::Split(p) => p.monthly(),
        }
    }
}

impl CurveCost {
    /// USD a month of every task on Fargate bought as the load above a
    /// baseline is; None where it has no rate here.
    pub fn all_fargate(&self) -> Option<f64> {
        self.fargate[self.above.fargate() as usize]
    }

    /// The fleet that follows the week on `launch` bought as `option`.
    pub fn fleet(&self, launch: Launch, option: PurchaseOption) -> Option<&Bought> {
        self.fleets.iter().find(|(l, b)| *l == launch && b.option == option).map(|(_, b)| b)
    }

    /// Every baseline's month on `launch` bought as `option`.
    pub fn split(&self, launch: Launch, option: PurchaseOption) -> Option<&[Point]> {
        self.splits.iter().find(|(l, o, _)| *l == launch && *o == option).map(|(_, _, p)| p.as_slice())
    }

    /// What the cheapest way (`cheapest`) saves against each other way that
    /// costs more: the way, its USD a month, and the share of it saved. A
    /// best split with no baseline is all Fargate, and a way costing the same
    /// is the same fleet (a split of every task is the fleet sized for the
    /// peak): neither is listed.
    pub fn savings(&self, launch: Launch, option: PurchaseOption) -> Vec<(Way, f64, f64)> {
        let fargate = self.all_fargate().unwrap_or(f64::NAN);
        let best = self.cheapest(launch, option);
        let (monthly, chosen) = (best.monthly(fargate), best.way());
        let others = [
            (Way::Fargate, Some(fargate)),
            (Way::Fleet, self.fleet(launch, option).map(|b| b.monthly)),
            (Way::Split, self.split(launch, option).and_then(split::cheapest).filter(|p| p.baseline > 0).map(|p| p.monthly())),
        ];
        others
            .into_iter()
            .filter(|(way, _)| *way != chosen)
            .filter_map(|(way, usd)| usd.filter(|&usd| less(monthly, usd)).map(|usd| (way, usd, (usd - monthly) / usd)))
            .collect()
    }

    /// The cheapest of all Fargate, the fleet and the best split on `launch`
    /// bought as `option`; of equals, the first of that order (a split at
    /// no baseline is all Fargate, at the peak an `Always` fleet).
    pub fn cheapest(&self, launch: Launch, option: PurchaseOption) -> Arrangement {
        let fargate = self.all_fargate().unwrap_or(f64::INFINITY);
        let mut ways = vec![Arrangement::Fargate];
        ways.extend(self.fleet(launch, option).map(|b| Arrangement::Fleet(*b)));
        ways.extend(self.split(launch, option).and_then(split::cheapest).map(|p| Arrangement::Split(*p)));
        ways.into_iter()
            .reduce(|best, way| if less(way.monthly(fargate), best.monthly(fargate)) { way } else { best })
            .unwrap_or(Arrangement::Fargate)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_of_the_week_follow_the_day_and_the_weekend() {
        let mut w = Week::steady(2);
        w.weekday[9] = 5;
        w.weekend[3] = 0;
        // Monday 09:00 is hour 9, Friday 09:00 hour 105; Saturday 03:00 hour 123.
        assert_eq!((w.at(9), w.at(4 * 24 + 9), w.at(5 * 24 + 9), w.at(5 * 24 + 3), w.at(6 * 24 + 3)), (5, 5, 2, 0, 0));
        assert_eq!(w.peak(), 5);
        // 168 × 2, plus 3 more in 5 weekday hours, less 2 in 2 weekend hours.
        assert_eq!(w.task_hours(), 336 + 15 - 4);
        assert_eq!((0..HOURS_PER_WEEK).map(|h| u64::from(w.at(h))).sum::<u64>(), w.task_hours());
    }
}
