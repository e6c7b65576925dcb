//! The CLI's `--json`: the comparison as numbers, unrounded, with where each
//! price came from. Its keys are a contract: scripts and articles read them.

use crate::estimate::{CurveEstimate, Estimate};
use crate::i18n::{self, Lang};
use crate::inputs::Inputs;
use crate::model::bill::{FargateParts, FleetParts};
use crate::model::curve::fleet::Scaling;
use crate::model::curve::{self, split, Arrangement, HOURS_PER_WEEK};
use crate::model::ec2::PurchaseOption;
use crate::model::fargate::FargateOption;
use crate::model::line::Launch;
use crate::model::scenario::BreakEven;
use crate::model::task_size::gib_of;
use crate::options::{Opt, IP_CHOICES};
use crate::pricing::{Manifest, RegionPrices};
use serde_json::{json, Map, Value};

/// Each option's value as JSON: numbers as numbers, `null` for what the
/// scenario does not use (hours on a schedule, minutes without one).
fn input(i: &Inputs, option: Opt) -> Value {
    let scheduled = i.runs.is_some();
    match option {
        Opt::Region => i.region.clone().into(),
        Opt::Platform => i.platform.slug().into(),
        Opt::Service => i.text(option).into(),
        Opt::Cpu => i.service().cpu.into(),
        Opt::Mem => i.service().mem.into(),
        Opt::Disk => i.service().disk.into(),
        Opt::CpuUse => i.service().cpu_use.into(),
        Opt::Tasks => i.service().tasks.into(),
        Opt::DaemonCpu => i.daemon_cpu.into(),
        Opt::DaemonMem => i.daemon_mem.into(),
        Opt::Headroom => i.headroom.into(),
        Opt::Hours if scheduled => Value::Null,
        Opt::Hours => i.hours.into(),
        Opt::Runs => i.runs.into(),
        Opt::Minutes if scheduled => i.minutes.into(),
        Opt::Minutes => Value::Null,
        Opt::Curve => i.text(option).into(),
        Opt::ScaleIn => i.scale_in.into(),
        Opt::Above => i.above.slug().into(),
        Opt::Ec2 => i.ec2.clone().into(),
        Opt::Buy => i.buy.slug().into(),
        Opt::Capacity => i.capacity.slug().into(),
        Opt::Min => i.min.into(),
        Opt::Reserve => i.reserve.into(),
        Opt::Net => i.net.slug().into(),
        Opt::Credits => i.credits.slug().into(),
        Opt::Ip => IP_CHOICES[usize::from(i.ip)].into(),
        Opt::Ebs => i.ebs.into(),
        Opt::Extra => i.extra.into(),
        Opt::Ops => i.ops.into(),
        Opt::Rate => i.rate.into(),
    }
}

/// Each service: its inputs, the size Fargate bills, and its Fargate
/// on-demand month (its public addresses included).
fn services(e: &Estimate) -> Value {
    let fargate = &e.evaluation.fargate;
    let rows = e.inputs.services.iter().zip(&fargate.services).enumerate().map(|(k, (s, f))| {
        json!({
            "name": s.name,
            "cpu": s.cpu,
            "mem": s.mem,
            "disk": s.disk,
            "cpu_use": s.cpu_use,
            "tasks": s.tasks,
            "sidecars": s.sidecars,
            "fargate_size": { "vcpu": f.size.vcpu(), "memory_gib": f.size.memory_gib() },
            "fargate_monthly": fargate.service_monthly(k, FargateOption::OnDemand),
        })
    });
    rows.collect::<Vec<_>>().into()
}

/// Where the fleet's tasks run: groups of instances holding the same tasks
/// of each service (deploy headroom included), the lower bound, and the
/// capacity idle between deployments as shares and USD a month.
fn placement(e: &Estimate) -> Value {
    let fleet = &e.evaluation.ec2;
    let names: Vec<&str> = e.inputs.services.iter().map(|s| s.name.as_str()).collect();
    let groups: Vec<Value> = fleet
        .placed()
        .into_iter()
        .map(|(count, load)| {
            let tasks: Map<String, Value> =
                names.iter().zip(&load).filter(|(_, &n)| n > 0).map(|(name, &n)| (name.to_string(), n.into())).collect();
            json!({ "instances": count, "tasks": tasks })
        })
        .collect();
    let idle_usd = fleet.idle_monthly(Launch::Ec2, e.inputs.buy);
    json!({
        "groups": groups,
        "lower_bound": fleet.placement.lower_bound,
        "headroom_percent": e.inputs.headroom,
        "daemons": { "vcpu": e.inputs.daemon_cpu, "memory_mib": e.inputs.daemon_mem },
        "idle": {
            "vcpu_share": fleet.idle.vcpu,
            "memory_share": fleet.idle.memory,
            "vcpu_monthly": idle_usd.map(|u| u.0),
            "memory_monthly": idle_usd.map(|u| u.1),
        },
    })
}

fn number(x: Option<f64>) -> Value {
    x.map_or(Value::Null, Into::into)
}

/// `{ "on_demand": …, "reserved_1y": …, … }` over `options`, keys prefixed.
fn by_option(options: &[PurchaseOption], prefix: &str, f: impl Fn(PurchaseOption) -> Option<f64>) -> Map<String, Value> {
    options.iter().map(|&o| (format!("{prefix}{}", o.key()), number(f(o)))).collect()
}

/// A week of load's answer (issue 27): hour by hour the tasks, instances
/// and what each hour costs; each purchase option's fleet and best split.
fn curve(e: &Estimate, c: &CurveEstimate) -> Value {
    let cost = &c.cost;
    let weeks = e.inputs.weeks().unwrap_or_default();
    let on_demand = c.candidate.hourly.on_demand;
    let fargate = &e.evaluation.fargate;
    let fargate_hour: Vec<f64> =
        (0..fargate.services.len()).map(|k| fargate.service_task_hour(k, FargateOption::OnDemand).unwrap_or(f64::NAN)).collect();
    let hours: Vec<Value> = (0..HOURS_PER_WEEK)
        .map(|h| {
            let tasks = curve::tasks_at(&weeks, h);
            let fargate: f64 = tasks.iter().zip(&fargate_hour).map(|(&n, usd)| f64::from(n) * usd).sum();
            json!({
                "tasks": tasks,
                "instances_needed": cost.needed[h],
                "instances_running": cost.running[h],
                "fargate_on_demand": fargate,
                "ec2_on_demand_instances": f64::from(cost.running[h]) * on_demand,
            })
        })
        .collect();
    let launch = |l: Launch| match l {
        Launch::Ec2 => "ec2",
        Launch::Managed => "managed_instances",
    };
    let fleets: Vec<Value> = cost
        .fleets
        .iter()
        .map(|(l, b)| json!({"launch": launch(*l), "option": b.option.key(), "committed": b.committed, "above": b.above.key(), "monthly": b.monthly}))
        .collect();
    // Each service's tasks of a baseline, by name.
    let per_service = |baseline: u32| -> Map<String, Value> {
        e.inputs.services.iter().zip(split::of_services(&weeks, baseline)).map(|(s, n)| (s.name.clone(), n.into())).collect()
    };
    let point = |p: &split::Point| json!({"baseline": p.baseline, "per_service": per_service(p.baseline), "instances": p.instances, "ec2": p.ec2, "fargate": p.fargate, "monthly": p.monthly()});
    let splits: Vec<Value> = cost
        .splits
        .iter()
        .map(|(l, o, points)| {
            json!({
                "launch": launch(*l),
                "option": o.key(),
                "best": split::cheapest(points).map(point),
                "monthly_by_baseline": points.iter().map(|p| p.monthly()).collect::<Vec<_>>(),
            })
        })
        .collect();
    let fargate_monthly: Map<String, Value> =
        FargateOption::ALL.into_iter().map(|o| (o.key().to_string(), number(cost.fargate[o as usize]))).collect();
    let fargate = cost.all_fargate().unwrap_or(f64::NAN);
    let cheapest = match cost.cheapest(Launch::Ec2, e.inputs.buy) {
        Arrangement::Fargate => json!({"arrangement": "fargate", "option": cost.above.fargate().key(), "monthly": fargate}),
        Arrangement::Fleet(b) => {
            json!({"arrangement": "fleet", "option": b.option.key(), "committed": b.committed, "above": b.above.key(), "monthly": b.monthly})
        }
        Arrangement::Split(p) => json!({
            "arrangement": "split",
            "option": e.inputs.buy.key(),
            "baseline": p.baseline,
            "per_service": per_service(p.baseline),
            "instances": p.instances,
            "monthly": p.monthly()
        }),
    };
    json!({
        "instance_type": c.candidate.name,
        "scale_in_hours": match e.inputs.scaling() { Scaling::Always => Value::Null, Scaling::Follow { scale_in_hours } => scale_in_hours.into() },
        // How the tasks above a baseline (all of them on all-Fargate) and the hours above a commitment are bought.
        "above": {"fargate": cost.above.fargate().key(), "ec2": cost.above.instances().key()},
        "hours": hours,
        "fargate_monthly": fargate_monthly,
        "fleets": fleets,
        "splits": splits,
        "cheapest": cheapest,
        "verdict": i18n::curve::verdict(e, c, Lang::En),
    })
}

fn fleet_parts(p: &FleetParts<f64>) -> Value {
    json!({
        "instances": p.instances,
        "cpu_credits": p.cpu_credits,
        "ebs": p.ebs,
        "public_ipv4": p.public_ipv4,
        "extra": p.extra,
        "ops": p.ops,
    })
}

fn fargate_parts(p: &FargateParts<f64>) -> Value {
    json!({ "tasks": p.tasks, "public_ipv4": p.public_ipv4 })
}

/// The break-evens of EC2's options, then Managed Instances' (`managed_…`).
fn break_evens(e: &Estimate, end: fn(BreakEven) -> Option<f64>) -> Value {
    let ev = &e.evaluation;
    let mut map = by_option(&PurchaseOption::ALL, "", |o| ev.break_even(o).and_then(end));
    map.extend(by_option(&Launch::MANAGED_OPTIONS, "managed_", |o| ev.break_even_of(Launch::Managed, o).and_then(end)));
    Value::Object(map)
}

/// The CLI's `--json` shape; numbers unrounded, `null` where a price is unknown.
/// `prices` is the region file the estimate was made from: where each of its
/// price classes came from goes in `snapshot.origins`.
pub fn comparison(e: &Estimate, manifest: &Manifest, prices: &RegionPrices) -> Value {
    let ev = &e.evaluation;
    let fleet = &ev.ec2;
    let spec = &fleet.candidate.shape;
    let on_demand = &e.rates.on_demand;
    let inputs: Map<String, Value> = Opt::ALL.into_iter().map(|o| (o.name().replace('-', "_"), input(&e.inputs, o))).collect();
    let fargate_monthly: Map<String, Value> =
        FargateOption::ALL.into_iter().map(|o| (o.key().to_string(), number(ev.fargate.monthly(o)))).collect();
    let buy = e.inputs.buy;
    let managed = prices.get(&fleet.candidate.name).and_then(|row| prices.managed_fee(row)).map(|(fee, provenance)| {
        json!({
            "fee_hour": fee,
            "fee_provenance": provenance.name(),
            "monthly": by_option(&Launch::MANAGED_OPTIONS, "", |o| fleet.total(Launch::Managed, o)),
        })
    });
    let credits = fleet.credits.map(|c| {
        json!({
            "mode": c.mode.slug(),
            "baseline_vcpu": c.burst.baseline_vcpu,
            "used_vcpu": c.used_vcpu,
            "rate_vcpu_hour": c.burst.surplus_vcpu_hour,
        })
    });
    json!({
        "inputs": inputs,
        "snapshot": {
            "date": manifest.date,
            "sources": manifest.sources.iter().map(|s| json!({"id": s.id, "title": s.title, "date": s.date, "kind": s.kind, "licence": s.licence})).collect::<Vec<_>>(),
            "origins": prices.origins().into_iter().map(|(class, o)| json!({"prices": class.key(), "source": o.source, "provenance": o.provenance, "as_of": o.as_of, "note": o.note})).collect::<Vec<_>>(),
        },
        "fargate": {
            "rates": {
                "vcpu_hour": on_demand.vcpu_hour,
                "gb_hour": on_demand.gb_hour,
                "storage_gb_hour": on_demand.storage_gb_hour,
                "os_vcpu_hour": on_demand.os_vcpu_hour,
            },
            "billed_hours": ev.fargate.billed_hours,
            "task_hour": ev.fargate.task_hour(),
            "monthly": fargate_monthly,
            "parts": ev.fargate.bill(FargateOption::OnDemand).as_ref().map(fargate_parts),
        },
        "ec2": {
            "instance_type": fleet.candidate.name,
            "vcpu": spec.vcpu,
            "memory_gib": gib_of(spec.memory_mib),
            "tasks_per_instance": fleet.packing.map(|p| p.tasks_per_instance),
            "instances": fleet.instances,
            "hourly": by_option(&PurchaseOption::ALL, "", |o| fleet.candidate.hourly.get(o)),
            "monthly": by_option(&PurchaseOption::ALL, "", |o| fleet.monthly(o)),
            "parts": fleet.bill(Launch::Ec2, buy).as_ref().map(fleet_parts),
            "cpu_credits": credits,
            "utilization": { "vcpu": fleet.utilisation.vcpu, "memory": fleet.utilisation.memory },
            "placement": placement(e),
        },
        "services": services(e),
        "curve": e.curve.as_ref().map(|c| curve(e, c)),
        "managed_instances": managed,
        "break_even_hours": break_evens(e, |b| Some(b.above)),
        "break_even_until_hours": break_evens(e, |b| b.below),
        "verdict": i18n::verdict::verdict(e, Lang::En),
    })
}
