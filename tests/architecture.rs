//! The cost model never touches the browser: no yew, web-sys, gloo,
//! wasm-bindgen or js-sys, and no I/O, in `src/model.rs` or `src/model/`; nor
//! anything of the crate outside it (text, formatting, prices, the app). The
//! top-level modules import each other without a cycle. And the page's code
//! reads decimal numbers with `decimal::parse`, writes them without std's
//! float formatting, and gives elements literal classes only.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// A module's files: `src/<name>.rs` and everything under `src/<name>/`.
fn module_files(name: &str) -> Vec<PathBuf> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![src.join(format!("{name}.rs"))];
    rust_files(&src.join(name), &mut files);
    assert!(files.len() > 1, "the {name} module's files were not found");
    files
}

/// A file's code: no comments, and nothing from its `#[cfg(test)]` on.
fn code_of(file: &Path) -> String {
    let text = std::fs::read_to_string(file).unwrap();
    let text = text.split("#[cfg(test)]").next().unwrap();
    text.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n")
}

#[test]
fn model_imports_nothing_browser_side() {
    let files = module_files("model");
    let forbidden = ["yew", "web_sys", "gloo", "wasm_bindgen", "js_sys", "std::fs", "std::net", "std::fmt", "println"];
    for file in files {
        let code = code_of(&file);
        for word in forbidden {
            assert!(!code.contains(word), "{} mentions {word}: the model must stay pure", file.display());
        }
        // Not even the crate's text, formatting, prices or app: the model is below them all.
        for (at, _) in code.match_indices("crate::") {
            assert!(
                code[at..].starts_with("crate::model"),
                "{} imports {}: the model imports only itself",
                file.display(),
                &code[at..at + 20.min(code.len() - at)]
            );
        }
    }
}

/// Which top-level modules each one's code names (`crate::<module>`).
fn module_graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let lib = std::fs::read_to_string(src.join("lib.rs")).unwrap();
    let modules: Vec<String> =
        lib.lines().filter_map(|l| l.trim().strip_prefix("pub mod ")).map(|m| m.trim_end_matches(';').to_string()).collect();
    assert!(modules.len() > 10 && modules.contains(&"model".to_string()), "{modules:?}");
    let mut graph = BTreeMap::new();
    for m in &modules {
        let mut files = vec![src.join(format!("{m}.rs"))];
        if src.join(m).is_dir() {
            rust_files(&src.join(m), &mut files);
        }
        let uses: BTreeSet<String> = files
            .iter()
            .flat_map(|f| {
                let code = code_of(f);
                modules.iter().filter(|d| *d != m && code.contains(&format!("crate::{d}"))).cloned().collect::<Vec<_>>()
            })
            .collect();
        graph.insert(m.clone(), uses);
    }
    graph
}

/// Modules import each other in one direction only: no cycle, so each can
/// be read knowing only those below it (ARCHITECTURE.md draws the layers).
#[test]
fn modules_import_each_other_without_a_cycle() {
    let graph = module_graph();
    assert!(graph["format"].iter().all(|m| m == "model"), "format imports only the model: {:?}", graph["format"]);
    // Peel off modules that import nothing left; what cannot be peeled is in a cycle.
    let mut left = graph.clone();
    while let Some(leaf) = left.iter().find(|(_, uses)| uses.iter().all(|u| !left.contains_key(u))).map(|(m, _)| m.clone()) {
        left.remove(&leaf);
    }
    assert!(left.is_empty(), "modules in an import cycle: {left:?}");
}

/// The lines of code the page can reach (not the tools, the CLI's argument
/// parser, the snapshot builder, the offer-file reader, nor tests), with
/// their file and line number.
fn page_code() -> Vec<(String, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    // A module's tests in a file of their own are `tests.rs`, beside it.
    let native_only = ["bin", "build", "build.rs", "offer.rs", "refresh", "refresh.rs", "cli", "cli.rs", "native.rs", "tests.rs"];
    let mut lines = Vec::new();
    for file in files.iter().filter(|f| !f.strip_prefix(&src).unwrap().iter().any(|part| native_only.contains(&part.to_str().unwrap()))) {
        let text = std::fs::read_to_string(file).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap();
        for (n, line) in code.lines().enumerate().filter(|(_, l)| !l.trim_start().starts_with("//")) {
            lines.push((format!("{}:{}", file.display(), n + 1), line.to_string()));
        }
    }
    assert!(lines.len() > 3000, "only {} lines checked", lines.len());
    lines
}

/// std's float parser brings a 10 KB table into the wasm that gzip cannot
/// shrink (README "Size"): code the page can reach reads numbers with
/// `decimal::parse` (which checks itself against std's in its tests).
#[test]
fn the_page_reads_numbers_with_decimal_parse() {
    for (at, line) in page_code().iter().filter(|(at, _)| !at.contains("decimal.rs")) {
        let float_parse = line.contains(".parse") && (line.contains("f64") || line.contains("f32"));
        assert!(!float_parse, "{at}: reads a float with std's parser; use crate::decimal::parse");
    }
}

/// std's Unicode tables cost wasm that gzip cannot shrink (README "Size"):
/// `{:?}` of a string escapes by Unicode property (3.5 KB gzip), and
/// `to_lowercase` converts by table (2.8 KB, plotters did it to every font
/// family given by name). Code the page can reach quotes values with
/// `format::quoted`, formats nothing with `Debug`, and names fonts by value.
#[test]
fn the_page_keeps_std_unicode_tables_out() {
    for (at, line) in page_code() {
        assert!(!line.contains(":?}") && !line.contains(":#?}"), "{at}: Debug formatting; use crate::format::quoted");
        assert!(!line.contains("to_lowercase") && !line.contains("to_uppercase"), "{at}: Unicode case conversion; use the ASCII one");
        for family in ["(\"sans-serif\"", "(\"serif\"", "(\"monospace\""] {
            assert!(!line.contains(family), "{at}: a font family by name; use plotters' FontFamily value");
        }
    }
}

/// std's float formatting (Grisu, Dragon and their tables) is ~10 KB of gzip
/// wasm (README "Size"): code the page can reach writes numbers with
/// `format::decimals` (to a number of places) or `decimal::shortest` (to read
/// back), never with a precision (`{x:.2}`). Not caught here: `{x}` or
/// `to_string()` of an f64, or `f64::clamp` (its panic message formats
/// floats), which the text does not tell from an integer's; `./dev size`
/// would show the 10 KB coming back.
#[test]
fn the_page_keeps_std_float_formatting_out() {
    for (at, line) in page_code() {
        let precision = line
            .match_indices(":.")
            .any(|(i, _)| line[i + 2..].starts_with(|c: char| c.is_ascii_digit() || c == '*') && line[..i].contains('{'));
        assert!(!precision, "{at}: formats a float with std; use crate::format::decimals");
    }
}

/// A `class` that is not a string literal goes through Yew's `Classes` (an
/// `IndexSet` and its hashing): 2.5 KB gzip of wasm for a handful of toggles
/// (README "Size"). Literal classes are static; state goes in `data-*`
/// attributes or in `if` branches with literal classes.
#[test]
fn the_page_gives_elements_literal_classes() {
    for file in module_files("app") {
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim_start().starts_with("//")) {
            let dynamic = line.contains("classes!") || line.contains("Classes") || line.contains("class={");
            assert!(
                !dynamic,
                "{}:{}: a dynamic class brings Yew's Classes into the wasm; use a literal class or a data-* attribute",
                file.display(),
                n + 1
            );
        }
    }
}
