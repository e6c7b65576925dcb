//! ECS Managed Instances' management fee where AWS's own per-type fee is not
//! in the snapshot: a share of the type's on-demand price, the mean of the
//! shares in the fee examples AWS's pages give, rounded to a whole percent,
//! and marked derived with that basis.

use super::sources::ID_MI_FEE_POINTS;
use crate::pricing::{ManagedInstances, Provenance, ValueOrigin};
use serde::Deserialize;

#[derive(Deserialize)]
struct Point {
    region: String,
    instance_type: String,
    fee_usd_per_hour: f64,
    on_demand_usd_per_hour: f64,
    as_of: String,
}

/// `fee_points.csv` → the share and how it was derived.
pub fn fee_share(csv_text: &str) -> Result<ManagedInstances, String> {
    let points: Vec<Point> = csv::Reader::from_reader(csv_text.as_bytes())
        .deserialize()
        .enumerate()
        .map(|(i, p)| p.map_err(|e| format!("fee points row {}: {e}", i + 2)))
        .collect::<Result<_, _>>()?;
    if points.is_empty() || points.iter().any(|p| !(p.fee_usd_per_hour > 0.0 && p.on_demand_usd_per_hour > p.fee_usd_per_hour)) {
        return Err("fee points: none, or a fee that is not a positive share of its on-demand price".into());
    }
    let shares: Vec<f64> = points.iter().map(|p| p.fee_usd_per_hour / p.on_demand_usd_per_hour).collect();
    let fee_share = (shares.iter().sum::<f64>() / shares.len() as f64 * 100.0).round() / 100.0;
    let basis: Vec<String> = points
        .iter()
        .zip(&shares)
        .map(|(p, share)| {
            format!(
                "{} ${} on ${} in {} ({:.1}%, {})",
                p.instance_type,
                p.fee_usd_per_hour,
                p.on_demand_usd_per_hour,
                p.region,
                share * 100.0,
                p.as_of
            )
        })
        .collect();
    let note = format!(
        "{}% of the type's on-demand price, the mean share of AWS's examples rounded to a whole percent: {}",
        (fee_share * 100.0).round(),
        basis.join("; ")
    );
    let as_of = points.iter().map(|p| p.as_of.clone()).max();
    Ok(ManagedInstances {
        fee_share,
        origin: ValueOrigin { source: ID_MI_FEE_POINTS.into(), provenance: Provenance::Derived, as_of, note: Some(note) },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twelve_percent_from_awss_two_examples() {
        let csv = "region,instance_type,fee_usd_per_hour,on_demand_usd_per_hour,as_of,source\n\
            us-east-1,c6a.2xlarge,0.037,0.306,2026-09-20,page\nap-northeast-1,c8g.4xlarge,0.096,0.800,2026-09-06,offer\n";
        let m = fee_share(csv).unwrap();
        // 0.037 ÷ 0.306 = 12.09%, 0.096 ÷ 0.8 = 12.00%: mean 12.05%, rounded 12%.
        assert_eq!(m.fee_share, 0.12);
        assert_eq!((m.origin.provenance, m.origin.as_of.as_deref()), (Provenance::Derived, Some("2026-09-20")));
        assert_eq!(
            m.origin.note.as_deref(),
            Some("12% of the type's on-demand price, the mean share of AWS's examples rounded to a whole percent: c6a.2xlarge $0.037 on $0.306 in us-east-1 (12.1%, 2026-09-20); c8g.4xlarge $0.096 on $0.8 in ap-northeast-1 (12.0%, 2026-09-06)")
        );
        assert!(fee_share("region,instance_type,fee_usd_per_hour,on_demand_usd_per_hour,as_of,source\n").is_err());
    }
}
