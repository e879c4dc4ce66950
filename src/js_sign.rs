//! `signRequest`, the signer exported on its own for any NCP API Gateway call. Converts JS input, signs
//! with the core signer and returns the three headers (its JS half `js_sign.js` builds the headers
//! object and reads an ordinary options object in one go); it keeps nothing and sends nothing.

use std::borrow::Cow;

use js_sys::Array;
use wasm_bindgen::prelude::*;

use crate::error::Error;
use crate::js_error;
use crate::js_input;
use crate::sign::Credentials;
use crate::text;

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
const SIGN_OPTIONS: [&str; 5] = ["method", "uri", "accessKey", "secretKey", "timestamp"];

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
    /// The access key as the JS string it was read from: every signature hands back that one string.
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
        let keys = || js_input::credentials_and_access_key(js_input::options(&options, "options", &["accessKey", "secretKey"])?);
        keys().map(|(credentials, access_key)| NcpSigner { credentials, access_key }).map_err(|e| js_error::to_js(&e))
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
        #[wasm_bindgen(unchecked_optional_param_type = "number | string")] timestamp: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        let sign = || -> Result<JsValue, Error> {
            let method = match common_method(&method) {
                Some(method) => method,
                None => checked_method(js_input::string(&method, "method")?)?,
            };
            let uri = checked_uri(js_input::string(&uri, "uri")?)?;
            let timestamp = timestamp_of(timestamp)?;
            Ok(headers_object(&self.credentials, &self.access_key, &method, &uri, timestamp))
        };
        sign().map_err(|e| js_error::to_js(&e))
    }
}

/// `"GET"` or `"POST"` when `value` is exactly that string, told by one `===` with a cached JS string
/// instead of copying the text in (a valid method either way, so no rule is skipped).
fn common_method(value: &JsValue) -> Option<Cow<'static, str>> {
    ["GET", "POST"].into_iter().find(|name| value == js_input::interned(name)).map(Cow::Borrowed)
}

fn checked_method(mut method: String) -> Result<Cow<'static, str>, Error> {
    if method.is_empty() || method.len() > 16 || !method.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Err(Error::validation("method", "must be 1 to 16 letters, such as GET or POST"));
    }
    method.make_ascii_uppercase();
    Ok(Cow::Owned(method))
}

fn checked_uri(uri: String) -> Result<String, Error> {
    if uri.len() > 16_384 || !uri.starts_with('/') || has_space_or_control(&uri) {
        return Err(Error::validation("uri", "must be the path and query as sent: start with /, no spaces, at most 16384 characters"));
    }
    Ok(uri)
}

/// Whitespace or a control character anywhere in `text`. In ASCII those are exactly the bytes up to
/// the space and DEL, so the per-character test runs only for text with other characters.
fn has_space_or_control(text: &str) -> bool {
    text.bytes().any(|b| b <= b' ' || b == 0x7f) || (!text.is_ascii() && text.chars().any(|c| c.is_whitespace() || c.is_control()))
}

/// The timestamp header: its decimal text, and the JS string it came from when that is the same text.
struct Timestamp {
    text: String,
    given: Option<JsValue>,
}

fn headers_object(credentials: &Credentials, access_key: &JsValue, method: &str, uri: &str, timestamp: Timestamp) -> JsValue {
    let Timestamp { text, given } = timestamp;
    let timestamp = given.unwrap_or_else(|| JsValue::from_str(&text));
    credentials.with_signature(method, uri, &text, |signature| signature_headers(&timestamp, access_key, signature))
}

#[wasm_bindgen(module = "/src/js_sign.js")]
extern "C" {
    /// `{ "x-ncp-apigw-timestamp": timestamp, "x-ncp-iam-access-key": accessKey,
    /// "x-ncp-apigw-signature-v2": signature }`, a fresh plain object. Not `catch`: an object literal
    /// defines its properties (no setter runs), so it cannot throw.
    #[wasm_bindgen(js_name = signatureHeaders)]
    fn signature_headers(timestamp: &JsValue, access_key: &JsValue, signature: &str) -> JsValue;

    /// The values of the options named in `known`, each read once, when `options` is a plain object
    /// with no other own key and nothing threw; `None` otherwise. Not `catch`: it catches inside.
    #[wasm_bindgen(js_name = knownOptions)]
    fn known_options(options: &JsValue, known: &Array) -> Option<Array>;
}

fn signed_headers(options: &JsValue) -> Result<JsValue, Error> {
    // The usual options object is read in one crossing. Anything else (not a plain object, an unknown
    // key, a getter or proxy trap that throws) is read field by field, as the checks below go, for the
    // error that names the field and the rule; the checks are the same either way.
    thread_local! {
        static KNOWN: Array = SIGN_OPTIONS.iter().map(|name| js_input::interned(name)).collect();
    }
    let values = match KNOWN.try_with(|known| known_options(options, known)).ok().flatten() {
        Some(values) => Values::Read(values),
        None => Values::Object(js_input::options(options, "options", &SIGN_OPTIONS)?),
    };
    let method = values.get("method")?;
    let method = match common_method(&method) {
        Some(method) => method,
        None => checked_method(js_input::required(method, "method")?.0)?,
    };
    let uri = checked_uri(js_input::required(values.get("uri")?, "uri")?.0)?;
    let (credentials, access_key) = js_input::credentials_of(values.get("accessKey")?, &mut || values.get("secretKey"))?;
    let timestamp = timestamp_of(Some(values.get("timestamp")?))?;
    Ok(headers_object(&credentials, &access_key, &method, &uri, timestamp))
}

/// `signRequest`'s options: read at once, or to be read from the object one by one.
enum Values<'a> {
    Read(Array),
    Object(&'a js_sys::Object),
}

impl Values<'_> {
    /// The option `name` (one of `SIGN_OPTIONS`; the read array holds them in that order).
    #[inline(never)]
    fn get(&self, name: &'static str) -> Result<JsValue, Error> {
        match self {
            Values::Read(values) => {
                let at = SIGN_OPTIONS.iter().position(|known| *known == name);
                Ok(at.map_or(JsValue::UNDEFINED, |at| values.get(at as u32)))
            }
            Values::Object(object) => js_input::property(object, name),
        }
    }
}

/// A timestamp given as a number or as decimal text: a whole number of milliseconds, 0 to 2^53;
/// absent (`undefined`, `null`) means now. Tried as a string first, then as a number: one boundary
/// call for either in the common case, and the same rules and messages whatever the order.
fn timestamp_of(value: Option<JsValue>) -> Result<Timestamp, Error> {
    const RULE: &str = "must be whole milliseconds since the Unix epoch (a number or decimal text)";
    const MAX_SAFE: f64 = 9_007_199_254_740_991.0;
    let Some(value) = value else { return Ok(now()) };
    if let Some(text) = js_input::string_if_string(&value, "timestamp")? {
        let ms = text::digits(&text).filter(|_| text.len() <= 16).ok_or_else(|| Error::validation("timestamp", RULE))?;
        // Without leading zeros the text is the header as it is; otherwise it is written again.
        if text == "0" || !text.starts_with('0') {
            return Ok(Timestamp { text, given: Some(value) });
        }
        return Ok(Timestamp { text: text::decimal(ms), given: None });
    }
    if let Some(n) = value.as_f64() {
        return if n.fract() == 0.0 && (0.0..=MAX_SAFE).contains(&n) {
            Ok(Timestamp { text: text::decimal(n as u64), given: None })
        } else {
            Err(Error::validation("timestamp", RULE))
        };
    }
    if value.is_undefined() || value.is_null() {
        return Ok(now());
    }
    js_input::string(&value, "timestamp").map(|_| now()) // not a string: its error names the type
}

fn now() -> Timestamp {
    Timestamp { text: text::decimal(js_sys::Date::now() as u64), given: None }
}
