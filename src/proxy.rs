//! The signing proxy's policy: which incoming requests may be forwarded to NCP, and the exact refusal
//! for every other one. Pure: it sees the request's method, path, headers and body as plain data and
//! builds the call to sign; it never sends, never signs and never copies an incoming header.

use crate::client::ApiCall;
use crate::envelope::{optional_text, required_text};
use crate::error::Error;
use crate::json::{self, Value};
use crate::text;
use crate::workspaces::{self, CreateWorkspace};

/// The operations a proxy can be told to forward, by their JS method names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operation {
    CreateWorkspace,
    GetWorkspace,
}

impl Operation {
    /// Every operation's name, as accepted in `allow`.
    pub const NAMES: [&'static str; 2] = ["createWorkspace", "getWorkspace"];

    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "createWorkspace" => Some(Operation::CreateWorkspace),
            "getWorkspace" => Some(Operation::GetWorkspace),
            _ => None,
        }
    }

    /// The HTTP method of the operation.
    pub fn method(self) -> &'static str {
        match self {
            Operation::CreateWorkspace => "POST",
            Operation::GetWorkspace => "GET",
        }
    }
}

/// What a proxy forwards and accepts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Policy {
    pub allow: Vec<Operation>,
    /// A prefix the proxy is mounted under (`/mi`), stripped before matching; empty for none.
    pub base_path: String,
    pub max_body_bytes: usize,
}

/// A request the proxy turns away without contacting NCP: the HTTP status and the envelope to send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    pub status: u16,
    pub body: String,
}

impl Refusal {
    /// A refusal in the gateway's envelope (`{"error":{errorCode,message,details}}`), so the client
    /// decodes it like any gateway answer.
    pub fn gateway(status: u16, code: &str, message: &str, details: &str) -> Self {
        let error = json::object_of_strings(&[("errorCode", Some(code)), ("message", Some(message)), ("details", Some(details))]);
        Refusal { status, body: text::concat(&["{\"error\":", &error, "}"]) }
    }

    /// A refusal of the payload in the service's envelope (`{"code":"400","message":...}`).
    pub fn invalid(error: &Error) -> Self {
        Refusal { status: 400, body: json::object_of_strings(&[("code", Some("400")), ("message", Some(&error.message))]) }
    }

    fn not_allowed(method: &str) -> Self {
        let details = text::concat(&[if method.len() <= 16 { method } else { "this method" }, " is not an operation this proxy forwards"]);
        Refusal::gateway(404, "300", "Not Found Exception", &details)
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

/// Matches `METHOD path?query` (the path still percent-encoded) against the allowed operations. Only
/// the exact shapes pass: no query, no extra or empty segments, a name in its plain allowed characters.
pub fn route(policy: &Policy, method: &str, path: &str, query: &str) -> Result<(Operation, Option<String>), Refusal> {
    let refuse = || Refusal::not_allowed(method);
    let rest = path.strip_prefix(policy.base_path.as_str()).ok_or_else(refuse)?;
    if !query.is_empty() {
        return Err(refuse());
    }
    let (operation, name) = match rest {
        "/api/v1/workspaces" => (Operation::CreateWorkspace, None),
        _ => {
            let name = rest.strip_prefix("/api/v1/workspaces/").ok_or_else(refuse)?;
            if name.bytes().any(|b| b == b'/') {
                return Err(refuse());
            }
            (Operation::GetWorkspace, Some(name))
        }
    };
    if operation.method() != method || !policy.allow.contains(&operation) {
        return Err(refuse());
    }
    // A valid name never needs percent-encoding, so an encoded or dotted segment is refused here.
    if let Some(name) = name {
        crate::validate::workspace_name(name).map_err(|e| Refusal::invalid(&e))?;
    }
    Ok((operation, name.map(str::to_owned)))
}

/// The body `createWorkspace` accepts: a JSON object of exactly the documented fields.
fn create_body(body: &str) -> Result<CreateWorkspace, String> {
    let value = json::parse(body).map_err(str::to_owned)?;
    let Value::Object(members) = &value else { return Err("not an object".to_owned()) };
    if let Some((key, _)) = members.iter().find(|(k, _)| k != "workspaceName" && k != "bucketName") {
        let shown: String = key.chars().take(40).filter(|c| !c.is_control()).collect();
        return Err(text::concat(&["unknown field `", &shown, "`"]));
    }
    Ok(CreateWorkspace { workspace_name: required_text(&value, "workspaceName")?, bucket_name: optional_text(&value, "bucketName")? })
}

/// The call to sign for a routed request, after checking its body with the client's own rules. The
/// body sent on is re-serialized from the checked fields, never the bytes received.
pub fn call(operation: Operation, name: Option<&str>, body: &str) -> Result<ApiCall, Refusal> {
    match operation {
        Operation::CreateWorkspace => {
            let input = create_body(body)
                .map_err(|e| Refusal::invalid(&Error::validation("body", &text::concat(&["must be a JSON object {workspaceName, bucketName?}: ", &e]))))?;
            workspaces::create_call(&input).map_err(|e| Refusal::invalid(&e))
        }
        Operation::GetWorkspace => {
            if !body.is_empty() {
                return Err(Refusal::invalid(&Error::validation("body", "must be empty for getWorkspace")));
            }
            workspaces::get_call(name.unwrap_or_default()).map_err(|e| Refusal::invalid(&e))
        }
    }
}

/// The refusal for a body longer than the policy allows.
pub fn too_large(policy: &Policy) -> Refusal {
    let details = text::concat(&["the body is over ", &text::decimal(policy.max_body_bytes as u64), " bytes"]);
    Refusal::gateway(413, "430", "Request Entity Too Large", &details)
}
