//! The request pipeline: build → sign → send → decode, over any `Transport`. Holds the configuration
//! and credentials; it reads the clock only through the transport and never formats a secret.

use serde::de::DeserializeOwned;

use crate::envelope;
use crate::error::Error;
use crate::http::{HttpRequest, Method, Transport, TransportError};
use crate::sign::{Credentials, HEADER_ACCESS_KEY, HEADER_SIGNATURE, HEADER_TIMESTAMP};
use crate::workspaces::{self, CreateWorkspace, Workspace, WorkspaceDetails};

/// The public NCP endpoint for Media Intelligence.
pub const DEFAULT_ENDPOINT: &str = "https://mi.apigw.ntruss.com";
/// Time limit for one request when the caller sets none.
pub const DEFAULT_TIMEOUT_MS: u32 = 30_000;

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
    origin: String,
    base_path: String,
}

impl Endpoint {
    /// Parses `http(s)://host[:port][/prefix]`; a trailing slash is tolerated.
    pub fn parse(text: &str) -> Result<Self, Error> {
        const RULE: &str = "must be an http:// or https:// URL without query or fragment";
        let rest = text
            .strip_prefix("https://")
            .or_else(|| text.strip_prefix("http://"))
            .ok_or_else(|| Error::validation("endpoint", RULE))?;
        if rest.contains(['?', '#']) || rest.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(Error::validation("endpoint", RULE));
        }
        let (host, path) = match rest.find('/') {
            Some(at) => rest.split_at(at),
            None => (rest, ""),
        };
        if host.is_empty() {
            return Err(Error::validation("endpoint", RULE));
        }
        let scheme_len = text.len() - rest.len();
        let origin = format!("{}{host}", text.get(..scheme_len).unwrap_or("https://"));
        Ok(Endpoint { origin, base_path: path.trim_end_matches('/').to_owned() })
    }
}

/// Everything a client needs, checked once at construction.
#[derive(Clone, Debug)]
pub struct Config {
    pub endpoint: Endpoint,
    pub credentials: Credentials,
    pub timeout_ms: u32,
}

/// A Media Intelligence client over a transport.
pub struct Client<T> {
    config: Config,
    transport: T,
}

impl<T: Transport> Client<T> {
    pub fn new(config: Config, transport: T) -> Self {
        Client { config, transport }
    }

    /// The transport this client sends through.
    pub fn transport(&self) -> &T {
        &self.transport
    }

    /// Creates a workspace.
    pub async fn create_workspace(&self, input: &CreateWorkspace) -> Result<Workspace, Error> {
        self.execute(workspaces::create_call(input)?).await
    }

    /// Reads a workspace's details.
    pub async fn get_workspace(&self, workspace_name: &str) -> Result<WorkspaceDetails, Error> {
        self.execute(workspaces::get_call(workspace_name)?).await
    }

    /// Signs and sends one call, then decodes its envelope into `R`.
    pub async fn execute<R: DeserializeOwned>(&self, call: ApiCall) -> Result<R, Error> {
        let uri = format!("{}{}", self.config.endpoint.base_path, call.path);
        let attempted = format!("{} {}", call.method.as_str(), uri);
        let request = self.signed_request(&call, &uri);
        match self.transport.send(request, self.config.timeout_ms).await {
            Ok(response) => envelope::decode(&attempted, response.status, &response.body),
            Err(TransportError::Network(detail, cause)) => Err(Error::network(&attempted, &detail, cause)),
            Err(TransportError::Timeout) => Err(Error::timeout(&attempted, self.config.timeout_ms)),
        }
    }

    /// The request for `call` at `uri`, signed at the transport's current time.
    fn signed_request(&self, call: &ApiCall, uri: &str) -> HttpRequest {
        let signed = self.config.credentials.sign(call.method.as_str(), uri, self.transport.now_ms());
        HttpRequest {
            method: call.method,
            url: format!("{}{uri}", self.config.endpoint.origin),
            headers: vec![
                (HEADER_TIMESTAMP, signed.timestamp),
                (HEADER_ACCESS_KEY, signed.access_key),
                (HEADER_SIGNATURE, signed.signature),
                ("content-type", "application/json".to_owned()),
            ],
            body: call.body.clone(),
        }
    }
}
