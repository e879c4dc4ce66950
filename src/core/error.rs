//! The client's closed set of failures and their stable codes. Plain data: no JS types here, and no
//! constructor takes a secret, so no message can carry one.

use core::any::Any;
use core::fmt;
use std::rc::Rc;


/// What kind of failure; each becomes the JS `Error.name` of the same spelling.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// Bad input, found before any I/O.
    Validation,
    /// No response: DNS, connection refused or reset, CORS refusal, no `fetch` in the runtime.
    Network,
    /// No response within the time limit.
    Timeout,
    /// A non-2xx answer, or a 2xx whose envelope reports a failure.
    Api,
    /// An answer whose body is not the documented shape.
    Decode,
    /// The caller's `AbortSignal` fired.
    Abort,
}

impl ErrorKind {
    /// Every kind, for checks that must know them all.
    pub const ALL: [ErrorKind; 6] = [
        ErrorKind::Validation,
        ErrorKind::Network,
        ErrorKind::Timeout,
        ErrorKind::Api,
        ErrorKind::Decode,
        ErrorKind::Abort,
    ];

    /// The JS `Error.name` for this kind.
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::Validation => "ValidationError",
            ErrorKind::Network => "NetworkError",
            ErrorKind::Timeout => "TimeoutError",
            ErrorKind::Api => "ApiError",
            ErrorKind::Decode => "DecodeError",
            ErrorKind::Abort => "AbortError",
        }
    }
}

/// One failure, with everything a caller can branch on.
#[derive(Clone, Debug)]
pub struct Error {
    pub kind: ErrorKind,
    /// Stable machine-readable code (see the README's error table).
    pub code: &'static str,
    /// Human-readable text saying what was attempted and what went wrong.
    pub message: String,
    /// The input field at fault (validation only), e.g. `workspaceName` or `thumbnails[2].thumbnailKey`.
    pub field: Option<String>,
    /// HTTP status, when a response arrived.
    pub status: Option<u16>,
    /// The API's own code: the service `code` or the gateway `errorCode`.
    pub api_code: Option<String>,
    /// The API's own message.
    pub api_message: Option<String>,
    /// The gateway's `details`, when it sent any.
    pub api_details: Option<String>,
    /// The runtime's original error or the abort reason (a JS value in wasm), kept opaque so the core
    /// stays JS-free.
    pub cause: Option<Rc<dyn Any>>,
    /// Attempts made before giving up (0 when the input was refused before any).
    pub attempts: u32,
    /// Total time spent waiting between attempts.
    pub retry_delay_ms: u64,
    /// The wait the server asked for with `Retry-After` when the call failed without honouring it.
    pub retry_after_ms: Option<u64>,
    /// A waited job's last status object (a JS value in wasm), for waiters that end in failure.
    pub job_status: Option<Rc<dyn Any>>,
}

impl Error {
    #[inline(never)]
    pub(crate) fn new(kind: ErrorKind, code: &'static str, message: String) -> Self {
        Error {
            kind,
            code,
            message,
            field: None,
            status: None,
            api_code: None,
            api_message: None,
            api_details: None,
            cause: None,
            attempts: 0,
            retry_delay_ms: 0,
            retry_after_ms: None,
            job_status: None,
        }
    }

    /// Input that breaks a rule: `field` names the input, `rule` says what it must be.
    #[inline(never)]
    pub fn validation(field: &str, rule: &str) -> Self {
        let mut e = Error::new(ErrorKind::Validation, "INVALID_INPUT", format!("{field} {rule}"));
        e.field = Some(field.to_owned());
        e
    }

    /// The request got no response. `attempted` is `METHOD /path`.
    pub fn network(attempted: &str, detail: &str, cause: Option<Rc<dyn Any>>) -> Self {
        let mut e = Error::new(ErrorKind::Network, "NETWORK_ERROR", format!("{attempted}: network error: {detail}"));
        e.cause = cause;
        e
    }

    /// The request got no response within `timeout_ms`.
    pub fn timeout(attempted: &str, timeout_ms: u32) -> Self {
        Error::new(ErrorKind::Timeout, "TIMEOUT", format!("{attempted}: no response within {timeout_ms} ms"))
    }

    /// The caller's `AbortSignal` fired; `reason` is the signal's reason.
    pub fn aborted(attempted: &str, reason: Option<Rc<dyn Any>>) -> Self {
        let mut e = Error::new(ErrorKind::Abort, "ABORTED", format!("{attempted}: aborted by the caller's signal"));
        e.cause = reason;
        e
    }

    /// The API answered with a failure.
    pub fn api(attempted: &str, status: u16, api: ApiFailure) -> Self {
        let code = api_error_code(status, &api.code);
        let mut message = format!("{attempted}: HTTP {status}");
        if !api.code.is_empty() || !api.message.is_empty() {
            message.push_str(&format!(" ({} {})", api.code, api.message));
        }
        if let Some(details) = &api.details {
            message.push_str(&format!(": {details}"));
        }
        let mut e = Error::new(ErrorKind::Api, code, message);
        e.status = Some(status);
        e.api_code = Some(api.code);
        e.api_message = Some(api.message);
        e.api_details = api.details;
        e
    }

    /// The body did not have the documented shape; `problem` says how.
    pub fn decode(attempted: &str, status: u16, problem: &str) -> Self {
        let mut e = Error::new(ErrorKind::Decode, "DECODE_ERROR", format!("{attempted}: HTTP {status} with an unexpected body: {problem}"));
        e.status = Some(status);
        e
    }
}

impl Error {
    /// A 3xx answer: a signed request never follows a redirect (its headers and body would go to
    /// whatever the `Location` names), so the redirect itself is the failure. `status` is 0 when the
    /// runtime hides it (a browser's opaque redirect).
    pub fn redirect(attempted: &str, status: u16) -> Self {
        let shown = if status == 0 { "a redirect".to_owned() } else { format!("HTTP {status}") };
        let mut e = Error::new(
            ErrorKind::Api,
            "REDIRECT",
            format!("{attempted}: {shown}; signed requests never follow redirects (is the endpoint right?)"),
        );
        e.status = Some(status);
        e
    }

    /// A response body over the cap (`maxResponseBytes`), refused while it was read.
    pub fn too_large(attempted: &str, status: u16, limit: u64) -> Self {
        let mut e = Error::new(
            ErrorKind::Decode,
            "RESPONSE_TOO_LARGE",
            format!("{attempted}: HTTP {status} with a body over {limit} bytes (maxResponseBytes); the rest was not read"),
        );
        e.status = Some(status);
        e
    }

    /// A waited job did not reach an end state within `timeout_ms`.
    pub fn wait_timeout(attempted: &str, timeout_ms: u64, state: Option<&str>) -> Self {
        let last = state.map(|s| format!(" (last status {s})")).unwrap_or_default();
        Error::new(ErrorKind::Timeout, "TIMEOUT", format!("{attempted}: the job did not finish within {timeout_ms} ms{last}"))
    }

    /// A waited job ended in a failed state: `code` says which (`ANALYSIS_FAILED`, ...), `state` is the
    /// status the API reported. The status object itself is attached by the JS layer.
    pub fn job_failed(attempted: &str, code: &'static str, state: &str, detail: Option<&str>) -> Self {
        let mut message = format!("{attempted}: the job ended in {state}");
        if let Some(detail) = detail.filter(|d| !d.is_empty()) {
            message.push_str(&format!(" ({detail})"));
        }
        let mut e = Error::new(ErrorKind::Api, code, message);
        e.api_code = Some(state.to_owned());
        e
    }
}

/// The failure fields of either envelope: service `{code, message}` or gateway `{error: {...}}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiFailure {
    pub code: String,
    pub message: String,
    pub details: Option<String>,
}

/// The stable `code` of an `ApiError`, from the HTTP status and the API's code.
fn api_error_code(status: u16, api_code: &str) -> &'static str {
    match (status, api_code) {
        (401, "210") | (403, _) => "FORBIDDEN",
        (401, _) => "AUTHENTICATION_FAILED",
        (404, _) => "NOT_FOUND",
        (409, _) => "CONFLICT",
        (413, _) => "PAYLOAD_TOO_LARGE",
        (429, "400") => "QUOTA_EXCEEDED",
        (429, _) => "RATE_LIMITED",
        (400..=499, _) => "BAD_REQUEST",
        (500..=599, _) => "SERVER_ERROR",
        (300..=399, _) => "REDIRECT",
        _ => "API_ERROR",
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}
