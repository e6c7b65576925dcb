//! How EC2 capacity is bought, what a type costs per hour each way, and
//! whether the fleet runs all month or follows the tasks.

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PurchaseOption {
    OnDemand,
    /// Standard reserved instance, 1 year, all upfront (effective hourly).
    Reserved1y,
    /// Standard reserved instance, 3 years, all upfront (effective hourly).
    Reserved3y,
    /// Spot, at a recent average price.
    Spot,
    /// Compute Savings Plans, 1 year, no upfront (any family, any region).
    ComputeSavingsPlan1y,
    ComputeSavingsPlan3y,
    /// EC2 Instance Savings Plans, 1 year, no upfront (one family in one region).
    InstanceSavingsPlan1y,
    InstanceSavingsPlan3y,
}

impl PurchaseOption {
    pub const ALL: [PurchaseOption; 8] = [
        PurchaseOption::OnDemand,
        PurchaseOption::Reserved1y,
        PurchaseOption::Reserved3y,
        PurchaseOption::Spot,
        PurchaseOption::ComputeSavingsPlan1y,
        PurchaseOption::ComputeSavingsPlan3y,
        PurchaseOption::InstanceSavingsPlan1y,
        PurchaseOption::InstanceSavingsPlan3y,
    ];

    /// The name in share links and the CLI (`--buy`).
    pub fn slug(self) -> &'static str {
        match self {
            PurchaseOption::OnDemand => "on-demand",
            PurchaseOption::Reserved1y => "reserved-1y",
            PurchaseOption::Reserved3y => "reserved-3y",
            PurchaseOption::Spot => "spot",
            PurchaseOption::ComputeSavingsPlan1y => "compute-savings-plan-1y",
            PurchaseOption::ComputeSavingsPlan3y => "compute-savings-plan-3y",
            PurchaseOption::InstanceSavingsPlan1y => "instance-savings-plan-1y",
            PurchaseOption::InstanceSavingsPlan3y => "instance-savings-plan-3y",
        }
    }

    /// The key in JSON output.
    pub fn key(self) -> &'static str {
        match self {
            PurchaseOption::OnDemand => "on_demand",
            PurchaseOption::Reserved1y => "reserved_1y",
            PurchaseOption::Reserved3y => "reserved_3y",
            PurchaseOption::Spot => "spot",
            PurchaseOption::ComputeSavingsPlan1y => "compute_savings_plan_1y",
            PurchaseOption::ComputeSavingsPlan3y => "compute_savings_plan_3y",
            PurchaseOption::InstanceSavingsPlan1y => "instance_savings_plan_1y",
            PurchaseOption::InstanceSavingsPlan3y => "instance_savings_plan_3y",
        }
    }

    pub fn from_slug(s: &str) -> Option<PurchaseOption> {
        PurchaseOption::ALL.into_iter().find(|o| o.slug() == s)
    }

    pub fn is_savings_plan(self) -> bool {
        self >= PurchaseOption::ComputeSavingsPlan1y
    }

    /// Reservations and Savings Plans are paid for the whole term, so they
    /// cannot follow tasks.
    pub fn can_follow_tasks(self) -> bool {
        matches!(self, PurchaseOption::OnDemand | PurchaseOption::Spot)
    }
}

/// An instance type's prices, USD per instance-hour; None where unknown.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ec2Hourly {
    pub on_demand: f64,
    pub reserved_1y: Option<f64>,
    pub reserved_3y: Option<f64>,
    pub spot: Option<f64>,
    /// Compute 1y, 3y, EC2 Instance 1y, 3y, as `PurchaseOption` lists them.
    pub savings_plans: [Option<f64>; 4],
}

impl Ec2Hourly {
    pub fn get(&self, option: PurchaseOption) -> Option<f64> {
        match option {
            PurchaseOption::OnDemand => Some(self.on_demand),
            PurchaseOption::Reserved1y => self.reserved_1y,
            PurchaseOption::Reserved3y => self.reserved_3y,
            PurchaseOption::Spot => self.spot,
            plan => self.savings_plans[plan as usize - PurchaseOption::ComputeSavingsPlan1y as usize],
        }
    }
}

/// Whether the fleet runs all month or only while tasks run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Capacity {
    AlwaysOn,
    /// On-demand and Spot only; reservations are always on.
    FollowTasks,
}

impl Capacity {
    pub const ALL: [Capacity; 2] = [Capacity::AlwaysOn, Capacity::FollowTasks];

    pub fn slug(self) -> &'static str {
        match self {
            Capacity::AlwaysOn => "always",
            Capacity::FollowTasks => "follow",
        }
    }

    pub fn from_slug(s: &str) -> Option<Capacity> {
        Capacity::ALL.into_iter().find(|c| c.slug() == s)
    }
}

/// Costs of running the fleet beyond the instances themselves.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Overheads {
    /// USD per instance per month (EBS, monitoring agents…).
    pub extra_per_instance: f64,
    /// Engineer hours per month spent on the fleet.
    pub ops_hours: f64,
    /// USD per engineer hour.
    pub ops_rate: f64,
}

impl Overheads {
    pub const NONE: Overheads = Overheads { extra_per_instance: 0.0, ops_hours: 0.0, ops_rate: 0.0 };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_read_back_and_savings_plans_are_their_own_prices() {
        for o in PurchaseOption::ALL {
            assert_eq!(PurchaseOption::from_slug(o.slug()), Some(o));
            assert_eq!(o.key(), o.slug().replace('-', "_"));
        }
        let hourly = Ec2Hourly {
            on_demand: 0.1,
            reserved_1y: None,
            reserved_3y: None,
            spot: None,
            savings_plans: [Some(0.07), None, Some(0.06), None],
        };
        assert_eq!(hourly.get(PurchaseOption::ComputeSavingsPlan1y), Some(0.07));
        assert_eq!(hourly.get(PurchaseOption::InstanceSavingsPlan1y), Some(0.06));
        assert_eq!(hourly.get(PurchaseOption::InstanceSavingsPlan3y), None);
        assert!(!PurchaseOption::ComputeSavingsPlan1y.can_follow_tasks() && PurchaseOption::Spot.can_follow_tasks());
    }
}
