//! `fargate-vs-ec2 instances`: every type that holds a task, cheapest fleet
//! first for the purchase option: what the auto choice chose from.

use crate::format;
use crate::model::ec2::PurchaseOption;
use crate::model::scenario::{self, Candidate, Scenario, SidePrices};
use crate::model::task_size::gib_of;
use std::fmt::Write as _;

pub fn listing(scenario: &Scenario, side: &SidePrices, candidates: &[Candidate], json: bool, region: &str) -> String {
    let fleets = scenario::ranked(scenario, side, candidates);
    let buy = scenario.buy;
    let mut out = String::new();
    if json {
        let rows: Vec<serde_json::Value> = fleets
            .iter()
            .map(|f| {
                let h = &f.candidate.hourly;
                serde_json::json!({
                    "instance_type": f.candidate.name,
                    "vcpu": f.candidate.shape.vcpu,
                    "memory_gib": gib_of(f.candidate.shape.memory_mib),
                    "enis": f.candidate.shape.enis,
                    "awsvpc_trunking_tasks": f.candidate.shape.trunking_tasks,
                    "hourly": PurchaseOption::ALL.iter().map(|&o| (o.key().to_string(), h.get(o).into())).collect::<serde_json::Map<_, _>>(),
                    "tasks_per_instance": f.packing.map(|p| p.tasks_per_instance),
                    "instances": f.instances,
                    "monthly": f.monthly(buy),
                })
            })
            .collect();
        let json = serde_json::json!({
            "region": region, "platform": scenario.platform.slug(), "buy": buy.slug(),
            "candidates": rows,
            "not_fitting": candidates.len() - fleets.len(),
        });
        let _ = writeln!(out, "{json:#}");
        return out;
    }
    let _ = writeln!(
        out,
        "{:<18} {:>5} {:>8} {:>10} {:>6} {:>10} {:>14}",
        "type",
        "vCPU",
        "GiB",
        "USD/h",
        "tasks",
        "instances",
        format!("{} /mo", buy.slug())
    );
    for f in &fleets {
        let _ = writeln!(
            out,
            "{:<18} {:>5} {:>8} {:>10} {:>6} {:>10} {:>14}",
            f.candidate.name,
            f.candidate.shape.vcpu,
            format::gib(f.candidate.shape.memory_mib),
            f.candidate.hourly.get(buy).map_or("—".to_string(), format::usd_rate),
            f.packing.map_or_else(|| "—".to_string(), |p| p.tasks_per_instance.to_string()),
            f.instances,
            f.monthly(buy).map_or_else(|| "—".to_string(), format::usd)
        );
    }
    let _ = writeln!(out, "{} candidates; {} types cannot hold one task", fleets.len(), candidates.len() - fleets.len());
    out
}
