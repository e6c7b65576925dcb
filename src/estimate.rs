//! The bridge from the price snapshot to the model: turns a region's prices
//! into the model's inputs, evaluates, and says the result in one sentence.
//! The CLI and (later) the page both go through here, so they cannot disagree.

use crate::chart::{self, Crossing, Dash, Series};
use crate::format;
use crate::i18n::Lang;
use crate::inputs::{InputError, Inputs};
use crate::model::ec2::{self as ec2_cost, PurchaseOption};
use crate::model::fargate::{self as fargate_cost, FargateTask};
use crate::model::fargate::{FargateRates, FREE_STORAGE_GIB};
use crate::model::platform::Platform;
use crate::model::scenario::{self, Candidate, Evaluation, FargateOptions, Scenario, ScenarioError};
use crate::model::task_size::gib_of;
use crate::model::HOURS_PER_MONTH;
use crate::pricing::{FargatePrices, Manifest, RateSet, RegionPrices};
use serde_json::{json, Value};

/// A finished comparison and what it was made from.
#[derive(Clone, Debug, PartialEq)]
pub struct Estimate {
    pub inputs: Inputs,
    pub scenario: Scenario,
    pub rates: FargateOptions,
    pub evaluation: Evaluation,
}

/// Why no estimate could be made. `Display` is the CLI's English line;
/// `explain` says it on the page, in its language.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// An option the CLI was given is invalid (the page never holds one).
    Input(InputError),
    /// The region has no Fargate price for the platform; `known` lists those it has.
    NoFargate {
        platform: Platform,
        region: String,
        known: Vec<Platform>,
    },
    /// More than the free 20 GiB of storage where its price is unknown.
    NoStoragePrice,
    Scenario(ScenarioError),
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Problem::Input(e) => e.fmt(f),
            Problem::NoFargate { platform, region, known } => {
                write!(f, "--platform: no Fargate {} price is known in {region}", platform.slug())?;
                if !known.is_empty() {
                    write!(f, "; known: {}", known.iter().map(|p| p.slug()).collect::<Vec<_>>().join(", "))?;
                }
                Ok(())
            }
            Problem::NoStoragePrice => write!(f, "no Fargate ephemeral storage price is known here; keep --disk at {FREE_STORAGE_GIB} GiB"),
            Problem::Scenario(e) => e.fmt(f),
        }
    }
}

impl Problem {
    /// The problem as the page says it.
    pub fn explain(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return match self {
                Problem::NoFargate { platform, region, known } if known.is_empty() => {
                    format!("No Fargate {} price is known in {region}.", platform.label())
                }
                Problem::NoFargate { platform, region, known } => {
                    let known: Vec<&str> = known.iter().map(|p| p.label()).collect();
                    format!("No Fargate {} price is known in {region}; it has prices for {}.", platform.label(), known.join(" and "))
                }
                Problem::NoStoragePrice => {
                    format!("No Fargate ephemeral storage price is known here; storage above {FREE_STORAGE_GIB} GiB cannot be priced.")
                }
                other => other.to_string(),
            };
        }
        match self {
            Problem::Input(e) => format!("参数 {} 的值无效：{}", e.option, e.given),
            Problem::NoFargate { platform, region, known } if known.is_empty() => {
                format!("{region} 没有已知的 Fargate {} 价格。", platform.label())
            }
            Problem::NoFargate { platform, region, known } => {
                let known: Vec<&str> = known.iter().map(|p| p.label()).collect();
                format!("{region} 没有已知的 Fargate {} 价格；有价格的平台：{}。", platform.label(), known.join("、"))
            }
            Problem::NoStoragePrice => format!("此区域没有已知的 Fargate 临时存储价格，超过 {FREE_STORAGE_GIB} GiB 的存储无法计价。"),
            Problem::Scenario(ScenarioError::Fargate(_)) => "Fargate 不支持这个任务规格。".to_string(),
            Problem::Scenario(ScenarioError::UsageOverMonth(h)) => {
                format!("每个任务将运行 {} 小时，超过了一个月的 730 小时。", format::decimals(*h, 1))
            }
            Problem::Scenario(ScenarioError::UnknownInstance(name)) => format!("此区域的这个平台没有 EC2 实例类型 {name}。"),
            Problem::Scenario(ScenarioError::InstanceTooSmall(name)) => format!("{name} 连一个这种规格的任务都容纳不下。"),
            Problem::Scenario(ScenarioError::NoCandidate(option)) => {
                format!("此区域没有既能容纳该任务、又有{}价格的 EC2 实例类型。", lang.words().purchase(*option))
            }
        }
    }
}

/// The region's Fargate rates for the platform, for each purchase option.
pub fn fargate_options(prices: &FargatePrices, storage_gib: u32) -> Result<FargateOptions, Problem> {
    let storage = prices.storage.as_ref();
    if storage_gib > FREE_STORAGE_GIB && storage.is_none() {
        return Err(Problem::NoStoragePrice);
    }
    let rates = |set: &RateSet| set.rates(storage);
    Ok(FargateOptions {
        on_demand: rates(&prices.on_demand),
        spot: prices.spot.as_ref().map(rates),
        savings_plan_1y: prices.savings_plan_1y.as_ref().map(rates),
        savings_plan_3y: prices.savings_plan_3y.as_ref().map(rates),
    })
}

/// Every instance type of the region file, with its specs and prices.
pub fn candidates(prices: &RegionPrices) -> Vec<Candidate> {
    prices.rows.iter().map(crate::pricing::Ec2Price::candidate).collect()
}

/// The types of a region file and of its outclassed companion (where
/// loaded), in type order as both files are: the picker lists them so.
pub fn every_candidate(prices: &RegionPrices, outclassed: Option<&RegionPrices>) -> Vec<Candidate> {
    let (mut a, mut b) = (candidates(prices).into_iter().peekable(), outclassed.map(candidates).unwrap_or_default().into_iter().peekable());
    let mut all = Vec::with_capacity(a.len() + b.len());
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if y.name < x.name => b.next(),
            (Some(_), _) => a.next(),
            (None, _) => b.next(),
        };
        let Some(c) = next else { return all };
        all.push(c);
    }
}

/// Whether the inputs name a type the region file leaves to its outclassed
/// companion (or one that is in neither: only the companion can tell).
pub fn names_an_outclassed_type(inputs: &Inputs, prices: &RegionPrices) -> bool {
    prices.outclassed_types > 0 && inputs.ec2 != "auto" && prices.get(&inputs.ec2).is_none()
}

/// Checks the region against the snapshot: a known region, with Fargate
/// prices for the platform (they are in its region file).
pub fn check_region(inputs: &Inputs, manifest: &Manifest) -> Result<(), Problem> {
    let region = manifest.region(&inputs.region).ok_or_else(|| {
        let codes: Vec<&str> = manifest.regions.iter().map(|r| r.code.as_str()).collect();
        Problem::Input(InputError { option: "region", given: inputs.region.clone(), accepted: codes.join(", ") })
    })?;
    if region.fargate.contains(&inputs.platform) {
        Ok(())
    } else {
        Err(Problem::NoFargate { platform: inputs.platform, region: region.code.clone(), known: region.fargate.clone() })
    }
}

/// The Fargate prices in the inputs' region file (`prices`).
pub fn fargate_prices<'p>(inputs: &Inputs, manifest: &Manifest, prices: &'p RegionPrices) -> Result<&'p FargatePrices, Problem> {
    check_region(inputs, manifest)?;
    prices.fargate.as_ref().ok_or_else(|| Problem::NoFargate {
        platform: inputs.platform,
        region: inputs.region.clone(),
        known: Vec::new(),
    })
}

pub fn estimate(inputs: &Inputs, manifest: &Manifest, prices: &RegionPrices) -> Result<Estimate, Problem> {
    estimate_with(inputs, manifest, prices, &candidates(prices))
}

/// `estimate` with the region file's `candidates` already built: the page
/// builds them once per price file, not on every slider step.
pub fn estimate_with(inputs: &Inputs, manifest: &Manifest, prices: &RegionPrices, candidates: &[Candidate]) -> Result<Estimate, Problem> {
    let scenario = inputs.scenario().map_err(Problem::Input)?;
    let rates = fargate_options(fargate_prices(inputs, manifest, prices)?, inputs.disk)?;
    let evaluation = scenario::evaluate(&scenario, &rates, candidates).map_err(Problem::Scenario)?;
    Ok(Estimate { inputs: inputs.clone(), scenario, rates, evaluation })
}

fn hours_text(e: &Estimate, lang: Lang) -> String {
    let h = format::quantity(e.evaluation.fargate.billed_hours);
    match (lang, e.inputs.runs.is_some()) {
        (Lang::En, true) => format!("{h} billed h/month per task"),
        (Lang::En, false) => format!("{h} h/month"),
        (Lang::Zh, true) => format!("每个任务每月计费 {h} 小时"),
        (Lang::Zh, false) => format!("每月 {h} 小时"),
    }
}

/// The one sentence that answers "Fargate or EC2?", in English (the CLI's).
pub fn verdict(e: &Estimate) -> String {
    verdict_in(e, Lang::En)
}

/// The one sentence that answers "Fargate or EC2?" for this estimate.
pub fn verdict_in(e: &Estimate, lang: Lang) -> String {
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
/// `prices` is the region file the estimate was made from: where each of its
/// price classes came from goes in `snapshot.origins`.
pub fn to_json(e: &Estimate, manifest: &Manifest, prices: &RegionPrices) -> Value {
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
            "origins": prices.origins().into_iter().map(|(what, o)| json!({"prices": what, "source": o.source, "provenance": o.provenance, "as_of": o.as_of, "note": o.note})).collect::<Vec<_>>(),
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
            "memory_gib": gib_of(spec.memory_mib),
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

/// The inputs' region file (region and platform) in `pricing/`, relative to it.
pub fn region_file_of(inputs: &Inputs) -> String {
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
    /// The line's id (`fargate-spot`); `Words::line` names it.
    pub id: &'static str,
    /// USD per month at the billed hours.
    pub monthly: f64,
    /// USD per task-hour.
    pub task_hour: f64,
}

/// Every Fargate option with a rate here: its monthly bill and per task-hour.
pub fn fargate_rows(e: &Estimate) -> Vec<FargateRow> {
    fargate_task_hours(e)
        .into_iter()
        .map(|(id, task_hour)| FargateRow {
            id,
            monthly: fargate_cost::monthly(task_hour, e.inputs.tasks, e.evaluation.fargate.billed_hours),
            task_hour,
        })
        .collect()
}

/// What the EC2 fleet costs per task-hour actually run (USD): the monthly bill
/// over the hours the tasks ran; None when they do not run at all.
pub fn ec2_per_task_hour(e: &Estimate, monthly: f64) -> Option<f64> {
    let task_hours = f64::from(e.inputs.tasks) * e.evaluation.fargate.billed_hours;
    (task_hours > 0.0).then(|| monthly / task_hours)
}

/// USD per task-hour on Fargate for each option that has a rate, by line id.
pub fn fargate_task_hours(e: &Estimate) -> Vec<(&'static str, f64)> {
    let Ok(task) = FargateTask::new(e.scenario.platform, e.scenario.size, e.scenario.storage_gib) else { return Vec::new() };
    let r = &e.rates;
    [
        ("fargate-on-demand", Some(&r.on_demand)),
        ("fargate-spot", r.spot.as_ref().filter(|_| e.evaluation.fargate.spot.is_some())),
        ("fargate-savings-plan-1y", r.savings_plan_1y.as_ref()),
        ("fargate-savings-plan-3y", r.savings_plan_3y.as_ref()),
    ]
    .into_iter()
    .filter_map(|(id, rates)| Some((id, task.hourly(rates?))))
    .collect()
}

/// The break-even chart's lines (monthly USD against hours per task, 0–730)
/// and its crossings: Fargate on-demand and Spot, and every priced EC2 option
/// for the chosen fleet.
pub fn chart_lines(e: &Estimate, lang: Lang) -> (Vec<Series>, Vec<Crossing>) {
    let tasks = e.inputs.tasks;
    let words = lang.words();
    let mut series = Vec::new();
    for (id, task_hour) in fargate_task_hours(e) {
        let (color, dash) = match id {
            "fargate-on-demand" => (chart::BLUE, Dash::Solid),
            "fargate-spot" => (chart::SKY, Dash::Dashed),
            "fargate-savings-plan-1y" => (chart::BLUE, Dash::Dashed),
            _ => (chart::BLUE, Dash::Dotted),
        };
        let points = vec![(0.0, 0.0), (HOURS_PER_MONTH, fargate_cost::monthly(task_hour, tasks, HOURS_PER_MONTH))];
        series.push(Series { id: id.to_string(), label: words.line(id).to_string(), color, dash, points });
    }
    let fleet = &e.evaluation.ec2;
    let mut crossings = Vec::new();
    for option in PurchaseOption::ALL {
        let Some(hourly) = fleet.candidate.hourly.get(option) else { continue };
        let at = |h: f64| {
            ec2_cost::monthly(fleet.instances, hourly, ec2_cost::instance_hours(option, e.scenario.capacity, h), e.scenario.overheads)
        };
        let (color, dash) = ec2_style(option);
        series.push(Series {
            id: ec2_line(option),
            label: words.purchase(option).to_string(),
            color,
            dash,
            points: vec![(0.0, at(0.0)), (HOURS_PER_MONTH, at(HOURS_PER_MONTH))],
        });
        if let Some(h) = e.evaluation.break_even(option) {
            crossings.push(Crossing {
                option_id: ec2_line(option),
                hours: h,
                usd: fargate_cost::monthly(e.evaluation.fargate.task_hour, tasks, h),
                label: lang.hours(h.round()),
                color,
            });
        }
    }
    (series, crossings)
}

/// The id of an EC2 option's line: `ec2-reserved-3y`.
pub fn ec2_line(option: PurchaseOption) -> String {
    format!("ec2-{}", option.slug())
}

/// The task-count chart's x range: up to twice the current count, at least 20.
pub fn max_tasks_shown(e: &Estimate) -> u32 {
    (e.inputs.tasks * 2).clamp(20, crate::inputs::MAX_TASKS)
}

/// Monthly cost against the task count at the current hours: Fargate on-demand
/// (a straight line) and each priced EC2 option on the chosen instance type,
/// in steps as instances are added.
pub fn tasks_lines(e: &Estimate, lang: Lang) -> Vec<Series> {
    let max = max_tasks_shown(e);
    // At most ~400 steps drawn, whatever the range.
    let stride = max.div_ceil(400).max(1);
    let counts: Vec<u32> = (1..=max).step_by(stride as usize).collect();
    let billed = e.evaluation.fargate.billed_hours;
    let task_hour = e.evaluation.fargate.task_hour;
    let words = lang.words();
    let mut series = vec![Series {
        id: "fargate-on-demand".into(),
        label: words.fargate_on_demand.into(),
        color: chart::BLUE,
        dash: Dash::Solid,
        points: vec![(0.0, 0.0), (f64::from(max), fargate_cost::monthly(task_hour, max, billed))],
    }];
    // One fleet per count prices every purchase option.
    let fleets: Vec<_> = counts
        .iter()
        .map(|&tasks| {
            let scenario = Scenario { tasks, ..e.scenario.clone() };
            (tasks, scenario::fleet(&scenario, &e.evaluation.ec2.candidate, billed))
        })
        .collect();
    for option in PurchaseOption::ALL {
        if e.evaluation.ec2.candidate.hourly.get(option).is_none() {
            continue;
        }
        let mut points: Vec<(f64, f64)> = Vec::with_capacity(counts.len() * 2);
        for (tasks, fleet) in &fleets {
            let Some(cost) = fleet.as_ref().and_then(|f| f.monthly(option)) else { continue };
            let tasks = *tasks;
            // A step: flat from this count to the next one drawn. Where the
            // cost has not changed (the instances still have room), the last
            // flat segment just gets longer: the same line in fewer points,
            // so less SVG to write and parse on every slider step.
            let (from, to) = (f64::from(tasks), f64::from((tasks + stride).min(max)));
            match points.last_mut() {
                Some(last) if *last == (from, cost) => last.0 = to,
                _ => points.extend([(from, cost), (to, cost)]),
            }
        }
        let (color, dash) = ec2_style(option);
        series.push(Series {
            id: ec2_line(option),
            label: format!("{} ({})", words.purchase(option), e.evaluation.ec2.candidate.name),
            color,
            dash,
            points,
        });
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
pub fn hours_points(e: &Estimate, series: &[Series], crossings: &[Crossing], lang: Lang) -> Vec<ChartPoint> {
    let here = e.evaluation.fargate.billed_hours;
    let mut points: Vec<ChartPoint> = series
        .iter()
        .filter_map(|s| {
            let usd = s.at(here)?;
            let text = match lang {
                Lang::En => format!("{}: {} a month at {} h", s.label, lang.usd(usd), format::quantity(here)),
                Lang::Zh => format!("{}：每个任务 {} 小时，每月 {}", s.label, format::quantity(here), lang.usd(usd)),
            };
            Some(ChartPoint { hours: here, usd, text })
        })
        .collect();
    let words = lang.words();
    for c in crossings {
        let (option, h, usd) = (words.line(&c.option_id), format::decimals(c.hours, 0), lang.usd(c.usd));
        let text = match lang {
            Lang::En => format!("{option} meets Fargate on-demand at {h} h/month per task: {usd} a month"),
            Lang::Zh => format!("{option}在每个任务每月 {h} 小时处与 Fargate 按需持平：每月 {usd}"),
        };
        points.push(ChartPoint { hours: c.hours, usd: c.usd, text });
    }
    points
}

/// Each task-chart line's value at the current task count.
pub fn tasks_points(e: &Estimate, series: &[Series], lang: Lang) -> Vec<ChartPoint> {
    let tasks = f64::from(e.inputs.tasks);
    series
        .iter()
        .filter_map(|s| {
            let usd = s.at(tasks)?;
            let text = match lang {
                Lang::En => format!("{}: {} a month for {} tasks", s.label, lang.usd(usd), e.inputs.tasks),
                Lang::Zh => format!("{}：{} 个任务每月 {}", s.label, e.inputs.tasks, lang.usd(usd)),
            };
            Some(ChartPoint { hours: tasks, usd, text })
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
    // Column names are ids, not labels: the same file whatever the page's language.
    let (series, _) = chart_lines(e, Lang::En);
    let mut out = String::from("hours_per_task");
    for s in &series {
        out.push(',');
        out.push_str(&format!("{}_usd_per_month", s.id.replace('-', "_")));
    }
    out.push('\n');
    for hour in 0..=HOURS_PER_MONTH as u32 {
        let h = f64::from(hour);
        out.push_str(&hour.to_string());
        for s in &series {
            out.push(',');
            if let Some(usd) = s.at(h) {
                out.push_str(&crate::decimal::shortest(usd));
            }
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_fargate_names_the_platforms_that_have_prices() {
        let problem = |known: Vec<Platform>| Problem::NoFargate { platform: Platform::Windows, region: "eu-central-1".into(), known };
        let some = problem(vec![Platform::LinuxX86, Platform::LinuxArm]);
        assert_eq!(some.explain(Lang::En), "No Fargate Windows price is known in eu-central-1; it has prices for Linux/x86 and Linux/ARM.");
        assert_eq!(some.explain(Lang::Zh), "eu-central-1 没有已知的 Fargate Windows 价格；有价格的平台：Linux/x86、Linux/ARM。");
        assert_eq!(problem(Vec::new()).explain(Lang::En), "No Fargate Windows price is known in eu-central-1.");
        assert_eq!(some.to_string(), "--platform: no Fargate windows price is known in eu-central-1; known: linux-x86, linux-arm");
    }

    fn committed(path: &str) -> Result<String, String> {
        std::fs::read_to_string(format!("{}/pricing/{path}", env!("CARGO_MANIFEST_DIR"))).map_err(|e| e.to_string())
    }

    #[test]
    fn a_file_and_its_companion_give_every_type_in_order_and_the_companion_only_when_named() {
        let file = RegionPrices::parse(&committed("regions/us-east-1/linux-x86.json").unwrap()).unwrap();
        let more = RegionPrices::parse(&committed("regions/us-east-1/linux-x86-outclassed.json").unwrap()).unwrap();
        let all = RegionPrices::read_all(committed, "us-east-1", Platform::LinuxX86).unwrap();
        assert_eq!(every_candidate(&file, Some(&more)), candidates(&all));
        assert_eq!(every_candidate(&file, None), candidates(&file));
        let named = |ec2: &str| names_an_outclassed_type(&Inputs { ec2: ec2.into(), ..Inputs::default() }, &file);
        assert!(named("m5.large") && named("no.such-type"), "only the companion can tell");
        assert!(!named("auto") && !named("m5a.large") && !named_in_all(&all));
        fn named_in_all(all: &RegionPrices) -> bool {
            names_an_outclassed_type(&Inputs { ec2: "m5.large".into(), ..Inputs::default() }, all)
        }
    }
}
