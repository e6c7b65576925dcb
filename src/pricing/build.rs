//! Builds `pricing/` from the raw sources in `../shared/pricing-sources/`.
//!
//! Deterministic by construction: sorted maps, fixed field order, and the same
//! float formatting every time, so regenerating from the same inputs gives the
//! same bytes (a test holds us to it).

use super::offer::{usage_type_without_region, OfferFile};
use super::{FargateEntry, Provenance, Snapshot, Source, SCHEMA};
use crate::model::platform::Platform;
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// The AmazonECS offer file for us-east-1, relative to the sources folder.
pub const ECS_OFFER_US_EAST_1: &str = "fargate/ecs-offer-us-east-1-2025-08-28.json";

/// Every generated file: name under `pricing/` → contents.
pub fn build(sources_dir: &Path) -> Result<BTreeMap<String, String>, String> {
    let snapshot = snapshot(sources_dir)?;
    let problems = snapshot.problems();
    if !problems.is_empty() {
        return Err(format!("the built snapshot is invalid: {}", problems.join("; ")));
    }
    let mut json = serde_json::to_string_pretty(&snapshot).map_err(|e| e.to_string())?;
    json.push('\n');
    let mut files = BTreeMap::new();
    files.insert("snapshot.json".to_string(), json);
    files.insert("SOURCES.md".to_string(), sources_markdown(&snapshot));
    Ok(files)
}

pub fn snapshot(sources_dir: &Path) -> Result<Snapshot, String> {
    let path = sources_dir.join(ECS_OFFER_US_EAST_1);
    let text = fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let offer = OfferFile::parse(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let source = Source {
        id: "aws-ecs-offer-us-east-1".to_string(),
        title: format!("AWS Price List, AmazonECS offer for us-east-1, version {}", offer.version),
        file: ECS_OFFER_US_EAST_1.to_string(),
        date: offer.publication_day().to_string(),
        licence: "AWS Price List data (\"for informational purposes only\"); copy from opencost/opencost testdata, Apache-2.0".to_string(),
        origin: "github.com/opencost/opencost pkg/cloud/aws/testdata/ecs-pricing-us-east-1.json".to_string(),
    };
    let fargate = fargate_from_ecs_offer(&offer, &source.id)?;
    Ok(Snapshot { schema: SCHEMA, date: source.date.clone(), sources: vec![source], fargate })
}

/// Which Fargate rate a usage type (without its region prefix) is.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Dimension {
    Vcpu(Platform),
    Gb(Platform),
    Os(Platform),
    /// Ephemeral storage is one rate for every platform.
    Storage,
}

fn dimension(usage_type: &str) -> Option<Dimension> {
    Some(match usage_type {
        "Fargate-vCPU-Hours:perCPU" => Dimension::Vcpu(Platform::LinuxX86),
        "Fargate-GB-Hours" => Dimension::Gb(Platform::LinuxX86),
        "Fargate-ARM-vCPU-Hours:perCPU" => Dimension::Vcpu(Platform::LinuxArm),
        "Fargate-ARM-GB-Hours" => Dimension::Gb(Platform::LinuxArm),
        "Fargate-Windows-vCPU-Hours:perCPU" => Dimension::Vcpu(Platform::Windows),
        "Fargate-Windows-GB-Hours" => Dimension::Gb(Platform::Windows),
        "Fargate-Windows-OS-Hours:perCPU" => Dimension::Os(Platform::Windows),
        "Fargate-EphemeralStorage-GB-Hours" => Dimension::Storage,
        _ => return None,
    })
}

#[derive(Default)]
struct Partial {
    vcpu: Option<f64>,
    gb: Option<f64>,
    os: Option<f64>,
}

/// Fargate rates per region and platform from an AmazonECS offer. A platform
/// appears only when its vCPU, GB and storage rates (and on Windows the OS
/// licence) are all published; a zero price is treated as not published.
pub fn fargate_from_ecs_offer(offer: &OfferFile, source_id: &str) -> Result<BTreeMap<String, BTreeMap<Platform, FargateEntry>>, String> {
    let mut partial: BTreeMap<(String, Platform), Partial> = BTreeMap::new();
    let mut storage: BTreeMap<String, f64> = BTreeMap::new();
    for price in offer.on_demand_prices()? {
        let Some(usage_type) = price.attributes.get("usagetype") else { continue };
        let Some(dim) = dimension(usage_type_without_region(usage_type)) else { continue };
        let Some(region) = price.attributes.get("regionCode") else {
            return Err(format!("SKU {}: Fargate price without a regionCode", price.sku));
        };
        if price.currency != "USD" || !price.untiered || !(price.price.is_finite() && price.price > 0.0) {
            continue;
        }
        let slot = match dim {
            Dimension::Storage => {
                storage.insert(region.clone(), price.price);
                continue;
            }
            Dimension::Vcpu(p) => &mut partial.entry((region.clone(), p)).or_default().vcpu,
            Dimension::Gb(p) => &mut partial.entry((region.clone(), p)).or_default().gb,
            Dimension::Os(p) => &mut partial.entry((region.clone(), p)).or_default().os,
        };
        if slot.is_some_and(|old| old != price.price) {
            return Err(format!("{region}: two different prices for {usage_type}"));
        }
        *slot = Some(price.price);
    }
    let mut out: BTreeMap<String, BTreeMap<Platform, FargateEntry>> = BTreeMap::new();
    for ((region, platform), rates) in partial {
        let (Some(vcpu_hour), Some(gb_hour), Some(&storage_gb_hour)) = (rates.vcpu, rates.gb, storage.get(&region)) else {
            continue;
        };
        if platform == Platform::Windows && rates.os.is_none() {
            continue;
        }
        out.entry(region).or_default().insert(
            platform,
            FargateEntry {
                vcpu_hour,
                gb_hour,
                storage_gb_hour,
                os_vcpu_hour: rates.os,
                source: source_id.to_string(),
                provenance: Provenance::Published,
                note: None,
            },
        );
    }
    Ok(out)
}

fn sources_markdown(snapshot: &Snapshot) -> String {
    let mut md = String::from(
        "# Sources of the bundled prices\n\n\
         Generated by `cargo run --bin snapshot`; do not edit. Prices are AWS list prices in USD.\n\n",
    );
    md.push_str(&format!("Snapshot date: {}\n\n", snapshot.date));
    md.push_str("| id | what | date | origin | licence |\n|---|---|---|---|---|\n");
    for s in &snapshot.sources {
        md.push_str(&format!("| `{}` | {} (`{}`) | {} | {} | {} |\n", s.id, s.title, s.file, s.date, s.origin, s.licence));
    }
    md
}
