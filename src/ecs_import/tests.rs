use super::*;

/// A sample file from `tests/fixtures/ecs` (also the CLI's import tests').
pub(crate) fn sample(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/fixtures/ecs/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn definition(name: &str) -> TaskDefinition {
    match import(&sample(name)) {
        Ok(Imported::TaskDefinition(d)) => d,
        other => panic!("{name}: {other:?}"),
    }
}

fn refused(name: &str) -> Problem {
    import(&sample(name)).unwrap_err()
}

fn size(cpu: u32, mib: u32) -> TaskSize {
    TaskSize::new(cpu, mib).unwrap()
}

#[test]
fn a_described_fargate_task_definition() {
    let d = definition("describe-task-definition.json");
    assert_eq!(d.family, "web");
    assert_eq!((d.size, d.asked, d.moved()), (size(1024, 2048), (1024, 2048), false));
    assert_eq!((d.storage_gib, d.storage_asked), (Some(30), None));
    assert_eq!((d.platform, d.network), (Some(Platform::LinuxArm), Some(NetworkMode::Awsvpc)));
}

#[test]
fn ecs_other_units_vcpu_and_gb() {
    // "0.5 vCPU" is 512 units; "3 GB" is 3 GiB (ECS's GB), which Fargate
    // offers with 0.5 vCPU (1–4 GiB in 1 GiB steps).
    let d = definition("register-task-definition.json");
    assert_eq!((d.family.as_str(), d.size, d.moved()), ("worker", size(512, 3072), false));
    assert_eq!((d.platform, d.storage_gib), (Some(Platform::LinuxX86), None));
}

#[test]
fn containers_are_summed_where_the_task_gives_no_size() {
    // 300 + 200 CPU units; 600 MiB (a hard limit) + 256 (a reservation):
    // 500 units and 856 MiB, which Fargate holds in 0.5 vCPU / 1 GiB.
    let d = definition("ec2-task-definition.json");
    assert_eq!((d.asked, d.size, d.moved()), ((500, 856), size(512, 1024), true));
    assert_eq!((d.network, d.platform), (Some(NetworkMode::Bridge), None));
}

#[test]
fn a_size_fargate_does_not_offer_moves_to_the_smallest_that_holds_it() {
    let with = |cpu: &str, memory: &str| {
        let text = format!("{{\"family\": \"x\", \"cpu\": \"{cpu}\", \"memory\": \"{memory}\"}}");
        match import(&text) {
            Ok(Imported::TaskDefinition(d)) => (d.size, d.moved()),
            other => panic!("{text}: {other:?}"),
        }
    };
    // 1 vCPU allows 2–8 GiB: 16 GiB needs 2 vCPU (4–16 GiB).
    assert_eq!(with("1 vCPU", "16 GB"), (size(2048, 16384), true));
    // 1 vCPU with 1 GiB: 1 vCPU's smallest is 2 GiB.
    assert_eq!(with("1024", "1024"), (size(1024, 2048), true));
    // 100 units: the smallest CPU, 0.25 vCPU, with 0.5 GiB.
    assert_eq!(with("100", "300"), (size(256, 512), true));
    assert_eq!(with("4 vcpu", "30GB"), (size(4096, 30720), false));
    assert_eq!(with("2048", "6 GiB"), (size(2048, 6144), false));
    // Beyond the largest (16 vCPU / 120 GiB), the place says which.
    let largest =
        |cpu: &str, memory: &str| import(&format!("{{\"cpu\": \"{cpu}\", \"memory\": \"{memory}\", \"family\": \"x\"}}")).unwrap_err();
    assert_eq!(largest("32 vCPU", "64 GB"), Problem { at: "cpu".into(), trouble: Trouble::TooLarge });
    assert_eq!(largest("16 vCPU", "128 GB"), Problem { at: "memory".into(), trouble: Trouble::TooLarge });
}

#[test]
fn storage_outside_what_fargate_allows_is_moved_into_it() {
    let with = |gib: u32| {
        let text = format!("{{\"family\": \"x\", \"cpu\": \"256\", \"memory\": \"512\", \"ephemeralStorage\": {{\"sizeInGiB\": {gib}}}}}");
        match import(&text) {
            Ok(Imported::TaskDefinition(d)) => (d.storage_gib, d.storage_asked),
            other => panic!("{text}: {other:?}"),
        }
    };
    assert_eq!(with(21), (Some(21), None));
    assert_eq!(with(10), (Some(20), Some(10)));
    assert_eq!(with(500), (Some(200), Some(500)));
}

#[test]
fn services_with_their_counts_and_families() {
    let Ok(Imported::Services(services)) = import(&sample("describe-services.json")) else { panic!() };
    let got: Vec<(&str, u32, &str)> = services.iter().map(|s| (s.name.as_str(), s.desired, s.family.as_str())).collect();
    assert_eq!(got, [("web", 6, "web"), ("worker", 2, "worker"), ("nightly-report", 0, "report")]);
    assert_eq!(family_of("arn:aws:ecs:eu-west-1:123456789012:task-definition/a-b_c:12"), "a-b_c");
    assert_eq!(family_of("web:latest"), "web:latest", "a revision is a number");
}

#[test]
fn every_malformed_sample_says_what_and_where() {
    let cases = [
        ("bad-cut-short.json", ""),
        ("bad-cpu.json", "taskDefinition.cpu"),
        ("bad-no-memory.json", "taskDefinition.memory"),
        ("bad-too-large.json", "taskDefinition.memory"),
        ("bad-desired-count.json", "services[0].desiredCount"),
        ("bad-no-services.json", "services"),
        ("bad-not-ecs.json", ""),
    ];
    let troubles: Vec<Trouble> = cases
        .iter()
        .map(|(name, at)| {
            let p = refused(name);
            assert_eq!(p.at, *at, "{name}");
            p.trouble
        })
        .collect();
    assert!(matches!(&troubles[0], Trouble::NotJson(e) if !e.is_empty()));
    assert_eq!(
        troubles[1..],
        [
            Trouble::Unreadable("fast".into()),
            Trouble::Missing,
            Trouble::TooLarge,
            Trouble::Unreadable("-1".into()),
            Trouble::NoServices,
            Trouble::NotEcs
        ]
    );
}

#[test]
fn platforms_and_network_modes_as_ecs_names_them() {
    let with = |extra: &str| import(&format!("{{\"family\": \"x\", \"cpu\": \"1024\", \"memory\": \"2048\", {extra}}}"));
    let platform = |extra: &str| match with(extra) {
        Ok(Imported::TaskDefinition(d)) => d.platform,
        other => panic!("{extra}: {other:?}"),
    };
    assert_eq!(platform(r#""runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE"}"#), Some(Platform::Windows));
    assert_eq!(platform(r#""runtimePlatform": {"cpuArchitecture": "ARM64"}"#), Some(Platform::LinuxArm));
    let err = with(r#""runtimePlatform": {"cpuArchitecture": "ARM64", "operatingSystemFamily": "WINDOWS_SERVER_2019_FULL"}"#).unwrap_err();
    assert_eq!(err, Problem { at: "runtimePlatform.cpuArchitecture".into(), trouble: Trouble::Unreadable("ARM64".into()) });
    let err = with(r#""runtimePlatform": {"cpuArchitecture": "RISCV"}"#).unwrap_err();
    assert_eq!(err.trouble, Trouble::Unreadable("RISCV".into()));
    let network = |mode: &str| match with(&format!("\"networkMode\": \"{mode}\"")) {
        Ok(Imported::TaskDefinition(d)) => d.network,
        other => panic!("{mode}: {other:?}"),
    };
    assert_eq!(
        [network("awsvpc"), network("bridge"), network("host")],
        [Some(NetworkMode::Awsvpc), Some(NetworkMode::Bridge), Some(NetworkMode::Bridge)]
    );
    assert_eq!(with("\"networkMode\": \"overlay\"").unwrap_err().at, "networkMode");
}
