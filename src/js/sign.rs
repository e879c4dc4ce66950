//! `signRequest` and `NcpSigner`, the signer exported on its own for any NCP API Gateway call.
//! Converts JS input, signs with the core signer and returns the three headers; it keeps nothing
//! (but `NcpSigner`'s keyed state) and sends nothing.

use std::borrow::Cow;

use js_sys::Object;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::core::error::Error;
use crate::core::sign::{Credentials, HEADER_ACCESS_KEY, HEADER_SIGNATURE, HEADER_TIMESTAMP};
use crate::core::validate::ParamValue;
use crate::js::error::to_js;
use crate::js::input::{self, snapshot};

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

/// The options of `signRequest`.
const SIGN_OPTIONS: &[&str] = &["method", "uri", "accessKey", "secretKey", "timestamp"];

/// Signs one NCP API Gateway request (signature v2) and returns the three headers to send with it.
/// `method` is upper-cased; `uri` is the path and query exactly as sent; `timestamp` is milliseconds
/// since the Unix epoch (number or decimal text, default now). Throws a `ValidationError` naming the
/// field for bad input. Pure: no request is made.
///
/// ```js
/// import { signRequest } from "ncloud-media-intelligence";
/// const headers = signRequest({ method: "GET", uri: "/api/v1/workspaces/my-workspace", accessKey, secretKey });
/// await fetch("https://mi.apigw.ntruss.com/api/v1/workspaces/my-workspace", { headers });
/// ```
#[wasm_bindgen(js_name = signRequest, unchecked_return_type = "NcpSignatureHeaders")]
pub fn sign_request(#[wasm_bindgen(unchecked_param_type = "SignRequestOptions")] options: JsValue) -> Result<JsValue, JsValue> {
    // The signer's hot path reads its five options through `catch` reads, without a copy or serde
    // (measured in bench/LEVERS.md); every value is checked as the other options are.
    let sign = || -> Result<JsValue, Error> {
        let values = input::known_values(&options, "options", SIGN_OPTIONS)?;
        let value = |i: usize| values.get(i).cloned().unwrap_or(JsValue::UNDEFINED);
        let text = |i: usize, field: &str| -> Result<String, Error> {
            let v = value(i);
            if v.is_null_or_undefined() {
                return Err(Error::validation(field, "is required"));
            }
            input::string(&v, field)
        };
        let method = method_of(&value(0), &|| text(0, "method"))?;
        let uri = checked_uri(text(1, "uri")?)?;
        let access_key = value(2);
        let credentials = crate::js::options::credentials_of(&access_key, &value(3))?;
        let timestamp = timestamp_of(value(4))?;
        // The access key is checked printable ASCII: the caller's own string is the header's value.
        Ok(headers(&credentials, &access_key, &method, &uri, &timestamp))
    };
    sign().map_err(|e| to_js(&e))
}

/// A signer keyed once with an access key and secret: the fastest way to sign many requests (the
/// HMAC key state is computed at construction, not per call, and wiped when the signer is freed).
/// Keep it on a server or in an edge function, like the secret it holds.
///
/// ```js
/// import { NcpSigner } from "ncloud-media-intelligence";
/// const signer = new NcpSigner({ accessKey, secretKey });
/// const headers = signer.sign("GET", "/api/v1/workspaces/my-workspace");
/// ```
#[wasm_bindgen]
pub struct NcpSigner {
    credentials: Credentials,
    /// The access key as a JS string, made once (each call puts it in the headers).
    access_key: JsValue,
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
        let keys = || {
            let known = ["accessKey", "secretKey"];
            let copy = snapshot(&options, "options", &|k| known.contains(&k), &|| known.join(", "))?;
            crate::js::options::credentials(&copy)
        };
        keys()
            .map(|credentials| {
                let access_key = JsValue::from_str(credentials.access_key());
                NcpSigner { credentials, access_key }
            })
            .map_err(|e| to_js(&e))
    }

    /// Signs `METHOD uri` at `timestamp` (milliseconds, number or decimal text; default now) and returns
    /// the three headers, exactly as `signRequest` would. Throws a `ValidationError` for bad input.
    ///
    /// ```js
    /// const headers = signer.sign("POST", "/api/v1/workspaces", Date.now());
    /// ```
    #[wasm_bindgen(unchecked_return_type = "NcpSignatureHeaders")]
    pub fn sign(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] method: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] uri: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "number | string")] timestamp: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        let sign = || -> Result<JsValue, Error> {
            let method = method_of(&method, &|| input::string(&method, "method"))?;
            let uri = checked_uri(input::string(&uri, "uri")?)?;
            let timestamp = timestamp_of(timestamp.unwrap_or(JsValue::UNDEFINED))?;
            Ok(headers(&self.credentials, &self.access_key, &method, &uri, &timestamp))
        };
        sign().map_err(|e| to_js(&e))
    }
}

/// The HTTP methods of the API, upper-case, recognised by identity with JS strings made once (one
/// `===` across the boundary instead of copying the caller's string into wasm).
const METHODS: [&str; 5] = ["GET", "POST", "DELETE", "PUT", "PATCH"];

thread_local! {
    static METHOD_STRINGS: [JsValue; 5] = METHODS.map(JsValue::from_str);
}

/// The method to sign: `value` itself when it is exactly one of `METHODS` (nothing copied), else the
/// text `read` gives (its own error for a missing or non-string value), checked and upper-cased.
fn method_of(value: &JsValue, read: &dyn Fn() -> Result<String, Error>) -> Result<Cow<'static, str>, Error> {
    let known = METHOD_STRINGS.try_with(|all| all.iter().position(|m| m == value)).ok().flatten().and_then(|at| METHODS.get(at));
    match known {
        Some(method) => Ok(Cow::Borrowed(method)),
        None => checked_method(read()?).map(Cow::Owned),
    }
}

fn checked_method(mut method: String) -> Result<String, Error> {
    if method.is_empty() || method.len() > 16 || !method.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Err(Error::validation("method", "must be 1 to 16 letters, such as GET or POST"));
    }
    method.make_ascii_uppercase();
    Ok(method)
}

fn checked_uri(uri: String) -> Result<String, Error> {
    if uri.len() > 16_384 || !uri.starts_with('/') || uri.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(Error::validation("uri", "must be the path and query as sent: start with /, no spaces, at most 16384 characters"));
    }
    Ok(uri)
}

/// A timestamp header's text, and the caller's own JS string when it is exactly that text.
struct Stamp {
    text: String,
    given: Option<JsValue>,
}

/// The timestamp of a raw argument (read without serde: it may be a hostile proxy).
fn timestamp_of(value: JsValue) -> Result<Stamp, Error> {
    if value.is_null_or_undefined() {
        return timestamp_text(None).map(|text| Stamp { text, given: None });
    }
    let param = match value.as_f64() {
        Some(n) => ParamValue::Number(n),
        None if value.is_string() => ParamValue::Text(input::string(&value, "timestamp")?),
        None => ParamValue::Other("object"),
    };
    let text = timestamp_text(Some(&param))?;
    // Decimal text without leading zeros is sent as given: no new JS string for it.
    let given = matches!(&param, ParamValue::Text(t) if *t == text).then_some(value);
    Ok(Stamp { text, given })
}

/// The timestamp header: whole milliseconds since the Unix epoch, 0 to 2^53 - 1, given as a number or
/// as decimal text (written back without leading zeros); absent means now.
fn timestamp_text(value: Option<&ParamValue>) -> Result<String, Error> {
    const RULE: &str = "must be whole milliseconds since the Unix epoch (a number or decimal text)";
    const MAX_SAFE: f64 = 9_007_199_254_740_991.0;
    match value {
        None => Ok((js_sys::Date::now() as u64).to_string()),
        Some(ParamValue::Number(n)) if n.fract() == 0.0 && (0.0..=MAX_SAFE).contains(n) => Ok((*n as u64).to_string()),
        Some(ParamValue::Text(t)) if (1..=16).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit()) => {
            t.parse::<u64>().map(|n| n.to_string()).map_err(|_| Error::validation("timestamp", RULE))
        }
        Some(_) => Err(Error::validation("timestamp", RULE)),
    }
}

#[wasm_bindgen]
extern "C" {
    /// A fresh plain object, written with `object[name] = value` (no setter can run: it cannot throw).
    #[wasm_bindgen(extends = Object)]
    type Fresh;
    #[wasm_bindgen(method, structural, indexing_setter)]
    fn put(this: &Fresh, name: &JsValue, value: &str);
    #[wasm_bindgen(method, structural, indexing_setter)]
    fn put_js(this: &Fresh, name: &JsValue, value: &JsValue);
}

thread_local! {
    /// The three header names as JS strings, made once.
    static NAMES: [JsValue; 3] = [HEADER_TIMESTAMP, HEADER_ACCESS_KEY, HEADER_SIGNATURE].map(JsValue::from_str);
}

/// `{ "x-ncp-apigw-timestamp", "x-ncp-iam-access-key", "x-ncp-apigw-signature-v2" }`, a fresh object;
/// `access_key` is the JS string of `credentials`' access key.
fn headers(credentials: &Credentials, access_key: &JsValue, method: &str, uri: &str, timestamp: &Stamp) -> JsValue {
    let object: Fresh = Object::new().unchecked_into();
    credentials.with_signature(method, uri, &timestamp.text, |signature| {
        let _ = NAMES.try_with(|[t, a, s]| {
            match &timestamp.given {
                Some(given) => object.put_js(t, given),
                None => object.put(t, &timestamp.text),
            }
            object.put_js(a, access_key);
            object.put(s, signature);
        });
    });
    object.into()
}
