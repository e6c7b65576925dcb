//! A region's AmazonECS offer, in its JSON form (a few hundred kilobytes):
//! Fargate's rates, read by the same rules as the committed ECS offer
//! (`build::fargate::from_ecs_offer`), and each instance type's ECS Managed
//! Instances management fee.

use crate::pricing::build::aws::FargateRow;
use crate::pricing::build::fargate;
use crate::pricing::offer::{fargate_rate, managed_instances_type, OfferFile};
use std::collections::BTreeMap;
use std::io::Read;

/// What the refresh keeps of an AmazonECS offer, USD per hour.
#[derive(Debug, Default)]
pub struct EcsOffer {
    /// YYYY-MM-DD.
    pub published: String,
    pub fargate: Vec<FargateRow>,
    /// instance type → management fee.
    pub managed_fees: BTreeMap<String, f64>,
    /// Fargate or Managed Instances prices in another currency than USD.
    pub not_usd: u32,
}

pub fn read(body: &mut dyn Read, url: &str, region: &str) -> Result<EcsOffer, String> {
    let mut text = String::new();
    body.read_to_string(&mut text).map_err(|e| format!("{url}: the download broke off: {e}"))?;
    let offer = OfferFile::parse(&text).map_err(|e| format!("{url}: {e}: the format may have changed"))?;
    let published = offer.publication_day().to_string();
    let platforms = fargate::from_ecs_offer(&offer, "").map_err(|e| format!("{url}: {e}"))?.remove(region).unwrap_or_default();
    let fargate = platforms
        .into_iter()
        .map(|(platform, prices)| FargateRow {
            region: region.into(),
            platform: platform.slug().into(),
            vcpu_hour: prices.on_demand.vcpu_hour,
            gb_hour: prices.on_demand.gb_hour,
            os_vcpu_hour: prices.on_demand.os_vcpu_hour,
            storage_gb_hour: prices.storage.map(|s| s.gb_hour),
            as_of: published.clone(),
        })
        .collect();
    let mut out = EcsOffer { published, fargate, ..EcsOffer::default() };
    for price in offer.on_demand_prices().map_err(|e| format!("{url}: {e}"))? {
        let Some(usage_type) = price.attributes.get("usagetype") else { continue };
        let fee_of = managed_instances_type(usage_type);
        if fee_of.is_none() && fargate_rate(usage_type).is_none() {
            continue;
        }
        if price.currency != "USD" {
            out.not_usd += 1;
        } else if let Some(instance_type) = fee_of.filter(|_| price.is_usd_rate()) {
            if out.managed_fees.insert(instance_type.to_string(), price.price).is_some_and(|old| old != price.price) {
                return Err(format!("{url}: two different management fees for {instance_type}"));
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An AmazonECS offer with one product per (SKU, usage type, price, currency, range end).
    fn offer(products: &[(&str, &str, &str, &str, &str)]) -> String {
        let product = |(sku, usage, _, _, _): &(&str, &str, &str, &str, &str)| {
            format!("\"{sku}\": {{\"sku\": \"{sku}\", \"productFamily\": \"Compute\", \"attributes\": {{\"regionCode\": \"us-east-1\", \"usagetype\": \"{usage}\"}}}}")
        };
        let term = |(sku, _, price, currency, end): &(&str, &str, &str, &str, &str)| {
            format!("\"{sku}\": {{\"{sku}.T\": {{\"priceDimensions\": {{\"{sku}.T.R\": {{\"unit\": \"hours\", \"pricePerUnit\": {{\"{currency}\": \"{price}\"}}, \"beginRange\": \"0\", \"endRange\": \"{end}\"}}}}}}}}")
        };
        format!(
            "{{\"offerCode\": \"AmazonECS\", \"version\": \"20261201000000\", \"publicationDate\": \"2026-12-01T00:00:00Z\", \"products\": {{{}}}, \"terms\": {{\"OnDemand\": {{{}}}}}}}",
            products.iter().map(product).collect::<Vec<_>>().join(","),
            products.iter().map(term).collect::<Vec<_>>().join(",")
        )
    }

    #[test]
    fn fargate_rates_and_managed_instances_fees_in_usd() {
        let text = offer(&[
            ("A", "USE1-Fargate-vCPU-Hours:perCPU", "0.04048", "USD", "Inf"),
            ("B", "USE1-Fargate-GB-Hours", "0.004445", "USD", "Inf"),
            ("C", "USE1-Fargate-ARM-GB-Hours", "0.00356", "USD", "Inf"),
            ("D", "USE1-ECS-Managed-Instances:m7g.large-management-hours", "0.0098", "USD", "Inf"),
            ("E", "USE1-ECS-Managed-Instances:m7g.xlarge-management-hours", "0.1394", "CNY", "Inf"),
            ("F", "USE1-ECS-Anywhere-Instance-hours-WithFree", "0", "USD", "2200"),
        ]);
        let ecs = read(&mut text.as_bytes(), "ecs.json", "us-east-1").unwrap();
        assert_eq!(ecs.published, "2026-12-01");
        // ARM has its GB rate but no vCPU rate: not a platform.
        assert_eq!(ecs.fargate.len(), 1, "{:?}", ecs.fargate);
        assert_eq!((ecs.fargate[0].platform.as_str(), ecs.fargate[0].vcpu_hour, ecs.fargate[0].gb_hour), ("linux-x86", 0.04048, 0.004445));
        assert_eq!(ecs.managed_fees, BTreeMap::from([("m7g.large".to_string(), 0.0098)]));
        assert_eq!(ecs.not_usd, 1, "the CNY fee counted, never read as USD");
    }

    #[test]
    fn a_file_that_is_not_an_offer_says_so() {
        let err = read(&mut "<html>Not found</html>".as_bytes(), "ecs.json", "us-east-1").unwrap_err();
        assert!(err.starts_with("ecs.json: not an AWS Price List offer file") && err.ends_with("the format may have changed"), "{err}");
    }
}
