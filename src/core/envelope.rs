//! Reads the API's two response envelopes (service `{code, message, result}` and gateway
//! `{error: {errorCode, message, details}}`) into the `result` document or a typed error. Pure: no I/O,
//! and the result itself is handed on as the document it is (fields the API adds later pass through).

use serde::de::{self, Deserializer, IgnoredAny, Visitor};
use serde::Deserialize;

use crate::core::error::{ApiFailure, Error};
use crate::core::format::{Format, Kind};
use crate::core::http::Body;

/// The envelope's own members; `result` is not read here. Every member is read leniently, so reading
/// cannot fail on an object.
#[derive(Deserialize)]
struct Head {
    code: Option<Loose>,
    message: Option<Loose>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct GatewayHead {
    error_code: Option<Loose>,
    message: Option<Loose>,
    details: Option<Loose>,
}

/// A member read leniently as text: a string as it is, a number as its decimal text, anything else
/// as absent. NCP documents codes as strings; a number is not worth a decode error.
struct Loose(Option<String>);

impl<'de> Deserialize<'de> for Loose {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Text;
        impl<'de> Visitor<'de> for Text {
            type Value = Loose;
            fn expecting(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
                f.write_str("text")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Loose, E> {
                Ok(Loose(Some(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Loose, E> {
                Ok(Loose(Some(v)))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Loose, E> {
                Ok(Loose(Some(v.to_string())))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Loose, E> {
                Ok(Loose(Some(v.to_string())))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Loose, E> {
                Ok(Loose((v.fract() == 0.0 && v.abs() < 1e15).then(|| (v as i64).to_string())))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Loose, E> {
                Ok(Loose(None))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Loose, E> {
                Ok(Loose(None))
            }
            fn visit_none<E: de::Error>(self) -> Result<Loose, E> {
                Ok(Loose(None))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Loose, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Loose(None))
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Loose, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Loose(None))
            }
        }
        deserializer.deserialize_any(Text)
    }
}

fn text(loose: Option<Loose>) -> Option<String> {
    loose.and_then(|l| l.0)
}

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
    let head: Head = match F::kind(document) {
        Kind::Object => F::read(document).map_err(|_| Error::decode(attempted, status, "JSON that is not an NCP envelope"))?,
        _ => return Err(Error::decode(attempted, status, "JSON that is not an object")),
    };
    let gateway = F::member(document, "error").filter(|e| F::kind(e) == Kind::Object).and_then(|e| F::read::<GatewayHead>(&e).ok());
    if let Some(gateway) = gateway {
        if let Some(code) = text(gateway.error_code) {
            let failure = ApiFailure { code, message: text(gateway.message).unwrap_or_default(), details: text(gateway.details) };
            return Err(Error::api(attempted, status, failure));
        }
    }
    match text(head.code) {
        Some(code) if code == "0" && (200..=299).contains(&status) => Ok(Decoded { result: F::member(document, "result"), envelope: Some(document.clone()) }),
        Some(code) => Err(Error::api(attempted, status, ApiFailure { code, message: text(head.message).unwrap_or_default(), details: None })),
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
