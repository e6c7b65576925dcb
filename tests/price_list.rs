//! The refresh path: AWS's own Price List files, read from real samples in
//! `tests/fixtures/` (their origins are in `tests/fixtures/PROVENANCE.md`).

use fargate_vs_ec2::pricing::offer::{OfferFile, PriceListItem, Skipped};
use std::path::PathBuf;

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn getproducts_record_gives_on_demand_and_effective_reserved_hourly() {
    let json = fixture("ec2-getproducts-m5.large-us-east-1-linux-2021-02-05.json");
    let item = PriceListItem::parse(&json).unwrap();
    let price = item.instance_price().unwrap();
    assert_eq!((price.region.as_str(), price.instance_type.as_str(), price.os), ("us-east-1", "m5.large", "linux"));
    assert_eq!(price.on_demand, Some(0.096));
    // 1-year Standard all upfront: $494 upfront + $0/h, over 8,760 h = 0.0563927 USD/h
    assert!(close(price.reserved_1y.unwrap(), 494.0 / 8760.0), "{price:?}");
    // 3-year Standard all upfront: $949 over 26,280 h = 0.0361111 USD/h
    assert!(close(price.reserved_3y.unwrap(), 949.0 / 26280.0), "{price:?}");
    // The same figures as the EC2 price CSV the snapshot is built from (rounded to 6 places there).
    assert!((price.reserved_1y.unwrap() - 0.056393).abs() < 5e-7);
    assert!((price.reserved_3y.unwrap() - 0.036111).abs() < 5e-7);
}

#[test]
fn capacity_block_zero_price_is_not_an_on_demand_price() {
    let json = fixture("ec2-offer-us-east-1-p4d-ondemand-capacityblock-2024-05-28.json");
    let offer = OfferFile::parse(&json).unwrap();
    let (prices, skipped) = offer.instance_prices();
    assert_eq!(prices.len(), 1, "{prices:?}");
    assert_eq!(prices[0].on_demand, Some(32.7726));
    assert_eq!(skipped, vec![("YSXJGN78QTXNVGDQ".to_string(), Skipped::CapacityBlock)]);
}

#[test]
fn mixed_offer_skips_byol_storage_load_balancers_and_a_misfiled_upfront_fee() {
    let json = fixture("ec2-offer-us-east-2-mixed-2023-03-22.json");
    let offer = OfferFile::parse(&json).unwrap();
    let (prices, skipped) = offer.instance_prices();
    assert!(prices.is_empty(), "{prices:?}");
    let why = |sku: &str| skipped.iter().find(|(s, _)| s == sku).map(|(_, w)| w.clone()).unwrap();
    // m5.large: its "OnDemand" term is really a $1161 upfront fee (unit Quantity), not an hourly price.
    assert!(matches!(why("8D49XP354UEYTHGM"), Skipped::NotHourly(u) if u.starts_with("Quantity")));
    assert!(matches!(why("9ZEEN7WWWQKAG292"), Skipped::NotSharedPlainOs(m) if m.contains("Bring your own license")));
    assert_eq!(why("M6UGCCQ3CDJQAA37"), Skipped::NotAnInstance, "gp3 storage");
    assert_eq!(why("Y9RYMSE644KDSV4S"), Skipped::NotAnInstance, "network load balancer");
}

#[test]
fn a_cny_price_is_never_read_as_usd() {
    let json = fixture("ec2-offer-cn-northwest-1-gp3-cny-2023-03-14.json");
    let offer = OfferFile::parse(&json).unwrap();
    let prices = offer.on_demand_prices().unwrap();
    assert_eq!(prices.len(), 1);
    assert_eq!((prices[0].currency, prices[0].price), ("CNY", 0.5312));
    assert!(prices.iter().all(|p| p.currency != "USD"));
    // And an instance priced only in CNY is refused with the currency named.
    let instance = json
        .replace("\"productFamily\": \"Storage\"", "\"productFamily\": \"Compute Instance\"")
        .replace("\"usagetype\": \"CNW1-EBS:VolumeUsage.gp3\"", "\"usagetype\": \"CNW1-BoxUsage:m5.large\", \"instanceType\": \"m5.large\", \"operatingSystem\": \"Linux\", \"licenseModel\": \"No License required\"")
        .replace("\"unit\": \"GB-Mo\"", "\"unit\": \"Hrs\"");
    assert_ne!(instance, json, "the sample's layout changed; update the edits above");
    let offer = OfferFile::parse(&instance).unwrap();
    let (prices, skipped) = offer.instance_prices();
    assert!(prices.is_empty());
    assert_eq!(skipped[0].1, Skipped::NotUsd("CNY".into()), "{skipped:?}");
}
