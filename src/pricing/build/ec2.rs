//! EC2 prices and specs from the raw sources, with their known faults cleaned.
//!
//! Each cleaning rule is a small function with its own test; SOURCES.md in
//! pricing-sources lists the faults they answer.

use super::aws::{AwsPrices, Ec2SavingsPlanRow, ManagedFeeRow};
use crate::model::ec2::Ec2Hourly;
use crate::model::platform::Platform;
use crate::pricing::{Arch, Ec2Extra, Ec2Price, InstanceSpec, BURSTABLE};
use serde::Deserialize;
use std::collections::BTreeMap;

/// One row of `ec2_prices_tidy.csv`, the columns we use. USD per instance-hour.
#[derive(Clone, Debug, Deserialize)]
pub struct TidyRow {
    pub instance_type: String,
    pub family_label: String,
    pub gpu_count: Option<f64>,
    pub region_code: String,
    /// "linux" or "mswin" (Windows, licence included).
    pub operating_system: String,
    pub ondemand_usd_per_hour: Option<f64>,
    pub spot_avg_usd_per_hour: Option<f64>,
    pub reserved_1yr_allupfront_usd_per_hour: Option<f64>,
    pub reserved_3yr_allupfront_usd_per_hour: Option<f64>,
    // `spot_pct_savings_vs_ondemand` is deliberately not read: it is the Spot
    // Advisor's figure and contradicts `spot_avg` (SOURCES.md §1 caveat 5).
}

pub fn read_tidy(csv_text: &str) -> Result<Vec<TidyRow>, String> {
    csv::Reader::from_reader(csv_text.as_bytes())
        .deserialize()
        .enumerate()
        .map(|(i, row)| row.map_err(|e| format!("ec2 prices row {}: {e}", i + 2)))
        .collect()
}

/// The specs we need from one `instance_types.json` entry.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct RawType {
    pub instance_type: String,
    pub v_cpu_info: RawVcpu,
    pub memory_info: RawMemory,
    pub processor_info: RawProcessor,
    pub network_info: RawNetwork,
    #[serde(default)]
    pub burstable_performance_supported: bool,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct RawVcpu {
    pub default_v_cpus: u32,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct RawMemory {
    pub size_in_mi_b: u32,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct RawProcessor {
    pub supported_architectures: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct RawNetwork {
    pub maximum_network_interfaces: u32,
}

pub fn read_instance_types(json: &str) -> Result<BTreeMap<String, RawType>, String> {
    serde_json::from_str(json).map_err(|e| format!("instance types: {e}"))
}

/// `ecs_eni_trunking.csv`: type → (awsvpc tasks without trunking, with trunking).
pub fn read_trunking(csv_text: &str) -> Result<BTreeMap<String, (i64, i64)>, String> {
    let mut out = BTreeMap::new();
    for (i, row) in csv::Reader::from_reader(csv_text.as_bytes()).deserialize::<(String, i64, i64)>().enumerate() {
        let (t, default, trunking) = row.map_err(|e| format!("trunking row {}: {e}", i + 2))?;
        out.insert(t, (default, trunking));
    }
    Ok(out)
}

/// Rule: a trunking limit must be a positive count no lower than the limit
/// without trunking (trunking only adds interfaces). The source has a negative
/// value (i4i.large, -2) and inverted ones (u-6tb1.56xlarge 14 → 12): unknown.
pub fn trunking_limit(default: i64, trunking: i64) -> Option<u32> {
    (trunking >= 1 && trunking >= default).then(|| u32::try_from(trunking).ok()).flatten()
}

/// Which instance types an ECS cluster would use: general purpose, compute and
/// memory optimised and burstable, on x86 or ARM, current or previous
/// generation. Not GPU/accelerated or storage-optimised types (their price is
/// for hardware a container task of ≤ 120 GiB does not use), not Mac, and not
/// the 3–32 TB high-memory u-* types (SAP HANA hosts, never the cheap choice).
pub fn category(t: &str, family_label: &str, gpu_count: f64, raw: &RawType) -> Option<&'static str> {
    if gpu_count > 0.0 || t.starts_with("u-") || t.starts_with("u7") {
        return None;
    }
    arch(raw)?;
    if raw.burstable_performance_supported {
        return Some(BURSTABLE);
    }
    match family_label {
        "General purpose" => Some("general"),
        "Compute optimized" => Some("compute"),
        "Memory optimized" => Some("memory"),
        "Micro instances" => Some(BURSTABLE),
        _ => None,
    }
}

pub fn arch(raw: &RawType) -> Option<Arch> {
    let archs = &raw.processor_info.supported_architectures;
    if archs.iter().any(|a| a == "arm64") {
        Some(Arch::Arm)
    } else if archs.iter().any(|a| a == "x86_64") {
        Some(Arch::X86)
    } else {
        None // Mac (arm64_mac, x86_64_mac)
    }
}

pub fn spec(raw: &RawType, category: &str, trunking: Option<(i64, i64)>, cpu_baseline: Option<f64>) -> Option<InstanceSpec> {
    Some(InstanceSpec {
        instance_type: raw.instance_type.clone(),
        vcpu: raw.v_cpu_info.default_v_cpus,
        memory_mib: raw.memory_info.size_in_mi_b,
        arch: arch(raw)?,
        enis: raw.network_info.maximum_network_interfaces,
        trunking_tasks: trunking.and_then(|(d, t)| trunking_limit(d, t)),
        category: category.to_string(),
        cpu_baseline: cpu_baseline.filter(|_| category == BURSTABLE),
    })
}

/// Rule: a price must be a positive finite number; anything else is unknown.
/// (u-6tb1.metal has on-demand 0.0 in 13 regions.)
pub fn price(value: Option<f64>) -> Option<f64> {
    value.filter(|v| v.is_finite() && *v > 0.0)
}

/// Rule: a Spot average above on-demand is not a Spot price anyone pays (the
/// source has 10 such Linux rows, mostly 4-decimal rounding): unknown.
pub fn spot(spot: Option<f64>, on_demand: f64) -> Option<f64> {
    price(spot).filter(|s| *s <= on_demand)
}

/// Rule: a Windows reservation includes the licence, so it always costs more
/// than the Linux one; where the source gives exactly the Linux value (1,665
/// rows), the Windows value is a copy error: unknown.
pub fn windows_reserved(windows: Option<f64>, linux: Option<f64>) -> Option<f64> {
    price(windows).filter(|w| Some(*w) != linux)
}

/// A row's cleaned prices, before they are filed under its region and platform.
pub fn clean_row(row: &TidyRow) -> Option<Ec2Hourly> {
    let on_demand = price(row.ondemand_usd_per_hour)?;
    Some(Ec2Hourly {
        on_demand,
        reserved_1y: price(row.reserved_1yr_allupfront_usd_per_hour),
        reserved_3y: price(row.reserved_3yr_allupfront_usd_per_hour),
        spot: spot(row.spot_avg_usd_per_hour, on_demand),
        // Savings Plans come from a refresh (`add_extras`).
        savings_plans: [None; 4],
    })
}

/// The platform whose EC2 file a (type, OS) belongs to: Linux by architecture,
/// Windows only on x86 (Fargate's Windows is x86).
pub fn platform(os: &str, arch: Arch) -> Option<Platform> {
    match (os, arch) {
        ("linux", Arch::X86) => Some(Platform::LinuxX86),
        ("linux", Arch::Arm) => Some(Platform::LinuxArm),
        ("mswin", Arch::X86) => Some(Platform::Windows),
        _ => None,
    }
}

/// region → platform → cleaned, sorted prices, for the commercial regions and
/// the types in `specs`. Windows reserved prices are checked against Linux.
pub fn prices_by_region(
    rows: &[TidyRow],
    specs: &BTreeMap<String, InstanceSpec>,
    is_region: impl Fn(&str) -> bool,
) -> BTreeMap<String, BTreeMap<Platform, Vec<Ec2Price>>> {
    // (region, type) → (reserved 1y, reserved 3y), USD per hour.
    type Reserved<'r> = BTreeMap<(&'r str, &'r str), (Option<f64>, Option<f64>)>;
    let linux_reserved: Reserved = rows
        .iter()
        .filter(|r| r.operating_system == "linux")
        .map(|r| {
            let key = (r.region_code.as_str(), r.instance_type.as_str());
            (key, (price(r.reserved_1yr_allupfront_usd_per_hour), price(r.reserved_3yr_allupfront_usd_per_hour)))
        })
        .collect();
    let mut out: BTreeMap<String, BTreeMap<Platform, Vec<Ec2Price>>> = BTreeMap::new();
    for row in rows.iter().filter(|r| is_region(&r.region_code)) {
        let Some(spec) = specs.get(&row.instance_type) else { continue };
        let Some(platform) = platform(&row.operating_system, spec.arch) else { continue };
        let Some(mut hourly) = clean_row(row) else { continue };
        if platform == Platform::Windows {
            let linux = linux_reserved.get(&(row.region_code.as_str(), row.instance_type.as_str()));
            hourly.reserved_1y = windows_reserved(hourly.reserved_1y, linux.and_then(|l| l.0));
            hourly.reserved_3y = windows_reserved(hourly.reserved_3y, linux.and_then(|l| l.1));
        }
        let Ec2Hourly { on_demand, reserved_1y, reserved_3y, spot, .. } = hourly;
        let price = Ec2Price { spec: spec.clone(), on_demand, reserved_1y, reserved_3y, spot, extras: [None; 5] };
        out.entry(row.region_code.clone()).or_default().entry(platform).or_default().push(price);
    }
    for platforms in out.values_mut() {
        for prices in platforms.values_mut() {
            prices.sort_by(|a, b| a.spec.instance_type.cmp(&b.spec.instance_type));
        }
    }
    out
}

/// Puts AWS's Savings Plans rates and Managed Instances fees (`aws`) on the
/// types they price, Linux only for the fees (Managed Instances run Linux),
/// and records each one's date by region and OS (Savings Plans) or region (fees).
pub fn add_extras(
    prices: &mut BTreeMap<String, BTreeMap<Platform, Vec<Ec2Price>>>,
    aws: &AwsPrices,
    savings_plan_dates: &mut BTreeMap<(String, String), Vec<String>>,
    fee_dates: &mut BTreeMap<String, Vec<String>>,
) {
    let plans: BTreeMap<(&str, &str, &str), &Ec2SavingsPlanRow> =
        aws.ec2_savings_plans.iter().map(|r| ((r.region.as_str(), r.instance_type.as_str(), r.operating_system.as_str()), r)).collect();
    let fees: BTreeMap<(&str, &str), &ManagedFeeRow> =
        aws.managed_fees.iter().map(|r| ((r.region.as_str(), r.instance_type.as_str()), r)).collect();
    for (region, platforms) in prices.iter_mut() {
        for (platform, rows) in platforms.iter_mut() {
            let os = if *platform == Platform::Windows { "mswin" } else { "linux" };
            for row in rows.iter_mut() {
                let t = row.spec.instance_type.as_str();
                if let Some(plan) = plans.get(&(region.as_str(), t, os)) {
                    row.extras[Ec2Extra::ComputeSavingsPlan1y as usize] = plan.compute_1y;
                    row.extras[Ec2Extra::ComputeSavingsPlan3y as usize] = plan.compute_3y;
                    row.extras[Ec2Extra::InstanceSavingsPlan1y as usize] = plan.instance_1y;
                    row.extras[Ec2Extra::InstanceSavingsPlan3y as usize] = plan.instance_3y;
                    savings_plan_dates.entry((region.clone(), os.to_string())).or_default().push(plan.as_of.clone());
                }
                if let Some(fee) = fees.get(&(region.as_str(), t)).filter(|_| *platform != Platform::Windows) {
                    row.extras[Ec2Extra::ManagedInstancesFee as usize] = Some(fee.fee_hour);
                    fee_dates.entry(region.clone()).or_default().push(fee.as_of.clone());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(os: &str, od: Option<f64>, spot: Option<f64>, r1: Option<f64>) -> TidyRow {
        TidyRow {
            instance_type: "m6i.xlarge".into(),
            family_label: "General purpose".into(),
            gpu_count: Some(0.0),
            region_code: "us-east-1".into(),
            operating_system: os.into(),
            ondemand_usd_per_hour: od,
            spot_avg_usd_per_hour: spot,
            reserved_1yr_allupfront_usd_per_hour: r1,
            reserved_3yr_allupfront_usd_per_hour: None,
        }
    }

    #[test]
    fn zero_and_missing_on_demand_rows_are_dropped() {
        assert!(clean_row(&row("linux", Some(0.0), None, None)).is_none(), "u-6tb1.metal's 0.0");
        assert!(clean_row(&row("linux", None, None, None)).is_none());
        assert!(clean_row(&row("linux", Some(f64::NAN), None, None)).is_none());
        assert_eq!(clean_row(&row("linux", Some(0.192), None, None)).unwrap().on_demand, 0.192);
    }

    #[test]
    fn spot_above_on_demand_is_unknown() {
        assert_eq!(clean_row(&row("linux", Some(0.1), Some(0.10004), None)).unwrap().spot, None);
        assert_eq!(clean_row(&row("linux", Some(0.1), Some(0.1), None)).unwrap().spot, Some(0.1));
        assert_eq!(clean_row(&row("linux", Some(0.1), Some(0.0412), None)).unwrap().spot, Some(0.0412));
        assert_eq!(clean_row(&row("linux", Some(0.1), Some(0.0), None)).unwrap().spot, None);
    }

    #[test]
    fn windows_reserved_equal_to_linux_is_unknown() {
        // m6i.xlarge us-east-1: Windows 1-year 0.118493 = Linux 1-year 0.118493 (a copy error).
        assert_eq!(windows_reserved(Some(0.118493), Some(0.118493)), None);
        // m5.large us-east-1: Linux 0.056393, Windows 0.148402: kept.
        assert_eq!(windows_reserved(Some(0.148402), Some(0.056393)), Some(0.148402));
        assert_eq!(windows_reserved(Some(0.148402), None), Some(0.148402));
    }

    #[test]
    fn trunking_limits_must_be_positive_and_not_inverted() {
        assert_eq!(trunking_limit(2, -2), None, "i4i.large");
        assert_eq!(trunking_limit(14, 12), None, "u-6tb1.56xlarge");
        assert_eq!(trunking_limit(2, 10), Some(10), "m5.large");
        assert_eq!(trunking_limit(1, 0), None);
    }

    #[test]
    fn windows_rows_take_the_linux_reserved_check() {
        let specs: BTreeMap<String, InstanceSpec> = [(
            "m6i.xlarge".to_string(),
            InstanceSpec {
                instance_type: "m6i.xlarge".into(),
                vcpu: 4,
                memory_mib: 16384,
                arch: Arch::X86,
                enis: 4,
                trunking_tasks: None,
                category: "general".into(),
                cpu_baseline: None,
            },
        )]
        .into();
        let rows = [row("linux", Some(0.192), Some(0.08), Some(0.118493)), row("mswin", Some(0.376), Some(0.2), Some(0.118493))];
        let out = prices_by_region(&rows, &specs, |r| r == "us-east-1");
        let region = &out["us-east-1"];
        assert_eq!(region[&Platform::LinuxX86][0].reserved_1y, Some(0.118493));
        assert_eq!(region[&Platform::Windows][0].reserved_1y, None);
        assert_eq!(region[&Platform::Windows][0].on_demand, 0.376);
        assert!(prices_by_region(&rows, &specs, |r| r == "eu-west-1").is_empty());
    }

    #[test]
    fn ecs_types_only() {
        let raw = |archs: &[&str], burst: bool| RawType {
            instance_type: "x".into(),
            v_cpu_info: RawVcpu { default_v_cpus: 2 },
            memory_info: RawMemory { size_in_mi_b: 8192 },
            processor_info: RawProcessor { supported_architectures: archs.iter().map(|a| a.to_string()).collect() },
            network_info: RawNetwork { maximum_network_interfaces: 3 },
            burstable_performance_supported: burst,
        };
        let mut r = row("linux", Some(0.1), None, None);
        assert_eq!(category(&r.instance_type, &r.family_label, r.gpu_count.unwrap_or(0.0), &raw(&["x86_64"], false)), Some("general"));
        assert_eq!(category(&r.instance_type, &r.family_label, r.gpu_count.unwrap_or(0.0), &raw(&["x86_64"], true)), Some("burstable"));
        assert_eq!(category(&r.instance_type, &r.family_label, r.gpu_count.unwrap_or(0.0), &raw(&["arm64_mac"], false)), None);
        r.gpu_count = Some(0.125);
        assert_eq!(
            category(&r.instance_type, &r.family_label, r.gpu_count.unwrap_or(0.0), &raw(&["x86_64"], false)),
            None,
            "fractional GPUs count"
        );
        r.gpu_count = Some(0.0);
        r.family_label = "Storage optimized".into();
        assert_eq!(category(&r.instance_type, &r.family_label, r.gpu_count.unwrap_or(0.0), &raw(&["x86_64"], false)), None);
        r.family_label = "Memory optimized".into();
        r.instance_type = "u-6tb1.metal".into();
        assert_eq!(category(&r.instance_type, &r.family_label, r.gpu_count.unwrap_or(0.0), &raw(&["x86_64"], false)), None);
    }
}
