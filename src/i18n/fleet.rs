//! What the page says of the EC2 fleet: how the tasks pack, and each
//! instance type as the picker lists it.

use super::Lang;
use crate::estimate::Estimate;
use crate::format;
use crate::model::scenario::Candidate;

/// "2 tasks fit per t3a.large (2 vCPU, 8 GiB): CPU-bound. 5 instances; the
/// fleet's vCPU is 100% and its memory 53% allocated."
pub fn packing(e: &Estimate, lang: Lang) -> String {
    let f = &e.evaluation.ec2;
    let min = e.inputs.min;
    let (per, name, vcpu) = (f.packing.tasks_per_instance, &f.candidate.name, f.candidate.shape.vcpu);
    let gib = format::gib(f.candidate.shape.memory_mib);
    let bound = lang.words().bound(f.packing.bound);
    let (cpu_used, mem_used) = (format::percent(f.utilisation.vcpu), format::percent(f.utilisation.memory));
    match lang {
        Lang::En => format!(
            "{per} task{} fit per {name} ({vcpu} vCPU, {gib} GiB): {bound}. {} instance{}{}; the fleet's vCPU is {cpu_used} and its memory {mem_used} allocated.",
            lang.plural(per),
            f.instances,
            lang.plural(f.instances),
            if f.at_minimum { format!(" (the minimum of {min})") } else { String::new() },
        ),
        Lang::Zh => format!(
            "每台 {name}（{vcpu} vCPU，{gib} GiB）可容纳 {per} 个任务：{bound}。共 {} 台实例{}；集群的 vCPU 已分配 {cpu_used}，内存已分配 {mem_used}。",
            f.instances,
            if f.at_minimum { format!("（最少 {min} 台）") } else { String::new() },
        ),
    }
}

/// "2 vCPU · 8 GiB · $0.0752/h" by type, for the instance picker, in the
/// candidates' order (the price file's, sorted by type).
pub fn instance_labels(candidates: &[Candidate], lang: Lang) -> Vec<(String, String)> {
    let per_hour = match lang {
        Lang::En => "/h",
        Lang::Zh => "/小时",
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
