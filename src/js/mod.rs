//! Everything `#[wasm_bindgen]`: the client class, iterators, the signer exports, errors to JS, the
//! proxy handler, and the `.d.ts` declarations. Thin shims: convert, call the core, convert back.

pub mod assets;
pub mod call;
pub mod client;
pub mod error;
pub mod format;
pub mod index;
pub mod input;
pub mod options;
pub mod paging;
pub mod persons;
pub mod projects;
pub mod proxy;
pub mod proxy_options;
pub mod search;
pub mod sign;
pub mod tags;
pub mod types;
pub mod types_media;
pub mod types_people;
pub mod upload;
pub mod waiter;
