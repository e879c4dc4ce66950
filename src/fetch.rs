//! The transport over the runtime's global `fetch` (or a `fetch` the caller passes in), one per call.
//! Each attempt is one call into its JS half (`fetch.js`: the request, its time limit, the caller's
//! abort signals, the body read to the end) and one awaited promise; it also sleeps between attempts and
//! hands attempt records to the caller's logger. It never reads `window` and never logs or formats
//! headers.

use std::rc::Rc;

use js_sys::{Array, Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::http::{AttemptRecord, HttpRequest, HttpResponse, Transport, TransportError};
use crate::json::{self, Member};

#[wasm_bindgen(module = "/src/fetch.js")]
extern "C" {
    /// Resolves `[0, status, body, date, retryAfter]`, `[1]` (timeout), `[2, reason]` (aborted) or
    /// `[3, detail, error]` (no response); never rejects.
    #[wasm_bindgen(js_name = send)]
    fn js_send(
        fetch: &JsValue,
        url: &str,
        method: &str,
        headers: &str,
        body: Option<String>,
        credentials: Option<String>,
        timeout_ms: u32,
        signals: &Array,
    ) -> Promise;

    /// Resolves `undefined` after `ms`, or `[reason]` when a signal aborts first; never rejects.
    #[wasm_bindgen(js_name = sleep)]
    fn js_sleep(ms: f64, signals: &Array) -> Promise;
}

/// Sends through `fetch(url, init)`: the caller's function if given, else `globalThis.fetch`, looked up
/// at each attempt so polyfills installed after construction are honoured.
pub struct FetchTransport {
    pub fetch: Option<Function>,
    /// The caller's `AbortSignal`s (the client's and the call's), as one JS array.
    pub signals: Array,
    pub logger: Option<Function>,
    /// Headers added to every request (a proxy client's `headers` option).
    pub extra_headers: Rc<[(String, String)]>,
    /// The fetch `credentials` mode, only when the caller chose one (workerd rejects the field).
    pub credentials: Option<Rc<str>>,
}

impl FetchTransport {
    /// A transport with no signals, logger, extra headers or credentials mode.
    pub fn plain(fetch: Option<Function>) -> Self {
        FetchTransport { fetch, signals: Array::new(), logger: None, extra_headers: Rc::from([]), credentials: None }
    }
}

impl Transport for FetchTransport {
    async fn send(&self, request: HttpRequest, timeout_ms: u32) -> Result<HttpResponse, TransportError> {
        let extra = self.extra_headers.iter().map(|(n, v)| (n.as_str(), Member::Text(v)));
        let members: Vec<(&str, Member)> = request.headers.iter().map(|(n, v)| (*n, Member::Text(v))).chain(extra).collect();
        let fetch: JsValue = self.fetch.as_ref().map_or(JsValue::UNDEFINED, |f| f.into());
        let promise = js_send(
            &fetch,
            &request.url,
            request.method.as_str(),
            &json::object(&members),
            request.body,
            self.credentials.as_deref().map(str::to_owned),
            timeout_ms,
            &self.signals,
        );
        // `send` resolves an array and never rejects (fetch.js), so the value is used as one as it is.
        let outcome: Array = JsFuture::from(promise).await.map_or_else(|_| Array::new(), JsCast::unchecked_into);
        let item = |i: u32| outcome.get(i);
        let text = |i: u32| item(i).as_string();
        match item(0).as_f64() {
            Some(0.0) => {
                // A Response status is an integer from 200 to 599; `Date` and `Retry-After` are only
                // sent back (and only read) for a status of 300 and up.
                let status = item(1).as_f64().map_or(0, |s| s as u16);
                let failed = status >= 300;
                Ok(HttpResponse {
                    status,
                    body: text(2).unwrap_or_default(),
                    date: if failed { text(3) } else { None },
                    retry_after: if failed { text(4) } else { None },
                })
            }
            Some(1.0) => Err(TransportError::Timeout),
            Some(2.0) => Err(TransportError::Aborted(Some(Rc::new(item(1))))),
            _ => {
                let thrown = item(2);
                let cause = (!thrown.is_undefined()).then(|| Rc::new(thrown) as Rc<dyn core::any::Any>);
                Err(TransportError::Network(text(1).unwrap_or_else(|| "fetch failed".to_owned()), cause))
            }
        }
    }

    async fn sleep(&self, ms: u64) -> Result<(), TransportError> {
        let woke = JsFuture::from(js_sleep(ms as f64, &self.signals)).await.unwrap_or(JsValue::UNDEFINED);
        if woke.is_undefined() {
            return Ok(());
        }
        Err(TransportError::Aborted(Some(Rc::new(Array::from(&woke).get(0)))))
    }

    fn now_ms(&self) -> u64 {
        // Date.now() is a non-negative whole number of milliseconds well inside u64.
        js_sys::Date::now() as u64
    }

    fn random(&self) -> f64 {
        js_sys::Math::random()
    }

    fn logs(&self) -> bool {
        self.logger.is_some()
    }

    fn log(&self, record: &AttemptRecord) {
        let Some(logger) = &self.logger else { return };
        let text = |value: Option<&str>| value.map_or(JsValue::NULL, JsValue::from_str);
        let number = |value: Option<f64>| value.map_or(JsValue::NULL, JsValue::from_f64);
        let entry = js_sys::Object::new();
        for (key, value) in [
            ("method", JsValue::from_str(record.method)),
            ("path", JsValue::from_str(record.path)),
            ("attempt", JsValue::from(record.attempt)),
            ("status", number(record.status.map(f64::from))),
            ("apiCode", text(record.api_code)),
            ("durationMs", JsValue::from_f64(record.duration_ms as f64)),
            ("outcome", JsValue::from_str(record.outcome)),
            ("errorCode", text(record.error_code)),
            ("delayMs", number(record.delay_ms.map(|d| d as f64))),
        ] {
            let _ = js_sys::Reflect::set(&entry, &JsValue::from_str(key), &value);
        }
        // A logger that throws must not break the call it is observing.
        let _ = logger.call1(&JsValue::UNDEFINED, &entry);
    }
}
