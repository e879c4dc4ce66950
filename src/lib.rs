//! ncloud-media-intelligence: a NAVER Cloud Platform Media Intelligence API client for JS runtimes.
//!
//! Three rings (see DESIGN.md): a plain Rust core that builds and tests on the host (`sign`, `validate`,
//! `envelope`, `workspaces`, `client`, `pipeline`, `retry`, `clock`, `proxy`, `error`, `http`, `json`,
//! `text`), one transport module over the global `fetch` (`fetch`, with its JS half `fetch.js`), and the
//! JS face with every `#[wasm_bindgen]` export (`js_*`; the proxy's JS half is `js_proxy.js`). Only the
//! last two touch JS.

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
