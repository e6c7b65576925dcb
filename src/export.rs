//! What the page's downloads hold besides the chart's own SVG: the numbers
//! behind the hours chart as CSV, the workload as JSON, and a file name that
//! says the scenario.

use crate::chart::lines::{baseline_lines, hours_lines};
use crate::estimate::{CurveEstimate, Estimate};
use crate::format;
use crate::i18n::Lang;
use crate::inputs::Inputs;
use crate::model::HOURS_PER_MONTH;
use crate::options::Opt;

/// A file name that says the scenario: `fargate-vs-ec2_us-east-1_linux-x86_10x1vcpu-2gib_730h_t3a.large`.
pub fn file_stem(e: &Estimate) -> String {
    let i = &e.inputs;
    let usage = match i.runs {
        Some(runs) => format!("{runs}runs-{}min", format::quantity(i.minutes)),
        None => format!("{}h", format::quantity(i.hours)),
    };
    let workload = match i.services.as_slice() {
        [one] => format!("{}x{}vcpu-{}gib", one.tasks, format::quantity(one.cpu), format::quantity(one.mem)),
        services => format!("{}services-{}tasks", services.len(), i.tasks()),
    };
    format!("fargate-vs-ec2_{}_{}_{workload}_{usage}_{}", i.region, i.platform.slug(), e.evaluation.ec2.candidate.name)
}

/// The numbers behind the hours chart: one row per whole hour per task,
/// 0–730, one column per line, USD per month (unrounded).
pub fn hours_csv(e: &Estimate) -> String {
    // Column names are line ids, not labels: the same file whatever the page's language.
    let (lines, _) = hours_lines(e, Lang::En);
    let mut out = String::from("hours_per_task");
    for s in &lines {
        out.push(',');
        out.push_str(&format!("{}_usd_per_month", s.id.id().replace('-', "_")));
    }
    out.push('\n');
    for hour in 0..=HOURS_PER_MONTH as u32 {
        let h = f64::from(hour);
        out.push_str(&hour.to_string());
        for s in &lines {
            out.push(',');
            if let Some(usd) = s.at(h) {
                out.push_str(&crate::decimal::shortest(usd));
            }
        }
        out.push('\n');
    }
    out
}

/// The numbers behind a week of load's split chart: one row per baseline
/// (tasks on EC2, the rest on Fargate on-demand), one column per EC2 purchase
/// option priced, USD per month (unrounded).
pub fn split_csv(e: &Estimate, c: &CurveEstimate) -> String {
    let (lines, _) = baseline_lines(e, c, Lang::En);
    let mut out = String::from("ec2_baseline_tasks");
    for s in &lines {
        out.push_str(&format!(",{}_usd_per_month", s.id.id().replace('-', "_")));
    }
    out.push('\n');
    let rows = lines.first().map_or(0, |s| s.points.len());
    for row in 0..rows {
        out.push_str(&crate::decimal::shortest(lines[0].points[row].0));
        for s in &lines {
            out.push(',');
            out.push_str(&crate::decimal::shortest(s.points[row].1));
        }
        out.push('\n');
    }
    out
}

/// The numbers behind the week chart: one row per hour of the week from
/// Monday 00:00, the tasks on the EC2 baseline and on Fargate (`by_hour`,
/// `model::curve::split::hours`) and a following fleet's `instances`.
pub fn week_csv(by_hour: &[(u32, u32)], instances: &[u32]) -> String {
    let mut out = String::from("hour_of_week,tasks_on_ec2_baseline,tasks_on_fargate,instances_following_the_load\n");
    for (h, ((ec2, fargate), n)) in by_hour.iter().zip(instances).enumerate() {
        out.push_str(&format!("{h},{ec2},{fargate},{n}\n"));
    }
    out
}

/// The workload as the CLI's `--workload` reads it: every option by its
/// name (`-` written `_`) with the text a link would carry (none for no runs).
pub fn workload_json(i: &Inputs) -> String {
    let mut out = String::from("{\"inputs\": {");
    for (k, option) in Opt::ALL.into_iter().enumerate() {
        let value = i.text(option);
        if option == Opt::Runs && value.is_empty() {
            continue;
        }
        if k > 0 {
            out.push_str(", ");
        }
        // Option texts are ASCII without quotes or backslashes (their parsers
        // refuse both), so they go in as they are.
        out.push_str(&format!("\"{}\": \"{value}\"", option.name().replace('-', "_")));
    }
    out.push_str("}}\n");
    out
}
