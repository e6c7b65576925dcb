//! What an import from ECS's JSON found (`ecs_import`), in words.

use super::problems::size_of;
use super::zh::{fill, zh, Zh};
use super::Lang;
use crate::ecs_import::workload::Note;
use crate::ecs_import::{Problem, TaskDefinition, Trouble};
use crate::format::quoted;
use crate::model::fargate::{FREE_STORAGE_GIB, MAX_STORAGE_GIB};
use crate::model::task_size::TaskSize;

fn shown(s: TaskSize) -> String {
    size_of(s.cpu_units(), s.memory_mib())
}

/// What a definition asks, in vCPU and GiB where those say it exactly
/// (quarter vCPUs, half GiBs), else in ECS's own CPU units and MiB.
fn asked(lang: Lang, (cpu_units, memory_mib): (u32, u32)) -> String {
    if cpu_units % 256 == 0 && memory_mib % 512 == 0 {
        return size_of(cpu_units, memory_mib);
    }
    let (cpu, mib) = (cpu_units.to_string(), memory_mib.to_string());
    match lang {
        Lang::En => format!("{cpu} CPU units / {mib} MiB"),
        Lang::Zh => fill(Zh::import_units, &[&cpu, &mib]),
    }
}

/// A place, or "JSON" for the whole text.
fn or_whole(at: &str) -> &str {
    if at.is_empty() {
        "JSON"
    } else {
        at
    }
}

/// The problem, with its place where it has one.
pub fn problem(lang: Lang, p: &Problem) -> String {
    let at = p.at.as_str();
    match lang {
        Lang::En => match &p.trouble {
            Trouble::NotJson(e) => format!("This is not JSON ({e})."),
            Trouble::NotEcs => "This is neither a task definition nor the output of describe-services.".into(),
            Trouble::Missing => format!("{at} is missing."),
            Trouble::Unreadable(v) => format!("{at}: {} cannot be read here.", quoted(v)),
            Trouble::TooLarge => format!("{at}: more than Fargate's largest size (16 vCPU, 120 GiB)."),
            Trouble::NoServices => "The list of services is empty.".into(),
            Trouble::NoDefinition { service, family } => format!(
                "service {service} runs task definition {family}, which was not imported: import it too (describe-task-definition output)."
            ),
            Trouble::TooManyServices(n) => format!("{n} services: a workload holds at most {}.", crate::options::MAX_SERVICES),
            Trouble::Empty => "Nothing to import: paste a task definition, the output of describe-services or a workload file.".into(),
            Trouble::NotWorkload => format!("{}: not a workload (an object of options, or a file with \"inputs\").", or_whole(at)),
            Trouble::NotOption => format!("{at}: not an option of a workload."),
            Trouble::Refused(option, given) => format!("{at}: {} is not valid; expected {}.", quoted(given), option.accepted()),
        },
        Lang::Zh => match &p.trouble {
            Trouble::NotJson(e) => fill(Zh::import_not_json, &[e]),
            Trouble::NotEcs => zh(Zh::import_not_ecs).into(),
            Trouble::Missing => fill(Zh::import_missing, &[at]),
            Trouble::Unreadable(v) => fill(Zh::import_unreadable, &[at, v]),
            Trouble::TooLarge => fill(Zh::import_too_large, &[at]),
            Trouble::NoServices => zh(Zh::import_no_services).into(),
            Trouble::NoDefinition { service, family } => fill(Zh::import_no_definition, &[service, family]),
            Trouble::TooManyServices(n) => fill(Zh::import_too_many, &[&n.to_string(), &crate::options::MAX_SERVICES.to_string()]),
            Trouble::Empty => zh(Zh::import_empty).into(),
            Trouble::NotWorkload => fill(Zh::import_not_workload, &[or_whole(at)]),
            Trouble::NotOption => fill(Zh::import_not_option, &[at]),
            Trouble::Refused(option, given) => fill(Zh::import_refused, &[at, given, &super::options::accepted(*option, lang)]),
        },
    }
}

/// What an import did that a person should know, a sentence each.
pub fn note(lang: Lang, n: &Note) -> Vec<String> {
    match (lang, n) {
        (_, Note::Moved(d)) => changes(lang, d),
        (Lang::En, Note::LeftOut(name)) => vec![format!("{name} runs no task (desiredCount 0): left out.")],
        (Lang::Zh, Note::LeftOut(name)) => vec![fill(Zh::import_left_out, &[name])],
        (Lang::En, Note::OneTask(name)) => vec![format!("{name}: added with 1 task; set how many run.")],
        (Lang::Zh, Note::OneTask(name)) => vec![fill(Zh::import_one_task, &[name])],
        (Lang::En, Note::MixedPlatforms(p)) => {
            vec![format!("The task definitions run on different platforms; a workload has one: {}, the last one's.", super::platform(*p))]
        }
        (Lang::Zh, Note::MixedPlatforms(p)) => vec![fill(Zh::import_mixed_platforms, &[super::platform(*p)])],
        (Lang::En, Note::MixedNetworks(n)) => {
            vec![format!("The task definitions use different network modes; a workload has one: {}, the last one's.", n.slug())]
        }
        (Lang::Zh, Note::MixedNetworks(n)) => vec![fill(Zh::import_mixed_networks, &[n.slug()])],
    }
}

/// What the import changed to fit Fargate, a sentence each: the size, the storage.
pub fn changes(lang: Lang, d: &TaskDefinition) -> Vec<String> {
    let mut out = Vec::new();
    if d.moved() {
        let (asked, to) = (asked(lang, d.asked), shown(d.size));
        out.push(match lang {
            Lang::En => format!("{asked} is not a size Fargate offers: moved to {to}, the smallest that holds it."),
            Lang::Zh => fill(Zh::import_moved, &[&asked, &to]),
        });
    }
    if let (Some(asked), Some(to)) = (d.storage_asked, d.storage_gib) {
        let (asked, to, low, high) = (asked.to_string(), to.to_string(), FREE_STORAGE_GIB.to_string(), MAX_STORAGE_GIB.to_string());
        out.push(match lang {
            Lang::En => format!("{asked} GiB of ephemeral storage is outside Fargate's {low}–{high} GiB: moved to {to} GiB."),
            Lang::Zh => fill(Zh::import_storage_moved, &[&asked, &low, &high, &to]),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ecs_import::{import, Imported};

    fn definition(text: &str) -> TaskDefinition {
        match import(text) {
            Ok(Imported::TaskDefinition(d)) => d,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_moved_size_and_storage_are_said_in_both_languages() {
        let d = definition(r#"{"family": "x", "cpu": "1 vCPU", "memory": "16 GB", "ephemeralStorage": {"sizeInGiB": 500}}"#);
        assert_eq!(
            changes(Lang::En, &d),
            [
                "1 vCPU / 16 GiB is not a size Fargate offers: moved to 2 vCPU / 16 GiB, the smallest that holds it.",
                "500 GiB of ephemeral storage is outside Fargate's 20–200 GiB: moved to 200 GiB."
            ]
        );
        assert_eq!(
            changes(Lang::Zh, &d),
            [
                "1 vCPU / 16 GiB 不是 Fargate 提供的规格，已改为能容纳它的最小规格 2 vCPU / 16 GiB。",
                "500 GiB 临时存储超出 Fargate 允许的 20–200 GiB，已改为 200 GiB。"
            ]
        );
        assert!(changes(Lang::En, &definition(r#"{"family": "x", "cpu": "256", "memory": "512"}"#)).is_empty());
        // A size vCPU and GiB would only round is said in ECS's units.
        let d = definition(r#"{"family": "x", "cpu": "500", "memory": "856"}"#);
        assert_eq!(
            changes(Lang::En, &d),
            ["500 CPU units / 856 MiB is not a size Fargate offers: moved to 0.5 vCPU / 1 GiB, the smallest that holds it."]
        );
        assert_eq!(changes(Lang::Zh, &d), ["500 CPU 单位 / 856 MiB 不是 Fargate 提供的规格，已改为能容纳它的最小规格 0.5 vCPU / 1 GiB。"]);
    }

    #[test]
    fn problems_name_their_place_in_both_languages() {
        let p = import(r#"{"taskDefinition": {"cpu": "fast", "memory": "2048"}}"#).unwrap_err();
        assert_eq!(problem(Lang::En, &p), "taskDefinition.cpu: \"fast\" cannot be read here.");
        assert_eq!(problem(Lang::Zh, &p), "taskDefinition.cpu：无法读取“fast”。");
        let p = import(r#"{"services": [{"serviceName": "web", "taskDefinition": "web:1"}]}"#).unwrap_err();
        assert_eq!(problem(Lang::En, &p), "services[0].desiredCount is missing.");
        assert_eq!(problem(Lang::Zh, &p), "缺少 services[0].desiredCount。");
        for text in ["[1, 2", "{\"clusters\": []}", "{\"services\": []}", "{\"family\": \"x\", \"cpu\": \"64 vCPU\", \"memory\": \"1\"}"] {
            let p = import(text).unwrap_err();
            for lang in [Lang::En, Lang::Zh] {
                assert!(!problem(lang, &p).is_empty(), "{text}");
            }
        }
    }
}
