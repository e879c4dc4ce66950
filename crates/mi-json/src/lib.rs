//! The JSON reader and writer and the fmt-free text builders of ncloud-media-intelligence. Pure: no I/O,
//! no JS. Their own crate so the release profile builds these per-call hot paths at opt-level 3 (about
//! 8% less time per call over a stub fetch, for 0.5 KB gzip) while the rest is built for size.

pub mod json;
pub mod text;
