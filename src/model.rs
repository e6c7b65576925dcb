//! The cost model: plain arithmetic on plain values.
//!
//! Invariant: nothing in here imports yew, web-sys, gloo, wasm-bindgen or does
//! I/O (a test in `tests/architecture.rs` enforces it), so the same numbers come
//! out of the browser, the tests and the command line.
//!
//! Units, everywhere: money in USD, time in hours, memory in GiB unless a name
//! says MiB. One month is 730 hours, AWS's own convention.

pub mod bill;
pub mod cost_line;
pub mod credits;
pub mod curve;
pub mod ec2;
pub mod fargate;
pub mod line;
pub mod outclassed;
pub mod packing;
pub mod placement;
pub mod platform;
pub mod scenario;
pub mod standing;
pub mod task_size;
pub mod usage;

/// Hours in the billing month AWS uses for monthly estimates (8,760 h / 12).
pub const HOURS_PER_MONTH: f64 = 730.0;
