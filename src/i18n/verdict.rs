//! The sentence that answers "Fargate, EC2 or Managed Instances?", in either
//! language (the CLI prints the English one): the cheapest way at the
//! scenario's hours, and where each other way would be cheaper
//! (`model::standing`), with what the totals leave out.

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
        (Lang::Zh, true) => format!("每个任务每月计费 {h} 小时"),
        (Lang::Zh, false) => format!("每月 {h} 小时"),
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
                Lang::Zh => format!("{name}（{fleet}）"),
            }
        }
    }
}

/// A name before Chinese text: a space after Latin letters, none after "）".
fn spaced(name: &str) -> String {
    if name.ends_with('）') {
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
        (Lang::Zh, []) => "任何用量下都更贵".into(),
        (Lang::Zh, &[(a, b)]) if a <= 0.0 && full(b) => "任何用量下都更便宜".into(),
        (Lang::Zh, &[(a, b)]) if a <= 0.0 => format!("每个任务每月低于 {} 小时（占整月的 {}）时更便宜", h(b), month(b)),
        (Lang::Zh, &[(a, b)]) if full(b) => format!("每个任务每月超过 {} 小时（占整月的 {}）时更便宜", h(a), month(a)),
        (Lang::Zh, &[(a, b)]) => format!("每个任务每月在 {} 到 {} 小时之间时更便宜", h(a), h(b)),
        (Lang::Zh, [(_, b), .., (a, _)]) => format!("每个任务每月低于 {} 小时或超过 {} 小时时更便宜", h(*b), h(*a)),
    }
}

/// What the totals leave out for want of a price, said after the verdict.
fn left_out(e: &Estimate, lang: Lang) -> String {
    let region = &e.inputs.region;
    let mut out = String::new();
    if e.scenario.ebs_gib > 0 && e.side.ebs_gb_month.is_none() {
        out += &match lang {
            Lang::En => format!(" The instance totals leave out EBS: no gp3 price is known for {region}."),
            Lang::Zh => format!("实例费用未计入 EBS：{region} 没有已知的 gp3 价格。"),
        };
    }
    if e.scenario.public_ip && e.side.public_ipv4_hour.is_none() {
        out += &match lang {
            Lang::En => format!(" The totals leave out public IPv4 addresses: no price is known for {region}."),
            Lang::Zh => format!("费用未计入公有 IPv4 地址：{region} 没有已知的价格。"),
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
            Lang::Zh => format!("{hours}时，Fargate 的费用是 {fargate}；此区域没有 {name} 的{}价格。", words.purchase(buy)),
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
                Lang::Zh => format!("{}的费用是 {usd}，{place}", spaced(&name)),
            }
        })
        .collect();
    let (first, cheapest) = (way(e, lang, first), lang.usd(cheapest));
    let tail = left_out(e, lang);
    match lang {
        Lang::En => format!("At {hours}, {first} is the cheapest at {cheapest}; {}.{tail}", others.join("; ")),
        Lang::Zh => format!("{hours}时，{}最便宜，为 {cheapest}；{}。{tail}", spaced(&first), others.join("；")),
    }
}
