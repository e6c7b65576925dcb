//! `cargo run --bin snapshot [-- --sources DIR] [--out DIR] [--check]`
//!
//! Regenerates `pricing/` from the raw sources. `--check` writes nothing and
//! fails when the committed files differ from what the sources give.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut sources = root.join("../shared/pricing-sources");
    let mut out = root.join("pricing");
    let mut check = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--check" => check = true,
            "--sources" | "--out" => {
                let Some(dir) = args.next() else {
                    eprintln!("snapshot: {arg} needs a folder");
                    return ExitCode::from(2);
                };
                if arg == "--sources" {
                    sources = dir.into();
                } else {
                    out = dir.into();
                }
            }
            _ => {
                eprintln!("snapshot: unknown argument {arg:?}; usage: snapshot [--sources DIR] [--out DIR] [--check]");
                return ExitCode::from(2);
            }
        }
    }
    let files = match fargate_vs_ec2::pricing::build::build(&sources) {
        Ok(files) => files,
        Err(e) => {
            eprintln!("snapshot: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut stale = Vec::new();
    for (name, contents) in &files {
        let path = out.join(name);
        if check {
            if std::fs::read_to_string(&path).ok().as_deref() != Some(contents.as_str()) {
                stale.push(path.display().to_string());
            }
        } else if let Err(e) = std::fs::create_dir_all(&out).and_then(|_| std::fs::write(&path, contents)) {
            eprintln!("snapshot: cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        } else {
            println!("wrote {} ({} bytes)", path.display(), contents.len());
        }
    }
    if !stale.is_empty() {
        eprintln!("snapshot: out of date, run `cargo run --bin snapshot`: {}", stale.join(", "));
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
