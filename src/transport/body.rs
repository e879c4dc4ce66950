//! Reads a response body with a bound checked while reading: the chunks stay JS `Uint8Array`s (never
//! copied into wasm memory), the read stops one chunk past the cap, and the text is parsed with the
//! runtime's own `JSON.parse`. Never reads more than the cap plus one chunk.

use js_sys::{Array, JsString, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ReadableStream, ReadableStreamDefaultReader, Response, TextDecoder};

use crate::core::envelope::SNIPPET_CHARS;
use crate::core::http::Body;

/// How a body read ended.
pub enum Read {
    Done(Body<JsValue>),
    /// Over the cap; the rest was cancelled.
    TooLarge,
    /// The stream failed (connection reset mid-body): its error.
    Failed(JsValue),
}

#[wasm_bindgen]
extern "C" {
    /// A `TextDecoder` whose `decode` keeps its result a JS string (web-sys's binding copies it into
    /// wasm memory).
    type Decoder;
    #[wasm_bindgen(method, js_name = decode)]
    fn decode_js(this: &Decoder, bytes: &Uint8Array) -> JsString;
    /// `JSON.parse(text)` of a JS string.
    #[wasm_bindgen(catch, js_namespace = JSON, js_name = parse)]
    fn json_parse(text: &JsString) -> Result<JsValue, JsValue>;
}

thread_local! {
    static DECODER: Option<TextDecoder> = TextDecoder::new().ok();
}

/// Reads `response`'s body, at most `cap` bytes, and parses it as JSON.
pub async fn read(response: &Response, cap: u64) -> Read {
    let headers = response.headers();
    let declared = headers.get("content-length").ok().flatten().and_then(|v| v.trim().parse::<u64>().ok());
    let stream = response.body();
    if let (Some(stream), true) = (&stream, declared.is_some_and(|n| n > cap)) {
        let _ = stream.cancel();
        return Read::TooLarge;
    }
    // Without a content coding, a declared length is the body's length (fetch fails a body that runs
    // past it), so the bound is already checked: one `text()` instead of a read per chunk.
    let plain = headers.get("content-encoding").ok().flatten().is_none();
    if let (Some(_), true) = (declared, plain) {
        return match response.text() {
            Ok(promise) => match JsFuture::from(promise).await {
                Ok(text) => Read::Done(parse_text(text.unchecked_into())),
                Err(error) => Read::Failed(error),
            },
            Err(error) => Read::Failed(error),
        };
    }
    read_stream(stream, cap).await
}

/// Reads a body stream (a response's or a request's), at most `cap` bytes, and parses it as JSON:
/// the read stops at the first chunk past the cap. No stream is an empty body.
pub async fn read_stream(stream: Option<ReadableStream>, cap: u64) -> Read {
    if stream.is_none() {
        // No body at all (204, a GET request, or a Response made without one).
        return Read::Done(Body::NotJson(String::new()));
    }
    match read_bytes(stream, cap).await {
        Bytes::Done(bytes) => Read::Done(parse(&bytes)),
        Bytes::TooLarge => Read::TooLarge,
        Bytes::Failed(error) => Read::Failed(error),
    }
}

/// How a read of raw bytes ended.
pub enum Bytes {
    Done(Uint8Array),
    /// Over the cap; the rest was cancelled.
    TooLarge,
    Failed(JsValue),
}

/// Reads a stream's bytes, at most `cap` of them (the read stops at the first chunk past it and
/// cancels the rest), as one `Uint8Array` that stays in JS.
pub async fn read_bytes(stream: Option<ReadableStream>, cap: u64) -> Bytes {
    let Some(stream) = stream else { return Bytes::Done(Uint8Array::new_with_length(0)) };
    let Ok(reader) = stream.get_reader().dyn_into::<ReadableStreamDefaultReader>() else {
        return Bytes::Failed(JsValue::from_str("the body could not be read"));
    };
    let chunks = Array::new();
    let mut total: u64 = 0;
    loop {
        let step = match JsFuture::from(reader.read()).await {
            Ok(step) => step,
            Err(error) => return Bytes::Failed(error),
        };
        if Reflect::get(&step, &JsValue::from_str("done")).ok().and_then(|d| d.as_bool()).unwrap_or(true) {
            break;
        }
        let chunk = Reflect::get(&step, &JsValue::from_str("value")).unwrap_or(JsValue::UNDEFINED);
        let Ok(chunk) = chunk.dyn_into::<Uint8Array>() else { return Bytes::Failed(JsValue::from_str("the stream gave something other than bytes")) };
        total += u64::from(chunk.length());
        if total > cap {
            let _ = reader.cancel();
            return Bytes::TooLarge;
        }
        chunks.push(&chunk);
    }
    Bytes::Done(join(&chunks, total))
}

/// The chunks as one `Uint8Array` (the one chunk itself when there is only one).
fn join(chunks: &Array, total: u64) -> Uint8Array {
    if chunks.length() == 1 {
        return chunks.get(0).unchecked_into();
    }
    // `total` is at most the cap, which the options keep below 2^32.
    let all = Uint8Array::new_with_length(total as u32);
    let mut at = 0u32;
    for chunk in chunks.iter() {
        let chunk: Uint8Array = chunk.unchecked_into();
        all.set(&chunk, at);
        at += chunk.length();
    }
    all
}

/// The bytes as UTF-8 text (invalid sequences replaced), parsed with `JSON.parse`; not JSON gives the
/// first characters, for the error message.
fn parse(bytes: &Uint8Array) -> Body<JsValue> {
    let Some(text) = DECODER.with(|d| d.as_ref().map(|d| d.unchecked_ref::<Decoder>().decode_js(bytes))) else {
        return Body::NotJson("(no TextDecoder in this runtime)".to_owned());
    };
    parse_text(text)
}

/// The text parsed with `JSON.parse`; not JSON gives the first characters, for the error message.
fn parse_text(text: JsString) -> Body<JsValue> {
    match json_parse(&text) {
        Ok(value) => Body::Json(value),
        // Only the first characters cross into wasm, for the message.
        Err(_) => Body::NotJson(String::from(text.trim_start().slice(0, SNIPPET_CHARS as u32 + 1))),
    }
}
