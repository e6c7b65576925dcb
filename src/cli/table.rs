//! The CLI's answer as text: the verdict, the workload and fleet, every
//! option's monthly cost and break-even, and where each price came from.

use crate::estimate::{self, CurveEstimate, Estimate};
use crate::format;
use crate::i18n::{self, Lang};
use crate::inputs::ServiceInputs;
use crate::model::curve::fleet::Scaling;
use crate::model::curve::{split, Arrangement};
use crate::model::ec2::PurchaseOption;
use crate::model::fargate::FargateOption;
use crate::model::line::Launch;
use crate::model::line::Line;
use crate::pricing::{Ec2Extra, Manifest, PriceClass, RegionPrices};
use std::fmt::Write as _;

fn money(x: Option<f64>) -> String {
    x.map_or_else(|| "—".to_string(), format::usd)
}

pub fn comparison(e: &Estimate, manifest: &Manifest, prices: &RegionPrices) -> String {
    let (ev, i, words) = (&e.evaluation, &e.inputs, Lang::En.words());
    let mut out = String::new();
    // Writing to a String cannot fail.
    if let Some(c) = &e.curve {
        let _ = writeln!(out, "{}", i18n::curve::verdict(e, c, Lang::En));
        // What follows is today's steady answer, as the page's curve notice says.
        let _ = writeln!(out, "\nFor each service's busiest hour all month (what the tables below answer for):");
    }
    let _ = writeln!(out, "{}\n", i18n::verdict::verdict(e, Lang::En));
    let task = |s: &ServiceInputs| {
        let (cpu, mem, cpu_use) = (format::quantity(s.cpu), format::quantity(s.mem), format::quantity(s.cpu_use));
        format!("{} task{} of {cpu} vCPU / {mem} GiB at {cpu_use}% CPU", s.tasks, Lang::En.plural(s.tasks))
    };
    let (platform, hours) = (i18n::platform(i.platform), format::quantity(ev.fargate.billed_hours));
    match (i.services.as_slice(), ev.ec2.packing) {
        ([one], Some(packing)) => {
            let _ = writeln!(out, "Workload: {}, {platform} in {}, {hours} billed h/month per task", task(one), i.region);
            let _ = writeln!(
                out,
                "Fleet: {} × {} ({} vCPU, {} GiB): {} tasks per instance, {}; utilisation {} vCPU, {} memory",
                ev.ec2.instances,
                ev.ec2.candidate.name,
                ev.ec2.candidate.shape.vcpu,
                format::gib(ev.ec2.candidate.shape.memory_mib),
                packing.tasks_per_instance,
                words.bound(packing.bound),
                format::percent(ev.ec2.utilisation.vcpu),
                format::percent(ev.ec2.utilisation.memory)
            );
        }
        (services, _) => {
            let _ = writeln!(
                out,
                "Workload: {} services, {} tasks, {platform} in {}, {hours} billed h/month per task",
                services.len(),
                i.tasks(),
                i.region
            );
            for (k, s) in services.iter().enumerate() {
                let fargate = ev.fargate.service_monthly(k, FargateOption::OnDemand);
                let sidecars = if s.sidecars { ", daemons as sidecars on Fargate" } else { "" };
                let _ = writeln!(out, "  {}: {}{sidecars}; Fargate on-demand {}/month", s.name, task(s), money(fargate));
            }
            let _ = writeln!(out, "Fleet: {}", i18n::fleet::placement(e, Lang::En));
        }
    }
    if let Some(idle) = i18n::fleet::idle(e, Lang::En) {
        let _ = writeln!(out, "{idle}");
    }
    if let Some(credits) = i18n::fleet::credits(e, Lang::En) {
        let _ = writeln!(out, "{credits}");
    }
    for line in [Line::Ec2(i.buy), Line::Managed(i.buy)] {
        if let Some(bill) = i18n::fleet::bill(e, Lang::En, line) {
            let _ = writeln!(out, "{bill}");
        }
    }
    if let Some(c) = &e.curve {
        out += &week(e, c);
    }
    let _ = writeln!(out, "\n{:<30} {:>14} {:>16}", "option", "USD per month", "break-even h/mo");
    for line in Line::ALL {
        if let Some((missing, first)) = estimate::missing(e, line) {
            if first {
                let _ = writeln!(out, "{}", words.missing(missing));
            }
            continue;
        }
        let monthly = ev.monthly(line);
        let break_even = match line.fleet() {
            None => String::new(),
            Some(_) if monthly.is_none() => String::new(),
            Some((launch, o)) => ev.break_even_of(launch, o).map_or_else(|| "none".into(), |b| i18n::break_even_hours(&b)),
        };
        let _ = writeln!(out, "{:<30} {:>14} {:>16}", cli_name(line), money(monthly), break_even);
    }
    out += &sources(manifest, prices);
    out
}

/// A week of load: its fleet, then each way to run it (all Fargate, a fleet
/// following it and the best split for each EC2 purchase option priced).
fn week(e: &Estimate, c: &CurveEstimate) -> String {
    let cost = &c.cost;
    let (least, most) = (cost.running.iter().min().copied().unwrap_or(0), cost.running.iter().max().copied().unwrap_or(0));
    let follows = match e.inputs.scaling() {
        Scaling::Always => "sized for the busiest hour".to_string(),
        Scaling::Follow { scale_in_hours } => format!("following it, an instance kept {scale_in_hours} h once not needed"),
    };
    let mut out = String::new();
    let _ = writeln!(out, "\nWeek of load on {} ({follows}): {least} to {most} instances", c.candidate.name);
    let all_fargate = i18n::curve::arrangement(e, c, &Arrangement::Fargate, Lang::En);
    let _ = writeln!(out, "  {all_fargate:<74} {:>14}", money(cost.all_fargate()));
    for option in PurchaseOption::ALL {
        let Some(bought) = cost.fleet(Launch::Ec2, option) else { continue };
        let fleet = i18n::curve::arrangement(e, c, &Arrangement::Fleet(*bought), Lang::En);
        let _ = writeln!(out, "  {fleet:<74} {:>14}", money(Some(bought.monthly)));
        if let Some(best) = cost.split(Launch::Ec2, option).and_then(split::cheapest) {
            let words = match best.baseline {
                0 => format!("split on {}: best with no baseline (all Fargate)", Lang::En.words().purchase(option)),
                _ => format!("split: {}", i18n::curve::split(e, c, best, option, Lang::En)),
            };
            let _ = writeln!(out, "  {words:<74} {:>14}", money(Some(best.monthly())));
        }
    }
    out
}

/// The table's first column: the page's names, Fargate's Savings Plans shortened to fit.
fn cli_name(line: Line) -> &'static str {
    match line {
        Line::Fargate(FargateOption::SavingsPlan1y) => "Fargate Savings 1y",
        Line::Fargate(FargateOption::SavingsPlan3y) => "Fargate Savings 3y",
        other => Lang::En.words().line(other),
    }
}

/// Where every price class of the table came from, so a quoted figure
/// carries its source and date, as the page's footer does.
fn sources(manifest: &Manifest, prices: &RegionPrices) -> String {
    let title = |id: &str| manifest.source(id).map_or(id.to_string(), |s| s.title.clone());
    let mut out = String::new();
    let _ = writeln!(out, "\nPrices: snapshot with data up to {}; sources and licences in pricing/SOURCES.md", manifest.date);
    for (class, origin) in prices.origins() {
        let label = match class {
            PriceClass::Fargate(FargateOption::SavingsPlan1y) => "Fargate Savings 1y",
            PriceClass::Fargate(FargateOption::SavingsPlan3y) => "Fargate Savings 3y",
            PriceClass::Fargate(o) => Lang::En.words().line(Line::Fargate(o)),
            PriceClass::FargateStorage => "Fargate storage",
            PriceClass::Ec2 => "EC2",
            PriceClass::Ec2Spot => "EC2 Spot",
            PriceClass::Ec2Extra(Ec2Extra::ComputeSavingsPlan1y) => "EC2 Compute SP 1y",
            PriceClass::Ec2Extra(Ec2Extra::ComputeSavingsPlan3y) => "EC2 Compute SP 3y",
            PriceClass::Ec2Extra(Ec2Extra::InstanceSavingsPlan1y) => "EC2 Instance SP 1y",
            PriceClass::Ec2Extra(Ec2Extra::InstanceSavingsPlan3y) => "EC2 Instance SP 3y",
            PriceClass::Ec2Extra(Ec2Extra::ManagedInstancesFee) => "Managed Instances fee",
            PriceClass::ManagedFeeShare => "Managed fee (share)",
            PriceClass::CpuCreditRates => "CPU credits",
            PriceClass::PublicIpv4 => "Public IPv4",
            PriceClass::EbsGp3 => "EBS gp3",
        };
        let kind = origin.provenance.name();
        let as_of = origin.as_of.as_deref().map(|d| format!(", {d}")).unwrap_or_default();
        let note = origin.note.as_deref().map(|n| format!(" ({n})")).unwrap_or_default();
        let _ = writeln!(out, "  {label:<20} {kind}{as_of}: {}{note}", title(&origin.source));
    }
    for (label, id) in [("EC2 specs", &prices.specs_source), ("awsvpc task limits", &prices.trunking_source)] {
        let _ = writeln!(out, "  {label:<20} {}", title(id));
    }
    out
}
