//! The split (issue 27 §3): a baseline of B tasks on a constant fleet bought
//! as one purchase option, every task above it on Fargate. B runs from 0
//! (all Fargate) to the peak, every service at its own busiest hour (all
//! on the fleet, which then holds the busiest hour: the `Always` fleet).
//! A baseline is shared between the services in proportion to their peaks.

use super::fleet::{self, Terms};
use super::{Week, HOURS_PER_WEEK, WEEKS_PER_MONTH};
use crate::model::packing::Room;
use crate::model::scenario::Scenario;
use crate::model::HOURS_PER_MONTH;

/// Each service's share of a baseline of `b` tasks, in proportion to its
/// peak; the largest remainders get the tasks left (the earlier service of
/// equals), so the shares sum to `b` (at most the peaks' sum).
pub fn shares(peaks: &[u32], b: u32) -> Vec<u32> {
    let total: u64 = peaks.iter().map(|&p| u64::from(p)).sum();
    if total == 0 {
        return vec![0; peaks.len()];
    }
    let b = u64::from(b).min(total);
    let mut out: Vec<u32> = peaks.iter().map(|&p| (u64::from(p) * b / total) as u32).collect();
    let mut left = b - out.iter().map(|&n| u64::from(n)).sum::<u64>();
    let mut by_remainder: Vec<usize> = (0..peaks.len()).collect();
    // Stable: equal remainders keep the services' order.
    by_remainder.sort_by_key(|&k| std::cmp::Reverse(u64::from(peaks[k]) * b % total));
    for k in by_remainder {
        if left == 0 {
            break;
        }
        if out[k] < peaks[k] {
            out[k] += 1;
            left -= 1;
        }
    }
    out
}

/// Each service's tasks of a baseline of `baseline` (the weeks' order), in
/// proportion to its busiest hour (`shares`).
pub fn of_services(weeks: &[Week], baseline: u32) -> Vec<u32> {
    shares(&weeks.iter().map(Week::peak).collect::<Vec<_>>(), baseline)
}

/// Each hour of the week with a baseline of `baseline` tasks: the tasks on
/// the EC2 baseline and those on Fargate above it, all services together.
pub fn hours(weeks: &[Week], baseline: u32) -> Vec<(u32, u32)> {
    let share = of_services(weeks, baseline);
    (0..HOURS_PER_WEEK)
        .map(|h| {
            let on_ec2: u32 = weeks.iter().zip(&share).map(|(w, &b)| w.at(h).min(b)).sum();
            let all: u32 = weeks.iter().map(|w| w.at(h)).sum();
            (on_ec2, all - on_ec2)
        })
        .collect()
}

/// One baseline's month.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    /// Tasks of the baseline, all services together.
    pub baseline: u32,
    /// The fleet that holds it at every hour (0 for none).
    pub instances: u32,
    /// USD per month of the fleet, and of Fargate for the tasks above it.
    pub ec2: f64,
    pub fargate: f64,
}

impl Point {
    pub fn monthly(&self) -> f64 {
        self.ec2 + self.fargate
    }
}

/// What a baseline needs whatever it is bought as: the fleet that holds
/// it at every hour, and Fargate's month for the tasks above it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Baseline {
    pub baseline: u32,
    pub instances: u32,
    /// USD per month.
    pub fargate: f64,
}

/// Every baseline from 0 to the peak; None where a task fits no instance of
/// `room`. `fargate_hour`: each service's USD per task-hour on Fargate.
pub fn baselines(s: &Scenario, room: Room, weeks: &[Week], fargate_hour: &[f64]) -> Option<Vec<Baseline>> {
    let peaks: Vec<u32> = weeks.iter().map(Week::peak).collect();
    let peak: u32 = peaks.iter().sum();
    let mut out = Vec::with_capacity(peak as usize + 1);
    for baseline in 0..=peak {
        let share = shares(&peaks, baseline);
        let on_fleet = |h: usize| weeks.iter().zip(&share).map(|(w, &b)| w.at(h).min(b)).collect::<Vec<u32>>();
        let instances = match baseline {
            0 => 0,
            _ => fleet::needed(s, room, on_fleet)?.into_iter().max().unwrap_or(0).max(s.min_instances),
        };
        let mut fargate_week = 0.0;
        for h in 0..HOURS_PER_WEEK {
            for ((w, &b), usd) in weeks.iter().zip(&share).zip(fargate_hour) {
                fargate_week += f64::from(w.at(h).saturating_sub(b)) * usd;
            }
        }
        out.push(Baseline { baseline, instances, fargate: fargate_week * WEEKS_PER_MONTH });
    }
    Some(out)
}

/// Every baseline's month with its fleet bought at `hourly` USD per instance-hour.
pub fn points(baselines: &[Baseline], hourly: f64, terms: Terms) -> Vec<Point> {
    let fleet = |n: u32| match n {
        0 => 0.0,
        n => f64::from(n) * (hourly + terms.per_instance_hour) * HOURS_PER_MONTH + terms.monthly,
    };
    baselines.iter().map(|b| Point { baseline: b.baseline, instances: b.instances, ec2: fleet(b.instances), fargate: b.fargate }).collect()
}

/// The cheapest point (the smallest baseline of equals).
pub fn cheapest(points: &[Point]) -> Option<&Point> {
    points.iter().reduce(|best, p| if super::less(p.monthly(), best.monthly()) { p } else { best })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_baseline_is_shared_in_proportion_to_the_peaks() {
        assert_eq!(shares(&[6, 2], 4), [3, 1]);
        // 5 × 6/8 = 3.75 and 5 × 2/8 = 1.25: the larger remainder gets the fifth.
        assert_eq!(shares(&[6, 2], 5), [4, 1]);
        assert_eq!(shares(&[1, 1, 1], 2), [1, 1, 0], "equal remainders: the earlier services");
        assert_eq!(shares(&[6, 2], 8), [6, 2]);
        assert_eq!(shares(&[6, 0], 3), [3, 0]);
        let week = crate::model::curve::preset::business_hours(8, 2);
        let by_hour = hours(&[week], 4);
        assert_eq!((by_hour[3], by_hour[10], by_hour[5 * 24 + 10]), ((2, 0), (4, 4), (2, 0)));
        for b in 0..=13 {
            let s = shares(&[7, 5, 1], b);
            assert_eq!(s.iter().sum::<u32>(), b);
            assert!(s.iter().zip([7, 5, 1]).all(|(&n, p)| n <= p));
        }
    }
}
