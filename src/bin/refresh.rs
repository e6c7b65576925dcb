//! `./dev refresh [options]` (`--help` lists them)
//!
//! Rewrites `pricing-sources/aws/` from AWS's public price files and then
//! `pricing/` (`fargate_vs_ec2::pricing::refresh`). Prints what changed, in
//! Markdown (also written to `--summary FILE`, for a pull request). Exit 0
//! whether or not anything changed; 1 when a file could not be read, and
//! then nothing was changed.

use fargate_vs_ec2::pricing::refresh::{run, Options};
use std::path::PathBuf;
use std::process::ExitCode;

fn usage() -> String {
    format!(
        "usage: ./dev refresh [options]

Downloads AWS's public price files, rewrites pricing-sources/aws/ and then
pricing/, and prints what changed. When a file cannot be read, nothing is
changed and exit status is 1.

  --from URL          the Price List's base ({})
  --ec2-spot URL      the EC2 Spot pricing page's feed ({})
  --fargate-spot URL  the Fargate Spot pricing page's feed ({})
  --sources DIR       the price sources (pricing-sources/)
  --out DIR           the snapshot (pricing/)
  --summary FILE      also write the summary there (Markdown, for a pull request)",
        Options::PRICE_LIST,
        Options::EC2_SPOT,
        Options::FARGATE_SPOT
    )
}

fn main() -> ExitCode {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut options = Options {
        from: Options::PRICE_LIST.into(),
        ec2_spot: Options::EC2_SPOT.into(),
        fargate_spot: Options::FARGATE_SPOT.into(),
        sources: root.join("pricing-sources"),
        out: root.join("pricing"),
    };
    let mut summary_file: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if matches!(arg.as_str(), "-h" | "--help") {
            println!("{}", usage());
            return ExitCode::SUCCESS;
        }
        let Some(value) = args.next() else {
            eprintln!("refresh: {arg} needs a value\n\n{}", usage());
            return ExitCode::from(2);
        };
        match arg.as_str() {
            "--from" => options.from = value,
            "--ec2-spot" => options.ec2_spot = value,
            "--fargate-spot" => options.fargate_spot = value,
            "--sources" => options.sources = value.into(),
            "--out" => options.out = value.into(),
            "--summary" => summary_file = Some(value.into()),
            _ => {
                eprintln!("refresh: unknown argument {arg:?}\n\n{}", usage());
                return ExitCode::from(2);
            }
        }
    }
    match run(&options) {
        Ok(report) => {
            print!("{}", report.summary);
            if let Some(file) = summary_file {
                if let Err(e) = std::fs::write(&file, &report.summary) {
                    eprintln!("refresh: cannot write {}: {e}", file.display());
                    return ExitCode::FAILURE;
                }
            }
            println!("\n{}", if report.changed { "pricing-sources/aws/ and pricing/ updated." } else { "Nothing written." });
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("refresh: {e}\nNothing was changed.");
            ExitCode::FAILURE
        }
    }
}
