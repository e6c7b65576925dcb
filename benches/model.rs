//! `cargo bench --bench model`: evaluating every candidate instance type of a
//! region over 0–730 hours, natively: the region file's (what the first view
//! evaluates) and every type (with the outclassed companion). A benchmark, not a test: it reports, it
//! does not fail. Median of 15 sweeps, each 731 evaluations of every candidate.
//! Then placing 20 services of mixed sizes (`placement`) on every candidate
//! of the region file, what an auto choice for a cluster will cost a step.

use fargate_vs_ec2::estimate;
use fargate_vs_ec2::inputs::Inputs;
use fargate_vs_ec2::model::packing::NetworkMode;
use fargate_vs_ec2::model::placement::{self, Daemons, Demand, Room};
use fargate_vs_ec2::model::scenario;
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
    let rates = estimate::fargate_options(estimate::fargate_prices(&inputs, &manifest, &file).unwrap(), inputs.disk).unwrap();
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
    placements(&estimate::candidates(&file));
}

/// 20 services, 0.25 to 4 vCPU, 5 to 43 tasks each (478 in all), placed on
/// every candidate that holds the largest, in awsvpc with trunking.
fn placements(candidates: &[scenario::Candidate]) {
    let sizes = [(256, 512), (512, 1024), (1024, 2048), (2048, 4096), (4096, 8192), (512, 4096), (1024, 8192)];
    let demands: Vec<Demand> = (0..20)
        .map(|k| Demand { size: TaskSize::new(sizes[k % sizes.len()].0, sizes[k % sizes.len()].1).unwrap(), tasks: 5 + 2 * k as u32 })
        .collect();
    let rooms: Vec<Room> =
        candidates.iter().filter_map(|c| Room::of(&c.shape, 512, Daemons::default(), NetworkMode::AwsvpcTrunking)).collect();
    let sweep = || rooms.iter().filter_map(|&room| black_box(placement::place(room, black_box(&demands)))).count();
    let placed = sweep(); // also the warm-up
    let median = median_seconds(sweep);
    println!(
        "placement: 20 services (478 tasks) on {placed} of {} candidates: median {:.2} ms for all, {:.1} µs per candidate",
        rooms.len(),
        median * 1e3,
        median * 1e6 / rooms.len().max(1) as f64
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
