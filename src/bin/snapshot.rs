//! `./dev snapshot [--sources DIR] [--out DIR] [--check]`
//!
//! Regenerates `pricing/` from the raw sources in `pricing-sources/` and
//! prints each file's size, raw and gzip. `--check` writes nothing and fails
//! when the committed files differ from what the sources give (or when a
//! stale file is left over). `./dev refresh` rewrites the sources from AWS.

use flate2::{write::GzEncoder, Compression};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn gzip_len(text: &str) -> usize {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(text.as_bytes()).expect("writing to memory");
    encoder.finish().expect("writing to memory").len()
}

/// Every file under `dir`, as paths relative to it.
fn existing_files(dir: &Path, prefix: &str, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
        if entry.path().is_dir() {
            existing_files(&entry.path(), &format!("{name}/"), out);
        } else {
            out.push(name);
        }
    }
}

fn main() -> ExitCode {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut sources = root.join("pricing-sources");
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
                match arg.as_str() {
                    "--sources" => sources = dir.into(),
                    _ => out = dir.into(),
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
    let mut present = Vec::new();
    existing_files(&out, "", &mut present);
    let leftovers: Vec<&String> = present.iter().filter(|p| !files.contains_key(*p)).collect();
    let mut stale: Vec<String> = leftovers.iter().map(|p| format!("{p} (no longer generated)")).collect();
    println!("{:<40} {:>9} {:>9}", "file", "raw B", "gzip B");
    for (name, contents) in &files {
        let path = out.join(name);
        println!("{name:<40} {:>9} {:>9}", contents.len(), gzip_len(contents));
        if check {
            if std::fs::read_to_string(&path).ok().as_deref() != Some(contents.as_str()) {
                stale.push(name.clone());
            }
        } else if let Err(e) = std::fs::create_dir_all(path.parent().unwrap_or(&out)).and_then(|_| std::fs::write(&path, contents)) {
            eprintln!("snapshot: cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    if check {
        if !stale.is_empty() {
            eprintln!("snapshot: pricing/ is out of date, run `cargo run --bin snapshot`: {}", stale.join(", "));
            return ExitCode::FAILURE;
        }
        println!("pricing/ is up to date ({} files)", files.len());
    } else {
        for p in leftovers {
            if let Err(e) = std::fs::remove_file(out.join(p)) {
                eprintln!("snapshot: cannot remove stale {p}: {e}");
                return ExitCode::FAILURE;
            }
        }
        println!("wrote {} files to {}", files.len(), out.display());
    }
    ExitCode::SUCCESS
}
