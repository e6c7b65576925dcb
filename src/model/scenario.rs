//! One whole comparison: a workload on Fargate against the same workload on
//! an instance fleet, self-managed (EC2) or run by ECS Managed Instances,
//! every purchase option, and where each fleet is cheaper than Fargate.

use super::bill::{FargateParts, FleetParts};
use super::cost_line::{self, CostLine};
use super::credits::{self, Burst, CreditMode, CreditUse, Load};
use super::ec2::{Capacity, Ec2Hourly, Overheads, PurchaseOption};
use super::fargate::{FargateOption, FargateRates, FargateTask, Unsupported};
use super::line::{Launch, Line};
use super::outclassed;
use super::packing::{Daemons, InstanceShape, NetworkMode, Packing, Room};
use super::placement::{self, Demand, Idle, Placement, Utilisation};
use super::platform::Platform;
use super::task_size::TaskSize;
use super::usage::Usage;
use super::HOURS_PER_MONTH;
use std::cmp::Ordering;

#[derive(Clone, Debug, PartialEq)]
pub enum InstanceChoice {
    /// The cheapest candidate for the selected purchase option.
    Auto,
    Named(String),
}

/// One service of the workload: its tasks, all of one size.
#[derive(Clone, Debug, PartialEq)]
pub struct Service {
    pub size: TaskSize,
    /// Ephemeral storage per task, GiB (20–200).
    pub storage_gib: u32,
    /// A task's average CPU use while it runs, as a share of its vCPU (0.01–1).
    pub cpu_use: f64,
    pub tasks: u32,
    /// On Fargate each task carries the workload's daemons as sidecar
    /// containers (on instances they run once per instance).
    pub sidecars: bool,
}

impl Service {
    /// The size Fargate bills a task at: its own, or with sidecars the
    /// smallest valid size that holds it and the daemons; None when none does.
    pub fn fargate_size(&self, daemons: Daemons) -> Option<TaskSize> {
        if !self.sidecars || daemons == Daemons::NONE {
            return Some(self.size);
        }
        TaskSize::smallest_holding(self.size.cpu_units() + daemons.cpu_units, self.size.memory_mib() + daemons.memory_mib)
    }

    /// vCPU a task uses on average while it runs.
    pub fn vcpu_used(&self) -> f64 {
        self.size.vcpu() * self.cpu_use
    }
}

/// Everything a person chooses about the workload and the fleet.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    pub platform: Platform,
    /// At least one; all run for the same hours.
    pub services: Vec<Service>,
    /// What agents that run on every instance take of each.
    pub daemons: Daemons,
    /// Percent more of each service's tasks that must fit at once while it
    /// deploys (ECS's `maximumPercent` − 100).
    pub headroom_percent: u32,
    pub usage: Usage,
    pub instance: InstanceChoice,
    /// The purchase option the instance is chosen for and the verdict speaks of.
    pub buy: PurchaseOption,
    pub capacity: Capacity,
    pub min_instances: u32,
    /// MiB per instance kept back for the OS and the ECS agent.
    pub reserved_mib: u32,
    pub network: NetworkMode,
    /// How burstable instances pay for CPU above their baseline.
    pub credits: CreditMode,
    /// Each task (on Fargate) or instance (on EC2) has a public IPv4 address.
    pub public_ip: bool,
    /// GiB of EBS root volume per instance.
    pub ebs_gib: u32,
    pub overheads: Overheads,
}

impl Scenario {
    /// Each service's tasks as placement sees them.
    pub fn demands(&self) -> Vec<Demand> {
        self.services.iter().map(|s| Demand { size: s.size, tasks: s.tasks }).collect()
    }

    /// Every task of every service.
    pub fn tasks(&self) -> u32 {
        self.services.iter().map(|s| s.tasks).sum()
    }
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

/// What the region charges beside the tasks and the instances, USD; None
/// where unknown.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SidePrices {
    /// Per public IPv4 address-hour.
    pub public_ipv4_hour: Option<f64>,
    /// Per GB-month of EBS gp3.
    pub ebs_gb_month: Option<f64>,
}

/// An instance type that could host the tasks.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    pub name: String,
    pub shape: InstanceShape,
    pub hourly: Ec2Hourly,
    /// For a burstable type, its CPU credits.
    pub burst: Option<Burst>,
    /// ECS Managed Instances' fee, USD per instance-hour; None where it does not run the type.
    pub managed_fee: Option<f64>,
}

const SLOTS: usize = 2 * PurchaseOption::ALL.len();

/// One service on Fargate.
#[derive(Clone, Debug, PartialEq)]
pub struct FargateService {
    pub tasks: u32,
    /// The size Fargate bills (with sidecars, larger than the service's).
    pub size: TaskSize,
    /// USD per task-hour of each option Fargate sells here (`FargateOption`
    /// order): vCPU, memory, storage and licence.
    pub task_hours: [Option<f64>; 4],
}

/// Fargate's bill.
#[derive(Clone, Debug, PartialEq)]
pub struct FargateCost {
    pub services: Vec<FargateService>,
    /// Hours billed per task per month.
    pub billed_hours: f64,
    /// USD per task-hour for a public IPv4 address: 0 without one, None
    /// where its price is unknown.
    pub public_ipv4_hour: Option<f64>,
}

impl FargateCost {
    pub fn tasks(&self) -> u32 {
        self.services.iter().map(|s| s.tasks).sum()
    }

    /// USD per hour of every task running, bought as `option`; None where it has no rate here.
    fn fleet_hour(&self, option: FargateOption) -> Option<f64> {
        self.services.iter().try_fold(0.0, |usd, s| Some(usd + f64::from(s.tasks) * s.task_hours[option as usize]?))
    }

    /// USD per task-hour bought as `option`: a service's rate, or with
    /// several the average over their tasks; None where it has no rate here.
    pub fn task_hour_of(&self, option: FargateOption) -> Option<f64> {
        match self.services.as_slice() {
            [one] => one.task_hours[option as usize],
            _ => self.fleet_hour(option).map(|usd| usd / f64::from(self.tasks())),
        }
    }

    /// USD per task-hour on-demand (see `task_hour_of`).
    pub fn task_hour(&self) -> f64 {
        self.task_hour_of(FargateOption::OnDemand).unwrap_or(f64::NAN)
    }

    /// `option`'s bill as lines of the hours per task; None where it has no rate here.
    pub fn lines(&self, option: FargateOption) -> Option<FargateParts<CostLine>> {
        let tasks = f64::from(self.tasks());
        Some(FargateParts {
            tasks: CostLine::per_hour(self.fleet_hour(option)?),
            public_ipv4: self.public_ipv4_hour.map(|usd| CostLine::per_hour(tasks * usd)),
        })
    }

    /// `option`'s bill at the billed hours.
    pub fn bill(&self, option: FargateOption) -> Option<FargateParts<f64>> {
        Some(self.lines(option)?.at(self.billed_hours))
    }

    /// USD per month for `option`; None where it has no rate here.
    pub fn monthly(&self, option: FargateOption) -> Option<f64> {
        Some(self.bill(option)?.total())
    }

    /// USD per task-hour of service `k` bought as `option`, its address included.
    pub fn service_task_hour(&self, k: usize, option: FargateOption) -> Option<f64> {
        Some(self.services.get(k)?.task_hours[option as usize]? + self.public_ipv4_hour.unwrap_or(0.0))
    }

    /// USD per month for service `k` bought as `option`, its addresses included.
    pub fn service_monthly(&self, k: usize, option: FargateOption) -> Option<f64> {
        Some(f64::from(self.services.get(k)?.tasks) * self.service_task_hour(k, option)? * self.billed_hours)
    }

    /// Service `k`'s on-demand month as a line of its task count: USD of
    /// the other services (what stays), and USD per task of this one.
    pub fn per_task_of(&self, k: usize) -> (f64, f64) {
        let others = (0..self.services.len())
            .filter(|&j| j != k)
            .filter_map(|j| self.service_monthly(j, FargateOption::OnDemand))
            .fold(0.0, |a, b| a + b);
        let tasks = self.services.get(k).map_or(0, |s| s.tasks);
        (others, (self.on_demand() - others) / f64::from(tasks))
    }

    /// USD per month on-demand.
    pub fn on_demand(&self) -> f64 {
        self.monthly(FargateOption::OnDemand).unwrap_or(f64::NAN)
    }
}

/// What a fleet's bill needs of the scenario and the region, kept with it so
/// its lines can be drawn without them.
#[derive(Clone, Copy, Debug, PartialEq)]
struct FleetTerms {
    capacity: Capacity,
    overheads: Overheads,
    side: SidePrices,
    public_ip: bool,
    ebs_gib: u32,
    billed_hours: f64,
}

/// An instance fleet for the tasks, and its bills.
#[derive(Clone, Debug, PartialEq)]
pub struct Ec2Cost {
    pub candidate: Candidate,
    /// With one service, its tasks per instance and what bounds them.
    pub packing: Option<Packing>,
    /// Where the tasks and their deploy headroom fit; the fleet may add
    /// empty instances to reach its minimum.
    pub placement: Placement,
    pub instances: u32,
    /// The fleet is at the minimum instance count, more than the tasks need.
    pub at_minimum: bool,
    pub utilisation: Utilisation,
    pub idle: Idle,
    /// The running tasks' CPU use per instance, spread as ECS spreads them,
    /// in groups of equally loaded instances.
    pub loads: Vec<Load>,
    /// What the tasks ask of a burstable type's CPU credits; None for the others.
    pub credits: Option<CreditUse>,
    terms: FleetTerms,
    /// USD per month at the billed hours per launch and option; None where
    /// unpriced, not offered, or beyond what standard credits allow.
    monthly: [Option<f64>; SLOTS],
}

impl Ec2Cost {
    /// Whether the instances run only while the tasks do, for `option`.
    fn follows(&self, option: PurchaseOption) -> bool {
        self.terms.capacity == Capacity::FollowTasks && option.can_follow_tasks()
    }

    /// The most hours per task the fleet can run the tasks for, bought as
    /// `option`: less than the month only for burstable types in standard mode.
    pub fn until(&self, option: PurchaseOption) -> f64 {
        match self.credits {
            Some(c) if c.mode == CreditMode::Standard => credits::standard_until(c.burst, c.used_vcpu, self.follows(option)),
            _ => HOURS_PER_MONTH,
        }
    }

    /// The bill of `launch` bought as `option`, as lines of the hours per
    /// task; None where unpriced or not offered.
    pub fn lines(&self, launch: Launch, option: PurchaseOption) -> Option<FleetParts<CostLine>> {
        let hourly = self.candidate.hourly.get(option).filter(|_| launch.offers(option))?;
        let fee = match launch {
            Launch::Ec2 => 0.0,
            Launch::Managed => self.candidate.managed_fee?,
        };
        let t = &self.terms;
        let follows = self.follows(option);
        let n = f64::from(self.instances);
        // Paid per instance-hour: all month, or while the tasks run.
        let per_instance_hour = |usd: f64| if follows { CostLine::per_hour(n * usd) } else { CostLine::fixed(n * (usd * HOURS_PER_MONTH)) };
        let per_instance_month = |usd: f64| if follows { CostLine::per_hour(n * usd / HOURS_PER_MONTH) } else { CostLine::fixed(n * usd) };
        let unless_zero = |wanted: bool, price: Option<f64>, line: &dyn Fn(f64) -> CostLine| {
            if wanted {
                price.map(line)
            } else {
                Some(CostLine::ZERO)
            }
        };
        Some(FleetParts {
            instances: per_instance_hour(hourly),
            management_fee: per_instance_hour(fee),
            cpu_credits: self.credits.map_or(CostLine::ZERO, |c| credits::line(c.burst, c.mode, &self.loads, follows)),
            ebs: unless_zero(t.ebs_gib > 0, t.side.ebs_gb_month, &|usd| per_instance_month(f64::from(t.ebs_gib) * usd)),
            public_ipv4: unless_zero(t.public_ip, t.side.public_ipv4_hour, &per_instance_hour),
            extra: CostLine::fixed(n * t.overheads.extra_per_instance),
            ops: if launch == Launch::Ec2 { CostLine::fixed(t.overheads.ops_hours * t.overheads.ops_rate) } else { CostLine::ZERO },
        })
    }

    /// The bill at the billed hours; None where unpriced, not offered, or
    /// beyond what standard credits allow.
    pub fn bill(&self, launch: Launch, option: PurchaseOption) -> Option<FleetParts<f64>> {
        let billed = self.terms.billed_hours;
        self.lines(launch, option).filter(|_| billed <= self.until(option)).map(|l| l.at(billed))
    }

    /// USD a month of CPU credits per instance, the fleet's spread evenly;
    /// None where the bill is unpriced.
    pub fn credits_per_instance(&self, launch: Launch, option: PurchaseOption) -> Option<f64> {
        Some(self.bill(launch, option)?.cpu_credits / f64::from(self.instances.max(1)))
    }

    /// Where the tasks and their headroom are, grouped (`placement::groups`),
    /// with the empty instances the fleet's minimum adds.
    pub fn placed(&self) -> Vec<placement::Group> {
        let mut groups = self.placement.groups.clone();
        let empty = self.instances - self.placement.instances();
        if empty > 0 {
            let services = groups.first().map_or(0, |g| g.1.len());
            groups.push((empty, vec![0; services]));
        }
        groups
    }

    /// USD a month of the instances' capacity left idle between deployments,
    /// vCPU and memory: the instances' price (and management fee) × each idle
    /// share. The two overlap: an instance is paid for both at once.
    pub fn idle_monthly(&self, launch: Launch, option: PurchaseOption) -> Option<(f64, f64)> {
        let bill = self.bill(launch, option)?;
        let capacity = bill.instances + bill.management_fee;
        Some((capacity * self.idle.vcpu, capacity * self.idle.memory))
    }

    /// Works out the total for `launch` bought as `option` (see `total`).
    fn price(&mut self, launch: Launch, option: PurchaseOption) {
        self.monthly[launch.slot(option)] = self.bill(launch, option).map(|b| b.total());
    }

    /// Works out every total.
    fn price_all(&mut self) {
        for launch in Launch::ALL {
            for option in PurchaseOption::ALL {
                self.price(launch, option);
            }
        }
    }

    /// USD per month for `launch` bought as `option` (see `bill`).
    pub fn total(&self, launch: Launch, option: PurchaseOption) -> Option<f64> {
        self.monthly[launch.slot(option)]
    }

    /// USD per month on EC2 (see `bill`).
    pub fn monthly(&self, option: PurchaseOption) -> Option<f64> {
        self.total(Launch::Ec2, option)
    }
}

/// Where a fleet is cheaper than Fargate on-demand: above `above` hours per
/// task, up to `below` (None: to the end of the month). Credits can make a
/// burstable fleet dearer again past some usage.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BreakEven {
    pub above: f64,
    pub below: Option<f64>,
}

impl BreakEven {
    /// From where one line is cheaper than another: a convex fleet against
    /// a straight Fargate line is cheaper in one range at most.
    fn of(ranges: &[(f64, f64)]) -> Option<BreakEven> {
        let &(above, end) = ranges.first()?;
        Some(BreakEven { above, below: (end < HOURS_PER_MONTH).then_some(end) })
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    pub fargate: FargateCost,
    pub ec2: Ec2Cost,
    /// Where each fleet line is cheaper than Fargate on-demand, by slot.
    break_evens: [Option<BreakEven>; SLOTS],
}

impl Evaluation {
    /// Where EC2 bought as `option` is cheaper than Fargate on-demand.
    pub fn break_even(&self, option: PurchaseOption) -> Option<BreakEven> {
        self.break_even_of(Launch::Ec2, option)
    }

    pub fn break_even_of(&self, launch: Launch, option: PurchaseOption) -> Option<BreakEven> {
        self.break_evens[launch.slot(option)]
    }

    /// A chart line's total as a line of the hours per task; None where unpriced.
    pub fn line(&self, line: Line) -> Option<CostLine> {
        match line {
            Line::Fargate(o) => Some(self.fargate.lines(o)?.total()),
            Line::Ec2(o) => Some(self.ec2.lines(Launch::Ec2, o)?.total()),
            Line::Managed(o) => Some(self.ec2.lines(Launch::Managed, o)?.total()),
        }
    }

    /// A line's USD per month at the billed hours; None where unpriced.
    pub fn monthly(&self, line: Line) -> Option<f64> {
        match line {
            Line::Fargate(o) => self.fargate.monthly(o),
            Line::Ec2(o) => self.ec2.total(Launch::Ec2, o),
            Line::Managed(o) => self.ec2.total(Launch::Managed, o),
        }
    }

    /// The most hours per task a line can run the tasks for.
    pub fn until(&self, line: Line) -> f64 {
        match line {
            Line::Fargate(_) => HOURS_PER_MONTH,
            Line::Ec2(o) | Line::Managed(o) => self.ec2.until(o),
        }
    }

    /// The hours per task where line `a` costs less than line `b`, as ranges.
    pub fn cheaper(&self, a: Line, b: Line) -> Vec<(f64, f64)> {
        let (Some(la), Some(lb)) = (self.line(a), self.line(b)) else { return Vec::new() };
        cost_line::cheaper(&la, &lb, self.until(a).min(self.until(b)))
    }
}

/// Why a scenario has no answer (`i18n` says it in words).
#[derive(Clone, Debug, PartialEq)]
pub enum ScenarioError {
    /// A workload of no service.
    NoServices,
    Fargate(Unsupported),
    /// No Fargate size holds a task of the service (by its index) with the
    /// daemons as sidecars.
    SidecarsTooLarge(usize),
    /// The usage bills more hours than a month has.
    UsageOverMonth(f64),
    UnknownInstance(String),
    /// The named instance cannot hold even one task.
    InstanceTooSmall(String),
    /// The named burstable type, in standard credit mode, cannot run the
    /// tasks' CPU use for the billed hours: at most `until` hours per task.
    CreditsRunOut {
        name: String,
        until: f64,
    },
    /// No candidate holds a task and has a price for the purchase option.
    NoCandidate(PurchaseOption),
}

/// The fleet for one candidate with every total, or None when not one task fits on it.
pub fn fleet(s: &Scenario, side: &SidePrices, candidate: &Candidate, billed_hours: f64) -> Option<Ec2Cost> {
    let mut cost = unpriced(s, &Demands::of(s), side, candidate, billed_hours)?;
    cost.price_all();
    Some(cost)
}

/// The services' tasks as placement sees them, worked out once for every candidate.
struct Demands {
    /// Between deployments.
    running: Vec<Demand>,
    /// With the deploy headroom.
    deploying: Vec<Demand>,
}

impl Demands {
    fn of(s: &Scenario) -> Demands {
        let running = s.demands();
        Demands { deploying: placement::with_headroom(&running, s.headroom_percent), running }
    }
}

/// The fleet for one candidate with no total worked out yet (`Ec2Cost::price`).
fn unpriced(s: &Scenario, demands: &Demands, side: &SidePrices, candidate: &Candidate, billed_hours: f64) -> Option<Ec2Cost> {
    let room = Room::of(&candidate.shape, s.reserved_mib, s.daemons, s.network)?;
    let running = &demands.running;
    let placement = placement::place(room, &demands.deploying)?;
    let needed = placement.instances();
    let instances = needed.max(s.min_instances);
    // Each instance's use: its tasks' vCPU at their average use.
    let used = |on: &[u32]| s.services.iter().zip(on).fold(0.0, |vcpu, (service, &n)| vcpu + f64::from(n) * service.vcpu_used());
    let loads = match running.as_slice() {
        // One service: ⌈T ÷ n⌉ tasks on T mod n instances, ⌊T ÷ n⌋ on the others.
        [one] if instances > 0 => {
            let (each, more) = (one.tasks / instances, one.tasks % instances);
            let task = s.services[0].vcpu_used();
            credits::loads([(instances - more, each, f64::from(each) * task), (more, each + 1, f64::from(each + 1) * task)].into_iter())
        }
        _ => {
            let on = placement::running_on(room, running, instances, &placement);
            credits::loads(on.iter().map(|(n, on)| (*n, on.iter().sum(), used(on))))
        }
    };
    let credits = candidate.burst.map(|burst| CreditUse { mode: s.credits, burst, used_vcpu: credits::fullest(&loads).vcpu });
    let terms =
        FleetTerms { capacity: s.capacity, overheads: s.overheads, side: *side, public_ip: s.public_ip, ebs_gib: s.ebs_gib, billed_hours };
    Some(Ec2Cost {
        candidate: candidate.clone(),
        packing: match s.services.as_slice() {
            [one] => room.packing(one.size),
            _ => None,
        },
        placement,
        instances,
        at_minimum: needed < s.min_instances,
        utilisation: placement::utilisation(&candidate.shape, instances, running),
        idle: placement::idle(&candidate.shape, room, instances, running),
        loads,
        credits,
        terms,
        monthly: [None; SLOTS],
    })
}

/// Cheapest first for `option` on EC2; ties go to fewer instances, then to
/// the lower hourly rate, then to the larger type, then to the name: so a
/// type another outclasses never wins (see `outclassed`).
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
pub fn ranked(s: &Scenario, side: &SidePrices, candidates: &[Candidate]) -> Vec<Ec2Cost> {
    let billed = s.usage.billed_hours();
    let demands = Demands::of(s);
    let mut fleets: Vec<Ec2Cost> = candidates
        .iter()
        .filter_map(|c| {
            let mut f = unpriced(s, &demands, side, c, billed)?;
            f.price_all();
            Some(f)
        })
        .collect();
    fleets.sort_by(cheaper(s.buy));
    fleets
}

pub fn evaluate(s: &Scenario, rates: &FargateOptions, side: &SidePrices, candidates: &[Candidate]) -> Result<Evaluation, ScenarioError> {
    if s.services.is_empty() {
        return Err(ScenarioError::NoServices);
    }
    let mut services = Vec::with_capacity(s.services.len());
    for (k, service) in s.services.iter().enumerate() {
        let size = service.fargate_size(s.daemons).ok_or(ScenarioError::SidecarsTooLarge(k))?;
        let task = FargateTask::new(s.platform, size, service.storage_gib).map_err(ScenarioError::Fargate)?;
        let mut task_hours = [None; 4];
        for (option, r) in rates.offered(s.platform) {
            task_hours[option as usize] = Some(task.hourly(r));
        }
        services.push(FargateService { tasks: service.tasks, size, task_hours });
    }
    if !s.usage.fits_in_month() {
        return Err(ScenarioError::UsageOverMonth(s.usage.billed_hours()));
    }
    let billed_hours = s.usage.billed_hours();
    let public_ipv4_hour = if s.public_ip { side.public_ipv4_hour } else { Some(0.0) };
    let fargate = FargateCost { services, billed_hours, public_ipv4_hour };

    let demands = Demands::of(s);
    let ec2 = match &s.instance {
        InstanceChoice::Auto => {
            // Ranked by the purchase option's EC2 total alone: only the
            // cheapest fleet needs its other totals.
            let mut cheapest = candidates
                .iter()
                .filter_map(|c| {
                    let mut f = unpriced(s, &demands, side, c, billed_hours)?;
                    f.price(Launch::Ec2, s.buy);
                    f.monthly(s.buy).is_some().then_some(f)
                })
                .min_by(cheaper(s.buy))
                .ok_or(ScenarioError::NoCandidate(s.buy))?;
            cheapest.price_all();
            cheapest
        }
        InstanceChoice::Named(name) => {
            let candidate = candidates.iter().find(|c| &c.name == name).ok_or_else(|| ScenarioError::UnknownInstance(name.clone()))?;
            let fleet = fleet(s, side, candidate, billed_hours).ok_or_else(|| ScenarioError::InstanceTooSmall(name.clone()))?;
            let until = fleet.until(s.buy);
            if billed_hours > until {
                return Err(ScenarioError::CreditsRunOut { name: name.clone(), until });
            }
            fleet
        }
    };

    let reference = fargate.lines(FargateOption::OnDemand).map(|l| l.total());
    let mut break_evens = [None; SLOTS];
    for launch in Launch::ALL {
        for option in PurchaseOption::ALL {
            let (Some(fleet), Some(reference)) = (ec2.lines(launch, option), &reference) else { continue };
            break_evens[launch.slot(option)] = BreakEven::of(&cost_line::cheaper(&fleet.total(), reference, ec2.until(option)));
        }
    }
    Ok(Evaluation { fargate, ec2, break_evens })
}

#[cfg(test)]
mod tests {
    use super::*;

    const X86: FargateRates = FargateRates { vcpu_hour: 0.04048, gb_hour: 0.004445, storage_gb_hour: 0.000111, os_vcpu_hour: None };
    /// No costs beside the instances: what the older tests below assume.
    const BARE: SidePrices = SidePrices { public_ipv4_hour: None, ebs_gb_month: None };
    /// us-east-1: public IPv4 $0.005/h, gp3 $0.08 per GB-month.
    const US_EAST_1: SidePrices = SidePrices { public_ipv4_hour: Some(0.005), ebs_gb_month: Some(0.08) };

    fn hourly(on_demand: f64, reserved_1y: Option<f64>) -> Ec2Hourly {
        Ec2Hourly { on_demand, reserved_1y, reserved_3y: None, spot: None, savings_plans: [None; 4] }
    }

    fn candidate(name: &str, vcpu: u32, gib: u32, enis: u32, on_demand: f64, r1: Option<f64>) -> Candidate {
        Candidate {
            name: name.into(),
            shape: InstanceShape { vcpu, memory_mib: gib * 1024, enis, trunking_tasks: None },
            hourly: hourly(on_demand, r1),
            burst: None,
            managed_fee: Some(on_demand * 0.12),
        }
    }

    /// t3a.large in us-east-1: 2 vCPU, 8 GiB, $0.0752/h, 30% baseline, $0.05 per surplus vCPU-hour.
    fn t3a_large() -> Candidate {
        Candidate { burst: Some(Burst { baseline_vcpu: 0.6, surplus_vcpu_hour: 0.05 }), ..candidate("t3a.large", 2, 8, 3, 0.0752, None) }
    }

    fn scenario() -> Scenario {
        Scenario {
            platform: Platform::LinuxX86,
            services: vec![Service {
                size: TaskSize::from_vcpu_gib(1.0, 2.0).unwrap(),
                storage_gib: 20,
                cpu_use: 1.0,
                tasks: 10,
                sidecars: false,
            }],
            daemons: Daemons::NONE,
            headroom_percent: 0,
            usage: Usage::Hours(730.0),
            instance: InstanceChoice::Auto,
            buy: PurchaseOption::OnDemand,
            capacity: Capacity::AlwaysOn,
            min_instances: 2,
            reserved_mib: 512,
            network: NetworkMode::Bridge,
            credits: CreditMode::Unlimited,
            public_ip: false,
            ebs_gib: 0,
            overheads: Overheads::NONE,
        }
    }

    fn rates() -> FargateOptions {
        FargateOptions { on_demand: X86, spot: None, savings_plan_1y: None, savings_plan_3y: None }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
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
        let e = evaluate(&scenario(), &rates(), &BARE, &candidates).unwrap();
        assert_eq!((e.ec2.candidate.name.as_str(), e.ec2.instances, e.ec2.packing.unwrap().tasks_per_instance), ("m6i.large", 5, 2));
        assert!(close(e.ec2.monthly(PurchaseOption::OnDemand).unwrap(), 350.4));
        // Reserved 1y: 5 × 0.06 × 730 = $219.00; no Spot price: None.
        assert!(close(e.ec2.monthly(PurchaseOption::Reserved1y).unwrap(), 219.0));
        assert_eq!(e.ec2.monthly(PurchaseOption::Spot), None);
        // Fargate: 10 × 730 × 0.04937 = $360.401, so on-demand EC2 is cheaper above
        // 350.40 ÷ (10 × 0.04937) = 709.74 h, reserved above 219 ÷ 0.4937 = 443.59 h.
        assert!(close(e.fargate.on_demand(), 360.401));
        let on_demand = e.break_even(PurchaseOption::OnDemand).unwrap();
        assert!(close(on_demand.above, 350.4 / 0.4937) && on_demand.below.is_none());
        assert!(close(e.break_even(PurchaseOption::Reserved1y).unwrap().above, 219.0 / 0.4937));
        // Utilisation: 10 vCPU of 10 provisioned; 20 GiB of 40 GiB.
        assert_eq!((e.ec2.utilisation.vcpu, e.ec2.utilisation.memory), (1.0, 0.5));
    }

    #[test]
    fn credits_reverse_the_headline_and_auto_moves_to_an_honest_type() {
        // The example: 5 × t3a.large for 10 full 1-vCPU tasks, all month: $54.90 an
        // instance, plus (2 − 0.6) × 0.05 × 730 = $51.10 of surplus credits: $529.98 a fleet.
        let mut s = scenario();
        s.instance = InstanceChoice::Named("t3a.large".into());
        let e = evaluate(&s, &rates(), &BARE, &[t3a_large()]).unwrap();
        let bill = e.ec2.bill(Launch::Ec2, PurchaseOption::OnDemand).unwrap();
        assert!(close(bill.instances, 274.48) && close(bill.cpu_credits, 255.5), "{bill:?}");
        assert!(close(bill.total(), 529.98));
        // Fargate, $360.40, is the cheaper at every usage: the credits cost more per hour than Fargate does.
        assert_eq!(e.break_even(PurchaseOption::OnDemand), None);
        // With auto, an m6a.large fleet at $0.0864 with 30 GiB of gp3 each wins:
        // 5 × (0.0864 × 730 + 30 × 0.08) = 5 × (63.072 + 2.4) = $327.36.
        s.instance = InstanceChoice::Auto;
        s.ebs_gib = 30;
        let e = evaluate(&s, &rates(), &US_EAST_1, &[t3a_large(), candidate("m6a.large", 2, 8, 3, 0.0864, None)]).unwrap();
        assert_eq!(e.ec2.candidate.name, "m6a.large");
        assert!(close(e.ec2.monthly(PurchaseOption::OnDemand).unwrap(), 327.36));
        // At 20% use each instance's 2 tasks use 0.4 vCPU, within the 0.6 baseline: t3a.large wins honestly,
        // 5 × (54.896 + 2.4) = $286.48.
        s.services[0].cpu_use = 0.2;
        let e = evaluate(&s, &rates(), &US_EAST_1, &[t3a_large(), candidate("m6a.large", 2, 8, 3, 0.0864, None)]).unwrap();
        assert_eq!(e.ec2.candidate.name, "t3a.large");
        assert!(close(e.ec2.monthly(PurchaseOption::OnDemand).unwrap(), 286.48));
        assert_eq!(e.ec2.bill(Launch::Ec2, PurchaseOption::OnDemand).unwrap().cpu_credits, 0.0);
    }

    #[test]
    fn standard_credits_skip_a_type_that_cannot_carry_the_tasks_and_say_why_when_named() {
        let mut s = scenario();
        s.credits = CreditMode::Standard;
        // Two full tasks use 2 vCPU against a 0.6 baseline: 0.6 × 730 ÷ 2 = 219 h a month at most.
        let e = evaluate(&s, &rates(), &BARE, &[t3a_large(), candidate("m6i.large", 2, 8, 3, 0.096, None)]).unwrap();
        assert_eq!(e.ec2.candidate.name, "m6i.large");
        s.instance = InstanceChoice::Named("t3a.large".into());
        assert_eq!(
            evaluate(&s, &rates(), &BARE, &[t3a_large()]),
            Err(ScenarioError::CreditsRunOut { name: "t3a.large".into(), until: 219.0 })
        );
        // 200 h a month fits, free of credits.
        s.usage = Usage::Hours(200.0);
        let e = evaluate(&s, &rates(), &BARE, &[t3a_large()]).unwrap();
        assert_eq!(e.ec2.bill(Launch::Ec2, PurchaseOption::OnDemand).unwrap().cpu_credits, 0.0);
        assert_eq!(e.ec2.until(PurchaseOption::OnDemand), 219.0);
    }

    #[test]
    fn managed_instances_add_their_fee_and_drop_the_ops_hours() {
        let mut s = scenario();
        s.overheads = Overheads { extra_per_instance: 0.0, ops_hours: 2.0, ops_rate: 100.0 };
        // m6a.large, fee 12% of $0.0864 = $0.010368 an instance-hour.
        let e = evaluate(&s, &rates(), &BARE, &[candidate("m6a.large", 2, 8, 3, 0.0864, None)]).unwrap();
        let ec2 = e.ec2.bill(Launch::Ec2, PurchaseOption::OnDemand).unwrap();
        let managed = e.ec2.bill(Launch::Managed, PurchaseOption::OnDemand).unwrap();
        // EC2: 5 × 0.0864 × 730 + 2 × 100 = 315.36 + 200; Managed: 315.36 + 5 × 0.010368 × 730 = 315.36 + 37.8432.
        assert!(close(ec2.total(), 515.36) && close(managed.total(), 353.2032), "{ec2:?} {managed:?}");
        assert_eq!((managed.ops, managed.management_fee > 0.0), (0.0, true));
        // No Savings Plans for Managed Instances here, and none where the type has no fee.
        assert_eq!(e.ec2.total(Launch::Managed, PurchaseOption::ComputeSavingsPlan1y), None);
        let windows = Candidate { managed_fee: None, ..candidate("m6a.large", 2, 8, 3, 0.0864, None) };
        let e = evaluate(&s, &rates(), &BARE, &[windows]).unwrap();
        assert_eq!(e.ec2.total(Launch::Managed, PurchaseOption::OnDemand), None);
    }

    #[test]
    fn public_addresses_and_volumes_by_task_and_by_instance() {
        let mut s = scenario();
        s.public_ip = true;
        s.ebs_gib = 30;
        let e = evaluate(&s, &rates(), &US_EAST_1, &[candidate("m6i.large", 2, 8, 3, 0.096, None)]).unwrap();
        // Fargate: 10 tasks × 730 h × $0.005 = $36.50 of addresses.
        let fargate = e.fargate.bill(FargateOption::OnDemand).unwrap();
        assert!(close(fargate.public_ipv4.unwrap(), 36.5) && close(fargate.total(), 360.401 + 36.5));
        // EC2: 5 instances × 730 h × $0.005 = $18.25, and 5 × 30 GiB × $0.08 = $12.
        let ec2 = e.ec2.bill(Launch::Ec2, PurchaseOption::OnDemand).unwrap();
        assert!(close(ec2.public_ipv4.unwrap(), 18.25) && close(ec2.ebs.unwrap(), 12.0));
        assert!(close(ec2.total(), 350.4 + 18.25 + 12.0));
        // Where no price is known, the part is left out, never a zero.
        let e = evaluate(&s, &rates(), &BARE, &[candidate("m6i.large", 2, 8, 3, 0.096, None)]).unwrap();
        let ec2 = e.ec2.bill(Launch::Ec2, PurchaseOption::OnDemand).unwrap();
        assert_eq!((ec2.ebs, ec2.public_ipv4), (None, None));
        assert!(ec2.incomplete() && close(ec2.total(), 350.4));
    }

    #[test]
    fn ties_go_to_fewer_instances_then_the_lower_rate_then_the_larger_type_then_the_name() {
        // Same monthly cost: 4 × $0.1 against 2 × $0.2.
        let candidates = [candidate("a.small", 2, 8, 3, 0.1, None), candidate("b.big", 4, 16, 4, 0.2, None)];
        let mut s = scenario();
        s.services[0].tasks = 8;
        s.min_instances = 1;
        let e = evaluate(&s, &rates(), &BARE, &candidates).unwrap();
        assert_eq!(e.ec2.candidate.name, "b.big");
        // Paid by the task-hour with no hours to pay: every fleet costs its overheads.
        let idle = Scenario { usage: Usage::Hours(0.0), capacity: Capacity::FollowTasks, ..s.clone() };
        let candidates = [candidate("a.dear", 4, 16, 4, 0.3, None), candidate("b.cheap", 4, 16, 4, 0.2, None)];
        assert_eq!(evaluate(&idle, &rates(), &BARE, &candidates).unwrap().ec2.candidate.name, "b.cheap");
        let candidates = [candidate("a.small", 4, 16, 4, 0.2, None), candidate("b.roomy", 4, 32, 4, 0.2, None)];
        assert_eq!(evaluate(&s, &rates(), &BARE, &candidates).unwrap().ec2.candidate.name, "b.roomy");
        let candidates = [candidate("b.twin", 4, 16, 4, 0.2, None), candidate("a.twin", 4, 16, 4, 0.2, None)];
        assert_eq!(evaluate(&s, &rates(), &BARE, &candidates).unwrap().ec2.candidate.name, "a.twin");
    }

    #[test]
    fn a_named_instance_too_small_is_an_error_not_a_zero() {
        let mut s = scenario();
        s.instance = InstanceChoice::Named("c6i.large".into());
        s.services[0].size = TaskSize::from_vcpu_gib(4.0, 8.0).unwrap();
        let candidates = [candidate("c6i.large", 2, 4, 3, 0.085, None)];
        assert_eq!(evaluate(&s, &rates(), &BARE, &candidates), Err(ScenarioError::InstanceTooSmall("c6i.large".into())));
        s.instance = InstanceChoice::Named("nope.large".into());
        assert_eq!(evaluate(&s, &rates(), &BARE, &candidates), Err(ScenarioError::UnknownInstance("nope.large".into())));
        s.instance = InstanceChoice::Auto;
        assert_eq!(evaluate(&s, &rates(), &BARE, &candidates), Err(ScenarioError::NoCandidate(PurchaseOption::OnDemand)));
    }

    #[test]
    fn break_even_above_the_month_is_none() {
        // One task on a minimum of 2 × m6i.large: 2 × 0.096 × 730 = $140.16 against Fargate
        // 1 × 0.04937 per hour: 140.16 ÷ 0.04937 = 2,839 h > 730 h: Fargate is always cheaper.
        let mut s = scenario();
        s.services[0].tasks = 1;
        let e = evaluate(&s, &rates(), &BARE, &[candidate("m6i.large", 2, 8, 3, 0.096, None)]).unwrap();
        assert_eq!(e.ec2.instances, 2);
        assert_eq!(e.break_even(PurchaseOption::OnDemand), None);
    }

    #[test]
    fn scheduled_jobs_with_capacity_following_tasks() {
        // 10 tasks, 600 runs of 30 s a month: billed 600 × 1 min = 10 h per task (the 1-minute minimum).
        let mut s = scenario();
        s.usage = Usage::Scheduled { runs: 600, minutes: 0.5 };
        s.capacity = Capacity::FollowTasks;
        let e = evaluate(&s, &rates(), &BARE, &[candidate("m6i.large", 2, 8, 3, 0.096, Some(0.06))]).unwrap();
        assert_eq!(e.fargate.billed_hours, 10.0);
        // Fargate: 10 × 10 × 0.04937 = $4.937
        assert!(close(e.fargate.on_demand(), 4.937));
        // On-demand follows tasks: 5 × 0.096 × 10 = $4.80; reserved stays on: 5 × 0.06 × 730 = $219.
        assert!(close(e.ec2.monthly(PurchaseOption::OnDemand).unwrap(), 4.8));
        assert!(close(e.ec2.monthly(PurchaseOption::Reserved1y).unwrap(), 219.0));
        // Following, with no fixed costs, EC2 at $0.48/h of the fleet is cheaper from the first hour: 0 h.
        assert_eq!(e.break_even(PurchaseOption::OnDemand), Some(BreakEven { above: 0.0, below: None }));
    }

    #[test]
    fn credits_move_or_remove_the_break_even() {
        // 2 tasks of 1 vCPU on a minimum of one t3a.large: $54.896 a month. Fargate costs
        // 2 × 0.04937 = $0.09874 an hour: without credits EC2 is cheaper above 54.896 ÷ 0.09874 = 555.96 h.
        let mut s = scenario();
        s.services[0].tasks = 2;
        s.min_instances = 1;
        // At 30% use (0.6 vCPU on the instance, its baseline) no credits are ever paid.
        s.services[0].cpu_use = 0.3;
        let e = evaluate(&s, &rates(), &BARE, &[t3a_large()]).unwrap();
        let b = e.break_even(PurchaseOption::OnDemand).unwrap();
        assert!(close(b.above, 0.0752 * 730.0 / 0.09874) && b.below.is_none(), "{b:?}");
        // At 45% (0.9 vCPU): credits of 0.05 × (0.9h − 438) from 486.67 h. Before that EC2 is
        // dearer; after, 54.896 + 0.045h − 21.9 = 0.09874h at h = 32.996 ÷ 0.05374 = 614.0 h.
        s.services[0].cpu_use = 0.45;
        let e = evaluate(&s, &rates(), &BARE, &[t3a_large()]).unwrap();
        let b = e.break_even(PurchaseOption::OnDemand).unwrap();
        assert!(close(b.above, (0.0752 * 730.0 - 0.05 * 0.6 * 730.0) / (0.09874 - 0.05 * 0.9)) && b.below.is_none(), "{b:?}");
        // At 100% the credits, $0.10 an hour from 219 h, outpace Fargate's $0.09874: never cheaper.
        s.services[0].cpu_use = 1.0;
        let e = evaluate(&s, &rates(), &BARE, &[t3a_large()]).unwrap();
        assert_eq!(e.break_even(PurchaseOption::OnDemand), None);
    }

    /// The containers-roadmap #105 cluster in Fargate sizes, from 0.25 to 2 vCPU.
    fn six_services() -> Vec<Service> {
        let service = |vcpu: f64, gib: f64, tasks: u32| Service {
            size: TaskSize::from_vcpu_gib(vcpu, gib).unwrap(),
            storage_gib: 20,
            cpu_use: 1.0,
            tasks,
            sidecars: false,
        };
        vec![
            service(2.0, 7.0, 2),
            service(1.0, 2.0, 1),
            service(0.5, 1.0, 2),
            service(0.25, 1.0, 2),
            service(0.25, 0.5, 2),
            service(0.25, 0.5, 1),
        ]
    }

    #[test]
    fn six_services_share_four_m5_large_and_their_idle_room_is_priced() {
        // 7.25 vCPU and 21.5 GiB of tasks. On m5.large (2048 CPU units, 8192 − 512 MiB):
        // each 2 vCPU task fills an instance; the other 3.25 vCPU need two more.
        // No placement beats ⌈7.25 ÷ 2⌉ = 4.
        let s = Scenario { services: six_services(), ..scenario() };
        let e = evaluate(&s, &rates(), &BARE, &[candidate("m5.large", 2, 8, 3, 0.096, None)]).unwrap();
        assert_eq!((e.ec2.instances, e.ec2.placement.lower_bound, e.ec2.packing), (4, 4, None));
        assert_eq!(e.ec2.placed().iter().map(|(n, _)| n).sum::<u32>(), 4);
        // EC2: 4 × 0.096 × 730 = $280.32. Fargate: (7.25 × 0.04048 + 21.5 × 0.004445) × 730 = $284.004675.
        assert!(close(e.ec2.monthly(PurchaseOption::OnDemand).unwrap(), 280.32));
        assert!(close(e.fargate.on_demand(), 284.004675));
        // Each service's Fargate bill adds up to the total: the first, 2 × (2 × 0.04048 + 7 × 0.004445) × 730.
        let each: f64 = (0..6).map(|k| e.fargate.service_monthly(k, FargateOption::OnDemand).unwrap()).sum();
        assert!(close(each, 284.004675));
        assert!(close(e.fargate.service_monthly(0, FargateOption::OnDemand).unwrap(), 2.0 * (2.0 * 0.04048 + 7.0 * 0.004445) * 730.0));
        // Idle: vCPU (4 × 2048 − 7424) ÷ 8192 = 9.375%; memory (4 × 7680 − 22016) ÷ 32768 = 26.5625%,
        // of $280.32: $26.28 and $74.46.
        assert_eq!((e.ec2.idle.vcpu, e.ec2.idle.memory), (0.09375, 0.265625));
        let (vcpu_usd, memory_usd) = e.ec2.idle_monthly(Launch::Ec2, PurchaseOption::OnDemand).unwrap();
        assert!(close(vcpu_usd, 26.28) && close(memory_usd, 74.46));
    }

    #[test]
    fn daemons_take_room_on_instances_and_as_sidecars_grow_the_fargate_task() {
        // 0.25 vCPU / 256 MiB of daemons on m5.large leaves 1792 CPU units: three 0.5 vCPU tasks
        // each, so 10 tasks need 4 instances, not 3 (⌈10 ÷ 4⌉ without them).
        let daemons = Daemons { cpu_units: 256, memory_mib: 256 };
        let half = Service { size: TaskSize::from_vcpu_gib(0.5, 1.0).unwrap(), storage_gib: 20, cpu_use: 1.0, tasks: 10, sidecars: false };
        let s = Scenario { services: vec![half.clone()], daemons, min_instances: 1, ..scenario() };
        let m5 = [candidate("m5.large", 2, 8, 3, 0.096, None)];
        let e = evaluate(&s, &rates(), &BARE, &m5).unwrap();
        assert_eq!((e.ec2.instances, e.ec2.packing.unwrap().tasks_per_instance), (4, 3));
        // On Fargate the daemons run only as sidecars: 0.75 vCPU / 1.25 GiB asks for 1 vCPU / 2 GiB.
        assert!(close(e.fargate.on_demand(), 10.0 * (0.5 * 0.04048 + 1.0 * 0.004445) * 730.0));
        let with = Scenario { services: vec![Service { sidecars: true, ..half }], ..s };
        let e = evaluate(&with, &rates(), &BARE, &m5).unwrap();
        assert_eq!(e.fargate.services[0].size, TaskSize::from_vcpu_gib(1.0, 2.0).unwrap());
        assert!(close(e.fargate.on_demand(), 10.0 * 0.04937 * 730.0));
        assert_eq!(e.ec2.instances, 4, "the instances' bill is the same");
    }

    #[test]
    fn deploy_headroom_adds_instances_that_idle_between_deployments() {
        // 10 tasks of 1 vCPU with 50% headroom: 15 must fit, 8 × m6i.large instead of 5.
        let s = Scenario { headroom_percent: 50, ..scenario() };
        let e = evaluate(&s, &rates(), &BARE, &[candidate("m6i.large", 2, 8, 3, 0.096, None)]).unwrap();
        assert_eq!(e.ec2.instances, 8);
        assert!(close(e.ec2.monthly(PurchaseOption::OnDemand).unwrap(), 8.0 * 0.096 * 730.0));
        // Between deployments 10 of 16 vCPU run: 37.5% idle. Fargate bills only the running tasks.
        assert_eq!(e.ec2.idle.vcpu, 0.375);
        assert!(close(e.fargate.on_demand(), 360.401));
    }

    #[test]
    fn no_service_is_an_error() {
        let s = Scenario { services: Vec::new(), ..scenario() };
        assert_eq!(evaluate(&s, &rates(), &BARE, &[]), Err(ScenarioError::NoServices));
    }

    #[test]
    fn usage_over_a_month_is_refused() {
        let mut s = scenario();
        s.usage = Usage::Scheduled { runs: 50_000, minutes: 1.0 };
        assert!(matches!(evaluate(&s, &rates(), &BARE, &[]), Err(ScenarioError::UsageOverMonth(_))));
    }
}
