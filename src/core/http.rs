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
    Patch,
    Delete,
}

impl Method {
    /// Upper-case name, as signed and sent.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }

    /// The method named `name` (upper case), if this API uses it.
    pub fn parse(name: &str) -> Option<Method> {
        [Method::Get, Method::Post, Method::Patch, Method::Delete].into_iter().find(|m| m.as_str() == name)
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

/// A response body as the transport read it: parsed JSON, or a short printable snippet of what was
/// not JSON (an HTML error page, an empty body).
#[derive(Clone, Debug, PartialEq)]
pub enum Body<V> {
    Json(V),
    NotJson(String),
}

/// One response, read to the end (within its cap), with the headers the pipeline uses.
#[derive(Clone, Debug, PartialEq)]
pub struct HttpResponse<V> {
    pub status: u16,
    pub body: Body<V>,
    /// The `Date` header: the server's clock, for skew correction.
    pub date: Option<String>,
    /// The `Retry-After` header: seconds or an HTTP-date.
    pub retry_after: Option<String>,
}

/// Why a request got no usable response, or a wait was cut short.
#[derive(Clone, Debug)]
pub enum TransportError {
    /// The runtime's `fetch` failed: its message (never request headers) and the original error.
    Network(String, Option<Rc<dyn Any>>),
    /// The time limit passed first.
    Timeout,
    /// The caller's `AbortSignal` fired; its `reason` is kept.
    Aborted(Option<Rc<dyn Any>>),
    /// The answer was a redirect (status, 0 when hidden); it was not followed.
    Redirect(u16),
    /// The body went over the cap of this many bytes while it was read (status of the answer).
    TooLarge(u16, u64),
    /// The caller's `signal` is not one the runtime's `fetch` accepts (a replaced `AbortSignal`).
    BadSignal(String),
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
    /// A parsed JSON document: a JS value in wasm, a `serde_json::Value` in host tests.
    type Value;

    /// Sends `request` and reads the body (within the cap), giving up after `timeout_ms`.
    async fn send(&self, request: HttpRequest, timeout_ms: u32) -> Result<HttpResponse<Self::Value>, TransportError>;

    /// Waits `ms` milliseconds; fails with `Aborted` if the caller cancels meanwhile.
    async fn sleep(&self, ms: u64) -> Result<(), TransportError>;

    /// Milliseconds since the Unix epoch.
    fn now_ms(&self) -> u64;

    /// A uniformly distributed number in `[0, 1)`, for backoff jitter.
    fn random(&self) -> f64;

    /// Milliseconds since the Unix epoch of an ISO 8601 date-time with a zone, such as
    /// `2026-03-18T10:30:00+09:00`, by the runtime's own date parser.
    fn parse_time(&self, iso: &str) -> Option<u64>;

    /// Whether `log` keeps records. When not, the pipeline skips what only a record needs: the clock
    /// read that times the attempt (its `duration_ms` is then 0). The default keeps none.
    fn logs(&self) -> bool {
        false
    }

    /// Receives one record per attempt; the default drops it.
    fn log(&self, _record: &AttemptRecord) {}
}
