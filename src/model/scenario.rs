//! One whole comparison: a workload on Fargate against the same workload on an
//! EC2 fleet, every purchase option, and where each pair of lines crosses.

use super::break_even::break_even_hours;
use super::ec2::{self, Capacity, Ec2Hourly, Overheads, PurchaseOption};
use super::fargate::{self, FargateOption, FargateRates, FargateTask, Unsupported};
use super::outclassed;
use super::packing::{self, InstanceShape, NetworkMode, Packing, Utilisation};
use super::platform::Platform;
use super::task_size::TaskSize;
use super::usage::Usage;
use std::cmp::Ordering;

#[derive(Clone, Debug, PartialEq)]
pub enum InstanceChoice {
    /// The cheapest candidate for the selected purchase option.
    Auto,
    Named(String),
}

/// Everything a person chooses about the workload and the fleet.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    pub platform: Platform,
    pub size: TaskSize,
    /// Ephemeral storage per task, GiB (20–200).
    pub storage_gib: u32,
    pub tasks: u32,
    pub usage: Usage,
    pub instance: InstanceChoice,
    /// The EC2 purchase option the instance is chosen for and the verdict speaks of.
    pub buy: PurchaseOption,
    pub capacity: Capacity,
    pub min_instances: u32,
    /// MiB per instance kept back for the OS and the ECS agent.
    pub reserved_mib: u32,
    pub network: NetworkMode,
    pub overheads: Overheads,
}

/// Fargate's rates in the region for each purchase option; None where unknown.
#[derive(Clone, Debug, PartialEq)]
pub struct FargateOptions {
    pub on_demand: FargateRates,
    pub spot: Option<FargateRates>,
    pub savings_plan_1y: Option<FargateRates>,
    pub savings_plan_3y: Option<FargateRates>,
}

impl FargateOptions {
    pub fn get(&self, option: FargateOption) -> Option<&FargateRates> {
        match option {
            FargateOption::OnDemand => Some(&self.on_demand),
            FargateOption::Spot => self.spot.as_ref(),
            FargateOption::SavingsPlan1y => self.savings_plan_1y.as_ref(),
            FargateOption::SavingsPlan3y => self.savings_plan_3y.as_ref(),
        }
    }

    /// The options Fargate sells for `platform` that have rates here, in
    /// `FargateOption::ALL` order: whatever rates are passed in, no Spot on Windows.
    pub fn offered(&self, platform: Platform) -> impl Iterator<Item = (FargateOption, &FargateRates)> {
        FargateOption::ALL.into_iter().filter(move |o| o.runs(platform)).filter_map(|o| Some((o, self.get(o)?)))
    }
}

/// An EC2 instance type that could host the tasks.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    pub name: String,
    pub shape: InstanceShape,
    pub hourly: Ec2Hourly,
}

/// Fargate's bill, USD.
#[derive(Clone, Debug, PartialEq)]
pub struct FargateCost {
    /// Hours billed per task per month.
    pub billed_hours: f64,
    /// USD per task-hour, on-demand.
    pub task_hour: f64,
    /// USD per month for each option; None where the rate is unknown.
    pub on_demand: f64,
    pub spot: Option<f64>,
    pub savings_plan_1y: Option<f64>,
    pub savings_plan_3y: Option<f64>,
}

impl FargateCost {
    /// USD per month for `option`; None where it has no rate here.
    pub fn monthly(&self, option: FargateOption) -> Option<f64> {
        match option {
            FargateOption::OnDemand => Some(self.on_demand),
            FargateOption::Spot => self.spot,
            FargateOption::SavingsPlan1y => self.savings_plan_1y,
            FargateOption::SavingsPlan3y => self.savings_plan_3y,
        }
    }
}

/// The EC2 fleet's bill, USD.
#[derive(Clone, Debug, PartialEq)]
pub struct Ec2Cost {
    pub candidate: Candidate,
    pub packing: Packing,
    pub instances: u32,
    /// The fleet is at the minimum instance count, more than the tasks need.
    pub at_minimum: bool,
    /// USD per month for each purchase option (ALL order); None where unpriced.
    pub monthly: [Option<f64>; 4],
    pub utilisation: Utilisation,
}

impl Ec2Cost {
    pub fn monthly(&self, option: PurchaseOption) -> Option<f64> {
        self.monthly[option as usize]
    }

    /// USD per month for `option` were each task to run `hours` a month: the
    /// fleet's line on a chart of cost against hours. None where unpriced.
    pub fn monthly_at(&self, option: PurchaseOption, capacity: Capacity, overheads: Overheads, hours: f64) -> Option<f64> {
        let hourly = self.candidate.hourly.get(option)?;
        Some(ec2::monthly(self.instances, hourly, ec2::instance_hours(option, capacity, hours), overheads))
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    pub fargate: FargateCost,
    pub ec2: Ec2Cost,
    /// Hours per task per month where Fargate on-demand meets each EC2 option
    /// (ALL order); None when they do not cross within 0–730 h.
    pub break_even_hours: [Option<f64>; 4],
}

impl Evaluation {
    pub fn break_even(&self, option: PurchaseOption) -> Option<f64> {
        self.break_even_hours[option as usize]
    }
}

/// Why a scenario has no answer (`i18n` says it in words).
#[derive(Clone, Debug, PartialEq)]
pub enum ScenarioError {
    Fargate(Unsupported),
    /// The usage bills more hours than a month has.
    UsageOverMonth(f64),
    UnknownInstance(String),
    /// The named instance cannot hold even one task.
    InstanceTooSmall(String),
    /// No candidate holds a task and has a price for the purchase option.
    NoCandidate(PurchaseOption),
}

/// The fleet for one candidate, or None when not one task fits on it.
pub fn fleet(scenario: &Scenario, candidate: &Candidate, billed_hours: f64) -> Option<Ec2Cost> {
    let packing = packing::pack(&candidate.shape, scenario.size, scenario.reserved_mib, scenario.network)?;
    let instances = packing::instances_needed(scenario.tasks, packing.tasks_per_instance, scenario.min_instances);
    let mut cost = Ec2Cost {
        candidate: candidate.clone(),
        packing,
        instances,
        at_minimum: scenario.tasks.div_ceil(packing.tasks_per_instance) < scenario.min_instances,
        monthly: [None; 4],
        utilisation: packing::utilisation(&candidate.shape, instances, scenario.size, scenario.tasks),
    };
    cost.monthly = PurchaseOption::ALL.map(|option| cost.monthly_at(option, scenario.capacity, scenario.overheads, billed_hours));
    Some(cost)
}

/// Cheapest first for `option`; ties go to fewer instances, then to the lower
/// hourly rate, then to the larger type, then to the name: so a type another
/// outclasses never wins (see `outclassed`).
fn cheaper(option: PurchaseOption) -> impl Fn(&Ec2Cost, &Ec2Cost) -> Ordering {
    move |a, b| {
        let cost = |c: &Ec2Cost| c.monthly(option).unwrap_or(f64::INFINITY);
        let rate = |c: &Ec2Cost| c.candidate.hourly.get(option).unwrap_or(f64::INFINITY);
        cost(a)
            .total_cmp(&cost(b))
            .then(a.instances.cmp(&b.instances))
            .then_with(|| rate(a).total_cmp(&rate(b)))
            .then_with(|| outclassed::larger_first(&a.candidate.shape, &b.candidate.shape))
            .then_with(|| a.candidate.name.cmp(&b.candidate.name))
    }
}

/// Every candidate that holds at least one task, cheapest first for the
/// scenario's purchase option (unpriced ones last).
pub fn ranked(scenario: &Scenario, candidates: &[Candidate]) -> Vec<Ec2Cost> {
    let billed = scenario.usage.billed_hours();
    let mut fleets: Vec<Ec2Cost> = candidates.iter().filter_map(|c| fleet(scenario, c, billed)).collect();
    fleets.sort_by(cheaper(scenario.buy));
    fleets
}

pub fn evaluate(scenario: &Scenario, rates: &FargateOptions, candidates: &[Candidate]) -> Result<Evaluation, ScenarioError> {
    let task = FargateTask::new(scenario.platform, scenario.size, scenario.storage_gib).map_err(ScenarioError::Fargate)?;
    if !scenario.usage.fits_in_month() {
        return Err(ScenarioError::UsageOverMonth(scenario.usage.billed_hours()));
    }
    let billed_hours = scenario.usage.billed_hours();
    let mut monthly = [None; 4];
    for (option, r) in rates.offered(scenario.platform) {
        monthly[option as usize] = Some(fargate::monthly(task.hourly(r), scenario.tasks, billed_hours));
    }
    let task_hour = task.hourly(&rates.on_demand);
    let fargate_cost = FargateCost {
        billed_hours,
        task_hour,
        on_demand: fargate::monthly(task_hour, scenario.tasks, billed_hours),
        spot: monthly[FargateOption::Spot as usize],
        savings_plan_1y: monthly[FargateOption::SavingsPlan1y as usize],
        savings_plan_3y: monthly[FargateOption::SavingsPlan3y as usize],
    };

    let ec2 = match &scenario.instance {
        InstanceChoice::Auto => candidates
            .iter()
            .filter_map(|c| fleet(scenario, c, billed_hours))
            .filter(|f| f.monthly(scenario.buy).is_some())
            .min_by(cheaper(scenario.buy))
            .ok_or(ScenarioError::NoCandidate(scenario.buy))?,
        InstanceChoice::Named(name) => {
            let candidate = candidates.iter().find(|c| &c.name == name).ok_or_else(|| ScenarioError::UnknownInstance(name.clone()))?;
            fleet(scenario, candidate, billed_hours).ok_or_else(|| ScenarioError::InstanceTooSmall(name.clone()))?
        }
    };

    // Fargate on-demand costs `fargate_per_hour` for each hour every task runs.
    let fargate_per_hour = f64::from(scenario.tasks) * task_hour;
    let break_even_hours = PurchaseOption::ALL.map(|option| {
        let hourly = ec2.candidate.hourly.get(option)?;
        let follows = scenario.capacity == Capacity::FollowTasks && option.can_follow_tasks();
        let (per_hour, fixed) = if follows {
            let o = scenario.overheads;
            (f64::from(ec2.instances) * hourly, f64::from(ec2.instances) * o.extra_per_instance + o.ops_hours * o.ops_rate)
        } else {
            (0.0, ec2.monthly(option)?)
        };
        break_even_hours(fargate_per_hour, per_hour, fixed)
    });
    Ok(Evaluation { fargate: fargate_cost, ec2, break_even_hours })
}

#[cfg(test)]
mod tests {
    use super::*;

    const X86: FargateRates = FargateRates { vcpu_hour: 0.04048, gb_hour: 0.004445, storage_gb_hour: 0.000111, os_vcpu_hour: None };

    fn candidate(name: &str, vcpu: u32, gib: u32, enis: u32, on_demand: f64, r1: Option<f64>) -> Candidate {
        Candidate {
            name: name.into(),
            shape: InstanceShape { vcpu, memory_mib: gib * 1024, enis, trunking_tasks: None },
            hourly: Ec2Hourly { on_demand, reserved_1y: r1, reserved_3y: None, spot: None },
        }
    }

    fn scenario() -> Scenario {
        Scenario {
            platform: Platform::LinuxX86,
            size: TaskSize::from_vcpu_gib(1.0, 2.0).unwrap(),
            storage_gib: 20,
            tasks: 10,
            usage: Usage::Hours(730.0),
            instance: InstanceChoice::Auto,
            buy: PurchaseOption::OnDemand,
            capacity: Capacity::AlwaysOn,
            min_instances: 2,
            reserved_mib: 512,
            network: NetworkMode::Bridge,
            overheads: Overheads::NONE,
        }
    }

    fn rates() -> FargateOptions {
        FargateOptions { on_demand: X86, spot: None, savings_plan_1y: None, savings_plan_3y: None }
    }

    #[test]
    fn auto_picks_the_cheapest_fleet_and_the_break_even_follows() {
        // 1 vCPU / 2 GiB tasks, 512 MiB reserved:
        // m6i.large (2 vCPU, 8 GiB, $0.096): 2 per instance (CPU) → 5 instances → 5 × 0.096 × 730 = $350.40
        // m6i.xlarge (4 vCPU, 16 GiB, $0.192): 4 per instance (CPU) → 3 instances → 3 × 0.192 × 730 = $420.48
        // c6i.large (2 vCPU, 4 GiB, $0.085): CPU 2, memory ⌊3584 ÷ 2048⌋ = 1 → 10 instances → $620.50
        let candidates = [
            candidate("m6i.xlarge", 4, 16, 4, 0.192, None),
            candidate("m6i.large", 2, 8, 3, 0.096, Some(0.06)),
            candidate("c6i.large", 2, 4, 3, 0.085, None),
        ];
        let e = evaluate(&scenario(), &rates(), &candidates).unwrap();
        assert_eq!((e.ec2.candidate.name.as_str(), e.ec2.instances, e.ec2.packing.tasks_per_instance), ("m6i.large", 5, 2));
        assert!((e.ec2.monthly(PurchaseOption::OnDemand).unwrap() - 350.4).abs() < 1e-9);
        // Reserved 1y: 5 × 0.06 × 730 = $219.00; no Spot price: None.
        assert!((e.ec2.monthly(PurchaseOption::Reserved1y).unwrap() - 219.0).abs() < 1e-9);
        assert_eq!(e.ec2.monthly(PurchaseOption::Spot), None);
        // Fargate: 10 × 730 × 0.04937 = $360.401, so on-demand EC2 is cheaper above
        // 350.40 ÷ (10 × 0.04937) = 709.74 h, reserved above 219 ÷ 0.4937 = 443.59 h.
        assert!((e.fargate.on_demand - 360.401).abs() < 1e-9);
        assert!((e.break_even(PurchaseOption::OnDemand).unwrap() - 350.4 / 0.4937).abs() < 1e-9);
        assert!((e.break_even(PurchaseOption::Reserved1y).unwrap() - 219.0 / 0.4937).abs() < 1e-9);
        // Utilisation: 10 vCPU of 10 provisioned; 20 GiB of 40 GiB.
        assert_eq!((e.ec2.utilisation.vcpu, e.ec2.utilisation.memory), (1.0, 0.5));
    }

    #[test]
    fn ties_go_to_fewer_instances_then_the_lower_rate_then_the_larger_type_then_the_name() {
        // Same monthly cost: 4 × $0.1 against 2 × $0.2.
        let candidates = [candidate("a.small", 2, 8, 3, 0.1, None), candidate("b.big", 4, 16, 4, 0.2, None)];
        let mut s = scenario();
        s.tasks = 8;
        s.min_instances = 1;
        let e = evaluate(&s, &rates(), &candidates).unwrap();
        assert_eq!(e.ec2.candidate.name, "b.big");
        // Paid by the task-hour with no hours to pay: every fleet costs its overheads.
        let idle = Scenario { usage: Usage::Hours(0.0), capacity: Capacity::FollowTasks, ..s.clone() };
        let candidates = [candidate("a.dear", 4, 16, 4, 0.3, None), candidate("b.cheap", 4, 16, 4, 0.2, None)];
        assert_eq!(evaluate(&idle, &rates(), &candidates).unwrap().ec2.candidate.name, "b.cheap");
        let candidates = [candidate("a.small", 4, 16, 4, 0.2, None), candidate("b.roomy", 4, 32, 4, 0.2, None)];
        assert_eq!(evaluate(&s, &rates(), &candidates).unwrap().ec2.candidate.name, "b.roomy");
        let candidates = [candidate("b.twin", 4, 16, 4, 0.2, None), candidate("a.twin", 4, 16, 4, 0.2, None)];
        assert_eq!(evaluate(&s, &rates(), &candidates).unwrap().ec2.candidate.name, "a.twin");
    }

    #[test]
    fn a_named_instance_too_small_is_an_error_not_a_zero() {
        let mut s = scenario();
        s.instance = InstanceChoice::Named("c6i.large".into());
        s.size = TaskSize::from_vcpu_gib(4.0, 8.0).unwrap();
        let candidates = [candidate("c6i.large", 2, 4, 3, 0.085, None)];
        assert_eq!(evaluate(&s, &rates(), &candidates), Err(ScenarioError::InstanceTooSmall("c6i.large".into())));
        s.instance = InstanceChoice::Named("nope.large".into());
        assert_eq!(evaluate(&s, &rates(), &candidates), Err(ScenarioError::UnknownInstance("nope.large".into())));
        s.instance = InstanceChoice::Auto;
        assert_eq!(evaluate(&s, &rates(), &candidates), Err(ScenarioError::NoCandidate(PurchaseOption::OnDemand)));
    }

    #[test]
    fn break_even_above_the_month_is_none() {
        // One task on a minimum of 2 × m6i.large: 2 × 0.096 × 730 = $140.16 against Fargate
        // 1 × 0.04937 per hour: 140.16 ÷ 0.04937 = 2,839 h > 730 h: Fargate is always cheaper.
        let mut s = scenario();
        s.tasks = 1;
        let e = evaluate(&s, &rates(), &[candidate("m6i.large", 2, 8, 3, 0.096, None)]).unwrap();
        assert_eq!(e.ec2.instances, 2);
        assert_eq!(e.break_even(PurchaseOption::OnDemand), None);
    }

    #[test]
    fn scheduled_jobs_with_capacity_following_tasks() {
        // 10 tasks, 600 runs of 30 s a month: billed 600 × 1 min = 10 h per task (the 1-minute minimum).
        let mut s = scenario();
        s.usage = Usage::Scheduled { runs: 600, minutes: 0.5 };
        s.capacity = Capacity::FollowTasks;
        let e = evaluate(&s, &rates(), &[candidate("m6i.large", 2, 8, 3, 0.096, Some(0.06))]).unwrap();
        assert_eq!(e.fargate.billed_hours, 10.0);
        // Fargate: 10 × 10 × 0.04937 = $4.937
        assert!((e.fargate.on_demand - 4.937).abs() < 1e-9);
        // On-demand follows tasks: 5 × 0.096 × 10 = $4.80; reserved stays on: 5 × 0.06 × 730 = $219.
        assert!((e.ec2.monthly(PurchaseOption::OnDemand).unwrap() - 4.8).abs() < 1e-9);
        assert!((e.ec2.monthly(PurchaseOption::Reserved1y).unwrap() - 219.0).abs() < 1e-9);
        // Following, with no fixed costs, EC2 at $0.48/h of the fleet is cheaper from the first hour: 0 h.
        assert_eq!(e.break_even(PurchaseOption::OnDemand), Some(0.0));
    }

    #[test]
    fn usage_over_a_month_is_refused() {
        let mut s = scenario();
        s.usage = Usage::Scheduled { runs: 50_000, minutes: 1.0 };
        assert!(matches!(evaluate(&s, &rates(), &[]), Err(ScenarioError::UsageOverMonth(_))));
    }
}
