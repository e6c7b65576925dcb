//! The cost model never touches the browser: no yew, web-sys, gloo,
//! wasm-bindgen or js-sys, and no I/O, in `src/model.rs` or `src/model/`.

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

#[test]
fn model_imports_nothing_browser_side() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![src.join("model.rs")];
    rust_files(&src.join("model"), &mut files);
    assert!(files.len() > 1, "the model's files were not found");
    let forbidden = ["yew", "web_sys", "gloo", "wasm_bindgen", "js_sys", "std::fs", "std::net", "crate::app", "crate::pricing"];
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        // Comments may name what the model avoids; code may not.
        let code: String = text.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n");
        for word in forbidden {
            assert!(!code.contains(word), "{} mentions {word}: the model must stay pure", file.display());
        }
    }
}
