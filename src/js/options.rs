//! Reads the option objects of the JS API (client options and per-call options) into checked Rust
//! settings: a safe copy (see `input`), read with serde, then each rule. Each problem is a
//! `ValidationError` naming the field; the secret is read once, keyed, and wiped.

use js_sys::{Function, Object};
use serde::Deserialize;
use wasm_bindgen::JsValue;
use web_sys::{AbortSignal, RequestCredentials};
use zeroize::Zeroizing;

use crate::core::client::{Config, Endpoint, DEFAULT_ENDPOINT};
use crate::core::error::Error;
use crate::core::pipeline::CallLimits;
use crate::core::retry::{RetryPolicy, MAX_ATTEMPTS_LIMIT};
use crate::core::sign::Credentials;
use crate::core::validate::{self, whole, ParamValue};
use crate::api::input_error;
use crate::core::shape::{check, opt, Ty};
use crate::js::format::{read, JsFormat};
use crate::js::input::{self, snapshot};
use crate::transport::fetch::DEFAULT_MAX_RESPONSE_BYTES;

const CLIENT_OPTIONS: &[&str] = &[
    "accessKey", "secretKey", "endpoint", "proxyUrl", "headers", "credentials", "dangerouslyAllowBrowser",
    "timeoutMs", "retries", "signal", "logger", "fetch", "maxResponseBytes",
];
const CALL_OPTIONS: &[&str] = &["timeoutMs", "retries", "signal"];
const MAX_TIMEOUT_MS: u32 = 2_147_483_647;
const MAX_DELAY_MS: u32 = 300_000;
/// `maxResponseBytes` accepts 1 KiB to 1 GiB.
const RESPONSE_BYTES: (u32, u32) = (1024, 1 << 30);

/// What the JS side keeps next to the core client.
pub struct ClientSettings {
    pub config: Config,
    pub fetch: Option<Function>,
    pub logger: Option<Function>,
    pub signal: Option<AbortSignal>,
    /// Proxy mode: headers added to every request (e.g. `authorization`).
    pub headers: Vec<(String, String)>,
    /// Proxy mode: the fetch `credentials` mode.
    pub credentials: Option<RequestCredentials>,
    pub max_response_bytes: u64,
}

/// Per-call settings: limits, and the call's own abort signal.
pub struct CallSettings {
    pub limits: CallLimits,
    pub signal: Option<AbortSignal>,
}

/// The typed view of the constructor options (functions and the signal are read from the copy).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Fields {
    endpoint: Option<String>,
    proxy_url: Option<String>,
    headers: Option<std::collections::BTreeMap<String, ParamValue>>,
    credentials: Option<String>,
    dangerously_allow_browser: Option<bool>,
    max_response_bytes: Option<ParamValue>,
}

/// The typed members of the constructor options, checked before they are read (the error names the
/// field): the rest are numbers read as `ParamValue`s, functions and the signal.
const FIELD_TYPES: Ty = Ty::Object(&[
    opt("accessKey", Ty::Text),
    opt("secretKey", Ty::Text),
    opt("endpoint", Ty::Text),
    opt("proxyUrl", Ty::Text),
    opt("headers", Ty::Object(&[])),
    opt("credentials", Ty::Text),
    opt("dangerouslyAllowBrowser", Ty::Bool),
]);

/// The limits an options object sets: `timeoutMs` and `retries`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Limits {
    timeout_ms: Option<ParamValue>,
    retries: Option<Retries>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Retries {
    max_attempts: Option<ParamValue>,
    base_delay_ms: Option<ParamValue>,
    max_delay_ms: Option<ParamValue>,
}

fn known_text(names: &'static [&'static str]) -> impl Fn() -> String {
    move || names.join(", ")
}

/// Reads and checks the constructor options: keys (server side) or `proxyUrl` (browser side).
pub fn client_settings(options: &JsValue) -> Result<ClientSettings, Error> {
    let copy = snapshot(options, "options", &|k| CLIENT_OPTIONS.contains(&k), &known_text(CLIENT_OPTIONS))?;
    check::<JsFormat>(&copy, &FIELD_TYPES, "").map_err(input_error)?;
    let fields: Fields = read(&copy)?;
    let mut config = match &fields.proxy_url {
        Some(url) => proxy_config(&copy, url)?,
        None => signing_config(&copy, &fields)?,
    };
    config.limits = limits(&copy, config.limits)?;
    let proxied = config.credentials.is_none();
    let only_proxy = |present: bool, key: &str| if present && !proxied { Err(Error::validation(key, "is only for a client of a signing proxy (with proxyUrl)")) } else { Ok(()) };
    only_proxy(fields.headers.is_some(), "headers")?;
    only_proxy(fields.credentials.is_some(), "credentials")?;
    let max_response_bytes = match &fields.max_response_bytes {
        Some(v) => u64::from(whole("maxResponseBytes", v, RESPONSE_BYTES.0, RESPONSE_BYTES.1)?),
        None => DEFAULT_MAX_RESPONSE_BYTES,
    };
    Ok(ClientSettings {
        config,
        fetch: input::function(&copy, "fetch")?,
        logger: input::function(&copy, "logger")?,
        signal: input::signal(&copy, "signal")?,
        headers: headers(fields.headers)?,
        credentials: credentials_mode(fields.credentials.as_deref())?,
        max_response_bytes,
    })
}

fn signing_config(copy: &Object, fields: &Fields) -> Result<Config, Error> {
    let credentials = credentials(copy)?;
    if in_browser_window() && fields.dangerously_allow_browser != Some(true) {
        return Err(Error::validation("secretKey", "must not be used in a browser page, where anyone can read it: use { proxyUrl } with a signing proxy (createProxyHandler), or pass dangerouslyAllowBrowser: true"));
    }
    let endpoint = Endpoint::parse(fields.endpoint.as_deref().unwrap_or(DEFAULT_ENDPOINT), "endpoint")?;
    Ok(Config::new(endpoint, credentials))
}

fn proxy_config(copy: &Object, url: &str) -> Result<Config, Error> {
    if ["accessKey", "secretKey", "endpoint"].iter().any(|k| input::member(copy, k).is_some()) {
        return Err(Error::validation("proxyUrl", "cannot be combined with accessKey, secretKey or endpoint: the proxy holds the keys"));
    }
    Ok(Config::unsigned(Endpoint::parse(url, "proxyUrl")?))
}

/// `accessKey` and `secretKey` of a safe copy, checked, as a keyed signer.
pub fn credentials(copy: &Object) -> Result<Credentials, Error> {
    let read = |key: &str| input::member(copy, key).unwrap_or(JsValue::UNDEFINED);
    credentials_of(&read("accessKey"), &read("secretKey"))
}

/// The keys as given (strings, or absent), checked, as a keyed signer. The secret's text is wiped
/// once keyed.
pub fn credentials_of(access_key: &JsValue, secret_key: &JsValue) -> Result<Credentials, Error> {
    let required = |value: &JsValue, field: &str| -> Result<String, Error> {
        if value.is_null_or_undefined() {
            return Err(Error::validation(field, "is required"));
        }
        input::string(value, field)
    };
    let access_key = required(access_key, "accessKey")?;
    validate::access_key(&access_key)?;
    let secret_key = Zeroizing::new(required(secret_key, "secretKey")?);
    validate::secret_key(&secret_key)?;
    Ok(Credentials::new(&access_key, &secret_key))
}

/// A page of a browser: both `window` and `document` exist (workers, Node, Deno and Bun have no `document`).
fn in_browser_window() -> bool {
    let global = js_sys::global();
    ["window", "document"].iter().all(|k| js_sys::Reflect::get(&global, &JsValue::from_str(k)).is_ok_and(|v| v.is_object()))
}

/// Extra request headers for the proxy (say `authorization`): token names, values without line breaks,
/// and never an `x-ncp-*` header, which the proxy would refuse anyway. At most 64.
fn headers(map: Option<std::collections::BTreeMap<String, ParamValue>>) -> Result<Vec<(String, String)>, Error> {
    const RULE: &str = "must map at most 64 header names to strings, without x-ncp-* names or line breaks";
    let Some(map) = map else { return Ok(Vec::new()) };
    let mut pairs = Vec::with_capacity(map.len());
    for (name, value) in map {
        let ParamValue::Text(value) = value else { return Err(Error::validation("headers", RULE)) };
        pairs.push((name, value));
    }
    for (name, value) in &pairs {
        let token = !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b));
        let ncp = name.len() >= 6 && name.get(..6).is_some_and(|p| p.eq_ignore_ascii_case("x-ncp-"));
        if pairs.len() > 64 || !token || ncp || value.chars().any(|c| c == '\r' || c == '\n' || c == '\0') {
            return Err(Error::validation("headers", RULE));
        }
    }
    Ok(pairs)
}

fn credentials_mode(mode: Option<&str>) -> Result<Option<RequestCredentials>, Error> {
    match mode {
        None => Ok(None),
        Some("omit") => Ok(Some(RequestCredentials::Omit)),
        Some("same-origin") => Ok(Some(RequestCredentials::SameOrigin)),
        Some("include") => Ok(Some(RequestCredentials::Include)),
        Some(_) => Err(Error::validation("credentials", "must be \"omit\", \"same-origin\" or \"include\"")),
    }
}

/// Reads the optional per-call options; absent fields keep the client's `defaults`.
pub fn call_settings(options: &JsValue, defaults: CallLimits) -> Result<CallSettings, Error> {
    if options.is_null_or_undefined() {
        return Ok(CallSettings { limits: defaults, signal: None });
    }
    let copy = snapshot(options, "requestOptions", &|k| CALL_OPTIONS.contains(&k), &known_text(CALL_OPTIONS))?;
    Ok(CallSettings { limits: limits(&copy, defaults)?, signal: input::signal(&copy, "signal")? })
}

fn limits(copy: &Object, defaults: CallLimits) -> Result<CallLimits, Error> {
    if let Some(retries) = input::member(copy, "retries") {
        // serde-wasm-bindgen reads only the fields a struct names: unknown keys are refused here.
        const RETRY_OPTIONS: &[&str] = &["maxAttempts", "baseDelayMs", "maxDelayMs"];
        snapshot(&retries, "retries", &|k| RETRY_OPTIONS.contains(&k), &known_text(RETRY_OPTIONS))?;
    }
    let set: Limits = read(copy)?;
    let timeout_ms = set.timeout_ms.as_ref().map(|v| whole("timeoutMs", v, 1, MAX_TIMEOUT_MS)).transpose()?.unwrap_or(defaults.timeout_ms);
    let retries = match set.retries {
        None => defaults.retries,
        Some(r) => {
            let d = defaults.retries;
            let number = |v: &Option<ParamValue>, field, min, max| v.as_ref().map(|v| whole(field, v, min, max)).transpose();
            RetryPolicy {
                max_attempts: number(&r.max_attempts, "retries.maxAttempts", 1, MAX_ATTEMPTS_LIMIT)?.unwrap_or(d.max_attempts),
                base_delay_ms: number(&r.base_delay_ms, "retries.baseDelayMs", 0, MAX_DELAY_MS)?.map_or(d.base_delay_ms, u64::from),
                max_delay_ms: number(&r.max_delay_ms, "retries.maxDelayMs", 0, MAX_DELAY_MS)?.map_or(d.max_delay_ms, u64::from),
            }
        }
    };
    Ok(CallLimits { timeout_ms, retries })
}
