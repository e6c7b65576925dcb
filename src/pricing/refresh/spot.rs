//! The Spot prices behind AWS's pricing pages: EC2's `spot.js` (a JSONP
//! `callback({…})` of regions → instance types → Linux and Windows prices)
//! and Fargate's `fargate-spot-prices.json` (a list of per-region rates, ARM
//! marked by its unit). Neither is part of the Price List; both are what AWS
//! shows on its pages. A price of "N/A" or -1 (not offered) is skipped; a
//! region name the refresh does not know is listed, never guessed.

use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

/// The EC2 feed's region names: today's codes, and the older names it has used.
fn region_code(name: &str, known: impl Fn(&str) -> bool) -> Option<String> {
    if known(name) {
        return Some(name.to_string());
    }
    let code = match name {
        "us-east" => "us-east-1",
        "us-west" => "us-west-1",
        "eu-ireland" => "eu-west-1",
        "apac-sin" => "ap-southeast-1",
        "apac-syd" => "ap-southeast-2",
        "apac-tokyo" => "ap-northeast-1",
        _ => return None,
    };
    Some(code.to_string())
}

#[derive(Deserialize)]
struct SpotJs {
    config: SpotConfig,
}

#[derive(Deserialize)]
struct SpotConfig {
    regions: Vec<SpotRegion>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SpotRegion {
    region: String,
    instance_types: Vec<SpotFamily>,
}

#[derive(Deserialize)]
struct SpotFamily {
    sizes: Vec<SpotSize>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SpotSize {
    size: String,
    value_columns: Vec<SpotColumn>,
}

#[derive(Deserialize)]
struct SpotColumn {
    name: String,
    prices: BTreeMap<String, String>,
}

/// EC2 Spot prices by (region, type, "linux" | "mswin"), USD per hour, and
/// the feed's regions the refresh does not know.
#[derive(Debug, Default, PartialEq)]
pub struct Ec2Spot {
    pub prices: BTreeMap<(String, String, String), f64>,
    pub unknown_regions: BTreeSet<String>,
}

/// A price the feed marks as not offered ("N/A*", "-1") is None; a value that
/// is neither is an error.
fn offered(text: &str) -> Result<Option<f64>, String> {
    if text.starts_with("N/A") {
        return Ok(None);
    }
    let price: f64 = text.parse().map_err(|_| format!("price {text:?} is not a number"))?;
    Ok((price.is_finite() && price > 0.0).then_some(price))
}

pub fn ec2(text: &str, url: &str, known: impl Fn(&str) -> bool) -> Result<Ec2Spot, String> {
    // The JSON between `callback(` and its closing parenthesis (comments may precede it).
    let json = text
        .split_once("callback(")
        .and_then(|(_, rest)| rest.rsplit_once(')'))
        .map(|(json, _)| json)
        .ok_or_else(|| format!("{url}: not the Spot feed (no callback(…))"))?;
    let feed: SpotJs = serde_json::from_str(json).map_err(|e| format!("{url}: {e}"))?;
    let mut out = Ec2Spot::default();
    for region in feed.config.regions {
        let Some(code) = region_code(&region.region, &known) else {
            out.unknown_regions.insert(region.region);
            continue;
        };
        for size in region.instance_types.iter().flat_map(|f| &f.sizes) {
            for column in &size.value_columns {
                let os = match column.name.as_str() {
                    "linux" => "linux",
                    "mswin" => "mswin",
                    _ => continue,
                };
                let Some(text) = column.prices.get("USD") else { continue };
                if let Some(price) = offered(text).map_err(|e| format!("{url}: {} {}: {e}", region.region, size.size))? {
                    out.prices.insert((code.clone(), size.size.clone(), os.to_string()), price);
                }
            }
        }
    }
    Ok(out)
}

#[derive(Deserialize)]
struct FargateFeed {
    #[serde(default)]
    metadata: BTreeMap<String, String>,
    prices: Vec<FargatePrice>,
}

#[derive(Deserialize)]
struct FargatePrice {
    unit: String,
    price: BTreeMap<String, String>,
    attributes: BTreeMap<String, String>,
}

/// Fargate Spot rates by (region, platform slug): (per vCPU-hour, per GB-hour).
#[derive(Debug, Default, PartialEq)]
pub struct FargateSpot {
    /// The feed's own date (`source:version`, YYYYMMDDhhmmss), as YYYY-MM-DD.
    pub published: Option<String>,
    pub rates: BTreeMap<(String, String), super::VcpuGb>,
}

pub fn fargate(text: &str, url: &str) -> Result<FargateSpot, String> {
    let feed: FargateFeed = serde_json::from_str(text).map_err(|e| format!("{url}: {e}"))?;
    let published = feed
        .metadata
        .get("source:version")
        .filter(|v| v.len() >= 8 && v.bytes().all(|b| b.is_ascii_digit()))
        .map(|v| format!("{}-{}-{}", &v[..4], &v[4..6], &v[6..8]));
    let mut out = FargateSpot { published, rates: BTreeMap::new() };
    for p in feed.prices {
        let (platform, per_vcpu) = match p.unit.as_str() {
            "vCPU-Hours" => ("linux-x86", true),
            "GB-Hours" => ("linux-x86", false),
            "ARM-vCPU-Hours" => ("linux-arm", true),
            "ARM-GB-Hours" => ("linux-arm", false),
            _ => continue,
        };
        let Some(region) = p.attributes.get("aws:region") else { continue };
        let Some(text) = p.price.get("USD") else { continue };
        let Some(price) = offered(text).map_err(|e| format!("{url}: {region}: {e}"))? else { continue };
        let rates = out.rates.entry((region.clone(), platform.to_string())).or_default();
        if per_vcpu {
            rates.0 = Some(price);
        } else {
            rates.1 = Some(price);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ec2_feed_by_todays_codes_and_older_names() {
        let js = r#"/* a comment */ callback({"vers":0.01,"config":{"rate":"perhr","regions":[
            {"region":"us-east","instanceTypes":[{"type":"generalCurrentGen","sizes":[
                {"size":"m5.large","valueColumns":[{"name":"linux","prices":{"USD":"0.0412"}},{"name":"mswin","prices":{"USD":"N/A*"}}]}]}]},
            {"region":"eu-west-3","instanceTypes":[{"sizes":[{"size":"m5.large","valueColumns":[{"name":"linux","prices":{"USD":"0.039"}}]}]}]},
            {"region":"mars-north","instanceTypes":[]}]}});"#;
        let feed = ec2(js, "spot.js", |r| r == "eu-west-3").unwrap();
        assert_eq!(feed.prices[&("us-east-1".into(), "m5.large".into(), "linux".into())], 0.0412);
        assert_eq!(feed.prices[&("eu-west-3".into(), "m5.large".into(), "linux".into())], 0.039);
        assert_eq!(feed.prices.len(), 2, "N/A is no price");
        assert_eq!(feed.unknown_regions, BTreeSet::from(["mars-north".to_string()]));
        assert!(ec2("<html>", "spot.js", |_| true).unwrap_err().contains("no callback"));
        assert!(ec2(&js.replace("0.039", "cheap"), "spot.js", |_| true).unwrap_err().contains("\"cheap\" is not a number"));
    }

    #[test]
    fn the_fargate_feed_with_arm_by_its_unit() {
        let json = r#"{"metadata":{"source:version":"20261204101112"},"prices":[
            {"unit":"vCPU-Hours","price":{"USD":"0.01288871"},"attributes":{"aws:region":"us-east-1"}},
            {"unit":"GB-Hours","price":{"USD":"0.00141527"},"attributes":{"aws:region":"us-east-1"}},
            {"unit":"ARM-vCPU-Hours","price":{"USD":"0.01030969"},"attributes":{"aws:region":"us-east-1"}},
            {"unit":"Windows-vCPU-Hours","price":{"USD":"0.5"},"attributes":{"aws:region":"us-east-1"}}]}"#;
        let feed = fargate(json, "fargate.json").unwrap();
        assert_eq!(feed.published.as_deref(), Some("2026-12-04"));
        assert_eq!(feed.rates[&("us-east-1".into(), "linux-x86".into())], (Some(0.01288871), Some(0.00141527)));
        assert_eq!(feed.rates[&("us-east-1".into(), "linux-arm".into())], (Some(0.01030969), None));
        assert_eq!(feed.rates.len(), 2, "a unit the refresh does not know is not read");
    }
}
