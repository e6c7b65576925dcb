//! Properties of the cost model over generated inputs, with the real
//! us-east-1 prices: no panic, NaN or negative money; Fargate is linear in
//! hours; EC2 never gets cheaper with more tasks; the break-even is where the
//! two lines cross; the types a region file leaves to its outclassed companion
//! never win, in any region.  And the option parser, the link decoder, the CLI parser
//! and the pricing files' JSON reader take any string without panicking.

use fargate_vs_ec2::estimate;
use fargate_vs_ec2::inputs::Inputs;
use fargate_vs_ec2::model::credits::CreditMode;
use fargate_vs_ec2::model::ec2::{Capacity, Overheads, PurchaseOption};
use fargate_vs_ec2::model::fargate::FargateOption;
use fargate_vs_ec2::model::line::{Launch, Line};
use fargate_vs_ec2::model::packing::{instances_needed, pack, Daemons, NetworkMode};
use fargate_vs_ec2::model::platform::Platform;
use fargate_vs_ec2::model::scenario::{evaluate, fleet, Candidate, FargateOptions, InstanceChoice, Scenario, Service, SidePrices};
use fargate_vs_ec2::model::task_size::TaskSize;
use fargate_vs_ec2::model::usage::Usage;
use fargate_vs_ec2::options::Opt;
use fargate_vs_ec2::pricing::{region_file, Manifest, RegionPrices};
use proptest::prelude::*;
use std::sync::OnceLock;

struct Priced {
    rates: FargateOptions,
    side: SidePrices,
    candidates: Vec<Candidate>,
}

fn committed(path: &str) -> Result<String, String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("pricing");
    std::fs::read_to_string(dir.join(path)).map_err(|e| format!("{path}: {e}"))
}

/// Every us-east-1 Linux/x86 type, outclassed ones too.
fn us_east_1_x86() -> &'static Priced {
    static PRICED: OnceLock<Priced> = OnceLock::new();
    PRICED.get_or_init(|| {
        let ec2 = RegionPrices::read_all(committed, "us-east-1", Platform::LinuxX86).unwrap();
        Priced {
            rates: estimate::fargate_options(ec2.fargate.as_ref().unwrap(), 200).unwrap(),
            side: ec2.side_prices(),
            candidates: estimate::candidates(&ec2),
        }
    })
}

/// A committed region file: its platform, its types, and every type with its companion's.
type SplitFile = (Platform, Vec<Candidate>, Vec<Candidate>);

fn every_region_file() -> &'static Vec<SplitFile> {
    static FILES: OnceLock<Vec<SplitFile>> = OnceLock::new();
    FILES.get_or_init(|| {
        let manifest = Manifest::bundled().unwrap();
        let mut files = Vec::new();
        for region in &manifest.regions {
            for &platform in region.ec2_types.keys() {
                let kept = RegionPrices::parse(&committed(&region_file(&region.code, platform)).unwrap()).unwrap();
                let all = RegionPrices::read_all(committed, &region.code, platform).unwrap();
                files.push((platform, estimate::candidates(&kept), estimate::candidates(&all)));
            }
        }
        files
    })
}

fn sizes() -> Vec<TaskSize> {
    TaskSize::all().collect()
}

/// The purchase options some us-east-1 type has a price for (the committed
/// snapshot has no EC2 Savings Plans rates until a refresh brings them).
fn priced_options() -> Vec<PurchaseOption> {
    let candidates = &us_east_1_x86().candidates;
    PurchaseOption::ALL.into_iter().filter(|&o| candidates.iter().any(|c| c.hourly.get(o).is_some())).collect()
}

prop_compose! {
    fn scenarios()(
        size in proptest::sample::select(sizes()),
        storage in 20u32..=200,
        tasks in 1u32..=2000,
        hours in 0.0f64..=730.0,
        buy in proptest::sample::select(priced_options()),
        follow in any::<bool>(),
        min in 0u32..=5,
        reserved in 0u32..=2048,
        net in proptest::sample::select(NetworkMode::ALL.to_vec()),
        extra in 0.0f64..100.0,
        ops in 0.0f64..40.0,
        cpu_use in prop_oneof![Just(1.0), 0.01f64..=1.0],
        credits in proptest::sample::select(CreditMode::ALL.to_vec()),
        public_ip in any::<bool>(),
        ebs_gib in prop_oneof![Just(30u32), 0u32..=200],
    ) -> Scenario {
        Scenario {
            platform: Platform::LinuxX86,
            services: vec![Service { size, storage_gib: storage, cpu_use, tasks, sidecars: false }],
            daemons: Daemons::NONE,
            headroom_percent: 0,
            usage: Usage::Hours(hours),
            instance: InstanceChoice::Auto,
            buy,
            capacity: if follow && buy.can_follow_tasks() { Capacity::FollowTasks } else { Capacity::AlwaysOn },
            min_instances: min,
            reserved_mib: reserved,
            network: net,
            credits,
            public_ip,
            ebs_gib,
            overheads: Overheads { extra_per_instance: extra, ops_hours: ops, ops_rate: 100.0 },
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// The page answers from a region file before (or without) loading its
    /// outclassed companion: the answer must be the one every type gives,
    /// down to the type, the fleet and every cost. Idle hours (every fleet
    /// costs only its overheads) are where ties are most likely.
    #[test]
    fn outclassed_types_never_win(s in scenarios(), file in any::<prop::sample::Index>(), hours in prop_oneof![Just(0.0), Just(730.0), 0.0f64..=730.0]) {
        let files = every_region_file();
        let (platform, kept, all) = &files[file.index(files.len())];
        let s = Scenario { platform: *platform, usage: Usage::Hours(hours), ..s };
        let (rates, side) = (&us_east_1_x86().rates, &us_east_1_x86().side);
        prop_assert_eq!(evaluate(&s, rates, side, kept), evaluate(&s, rates, side, all));
    }
}

fn money_ok(x: f64) -> bool {
    x.is_finite() && x >= 0.0
}

/// Runs `check` on `cases` generated values and returns how many it really
/// checked (it says `Ok(true)`; `Ok(false)`: the value has no answer to check,
/// e.g. no instance type holds the task). Prints the count, so a run shows
/// what a property covered, and fails when under `min_share` of the cases.
fn checked<S: Strategy>(name: &str, cases: u32, min_share: f64, strategy: S, check: impl Fn(S::Value) -> Result<bool, TestCaseError>) {
    let count = std::sync::atomic::AtomicU32::new(0);
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(cases));
    let result = runner.run(&strategy, |value| {
        if check(value)? {
            count.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{name}: {e}");
    }
    let count = count.into_inner();
    eprintln!("{name}: {count} of {cases} generated cases checked");
    assert!(f64::from(count) >= min_share * f64::from(cases), "{name}: only {count} of {cases} cases had an answer to check");
}

prop_compose! {
    /// Up to 6 services of any size on Linux, with daemons and headroom.
    fn workloads()(
        s in scenarios(),
        more in proptest::collection::vec((proptest::sample::select(sizes()), 1u32..=40, 0.01f64..=1.0, any::<bool>()), 1..6),
        daemon_cpu in prop_oneof![Just(0u32), 0u32..=512],
        daemon_mem in prop_oneof![Just(0u32), 0u32..=1024],
        headroom in prop_oneof![Just(0u32), 0u32..=100],
    ) -> Scenario {
        let mut services = vec![Service { tasks: s.services[0].tasks.min(200), ..s.services[0].clone() }];
        services.extend(more.into_iter().map(|(size, tasks, cpu_use, sidecars)| Service { size, storage_gib: 20, cpu_use, tasks, sidecars }));
        Scenario { services, daemons: Daemons { cpu_units: daemon_cpu, memory_mib: daemon_mem }, headroom_percent: headroom, ..s }
    }
}

#[test]
fn several_services_give_sane_money_and_fargate_is_their_sum() {
    let p = us_east_1_x86();
    checked("several_services_give_sane_money_and_fargate_is_their_sum", 256, 0.5, workloads(), |s| {
        let Ok(e) = evaluate(&s, &p.rates, &p.side, &p.candidates) else { return Ok(false) };
        for line in Line::ALL {
            prop_assert!(e.monthly(line).is_none_or(money_ok));
        }
        let sum: f64 = (0..s.services.len()).map(|k| e.fargate.service_monthly(k, FargateOption::OnDemand).unwrap()).sum();
        prop_assert!((sum - e.fargate.on_demand()).abs() <= 1e-9 * sum.max(1.0));
        let f = &e.ec2;
        prop_assert!(f.instances >= f.placement.lower_bound && f.instances >= s.min_instances);
        prop_assert!((0.0..=1.0).contains(&f.idle.vcpu) && (0.0..=1.0).contains(&f.idle.memory));
        prop_assert_eq!(f.placed().iter().map(|(n, _)| n).sum::<u32>(), f.instances);
        Ok(true)
    });
}

#[test]
fn a_service_split_in_two_is_the_same_workload() {
    let p = us_east_1_x86();
    checked("a_service_split_in_two_is_the_same_workload", 256, 0.5, (workloads(), any::<prop::sample::Index>()), |(s, cut)| {
        let first = &s.services[0];
        prop_assume!(first.tasks >= 2);
        let k = 1 + cut.index(first.tasks as usize - 1) as u32;
        let mut split = s.clone();
        split.services[0].tasks = k;
        split.services.insert(1, Service { tasks: first.tasks - k, ..first.clone() });
        let (Ok(a), Ok(b)) = (evaluate(&s, &p.rates, &p.side, &p.candidates), evaluate(&split, &p.rates, &p.side, &p.candidates)) else {
            return Ok(false);
        };
        prop_assert!((a.fargate.on_demand() - b.fargate.on_demand()).abs() <= 1e-9 * a.fargate.on_demand().max(1.0));
        let named = |x: &Scenario| Scenario { instance: InstanceChoice::Named(a.ec2.candidate.name.clone()), ..x.clone() };
        let (Ok(a), Ok(b)) =
            (evaluate(&named(&s), &p.rates, &p.side, &p.candidates), evaluate(&named(&split), &p.rates, &p.side, &p.candidates))
        else {
            return Ok(false);
        };
        // Headroom is rounded down per service, so only without it is the fleet the same.
        if s.headroom_percent == 0 {
            prop_assert_eq!(a.ec2.placement.lower_bound, b.ec2.placement.lower_bound);
            prop_assert_eq!(a.ec2.instances, b.ec2.instances);
        }
        Ok(true)
    });
}

#[test]
fn no_nan_or_negative_money() {
    let p = us_east_1_x86();
    // Some scenarios have no candidate (a 16 vCPU task in awsvpc-trunking, say): that is an error, not a panic.
    checked("no_nan_or_negative_money", 256, 0.8, scenarios(), |s| {
        let Ok(e) = evaluate(&s, &p.rates, &p.side, &p.candidates) else { return Ok(false) };
        prop_assert!(money_ok(e.fargate.on_demand()) && e.fargate.task_hour() > 0.0);
        for line in Line::ALL {
            prop_assert!(e.monthly(line).is_none_or(money_ok));
            let Some((launch, o)) = line.fleet() else { continue };
            if let Some(b) = e.break_even_of(launch, o) {
                prop_assert!((0.0..=730.0).contains(&b.above) && b.below.is_none_or(|below| below > b.above && below < 730.0));
            }
        }
        prop_assert!(e.ec2.instances >= s.min_instances.max(1));
        prop_assert!(e.ec2.utilisation.vcpu <= 1.0 + 1e-12 && e.ec2.utilisation.memory <= 1.0 + 1e-12);
        Ok(true)
    });
}

#[test]
fn fargate_is_linear_in_hours() {
    let p = us_east_1_x86();
    checked("fargate_is_linear_in_hours", 256, 0.9, (scenarios(), 0.0f64..365.0, 0.0f64..365.0), |(s, a, b)| {
        let at = |h: f64| {
            let s = Scenario { usage: Usage::Hours(h), instance: InstanceChoice::Auto, network: NetworkMode::Bridge, ..s.clone() };
            evaluate(&s, &p.rates, &p.side, &p.candidates).map(|e| e.fargate.on_demand())
        };
        let (Ok(fa), Ok(fb), Ok(fab)) = (at(a), at(b), at(a + b)) else { return Ok(false) };
        prop_assert!((fa + fb - fab).abs() <= 1e-9 * fab.max(1.0));
        Ok(true)
    });
}

#[test]
fn ec2_never_gets_cheaper_with_more_tasks() {
    let p = us_east_1_x86();
    checked("ec2_never_gets_cheaper_with_more_tasks", 256, 0.8, (scenarios(), 0usize..2000), |(s, i)| {
        let candidate = &p.candidates[i % p.candidates.len()];
        let billed = s.usage.billed_hours();
        let mut more = s.clone();
        more.services[0].tasks += 1;
        let mut checked = false;
        if let (Some(a), Some(b)) = (fleet(&s, &p.side, candidate, billed), fleet(&more, &p.side, candidate, billed)) {
            prop_assert!(b.instances >= a.instances);
            for launch in Launch::ALL {
                for o in PurchaseOption::ALL {
                    if let (Some(x), Some(y)) = (a.total(launch, o), b.total(launch, o)) {
                        prop_assert!(
                            y >= x - 1e-9,
                            "{} {:?}: {} tasks ${} but {} tasks ${}",
                            candidate.name,
                            o,
                            s.tasks(),
                            x,
                            more.tasks(),
                            y
                        );
                    }
                }
            }
        }
        // And the cheapest fleet (auto) is never cheaper for more tasks either.
        if let (Ok(a), Ok(b)) = (evaluate(&s, &p.rates, &p.side, &p.candidates), evaluate(&more, &p.rates, &p.side, &p.candidates)) {
            prop_assert!(b.ec2.monthly(s.buy).unwrap() >= a.ec2.monthly(s.buy).unwrap() - 1e-9);
            checked = true;
        }
        Ok(checked)
    });
}

#[test]
fn every_total_is_the_sum_of_its_parts_worked_out_here() {
    let p = us_east_1_x86();
    checked("every_total_is_the_sum_of_its_parts_worked_out_here", 256, 0.8, scenarios(), |s| {
        let Ok(e) = evaluate(&s, &p.rates, &p.side, &p.candidates) else { return Ok(false) };
        let (f, h) = (&e.ec2, e.fargate.billed_hours);
        let n = f64::from(f.instances);
        // One service packs as one size always has: ⌈tasks ÷ tasks per instance⌉, or the minimum.
        let per = pack(&f.candidate.shape, s.services[0].size, s.reserved_mib, s.network).unwrap().tasks_per_instance;
        prop_assert_eq!(f.instances, instances_needed(s.services[0].tasks, per, s.min_instances));
        let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0);
        // Fargate: tasks × hours × (the task's rate + an address where wanted).
        let fargate = e.fargate.bill(FargateOption::OnDemand).unwrap();
        let one = &s.services[0];
        prop_assert!(close(fargate.tasks, f64::from(one.tasks) * h * e.fargate.task_hour()));
        let address = if s.public_ip { p.side.public_ipv4_hour.unwrap() } else { 0.0 };
        prop_assert!(close(fargate.public_ipv4.unwrap(), f64::from(one.tasks) * h * address));
        prop_assert!(close(e.fargate.on_demand(), fargate.tasks + fargate.public_ipv4.unwrap()));
        for launch in Launch::ALL {
            for o in PurchaseOption::ALL {
                let Some(bill) = f.bill(launch, o) else { continue };
                let follows = s.capacity == Capacity::FollowTasks && o.can_follow_tasks();
                let instance_hours = if follows { h } else { 730.0 };
                let fee = if launch == Launch::Managed { f.candidate.managed_fee.unwrap() } else { 0.0 };
                prop_assert!(close(bill.instances, n * f.candidate.hourly.get(o).unwrap() * instance_hours));
                prop_assert!(close(bill.management_fee, n * fee * instance_hours));
                prop_assert!(close(bill.ebs.unwrap(), n * f64::from(s.ebs_gib) * p.side.ebs_gb_month.unwrap() * instance_hours / 730.0));
                prop_assert!(close(bill.public_ipv4.unwrap(), n * address * instance_hours));
                prop_assert!(close(bill.extra, n * s.overheads.extra_per_instance));
                let ops = if launch == Launch::Ec2 { s.overheads.ops_hours * s.overheads.ops_rate } else { 0.0 };
                prop_assert!(close(bill.ops, ops));
                // Credits: each instance's tasks' use over the hours, beyond what its baseline earns.
                let credits = match (f.candidate.burst, s.credits) {
                    (Some(b), CreditMode::Unlimited) => {
                        let (each, more) = (one.tasks / f.instances, one.tasks % f.instances);
                        let used = |tasks: u32| f64::from(tasks) * one.size.vcpu() * one.cpu_use;
                        let surplus = |tasks: u32| (used(tasks) * h - b.baseline_vcpu * instance_hours).max(0.0);
                        b.surplus_vcpu_hour * (f64::from(f.instances - more) * surplus(each) + f64::from(more) * surplus(each + 1))
                    }
                    _ => 0.0,
                };
                prop_assert!(close(bill.cpu_credits, credits), "{} {:?}: {} against {}", f.candidate.name, o, bill.cpu_credits, credits);
                let sum = bill.instances
                    + bill.management_fee
                    + bill.cpu_credits
                    + bill.ebs.unwrap()
                    + bill.public_ipv4.unwrap()
                    + bill.extra
                    + bill.ops;
                prop_assert!(close(bill.total(), sum) && f.total(launch, o) == Some(bill.total()));
                // The chart's line is the same bill at every hours value.
                let line = e.line(launch.line(o)).unwrap();
                prop_assert!(close(line.at(h), bill.total()));
            }
        }
        Ok(true)
    });
}

#[test]
fn break_even_is_where_the_lines_cross() {
    let p = us_east_1_x86();
    checked("break_even_is_where_the_lines_cross", 256, 0.8, scenarios(), |s| {
        let Ok(e) = evaluate(&s, &p.rates, &p.side, &p.candidates) else { return Ok(false) };
        let fargate = e.line(Line::REFERENCE).unwrap();
        for launch in Launch::ALL {
            for o in PurchaseOption::ALL {
                let Some(fleet) = e.line(launch.line(o)) else { continue };
                let until = e.ec2.until(o);
                let cheaper = |h: f64| fleet.at(h) < fargate.at(h) - 1e-9 * fargate.at(h).max(1.0);
                let dearer = |h: f64| fleet.at(h) > fargate.at(h) + 1e-9 * fargate.at(h).max(1.0);
                let hours = (0..=730).map(f64::from).filter(|&h| h <= until);
                match e.break_even_of(launch, o) {
                    Some(b) => {
                        let scale = fleet.at(b.above).max(1.0);
                        prop_assert!(b.above == 0.0 || (fleet.at(b.above) - fargate.at(b.above)).abs() <= 1e-6 * scale, "at {} h", b.above);
                        let end = b.below.unwrap_or(until);
                        for h in hours {
                            if h < b.above - 1e-6 || h > end + 1e-6 {
                                prop_assert!(!cheaper(h), "{launch:?} {o:?} cheaper at {h} h, outside {b:?}");
                            } else if h > b.above + 1e-6 && h < end - 1e-6 {
                                prop_assert!(!dearer(h), "{launch:?} {o:?} dearer at {h} h, inside {b:?}");
                            }
                        }
                    }
                    None => {
                        for h in hours {
                            prop_assert!(!cheaper(h), "{launch:?} {o:?}: no break-even, yet cheaper at {h} h");
                        }
                    }
                }
            }
        }
        Ok(true)
    });
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn option_parser_never_panics(query in ".{0,200}", option in proptest::sample::select(Opt::ALL.to_vec()), value in "\\PC{0,30}") {
        let _ = Inputs::from_query(&query);
        let mut i = Inputs::default();
        match i.set(option, &value) {
            Ok(()) => { let _ = i.scenario(); }
            Err(e) => prop_assert!(!e.to_string().contains('\n')),
        }
    }
}

mod share_links {
    use fargate_vs_ec2::inputs::{Inputs, ServiceInputs};
    use fargate_vs_ec2::model::credits::CreditMode;
    use fargate_vs_ec2::model::curve::{Above, Week};
    use fargate_vs_ec2::model::ec2::{Capacity, PurchaseOption};
    use fargate_vs_ec2::model::packing::NetworkMode;
    use fargate_vs_ec2::model::platform::Platform;
    use fargate_vs_ec2::model::task_size::TaskSize;
    use fargate_vs_ec2::share_link::{decode, encode};
    use proptest::prelude::*;

    prop_compose! {
        /// Any state the page can be in.
        fn states()(
            region in "[a-z]{2}-[a-z]{4,9}-[1-9]",
            platform in proptest::sample::select(Platform::ALL.to_vec()),
            size in proptest::sample::select(TaskSize::all().collect::<Vec<_>>()),
            disk in 20u32..=200,
            tasks in 1u32..=10_000,
            hours in 0.0f64..=730.0,
            runs in proptest::option::of(1u32..=8_760),
            minutes in 0.0f64..=5.0,
            ec2 in prop_oneof![Just("auto".to_string()), "[a-z][0-9][a-z]{0,3}\\.(nano|micro|small|medium|large|[1-9]?xlarge)"],
            buy in proptest::sample::select(PurchaseOption::ALL.to_vec()),
            follow in any::<bool>(),
            min in 0u32..=1000,
            reserve in 0u32..=65_536,
            net in proptest::sample::select(NetworkMode::ALL.to_vec()),
            extra in 0.0f64..=1e6,
            ops in 0.0f64..=1e4,
            rate in 0.0f64..=1e6,
            cpu_use in 1.0f64..=100.0,
            credits in proptest::sample::select(CreditMode::ALL.to_vec()),
            ip in any::<bool>(),
            ebs in 0u32..=16_384,
            more in proptest::collection::vec((proptest::sample::select(TaskSize::all().collect::<Vec<_>>()), 20u32..=200, 1u32..=500, 1.0f64..=100.0, any::<bool>()), 0..4),
            daemon_cpu in prop_oneof![Just(0.0), 0.0f64..=2.0],
            daemon_mem in 0u32..=2048,
            headroom in 0u32..=100,
            // Some services' weeks (a third of states have none), and how long an instance is kept.
            weeks in proptest::option::weighted(0.67, proptest::collection::vec(proptest::option::of(
                (proptest::array::uniform24(0u32..=20), proptest::array::uniform24(0u32..=20)).prop_map(|(weekday, weekend)| Week { weekday, weekend })
            ), 5)),
            scale_in in 0u32..=24,
            above in proptest::sample::select(Above::ALL.to_vec()),
        ) -> Inputs {
            let size = if platform == Platform::Windows && size.vcpu() < 1.0 { TaskSize::default() } else { size };
            let mut inputs = Inputs {
                region, platform, hours, runs, minutes, ec2, buy,
                services: std::iter::once(ServiceInputs { cpu: size.vcpu(), mem: size.memory_gib(), disk, tasks, cpu_use, ..ServiceInputs::default() })
                    .chain(more.into_iter().enumerate().map(|(k, (size, disk, tasks, cpu_use, sidecars))| {
                        let size = if platform == Platform::Windows && size.vcpu() < 1.0 { TaskSize::default() } else { size };
                        ServiceInputs { name: format!("s{k}"), cpu: size.vcpu(), mem: size.memory_gib(), disk, tasks, cpu_use, sidecars, week: None }
                    }))
                    .collect(),
                at: 0, daemon_cpu, daemon_mem, headroom,
                capacity: if follow && buy.can_follow_tasks() { Capacity::FollowTasks } else { Capacity::AlwaysOn },
                min, reserve, net, extra, ops, rate, credits, ip, ebs, scale_in, above,
            };
            // A curve runs its tasks hour by hour: all month, no schedule; its busiest hour is the count.
            if let Some(weeks) = weeks {
                for (service, week) in inputs.services.iter_mut().zip(weeks) {
                    service.week = week.filter(|w| w.peak() > 0);
                    if let Some(w) = service.week {
                        service.tasks = w.peak();
                    }
                }
                if inputs.weeks().is_some() {
                    (inputs.hours, inputs.runs) = (730.0, None);
                }
            }
            inputs
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn state_to_link_to_state_is_the_identity(state in states()) {
            prop_assume!(state.scenario().is_ok());
            let link = encode(&state);
            prop_assert_eq!(decode(&link), (state, vec![]));
        }

        #[test]
        fn any_string_decodes_to_a_valid_state(query in "\\PC{0,300}") {
            let (inputs, _) = decode(&query);
            prop_assert!(inputs.scenario().is_ok(), "{:?}", inputs);
        }

        /// A state the page saves as a workload file reopens as the same state.
        #[test]
        fn state_to_workload_file_to_state_is_the_identity(state in states()) {
            prop_assume!(state.scenario().is_ok());
            let text = fargate_vs_ec2::export::workload_json(&state);
            let mut read = Inputs::default();
            fargate_vs_ec2::workload_file::apply(&mut read, &text).unwrap();
            prop_assert_eq!(read, state);
        }

        #[test]
        fn any_text_is_a_workload_or_a_problem_that_changes_nothing(text in "\\PC{0,200}") {
            let mut inputs = Inputs::default();
            if fargate_vs_ec2::workload_file::apply(&mut inputs, &text).is_err() {
                prop_assert_eq!(inputs, Inputs::default());
            }
        }

        #[test]
        fn link_shaped_junk_decodes_to_a_valid_state(
            pairs in proptest::collection::vec((proptest::sample::select(fargate_vs_ec2::options::Opt::ALL.map(|o| o.name()).to_vec()), "\\PC{0,12}"), 0..12)
        ) {
            let query: Vec<String> = pairs.iter().map(|(n, v)| format!("{n}={v}")).collect();
            let (inputs, ignored) = decode(&query.join("&"));
            prop_assert!(inputs.scenario().is_ok(), "{:?}", inputs);
            prop_assert!(ignored.iter().all(|i| !i.reason.is_empty()));
        }
    }
}

/// Hostile input for the two parsers of untrusted text: share links and the
/// CLI's arguments. The test run tries 2,000 cases of each; `./dev fuzz` a
/// million (`FUZZ_CASES`), in release mode.
mod fuzz {
    use fargate_vs_ec2::cli::args as cli_args;
    use fargate_vs_ec2::options::Opt;
    use fargate_vs_ec2::share_link::{decode, is_embed, lang};
    use proptest::prelude::*;

    pub(super) fn config() -> ProptestConfig {
        let cases = std::env::var("FUZZ_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(2_000);
        ProptestConfig { cases, ..ProptestConfig::default() }
    }

    /// Parameter names: every real one, the page flags, and near misses.
    fn names() -> impl Strategy<Value = String> {
        let mut known: Vec<String> = Opt::ALL.iter().map(|o| o.name().to_string()).collect();
        known.extend(["lang", "embed", "v"].map(String::from));
        prop_oneof![proptest::sample::select(known), "[a-zA-Z%_]{0,8}"]
    }

    /// Values: any text, numbers in every notation, and broken percent-escapes.
    fn values() -> impl Strategy<Value = String> {
        prop_oneof![
            "\\PC{0,24}",
            "[-+]?[0-9]{0,12}(\\.[0-9]{0,8})?([eE][-+]?[0-9]{1,4})?",
            "(inf|-inf|NaN|nan|1e999|-0|0x1F|  7 |٣)",
            "(%[0-9A-Fa-f]{0,2}|%|&|=|#|\\?|\\+){1,6}",
        ]
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn a_link_of_any_text_gives_a_valid_state(query in "\\PC{0,400}") {
            let (inputs, ignored) = decode(&query);
            prop_assert!(inputs.scenario().is_ok(), "{:?}", inputs);
            prop_assert!(ignored.iter().all(|i| i.value.chars().count() <= 60 && !i.reason.is_empty()));
            let _ = (lang(&query), is_embed(&query));
        }

        #[test]
        fn a_link_shaped_query_gives_a_valid_state(pairs in proptest::collection::vec((names(), values()), 0..30), sep in "[&;]") {
            let query: Vec<String> = pairs.iter().map(|(n, v)| format!("{n}={v}")).collect();
            let (inputs, ignored) = decode(&query.join(&sep));
            prop_assert!(inputs.scenario().is_ok(), "{:?}", inputs);
            prop_assert!(ignored.iter().all(|i| !i.reason.is_empty()));
        }

        #[test]
        fn cli_arguments_parse_or_fail_in_one_line(
            args in proptest::collection::vec(prop_oneof![
                names().prop_map(|n| format!("--{n}")),
                (names(), values()).prop_map(|(n, v)| format!("--{n}={v}")),
                values(),
                Just("--url".to_string()),
                Just("--json".to_string()),
                Just("instances".to_string()),
            ], 0..14)
        ) {
            match cli_args::parse(&args) {
                Ok(cmd) => {
                    if let Err(e) = cmd.inputs.scenario() {
                        prop_assert!(!e.to_string().contains('\n'), "{e}");
                    }
                }
                Err(message) => prop_assert!(!message.is_empty() && !message.contains('\n'), "{message:?}"),
            }
        }
    }
}

/// `json` reads the pricing files in the app: it must read what serde_json
/// writes, and refuse anything else with an error rather than a panic.
mod json_reader {
    use fargate_vs_ec2::json::{parse, parse_all, Value};
    use fargate_vs_ec2::pricing::RegionPrices;
    use proptest::prelude::*;

    fn documents() -> impl Strategy<Value = serde_json::Value> {
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::Bool),
            any::<i64>().prop_map(|n| n.into()),
            any::<f64>().prop_filter("finite", |x| x.is_finite()).prop_map(|x| x.into()),
            "\\PC{0,12}|[\"\\\\/\u{0}-\u{1f}\u{7f}\u{2028}😀]{0,6}".prop_map(serde_json::Value::String),
        ];
        leaf.prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
                proptest::collection::vec(("\\PC{0,6}", inner), 0..6)
                    .prop_map(|members| serde_json::Value::Object(members.into_iter().collect())),
            ]
        })
    }

    /// What our reader should make of a serde_json value (numbers as f64).
    fn expected(v: &serde_json::Value) -> Value {
        match v {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(*b),
            serde_json::Value::Number(n) => Value::Number(n.as_f64().unwrap()),
            serde_json::Value::String(s) => Value::String(s.clone()),
            serde_json::Value::Array(items) => Value::Array(items.iter().map(expected).collect()),
            serde_json::Value::Object(m) => Value::Object(m.iter().map(|(k, v)| (k.clone(), expected(v))).collect()),
        }
    }

    /// One region's file, read once (a million cases in `./dev fuzz`).
    fn region_file() -> &'static str {
        static FILE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
        FILE.get_or_init(|| {
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/pricing/regions/eu-west-1/linux-arm.json")).unwrap()
        })
    }

    proptest! {
        #![proptest_config(super::fuzz::config())]

        #[test]
        fn reads_whatever_serde_json_writes(doc in documents()) {
            prop_assert_eq!(parse(&serde_json::to_string(&doc).unwrap()), Ok(expected(&doc)));
            prop_assert_eq!(parse(&serde_json::to_string_pretty(&doc).unwrap()), Ok(expected(&doc)));
        }

        /// Pasted outputs of several commands, pretty or not, whitespace between.
        #[test]
        fn documents_one_after_another_read_as_a_list(docs in proptest::collection::vec(documents(), 0..4), pretty: bool, gap in "[ \n\t]{1,2}") {
            let written: Vec<String> =
                docs.iter().map(|d| if pretty { serde_json::to_string_pretty(d) } else { serde_json::to_string(d) }.unwrap()).collect();
            let text = written.join(&gap);
            prop_assert_eq!(parse_all(&text), Ok(docs.iter().map(expected).collect::<Vec<_>>()));
        }

        #[test]
        fn any_text_is_a_value_or_an_error(text in "\\PC{0,300}") {
            let _ = parse(&text);
            let _ = parse_all(&text);
        }

        #[test]
        fn json_shaped_junk_is_a_value_or_an_error(
            tokens in proptest::collection::vec(prop_oneof![
                Just("[".to_string()), Just("]".to_string()), Just("{".to_string()), Just("}".to_string()),
                Just(",".to_string()), Just(":".to_string()), Just("null".to_string()), Just("\"".to_string()),
                "\"(\\\\(u[0-9a-fA-F]{0,4}|.)|\\PC){0,6}\"?",
                "-?[0-9]{0,3}(\\.[0-9]{0,3})?([eE][-+]?[0-9]{0,4})?",
            ], 0..40)
        ) {
            let text = tokens.concat();
            match parse(&text) {
                Ok(v) => prop_assert_eq!(serde_json::from_str::<serde_json::Value>(&text).map(|d| expected(&d)).ok(), Some(v)),
                Err(e) => prop_assert!(!e.is_empty()),
            }
        }

        /// A region file cut short or with a byte changed is an error, never a panic.
        #[test]
        fn a_damaged_region_file_is_an_error_or_valid(cut in 0usize..21_000, at in 0usize..21_000, byte in any::<u8>()) {
            let text = region_file();
            let mut bytes = text.as_bytes().to_vec();
            bytes.truncate(cut.min(bytes.len()));
            if let Some(b) = bytes.get_mut(at) {
                *b = byte;
            }
            if let Ok(text) = String::from_utf8(bytes) {
                let _ = RegionPrices::parse(&text);
            }
        }
    }
}

/// `decimal` replaces std's float parser in the page (json, inputs): it must
/// give the same bits for every number std reads, and refuse what std refuses.
mod decimal_text {
    use fargate_vs_ec2::decimal::parse;
    use proptest::prelude::*;

    fn same_as_std(text: &str) -> Result<(), TestCaseError> {
        let std = text.parse::<f64>().ok().filter(|_| !text.to_ascii_lowercase().contains(['i', 'n']));
        prop_assert_eq!(parse(text).map(f64::to_bits), std.map(f64::to_bits), "{}", text);
        Ok(())
    }

    /// The exact decimal halfway between `x` and the next f64 up: the inputs
    /// where rounding is hardest (ties go to the even mantissa).
    fn halfway_above(x: f64) -> String {
        let bits = x.to_bits();
        let (exponent, fraction) = ((bits >> 52) as i32, bits & ((1 << 52) - 1));
        let (mantissa, power) = if exponent == 0 { (fraction, -1074) } else { (fraction | 1 << 52, exponent - 1075) };
        // (2·mantissa + 1) · 2^(power − 1), written as digits · 10^scale.
        let mut limbs: Vec<u64> = vec![2 * mantissa + 1]; // base 10^9, least significant first
        let normalise = |limbs: &mut Vec<u64>| {
            let mut carry = 0;
            for limb in limbs.iter_mut() {
                *limb += carry;
                carry = *limb / 1_000_000_000;
                *limb %= 1_000_000_000;
            }
            while carry > 0 {
                limbs.push(carry % 1_000_000_000);
                carry /= 1_000_000_000;
            }
        };
        normalise(&mut limbs);
        let (factor, times, scale) = if power >= 1 { (2, power - 1, 0) } else { (5, 1 - power, power - 1) };
        for _ in 0..times {
            limbs.iter_mut().for_each(|l| *l *= factor);
            normalise(&mut limbs);
        }
        let mut digits = limbs.last().unwrap().to_string();
        for limb in limbs.iter().rev().skip(1) {
            digits.push_str(&format!("{limb:09}"));
        }
        format!("{digits}e{scale}")
    }

    proptest! {
        #![proptest_config(super::fuzz::config())]

        #[test]
        fn numbers_as_people_and_programs_write_them(
            text in "[-+]?[0-9]{0,24}(\\.[0-9]{0,24})?([eE][-+]?[0-9]{1,4})?"
        ) {
            same_as_std(&text)?;
        }

        #[test]
        fn every_f64_written_any_way(x in any::<f64>().prop_filter("finite", |x| x.is_finite()), digits in 0usize..25) {
            for text in [format!("{x}"), format!("{x:e}"), format!("{x:.digits$e}"), format!("{:.digits$}", x / 1e280)] {
                same_as_std(&text)?;
            }
        }

        #[test]
        fn halfway_between_two_f64s_and_just_past(x in any::<f64>().prop_filter("finite, not the largest", |x| x.is_finite() && x.abs() < f64::MAX)) {
            let tie = halfway_above(x.abs());
            same_as_std(&tie)?;
            let (digits, scale) = tie.split_once('e').unwrap();
            same_as_std(&format!("{digits}000001e{scale}"))?; // a hair above halfway
        }

        #[test]
        fn long_digit_runs(digits in "[0-9]{0,900}", point in 0usize..900, exponent in -700i32..700) {
            let point = point.min(digits.len());
            same_as_std(&format!("{}.{}e{exponent}", &digits[..point], &digits[point..]))?;
        }

        #[test]
        fn any_text_is_a_number_or_none(text in "\\PC{0,40}") {
            same_as_std(&text)?;
        }
    }
}

/// ECS's JSON with values of every form (`ecs_import`): an import or a
/// problem with its place, never a panic; an imported size is one Fargate
/// offers and holds what the definition asks, its storage within Fargate's.
mod ecs_json {
    use fargate_vs_ec2::ecs_import::{import, Imported};
    use fargate_vs_ec2::model::fargate::{FREE_STORAGE_GIB, MAX_STORAGE_GIB};
    use fargate_vs_ec2::model::task_size::TaskSize;
    use proptest::prelude::*;
    use serde_json::{json, Value};

    /// A value as ECS writes one, or near it: numbers, numbers as text with
    /// and without units, junk, null.
    fn amount() -> impl Strategy<Value = Value> {
        prop_oneof![
            6 => (0u32..20_000).prop_map(|n| json!(n)),
            6 => "[1-9][0-9]{0,3}".prop_map(Value::String),
            6 => "([1-9]|1[0-6])(\\.(25|5))? ?(vCPU|vcpu|GB|gb)".prop_map(Value::String),
            1 => "\\PC{0,8}".prop_map(Value::String),
            1 => (-1e6f64..1e6).prop_map(|x| json!(x)),
            1 => Just(Value::Null),
        ]
    }

    /// Mostly what ECS writes, sometimes something else.
    fn one_of(valid: &'static [&'static str], other: &'static [&'static str]) -> impl Strategy<Value = Option<&'static str>> {
        prop_oneof![4 => Just(None), 8 => proptest::sample::select(valid).prop_map(Some), 1 => proptest::sample::select(other).prop_map(Some)]
    }

    fn definition() -> impl Strategy<Value = Value> {
        let maybe = || proptest::option::weighted(0.3, amount());
        let container = (maybe(), maybe(), maybe());
        (
            proptest::option::weighted(0.8, amount()),
            proptest::option::weighted(0.8, amount()),
            proptest::collection::vec(container, 0..3),
            proptest::option::weighted(0.3, amount()),
            one_of(&["X86_64", "ARM64"], &["x86", ""]),
            one_of(&["LINUX", "WINDOWS_SERVER_2022_CORE"], &["MACOS"]),
            one_of(&["awsvpc", "bridge", "host"], &["nat"]),
            any::<bool>(),
        )
            .prop_map(|(cpu, memory, containers, storage, arch, os, network, wrapped)| {
                let mut d = json!({"family": "generated"});
                let set = |d: &mut Value, key: &str, v: Option<Value>| {
                    if let Some(v) = v {
                        d[key] = v;
                    }
                };
                set(&mut d, "cpu", cpu);
                set(&mut d, "memory", memory);
                let containers: Vec<Value> = containers
                    .into_iter()
                    .map(|(c, m, r)| {
                        let mut o = json!({"name": "c"});
                        set(&mut o, "cpu", c);
                        set(&mut o, "memory", m);
                        set(&mut o, "memoryReservation", r);
                        o
                    })
                    .collect();
                d["containerDefinitions"] = Value::Array(containers);
                set(&mut d, "ephemeralStorage", storage.map(|s| json!({ "sizeInGiB": s })));
                let mut runtime = json!({});
                set(&mut runtime, "cpuArchitecture", arch.map(|a| json!(a)));
                set(&mut runtime, "operatingSystemFamily", os.map(|o| json!(o)));
                d["runtimePlatform"] = runtime;
                set(&mut d, "networkMode", network.map(|n| json!(n)));
                if wrapped {
                    json!({ "taskDefinition": d, "tags": [] })
                } else {
                    d
                }
            })
    }

    #[test]
    fn a_task_definition_of_any_values_is_a_fargate_size_or_a_problem() {
        super::checked("ecs_task_definition_of_any_values", 2_000, 0.12, definition(), |d| {
            let text = serde_json::to_string(&d).unwrap();
            match import(&text) {
                Ok(Imported::TaskDefinition(t)) => {
                    let (cpu, mib) = t.asked;
                    prop_assert!(t.size.cpu_units() >= cpu && t.size.memory_mib() >= mib, "{text}: {t:?}");
                    prop_assert_eq!(Some(t.size), TaskSize::smallest_holding(cpu, mib));
                    prop_assert!(t.storage_gib.is_none_or(|g| (FREE_STORAGE_GIB..=MAX_STORAGE_GIB).contains(&g)));
                    Ok(true)
                }
                Ok(other) => Err(TestCaseError::fail(format!("{text}: {other:?}"))),
                Err(p) => {
                    prop_assert!(
                        p.at.is_empty() || p.at.starts_with("taskDefinition.") || !text.starts_with("{\"taskDefinition\""),
                        "{text}: {p:?}"
                    );
                    Ok(false)
                }
            }
        });
    }

    proptest! {
        #![proptest_config(super::fuzz::config())]

        #[test]
        fn any_text_is_an_import_or_a_problem(text in "\\PC{0,300}") {
            let _ = import(&text);
        }
    }
}

/// Issue 27's load curves: a steady week is today's model, the split's ends
/// are all Fargate and all EC2, and the cheapest choices are the minimum of
/// every choice, each checked against every alternative.
mod curves {
    use super::{checked, us_east_1_x86, workloads};
    use fargate_vs_ec2::model::curve::fleet::{self, Scaling, Terms};
    use fargate_vs_ec2::model::curve::{self, split, Above, Week, HOURS_PER_WEEK};
    use fargate_vs_ec2::model::ec2::{Capacity, PurchaseOption};
    use fargate_vs_ec2::model::fargate::FargateOption;
    use fargate_vs_ec2::model::line::Launch;
    use fargate_vs_ec2::model::scenario::{evaluate, Candidate, Scenario};
    use fargate_vs_ec2::model::usage::Usage;
    use proptest::prelude::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
    }

    /// A workload all month with its fleet always on (today's steady case).
    fn steady(s: Scenario) -> Scenario {
        Scenario { usage: Usage::Hours(730.0), capacity: Capacity::AlwaysOn, ..s }
    }

    /// Up to 3 services, each with a week of 0 to 6 tasks an hour.
    fn curved() -> impl Strategy<Value = (Scenario, Vec<Week>, u32)> {
        let week = (proptest::array::uniform24(0u32..=6), proptest::array::uniform24(0u32..=6))
            .prop_map(|(weekday, weekend)| Week { weekday, weekend });
        (workloads(), proptest::collection::vec(week, 1..=3), 0u32..=3).prop_map(|(s, weeks, delay)| {
            let mut s = steady(s);
            s.services.truncate(weeks.len());
            let weeks = weeks[..s.services.len()].to_vec();
            for (service, w) in s.services.iter_mut().zip(&weeks) {
                service.tasks = w.peak().max(1);
            }
            (s, weeks, delay)
        })
    }

    /// The type the auto choice makes for the peak, if it is one curves price.
    fn chosen(s: &Scenario) -> Option<(fargate_vs_ec2::model::scenario::Evaluation, Candidate)> {
        let p = us_east_1_x86();
        let e = evaluate(s, &p.rates, &p.side, &p.candidates).ok()?;
        let c = e.ec2.candidate.clone();
        c.burst.is_none().then_some((e, c))
    }

    #[test]
    fn a_steady_week_is_todays_model() {
        let p = us_east_1_x86();
        checked("a_steady_week_is_todays_model", 256, 0.5, (workloads(), 0u32..=3), |(s, delay)| {
            let mut s = steady(s);
            // Up to 40 tasks a service: the split places every baseline up to their sum.
            for service in &mut s.services {
                service.tasks = 1 + service.tasks % 40;
            }
            let Some((e, candidate)) = chosen(&s) else { return Ok(false) };
            let weeks: Vec<Week> = s.services.iter().map(|service| Week::steady(service.tasks)).collect();
            for scaling in [Scaling::Always, Scaling::Follow { scale_in_hours: delay }] {
                let c = curve::evaluate(&s, &weeks, &e.fargate, &p.side, &candidate, scaling, Above::OnDemand).unwrap();
                for option in FargateOption::ALL {
                    prop_assert_eq!(c.fargate[option as usize].is_some(), e.fargate.monthly(option).is_some());
                    if let (Some(a), Some(b)) = (c.fargate[option as usize], e.fargate.monthly(option)) {
                        prop_assert!(close(a, b), "Fargate {:?}: {} against {}", option, a, b);
                    }
                }
                prop_assert_eq!(&c.running, &vec![e.ec2.instances; HOURS_PER_WEEK]);
                for launch in Launch::ALL {
                    for option in PurchaseOption::ALL {
                        let (Some(today), Some(bought)) = (e.ec2.total(launch, option), c.fleet(launch, option)) else { continue };
                        // All of today's instances bought as `option`: the commitment that covers them all is the cheapest.
                        let terms = Terms::of(&s, &p.side, &candidate, launch).unwrap();
                        let rate = candidate.hourly.get(option).unwrap();
                        let all =
                            fleet::monthly(&c.running, if option.can_follow_tasks() { 0 } else { e.ec2.instances }, rate, rate, terms);
                        prop_assert!(close(all, today), "{:?} {:?}: {} against today's {}", launch, option, all, today);
                        prop_assert!(
                            close(bought.monthly, today),
                            "{:?} {:?}: {} against today's {}",
                            launch,
                            option,
                            bought.monthly,
                            today
                        );
                        prop_assert_eq!(bought.committed, if option.can_follow_tasks() { 0 } else { e.ec2.instances });
                    }
                }
            }
            Ok(true)
        });
    }

    /// The auto choice for a week: no type's fleet following it costs less.
    #[test]
    fn the_type_for_a_week_is_the_cheapest_for_its_fleet() {
        let p = us_east_1_x86();
        checked("the_type_for_a_week_is_the_cheapest_for_its_fleet", 64, 0.5, (curved(), any::<bool>()), |((s, weeks, delay), spot)| {
            let scaling = Scaling::Follow { scale_in_hours: delay };
            let above = if spot { Above::Spot } else { Above::OnDemand };
            let Some(best) = curve::cheapest_type(&s, &weeks, &p.side, &p.candidates, scaling, s.buy, above) else { return Ok(false) };
            let month = |c: &Candidate| -> Option<f64> {
                let room = fargate_vs_ec2::model::packing::Room::of(&c.shape, s.reserved_mib, s.daemons, s.network)?;
                let (_, running) = fleet::hours(&s, room, &weeks, scaling)?;
                let terms = Terms::of(&s, &p.side, c, Launch::Ec2)?;
                fleet::cheapest(&running, c, Launch::Ec2, s.buy, above.instances(), terms).map(|b| b.monthly)
            };
            let least = month(best).unwrap();
            prop_assert!(best.burst.is_none());
            for c in p.candidates.iter().filter(|c| c.burst.is_none()) {
                if let Some(usd) = month(c) {
                    prop_assert!(least <= usd * (1.0 + 1e-9), "{} costs {} but {} {}", best.name, least, c.name, usd);
                }
            }
            Ok(true)
        });
    }

    #[test]
    fn the_split_runs_from_all_fargate_to_all_ec2_and_its_choices_are_the_cheapest() {
        let p = us_east_1_x86();
        checked("the_split_runs_from_all_fargate_to_all_ec2", 128, 0.5, (curved(), any::<bool>()), |((s, weeks, delay), spot)| {
            let Some((e, candidate)) = chosen(&s) else { return Ok(false) };
            let scaling = Scaling::Follow { scale_in_hours: delay };
            // The load above the baseline on demand or on Spot (us-east-1's Linux has both).
            let above = if spot { Above::Spot } else { Above::OnDemand };
            let c = curve::evaluate(&s, &weeks, &e.fargate, &p.side, &candidate, scaling, above).unwrap();
            let always = fleet::running(&c.needed, Scaling::Always, s.min_instances);
            let fargate = c.fargate[above.fargate() as usize].unwrap();
            prop_assert_eq!(c.all_fargate(), Some(fargate));
            for (launch, option, points) in &c.splits {
                let terms = Terms::of(&s, &p.side, &candidate, *launch).unwrap();
                let rate = candidate.hourly.get(*option).unwrap();
                let (first, last) = (points.first().unwrap(), points.last().unwrap());
                prop_assert_eq!((first.baseline, first.instances, first.ec2), (0, 0, 0.0));
                prop_assert!(close(first.fargate, fargate));
                prop_assert_eq!(last.baseline, weeks.iter().map(Week::peak).sum::<u32>());
                prop_assert_eq!(last.fargate, 0.0);
                if last.baseline > 0 {
                    prop_assert_eq!(last.instances, always[0]);
                    prop_assert!(close(last.ec2, fleet::monthly(&always, always[0], rate, rate, terms)));
                }
                // The cheapest point: none cheaper, none as cheap with a smaller baseline.
                let best = split::cheapest(points).unwrap();
                for q in points.iter() {
                    prop_assert!(best.monthly() <= q.monthly() && (q.baseline >= best.baseline || q.monthly() > best.monthly()));
                }
                // The fleet's commitment: no other count, bought as `above` above it, costs less.
                let Some(bought) = c.fleet(*launch, *option) else {
                    // Only where the hours above the commitment have no price on this type.
                    prop_assert!(candidate.hourly.get(above.instances()).is_none() || !launch.offers(above.instances()));
                    continue;
                };
                if !option.can_follow_tasks() {
                    prop_assert_eq!(bought.above, above.instances());
                    let above = candidate.hourly.get(above.instances()).unwrap();
                    for r in 0..=c.running.iter().max().unwrap() + 2 {
                        prop_assert!(bought.monthly <= fleet::monthly(&c.running, r, rate, above, terms) * (1.0 + 1e-12));
                    }
                }
            }
            Ok(true)
        });
    }
}
