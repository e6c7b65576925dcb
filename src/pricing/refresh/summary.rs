//! What a refresh changed in the snapshot, said for a reviewer: the instance
//! types added and removed, and the prices that moved by more than 1%, by
//! region, platform and class. It compares the snapshot's files before and
//! after, so it says what the page and the CLI will now show.

use crate::model::fargate::FargateOption;
use crate::model::platform::Platform;
use crate::pricing::build::Files;
use crate::pricing::{Ec2Extra, Ec2Price, PriceClass, RegionPrices};
use std::collections::BTreeMap;

/// A price that moved by more than this share is listed.
const MOVED: f64 = 0.01;

/// Every type of every region file (with its companion) in `files`, by (region, platform).
fn region_files(files: &Files) -> BTreeMap<(String, Platform), RegionPrices> {
    let mut out = BTreeMap::new();
    for path in files.keys() {
        let Some(rest) = path.strip_prefix("regions/") else { continue };
        if rest.ends_with("-outclassed.json") {
            continue;
        }
        let Some((region, platform)) = rest.strip_suffix(".json").and_then(|r| r.split_once('/')) else { continue };
        let Some(platform) = Platform::from_slug(platform) else { continue };
        let read = |p: &str| files.get(p).cloned().ok_or_else(|| format!("no {p}"));
        if let Ok(prices) = RegionPrices::read_all(read, region, platform) {
            out.insert((region.to_string(), platform), prices);
        }
    }
    out
}

/// Each EC2 price of a type by class, named as the region files' columns.
fn ec2_prices(p: &Ec2Price) -> Vec<(&'static str, Option<f64>)> {
    let mut prices =
        vec![("on_demand", Some(p.on_demand)), ("reserved_1y", p.reserved_1y), ("reserved_3y", p.reserved_3y), ("spot", p.spot)];
    prices.extend(Ec2Extra::ALL.map(|e| (e.column(), p.extra(e))));
    prices
}

/// Fargate's rates of a file by class, named as the CLI's sources name them:
/// `fargate on_demand vcpu_hour`, …
fn fargate_prices(f: &RegionPrices) -> Vec<(String, f64)> {
    let Some(fargate) = &f.fargate else { return Vec::new() };
    let mut out = Vec::new();
    for option in FargateOption::ALL {
        if let Some(set) = fargate.get(option) {
            let class = PriceClass::Fargate(option).key();
            out.push((format!("{class} vcpu_hour"), set.vcpu_hour));
            out.push((format!("{class} gb_hour"), set.gb_hour));
        }
    }
    out.extend(fargate.storage.as_ref().map(|s| (format!("{} gb_hour", PriceClass::FargateStorage.key()), s.gb_hour)));
    out
}

/// One moved price: where, what, from, to.
struct Move {
    at: String,
    what: String,
    from: f64,
    to: f64,
}

impl Move {
    fn share(&self) -> f64 {
        (self.to - self.from) / self.from
    }
}

/// The summary in Markdown; `notes` are the refresh's own remarks (files
/// read, regions missing, prices skipped). Empty changes say so.
pub fn summary(before: &Files, after: &Files, notes: &[String]) -> String {
    let (old, new) = (region_files(before), region_files(after));
    let mut added: Vec<String> = Vec::new();
    let mut removed: Vec<String> = Vec::new();
    let mut moves: Vec<Move> = Vec::new();
    // (region and platform, class) → (prices new, prices gone).
    let mut new_or_gone: BTreeMap<(String, String), (u32, u32)> = BTreeMap::new();
    let mut count = |at: &str, what: &str, from: Option<f64>, to: Option<f64>| {
        let entry = new_or_gone.entry((at.to_string(), what.to_string())).or_default();
        match (from, to) {
            (None, Some(_)) => entry.0 += 1,
            (Some(_), None) => entry.1 += 1,
            _ => {}
        }
    };
    let mut appeared: Vec<String> = Vec::new();
    for (key, after) in &new {
        let at = format!("{} {}", key.0, key.1.slug());
        let Some(before) = old.get(key) else {
            appeared.push(at);
            continue;
        };
        let types = |f: &RegionPrices| f.rows.iter().map(|r| (r.spec.instance_type.clone(), r.clone())).collect::<BTreeMap<_, _>>();
        let (was, now) = (types(before), types(after));
        let list = |names: Vec<&String>| names.iter().map(|n| n.as_str()).collect::<Vec<_>>().join(", ");
        let gone: Vec<&String> = was.keys().filter(|t| !now.contains_key(*t)).collect();
        let new_types: Vec<&String> = now.keys().filter(|t| !was.contains_key(*t)).collect();
        if !new_types.is_empty() {
            added.push(format!("{at}: {} ({})", new_types.len(), list(new_types)));
        }
        if !gone.is_empty() {
            removed.push(format!("{at}: {} ({})", gone.len(), list(gone)));
        }
        for (name, row) in &now {
            let Some(old_row) = was.get(name) else { continue };
            for ((what, from), (_, to)) in ec2_prices(old_row).into_iter().zip(ec2_prices(row)) {
                count(&at, what, from, to);
                if let (Some(from), Some(to)) = (from, to) {
                    moves.push(Move { at: format!("{at} {name}"), what: what.to_string(), from, to });
                }
            }
        }
        let (was, now): (BTreeMap<String, f64>, BTreeMap<String, f64>) =
            (fargate_prices(before).into_iter().collect(), fargate_prices(after).into_iter().collect());
        for what in was.keys().chain(now.keys().filter(|k| !was.contains_key(*k))) {
            let (from, to) = (was.get(what).copied(), now.get(what).copied());
            count(&at, what, from, to);
            if let (Some(from), Some(to)) = (from, to) {
                moves.push(Move { at: at.clone(), what: what.clone(), from, to });
            }
        }
    }
    moves.retain(|m| m.share().abs() > MOVED);
    let new_or_gone: Vec<String> = new_or_gone
        .into_iter()
        .filter(|(_, counts)| *counts != (0, 0))
        .map(|((at, what), (new, gone))| match (new, gone) {
            (n, 0) => format!("{at}, {what}: {n} new"),
            (0, g) => format!("{at}, {what}: {g} gone"),
            (n, g) => format!("{at}, {what}: {n} new, {g} gone"),
        })
        .collect();
    let mut out = String::from("## Prices refreshed from AWS's price files\n\n");
    if added.is_empty() && removed.is_empty() && moves.is_empty() && appeared.is_empty() && new_or_gone.is_empty() && before == after {
        out += "Nothing changed.\n";
    } else {
        let section = |out: &mut String, title: &str, lines: &[String]| {
            if !lines.is_empty() {
                *out += &format!("**{title}**\n\n");
                for line in lines {
                    *out += &format!("- {line}\n");
                }
                *out += "\n";
            }
        };
        section(&mut out, "Region files new in the snapshot", &appeared);
        section(&mut out, "Instance types added", &added);
        section(&mut out, "Instance types removed", &removed);
        // A price a type or platform had or lacked before (a Savings Plans rate AWS now lists, a Spot price it no longer does).
        section(&mut out, "Prices new or gone", &new_or_gone);
        // By region and class, then the largest moves.
        let mut by_class: BTreeMap<(String, String), (u32, f64, f64)> = BTreeMap::new();
        for m in &moves {
            let region = m.at.split(' ').take(2).collect::<Vec<_>>().join(" ");
            let entry = by_class.entry((region, m.what.clone())).or_insert((0, f64::INFINITY, f64::NEG_INFINITY));
            entry.0 += 1;
            entry.1 = entry.1.min(m.share());
            entry.2 = entry.2.max(m.share());
        }
        let pct = |x: f64| format!("{:+.1}%", x * 100.0);
        let classes: Vec<String> = by_class
            .iter()
            .map(|((region, what), (n, low, high))| {
                format!("{region}, {what}: {n} price{} moved, {} to {}", if *n == 1 { "" } else { "s" }, pct(*low), pct(*high))
            })
            .collect();
        section(&mut out, "Prices moved by more than 1%", &classes);
        moves.sort_by(|a, b| b.share().abs().total_cmp(&a.share().abs()));
        let largest: Vec<String> =
            moves.iter().take(20).map(|m| format!("{} {}: {} → {} ({})", m.at, m.what, m.from, m.to, pct(m.share()))).collect();
        section(&mut out, "The largest moves", &largest);
        if moves.is_empty() && added.is_empty() && removed.is_empty() && appeared.is_empty() && new_or_gone.is_empty() {
            out += "No price moved by more than 1%; dates and sources were updated.\n\n";
        }
    }
    if !notes.is_empty() {
        out += "**What was read**\n\n";
        for note in notes {
            out += &format!("- {note}\n");
        }
    }
    out
}
