//! Everything that can be wrong with a snapshot, one sentence each: a
//! file's own values (`RegionPrices::problems`), the manifest
//! (`Manifest::problems`), and the two against each other and AWS's pricing
//! rules (`Manifest::problems_with`). The build, the tests (every committed
//! file, before every deploy) and the native tools refuse a file with any;
//! the page reads only files that passed them. Prices are not here: every
//! reader of the files, the page's too, refuses a price that is not positive
//! (`read::price`), and the build reads back what it writes.

use super::{
    arch_of, outclassed_file, region_file, Ec2Extra, FargatePrices, Manifest, Provenance, RegionPrices, ValueOrigin, BURSTABLE, EC2_COLUMNS,
};
use crate::format::quoted;
use crate::model::fargate::FargateOption;
use crate::model::outclassed::outclasses;
use crate::model::platform::Platform;
use crate::model::scenario::Candidate;

impl Manifest {
    /// Everything wrong with the manifest, one sentence each; empty when sound.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if !is_date(&self.date) {
            problems.push(format!("snapshot date {} is not a date", quoted(&self.date)));
        }
        for source in &self.sources {
            if let Some(date) = source.date.as_deref().filter(|d| !is_date(d)) {
                problems.push(format!("source {} has date {}", source.id, quoted(date)));
            }
        }
        if self.region(&self.default_region).is_none() {
            problems.push(format!("default region {} is not in the snapshot", self.default_region));
        }
        for region in &self.regions {
            if region.name.is_empty() || region.geography.is_empty() {
                problems.push(format!("{} has no name or geography", region.code));
            }
            if !region.fargate.windows(2).all(|w| w[0] < w[1]) {
                problems.push(format!("{}: Fargate platforms not in order", region.code));
            }
            for platform in &region.fargate {
                if region.ec2_types.get(platform).is_none() {
                    problems.push(format!("{}: Fargate {} prices but no region file to hold them", region.code, platform.slug()));
                }
            }
            for (platform, &count) in &region.ec2_types {
                let path = region_file(&region.code, *platform);
                if count == 0 {
                    problems.push(format!("{path}: claimed with no instance types"));
                }
            }
        }
        problems
    }

    /// What does not agree between the manifest and a region file it claims,
    /// with the file's outclassed companion where it has one: the type count,
    /// whether it has Fargate prices, the sources it names; and whether the
    /// types are split right (`split_problems`).
    pub fn problems_with(&self, prices: &RegionPrices, outclassed: Option<&RegionPrices>) -> Vec<String> {
        let at = region_file(&prices.region, prices.platform);
        let Some(region) = self.region(&prices.region) else {
            return vec![format!("{at}: a region the manifest does not list")];
        };
        let mut problems = split_problems(prices, outclassed);
        let types = prices.rows.len() + outclassed.map_or(0, |o| o.rows.len());
        if region.ec2_types.get(&prices.platform) != Some(&(types as u32)) {
            problems.push(format!("{at}: {types} types with its companion, not the manifest's count"));
        }
        if region.fargate.contains(&prices.platform) != prices.fargate.is_some() {
            problems.push(format!("{at}: Fargate prices disagree with the manifest's list"));
        }
        let unknown = |what: &str, id: &str| self.source(id).is_none().then(|| format!("{at} {what}: unknown source {}", quoted(id)));
        for (class, origin) in prices.origins() {
            let what = class.key();
            problems.extend(unknown(&what, &origin.source));
            problems.extend(origin_problems(&format!("{at} {what}"), origin));
        }
        problems.extend(extra_column_problems(&at, prices));
        problems.extend(unknown("specs", &prices.specs_source));
        let burstable = prices.rows.iter().chain(outclassed.iter().flat_map(|o| &o.rows)).filter(|r| r.spec.category == BURSTABLE);
        for row in burstable {
            if prices.cpu_credits.as_ref().and_then(|c| c.rate(&row.spec.instance_type)).is_none() {
                problems.push(format!("{at} {}: burstable without its family's CPU credit rate", row.spec.instance_type));
            }
        }
        problems.extend(prices.cpu_credits.iter().filter_map(|c| unknown("cpu_credits baselines", &c.baseline_source)));
        problems.extend(unknown("trunking", &prices.trunking_source));
        if let Some(fargate) = &prices.fargate {
            problems.extend(fargate_rule_problems(&format!("{at} fargate"), prices.platform, fargate));
        }
        problems
    }
}

impl RegionPrices {
    /// Everything wrong with the file's own values besides its prices (which
    /// its reader refuses unless positive: `read::price`);
    /// `Manifest::problems_with` checks it against the snapshot.
    pub fn problems(&self) -> Vec<String> {
        let at = region_file(&self.region, self.platform);
        let mut found = Found(Vec::new());
        if !self.columns.starts_with(&EC2_COLUMNS.map(String::from)) {
            let columns = self.columns.iter().map(|c| quoted(c)).collect::<Vec<_>>().join(", ");
            found.add(&[&at, ": columns are [", &columns, "]"]);
        }
        for p in &self.rows {
            let s = &p.spec;
            let at = [&at, " ", &s.instance_type].concat();
            // Only a build can get this wrong: a reader takes the platform's.
            if s.arch != arch_of(self.platform) {
                found.add(&[&at, ": ", s.arch.name(), ", not for this platform"]);
            }
            if s.vcpu == 0 || s.memory_mib == 0 || s.enis == 0 {
                found.add(&[&at, ": zero vCPU, memory or ENIs"]);
            }
            if s.trunking_tasks == Some(0) {
                found.add(&[&at, ": a trunking limit of 0"]);
            }
            if !["general", "compute", "memory", "burstable"].contains(&s.category.as_str()) {
                found.add(&[&at, ": unknown category ", &s.category]);
            }
            if p.spot.is_some_and(|s| s > p.on_demand) {
                found.add(&[&at, ": Spot above on-demand"]);
            }
            let burstable = s.category == BURSTABLE;
            match s.cpu_baseline {
                Some(share) if !(burstable && share > 0.0 && share <= 1.0) => {
                    let share = crate::decimal::shortest(share);
                    found.add(&[&at, ": a CPU baseline of ", &share, " on a ", &s.category, " type"]);
                }
                None if burstable => found.add(&[&at, ": burstable without a CPU baseline"]),
                _ => {}
            }
        }
        if self.rows.is_empty() {
            found.add(&[&at, ": no prices"]);
        }
        if let Some(m) = &self.managed_instances {
            if !(m.fee_share > 0.0 && m.fee_share < 1.0) {
                found.add(&[&at, " managed_instances: a fee share of ", &crate::decimal::shortest(m.fee_share)]);
            }
            if self.platform == Platform::Windows {
                found.add(&[&at, ": Managed Instances on Windows (they run Linux only)"]);
            }
        }
        // Lookups search by name, and the page lists types in file order.
        if !self.rows.windows(2).all(|w| w[0].spec.instance_type < w[1].spec.instance_type) {
            found.add(&[&at, ": types are not sorted and unique"]);
        }
        found.0
    }
}

/// The problems found so far, each joined from its pieces.
struct Found(Vec<String>);

impl Found {
    fn add(&mut self, pieces: &[&str]) {
        self.0.push(pieces.concat());
    }
}

/// Where a region file and its companion (`outclassed`) are split wrong: a
/// file type that another outclasses (it belongs in the companion), a
/// companion type that no file type outclasses (the first view would miss
/// it), a count or header that does not match.
fn split_problems(prices: &RegionPrices, outclassed: Option<&RegionPrices>) -> Vec<String> {
    let at = region_file(&prices.region, prices.platform);
    let mut problems = Vec::new();
    let kept: Vec<Candidate> = prices.rows.iter().map(|row| prices.candidate(row)).collect();
    for a in &kept {
        if let Some(b) = kept.iter().find(|b| outclasses(b, a)) {
            problems.push(format!("{at} {}: {} outclasses it", a.name, b.name));
        }
    }
    let more = outclassed.map_or(0, |o| o.rows.len());
    if prices.outclassed_types as usize != more {
        problems.push(format!("{at}: says {} outclassed types, its companion has {more}", prices.outclassed_types));
    }
    let Some(o) = outclassed else { return problems };
    let at_o = outclassed_file(&prices.region, prices.platform);
    let header = |f: &RegionPrices| {
        (
            f.region.clone(),
            f.platform,
            f.columns.clone(),
            f.origin.clone(),
            f.spot_origin.clone(),
            f.extra_origins.clone(),
            f.specs_source.clone(),
        )
    };
    let same_header = header(o) == header(prices) && o.trunking_source == prices.trunking_source;
    let bare =
        o.fargate.is_none() && o.public_ipv4.is_none() && o.ebs_gp3.is_none() && o.cpu_credits.is_none() && o.managed_instances.is_none();
    if !same_header || !bare || o.outclassed_types != 0 {
        problems.push(format!("{at_o}: its header is not {at}'s without Fargate and the costs beside the instances"));
    }
    for row in &o.rows {
        let a = prices.candidate(row);
        if prices.get(&a.name).is_some() {
            problems.push(format!("{at_o} {}: also in {at}", a.name));
        } else if !kept.iter().any(|b| outclasses(b, &a)) {
            problems.push(format!("{at_o} {}: nothing in {at} outclasses it", a.name));
        }
    }
    problems
}

/// Where a file's optional columns break their rules: listed in
/// `Ec2Extra::ALL` order, each with its origin; no price in a column the file
/// does not list (writing would lose it); Savings Plans below on-demand; no
/// Managed Instances fee on Windows (they run Linux only).
fn extra_column_problems(at: &str, prices: &RegionPrices) -> Vec<String> {
    let mut problems = Vec::new();
    let extras: Vec<Option<Ec2Extra>> = prices.columns.iter().skip(EC2_COLUMNS.len()).map(|c| Ec2Extra::from_column(c)).collect();
    if !(extras.windows(2).all(|w| w[0] < w[1]) && extras.iter().all(Option::is_some)) {
        problems.push(format!("{at}: optional columns out of order or unknown"));
    }
    let extras: Vec<Ec2Extra> = extras.into_iter().flatten().collect();
    if prices.extra_origins.iter().map(|(e, _)| *e).collect::<Vec<_>>() != extras {
        problems.push(format!("{at}: an optional column without its origin, or an origin without its column"));
    }
    if prices.platform == Platform::Windows && extras.contains(&Ec2Extra::ManagedInstancesFee) {
        problems.push(format!("{at}: a Managed Instances fee on Windows (Managed Instances run Linux only)"));
    }
    for p in &prices.rows {
        for extra in Ec2Extra::ALL {
            let (Some(price), column) = (p.extra(extra), extra.column()) else { continue };
            let name = &p.spec.instance_type;
            if !extras.contains(&extra) {
                problems.push(format!("{at} {name}: a {column} price in a file without that column"));
            }
            if extra != Ec2Extra::ManagedInstancesFee && price >= p.on_demand {
                problems.push(format!("{at} {name}: {column} is not below on-demand"));
            }
        }
    }
    problems
}

/// What is wrong with an origin on its own.
fn origin_problems(at: &str, origin: &ValueOrigin) -> Vec<String> {
    let mut problems = Vec::new();
    if origin.provenance == Provenance::Derived && origin.note.is_none() {
        problems.push(format!("{at}: derived without saying how"));
    }
    if origin.as_of.as_deref().is_some_and(|d| !is_date(d)) {
        problems.push(format!("{at}: as_of {} is not a date", quoted(origin.as_of.as_deref().unwrap_or_default())));
    }
    problems
}

/// Where one platform's Fargate rates break a rule of AWS's pricing: a
/// licence rate on the wrong platform, Windows Spot, a discount not below
/// on-demand. (Prices that are not positive are `RegionPrices::problems`.)
fn fargate_rule_problems(at: &str, platform: Platform, prices: &FargatePrices) -> Vec<String> {
    let mut problems = Vec::new();
    for (option, set) in prices.rate_sets() {
        let Some(set) = set else { continue };
        let (name, on_demand) = (option.key(), option == FargateOption::OnDemand);
        let at = format!("{at} {name}");
        match (platform, set.os_vcpu_hour) {
            (Platform::Windows, None) if on_demand => problems.push(format!("{at}: Windows without its OS licence rate")),
            (Platform::Windows, _) | (_, None) => {}
            (_, Some(_)) => problems.push(format!("{at}: an OS licence rate on Linux")),
        }
        if !on_demand && (set.vcpu_hour >= prices.on_demand.vcpu_hour || set.gb_hour >= prices.on_demand.gb_hour) {
            problems.push(format!("{at}: {name} is not below on-demand"));
        }
    }
    if !FargateOption::Spot.runs(platform) && prices.spot.is_some() {
        problems.push(format!("{at}: Fargate Spot does not run Windows"));
    }
    problems
}

/// YYYY-MM-DD, YYYY-MM or YYYY.
fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    match b.len() {
        4 => digits(0..4),
        7 => digits(0..4) && b[4] == b'-' && digits(5..7),
        10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Arch, PerPlatform, MANIFEST_JSON, SCHEMA};
    use super::*;

    fn region_file_text(path: &str) -> String {
        std::fs::read_to_string(format!("{}/pricing/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    }

    #[test]
    fn the_bundled_files_are_valid() {
        let m = Manifest::bundled().unwrap();
        for p in Platform::ALL {
            assert!(m.has_fargate("us-east-1", p), "{p:?}");
            let prices = RegionPrices::parse(&region_file_text(&region_file("us-east-1", p))).unwrap();
            let outclassed = RegionPrices::parse(&region_file_text(&outclassed_file("us-east-1", p))).unwrap();
            assert!(prices.fargate.is_some() && m.problems_with(&prices, Some(&outclassed)).is_empty(), "{p:?}");
        }
    }

    #[test]
    fn every_reader_refuses_a_price_that_is_not_positive_and_the_native_tools_any_problem() {
        let text = region_file_text("regions/us-east-1/linux-x86.json");
        let broken = |from: &str, to: &str| {
            let changed = text.replacen(from, to, 1);
            assert_ne!(changed, text, "{from}");
            changed
        };
        let cases = [
            (broken("\"vcpu_hour\":0.04048", "\"vcpu_hour\":-0.04048"), "fargate: on_demand: vcpu_hour: -0.04048 is not a positive price"),
            (broken("\"gb_hour\":0.004445", "\"gb_hour\":0"), "fargate: on_demand: gb_hour: 0 is not a positive price"),
            (
                broken(
                    "[\"c5.18xlarge\",72,147456,15,120,\"compute\",null,3.06,",
                    "[\"c5.18xlarge\",72,147456,15,120,\"compute\",null,-3.06,",
                ),
                "c5.18xlarge on_demand: -3.06 is not a positive price",
            ),
            (broken("\"t3\":0.05", "\"t3\":0"), "cpu_credits: surplus_vcpu_hour: t3: 0 is not a positive price"),
            (broken("\"usd\":0.005", "\"usd\":-0.005"), "public_ipv4: usd: -0.005 is not a positive price"),
        ];
        for (file, why) in &cases {
            for parse in [RegionPrices::parse, RegionPrices::parse_checked] {
                let err = parse(file).unwrap_err();
                assert!(err.ends_with(why), "{why}: {err}");
            }
        }
        assert!(RegionPrices::parse_checked(&text).is_ok());
        let unsorted = broken("[\"c5.18xlarge\",", "[\"zz.18xlarge\",");
        let err = RegionPrices::parse_checked(&unsorted).unwrap_err();
        assert!(err.ends_with("linux-x86.json: types are not sorted and unique"), "{err}");
        assert!(RegionPrices::parse(&unsorted).is_ok(), "checked by the build and the tests, not again by the page");
    }

    #[test]
    fn fargate_prices_follow_aws_rules() {
        // AWS's rules are checked against the snapshot, by the build and the tests.
        let mut windows = RegionPrices::parse(&region_file_text("regions/us-east-1/windows.json")).unwrap();
        let f = windows.fargate.as_mut().unwrap();
        f.on_demand.os_vcpu_hour = None;
        f.spot = Some(f.on_demand.clone());
        let problems = Manifest::bundled().unwrap().problems_with(&windows, None);
        for expected in ["Windows without its OS licence rate", "Fargate Spot does not run Windows", "spot is not below on-demand"] {
            assert!(problems.iter().any(|p| p.ends_with(expected)), "{expected}: {problems:?}");
        }
    }

    #[test]
    fn derived_values_must_say_how_and_sources_must_exist() {
        let m = Manifest::bundled().unwrap();
        let mut arm = RegionPrices::parse(&region_file_text("regions/us-east-1/linux-arm.json")).unwrap();
        arm.fargate.as_mut().unwrap().on_demand.origin =
            ValueOrigin { source: "nowhere".into(), provenance: Provenance::Derived, as_of: None, note: None };
        let problems = m.problems_with(&arm, None);
        assert!(problems.iter().any(|p| p.ends_with("fargate on_demand: derived without saying how")), "{problems:?}");
        assert!(problems.iter().any(|p| p.ends_with("fargate on_demand: unknown source \"nowhere\"")), "{problems:?}");
    }

    #[test]
    fn the_manifest_and_a_region_file_must_agree() {
        let mut m = Manifest::bundled().unwrap();
        let mut prices = RegionPrices::parse(&region_file_text("regions/us-east-1/linux-x86.json")).unwrap();
        prices.rows.pop();
        prices.fargate = None;
        let outclassed = RegionPrices::parse(&region_file_text("regions/us-east-1/linux-x86-outclassed.json")).unwrap();
        let problems = m.problems_with(&prices, Some(&outclassed));
        assert!(problems.iter().any(|p| p.ends_with("types with its companion, not the manifest's count")), "{problems:?}");
        assert!(problems.iter().any(|p| p.ends_with("Fargate prices disagree with the manifest's list")), "{problems:?}");
        // Fargate prices need a file to travel in.
        let region = m.regions.iter_mut().find(|r| r.code == "ap-southeast-7").unwrap();
        region.ec2_types = PerPlatform::default();
        region.fargate = vec![Platform::LinuxX86];
        assert!(
            m.problems().iter().any(|p| p == "ap-southeast-7: Fargate linux-x86 prices but no region file to hold them"),
            "{:?}",
            m.problems()
        );
    }

    #[test]
    fn outclassed_types_must_be_in_the_companion_and_only_they() {
        let m = Manifest::bundled().unwrap();
        let prices = RegionPrices::parse(&region_file_text("regions/us-east-1/linux-x86.json")).unwrap();
        let outclassed = RegionPrices::parse(&region_file_text("regions/us-east-1/linux-x86-outclassed.json")).unwrap();
        assert_eq!(prices.outclassed_types as usize, outclassed.rows.len());
        assert!(m.problems_with(&prices, Some(&outclassed)).is_empty());
        // m5.large is the same size as m5a.large (kept) and dearer in every option.
        let (m5, m5a) = (outclassed.get("m5.large").unwrap(), prices.get("m5a.large").unwrap());
        assert!(m5a.on_demand < m5.on_demand && m5a.spec.vcpu == m5.spec.vcpu && m5a.spec.memory_mib == m5.spec.memory_mib);

        // An outclassed type in the file; a type nothing outclasses in the companion.
        let moved = |from: &mut RegionPrices, to: &mut RegionPrices, name: &str| {
            let i = from.rows.iter().position(|p| p.spec.instance_type == name).unwrap();
            to.rows.push(from.rows.remove(i));
            to.rows.sort_by(|a, b| a.spec.instance_type.cmp(&b.spec.instance_type));
        };
        let (mut wrong, mut wrong_more) = (prices.clone(), outclassed.clone());
        moved(&mut wrong_more, &mut wrong, "m5.large");
        moved(&mut wrong, &mut wrong_more, "c6a.large");
        let problems = m.problems_with(&wrong, Some(&wrong_more));
        assert!(problems.iter().any(|p| p.ends_with("linux-x86.json m5.large: m5a.large outclasses it")), "{problems:?}");
        assert!(
            problems
                .iter()
                .any(|p| p.ends_with("linux-x86-outclassed.json c6a.large: nothing in regions/us-east-1/linux-x86.json outclasses it")),
            "{problems:?}"
        );
        // A companion missing, or not matching its file.
        assert!(m
            .problems_with(&prices, None)
            .iter()
            .any(|p| p.ends_with(&format!("says {} outclassed types, its companion has 0", outclassed.rows.len()))));
        let mut odd = outclassed.clone();
        odd.fargate = prices.fargate.clone();
        assert!(m.problems_with(&prices, Some(&odd)).iter().any(
            |p| p.ends_with("its header is not regions/us-east-1/linux-x86.json's without Fargate and the costs beside the instances")
        ));
        assert!(prices.clone().join(RegionPrices { rows: Vec::new(), ..outclassed.clone() }).unwrap_err().contains("has 0 types"));

        // Split and joined back: the same file, every type in order.
        let all = prices.clone().join(outclassed.clone()).unwrap();
        assert_eq!(all.rows.len(), m.region("us-east-1").unwrap().ec2_types.get(&Platform::LinuxX86).copied().unwrap() as usize);
        assert!(all.problems().is_empty() && all.outclassed_types == 0);
        assert_eq!(all.split(), (prices, Some(outclassed)));
    }

    #[test]
    fn region_rows_must_be_sorted_and_unique() {
        let text = region_file_text("regions/us-east-1/linux-arm.json");
        let mut prices = RegionPrices::parse(&text).unwrap();
        assert_eq!(prices.get("c6g.large").map(|p| p.on_demand), Some(0.068));
        prices.rows.swap(0, 1);
        assert!(prices.problems().iter().any(|p| p.ends_with("not sorted and unique")));
        prices.rows.swap(0, 1);
        prices.rows.insert(1, prices.rows[0].clone());
        assert!(prices.problems().iter().any(|p| p.ends_with("not sorted and unique")));
    }

    #[test]
    fn a_region_files_specs_are_checked_with_its_prices() {
        let text = region_file_text("regions/us-east-1/linux-x86-outclassed.json");
        let mut prices = RegionPrices::parse(&text).unwrap();
        let m5 = prices.get("m5.large").unwrap();
        assert_eq!(
            (m5.spec.vcpu, m5.spec.memory_mib, m5.spec.enis, m5.spec.trunking_tasks, m5.spec.arch),
            (2, 8192, 3, Some(10), Arch::X86)
        );
        let spec = &mut prices.rows[0].spec;
        let name = spec.instance_type.clone();
        (spec.vcpu, spec.trunking_tasks, spec.category, spec.arch) = (0, Some(0), "gpu".into(), Arch::Arm);
        let problems = prices.problems();
        for expected in ["zero vCPU, memory or ENIs", "a trunking limit of 0", "unknown category gpu", "arm64, not for this platform"] {
            assert!(problems.iter().any(|p| p.contains(&name) && p.ends_with(expected)), "{expected}: {problems:?}");
        }
    }

    #[test]
    fn wrong_schema_is_refused() {
        let json = MANIFEST_JSON.replacen(&format!("\"schema\":{SCHEMA}"), "\"schema\":999", 1);
        assert!(Manifest::parse(&json).unwrap_err().contains("schema 999"));
    }

    #[test]
    fn dates() {
        assert!(is_date("2025-08-28") && is_date("2021-01") && is_date("2026"));
        assert!(!is_date("undated") && !is_date("2025-8-28") && !is_date(""));
    }
}

#[cfg(test)]
mod extra_column_tests {
    use super::super::{build::to_row_json, Manifest, RegionPrices, ValueOrigin};
    use super::*;

    fn committed(path: &str) -> RegionPrices {
        RegionPrices::parse(&std::fs::read_to_string(format!("{}/pricing/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()).unwrap()
    }

    fn published(source: &str) -> ValueOrigin {
        ValueOrigin { source: source.into(), provenance: Provenance::Published, as_of: Some("2026-12-01".into()), note: None }
    }

    /// us-east-1's Linux/x86 file with a Compute Savings Plan 1y rate and a
    /// Managed Instances fee on its first type, as a refresh would write it.
    fn with_extras() -> RegionPrices {
        let mut file = committed("regions/us-east-1/linux-x86.json");
        let od = file.rows[0].on_demand;
        file.rows[0].extras[Ec2Extra::ComputeSavingsPlan1y as usize] = Some(od * 0.7);
        file.rows[0].extras[Ec2Extra::ManagedInstancesFee as usize] = Some(od * 0.12);
        file.columns.extend([Ec2Extra::ComputeSavingsPlan1y, Ec2Extra::ManagedInstancesFee].map(|e| e.column().to_string()));
        file.extra_origins =
            vec![(Ec2Extra::ComputeSavingsPlan1y, published("aws-savings-plans")), (Ec2Extra::ManagedInstancesFee, published("aws-ecs"))];
        file.spot_origin = Some(published("aws-ec2-spot-feed"));
        file
    }

    #[test]
    fn optional_columns_are_written_only_where_listed_and_read_back() {
        let file = with_extras();
        assert_eq!(file.problems(), Vec::<String>::new());
        let rules = extra_column_problems("file", &file);
        assert_eq!(rules, Vec::<String>::new(), "the optional columns follow their rules");
        let text = to_row_json(&file, "rows").unwrap();
        assert!(text.contains("\"compute_savings_plan_1y\",\"managed_instances_fee\"]"), "{}", &text[..600]);
        assert_eq!(RegionPrices::parse(&text).unwrap(), file, "reads back to what was written");
        // Without them, nothing is written: the committed files have none.
        assert!(!to_row_json(&committed("regions/us-east-1/linux-x86.json"), "rows").unwrap().contains("extra_origins"));
        let origins: Vec<String> = file.origins().into_iter().map(|(class, _)| class.key()).collect();
        assert!(origins.ends_with(&[
            "ec2".into(),
            "ec2 spot".into(),
            "ec2 compute_savings_plan_1y".into(),
            "ec2 managed_instances_fee".into(),
            "ec2 managed_instances_fee_share".into(),
            "ec2 cpu_credits".into(),
            "public_ipv4".into(),
            "ebs_gp3".into()
        ]));
    }

    #[test]
    fn optional_columns_follow_their_rules() {
        // A file's own values (`problems`) and its consistency with the snapshot (`problems_with`).
        let manifest = Manifest::bundled().unwrap();
        let expect = |file: &RegionPrices, ending: &str| {
            let mut problems = file.problems();
            problems.extend(manifest.problems_with(file, None));
            assert!(problems.iter().any(|p| p.ends_with(ending)), "{ending}: {problems:?}");
        };
        let mut file = with_extras();
        file.extra_origins.pop();
        expect(&file, "an optional column without its origin, or an origin without its column");
        let mut file = with_extras();
        file.columns.swap(10, 11);
        expect(&file, "optional columns out of order or unknown");
        let mut file = with_extras();
        file.rows[1].extras[Ec2Extra::InstanceSavingsPlan3y as usize] = Some(0.01);
        expect(&file, "a instance_savings_plan_3y price in a file without that column");
        let mut file = with_extras();
        file.rows[0].extras[Ec2Extra::ComputeSavingsPlan1y as usize] = Some(file.rows[0].on_demand);
        expect(&file, "compute_savings_plan_1y is not below on-demand");
        file.rows[0].extras[Ec2Extra::ComputeSavingsPlan1y as usize] = Some(0.0);
        let err = RegionPrices::parse(&crate::pricing::build::to_row_json(&file, "rows").unwrap()).unwrap_err();
        let why = format!("{} compute_savings_plan_1y: 0 is not a positive price", file.rows[0].spec.instance_type);
        assert!(err.ends_with(&why), "{err}");
        let mut windows = committed("regions/us-east-1/windows.json");
        windows.rows[0].extras[Ec2Extra::ManagedInstancesFee as usize] = Some(0.01);
        windows.columns.push(Ec2Extra::ManagedInstancesFee.column().into());
        windows.extra_origins = vec![(Ec2Extra::ManagedInstancesFee, published("aws-ecs"))];
        expect(&windows, "a Managed Instances fee on Windows (Managed Instances run Linux only)");
    }
}
