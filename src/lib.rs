//! Fargate against EC2: where does Fargate stop being cheaper for an ECS workload?
//!
//! `model` is the pure cost model (no browser, no I/O); `pricing` is the bundled
//! price snapshot and the tools that build it; `chart` draws the model's numbers
//! as SVG; `app` is the Yew front end. See ARCHITECTURE.md for the rules between them.

pub mod app;
pub mod chart;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod decimal;
pub mod ecs_import;
pub mod estimate;
pub mod export;
pub mod format;
pub mod i18n;
pub mod inputs;
pub mod json;
pub mod model;
pub mod options;
pub mod pasted;
pub mod pricing;
pub mod share_link;
pub mod workload_file;
