//! Fargate prices per region and platform, from the best source that has them.
//! On-demand and storage: AWS's own files only (an offer file where one is
//! in the sources, the pricing page's data for 35 regions otherwise); nothing
//! is derived. Spot and Savings Plans: the newest points a source gives, each
//! with its date, then the January 2021 table for Spot.

use super::aws::AwsPrices;
use super::sources::{ID_AWS_ECS, ID_AWS_FARGATE_SPOT, ID_AWS_SAVINGS_PLANS, ID_FARGATE_2021, ID_FARGATE_PAGE};
use crate::model::fargate::FargateOption;
use crate::model::platform::Platform;
use crate::pricing::offer::{fargate_rate, FargateRate, OfferFile};
use crate::pricing::{FargatePrices, Provenance, RateSet, StorageRate, ValueOrigin};
use serde::Deserialize;
use std::collections::BTreeMap;

/// region → platform → prices.
pub type ByRegion = BTreeMap<String, BTreeMap<Platform, FargatePrices>>;

fn origin(source: &str, provenance: Provenance, as_of: Option<&str>, note: Option<String>) -> ValueOrigin {
    ValueOrigin { source: source.into(), provenance, as_of: as_of.map(str::to_string), note }
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
        let Some(rate) = fargate_rate(usage_type) else { continue };
        let Some(region) = price.attributes.get("regionCode") else {
            return Err(format!("SKU {}: Fargate price without a regionCode", price.sku));
        };
        if !price.is_usd_rate() {
            continue;
        }
        let slot = match rate {
            FargateRate::Storage => {
                storage.insert(region.clone(), price.price);
                continue;
            }
            FargateRate::Vcpu(p) => &mut partial.entry((region.clone(), p)).or_default().vcpu,
            FargateRate::Gb(p) => &mut partial.entry((region.clone(), p)).or_default().gb,
            FargateRate::OsLicence => &mut partial.entry((region.clone(), Platform::Windows)).or_default().os,
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

/// AWS's own rates as a refresh keeps them (`aws`): on-demand and storage from
/// its offers, Spot from its feed and Compute Savings Plans from its price
/// list, all published, each with its file's date. They go first: the other
/// sources only fill what they leave.
pub fn add_refreshed(out: &mut ByRegion, aws: &AwsPrices, is_region: impl Fn(&str) -> bool) -> Result<(), String> {
    let platform = |slug: &str| Platform::from_slug(slug).ok_or_else(|| format!("aws prices: unknown platform {slug}"));
    for r in aws.fargate.iter().filter(|r| is_region(&r.region)) {
        let published = || origin(ID_AWS_ECS, Provenance::Published, Some(&r.as_of), None);
        let on_demand = RateSet { vcpu_hour: r.vcpu_hour, gb_hour: r.gb_hour, os_vcpu_hour: r.os_vcpu_hour, origin: published() };
        let storage = r.storage_gb_hour.map(|gb_hour| StorageRate { gb_hour, origin: published() });
        let fresh = FargatePrices { on_demand, storage, spot: None, savings_plan_1y: None, savings_plan_3y: None };
        replace_on_demand(out.entry(r.region.clone()).or_default(), platform(&r.platform)?, fresh);
    }
    for r in aws.fargate_discounts.iter().filter(|r| is_region(&r.region)) {
        let option = FargateOption::ALL
            .into_iter()
            .find(|o| o.slug() == r.option)
            .ok_or_else(|| format!("aws prices: unknown option {}", r.option))?;
        let source = if option == FargateOption::Spot { ID_AWS_FARGATE_SPOT } else { ID_AWS_SAVINGS_PLANS };
        let platform = platform(&r.platform)?;
        let Some(prices) = out.get_mut(&r.region).and_then(|p| p.get_mut(&platform)) else { continue };
        let set = RateSet {
            vcpu_hour: r.vcpu_hour,
            gb_hour: r.gb_hour,
            os_vcpu_hour: None,
            origin: origin(source, Provenance::Published, Some(&r.as_of), None),
        };
        match option {
            FargateOption::OnDemand => return Err("aws prices: an on-demand rate among the discounts".into()),
            FargateOption::Spot => prices.spot = Some(set),
            FargateOption::SavingsPlan1y => prices.savings_plan_1y = Some(set),
            FargateOption::SavingsPlan3y => prices.savings_plan_3y = Some(set),
        }
    }
    Ok(())
}

/// One row of the pricing page's data, flattened (`fargate_ondemand_35regions_*.csv`):
/// USD per vCPU-hour and per GB-hour; empty where the page has none.
#[derive(Deserialize)]
struct PageRow {
    region_code: String,
    x86_vcpu_hour: Option<f64>,
    x86_gb_hour: Option<f64>,
    arm_vcpu_hour: Option<f64>,
    arm_gb_hour: Option<f64>,
    win_vcpu_hour: Option<f64>,
    win_gb_hour: Option<f64>,
    win_os_licence_vcpu_hour: Option<f64>,
    ephemeral_storage_gb_hour: Option<f64>,
    publication_date: String,
}

fn positive(x: Option<f64>) -> Option<f64> {
    x.filter(|x| x.is_finite() && *x > 0.0)
}

/// Adds the on-demand and storage rates of AWS's Fargate pricing-page data
/// where nothing better is there (an offer file's, which is newer), for every
/// platform a region has both rates of (Windows also its licence).
pub fn add_pricing_page(out: &mut ByRegion, csv_text: &str, is_region: impl Fn(&str) -> bool) -> Result<String, String> {
    let mut newest = String::new();
    for (i, row) in csv::Reader::from_reader(csv_text.as_bytes()).deserialize::<PageRow>().enumerate() {
        let row = row.map_err(|e| format!("Fargate pricing-page rates row {}: {e}", i + 2))?;
        if !is_region(&row.region_code) {
            continue;
        }
        let as_of = row.publication_date.get(..10).unwrap_or(&row.publication_date).to_string();
        newest = newest.max(as_of.clone());
        let published = || origin(ID_FARGATE_PAGE, Provenance::Published, Some(&as_of), None);
        let storage = positive(row.ephemeral_storage_gb_hour).map(|gb_hour| StorageRate { gb_hour, origin: published() });
        let platforms = [
            (Platform::LinuxX86, row.x86_vcpu_hour, row.x86_gb_hour, None),
            (Platform::LinuxArm, row.arm_vcpu_hour, row.arm_gb_hour, None),
            (Platform::Windows, row.win_vcpu_hour, row.win_gb_hour, positive(row.win_os_licence_vcpu_hour)),
        ];
        let region = out.entry(row.region_code.clone()).or_default();
        for (platform, vcpu, gb, os) in platforms {
            let (Some(vcpu_hour), Some(gb_hour)) = (positive(vcpu), positive(gb)) else { continue };
            if region.contains_key(&platform) || (platform == Platform::Windows && os.is_none()) {
                continue;
            }
            let on_demand = RateSet { vcpu_hour, gb_hour, os_vcpu_hour: os, origin: published() };
            region.insert(
                platform,
                FargatePrices { on_demand, storage: storage.clone(), spot: None, savings_plan_1y: None, savings_plan_3y: None },
            );
        }
    }
    Ok(newest)
}

/// One point of `spot_and_savings_plans_points.csv`: a source's Fargate Spot or
/// Savings Plans rate for a region and platform, USD, with its date if known.
#[derive(Deserialize)]
struct Point {
    region: String,
    platform: String,
    option: String,
    vcpu_hour: f64,
    gb_hour: f64,
    as_of: Option<String>,
    source: String,
}

/// Puts each point where its region and platform have on-demand rates (a
/// discount needs something to be a discount from), the newest first: a
/// dated point beats an undated one, and both beat nothing.
pub fn add_points(out: &mut ByRegion, csv_text: &str, note: impl Fn(&str) -> Option<String>) -> Result<(), String> {
    let mut points: Vec<Point> = Vec::new();
    for (i, row) in csv::Reader::from_reader(csv_text.as_bytes()).deserialize::<Point>().enumerate() {
        points.push(row.map_err(|e| format!("Fargate Spot and Savings Plans points row {}: {e}", i + 2))?);
    }
    // Newest first: a later point for the same slot never replaces an earlier-sorted one.
    points.sort_by(|a, b| b.as_of.cmp(&a.as_of));
    for p in points {
        let at = format!("{} {} {}", p.region, p.platform, p.option);
        let platform = Platform::from_slug(&p.platform).ok_or_else(|| format!("{at}: unknown platform"))?;
        let option = FargateOption::ALL.into_iter().find(|o| o.slug() == p.option).ok_or_else(|| format!("{at}: unknown option"))?;
        if positive(Some(p.vcpu_hour)).is_none() || positive(Some(p.gb_hour)).is_none() {
            return Err(format!("{at}: not a positive price"));
        }
        let Some(prices) = out.get_mut(&p.region).and_then(|r| r.get_mut(&platform)) else { continue };
        let slot = match option {
            FargateOption::OnDemand => return Err(format!("{at}: on-demand rates come from AWS's files")),
            FargateOption::Spot => &mut prices.spot,
            FargateOption::SavingsPlan1y => &mut prices.savings_plan_1y,
            FargateOption::SavingsPlan3y => &mut prices.savings_plan_3y,
        };
        if slot.is_none() {
            let origin = origin(&p.source, Provenance::Secondary, p.as_of.as_deref(), note(&p.source));
            *slot = Some(RateSet { vcpu_hour: p.vcpu_hour, gb_hour: p.gb_hour, os_vcpu_hour: None, origin });
        }
    }
    Ok(())
}

#[derive(Deserialize)]
struct Table2021 {
    regions: Vec<Row2021>,
}

#[derive(Deserialize)]
struct Row2021 {
    region: String,
    spot_usd_per_vcpu_hour: f64,
    spot_usd_per_gb_hour: f64,
}

/// Adds the January 2021 table's Linux/x86 Fargate Spot rates where no newer
/// one is known. (Its on-demand rates are AWS's published ones of today.)
pub fn add_2021_spot(out: &mut ByRegion, json: &str, is_region: impl Fn(&str) -> bool) -> Result<(), String> {
    let table: Table2021 = serde_json::from_str(json).map_err(|e| format!("2021 Fargate table: {e}"))?;
    for row in table.regions.into_iter().filter(|r| is_region(&r.region)) {
        let (Some(vcpu_hour), Some(gb_hour)) = (positive(Some(row.spot_usd_per_vcpu_hour)), positive(Some(row.spot_usd_per_gb_hour)))
        else {
            continue;
        };
        let Some(prices) = out.get_mut(&row.region).and_then(|r| r.get_mut(&Platform::LinuxX86)) else { continue };
        if prices.spot.is_none() {
            let origin = origin(ID_FARGATE_2021, Provenance::Secondary, Some("2021-01"), None);
            prices.spot = Some(RateSet { vcpu_hour, gb_hour, os_vcpu_hour: None, origin });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "region_code,location,x86_vcpu_hour,x86_gb_hour,arm_vcpu_hour,arm_gb_hour,win_vcpu_hour,win_gb_hour,win_os_licence_vcpu_hour,ephemeral_storage_gb_hour,ecs_anywhere_instance_hour,x86_vcpu_hour_ratecode,x86_gb_hour_ratecode,publication_date\n\
        ap-south-1,Asia Pacific (Mumbai),0.0425600000,0.0046550000,0.0238300000,0.0026100000,0.0489440000,0.0053532500,0.0460000000,0.0001270000,0.0102500000,a,b,2025-06-05T17:56:26Z\n\
        ap-east-2,Asia Pacific (Taipei),0.0455040000,0.0049770000,0.0364050000,0.0039780000,,,,0.0001197000,0.0102500000,c,d,2025-06-05T17:56:26Z\n\
        us-gov-west-1,AWS GovCloud (US),0.1,0.01,,,,,,,,e,f,2025-06-05T17:56:26Z\n";

    #[test]
    fn the_pricing_page_is_published_for_every_platform_it_prices() {
        let mut out = ByRegion::new();
        assert_eq!(add_pricing_page(&mut out, PAGE, |r| !r.starts_with("us-gov")).unwrap(), "2025-06-05");
        let arm = &out["ap-south-1"][&Platform::LinuxArm];
        // AWS's own ARM rate, not x86 × a ratio (which gave 0.034044 / 0.003728, 43% too high).
        assert_eq!(
            (arm.on_demand.vcpu_hour, arm.on_demand.gb_hour, arm.on_demand.origin.provenance),
            (0.02383, 0.00261, Provenance::Published)
        );
        assert_eq!(arm.on_demand.origin.as_of.as_deref(), Some("2025-06-05"));
        let windows = &out["ap-south-1"][&Platform::Windows].on_demand;
        assert_eq!((windows.vcpu_hour, windows.os_vcpu_hour), (0.048944, Some(0.046)));
        assert_eq!(out["ap-south-1"][&Platform::LinuxX86].storage.as_ref().map(|s| s.gb_hour), Some(0.000127));
        assert!(!out["ap-east-2"].contains_key(&Platform::Windows), "Taipei has no Windows rates");
        assert!(!out.contains_key("us-gov-west-1"));
    }

    #[test]
    fn the_newest_point_wins_and_needs_an_on_demand_rate() {
        let mut out = ByRegion::new();
        add_pricing_page(&mut out, PAGE, |_| true).unwrap();
        let points = "region,platform,option,vcpu_hour,gb_hour,as_of,source\n\
            ap-south-1,linux-x86,spot,0.013,0.0014,,undated-note\n\
            ap-south-1,linux-x86,spot,0.012,0.0013,2026-09-28,dated-note\n\
            ap-south-1,linux-arm,savings-plan-3y,0.013,0.0014,2026-09-25,dated-note\n\
            eu-west-9,linux-x86,spot,0.01,0.001,2026-09-28,dated-note\n";
        add_points(&mut out, points, |id| (id == "undated-note").then(|| "why".to_string())).unwrap();
        let spot = out["ap-south-1"][&Platform::LinuxX86].spot.as_ref().unwrap();
        assert_eq!((spot.vcpu_hour, spot.origin.source.as_str(), spot.origin.as_of.as_deref()), (0.012, "dated-note", Some("2026-09-28")));
        assert_eq!(out["ap-south-1"][&Platform::LinuxArm].savings_plan_3y.as_ref().map(|s| s.gb_hour), Some(0.0014));
        assert!(!out.contains_key("eu-west-9"), "no on-demand rate there: no point put");
        let bad = "region,platform,option,vcpu_hour,gb_hour,as_of,source\nap-south-1,linux-x86,on-demand,0.1,0.01,,x\n";
        assert!(add_points(&mut out, bad, |_| None).unwrap_err().contains("on-demand rates come from AWS's files"));
    }

    #[test]
    fn the_2021_spot_rates_fill_only_what_is_left() {
        let mut out = ByRegion::new();
        add_pricing_page(&mut out, PAGE, |_| true).unwrap();
        let table = r#"{"regions":[{"region":"ap-south-1","spot_usd_per_vcpu_hour":0.0133282,"spot_usd_per_gb_hour":0.00145777},
            {"region":"ap-east-2","spot_usd_per_vcpu_hour":0,"spot_usd_per_gb_hour":0}]}"#;
        add_2021_spot(&mut out, table, |_| true).unwrap();
        let spot = out["ap-south-1"][&Platform::LinuxX86].spot.as_ref().unwrap();
        assert_eq!((spot.vcpu_hour, spot.origin.as_of.as_deref()), (0.0133282, Some("2021-01")));
        assert!(out["ap-east-2"][&Platform::LinuxX86].spot.is_none(), "a zero is no price");
        assert!(out["ap-south-1"][&Platform::LinuxArm].spot.is_none(), "the table is x86 only");
    }
}
