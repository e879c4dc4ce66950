//! The signing proxy's policy: which incoming requests may be forwarded to NCP, matched exactly against
//! the operation table, and the refusal for every other one. Pure: it sees the request's method, path,
//! query and header names as plain data; it never sends, never signs and never copies a header.

use percent_encoding::percent_decode_str;
use serde::Serialize;

use crate::core::error::Error;
use crate::core::format::Format;
use crate::core::operation::{At, Operation, Param, Rule};
use crate::core::validate::ParamValue;

/// What a proxy forwards and accepts.
#[derive(Clone, Debug)]
pub struct Policy {
    pub allow: Vec<&'static Operation>,
    /// A prefix the proxy is mounted under (`/mi`), stripped before matching; empty for none.
    pub base_path: String,
    pub max_body_bytes: usize,
}

/// A request the proxy turns away without contacting NCP: the HTTP status and the envelope to send.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Refusal {
    #[serde(skip)]
    pub status: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<GatewayError>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// The gateway envelope's `error` member.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GatewayError {
    pub error_code: String,
    pub message: String,
    pub details: String,
}

impl Refusal {
    /// A refusal in the gateway's envelope (`{"error":{errorCode,message,details}}`), so the client
    /// decodes it like any gateway answer.
    pub fn gateway(status: u16, code: &str, message: &str, details: &str) -> Self {
        let error = GatewayError { error_code: code.to_owned(), message: message.to_owned(), details: details.to_owned() };
        Refusal { status, error: Some(error), code: None, message: None }
    }

    /// A refusal of the payload in the service's envelope (`{"code":"400","message":...}`).
    pub fn invalid(error: &Error) -> Self {
        Refusal { status: 400, error: None, code: Some("400".to_owned()), message: Some(error.message.clone()) }
    }

    /// The envelope as JSON text.
    pub fn body<F: Format>(&self) -> String {
        F::write(self).unwrap_or_default()
    }

    fn not_allowed(method: &str) -> Self {
        let shown = if method.len() <= 16 && method.bytes().all(|b| b.is_ascii_alphabetic()) { method } else { "this method" };
        Refusal::gateway(404, "300", "Not Found Exception", &format!("{shown} is not an operation this proxy forwards"))
    }
}

/// Refuses any `x-ncp-*` header: the proxy signs with its own keys and a browser has no reason to
/// send one, so such a request is forged or misdirected.
pub fn check_headers<'a>(mut names: impl Iterator<Item = &'a str>) -> Result<(), Refusal> {
    match names.find(|n| n.len() >= 6 && n.get(..6).is_some_and(|p| p.eq_ignore_ascii_case("x-ncp-"))) {
        Some(_) => Err(Refusal::gateway(400, "100", "Bad Request Exception", "x-ncp-* headers are not accepted by this proxy")),
        None => Ok(()),
    }
}

/// A routed request: the operation, and the raw values of its path and query parameters.
#[derive(Debug)]
pub struct Routed {
    pub op: &'static Operation,
    pub values: Vec<(&'static str, ParamValue)>,
}

impl Routed {
    /// The value the request gave for `param`.
    pub fn value(&self, param: &Param) -> Option<ParamValue> {
        self.values.iter().find(|(name, _)| *name == param.name).map(|(_, v)| v.clone())
    }
}

/// Matches `METHOD path?query` (the path still percent-encoded) against the allowed operations. Only
/// the exact shapes pass: the template's literal segments, one non-empty segment per parameter (its
/// rule is applied to the raw text when the call is built: no valid name or id needs encoding), and
/// only the operation's own query parameters, each at most once.
pub fn route(policy: &Policy, method: &str, path: &str, query: &str) -> Result<Routed, Refusal> {
    let refuse = || Refusal::not_allowed(method);
    let rest = path.strip_prefix(policy.base_path.as_str()).ok_or_else(refuse)?;
    let segments: Vec<&str> = rest.split('/').collect();
    let op = policy
        .allow
        .iter()
        .copied()
        .filter(|op| op.method.as_str() == method)
        .find(|op| matches_template(op.path, &segments))
        .ok_or_else(refuse)?;
    let mut values = Vec::new();
    for (part, segment) in op.path.split('/').zip(&segments) {
        if let Some(name) = part.strip_prefix('{').and_then(|p| p.strip_suffix('}')) {
            if let Some(param) = op.params.iter().find(|p| p.name == name) {
                values.push((param.name, ParamValue::Text((*segment).to_owned())));
            }
        }
    }
    let query = query.strip_prefix('?').unwrap_or(query);
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let param = op.params.iter().find(|p| p.at == At::Query && p.wire == key).ok_or_else(refuse)?;
        if values.iter().any(|(name, _)| *name == param.name) {
            return Err(refuse());
        }
        let text = percent_decode_str(value).decode_utf8().map_err(|_| refuse())?.into_owned();
        let value = match param.rule {
            Rule::IdList(_) => ParamValue::List(text.split(',').map(|t| ParamValue::Text(t.to_owned())).collect()),
            _ => ParamValue::Text(text),
        };
        values.push((param.name, value));
    }
    Ok(Routed { op, values })
}

fn matches_template(template: &str, segments: &[&str]) -> bool {
    let parts: Vec<&str> = template.split('/').collect();
    parts.len() == segments.len()
        && parts.iter().zip(segments).all(|(part, segment)| {
            if part.starts_with('{') {
                // Taken raw (still percent-encoded): the parameter's rule then refuses anything a valid
                // name or id would never need, such as `%2F` or `..`, with a 400 naming the parameter.
                !segment.is_empty()
            } else {
                part == segment
            }
        })
}

/// The refusal for a body longer than the policy allows.
pub fn too_large(policy: &Policy) -> Refusal {
    Refusal::gateway(413, "430", "Request Entity Too Large", &format!("the body is over {} bytes", policy.max_body_bytes))
}
