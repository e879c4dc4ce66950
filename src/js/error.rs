//! Turns the core's `Error` into a real JS `Error` (name, code, status, API fields, cause) and declares
//! its TypeScript shape. Copies only the fields the core built; it never adds request data.

use js_sys::Reflect;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::error::{Error, ErrorKind};

#[wasm_bindgen(typescript_custom_section)]
const ERROR_TYPES: &str = r#"
/** The `name` of every error this package throws or rejects with. */
export type MediaIntelligenceErrorName =
  | "ValidationError" | "NetworkError" | "TimeoutError" | "AbortError" | "ApiError" | "DecodeError";

/**
 * The stable `code` of every error: `INVALID_INPUT` (ValidationError), `NETWORK_ERROR`, `TIMEOUT`,
 * `ABORTED`, `DECODE_ERROR` and `RESPONSE_TOO_LARGE` (DecodeError), and for ApiError one of the others,
 * from the HTTP status and the API's code (`REDIRECT` for a 3xx, which is never followed).
 */
export type MediaIntelligenceErrorCode =
  | "INVALID_INPUT" | "NETWORK_ERROR" | "TIMEOUT" | "ABORTED" | "DECODE_ERROR"
  | "AUTHENTICATION_FAILED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE"
  | "QUOTA_EXCEEDED" | "RATE_LIMITED" | "BAD_REQUEST" | "SERVER_ERROR" | "API_ERROR"
  | "REDIRECT" | "RESPONSE_TOO_LARGE"
  | "IMPORT_FAILED" | "ANALYSIS_FAILED" | "ANALYSIS_CANCELED" | "SUMMARY_FAILED" | "SUMMARY_CANCELED"
  | "SEARCH_FAILED" | "UPLOAD_FAILED";

/** Every failure is a real `Error` with these extra fields. Branch on `name`, then `code`. */
export interface MediaIntelligenceError extends Error {
  name: MediaIntelligenceErrorName;
  code: MediaIntelligenceErrorCode;
  /** ValidationError: the input field at fault, e.g. `"workspaceName"`. */
  field?: string;
  /** ApiError and DecodeError: the HTTP status. */
  status?: number;
  /** ApiError: the service `code` or the gateway `errorCode`. */
  apiCode?: string;
  /** ApiError: the API's own message. */
  apiMessage?: string;
  /** ApiError: the gateway's `details`, when sent. */
  apiDetails?: string;
  /** NetworkError: what `fetch` threw; AbortError: the signal's reason. */
  cause?: unknown;
  /** AbortError: the signal's `reason`. */
  reason?: unknown;
  /** Attempts made (0 when the input was refused before any request). */
  attempts: number;
  /** Total wait between attempts, in milliseconds. */
  retryDelayMs: number;
  /** The wait the server asked for with `Retry-After`, in milliseconds, when the call failed without
   *  honouring it (it was over `retries.maxDelayMs`, or the attempts ran out). */
  retryAfterMs?: number;
  /** A waiter's failure (`IMPORT_FAILED`, `ANALYSIS_FAILED`, ...) or time-out: the job's last status
   *  object, as the status operation returned it. */
  jobStatus?: unknown;
}
"#;

/// Tells whether a caught value is an error of this package, narrowing its type in TypeScript.
///
/// ```js
/// try { await mi.getWorkspace("my-workspace"); }
/// catch (e) { if (isMediaIntelligenceError(e) && e.code === "NOT_FOUND") console.log("no such workspace"); }
/// ```
#[wasm_bindgen(js_name = isMediaIntelligenceError, unchecked_return_type = "error is MediaIntelligenceError")]
pub fn is_media_intelligence_error(#[wasm_bindgen(unchecked_param_type = "unknown")] error: JsValue) -> bool {
    let field = |key: &str| Reflect::get(&error, &JsValue::from_str(key)).ok().and_then(|v| v.as_string());
    error.is_instance_of::<js_sys::Error>()
        && field("name").is_some_and(|name| ErrorKind::ALL.iter().any(|kind| kind.name() == name))
        && field("code").is_some()
}

/// The JS `Error` for `error`.
pub fn to_js(error: &Error) -> JsValue {
    let js = js_sys::Error::new(&error.message);
    js.set_name(error.kind.name());
    let object: &JsValue = js.as_ref();
    set(object, "code", &JsValue::from_str(error.code));
    if let Some(field) = &error.field {
        set(object, "field", &JsValue::from_str(field));
    }
    if let Some(status) = error.status {
        set(object, "status", &JsValue::from(status));
    }
    let texts = [("apiCode", &error.api_code), ("apiMessage", &error.api_message), ("apiDetails", &error.api_details)];
    for (key, value) in texts {
        if let Some(text) = value {
            set(object, key, &JsValue::from_str(text));
        }
    }
    if let Some(cause) = error.cause.as_ref().and_then(|c| c.downcast_ref::<JsValue>()) {
        set(object, "cause", cause);
        if error.kind == ErrorKind::Abort {
            set(object, "reason", cause);
        }
    }
    set(object, "attempts", &JsValue::from(error.attempts));
    set(object, "retryDelayMs", &JsValue::from_f64(error.retry_delay_ms as f64));
    if let Some(status) = error.job_status.as_ref().and_then(|c| c.downcast_ref::<JsValue>()) {
        set(object, "jobStatus", status);
    }
    if let Some(wait) = error.retry_after_ms {
        set(object, "retryAfterMs", &JsValue::from_f64(wait as f64));
    }
    js.into()
}

/// Sets a property on a fresh `Error` object; that cannot fail, and a failure would only drop a field.
fn set(object: &JsValue, key: &str, value: &JsValue) {
    let _ = Reflect::set(object, &JsValue::from_str(key), value);
}
