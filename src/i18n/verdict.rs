//! The sentence that answers "Fargate, EC2 or Managed Instances?", in either
//! language (the CLI prints the English one): the cheapest way at the
//! scenario's hours, and where each other way would be cheaper
//! (`model::standing`), with what the totals leave out.

use super::zh::{fill, zh, Zh};
use super::Lang;
use crate::estimate::Estimate;
use crate::format;
use crate::model::line::Line;
use crate::model::HOURS_PER_MONTH;

/// "730 h/month", or for a schedule "50 billed h/month per task".
fn hours_text(e: &Estimate, lang: Lang) -> String {
    let h = format::quantity(e.evaluation.fargate.billed_hours);
    match (lang, e.inputs.runs.is_some()) {
        (Lang::En, true) => format!("{h} billed h/month per task"),
        (Lang::En, false) => format!("{h} h/month"),
        (Lang::Zh, true) => fill(Zh::verdict_billed_hours, &[&h]),
        (Lang::Zh, false) => fill(Zh::verdict_hours, &[&h]),
    }
}

/// A way's name in the verdict: the fleets with their type and count.
fn way(e: &Estimate, lang: Lang, line: Line) -> String {
    let ev = &e.evaluation;
    let name = lang.words().line(line);
    match line {
        Line::Fargate(_) => "Fargate".into(),
        Line::Ec2(_) | Line::Managed(_) => {
            let fleet = format!("{} × {}", ev.ec2.instances, ev.ec2.candidate.name);
            match lang {
                Lang::En => format!("{name} ({fleet})"),
                Lang::Zh => fill(Zh::verdict_way, &[name, &fleet]),
            }
        }
    }
}

/// A name before Chinese text: a space after Latin letters, none after a
/// closing bracket.
fn spaced(name: &str) -> String {
    if name.ends_with(zh(Zh::close_paren)) {
        name.to_string()
    } else {
        format!("{name} ")
    }
}

/// Where a way is cheaper: "below 663 h/month per task (91% of the month)", …
fn cheaper_where(lang: Lang, ranges: &[(f64, f64)]) -> String {
    let h = |x: f64| format::decimals(x, 0);
    let month = |x: f64| format::percent_of_month(x);
    let full = |x: f64| x >= HOURS_PER_MONTH;
    match (lang, ranges) {
        (Lang::En, []) => "is dearer at any usage".into(),
        (Lang::En, &[(a, b)]) if a <= 0.0 && full(b) => "is cheaper at any usage".into(),
        (Lang::En, &[(a, b)]) if a <= 0.0 => format!("is cheaper below {} h/month per task ({} of the month)", h(b), month(b)),
        (Lang::En, &[(a, b)]) if full(b) => format!("is cheaper above {} h/month per task ({} of the month)", h(a), month(a)),
        (Lang::En, &[(a, b)]) => format!("is cheaper between {} and {} h/month per task", h(a), h(b)),
        (Lang::En, [(_, b), .., (a, _)]) => format!("is cheaper below {} and above {} h/month per task", h(*b), h(*a)),
        (Lang::Zh, []) => zh(Zh::verdict_dearer_always).into(),
        (Lang::Zh, &[(a, b)]) if a <= 0.0 && full(b) => zh(Zh::verdict_cheaper_always).into(),
        (Lang::Zh, &[(a, b)]) if a <= 0.0 => fill(Zh::verdict_cheaper_below, &[&h(b), &month(b)]),
        (Lang::Zh, &[(a, b)]) if full(b) => fill(Zh::verdict_cheaper_above, &[&h(a), &month(a)]),
        (Lang::Zh, &[(a, b)]) => fill(Zh::verdict_cheaper_between, &[&h(a), &h(b)]),
        (Lang::Zh, [(_, b), .., (a, _)]) => fill(Zh::verdict_cheaper_outside, &[&h(*b), &h(*a)]),
    }
}

/// What the totals leave out for want of a price, said after the verdict.
fn left_out(e: &Estimate, lang: Lang) -> String {
    let region = &e.inputs.region;
    let mut out = String::new();
    if e.scenario.ebs_gib > 0 && e.side.ebs_gb_month.is_none() {
        out += &match lang {
            Lang::En => format!(" The instance totals leave out EBS: no gp3 price is known for {region}."),
            Lang::Zh => fill(Zh::verdict_no_ebs, &[region]),
        };
    }
    if e.scenario.public_ip && e.side.public_ipv4_hour.is_none() {
        out += &match lang {
            Lang::En => format!(" The totals leave out public IPv4 addresses: no price is known for {region}."),
            Lang::Zh => fill(Zh::verdict_no_ipv4, &[region]),
        };
    }
    out
}

/// "At 730 h/month, EC2 on-demand (5 × m5a.large) is the cheapest at
/// $325.90; Fargate costs $360.40 and is cheaper below 660 h/month per task
/// (90% of the month); Managed Instances on-demand (5 × m5a.large) costs
/// $363.57 and is dearer at any usage."
pub fn verdict(e: &Estimate, lang: Lang) -> String {
    let ev = &e.evaluation;
    let buy = e.inputs.buy;
    let words = lang.words();
    let hours = hours_text(e, lang);
    if ev.ec2.monthly(buy).is_none() {
        let (fargate, name) = (lang.usd(ev.fargate.on_demand()), &ev.ec2.candidate.name);
        return match lang {
            Lang::En => format!("At {hours}, Fargate costs {fargate}; {name} has no {} price here.", buy.slug()),
            Lang::Zh => fill(Zh::verdict_no_price, &[&hours, &fargate, name, words.purchase(buy)]),
        };
    }
    let standing = ev.standing(buy);
    let (first, cheapest) = standing.ranked[0];
    let others: Vec<String> = standing
        .ranked
        .iter()
        .skip(1)
        .zip(&standing.cheaper_where)
        .map(|(&(line, usd), (_, ranges))| {
            let (name, usd, place) = (way(e, lang, line), lang.usd(usd), cheaper_where(lang, ranges));
            match lang {
                Lang::En => format!("{name} costs {usd} and {place}"),
                Lang::Zh => fill(Zh::verdict_other, &[&spaced(&name), &usd, &place]),
            }
        })
        .collect();
    let (first, cheapest) = (way(e, lang, first), lang.usd(cheapest));
    let tail = left_out(e, lang);
    match lang {
        Lang::En => format!("At {hours}, {first} is the cheapest at {cheapest}; {}.{tail}", others.join("; ")),
        Lang::Zh => fill(Zh::verdict_cheapest, &[&hours, &spaced(&first), &cheapest, &others.join(zh(Zh::clause_sep)), &tail]),
    }
}
