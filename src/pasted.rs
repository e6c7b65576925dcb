//! What the page's import box does with a pasted text: one or more JSON
//! texts one after another (the outputs of several commands), each ECS's own
//! (`ecs_import`: task definitions, `describe-services`) or a workload the
//! page or the CLI wrote (`workload_file`), applied to a link's workload:
//! workloads first, then ECS's texts together, as the CLI applies
//! `--workload` before `--import`. All or nothing. The page runs it in a
//! worker of its own (`app::worker`), so its code is fetched only by a
//! person who imports: a link and text in, a link and sentences out.

use crate::ecs_import::{import_value, workload, Problem, Trouble};
use crate::i18n::{import as words, Lang};
use crate::share_link;
use crate::{json, workload_file};

/// The workload after the import, and what a person should know of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// A link's query (`share_link::encode`).
    pub query: String,
    /// A sentence each, in the page's language.
    pub notes: Vec<String>,
}

/// Applies `pasted` to the workload of `query`; on a problem, the sentence
/// that says it (the page's workload is then as it was).
pub fn apply(lang: Lang, query: &str, pasted: &str) -> Result<Outcome, String> {
    let said = |p: Problem| words::problem(lang, &p);
    let whole = |trouble| Problem { at: String::new(), trouble };
    let values = json::parse_all(pasted).map_err(|e| said(whole(Trouble::NotJson(e))))?;
    if values.is_empty() {
        return Err(said(whole(Trouble::Empty)));
    }
    // Where several texts were pasted, a place says which (#1, #2, …).
    let placed = |k: usize, p: Problem| match values.len() {
        1 => p,
        _ => Problem { at: format!("#{} {}", k + 1, p.at).trim_end().to_string(), ..p },
    };
    let (mut inputs, _) = share_link::decode(query);
    let mut imported = Vec::new();
    for (k, value) in values.iter().enumerate() {
        if workload_file::is_workload(value) {
            workload_file::apply_value(&mut inputs, value).map_err(|p| said(placed(k, p)))?;
        } else {
            imported.push(import_value(value).map_err(|p| said(placed(k, p)))?);
        }
    }
    let notes = match imported.is_empty() {
        true => Vec::new(),
        false => workload::apply(&mut inputs, &imported).map_err(said)?,
    };
    Ok(Outcome { query: share_link::encode(&inputs), notes: notes.iter().flat_map(|n| words::note(lang, n)).collect() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ecs_import::tests::sample;
    use crate::inputs::Inputs;
    use crate::options::Opt;

    fn services(query: &str) -> String {
        share_link::decode(query).0.text(Opt::Service)
    }

    #[test]
    fn definitions_and_services_pasted_together_make_the_workload() {
        let pasted = ["describe-services.json", "describe-task-definition.json", "register-task-definition.json"].map(sample).join("\n");
        let out = apply(Lang::En, "tasks=3&v=3", &pasted).unwrap();
        assert_eq!(services(&out.query), "web:1:2:6:30,worker:0.5:3:2");
        // web's definition asks for ARM, worker's for x86: the last one's is the workload's.
        assert_eq!(
            out.notes,
            [
                "The task definitions run on different platforms; a workload has one: Linux/x86, the last one's.",
                "nightly-report runs no task (desiredCount 0): left out."
            ]
        );
        let zh = apply(Lang::Zh, "", &pasted).unwrap();
        assert_eq!(zh.query, out.query);
        assert_eq!(zh.notes[1], "nightly-report 没有运行任务（desiredCount 为 0）：未加入。");
    }

    #[test]
    fn a_workload_the_page_wrote_reopens_on_top_of_the_link() {
        let mut i = Inputs::default();
        i.set(Opt::Service, "web:0.5:1:4,api:1:2:2").unwrap();
        let file = crate::export::workload_json(&i);
        let out = apply(Lang::En, "region=eu-west-1&v=3", &file).unwrap();
        assert_eq!(out, Outcome { query: share_link::encode(&i), notes: vec![] });
    }

    #[test]
    fn a_problem_is_said_in_the_page_language_and_names_the_text() {
        let bad = sample("bad-cpu.json");
        let two = [sample("describe-task-definition.json"), bad.clone()].join(" ");
        assert_eq!(apply(Lang::En, "", &two), Err("#2 taskDefinition.cpu: \"fast\" cannot be read here.".into()));
        assert_eq!(apply(Lang::Zh, "", &bad), Err("taskDefinition.cpu：无法读取“fast”。".into()));
        assert_eq!(
            apply(Lang::En, "", " \n"),
            Err("Nothing to import: paste a task definition, the output of describe-services or a workload file.".into())
        );
        assert!(apply(Lang::En, "", "{\"taskDefinition\": ").unwrap_err().starts_with("This is not JSON ("));
        let refused = apply(Lang::En, "", r#"{"inputs": {"cpu": 3}}"#).unwrap_err();
        assert!(refused.starts_with("inputs.cpu: \"3\" is not valid; expected "), "{refused}");
    }
}
