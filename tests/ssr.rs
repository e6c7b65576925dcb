//! Components rendered to HTML natively (yew's server renderer), and the
//! break-even chart's SVG with its crossings where the numbers put them.

use fargate_vs_ec2::app::App;
use fargate_vs_ec2::chart::{self, lines as chart_lines};
use fargate_vs_ec2::estimate::{self, Estimate};
use fargate_vs_ec2::export;
use fargate_vs_ec2::i18n::{self, Lang};
use fargate_vs_ec2::inputs::Inputs;
use fargate_vs_ec2::options::Opt;
use fargate_vs_ec2::pricing::{Manifest, RegionPrices};
use std::future::Future;
use std::rc::Rc;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};
use yew::LocalServerRenderer;

/// Runs a future to completion on this thread (the renderer needs no more).
fn block_on<F: Future>(future: F) -> F::Output {
    struct Noop;
    impl Wake for Noop {
        fn wake(self: Arc<Self>) {}
    }
    let waker = Waker::from(Arc::new(Noop));
    let mut cx = Context::from_waker(&waker);
    let mut future = std::pin::pin!(future);
    loop {
        if let Poll::Ready(out) = future.as_mut().poll(&mut cx) {
            return out;
        }
    }
}

/// The options table as the page renders it (a view function, not a component:
/// the server renderer wants a component around it).
fn options_table_html(estimate: Estimate, lang: Lang) -> String {
    #[derive(yew::Properties, PartialEq)]
    struct Props {
        estimate: Rc<Estimate>,
        lang: Lang,
    }
    #[yew::function_component]
    fn Table(props: &Props) -> yew::Html {
        fargate_vs_ec2::app::options_table::options_table(&props.estimate, props.lang, false)
    }
    block_on(LocalServerRenderer::<Table>::with_props(Props { estimate: Rc::new(estimate), lang }).render())
}

fn estimate_for(args: &[(&str, &str)]) -> Estimate {
    let mut inputs = Inputs::default();
    for (k, v) in args {
        inputs.set(Opt::from_name(k).unwrap(), v).unwrap();
    }
    let manifest = Manifest::bundled().unwrap();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("pricing");
    let ec2 = RegionPrices::read_all(|path| Ok(std::fs::read_to_string(dir.join(path)).unwrap()), &inputs.region, inputs.platform).unwrap();
    estimate::estimate(&inputs, &manifest, &ec2).unwrap()
}

#[test]
fn first_render_shows_the_controls_and_says_it_is_loading_ec2_prices() {
    let html = block_on(LocalServerRenderer::<App>::new().render());
    assert!(html.contains("Loading prices for us-east-1…"), "{html}");
    assert!(html.contains(">1 vCPU<") && html.contains(">2 GiB<"), "default task size");
    assert!(html.contains("730 h (100% of the month)"), "default hours");
    assert!(html.contains("Europe (Frankfurt) eu-central-1"), "regions by name");
    // No region without Fargate prices pretends to have them.
    assert!(html.contains("Asia Pacific (New Zealand) ap-southeast-6 (no Fargate prices)"), "{html}");
    assert!(html.contains("Asia Pacific (Thailand) ap-southeast-7<"), "{html}");
}

#[test]
fn options_table_renders_every_option_with_the_cli_numbers() {
    let e = estimate_for(&[]);
    let html = options_table_html(e.clone(), Lang::En);
    // Fargate on-demand: 10 × 730 × 0.04937 = $360.40; the fleet and its monthly cost from the same estimate.
    assert!(html.contains("$360.40"), "{html}");
    let od = e.evaluation.ec2.monthly(fargate_vs_ec2::model::ec2::PurchaseOption::OnDemand).unwrap();
    assert!(html.contains(&fargate_vs_ec2::format::usd(od)));
    // Four columns: the fleet itself is the packing sentence's, above the table.
    assert_eq!(html.matches("<th scope=\"col\">").count(), 4, "{html}");
    assert!(html.contains(">per task-hour<"), "{html}");
    for id in ["fargate-on-demand", "fargate-spot", "ec2-on-demand", "ec2-reserved-1y", "ec2-reserved-3y", "ec2-spot"] {
        assert!(html.contains(&format!("id=\"{id}\"")), "row {id}");
    }
}

#[test]
fn a_windows_table_has_no_fargate_spot_row() {
    let e = estimate_for(&[("platform", "windows"), ("cpu", "2"), ("mem", "4")]);
    let html = options_table_html(e, Lang::En);
    assert!(!html.contains("id=\"fargate-spot\""));
}

/// The crossings are drawn where the break-even hours put them: x grows
/// linearly with hours across the plot, so the crosses keep their order and
/// their spacing in proportion to the hours.
#[test]
fn chart_marks_each_break_even_at_its_hours() {
    let e = estimate_for(&[]);
    let (series, crossings) = chart_lines::hours_lines(&e, Lang::En);
    assert!(crossings.len() >= 3, "{crossings:?}");
    let svg = chart::cost_by_hours(Lang::En, &series, 730.0, &crossings).flat();
    for c in &crossings {
        assert!(svg.contains(&c.label), "label {}", c.label);
    }
    // Each crossing's label is drawn at a fixed offset from its cross: read its x.
    let centre = |label: &str| -> f64 {
        let text = svg.split("<text").find(|t| t.contains(&format!(">{label}<"))).expect(label);
        text.split("x=\"").nth(1).and_then(|r| r.split('"').next()).and_then(|v| v.parse().ok()).expect("an x attribute")
    };
    let points: Vec<(f64, f64)> = crossings.iter().map(|c| (c.hours, centre(&c.label))).collect();
    // Two crossings fix the scale; every other one must sit on the same line.
    let (h0, x0) = points[0];
    let (h1, x1) = points[1];
    let scale = (x1 - x0) / (h1 - h0);
    assert!(scale > 0.5 && scale < 1.0, "about 612 px for 730 h: {scale}");
    // 0 h is the plot's left edge (84 px in) less the label's 20 px offset.
    let zero = x0 - h0 * scale;
    assert!((zero - 64.0).abs() <= 3.0, "0 h would be at x={zero}");
    for &(h, x) in &points[2..] {
        let expected = x0 + (h - h0) * scale;
        assert!((x - expected).abs() <= 1.5, "cross for {h} h at x={x}, expected {expected}");
    }
}

#[test]
fn the_task_count_chart_steps_up_one_instance_at_a_time() {
    // Defaults: 2 tasks per instance, at least 2 instances, 30 GiB of gp3 each ($2.40):
    // EC2 on-demand costs the same for 1–4 tasks (2 instances), then one instance
    // more every 2 tasks.
    let e = estimate_for(&[]);
    let tpi = e.evaluation.ec2.packing.unwrap().tasks_per_instance;
    assert_eq!(tpi, 2);
    let lines = chart_lines::tasks_lines(&e, Lang::En);
    let od = lines.iter().find(|s| s.label.starts_with("EC2 on-demand")).unwrap();
    let hourly = e.evaluation.ec2.candidate.hourly.on_demand;
    // Each step is two points, (first count, cost) and (where the next cost
    // starts, same cost): 1–4 tasks, then 5–6, 7–8, … 19–20. Nine steps, not
    // one per count, and they tile 1…20 with a new cost each.
    let steps: Vec<&[(f64, f64)]> = od.points.chunks(2).collect();
    assert_eq!(steps.len(), 9, "{:?}", od.points);
    assert_eq!((steps[0][0].0, steps[8][1].0), (1.0, 20.0));
    for pair in steps.windows(2) {
        assert_eq!(pair[0][1].0, pair[1][0].0, "steps meet");
        assert_ne!(pair[0][1].1, pair[1][0].1, "a step is a change of cost");
    }
    let cost_at = |tasks: f64| steps.iter().find(|s| s[0].0 <= tasks && (tasks < s[1].0 || s[1].0 == 20.0)).unwrap()[0].1;
    for tasks in 1..=20u32 {
        let instances = f64::from(tasks.div_ceil(tpi).max(2));
        assert!((cost_at(f64::from(tasks)) - instances * (hourly * 730.0 + 30.0 * 0.08)).abs() < 1e-9, "{tasks} tasks");
    }
    // Fargate: a straight line through 0, at 20 tasks 20 × 730 × 0.04937.
    let fargate = &lines[0];
    assert_eq!(fargate.points[0], (0.0, 0.0));
    assert!((fargate.points[1].1 - 20.0 * 730.0 * 0.04937).abs() < 1e-9);
    let svg = chart::cost_by_tasks(Lang::En, &lines, 10.0, 20.0).flat();
    assert!(svg.contains(">tasks</text>"), "x axis named: {svg}");
}

#[test]
fn the_csv_has_a_row_per_hour_and_a_column_per_option_with_units() {
    let e = estimate_for(&[]);
    let csv = export::hours_csv(&e);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 1 + 731, "header and hours 0–730");
    assert_eq!(
        lines[0],
        "hours_per_task,fargate_on_demand_usd_per_month,fargate_spot_usd_per_month,fargate_savings_plan_1y_usd_per_month,fargate_savings_plan_3y_usd_per_month,\
         ec2_on_demand_usd_per_month,ec2_reserved_1y_usd_per_month,ec2_reserved_3y_usd_per_month,ec2_spot_usd_per_month,\
         managed_on_demand_usd_per_month,managed_reserved_1y_usd_per_month,managed_reserved_3y_usd_per_month,managed_spot_usd_per_month"
    );
    // At 365 h: Fargate on-demand 10 × 365 × 0.04937 = 180.2005; EC2 on-demand flat (always on).
    let row: Vec<f64> = lines[1 + 365].split(',').map(|v| v.parse().unwrap()).collect();
    assert_eq!(row[0], 365.0);
    assert!((row[1] - 180.2005).abs() < 1e-9);
    assert!((row[5] - e.evaluation.ec2.monthly(fargate_vs_ec2::model::ec2::PurchaseOption::OnDemand).unwrap()).abs() < 1e-9);
    assert_eq!(export::file_stem(&e), format!("fargate-vs-ec2_us-east-1_linux-x86_10x1vcpu-2gib_730h_{}", e.evaluation.ec2.candidate.name));
}

/// English words left in Chinese text, once product names, units and
/// identifiers (instance types, region codes) are taken out.
fn english_in(text: &str) -> Vec<String> {
    const KEPT: [&str; 12] = ["Fargate", "EC2", "AWS", "Spot", "vCPU", "GiB", "MiB", "Linux", "ARM", "Windows", "US", "CPU"];
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '-' || c == '/'))
        .filter(|w| !w.contains('.'))
        .flat_map(|w| w.split('/'))
        .filter(|w| w.chars().filter(char::is_ascii_alphabetic).count() >= 2)
        .filter(|w| !KEPT.contains(w) && !w.contains('-') && !w.starts_with("x86"))
        .map(String::from)
        .collect()
}

#[test]
fn in_chinese_the_verdict_and_the_table_say_the_same_numbers_in_chinese() {
    let e = estimate_for(&[]);
    let verdict = i18n::verdict::verdict(&e, Lang::Zh);
    let od = e.evaluation.ec2.monthly(fargate_vs_ec2::model::ec2::PurchaseOption::OnDemand).unwrap();
    let fleet = format!("{} × {}", e.evaluation.ec2.instances, e.evaluation.ec2.candidate.name);
    // The same sentence as the English one, number for number.
    assert!(
        verdict.starts_with(&format!("每月 730 小时时，EC2 按需（{fleet}）最便宜，为 {}；Fargate 的费用是 US$360.40，", Lang::Zh.usd(od))),
        "{verdict}"
    );
    assert!(english_in(&verdict).is_empty(), "{verdict}: {:?}", english_in(&verdict));
    let html = options_table_html(e.clone(), Lang::Zh);
    assert!(html.contains("US$360.40") && html.contains("Fargate 按需") && html.contains("EC2 预留 3 年"), "{html}");
    let text: String = html.split('<').map(|part| part.split_once('>').map_or(part, |(_, text)| text)).collect::<Vec<_>>().join(" ");
    assert!(english_in(&text).is_empty(), "{:?}", english_in(&text));
    assert_eq!(english_in("EC2 按需 costs US$1 at 730 h, t3a.large"), ["costs", "at"], "the check itself finds English");
}
