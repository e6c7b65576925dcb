//! How long each task runs in a month, and so how many hours Fargate bills.

use super::HOURS_PER_MONTH;

/// Fargate bills per second with a one-minute minimum per task run.
pub const MIN_BILLED_MINUTES: f64 = 1.0;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Usage {
    /// Each task runs this many hours in the month (0–730).
    Hours(f64),
    /// A scheduled job: `runs` runs a month of `minutes` each.
    Scheduled { runs: u32, minutes: f64 },
}

impl Usage {
    /// Hours billed per task per month.
    pub fn billed_hours(self) -> f64 {
        match self {
            Usage::Hours(hours) => hours,
            Usage::Scheduled { runs, minutes } => f64::from(runs) * minutes.max(MIN_BILLED_MINUTES) / 60.0,
        }
    }

    /// The most runs of `minutes` each that one task can be billed in a month
    /// (each run bills at least the minimum).
    pub fn most_runs(minutes: f64) -> u32 {
        (HOURS_PER_MONTH * 60.0 / minutes.max(MIN_BILLED_MINUTES)).floor() as u32
    }

    /// True when the billed hours fit in one month of one task.
    pub fn fits_in_month(self) -> bool {
        let h = self.billed_hours();
        h.is_finite() && (0.0..=HOURS_PER_MONTH).contains(&h)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scheduled_jobs_bill_at_least_a_minute_a_run() {
        // 1,000 runs of 20 seconds bill as 1,000 minutes: 1000 × 1 ÷ 60 = 16.666… hours.
        let h = Usage::Scheduled { runs: 1000, minutes: 20.0 / 60.0 }.billed_hours();
        assert!((h - 1000.0 / 60.0).abs() < 1e-12);
        // 720 runs of 5 minutes: 720 × 5 ÷ 60 = 60 hours.
        assert_eq!(Usage::Scheduled { runs: 720, minutes: 5.0 }.billed_hours(), 60.0);
        assert_eq!(Usage::Hours(300.0).billed_hours(), 300.0);
        assert!(!Usage::Scheduled { runs: 100_000, minutes: 60.0 }.fits_in_month());
    }

    #[test]
    fn the_most_runs_a_month_holds() {
        // 730 h × 60 = 43,800 minutes: 8,760 runs of 5 minutes, and as many of 1 minute as of 10 s.
        assert_eq!(Usage::most_runs(5.0), 8760);
        assert_eq!(Usage::most_runs(1.0), 43_800);
        assert_eq!(Usage::most_runs(10.0 / 60.0), 43_800, "a run bills at least a minute");
        for minutes in [0.5, 1.0, 7.0, 59.9, 1440.0] {
            let most = Usage::most_runs(minutes);
            assert!(
                Usage::Scheduled { runs: most, minutes }.fits_in_month() && !Usage::Scheduled { runs: most + 1, minutes }.fits_in_month(),
                "{minutes}"
            );
        }
    }
}
