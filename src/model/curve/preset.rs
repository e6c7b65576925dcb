//! The curves a person starts from (issue 27 §1); today's scheduled jobs
//! (runs × minutes) stay `usage::Usage::Scheduled`, billed per run.

use super::{Week, HOURS_PER_DAY};

/// Working hours: from 09:00 to 18:00.
pub const WORKING_HOURS: std::ops::Range<usize> = 9..18;
/// A nightly batch starts at 01:00.
pub const BATCH_START: usize = 1;
/// Spiky load peaks for an hour at these hours, every day.
pub const SPIKES: [usize; 3] = [9, 13, 19];

/// A curve by its shape and two counts: what the page's week controls and
/// the `--curve` presets set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    BusinessHours { peak: u32, floor: u32 },
    NightlyBatch { tasks: u32, hours: u32 },
    Spiky { base: u32, peak: u32 },
}

impl Preset {
    pub fn week(self) -> Week {
        match self {
            Preset::BusinessHours { peak, floor } => business_hours(peak, floor),
            Preset::NightlyBatch { tasks, hours } => nightly_batch(tasks, hours),
            Preset::Spiky { base, peak } => spiky(base, peak),
        }
    }

    /// Its two counts, in the order the text and the page give them.
    pub fn counts(self) -> (u32, u32) {
        match self {
            Preset::BusinessHours { peak, floor } => (peak, floor),
            Preset::NightlyBatch { tasks, hours } => (tasks, hours),
            Preset::Spiky { base, peak } => (base, peak),
        }
    }

    /// The same shape with other counts.
    pub fn with(self, (a, b): (u32, u32)) -> Preset {
        match self {
            Preset::BusinessHours { .. } => Preset::BusinessHours { peak: a, floor: b },
            Preset::NightlyBatch { .. } => Preset::NightlyBatch { tasks: a, hours: b.min(HOURS_PER_DAY as u32 - BATCH_START as u32) },
            Preset::Spiky { .. } => Preset::Spiky { base: a, peak: b },
        }
    }

    /// The preset a week is, if it is one (business hours first).
    pub fn of(week: &Week) -> Option<Preset> {
        let d = &week.weekday;
        let hours = d[BATCH_START..].iter().take_while(|&&n| n == d[BATCH_START]).count() as u32;
        [
            Preset::BusinessHours { peak: d[WORKING_HOURS.start], floor: d[0] },
            Preset::NightlyBatch { tasks: d[BATCH_START], hours },
            Preset::Spiky { base: d[0], peak: d[SPIKES[0]] },
        ]
        .into_iter()
        .find(|p| p.week() == *week)
    }
}

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

    #[test]
    fn a_week_says_which_preset_it_is() {
        for p in [
            Preset::BusinessHours { peak: 8, floor: 2 },
            Preset::NightlyBatch { tasks: 20, hours: 4 },
            Preset::NightlyBatch { tasks: 3, hours: 23 },
            Preset::Spiky { base: 2, peak: 10 },
        ] {
            assert_eq!(Preset::of(&p.week()), Some(p));
            assert_eq!(p.with(p.counts()), p);
        }
        let mut odd = business_hours(8, 2);
        odd.weekend[3] = 5;
        assert_eq!(Preset::of(&odd), None);
        assert_eq!(Preset::NightlyBatch { tasks: 1, hours: 1 }.with((1, 40)), Preset::NightlyBatch { tasks: 1, hours: 23 });
    }
}
