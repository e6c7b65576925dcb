//! Costs beside compute, by region: a public IPv4 address per hour (AWS's
//! VPC pricing-page data) and EBS gp3 storage per GB-month (AWS's EC2 offer
//! where a refresh read it, else AWS's EBS calculator data of 2021). Both
//! raw files name locations, not region codes.

use super::aws::AwsPrices;
use super::sources::{ID_AWS_EC2, ID_EBS_2021, ID_VPC_PAGE};
use crate::pricing::regions::code_for_location;
use crate::pricing::{Provenance, UnitPrice, ValueOrigin};
use std::collections::BTreeMap;

/// A region's price in `column` of a file keyed by `location`, with the
/// file's `publication_date` (YYYY-MM-DD); locations that are not
/// commercial regions (GovCloud, Local Zones) are left out.
fn by_region(csv_text: &str, column: &str) -> Result<(BTreeMap<&'static str, f64>, String), String> {
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let header = reader.headers().map_err(|e| e.to_string())?.clone();
    let at = |name: &str| header.iter().position(|h| h == name).ok_or_else(|| format!("no {name} column"));
    let (location, price, published) = (at("location")?, at(column)?, at("publication_date")?);
    let mut out = BTreeMap::new();
    let mut date = String::new();
    for (i, row) in reader.records().enumerate() {
        let row = row.map_err(|e| format!("row {}: {e}", i + 2))?;
        let Some(code) = code_for_location(&row[location]) else { continue };
        let usd: f64 = row[price].parse().map_err(|_| format!("row {}: {column} {:?} is not a number", i + 2, &row[price]))?;
        if !(usd > 0.0 && usd.is_finite()) {
            return Err(format!("row {}: {column} {usd}", i + 2));
        }
        out.insert(code, usd);
        date = date.max(row[published].get(..10).unwrap_or_default().to_string());
    }
    Ok((out, date))
}

/// USD per public IPv4 address-hour, by region.
pub fn public_ipv4(csv_text: &str) -> Result<BTreeMap<&'static str, UnitPrice>, String> {
    let (prices, date) = by_region(csv_text, "in_use_public_ipv4_usd_per_hour").map_err(|e| format!("public IPv4: {e}"))?;
    let origin = ValueOrigin { source: ID_VPC_PAGE.into(), provenance: Provenance::Published, as_of: Some(date), note: None };
    Ok(prices.into_iter().map(|(code, usd)| (code, UnitPrice { usd, origin: origin.clone() })).collect())
}

/// USD per GB-month of EBS gp3, by region: a refresh's where it read one.
pub fn ebs_gp3(csv_text: &str, refreshed: &AwsPrices) -> Result<BTreeMap<String, UnitPrice>, String> {
    let (prices, date) = by_region(csv_text, "gp3_usd_per_gb_month").map_err(|e| format!("EBS gp3: {e}"))?;
    let origin = ValueOrigin { source: ID_EBS_2021.into(), provenance: Provenance::Published, as_of: Some(date), note: None };
    let mut out: BTreeMap<String, UnitPrice> =
        prices.into_iter().map(|(code, usd)| (code.to_string(), UnitPrice { usd, origin: origin.clone() })).collect();
    for row in &refreshed.ebs {
        let origin =
            ValueOrigin { source: ID_AWS_EC2.into(), provenance: Provenance::Published, as_of: Some(row.as_of.clone()), note: None };
        out.insert(row.region.clone(), UnitPrice { usd: row.gp3_gb_month, origin });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pricing::build::aws::EbsRow;

    #[test]
    fn regions_by_location_and_a_refresh_wins() {
        let ipv4 = "location,in_use_public_ipv4_usd_per_hour,idle_public_ipv4_usd_per_hour,in_use_ratecode,publication_date\n\
            AWS GovCloud (US),0.005,0.005,X,2025-06-13T18:09:49Z\nEU (Ireland),0.0050000000,0.005,Y,2025-06-13T18:09:49Z\n";
        let prices = public_ipv4(ipv4).unwrap();
        assert_eq!(prices.keys().collect::<Vec<_>>(), [&"eu-west-1"], "GovCloud is not a commercial region");
        assert_eq!((prices["eu-west-1"].usd, prices["eu-west-1"].origin.as_of.as_deref()), (0.005, Some("2025-06-13")));
        let ebs = "location,gp3_usd_per_gb_month,gp2_usd_per_gb_month,gp3_ratecode,publication_date\n\
            US East (N. Virginia),0.08,0.1,Z,2021-05-13T17:30:20Z\nSouth America (Sao Paulo),0.152,0.19,W,2021-05-13T17:30:20Z\n";
        let aws = AwsPrices {
            ebs: vec![EbsRow { region: "us-east-1".into(), gp3_gb_month: 0.08, as_of: "2026-12-01".into() }],
            ..Default::default()
        };
        let prices = ebs_gp3(ebs, &aws).unwrap();
        assert_eq!((prices["sa-east-1"].usd, prices["sa-east-1"].origin.source.as_str()), (0.152, ID_EBS_2021));
        assert_eq!(
            (prices["us-east-1"].origin.source.as_str(), prices["us-east-1"].origin.as_of.as_deref()),
            (ID_AWS_EC2, Some("2026-12-01"))
        );
        assert!(
            public_ipv4("location,in_use_public_ipv4_usd_per_hour,publication_date\nEU (Ireland),0,2025-06-13\n").is_err(),
            "a zero price"
        );
    }
}
