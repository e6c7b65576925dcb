//! The one sentence that answers "Fargate or EC2?", in either language (the
//! CLI prints the English one).

use super::Lang;
use crate::estimate::Estimate;
use crate::format;

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

/// "At 730 h/month, Fargate costs $360.40 and EC2 on-demand (5 × t3a.large)
/// $274.48: EC2 is cheaper above 556 h/month per task (76% of the month),
/// Fargate below."
pub fn verdict(e: &Estimate, lang: Lang) -> String {
    let ev = &e.evaluation;
    let buy = e.inputs.buy;
    let words = lang.words();
    let name = &ev.ec2.candidate.name;
    let fleet = format!("{} × {name}", ev.ec2.instances);
    let (hours, fargate) = (hours_text(e, lang), lang.usd(ev.fargate.on_demand));
    let Some(ec2) = ev.ec2.monthly(buy) else {
        return match lang {
            Lang::En => format!("At {hours}, Fargate costs {fargate}; {name} has no {} price here.", buy.slug()),
            Lang::Zh => format!("{hours}时，Fargate 的费用是 {fargate}；此区域没有 {name} 的{}价格。", words.purchase(buy)),
        };
    };
    let ec2 = lang.usd(ec2);
    let option = words.purchase(buy);
    let break_even = ev.break_even(buy);
    match lang {
        Lang::En => {
            let head = format!("At {hours}, Fargate costs {fargate} and {option} ({fleet}) {ec2}");
            match break_even {
                Some(h) if h <= 0.0 => format!("{head}: EC2 is cheaper at any usage."),
                Some(h) => format!(
                    "{head}: EC2 is cheaper above {} h/month per task ({} of the month), Fargate below.",
                    format::decimals(h, 0),
                    format::percent_of_month(h)
                ),
                None => format!("{head}: Fargate is cheaper at any usage up to the full month."),
            }
        }
        Lang::Zh => {
            let head = format!("{hours}时，Fargate 的费用是 {fargate}，{option}（{fleet}）是 {ec2}");
            match break_even {
                Some(h) if h <= 0.0 => format!("{head}：任何用量下 EC2 都更便宜。"),
                Some(h) => format!(
                    "{head}：每个任务每月超过 {} 小时（占整月的 {}）时 EC2 更便宜，低于此用量时 Fargate 更便宜。",
                    format::decimals(h, 0),
                    format::percent_of_month(h)
                ),
                None => format!("{head}：直到整月运行，任何用量下 Fargate 都更便宜。"),
            }
        }
    }
}
