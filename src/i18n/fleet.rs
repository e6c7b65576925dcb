//! What the page says of the EC2 fleet: how the tasks pack, and each
//! instance type as the picker lists it.

use super::zh::{fill, zh, Zh};
use super::Lang;
use crate::estimate::Estimate;
use crate::format;
use crate::model::credits::CreditMode;
use crate::model::line::{Launch, Line};
use crate::model::scenario::Candidate;

/// One service: "2 tasks fit per t3a.large (2 vCPU, 8 GiB): CPU-bound. 5
/// instances; the fleet's vCPU is 100% and its memory 53% allocated."
/// Several: where they are (`placement`).
pub fn packing(e: &Estimate, lang: Lang) -> String {
    let f = &e.evaluation.ec2;
    let Some(packing) = f.packing else { return placement(e, lang) };
    let min = e.inputs.min;
    let (per, name, vcpu) = (packing.tasks_per_instance, &f.candidate.name, f.candidate.shape.vcpu);
    let gib = format::gib(f.candidate.shape.memory_mib);
    let bound = lang.words().bound(packing.bound);
    let (cpu_used, mem_used) = (format::percent(f.utilisation.vcpu), format::percent(f.utilisation.memory));
    match lang {
        Lang::En => format!(
            "{per} task{} fit per {name} ({vcpu} vCPU, {gib} GiB): {bound}. {} instance{}{}; the fleet's vCPU is {cpu_used} and its memory {mem_used} allocated.",
            lang.plural(per),
            f.instances,
            lang.plural(f.instances),
            if f.at_minimum { format!(" (the minimum of {min})") } else { String::new() },
        ),
        Lang::Zh => fill(
            Zh::packing,
            &[
                name,
                &vcpu.to_string(),
                &gib,
                &per.to_string(),
                bound,
                &f.instances.to_string(),
                &if f.at_minimum { fill(Zh::packing_minimum, &[&min.to_string()]) } else { String::new() },
                &cpu_used,
                &mem_used,
            ],
        ),
    }
}

/// "5 × m5.large (2 vCPU, 8 GiB): 2 with web 2, api 1; 3 with worker 3. No
/// placement needs fewer than 5. The fleet's vCPU is 90% and its memory 61%
/// allocated." Deploy headroom's tasks are counted where they would go.
pub fn placement(e: &Estimate, lang: Lang) -> String {
    let f = &e.evaluation.ec2;
    let (name, vcpu, gib) = (&f.candidate.name, f.candidate.shape.vcpu, format::gib(f.candidate.shape.memory_mib));
    let groups: Vec<String> = f
        .placed()
        .into_iter()
        .map(|(count, load)| {
            let tasks: Vec<String> =
                e.inputs.services.iter().zip(&load).filter(|(_, &n)| n > 0).map(|(s, n)| format!("{} {n}", s.name)).collect();
            match (lang, tasks.is_empty()) {
                (Lang::En, false) => format!("{count} with {}", tasks.join(", ")),
                (Lang::En, true) => format!("{count} empty (the minimum of {})", e.inputs.min),
                (Lang::Zh, false) => fill(Zh::placement_group, &[&count.to_string(), &tasks.join(zh(Zh::list_sep))]),
                (Lang::Zh, true) => fill(Zh::placement_empty, &[&count.to_string(), &e.inputs.min.to_string()]),
            }
        })
        .collect();
    let (cpu_used, mem_used) = (format::percent(f.utilisation.vcpu), format::percent(f.utilisation.memory));
    let (n, bound) = (f.instances.to_string(), f.placement.lower_bound.to_string());
    match lang {
        Lang::En => format!(
            "{n} × {name} ({vcpu} vCPU, {gib} GiB): {}. No placement needs fewer than {bound}. The fleet's vCPU is {cpu_used} and its memory {mem_used} allocated.",
            groups.join("; ")
        ),
        Lang::Zh => fill(Zh::placement, &[&n, name, &vcpu.to_string(), &gib, &groups.join(zh(Zh::clause_sep)), &bound, &cpu_used, &mem_used]),
    }
}

/// "Between deployments 31% of the fleet's memory and 12% of its vCPU are
/// idle: $212.00 and $82.00 a month of EC2 on-demand's instances." None
/// where that line has no price.
pub fn idle(e: &Estimate, lang: Lang) -> Option<String> {
    let f = &e.evaluation.ec2;
    let (vcpu_usd, memory_usd) = f.idle_monthly(Launch::Ec2, e.inputs.buy)?;
    let (vcpu, memory) = (format::percent(f.idle.vcpu), format::percent(f.idle.memory));
    let (vcpu_usd, memory_usd) = (lang.usd(vcpu_usd), lang.usd(memory_usd));
    let line = lang.words().line(Line::Ec2(e.inputs.buy));
    Some(match lang {
        Lang::En => format!(
            "Between deployments {memory} of the fleet's memory and {vcpu} of its vCPU are idle: {memory_usd} and {vcpu_usd} a month of {line}'s instances (the two overlap)."
        ),
        Lang::Zh => fill(Zh::idle, &[&memory, &vcpu, &memory_usd, &vcpu_usd, line]),
    })
}

/// "2 vCPU · 8 GiB · $0.0752/h" by type, for the instance picker, in the
/// candidates' order (the price file's, sorted by type).
pub fn instance_labels(candidates: &[Candidate], lang: Lang) -> Vec<(String, String)> {
    let per_hour = match lang {
        Lang::En => "/h",
        Lang::Zh => zh(Zh::per_hour),
    };
    candidates
        .iter()
        .map(|c| {
            let label = format!(
                "{} vCPU · {} GiB · {}{per_hour}",
                c.shape.vcpu,
                format::gib(c.shape.memory_mib),
                lang.usd_rate(c.hourly.on_demand)
            );
            (c.name.clone(), label)
        })
        .collect()
}

/// What a fleet line's bill is made of at the scenario's hours: "EC2
/// on-demand a month: instances $313.90 + EBS $12.00 = $325.90". Parts of no
/// cost are left out; a part whose price is unknown says so. None where the
/// line has no price.
pub fn bill(e: &Estimate, lang: Lang, line: Line) -> Option<String> {
    let (launch, option) = line.fleet()?;
    let bill = e.evaluation.ec2.bill(launch, option)?;
    let w = lang.words();
    let known = [
        (w.part_instances, Some(bill.instances)),
        (w.part_fee, Some(bill.management_fee)),
        (w.part_credits, Some(bill.cpu_credits)),
        (w.part_ebs, bill.ebs),
        (w.part_ipv4, bill.public_ipv4),
        (w.part_extra, Some(bill.extra)),
        (w.part_ops, Some(bill.ops)),
    ];
    let parts: Vec<String> = known
        .iter()
        .filter(|(_, usd)| *usd != Some(0.0))
        .map(|(name, usd)| match usd {
            Some(usd) => format!("{name} {}", lang.usd(*usd)),
            None => format!("{name} ({})", w.no_price_here),
        })
        .collect();
    let total = lang.usd(bill.total());
    Some(match lang {
        Lang::En => format!("{} a month: {} = {total}", w.line(line), parts.join(" + ")),
        Lang::Zh => fill(Zh::bill, &[w.line(line), &parts.join(" + "), &total]),
    })
}

/// What the tasks ask of a burstable type's CPU credits: "A t3a.large earns
/// 0.6 vCPU of CPU baseline; the 2 tasks on each use 2 vCPU: +$51.10/month of
/// CPU credits per instance." None for a type that does not burst.
pub fn credits(e: &Estimate, lang: Lang) -> Option<String> {
    let f = &e.evaluation.ec2;
    let c = f.credits?;
    let (name, base, used) = (&f.candidate.name, format::quantity(c.burst.baseline_vcpu), format::quantity(c.used_vcpu));
    let tasks = crate::model::credits::fullest(&f.loads).tasks;
    let buy = e.inputs.buy;
    let per_instance = f.credits_per_instance(Launch::Ec2, buy);
    let head = match lang {
        Lang::En => format!("A {name} earns {base} vCPU of CPU baseline; the {tasks} task{} on each use {used} vCPU", lang.plural(tasks)),
        Lang::Zh => fill(Zh::credits_head, &[name, &base, &tasks.to_string(), &used]),
    };
    let tail = match (lang, c.mode, per_instance) {
        (Lang::En, CreditMode::Standard, _) => {
            format!(": in standard mode it runs them at most {} h/month per task.", format::decimals(f.until(buy), 0))
        }
        (Lang::Zh, CreditMode::Standard, _) => fill(Zh::credits_standard_until, &[&format::decimals(f.until(buy), 0)]),
        (Lang::En, _, Some(usd)) if usd > 0.0 => format!(": +{}/month of CPU credits per instance.", lang.usd(usd)),
        (Lang::Zh, _, Some(usd)) if usd > 0.0 => fill(Zh::credits_paid, &[&lang.usd(usd)]),
        (Lang::En, _, _) => ": the baseline earned covers it, no CPU credits to pay.".into(),
        (Lang::Zh, _, _) => zh(Zh::credits_covered).into(),
    };
    Some(head + &tail)
}

/// For a link made before CPU credits and EBS were priced: what its EC2
/// total now includes that it did not ("CPU credits ($255.50 a month)").
/// None when it includes neither.
pub fn older_link(e: &Estimate, lang: Lang) -> Option<String> {
    let bill = e.evaluation.ec2.bill(Launch::Ec2, e.inputs.buy)?;
    let gib = e.scenario.ebs_gib;
    let mut parts = Vec::new();
    if bill.cpu_credits > 0.0 {
        parts.push(match lang {
            Lang::En => format!("CPU credits ({} a month)", lang.usd(bill.cpu_credits)),
            Lang::Zh => fill(Zh::older_credits, &[&lang.usd(bill.cpu_credits)]),
        });
    }
    if let Some(ebs) = bill.ebs.filter(|usd| *usd > 0.0) {
        parts.push(match lang {
            Lang::En => format!("EBS, {gib} GiB per instance ({} a month)", lang.usd(ebs)),
            Lang::Zh => fill(Zh::older_ebs, &[&gib.to_string(), &lang.usd(ebs)]),
        });
    }
    if parts.is_empty() {
        return None;
    }
    Some(match lang {
        Lang::En => format!(
            "This link was made before CPU credits and EBS volumes were priced: its EC2 total now includes {}.",
            parts.join(" and ")
        ),
        Lang::Zh => fill(Zh::older_link, &[&parts.join(zh(Zh::and))]),
    })
}
