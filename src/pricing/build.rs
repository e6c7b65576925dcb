//! Builds `pricing/` from the raw sources in `../shared/pricing-sources/`.
//!
//! Deterministic by construction: sorted maps, fixed field order and the same
//! float formatting every time, so the same inputs give the same bytes (a test
//! holds us to it). Everything built is validated before it is returned.

pub mod ec2;
pub mod fargate;
pub mod sources;

use super::offer::OfferFile;
use super::regions;
use super::{outclassed_file, region_file, Manifest, Provenance, Region, RegionPrices, ValueOrigin, DEFAULT_REGION, EC2_COLUMNS, SCHEMA};
use crate::model::platform::Platform;
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
    build_with(sources_dir, None)
}

/// AWS's own Price List files a maintainer downloaded, to refresh the snapshot
/// from: `AmazonECS/*.json` and `AmazonEC2/*.json` bulk offer files, one per
/// region (from `https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/<service>/current/<region>/index.json`).
#[derive(Default)]
struct AwsOffers {
    fargate: fargate::ByRegion,
    /// (region, type, os) → (on-demand, reserved 1y, reserved 3y), USD per hour.
    ec2: BTreeMap<(String, String, String), Ec2Hourly>,
    ecs_date: Option<String>,
    ec2_date: Option<String>,
}

/// On-demand, reserved 1y and reserved 3y, USD per hour, each where the offer has it.
type Ec2Hourly = (Option<f64>, Option<f64>, Option<f64>);

fn offer_files(dir: &Path) -> Result<Vec<std::path::PathBuf>, String> {
    if !dir.exists() {
        return Ok(Vec::new());
    }
    let mut files: Vec<_> = fs::read_dir(dir)
        .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    Ok(files)
}

fn read_aws_offers(dir: &Path) -> Result<AwsOffers, String> {
    let mut out = AwsOffers::default();
    for path in offer_files(&dir.join("AmazonECS"))? {
        let text = fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let offer = OfferFile::parse(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        out.ecs_date = out.ecs_date.max(Some(offer.publication_day().to_string()));
        for (region, platforms) in fargate::from_ecs_offer(&offer, sources::ID_AWS_ECS)? {
            out.fargate.entry(region).or_default().extend(platforms);
        }
    }
    for path in offer_files(&dir.join("AmazonEC2"))? {
        let text = fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let offer = OfferFile::parse(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        out.ec2_date = out.ec2_date.max(Some(offer.publication_day().to_string()));
        for p in offer.instance_prices().0 {
            out.ec2.insert((p.region, p.instance_type, p.os.to_string()), (p.on_demand, p.reserved_1y, p.reserved_3y));
        }
    }
    if out.fargate.is_empty() && out.ec2.is_empty() {
        return Err(format!("{}: no AmazonECS/*.json or AmazonEC2/*.json offer files with prices", dir.display()));
    }
    Ok(out)
}

/// `build`, refreshing from AWS's own offer files in `aws_dir` where given:
/// their on-demand and reserved prices replace the secondary copies (Spot
/// stays: the Price List has no Spot prices).
pub fn build_with(sources_dir: &Path, aws_dir: Option<&Path>) -> Result<Files, String> {
    let is_region = regions::is_commercial;
    let aws = aws_dir.map(read_aws_offers).transpose()?.unwrap_or_default();

    // Fargate, best source first.
    let offer = OfferFile::parse(&read(sources_dir, sources::ECS_OFFER)?).map_err(|e| format!("{}: {e}", sources::ECS_OFFER))?;
    let mut fargate = fargate::from_ecs_offer(&offer, sources::ID_ECS_OFFER)?;
    for (region, platforms) in &aws.fargate {
        for (platform, fresh) in platforms {
            fargate::replace_on_demand(fargate.entry(region.clone()).or_default(), *platform, fresh.clone());
        }
    }
    fargate::add_notes(&mut fargate, &fargate::parse_notes(&read(sources_dir, sources::SOURCES_NOTES)?)?);
    let secondary_date = fargate::add_secondary(&mut fargate, &read(sources_dir, sources::FARGATE_SECONDARY)?, is_region)?
        .ok_or("secondary Fargate rates carry no date at all")?;
    fargate::add_2021(&mut fargate, &read(sources_dir, sources::FARGATE_2021)?, is_region)?;
    fargate::derive_arm(&mut fargate, DEFAULT_REGION);

    // EC2 specs for the types an ECS cluster would use, then their prices.
    let mut tidy = ec2::read_tidy(&read(sources_dir, sources::EC2_PRICES)?)?;
    let mut refreshed = std::collections::BTreeSet::new();
    for row in tidy.iter_mut() {
        let key = (row.region_code.clone(), row.instance_type.clone(), row.operating_system.clone());
        if let Some(&(on_demand, reserved_1y, reserved_3y)) = aws.ec2.get(&key) {
            row.ondemand_usd_per_hour = on_demand;
            row.reserved_1yr_allupfront_usd_per_hour = reserved_1y;
            row.reserved_3yr_allupfront_usd_per_hour = reserved_3y;
            refreshed.insert((row.region_code.clone(), row.operating_system.clone()));
        }
    }
    let raw_types = ec2::read_instance_types(&read(sources_dir, sources::INSTANCE_TYPES)?)?;
    let trunking = ec2::read_trunking(&read(sources_dir, sources::TRUNKING)?)?;
    let mut specs = BTreeMap::new();
    for row in &tidy {
        if specs.contains_key(&row.instance_type) {
            continue;
        }
        let Some(raw) = raw_types.get(&row.instance_type) else { continue };
        let Some(category) = ec2::category(row, raw) else { continue };
        if let Some(spec) = ec2::spec(raw, category, trunking.get(&row.instance_type).copied()) {
            specs.insert(row.instance_type.clone(), spec);
        }
    }
    let mut ec2_prices = ec2::prices_by_region(&tidy, &specs, is_region);

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
            let origin = if refreshed.contains(&(code.to_string(), os.to_string())) {
                ValueOrigin {
                    source: sources::ID_AWS_EC2.into(),
                    provenance: Provenance::Published,
                    as_of: aws.ec2_date.clone(),
                    note: Some(format!(
                        "on-demand and reserved from AWS's offer; Spot averages from {} (the Price List has no Spot prices)",
                        sources::ID_EC2
                    )),
                }
            } else {
                ValueOrigin {
                    source: sources::ID_EC2.into(),
                    provenance: Provenance::Secondary,
                    as_of: Some("2026-05-12".into()),
                    note: None,
                }
            };
            let prices = RegionPrices {
                region: code.into(),
                platform,
                fargate: fargate.remove(&platform),
                columns: EC2_COLUMNS.iter().map(|c| c.to_string()).collect(),
                origin,
                specs_source: sources::ID_INSTANCES.into(),
                trunking_source: sources::ID_TRUNKING.into(),
                outclassed_types: 0,
                rows,
            };
            ec2_types.insert(platform, prices.rows.len() as u32);
            fargate_platforms.extend(prices.fargate.is_some().then_some(platform));
            let (kept, outclassed) = prices.split();
            for (path, file) in std::iter::once((path, &kept)).chain(outclassed.as_ref().map(|o| (outclassed_file(code, platform), o))) {
                let problems = file.problems();
                if !problems.is_empty() {
                    return Err(format!("built {path} is invalid: {}", problems.join("; ")));
                }
                files.insert(path, to_row_json(file, "rows")?);
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

    let mut sources = sources::all((&offer.version, offer.publication_day()), &secondary_date);
    sources.extend(sources::refreshed(aws.ecs_date.as_deref(), aws.ec2_date.as_deref()));
    let date = sources.iter().map(|s| s.date.clone()).max().unwrap_or_default();
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
        out.push_str(&format!("        ({:?}, {:?}, {:?}, Provenance::{:?}),\n", s.id, s.title, s.date, s.kind));
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
         Generated by `cargo run --bin snapshot` from `../shared/pricing-sources/`; do not edit.\n\
         All prices are AWS list prices in USD. *published*: AWS's own price file; *secondary*:\n\
         AWS's prices as copied by a third party, not re-checked against AWS; *derived*: computed,\n\
         with the way stated next to the value in its region file.\n\n",
    );
    md.push_str(&format!("Newest data: {}.\n\n", manifest.date));
    md.push_str("| id | what | data date | kind | origin | licence |\n|---|---|---|---|---|---|\n");
    for s in &manifest.sources {
        md.push_str(&format!("| `{}` | {} (`{}`) | {} | {:?} | {} | {} |\n", s.id, s.title, s.file, s.date, s.kind, s.origin, s.licence));
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
