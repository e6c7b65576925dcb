//! The command line's arguments: the same option names as share links, as
//! `--name value` or `--name=value`, or a whole link with `--url`. Total:
//! fuzzed like the link decoder.

use crate::inputs::Inputs;
use crate::options::Opt;
use std::path::PathBuf;

/// What the command line asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Show {
    /// The verdict and every option's cost (the default).
    Comparison,
    /// `instances`: the candidates behind the auto choice.
    Instances,
    /// `--help` or `-h`.
    Help,
    /// `--version`.
    Version,
}

/// The flags that are not options of the scenario.
pub const FLAGS: [(&str, &str, &str); 7] = [
    ("--url", "LINK", "a share link's scenario; options after it change it"),
    ("--workload", "FILE", "a workload saved as JSON: the inputs of a --json answer (or a bare object of options), after the link"),
    (
        "--import",
        "FILE",
        "ECS's JSON (repeatable, read together), after the link and before the options: task definitions (describe-task-definition output or register-task-definition input) give the services' sizes, platform, storage and network mode; describe-services output gives the services and their task counts",
    ),
    ("--json", "", "the answer as JSON: numbers unrounded, USD per month, null where a price is unknown"),
    ("--pricing", "DIR", "read the prices from DIR (a pricing/ folder) instead of the bundled one"),
    ("-h, --help", "", "this help"),
    ("--version", "", "the version, and the date of the price snapshot"),
];

/// Every option and flag by its long name: `--region`, …, `--version`.
fn every_option() -> Vec<String> {
    let flags = FLAGS.iter().map(|(flag, _, _)| flag.rsplit(", ").next().unwrap_or(flag).to_string());
    Opt::ALL.iter().map(|o| format!("--{}", o.name())).chain(flags).collect()
}

#[derive(Debug)]
pub struct Command {
    pub show: Show,
    pub json: bool,
    /// The `pricing/` directory to read.
    pub pricing: PathBuf,
    pub inputs: Inputs,
    /// What `--import` moved to fit Fargate, a sentence each.
    pub notes: Vec<String>,
}

/// Reads the arguments after the program name, with no files to read
/// (`--import` is then an error). Never panics: bad input is a one-line
/// error naming the option (the caller exits 2).
pub fn parse(args: &[String]) -> Result<Command, String> {
    parse_reading(args, &|path| Err(format!("{path}: no files are read here")))
}

/// `parse`, reading `--workload`'s and `--import`'s files with `read`
/// (its error names the path; the flag is put before it).
pub fn parse_reading(args: &[String], read: &dyn Fn(&str) -> Result<String, String>) -> Result<Command, String> {
    let mut cmd = Command {
        show: Show::Comparison,
        json: false,
        pricing: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("pricing"),
        inputs: Inputs::default(),
        notes: Vec::new(),
    };
    let mut rest = args.iter();
    let mut url: Option<String> = None;
    let mut imports: Vec<String> = Vec::new();
    let mut workload: Option<String> = None;
    let mut options: Vec<(Opt, String)> = Vec::new();
    if args.first().is_some_and(|a| a == "instances") {
        cmd.show = Show::Instances;
        rest.next();
    }
    while let Some(arg) = rest.next() {
        if arg == "-h" {
            cmd.show = Show::Help;
            return Ok(cmd);
        }
        let name = arg.strip_prefix("--").ok_or_else(|| format!("unexpected argument {}; see --help", crate::format::quoted(arg)))?;
        // --name=value as well as --name value
        let (name, inline) = match name.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (name, None),
        };
        match name {
            "json" => cmd.json = true,
            "help" => {
                cmd.show = Show::Help;
                return Ok(cmd);
            }
            "version" => {
                cmd.show = Show::Version;
                return Ok(cmd);
            }
            _ => {
                let value = match inline {
                    Some(v) => v,
                    None => rest.next().cloned().ok_or_else(|| format!("--{name} needs a value"))?,
                };
                match (name, Opt::from_name(name)) {
                    ("url", _) => url = Some(value),
                    ("import", _) => imports.push(value),
                    ("workload", _) => workload = Some(value),
                    ("pricing", _) => cmd.pricing = PathBuf::from(value),
                    // Repeated, --service and --curve add to their list.
                    (_, Some(listed @ (Opt::Service | Opt::Curve))) => match options.iter_mut().find(|(o, _)| *o == listed) {
                        Some((_, list)) => *list = format!("{list},{value}"),
                        None => options.push((listed, value)),
                    },
                    (_, Some(option)) => options.push((option, value)),
                    (_, None) => return Err(format!("--{name}: unknown option; options are {}", every_option().join(", "))),
                }
            }
        }
    }
    // A link first, then a workload file, the imports, and options on top of them.
    if let Some(url) = url {
        cmd.inputs = Inputs::from_query(&url).map_err(|e| e.to_string())?;
    }
    if let Some(path) = workload {
        let text = read(&path).map_err(|e| format!("--workload {e}"))?;
        crate::workload_file::apply(&mut cmd.inputs, &text)
            .map_err(|p| format!("--workload {path}: {}", crate::i18n::import::problem(crate::i18n::Lang::En, &p)))?;
    }
    if !imports.is_empty() {
        let files = imports
            .iter()
            .map(|path| Ok((path.clone(), read(path).map_err(|e| format!("--import {e}"))?)))
            .collect::<Result<Vec<_>, String>>()?;
        cmd.notes.extend(super::import::apply(&mut cmd.inputs, &files)?);
    }
    for (option, value) in &options {
        cmd.inputs.set(*option, value).map_err(|e| e.to_string())?;
    }
    Ok(cmd)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn help_and_version_win_wherever_they_are() {
        for list in [&["--help"][..], &["-h"], &["instances", "--cpu", "2", "-h"], &["--tasks", "lots", "--help"]] {
            assert_eq!(parse(&args(list)).unwrap().show, Show::Help, "{list:?}");
        }
        assert_eq!(parse(&args(&["--version"])).unwrap().show, Show::Version);
        assert_eq!(parse(&args(&["instances"])).unwrap().show, Show::Instances);
    }

    #[test]
    fn options_apply_on_top_of_a_link() {
        let cmd = parse(&args(&["--tasks=7", "--url", "?tasks=3&cpu=2&mem=4", "--json"])).unwrap();
        assert_eq!((cmd.inputs.service().tasks, cmd.inputs.service().cpu, cmd.json), (7, 2.0, true));
        assert_eq!(parse(&args(&["tasks"])).unwrap_err(), "unexpected argument \"tasks\"; see --help");
        let unknown = parse(&args(&["--colour", "red"])).unwrap_err();
        assert!(unknown.starts_with("--colour: unknown option; options are --region, --platform, --service, --cpu,"), "{unknown}");
        assert!(unknown.ends_with("--rate, --url, --workload, --import, --json, --pricing, --help, --version"), "{unknown}");
    }
}
