//! A week of load's answer in words (issue 27): the cheapest way to run it
//! on EC2 bought as the chosen purchase option, on Fargate, or split, and
//! what it saves against the other two.

use super::zh::{fill, zh, Zh};
use super::Lang;
use crate::estimate::{CurveEstimate, Estimate};
use crate::format;
use crate::model::curve::fleet::{Bought, Scaling};
use crate::model::curve::split::{of_services, Point};
use crate::model::curve::{Arrangement, Way};
use crate::model::ec2::PurchaseOption;
use crate::model::line::{Launch, Line};

/// One way to run the week, as a phrase.
pub fn arrangement(e: &Estimate, c: &CurveEstimate, a: &Arrangement, lang: Lang) -> String {
    let (w, name) = (lang.words(), c.candidate.name.as_str());
    let most = c.cost.running.iter().max().copied().unwrap_or(0).to_string();
    // Fargate as the load above a baseline is bought: on-demand or Spot.
    let fargate = w.line(Line::Fargate(c.cost.above.fargate()));
    // An always-on fleet runs its busiest hour's instances all week: bought
    // all one way (a commitment of some of them never costs less).
    let always = e.inputs.scaling() == Scaling::Always;
    let all_week = |b: &Bought| if b.committed == 0 { b.above } else { b.option };
    match (lang, a) {
        (Lang::En, Arrangement::Fargate) => format!("every task on {fargate}"),
        (Lang::Zh, Arrangement::Fargate) => fill(Zh::curve_fargate, &[fargate]),
        // Nothing committed: every instance-hour bought as it runs.
        (Lang::En, Arrangement::Fleet(b)) if b.committed == 0 && !always => {
            format!("a fleet following the load, up to {most} × {name} ({})", w.purchase(b.above))
        }
        (Lang::Zh, Arrangement::Fleet(b)) if b.committed == 0 && !always => fill(Zh::curve_fleet, &[&most, name, w.purchase(b.above)]),
        // The same instances every hour, all bought one way.
        (Lang::En, Arrangement::Fleet(b)) if always || b.committed.to_string() == most => {
            format!("{most} × {name} ({}) all week", w.purchase(all_week(b)))
        }
        (Lang::Zh, Arrangement::Fleet(b)) if always || b.committed.to_string() == most => {
            fill(Zh::curve_fleet_all, &[&most, name, w.purchase(all_week(b))])
        }
        (Lang::En, Arrangement::Fleet(b)) => format!(
            "a fleet following the load, up to {most} × {name}: {} {}, the hours above on {}",
            b.committed,
            w.purchase(b.option),
            w.purchase(b.above)
        ),
        (Lang::Zh, Arrangement::Fleet(b)) => {
            fill(Zh::curve_fleet_committed, &[&most, name, &b.committed.to_string(), w.purchase(b.option), w.purchase(b.above)])
        }
        (_, Arrangement::Split(p)) => split(e, c, p, e.inputs.buy, lang),
    }
}

/// A baseline of `p` on the week's type bought as `option`, the rest on
/// Fargate: "4 tasks on 2 × m5.large (EC2 reserved 1y), the rest on Fargate on-demand".
pub fn split(e: &Estimate, c: &CurveEstimate, p: &Point, option: PurchaseOption, lang: Lang) -> String {
    let (w, name) = (lang.words(), c.candidate.name.as_str());
    let fargate = w.line(Line::Fargate(c.cost.above.fargate()));
    match lang {
        Lang::En => format!(
            "{} task{}{} on {} × {name} ({}), the rest on {fargate}",
            p.baseline,
            lang.plural(p.baseline),
            shares(e, p.baseline, lang),
            p.instances,
            w.purchase(option)
        ),
        Lang::Zh => fill(
            Zh::curve_split,
            &[&p.baseline.to_string(), &p.instances.to_string(), name, w.purchase(option), fargate, &shares(e, p.baseline, lang)],
        ),
    }
}

/// Which services' tasks a baseline of several services holds: " (web 3,
/// api 1)" / "（web 3、api 1）"; nothing for one service.
fn shares(e: &Estimate, baseline: u32, lang: Lang) -> String {
    if e.inputs.services.len() < 2 {
        return String::new();
    }
    let weeks = e.inputs.weeks().unwrap_or_default();
    let held = e.inputs.services.iter().zip(of_services(&weeks, baseline)).filter(|(_, n)| *n > 0);
    let listed: Vec<String> = held.map(|(s, n)| format!("{} {n}", s.name)).collect();
    match lang {
        Lang::En => format!(" ({})", listed.join(", ")),
        Lang::Zh => format!("{}{}{}", zh(Zh::open_paren), listed.join(zh(Zh::list_sep)), zh(Zh::close_paren)),
    }
}

/// The verdict for the week: the cheapest arrangement for the chosen
/// purchase option and how much less it costs than each other one.
pub fn verdict(e: &Estimate, c: &CurveEstimate, lang: Lang) -> String {
    let (launch, buy) = (Launch::Ec2, e.inputs.buy);
    let best = c.cost.cheapest(launch, buy);
    let fargate = c.cost.all_fargate().unwrap_or(f64::NAN);
    let monthly = best.monthly(fargate);
    let below: Vec<String> = c
        .cost
        .savings(launch, buy)
        .into_iter()
        .map(|(way, usd, saved)| {
            // A saving that rounds to nothing is still one.
            let share = if saved < 0.005 { "<1%".to_string() } else { format::percent(saved) };
            let what = lang.usd(usd);
            let always = e.inputs.scaling() == Scaling::Always;
            match (lang, way) {
                (Lang::En, Way::Fargate) => format!("{share} below all-Fargate ({what})"),
                (Lang::En, Way::Fleet) if always => format!("{share} below an always-on fleet ({what})"),
                (Lang::Zh, Way::Fleet) if always => fill(Zh::curve_below_fleet_always, &[&what, &share]),
                (Lang::En, Way::Fleet) => format!("{share} below a fleet following the load ({what})"),
                (Lang::En, Way::Split) => format!("{share} below the best split ({what})"),
                (Lang::Zh, Way::Fargate) => fill(Zh::curve_below_fargate, &[&what, &share]),
                (Lang::Zh, Way::Fleet) => fill(Zh::curve_below_fleet, &[&what, &share]),
                (Lang::Zh, Way::Split) => fill(Zh::curve_below_split, &[&what, &share]),
            }
        })
        .collect();
    let way = arrangement(e, c, &best, lang);
    match lang {
        Lang::En => format!("Cheapest for this week of load: {way}: {}/month, {}.", lang.usd(monthly), below.join(", ")),
        Lang::Zh => fill(Zh::curve_verdict, &[&way, &lang.usd(monthly), &below.join(zh(Zh::list_sep))]),
    }
}

/// One hour's bar of a day's curve: "Weekdays 09:00–10:00: 8 tasks".
pub fn bar(lang: Lang, day: &str, hour: usize, tasks: u32) -> String {
    let (from, to, n) = (format!("{hour:02}"), format!("{:02}", hour + 1), tasks.to_string());
    match lang {
        Lang::En => format!("{day} {from}:00–{to}:00: {n} task{}", lang.plural(tasks)),
        Lang::Zh => fill(Zh::curve_bar, &[day, &from, &to, &n]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_hours_bar_names_its_day_hour_and_tasks() {
        assert_eq!(bar(Lang::En, "Weekdays", 9, 1), "Weekdays 09:00–10:00: 1 task");
        assert_eq!(bar(Lang::En, "Weekends", 23, 12), "Weekends 23:00–24:00: 12 tasks");
        assert_eq!(bar(Lang::Zh, "周末", 0, 3), "周末 00:00–01:00：3 个任务");
    }
}
