//! `--import FILE` (repeatable): ECS's own JSON (`ecs_import`) into the
//! workload, all files together (`ecs_import::workload`): task definitions
//! give sizes, platform, storage and network mode; `describe-services`
//! output gives the services and their counts.

use crate::ecs_import::{import, workload};
use crate::i18n::{import as words, Lang};
use crate::inputs::Inputs;

/// Applies the files (path, text) to `inputs`; returns what the import did
/// that a person should know (a sentence each), or one line naming the file
/// and the problem, `inputs` then unchanged.
pub fn apply(inputs: &mut Inputs, files: &[(String, String)]) -> Result<Vec<String>, String> {
    let mut imported = Vec::with_capacity(files.len());
    for (path, text) in files {
        imported.push(import(text).map_err(|p| format!("--import {path}: {}", words::problem(Lang::En, &p)))?);
    }
    let notes = workload::apply(inputs, &imported).map_err(|p| format!("--import: {}", words::problem(Lang::En, &p)))?;
    Ok(notes.iter().flat_map(|n| words::note(Lang::En, n)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ecs_import::tests::sample;

    fn files(names: &[&str]) -> Vec<(String, String)> {
        names.iter().map(|n| (n.to_string(), sample(n))).collect()
    }

    #[test]
    fn files_together_make_the_workload_and_their_notes_are_said() {
        let mut inputs = Inputs::default();
        let notes = apply(&mut inputs, &files(&["ec2-task-definition.json"])).unwrap();
        assert_eq!(inputs.services[0].text(), "api:0.5:1:10");
        assert_eq!(notes, ["500 CPU units / 856 MiB is not a size Fargate offers: moved to 0.5 vCPU / 1 GiB, the smallest that holds it."]);
        let err = apply(&mut inputs, &files(&["describe-services.json"])).unwrap_err();
        assert_eq!(
            err,
            "--import: service web runs task definition web, which was not imported: import it too (describe-task-definition output)."
        );
        let err = apply(&mut inputs, &files(&["describe-task-definition.json", "bad-cpu.json"])).unwrap_err();
        assert_eq!(err, "--import bad-cpu.json: taskDefinition.cpu: \"fast\" cannot be read here.");
        assert_eq!(inputs.services[0].text(), "api:0.5:1:10", "nothing changed by a refused file");
    }
}
