//! CPU credits of the burstable types: each type's baseline from AWS's
//! credit table, and the surplus rate of unlimited mode per family and
//! operating system: AWS's own "CPU Credits" products where a refresh read
//! them for the region and operating system, else the rates AWS's pricing
//! page states as quoted by a third party (secondary).

use super::aws::{self, AwsPrices};
use super::sources::{ID_AWS_EC2, ID_CREDIT_RATES, ID_CREDIT_TABLE};
use crate::pricing::{CpuCredits, Provenance, ValueOrigin};
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
struct TableRow {
    instance_type: String,
    vcpu: u32,
    baseline_per_vcpu_percent: f64,
}

/// `burstable_credits.csv`: type → its baseline, the share of each vCPU it
/// may use without spending credits (t3.large: 30% → 0.3).
pub fn read_baselines(csv_text: &str) -> Result<BTreeMap<String, f64>, String> {
    let mut out = BTreeMap::new();
    for (i, row) in csv::Reader::from_reader(csv_text.as_bytes()).deserialize::<TableRow>().enumerate() {
        let row = row.map_err(|e| format!("credit table row {}: {e}", i + 2))?;
        let share = row.baseline_per_vcpu_percent / 100.0;
        if !(share > 0.0 && share <= 1.0) || row.vcpu == 0 {
            return Err(format!("credit table: {} has a baseline of {}%", row.instance_type, row.baseline_per_vcpu_percent));
        }
        out.insert(row.instance_type, share);
    }
    Ok(out)
}

#[derive(Deserialize)]
struct RateRow {
    family: String,
    operating_system: String,
    usd_per_vcpu_hour: f64,
}

/// `cpu_credit_rates.csv`: (family, "linux" | "mswin") → USD per surplus vCPU-hour.
pub fn read_rates(csv_text: &str) -> Result<BTreeMap<(String, String), f64>, String> {
    let mut out = BTreeMap::new();
    for (i, row) in csv::Reader::from_reader(csv_text.as_bytes()).deserialize::<RateRow>().enumerate() {
        let row = row.map_err(|e| format!("credit rates row {}: {e}", i + 2))?;
        if !(row.usd_per_vcpu_hour > 0.0 && row.usd_per_vcpu_hour.is_finite()) {
            return Err(format!("credit rates: {} {} at {}", row.family, row.operating_system, row.usd_per_vcpu_hour));
        }
        out.insert((row.family, row.operating_system), row.usd_per_vcpu_hour);
    }
    Ok(out)
}

/// The surplus rates for a region file holding `types` (with its
/// companion's) for operating system `os` in `region`; None when none of
/// them bursts.
pub fn for_file<'a>(
    region: &str,
    os: &str,
    types: impl IntoIterator<Item = &'a str>,
    baselines: &BTreeMap<String, f64>,
    quoted: &BTreeMap<(String, String), f64>,
    refreshed: &AwsPrices,
) -> Result<Option<CpuCredits>, String> {
    let families: std::collections::BTreeSet<&str> =
        types.into_iter().filter(|t| baselines.contains_key(*t)).map(CpuCredits::family).collect();
    if families.is_empty() {
        return Ok(None);
    }
    let aws_rows: Vec<_> = refreshed.cpu_credits.iter().filter(|r| r.region == region && r.operating_system == os).collect();
    let mut surplus_vcpu_hour = Vec::new();
    let (mut from_aws, mut from_quote) = (Vec::new(), Vec::new());
    for family in families {
        let rate = if let Some(row) = aws_rows.iter().find(|r| r.family == family) {
            from_aws.push((family, row.as_of.as_str()));
            row.vcpu_hour
        } else if let Some(&rate) = quoted.get(&(family.to_string(), os.to_string())) {
            from_quote.push(family);
            rate
        } else {
            return Err(format!("{region} {os}: no CPU credit rate for {family}"));
        };
        surplus_vcpu_hour.push((family.to_string(), rate));
    }
    let origin = if from_quote.is_empty() {
        let (as_of, note) = aws::as_of(from_aws.iter().map(|(_, d)| *d));
        ValueOrigin { source: ID_AWS_EC2.into(), provenance: Provenance::Published, as_of, note }
    } else {
        let note = (!from_aws.is_empty()).then(|| {
            let families: Vec<&str> = from_aws.iter().map(|(f, _)| *f).collect();
            format!("{} from AWS's EC2 offer; {} as quoted", families.join(", "), from_quote.join(", "))
        });
        ValueOrigin { source: ID_CREDIT_RATES.into(), provenance: Provenance::Secondary, as_of: Some("2026-09-29".into()), note }
    };
    Ok(Some(CpuCredits { baseline_source: ID_CREDIT_TABLE.into(), surplus_vcpu_hour, origin }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pricing::build::aws::CpuCreditRow;

    const TABLE: &str =
        "instance_type,cpu_credits_earned_per_hour,max_accrued_credits,vcpu,baseline_per_vcpu_percent,default_credit_mode\n\
        t3.large,36,864,2,30,unlimited\nt2.xlarge,54,1296,4,22.5,standard\n";
    const RATES: &str = "family,operating_system,usd_per_vcpu_hour\nt3,linux,0.05\nt2,linux,0.05\nt3,mswin,0.096\n";

    #[test]
    fn baselines_are_shares_of_a_vcpu_and_rates_come_from_aws_where_refreshed() {
        let baselines = read_baselines(TABLE).unwrap();
        assert_eq!(baselines["t3.large"], 0.3);
        assert_eq!(baselines["t2.xlarge"], 0.225);
        let quoted = read_rates(RATES).unwrap();
        let types = ["m5.large", "t2.xlarge", "t3.large"];
        let none = AwsPrices::default();
        let c = for_file("us-east-1", "linux", types, &baselines, &quoted, &none).unwrap().unwrap();
        assert_eq!(c.surplus_vcpu_hour, [("t2".to_string(), 0.05), ("t3".to_string(), 0.05)], "the burstable types' families");
        assert_eq!(c.origin.provenance, Provenance::Secondary);
        // A refresh read t3's rate in us-east-1 for Linux: it wins there, and the origin says which came from where.
        let aws = AwsPrices {
            cpu_credits: vec![CpuCreditRow {
                region: "us-east-1".into(),
                family: "t3".into(),
                operating_system: "linux".into(),
                vcpu_hour: 0.051,
                as_of: "2026-12-01".into(),
            }],
            ..AwsPrices::default()
        };
        let c = for_file("us-east-1", "linux", types, &baselines, &quoted, &aws).unwrap().unwrap();
        assert_eq!((c.rate("t3.large"), c.rate("t2.xlarge")), (Some(0.051), Some(0.05)));
        assert_eq!(c.origin.note.as_deref(), Some("t3 from AWS's EC2 offer; t2 as quoted"));
        let c = for_file("us-east-1", "linux", ["t3.large"], &baselines, &quoted, &aws).unwrap().unwrap();
        assert_eq!(
            (c.origin.source.as_str(), c.origin.provenance, c.origin.as_of.as_deref()),
            (ID_AWS_EC2, Provenance::Published, Some("2026-12-01"))
        );
        assert_eq!(for_file("us-east-1", "linux", ["m5.large"], &baselines, &quoted, &none).unwrap(), None);
        assert!(for_file("us-east-1", "mswin", ["t2.xlarge"], &baselines, &quoted, &none).is_err(), "no rate: the build stops");
    }
}
