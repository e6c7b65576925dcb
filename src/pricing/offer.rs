//! Reading AWS Price List bulk offer files (the `AmazonECS`/`AmazonEC2` JSON).
//!
//! Only what the snapshot needs: each product's attributes and its OnDemand
//! price dimensions. Prices stay tied to their currency, so a CNY price can
//! never be read as USD, and tiered prices are reported as tiers, not flattened.

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
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Term {
    #[serde(default)]
    pub effective_date: Option<String>,
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
                        let price: f64 = text
                            .parse()
                            .map_err(|_| format!("SKU {sku}: price {text:?} is not a number"))?;
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
