//! The command-line tool's parts, on the same options, model and prices as the
//! page: its arguments (`args`), its help generated from the option table
//! (`help`), the table and sources it prints (`table`), the candidate listing
//! (`instances`), and its `--json` (`json`). Native only; `src/bin/` holds the
//! binary that runs them.

pub mod args;
pub mod help;
pub mod import;
pub mod instances;
pub mod json;
pub mod table;
