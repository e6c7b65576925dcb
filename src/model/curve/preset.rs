//! The curves a person starts from (issue 27 §1); today's scheduled jobs
//! (runs × minutes) stay `usage::Usage::Scheduled`, billed per run.

use super::{Week, HOURS_PER_DAY};

/// Working hours: from 09:00 to 18:00.
pub const WORKING_HOURS: std::ops::Range<usize> = 9..18;
/// A nightly batch starts at 01:00.
pub const BATCH_START: usize = 1;
/// Spiky load peaks for an hour at these hours, every day.
pub const SPIKES: [usize; 3] = [9, 13, 19];

/// `peak` tasks in working hours on weekdays, `floor` otherwise.
pub fn business_hours(peak: u32, floor: u32) -> Week {
    let mut w = Week::steady(floor);
    w.weekday[WORKING_HOURS].fill(peak);
    w
}

/// `tasks` for `hours` hours from 01:00 every night (at most until
/// midnight), none otherwise.
pub fn nightly_batch(tasks: u32, hours: u32) -> Week {
    let mut w = Week::steady(0);
    let end = (BATCH_START + hours as usize).min(HOURS_PER_DAY);
    w.weekday[BATCH_START..end].fill(tasks);
    w.weekend[BATCH_START..end].fill(tasks);
    w
}

/// `base` tasks, `peak` for an hour three times a day.
pub fn spiky(base: u32, peak: u32) -> Week {
    let mut w = Week::steady(base);
    for h in SPIKES {
        w.weekday[h] = peak;
        w.weekend[h] = peak;
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_presets_task_hours() {
        // 9 h × 5 days × 8 + the rest of the week's 168 h × 2.
        assert_eq!(business_hours(8, 2).task_hours(), 45 * 8 + (168 - 45) * 2);
        assert_eq!(nightly_batch(20, 4).task_hours(), 7 * 4 * 20);
        assert_eq!(nightly_batch(1, 30).task_hours(), 7 * 23, "until midnight");
        assert_eq!(spiky(2, 10).task_hours(), 21 * 10 + (168 - 21) * 2);
        assert_eq!(business_hours(8, 2).peak(), 8);
    }
}
