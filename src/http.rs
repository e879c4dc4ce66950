//! The HTTP exchange as plain data, and the `Transport` trait the pipeline sends, sleeps, reads the
//! clock and logs through. No I/O and no JS types here: the fetch transport and the tests' scripted
//! transport implement the trait.

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

/// One response, read to the end, with the headers the pipeline uses.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HttpResponse {
    pub status: u16,
    pub body: String,
    /// The `Date` header: the server's clock, for skew correction.
    pub date: Option<String>,
    /// The `Retry-After` header: seconds or an HTTP-date.
    pub retry_after: Option<String>,
}

/// Why a request got no response, or a wait was cut short.
#[derive(Clone, Debug)]
pub enum TransportError {
    /// The runtime's `fetch` failed: its message (never request headers) and the original error.
    Network(String, Option<Rc<dyn Any>>),
    /// The time limit passed first.
    Timeout,
    /// The caller's `AbortSignal` fired; its `reason` is kept.
    Aborted(Option<Rc<dyn Any>>),
}

/// One structured record per attempt, for the caller's logger. Holds no secret and no header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttemptRecord<'a> {
    pub method: &'static str,
    pub path: &'a str,
    /// 1 for the first attempt.
    pub attempt: u32,
    /// The HTTP status, when a response arrived.
    pub status: Option<u16>,
    /// The API's code (`"0"` on success), when the body had one.
    pub api_code: Option<&'a str>,
    /// Time from sending to the end of the body.
    pub duration_ms: u64,
    /// `"ok"`, `"retry"` (another attempt follows) or `"error"` (the call fails with this attempt).
    pub outcome: &'static str,
    /// The error code of a failed attempt.
    pub error_code: Option<&'static str>,
    /// Wait before the next attempt, when one follows.
    pub delay_ms: Option<u64>,
}

/// Sends requests, waits, reads the clock and randomness, and reports attempts. Implemented by the
/// `fetch` transport in wasm and by scripted transports in host tests.
#[allow(async_fn_in_trait)]
pub trait Transport {
    /// Sends `request` and reads the whole body, giving up after `timeout_ms`.
    async fn send(&self, request: HttpRequest, timeout_ms: u32) -> Result<HttpResponse, TransportError>;

    /// Waits `ms` milliseconds; fails with `Aborted` if the caller cancels meanwhile.
    async fn sleep(&self, ms: u64) -> Result<(), TransportError>;

    /// Milliseconds since the Unix epoch.
    fn now_ms(&self) -> u64;

    /// A uniformly distributed number in `[0, 1)`, for backoff jitter.
    fn random(&self) -> f64;

    /// Whether `log` keeps records. When not, the pipeline skips what only a record needs: the clock
    /// read that times the attempt (its `duration_ms` is then 0). The default keeps none.
    fn logs(&self) -> bool {
        false
    }

    /// Receives one record per attempt; the default drops it.
    fn log(&self, _record: &AttemptRecord) {}
}
