//! The HTTP exchange as plain data, and the `Transport` trait the pipeline sends through. No I/O and no
//! JS types here: the fetch transport and the tests' scripted transport implement the trait.

use core::any::Any;
use std::rc::Rc;

/// The methods this API uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
}

impl Method {
    /// Upper-case name, as signed and sent.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
        }
    }
}

/// One request ready to send: the URL is absolute, the headers include the signature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpRequest {
    pub method: Method,
    pub url: String,
    pub headers: Vec<(&'static str, String)>,
    pub body: Option<String>,
}

/// One response, read to the end.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpResponse {
    pub status: u16,
    pub body: String,
}

/// Why a request got no response.
#[derive(Clone, Debug)]
pub enum TransportError {
    /// The runtime's `fetch` failed: its message (never request headers) and the original error.
    Network(String, Option<Rc<dyn Any>>),
    /// The time limit passed first.
    Timeout,
}

/// Sends requests and reads the clock. Implemented by the `fetch` transport in wasm and by scripted
/// transports in host tests.
#[allow(async_fn_in_trait)]
pub trait Transport {
    /// Sends `request` and reads the whole body, giving up after `timeout_ms`.
    async fn send(&self, request: HttpRequest, timeout_ms: u32) -> Result<HttpResponse, TransportError>;

    /// Milliseconds since the Unix epoch.
    fn now_ms(&self) -> u64;
}
