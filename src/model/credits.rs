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

/// Instances that carry the same tasks: how many, their tasks, and the vCPU
/// those use on each, on average while they run.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Load {
    pub instances: u32,
    pub tasks: u32,
    pub vcpu: f64,
}

/// Instances' (count, tasks on each, vCPU used on each) grouped into
/// `Load`s of equal use, lightest first.
pub fn loads(groups: impl Iterator<Item = (u32, u32, f64)>) -> Vec<Load> {
    // Kept in order as they come: a few groups, and an insertion is far
    // smaller in wasm than `sort_by`.
    let mut out: Vec<Load> = Vec::new();
    for (instances, tasks, vcpu) in groups.filter(|g| g.0 > 0) {
        match out.iter_mut().find(|l| l.tasks == tasks && l.vcpu == vcpu) {
            Some(l) => l.instances += instances,
            None => {
                let at = out.iter().position(|l| l.vcpu > vcpu || (l.vcpu == vcpu && l.tasks > tasks)).unwrap_or(out.len());
                out.insert(at, Load { instances, tasks, vcpu });
            }
        }
    }
    out
}

/// The most loaded instances' load (the last of `loads`' order).
pub fn fullest(loads: &[Load]) -> Load {
    loads.last().copied().unwrap_or(Load { instances: 0, tasks: 0, vcpu: 0.0 })
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
/// `follows`: the instances run only while the tasks do (else all month).
pub fn line(burst: Burst, mode: CreditMode, loads: &[Load], follows: bool) -> CostLine {
    if mode == CreditMode::Standard {
        return CostLine::ZERO;
    }
    let hinge = |load: &Load| {
        let used = load.vcpu;
        let usd = burst.surplus_vcpu_hour * f64::from(load.instances);
        if follows {
            // Instance hours are the tasks' hours: a straight line from 0.
            Hinge { usd, slope: (used - burst.baseline_vcpu).max(0.0), threshold: 0.0 }
        } else {
            Hinge { usd, slope: used, threshold: burst.baseline_vcpu * HOURS_PER_MONTH }
        }
    };
    CostLine { hinges: loads.iter().map(hinge).collect(), ..CostLine::ZERO }
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

    /// `tasks` tasks of 1 vCPU at `use_share` on each instance.
    fn even(instances: u32, tasks: u32, use_share: f64) -> Vec<Load> {
        loads([(instances, tasks, f64::from(tasks) * use_share)].into_iter())
    }

    #[test]
    fn the_issues_example_two_full_tasks_on_a_t3a_large() {
        // Two 1-vCPU tasks at 100% on each of 5 instances, all month:
        // (2 − 0.6) × $0.05 × 730 = $51.10 per instance, $255.50 for the fleet.
        let full = even(5, 2, 1.0);
        assert_eq!(full, [Load { instances: 5, tasks: 2, vcpu: 2.0 }]);
        let credits = line(T3A_LARGE, CreditMode::Unlimited, &full, false);
        assert!((credits.at(730.0) - 255.5).abs() < 1e-9, "{}", credits.at(730.0));
        // Until the tasks' use exceeds what the baseline earns over the month: 0.6 × 730 ÷ 2 = 219 h.
        assert_eq!(credits.at(219.0), 0.0);
        assert_eq!(credits.kinks().collect::<Vec<_>>(), [219.0]);
        // At 30% use the tasks stay within the baseline: 2 × 0.3 = 0.6 vCPU, nothing to pay.
        assert_eq!(line(T3A_LARGE, CreditMode::Unlimited, &even(5, 2, 0.3), false).at(730.0), 0.0);
        // Standard mode never bills; it runs 2 full tasks for 219 h a month at most.
        assert_eq!(line(T3A_LARGE, CreditMode::Standard, &full, false), CostLine::ZERO);
        assert_eq!(standard_until(T3A_LARGE, 2.0, false), 219.0);
        assert_eq!(standard_until(T3A_LARGE, 2.0, true), 0.0);
        assert_eq!(standard_until(T3A_LARGE, 0.5, true), HOURS_PER_MONTH);
    }

    #[test]
    fn uneven_fleets_pay_by_instance() {
        // 7 tasks on 3 instances: 2 with 2 tasks, 1 with 3, at 50% of 1 vCPU, in any order.
        let groups = loads([(1, 3, 1.5), (1, 2, 1.0), (0, 9, 9.0), (1, 2, 1.0)].into_iter());
        assert_eq!(groups, [Load { instances: 2, tasks: 2, vcpu: 1.0 }, Load { instances: 1, tasks: 3, vcpu: 1.5 }]);
        // Following the tasks for 100 h: used 1.0 and 1.5 against 0.6:
        // 0.05 × (2 × 0.4 + 1 × 0.9) × 100 = $8.50.
        let credits = line(T3A_LARGE, CreditMode::Unlimited, &groups, true);
        assert!((credits.at(100.0) - 8.5).abs() < 1e-9);
        assert_eq!((fullest(&groups).tasks, fullest(&[]).instances), (3, 0));
    }
}
