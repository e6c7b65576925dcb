//! A fleet that follows the week (issue 27 §2). Each hour needs the
//! placement of that hour's tasks with their deploy headroom, as a steady
//! cluster does, and at least the workload's minimum; an instance is
//! released only once the need has stayed lower for the scale-in delay, or
//! never (`Scaling::Always`: sized for the week's busiest hour, as today).
//! A commitment (reserved instances, Savings Plans) covers a constant
//! number of instances all month; the hours above it are bought on demand,
//! or as Spot (`Above`); a whole fleet on Spot is a purchase option of its own.

use super::{Week, HOURS_PER_WEEK, WEEKS_PER_MONTH};
use crate::model::ec2::PurchaseOption;
use crate::model::line::Launch;
use crate::model::packing::Room;
use crate::model::placement::{self, Demand};
use crate::model::scenario::{Candidate, Scenario, SidePrices};
use crate::model::HOURS_PER_MONTH;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scaling {
    /// Sized for the week's busiest hour, all week.
    Always,
    /// Instances are released once the need has stayed lower for this many hours.
    Follow { scale_in_hours: u32 },
}

/// Instances needed in each hour of the week for `tasks_at(h)` (each
/// service's count), before the minimum; None where a task fits no instance.
/// Each distinct hour is placed once.
pub fn needed(s: &Scenario, room: Room, tasks_at: impl Fn(usize) -> Vec<u32>) -> Option<Vec<u32>> {
    let mut placed: Vec<(Vec<u32>, u32)> = Vec::new();
    let mut out = Vec::with_capacity(HOURS_PER_WEEK);
    for h in 0..HOURS_PER_WEEK {
        let tasks = tasks_at(h);
        let n = match placed.iter().find(|(t, _)| *t == tasks) {
            Some(&(_, n)) => n,
            None => {
                let demands: Vec<Demand> =
                    s.services.iter().zip(&tasks).map(|(service, &n)| Demand { size: service.size, tasks: n }).collect();
                let n = placement::place(room, &placement::with_headroom(&demands, s.headroom_percent))?.instances();
                placed.push((tasks, n));
                n
            }
        };
        out.push(n);
    }
    Some(out)
}

/// Instances running in each hour: the need held through the scale-in
/// delay (the week repeats), at least `minimum`.
pub fn running(needed: &[u32], scaling: Scaling, minimum: u32) -> Vec<u32> {
    let hours = needed.len();
    match scaling {
        Scaling::Always => vec![needed.iter().copied().max().unwrap_or(0).max(minimum); hours],
        Scaling::Follow { scale_in_hours } => (0..hours)
            .map(|h| {
                let held = (0..=scale_in_hours as usize).map(|back| needed[(h + hours * (1 + back / hours) - back) % hours]);
                held.max().unwrap_or(0).max(minimum)
            })
            .collect(),
    }
}

/// What a running instance costs an hour beside its own price (management
/// fee, EBS, public IPv4, the extra per instance-month spread over the
/// month's hours), and what a fleet costs a month whatever its size (ops).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Terms {
    pub per_instance_hour: f64,
    pub monthly: f64,
}

impl Terms {
    /// None where a part the workload has is unpriced here (the fee, EBS, the address).
    pub fn of(s: &Scenario, side: &SidePrices, candidate: &Candidate, launch: Launch) -> Option<Terms> {
        let fee = match launch {
            Launch::Ec2 => 0.0,
            Launch::Managed => candidate.managed_fee?,
        };
        let ebs = if s.ebs_gib > 0 { f64::from(s.ebs_gib) * side.ebs_gb_month? / HOURS_PER_MONTH } else { 0.0 };
        let address = if s.public_ip { side.public_ipv4_hour? } else { 0.0 };
        let o = s.overheads;
        let ops = if launch == Launch::Ec2 { o.ops_hours * o.ops_rate } else { 0.0 };
        Some(Terms { per_instance_hour: fee + ebs + address + o.extra_per_instance / HOURS_PER_MONTH, monthly: ops })
    }
}

/// How a fleet is bought: `committed` instances all month as `option`, the
/// hours above them as `above`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bought {
    pub option: PurchaseOption,
    pub committed: u32,
    pub above: PurchaseOption,
    /// USD per month.
    pub monthly: f64,
}

/// USD a month of the instances `running` each hour of the week: the
/// `committed` paid all month at `commit_hourly` whether used or not, the
/// rest at `above_hourly` while they run, and every running instance's terms.
pub fn monthly(running: &[u32], committed: u32, commit_hourly: f64, above_hourly: f64, terms: Terms) -> f64 {
    let (mut above, mut instance_hours) = (0u64, 0u64);
    for &n in running {
        above += u64::from(n.saturating_sub(committed));
        instance_hours += u64::from(n);
    }
    let fleet = if instance_hours > 0 || committed > 0 { terms.monthly } else { 0.0 };
    f64::from(committed) * commit_hourly * HOURS_PER_MONTH
        + (above as f64 * above_hourly + instance_hours as f64 * terms.per_instance_hour) * WEEKS_PER_MONTH
        + fleet
}

/// The cheapest way to buy `running` with `option`: on demand or Spot, the
/// instances as they run; a commitment, the number of instances it covers
/// that costs least (the fewest of equals), the rest bought as `above`
/// (on demand or Spot). None where `option` or `above` has no price here.
pub fn cheapest(
    running: &[u32],
    candidate: &Candidate,
    launch: Launch,
    option: PurchaseOption,
    above: PurchaseOption,
    terms: Terms,
) -> Option<Bought> {
    let rate = |o: PurchaseOption| candidate.hourly.get(o).filter(|_| launch.offers(o));
    let commit = rate(option)?;
    if option.can_follow_tasks() {
        return Some(Bought { option, committed: 0, above: option, monthly: monthly(running, 0, 0.0, commit, terms) });
    }
    let above_hourly = rate(above)?;
    let peak = running.iter().copied().max().unwrap_or(0);
    let mut best = Bought { option, committed: 0, above, monthly: monthly(running, 0, commit, above_hourly, terms) };
    for committed in 1..=peak {
        let usd = monthly(running, committed, commit, above_hourly, terms);
        if super::less(usd, best.monthly) {
            best = Bought { option, committed, above, monthly: usd };
        }
    }
    Some(best)
}

/// Each service's week on `room`, hour by hour: instances needed and running.
pub fn hours(s: &Scenario, room: Room, weeks: &[Week], scaling: Scaling) -> Option<(Vec<u32>, Vec<u32>)> {
    let needed = needed(s, room, |h| super::tasks_at(weeks, h))?;
    let running = running(&needed, scaling, s.min_instances);
    Some((needed, running))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instances_are_released_once_the_need_has_stayed_lower_for_the_delay() {
        let mut needed = vec![1; HOURS_PER_WEEK];
        needed[10] = 4;
        needed[11] = 2;
        let run = |needed: &[u32], k| running(needed, Scaling::Follow { scale_in_hours: k }, 0);
        assert_eq!(&run(&needed, 0)[9..14], &[1, 4, 2, 1, 1]);
        assert_eq!(&run(&needed, 1)[9..14], &[1, 4, 4, 2, 1]);
        assert_eq!(&run(&needed, 2)[9..14], &[1, 4, 4, 4, 2]);
        // The week repeats: Sunday's last hour is held into Monday's first.
        needed[HOURS_PER_WEEK - 1] = 3;
        assert_eq!(run(&needed, 1)[0], 3);
        assert_eq!(running(&needed, Scaling::Always, 0), vec![4; HOURS_PER_WEEK]);
        assert_eq!(running(&needed, Scaling::Follow { scale_in_hours: 0 }, 2)[0], 2, "at least the minimum");
    }

    #[test]
    fn a_commitment_covers_the_instances_that_run_long_enough() {
        // 2 instances all week, 2 more for 40 of its 168 hours; on demand $0.10, reserved $0.06 an hour.
        let mut running = vec![2; HOURS_PER_WEEK];
        running[..40].fill(4);
        let none = Terms { per_instance_hour: 0.0, monthly: 0.0 };
        // A third instance reserved costs 0.06 × 730 = $43.80; on demand its 40 h a week cost 0.10 × 40 × 730 ÷ 168 = $17.38.
        let month = |r| monthly(&running, r, 0.06, 0.10, none);
        assert!((month(2) - (2.0 * 0.06 * 730.0 + 2.0 * 40.0 * 0.10 * 730.0 / 168.0)).abs() < 1e-9);
        assert!(month(2) < month(1) && month(2) < month(3));
    }
}
