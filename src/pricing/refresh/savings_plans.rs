//! AWS's Savings Plans price lists (`AWSComputeSavingsPlan`,
//! `AWSEC2InstanceSavingsPlan`): a region's file lists the plans (`products`)
//! and, per plan, a rate for every product it discounts (`terms.savingsPlan[].
//! rates[]`): hundreds of megabytes for a large region. It is read as a
//! stream with serde's visitors, keeping only the rates of the no-upfront
//! 1- and 3-year plans for the EC2 products the region's offer listed (by
//! SKU) and for Fargate (by usage type).

use crate::pricing::offer::{fargate_rate, FargateRate};
use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt;
use std::io::Read;

/// A plan the snapshot prices: Compute or EC2 Instance, 1 or 3 years, no upfront.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Plan {
    pub compute: bool,
    pub years: u32,
}

impl Plan {
    /// Its place in `Ec2Rates`: compute 1y, compute 3y, instance 1y, instance 3y.
    fn index(self) -> usize {
        (if self.compute { 0 } else { 2 }) + if self.years == 1 { 0 } else { 1 }
    }
}

/// An EC2 type's rates under each plan (no upfront), USD per instance-hour.
pub type Ec2Rates = [Option<f64>; 4];

/// What a region's file gives.
#[derive(Debug, Default, PartialEq)]
pub struct Rates {
    pub published: Option<String>,
    /// (type, os) → rates.
    pub ec2: BTreeMap<(String, String), Ec2Rates>,
    /// (platform slug, years) → (per vCPU-hour, per GB-hour), Compute plans.
    pub fargate: BTreeMap<(String, u32), super::VcpuGb>,
    pub not_usd: u32,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Product {
    sku: String,
    #[serde(default)]
    product_family: String,
    #[serde(default)]
    attributes: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Rate {
    #[serde(default)]
    discounted_sku: String,
    #[serde(default)]
    discounted_usage_type: String,
    #[serde(default)]
    discounted_region_code: Option<String>,
    discounted_rate: DiscountedRate,
}

#[derive(Deserialize)]
struct DiscountedRate {
    price: String,
    #[serde(default)]
    currency: Option<String>,
}

/// The plan a product is, if it is one the snapshot prices.
fn plan(product: &Product) -> Option<Plan> {
    let compute = match product.product_family.as_str() {
        "ComputeSavingsPlans" => true,
        "EC2InstanceSavingsPlans" => false,
        _ => return None,
    };
    let years = match product.attributes.get("purchaseTerm").map(String::as_str) {
        Some("1yr") => 1,
        Some("3yr") => 3,
        _ => return None,
    };
    (product.attributes.get("purchaseOption").map(String::as_str) == Some("No Upfront")).then_some(Plan { compute, years })
}

/// What the reading needs and fills.
struct Context<'a> {
    region: &'a str,
    /// The region's EC2 SKUs: sku → (type, os).
    ec2_skus: &'a BTreeMap<String, (String, String)>,
    plans: BTreeMap<String, Plan>,
    out: RefCell<Rates>,
    error: RefCell<Option<String>>,
}

impl Context<'_> {
    /// Files one rate under `plan`, if it is a product the snapshot prices.
    fn take(&self, plan: Plan, rate: Rate) {
        if rate.discounted_region_code.as_deref().is_some_and(|r| r != self.region) {
            return; // a Local Zone's product, listed in its parent region's file
        }
        let mut out = self.out.borrow_mut();
        if rate.discounted_rate.currency.as_deref().is_some_and(|c| c != "USD") {
            out.not_usd += 1;
            return;
        }
        let Some(price) = rate.discounted_rate.price.parse::<f64>().ok().filter(|p| p.is_finite() && *p > 0.0) else {
            self.error.borrow_mut().get_or_insert_with(|| format!("price {:?} is not a number", rate.discounted_rate.price));
            return;
        };
        if let Some(key) = self.ec2_skus.get(&rate.discounted_sku) {
            out.ec2.entry(key.clone()).or_default()[plan.index()] = Some(price);
        } else if plan.compute {
            let (platform, per_vcpu) = match fargate_rate(&rate.discounted_usage_type) {
                Some(FargateRate::Vcpu(platform)) => (platform, true),
                Some(FargateRate::Gb(platform)) => (platform, false),
                _ => return,
            };
            let rates = out.fargate.entry((platform.slug().to_string(), plan.years)).or_default();
            if per_vcpu {
                rates.0 = Some(price);
            } else {
                rates.1 = Some(price);
            }
        }
    }
}

/// The whole file: `publicationDate`, `products`, then `terms`.
struct File<'c, 'a>(&'c mut Context<'a>);

impl<'de> Visitor<'de> for File<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a Savings Plans price list")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut products_read = false;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "publicationDate" => {
                    let date: String = map.next_value()?;
                    self.0.out.borrow_mut().published = Some(date.get(..10).unwrap_or(&date).to_string());
                }
                "products" => {
                    let products: Vec<Product> = map.next_value()?;
                    self.0.plans = products.iter().filter_map(|p| Some((p.sku.clone(), plan(p)?))).collect();
                    products_read = true;
                }
                "terms" if !products_read => return Err(serde::de::Error::custom("terms before products")),
                "terms" => map.next_value_seed(Terms(self.0))?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

/// `terms`: `{ "savingsPlan": [ term, … ] }`.
struct Terms<'c, 'a>(&'c Context<'a>);

impl<'de> DeserializeSeed<'de> for Terms<'_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Terms<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("the terms")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            if key == "savingsPlan" {
                map.next_value_seed(TermList(self.0))?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

/// The list of terms, one plan each, read one at a time.
struct TermList<'c, 'a>(&'c Context<'a>);

impl<'de> DeserializeSeed<'de> for TermList<'_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for TermList<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of Savings Plans terms")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(Term(self.0))?.is_some() {}
        Ok(())
    }
}

/// One term: its plan's `sku`, then its `rates`, streamed.
struct Term<'c, 'a>(&'c Context<'a>);

impl<'de> DeserializeSeed<'de> for Term<'_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Term<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a Savings Plans term")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut plan: Option<Option<Plan>> = None;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "sku" => {
                    let sku: String = map.next_value()?;
                    plan = Some(self.0.plans.get(&sku).copied());
                }
                // AWS's files name the plan first; rates of a plan not yet named cannot be filed.
                "rates" if plan.is_none() => return Err(serde::de::Error::custom("a term's rates before its sku")),
                "rates" => map.next_value_seed(RateList(self.0, plan.flatten()))?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

/// A term's rates, each kept or dropped as it is read.
struct RateList<'c, 'a>(&'c Context<'a>, Option<Plan>);

impl<'de> DeserializeSeed<'de> for RateList<'_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for RateList<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of rates")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        match self.1 {
            Some(plan) => {
                while let Some(rate) = seq.next_element::<Rate>()? {
                    self.0.take(plan, rate);
                }
            }
            None => while seq.next_element::<IgnoredAny>()?.is_some() {},
        }
        Ok(())
    }
}

/// Reads a region's Savings Plans file; `ec2_skus` are the region offer's.
pub fn read(body: impl Read, url: &str, region: &str, ec2_skus: &BTreeMap<String, (String, String)>) -> Result<Rates, String> {
    let mut context = Context { region, ec2_skus, plans: BTreeMap::new(), out: RefCell::default(), error: RefCell::default() };
    let mut json = serde_json::Deserializer::from_reader(std::io::BufReader::new(body));
    json.deserialize_map(File(&mut context)).map_err(|e| format!("{url}: {e}"))?;
    json.end().map_err(|e| format!("{url}: {e}"))?;
    if let Some(e) = context.error.take() {
        return Err(format!("{url}: {e}"));
    }
    Ok(context.out.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r#"{
      "version" : "20261201000000", "publicationDate" : "2026-12-01T00:00:00Z",
      "products" : [
        { "sku" : "C1", "productFamily" : "ComputeSavingsPlans", "usageType" : "ComputeSP:1yrNoUpfront",
          "attributes" : { "purchaseOption" : "No Upfront", "purchaseTerm" : "1yr" } },
        { "sku" : "C3A", "productFamily" : "ComputeSavingsPlans", "usageType" : "ComputeSP:3yrAllUpfront",
          "attributes" : { "purchaseOption" : "All Upfront", "purchaseTerm" : "3yr" } },
        { "sku" : "I3", "productFamily" : "EC2InstanceSavingsPlans", "usageType" : "USE1-EC2SP:m5.3yrNoUpfront",
          "attributes" : { "purchaseOption" : "No Upfront", "purchaseTerm" : "3yr", "instanceType" : "m5" } } ],
      "terms" : { "savingsPlan" : [
        { "sku" : "C1", "description" : "1 year No Upfront Compute Savings Plan", "leaseContractLength" : { "duration" : 1, "unit" : "year" },
          "rates" : [
            { "discountedSku" : "M5L", "discountedUsageType" : "USE1-BoxUsage:m5.large", "discountedOperation" : "RunInstances",
              "unit" : "Hrs", "discountedRate" : { "price" : "0.069", "currency" : "USD" }, "discountedRegionCode" : "us-east-1" },
            { "discountedSku" : "M5LZ", "discountedUsageType" : "USE1-DEN1-BoxUsage:m5.large", "discountedRate" : { "price" : "0.08" },
              "discountedRegionCode" : "us-west-2-den-1" },
            { "discountedSku" : "F1", "discountedUsageType" : "USE1-Fargate-vCPU-Hours:perCPU", "discountedRate" : { "price" : "0.032384", "currency" : "USD" } },
            { "discountedSku" : "F2", "discountedUsageType" : "USE1-Fargate-GB-Hours", "discountedRate" : { "price" : "0.003556", "currency" : "USD" } },
            { "discountedSku" : "CN", "discountedUsageType" : "USE1-BoxUsage:m5.xlarge", "discountedRate" : { "price" : "0.5", "currency" : "CNY" } } ] },
        { "sku" : "C3A", "rates" : [ { "discountedSku" : "M5L", "discountedRate" : { "price" : "0.04" } } ] },
        { "sku" : "I3", "rates" : [ { "discountedSku" : "M5L", "discountedRate" : { "price" : "0.042", "currency" : "USD" } } ] } ] }
    }"#;

    fn skus() -> BTreeMap<String, (String, String)> {
        [("M5L", "m5.large"), ("CN", "m5.xlarge")].map(|(s, t)| (s.to_string(), (t.to_string(), "linux".to_string()))).into()
    }

    #[test]
    fn no_upfront_plans_for_the_regions_products_and_fargate() {
        let rates = read(FILE.as_bytes(), "sp.json", "us-east-1", &skus()).unwrap();
        assert_eq!(rates.published.as_deref(), Some("2026-12-01"));
        // Compute 1y 0.069 (not the Local Zone's 0.08), EC2 Instance 3y 0.042; the all-upfront plan is not taken.
        assert_eq!(rates.ec2[&("m5.large".to_string(), "linux".to_string())], [Some(0.069), None, None, Some(0.042)]);
        assert_eq!(rates.fargate[&("linux-x86".to_string(), 1)], (Some(0.032384), Some(0.003556)));
        assert_eq!(rates.not_usd, 1, "the CNY rate counted, never read as USD");
        assert!(!rates.ec2.contains_key(&("m5.xlarge".to_string(), "linux".to_string())));
    }

    #[test]
    fn a_broken_file_is_an_error_naming_it() {
        let cut = &FILE[..FILE.len() / 2];
        assert!(read(cut.as_bytes(), "sp.json", "us-east-1", &skus()).unwrap_err().starts_with("sp.json: "));
        let bad = FILE.replace("\"0.069\"", "\"n/a\"");
        assert_eq!(read(bad.as_bytes(), "sp.json", "us-east-1", &skus()).unwrap_err(), "sp.json: price \"n/a\" is not a number");
        let reordered = r#"{"terms":{"savingsPlan":[]},"products":[]}"#;
        assert!(read(reordered.as_bytes(), "sp.json", "us-east-1", &skus()).unwrap_err().contains("terms before products"));
    }
}
