//! The transport over the runtime's global `fetch` (or a `fetch` the caller passes in). The only module
//! that touches web_sys fetch types; it never reads `window` and never logs or formats headers.

use std::rc::Rc;

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, Headers, RequestInit, Response};

use crate::http::{HttpRequest, HttpResponse, Transport, TransportError};

/// Sends through `fetch(url, init)`: the caller's function if given, else `globalThis.fetch`, looked up
/// at each call so polyfills installed after construction are honoured.
pub struct FetchTransport {
    custom_fetch: Option<Function>,
}

impl FetchTransport {
    pub fn new(custom_fetch: Option<Function>) -> Self {
        FetchTransport { custom_fetch }
    }

    fn fetch_function(&self) -> Result<Function, TransportError> {
        if let Some(f) = &self.custom_fetch {
            return Ok(f.clone());
        }
        Reflect::get(&js_sys::global(), &JsValue::from_str("fetch"))
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
            .ok_or_else(|| TransportError::Network("this runtime has no global fetch".to_owned(), None))
    }

    async fn exchange(&self, request: HttpRequest, timeout_ms: u32) -> Result<HttpResponse, JsValue> {
        let init = RequestInit::new();
        init.set_method(request.method.as_str());
        let headers = Headers::new()?;
        for (name, value) in &request.headers {
            headers.set(name, value)?;
        }
        init.set_headers(&headers);
        if let Some(body) = &request.body {
            init.set_body(&JsValue::from_str(body));
        }
        if timeout_ms > 0 {
            if let Some(signal) = timeout_signal(timeout_ms) {
                init.set_signal(Some(&signal));
            }
        }
        let fetch = self.fetch_function().map_err(|_| JsValue::from_str("this runtime has no global fetch"))?;
        let promise = fetch.call2(&JsValue::UNDEFINED, &JsValue::from_str(&request.url), &init)?;
        let response: Response = JsFuture::from(Promise::resolve(&promise)).await?.dyn_into()?;
        let body = JsFuture::from(response.text()?).await?;
        Ok(HttpResponse { status: response.status(), body: body.as_string().unwrap_or_default() })
    }
}

impl Transport for FetchTransport {
    async fn send(&self, request: HttpRequest, timeout_ms: u32) -> Result<HttpResponse, TransportError> {
        self.fetch_function()?;
        self.exchange(request, timeout_ms).await.map_err(classify)
    }

    fn now_ms(&self) -> u64 {
        // Date.now() is a non-negative whole number of milliseconds well inside u64.
        js_sys::Date::now() as u64
    }
}

/// Maps what `fetch` threw to a transport error, keeping the original value as the cause.
fn classify(thrown: JsValue) -> TransportError {
    let name = property_text(&thrown, "name");
    if name.as_deref() == Some("TimeoutError") {
        return TransportError::Timeout;
    }
    let mut detail = property_text(&thrown, "message")
        .or_else(|| thrown.as_string())
        .unwrap_or_else(|| "fetch failed".to_owned());
    // Node puts the useful part (ECONNREFUSED, ENOTFOUND, ...) on `cause`.
    if let Ok(cause) = Reflect::get(&thrown, &JsValue::from_str("cause")) {
        if let Some(inner) = property_text(&cause, "message") {
            detail = format!("{detail} ({inner})");
        }
    }
    TransportError::Network(detail, Some(Rc::new(thrown)))
}

/// `AbortSignal.timeout(ms)`, or `None` where the runtime lacks it (then no time limit applies).
fn timeout_signal(ms: u32) -> Option<AbortSignal> {
    let class = Reflect::get(&js_sys::global(), &JsValue::from_str("AbortSignal")).ok()?;
    let timeout: Function = Reflect::get(&class, &JsValue::from_str("timeout")).ok()?.dyn_into().ok()?;
    timeout.call1(&class, &JsValue::from(ms)).ok()?.dyn_into().ok()
}

fn property_text(value: &JsValue, key: &str) -> Option<String> {
    if !value.is_object() {
        return None;
    }
    Reflect::get(value.unchecked_ref::<Object>(), &JsValue::from_str(key)).ok()?.as_string()
}
