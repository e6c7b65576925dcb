//! What the charts draw for an estimate: each priced line as points of
//! (hours or tasks, USD per month), the break-evens, and the points a person
//! can hover. The numbers are the model's (the page draws what the CLI
//! computes); `style` is how each line looks.

use super::{Crossing, Dash, RGBColor, Series, BLUE, GREEN, ORANGE, PURPLE, SKY, VERMILLION};
use crate::estimate::{CurveEstimate, Estimate};
use crate::i18n::{self, Lang};
use crate::model::cost_line;
use crate::model::curve::split;
use crate::model::ec2::PurchaseOption;
use crate::model::fargate::FargateOption;
use crate::model::line::Launch;
use crate::model::line::Line;
use crate::model::scenario;

/// How a line is drawn: colour-blind-safe colours, and dashes so lines
/// differ by more than colour.
pub fn style(line: Line) -> (RGBColor, Dash) {
    match line {
        Line::Fargate(FargateOption::OnDemand) => (BLUE, Dash::Solid),
        Line::Fargate(FargateOption::Spot) => (SKY, Dash::Dashed),
        Line::Fargate(FargateOption::SavingsPlan1y) => (BLUE, Dash::Dashed),
        Line::Fargate(FargateOption::SavingsPlan3y) => (BLUE, Dash::Dotted),
        Line::Ec2(PurchaseOption::OnDemand) => (VERMILLION, Dash::Solid),
        Line::Ec2(PurchaseOption::Reserved1y) => (GREEN, Dash::Dashed),
        Line::Ec2(PurchaseOption::Reserved3y) => (GREEN, Dash::Dotted),
        Line::Ec2(PurchaseOption::Spot) => (PURPLE, Dash::Dashed),
        Line::Ec2(PurchaseOption::ComputeSavingsPlan1y) => (VERMILLION, Dash::Dashed),
        Line::Ec2(PurchaseOption::ComputeSavingsPlan3y) => (VERMILLION, Dash::Dotted),
        Line::Ec2(PurchaseOption::InstanceSavingsPlan1y) => (PURPLE, Dash::Solid),
        Line::Ec2(PurchaseOption::InstanceSavingsPlan3y) => (PURPLE, Dash::Dotted),
        Line::Managed(PurchaseOption::Reserved1y) => (ORANGE, Dash::Dashed),
        Line::Managed(PurchaseOption::Reserved3y) => (ORANGE, Dash::Dotted),
        Line::Managed(PurchaseOption::Spot) => (SKY, Dash::Dotted),
        Line::Managed(_) => (ORANGE, Dash::Solid),
    }
}

/// The split chart's lines (issue 27): for each EC2 purchase option priced,
/// the month against the baseline's tasks, every baseline a point (steps
/// where the fleet grows); and the cheapest baseline of the chosen option.
pub fn baseline_lines(e: &Estimate, c: &CurveEstimate, lang: Lang) -> (Vec<Series>, f64) {
    let words = lang.words();
    let lines: Vec<Series> = c
        .cost
        .splits
        .iter()
        .filter(|(launch, _, _)| *launch == Launch::Ec2)
        .map(|(_, option, points)| {
            let line = Line::Ec2(*option);
            series(line, words.line(line).to_string(), points.iter().map(|p| (f64::from(p.baseline), p.monthly())).collect())
        })
        .collect();
    let best = c.cost.split(Launch::Ec2, e.inputs.buy).and_then(split::cheapest).map_or(0.0, |p| f64::from(p.baseline));
    (lines, best)
}

fn series(line: Line, label: String, points: Vec<(f64, f64)>) -> Series {
    let (color, dash) = style(line);
    Series { id: line, label, color, dash, points }
}

/// The break-even chart's lines (monthly USD against hours per task, 0–730)
/// and its crossings: every Fargate option with a rate here, and every priced
/// fleet option for the chosen type, each drawn through its bends (CPU
/// credits) and up to the hours it can run (standard credits).
pub fn hours_lines(e: &Estimate, lang: Lang) -> (Vec<Series>, Vec<Crossing>) {
    let (ev, words) = (&e.evaluation, lang.words());
    let reference = ev.line(Line::REFERENCE);
    let mut lines = Vec::new();
    let mut crossings = Vec::new();
    for line in Line::ALL {
        let Some(cost) = ev.line(line) else { continue };
        let until = ev.until(line);
        let hours = cost_line::in_order([0.0, until].into_iter().chain(cost.kinks().filter(|&k| k < until)));
        lines.push(series(line, words.line(line).to_string(), hours.iter().map(|&h| (h, cost.at(h))).collect()));
        let (Some((launch, option)), Some(reference)) = (line.fleet(), &reference) else { continue };
        let Some(b) = ev.break_even_of(launch, option) else { continue };
        for h in std::iter::once(b.above).chain(b.below) {
            crossings.push(Crossing { line, hours: h, usd: reference.at(h), label: lang.whole_hours(h), color: style(line).0 });
        }
    }
    (lines, crossings)
}

/// The task-count chart's x range: up to twice the current count, at least 20.
pub fn max_tasks_shown(e: &Estimate) -> u32 {
    (e.inputs.service().tasks * 2).clamp(20, crate::options::MAX_TASKS)
}

/// Monthly cost against the task count of the service the per-task options
/// set (the others' counts kept) at the current hours: Fargate on-demand (a
/// straight line) and each priced fleet option on the chosen instance type,
/// in steps as instances are added.
pub fn tasks_lines(e: &Estimate, lang: Lang) -> Vec<Series> {
    let max = max_tasks_shown(e);
    // At most ~400 steps drawn, whatever the range.
    let stride = max.div_ceil(400).max(1);
    let counts: Vec<u32> = (1..=max).step_by(stride as usize).collect();
    let ev = &e.evaluation;
    let billed = ev.fargate.billed_hours;
    let words = lang.words();
    let fargate = Line::REFERENCE;
    let k = e.inputs.at.min(e.scenario.services.len() - 1);
    // The other services' Fargate bill stays; this one's grows by the task.
    let (others, per_task) = ev.fargate.per_task_of(k);
    let mut lines =
        vec![series(fargate, words.line(fargate).into(), vec![(0.0, others), (f64::from(max), others + per_task * f64::from(max))])];
    // One fleet per count prices every option.
    let candidate = &ev.ec2.candidate;
    let mut swept = e.scenario.clone();
    let fleets: Vec<_> = counts
        .iter()
        .map(|&tasks| {
            swept.services[k].tasks = tasks;
            (tasks, scenario::fleet(&swept, &e.side, candidate, billed))
        })
        .collect();
    for line in Line::ALL {
        let Some((launch, option)) = line.fleet() else { continue };
        if ev.ec2.lines(launch, option).is_none() {
            continue;
        }
        let mut points: Vec<(f64, f64)> = Vec::with_capacity(counts.len() * 2);
        for (tasks, fleet) in &fleets {
            let Some(cost) = fleet.as_ref().and_then(|f| f.total(launch, option)) else { continue };
            // A step: flat from this count to the next one drawn. Where the
            // cost has not changed (the instances still have room), the last
            // flat segment just gets longer: the same line in fewer points,
            // so less SVG to write and parse on every slider step.
            let (from, to) = (f64::from(*tasks), f64::from((tasks + stride).min(max)));
            match points.last_mut() {
                Some(last) if *last == (from, cost) => last.0 = to,
                _ => points.extend([(from, cost), (to, cost)]),
            }
        }
        lines.push(series(line, format!("{} ({})", words.line(line), candidate.name), points));
    }
    lines
}

/// A point a person can hover or focus on a chart, and what it says.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartPoint {
    /// Hours, or tasks on the task-count chart.
    pub x: f64,
    pub usd: f64,
    pub text: String,
}

/// Each line's value at the current hours, and each break-even.
pub fn hours_points(e: &Estimate, lines: &[Series], crossings: &[Crossing], lang: Lang) -> Vec<ChartPoint> {
    let here = e.evaluation.fargate.billed_hours;
    let mut points: Vec<ChartPoint> = lines
        .iter()
        .filter_map(|s| {
            let usd = s.at(here)?;
            Some(ChartPoint { x: here, usd, text: i18n::charts::value_at_hours(lang, &s.label, usd, here) })
        })
        .collect();
    for c in crossings {
        points.push(ChartPoint { x: c.hours, usd: c.usd, text: i18n::charts::break_even(lang, c.line, c.hours, c.usd) });
    }
    points
}

/// Each task-chart line's value at the current task count.
pub fn tasks_points(e: &Estimate, lines: &[Series], lang: Lang) -> Vec<ChartPoint> {
    let tasks = e.inputs.service().tasks;
    lines
        .iter()
        .filter_map(|s| {
            let usd = s.at(f64::from(tasks))?;
            Some(ChartPoint { x: f64::from(tasks), usd, text: i18n::charts::value_at_tasks(lang, &s.label, usd, tasks) })
        })
        .collect()
}
