//! The committed `pricing/` is exactly what the snapshot command builds from
//! `../shared/pricing-sources/`, and everything in it validates.

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
    let sources = root().join("../shared/pricing-sources");
    if !sources.join(build::sources::ECS_OFFER).exists() {
        // Outside the team's checkout layout the raw sources are not there to rebuild from.
        eprintln!("skipped: {} not found", sources.display());
        assert!(std::env::var_os("CI").is_none(), "CI must have ../shared/pricing-sources beside the checkout");
        return;
    }
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
            let prices = RegionPrices::parse(&committed(&path)).unwrap_or_else(|e| panic!("{e}"));
            let outclassed = (prices.outclassed_types > 0)
                .then(|| RegionPrices::parse(&committed(&outclassed_file(&region.code, platform))).unwrap_or_else(|e| panic!("{e}")));
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

#[test]
fn other_regions_take_the_newest_copy_and_mark_derived_arm() {
    let m = Manifest::bundled().unwrap();
    // eu-central-1: x86 from the 2026 secondary file (0.04656, 0.00511), ARM derived.
    let x86 = &fargate("eu-central-1", Platform::LinuxX86).unwrap().on_demand;
    assert_eq!((x86.vcpu_hour, x86.gb_hour, x86.origin.provenance), (0.04656, 0.00511, Provenance::Secondary));
    let arm = &fargate("eu-central-1", Platform::LinuxArm).unwrap().on_demand;
    assert_eq!(arm.origin.provenance, Provenance::Derived);
    assert!((arm.vcpu_hour - 0.04656 * 0.03238 / 0.04048).abs() < 1e-12);
    // eu-west-1's ARM is a published copy, not derived.
    assert_eq!(fargate("eu-west-1", Platform::LinuxArm).unwrap().on_demand.origin.provenance, Provenance::Secondary);
    // Regions no source covers have no Fargate price at all, never a zero.
    assert!(m.region("ap-southeast-7").unwrap().fargate.is_empty());
    assert!(fargate("eu-central-1", Platform::Windows).is_none() && !m.has_fargate("eu-central-1", Platform::Windows));
    assert!(fargate("ap-southeast-7", Platform::LinuxX86).is_none());
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

/// A maintainer's refresh: AWS's own offer files in `--aws DIR` replace the
/// secondary on-demand and reserved prices; Spot (not in the Price List) stays.
#[test]
fn refresh_from_aws_offer_files_takes_their_prices_and_says_so() {
    let sources = root().join("../shared/pricing-sources");
    let Ok(item) = std::fs::read_to_string(sources.join("fixtures/ec2-getproducts-m5.large-us-east-1-linux-2021-02-05.json")) else {
        assert!(std::env::var_os("CI").is_none(), "CI must have the pricing sources");
        return;
    };
    // A bulk AmazonEC2 offer holding the real m5.large record (GetProducts terms, one SKU level up).
    let item: serde_json::Value = serde_json::from_str(&item).unwrap();
    let sku = item["product"]["sku"].as_str().unwrap().to_string();
    let offer = serde_json::json!({
        "offerCode": "AmazonEC2", "version": item["version"], "publicationDate": item["publicationDate"],
        "products": { &sku: item["product"] },
        "terms": { "OnDemand": { &sku: item["terms"]["OnDemand"] }, "Reserved": { &sku: item["terms"]["Reserved"] } }
    });
    let aws = std::env::temp_dir().join(format!("fargate-vs-ec2-refresh-{}", std::process::id()));
    std::fs::create_dir_all(aws.join("AmazonEC2")).unwrap();
    std::fs::create_dir_all(aws.join("AmazonECS")).unwrap();
    std::fs::write(aws.join("AmazonEC2/us-east-1.json"), offer.to_string()).unwrap();
    std::fs::copy(sources.join(build::sources::ECS_OFFER), aws.join("AmazonECS/us-east-1.json")).unwrap();

    let files = build::build_with(&sources, Some(&aws)).unwrap();
    std::fs::remove_dir_all(&aws).unwrap();
    let manifest = Manifest::parse(&files["manifest.json"]).unwrap();
    let prices = RegionPrices::read_all(|path| Ok(files[path].clone()), "us-east-1", Platform::LinuxX86).unwrap();
    let m5 = prices.get("m5.large").unwrap();
    // Unrounded now: $494 / 8,760 h and $949 / 26,280 h, where the CSV had 0.056393 and 0.036111.
    assert_eq!((m5.on_demand, m5.reserved_1y, m5.reserved_3y), (0.096, Some(494.0 / 8760.0), Some(949.0 / 26280.0)));
    let committed_m5 = all_types("us-east-1", Platform::LinuxX86).get("m5.large").unwrap().spot;
    assert_eq!(m5.spot, committed_m5, "Spot stays from the secondary source");
    assert_eq!((prices.origin.source.as_str(), prices.origin.provenance), ("aws-ec2-offers", Provenance::Published));
    assert_eq!(prices.origin.as_of.as_deref(), Some("2021-02-05"));
    assert!(manifest.source("aws-ec2-offers").is_some() && manifest.source("aws-ecs-offers").is_some());
    let x86 = prices.fargate.as_ref().unwrap();
    assert_eq!(x86.on_demand.origin.source, "aws-ecs-offers");
    assert!(x86.spot.is_some(), "Spot and Savings Plans survive an on-demand refresh");
    // Regions without an offer file keep their secondary prices.
    let eu = RegionPrices::parse(&files["regions/eu-central-1/linux-x86.json"]).unwrap();
    assert_eq!(eu.origin.source, "vantage-ec2-prices");
}
