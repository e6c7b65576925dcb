//! The committed `pricing/` is exactly what the snapshot command builds from
//! `pricing-sources/`, and everything in it validates.

use fargate_vs_ec2::model::platform::Platform;
use fargate_vs_ec2::pricing::{build, outclassed_file, region_file, FargatePrices, InstanceSpec, Manifest, Provenance, RegionPrices};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn committed(path: &str) -> String {
    std::fs::read_to_string(root().join("pricing").join(path)).unwrap_or_else(|e| panic!("pricing/{path}: {e}"))
}

/// Every type of a committed region file and its outclassed companion.
fn all_types(region: &str, platform: Platform) -> RegionPrices {
    RegionPrices::read_all(|path| Ok(committed(path)), region, platform).unwrap()
}

/// The committed Fargate prices of a region and platform, if its file has them.
fn fargate(region: &str, platform: Platform) -> Option<FargatePrices> {
    RegionPrices::parse(&committed(&region_file(region, platform))).unwrap().fargate
}

#[test]
fn committed_snapshot_regenerates_byte_identically() {
    let sources = root().join("pricing-sources");
    let files = build::build(&sources).unwrap();
    for (name, built) in &files {
        assert!(committed(name) == *built, "pricing/{name} is stale: run `cargo run --bin snapshot`");
    }
    let mut on_disk = Vec::new();
    collect(&root().join("pricing"), "", &mut on_disk);
    on_disk.sort();
    let built: Vec<&String> = files.keys().collect();
    assert_eq!(on_disk.iter().collect::<Vec<_>>(), built, "pricing/ holds exactly the generated files");
    assert_eq!(files, build::build(&sources).unwrap(), "two builds, same bytes");
}

fn collect(dir: &Path, prefix: &str, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
        if entry.path().is_dir() {
            collect(&entry.path(), &format!("{name}/"), out);
        } else {
            out.push(name);
        }
    }
}

#[test]
fn every_claimed_file_exists_validates_and_matches_its_count() {
    let manifest = Manifest::bundled().unwrap();
    assert_eq!(manifest.regions.len(), 34, "every commercial region");
    for region in &manifest.regions {
        for (&platform, &count) in &region.ec2_types {
            let path = region_file(&region.code, platform);
            let prices = RegionPrices::parse_checked(&committed(&path)).unwrap_or_else(|e| panic!("{e}"));
            let outclassed = (prices.outclassed_types > 0).then(|| {
                RegionPrices::parse_checked(&committed(&outclassed_file(&region.code, platform))).unwrap_or_else(|e| panic!("{e}"))
            });
            assert_eq!(all_types(&region.code, platform).rows.len() as u32, count, "{path}");
            assert_eq!((prices.region.as_str(), prices.platform), (region.code.as_str(), platform));
            assert_eq!(manifest.problems_with(&prices, outclassed.as_ref()), Vec::<String>::new(), "{path}");
        }
        assert_eq!(region.ec2_types.len(), 3, "{} has EC2 prices for all three platforms", region.code);
    }
}

/// Every region file carries its types' specs: a type is described the same
/// way in all of them (they are copies of one table).
#[test]
fn a_type_has_the_same_specs_in_every_region_file() {
    let manifest = Manifest::bundled().unwrap();
    let mut seen: BTreeMap<String, (InstanceSpec, String)> = BTreeMap::new();
    for region in &manifest.regions {
        for &platform in region.ec2_types.keys() {
            let path = region_file(&region.code, platform);
            for row in all_types(&region.code, platform).rows {
                let first = seen.entry(row.spec.instance_type.clone()).or_insert_with(|| (row.spec.clone(), path.clone()));
                assert_eq!(first.0, row.spec, "{} in {path} and {}", row.spec.instance_type, first.1);
            }
        }
    }
    assert!(seen.len() > 1000, "{} types", seen.len());
    for out_of_scope in ["i4i.large", "g5.xlarge", "u-6tb1.metal"] {
        assert!(!seen.contains_key(out_of_scope), "{out_of_scope}: storage optimised, GPU and SAP hosts are out of scope");
    }
    assert!(committed("SOURCES.md").contains(&format!("{} EC2 instance types", seen.len())));
}

/// The app reads with `pricing::read` (by hand), the snapshot command writes
/// with serde: every committed file must read back to exactly what it holds.
#[test]
fn every_committed_file_reads_back_to_its_own_bytes() {
    let manifest = Manifest::bundled().unwrap();
    assert_eq!(serde_json::to_string(&manifest).unwrap() + "\n", committed("manifest.json"));
    for region in &manifest.regions {
        for &platform in region.ec2_types.keys() {
            for path in [region_file(&region.code, platform), outclassed_file(&region.code, platform)] {
                let Ok(text) = std::fs::read_to_string(root().join("pricing").join(&path)) else { continue };
                let prices = RegionPrices::parse(&text).unwrap();
                assert_eq!(build::to_row_json(&prices, "rows").unwrap(), text, "{path}");
            }
        }
    }
}

#[test]
fn us_east_1_fargate_rates_are_the_published_offer_rates() {
    let f = |p| fargate("us-east-1", p).unwrap();
    // USE1-Fargate-vCPU-Hours:perCPU 0.0404800000, USE1-Fargate-GB-Hours 0.0044450000
    assert_eq!((f(Platform::LinuxX86).on_demand.vcpu_hour, f(Platform::LinuxX86).on_demand.gb_hour), (0.04048, 0.004445));
    // USE1-Fargate-ARM-vCPU-Hours:perCPU 0.0323800000, USE1-Fargate-ARM-GB-Hours 0.0035600000
    assert_eq!((f(Platform::LinuxArm).on_demand.vcpu_hour, f(Platform::LinuxArm).on_demand.gb_hour), (0.03238, 0.00356));
    // Windows vCPU 0.0465520000, GB 0.0051117500, OS licence 0.0460000000
    let windows = f(Platform::Windows);
    let w = &windows.on_demand;
    assert_eq!((w.vcpu_hour, w.gb_hour, w.os_vcpu_hour), (0.046552, 0.00511175, Some(0.046)));
    // USE1-Fargate-EphemeralStorage-GB-Hours 0.0001110000
    assert_eq!(f(Platform::LinuxX86).storage.as_ref().unwrap().gb_hour, 0.000111);
    assert_eq!(w.origin.provenance, Provenance::Published);
    // Spot (2026-09-28) and Savings Plans (2026-09-25), secondary.
    let x86 = f(Platform::LinuxX86);
    assert_eq!(x86.spot.as_ref().map(|s| (s.vcpu_hour, s.gb_hour)), Some((0.01288871, 0.00141527)));
    assert_eq!(x86.savings_plan_1y.as_ref().map(|s| (s.vcpu_hour, s.gb_hour)), Some((0.032384, 0.003556)));
    assert_eq!(x86.savings_plan_3y.as_ref().map(|s| (s.vcpu_hour, s.gb_hour)), Some((0.022264, 0.00244475)));
    assert!(f(Platform::Windows).spot.is_none(), "Fargate Spot has no Windows");
}

/// Fargate on-demand is AWS's own everywhere its pricing-page data covers:
/// no region's rate is derived or a third party's copy.
#[test]
fn fargate_on_demand_is_published_wherever_aws_publishes_it() {
    let m = Manifest::bundled().unwrap();
    let mut published = 0;
    for region in &m.regions {
        for &platform in &region.fargate {
            let prices = fargate(&region.code, platform).unwrap();
            for origin in [Some(&prices.on_demand.origin), prices.storage.as_ref().map(|s| &s.origin)].into_iter().flatten() {
                assert_eq!(origin.provenance, Provenance::Published, "{} {platform:?}", region.code);
            }
            published += 1;
        }
    }
    // 33 regions with x86 and ARM, Windows in all of them but Taipei (ap-east-2): 33 × 3 − 1.
    assert_eq!(published, 33 * 3 - 1);
    let with_fargate: Vec<&str> = m.regions.iter().filter(|r| !r.fargate.is_empty()).map(|r| r.code.as_str()).collect();
    assert_eq!((with_fargate.len(), m.regions.len()), (33, 34));
    // ap-south-1's ARM: AWS's 0.02383 / 0.00261 (x86 × the us-east-1 ratio gave 0.034044, 43% too high).
    let arm = fargate("ap-south-1", Platform::LinuxArm).unwrap().on_demand;
    assert_eq!((arm.vcpu_hour, arm.gb_hour, arm.origin.as_of.as_deref()), (0.02383, 0.00261, Some("2025-06-05")));
    // eu-central-1: x86 0.04656 / 0.00511, ARM 0.03725 / 0.00409, Windows with its licence.
    let x86 = fargate("eu-central-1", Platform::LinuxX86).unwrap().on_demand;
    assert_eq!((x86.vcpu_hour, x86.gb_hour), (0.04656, 0.00511));
    assert_eq!(fargate("eu-central-1", Platform::LinuxArm).unwrap().on_demand.vcpu_hour, 0.03725);
    assert_eq!(fargate("eu-central-1", Platform::Windows).unwrap().on_demand.os_vcpu_hour, Some(0.046));
    // mx-central-1's Windows licence is its own, 0.0483.
    assert_eq!(fargate("mx-central-1", Platform::Windows).unwrap().on_demand.os_vcpu_hour, Some(0.0483));
    // Where no source has a price there is none, never a zero.
    assert!(m.region("ap-southeast-6").unwrap().fargate.is_empty() && fargate("ap-southeast-6", Platform::LinuxX86).is_none());
    assert!(fargate("ap-east-2", Platform::Windows).is_none() && !m.has_fargate("ap-east-2", Platform::Windows));
}

/// Fargate Spot: the newest point a source gives, with its date; the January
/// 2021 table only where nothing newer is known.
#[test]
fn fargate_spot_is_the_newest_point_with_its_date() {
    let spot = |region: &str, platform| fargate(region, platform).unwrap().spot;
    let eu = spot("eu-west-1", Platform::LinuxX86).unwrap();
    assert_eq!((eu.vcpu_hour, eu.gb_hour, eu.origin.as_of.as_deref()), (0.01224056, 0.0013441, Some("2026-09-28")));
    assert_eq!(spot("ap-south-2", Platform::LinuxArm).map(|s| s.vcpu_hour), Some(0.007149));
    let sa = spot("sa-east-1", Platform::LinuxX86).unwrap();
    assert_eq!((sa.vcpu_hour, sa.origin.as_of.as_deref()), (0.02337032, None), "undated, but newer than 2021");
    assert!(sa.origin.note.as_deref().unwrap().contains("after Fargate's ARM launch"));
    let old = spot("eu-central-1", Platform::LinuxX86).unwrap();
    assert_eq!((old.origin.source.as_str(), old.origin.as_of.as_deref()), ("fgcalc-fargate-2021", Some("2021-01")));
    assert!(spot("eu-central-1", Platform::LinuxArm).is_none(), "no ARM Spot rate is known there: none, not a guess");
}

#[test]
fn ec2_golden_prices_and_cleaned_faults() {
    let prices = all_types("us-east-1", Platform::LinuxX86);
    // m5.large us-east-1 Linux: on-demand 0.096; 1y all upfront $494 / 8760 h = 0.056393; 3y $949 / 26280 h = 0.036111.
    let m5 = prices.get("m5.large").unwrap();
    assert_eq!((m5.on_demand, m5.reserved_1y, m5.reserved_3y), (0.096, Some(0.056393), Some(0.036111)));
    // Spot is the source's average price (0.04366), not on-demand × (1 − the Advisor's 59% savings) = 0.03936.
    assert_eq!(m5.spot, Some(0.04366));
    let windows = all_types("us-east-1", Platform::Windows);
    assert_eq!(windows.get("m5.large").unwrap().on_demand, 0.188);
    assert_eq!(windows.get("m5.large").unwrap().reserved_1y, Some(0.148402));
    // m6i.xlarge Windows 1-year equalled Linux's 0.118493 in the source: cleaned to unknown.
    assert_eq!(windows.get("m6i.xlarge").unwrap().reserved_1y, None);
    assert_eq!(prices.get("m6i.xlarge").unwrap().reserved_1y, Some(0.118493));
    let m6i = &prices.get("m6i.large").unwrap().spec;
    assert_eq!((m6i.vcpu, m6i.memory_mib, m6i.enis), (2, 8192, 3));
    assert_eq!(m5.spec.trunking_tasks, Some(10));
}

#[test]
fn a_missing_sources_folder_is_a_clear_error() {
    let err = build::build(Path::new("/nonexistent/pricing-sources")).unwrap_err();
    assert!(err.contains("cannot read") && err.contains("ecs-offer-us-east-1"), "{err}");
}
