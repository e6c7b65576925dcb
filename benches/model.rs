//! `cargo bench --bench model`: evaluating every candidate instance type of a
//! region over 0–730 hours, natively: the region file's (what the first view
//! evaluates) and every type (with the outclassed companion). A benchmark, not a test: it reports, it
//! does not fail. Median of 15 sweeps, each 731 evaluations of every candidate.
//! Then a cluster of 20 services of mixed sizes evaluated on every candidate
//! of the region file, what an auto choice for a cluster costs a step; and
//! the same cluster's week of load (business hours): the auto type for the
//! week, then every split on it.

use fargate_vs_ec2::estimate;
use fargate_vs_ec2::inputs::Inputs;
use fargate_vs_ec2::model::curve::fleet::Scaling;
use fargate_vs_ec2::model::curve::{self, preset, Above, Week};
use fargate_vs_ec2::model::packing::NetworkMode;
use fargate_vs_ec2::model::scenario::{self, Service};
use fargate_vs_ec2::model::task_size::TaskSize;
use fargate_vs_ec2::model::usage::Usage;
use fargate_vs_ec2::pricing::{Manifest, RegionPrices};
use std::hint::black_box;
use std::time::Instant;

fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("pricing");
    let read = |path: &str| std::fs::read_to_string(root.join(path)).map_err(|e| e.to_string());
    let manifest = Manifest::bundled().unwrap();
    let inputs = Inputs::default();
    let file = RegionPrices::parse(&read(&estimate::region_file_of(&inputs)).unwrap()).unwrap();
    let all = RegionPrices::read_all(read, &inputs.region, inputs.platform).unwrap();
    let rates = estimate::fargate_options(estimate::fargate_prices(&inputs, &manifest, &file).unwrap(), inputs.service().disk).unwrap();
    let base = inputs.scenario().unwrap();
    // What the page evaluates: the region file's types (the first view), and
    // every type once the outclassed companion is loaded (the picker opened).
    for (what, prices) in [("the us-east-1 Linux/x86 region file", &file), ("every us-east-1 Linux/x86 type", &all)] {
        let candidates = estimate::candidates(prices);
        let side = file.side_prices();
        let sweep = || {
            let mut s = base.clone();
            for hours in 0..=730 {
                s.usage = Usage::Hours(f64::from(hours));
                black_box(scenario::evaluate(black_box(&s), &rates, &side, &candidates).unwrap());
            }
        };
        sweep(); // warm up
        let median = median_seconds(sweep);
        let per_eval = median / 731.0;
        println!(
            "model: {} candidates ({what}), 731 hour values: median sweep {:.2} ms, {:.1} µs per evaluation of every candidate, {:.0} ns per candidate",
            candidates.len(),
            median * 1e3,
            per_eval * 1e6,
            per_eval * 1e9 / candidates.len() as f64
        );
    }
    clusters(&base, &rates, &file.side_prices(), &estimate::candidates(&file));
}

/// 20 services, 0.25 to 4 vCPU, 5 to 43 tasks each (478 in all), in awsvpc
/// with trunking: one whole evaluation, the auto choice placing them on
/// every candidate, what a step of the page costs for such a cluster.
fn clusters(base: &scenario::Scenario, rates: &scenario::FargateOptions, side: &scenario::SidePrices, candidates: &[scenario::Candidate]) {
    let sizes = [(256, 512), (512, 1024), (1024, 2048), (2048, 4096), (4096, 8192), (512, 4096), (1024, 8192)];
    let services: Vec<Service> = (0..20)
        .map(|k| Service {
            size: TaskSize::new(sizes[k % sizes.len()].0, sizes[k % sizes.len()].1).unwrap(),
            storage_gib: 20,
            cpu_use: 0.5,
            tasks: 5 + 2 * k as u32,
            sidecars: false,
        })
        .collect();
    let s = scenario::Scenario { services, network: NetworkMode::AwsvpcTrunking, ..base.clone() };
    let run = || black_box(scenario::evaluate(black_box(&s), rates, side, candidates).unwrap());
    let e = run(); // also the warm-up
    let median = median_seconds(run);
    println!(
        "cluster: 20 services (478 tasks) on {} candidates: median {:.2} ms an evaluation ({} × {})",
        candidates.len(),
        median * 1e3,
        e.ec2.instances,
        e.ec2.candidate.name
    );
    // Each service at its count from 09:00 to 18:00 on weekdays, a fifth of it otherwise.
    let weeks: Vec<Week> = s.services.iter().map(|service| preset::business_hours(service.tasks, service.tasks / 5)).collect();
    let scaling = Scaling::Follow { scale_in_hours: 1 };
    let choose =
        || black_box(curve::cheapest_type(black_box(&s), &weeks, side, candidates, scaling, s.buy, Above::OnDemand).unwrap().clone());
    let chosen = choose();
    let choosing = median_seconds(choose);
    let week = || black_box(curve::evaluate(black_box(&s), &weeks, &e.fargate, side, &chosen, scaling, Above::OnDemand).unwrap());
    let w = week();
    let evaluating = median_seconds(week);
    println!(
        "week: the cluster's business hours: median {:.1} ms to choose the type ({}, {} to {} instances), {:.1} ms for its fleets and {} splits",
        choosing * 1e3,
        chosen.name,
        w.running.iter().min().unwrap_or(&0),
        w.running.iter().max().unwrap_or(&0),
        evaluating * 1e3,
        w.splits.first().map_or(0, |(_, _, points)| points.len())
    );
}

/// Seconds `run` takes, the median of 15 runs.
fn median_seconds<T>(run: impl Fn() -> T) -> f64 {
    let mut times: Vec<f64> = (0..15)
        .map(|_| {
            let start = Instant::now();
            black_box(run());
            start.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}
