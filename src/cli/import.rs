//! `--import FILE`: ECS's own JSON (`ecs_import`) into the one service the
//! command line prices: a task definition gives the task size, platform,
//! storage and network mode; `describe-services` output of one service gives
//! the task count.

use crate::ecs_import::{import, Imported};
use crate::i18n::{import as words, Lang};
use crate::inputs::Inputs;
use crate::options::Opt;

/// Applies the file's values to `inputs`; returns what the import moved to
/// fit Fargate (a sentence each), or one line naming the file and the problem.
pub fn apply(inputs: &mut Inputs, path: &str, text: &str) -> Result<Vec<String>, String> {
    match import(text).map_err(|p| format!("--import {path}: {}", words::problem(Lang::En, &p)))? {
        Imported::TaskDefinition(d) => {
            inputs.cpu = d.size.vcpu();
            inputs.mem = d.size.memory_gib();
            inputs.disk = d.storage_gib.unwrap_or(inputs.disk);
            inputs.platform = d.platform.unwrap_or(inputs.platform);
            inputs.net = d.network.unwrap_or(inputs.net);
            Ok(words::changes(Lang::En, &d))
        }
        Imported::Services(services) => match services.as_slice() {
            [one] => {
                inputs.set(Opt::Tasks, &one.desired.to_string()).map_err(|e| format!("--import {path}: service {}: {e}", one.name))?;
                Ok(Vec::new())
            }
            many => Err(format!(
                "--import {path}: {} services; the command line prices one at a time: import one service's describe-services output, or give --tasks",
                many.len()
            )),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ecs_import::tests::sample;
    use crate::model::packing::NetworkMode;
    use crate::model::platform::Platform;

    #[test]
    fn a_task_definition_sets_the_size_platform_storage_and_network() {
        let mut inputs = Inputs::default();
        let notes = apply(&mut inputs, "web.json", &sample("describe-task-definition.json")).unwrap();
        assert_eq!((inputs.cpu, inputs.mem, inputs.disk), (1.0, 2.0, 30));
        assert_eq!((inputs.platform, inputs.net), (Platform::LinuxArm, NetworkMode::Awsvpc));
        assert!(notes.is_empty());
        assert!(inputs.scenario().is_ok());
        let notes = apply(&mut inputs, "api.json", &sample("ec2-task-definition.json")).unwrap();
        assert_eq!((inputs.cpu, inputs.mem, inputs.net), (0.5, 1.0, NetworkMode::Bridge));
        assert_eq!(notes, ["500 CPU units / 856 MiB is not a size Fargate offers: moved to 0.5 vCPU / 1 GiB, the smallest that holds it."]);
    }

    #[test]
    fn one_service_sets_the_task_count_and_several_are_refused() {
        let mut inputs = Inputs::default();
        let one = r#"{"services": [{"serviceName": "web", "desiredCount": 6, "taskDefinition": "web:7"}]}"#;
        assert_eq!(apply(&mut inputs, "one.json", one), Ok(Vec::new()));
        assert_eq!(inputs.tasks, 6);
        let err = apply(&mut inputs, "all.json", &sample("describe-services.json")).unwrap_err();
        assert!(err.starts_with("--import all.json: 3 services; the command line prices one at a time"), "{err}");
        let err = apply(&mut inputs, "bad.json", &sample("bad-cpu.json")).unwrap_err();
        assert_eq!(err, "--import bad.json: taskDefinition.cpu: \"fast\" cannot be read here.");
        assert_eq!(inputs.tasks, 6, "nothing changed by a refused file");
    }
}
