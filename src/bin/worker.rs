//! The page's worker (`app::worker`): the import box and a week of load,
//! built by Trunk beside the page (index.html, `data-type="worker"`).

#[cfg(target_arch = "wasm32")]
fn main() {
    fargate_vs_ec2::app::worker::serve();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("worker is the page's web worker: run `./dev serve` (see README.md).");
    std::process::exit(2);
}
