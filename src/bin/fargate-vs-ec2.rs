//! The command-line explorer, on the same model and prices as the page.
//!
//!   fargate-vs-ec2 [--region R] [--platform P] [--cpu V] [--mem G] … [--json]
//!   fargate-vs-ec2 --url '<share link>' [--json]
//!   fargate-vs-ec2 instances [--region R] [--platform P] [other options] [--json]
//!
//! Bad input is one line on stderr naming the option and what it accepts, exit 2.

use fargate_vs_ec2::cli_args::{parse, Command};
use fargate_vs_ec2::estimate::{self, Estimate};
use fargate_vs_ec2::format;
use fargate_vs_ec2::model::ec2::PurchaseOption;
use fargate_vs_ec2::model::scenario;
use fargate_vs_ec2::model::task_size::gib_of;
use fargate_vs_ec2::pricing::{Manifest, RegionPrices};
use std::fmt::Write as _;
use std::io::Write as _;
use std::process::ExitCode;

fn read(dir: &std::path::Path, file: &str) -> Result<String, String> {
    std::fs::read_to_string(dir.join(file)).map_err(|e| format!("cannot read pricing file {}: {e}", dir.join(file).display()))
}

fn load(cmd: &Command) -> Result<(Manifest, RegionPrices), String> {
    let manifest = Manifest::parse(&read(&cmd.pricing, "manifest.json")?)?;
    estimate::check_region(&cmd.inputs, &manifest).map_err(|e| e.to_string())?;
    // Every type: `instances` lists them all, and a named one may be outclassed.
    let ec2 = RegionPrices::read_all(|file| read(&cmd.pricing, file), &cmd.inputs.region, cmd.inputs.platform)?;
    Ok((manifest, ec2))
}

fn money(x: Option<f64>) -> String {
    x.map_or_else(|| "—".to_string(), format::usd)
}

fn print_table(out: &mut String, e: &Estimate, manifest: &Manifest, prices: &RegionPrices) {
    let ev = &e.evaluation;
    let i = &e.inputs;
    writeln!(out, "{}", estimate::verdict(e)).unwrap();
    writeln!(out).unwrap();
    // Writing to a String cannot fail.
    let _ = writeln!(
        out,
        "Workload: {} tasks of {} vCPU / {} GiB, {} in {}, {} billed h/month per task",
        i.tasks,
        format::quantity(i.cpu),
        format::quantity(i.mem),
        i.platform.label(),
        i.region,
        format::quantity(ev.fargate.billed_hours)
    );
    // Writing to a String cannot fail.
    let _ = writeln!(
        out,
        "EC2 fleet: {} × {} ({} vCPU, {} GiB): {} tasks per instance, {}; utilisation {:.0}% vCPU, {:.0}% memory",
        ev.ec2.instances,
        ev.ec2.candidate.name,
        ev.ec2.candidate.shape.vcpu,
        format::gib(ev.ec2.candidate.shape.memory_mib),
        ev.ec2.packing.tasks_per_instance,
        ev.ec2.packing.bound,
        ev.ec2.utilisation.vcpu * 100.0,
        ev.ec2.utilisation.memory * 100.0
    );
    writeln!(out).unwrap();
    writeln!(out, "{:<22} {:>14} {:>16}", "option", "USD per month", "break-even h/mo").unwrap();
    let f = &ev.fargate;
    for (label, value) in [
        ("Fargate on-demand", Some(f.on_demand)),
        ("Fargate Spot", f.spot),
        ("Fargate Savings 1y", f.savings_plan_1y),
        ("Fargate Savings 3y", f.savings_plan_3y),
    ] {
        writeln!(out, "{label:<22} {:>14} {:>16}", money(value), "").unwrap();
    }
    for o in PurchaseOption::ALL {
        let be = ev.break_even(o).map_or_else(|| "none".to_string(), |h| format!("{h:.0}"));
        let be = if ev.ec2.monthly(o).is_none() { String::new() } else { be };
        writeln!(out, "{:<22} {:>14} {:>16}", o.label(), money(ev.ec2.monthly(o)), be).unwrap();
    }
    print_sources(out, manifest, prices);
}

/// Where every price class of the table came from, so a quoted figure
/// carries its source and date, as the page's footer does.
fn print_sources(out: &mut String, manifest: &Manifest, prices: &RegionPrices) {
    let title = |id: &str| manifest.source(id).map_or(id.to_string(), |s| s.title.clone());
    writeln!(out).unwrap();
    writeln!(out, "Prices: snapshot with data up to {}; sources and licences in pricing/SOURCES.md", manifest.date).unwrap();
    for (what, origin) in prices.origins() {
        let label = match what.as_str() {
            "ec2" => "EC2",
            "fargate on_demand" => "Fargate on-demand",
            "fargate spot" => "Fargate Spot",
            "fargate savings_plan_1y" => "Fargate Savings 1y",
            "fargate savings_plan_3y" => "Fargate Savings 3y",
            "fargate storage" => "Fargate storage",
            other => other,
        };
        let kind = origin.provenance.name();
        let as_of = origin.as_of.as_deref().map(|d| format!(", {d}")).unwrap_or_default();
        let note = origin.note.as_deref().map(|n| format!(" ({n})")).unwrap_or_default();
        writeln!(out, "  {label:<20} {kind}{as_of}: {}{note}", title(&origin.source)).unwrap();
    }
    for (label, id) in [("EC2 specs", &prices.specs_source), ("awsvpc task limits", &prices.trunking_source)] {
        writeln!(out, "  {label:<20} {}", title(id)).unwrap();
    }
}

fn list_instances(out: &mut String, cmd: &Command, ec2: &RegionPrices) -> Result<(), String> {
    let scenario = cmd.inputs.scenario().map_err(|e| e.to_string())?;
    let candidates = estimate::candidates(ec2);
    let fleets = scenario::ranked(&scenario, &candidates);
    let buy = cmd.inputs.buy;
    if cmd.json {
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
                    "hourly": {"on_demand": h.on_demand, "reserved_1y": h.reserved_1y, "reserved_3y": h.reserved_3y, "spot": h.spot},
                    "tasks_per_instance": f.packing.tasks_per_instance,
                    "instances": f.instances,
                    "monthly": f.monthly(buy),
                })
            })
            .collect();
        let buf = out;
        let json = serde_json::json!({
            "region": cmd.inputs.region, "platform": cmd.inputs.platform.slug(), "buy": buy.slug(),
            "candidates": rows,
            "not_fitting": candidates.len() - fleets.len(),
        });
        writeln!(buf, "{}", serde_json::to_string_pretty(&json).map_err(|e| e.to_string())?).unwrap();
    } else {
        writeln!(
            out,
            "{:<18} {:>5} {:>8} {:>10} {:>6} {:>10} {:>14}",
            "type",
            "vCPU",
            "GiB",
            "USD/h",
            "tasks",
            "instances",
            format!("{} /mo", buy.slug())
        )
        .unwrap();
        for f in &fleets {
            // Writing to a String cannot fail.
            let _ = writeln!(
                out,
                "{:<18} {:>5} {:>8} {:>10} {:>6} {:>10} {:>14}",
                f.candidate.name,
                f.candidate.shape.vcpu,
                format::gib(f.candidate.shape.memory_mib),
                f.candidate.hourly.get(buy).map_or("—".to_string(), format::usd_rate),
                f.packing.tasks_per_instance,
                f.instances,
                money(f.monthly(buy))
            );
        }
        writeln!(out, "{} candidates; {} types cannot hold one task", fleets.len(), candidates.len() - fleets.len()).unwrap();
    }
    Ok(())
}

fn run(out: &mut String, args: &[String]) -> Result<(), (u8, String)> {
    let cmd = parse(args).map_err(|e| (2, e))?;
    let (manifest, ec2) = load(&cmd).map_err(|e| (if e.starts_with("--") { 2 } else { 1 }, e))?;
    if cmd.list_instances {
        return list_instances(out, &cmd, &ec2).map_err(|e| (2, e));
    }
    let e = estimate::estimate(&cmd.inputs, &manifest, &ec2).map_err(|e| (2, e.to_string()))?;
    if cmd.json {
        let json = serde_json::to_string_pretty(&estimate::to_json(&e, &manifest, &ec2)).map_err(|e| (1, e.to_string()))?;
        writeln!(out, "{json}").unwrap();
    } else {
        print_table(out, &e, &manifest, &ec2);
    }
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut out = String::new();
    match run(&mut out, &args) {
        Ok(()) => {
            // A reader that stops early (`| head`) is not an error worth a message.
            match std::io::stdout().lock().write_all(out.as_bytes()) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    eprintln!("fargate-vs-ec2: {e}");
                    ExitCode::FAILURE
                }
                _ => ExitCode::SUCCESS,
            }
        }
        Err((code, message)) => {
            eprintln!("fargate-vs-ec2: {message}");
            ExitCode::from(code)
        }
    }
}
