//! Reading AWS Price List bulk offer files (the `AmazonECS`/`AmazonEC2` JSON).
//!
//! Only what the snapshot needs: each product's attributes and its OnDemand
//! price dimensions. Prices stay tied to their currency, so a CNY price can
//! never be read as USD, and tiered prices are reported as tiers, not flattened.

use crate::model::platform::Platform;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OfferFile {
    pub offer_code: String,
    pub version: String,
    pub publication_date: String,
    pub products: BTreeMap<String, Product>,
    #[serde(default)]
    pub terms: Terms,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Product {
    pub sku: String,
    #[serde(default)]
    pub product_family: Option<String>,
    #[serde(default)]
    pub attributes: BTreeMap<String, String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct Terms {
    /// sku → offer term code → term.
    #[serde(rename = "OnDemand", default)]
    pub on_demand: BTreeMap<String, BTreeMap<String, Term>>,
    #[serde(rename = "Reserved", default)]
    pub reserved: BTreeMap<String, BTreeMap<String, Term>>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Term {
    #[serde(default)]
    pub effective_date: Option<String>,
    /// LeaseContractLength ("1yr"), OfferingClass ("standard"), PurchaseOption ("All Upfront").
    #[serde(default)]
    pub term_attributes: BTreeMap<String, String>,
    pub price_dimensions: BTreeMap<String, PriceDimension>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PriceDimension {
    pub unit: String,
    #[serde(default)]
    pub description: String,
    /// currency code → decimal string, e.g. {"USD": "0.0404800000"}.
    pub price_per_unit: BTreeMap<String, String>,
    #[serde(default)]
    pub begin_range: Option<String>,
    #[serde(default)]
    pub end_range: Option<String>,
}

/// One flat on-demand price: a product, a currency, one tier.
#[derive(Clone, Debug, PartialEq)]
pub struct OnDemandPrice<'a> {
    pub sku: &'a str,
    pub attributes: &'a BTreeMap<String, String>,
    pub unit: &'a str,
    pub currency: &'a str,
    pub price: f64,
    /// True when the dimension covers all usage (range 0 to Inf, or no range).
    pub untiered: bool,
}

impl OnDemandPrice<'_> {
    /// A USD price for all usage and above zero: a rate the snapshot takes.
    pub fn is_usd_rate(&self) -> bool {
        self.currency == "USD" && self.untiered && self.price.is_finite() && self.price > 0.0
    }
}

impl OfferFile {
    pub fn parse(json: &str) -> Result<OfferFile, String> {
        serde_json::from_str(json).map_err(|e| format!("not an AWS Price List offer file: {e}"))
    }

    /// Every on-demand price dimension of every product, in SKU order.
    pub fn on_demand_prices(&self) -> Result<Vec<OnDemandPrice<'_>>, String> {
        let mut out = Vec::new();
        for (sku, terms) in &self.terms.on_demand {
            let product = self.products.get(sku).ok_or_else(|| format!("OnDemand term for unknown SKU {sku}"))?;
            for term in terms.values() {
                for dim in term.price_dimensions.values() {
                    for (currency, text) in &dim.price_per_unit {
                        let price: f64 = text.parse().map_err(|_| format!("SKU {sku}: price {text:?} is not a number"))?;
                        let untiered = matches!(dim.begin_range.as_deref(), None | Some("0"))
                            && matches!(dim.end_range.as_deref(), None | Some("Inf"));
                        out.push(OnDemandPrice {
                            sku: &product.sku,
                            attributes: &product.attributes,
                            unit: &dim.unit,
                            currency,
                            price,
                            untiered,
                        });
                    }
                }
            }
        }
        Ok(out)
    }

    /// The publication date as YYYY-MM-DD.
    pub fn publication_day(&self) -> &str {
        self.publication_date.get(..10).unwrap_or(&self.publication_date)
    }
}

/// One record of the Pricing API's GetProducts answer (each `PriceList` entry,
/// decoded from its JSON string): a product and its terms.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PriceListItem {
    pub product: Product,
    #[serde(default)]
    pub terms: ItemTerms,
    #[serde(default)]
    pub version: Option<String>,
    #[serde(default)]
    pub publication_date: Option<String>,
}

/// A GetProducts record's terms: keyed by term code directly (a bulk offer
/// file has a SKU level above that).
#[derive(Debug, Default, Deserialize)]
pub struct ItemTerms {
    #[serde(rename = "OnDemand", default)]
    pub on_demand: BTreeMap<String, Term>,
    #[serde(rename = "Reserved", default)]
    pub reserved: BTreeMap<String, Term>,
}

impl PriceListItem {
    pub fn parse(json: &str) -> Result<PriceListItem, String> {
        serde_json::from_str(json).map_err(|e| format!("not a GetProducts price list item: {e}"))
    }

    pub fn instance_price(&self) -> Result<InstancePrice, Skipped> {
        instance_price(&self.product, Some(&self.terms.on_demand), Some(&self.terms.reserved))
    }
}

/// An EC2 instance type's prices in one region and OS, USD per instance-hour,
/// as AWS's own files give them. Reserved prices are Standard, all upfront, as
/// the effective hourly rate: (upfront fee + hourly fee × hours) ÷ hours in the term.
#[derive(Clone, Debug, PartialEq)]
pub struct InstancePrice {
    pub region: String,
    pub instance_type: String,
    /// "linux" or "mswin" (Windows, licence included), as in the snapshot's sources.
    pub os: &'static str,
    pub on_demand: Option<f64>,
    pub reserved_1y: Option<f64>,
    pub reserved_3y: Option<f64>,
}

/// Why a product is not an instance price the explorer can use.
#[derive(Clone, Debug, PartialEq)]
pub enum Skipped {
    /// Storage, load balancers, data transfer…
    NotAnInstance,
    /// Dedicated tenancy or hosts, SQL Server and other pre-installed software,
    /// reservations' "unused" capacity lines, bring-your-own-licence.
    NotSharedPlainOs(String),
    /// Capacity Blocks are priced per reservation, shown as $0.00/h in the offer.
    CapacityBlock,
    NotUsd(String),
    /// An on-demand term that is not an hourly price (one sample holds a
    /// reserved upfront fee under OnDemand).
    NotHourly(String),
    NoPrice,
    /// No `regionCode`, and a `location` that is not a commercial region.
    UnknownRegion(String),
}

fn attr<'a>(product: &'a Product, key: &str) -> &'a str {
    product.attributes.get(key).map_or("", String::as_str)
}

/// The USD amount of a dimension, refusing other currencies and non-numbers.
fn usd(dim: &PriceDimension) -> Result<f64, Skipped> {
    match dim.price_per_unit.get("USD") {
        Some(text) => text.trim().parse().map_err(|_| Skipped::NoPrice),
        None => Err(Skipped::NotUsd(dim.price_per_unit.keys().cloned().collect::<Vec<_>>().join(","))),
    }
}

/// Hours in a reservation term of `years` years (AWS counts 8,760 h a year).
fn term_hours(years: u32) -> f64 {
    8760.0 * f64::from(years)
}

/// Effective hourly USD of a Standard all-upfront reservation term, or None
/// for any other kind of term.
fn reserved_all_upfront(term: &Term) -> Result<Option<(u32, f64)>, Skipped> {
    let years = match term.term_attributes.get("LeaseContractLength").map(String::as_str) {
        Some("1yr") => 1,
        Some("3yr") => 3,
        _ => return Ok(None),
    };
    if term.term_attributes.get("OfferingClass").map(String::as_str) != Some("standard")
        || term.term_attributes.get("PurchaseOption").map(String::as_str) != Some("All Upfront")
    {
        return Ok(None);
    }
    let mut upfront = 0.0;
    let mut hourly = 0.0;
    for dim in term.price_dimensions.values() {
        match dim.unit.as_str() {
            "Quantity" => upfront += usd(dim)?,
            "Hrs" => hourly += usd(dim)?,
            other => return Err(Skipped::NotHourly(other.to_string())),
        }
    }
    let hours = term_hours(years);
    Ok(Some((years, (upfront + hourly * hours) / hours)))
}

/// Reads one product with its terms into an instance price, or says why not.
pub fn instance_price(
    product: &Product,
    on_demand: Option<&BTreeMap<String, Term>>,
    reserved: Option<&BTreeMap<String, Term>>,
) -> Result<InstancePrice, Skipped> {
    if product.product_family.as_deref() != Some("Compute Instance") || attr(product, "instanceType").is_empty() {
        return Err(Skipped::NotAnInstance);
    }
    if attr(product, "marketoption") == "CapacityBlock" || attr(product, "operation").ends_with(":CB") {
        return Err(Skipped::CapacityBlock);
    }
    let os = match (attr(product, "operatingSystem"), attr(product, "licenseModel")) {
        ("Linux", "No License required") => "linux",
        ("Windows", "License Included") => "mswin",
        (os, licence) => return Err(Skipped::NotSharedPlainOs(format!("{os}, {licence}"))),
    };
    for (key, want) in [("tenancy", "Shared"), ("preInstalledSw", "NA"), ("capacitystatus", "Used")] {
        let value = attr(product, key);
        if !value.is_empty() && value != want {
            return Err(Skipped::NotSharedPlainOs(format!("{key} {value}")));
        }
    }
    let region = match attr(product, "regionCode") {
        "" => super::regions::code_for_location(attr(product, "location"))
            .ok_or_else(|| Skipped::UnknownRegion(attr(product, "location").to_string()))?
            .to_string(),
        code => code.to_string(),
    };
    let mut price = InstancePrice {
        region,
        instance_type: attr(product, "instanceType").to_string(),
        os,
        on_demand: None,
        reserved_1y: None,
        reserved_3y: None,
    };
    for term in on_demand.into_iter().flat_map(|t| t.values()) {
        for dim in term.price_dimensions.values() {
            if dim.unit != "Hrs" {
                return Err(Skipped::NotHourly(format!("{} ({})", dim.unit, dim.description)));
            }
            let value = usd(dim)?;
            // A zero on-demand price is not a price (see Capacity Blocks).
            price.on_demand = (value > 0.0).then_some(value);
        }
    }
    for term in reserved.into_iter().flat_map(|t| t.values()) {
        match reserved_all_upfront(term)? {
            Some((1, hourly)) if hourly > 0.0 => price.reserved_1y = Some(hourly),
            Some((3, hourly)) if hourly > 0.0 => price.reserved_3y = Some(hourly),
            _ => {}
        }
    }
    if price.on_demand.is_none() {
        return Err(Skipped::NoPrice);
    }
    Ok(price)
}

impl OfferFile {
    /// Every instance price in a bulk AmazonEC2 offer, and what was skipped, by SKU.
    pub fn instance_prices(&self) -> (Vec<InstancePrice>, Vec<(String, Skipped)>) {
        let mut prices = Vec::new();
        let mut skipped = Vec::new();
        for (sku, product) in &self.products {
            match instance_price(product, self.terms.on_demand.get(sku), self.terms.reserved.get(sku)) {
                Ok(p) => prices.push(p),
                Err(why) => skipped.push((sku.clone(), why)),
            }
        }
        (prices, skipped)
    }
}

/// Which Fargate rate an AmazonECS usage type is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum FargateRate {
    Vcpu(Platform),
    Gb(Platform),
    /// Windows' OS licence, per vCPU-hour.
    OsLicence,
    /// Ephemeral storage is one rate for every platform.
    Storage,
}

/// `EUC1-Fargate-ARM-vCPU-Hours:perCPU` → the ARM vCPU rate, in any region.
pub fn fargate_rate(usage_type: &str) -> Option<FargateRate> {
    Some(match usage_type_without_region(usage_type) {
        "Fargate-vCPU-Hours:perCPU" => FargateRate::Vcpu(Platform::LinuxX86),
        "Fargate-GB-Hours" => FargateRate::Gb(Platform::LinuxX86),
        "Fargate-ARM-vCPU-Hours:perCPU" => FargateRate::Vcpu(Platform::LinuxArm),
        "Fargate-ARM-GB-Hours" => FargateRate::Gb(Platform::LinuxArm),
        "Fargate-Windows-vCPU-Hours:perCPU" => FargateRate::Vcpu(Platform::Windows),
        "Fargate-Windows-GB-Hours" => FargateRate::Gb(Platform::Windows),
        "Fargate-Windows-OS-Hours:perCPU" => FargateRate::OsLicence,
        "Fargate-EphemeralStorage-GB-Hours" => FargateRate::Storage,
        _ => return None,
    })
}

/// The instance type of a Managed Instances fee's usage type:
/// `USE1-ECS-Managed-Instances:m7g.large-management-hours` → `m7g.large`.
pub fn managed_instances_type(usage_type: &str) -> Option<&str> {
    usage_type_without_region(usage_type).strip_prefix("ECS-Managed-Instances:")?.strip_suffix("-management-hours")
}

/// `USE1-Fargate-GB-Hours` → `Fargate-GB-Hours`: usage types carry a region
/// prefix (upper-case letters and digits) except in a few regions.
pub fn usage_type_without_region(usage_type: &str) -> &str {
    match usage_type.split_once('-') {
        Some((prefix, rest))
            if !prefix.is_empty() && prefix.len() <= 5 && prefix.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()) =>
        {
            rest
        }
        _ => usage_type,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_region_prefixes_only() {
        assert_eq!(usage_type_without_region("USE1-Fargate-GB-Hours"), "Fargate-GB-Hours");
        assert_eq!(usage_type_without_region("EUC1-Fargate-ARM-GB-Hours"), "Fargate-ARM-GB-Hours");
        assert_eq!(usage_type_without_region("Fargate-GB-Hours"), "Fargate-GB-Hours");
    }

    #[test]
    fn reads_tiers_and_currency() {
        let json = r#"{"offerCode":"AmazonECS","version":"1","publicationDate":"2025-08-28T17:27:23Z",
          "products":{"A":{"sku":"A","attributes":{"usagetype":"X"}}},
          "terms":{"OnDemand":{"A":{"A.T":{"priceDimensions":{
            "A.T.1":{"unit":"hours","pricePerUnit":{"USD":"0"},"beginRange":"0","endRange":"2200"},
            "A.T.2":{"unit":"hours","pricePerUnit":{"CNY":"0.5"},"beginRange":"2200","endRange":"Inf"}}}}}}}"#;
        let offer = OfferFile::parse(json).unwrap();
        assert_eq!(offer.publication_day(), "2025-08-28");
        let prices = offer.on_demand_prices().unwrap();
        assert_eq!(prices.len(), 2);
        assert_eq!((prices[0].currency, prices[0].price, prices[0].untiered), ("USD", 0.0, false));
        assert_eq!((prices[1].currency, prices[1].price, prices[1].untiered), ("CNY", 0.5, false));
    }

    #[test]
    fn unknown_sku_and_bad_price_are_errors() {
        let json = r#"{"offerCode":"X","version":"1","publicationDate":"2025-01-01",
          "products":{}, "terms":{"OnDemand":{"B":{"B.T":{"priceDimensions":{}}}}}}"#;
        assert!(OfferFile::parse(json).unwrap().on_demand_prices().unwrap_err().contains("unknown SKU B"));
        let json = r#"{"offerCode":"X","version":"1","publicationDate":"2025-01-01",
          "products":{"A":{"sku":"A"}}, "terms":{"OnDemand":{"A":{"A.T":{"priceDimensions":{
            "d":{"unit":"hours","pricePerUnit":{"USD":"free"}}}}}}}}"#;
        assert!(OfferFile::parse(json).unwrap().on_demand_prices().unwrap_err().contains("\"free\""));
    }
}
