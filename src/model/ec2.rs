//! What an always-on (or task-following) EC2 fleet costs a month.

use super::HOURS_PER_MONTH;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PurchaseOption {
    OnDemand,
    /// Standard reserved instance, 1 year, all upfront (effective hourly).
    Reserved1y,
    /// Standard reserved instance, 3 years, all upfront (effective hourly).
    Reserved3y,
    /// Spot, at a recent average price.
    Spot,
}

impl PurchaseOption {
    pub const ALL: [PurchaseOption; 4] =
        [PurchaseOption::OnDemand, PurchaseOption::Reserved1y, PurchaseOption::Reserved3y, PurchaseOption::Spot];

    /// The name in share links and the CLI (`--buy`).
    pub fn slug(self) -> &'static str {
        match self {
            PurchaseOption::OnDemand => "on-demand",
            PurchaseOption::Reserved1y => "reserved-1y",
            PurchaseOption::Reserved3y => "reserved-3y",
            PurchaseOption::Spot => "spot",
        }
    }

    /// The key in JSON output.
    pub fn key(self) -> &'static str {
        match self {
            PurchaseOption::OnDemand => "on_demand",
            PurchaseOption::Reserved1y => "reserved_1y",
            PurchaseOption::Reserved3y => "reserved_3y",
            PurchaseOption::Spot => "spot",
        }
    }

    pub fn from_slug(s: &str) -> Option<PurchaseOption> {
        PurchaseOption::ALL.into_iter().find(|o| o.slug() == s)
    }

    /// Reservations are paid for the whole term, so they cannot follow tasks.
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
}

impl Ec2Hourly {
    pub fn get(&self, option: PurchaseOption) -> Option<f64> {
        match option {
            PurchaseOption::OnDemand => Some(self.on_demand),
            PurchaseOption::Reserved1y => self.reserved_1y,
            PurchaseOption::Reserved3y => self.reserved_3y,
            PurchaseOption::Spot => self.spot,
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

/// Hours a month each instance is paid for.
pub fn instance_hours(option: PurchaseOption, capacity: Capacity, billed_hours: f64) -> f64 {
    match capacity {
        Capacity::FollowTasks if option.can_follow_tasks() => billed_hours,
        _ => HOURS_PER_MONTH,
    }
}

/// USD per month: instances × (hourly × instance hours + extra) + ops hours × rate.
pub fn monthly(instances: u32, hourly: f64, instance_hours: f64, overheads: Overheads) -> f64 {
    f64::from(instances) * (hourly * instance_hours + overheads.extra_per_instance) + overheads.ops_hours * overheads.ops_rate
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn always_on_fleet() {
        // 4 × m6i.large on-demand at $0.096/h all month: 4 × 0.096 × 730 = 280.32 USD.
        assert!((monthly(4, 0.096, 730.0, Overheads::NONE) - 280.32).abs() < 1e-9);
        // Plus $10 per instance and 5 ops hours at $80: 280.32 + 40 + 400 = 720.32 USD.
        let o = Overheads { extra_per_instance: 10.0, ops_hours: 5.0, ops_rate: 80.0 };
        assert!((monthly(4, 0.096, 730.0, o) - 720.32).abs() < 1e-9);
    }

    #[test]
    fn only_on_demand_and_spot_follow_tasks() {
        assert_eq!(instance_hours(PurchaseOption::OnDemand, Capacity::FollowTasks, 100.0), 100.0);
        assert_eq!(instance_hours(PurchaseOption::Spot, Capacity::FollowTasks, 100.0), 100.0);
        assert_eq!(instance_hours(PurchaseOption::Reserved1y, Capacity::FollowTasks, 100.0), 730.0);
        assert_eq!(instance_hours(PurchaseOption::OnDemand, Capacity::AlwaysOn, 100.0), 730.0);
    }
}
