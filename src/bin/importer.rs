//! The page's import worker (`app::import_worker`), built by Trunk beside
//! the page (index.html, `data-type="worker"`).

#[cfg(target_arch = "wasm32")]
fn main() {
    fargate_vs_ec2::app::import_worker::serve();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("importer is the page's import worker: run `./dev serve` (see README.md).");
    std::process::exit(2);
}
