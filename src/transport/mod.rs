//! The one place that touches web-sys fetch types: `fetch` called on `js_sys::global()` (never
//! `window`), time limits and the caller's abort signals, redirects refused, and bounded body reads.
//! It holds no retry or API logic and never logs or formats a header beyond `Date` and `Retry-After`.

pub mod body;
pub mod fetch;
pub mod plain;
pub mod signals;
