//! 简体中文: every Chinese word and sentence of the page, kept out of the
//! wasm. The text is `src/i18n/zh.json`, which Trunk copies beside the app:
//! a Chinese page fetches it before it shows anything (`app::explorer`);
//! natively (tests) it is read at first use. English stays in the code.
//!
//! `texts` holds one `[key, text]` pair per `Zh` key, in the enum's order (a
//! test checks the keys); sentences are templates whose `{0}`, `{1}`, … are
//! filled in order (`fill`). Region names, geographies and source titles are
//! looked up by their code or English name (`named`).

use crate::json::Value;
use std::sync::OnceLock;

/// Declares the keys, and their names for the check of the file.
macro_rules! keys {
    ($($key:ident),* $(,)?) => {
        /// A Chinese word or sentence template.
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Zh { $($key,)* }

        /// The keys' names, in order: only for `CHECK` and the tests.
        pub const NAMES: &[&str] = &[$(stringify!($key),)*];
    };
}

keys! {
    // The fixed words (`words::Words`, one key per field).
    title, language, working, no_answer, results, open_full, list_prices_newest, show_on_charts, link_notice, refused,
    download, chart_svg, chart_png, numbers_csv, share, link_to_view, copy_link, copied, embed, embed_hint, controls,
    where_, region, no_fargate_prices, platform, task_size, vcpu_per_task, memory_per_task, disk, workload, tasks_running,
    scheduled, runs, minutes, hours_per_task, fleet, instance_type, auto_hint, purchase_option, capacity, always_on,
    follows_tasks, network_mode, cpu_use, credits, credits_unlimited, credits_standard, public_ip, ip_none, ip_public, ebs,
    min_instances, reserve, extra, ops, rate, option, per_month, per_task_hour,
    break_even, none, managed_not_windows, savings_plans_missing, no_price_here, part_instances, part_fee, part_credits,
    part_ebs, part_ipv4, part_extra, part_ops, sources_title, undated, sources_and_licences, axis_hours, axis_tasks, axis_baseline,
    axis_usd_month, fargate_on_demand, fargate_spot, fargate_sp_1y, fargate_sp_3y, ec2_on_demand, ec2_reserved_1y,
    ec2_reserved_3y, ec2_spot, ec2_compute_sp_1y, ec2_compute_sp_3y, ec2_instance_sp_1y, ec2_instance_sp_3y,
    managed_on_demand, managed_reserved_1y, managed_reserved_3y, managed_spot, cpu_bound, memory_bound, network_bound,
    published, secondary, derived, services, service_name, add_service, duplicate, remove, sidecars, daemon_cpu, daemon_mem, headroom, service, cluster, tasks, fargate_month, chosen_service, workload_json,
    import_title, import_hint, import_text, import_button, importing, imported, import_failed, curve_notice, working_week, split_caption, week_of_load, week_steady, week_business, week_batch, week_spiky, week_custom, week_scheduled, above, above_on_demand, above_spot, weekdays, weekends, bars_hint, bars_keys_set, bars_keys_move, week_peak, week_floor, week_batch_tasks, week_batch_hours, week_base, week_spikes, days, axis_week, week_on_ec2, week_on_fargate, week_instances, week_caption, week_failed,
    // Money, hours, dates, lists (`Lang`'s helpers).
    usd_sign, hours_unit, date_ymd, date_ym, list_or, list_sep, clause_sep, open_paren, close_paren, colon, full_stop,
    // The verdict.
    verdict_hours, verdict_billed_hours, verdict_way, verdict_dearer_always, verdict_cheaper_always, verdict_cheaper_below,
    verdict_cheaper_above, verdict_cheaper_between, verdict_cheaper_outside, verdict_no_ebs, verdict_no_ipv4,
    verdict_no_price, verdict_other, verdict_cheapest,
    // The fleet.
    packing, packing_minimum, placement, placement_group, placement_empty, idle, per_hour, bill, credits_head, credits_standard_until, credits_paid, credits_covered,
    older_credits, older_ebs, older_link, and,
    // Why there is no answer.
    problem_input, problem_no_fargate, problem_no_fargate_known, problem_no_storage, problem_fargate, problem_over_month,
    problem_unknown_instance, problem_too_small, problem_credits, problem_no_candidate, problem_no_services, problem_curve_burstable, problem_no_fargate_above,
    // The charts.
    chart_value_hours, chart_break_even, chart_value_tasks, chart_hours_caption, chart_tasks_caption, chart_hours_caption_services, chart_tasks_caption_services,
    // What the options accept.
    accepts_whole, accepts_region, accepts_cpu, accepts_mem, accepts_gib, accepts_mib, accepts_cpu_use, accepts_hours,
    accepts_runs, accepts_minutes, accepts_daemon_cpu, accepts_percent, accepts_services, accepts_curve, accepts_ec2, accepts_usd, accepts_ops, accepts_lang, accepts_version, expected,
    // Sources.
    source_fargate_on_demand, source_storage, source_ec2, source_compute_sp_1y, source_compute_sp_3y, source_instance_sp_1y,
    source_instance_sp_3y, source_managed_fee, source_managed_fee_share, source_cpu_credits, source_public_ipv4,
    source_ebs, source_as_of, source_snapshot,
    // The page.
    loading_prices, load_failed, load_network, load_unreadable, load_invalid, memory_steps, memory_three, hours_output,
    billed_hint, memory_hint, no_price_for, table_caption, crash_title, crash_text, crash_reload, crash_reset,
    // Importing from ECS's JSON.
    import_not_json, import_not_ecs, import_missing, import_unreadable, import_too_large, import_no_services, import_moved,
    import_units, import_storage_moved, import_no_definition, import_too_many, import_left_out, import_one_task,
    // A week of load.
    curve_verdict, curve_fargate, curve_fleet, curve_fleet_all, curve_fleet_committed, curve_split, curve_bar, curve_below_fargate, curve_below_fleet, curve_below_fleet_always,
    curve_below_split,
    import_mixed_platforms, import_mixed_networks, import_empty, import_not_workload, import_not_option, import_refused,
}

/// An FNV-1a hash of the keys' names: the file's keys must hash alike, so a
/// file from another build is never read.
pub const CHECK: u32 = {
    let mut hash: u32 = 0x811c_9dc5;
    let mut k = 0;
    while k < NAMES.len() {
        let name = NAMES[k].as_bytes();
        let mut i = 0;
        while i < name.len() {
            hash = (hash ^ name[i] as u32).wrapping_mul(0x0100_0193);
            i += 1;
        }
        hash = (hash ^ 0xff).wrapping_mul(0x0100_0193);
        k += 1;
    }
    hash
};

/// The Chinese text, once read.
pub struct Table {
    texts: Vec<String>,
    /// Region names by code, geographies and source titles by their English.
    named: Vec<(String, String)>,
}

static TABLE: OnceLock<Table> = OnceLock::new();

fn pairs(v: &Value) -> Result<Vec<(String, String)>, String> {
    v.items()?
        .iter()
        .map(|pair| match pair.items()? {
            [key, text] => Ok((key.str()?.to_string(), text.str()?.to_string())),
            _ => Err("a pair of two strings expected".to_string()),
        })
        .collect()
}

/// Reads the file's text, checking its keys against this build's.
pub fn parse(json: &str) -> Result<Table, String> {
    let v = crate::json::parse(json)?;
    let texts = v.read("texts", pairs)?;
    let mut hash: u32 = 0x811c_9dc5;
    for (key, _) in &texts {
        for b in key.bytes() {
            hash = (hash ^ u32::from(b)).wrapping_mul(0x0100_0193);
        }
        hash = (hash ^ 0xff).wrapping_mul(0x0100_0193);
    }
    if hash != CHECK || texts.len() != NAMES.len() {
        return Err("the Chinese text is from another version".into());
    }
    let mut named = v.read("regions", pairs)?;
    named.extend(v.read("geographies", pairs)?);
    named.extend(v.read("titles", pairs)?);
    Ok(Table { texts: texts.into_iter().map(|(_, t)| t).collect(), named })
}

/// Makes the Chinese text the page's (once: a second call changes nothing).
pub fn install(table: Table) {
    let _ = TABLE.set(table);
}

/// Whether the Chinese text is there to speak Chinese with.
pub fn ready() -> bool {
    table().is_some()
}

#[cfg(not(target_arch = "wasm32"))]
fn table() -> Option<&'static Table> {
    Some(TABLE.get_or_init(|| parse(include_str!("zh.json")).expect("src/i18n/zh.json")))
}

#[cfg(target_arch = "wasm32")]
fn table() -> Option<&'static Table> {
    TABLE.get()
}

/// A word or template ("" before the text is read: the page speaks Chinese only after).
pub fn zh(key: Zh) -> &'static str {
    table().and_then(|t| t.texts.get(key as usize)).map_or("", String::as_str)
}

/// A template with its `{0}`, `{1}`, … replaced by `args`.
pub fn fill(key: Zh, args: &[&str]) -> String {
    let template = zh(key);
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').and_then(|close| Some((after[..close].parse::<usize>().ok()?, close))) {
            Some((n, close)) => {
                out.push_str(args.get(n).copied().unwrap_or_default());
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The Chinese for a region code, a geography or a source title, if known.
pub fn named(english_or_code: &str) -> Option<&'static str> {
    table()?.named.iter().find(|(k, _)| k == english_or_code).map(|(_, zh)| zh.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_has_every_key_in_order_and_templates_fill() {
        let text = include_str!("zh.json");
        let v = crate::json::parse(text).unwrap();
        let keys: Vec<String> = v.read("texts", pairs).unwrap().into_iter().map(|(k, _)| k).collect();
        assert_eq!(keys, NAMES, "src/i18n/zh.json's keys, in the order of `Zh`");
        assert!(parse(text).is_ok());
        assert!(parse(&text.replacen("\"title\"", "\"titles\"", 1)).is_err(), "a file from another build is refused");
        assert_eq!(fill(Zh::hours_unit, &["730"]), "730 小时");
        assert_eq!(fill(Zh::date_ymd, &["2025", "8", "28"]), "2025年8月28日");
        assert_eq!(named("us-east-1"), Some("美国东部（弗吉尼亚北部）"));
    }
}
