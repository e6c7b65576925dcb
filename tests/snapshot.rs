//! The committed `pricing/` is exactly what the snapshot command builds from
//! `../shared/pricing-sources/`, and what the app reads is valid.

use fargate_vs_ec2::pricing::{build, Snapshot};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn sources() -> PathBuf {
    root().join("../shared/pricing-sources")
}

#[test]
fn committed_snapshot_regenerates_byte_identically() {
    let sources = sources();
    if !sources.join(build::ECS_OFFER_US_EAST_1).exists() {
        // Outside the team's checkout layout the raw sources are not there to rebuild from.
        eprintln!("skipped: {} not found", sources.display());
        assert!(std::env::var_os("CI").is_none(), "CI must have ../shared/pricing-sources beside the checkout");
        return;
    }
    let files = build::build(&sources).unwrap();
    assert!(files.contains_key("snapshot.json") && files.contains_key("SOURCES.md"));
    for (name, built) in &files {
        let committed = std::fs::read_to_string(root().join("pricing").join(name)).unwrap();
        assert!(committed == *built, "pricing/{name} is stale: run `cargo run --bin snapshot`");
    }
    // And building twice gives the same bytes.
    assert_eq!(files, build::build(&sources).unwrap());
}

#[test]
fn us_east_1_rates_are_the_published_offer_rates() {
    let s = Snapshot::bundled().unwrap();
    let r = |p: &str| s.fargate("us-east-1", fargate_vs_ec2::model::platform::Platform::from_slug(p).unwrap()).unwrap().rates();
    // USE1-Fargate-vCPU-Hours:perCPU 0.0404800000, USE1-Fargate-GB-Hours 0.0044450000
    assert_eq!((r("linux-x86").vcpu_hour, r("linux-x86").gb_hour), (0.04048, 0.004445));
    // USE1-Fargate-ARM-vCPU-Hours:perCPU 0.0323800000, USE1-Fargate-ARM-GB-Hours 0.0035600000
    assert_eq!((r("linux-arm").vcpu_hour, r("linux-arm").gb_hour), (0.03238, 0.00356));
    // Windows vCPU 0.0465520000, GB 0.0051117500, OS licence 0.0460000000
    let w = r("windows");
    assert_eq!((w.vcpu_hour, w.gb_hour, w.os_vcpu_hour), (0.046552, 0.00511175, Some(0.046)));
    // USE1-Fargate-EphemeralStorage-GB-Hours 0.0001110000
    assert_eq!(r("linux-x86").storage_gb_hour, 0.000111);
    assert_eq!(s.date, "2025-08-28");
}

#[test]
fn a_missing_sources_folder_is_a_clear_error() {
    let err = build::build(Path::new("/nonexistent/pricing-sources")).unwrap_err();
    assert!(err.contains("cannot read") && err.contains("ecs-offer-us-east-1"), "{err}");
}
