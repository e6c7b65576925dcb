//! The snapshot's files as types: what `manifest.json` and each region file
//! hold, with units in the names. `read` fills them, `validate` checks them,
//! `build` writes them (with serde).

use super::PerPlatform;
use crate::model::credits::Burst;
use crate::model::ec2::Ec2Hourly;
use crate::model::fargate::{FargateOption, FargateRates};
use crate::model::packing::InstanceShape;
use crate::model::platform::Platform;
use crate::model::scenario::{Candidate, SidePrices};
use serde::Serialize;

/// Bumped when the files' shape changes in a way old readers cannot follow.
pub const SCHEMA: u32 = 7;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Manifest {
    pub schema: u32,
    /// The newest data date among the sources the prices came from.
    pub date: String,
    pub default_region: String,
    pub sources: Vec<Source>,
    pub regions: Vec<Region>,
}

/// Where a class of values came from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Source {
    pub id: String,
    pub title: String,
    /// The file under `pricing-sources/` it was read from.
    pub file: String,
    /// When its numbers were captured: YYYY-MM-DD, YYYY-MM or YYYY; None
    /// when the source does not say.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    pub licence: String,
    pub origin: String,
    pub kind: Provenance,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Provenance {
    /// AWS's own price file, copied unchanged.
    Published,
    /// AWS's prices as copied by a third party; not checked against AWS.
    Secondary,
    /// Computed from other values; the entry's `note` says how.
    Derived,
}

impl Provenance {
    /// As the files write it (serde's name): "published", "secondary", "derived".
    pub fn name(self) -> &'static str {
        match self {
            Provenance::Published => "published",
            Provenance::Secondary => "secondary",
            Provenance::Derived => "derived",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Region {
    pub code: String,
    /// AWS's name, e.g. "Europe (Frankfurt)".
    pub name: String,
    /// For grouping in the region picker, e.g. "Europe".
    pub geography: String,
    /// The platforms whose Fargate prices are known, in `Platform` order;
    /// the prices are in the platform's region file.
    pub fargate: Vec<Platform>,
    /// EC2 instance types priced per platform (each has a file in `regions/`),
    /// counting those in its outclassed companion.
    pub ec2_types: PerPlatform<u32>,
}

/// One platform's Fargate prices in one region.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FargatePrices {
    pub on_demand: RateSet,
    /// Ephemeral storage above the free 20 GiB; unknown in most regions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub storage: Option<StorageRate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spot: Option<RateSet>,
    /// Compute Savings Plans, 1 year, no upfront.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub savings_plan_1y: Option<RateSet>,
    /// Compute Savings Plans, 3 years, no upfront.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub savings_plan_3y: Option<RateSet>,
}

/// Fargate's per-hour rates for one purchase option, USD.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RateSet {
    /// USD per vCPU-hour.
    pub vcpu_hour: f64,
    /// USD per GB-hour of memory.
    pub gb_hour: f64,
    /// USD per vCPU-hour of Windows licence; Windows only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub os_vcpu_hour: Option<f64>,
    pub origin: ValueOrigin,
}

/// USD per GB-hour of ephemeral storage above the free 20 GiB.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StorageRate {
    pub gb_hour: f64,
    pub origin: ValueOrigin,
}

/// Provenance of one group of values.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ValueOrigin {
    pub source: String,
    pub provenance: Provenance,
    /// When these values were captured, if the source says: YYYY-MM-DD, YYYY-MM or YYYY.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One price of a region with where it came from, USD per the unit its field names.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UnitPrice {
    pub usd: f64,
    pub origin: ValueOrigin,
}

/// The surplus CPU credit rates of a file's burstable types (t2, t3, t3a,
/// t4g), in its main file only; each type's baseline is in its row.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CpuCredits {
    /// Of the baselines in the rows (a `Source` id).
    pub baseline_source: String,
    /// USD per surplus vCPU-hour in unlimited mode, by family (`t3`), on
    /// this file's platform, in family order.
    #[serde(serialize_with = "as_object")]
    pub surplus_vcpu_hour: Vec<(String, f64)>,
    /// Of the surplus rates.
    pub origin: ValueOrigin,
}

/// Pairs written as a JSON object, `{"t3": 0.05}`.
fn as_object<S: serde::Serializer>(pairs: &[(String, f64)], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_map(pairs.iter().map(|(k, v)| (k, v)))
}

impl CpuCredits {
    /// A type's family as the rates name it: `t3a.large` → `t3a`.
    pub fn family(instance_type: &str) -> &str {
        instance_type.split('.').next().unwrap_or(instance_type)
    }

    /// USD per surplus vCPU-hour of `instance_type`'s family, if known.
    pub fn rate(&self, instance_type: &str) -> Option<f64> {
        let family = CpuCredits::family(instance_type);
        self.surplus_vcpu_hour.iter().find(|(f, _)| f == family).map(|(_, r)| *r)
    }
}

/// ECS Managed Instances, where it runs (Linux): a type's management fee is
/// AWS's own where the file has it (`Ec2Extra::ManagedInstancesFee`), else
/// `fee_share` of its on-demand price, derived as `origin` says.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ManagedInstances {
    pub fee_share: f64,
    pub origin: ValueOrigin,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Arch {
    X86,
    Arm,
}

impl Arch {
    /// As EC2 names it.
    pub fn name(self) -> &'static str {
        match self {
            Arch::X86 => "x86_64",
            Arch::Arm => "arm64",
        }
    }
}

/// One instance type, as an ECS cluster would use it.
#[derive(Clone, Debug, PartialEq)]
pub struct InstanceSpec {
    pub instance_type: String,
    pub vcpu: u32,
    pub memory_mib: u32,
    pub arch: Arch,
    /// Most network interfaces the type can attach.
    pub enis: u32,
    /// ECS tasks per instance in awsvpc mode with ENI trunking, from AWS's
    /// table; None where the table has no (or no sane) value.
    pub trunking_tasks: Option<u32>,
    /// "general", "compute", "memory" or `BURSTABLE`.
    pub category: String,
    /// A burstable type's baseline: the share of each vCPU it may use
    /// without spending CPU credits (t3.large: 0.3); None for the others.
    pub cpu_baseline: Option<f64>,
}

/// `regions/<region>/<platform>.json`: the region's prices for the platform:
/// Fargate's rates where known, and its EC2 types with their specs and hourly
/// prices (USD per instance-hour). Serialised by hand (below): a row holds
/// the optional price columns its file lists, and only those.
#[derive(Clone, Debug, PartialEq)]
pub struct RegionPrices {
    pub region: String,
    pub platform: Platform,
    /// Absent where no source prices Fargate for this platform here.
    pub fargate: Option<FargatePrices>,
    /// USD per public IPv4 address-hour; absent where unknown. In the main
    /// file only, as are the three below.
    pub public_ipv4: Option<UnitPrice>,
    /// USD per GB-month of an EBS gp3 volume; absent where unknown.
    pub ebs_gp3: Option<UnitPrice>,
    /// Absent where the file has no burstable type.
    pub cpu_credits: Option<CpuCredits>,
    /// Absent where ECS Managed Instances does not run the platform (Windows).
    pub managed_instances: Option<ManagedInstances>,
    /// What each row holds, in order: `EC2_COLUMNS`, then the optional
    /// columns (`Ec2Extra`) some type of the file has a price in.
    pub columns: Vec<String>,
    /// Of the on-demand and reserved prices (and of Spot, unless `spot_origin`).
    pub origin: ValueOrigin,
    /// Of the Spot prices, where they come from another source than `origin`.
    pub spot_origin: Option<ValueOrigin>,
    /// Of each optional column the file has, in `Ec2Extra::ALL` order.
    pub extra_origins: Vec<(Ec2Extra, ValueOrigin)>,
    /// Of vCPU, memory and ENIs (a `Source` id).
    pub specs_source: String,
    /// Of the awsvpc task limits with ENI trunking (a `Source` id).
    pub trunking_source: String,
    /// How many more types the companion `<platform>-outclassed.json` holds
    /// (0: none, and no companion). A companion is itself a region file,
    /// without Fargate's rates and with 0 here.
    pub outclassed_types: u32,
    pub rows: Vec<Ec2Price>,
}

/// The category of the types that run on CPU credits.
pub const BURSTABLE: &str = "burstable";

pub const EC2_COLUMNS: [&str; 11] = [
    "type",
    "vcpu",
    "memory_mib",
    "enis",
    "awsvpc_trunking_tasks",
    "category",
    "cpu_baseline",
    "on_demand",
    "reserved_1y",
    "reserved_3y",
    "spot",
];

/// An EC2 price some sources have and others do not, USD per instance-hour:
/// a column of a region file only where some type has it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Ec2Extra {
    /// Compute Savings Plans, 1 year, no upfront.
    ComputeSavingsPlan1y,
    ComputeSavingsPlan3y,
    /// EC2 Instance Savings Plans, 1 year, no upfront.
    InstanceSavingsPlan1y,
    InstanceSavingsPlan3y,
    /// ECS Managed Instances' management fee, on top of the instance.
    ManagedInstancesFee,
}

impl Ec2Extra {
    pub const ALL: [Ec2Extra; 5] = [
        Ec2Extra::ComputeSavingsPlan1y,
        Ec2Extra::ComputeSavingsPlan3y,
        Ec2Extra::InstanceSavingsPlan1y,
        Ec2Extra::InstanceSavingsPlan3y,
        Ec2Extra::ManagedInstancesFee,
    ];

    /// Its column in the region files, and its key in `extra_origins`.
    pub fn column(self) -> &'static str {
        match self {
            Ec2Extra::ComputeSavingsPlan1y => "compute_savings_plan_1y",
            Ec2Extra::ComputeSavingsPlan3y => "compute_savings_plan_3y",
            Ec2Extra::InstanceSavingsPlan1y => "instance_savings_plan_1y",
            Ec2Extra::InstanceSavingsPlan3y => "instance_savings_plan_3y",
            Ec2Extra::ManagedInstancesFee => "managed_instances_fee",
        }
    }

    pub fn from_column(column: &str) -> Option<Ec2Extra> {
        Ec2Extra::ALL.into_iter().find(|e| e.column() == column)
    }
}

/// One type: its specs and hourly prices. Reserved are Standard, all upfront,
/// as the effective hourly rate (upfront ÷ hours in the term); Spot is a
/// recent average. Written as one row (`RegionPrices::columns`) to keep the file small.
#[derive(Clone, Debug, PartialEq)]
pub struct Ec2Price {
    pub spec: InstanceSpec,
    pub on_demand: f64,
    pub reserved_1y: Option<f64>,
    pub reserved_3y: Option<f64>,
    pub spot: Option<f64>,
    /// The optional prices, in `Ec2Extra::ALL` order; None where unknown.
    pub extras: [Option<f64>; 5],
}

impl Ec2Price {
    pub fn extra(&self, extra: Ec2Extra) -> Option<f64> {
        self.extras[extra as usize]
    }
}

/// The optional columns a file of these rows has: those some row has a price in.
pub fn extra_columns(rows: &[Ec2Price]) -> Vec<Ec2Extra> {
    Ec2Extra::ALL.into_iter().filter(|&e| rows.iter().any(|r| r.extra(e).is_some())).collect()
}

/// A row as the file writes it: `EC2_COLUMNS`, then the file's optional columns.
struct Row<'a>(&'a Ec2Price, &'a [Ec2Extra]);

impl Serialize for Row<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let (p, extras) = (self.0, self.1);
        let s = &p.spec;
        let mut row = serializer.serialize_seq(Some(EC2_COLUMNS.len() + extras.len()))?;
        row.serialize_element(&s.instance_type)?;
        for n in [s.vcpu, s.memory_mib, s.enis] {
            row.serialize_element(&n)?;
        }
        row.serialize_element(&s.trunking_tasks)?;
        row.serialize_element(&s.category)?;
        row.serialize_element(&s.cpu_baseline)?;
        row.serialize_element(&p.on_demand)?;
        for price in [p.reserved_1y, p.reserved_3y, p.spot].into_iter().chain(extras.iter().map(|&e| p.extra(e))) {
            row.serialize_element(&price)?;
        }
        row.end()
    }
}

/// `extra_origins`: each optional column's origin, by column name.
struct ExtraOrigins<'a>(&'a [(Ec2Extra, ValueOrigin)]);

impl Serialize for ExtraOrigins<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(e, o)| (e.column(), o)))
    }
}

impl Serialize for RegionPrices {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let extras: Vec<Ec2Extra> = self.columns.iter().filter_map(|c| Ec2Extra::from_column(c)).collect();
        let rows: Vec<Row> = self.rows.iter().map(|p| Row(p, &extras)).collect();
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("region", &self.region)?;
        map.serialize_entry("platform", &self.platform)?;
        if let Some(fargate) = &self.fargate {
            map.serialize_entry("fargate", fargate)?;
        }
        if let Some(ipv4) = &self.public_ipv4 {
            map.serialize_entry("public_ipv4", ipv4)?;
        }
        if let Some(ebs) = &self.ebs_gp3 {
            map.serialize_entry("ebs_gp3", ebs)?;
        }
        if let Some(credits) = &self.cpu_credits {
            map.serialize_entry("cpu_credits", credits)?;
        }
        if let Some(managed) = &self.managed_instances {
            map.serialize_entry("managed_instances", managed)?;
        }
        map.serialize_entry("columns", &self.columns)?;
        map.serialize_entry("origin", &self.origin)?;
        if let Some(spot) = &self.spot_origin {
            map.serialize_entry("spot_origin", spot)?;
        }
        if !self.extra_origins.is_empty() {
            map.serialize_entry("extra_origins", &ExtraOrigins(&self.extra_origins))?;
        }
        map.serialize_entry("specs_source", &self.specs_source)?;
        map.serialize_entry("trunking_source", &self.trunking_source)?;
        map.serialize_entry("outclassed_types", &self.outclassed_types)?;
        map.serialize_entry("rows", &rows)?;
        map.end()
    }
}

impl RegionPrices {
    /// What the model needs of a type of this file or its companion: its
    /// shape, prices, CPU credits and Managed Instances fee.
    pub fn candidate(&self, row: &Ec2Price) -> Candidate {
        let s = &row.spec;
        let extra = |e: Ec2Extra| row.extra(e);
        let burst = s
            .cpu_baseline
            .zip(self.cpu_credits.as_ref().and_then(|c| c.rate(&s.instance_type)))
            .map(|(share, rate)| Burst { baseline_vcpu: f64::from(s.vcpu) * share, surplus_vcpu_hour: rate });
        Candidate {
            name: s.instance_type.clone(),
            shape: InstanceShape { vcpu: s.vcpu, memory_mib: s.memory_mib, enis: s.enis, trunking_tasks: s.trunking_tasks },
            hourly: Ec2Hourly {
                on_demand: row.on_demand,
                reserved_1y: row.reserved_1y,
                reserved_3y: row.reserved_3y,
                spot: row.spot,
                savings_plans: [
                    extra(Ec2Extra::ComputeSavingsPlan1y),
                    extra(Ec2Extra::ComputeSavingsPlan3y),
                    extra(Ec2Extra::InstanceSavingsPlan1y),
                    extra(Ec2Extra::InstanceSavingsPlan3y),
                ],
            },
            burst,
            managed_fee: self.managed_fee(row).map(|(fee, _)| fee),
        }
    }

    /// A type's Managed Instances fee, USD per instance-hour, and whether it
    /// is AWS's own (published) or the file's share of on-demand (derived);
    /// None where Managed Instances does not run the platform here.
    pub fn managed_fee(&self, row: &Ec2Price) -> Option<(f64, Provenance)> {
        let managed = self.managed_instances.as_ref()?;
        Some(match row.extra(Ec2Extra::ManagedInstancesFee) {
            Some(fee) => (fee, Provenance::Published),
            None => (row.on_demand * managed.fee_share, Provenance::Derived),
        })
    }

    /// The region's prices beside the tasks and instances.
    pub fn side_prices(&self) -> SidePrices {
        SidePrices { public_ipv4_hour: self.public_ipv4.as_ref().map(|p| p.usd), ebs_gb_month: self.ebs_gp3.as_ref().map(|p| p.usd) }
    }
}

impl FargatePrices {
    /// Each purchase option's rates; None where unknown.
    pub fn rate_sets(&self) -> [(FargateOption, Option<&RateSet>); 4] {
        FargateOption::ALL.map(|o| (o, self.get(o)))
    }

    pub fn get(&self, option: FargateOption) -> Option<&RateSet> {
        match option {
            FargateOption::OnDemand => Some(&self.on_demand),
            FargateOption::Spot => self.spot.as_ref(),
            FargateOption::SavingsPlan1y => self.savings_plan_1y.as_ref(),
            FargateOption::SavingsPlan3y => self.savings_plan_3y.as_ref(),
        }
    }
}

/// A class of prices in a region file, each with its own origin.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PriceClass {
    Fargate(FargateOption),
    FargateStorage,
    /// EC2 on-demand and reserved (and Spot, unless `Ec2Spot` is listed).
    Ec2,
    Ec2Spot,
    Ec2Extra(Ec2Extra),
    /// The Managed Instances fee where the file has no per-type fee: a share of on-demand.
    ManagedFeeShare,
    CpuCreditRates,
    PublicIpv4,
    EbsGp3,
}

impl PriceClass {
    /// As the CLI's JSON names it: `fargate on_demand`, `ec2 spot`, …
    pub fn key(self) -> String {
        match self {
            PriceClass::Fargate(o) => format!("fargate {}", o.key()),
            PriceClass::FargateStorage => "fargate storage".into(),
            PriceClass::Ec2 => "ec2".into(),
            PriceClass::Ec2Spot => "ec2 spot".into(),
            PriceClass::Ec2Extra(e) => format!("ec2 {}", e.column()),
            PriceClass::ManagedFeeShare => "ec2 managed_instances_fee_share".into(),
            PriceClass::CpuCreditRates => "ec2 cpu_credits".into(),
            PriceClass::PublicIpv4 => "public_ipv4".into(),
            PriceClass::EbsGp3 => "ebs_gp3".into(),
        }
    }
}

impl RateSet {
    /// The model's view of these rates, with `storage` for disk above 20 GiB
    /// (0 when unknown: callers must not bill storage they cannot price).
    pub fn rates(&self, storage: Option<&StorageRate>) -> FargateRates {
        FargateRates {
            vcpu_hour: self.vcpu_hour,
            gb_hour: self.gb_hour,
            storage_gb_hour: storage.map_or(0.0, |s| s.gb_hour),
            os_vcpu_hour: self.os_vcpu_hour,
        }
    }
}
