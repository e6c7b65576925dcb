//! A workload as a file: the `inputs` object of the CLI's `--json` (every
//! option by its name, `-` written `_`; the services as the `service`
//! list), so an answer saved as JSON is also the workload that reopens it
//! (`--workload FILE`, and pasted into the page's import box). A bare
//! object of options is read the same way.

use crate::ecs_import::{Problem, Trouble};
use crate::inputs::Inputs;
use crate::json::{self, Value};
use crate::options::Opt;

/// The workload in `text`, on top of `inputs`; a problem names the key.
pub fn apply(inputs: &mut Inputs, text: &str) -> Result<(), Problem> {
    let value = json::parse(text).map_err(|e| Problem { at: String::new(), trouble: Trouble::NotJson(e) })?;
    apply_value(inputs, &value)
}

/// Whether `value` looks like a workload: an `inputs` object, or an object
/// whose every key is an option (what the page's import box tells from ECS's JSON).
pub fn is_workload(value: &Value) -> bool {
    match value {
        Value::Object(members) if value.opt("inputs").is_some() => !members.is_empty(),
        Value::Object(members) => !members.is_empty() && members.iter().all(|(key, _)| option_of(key).is_some()),
        _ => false,
    }
}

fn option_of(key: &str) -> Option<Opt> {
    Opt::from_name(&key.replace('_', "-"))
}

/// The workload in a JSON value; nothing changes on a problem.
pub fn apply_value(inputs: &mut Inputs, value: &Value) -> Result<(), Problem> {
    let (options, prefix) = match value.opt("inputs") {
        Some(inner) => (inner, "inputs."),
        None => (value, ""),
    };
    let at = |key: &str| [prefix, key].concat();
    let unreadable = |key: &str, v: &Value| Problem { at: at(key), trouble: Trouble::Unreadable(crate::ecs_import::shown(v)) };
    let options = options.members().map_err(|_| Problem { at: prefix.trim_end_matches('.').into(), trouble: Trouble::NotWorkload })?;
    if let Some((key, _)) = options.iter().find(|(key, _)| option_of(key).is_none()) {
        return Err(Problem { at: at(key), trouble: Trouble::NotOption });
    }
    let mut next = inputs.clone();
    // In the options' order, as links and the command line apply them.
    for option in Opt::ALL {
        let Some((key, value)) = options.iter().find(|(key, _)| option_of(key) == Some(option)) else { continue };
        let text = match value {
            Value::Null => continue,
            Value::String(s) => s.clone(),
            Value::Number(n) => crate::decimal::shortest(*n),
            _ => return Err(unreadable(key, value)),
        };
        next.set(option, &text).map_err(|_| Problem { at: at(key), trouble: Trouble::Refused(option, text.clone()) })?;
    }
    *inputs = next;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_inputs_of_an_answer_reopen_it() {
        let mut i = Inputs::default();
        let text = r#"{"inputs": {"region": "eu-west-1", "service": "web:0.5:1:4,api:1:2:2", "cpu": 0.5, "hours": null, "runs": 300,
            "minutes": 2.5, "headroom": 50, "ip": "public"}, "verdict": "…"}"#;
        apply(&mut i, text).unwrap();
        assert_eq!(i.text(Opt::Service), "web:0.5:1:4,api:1:2:2");
        assert_eq!((i.region.as_str(), i.runs, i.minutes, i.headroom, i.ip), ("eu-west-1", Some(300), 2.5, 50, true));
        let mut bare = Inputs::default();
        apply(&mut bare, r#"{"tasks": 7, "daemon_cpu": 0.25}"#).unwrap();
        assert_eq!((bare.service().tasks, bare.daemon_cpu), (7, 0.25));
    }

    #[test]
    fn a_workload_is_told_from_ecs_json() {
        let is = |text: &str| is_workload(&json::parse(text).unwrap());
        assert!(is(r#"{"inputs": {"tasks": 2}, "verdict": "…"}"#) && is(r#"{"tasks": 2, "daemon_cpu": 0.25}"#));
        assert!(!is(r#"{"taskDefinition": {}}"#) && !is(r#"{"services": []}"#) && !is("{}") && !is("[]"));
    }

    #[test]
    fn a_bad_key_or_value_is_named_and_changes_nothing() {
        let mut i = Inputs::default();
        let problem = |at: &str, trouble| Err(Problem { at: at.into(), trouble });
        assert_eq!(apply(&mut i, r#"{"inputs": {"colour": "red"}}"#), problem("inputs.colour", Trouble::NotOption));
        assert_eq!(apply(&mut i, r#"{"inputs": {"tasks": 3, "cpu": 3}}"#), problem("inputs.cpu", Trouble::Refused(Opt::Cpu, "3".into())));
        assert_eq!(apply(&mut i, r#"{"inputs": {"tasks": [1]}}"#), problem("inputs.tasks", Trouble::Unreadable("[…]".into())));
        assert_eq!(apply(&mut i, r#"{"inputs": 3}"#), problem("inputs", Trouble::NotWorkload));
        assert_eq!(apply(&mut i, "[1, 2]"), problem("", Trouble::NotWorkload));
        assert!(matches!(apply(&mut i, "[1, 2").unwrap_err().trouble, Trouble::NotJson(_)));
        assert_eq!(i, Inputs::default());
    }
}
