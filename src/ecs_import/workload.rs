//! What imported texts do to a workload, the same on the page and the
//! command line: task definitions give sizes, `describe-services` gives
//! services and their counts. All or nothing: on a problem the workload is
//! as it was.

use super::{Imported, Problem, Service, TaskDefinition, Trouble};
use crate::inputs::{is_service_name, Inputs, ServiceInputs};
use crate::model::packing::NetworkMode;
use crate::model::platform::Platform;
use crate::options::MAX_SERVICES;

/// Something the import did that a person should know.
#[derive(Clone, Debug, PartialEq)]
pub enum Note {
    /// The definition asked for a size or storage Fargate does not offer
    /// (`i18n::import::changes` says what it moved to).
    Moved(TaskDefinition),
    /// A service ECS keeps at 0 tasks: not added.
    LeftOut(String),
    /// A service added from a task definition alone runs 1 task until its
    /// count is set.
    OneTask(String),
    /// The definitions ask for different platforms; a workload has one: this,
    /// the last one's.
    MixedPlatforms(Platform),
    /// The definitions ask for different network modes; a workload has one:
    /// this, the last one's.
    MixedNetworks(NetworkMode),
}

/// Applies every imported text to `inputs`, definitions first, so a
/// service finds its task definition whichever order they were given in.
///
/// A task definition sets the size of the service named like its family,
/// or of the page's first untouched service (renamed), or adds a service of
/// 1 task; its platform and network mode become the workload's. A service
/// of `describe-services` takes its size from its task definition's family
/// (imported now or already a service); a lone service without one takes
/// the workload's one service's size. The untouched first service gives way
/// to imported ones.
pub fn apply(inputs: &mut Inputs, imported: &[Imported]) -> Result<Vec<Note>, Problem> {
    let mut next = inputs.clone();
    let mut notes = Vec::new();
    let untouched = !inputs.lists_services();
    let definitions: Vec<&TaskDefinition> = imported
        .iter()
        .filter_map(|i| match i {
            Imported::TaskDefinition(d) => Some(d),
            Imported::Services(_) => None,
        })
        .collect();
    let services: Vec<&Service> = imported
        .iter()
        .flat_map(|i| match i {
            Imported::Services(list) => list.iter().collect(),
            Imported::TaskDefinition(_) => Vec::new(),
        })
        .collect();
    // The last definition that says one wins, and says so when another differs.
    if let Some(last) = definitions.iter().rev().find_map(|d| d.platform) {
        if definitions.iter().any(|d| d.platform.is_some_and(|p| p != last)) {
            notes.push(Note::MixedPlatforms(last));
        }
    }
    if let Some(last) = definitions.iter().rev().find_map(|d| d.network) {
        if definitions.iter().any(|d| d.network.is_some_and(|n| n != last)) {
            notes.push(Note::MixedNetworks(last));
        }
    }
    for d in &definitions {
        next.platform = d.platform.unwrap_or(next.platform);
        next.net = d.network.unwrap_or(next.net);
        if d.moved() || d.storage_asked.is_some() {
            notes.push(Note::Moved((*d).clone()));
        }
    }
    let sized = |s: &mut ServiceInputs, d: &TaskDefinition| {
        (s.cpu, s.mem) = (d.size.vcpu(), d.size.memory_gib());
        s.disk = d.storage_gib.unwrap_or(s.disk);
    };
    let lone = services.len() == 1 && next.services.len() == 1;
    let mut fresh = untouched && !services.is_empty();
    for s in &services {
        if s.desired == 0 {
            notes.push(Note::LeftOut(s.name.clone()));
            continue;
        }
        let definition = definitions.iter().find(|d| d.family == s.family);
        let mut service = match (definition, next.services.iter().find(|t| t.name == s.family || t.name == s.name)) {
            (Some(d), _) => {
                let mut service = ServiceInputs::default();
                sized(&mut service, d);
                service
            }
            (None, Some(known)) => known.clone(),
            (None, None) if lone => next.services[0].clone(),
            (None, None) => {
                return Err(Problem {
                    at: String::new(),
                    trouble: Trouble::NoDefinition { service: s.name.clone(), family: s.family.clone() },
                })
            }
        };
        service.name = name_of(&s.name);
        service.tasks = s.desired.min(crate::options::MAX_TASKS);
        if std::mem::take(&mut fresh) {
            next.services.clear();
        }
        put(&mut next, service);
    }
    // Definitions no service ran: sizes of their own.
    for d in definitions.iter().filter(|d| !services.iter().any(|s| s.family == d.family)) {
        let name = name_of(&d.family);
        if let Some(known) = next.services.iter_mut().find(|t| t.name == name) {
            sized(known, d);
        } else if untouched && services.is_empty() && next.services.len() == 1 {
            let first = &mut next.services[0];
            sized(first, d);
            first.name = name;
        } else {
            let mut service = ServiceInputs { tasks: 1, ..ServiceInputs::default() };
            sized(&mut service, d);
            service.name = name.clone();
            notes.push(Note::OneTask(name));
            put(&mut next, service);
        }
    }
    if next.services.len() > MAX_SERVICES {
        return Err(Problem { at: String::new(), trouble: Trouble::TooManyServices(next.services.len()) });
    }
    next.repair();
    *inputs = next;
    Ok(notes)
}

/// Replaces the service of the same name, or adds it at the end.
fn put(inputs: &mut Inputs, service: ServiceInputs) {
    match inputs.services.iter_mut().find(|t| t.name == service.name) {
        Some(known) => *known = service,
        None => inputs.services.push(service),
    }
}

/// An ECS name as a service name here: characters other than letters,
/// digits, `-` and `_` become `-`, cut to 64; "service" if nothing is left.
fn name_of(ecs: &str) -> String {
    let name: String = ecs.chars().map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { '-' }).take(64).collect();
    if is_service_name(&name) {
        name
    } else {
        "service".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ecs_import::import;
    use crate::ecs_import::tests::sample;

    fn read(files: &[&str]) -> Vec<Imported> {
        files.iter().map(|f| import(&sample(f)).unwrap()).collect()
    }

    #[test]
    fn services_with_their_definitions_replace_the_untouched_first_service() {
        let mut inputs = Inputs::default();
        let web = import(r#"{"family": "web", "cpu": "512", "memory": "1024"}"#).unwrap();
        let worker = import(r#"{"family": "worker", "cpu": "2048", "memory": "4096"}"#).unwrap();
        let notes = apply(&mut inputs, &[read(&["describe-services.json"]).remove(0), web, worker]).unwrap();
        let got: Vec<String> = inputs.services.iter().map(ServiceInputs::text).collect();
        assert_eq!(got, ["web:0.5:1:6", "worker:2:4:2"]);
        assert_eq!(notes, [Note::LeftOut("nightly-report".into())]);
        assert!(inputs.scenario().is_ok());
    }

    #[test]
    fn a_service_without_its_definition_is_refused_and_nothing_changes() {
        let mut inputs = Inputs::default();
        inputs.set(crate::options::Opt::Service, "a:1:2:3,b:0.5:1:2").unwrap();
        let before = inputs.clone();
        let p = apply(&mut inputs, &read(&["describe-services.json"])).unwrap_err();
        assert_eq!(p.trouble, Trouble::NoDefinition { service: "web".into(), family: "web".into() });
        assert_eq!(inputs, before);
    }

    #[test]
    fn one_definition_sizes_the_first_service_and_others_add_one_task_services() {
        let mut inputs = Inputs::default();
        assert_eq!(apply(&mut inputs, &read(&["describe-task-definition.json"])), Ok(Vec::new()));
        assert_eq!(inputs.services[0].text(), "web:1:2:10:30");
        assert_eq!((inputs.platform, inputs.net), (Platform::LinuxArm, NetworkMode::Awsvpc));
        let notes = apply(&mut inputs, &read(&["register-task-definition.json"])).unwrap();
        assert_eq!(inputs.services[1].text(), "worker:0.5:3:1");
        assert_eq!(notes, [Note::OneTask("worker".into())]);
        // The same definition again changes the size of its own service only.
        apply(&mut inputs, &read(&["describe-task-definition.json"])).unwrap();
        assert_eq!(inputs.services.len(), 2);
    }

    #[test]
    fn definitions_that_differ_in_platform_or_network_mode_say_which_the_workload_takes() {
        let def = |family: &str, more: &str| import(&format!(r#"{{"family": "{family}", "cpu": "512", "memory": "1024"{more}}}"#)).unwrap();
        let mut inputs = Inputs::default();
        let arm = r#", "runtimePlatform": {"cpuArchitecture": "ARM64"}"#;
        let notes =
            apply(&mut inputs, &[def("a", r#", "networkMode": "bridge""#), def("b", arm), def("c", r#", "networkMode": "awsvpc""#)])
                .unwrap();
        // c says no platform: b's ARM stands, and only the network modes differ.
        assert_eq!(notes.first(), Some(&Note::MixedNetworks(NetworkMode::Awsvpc)));
        assert!(!notes.iter().any(|n| matches!(n, Note::MixedPlatforms(_))));
        assert_eq!((inputs.platform, inputs.net), (Platform::LinuxArm, NetworkMode::Awsvpc));
        let mut inputs = Inputs::default();
        let notes = apply(&mut inputs, &[def("a", ""), def("b", r#", "networkMode": "host""#)]).unwrap();
        assert!(
            !notes.iter().any(|n| matches!(n, Note::MixedNetworks(_) | Note::MixedPlatforms(_))),
            "a definition that says none differs from none"
        );
        assert_eq!(inputs.net, NetworkMode::Bridge);
    }

    #[test]
    fn a_lone_service_sets_the_count_of_the_one_service() {
        let mut inputs = Inputs::default();
        let one = import(r#"{"services": [{"serviceName": "web", "desiredCount": 6, "taskDefinition": "web:7"}]}"#).unwrap();
        apply(&mut inputs, &[one]).unwrap();
        assert_eq!(inputs.services[0].text(), "web:1:2:6");
        assert_eq!(name_of("arn:aws/web svc"), "arn-aws-web-svc");
        assert_eq!(name_of(""), "service");
    }
}
