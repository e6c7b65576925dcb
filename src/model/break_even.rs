//! Where the Fargate and EC2 cost lines cross.
//!
//! Fargate costs `a × h` a month at h hours per task (a = tasks × per task-hour).
//! EC2 costs `b × h + c`: b = 0 and c = the whole bill when capacity is always
//! on; b = instances × hourly and c = the fixed overheads when it follows tasks.

use super::HOURS_PER_MONTH;

/// Hours per task per month at which both cost the same: below it Fargate is
/// cheaper. None when the lines do not cross within the month (0–730 h).
pub fn break_even_hours(fargate_per_hour: f64, ec2_per_hour: f64, ec2_fixed: f64) -> Option<f64> {
    let slope = fargate_per_hour - ec2_per_hour;
    // A NaN slope (from a NaN rate) crosses nowhere, like a flat or negative one.
    if slope.is_nan() || slope <= 0.0 || !ec2_fixed.is_finite() || ec2_fixed < 0.0 {
        return None;
    }
    let hours = ec2_fixed / slope;
    (hours <= HOURS_PER_MONTH).then_some(hours)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn always_on_break_even_is_ec2_monthly_over_fargate_hourly() {
        // EC2 $280.32 a month; 10 tasks × $0.04937 = $0.4937 per hour of all tasks:
        // 280.32 ÷ 0.4937 = 567.794… h.
        let h = break_even_hours(0.4937, 0.0, 280.32).unwrap();
        assert!((h - 280.32 / 0.4937).abs() < 1e-9);
    }

    #[test]
    fn none_above_the_month() {
        // EC2 $400 a month against Fargate $0.4937 an hour: 810 h > 730 h: Fargate always cheaper.
        assert_eq!(break_even_hours(0.4937, 0.0, 400.0), None);
    }

    #[test]
    fn following_capacity_crosses_only_when_fargate_is_steeper() {
        // Fargate $1/h, EC2 $0.5/h plus $100 fixed: 100 ÷ 0.5 = 200 h.
        assert_eq!(break_even_hours(1.0, 0.5, 100.0), Some(200.0));
        // EC2 steeper than Fargate: they never cross (Fargate cheaper throughout).
        assert_eq!(break_even_hours(0.5, 1.0, 100.0), None);
    }

    #[test]
    fn not_a_number_crosses_nowhere() {
        assert_eq!(break_even_hours(f64::NAN, 0.0, 100.0), None);
        assert_eq!(break_even_hours(1.0, f64::NAN, 100.0), None);
        assert_eq!(break_even_hours(1.0, 0.0, f64::NAN), None);
        assert_eq!(break_even_hours(1.0, 1.0, 0.0), None, "parallel lines");
    }
}
