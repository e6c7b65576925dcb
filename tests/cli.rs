//! The command-line tool as a script would use it: its JSON, its errors and
//! exit codes, and `--url` agreeing with the same options.

use serde_json::{json, Value};
use std::process::{Command, Output, Stdio};

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_fargate-vs-ec2")).args(args).output().unwrap()
}

fn json(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.push("--json");
    let out = cli(&all);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn close(a: &Value, b: f64) -> bool {
    (a.as_f64().unwrap() - b).abs() < 1e-9
}

#[test]
fn the_json_has_the_documented_shape_and_reproducible_numbers() {
    let v = json(&["--region", "us-east-1", "--cpu", "1", "--mem", "2", "--tasks", "10"]);
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "inputs",
            "snapshot",
            "fargate",
            "ec2",
            "services",
            "curve",
            "managed_instances",
            "break_even_hours",
            "break_even_until_hours",
            "verdict"
        ]
    );
    assert!(v["curve"].is_null(), "no week of load without --curve");
    for k in [
        "region",
        "platform",
        "service",
        "cpu",
        "mem",
        "disk",
        "cpu_use",
        "tasks",
        "hours",
        "runs",
        "minutes",
        "curve",
        "scale_in",
        "ec2",
        "buy",
        "capacity",
        "min",
        "reserve",
        "daemon_cpu",
        "daemon_mem",
        "headroom",
        "net",
        "credits",
        "ip",
        "ebs",
        "extra",
        "ops",
        "rate",
    ] {
        assert!(v["inputs"].get(k).is_some(), "inputs.{k}");
    }
    assert_eq!(
        (v["inputs"]["cpu_use"].as_f64(), v["inputs"]["ebs"].as_u64(), v["inputs"]["ip"].as_str()),
        (Some(100.0), Some(30), Some("none"))
    );
    assert_eq!(v["snapshot"]["date"], "2026-09-29");
    // Fargate: 1 × 0.04048 + 2 × 0.004445 = 0.04937 per task-hour; × 10 tasks × 730 h = 360.401
    assert!(close(&v["fargate"]["task_hour"], 0.04937));
    assert!(close(&v["fargate"]["monthly"]["on_demand"], 360.401));
    assert!(close(&v["fargate"]["parts"]["tasks"], 360.401) && close(&v["fargate"]["parts"]["public_ipv4"], 0.0));
    assert!(v["fargate"]["rates"]["os_vcpu_hour"].is_null());
    // EC2: every monthly figure is instances × (hourly × 730 + 30 GiB × $0.08 of gp3), and
    // every break-even is that ÷ (10 tasks × 0.04937), or null above 730 h.
    let ec2 = &v["ec2"];
    let n = ec2["instances"].as_f64().unwrap();
    let tpi = ec2["tasks_per_instance"].as_f64().unwrap();
    assert_eq!(n, (10.0 / tpi).ceil().max(2.0));
    assert!(ec2["cpu_credits"].is_null(), "not a burstable type");
    for o in ["on_demand", "reserved_1y", "reserved_3y", "spot", "compute_savings_plan_1y", "instance_savings_plan_3y"] {
        let Some(hourly) = ec2["hourly"][o].as_f64() else {
            assert!(ec2["monthly"][o].is_null() && v["break_even_hours"][o].is_null());
            continue;
        };
        let monthly = n * (hourly * 730.0 + 30.0 * 0.08);
        assert!(close(&ec2["monthly"][o], monthly), "{o}");
        let be = monthly / (10.0 * 0.04937);
        if be <= 730.0 {
            assert!(close(&v["break_even_hours"][o], be), "{o}");
        } else {
            assert!(v["break_even_hours"][o].is_null(), "{o}");
        }
        assert!(v["break_even_until_hours"][o].is_null(), "{o}");
    }
    // The chosen option's parts add up to its total.
    let parts = &ec2["parts"];
    let sum: f64 = ["instances", "cpu_credits", "ebs", "public_ipv4", "extra", "ops"].iter().map(|k| parts[k].as_f64().unwrap()).sum();
    assert!(close(&ec2["monthly"]["on_demand"], sum));
    // Managed Instances: the same fleet plus a derived fee of 12% of on-demand per instance-hour.
    let managed = &v["managed_instances"];
    assert_eq!(managed["fee_provenance"], "derived");
    let fee = managed["fee_hour"].as_f64().unwrap();
    assert!((fee - 0.12 * ec2["hourly"]["on_demand"].as_f64().unwrap()).abs() < 1e-12);
    assert!(close(&managed["monthly"]["on_demand"], ec2["monthly"]["on_demand"].as_f64().unwrap() + n * fee * 730.0));
    assert!(v["break_even_hours"].get("managed_on_demand").is_some() && v["break_even_hours"].get("managed_spot").is_some());
    // Worked by hand: 5 × m5a.large at $0.086/h with 30 GiB of gp3 each is 5 × (62.78 + 2.40) = $325.90
    // a month, below Fargate's $360.40 above 325.90 ÷ 0.4937 = 660 h.
    assert_eq!(ec2["instance_type"], "m5a.large");
    assert!(close(&ec2["monthly"]["on_demand"], 325.9));
    assert!(v["verdict"].as_str().unwrap().starts_with(
        "At 730 h/month, EC2 on-demand (5 × m5a.large) is the cheapest at $325.90; Fargate costs $360.40 and is cheaper below 660 h/month per task"
    ));
}

/// The issue's example: the headline's t3a.large, named, with 10 full tasks.
/// $0.0752 × 730 = $54.90 an instance plus (2 − 0.6) × $0.05 × 730 = $51.10
/// of surplus CPU credits: 5 × $106.00 = $529.98 a month (without EBS), and
/// Fargate's $360.40 is the cheaper at any usage.
#[test]
fn cpu_credits_reverse_the_old_headline() {
    let v = json(&["--ec2", "t3a.large", "--ebs", "0"]);
    let ec2 = &v["ec2"];
    assert!(close(&ec2["monthly"]["on_demand"], 529.98), "{}", ec2["monthly"]["on_demand"]);
    assert!(close(&ec2["parts"]["cpu_credits"], 255.5) && close(&ec2["parts"]["instances"], 274.48));
    let credits = &ec2["cpu_credits"];
    assert_eq!(credits["mode"], "unlimited");
    assert!(close(&credits["baseline_vcpu"], 0.6) && close(&credits["used_vcpu"], 2.0) && close(&credits["rate_vcpu_hour"], 0.05));
    assert!(v["break_even_hours"]["on_demand"].is_null());
    assert!(v["verdict"].as_str().unwrap().starts_with(
        "At 730 h/month, Fargate is the cheapest at $360.40; EC2 on-demand (5 × t3a.large) costs $529.98 and is dearer at any usage"
    ));
    // In standard mode it cannot run them all month: 0.6 × 730 ÷ 2 = 219 h at most.
    let out = cli(&["--ec2", "t3a.large", "--credits", "standard"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "fargate-vs-ec2: t3a.large in standard credit mode runs these tasks at most 219 h/month each: its CPU baseline cannot carry them longer\n"
    );
}

/// Where a burstable type wins honestly: tasks that use 20% of their vCPU.
/// 2 tasks × 0.2 = 0.4 vCPU per t3a.large, within its 0.6 baseline: no
/// credits, 5 × ($54.896 + $2.40 of gp3) = $286.48, cheaper than any
/// other type (t3a.medium fits 1 task: 10 × ($27.448 + $2.40) = $298.48).
#[test]
fn a_burstable_type_wins_where_the_tasks_stay_within_its_baseline() {
    let v = json(&["--cpu-use", "20"]);
    assert_eq!(v["ec2"]["instance_type"], "t3a.large");
    assert!(close(&v["ec2"]["monthly"]["on_demand"], 286.48));
    assert!(close(&v["ec2"]["parts"]["cpu_credits"], 0.0) && close(&v["ec2"]["cpu_credits"]["used_vcpu"], 0.4));
}

/// A figure quoted from the CLI carries where its prices came from.
#[test]
fn every_price_class_names_its_source_and_date() {
    let out = cli(&["--region", "us-east-1"]);
    let text = String::from_utf8(out.stdout).unwrap();
    let sources = text.split_once("\nPrices: snapshot with data up to 2026-09-29;").expect("a Prices section").1;
    let lines: Vec<&str> = sources.lines().skip(1).map(str::trim_start).collect();
    assert!(
        lines[0].starts_with("Fargate on-demand    published, 2025-08-28: AWS Price List, AmazonECS offer for us-east-1"),
        "{}",
        lines[0]
    );
    assert!(lines.iter().any(|l| l.starts_with("Fargate Savings 1y   secondary, 2026-09-25: ")), "{sources}");
    assert!(lines.iter().any(|l| l.starts_with("EC2                  secondary, 2026-05-12: ")), "{sources}");
    // ap-south-1's ARM on-demand rate is AWS's own, from its pricing page's data; its Spot rate is unknown.
    let text = String::from_utf8(cli(&["--region", "ap-south-1", "--platform", "linux-arm"]).stdout).unwrap();
    assert!(text.contains("Fargate on-demand    published, 2025-06-05: AWS's Fargate pricing-page data"), "{text}");
    let listed = text.split_once("\nPrices: ").unwrap().1;
    assert!(!listed.contains("Fargate Spot "), "no Spot rate is known there, so no Spot source: {listed}");
    // The JSON says the same, by source id.
    let v = json(&["--region", "us-east-1"]);
    let origins = v["snapshot"]["origins"].as_array().unwrap();
    let first = &origins[0];
    assert_eq!(
        (first["prices"].as_str(), first["source"].as_str(), first["provenance"].as_str(), first["as_of"].as_str()),
        (Some("fargate on_demand"), Some("aws-ecs-offer-us-east-1"), Some("published"), Some("2025-08-28"))
    );
    assert_eq!(
        origins.iter().map(|o| o["prices"].as_str().unwrap()).collect::<Vec<_>>(),
        [
            "fargate on_demand",
            "fargate spot",
            "fargate savings_plan_1y",
            "fargate savings_plan_3y",
            "fargate storage",
            "ec2",
            "ec2 managed_instances_fee_share",
            "ec2 cpu_credits",
            "public_ipv4",
            "ebs_gp3"
        ]
    );
}

#[test]
fn auto_is_the_first_of_the_instances_listing() {
    let v = json(&["--cpu", "2", "--mem", "4", "--tasks", "7", "--buy", "reserved-1y"]);
    let list = json(&["instances", "--cpu", "2", "--mem", "4", "--tasks", "7", "--buy", "reserved-1y"]);
    let first = &list["candidates"][0];
    assert_eq!(first["instance_type"], v["ec2"]["instance_type"]);
    assert_eq!(first["monthly"], v["ec2"]["monthly"]["reserved_1y"]);
    // Nothing listed is cheaper than the choice.
    let chosen = v["ec2"]["monthly"]["reserved_1y"].as_f64().unwrap();
    for c in list["candidates"].as_array().unwrap() {
        if let Some(m) = c["monthly"].as_f64() {
            assert!(m >= chosen - 1e-9, "{c}");
        }
    }
}

#[test]
fn windows_has_no_fargate_spot_and_pays_its_licence() {
    let v = json(&["--platform", "windows", "--cpu", "2", "--mem", "4", "--tasks", "3", "--hours", "100"]);
    assert!(v["fargate"]["monthly"]["spot"].is_null());
    assert!(close(&v["fargate"]["rates"]["os_vcpu_hour"], 0.046));
    // 2 × 0.046552 + 4 × 0.00511175 + 2 × 0.046 = 0.205551 per task-hour; × 3 × 100 = 61.6653
    assert!(close(&v["fargate"]["monthly"]["on_demand"], 61.6653));
}

#[test]
fn a_scheduled_job_below_the_one_minute_minimum() {
    // 3,000 runs of 20 s bill as 3,000 minutes = 50 h per task.
    let v = json(&["--runs", "3000", "--minutes", "0.3333", "--tasks", "2"]);
    assert!(close(&v["fargate"]["billed_hours"], 50.0));
    assert!(close(&v["fargate"]["monthly"]["on_demand"], 2.0 * 50.0 * 0.04937));
    assert!(v["inputs"]["hours"].is_null());
}

#[test]
fn url_gives_the_same_result_as_the_options() {
    let by_options = json(&[
        "--region",
        "eu-west-1",
        "--platform",
        "linux-arm",
        "--cpu",
        "0.5",
        "--mem",
        "1",
        "--tasks",
        "40",
        "--hours",
        "300",
        "--net",
        "awsvpc-trunking",
        "--min",
        "3",
    ]);
    let by_url = json(&["--url", "https://example.org/fargate-vs-ec2/?region=eu-west-1&platform=linux-arm&cpu=0.5&mem=1&tasks=40&hours=300&net=awsvpc-trunking&min=3&lang=zh&v=1"]);
    assert_eq!(by_options, by_url);
}

#[test]
fn bad_input_is_one_line_naming_the_option_exit_2() {
    for (args, needle) in [
        (vec!["--cpu", "3"], "--cpu: \"3\" is not valid; expected vCPU: 0.25, 0.5, 1, 2, 4, 8, 16"),
        (vec!["--platform", "linux"], "expected linux-x86, linux-arm, windows"),
        (vec!["--tasks", "-1"], "--tasks"),
        (vec!["--cpu", "0.25", "--mem", "4"], "--mem: \"4\" is not valid; expected with 0.25 vCPU, GiB: 0.5, 1, 2"),
        (vec!["--region", "mars-1"], "--region: \"mars-1\" is not valid; expected us-east-1,"),
        (
            vec!["--platform", "windows", "--region", "ap-east-2"],
            "--platform: no Fargate windows price is known in ap-east-2; known: linux-x86, linux-arm",
        ),
        (vec!["--ec2", "x9.nano"], "no EC2 instance type x9.nano"),
        (vec!["--bogus", "1"], "--bogus: unknown option"),
        (vec!["--hours"], "--hours needs a value"),
        (vec!["--buy", "reserved-3y", "--capacity", "follow"], "--capacity"),
        (vec!["--url", "?tasks=lots"], "--tasks"),
        (vec!["--disk", "201"], "--disk: \"201\" is not valid; expected a whole number from 20 to 200"),
    ] {
        let out = cli(&args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: one line, got {err}");
        assert!(err.contains(needle), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}");
    }
}

#[test]
fn a_reader_that_stops_early_is_not_a_crash() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_fargate-vs-ec2"))
        .args(["instances"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
    assert!(out.status.success());
}

#[test]
fn help_goes_to_stdout_and_exits_0_with_every_option() {
    for flag in ["--help", "-h"] {
        let out = cli(&[flag]);
        assert_eq!(out.status.code(), Some(0), "{flag}");
        assert!(out.stderr.is_empty(), "{flag}: {}", String::from_utf8_lossy(&out.stderr));
        let help = String::from_utf8(out.stdout).unwrap();
        assert_eq!(help, fargate_vs_ec2::cli::help::text());
        for option in fargate_vs_ec2::options::Opt::ALL {
            assert!(help.contains(&format!("\n  --{} ", option.name())), "{flag} lists --{}", option.name());
        }
        assert!(help.contains("Examples:\n  fargate-vs-ec2 "), "{help}");
    }
}

#[test]
fn version_names_the_price_snapshot() {
    let out = cli(&["--version"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!("fargate-vs-ec2 {}, prices of 2026-09-29 (snapshot schema 7)\n", env!("CARGO_PKG_VERSION"))
    );
}

/// The README's table of options is the help's, generated from the option table.
#[test]
fn the_readme_lists_every_option_as_the_help_does() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme.find("<!-- options: ").expect("the README's options block");
    let block = &readme[start..];
    let (block, _) = block.split_once("<!-- /options -->").expect("the options block's end");
    let table = block.split_once("-->\n").unwrap().1;
    assert_eq!(table, fargate_vs_ec2::cli::help::markdown(), "README.md's options table is out of date: paste cli::help::markdown()");
}

#[test]
fn import_takes_a_task_definition_then_options_on_top_and_says_what_it_moved() {
    let fixture = |name: &str| format!("{}/tests/fixtures/ecs/{name}", env!("CARGO_MANIFEST_DIR"));
    let (web, api) = (fixture("describe-task-definition.json"), fixture("ec2-task-definition.json"));
    let v = json(&["--import", &web]);
    let i = &v["inputs"];
    assert_eq!((i["cpu"].as_f64(), i["mem"].as_f64(), i["disk"].as_u64()), (Some(1.0), Some(2.0), Some(30)));
    assert_eq!((i["platform"].as_str(), i["net"].as_str()), (Some("linux-arm"), Some("awsvpc")));
    // The same as the options it stands for (the service takes the family's name); and an option after it wins.
    assert_eq!(v, json(&["--platform", "linux-arm", "--service", "web:1:2:10:30", "--net", "awsvpc"]));
    assert_eq!(json(&["--import", &web, "--mem", "4"])["inputs"]["mem"].as_f64(), Some(4.0));
    // A size Fargate does not offer: moved, and said on stderr (stdout stays JSON).
    let out = cli(&["--import", &api, "--json"]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "fargate-vs-ec2: note: 500 CPU units / 856 MiB is not a size Fargate offers: moved to 0.5 vCPU / 1 GiB, the smallest that holds it.\n"
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((v["inputs"]["cpu"].as_f64(), v["inputs"]["mem"].as_f64()), (Some(0.5), Some(1.0)));
    // A damaged file: one line naming the file and the place, exit 2.
    let bad = fixture("bad-cpu.json");
    let out = cli(&["--import", &bad]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!("fargate-vs-ec2: --import {bad}: taskDefinition.cpu: \"fast\" cannot be read here.\n")
    );
    let out = cli(&["--import", "/nonexistent/taskdef.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("fargate-vs-ec2: --import /nonexistent/taskdef.json: "));
}

#[test]
fn six_services_pack_onto_four_m5_large_and_the_json_says_where() {
    // The containers-roadmap #105 cluster in Fargate sizes (0.25 to 2 vCPU), worked out in
    // `model::scenario`'s tests: 7.25 vCPU and 21.5 GiB of tasks, at least 4 × m5.large.
    let services = ["api:2:7:2", "worker:1:2:1", "web:0.5:1:2", "auth:0.25:1:2", "cron:0.25:0.5:2", "metrics:0.25:0.5:1"];
    let mut args: Vec<&str> = services.iter().flat_map(|s| ["--service", s]).collect();
    args.extend(["--ec2", "m5.large"]);
    let v = json(&args);
    assert_eq!(v["inputs"]["service"], services.join(","), "repeated --service makes one list");
    let listed: Vec<&str> = v["services"].as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(listed, ["api", "worker", "web", "auth", "cron", "metrics"]);
    // Fargate: (7.25 × 0.04048 + 21.5 × 0.004445) × 730 = $284.004675, the sum of the services'.
    assert!(close(&v["fargate"]["monthly"]["on_demand"], 284.004675));
    let sum: f64 = v["services"].as_array().unwrap().iter().map(|s| s["fargate_monthly"].as_f64().unwrap()).sum();
    assert!((sum - 284.004675).abs() < 1e-9);
    let ec2 = &v["ec2"];
    assert_eq!((ec2["instances"].as_u64(), ec2["tasks_per_instance"].is_null()), (Some(4), true));
    let placement = &ec2["placement"];
    assert_eq!(placement["lower_bound"].as_u64(), Some(4));
    let groups = placement["groups"].as_array().unwrap();
    assert_eq!(groups.iter().map(|g| g["instances"].as_u64().unwrap()).sum::<u64>(), 4);
    assert_eq!(groups[0]["tasks"], serde_json::json!({ "api": 1 }));
    // Idle between deployments: 9.375% of the vCPU and 26.5625% of the memory of 4 × $0.096 × 730.
    let idle = &placement["idle"];
    assert!(close(&idle["vcpu_share"], 0.09375) && close(&idle["memory_share"], 0.265625));
    assert!(close(&idle["vcpu_monthly"], 26.28) && close(&idle["memory_monthly"], 74.46));
    // The table says the same placement in words.
    let out = cli(&args);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Fleet: 4 × m5.large (2 vCPU, 8 GiB): 2 with api 1; "), "{text}");
    assert!(text.contains("  metrics: 1 task of 0.25 vCPU / 0.5 GiB at 100% CPU; Fargate on-demand $9.01/month"), "{text}");
}

#[test]
fn an_answer_saved_as_json_is_a_workload_that_reopens_it() {
    let args = ["--service", "api:2:7:2,web:0.5:1:3", "--headroom", "50", "--daemon-cpu", "0.25", "--region", "eu-west-1", "--runs", "600"];
    let answer = json(&args);
    let dir = std::env::temp_dir().join(format!("fargate-vs-ec2-workload-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("workload.json");
    std::fs::write(&file, answer.to_string()).unwrap();
    assert_eq!(json(&["--workload", file.to_str().unwrap()]), answer);
    // Options after it change it; a damaged file is one line naming the key, exit 2.
    assert_eq!(json(&["--workload", file.to_str().unwrap(), "--headroom", "0"])["inputs"]["headroom"].as_u64(), Some(0));
    std::fs::write(&file, r#"{"inputs": {"tasks": "many"}}"#).unwrap();
    let out = cli(&["--workload", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("--workload {}: inputs.tasks: \"many\" is not valid; expected", file.display())), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Issue 27's presets, worked out by hand in us-east-1 on m5.large: 1 vCPU /
/// 2 GiB tasks, 2 per instance; the fleet follows the load, keeping an
/// instance 1 h once not needed, at least 2 instances, 30 GiB of gp3 each.
/// Fargate: $0.04048 per vCPU-hour + 2 × $0.004445 per GB-hour = $0.04937 a
/// task-hour; m5.large: $0.096 on demand, $0.056393 reserved 1 year; gp3
/// $0.08 × 30 = $2.40 an instance-month; a month is 730 ÷ 168 weeks.
#[test]
fn the_presets_give_the_answers_a_finops_engineer_expects() {
    let weeks = 730.0 / 168.0;
    let (task, on_demand, reserved) = (0.04937, 0.096, 0.056393);
    let reserved_month = reserved * 730.0 + 2.40;
    let ebs_hour = 2.40 / 730.0;
    let week = |curve: &str| {
        let out = json(&["--ec2", "m5.large", "--buy", "reserved-1y", "--capacity", "follow", "--curve", curve]);
        out["curve"].clone()
    };
    let near = |v: &Value, usd: f64| (v.as_f64().unwrap() - usd).abs() < 1e-6;

    // Steady, 10 tasks: 5 instances reserved all week, $217.83; all Fargate 10 × 730 × $0.04937 = $360.40.
    let steady = week("svc-1:steady:10");
    assert_eq!(steady["cheapest"]["arrangement"], "fleet");
    assert_eq!(steady["cheapest"]["committed"], 5);
    assert!(near(&steady["cheapest"]["monthly"], 5.0 * reserved_month));
    assert!(near(&steady["fargate_monthly"]["on_demand"], 10.0 * 730.0 * task));
    assert_eq!(
        steady["verdict"],
        "Cheapest for this week of load: 5 × m5.large (EC2 reserved 1y) all week: $217.83/month, 40% below all-Fargate ($360.40)."
    );

    // Business hours, 8 tasks from 09:00 to 18:00 on weekdays and 2 otherwise:
    // 45 × 8 + 123 × 2 = 606 task-hours a week, all on Fargate $130.00.
    // Split at 4 tasks: 2 instances reserved (the minimum, which 4 tasks fill),
    // and 4 tasks × 45 h a week on Fargate: $87.13 + $38.62 = $125.75.
    // The fleet: 2 reserved, 2 more on demand 10 h each weekday (9 h and the
    // 1-h delay): $82.33 + 100 × $0.096 × weeks + 436 instance-hours of EBS = $130.28.
    let business = week("svc-1:business:8:2");
    assert!(near(&business["fargate_monthly"]["on_demand"], 606.0 * task * weeks));
    assert_eq!(
        (&business["cheapest"]["arrangement"], &business["cheapest"]["baseline"], &business["cheapest"]["instances"]),
        (&json!("split"), &json!(4), &json!(2))
    );
    assert!(near(&business["cheapest"]["monthly"], 2.0 * reserved_month + 180.0 * task * weeks));
    let fleet = business["fleets"].as_array().unwrap().iter().find(|f| f["launch"] == "ec2" && f["option"] == "reserved_1y").unwrap();
    assert_eq!(fleet["committed"], 2);
    assert!(near(&fleet["monthly"], 2.0 * reserved * 730.0 + 100.0 * on_demand * weeks + 436.0 * ebs_hour * weeks));
    assert_eq!(
        business["verdict"],
        "Cheapest for this week of load: 4 tasks on 2 × m5.large (EC2 reserved 1y), the rest on Fargate on-demand: $125.75/month, 3% below all-Fargate ($130.00), 3% below a fleet following the load ($130.28)."
    );
    // Hour by hour: Monday 10:00 needs 4 instances, 18:00 still runs them (the delay), 19:00 is back to 2.
    let hour = |h: usize, key: &str| business["hours"][h][key].clone();
    assert_eq!(
        (hour(10, "tasks"), hour(10, "instances_running"), hour(18, "instances_running"), hour(19, "instances_running")),
        (json!([8]), json!(4), json!(4), json!(2))
    );

    // A nightly batch, 20 tasks for 4 h from 01:00: Fargate 560 task-hours a week, $120.13;
    // the fleet: 2 reserved, 8 more on demand 5 h a night: $82.33 + 280 × $0.096 × weeks + 616 instance-hours of EBS = $207.93.
    let batch = week("svc-1:batch:20:4");
    assert_eq!(batch["cheapest"]["arrangement"], "fargate");
    assert!(near(&batch["cheapest"]["monthly"], 560.0 * task * weeks));
    let fleet = batch["fleets"].as_array().unwrap().iter().find(|f| f["launch"] == "ec2" && f["option"] == "reserved_1y").unwrap();
    assert!(near(&fleet["monthly"], 2.0 * reserved * 730.0 + 280.0 * on_demand * weeks + 616.0 * ebs_hour * weeks));
    assert_eq!(
        batch["verdict"],
        "Cheapest for this week of load: every task on Fargate on-demand: $120.13/month, 42% below a fleet following the load ($207.93)."
    );

    // With the fleet always on (the default capacity) it follows nothing: 4 instances on demand
    // all week, 4 × ($0.096 × 730 + $2.40) = $289.92, and the verdict says so.
    let always = json(&["--ec2", "m5.large", "--curve", "svc-1:business:8:2"]);
    assert!(near(&always["curve"]["fleets"][0]["monthly"], 4.0 * (on_demand * 730.0 + 2.40)));
    assert_eq!(
        always["curve"]["verdict"],
        "Cheapest for this week of load: every task on Fargate on-demand: $130.00/month, 55% below an always-on fleet ($289.92)."
    );
    let reserved = json(&["--ec2", "m5.large", "--buy", "reserved-1y", "--curve", "svc-1:steady:10"]);
    assert!(reserved["curve"]["verdict"]
        .as_str()
        .unwrap()
        .starts_with("Cheapest for this week of load: 5 × m5.large (EC2 reserved 1y) all week: $217.83/month"));
}

/// The same business hours with the load above a baseline or a commitment
/// bought as Spot (`--above spot`), by hand from us-east-1's rates: Fargate
/// Spot $0.01288871 per vCPU-hour + 2 × $0.00141527 per GB-hour = $0.01571925
/// a task-hour; m5.large Spot $0.04366, reserved 3 years $0.036111.
#[test]
fn the_load_above_a_baseline_can_be_bought_as_spot() {
    let weeks = 730.0 / 168.0;
    let (task, spot, reserved_3y, ebs_hour) = (0.01571925, 0.04366, 0.036111, 2.40 / 730.0);
    let near = |v: &Value, usd: f64| (v.as_f64().unwrap() - usd).abs() < 1e-6;
    let week = |buy: &str| {
        let out = json(&["--ec2", "m5.large", "--buy", buy, "--capacity", "follow", "--curve", "svc-1:business:8:2", "--above", "spot"]);
        out["curve"].clone()
    };
    let business = week("reserved-1y");
    assert_eq!(business["above"], json!({"fargate": "spot", "ec2": "spot"}));
    // Every task on Fargate Spot: 606 task-hours a week, $41.39; no baseline is cheaper.
    assert_eq!(business["cheapest"], json!({"arrangement": "fargate", "option": "spot", "monthly": business["fargate_monthly"]["spot"]}));
    assert!(near(&business["cheapest"]["monthly"], 606.0 * task * weeks));
    // The reserved-1y fleet reserves nothing: its 436 instance-hours a week on Spot, $88.94.
    let fleet = |option: &str| {
        business["fleets"].as_array().unwrap().iter().find(|f| f["launch"] == "ec2" && f["option"] == option).unwrap().clone()
    };
    assert_eq!((&fleet("reserved_1y")["committed"], &fleet("reserved_1y")["above"]), (&json!(0), &json!("spot")));
    assert!(near(&fleet("reserved_1y")["monthly"], 436.0 * (spot + ebs_hour) * weeks));
    // Reserved 3 years covers the 2 instances that run all week; the 100 hours above are Spot: $77.92.
    assert_eq!((&fleet("reserved_3y")["committed"], &fleet("reserved_3y")["above"]), (&json!(2), &json!("spot")));
    assert!(near(&fleet("reserved_3y")["monthly"], 2.0 * reserved_3y * 730.0 + (100.0 * spot + 436.0 * ebs_hour) * weeks));
    // Every baseline's split has its tasks above on Fargate Spot: at 0 it is all Fargate Spot.
    let split =
        business["splits"].as_array().unwrap().iter().find(|s| s["launch"] == "ec2" && s["option"] == "reserved_1y").unwrap().clone();
    assert!(near(&split["monthly_by_baseline"][0], 606.0 * task * weeks));
    assert_eq!(
        business["verdict"],
        "Cheapest for this week of load: every task on Fargate Spot: $41.39/month, 53% below a fleet following the load ($88.94)."
    );
    assert!(String::from_utf8(
        cli(&["--curve", "svc-1:business:8:2", "--above", "spot", "--ec2", "m5.large", "--capacity", "follow"]).stdout
    )
    .unwrap()
    .contains("  every task on Fargate Spot "));
    // Windows has no Fargate Spot: said, not priced on demand instead.
    let out = cli(&["--platform", "windows", "--curve", "svc-1:business:8:2", "--above", "spot"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--above: Fargate Spot is not sold here for this platform"), "{:?}", out);
}

/// Two services with weeks of their own: `--curve` repeated keeps both, and
/// the best split says which services' tasks its baseline holds, in
/// proportion to their busiest hours (web 8, api 4: two to one).
#[test]
fn a_split_of_several_services_says_whose_tasks_its_baseline_holds() {
    let args = [
        "--service",
        "web:1:2:8",
        "--service",
        "api:0.5:1:4",
        "--curve",
        "web:business:8:2",
        "--curve",
        "api:business:4:1",
        "--ec2",
        "m5.large",
        "--buy",
        "reserved-1y",
        "--capacity",
        "follow",
    ];
    let out = json(&args);
    assert_eq!(out["inputs"]["curve"], "web:2x9.8x9.2x6/2x24,api:1x9.4x9.1x6/1x24");
    let curve = &out["curve"];
    assert_eq!(curve["hours"][10]["tasks"], json!([8, 4]));
    let split = curve["splits"].as_array().unwrap().iter().find(|s| s["launch"] == "ec2" && s["option"] == "reserved_1y").unwrap();
    let best = &split["best"];
    let (b, web, api) =
        (best["baseline"].as_u64().unwrap(), best["per_service"]["web"].as_u64().unwrap(), best["per_service"]["api"].as_u64().unwrap());
    assert_eq!(web + api, b);
    assert!(web.abs_diff(2 * api) <= 1, "in proportion to 8 and 4: {best}");
    if curve["cheapest"]["arrangement"] == "split" {
        let said = format!("{b} tasks (web {web}, api {api}) on ");
        assert!(curve["verdict"].as_str().unwrap().contains(&said), "{}", curve["verdict"]);
    }
    let text = String::from_utf8(cli(&args).stdout).unwrap();
    assert!(text.contains(&format!("split: {b} tasks (web {web}, api {api}) on ")), "{text}");
}

#[test]
fn a_curve_is_checked_and_carried_by_links_and_workload_files() {
    // A service the workload does not have, a day short of 24 hours, a curve with hours.
    for (args, says) in [
        (vec!["--curve", "api:steady:3"], "--curve: \"api\" is not valid; expected the name of a service of the workload"),
        (vec!["--curve", "svc-1:2x23"], "--curve: \"svc-1:2x23\" is not valid"),
        (
            vec!["--curve", "svc-1:steady:3", "--hours", "300"],
            "--curve: \"svc-1:3x24\" is not valid; expected a curve says when the tasks run",
        ),
        (vec!["--ec2", "t3.large", "--curve", "svc-1:steady:3"], "--curve: t3.large is burstable"),
    ] {
        let out = cli(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says), "{args:?}: {err}");
    }
    // The curve's busiest hour is the service's count; the link and a saved answer reopen it.
    let answer = json(&["--service", "web:0.5:1:3", "--service", "api:1:2:2", "--curve", "web:business:6:1", "--capacity", "follow"]);
    assert_eq!(answer["inputs"]["service"], "web:0.5:1:6,api:1:2:2");
    assert_eq!(answer["inputs"]["curve"], "web:1x9.6x9.1x6/1x24");
    let link = format!("?service=web:0.5:1:6,api:1:2:2&curve={}&capacity=follow&v=3", answer["inputs"]["curve"].as_str().unwrap());
    assert_eq!(json(&["--url", &link]), answer);
    // On auto, a burstable auto choice gives way to the cheapest type curves price.
    assert!(answer["curve"]["instance_type"].as_str().is_some_and(|t| !t.starts_with('t')));
}
