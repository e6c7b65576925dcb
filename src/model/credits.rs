//! CPU credits of burstable instances (t2, t3, t3a, t4g). Each earns a
//! baseline share of its vCPUs; a CPU use above it, averaged over a day, is
//! billed per surplus vCPU-hour in unlimited mode, and in standard mode is
//! not possible once the credits it earned are spent. The tasks' hours are
//! taken as spread evenly over the month's days, and the tasks evenly over
//! the instances (ECS's default placement spreads them).

use super::cost_line::{CostLine, Hinge};
use super::HOURS_PER_MONTH;

/// The credit mode instances launch in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CreditMode {
    /// What t3, t3a and t4g launch with: use above the baseline is billed.
    Unlimited,
    /// Use is held to the baseline once the credits are spent.
    Standard,
}

impl CreditMode {
    pub const ALL: [CreditMode; 2] = [CreditMode::Unlimited, CreditMode::Standard];

    pub fn slug(self) -> &'static str {
        match self {
            CreditMode::Unlimited => "unlimited",
            CreditMode::Standard => "standard",
        }
    }

    pub fn from_slug(s: &str) -> Option<CreditMode> {
        CreditMode::ALL.into_iter().find(|m| m.slug() == s)
    }
}

/// What a burstable type earns and what a surplus costs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Burst {
    /// vCPU an instance may use without spending credits (vCPUs × baseline share).
    pub baseline_vcpu: f64,
    /// USD per surplus vCPU-hour in unlimited mode.
    pub surplus_vcpu_hour: f64,
}

/// `tasks` spread evenly over `instances`: how many instances hold how many
/// tasks each, the fuller group last (⌊T ÷ I⌋ and ⌈T ÷ I⌉).
pub fn spread(tasks: u32, instances: u32) -> [(u32, u32); 2] {
    if instances == 0 {
        return [(0, 0); 2];
    }
    let (each, more) = (tasks / instances, tasks % instances);
    [(instances - more, each), (more, each + 1)]
}

/// The tasks on the fullest instance of a `spread`.
pub fn fullest(groups: [(u32, u32); 2]) -> u32 {
    groups.iter().filter(|g| g.0 > 0).map(|g| g.1).max().unwrap_or(0)
}

/// What the tasks ask of one instance's credits: the vCPU they use on the
/// fullest instance, against its baseline.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CreditUse {
    pub mode: CreditMode,
    pub burst: Burst,
    /// vCPU the tasks of the fullest instance use, on average while they run.
    pub used_vcpu: f64,
}

/// The month's surplus credits as a cost line: for each group of instances,
/// rate × instances × max(0, used vCPU × h − baseline vCPU × instance hours).
/// `task_vcpu_used` is a task's vCPU × its average use; `follows`: the
/// instances run only while the tasks do (else all month).
pub fn line(burst: Burst, mode: CreditMode, groups: [(u32, u32); 2], task_vcpu_used: f64, follows: bool) -> CostLine {
    if mode == CreditMode::Standard {
        return CostLine::ZERO;
    }
    let hinge = |(instances, tasks): (u32, u32)| {
        let used = f64::from(tasks) * task_vcpu_used;
        let usd = burst.surplus_vcpu_hour * f64::from(instances);
        if follows {
            // Instance hours are the tasks' hours: a straight line from 0.
            Hinge { usd, slope: (used - burst.baseline_vcpu).max(0.0), threshold: 0.0 }
        } else {
            Hinge { usd, slope: used, threshold: burst.baseline_vcpu * HOURS_PER_MONTH }
        }
    };
    CostLine { hinges: groups.map(hinge), ..CostLine::ZERO }
}

/// The most hours per task an instance in standard mode can run its tasks
/// for: its baseline earned over the instance hours must cover their use.
/// 0 when it cannot run them at all (they use more than the baseline and the
/// instance runs only while they do).
pub fn standard_until(burst: Burst, used_vcpu: f64, follows: bool) -> f64 {
    if used_vcpu <= burst.baseline_vcpu {
        HOURS_PER_MONTH
    } else if follows {
        0.0
    } else {
        burst.baseline_vcpu * HOURS_PER_MONTH / used_vcpu
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// t3a.large: 2 vCPU at a 30% baseline, Linux surplus rate $0.05.
    const T3A_LARGE: Burst = Burst { baseline_vcpu: 0.6, surplus_vcpu_hour: 0.05 };

    #[test]
    fn the_issues_example_two_full_tasks_on_a_t3a_large() {
        // Two 1-vCPU tasks at 100% on each of 5 instances, all month:
        // (2 − 0.6) × $0.05 × 730 = $51.10 per instance, $255.50 for the fleet.
        let groups = spread(10, 5);
        assert_eq!(groups, [(5, 2), (0, 3)]);
        let credits = line(T3A_LARGE, CreditMode::Unlimited, groups, 1.0, false);
        assert!((credits.at(730.0) - 255.5).abs() < 1e-9, "{}", credits.at(730.0));
        // Until the tasks' use exceeds what the baseline earns over the month: 0.6 × 730 ÷ 2 = 219 h.
        assert_eq!(credits.at(219.0), 0.0);
        assert_eq!(credits.kinks().collect::<Vec<_>>(), [219.0]);
        // At 30% use the tasks stay within the baseline: 2 × 0.3 = 0.6 vCPU, nothing to pay.
        assert_eq!(line(T3A_LARGE, CreditMode::Unlimited, groups, 0.3, false).at(730.0), 0.0);
        // Standard mode never bills; it runs 2 full tasks for 219 h a month at most.
        assert_eq!(line(T3A_LARGE, CreditMode::Standard, groups, 1.0, false), CostLine::ZERO);
        assert_eq!(standard_until(T3A_LARGE, 2.0, false), 219.0);
        assert_eq!(standard_until(T3A_LARGE, 2.0, true), 0.0);
        assert_eq!(standard_until(T3A_LARGE, 0.5, true), HOURS_PER_MONTH);
    }

    #[test]
    fn uneven_fleets_pay_by_instance() {
        // 7 tasks on 3 instances: 2 with 2 tasks, 1 with 3.
        let groups = spread(7, 3);
        assert_eq!(groups, [(2, 2), (1, 3)]);
        // Following the tasks for 100 h at 50% of 1 vCPU: used 1.0 and 1.5 against 0.6:
        // 0.05 × (2 × 0.4 + 1 × 0.9) × 100 = $8.50.
        let credits = line(T3A_LARGE, CreditMode::Unlimited, groups, 0.5, true);
        assert!((credits.at(100.0) - 8.5).abs() < 1e-9);
        assert_eq!(spread(0, 2), [(2, 0), (0, 1)]);
        assert_eq!(spread(5, 0), [(0, 0), (0, 0)]);
        assert_eq!([fullest(spread(7, 3)), fullest(spread(10, 5)), fullest(spread(0, 2))], [3, 2, 0]);
    }
}
