//! The command-line explorer, on the same model and prices as the page
//! (`fargate_vs_ec2::cli`); `--help` lists every option.
//!
//! Bad input is one line on stderr naming the option and what it accepts, exit 2.

use fargate_vs_ec2::cli::args::{parse_reading, Command, Show};
use fargate_vs_ec2::cli::{help, instances, json, table};
use fargate_vs_ec2::estimate;
use fargate_vs_ec2::pricing::{Manifest, RegionPrices};
use std::io::Write as _;
use std::process::ExitCode;

fn read(dir: &std::path::Path, file: &str) -> Result<String, String> {
    std::fs::read_to_string(dir.join(file)).map_err(|e| format!("cannot read pricing file {}: {e}", dir.join(file).display()))
}

fn manifest(cmd: &Command) -> Result<Manifest, String> {
    Manifest::parse(&read(&cmd.pricing, "manifest.json")?)
}

fn load(cmd: &Command) -> Result<(Manifest, RegionPrices), String> {
    let manifest = manifest(cmd)?;
    estimate::check_region(&cmd.inputs, &manifest).map_err(|e| e.to_string())?;
    // Every type: `instances` lists them all, and a named one may be outclassed.
    let ec2 = RegionPrices::read_all(|file| read(&cmd.pricing, file), &cmd.inputs.region, cmd.inputs.platform)?;
    Ok((manifest, ec2))
}

/// What to print, or an exit code and a one-line message.
fn run(args: &[String]) -> Result<String, (u8, String)> {
    let read_file = |path: &str| std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"));
    let cmd = parse_reading(args, &read_file).map_err(|e| (2, e))?;
    for note in &cmd.notes {
        eprintln!("fargate-vs-ec2: note: {note}");
    }
    match cmd.show {
        Show::Help => return Ok(help::text()),
        Show::Version => {
            let m = manifest(&cmd).map_err(|e| (1, e))?;
            return Ok(format!("fargate-vs-ec2 {}, prices of {} (snapshot schema {})\n", env!("CARGO_PKG_VERSION"), m.date, m.schema));
        }
        Show::Comparison | Show::Instances => {}
    }
    let (manifest, ec2) = load(&cmd).map_err(|e| (if e.starts_with("--") { 2 } else { 1 }, e))?;
    if cmd.show == Show::Instances {
        let scenario = cmd.inputs.scenario().map_err(|e| (2, e.to_string()))?;
        return Ok(instances::listing(&scenario, &ec2.side_prices(), &estimate::candidates(&ec2), cmd.json, &cmd.inputs.region));
    }
    let e = estimate::estimate(&cmd.inputs, &manifest, &ec2).map_err(|e| (2, e.to_string()))?;
    Ok(if cmd.json {
        serde_json::to_string_pretty(&json::comparison(&e, &manifest, &ec2)).map_err(|e| (1, e.to_string()))? + "\n"
    } else {
        table::comparison(&e, &manifest, &ec2)
    })
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        // A reader that stops early (`| head`) is not an error worth a message.
        Ok(out) => match std::io::stdout().lock().write_all(out.as_bytes()) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                eprintln!("fargate-vs-ec2: {e}");
                ExitCode::FAILURE
            }
            _ => ExitCode::SUCCESS,
        },
        Err((code, message)) => {
            eprintln!("fargate-vs-ec2: {message}");
            ExitCode::from(code)
        }
    }
}
