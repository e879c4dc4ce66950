//! Reads the option objects of the JS API (client options and per-call options) into checked Rust
//! settings. Each problem is a `ValidationError` naming the field; secrets are read once and zeroized.

use js_sys::{Function, Object};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::AbortSignal;

use crate::client::{Config, Endpoint, DEFAULT_ENDPOINT};
use crate::error::Error;
use crate::js_input;
use crate::pipeline::CallLimits;
use crate::retry::{RetryPolicy, MAX_ATTEMPTS_LIMIT};

const CLIENT_OPTIONS: &[&str] = &[
    "accessKey", "secretKey", "endpoint", "proxyUrl", "headers", "credentials", "dangerouslyAllowBrowser",
    "timeoutMs", "retries", "signal", "logger", "fetch",
];
const CALL_OPTIONS: &[&str] = &["timeoutMs", "retries", "signal"];
const RETRY_OPTIONS: &[&str] = &["maxAttempts", "baseDelayMs", "maxDelayMs"];
const MAX_TIMEOUT_MS: u32 = 2_147_483_647;
const MAX_DELAY_MS: u32 = 300_000;

/// What the JS side keeps next to the core client.
pub struct ClientSettings {
    pub config: Config,
    pub fetch: Option<Function>,
    pub logger: Option<Function>,
    pub signal: Option<AbortSignal>,
    /// Proxy mode: headers added to every request (e.g. `authorization`).
    pub headers: Vec<(String, String)>,
    /// Proxy mode: the fetch `credentials` mode (`omit`, `same-origin`, `include`).
    pub credentials: Option<String>,
}

/// Per-call settings: limits, and the call's own abort signal.
pub struct CallSettings {
    pub limits: CallLimits,
    pub signal: Option<AbortSignal>,
}

/// Reads and checks the constructor options: keys (server side) or `proxyUrl` (browser side).
pub fn client_settings(options: &JsValue) -> Result<ClientSettings, Error> {
    let object: &Object = js_input::options(options, "options", CLIENT_OPTIONS)?;
    let mut config = match js_input::optional_string(object, "proxyUrl")? {
        Some(url) => proxy_config(object, &url)?,
        None => signing_config(object)?,
    };
    config.limits = limits(object, config.limits)?;
    let proxied = config.credentials.is_none();
    Ok(ClientSettings {
        config,
        fetch: js_input::optional_function(object, "fetch")?,
        logger: js_input::optional_function(object, "logger")?,
        signal: signal(object)?,
        headers: if proxied { headers(object)? } else { proxy_only(object, "headers").map(|()| Vec::new())? },
        credentials: if proxied { credentials_mode(object)? } else { proxy_only(object, "credentials").map(|()| None)? },
    })
}

fn signing_config(object: &Object) -> Result<Config, Error> {
    let credentials = js_input::credentials(object)?;
    let allowed = js_input::get(object, "dangerouslyAllowBrowser")?.is_some_and(|v| v.as_bool() == Some(true));
    if in_browser_window() && !allowed {
        return Err(Error::validation("secretKey", "must not be used in a browser page, where anyone can read it: use { proxyUrl } with a signing proxy (createProxyHandler), or pass dangerouslyAllowBrowser: true"));
    }
    let endpoint = js_input::optional_string(object, "endpoint")?;
    let endpoint = Endpoint::parse(endpoint.as_deref().unwrap_or(DEFAULT_ENDPOINT))?;
    Ok(Config::new(endpoint, credentials))
}

fn proxy_config(object: &Object, url: &str) -> Result<Config, Error> {
    for key in ["accessKey", "secretKey", "endpoint"] {
        if js_input::get(object, key)?.is_some() {
            return Err(Error::validation("proxyUrl", "cannot be combined with accessKey, secretKey or endpoint: the proxy holds the keys"));
        }
    }
    let endpoint = Endpoint::parse(url).map_err(|_| Error::validation("proxyUrl", "must be an http:// or https:// URL without query or fragment"))?;
    Ok(Config::unsigned(endpoint))
}

/// A page of a browser: both `window` and `document` exist (workers, Node, Deno and Bun have no `document`).
fn in_browser_window() -> bool {
    let global = js_sys::global();
    ["window", "document"].iter().all(|k| js_sys::Reflect::get(&global, &JsValue::from_str(k)).is_ok_and(|v| v.is_object()))
}

fn proxy_only(object: &Object, key: &'static str) -> Result<(), Error> {
    match js_input::get(object, key)? {
        Some(_) => Err(Error::validation(key, "is only for a client of a signing proxy (with proxyUrl)")),
        None => Ok(()),
    }
}

/// Extra request headers for the proxy (say `authorization`): token names, values without line breaks,
/// and never an `x-ncp-*` header, which the proxy would refuse anyway.
fn headers(object: &Object) -> Result<Vec<(String, String)>, Error> {
    let Some(value) = js_input::get(object, "headers")? else { return Ok(Vec::new()) };
    const RULE: &str = "must map header names to strings, without x-ncp-* names or line breaks";
    let pairs = js_input::string_map(&value, "headers")?;
    for (name, value) in &pairs {
        let token = !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b));
        let ncp = name.len() >= 6 && name.get(..6).is_some_and(|p| p.eq_ignore_ascii_case("x-ncp-"));
        if !token || ncp || value.chars().any(|c| c == '\r' || c == '\n' || c == '\0') {
            return Err(Error::validation("headers", RULE));
        }
    }
    Ok(pairs)
}

fn credentials_mode(object: &Object) -> Result<Option<String>, Error> {
    let mode = js_input::optional_string(object, "credentials")?;
    match mode.as_deref() {
        None | Some("omit" | "same-origin" | "include") => Ok(mode),
        Some(_) => Err(Error::validation("credentials", "must be \"omit\", \"same-origin\" or \"include\"")),
    }
}

/// Reads the optional per-call options; absent fields keep the client's `defaults`.
pub fn call_settings(options: &JsValue, defaults: CallLimits) -> Result<CallSettings, Error> {
    if options.is_undefined() || options.is_null() {
        return Ok(CallSettings { limits: defaults, signal: None });
    }
    let object = js_input::options(options, "requestOptions", CALL_OPTIONS)?;
    Ok(CallSettings { limits: limits(object, defaults)?, signal: signal(object)? })
}

fn limits(object: &Object, defaults: CallLimits) -> Result<CallLimits, Error> {
    let timeout_ms = js_input::optional_integer(object, "timeoutMs", 1, MAX_TIMEOUT_MS)?.unwrap_or(defaults.timeout_ms);
    let retries = match js_input::get(object, "retries")? {
        None => defaults.retries,
        Some(value) => retry_policy(&value, defaults.retries)?,
    };
    Ok(CallLimits { timeout_ms, retries })
}

fn retry_policy(value: &JsValue, defaults: RetryPolicy) -> Result<RetryPolicy, Error> {
    let object = js_input::options(value, "retries", RETRY_OPTIONS)?;
    let max_attempts = js_input::optional_integer(object, "maxAttempts", 1, MAX_ATTEMPTS_LIMIT)?.unwrap_or(defaults.max_attempts);
    let base_delay_ms = js_input::optional_integer(object, "baseDelayMs", 0, MAX_DELAY_MS)?.map_or(defaults.base_delay_ms, u64::from);
    let max_delay_ms = js_input::optional_integer(object, "maxDelayMs", 0, MAX_DELAY_MS)?.map_or(defaults.max_delay_ms, u64::from);
    Ok(RetryPolicy { max_attempts, base_delay_ms, max_delay_ms })
}

fn signal(object: &Object) -> Result<Option<AbortSignal>, Error> {
    let Some(value) = js_input::get(object, "signal")? else { return Ok(None) };
    // `instanceof` alone accepts `Object.create(AbortSignal.prototype)`, whose getters throw; probing
    // `aborted` through a catching import keeps such a fake from throwing inside wasm later.
    let real = value.is_instance_of::<AbortSignal>()
        && js_sys::Reflect::get(&value, &JsValue::from_str("aborted")).is_ok_and(|a| a.as_bool().is_some());
    if !real {
        return Err(Error::validation("signal", &crate::text::concat(&["must be an AbortSignal, not ", &js_input::describe(&value)])));
    }
    Ok(Some(value.unchecked_into()))
}
