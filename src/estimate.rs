//! The bridge from the price snapshot to the model: turns a region's prices
//! into the model's inputs, evaluates, and says the result in one sentence.
//! The CLI and (later) the page both go through here, so they cannot disagree.

use crate::chart::{self, Crossing, Dash, Series};
use crate::format;
use crate::inputs::{InputError, Inputs};
use crate::model::ec2::{self as ec2_cost, Ec2Hourly, PurchaseOption};
use crate::model::fargate::{self as fargate_cost, FargateTask};
use crate::model::fargate::{FargateRates, FREE_STORAGE_GIB};
use crate::model::packing::InstanceShape;
use crate::model::scenario::{self, Candidate, Evaluation, FargateOptions, Scenario};
use crate::model::HOURS_PER_MONTH;
use crate::pricing::{Ec2Prices, FargatePrices, Instances, Manifest, RateSet};
use serde_json::{json, Value};

/// A finished comparison and what it was made from.
#[derive(Clone, Debug, PartialEq)]
pub struct Estimate {
    pub inputs: Inputs,
    pub scenario: Scenario,
    pub rates: FargateOptions,
    pub evaluation: Evaluation,
}

/// The region's Fargate rates for the platform, for each purchase option.
pub fn fargate_options(prices: &FargatePrices, storage_gib: u32) -> Result<FargateOptions, String> {
    let storage = prices.storage.as_ref();
    if storage_gib > FREE_STORAGE_GIB && storage.is_none() {
        return Err(format!("no Fargate ephemeral storage price is known here; keep --disk at {FREE_STORAGE_GIB} GiB"));
    }
    let rates = |set: &RateSet| set.rates(storage);
    Ok(FargateOptions {
        on_demand: rates(&prices.on_demand),
        spot: prices.spot.as_ref().map(rates),
        savings_plan_1y: prices.savings_plan_1y.as_ref().map(rates),
        savings_plan_3y: prices.savings_plan_3y.as_ref().map(rates),
    })
}

/// Every priced instance type of the region's platform file, with its specs.
pub fn candidates(instances: &Instances, prices: &Ec2Prices) -> Vec<Candidate> {
    prices
        .rows
        .iter()
        .filter_map(|p| {
            let spec = instances.get(&p.instance_type)?;
            Some(Candidate {
                name: p.instance_type.clone(),
                shape: InstanceShape { vcpu: spec.vcpu, memory_mib: spec.memory_mib, enis: spec.enis, trunking_tasks: spec.trunking_tasks },
                hourly: Ec2Hourly { on_demand: p.on_demand, reserved_1y: p.reserved_1y, reserved_3y: p.reserved_3y, spot: p.spot },
            })
        })
        .collect()
}

/// Checks the region and platform against the snapshot.
pub fn fargate_prices<'m>(inputs: &Inputs, manifest: &'m Manifest) -> Result<&'m FargatePrices, String> {
    let region = manifest.region(&inputs.region).ok_or_else(|| {
        let codes: Vec<&str> = manifest.regions.iter().map(|r| r.code.as_str()).collect();
        InputError { option: "region", given: inputs.region.clone(), accepted: codes.join(", ") }.to_string()
    })?;
    region.fargate.get(&inputs.platform).ok_or_else(|| {
        let known: Vec<&str> = region.fargate.keys().map(|p| p.slug()).collect();
        format!(
            "--platform: no Fargate {} price is known in {}{}",
            inputs.platform.slug(),
            region.code,
            if known.is_empty() { String::new() } else { format!("; known: {}", known.join(", ")) }
        )
    })
}

pub fn estimate(inputs: &Inputs, manifest: &Manifest, instances: &Instances, ec2: &Ec2Prices) -> Result<Estimate, String> {
    let scenario = inputs.scenario().map_err(|e| e.to_string())?;
    let rates = fargate_options(fargate_prices(inputs, manifest)?, inputs.disk)?;
    let evaluation = scenario::evaluate(&scenario, &rates, &candidates(instances, ec2)).map_err(|e| e.to_string())?;
    Ok(Estimate { inputs: inputs.clone(), scenario, rates, evaluation })
}

fn hours_text(e: &Estimate) -> String {
    let h = e.evaluation.fargate.billed_hours;
    if e.inputs.runs.is_some() {
        format!("{} billed h/month per task", format::quantity(h))
    } else {
        format!("{} h/month", format::quantity(h))
    }
}

/// The one sentence that answers "Fargate or EC2?" for this estimate.
pub fn verdict(e: &Estimate) -> String {
    let ev = &e.evaluation;
    let buy = e.inputs.buy;
    let fleet = format!("{} × {}", ev.ec2.instances, ev.ec2.candidate.name);
    let Some(ec2) = ev.ec2.monthly(buy) else {
        return format!(
            "At {}, Fargate costs {}; {} has no {} price here.",
            hours_text(e),
            format::usd(ev.fargate.on_demand),
            ev.ec2.candidate.name,
            buy.slug()
        );
    };
    let head = format!("At {}, Fargate costs {} and {} ({fleet}) {}", hours_text(e), format::usd(ev.fargate.on_demand), buy.label(), format::usd(ec2));
    match ev.break_even(buy) {
        Some(h) if h <= 0.0 => format!("{head}: EC2 is cheaper at any usage."),
        Some(h) => format!(
            "{head}: EC2 is cheaper above {} h/month per task ({} of the month), Fargate below.",
            h.round(),
            format::percent_of_month(h)
        ),
        None => format!("{head}: Fargate is cheaper at any usage up to the full month."),
    }
}

fn options<T>(f: impl Fn(PurchaseOption) -> Option<T>) -> Value
where
    T: Into<Value>,
{
    let mut map = serde_json::Map::new();
    for o in PurchaseOption::ALL {
        map.insert(o.key().into(), f(o).map_or(Value::Null, Into::into));
    }
    Value::Object(map)
}

/// The CLI's `--json` shape; numbers unrounded, `null` where a price is unknown.
pub fn to_json(e: &Estimate, manifest: &Manifest) -> Value {
    let i = &e.inputs;
    let ev = &e.evaluation;
    let spec = &ev.ec2.candidate.shape;
    let on_demand: &FargateRates = &e.rates.on_demand;
    json!({
        "inputs": {
            "region": i.region, "platform": i.platform.slug(), "cpu": i.cpu, "mem": i.mem, "disk": i.disk,
            "tasks": i.tasks, "hours": if i.runs.is_some() { Value::Null } else { i.hours.into() },
            "runs": i.runs, "minutes": if i.runs.is_some() { i.minutes.into() } else { Value::Null },
            "ec2": i.ec2, "buy": i.buy.slug(), "capacity": i.capacity.slug(), "min": i.min, "reserve": i.reserve,
            "net": i.net.slug(), "extra": i.extra, "ops": i.ops, "rate": i.rate,
        },
        "snapshot": {
            "date": manifest.date,
            "sources": manifest.sources.iter().map(|s| json!({"id": s.id, "title": s.title, "date": s.date, "kind": s.kind, "licence": s.licence})).collect::<Vec<_>>(),
        },
        "fargate": {
            "rates": {
                "vcpu_hour": on_demand.vcpu_hour,
                "gb_hour": on_demand.gb_hour,
                "storage_gb_hour": on_demand.storage_gb_hour,
                "os_vcpu_hour": on_demand.os_vcpu_hour,
            },
            "billed_hours": ev.fargate.billed_hours,
            "task_hour": ev.fargate.task_hour,
            "monthly": {
                "on_demand": ev.fargate.on_demand,
                "spot": ev.fargate.spot,
                "savings_plan_1y": ev.fargate.savings_plan_1y,
                "savings_plan_3y": ev.fargate.savings_plan_3y,
            },
        },
        "ec2": {
            "instance_type": ev.ec2.candidate.name,
            "vcpu": spec.vcpu,
            "memory_gib": f64::from(spec.memory_mib) / 1024.0,
            "tasks_per_instance": ev.ec2.packing.tasks_per_instance,
            "instances": ev.ec2.instances,
            "hourly": options(|o| ev.ec2.candidate.hourly.get(o)),
            "monthly": options(|o| ev.ec2.monthly(o)),
            "utilization": { "vcpu": ev.ec2.utilisation.vcpu, "memory": ev.ec2.utilisation.memory },
        },
        "break_even_hours": options(|o| ev.break_even(o)),
        "verdict": verdict(e),
    })
}

/// The platform's EC2 file in `pricing/`, relative to it.
pub fn ec2_file(inputs: &Inputs) -> String {
    crate::pricing::region_file(&inputs.region, inputs.platform)
}


/// How each option is drawn: colour-blind-safe colours, and dashes so lines
/// differ by more than colour.
pub fn ec2_style(option: PurchaseOption) -> (chart::RGBColor, Dash) {
    match option {
        PurchaseOption::OnDemand => (chart::VERMILLION, Dash::Solid),
        PurchaseOption::Reserved1y => (chart::GREEN, Dash::Dashed),
        PurchaseOption::Reserved3y => (chart::GREEN, Dash::Dotted),
        PurchaseOption::Spot => (chart::PURPLE, Dash::Dashed),
    }
}

/// One Fargate purchase option's bill, USD.
#[derive(Clone, Debug, PartialEq)]
pub struct FargateRow {
    pub label: &'static str,
    /// USD per month at the billed hours.
    pub monthly: f64,
    /// USD per task-hour.
    pub task_hour: f64,
}

/// Every Fargate option with a rate here: its monthly bill and per task-hour.
pub fn fargate_rows(e: &Estimate) -> Vec<FargateRow> {
    fargate_task_hours(e)
        .into_iter()
        .map(|(label, task_hour)| FargateRow { label, monthly: fargate_cost::monthly(task_hour, e.inputs.tasks, e.evaluation.fargate.billed_hours), task_hour })
        .collect()
}

/// What the EC2 fleet costs per task-hour actually run (USD): the monthly bill
/// over the hours the tasks ran; None when they do not run at all.
pub fn ec2_per_task_hour(e: &Estimate, monthly: f64) -> Option<f64> {
    let task_hours = f64::from(e.inputs.tasks) * e.evaluation.fargate.billed_hours;
    (task_hours > 0.0).then(|| monthly / task_hours)
}

/// USD per task-hour on Fargate for each option that has a rate.
pub fn fargate_task_hours(e: &Estimate) -> Vec<(&'static str, f64)> {
    let Ok(task) = FargateTask::new(e.scenario.platform, e.scenario.size, e.scenario.storage_gib) else { return Vec::new() };
    let r = &e.rates;
    [("Fargate on-demand", Some(&r.on_demand)), ("Fargate Spot", r.spot.as_ref().filter(|_| e.evaluation.fargate.spot.is_some())), ("Fargate Savings Plan 1y", r.savings_plan_1y.as_ref()), ("Fargate Savings Plan 3y", r.savings_plan_3y.as_ref())]
        .into_iter()
        .filter_map(|(label, rates)| Some((label, task.hourly(rates?))))
        .collect()
}

/// The break-even chart's lines (monthly USD against hours per task, 0–730)
/// and its crossings: Fargate on-demand and Spot, and every priced EC2 option
/// for the chosen fleet.
pub fn chart_lines(e: &Estimate) -> (Vec<Series>, Vec<Crossing>) {
    let tasks = e.inputs.tasks;
    let mut series = Vec::new();
    for (label, task_hour) in fargate_task_hours(e) {
        let (color, dash) = match label {
            "Fargate on-demand" => (chart::BLUE, Dash::Solid),
            "Fargate Spot" => (chart::SKY, Dash::Dashed),
            "Fargate Savings Plan 1y" => (chart::BLUE, Dash::Dashed),
            _ => (chart::BLUE, Dash::Dotted),
        };
        let points = vec![(0.0, 0.0), (HOURS_PER_MONTH, fargate_cost::monthly(task_hour, tasks, HOURS_PER_MONTH))];
        series.push(Series { label: label.to_string(), color, dash, points });
    }
    let fleet = &e.evaluation.ec2;
    let mut crossings = Vec::new();
    for option in PurchaseOption::ALL {
        let Some(hourly) = fleet.candidate.hourly.get(option) else { continue };
        let at = |h: f64| ec2_cost::monthly(fleet.instances, hourly, ec2_cost::instance_hours(option, e.scenario.capacity, h), e.scenario.overheads);
        let (color, dash) = ec2_style(option);
        series.push(Series { label: option.label().to_string(), color, dash, points: vec![(0.0, at(0.0)), (HOURS_PER_MONTH, at(HOURS_PER_MONTH))] });
        if let Some(h) = e.evaluation.break_even(option) {
            crossings.push(Crossing { option_label: option.label().to_string(), hours: h, usd: fargate_cost::monthly(e.evaluation.fargate.task_hour, tasks, h), label: format!("{} h", h.round()), color });
        }
    }
    (series, crossings)
}

/// The task-count chart's x range: up to twice the current count, at least 20.
pub fn max_tasks_shown(e: &Estimate) -> u32 {
    (e.inputs.tasks * 2).clamp(20, crate::inputs::MAX_TASKS)
}

/// Monthly cost against the task count at the current hours: Fargate on-demand
/// (a straight line) and each priced EC2 option on the chosen instance type,
/// in steps as instances are added.
pub fn tasks_lines(e: &Estimate) -> Vec<Series> {
    let max = max_tasks_shown(e);
    // At most ~400 steps drawn, whatever the range.
    let stride = max.div_ceil(400).max(1);
    let counts: Vec<u32> = (1..=max).step_by(stride as usize).collect();
    let billed = e.evaluation.fargate.billed_hours;
    let task_hour = e.evaluation.fargate.task_hour;
    let mut series = vec![Series {
        label: "Fargate on-demand".into(),
        color: chart::BLUE,
        dash: Dash::Solid,
        points: vec![(0.0, 0.0), (f64::from(max), fargate_cost::monthly(task_hour, max, billed))],
    }];
    for option in PurchaseOption::ALL {
        if e.evaluation.ec2.candidate.hourly.get(option).is_none() {
            continue;
        }
        let mut points = Vec::with_capacity(counts.len() * 2);
        for &tasks in &counts {
            let mut scenario = e.scenario.clone();
            scenario.tasks = tasks;
            let Some(cost) = scenario::fleet(&scenario, &e.evaluation.ec2.candidate, billed).and_then(|f| f.monthly(option)) else { continue };
            // A step: flat from this count to the next one drawn.
            points.push((f64::from(tasks), cost));
            points.push((f64::from((tasks + stride).min(max)), cost));
        }
        let (color, dash) = ec2_style(option);
        series.push(Series { label: format!("{} ({})", option.label(), e.evaluation.ec2.candidate.name), color, dash, points });
    }
    series
}

/// A point a person can hover or focus on the hours chart, and what it says.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartPoint {
    pub hours: f64,
    pub usd: f64,
    pub text: String,
}

/// Each line's value at the current hours, and each break-even.
pub fn hours_points(e: &Estimate, series: &[Series], crossings: &[Crossing]) -> Vec<ChartPoint> {
    let here = e.evaluation.fargate.billed_hours;
    let mut points: Vec<ChartPoint> = series
        .iter()
        .filter_map(|s| {
            let usd = s.at(here)?;
            Some(ChartPoint { hours: here, usd, text: format!("{}: {} a month at {} h", s.label, format::usd(usd), format::quantity(here)) })
        })
        .collect();
    for c in crossings {
        points.push(ChartPoint {
            hours: c.hours,
            usd: c.usd,
            text: format!("{} meets Fargate on-demand at {} h/month per task: {} a month", c.option_label, c.hours.round(), format::usd(c.usd)),
        });
    }
    points
}

/// Each task-chart line's value at the current task count.
pub fn tasks_points(e: &Estimate, series: &[Series]) -> Vec<ChartPoint> {
    let tasks = f64::from(e.inputs.tasks);
    series
        .iter()
        .filter_map(|s| {
            let usd = s.at(tasks)?;
            Some(ChartPoint { hours: tasks, usd, text: format!("{}: {} a month for {} tasks", s.label, format::usd(usd), e.inputs.tasks) })
        })
        .collect()
}

/// A file name that says the scenario: `fargate-vs-ec2_us-east-1_linux-x86_10x1vcpu-2gib`.
pub fn file_stem(e: &Estimate) -> String {
    let i = &e.inputs;
    let usage = match i.runs {
        Some(runs) => format!("{runs}runs-{}min", format::quantity(i.minutes)),
        None => format!("{}h", format::quantity(i.hours)),
    };
    format!(
        "fargate-vs-ec2_{}_{}_{}x{}vcpu-{}gib_{usage}_{}",
        i.region,
        i.platform.slug(),
        i.tasks,
        format::quantity(i.cpu),
        format::quantity(i.mem),
        e.evaluation.ec2.candidate.name
    )
}

/// The numbers behind the hours chart: one row per whole hour per task,
/// 0–730, one column per option, USD per month (unrounded).
pub fn hours_csv(e: &Estimate) -> String {
    let (series, _) = chart_lines(e);
    let column = |label: &str| format!("{}_usd_per_month", label.to_lowercase().replace([' ', '-'], "_"));
    let mut out = String::from("hours_per_task");
    for s in &series {
        out.push(',');
        out.push_str(&column(&s.label));
    }
    out.push('\n');
    for hour in 0..=HOURS_PER_MONTH as u32 {
        let h = f64::from(hour);
        out.push_str(&hour.to_string());
        for s in &series {
            out.push(',');
            if let Some(usd) = s.at(h) {
                out.push_str(&usd.to_string());
            }
        }
        out.push('\n');
    }
    out
}
