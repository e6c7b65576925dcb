//! A month's cost as a function of the hours each task runs (h, 0 to 730):
//! fixed + per_hour × h, plus for the CPU credits of burstable instances a
//! hinge per group of equally loaded instances, usd × max(0, slope × h −
//! threshold). Every part of a bill
//! is one; a total is their sum; where two totals cross, one becomes the
//! cheaper. Straight between its bends, so crossings are found exactly.

use super::HOURS_PER_MONTH;

/// `usd × max(0, slope × h − threshold)`: nothing until `threshold ÷ slope`
/// hours, then a straight line.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Hinge {
    pub usd: f64,
    pub slope: f64,
    pub threshold: f64,
}

impl Hinge {
    fn at(&self, h: f64) -> f64 {
        if self.usd == 0.0 {
            0.0
        } else {
            self.usd * (self.slope * h - self.threshold).max(0.0)
        }
    }

    /// Where it bends, when that is within the month.
    fn kink(&self) -> Option<f64> {
        let bends = self.usd != 0.0 && self.slope > 0.0 && self.threshold > 0.0;
        Some(self.threshold / self.slope).filter(|&k| bends && k < HOURS_PER_MONTH)
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct CostLine {
    /// USD a month whatever the hours.
    pub fixed: f64,
    /// USD per hour each task runs.
    pub per_hour: f64,
    pub hinges: Vec<Hinge>,
}

impl CostLine {
    pub const ZERO: CostLine = CostLine { fixed: 0.0, per_hour: 0.0, hinges: Vec::new() };

    pub fn fixed(usd: f64) -> CostLine {
        CostLine { fixed: usd, ..CostLine::ZERO }
    }

    pub fn per_hour(usd: f64) -> CostLine {
        CostLine { per_hour: usd, ..CostLine::ZERO }
    }

    /// USD a month when each task runs `h` hours.
    pub fn at(&self, h: f64) -> f64 {
        self.hinges.iter().fold(self.fixed + self.per_hour * h, |usd, k| usd + k.at(h))
    }

    /// The sum of two lines.
    pub fn plus(mut self, other: CostLine) -> CostLine {
        self.hinges.extend(other.hinges);
        CostLine { fixed: self.fixed + other.fixed, per_hour: self.per_hour + other.per_hour, hinges: self.hinges }
    }

    /// Where it bends within the month.
    pub fn kinks(&self) -> impl Iterator<Item = f64> + '_ {
        self.hinges.iter().filter_map(Hinge::kink)
    }
}

/// A few hours values (a line's ends and bends) in increasing order, each
/// once. An insertion sort: a handful of values, and far smaller in wasm
/// than `sort_by`.
pub fn in_order(hours: impl Iterator<Item = f64>) -> Vec<f64> {
    let mut out: Vec<f64> = Vec::new();
    for h in hours {
        if !out.contains(&h) {
            let at = out.iter().position(|&x| x > h).unwrap_or(out.len());
            out.insert(at, h);
        }
    }
    out
}

/// The hours in 0 to `until` where `a` costs strictly less than `b`, as
/// ranges in order (their ends included, where the two are equal). Between
/// the bends of either line the difference is straight, so it is compared
/// at each bend and crosses exactly once or not at all in between.
pub fn cheaper(a: &CostLine, b: &CostLine, until: f64) -> Vec<(f64, f64)> {
    let points = in_order([0.0, until].into_iter().chain(a.kinks()).chain(b.kinks()).filter(|h| (0.0..=until).contains(h)));
    let difference = |h: f64| a.at(h) - b.at(h);
    let mut out: Vec<(f64, f64)> = Vec::new();
    for pair in points.windows(2) {
        let (p, q) = (pair[0], pair[1]);
        let (dp, dq) = (difference(p), difference(q));
        if !(dp.is_finite() && dq.is_finite()) {
            continue;
        }
        let root = || p + (q - p) * dp / (dp - dq);
        let range = match (dp < 0.0, dq < 0.0) {
            (true, true) => (p, q),
            (true, false) => (p, root()),
            (false, true) => (root(), q),
            (false, false) => continue,
        };
        match out.last_mut() {
            Some(last) if last.1 >= range.0 => last.1 = range.1,
            _ => out.push(range),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_add_up_and_a_hinge_bends_once() {
        // $100 a month plus $0.5 an hour, and credits of 0.05 × max(0, 2h − 438): from 219 h.
        let credits = CostLine { hinges: vec![Hinge { usd: 0.05, slope: 2.0, threshold: 438.0 }], ..CostLine::ZERO };
        let line = CostLine::fixed(100.0).plus(CostLine::per_hour(0.5)).plus(credits);
        assert_eq!(line.at(0.0), 100.0);
        assert_eq!(line.at(200.0), 200.0);
        // 730 h: 100 + 365 + 0.05 × (1460 − 438) = 516.1
        assert!((line.at(730.0) - 516.1).abs() < 1e-9);
        assert_eq!(line.kinks().collect::<Vec<_>>(), [219.0]);
    }

    #[test]
    fn where_a_straight_fleet_is_cheaper_than_fargate() {
        // Fargate $0.4937 per hour of all tasks, EC2 $280.32 a month: EC2 is cheaper above 280.32 ÷ 0.4937 h.
        let fargate = CostLine::per_hour(0.4937);
        let ranges = cheaper(&CostLine::fixed(280.32), &fargate, HOURS_PER_MONTH);
        assert_eq!(ranges.len(), 1);
        assert!((ranges[0].0 - 280.32 / 0.4937).abs() < 1e-9 && ranges[0].1 == HOURS_PER_MONTH);
        // Above the month: never; parallel and equal: never; cheaper from the first hour: from 0.
        assert!(cheaper(&CostLine::fixed(400.0), &fargate, HOURS_PER_MONTH).is_empty());
        assert!(cheaper(&fargate, &fargate, HOURS_PER_MONTH).is_empty());
        assert_eq!(cheaper(&CostLine::per_hour(0.3), &fargate, HOURS_PER_MONTH), [(0.0, HOURS_PER_MONTH)]);
        // Only up to `until`.
        assert_eq!(cheaper(&CostLine::per_hour(0.3), &fargate, 400.0), [(0.0, 400.0)]);
    }

    #[test]
    fn credits_can_make_a_fleet_cheaper_only_between_two_usages() {
        // EC2 $50 a month plus credits 0.2 × max(0, h − 100); Fargate $0.25 an hour.
        // Below 100 h EC2 would need h > 50 ÷ 0.25 = 200; above, 30 + 0.2h < 0.25h from h = 600.
        let ec2 = CostLine { hinges: vec![Hinge { usd: 0.2, slope: 1.0, threshold: 100.0 }], ..CostLine::fixed(50.0) };
        let ranges = cheaper(&ec2, &CostLine::per_hour(0.25), HOURS_PER_MONTH);
        assert_eq!(ranges.len(), 1);
        assert!((ranges[0].0 - 600.0).abs() < 1e-9 && ranges[0].1 == HOURS_PER_MONTH, "{ranges:?}");
        // A steeper credit rate than Fargate's: cheaper only between two usages.
        let ec2 = CostLine { hinges: vec![Hinge { usd: 0.5, slope: 1.0, threshold: 400.0 }], ..CostLine::fixed(50.0) };
        let ranges = cheaper(&ec2, &CostLine::per_hour(0.25), HOURS_PER_MONTH);
        // From 200 h; past 400 h EC2 rises by 0.5/h against Fargate's 0.25/h: 50 + 0.5(h − 400) = 0.25h → h = 600.
        assert_eq!(ranges.len(), 1);
        assert!((ranges[0].0 - 200.0).abs() < 1e-9 && (ranges[0].1 - 600.0).abs() < 1e-9, "{ranges:?}");
        // And Fargate is then cheaper in two ranges: below 200 h and above 600 h.
        let back = cheaper(&CostLine::per_hour(0.25), &ec2, HOURS_PER_MONTH);
        assert_eq!(back.len(), 2, "{back:?}");
    }
}
