//! ncloud-media-intelligence: a NAVER Cloud Platform Media Intelligence API client for JS runtimes.
//!
//! Four rings, four folders (see README "Layout"); arrows point down the list only:
//! - `core/`: plain Rust (signer, validation, errors, retry, clock, the pipeline, the operation table's
//!   types). No web-sys or js-sys; tested with `cargo test` on the host.
//! - `api/`: the operation table (`api::OPERATIONS`) and one module per API resource with its input
//!   and result types and rules. Uses `core` only.
//! - `transport/`: the one place that touches web-sys fetch types (`fetch` on `js_sys::global()`,
//!   bounded body reads, abort and time limits). Uses `core` only.
//! - `js/`: everything `#[wasm_bindgen]`: the client class, iterators, the signer exports, errors to
//!   JS, the proxy handler. Thin shims over `api`, `transport` and `core`.

/// The wasm build's allocator: lol_alloc's free list, 2.9 KB gzip smaller than std's dlmalloc. Freed
/// blocks are kept for reuse; memory is never returned to the host (wasm linear memory cannot shrink).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::LockedAllocator<lol_alloc::FreeListAllocator> =
    lol_alloc::LockedAllocator::new(lol_alloc::FreeListAllocator::new());

pub mod api;
pub mod core;

#[cfg(target_arch = "wasm32")]
mod js;
#[cfg(target_arch = "wasm32")]
mod transport;

#[cfg(target_arch = "wasm32")]
pub use js::client::MediaIntelligence;
#[cfg(target_arch = "wasm32")]
pub use js::proxy::create_proxy_handler;
#[cfg(target_arch = "wasm32")]
pub use js::sign::{sign_request, NcpSigner};
