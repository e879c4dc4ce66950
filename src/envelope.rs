//! Reads the API's two response envelopes (service `{code, message, result}` and gateway
//! `{error: {errorCode, message, details}}`) into a typed result or a typed error. Pure: no I/O.

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::error::{ApiFailure, Error};

/// Turns one response into the `result` the caller asked for, or the error it means.
///
/// `attempted` (`METHOD /path`) is quoted in every error message.
pub fn decode<R: DeserializeOwned>(attempted: &str, status: u16, body: &str) -> Result<R, Error> {
    let value: Value = serde_json::from_str(body)
        .map_err(|_| Error::decode(attempted, status, &describe_non_json(body)))?;
    if let Some(failure) = gateway_failure(&value) {
        return Err(Error::api(attempted, status, failure));
    }
    let code = value.get("code").and_then(code_text);
    let success_status = (200..=299).contains(&status);
    match code {
        Some(code) if code == "0" && success_status => {
            let result = value.get("result").cloned().unwrap_or(Value::Null);
            R::deserialize(result)
                .map_err(|e| Error::decode(attempted, status, &format!("result: {e}")))
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
    let error = value.get("error")?.as_object()?;
    let code = error.get("errorCode").and_then(code_text)?;
    let text = |key: &str| error.get(key).and_then(Value::as_str).map(str::to_owned);
    Some(ApiFailure {
        code,
        message: text("message").unwrap_or_default(),
        details: text("details"),
    })
}

/// NCP documents codes as strings; a number is read as its decimal text rather than rejected.
fn code_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A short, printable description of a body that is not JSON (an HTML error page, an empty body).
fn describe_non_json(body: &str) -> String {
    let trimmed = body.trim();
    if trimmed.is_empty() {
        return "empty body, expected JSON".to_owned();
    }
    let snippet: String = trimmed
        .chars()
        .take(60)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let more = if trimmed.chars().count() > 60 { "..." } else { "" };
    format!("not JSON: `{snippet}{more}`")
}
