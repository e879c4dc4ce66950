//! The transport over the runtime's global `fetch` (or a `fetch` the caller passes in), one per call:
//! it applies the time limit and the caller's abort signals, sleeps between attempts and hands attempt
//! records to the caller's logger. It never reads `window` and never logs or formats headers.

use std::rc::Rc;

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal, RequestInit, Response};

use crate::json;
use crate::http::{AttemptRecord, HttpRequest, HttpResponse, Transport, TransportError};
use crate::timers::{self, Guard};

/// Sends through `fetch(url, init)`: the caller's function if given, else `globalThis.fetch`, looked up
/// at each call so polyfills installed after construction are honoured.
pub struct FetchTransport {
    pub fetch: Option<Function>,
    pub signals: Vec<AbortSignal>,
    pub logger: Option<Function>,
    /// Headers added to every request (a proxy client's `headers` option).
    pub extra_headers: Rc<[(String, String)]>,
    /// The fetch `credentials` mode, only when the caller chose one (workerd rejects the field).
    pub credentials: Option<Rc<str>>,
}

impl FetchTransport {
    fn fetch_function(&self) -> Result<Function, TransportError> {
        if let Some(f) = &self.fetch {
            return Ok(f.clone());
        }
        Reflect::get(&js_sys::global(), &JsValue::from_str("fetch"))
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
            .ok_or_else(|| TransportError::Network("this runtime has no global fetch".to_owned(), None))
    }

    async fn exchange(&self, fetch: Function, request: HttpRequest, signal: &AbortSignal) -> Result<HttpResponse, JsValue> {
        let init = RequestInit::new();
        init.set_method(request.method.as_str());
        // A plain object is the cheapest header list to build across the boundary, and one `JSON.parse`
        // of its text the cheapest way to build it (one crossing instead of two strings and a set each).
        let extra = self.extra_headers.iter().map(|(n, v)| (n.as_str(), Some(v.as_str())));
        let members: Vec<(&str, Option<&str>)> = request.headers.iter().map(|(n, v)| (*n, Some(v.as_str()))).chain(extra).collect();
        init.set_headers(&js_sys::JSON::parse(&json::object_of_strings(&members))?);
        if let Some(mode) = &self.credentials {
            Reflect::set(&init, &JsValue::from_str("credentials"), &JsValue::from_str(mode))?;
        }
        if let Some(body) = &request.body {
            init.set_body(&JsValue::from_str(body));
        }
        init.set_signal(Some(signal));
        let promise = fetch.call2(&JsValue::UNDEFINED, &JsValue::from_str(&request.url), &init)?;
        let response: Response = JsFuture::from(Promise::resolve(&promise))
            .await?
            .dyn_into()
            .map_err(|_| JsValue::from_str("fetch resolved to something other than a Response"))?;
        let body = JsFuture::from(response.text()?).await?;
        let header = |name: &str| response.headers().get(name).ok().flatten();
        Ok(HttpResponse {
            status: response.status(),
            body: body.as_string().unwrap_or_default(),
            date: header("date"),
            retry_after: header("retry-after"),
        })
    }

    /// Maps what `fetch` threw: our timer fired → timeout; a caller's signal fired → aborted; else network.
    fn classify(&self, thrown: JsValue, timed_out: bool) -> TransportError {
        if timed_out {
            return TransportError::Timeout;
        }
        if let Some(reason) = timers::aborted(&self.signals) {
            return TransportError::Aborted(Some(Rc::new(reason)));
        }
        let mut detail = property_text(&thrown, "message")
            .or_else(|| thrown.as_string())
            .unwrap_or_else(|| "fetch failed".to_owned());
        // Node puts the useful part (ECONNREFUSED, ECONNRESET, ...) on `cause`.
        if let Ok(cause) = Reflect::get(&thrown, &JsValue::from_str("cause")) {
            if let Some(inner) = property_text(&cause, "message") {
                detail = crate::text::concat(&[&detail, " (", &inner, ")"]);
            }
        }
        TransportError::Network(detail, Some(Rc::new(thrown)))
    }
}

impl Transport for FetchTransport {
    async fn send(&self, request: HttpRequest, timeout_ms: u32) -> Result<HttpResponse, TransportError> {
        if let Some(reason) = timers::aborted(&self.signals) {
            return Err(TransportError::Aborted(Some(Rc::new(reason))));
        }
        let fetch = self.fetch_function()?;
        // A controller, a timer and listeners that the guard clears as soon as the answer is read. Not
        // AbortSignal.timeout: its timer outlives the request (Node keeps every one until it fires,
        // which the load test measured as 110 MB over 100,000 calls).
        let controller = AbortController::new().map_err(|e| self.classify(e, false))?;
        let mut guard = Guard::default();
        // The timer calls `controller.abort(TIMEOUT)` bound in JS: no Rust closure per request. The
        // marker reason tells a timeout from a caller's abort afterwards.
        let marker = timers::timeout_marker();
        let abort: Option<Function> = Reflect::get(&controller, &JsValue::from_str("abort")).ok().and_then(|f| f.dyn_into().ok());
        if let Some(abort) = abort {
            let bound: JsValue = abort.bind1(&controller, &marker).into();
            guard.set_timeout_fn(f64::from(timeout_ms), bound.unchecked_ref());
        }
        for signal in &self.signals {
            let (target, source) = (controller.clone(), signal.clone());
            guard.on_abort(signal, Closure::new(move || target.abort_with_reason(&source.reason())));
        }
        let signal = controller.signal();
        let result = self.exchange(fetch, request, &signal).await;
        drop(guard);
        result.map_err(|thrown| self.classify(thrown, signal.reason() == marker))
    }

    async fn sleep(&self, ms: u64) -> Result<(), TransportError> {
        let (promise, guard) = timers::sleep(ms as f64, &self.signals);
        let slept = JsFuture::from(promise).await;
        drop(guard);
        slept.map(|_| ()).map_err(|reason| TransportError::Aborted(Some(Rc::new(reason))))
    }

    fn now_ms(&self) -> u64 {
        // Date.now() is a non-negative whole number of milliseconds well inside u64.
        js_sys::Date::now() as u64
    }

    fn random(&self) -> f64 {
        js_sys::Math::random()
    }

    fn log(&self, record: &AttemptRecord) {
        let Some(logger) = &self.logger else { return };
        let entry = Object::new();
        let set = |key: &str, value: JsValue| {
            let _ = Reflect::set(&entry, &JsValue::from_str(key), &value);
        };
        let text = |value: Option<&str>| value.map_or(JsValue::NULL, JsValue::from_str);
        set("method", JsValue::from_str(record.method));
        set("path", JsValue::from_str(&record.path));
        set("attempt", JsValue::from(record.attempt));
        set("status", record.status.map_or(JsValue::NULL, JsValue::from));
        set("apiCode", text(record.api_code.as_deref()));
        set("durationMs", JsValue::from_f64(record.duration_ms as f64));
        set("outcome", JsValue::from_str(record.outcome));
        set("errorCode", text(record.error_code));
        set("delayMs", record.delay_ms.map_or(JsValue::NULL, |d| JsValue::from_f64(d as f64)));
        // A logger that throws must not break the call it is observing.
        let _ = logger.call1(&JsValue::UNDEFINED, &entry);
    }
}

fn property_text(value: &JsValue, key: &str) -> Option<String> {
    if !value.is_object() {
        return None;
    }
    Reflect::get(value.unchecked_ref::<Object>(), &JsValue::from_str(key)).ok()?.as_string()
}
