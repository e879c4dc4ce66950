//! Reads the API's two response envelopes (service `{code, message, result}` and gateway
//! `{error: {errorCode, message, details}}`) into the `result` document or a typed error. Pure: no I/O,
//! and the result itself is handed on as the document it is (fields the API adds later pass through).

use crate::core::error::{ApiFailure, Error};
use crate::core::format::Format;
use crate::core::http::Body;

/// A successful answer: the whole envelope (when there was a body) and its `result` (when it had one).
pub struct Decoded<V> {
    pub envelope: Option<V>,
    pub result: Option<V>,
}

/// Turns one answer into its envelope and `result` document, or the error it means.
/// `attempted` (`METHOD /path`) is quoted in every error message.
pub fn decode<F: Format>(attempted: &str, status: u16, body: &Body<F::Value>) -> Result<Decoded<F::Value>, Error> {
    let document = match body {
        Body::Json(document) => document,
        // 204 No Content is a success without a body.
        Body::NotJson(text) if status == 204 && text.is_empty() => return Ok(Decoded { envelope: None, result: None }),
        Body::NotJson(text) => return Err(Error::decode(attempted, status, &describe_non_json(text))),
    };
    if !F::is_record(document) {
        return Err(Error::decode(attempted, status, "JSON that is not an object"));
    }
    // One non-generic reading of both envelopes: codes and messages as text (a number is read as its
    // decimal text rather than refused), anything else as absent. Each member is read once, from an
    // object known to be one.
    let text = |object: &F::Value, key: &str| F::text(&F::field(object, key));
    let gateway = F::field(document, "error");
    if F::is_record(&gateway) {
        if let Some(code) = text(&gateway, "errorCode") {
            let failure = ApiFailure { code, message: text(&gateway, "message").unwrap_or_default(), details: text(&gateway, "details") };
            return Err(Error::api(attempted, status, failure));
        }
    }
    match text(document, "code") {
        Some(code) if code == "0" && (200..=299).contains(&status) => {
            let result = F::field(document, "result");
            Ok(Decoded { result: (!F::is_absent(&result)).then_some(result), envelope: Some(document.clone()) })
        }
        Some(code) => Err(Error::api(attempted, status, ApiFailure { code, message: text(document, "message").unwrap_or_default(), details: None })),
        None => Err(Error::decode(attempted, status, "JSON without an NCP envelope (no `code` or `error`)")),
    }
}

/// The most of a non-JSON body an error quotes, in characters.
pub const SNIPPET_CHARS: usize = 60;

/// A short, printable description of a body that is not JSON, from its first `SNIPPET_CHARS` + 1
/// characters (the transport keeps no more).
fn describe_non_json(text: &str) -> String {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return "empty body, expected JSON".to_owned();
    }
    let snippet: String = trimmed.chars().take(SNIPPET_CHARS).map(|c| if c.is_control() { ' ' } else { c }).collect();
    let more = if trimmed.chars().count() > SNIPPET_CHARS { "..." } else { "" };
    format!("not JSON: `{snippet}{more}`")
}
