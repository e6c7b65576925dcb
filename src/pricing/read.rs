//! Reading the pricing files into their types, with `crate::json`.
//!
//! By hand rather than serde's derive: the page reads region files so, and
//! the derived code was the largest part of its wasm (the manifest it gets
//! from `tables`; the native tools read `manifest.json` here). The writer
//! (`build`, native) still uses serde's `Serialize`; `tests/snapshot.rs`
//! proves every committed file reads back equal to what was written.

use super::{
    arch_of, CpuCredits, Ec2Extra, Ec2Price, FargatePrices, InstanceSpec, ManagedInstances, Manifest, PerPlatform, Provenance, RateSet,
    Region, RegionPrices, Source, StorageRate, UnitPrice, ValueOrigin, EC2_COLUMNS,
};
use crate::format::quoted;
use crate::json::Value;
use crate::model::platform::Platform;

fn string(v: &Value) -> Result<String, String> {
    v.str().map(str::to_string)
}

/// A price or rate: a number above zero. Every reader of the files refuses
/// any other, the page's too, as a wrong price would be a wrong answer rather
/// than an error. (JSON has no NaN or infinity, and `json` refuses a number
/// out of `f64`'s range.)
fn price(v: &Value) -> Result<f64, String> {
    let n = v.f64()?;
    if n > 0.0 {
        Ok(n)
    } else {
        Err([&crate::decimal::shortest(n), " is not a positive price"].concat())
    }
}

fn platform(name: &str) -> Result<Platform, String> {
    Platform::from_slug(name).ok_or_else(|| format!("unknown platform {}", quoted(name)))
}

/// An object keyed by platform slug, e.g. `{"linux-x86": …, "windows": …}`.
fn per_platform<T>(v: &Value, read: impl Fn(&Value) -> Result<T, String>) -> Result<PerPlatform<T>, String> {
    let mut map = PerPlatform::default();
    for (name, v) in v.members()? {
        map.insert(platform(name)?, read(v).map_err(|e| format!("{name}: {e}"))?);
    }
    Ok(map)
}

pub(super) fn manifest(v: &Value) -> Result<Manifest, String> {
    Ok(Manifest {
        schema: v.read("schema", Value::u32)?,
        date: v.read("date", string)?,
        default_region: v.read("default_region", string)?,
        sources: v.read_all("sources", source)?,
        regions: v.read_all("regions", region)?,
    })
}

fn source(v: &Value) -> Result<Source, String> {
    Ok(Source {
        id: v.read("id", string)?,
        title: v.read("title", string)?,
        file: v.read("file", string)?,
        date: v.read_opt("date", string)?,
        licence: v.read("licence", string)?,
        origin: v.read("origin", string)?,
        kind: v.read("kind", provenance)?,
    })
}

fn provenance(v: &Value) -> Result<Provenance, String> {
    match v.str()? {
        "published" => Ok(Provenance::Published),
        "secondary" => Ok(Provenance::Secondary),
        "derived" => Ok(Provenance::Derived),
        other => Err(format!("unknown provenance {}", quoted(other))),
    }
}

fn region(v: &Value) -> Result<Region, String> {
    let code = v.read("code", string)?;
    let read = || -> Result<Region, String> {
        Ok(Region {
            name: v.read("name", string)?,
            geography: v.read("geography", string)?,
            fargate: v.read_all("fargate", |p| platform(p.str()?))?,
            ec2_types: v.read("ec2_types", |t| per_platform(t, Value::u32))?,
            code: code.clone(),
        })
    };
    read().map_err(|e| format!("{code}: {e}"))
}

fn fargate_prices(v: &Value) -> Result<FargatePrices, String> {
    Ok(FargatePrices {
        on_demand: v.read("on_demand", rate_set)?,
        storage: v.read_opt("storage", |s| Ok(StorageRate { gb_hour: s.read("gb_hour", price)?, origin: s.read("origin", origin)? }))?,
        spot: v.read_opt("spot", rate_set)?,
        savings_plan_1y: v.read_opt("savings_plan_1y", rate_set)?,
        savings_plan_3y: v.read_opt("savings_plan_3y", rate_set)?,
    })
}

fn rate_set(v: &Value) -> Result<RateSet, String> {
    Ok(RateSet {
        vcpu_hour: v.read("vcpu_hour", price)?,
        gb_hour: v.read("gb_hour", price)?,
        os_vcpu_hour: v.read_opt("os_vcpu_hour", price)?,
        origin: v.read("origin", origin)?,
    })
}

fn origin(v: &Value) -> Result<ValueOrigin, String> {
    Ok(ValueOrigin {
        source: v.read("source", string)?,
        provenance: v.read("provenance", provenance)?,
        as_of: v.read_opt("as_of", string)?,
        note: v.read_opt("note", string)?,
    })
}

fn unit_price(v: &Value) -> Result<UnitPrice, String> {
    Ok(UnitPrice { usd: v.read("usd", price)?, origin: v.read("origin", origin)? })
}

fn cpu_credits(v: &Value) -> Result<CpuCredits, String> {
    Ok(CpuCredits {
        baseline_source: v.read("baseline_source", string)?,
        // An object of numbers by family, e.g. `{"t3": 0.05, "t4g": 0.04}`.
        surplus_vcpu_hour: v.read("surplus_vcpu_hour", |rates| {
            rates.members()?.iter().map(|(family, n)| Ok((family.clone(), price(n).map_err(|e| format!("{family}: {e}"))?))).collect()
        })?,
        origin: v.read("origin", origin)?,
    })
}

fn managed_instances(v: &Value) -> Result<ManagedInstances, String> {
    Ok(ManagedInstances { fee_share: v.read("fee_share", Value::f64)?, origin: v.read("origin", origin)? })
}

/// A row of a fixed number of cells.
fn row(v: &Value, cells: usize) -> Result<&[Value], String> {
    let row = v.items()?;
    if row.len() == cells {
        Ok(row)
    } else {
        Err(format!("a row of {} cells, expected {cells}", row.len()))
    }
}

/// A cell that is null where the value is unknown (a price, a trunking limit).
fn nullable<T>(v: &Value, read: impl Fn(&Value) -> Result<T, String>) -> Result<Option<T>, String> {
    if *v == Value::Null {
        Ok(None)
    } else {
        read(v).map(Some)
    }
}

pub(super) fn region_prices(v: &Value) -> Result<RegionPrices, String> {
    let platform = v.read("platform", |p| platform(p.str()?))?;
    let columns = v.read_all("columns", string)?;
    // The optional columns the rows hold after `EC2_COLUMNS`, in the header's order.
    let extras: Vec<Ec2Extra> = columns
        .iter()
        .skip(EC2_COLUMNS.len())
        .map(|c| Ec2Extra::from_column(c).ok_or_else(|| format!("columns: unknown column {}", quoted(c))))
        .collect::<Result<_, _>>()?;
    // Each listed column's origin (the build checks that every column has one).
    let mut extra_origins = Vec::new();
    for &extra in &extras {
        if let Some(o) = v.opt("extra_origins").and_then(|origins| origins.opt(extra.column())) {
            extra_origins.push((extra, origin(o).map_err(|e| format!("extra_origins.{}: {e}", extra.column()))?));
        }
    }
    Ok(RegionPrices {
        region: v.read("region", string)?,
        platform,
        fargate: v.read_opt("fargate", fargate_prices)?,
        public_ipv4: v.read_opt("public_ipv4", unit_price)?,
        ebs_gp3: v.read_opt("ebs_gp3", unit_price)?,
        cpu_credits: v.read_opt("cpu_credits", cpu_credits)?,
        managed_instances: v.read_opt("managed_instances", managed_instances)?,
        origin: v.read("origin", origin)?,
        spot_origin: v.read_opt("spot_origin", origin)?,
        extra_origins,
        specs_source: v.read("specs_source", string)?,
        trunking_source: v.read("trunking_source", string)?,
        outclassed_types: v.read("outclassed_types", Value::u32)?,
        rows: v.read_all("rows", |r| {
            let r = row(r, EC2_COLUMNS.len() + extras.len())?;
            let instance_type = string(&r[0])?;
            // A cell's error names the row's type and the cell's column.
            let cell = |i: usize, read: fn(&Value) -> Result<f64, String>| {
                let column = EC2_COLUMNS.get(i).copied().unwrap_or_else(|| extras[i - EC2_COLUMNS.len()].column());
                nullable(&r[i], read).map_err(|e| [&instance_type, " ", column, ": ", &e].concat())
            };
            let mut prices = [None; 5];
            for (k, &extra) in extras.iter().enumerate() {
                prices[extra as usize] = cell(EC2_COLUMNS.len() + k, price)?;
            }
            let on_demand = cell(7, price)?.ok_or_else(|| [&instance_type, " on_demand: null"].concat())?;
            Ok(Ec2Price {
                spec: InstanceSpec {
                    vcpu: r[1].u32()?,
                    memory_mib: r[2].u32()?,
                    arch: arch_of(platform),
                    enis: r[3].u32()?,
                    trunking_tasks: nullable(&r[4], Value::u32)?,
                    category: string(&r[5])?,
                    cpu_baseline: cell(6, Value::f64)?,
                    instance_type: instance_type.clone(),
                },
                on_demand,
                reserved_1y: cell(8, price)?,
                reserved_3y: cell(9, price)?,
                spot: cell(10, price)?,
                extras: prices,
            })
        })?,
        columns,
    })
}
