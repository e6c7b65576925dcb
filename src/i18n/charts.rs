//! What the charts say in words: their captions, and the text of each point
//! a person can hover or focus.

use super::zh::{fill, Zh};
use super::Lang;
use crate::estimate::Estimate;
use crate::format;
use crate::model::line::Line;

/// "EC2 on-demand: $274.48 a month at 730 h".
pub fn value_at_hours(lang: Lang, label: &str, usd: f64, hours: f64) -> String {
    let (usd, hours) = (lang.usd(usd), format::quantity(hours));
    match lang {
        Lang::En => format!("{label}: {usd} a month at {hours} h"),
        Lang::Zh => fill(Zh::chart_value_hours, &[label, &hours, &usd]),
    }
}

/// "EC2 on-demand meets Fargate on-demand at 556 h/month per task: $274.48 a month".
pub fn break_even(lang: Lang, line: Line, hours: f64, usd: f64) -> String {
    let (option, h, usd) = (lang.words().line(line), format::decimals(hours, 0), lang.usd(usd));
    match lang {
        Lang::En => format!("{option} meets Fargate on-demand at {h} h/month per task: {usd} a month"),
        Lang::Zh => fill(Zh::chart_break_even, &[option, &h, &usd]),
    }
}

/// "Fargate on-demand: $360.40 a month for 10 tasks".
pub fn value_at_tasks(lang: Lang, label: &str, usd: f64, tasks: u32) -> String {
    let usd = lang.usd(usd);
    match lang {
        Lang::En => format!("{label}: {usd} a month for {tasks} tasks"),
        Lang::Zh => fill(Zh::chart_value_tasks, &[label, &tasks.to_string(), &usd]),
    }
}

/// The hours chart's caption: what it shows, for which workload.
pub fn hours_caption(e: &Estimate, lang: Lang) -> String {
    let i = &e.inputs;
    let platform = super::platform(i.platform);
    let tasks = i.tasks().to_string();
    match (lang, i.services.as_slice()) {
        (Lang::En, [one]) => format!(
            "Monthly cost of {tasks} tasks of {} vCPU / {} GiB ({platform}, {}) against hours each task runs per month; crosses mark where Fargate on-demand meets each EC2 option.",
            format::quantity(one.cpu),
            format::quantity(one.mem),
            i.region
        ),
        (Lang::Zh, [one]) => {
            fill(Zh::chart_hours_caption, &[&tasks, &format::quantity(one.cpu), &format::quantity(one.mem), platform, &i.region])
        }
        (Lang::En, services) => format!(
            "Monthly cost of {tasks} tasks of {} services ({platform}, {}) against hours each task runs per month; crosses mark where Fargate on-demand meets each EC2 option.",
            services.len(),
            i.region
        ),
        (Lang::Zh, services) => fill(Zh::chart_hours_caption_services, &[&tasks, &services.len().to_string(), platform, &i.region]),
    }
}

/// The task-count chart's caption.
pub fn tasks_caption(e: &Estimate, lang: Lang) -> String {
    let hours = format::quantity(e.evaluation.fargate.billed_hours);
    let name = &e.evaluation.ec2.candidate.name;
    let service = &e.inputs.service().name;
    match (lang, e.evaluation.ec2.packing) {
        (Lang::En, Some(p)) => format!(
            "Monthly cost against the number of tasks at {hours} h per task: EC2 steps up each time {} more task{} need another {name}; Fargate grows in a straight line.",
            p.tasks_per_instance,
            lang.plural(p.tasks_per_instance)
        ),
        (Lang::Zh, Some(p)) => fill(Zh::chart_tasks_caption, &[&hours, &p.tasks_per_instance.to_string(), name]),
        (Lang::En, None) => format!(
            "Monthly cost against the number of {service}'s tasks, the other services' kept, at {hours} h per task: EC2 steps up each time the tasks need another {name}; Fargate grows in a straight line."
        ),
        (Lang::Zh, None) => fill(Zh::chart_tasks_caption_services, &[service, &hours, name]),
    }
}
