//! Reads and checks the options of `createProxyHandler` into the proxy's settings, and declares their
//! TypeScript shape. Secrets are read once, zeroized, and kept only as the client's keyed signer.

use js_sys::{Array, Function, Object};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::client::{Client, Config, Endpoint, DEFAULT_ENDPOINT, DEFAULT_TIMEOUT_MS};
use crate::error::Error;
use crate::js_input;
use crate::proxy::{Operation, Policy};

#[wasm_bindgen(typescript_custom_section)]
const PROXY_TYPES: &str = r#"
/** An operation a proxy may forward. */
export type ProxyOperation = "createWorkspace" | "getWorkspace";

/** Options of `createProxyHandler`. */
export interface ProxyOptions {
  accessKey: string;
  secretKey: string;
  /** API base URL; default `https://mi.apigw.ntruss.com`. */
  endpoint?: string;
  /** The operations to forward; every other request is refused with 404 without contacting NCP. */
  allow: ProxyOperation[];
  /** Your check of the caller (session cookie, JWT, API key), run before anything else. Truthy lets the
   *  request through; falsy answers 403; a throw or rejection answers 401. */
  authorize?: (request: Request) => boolean | Promise<boolean>;
  /** Cross-origin callers allowed (same-origin calls always are). `"*"` allows any origin. */
  cors?: { origins: string[] | "*"; credentials?: boolean; headers?: string[] };
  /** A prefix the handler is mounted under, e.g. `"/mi"` for `https://app.example/mi/api/v1/...`. */
  basePath?: string;
  /** Largest accepted request body in bytes (1 to 1048576); default 16384. */
  maxBodyBytes?: number;
  /** Time limit for the API's answer in milliseconds; default 30000. */
  timeoutMs?: number;
  /** A `fetch` to reach the API with instead of `globalThis.fetch`. */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
}
"#;

const PROXY_OPTIONS: &[&str] = &["accessKey", "secretKey", "endpoint", "allow", "authorize", "cors", "basePath", "maxBodyBytes", "timeoutMs", "fetch"];
const CORS_OPTIONS: &[&str] = &["origins", "credentials", "headers"];

/// Which cross-origin callers the proxy answers.
pub enum Cors {
    None,
    Any,
    Origins(Vec<String>),
}

/// Everything a proxy handler needs, checked once.
pub struct ProxySettings {
    pub client: Client,
    pub policy: Policy,
    pub authorize: Option<Function>,
    pub cors: Cors,
    pub allow_credentials: bool,
    /// The `access-control-allow-headers` value for preflights.
    pub allow_headers: String,
    pub timeout_ms: u32,
    pub fetch: Option<Function>,
}

pub fn proxy_settings(options: &JsValue) -> Result<ProxySettings, Error> {
    let object: &Object = js_input::options(options, "options", PROXY_OPTIONS)?;
    let credentials = js_input::credentials(object)?;
    let endpoint = Endpoint::parse(js_input::optional_string(object, "endpoint")?.as_deref().unwrap_or(DEFAULT_ENDPOINT))?;
    let base_path = js_input::optional_string(object, "basePath")?.unwrap_or_default();
    if !base_path.is_empty() && (!base_path.starts_with('/') || base_path.ends_with('/') || base_path.bytes().any(|b| matches!(b, b'?' | b'#' | b'%'))) {
        return Err(Error::validation("basePath", "must start with / and not end with /, like \"/mi\""));
    }
    let max_body_bytes = js_input::optional_integer(object, "maxBodyBytes", 1, 1_048_576)?.map_or(16_384, |n| n as usize);
    let (cors, allow_credentials, extra_headers) = cors(object)?;
    let mut allow_headers = vec!["content-type".to_owned()];
    allow_headers.extend(extra_headers);
    Ok(ProxySettings {
        client: Client::new(Config::new(endpoint, credentials)),
        policy: Policy { allow: allow(object)?, base_path, max_body_bytes },
        authorize: js_input::optional_function(object, "authorize")?,
        cors,
        allow_credentials,
        allow_headers: allow_headers.join(", "),
        timeout_ms: js_input::optional_integer(object, "timeoutMs", 1, 2_147_483_647)?.unwrap_or(DEFAULT_TIMEOUT_MS),
        fetch: js_input::optional_function(object, "fetch")?,
    })
}

fn allow(object: &Object) -> Result<Vec<Operation>, Error> {
    let rule = crate::text::concat(&["must be a non-empty array of operation names (", &Operation::NAMES.join(", "), ")"]);
    let value = js_input::get(object, "allow")?.ok_or_else(|| Error::validation("allow", &rule))?;
    let list: Array = value.dyn_into().map_err(|_| Error::validation("allow", &rule))?;
    let mut operations = Vec::new();
    for item in list.iter() {
        let op = item.as_string().and_then(|name| Operation::parse(&name)).ok_or_else(|| Error::validation("allow", &rule))?;
        if !operations.contains(&op) {
            operations.push(op);
        }
    }
    if operations.is_empty() {
        return Err(Error::validation("allow", &rule));
    }
    Ok(operations)
}

fn cors(object: &Object) -> Result<(Cors, bool, Vec<String>), Error> {
    let Some(value) = js_input::get(object, "cors")? else { return Ok((Cors::None, false, Vec::new())) };
    let cors = js_input::options(&value, "cors", CORS_OPTIONS)?;
    const RULE: &str = "must be \"*\" or an array of origins such as \"https://app.example\"";
    let origins = match js_input::get(cors, "origins")? {
        Some(v) if v.as_string().as_deref() == Some("*") => Cors::Any,
        Some(v) => Cors::Origins(strings(&v, "origins", RULE, |o| !o.ends_with('/') && Endpoint::parse(o).is_ok_and(|e| e.base_path.is_empty()))?),
        None => return Err(Error::validation("origins", RULE)),
    };
    let credentials = js_input::get(cors, "credentials")?.is_some_and(|v| v.as_bool() == Some(true));
    if credentials && matches!(origins, Cors::Any) {
        return Err(Error::validation("credentials", "cannot be true with origins \"*\": list the origins"));
    }
    let headers = match js_input::get(cors, "headers")? {
        Some(v) => strings(&v, "headers", "must be an array of header names", |h| !h.is_empty() && h.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))?,
        None => Vec::new(),
    };
    Ok((origins, credentials, headers))
}

fn strings(value: &JsValue, field: &'static str, rule: &str, valid: impl Fn(&str) -> bool) -> Result<Vec<String>, Error> {
    let list: Array = value.clone().dyn_into().map_err(|_| Error::validation(field, rule))?;
    list.iter()
        .map(|item| item.as_string().filter(|s| valid(s)).ok_or_else(|| Error::validation(field, rule)))
        .collect()
}
