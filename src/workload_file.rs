//! A workload as a file: the `inputs` object of the CLI's `--json` (every
//! option by its name, `-` written `_`; the services as the `service`
//! list), so an answer saved as JSON is also the workload that reopens it
//! (`--workload FILE`). A bare object of options is read the same way.

use crate::inputs::Inputs;
use crate::json::{self, Value};
use crate::options::Opt;

/// The workload in `text`, on top of `inputs`; a problem names the key.
pub fn apply(inputs: &mut Inputs, text: &str) -> Result<(), String> {
    let value = json::parse(text)?;
    let options = value.opt("inputs").unwrap_or(&value).members().map_err(|e| format!("inputs: {e}"))?;
    let option_of = |key: &str| Opt::from_name(&key.replace('_', "-"));
    if let Some((key, _)) = options.iter().find(|(key, _)| option_of(key).is_none()) {
        return Err(format!("inputs.{key}: not an option"));
    }
    let mut next = inputs.clone();
    // In the options' order, as links and the command line apply them.
    for option in Opt::ALL {
        let Some((key, value)) = options.iter().find(|(key, _)| option_of(key) == Some(option)) else { continue };
        let text = match value {
            Value::Null => continue,
            Value::String(s) => s.clone(),
            Value::Number(n) => crate::decimal::shortest(*n),
            _ => return Err(format!("inputs.{key}: expected a string or a number")),
        };
        next.set(option, &text).map_err(|e| format!("inputs.{key}: {e}"))?;
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
    fn a_bad_key_or_value_is_named_and_changes_nothing() {
        let mut i = Inputs::default();
        assert_eq!(apply(&mut i, r#"{"inputs": {"colour": "red"}}"#), Err("inputs.colour: not an option".into()));
        let e = apply(&mut i, r#"{"inputs": {"tasks": 3, "cpu": 3}}"#).unwrap_err();
        assert!(e.starts_with("inputs.cpu: --cpu: \"3\" is not valid"), "{e}");
        assert!(apply(&mut i, r#"{"inputs": {"tasks": [1]}}"#).is_err() && apply(&mut i, "[1, 2").is_err());
        assert_eq!(i, Inputs::default());
    }
}
