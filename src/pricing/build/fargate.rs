//! Fargate prices per region and platform, from the best source that has them:
//! AWS's own offer file (us-east-1), then third-party copies of AWS's prices
//! (the newest first), then, for ARM only, a derivation from x86 marked as such.

use super::sources::{ID_FARGATE_2021, ID_FARGATE_NOTES, ID_FARGATE_SECONDARY};
use crate::model::platform::Platform;
use crate::pricing::offer::{usage_type_without_region, OfferFile};
use crate::pricing::{FargatePrices, Provenance, RateSet, StorageRate, ValueOrigin};
use serde::Deserialize;
use std::collections::BTreeMap;

/// region → platform → prices.
pub type ByRegion = BTreeMap<String, BTreeMap<Platform, FargatePrices>>;

fn origin(source: &str, provenance: Provenance, as_of: Option<&str>, note: Option<String>) -> ValueOrigin {
    ValueOrigin { source: source.into(), provenance, as_of: as_of.map(str::to_string), note }
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

/// On-demand Fargate prices from an AmazonECS offer file. A platform appears
/// only when its vCPU and GB rates (and on Windows the OS licence) are all
/// there; zero, tiered and non-USD prices are not taken.
pub fn from_ecs_offer(offer: &OfferFile, source_id: &str) -> Result<ByRegion, String> {
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
    let as_of = offer.publication_day();
    let published = || origin(source_id, Provenance::Published, Some(as_of), None);
    let mut out = ByRegion::new();
    for ((region, platform), rates) in partial {
        let (Some(vcpu_hour), Some(gb_hour)) = (rates.vcpu, rates.gb) else { continue };
        if platform == Platform::Windows && rates.os.is_none() {
            continue;
        }
        let prices = FargatePrices {
            on_demand: RateSet { vcpu_hour, gb_hour, os_vcpu_hour: rates.os, origin: published() },
            storage: storage.get(&region).map(|&gb_hour| StorageRate { gb_hour, origin: published() }),
            spot: None,
            savings_plan_1y: None,
            savings_plan_3y: None,
        };
        out.entry(region).or_default().insert(platform, prices);
    }
    Ok(out)
}

/// Puts a refreshed on-demand price (and storage) in place, keeping what the
/// refresh does not carry (Spot, Savings Plans).
pub fn replace_on_demand(region: &mut BTreeMap<Platform, FargatePrices>, platform: Platform, fresh: FargatePrices) {
    match region.get_mut(&platform) {
        Some(old) => {
            old.on_demand = fresh.on_demand;
            old.storage = fresh.storage.or(old.storage.take());
        }
        None => {
            region.insert(platform, fresh);
        }
    }
}

#[derive(Deserialize)]
struct Table2021 {
    regions: Vec<Row2021>,
}

#[derive(Deserialize)]
struct Row2021 {
    region: String,
    ondemand_usd_per_vcpu_hour: f64,
    ondemand_usd_per_gb_hour: f64,
    spot_usd_per_vcpu_hour: f64,
    spot_usd_per_gb_hour: f64,
}

#[derive(Deserialize)]
struct Secondary {
    rates: Vec<SecondaryRow>,
}

#[derive(Deserialize)]
struct SecondaryRow {
    region: String,
    platform: String,
    vcpu_hour: f64,
    gb_hour: f64,
    storage_gb_hour: Option<f64>,
    source: String,
    source_date: String,
}

/// The leading date of a free-text date ("2026-10-05 (checked …)" → 2026-10-05);
/// None for "undated …".
pub fn leading_date(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let sep = |i: usize| b.get(i) == Some(&b'-');
    if digits(0..4) && sep(4) && digits(5..7) && sep(7) && digits(8..10) {
        Some(text[..10].to_string())
    } else if digits(0..4) && sep(4) && digits(5..7) {
        Some(text[..7].to_string())
    } else {
        None
    }
}

fn positive(x: f64) -> bool {
    x.is_finite() && x > 0.0
}

/// Adds what `fargate_regions_secondary.json` knows where nothing better is
/// there: on-demand x86/ARM and ephemeral storage.
pub fn add_secondary(out: &mut ByRegion, json: &str, is_region: impl Fn(&str) -> bool) -> Result<Option<String>, String> {
    let file: Secondary = serde_json::from_str(json).map_err(|e| format!("secondary Fargate rates: {e}"))?;
    let mut newest: Option<String> = None;
    for row in file.rates {
        let Some(platform) = Platform::from_slug(&row.platform) else { continue };
        if !is_region(&row.region) || !positive(row.vcpu_hour) || !positive(row.gb_hour) {
            continue;
        }
        let as_of = leading_date(&row.source_date);
        newest = newest.max(as_of.clone());
        let note = Some(format!("copied from {}", row.source.split(';').next().unwrap_or(&row.source).trim()));
        let region = out.entry(row.region.clone()).or_default();
        if region.contains_key(&platform) {
            continue;
        }
        let origin = origin(ID_FARGATE_SECONDARY, Provenance::Secondary, as_of.as_deref(), note);
        let storage = row.storage_gb_hour.filter(|s| positive(*s)).map(|gb_hour| StorageRate { gb_hour, origin: origin.clone() });
        region.insert(
            platform,
            FargatePrices {
                on_demand: RateSet { vcpu_hour: row.vcpu_hour, gb_hour: row.gb_hour, os_vcpu_hour: None, origin },
                storage,
                spot: None,
                savings_plan_1y: None,
                savings_plan_3y: None,
            },
        );
    }
    Ok(newest)
}

/// Adds the January 2021 x86 table: on-demand where nothing newer is known,
/// and Fargate Spot where no newer Spot rate is known.
pub fn add_2021(out: &mut ByRegion, json: &str, is_region: impl Fn(&str) -> bool) -> Result<(), String> {
    let table: Table2021 = serde_json::from_str(json).map_err(|e| format!("2021 Fargate table: {e}"))?;
    for row in table.regions.into_iter().filter(|r| is_region(&r.region)) {
        let origin = || origin(ID_FARGATE_2021, Provenance::Secondary, Some("2021-01"), None);
        let spot = (positive(row.spot_usd_per_vcpu_hour) && positive(row.spot_usd_per_gb_hour)).then(|| RateSet {
            vcpu_hour: row.spot_usd_per_vcpu_hour,
            gb_hour: row.spot_usd_per_gb_hour,
            os_vcpu_hour: None,
            origin: origin(),
        });
        let prices = out.entry(row.region.clone()).or_default().entry(Platform::LinuxX86);
        let prices = match prices {
            std::collections::btree_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::btree_map::Entry::Vacant(e) => {
                if !(positive(row.ondemand_usd_per_vcpu_hour) && positive(row.ondemand_usd_per_gb_hour)) {
                    continue;
                }
                e.insert(FargatePrices {
                    on_demand: RateSet {
                        vcpu_hour: row.ondemand_usd_per_vcpu_hour,
                        gb_hour: row.ondemand_usd_per_gb_hour,
                        os_vcpu_hour: None,
                        origin: origin(),
                    },
                    storage: None,
                    spot: None,
                    savings_plan_1y: None,
                    savings_plan_3y: None,
                })
            }
        };
        if prices.spot.is_none() {
            prices.spot = spot;
        }
    }
    Ok(())
}

/// Fargate Spot and Compute Savings Plans rates for us-east-1, as recorded in
/// the sources' own notes (SOURCES.md §9: a secondary source, no raw file).
#[derive(Debug, PartialEq)]
pub struct Notes {
    /// (platform, vCPU-hour, GB-hour)
    pub spot: Vec<(Platform, f64, f64)>,
    /// (platform, years, vCPU-hour, GB-hour), no upfront.
    pub savings_plans: Vec<(Platform, u8, f64, f64)>,
}

fn notes_platform(arch: &str) -> Option<Platform> {
    match arch {
        "x86" => Some(Platform::LinuxX86),
        "ARM" => Some(Platform::LinuxArm),
        _ => None,
    }
}

fn number(text: &str) -> Option<f64> {
    text.trim().trim_start_matches('$').parse().ok().filter(|x: &f64| positive(*x))
}

/// Reads the Savings Plans table rows (`| x86 | 1yr No Upfront | 0.032384 | 0.003556 |`)
/// and the Spot lines (`* x86: $0.01288871 per vCPU-h and $0.00141527 per GB-h.`)
/// of section 9. Rows whose GB rate is "(not given)" are skipped.
pub fn parse_notes(markdown: &str) -> Result<Notes, String> {
    let section =
        markdown.split("\n## ").find(|s| s.starts_with("9. ")).ok_or("SOURCES.md has no section 9 (Fargate Spot and Savings Plans)")?;
    let mut notes = Notes { spot: Vec::new(), savings_plans: Vec::new() };
    for line in section.lines().map(str::trim) {
        let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
        if line.starts_with('|') && cells.len() == 4 {
            let (Some(platform), Some(vcpu), Some(gb)) = (notes_platform(cells[0]), number(cells[2]), number(cells[3])) else { continue };
            let years = match cells[1] {
                "1yr No Upfront" => 1,
                "3yr No Upfront" => 3,
                _ => continue,
            };
            notes.savings_plans.push((platform, years, vcpu, gb));
        } else if let Some((arch, rest)) = line.strip_prefix("* ").and_then(|l| l.split_once(": $")) {
            let Some(platform) = notes_platform(arch) else { continue };
            let parts: Vec<&str> = rest.split(" per vCPU-h and $").collect();
            if let [vcpu, gb] = parts[..] {
                if let (Some(vcpu), Some(gb)) = (number(vcpu), number(gb.trim_end_matches(" per GB-h."))) {
                    notes.spot.push((platform, vcpu, gb));
                }
            }
        }
    }
    if notes.spot.is_empty() || notes.savings_plans.is_empty() {
        return Err("SOURCES.md section 9: no Spot or Savings Plans rates found".into());
    }
    Ok(notes)
}

pub fn add_notes(out: &mut ByRegion, notes: &Notes) {
    let Some(region) = out.get_mut("us-east-1") else { return };
    let set = |vcpu_hour, gb_hour, as_of: &str| RateSet {
        vcpu_hour,
        gb_hour,
        os_vcpu_hour: None,
        origin: origin(ID_FARGATE_NOTES, Provenance::Secondary, Some(as_of), None),
    };
    for &(platform, vcpu, gb) in &notes.spot {
        if let Some(p) = region.get_mut(&platform) {
            p.spot = Some(set(vcpu, gb, "2026-09-28"));
        }
    }
    for &(platform, years, vcpu, gb) in &notes.savings_plans {
        if let Some(p) = region.get_mut(&platform) {
            let slot = if years == 1 { &mut p.savings_plan_1y } else { &mut p.savings_plan_3y };
            *slot = Some(set(vcpu, gb, "2026-09-25"));
        }
    }
}

/// ARM where only x86 is known: x86 × AWS's ARM/x86 ratio in `reference`
/// (us-east-1, both published), per dimension, marked derived.
pub fn derive_arm(out: &mut ByRegion, reference: &str) {
    let Some((ref_x86, ref_arm)) =
        out.get(reference).and_then(|r| Some((r.get(&Platform::LinuxX86)?.clone(), r.get(&Platform::LinuxArm)?.clone())))
    else {
        return;
    };
    let vcpu_ratio = ref_arm.on_demand.vcpu_hour / ref_x86.on_demand.vcpu_hour;
    let gb_ratio = ref_arm.on_demand.gb_hour / ref_x86.on_demand.gb_hour;
    for (code, platforms) in out.iter_mut() {
        let Some(x86) = platforms.get(&Platform::LinuxX86) else { continue };
        if platforms.contains_key(&Platform::LinuxArm) {
            continue;
        }
        let note = format!(
            "Linux/x86 rate × the ARM/x86 ratio published for {reference} ({} ÷ {} per vCPU-hour, {} ÷ {} per GB-hour); {code}'s x86 rate from {}",
            ref_arm.on_demand.vcpu_hour, ref_x86.on_demand.vcpu_hour, ref_arm.on_demand.gb_hour, ref_x86.on_demand.gb_hour, x86.on_demand.origin.source
        );
        let arm = FargatePrices {
            on_demand: RateSet {
                vcpu_hour: x86.on_demand.vcpu_hour * vcpu_ratio,
                gb_hour: x86.on_demand.gb_hour * gb_ratio,
                os_vcpu_hour: None,
                origin: ValueOrigin {
                    source: x86.on_demand.origin.source.clone(),
                    provenance: Provenance::Derived,
                    as_of: x86.on_demand.origin.as_of.clone(),
                    note: Some(note),
                },
            },
            // Storage is one rate for every platform in AWS's offer.
            storage: x86.storage.clone(),
            spot: None,
            savings_plan_1y: None,
            savings_plan_3y: None,
        };
        platforms.insert(Platform::LinuxArm, arm);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leading_dates() {
        assert_eq!(leading_date("2026-10-05 (PRICE_CHECKED; …)").as_deref(), Some("2026-10-05"));
        assert_eq!(leading_date("2026-08").as_deref(), Some("2026-08"));
        assert_eq!(leading_date("undated; content cites 2025-11"), None);
        assert_eq!(leading_date("effective_from 2026-07-07"), None);
    }

    #[test]
    fn notes_table_and_spot_lines() {
        let md = "## 8. x\n\n## 9. Secondary\n\n| arch | term / payment | per vCPU-hour | per GB-hour |\n|---|---|---|---|\n\
                  | x86 | 1yr No Upfront | 0.032384 | 0.003556 |\n| x86 | 3yr All Upfront | 0.0194304 | (not given) |\n\
                  | ARM | 3yr No Upfront | 0.01749 | 0.00192 |\n\n* **Fargate Spot**:\n  * x86: $0.01288871 per vCPU-h and $0.00141527 per GB-h.\n\n## 10. next\n| x86 | 1yr No Upfront | 9 | 9 |\n";
        let notes = parse_notes(md).unwrap();
        assert_eq!(notes.savings_plans, vec![(Platform::LinuxX86, 1, 0.032384, 0.003556), (Platform::LinuxArm, 3, 0.01749, 0.00192)]);
        assert_eq!(notes.spot, vec![(Platform::LinuxX86, 0.01288871, 0.00141527)]);
        assert!(parse_notes("## 9. nothing here").is_err());
    }

    fn x86_only(region: &str, vcpu: f64, gb: f64) -> ByRegion {
        let prices = FargatePrices {
            on_demand: RateSet {
                vcpu_hour: vcpu,
                gb_hour: gb,
                os_vcpu_hour: None,
                origin: origin("s", Provenance::Secondary, Some("2021-01"), None),
            },
            storage: None,
            spot: None,
            savings_plan_1y: None,
            savings_plan_3y: None,
        };
        [(region.to_string(), [(Platform::LinuxX86, prices)].into())].into()
    }

    #[test]
    fn arm_is_derived_from_the_reference_ratio_and_marked() {
        let mut out = x86_only("af-south-1", 0.0546, 0.006);
        let mut reference = x86_only("us-east-1", 0.04048, 0.004445);
        let mut arm = reference["us-east-1"][&Platform::LinuxX86].clone();
        arm.on_demand.vcpu_hour = 0.03238;
        arm.on_demand.gb_hour = 0.00356;
        reference.get_mut("us-east-1").unwrap().insert(Platform::LinuxArm, arm);
        out.extend(reference);
        derive_arm(&mut out, "us-east-1");
        let derived = &out["af-south-1"][&Platform::LinuxArm].on_demand;
        // 0.0546 × 0.03238 / 0.04048 and 0.006 × 0.00356 / 0.004445
        assert!((derived.vcpu_hour - 0.0546 * 0.03238 / 0.04048).abs() < 1e-15);
        assert!((derived.gb_hour - 0.006 * 0.00356 / 0.004445).abs() < 1e-15);
        assert_eq!(derived.origin.provenance, Provenance::Derived);
        assert!(derived.origin.note.as_deref().unwrap().contains("ARM/x86 ratio published for us-east-1"));
        // us-east-1's own ARM is untouched.
        assert_eq!(out["us-east-1"][&Platform::LinuxArm].on_demand.vcpu_hour, 0.03238);
    }
}
