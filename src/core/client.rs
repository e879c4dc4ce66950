//! The client's checked configuration (endpoint, keys, limits) and the clock offset learnt from the
//! server; builds the signed HTTP request for a call. It never sends and never formats a secret.

use std::cell::Cell;

use crate::core::error::Error;
use crate::core::http::HttpRequest;
use crate::core::pipeline::CallLimits;
use crate::core::request::Call;
use crate::core::retry::RetryPolicy;
use crate::core::sign::{Credentials, HEADER_ACCESS_KEY, HEADER_SIGNATURE, HEADER_TIMESTAMP};

/// The public NCP endpoint for Media Intelligence.
pub const DEFAULT_ENDPOINT: &str = "https://mi.apigw.ntruss.com";
/// Time limit for one request when the caller sets none.
pub const DEFAULT_TIMEOUT_MS: u32 = 30_000;

/// Where to send requests: `origin` is `scheme://host[:port]`, `base_path` any prefix before `/api`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoint {
    pub origin: String,
    pub base_path: String,
}

impl Endpoint {
    /// Parses `http(s)://host[:port][/prefix]` (a trailing slash is tolerated). Only text that every
    /// URL parser keeps as it is passes: the prefix is signed as written, so anything `fetch` would
    /// rewrite (`..`, non-ASCII, `\`, `{`, `%`) is refused here rather than signed one way and sent
    /// another. Credentials (`user:pw@`) are refused, and no message repeats the text.
    pub fn parse(text: &str, field: &'static str) -> Result<Self, Error> {
        const RULE: &str = "must be an http:// or https:// URL: host[:port] and an optional path prefix of letters, digits, -, ., _ and ~ (no credentials, query or fragment)";
        let refuse = || Error::validation(field, RULE);
        let (scheme, rest) = if let Some(rest) = text.strip_prefix("https://") {
            ("https://", rest)
        } else if let Some(rest) = text.strip_prefix("http://") {
            ("http://", rest)
        } else {
            return Err(refuse());
        };
        let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
        if !host_and_port(host) {
            return Err(refuse());
        }
        let path = path.strip_suffix('/').unwrap_or(path);
        let mut base_path = String::new();
        if !path.is_empty() {
            for segment in path.split('/') {
                let plain = segment.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~'));
                if segment.is_empty() || segment == "." || segment == ".." || !plain {
                    return Err(refuse());
                }
                base_path.push('/');
                base_path.push_str(segment);
            }
        }
        // WHATWG URL serialises the host in lower case; the host is not signed, but keep one form.
        Ok(Endpoint { origin: format!("{scheme}{}", host.to_ascii_lowercase()), base_path })
    }

    /// The path and query to sign and send for an API path: any base path, then the API path.
    pub fn uri(&self, api_path: &str) -> String {
        [self.base_path.as_str(), api_path].concat()
    }
}

/// `name[:port]` or `[v6-address][:port]`: a name of letters, digits, `-` and `.`, and a port of 1 to 5
/// digits up to 65535.
fn host_and_port(text: &str) -> bool {
    let (name, port) = match text.strip_prefix('[') {
        Some(rest) => match rest.split_once(']') {
            Some((v6, tail)) if !v6.is_empty() && v6.bytes().all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.') => {
                (v6, if tail.is_empty() { None } else { tail.strip_prefix(':').map(Some).unwrap_or(Some("x")) })
            }
            _ => return false,
        },
        None => match text.split_once(':') {
            Some((name, port)) => (name, Some(port)),
            None => (text, None),
        },
    };
    let name_ok = !name.is_empty() && (text.starts_with('[') || name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.'));
    let port_ok = port.is_none_or(|p| (1..=5).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()) && p.parse::<u32>().is_ok_and(|n| n <= 65_535));
    name_ok && port_ok
}

/// Everything a client needs, checked once at construction.
#[derive(Clone, Debug)]
pub struct Config {
    pub endpoint: Endpoint,
    /// `None` for a client of a signing proxy: its requests carry no NCP headers.
    pub credentials: Option<Credentials>,
    pub limits: CallLimits,
}

impl Config {
    /// A signing configuration with the default time limit and retry policy.
    pub fn new(endpoint: Endpoint, credentials: Credentials) -> Self {
        Config { endpoint, credentials: Some(credentials), limits: Config::default_limits() }
    }

    /// A configuration for a client that talks to a signing proxy and holds no keys.
    pub fn unsigned(endpoint: Endpoint) -> Self {
        Config { endpoint, credentials: None, limits: Config::default_limits() }
    }

    pub fn default_limits() -> CallLimits {
        CallLimits { timeout_ms: DEFAULT_TIMEOUT_MS, retries: RetryPolicy::default() }
    }
}

/// A Media Intelligence client. It remembers how far the local clock is from the server's.
#[derive(Debug)]
pub struct Client {
    pub config: Config,
    clock_offset_ms: Cell<i64>,
}

impl Client {
    pub fn new(config: Config) -> Self {
        Client { config, clock_offset_ms: Cell::new(0) }
    }

    /// The server's time as this client estimates it: the local clock plus the learnt offset.
    pub fn server_now<T: crate::core::http::Transport>(&self, transport: &T) -> u64 {
        self.server_time(transport.now_ms())
    }

    /// The server's time when the local clock read `local_ms`.
    pub fn server_time(&self, local_ms: u64) -> u64 {
        local_ms.saturating_add_signed(self.clock_offset_ms.get())
    }

    /// The learnt offset (server minus local), 0 until a skewed clock was detected.
    pub fn clock_offset_ms(&self) -> i64 {
        self.clock_offset_ms.get()
    }

    pub fn set_clock_offset(&self, offset_ms: i64) {
        self.clock_offset_ms.set(offset_ms);
    }

    /// The HTTP request for `call`, signed at `timestamp_ms` when this client holds keys.
    pub fn request(&self, call: &Call, timestamp_ms: u64) -> HttpRequest {
        let uri = self.config.endpoint.uri(&call.path);
        let mut headers = Vec::with_capacity(4);
        if let Some(credentials) = &self.config.credentials {
            let signed = credentials.sign(call.op.method.as_str(), &uri, timestamp_ms);
            headers.push((HEADER_TIMESTAMP, signed.timestamp));
            headers.push((HEADER_ACCESS_KEY, signed.access_key));
            headers.push((HEADER_SIGNATURE, signed.signature));
        }
        headers.push(("content-type", "application/json".to_owned()));
        let url = [self.config.endpoint.origin.as_str(), uri.as_str()].concat();
        HttpRequest { method: call.op.method, url, headers, body: call.body.clone() }
    }
}
