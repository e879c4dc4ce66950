//! Reads and checks the options of `createProxyHandler` into the proxy's settings, and declares their
//! TypeScript shape. Secrets are read once, zeroized, and kept only as the client's keyed signer.

use js_sys::Function;
use serde::Deserialize;
use wasm_bindgen::prelude::*;

use crate::api;
use crate::core::client::{Client, Config, Endpoint, DEFAULT_ENDPOINT, DEFAULT_TIMEOUT_MS};
use crate::core::error::Error;
use crate::core::proxy::Policy;
use crate::core::validate::{whole, ParamValue};
use crate::api::input_error;
use crate::core::shape::{check, opt, Ty};
use crate::js::format::{read, JsFormat};
use crate::js::input::{self, snapshot};
use crate::transport::fetch::DEFAULT_MAX_RESPONSE_BYTES;

#[wasm_bindgen(typescript_custom_section)]
const PROXY_TYPES: &str = r#"
/** An operation a proxy may forward: the name of a `MediaIntelligence` method of the API. */
export type ProxyOperation = OperationName;

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
  /** Cross-origin callers allowed (same-origin calls always are, judged by the public origin: see
   *  `publicOrigin`). `"*"` allows any origin. */
  cors?: { origins: string[] | "*"; credentials?: boolean; headers?: string[] };
  /** A prefix the handler is mounted under, e.g. `"/mi"` for `https://app.example/mi/api/v1/...`. */
  basePath?: string;
  /** Largest accepted request body in bytes (1 to 1048576); default 16384. */
  maxBodyBytes?: number;
  /** Time limit for the API's answer in milliseconds; default 30000. */
  timeoutMs?: number;
  /** The origin the page sees, e.g. `"https://app.example"`, when the handler receives requests on
   *  another one (behind a TLS terminator or a reverse proxy). Same-origin requests are judged by it. */
  publicOrigin?: string;
  /** Take the public origin from `X-Forwarded-Proto` and `X-Forwarded-Host` (or `Host`). Only set this
   *  when a proxy you run sets those headers: a client could forge them otherwise. Default false. */
  trustForwardedHeaders?: boolean;
  /** The largest API answer the proxy reads, in bytes (1024 to 1073741824); default 33554432. */
  maxResponseBytes?: number;
  /** A `fetch` to reach the API with instead of `globalThis.fetch`. */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
}
"#;

const PROXY_OPTIONS: &[&str] = &[
    "accessKey", "secretKey", "endpoint", "allow", "authorize", "cors", "basePath", "maxBodyBytes", "timeoutMs", "fetch",
    "publicOrigin", "trustForwardedHeaders", "maxResponseBytes",
];

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
    pub public_origin: Option<String>,
    pub trust_forwarded: bool,
    pub max_response_bytes: u64,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Fields {
    endpoint: Option<String>,
    allow: Option<ParamValue>,
    cors: Option<CorsFields>,
    base_path: Option<String>,
    max_body_bytes: Option<ParamValue>,
    timeout_ms: Option<ParamValue>,
    public_origin: Option<String>,
    trust_forwarded_headers: Option<bool>,
    max_response_bytes: Option<ParamValue>,
}

#[derive(Deserialize)]
struct CorsFields {
    origins: Option<ParamValue>,
    credentials: Option<bool>,
    headers: Option<ParamValue>,
}

pub fn proxy_settings(options: &JsValue) -> Result<ProxySettings, Error> {
    let copy = snapshot(options, "options", &|k| PROXY_OPTIONS.contains(&k), &|| PROXY_OPTIONS.join(", "))?;
    const TYPES: Ty = Ty::Object(&[
        opt("endpoint", Ty::Text),
        opt("basePath", Ty::Text),
        opt("publicOrigin", Ty::Text),
        opt("trustForwardedHeaders", Ty::Bool),
        opt("cors", Ty::Object(&[opt("credentials", Ty::Bool)])),
    ]);
    check::<JsFormat>(&copy, &TYPES, "").map_err(input_error)?;
    if let Some(cors) = input::member(&copy, "cors") {
        // serde-wasm-bindgen reads only the fields a struct names: unknown keys are refused here.
        const CORS_OPTIONS: &[&str] = &["origins", "credentials", "headers"];
        snapshot(&cors, "cors", &|k| CORS_OPTIONS.contains(&k), &|| CORS_OPTIONS.join(", "))?;
    }
    let fields: Fields = read(&copy)?;
    let credentials = crate::js::options::credentials(&copy)?;
    let endpoint = Endpoint::parse(fields.endpoint.as_deref().unwrap_or(DEFAULT_ENDPOINT), "endpoint")?;
    let base_path = fields.base_path.unwrap_or_default();
    if !base_path.is_empty() && (!base_path.starts_with('/') || base_path.ends_with('/') || base_path.bytes().any(|b| matches!(b, b'?' | b'#' | b'%'))) {
        return Err(Error::validation("basePath", "must start with / and not end with /, like \"/mi\""));
    }
    let number = |v: &Option<ParamValue>, field, min, max| v.as_ref().map(|v| whole(field, v, min, max)).transpose();
    let max_body_bytes = number(&fields.max_body_bytes, "maxBodyBytes", 1, 1_048_576)?.map_or(16_384, |n| n as usize);
    let (cors, allow_credentials, extra_headers) = cors(fields.cors)?;
    let public_origin = match fields.public_origin {
        Some(origin) => {
            let parsed = Endpoint::parse(&origin, "publicOrigin")?;
            if !parsed.base_path.is_empty() || origin.ends_with('/') {
                return Err(Error::validation("publicOrigin", "must be an origin such as \"https://app.example\" (no path)"));
            }
            Some(parsed.origin)
        }
        None => None,
    };
    let mut allow_headers = vec!["content-type".to_owned()];
    allow_headers.extend(extra_headers);
    Ok(ProxySettings {
        client: Client::new(Config::new(endpoint, credentials)),
        policy: Policy { allow: allow(fields.allow)?, base_path, max_body_bytes },
        authorize: input::function(&copy, "authorize")?,
        cors,
        allow_credentials,
        allow_headers: allow_headers.join(", "),
        timeout_ms: number(&fields.timeout_ms, "timeoutMs", 1, 2_147_483_647)?.unwrap_or(DEFAULT_TIMEOUT_MS),
        fetch: input::function(&copy, "fetch")?,
        public_origin,
        trust_forwarded: fields.trust_forwarded_headers == Some(true),
        max_response_bytes: number(&fields.max_response_bytes, "maxResponseBytes", 1024, 1 << 30)?.map_or(DEFAULT_MAX_RESPONSE_BYTES, u64::from),
    })
}

fn allow(value: Option<ParamValue>) -> Result<Vec<&'static crate::core::operation::Operation>, Error> {
    let names: Vec<&str> = api::OPERATIONS.iter().map(|op| op.name).collect();
    let rule = format!("must be a non-empty array of operation names ({})", names.join(", "));
    let Some(ParamValue::List(items)) = value else { return Err(Error::validation("allow", &rule)) };
    let mut operations = Vec::new();
    for item in &items {
        let op = match item {
            ParamValue::Text(name) => api::find(name),
            _ => None,
        };
        let op = op.ok_or_else(|| Error::validation("allow", &rule))?;
        if !operations.iter().any(|known: &&crate::core::operation::Operation| known.name == op.name) {
            operations.push(op);
        }
    }
    if operations.is_empty() {
        return Err(Error::validation("allow", &rule));
    }
    Ok(operations)
}

fn cors(fields: Option<CorsFields>) -> Result<(Cors, bool, Vec<String>), Error> {
    let Some(cors) = fields else { return Ok((Cors::None, false, Vec::new())) };
    const RULE: &str = "must be \"*\" or an array of origins such as \"https://app.example\"";
    let origins = match cors.origins {
        Some(ParamValue::Text(t)) if t == "*" => Cors::Any,
        Some(v) => Cors::Origins(strings(&v, "origins", RULE, |o| !o.ends_with('/') && Endpoint::parse(o, "origins").is_ok_and(|e| e.base_path.is_empty()))?),
        None => return Err(Error::validation("origins", RULE)),
    };
    let credentials = cors.credentials == Some(true);
    if credentials && matches!(origins, Cors::Any) {
        return Err(Error::validation("credentials", "cannot be true with origins \"*\": list the origins"));
    }
    let headers = match cors.headers {
        Some(v) => strings(&v, "headers", "must be an array of header names", |h| !h.is_empty() && h.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))?,
        None => Vec::new(),
    };
    Ok((origins, credentials, headers))
}

fn strings(value: &ParamValue, field: &'static str, rule: &str, valid: impl Fn(&str) -> bool) -> Result<Vec<String>, Error> {
    let ParamValue::List(items) = value else { return Err(Error::validation(field, rule)) };
    items
        .iter()
        .map(|item| match item {
            ParamValue::Text(s) if valid(s) => Ok(s.clone()),
            _ => Err(Error::validation(field, rule)),
        })
        .collect()
}
