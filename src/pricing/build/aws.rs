//! AWS's own prices as `./dev refresh` keeps them in `pricing-sources/aws/`:
//! one CSV per kind, one row per price, each with the date of the AWS file it
//! came from, sorted so the same prices give the same bytes. The snapshot
//! build prefers them to every other source. Where the folder or a file is
//! missing (a clone that was never refreshed), there is nothing of that kind.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// The folder under `pricing-sources/`.
pub const DIR: &str = "aws";

/// An instance type's on-demand and Standard all-upfront reserved prices in a
/// region, from the AmazonEC2 offer (USD per instance-hour; reserved as the
/// effective hourly rate). `family` and `gpu` are the offer's own columns, for
/// the build's choice of the types an ECS cluster would use.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Ec2Row {
    pub region: String,
    pub instance_type: String,
    /// "linux" or "mswin" (Windows, licence included).
    pub operating_system: String,
    pub family: String,
    pub gpu: f64,
    pub on_demand: f64,
    pub reserved_1y: Option<f64>,
    pub reserved_3y: Option<f64>,
    pub as_of: String,
}

/// Savings Plans rates for an instance type (no upfront, USD per instance-hour).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Ec2SavingsPlanRow {
    pub region: String,
    pub instance_type: String,
    pub operating_system: String,
    pub compute_1y: Option<f64>,
    pub compute_3y: Option<f64>,
    pub instance_1y: Option<f64>,
    pub instance_3y: Option<f64>,
    pub as_of: String,
}

/// A Spot price from the feed behind AWS's Spot pricing page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Ec2SpotRow {
    pub region: String,
    pub instance_type: String,
    pub operating_system: String,
    pub spot: f64,
    pub as_of: String,
}

/// Fargate's on-demand rates for a platform, from the AmazonECS offer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FargateRow {
    pub region: String,
    /// `linux-x86`, `linux-arm` or `windows`.
    pub platform: String,
    pub vcpu_hour: f64,
    pub gb_hour: f64,
    pub os_vcpu_hour: Option<f64>,
    pub storage_gb_hour: Option<f64>,
    pub as_of: String,
}

/// Fargate's rates under a Compute Savings Plan (no upfront), or under Spot.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FargateDiscountRow {
    pub region: String,
    pub platform: String,
    /// `spot`, `savings-plan-1y` or `savings-plan-3y` (`FargateOption::slug`).
    pub option: String,
    pub vcpu_hour: f64,
    pub gb_hour: f64,
    pub as_of: String,
}

/// ECS Managed Instances' management fee for a type, from the AmazonECS offer
/// (usage type `<region>-ECS-Managed-Instances:<type>-management-hours`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ManagedFeeRow {
    pub region: String,
    pub instance_type: String,
    pub fee_hour: f64,
    pub as_of: String,
}

/// The surplus CPU credit rate of a burstable family in unlimited mode, from
/// the AmazonEC2 offer's "CPU Credits" products (USD per vCPU-hour).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CpuCreditRow {
    pub region: String,
    /// `t3`, `t4g`, …
    pub family: String,
    /// "linux" or "mswin".
    pub operating_system: String,
    pub vcpu_hour: f64,
    pub as_of: String,
}

/// EBS gp3 storage in a region, from the AmazonEC2 offer (USD per GB-month).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EbsRow {
    pub region: String,
    pub gp3_gb_month: f64,
    pub as_of: String,
}

/// Everything the refresh keeps, by kind.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AwsPrices {
    pub ec2: Vec<Ec2Row>,
    pub ec2_savings_plans: Vec<Ec2SavingsPlanRow>,
    pub ec2_spot: Vec<Ec2SpotRow>,
    pub fargate: Vec<FargateRow>,
    pub fargate_discounts: Vec<FargateDiscountRow>,
    pub managed_fees: Vec<ManagedFeeRow>,
    pub cpu_credits: Vec<CpuCreditRow>,
    pub ebs: Vec<EbsRow>,
}

/// The files, in the folder: name and what each holds.
pub const FILES: [&str; 8] = [
    "ec2.csv",
    "ec2_savings_plans.csv",
    "ec2_spot.csv",
    "fargate.csv",
    "fargate_discounts.csv",
    "managed_instances.csv",
    "cpu_credits.csv",
    "ebs.csv",
];

fn read_csv<T: DeserializeOwned>(dir: &Path, name: &str) -> Result<Vec<T>, String> {
    let path = dir.join(name);
    let Ok(text) = std::fs::read_to_string(&path) else { return Ok(Vec::new()) };
    csv::Reader::from_reader(text.as_bytes())
        .deserialize()
        .enumerate()
        .map(|(i, row)| row.map_err(|e| format!("{} row {}: {e}", path.display(), i + 2)))
        .collect()
}

fn write_csv<T: Serialize>(rows: &[T]) -> Result<String, String> {
    let mut out = csv::Writer::from_writer(Vec::new());
    for row in rows {
        out.serialize(row).map_err(|e| e.to_string())?;
    }
    String::from_utf8(out.into_inner().map_err(|e| e.to_string())?).map_err(|e| e.to_string())
}

impl AwsPrices {
    /// Reads `<sources>/aws/`; what is not there is empty.
    pub fn read(sources: &Path) -> Result<AwsPrices, String> {
        let dir = sources.join(DIR);
        Ok(AwsPrices {
            ec2: read_csv(&dir, FILES[0])?,
            ec2_savings_plans: read_csv(&dir, FILES[1])?,
            ec2_spot: read_csv(&dir, FILES[2])?,
            fargate: read_csv(&dir, FILES[3])?,
            fargate_discounts: read_csv(&dir, FILES[4])?,
            managed_fees: read_csv(&dir, FILES[5])?,
            cpu_credits: read_csv(&dir, FILES[6])?,
            ebs: read_csv(&dir, FILES[7])?,
        })
    }

    /// Each kind's file, path under `pricing-sources/` and text, rows in a
    /// fixed order; a kind with no rows has no file.
    pub fn files(&self) -> Result<Vec<(String, String)>, String> {
        let mut me = self.clone();
        me.sort();
        let texts = [
            (me.ec2.is_empty(), write_csv(&me.ec2)?),
            (me.ec2_savings_plans.is_empty(), write_csv(&me.ec2_savings_plans)?),
            (me.ec2_spot.is_empty(), write_csv(&me.ec2_spot)?),
            (me.fargate.is_empty(), write_csv(&me.fargate)?),
            (me.fargate_discounts.is_empty(), write_csv(&me.fargate_discounts)?),
            (me.managed_fees.is_empty(), write_csv(&me.managed_fees)?),
            (me.cpu_credits.is_empty(), write_csv(&me.cpu_credits)?),
            (me.ebs.is_empty(), write_csv(&me.ebs)?),
        ];
        Ok(FILES.iter().zip(texts).filter(|(_, (empty, _))| !empty).map(|(name, (_, text))| (format!("{DIR}/{name}"), text)).collect())
    }

    /// Rows in region, then type or platform order.
    pub fn sort(&mut self) {
        let key = |region: &str, what: &str, more: &str| (region.to_string(), what.to_string(), more.to_string());
        self.ec2.sort_by_key(|r| key(&r.region, &r.instance_type, &r.operating_system));
        self.ec2_savings_plans.sort_by_key(|r| key(&r.region, &r.instance_type, &r.operating_system));
        self.ec2_spot.sort_by_key(|r| key(&r.region, &r.instance_type, &r.operating_system));
        self.fargate.sort_by_key(|r| key(&r.region, &r.platform, ""));
        self.fargate_discounts.sort_by_key(|r| key(&r.region, &r.platform, &r.option));
        self.managed_fees.sort_by_key(|r| key(&r.region, &r.instance_type, ""));
        self.cpu_credits.sort_by_key(|r| key(&r.region, &r.family, &r.operating_system));
        self.ebs.sort_by_key(|r| key(&r.region, "", ""));
    }
}

/// The oldest of some dates, and when they differ a note saying their range:
/// a class of prices says how old its oldest value is.
pub fn as_of<'a>(dates: impl IntoIterator<Item = &'a str>) -> (Option<String>, Option<String>) {
    let dates: std::collections::BTreeSet<&str> = dates.into_iter().collect();
    let (Some(oldest), Some(newest)) = (dates.first(), dates.last()) else { return (None, None) };
    let note = (oldest != newest).then(|| format!("from AWS files of {oldest} to {newest}"));
    (Some(oldest.to_string()), note)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_sorted_and_read_back() {
        let row = |region: &str, t: &str| Ec2SpotRow {
            region: region.into(),
            instance_type: t.into(),
            operating_system: "linux".into(),
            spot: 0.04,
            as_of: "2026-12-01".into(),
        };
        let prices = AwsPrices {
            ec2_spot: vec![row("us-east-1", "m5.large"), row("eu-west-1", "m5.xlarge"), row("eu-west-1", "c5.large")],
            ..Default::default()
        };
        let files = prices.files().unwrap();
        assert_eq!(files.len(), 1, "one kind, one file");
        assert_eq!(files[0].0, "aws/ec2_spot.csv");
        assert_eq!(
            files[0].1,
            "region,instance_type,operating_system,spot,as_of\neu-west-1,c5.large,linux,0.04,2026-12-01\neu-west-1,m5.xlarge,linux,0.04,2026-12-01\nus-east-1,m5.large,linux,0.04,2026-12-01\n"
        );
        let dir = std::env::temp_dir().join(format!("aws-prices-{}", std::process::id()));
        std::fs::create_dir_all(dir.join(DIR)).unwrap();
        std::fs::write(dir.join(&files[0].0), &files[0].1).unwrap();
        let mut sorted = prices.clone();
        sorted.sort();
        assert_eq!(AwsPrices::read(&dir).unwrap(), sorted);
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(AwsPrices::read(Path::new("/nonexistent")).unwrap(), AwsPrices::default(), "never refreshed: nothing");
    }

    #[test]
    fn a_class_is_as_old_as_its_oldest_value() {
        assert_eq!(
            as_of(["2026-12-01", "2026-11-03", "2026-12-01"]),
            (Some("2026-11-03".into()), Some("from AWS files of 2026-11-03 to 2026-12-01".into()))
        );
        assert_eq!(as_of(["2026-12-01"]), (Some("2026-12-01".into()), None));
        assert_eq!(as_of([]), (None, None));
    }
}
