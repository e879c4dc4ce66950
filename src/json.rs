//! The JSON reader and writer, from `crates/mi-json` (built at opt-level 3): re-exported so the rest of
//! the crate and the tests name it `json`. Nothing else lives here.

pub use mi_json::json::*;
