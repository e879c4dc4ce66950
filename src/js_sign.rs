//! `signRequest`, the signer exported on its own for any NCP API Gateway call. Converts JS input, signs
//! with the core signer and returns the three headers; it keeps nothing and sends nothing.

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::error::Error;
use crate::js_error;
use crate::js_input;
use crate::sign::{Credentials, HEADER_ACCESS_KEY, HEADER_SIGNATURE, HEADER_TIMESTAMP};

#[wasm_bindgen(typescript_custom_section)]
const SIGN_TYPES: &str = r#"
/** Options of `signRequest`. */
export interface SignRequestOptions {
  /** HTTP method; upper-cased before signing (`"get"` signs as `"GET"`). */
  method: string;
  /** Path and query exactly as sent, starting with `/`, e.g. `/api/v1/workspaces?page=1`. */
  uri: string;
  accessKey: string;
  secretKey: string;
  /** Milliseconds since the Unix epoch (a number, or its decimal text); default now. */
  timestamp?: number | string;
}

/** Options of `new NcpSigner(...)`. */
export interface NcpSignerOptions {
  accessKey: string;
  secretKey: string;
}

/** The headers that authenticate one NCP API Gateway request. */
export interface NcpSignatureHeaders {
  "x-ncp-apigw-timestamp": string;
  "x-ncp-iam-access-key": string;
  "x-ncp-apigw-signature-v2": string;
}
"#;

const SIGN_OPTIONS: &[&str] = &["method", "uri", "accessKey", "secretKey", "timestamp"];

/// Signs one NCP API Gateway request (signature v2) and returns the three headers to send with it.
///
/// ```js
/// import { signRequest } from "ncloud-media-intelligence";
/// const headers = signRequest({ method: "GET", uri: "/api/v1/workspaces/my-workspace", accessKey, secretKey });
/// await fetch("https://mi.apigw.ntruss.com/api/v1/workspaces/my-workspace", { headers });
/// ```
#[wasm_bindgen(js_name = signRequest, unchecked_return_type = "NcpSignatureHeaders")]
pub fn sign_request(
    #[wasm_bindgen(unchecked_param_type = "SignRequestOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    signed_headers(&options).map_err(|e| js_error::to_js(&e))
}

/// A signer keyed once with an access key and secret: the fastest way to sign many requests (the
/// HMAC key state is computed at construction, not per call). Keep it on a server or in an edge
/// function, like the secret it holds.
///
/// ```js
/// import { NcpSigner } from "ncloud-media-intelligence";
/// const signer = new NcpSigner({ accessKey, secretKey });
/// const headers = signer.sign("GET", "/api/v1/workspaces/my-workspace");
/// ```
#[wasm_bindgen]
pub struct NcpSigner {
    credentials: Credentials,
}

#[wasm_bindgen]
impl NcpSigner {
    /// Checks the keys and keys the HMAC; throws a `ValidationError` naming the field at fault.
    ///
    /// ```js
    /// const signer = new NcpSigner({ accessKey: env.NCP_ACCESS_KEY, secretKey: env.NCP_SECRET_KEY });
    /// ```
    #[wasm_bindgen(constructor)]
    pub fn new(#[wasm_bindgen(unchecked_param_type = "NcpSignerOptions")] options: JsValue) -> Result<NcpSigner, JsValue> {
        let keys = || js_input::credentials(js_input::options(&options, "options", &["accessKey", "secretKey"])?);
        keys().map(|credentials| NcpSigner { credentials }).map_err(|e| js_error::to_js(&e))
    }

    /// Signs `METHOD uri` at `timestamp` (milliseconds, number or decimal text; default now) and returns
    /// the three headers, exactly as `signRequest` would.
    ///
    /// ```js
    /// const headers = signer.sign("POST", "/api/v1/workspaces", Date.now());
    /// ```
    #[wasm_bindgen(unchecked_return_type = "NcpSignatureHeaders")]
    pub fn sign(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] method: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] uri: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number | string")] timestamp: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        let sign = || -> Result<JsValue, Error> {
            let method = checked_method(js_input::string(&method, "method")?)?;
            let uri = checked_uri(js_input::string(&uri, "uri")?)?;
            let timestamp = match timestamp.filter(|t| !t.is_undefined() && !t.is_null()) {
                None => js_sys::Date::now() as u64,
                Some(value) => timestamp_ms(&value)?,
            };
            Ok(headers_object(&self.credentials, &method, &uri, timestamp))
        };
        sign().map_err(|e| js_error::to_js(&e))
    }
}

fn checked_method(method: String) -> Result<String, Error> {
    if method.is_empty() || method.len() > 16 || !method.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Err(Error::validation("method", "must be 1 to 16 letters, such as GET or POST"));
    }
    Ok(method.to_ascii_uppercase())
}

fn checked_uri(uri: String) -> Result<String, Error> {
    if uri.len() > 16_384 || !uri.starts_with('/') || uri.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(Error::validation("uri", "must be the path and query as sent: start with /, no spaces, at most 16384 characters"));
    }
    Ok(uri)
}

fn headers_object(credentials: &Credentials, method: &str, uri: &str, timestamp_ms: u64) -> JsValue {
    let signed = credentials.sign(method, uri, timestamp_ms);
    let headers = Object::new();
    for (name, value) in [
        (HEADER_TIMESTAMP, signed.timestamp),
        (HEADER_ACCESS_KEY, signed.access_key),
        (HEADER_SIGNATURE, signed.signature),
    ] {
        // Defining a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&headers, &JsValue::from_str(name), &JsValue::from_str(&value));
    }
    headers.into()
}

fn signed_headers(options: &JsValue) -> Result<JsValue, Error> {
    let object: &Object = js_input::options(options, "options", SIGN_OPTIONS)?;
    let method = checked_method(js_input::required_string(object, "method")?)?;
    let uri = checked_uri(js_input::required_string(object, "uri")?)?;
    let credentials = js_input::credentials(object)?;
    let timestamp = match js_input::get(object, "timestamp")? {
        None => js_sys::Date::now() as u64,
        Some(value) => timestamp_ms(&value)?,
    };
    Ok(headers_object(&credentials, &method, &uri, timestamp))
}

/// A timestamp given as a number or as decimal text: a whole number of milliseconds, 0 to 2^53.
fn timestamp_ms(value: &JsValue) -> Result<u64, Error> {
    const RULE: &str = "must be whole milliseconds since the Unix epoch (a number or decimal text)";
    const MAX_SAFE: f64 = 9_007_199_254_740_991.0;
    if let Some(n) = value.as_f64() {
        return if n.fract() == 0.0 && (0.0..=MAX_SAFE).contains(&n) { Ok(n as u64) } else { Err(Error::validation("timestamp", RULE)) };
    }
    let text = js_input::string(value, "timestamp")?;
    if text.is_empty() || text.len() > 16 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Error::validation("timestamp", RULE));
    }
    text.parse().map_err(|_| Error::validation("timestamp", RULE))
}
