//! The client: checked configuration, the clock offset learnt from the server, and the operations.
//! Each operation builds its call and hands it to the pipeline; it sends through the transport it is
//! given and never formats a secret.

use std::cell::Cell;

use crate::clock;
use crate::error::Error;
use crate::http::{HttpRequest, Method, Transport};
use crate::pipeline::{self, CallLimits};
use crate::retry::RetryPolicy;
use crate::sign::{Credentials, HEADER_ACCESS_KEY, HEADER_SIGNATURE, HEADER_TIMESTAMP};
use crate::text;
use crate::workspaces::{self, CreateWorkspace, Workspace, WorkspaceDetails};

/// The public NCP endpoint for Media Intelligence.
pub const DEFAULT_ENDPOINT: &str = "https://mi.apigw.ntruss.com";
/// Time limit for one request when the caller sets none.
pub const DEFAULT_TIMEOUT_MS: u32 = 30_000;
/// The zone the API writes its zone-less times in: KST, UTC+9.
pub const API_ZONE_OFFSET_MINUTES: i64 = 9 * 60;

/// One API operation before signing: the path (with any query) is final and is what gets signed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiCall {
    pub method: Method,
    pub path: String,
    pub body: Option<String>,
}

/// Where to send requests: `origin` is `scheme://host[:port]`, `base_path` any prefix before `/api`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoint {
    pub(crate) origin: String,
    pub(crate) base_path: String,
}

impl Endpoint {
    /// Parses `http(s)://host[:port][/prefix]`; a trailing slash is tolerated.
    pub fn parse(text: &str) -> Result<Self, Error> {
        const RULE: &str = "must be an http:// or https:// URL without query or fragment";
        let rest = text
            .strip_prefix("https://")
            .or_else(|| text.strip_prefix("http://"))
            .ok_or_else(|| Error::validation("endpoint", RULE))?;
        if rest.bytes().any(|b| b == b'?' || b == b'#') || rest.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(Error::validation("endpoint", RULE));
        }
        // `split_once` rather than slicing at an index: no slice-boundary panic path in the wasm.
        let (host, path) = match rest.split_once('/') {
            Some((host, path)) => (host, path),
            None => (rest, ""),
        };
        if host.is_empty() {
            return Err(Error::validation("endpoint", RULE));
        }
        let scheme = text.get(..text.len() - rest.len()).unwrap_or("https://");
        let base_path = path.trim_end_matches('/');
        let base_path = if base_path.is_empty() { String::new() } else { text::concat(&["/", base_path]) };
        Ok(Endpoint { origin: text::concat(&[scheme, host]), base_path })
    }

    /// The path and query to sign and send for an API path: any base path, then the API path.
    pub fn uri(&self, api_path: &str) -> String {
        text::concat(&[&self.base_path, api_path])
    }
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

    fn default_limits() -> CallLimits {
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
    pub fn server_now<T: Transport>(&self, transport: &T) -> u64 {
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

    pub(crate) fn set_clock_offset(&self, offset_ms: i64) {
        self.clock_offset_ms.set(offset_ms);
    }

    /// The HTTP request for `call`, signed at `timestamp_ms` when this client holds keys.
    pub fn request(&self, call: &ApiCall, timestamp_ms: u64) -> HttpRequest {
        let uri = self.config.endpoint.uri(&call.path);
        let mut headers = Vec::with_capacity(4);
        if let Some(credentials) = &self.config.credentials {
            let signed = credentials.sign(call.method.as_str(), &uri, timestamp_ms);
            headers.push((HEADER_TIMESTAMP, signed.timestamp));
            headers.push((HEADER_ACCESS_KEY, signed.access_key));
            headers.push((HEADER_SIGNATURE, signed.signature));
        }
        headers.push(("content-type", "application/json".to_owned()));
        HttpRequest { method: call.method, url: text::concat(&[&self.config.endpoint.origin, &uri]), headers, body: call.body.clone() }
    }

    /// Creates a workspace. When an attempt may have reached the server and a later one meets
    /// "already exists", the workspace is read back and returned if it is the one this call created.
    pub async fn create_workspace<T: Transport>(&self, transport: &T, input: &CreateWorkspace, limits: CallLimits) -> Result<Workspace, Error> {
        let call = workspaces::create_call(input)?;
        let outcome = pipeline::run::<Workspace, T>(self, transport, &call, limits).await;
        match outcome.result {
            Err(conflict) if conflict.code == "CONFLICT" && outcome.maybe_reached_server => {
                match self.get_workspace(transport, &input.workspace_name, limits).await {
                    Ok(found) if created_by_this_call(&found, input, outcome.started_ms) => Ok(found.into()),
                    _ => Err(conflict),
                }
            }
            other => other,
        }
    }

    /// Reads a workspace's details.
    pub async fn get_workspace<T: Transport>(&self, transport: &T, workspace_name: &str, limits: CallLimits) -> Result<WorkspaceDetails, Error> {
        let call = workspaces::get_call(workspace_name)?;
        pipeline::run(self, transport, &call, limits).await.result
    }
}

/// A workspace found after "already exists" is this call's own when it has the requested bucket and
/// was created no earlier than the call's first attempt (server clock, less the times' 1 s resolution).
fn created_by_this_call(found: &WorkspaceDetails, input: &CreateWorkspace, started_ms: u64) -> bool {
    let created = found.created_time.as_deref().and_then(|t| clock::parse_local_date_time(t, API_ZONE_OFFSET_MINUTES));
    found.bucket_name == input.bucket_name && created.is_some_and(|ms| ms + 1000 >= started_ms)
}
