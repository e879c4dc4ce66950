//! The plain Rust core: signer, validation, errors, retry policy, clock, the request pipeline and the
//! operation table's types. No web-sys or js-sys: it builds and tests with `cargo test` on the host.

pub mod client;
pub mod clock;
pub mod envelope;
pub mod error;
pub mod format;
pub mod http;
pub mod operation;
pub mod pipeline;
pub mod proxy;
pub mod request;
pub mod retry;
pub mod shape;
pub mod sign;
pub mod validate;
