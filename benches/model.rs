//! `cargo bench --bench model`: evaluating every candidate instance type of a
//! region over 0–730 hours, natively: the region file's (what the first view
//! evaluates) and every type (with the outclassed companion). A benchmark, not a test: it reports, it
//! does not fail. Median of 15 sweeps, each 731 evaluations of every candidate.

use fargate_vs_ec2::estimate;
use fargate_vs_ec2::inputs::Inputs;
use fargate_vs_ec2::model::scenario;
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
        let mut times: Vec<f64> = (0..15)
            .map(|_| {
                let start = Instant::now();
                sweep();
                start.elapsed().as_secs_f64()
            })
            .collect();
        times.sort_by(f64::total_cmp);
        let median = times[times.len() / 2];
        let per_eval = median / 731.0;
        println!(
            "model: {} candidates ({what}), 731 hour values: median sweep {:.2} ms, {:.1} µs per evaluation of every candidate, {:.0} ns per candidate",
            candidates.len(),
            median * 1e3,
            per_eval * 1e6,
            per_eval * 1e9 / candidates.len() as f64
        );
    }
}
