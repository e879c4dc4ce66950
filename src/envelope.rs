//! Reads the API's two response envelopes (service `{code, message, result}` and gateway
//! `{error: {errorCode, message, details}}`) into a typed result or a typed error. Pure: no I/O.

use crate::error::{ApiFailure, Error};
use crate::json::{self, Value};
use crate::text;

/// A result type read from the envelope's `result` member.
pub trait FromResult: Sized {
    /// Reads the value, or says which field is wrong and how.
    fn from_result(result: &Value) -> Result<Self, String>;
}

/// Reads a result member into the caller's slot, or says which field is wrong and how. One non-generic
/// shape for every result type, so the pipeline is compiled once.
pub type ReadResult<'a> = &'a mut dyn FnMut(&Value) -> Result<(), String>;

/// Turns one response into the `result` the caller asked for, or the error it means.
///
/// `attempted` (`METHOD /path`) is quoted in every error message.
pub fn decode<R: FromResult>(attempted: &str, status: u16, body: &str) -> Result<R, Error> {
    let mut out = None;
    decode_into(attempted, status, body, &mut |v| R::from_result(v).map(|r| out = Some(r)))?;
    out.ok_or_else(|| Error::decode(attempted, status, "result: missing"))
}

/// `decode` for any result type: checks the envelope and hands its `result` member to `read`.
pub fn decode_into(attempted: &str, status: u16, body: &str, read: ReadResult) -> Result<(), Error> {
    let value = json::parse(body).map_err(|_| Error::decode(attempted, status, &describe_non_json(body)))?;
    if let Some(failure) = gateway_failure(&value) {
        return Err(Error::api(attempted, status, failure));
    }
    let code = value.get("code").and_then(code_text);
    let success_status = (200..=299).contains(&status);
    match code {
        Some(code) if code == "0" && success_status => {
            let result = value.get("result").unwrap_or(&Value::Null);
            read(result).map_err(|problem| Error::decode(attempted, status, &text::concat(&["result: ", &problem])))
        }
        Some(code) => {
            let message = value.get("message").and_then(Value::as_str).unwrap_or_default();
            Err(Error::api(attempted, status, ApiFailure { code, message: message.to_owned(), details: None }))
        }
        None => Err(Error::decode(attempted, status, "JSON without an NCP envelope (no `code` or `error`)")),
    }
}

/// The gateway envelope's fields, if `value` is one.
fn gateway_failure(value: &Value) -> Option<ApiFailure> {
    let error = value.get("error")?;
    let code = error.get("errorCode").and_then(code_text)?;
    let text = |key: &str| error.get(key).and_then(Value::as_str).map(str::to_owned);
    Some(ApiFailure { code, message: text("message").unwrap_or_default(), details: text("details") })
}

/// NCP documents codes as strings; a number is read as its decimal text rather than rejected.
fn code_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) | Value::Number(s) => Some(s.clone()),
        _ => None,
    }
}

/// A short, printable description of a body that is not JSON (an HTML error page, an empty body).
fn describe_non_json(body: &str) -> String {
    let trimmed = body.trim();
    if trimmed.is_empty() {
        return "empty body, expected JSON".to_owned();
    }
    let snippet: String = trimmed.chars().take(60).map(|c| if c.is_control() { ' ' } else { c }).collect();
    let more = if trimmed.chars().count() > 60 { "..." } else { "" };
    text::concat(&["not JSON: `", &snippet, more, "`"])
}

/// Reads an optional text field: absent or `null` is `None`, a string is `Some`, anything else is wrong.
pub fn optional_text(object: &Value, key: &str) -> Result<Option<String>, String> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(text::concat(&["`", key, "` must be a string"])),
    }
}

/// Reads a required text field.
pub fn required_text(object: &Value, key: &str) -> Result<String, String> {
    optional_text(object, key)?.ok_or_else(|| text::concat(&["missing field `", key, "`"]))
}

/// Reads an optional non-negative integer field.
pub fn optional_count(object: &Value, key: &str) -> Result<Option<u64>, String> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => v.as_u64().map(Some).ok_or_else(|| text::concat(&["`", key, "` must be a non-negative integer"])),
    }
}
