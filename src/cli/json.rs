//! The CLI's `--json`: the comparison as numbers, unrounded, with where each
//! price came from. Its keys are a contract: scripts and articles read them.

use crate::estimate::Estimate;
use crate::i18n::{self, Lang};
use crate::inputs::Inputs;
use crate::model::ec2::PurchaseOption;
use crate::model::fargate::FargateOption;
use crate::model::task_size::gib_of;
use crate::options::Opt;
use crate::pricing::{Manifest, RegionPrices};
use serde_json::{json, Map, Value};

/// Each option's value as JSON: numbers as numbers, `null` for what the
/// scenario does not use (hours on a schedule, minutes without one).
fn input(i: &Inputs, option: Opt) -> Value {
    let scheduled = i.runs.is_some();
    match option {
        Opt::Region => i.region.clone().into(),
        Opt::Platform => i.platform.slug().into(),
        Opt::Cpu => i.cpu.into(),
        Opt::Mem => i.mem.into(),
        Opt::Disk => i.disk.into(),
        Opt::Tasks => i.tasks.into(),
        Opt::Hours if scheduled => Value::Null,
        Opt::Hours => i.hours.into(),
        Opt::Runs => i.runs.into(),
        Opt::Minutes if scheduled => i.minutes.into(),
        Opt::Minutes => Value::Null,
        Opt::Ec2 => i.ec2.clone().into(),
        Opt::Buy => i.buy.slug().into(),
        Opt::Capacity => i.capacity.slug().into(),
        Opt::Min => i.min.into(),
        Opt::Reserve => i.reserve.into(),
        Opt::Net => i.net.slug().into(),
        Opt::Extra => i.extra.into(),
        Opt::Ops => i.ops.into(),
        Opt::Rate => i.rate.into(),
    }
}

/// `{ "on_demand": …, "reserved_1y": …, … }` over the EC2 purchase options.
fn by_purchase(f: impl Fn(PurchaseOption) -> Option<f64>) -> Value {
    Value::Object(PurchaseOption::ALL.into_iter().map(|o| (o.key().to_string(), f(o).map_or(Value::Null, Into::into))).collect())
}

/// The CLI's `--json` shape; numbers unrounded, `null` where a price is unknown.
/// `prices` is the region file the estimate was made from: where each of its
/// price classes came from goes in `snapshot.origins`.
pub fn comparison(e: &Estimate, manifest: &Manifest, prices: &RegionPrices) -> Value {
    let ev = &e.evaluation;
    let spec = &ev.ec2.candidate.shape;
    let on_demand = &e.rates.on_demand;
    let inputs: Map<String, Value> = Opt::ALL.into_iter().map(|o| (o.name().to_string(), input(&e.inputs, o))).collect();
    let fargate_monthly: Map<String, Value> =
        FargateOption::ALL.into_iter().map(|o| (o.key().to_string(), ev.fargate.monthly(o).map_or(Value::Null, Into::into))).collect();
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
            "task_hour": ev.fargate.task_hour,
            "monthly": fargate_monthly,
        },
        "ec2": {
            "instance_type": ev.ec2.candidate.name,
            "vcpu": spec.vcpu,
            "memory_gib": gib_of(spec.memory_mib),
            "tasks_per_instance": ev.ec2.packing.tasks_per_instance,
            "instances": ev.ec2.instances,
            "hourly": by_purchase(|o| ev.ec2.candidate.hourly.get(o)),
            "monthly": by_purchase(|o| ev.ec2.monthly(o)),
            "utilization": { "vcpu": ev.ec2.utilisation.vcpu, "memory": ev.ec2.utilisation.memory },
        },
        "break_even_hours": by_purchase(|o| ev.break_even(o)),
        "verdict": i18n::verdict::verdict(e, Lang::En),
    })
}
