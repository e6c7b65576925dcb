//! Builds `pricing/` from the raw sources in `pricing-sources/`.
//!
//! Deterministic by construction: sorted maps, fixed field order and the same
//! float formatting every time, so the same inputs give the same bytes (a test
//! holds us to it). Everything built is validated before it is returned.

pub mod aws;
pub mod credits;
pub mod ec2;
pub mod fargate;
pub mod managed;
pub mod side_costs;
pub mod sources;

use super::offer::OfferFile;
use super::regions;
use super::Ec2Extra;
use super::{outclassed_file, region_file, Manifest, Provenance, Region, RegionPrices, ValueOrigin, DEFAULT_REGION, EC2_COLUMNS, SCHEMA};
use crate::model::platform::Platform;
use aws::AwsPrices;
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// Every generated file: path under `pricing/` → contents.
pub type Files = BTreeMap<String, String>;

fn read(dir: &Path, file: &str) -> Result<String, String> {
    let path = dir.join(file);
    fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// One line per row: the EC2 price files are long tables, and a row per line
/// keeps them small and their diffs readable.
pub fn to_row_json<T: serde::Serialize>(value: &T, rows_key: &str) -> Result<String, String> {
    let mut value = serde_json::to_value(value).map_err(|e| e.to_string())?;
    let rows = value.as_object_mut().and_then(|o| o.remove(rows_key)).and_then(|r| r.as_array().cloned()).unwrap_or_default();
    let mut out = String::from("{\n");
    for (key, v) in value.as_object().into_iter().flatten() {
        out.push_str(&format!("  {}: {},\n", serde_json::to_string(key).unwrap(), serde_json::to_string(v).unwrap()));
    }
    out.push_str(&format!("  {}: [\n", serde_json::to_string(rows_key).unwrap()));
    let lines: Vec<String> = rows.iter().map(|r| format!("    {}", serde_json::to_string(r).unwrap())).collect();
    out.push_str(&lines.join(",\n"));
    out.push_str("\n  ]\n}\n");
    Ok(out)
}

pub fn build(sources_dir: &Path) -> Result<Files, String> {
    build_with(sources_dir, &AwsPrices::read(sources_dir)?)
}

/// (region, operating system): a region file's scope in the EC2 sources.
type Scope = (String, String);

/// Where a region file's EC2 prices came from, by class.
struct Ec2Origins {
    /// On-demand and reserved: AWS's offer (and when), else the secondary copy.
    offer: BTreeMap<Scope, Vec<String>>,
    /// Spot: AWS's feed (and when), else the secondary copy's averages.
    spot: BTreeMap<Scope, Vec<String>>,
    savings_plans: BTreeMap<Scope, Vec<String>>,
    managed_fees: BTreeMap<String, Vec<String>>,
}

fn origin_of(source: &str, provenance: Provenance, (as_of, note): (Option<String>, Option<String>)) -> ValueOrigin {
    ValueOrigin { source: source.into(), provenance, as_of, note }
}

/// The secondary copy of AWS's EC2 prices (Vantage's mirror, 2026-05-12).
fn secondary_ec2() -> ValueOrigin {
    origin_of(sources::ID_EC2, Provenance::Secondary, (Some("2026-05-12".into()), None))
}

/// `build` with AWS's own prices as a refresh left them (`aws`, also read
/// from `pricing-sources/aws/` by `build`): they replace every other source
/// of their class, region by region; what they do not cover keeps the others.
pub fn build_with(sources_dir: &Path, aws: &AwsPrices) -> Result<Files, String> {
    let is_region = regions::is_commercial;

    // Fargate on-demand, best source first: AWS's offer files, then its pricing page.
    let offer = OfferFile::parse(&read(sources_dir, sources::ECS_OFFER)?).map_err(|e| format!("{}: {e}", sources::ECS_OFFER))?;
    let mut fargate = fargate::from_ecs_offer(&offer, sources::ID_ECS_OFFER)?;
    fargate::add_refreshed(&mut fargate, aws, is_region)?;
    let page_date = fargate::add_pricing_page(&mut fargate, &read(sources_dir, sources::FARGATE_PAGE)?, is_region)?;
    // Spot and Savings Plans: AWS's (above), then the newest points, then the 2021 table for Spot.
    fargate::add_points(&mut fargate, &read(sources_dir, sources::FARGATE_POINTS)?, sources::point_note)?;
    fargate::add_2021_spot(&mut fargate, &read(sources_dir, sources::FARGATE_2021)?, is_region)?;

    // EC2: AWS's offer where a refresh covered the region and OS, else the secondary copy.
    let tidy = ec2::read_tidy(&read(sources_dir, sources::EC2_PRICES)?)?;
    let scope = |region: &str, os: &str| (region.to_string(), os.to_string());
    let mut origins =
        Ec2Origins { offer: BTreeMap::new(), spot: BTreeMap::new(), savings_plans: BTreeMap::new(), managed_fees: BTreeMap::new() };
    for r in &aws.ec2 {
        origins.offer.entry(scope(&r.region, &r.operating_system)).or_default().push(r.as_of.clone());
    }
    for r in &aws.ec2_spot {
        origins.spot.entry(scope(&r.region, &r.operating_system)).or_default().push(r.as_of.clone());
    }
    let tidy_spot: BTreeMap<(&str, &str, &str), Option<f64>> = tidy
        .iter()
        .map(|r| ((r.region_code.as_str(), r.instance_type.as_str(), r.operating_system.as_str()), r.spot_avg_usd_per_hour))
        .collect();
    let aws_spot: BTreeMap<(&str, &str, &str), f64> =
        aws.ec2_spot.iter().map(|r| ((r.region.as_str(), r.instance_type.as_str(), r.operating_system.as_str()), r.spot)).collect();
    let mut rows: Vec<ec2::TidyRow> =
        tidy.iter().filter(|r| !origins.offer.contains_key(&scope(&r.region_code, &r.operating_system))).cloned().collect();
    rows.extend(aws.ec2.iter().map(|r| ec2::TidyRow {
        instance_type: r.instance_type.clone(),
        family_label: r.family.clone(),
        gpu_count: Some(r.gpu),
        region_code: r.region.clone(),
        operating_system: r.operating_system.clone(),
        ondemand_usd_per_hour: Some(r.on_demand),
        spot_avg_usd_per_hour: None,
        reserved_1yr_allupfront_usd_per_hour: r.reserved_1y,
        reserved_3yr_allupfront_usd_per_hour: r.reserved_3y,
    }));
    // Spot from AWS's feed where it covers the region and OS, else the copy's averages.
    for row in &mut rows {
        let key = (row.region_code.as_str(), row.instance_type.as_str(), row.operating_system.as_str());
        row.spot_avg_usd_per_hour = match origins.spot.contains_key(&scope(key.0, key.2)) {
            true => aws_spot.get(&key).copied(),
            false => tidy_spot.get(&key).copied().flatten(),
        };
    }
    let raw_types = ec2::read_instance_types(&read(sources_dir, sources::INSTANCE_TYPES)?)?;
    let trunking = ec2::read_trunking(&read(sources_dir, sources::TRUNKING)?)?;
    let baselines = credits::read_baselines(&read(sources_dir, sources::CREDIT_TABLE)?)?;
    let credit_rates = credits::read_rates(&read(sources_dir, sources::CREDIT_RATES)?)?;
    let mut specs = BTreeMap::new();
    for row in &rows {
        if specs.contains_key(&row.instance_type) {
            continue;
        }
        let Some(raw) = raw_types.get(&row.instance_type) else { continue };
        let Some(category) = ec2::category(&row.instance_type, &row.family_label, row.gpu_count.unwrap_or(0.0), raw) else { continue };
        // A burstable type whose CPU credits cannot be priced (t1.micro) is no candidate.
        if category == super::BURSTABLE && !baselines.contains_key(&row.instance_type) {
            continue;
        }
        if let Some(spec) = ec2::spec(raw, category, trunking.get(&row.instance_type).copied(), baselines.get(&row.instance_type).copied())
        {
            specs.insert(row.instance_type.clone(), spec);
        }
    }
    let mut ec2_prices = ec2::prices_by_region(&rows, &specs, is_region);
    ec2::add_extras(&mut ec2_prices, aws, &mut origins.savings_plans, &mut origins.managed_fees);
    let public_ipv4 = side_costs::public_ipv4(&read(sources_dir, sources::PUBLIC_IPV4)?)?;
    let ebs_gp3 = side_costs::ebs_gp3(&read(sources_dir, sources::EBS_GP3)?, aws)?;
    let fee_share = managed::fee_share(&read(sources_dir, sources::MI_FEE_POINTS)?)?;

    let mut files = Files::new();
    let mut region_list = Vec::new();
    // Each region file as written, with its outclassed companion.
    let mut split_files = Vec::new();
    for (code, name, geography) in regions::COMMERCIAL {
        let ec2 = ec2_prices.remove(code).unwrap_or_default();
        let mut fargate = fargate.remove(code).unwrap_or_default();
        let mut ec2_types = BTreeMap::new();
        let mut fargate_platforms = Vec::new();
        for (platform, rows) in ec2 {
            let path = region_file(code, platform);
            let os = if platform == Platform::Windows { "mswin" } else { "linux" };
            let key = scope(code, os);
            let dates = |map: &BTreeMap<Scope, Vec<String>>| map.get(&key).map(|d| aws::as_of(d.iter().map(String::as_str)));
            let origin = dates(&origins.offer).map_or_else(secondary_ec2, |d| origin_of(sources::ID_AWS_EC2, Provenance::Published, d));
            let spot = dates(&origins.spot).map(|d| origin_of(sources::ID_AWS_EC2_SPOT, Provenance::Published, d));
            // Spot's own origin, unless it is the same secondary copy as the rest.
            let spot_origin = spot.or_else(|| (origin.source != sources::ID_EC2).then(secondary_ec2));
            let mut extra_origins = Vec::new();
            let columns = crate::pricing::extra_columns(&rows);
            for extra in &columns {
                let dates = match extra {
                    Ec2Extra::ManagedInstancesFee => origins.managed_fees.get(code),
                    _ => origins.savings_plans.get(&key),
                };
                let source = if *extra == Ec2Extra::ManagedInstancesFee { sources::ID_AWS_ECS } else { sources::ID_AWS_SAVINGS_PLANS };
                let dates = aws::as_of(dates.into_iter().flatten().map(String::as_str));
                extra_origins.push((*extra, origin_of(source, Provenance::Published, dates)));
            }
            let cpu_credits =
                credits::for_file(code, os, rows.iter().map(|r| r.spec.instance_type.as_str()), &baselines, &credit_rates, aws)?;
            // Managed Instances runs Linux; where a refresh read the region's ECS offer, only if it lists fees.
            let refreshed_ecs = aws.fargate.iter().any(|r| r.region == code);
            let managed = platform != Platform::Windows && (!refreshed_ecs || aws.managed_fees.iter().any(|r| r.region == code));
            let prices = RegionPrices {
                region: code.into(),
                platform,
                fargate: fargate.remove(&platform),
                public_ipv4: public_ipv4.get(code).cloned(),
                ebs_gp3: ebs_gp3.get(code).cloned(),
                cpu_credits,
                managed_instances: managed.then(|| fee_share.clone()),
                columns: EC2_COLUMNS.iter().map(|c| c.to_string()).chain(columns.iter().map(|e| e.column().to_string())).collect(),
                origin,
                spot_origin,
                extra_origins,
                specs_source: sources::ID_INSTANCES.into(),
                trunking_source: sources::ID_TRUNKING.into(),
                outclassed_types: 0,
                rows,
            };
            ec2_types.insert(platform, prices.rows.len() as u32);
            fargate_platforms.extend(prices.fargate.is_some().then_some(platform));
            let (kept, outclassed) = prices.split();
            for (path, file) in std::iter::once((path, &kept)).chain(outclassed.as_ref().map(|o| (outclassed_file(code, platform), o))) {
                // Checked as written: as every reader will read it.
                let json = to_row_json(file, "rows")?;
                RegionPrices::parse_checked(&json).map_err(|e| format!("built {path} is invalid: {e}"))?;
                files.insert(path, json);
            }
            split_files.push((kept, outclassed));
        }
        if let Some(platform) = fargate.keys().next() {
            return Err(format!("{code}: Fargate {} prices but no EC2 prices to put them beside", platform.slug()));
        }
        region_list.push(Region {
            code: code.into(),
            name: name.into(),
            geography: geography.into(),
            fargate: fargate_platforms,
            ec2_types: ec2_types.into_iter().collect(),
        });
    }

    let mut sources = sources::all((&offer.version, offer.publication_day()), &page_date);
    sources.extend(sources::refreshed(aws));
    let date = sources.iter().filter_map(|s| s.date.clone()).max().unwrap_or_default();
    let manifest = Manifest { schema: SCHEMA, date, default_region: DEFAULT_REGION.into(), sources, regions: region_list };
    let mut problems = manifest.problems();
    problems.extend(split_files.iter().flat_map(|(prices, outclassed)| manifest.problems_with(prices, outclassed.as_ref())));
    if !problems.is_empty() {
        return Err(format!("the built snapshot is invalid: {}", problems.join("; ")));
    }
    // Compact: it is bundled into the app, where every byte is downloaded.
    let mut manifest_json = serde_json::to_string(&manifest).map_err(|e| e.to_string())?;
    manifest_json.push('\n');
    files.insert("manifest.json".into(), manifest_json);
    files.insert("manifest.rs".into(), manifest_rust(&manifest));
    let written: Vec<&RegionPrices> = split_files.iter().flat_map(|(kept, outclassed)| std::iter::once(kept).chain(outclassed)).collect();
    files.insert("SOURCES.md".into(), sources_markdown(&manifest, &written));
    Ok(files)
}

/// `pricing/manifest.rs`: the manifest as the Rust tables the page bundles
/// (`super::tables`).
fn manifest_rust(m: &Manifest) -> String {
    let mut out = String::from("// Generated by `cargo run --bin snapshot`, mirroring manifest.json; do not edit.\n// The page's manifest (src/pricing/tables.rs).\nTables {\n");
    out.push_str(&format!(
        "    schema: {},\n    date: {:?},\n    default_region: {:?},\n    sources: &[\n",
        m.schema, m.date, m.default_region
    ));
    for s in &m.sources {
        out.push_str(&format!("        ({:?}, {:?}, {:?}, Provenance::{:?}),\n", s.id, s.title, s.date.as_deref(), s.kind));
    }
    out.push_str("    ],\n    regions: &[\n");
    for r in &m.regions {
        let fargate: Vec<String> = r.fargate.iter().map(|p| format!("Platform::{p:?}")).collect();
        let types: Vec<String> = Platform::ALL.iter().map(|p| r.ec2_types.get(p).copied().unwrap_or(0).to_string()).collect();
        out.push_str(&format!(
            "        ({:?}, {:?}, {:?}, &[{}], [{}]),\n",
            r.code,
            r.name,
            r.geography,
            fargate.join(", "),
            types.join(", ")
        ));
    }
    out.push_str("    ],\n}\n");
    out
}

/// `files`: every region file written (companions too), whose Fargate rates
/// and types the coverage describes.
fn sources_markdown(manifest: &Manifest, files: &[&RegionPrices]) -> String {
    let instance_types: std::collections::BTreeSet<&str> =
        files.iter().flat_map(|f| &f.rows).map(|p| p.spec.instance_type.as_str()).collect();
    let mut md = String::from(
        "# Sources of the bundled prices\n\n\
         Generated by `./dev snapshot` from `pricing-sources/`; do not edit.\n\
         All prices are AWS list prices in USD. *published*: AWS's own price file; *secondary*:\n\
         AWS's prices as copied by a third party, not re-checked against AWS; *derived*: computed,\n\
         with the way stated next to the value in its region file.\n\n",
    );
    md.push_str(&format!("Newest data: {}.\n\n", manifest.date));
    md.push_str("| id | what | data date | kind | origin | licence |\n|---|---|---|---|---|---|\n");
    for s in &manifest.sources {
        md.push_str(&format!(
            "| `{}` | {} (`{}`) | {} | {:?} | {} | {} |\n",
            s.id,
            s.title,
            s.file,
            s.date.as_deref().unwrap_or("undated"),
            s.kind,
            s.origin,
            s.licence
        ));
    }
    md.push_str(
        "\n## Coverage\n\n| region | name | Fargate platforms (on-demand source) | EC2 types (x86 / ARM / Windows) |\n|---|---|---|---|\n",
    );
    for r in &manifest.regions {
        let fargate: Vec<String> = files
            .iter()
            .filter(|f| f.region == r.code)
            .filter_map(|f| Some((f.platform, &f.fargate.as_ref()?.on_demand.origin)))
            .map(|(p, o)| format!("{} ({}, {})", p.slug(), o.source, o.provenance.name()))
            .collect();
        let count = |p| r.ec2_types.get(&p).copied().unwrap_or(0);
        md.push_str(&format!(
            "| {} | {} | {} | {} / {} / {} |\n",
            r.code,
            r.name,
            if fargate.is_empty() { "none known".to_string() } else { fargate.join(", ") },
            count(Platform::LinuxX86),
            count(Platform::LinuxArm),
            count(Platform::Windows)
        ));
    }
    md.push_str(&format!(
        "\n{} EC2 instance types (general purpose, compute and memory optimised, burstable; x86 and ARM).\n\
         ECS awsvpc task limits with ENI trunking come from the Amazon ECS developer guide (2023-04-18),\n\
         licensed CC BY-SA 4.0; the `awsvpc_trunking_tasks` column of the region files is shared under it.\n",
        instance_types.len()
    ));
    md.push_str(
        "\n## Faults cleaned\n\n\
         - Zero or non-numeric prices are unknown (u-6tb1.metal's 0.0 on-demand in 13 regions).\n\
         - A Spot average above on-demand is unknown.\n\
         - A Windows reserved price equal to the Linux one is unknown (a copy error: Windows includes the licence).\n\
         - The Spot Advisor's savings percentage is not used: it contradicts the Spot prices.\n\
         - A trunking task limit that is negative or lower than the limit without trunking is unknown.\n\
         - Zero, tiered and non-USD prices in AWS offer files are not taken.\n",
    );
    md
}
