//! The browser app: mounts the Yew explorer into the page. Built by Trunk.

#[cfg(target_arch = "wasm32")]
fn main() {
    fargate_vs_ec2::app::crash::install();
    yew::Renderer::<fargate_vs_ec2::app::App>::new().render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("explorer is the browser app: run `./dev serve` (see README.md).");
    std::process::exit(2);
}
