//! The command-line tool's arguments: the same option names as share links,
//! as `--name value` or `--name=value`, or a whole link with `--url`.
//! In the library so the parser can be fuzzed like the link decoder.

use crate::inputs::{Inputs, NAMES};
use std::path::PathBuf;

pub const USAGE: &str = "usage: fargate-vs-ec2 [instances] [--url LINK] [--json] [--pricing DIR] \
[--region R] [--platform linux-x86|linux-arm|windows] [--cpu V] [--mem GIB] [--disk GIB] [--tasks N] \
[--hours H | --runs N --minutes M] [--ec2 auto|TYPE] [--buy on-demand|reserved-1y|reserved-3y|spot] \
[--capacity always|follow] [--min N] [--reserve MIB] [--net bridge|awsvpc|awsvpc-trunking] \
[--extra USD] [--ops HOURS] [--rate USD]";

/// What a command line asks for.
#[derive(Debug)]
pub struct Command {
    /// `instances`: list the candidates behind the auto choice.
    pub list_instances: bool,
    pub json: bool,
    /// The `pricing/` directory to read.
    pub pricing: PathBuf,
    pub inputs: Inputs,
}

/// Reads the arguments after the program name. Never panics: bad input is a
/// one-line error naming the option (the caller exits 2).
pub fn parse(args: &[String]) -> Result<Command, String> {
    let mut cmd = Command {
        list_instances: false,
        json: false,
        pricing: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("pricing"),
        inputs: Inputs::default(),
    };
    let mut rest = args.iter();
    let mut url: Option<String> = None;
    let mut options: Vec<(String, String)> = Vec::new();
    if args.first().is_some_and(|a| a == "instances") {
        cmd.list_instances = true;
        rest.next();
    }
    while let Some(arg) = rest.next() {
        let name = arg.strip_prefix("--").ok_or_else(|| format!("unexpected argument {arg:?}; {USAGE}"))?;
        // --name=value as well as --name value
        let (name, inline) = match name.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (name, None),
        };
        match name {
            "json" => cmd.json = true,
            "help" | "h" => return Err(USAGE.to_string()),
            _ => {
                let value = match inline {
                    Some(v) => v,
                    None => rest.next().cloned().ok_or_else(|| format!("--{name} needs a value"))?,
                };
                match name {
                    "url" => url = Some(value),
                    "pricing" => cmd.pricing = PathBuf::from(value),
                    n if NAMES.contains(&n) => options.push((n.to_string(), value)),
                    _ => return Err(format!("--{name}: unknown option; options are --{}, --url, --json, --pricing", NAMES.join(", --"))),
                }
            }
        }
    }
    // A link first, then options on top of it.
    if let Some(url) = url {
        cmd.inputs = Inputs::from_query(&url).map_err(|e| e.to_string())?;
    }
    for (name, value) in &options {
        cmd.inputs.set(name, value).map_err(|e| e.to_string())?;
    }
    Ok(cmd)
}
