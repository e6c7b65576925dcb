//! The snapshot's files as types: what `manifest.json` and each region file
//! hold, with units in the names. `read` fills them, `validate` checks them,
//! `build` writes them (with serde).

use super::PerPlatform;
use crate::model::ec2::Ec2Hourly;
use crate::model::fargate::FargateRates;
use crate::model::packing::InstanceShape;
use crate::model::platform::Platform;
use crate::model::scenario::Candidate;
use serde::Serialize;

/// Bumped when the files' shape changes in a way old readers cannot follow.
pub const SCHEMA: u32 = 5;

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
    /// When its numbers were captured: YYYY-MM-DD, YYYY-MM or YYYY.
    pub date: String,
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
    /// "general", "compute", "memory" or "burstable".
    pub category: String,
}

/// `regions/<region>/<platform>.json`: the region's prices for the platform:
/// Fargate's rates where known, and its EC2 types with their specs and hourly
/// prices (USD per instance-hour).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RegionPrices {
    pub region: String,
    pub platform: Platform,
    /// Absent where no source prices Fargate for this platform here.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fargate: Option<FargatePrices>,
    /// What each row holds, in order (documentation carried with the data).
    pub columns: Vec<String>,
    /// Of the prices.
    pub origin: ValueOrigin,
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

pub const EC2_COLUMNS: [&str; 10] =
    ["type", "vcpu", "memory_mib", "enis", "awsvpc_trunking_tasks", "category", "on_demand", "reserved_1y", "reserved_3y", "spot"];

/// One type: its specs and hourly prices. Reserved are Standard, all upfront,
/// as the effective hourly rate (upfront ÷ hours in the term); Spot is a
/// recent average. Written as one row (`EC2_COLUMNS`) to keep the file small.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(into = "PriceRow")]
pub struct Ec2Price {
    pub spec: InstanceSpec,
    pub on_demand: f64,
    pub reserved_1y: Option<f64>,
    pub reserved_3y: Option<f64>,
    pub spot: Option<f64>,
}

type PriceRow = (String, u32, u32, u32, Option<u32>, String, f64, Option<f64>, Option<f64>, Option<f64>);

impl From<Ec2Price> for PriceRow {
    fn from(p: Ec2Price) -> Self {
        let s = p.spec;
        (s.instance_type, s.vcpu, s.memory_mib, s.enis, s.trunking_tasks, s.category, p.on_demand, p.reserved_1y, p.reserved_3y, p.spot)
    }
}

impl Ec2Price {
    /// What the model needs of the type.
    pub fn candidate(&self) -> Candidate {
        let s = &self.spec;
        Candidate {
            name: s.instance_type.clone(),
            shape: InstanceShape { vcpu: s.vcpu, memory_mib: s.memory_mib, enis: s.enis, trunking_tasks: s.trunking_tasks },
            hourly: Ec2Hourly { on_demand: self.on_demand, reserved_1y: self.reserved_1y, reserved_3y: self.reserved_3y, spot: self.spot },
        }
    }
}

impl FargatePrices {
    /// Each purchase option's rates, by its name in the files; None where unknown.
    pub fn rate_sets(&self) -> [(&'static str, Option<&RateSet>); 4] {
        [
            ("on_demand", Some(&self.on_demand)),
            ("spot", self.spot.as_ref()),
            ("savings_plan_1y", self.savings_plan_1y.as_ref()),
            ("savings_plan_3y", self.savings_plan_3y.as_ref()),
        ]
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
