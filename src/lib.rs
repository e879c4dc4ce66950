//! ncloud-media-intelligence: a NAVER Cloud Platform Media Intelligence API client for JS runtimes.
//!
//! Three rings (see DESIGN.md): a plain Rust core that builds and tests on the host (`sign`, `validate`,
//! `envelope`, `workspaces`, `client`, `pipeline`, `retry`, `clock`, `proxy`, `error`, `http`, and `json`
//! and `text` from `crates/mi-json`; the hashes are in `crates/mi-sha256`), one transport module over
//! the global `fetch` (`fetch`, with its JS half `fetch.js`), and the JS face with every
//! `#[wasm_bindgen]` export (`js_*`; the proxy and the signer have JS halves, `js_proxy.js` and `js_sign.js`).
//! Only the last two touch JS.

/// The wasm build's allocator: lol_alloc's free list, 2.9 KB gzip smaller than std's dlmalloc (talc:
/// 1.8 KB). Its spin lock costs 59 B gzip over the `unsafe` single-thread wrapper and needs no `unsafe`
/// (on wasm32 without threads it is never contended). Freed blocks are kept for reuse; memory is never
/// returned to the host (wasm linear memory cannot shrink anyway).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::LockedAllocator<lol_alloc::FreeListAllocator> =
    lol_alloc::LockedAllocator::new(lol_alloc::FreeListAllocator::new());

pub mod client;
pub mod clock;
pub mod envelope;
pub mod error;
pub mod http;
pub mod json;
pub mod pipeline;
pub mod proxy;
pub mod retry;
pub mod sign;
pub mod text;
pub mod validate;
pub mod workspaces;

#[cfg(target_arch = "wasm32")]
mod fetch;
#[cfg(target_arch = "wasm32")]
mod js_client;
#[cfg(target_arch = "wasm32")]
mod js_error;
#[cfg(target_arch = "wasm32")]
mod js_input;
#[cfg(target_arch = "wasm32")]
mod js_options;
#[cfg(target_arch = "wasm32")]
mod js_proxy;
#[cfg(target_arch = "wasm32")]
mod js_proxy_options;
#[cfg(target_arch = "wasm32")]
mod js_results;
#[cfg(target_arch = "wasm32")]
mod js_sign;

#[cfg(target_arch = "wasm32")]
pub use js_client::MediaIntelligence;
#[cfg(target_arch = "wasm32")]
pub use js_proxy::create_proxy_handler;
#[cfg(target_arch = "wasm32")]
pub use js_sign::{sign_request, NcpSigner};
