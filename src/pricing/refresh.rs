//! `./dev refresh`: AWS's public price files, straight into the project's
//! sources and snapshot.
//!
//! It reads the Price List's index (`<from>/offers/v1.0/aws/index.json`) and
//! each service's region index, then for every commercial region the
//! AmazonEC2 offer in CSV (gigabytes, streamed: `ec2_offer`) and the
//! AmazonECS offer in JSON (small: `ecs_offer`), the
//! Compute and EC2 Instance Savings Plans price lists (streamed:
//! `savings_plans`), and the two Spot feeds behind AWS's pricing pages
//! (`spot`). What it reads becomes `pricing-sources/aws/*.csv` (`build::aws`),
//! merged with what an earlier refresh kept: a region a file did not cover
//! keeps its previous prices and dates, never a zero. Then `pricing/` is
//! rebuilt and validated, and only if all of that succeeded are both folders
//! replaced. Any failure (an HTTP error, a file cut short or malformed, a
//! format that changed, a price that fails validation) leaves them exactly as
//! they were and says which file and why.

pub mod ec2_offer;
pub mod ecs_offer;
pub mod fetch;
pub mod savings_plans;
pub mod spot;
pub mod summary;

/// A Fargate rate pair as a file gives it, USD: (per vCPU-hour, per GB-hour),
/// each absent until found.
pub type VcpuGb = (Option<f64>, Option<f64>);

use super::build::aws::{self, AwsPrices, CpuCreditRow, EbsRow, Ec2Row, Ec2SavingsPlanRow, Ec2SpotRow, FargateDiscountRow, ManagedFeeRow};
use super::build::{self, ec2 as ec2_rules, sources, Files};
use super::regions;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Where AWS's files are (AWS's own hosts by default) and the folders to update.
pub struct Options {
    /// The Price List's host: offers and Savings Plans are under it.
    pub from: String,
    pub ec2_spot: String,
    pub fargate_spot: String,
    pub sources: PathBuf,
    pub out: PathBuf,
}

impl Options {
    pub const PRICE_LIST: &'static str = "https://pricing.us-east-1.amazonaws.com";
    pub const EC2_SPOT: &'static str = "https://website.spot.ec2.aws.a2z.com/spot.js";
    pub const FARGATE_SPOT: &'static str = "https://dftu77xade0tc.cloudfront.net/fargate-spot-prices.json";
}

/// What a run did: whether anything changed, and the summary for a reviewer.
pub struct Report {
    pub changed: bool,
    pub summary: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Index {
    offers: BTreeMap<String, IndexOffer>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct IndexOffer {
    current_region_index_url: Option<String>,
}

/// An offer's region index: region → its current offer's address.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct OfferRegions {
    #[serde(default)]
    publication_date: String,
    regions: BTreeMap<String, OfferRegion>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct OfferRegion {
    current_version_url: String,
}

/// A Savings Plans price list's region index.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PlanRegions {
    #[serde(default)]
    publication_date: String,
    regions: Vec<PlanRegion>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PlanRegion {
    region_code: String,
    version_url: String,
}

fn json<T: serde::de::DeserializeOwned>(url: &str) -> Result<(T, Option<String>), String> {
    let (text, modified) = fetch::text(url)?;
    let value = serde_json::from_str(&text).map_err(|e| format!("{url}: not the expected file ({e}): the format may have changed"))?;
    Ok((value, modified))
}

fn day(date: &str) -> String {
    date.get(..10).unwrap_or(date).to_string()
}

/// Today, YYYY-MM-DD (UTC), for a feed that carries no date of its own.
fn today() -> String {
    let days = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() / 86_400) as i64;
    // Howard Hinnant's days-to-civil.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Downloads and reads one offer, timing it; `read` gets the body.
fn offer<T>(url: &str, notes: &mut Vec<String>, read: impl FnOnce(&mut dyn std::io::Read, &str) -> Result<T, String>) -> Result<T, String> {
    let started = Instant::now();
    let mut download = fetch::get(url)?;
    let mut counted = Counted { inner: &mut download.body, bytes: 0 };
    let out = read(&mut counted, url)?;
    notes.push(format!("{url}: {:.1} MB in {:.1} s", counted.bytes as f64 / 1e6, started.elapsed().as_secs_f64()));
    Ok(out)
}

/// A reader that counts the bytes read through it.
struct Counted<'a> {
    inner: &'a mut dyn std::io::Read,
    bytes: u64,
}

impl std::io::Read for Counted<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }
}

/// Which regions each kind of file covered this run: their earlier rows go.
#[derive(Default)]
struct Covered {
    offers: BTreeSet<String>,
    plans: BTreeSet<String>,
    ec2_spot: BTreeSet<String>,
    fargate_spot: BTreeSet<String>,
}

/// Everything AWS's files say, read into the kept form, with notes for the summary.
fn download(
    o: &Options,
    in_scope: &dyn Fn(&str, &str, f64) -> bool,
    known: &BTreeSet<String>,
    notes: &mut Vec<String>,
) -> Result<(AwsPrices, Covered), String> {
    let base = o.from.trim_end_matches('/');
    let index_url = format!("{base}/offers/v1.0/aws/index.json");
    let (index, _) = json::<Index>(&index_url)?;
    let region_index = |service: &str| -> Result<(OfferRegions, String), String> {
        let path = index
            .offers
            .get(service)
            .and_then(|s| s.current_region_index_url.clone())
            .ok_or_else(|| format!("{index_url}: no {service}"))?;
        let url = format!("{base}{path}");
        Ok((json::<OfferRegions>(&url)?.0, url))
    };
    let (ec2_regions, ec2_index) = region_index("AmazonEC2")?;
    let (ecs_regions, ecs_index) = region_index("AmazonECS")?;
    let mut out = AwsPrices::default();
    let mut covered = Covered::default();
    let mut skus: BTreeMap<String, BTreeMap<String, (String, String)>> = BTreeMap::new();
    let mut skipped = ec2_offer::Skipped::default();
    let mut missing = Vec::new();
    for (region, _, _) in regions::COMMERCIAL {
        let (Some(ec2_region), Some(ecs_region)) = (ec2_regions.regions.get(region), ecs_regions.regions.get(region)) else {
            missing.push(region);
            continue;
        };
        // The region index names the JSON form; AWS publishes the CSV beside it.
        let csv_url = |path: &str| format!("{base}{}", path.strip_suffix(".json").map_or(path.to_string(), |p| format!("{p}.csv")));
        let ec2 = offer(&csv_url(&ec2_region.current_version_url), notes, |body, url| ec2_offer::read(body, url))?;
        let ecs = offer(&format!("{base}{}", ecs_region.current_version_url), notes, |body, url| ecs_offer::read(body, url, region))?;
        let ec2_date = ec2.published.clone().unwrap_or_else(|| day(&ec2_regions.publication_date));
        for ((instance_type, os), p) in &ec2.prices {
            let Some(on_demand) = p.on_demand.filter(|_| in_scope(instance_type, &p.family, p.gpu)) else { continue };
            out.ec2.push(Ec2Row {
                region: region.into(),
                instance_type: instance_type.clone(),
                operating_system: os.clone(),
                family: p.family.clone(),
                gpu: p.gpu,
                on_demand,
                reserved_1y: p.reserved_hourly(1),
                reserved_3y: p.reserved_hourly(3),
                as_of: ec2_date.clone(),
            });
        }
        for ((family, os), &vcpu_hour) in &ec2.cpu_credits {
            out.cpu_credits.push(CpuCreditRow {
                region: region.into(),
                family: family.clone(),
                operating_system: os.clone(),
                vcpu_hour,
                as_of: ec2_date.clone(),
            });
        }
        out.ebs.extend(ec2.ebs_gp3.map(|gp3_gb_month| EbsRow { region: region.into(), gp3_gb_month, as_of: ec2_date.clone() }));
        let types: BTreeSet<&String> = out.ec2.iter().filter(|r| r.region == region).map(|r| &r.instance_type).collect();
        for (instance_type, &fee_hour) in &ecs.managed_fees {
            if types.contains(instance_type) {
                out.managed_fees.push(ManagedFeeRow {
                    region: region.into(),
                    instance_type: instance_type.clone(),
                    fee_hour,
                    as_of: ecs.published.clone(),
                });
            }
        }
        out.fargate.extend(ecs.fargate);
        skipped.not_usd += ec2.skipped.not_usd + ecs.not_usd;
        skipped.capacity_blocks += ec2.skipped.capacity_blocks;
        skus.insert(region.to_string(), ec2.skus);
        covered.offers.insert(region.to_string());
    }
    if !missing.is_empty() {
        notes.push(format!("not in {ec2_index} or {ecs_index}, so kept as they were: {}", missing.join(", ")));
    }
    // Savings Plans, for the regions whose offers were read (their SKUs name the products).
    let mut plan_rows: BTreeMap<(String, String, String), [Option<f64>; 4]> = BTreeMap::new();
    let mut fargate_plans: BTreeMap<(String, String, u32), VcpuGb> = BTreeMap::new();
    // A region's plans carry its newest list's date.
    let mut plan_dates: BTreeMap<String, String> = BTreeMap::new();
    let mut not_usd_plans = 0;
    for list in ["AWSComputeSavingsPlan", "AWSEC2InstanceSavingsPlan"] {
        let index_url = format!("{base}/savingsPlan/v1.0/aws/{list}/current/region_index.json");
        let (plan_regions, _) = json::<PlanRegions>(&index_url)?;
        for entry in plan_regions.regions.iter().filter(|e| covered.offers.contains(&e.region_code)) {
            let region = &entry.region_code;
            let url = format!("{base}{}", entry.version_url);
            let rates = offer(&url, notes, |body, url| savings_plans::read(body, url, region, &skus[region]))?;
            let date = rates.published.clone().unwrap_or_else(|| day(&plan_regions.publication_date));
            let newest = plan_dates.entry(region.clone()).or_insert_with(|| date.clone());
            *newest = newest.clone().max(date);
            for ((instance_type, os), found) in rates.ec2 {
                let row = plan_rows.entry((region.clone(), instance_type, os)).or_default();
                for (slot, rate) in row.iter_mut().zip(found) {
                    *slot = slot.or(rate);
                }
            }
            for ((platform, years), rates) in rates.fargate {
                fargate_plans.insert((region.clone(), platform, years), rates);
            }
            not_usd_plans += rates.not_usd;
            covered.plans.insert(region.clone());
        }
    }
    let ec2_types: BTreeSet<(String, String, String)> =
        out.ec2.iter().map(|r| (r.region.clone(), r.instance_type.clone(), r.operating_system.clone())).collect();
    for ((region, instance_type, os), [compute_1y, compute_3y, instance_1y, instance_3y]) in plan_rows {
        if ec2_types.contains(&(region.clone(), instance_type.clone(), os.clone())) {
            let as_of = plan_dates[&region].clone();
            out.ec2_savings_plans.push(Ec2SavingsPlanRow {
                region,
                instance_type,
                operating_system: os,
                compute_1y,
                compute_3y,
                instance_1y,
                instance_3y,
                as_of,
            });
        }
    }
    for ((region, platform, years), (vcpu, gb)) in fargate_plans {
        let (Some(vcpu_hour), Some(gb_hour)) = (vcpu, gb) else { continue };
        let option = if years == 1 { "savings-plan-1y" } else { "savings-plan-3y" };
        let as_of = plan_dates[&region].clone();
        out.fargate_discounts.push(FargateDiscountRow { region, platform, option: option.into(), vcpu_hour, gb_hour, as_of });
    }
    // The Spot feeds.
    let (ec2_spot_text, modified) = fetch::text(&o.ec2_spot)?;
    let ec2_spot = spot::ec2(&ec2_spot_text, &o.ec2_spot, regions::is_commercial)?;
    let spot_date = modified.unwrap_or_else(today);
    // The types the snapshot can use: those AWS's offers or the other sources list as such.
    let usable: BTreeSet<&String> = out.ec2.iter().map(|r| &r.instance_type).chain(known).collect();
    for ((region, instance_type, os), price) in ec2_spot.prices {
        if !regions::is_commercial(&region) {
            continue;
        }
        covered.ec2_spot.insert(region.clone());
        if usable.contains(&instance_type) {
            out.ec2_spot.push(Ec2SpotRow { region, instance_type, operating_system: os, spot: price, as_of: spot_date.clone() });
        }
    }
    if !ec2_spot.unknown_regions.is_empty() {
        notes.push(format!(
            "{}: regions not read (names not known): {}",
            o.ec2_spot,
            ec2_spot.unknown_regions.iter().cloned().collect::<Vec<_>>().join(", ")
        ));
    }
    let (fargate_text, modified) = fetch::text(&o.fargate_spot)?;
    let fargate_spot = spot::fargate(&fargate_text, &o.fargate_spot)?;
    let fargate_date = fargate_spot.published.clone().or(modified).unwrap_or_else(today);
    for ((region, platform), (vcpu, gb)) in fargate_spot.rates {
        let (Some(vcpu_hour), Some(gb_hour)) = (vcpu, gb) else { continue };
        if regions::is_commercial(&region) {
            covered.fargate_spot.insert(region.clone());
            out.fargate_discounts.push(FargateDiscountRow {
                region,
                platform,
                option: "spot".into(),
                vcpu_hour,
                gb_hour,
                as_of: fargate_date.clone(),
            });
        }
    }
    let skipped_total = skipped.not_usd + not_usd_plans;
    if skipped_total > 0 || skipped.capacity_blocks > 0 {
        notes.push(format!(
            "not taken: {skipped_total} prices in another currency than USD, {} Capacity Block rows",
            skipped.capacity_blocks
        ));
    }
    Ok((out, covered))
}

/// What an earlier refresh kept, with the regions this run covered replaced.
fn merge(old: AwsPrices, new: AwsPrices, c: &Covered) -> AwsPrices {
    fn keep<T>(old: Vec<T>, new: Vec<T>, covered: &BTreeSet<String>, region: impl Fn(&T) -> &str) -> Vec<T> {
        old.into_iter().filter(|r| !covered.contains(region(r))).chain(new).collect()
    }
    let (old_spot, old_plans): (Vec<_>, Vec<_>) = old.fargate_discounts.into_iter().partition(|r| r.option == "spot");
    let (new_spot, new_plans): (Vec<_>, Vec<_>) = new.fargate_discounts.into_iter().partition(|r| r.option == "spot");
    let mut merged = AwsPrices {
        ec2: keep(old.ec2, new.ec2, &c.offers, |r| &r.region),
        ec2_savings_plans: keep(old.ec2_savings_plans, new.ec2_savings_plans, &c.plans, |r| &r.region),
        ec2_spot: keep(old.ec2_spot, new.ec2_spot, &c.ec2_spot, |r| &r.region),
        fargate: keep(old.fargate, new.fargate, &c.offers, |r| &r.region),
        fargate_discounts: keep(old_spot, new_spot, &c.fargate_spot, |r| &r.region)
            .into_iter()
            .chain(keep(old_plans, new_plans, &c.plans, |r| &r.region))
            .collect(),
        managed_fees: keep(old.managed_fees, new.managed_fees, &c.offers, |r| &r.region),
        cpu_credits: keep(old.cpu_credits, new.cpu_credits, &c.offers, |r| &r.region),
        ebs: keep(old.ebs, new.ebs, &c.offers, |r| &r.region),
    };
    merged.sort();
    merged
}

/// Every file under `dir`, path relative to it → text.
fn read_tree(dir: &Path) -> Result<Files, String> {
    let mut out = Files::new();
    fn walk(dir: &Path, prefix: &str, out: &mut Files) -> Result<(), String> {
        let Ok(entries) = std::fs::read_dir(dir) else { return Ok(()) };
        for entry in entries.flatten() {
            let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
            if entry.path().is_dir() {
                walk(&entry.path(), &format!("{name}/"), out)?;
            } else {
                out.insert(name, std::fs::read_to_string(entry.path()).map_err(|e| format!("{}: {e}", entry.path().display()))?);
            }
        }
        Ok(())
    }
    walk(dir, "", &mut out)?;
    Ok(out)
}

/// Replaces the folder `dir` with `files`, all or nothing: written beside it
/// first, then swapped in by renaming.
fn replace_folder(dir: &Path, files: &Files) -> Result<(), String> {
    let staged = dir.with_extension("refresh-new");
    let old = dir.with_extension("refresh-old");
    let _ = std::fs::remove_dir_all(&staged);
    let _ = std::fs::remove_dir_all(&old);
    for (name, text) in files {
        let path = staged.join(name);
        std::fs::create_dir_all(path.parent().unwrap_or(&staged)).map_err(|e| format!("{}: {e}", path.display()))?;
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    if dir.exists() {
        std::fs::rename(dir, &old).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    if let Err(e) = std::fs::rename(&staged, dir) {
        let _ = std::fs::rename(&old, dir);
        return Err(format!("{}: {e}", dir.display()));
    }
    let _ = std::fs::remove_dir_all(&old);
    Ok(())
}

/// The whole refresh (see the module's comment).
pub fn run(o: &Options) -> Result<Report, String> {
    let raw_types = ec2_rules::read_instance_types(
        &std::fs::read_to_string(o.sources.join(sources::INSTANCE_TYPES)).map_err(|e| format!("{}: {e}", sources::INSTANCE_TYPES))?,
    )?;
    // The types the build would use: known specs, and an ECS-usable family.
    let in_scope = |instance_type: &str, family: &str, gpu: f64| {
        raw_types.get(instance_type).is_some_and(|raw| ec2_rules::category(instance_type, family, gpu, raw).is_some())
    };
    // Those the other sources (and an earlier refresh) already list as such.
    let tidy = ec2_rules::read_tidy(
        &std::fs::read_to_string(o.sources.join(sources::EC2_PRICES)).map_err(|e| format!("{}: {e}", sources::EC2_PRICES))?,
    )?;
    let old = AwsPrices::read(&o.sources)?;
    let known: BTreeSet<String> = tidy
        .iter()
        .filter(|r| in_scope(&r.instance_type, &r.family_label, r.gpu_count.unwrap_or(0.0)))
        .map(|r| r.instance_type.clone())
        .chain(old.ec2.iter().map(|r| r.instance_type.clone()))
        .collect();
    let mut notes = Vec::new();
    let (fresh, covered) = download(o, &in_scope, &known, &mut notes)?;
    let merged = merge(old, fresh, &covered);
    let pricing = build::build_with(&o.sources, &merged)?;
    let aws_dir = o.sources.join(aws::DIR);
    let (old_aws, old_pricing) = (read_tree(&aws_dir)?, read_tree(&o.out)?);
    let new_aws: Files = merged.files()?.into_iter().map(|(path, text)| (path.trim_start_matches("aws/").to_string(), text)).collect();
    let changed = new_aws != old_aws || pricing != old_pricing;
    let summary = summary::summary(&old_pricing, &pricing, &notes);
    if changed {
        replace_folder(&aws_dir, &new_aws)?;
        if let Err(e) = replace_folder(&o.out, &pricing) {
            // Put the sources back, so that they and pricing/ still agree.
            if old_aws.is_empty() {
                let _ = std::fs::remove_dir_all(&aws_dir);
            } else {
                let _ = replace_folder(&aws_dir, &old_aws);
            }
            return Err(e);
        }
    }
    Ok(Report { changed, summary })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn today_is_a_date() {
        let t = today();
        assert!(t.len() == 10 && t.starts_with("20") && t.as_bytes()[4] == b'-', "{t}");
    }
}
