//! The transport over the runtime's global `fetch` (or a `fetch` the caller passes in), one per call:
//! each attempt is one `fetch(url, init)` with a plain headers object, `redirect: "manual"`, its own
//! time limit and the caller's abort signals, then a bounded body read. It also sleeps between
//! attempts and hands attempt records to the caller's logger.

use std::cell::Cell;
use std::rc::Rc;

use js_sys::{Function, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal, RequestCredentials, RequestInit, RequestRedirect, Response, ResponseType};

use crate::core::http::{AttemptRecord, HttpRequest, HttpResponse, Transport, TransportError};
use crate::transport::body::{self, Read};
use crate::transport::signals::{self, race, Either, Stop, Watch};

/// Bodies larger than this are refused unless the client raises `maxResponseBytes` (bytes).
pub const DEFAULT_MAX_RESPONSE_BYTES: u64 = 32 * 1024 * 1024;

/// Sends through `fetch(url, init)`: the caller's function if given, else `globalThis.fetch`, looked up
/// at each attempt so polyfills installed after construction are honoured.
pub struct FetchTransport {
    pub fetch: Option<Function>,
    /// The caller's `AbortSignal`s (the client's and the call's).
    pub signals: Vec<AbortSignal>,
    pub logger: Option<Function>,
    /// Headers added to every request (a proxy client's `headers` option).
    pub extra_headers: Rc<[(String, String)]>,
    /// The fetch `credentials` mode, only when the caller chose one (workerd rejects the field).
    pub credentials: Option<RequestCredentials>,
    /// The largest body read, in bytes.
    pub max_response_bytes: u64,
}

impl FetchTransport {
    /// A transport with no signals, logger, extra headers or credentials mode.
    pub fn plain(fetch: Option<Function>, max_response_bytes: u64) -> Self {
        FetchTransport { fetch, signals: Vec::new(), logger: None, extra_headers: Rc::from([]), credentials: None, max_response_bytes }
    }

    fn init(&self, request: &HttpRequest, signal: Option<&AbortSignal>) -> RequestInit {
        let headers = Object::new();
        let plain = headers.unchecked_ref::<crate::transport::plain::Plain>();
        for (name, value) in &request.headers {
            header_strings(name, value, |name, value| plain.write(name, value));
        }
        for (name, value) in self.extra_headers.iter() {
            plain.write(&JsValue::from_str(name), &JsValue::from_str(value));
        }
        let init = RequestInit::new();
        init.set_method(request.method.as_str());
        init.set_headers(&headers);
        if let Some(body) = &request.body {
            init.set_body(&JsValue::from_str(body));
        }
        // A signed request never follows a redirect: its headers and body would go wherever
        // `Location` points. The 3xx (or a browser's opaque redirect) becomes an error instead.
        init.set_redirect(RequestRedirect::Manual);
        if signal.is_some() {
            init.set_signal(signal);
        }
        if let Some(mode) = self.credentials {
            init.set_credentials(mode);
        }
        init
    }

    /// `fetch` itself: the caller's function, else the global one, looked up now.
    fn fetch_function(&self) -> Result<Function, TransportError> {
        if let Some(f) = &self.fetch {
            return Ok(f.clone());
        }
        Reflect::get(&js_sys::global(), &JsValue::from_str("fetch"))
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
            .ok_or_else(|| TransportError::Network("this runtime has no global fetch".to_owned(), None))
    }

    /// `fetch(url, init(signal))` with our controller's signal, resolved to its `Response`. When this
    /// runtime's fetch refuses that signal (a test environment replaced `AbortController`, jsdom-style),
    /// the request is sent again without one, and from then on always: the time limit and the caller's
    /// signals still end the wait, though an abandoned fetch then runs to its end.
    async fn fetch_response(&self, url: &str, controller: Option<&AbortController>, init: &dyn Fn(Option<&AbortSignal>) -> RequestInit) -> Result<Response, TransportError> {
        let (fetch, global, url) = (self.fetch_function()?, js_sys::global(), JsValue::from_str(url));
        // The call is made at once (the init is built while the signal is borrowed); only the wait is async.
        let send = |signal: Option<&AbortSignal>| {
            let sent = fetch.call2(&global, &url, &init(signal)).map(|sent| sent.dyn_into::<js_sys::Promise>().unwrap_or_else(|value| js_sys::Promise::resolve(&value)));
            async move { JsFuture::from(sent?).await }
        };
        let own_signal = controller.filter(|_| OWN_SIGNAL_ACCEPTED.with(Cell::get)).map(AbortController::signal);
        let mut answer = send(own_signal.as_ref()).await;
        if own_signal.is_some() && answer.as_ref().is_err_and(refuses_signal) {
            OWN_SIGNAL_ACCEPTED.with(|ok| ok.set(false));
            answer = send(None).await;
        }
        answer
            .map_err(network)?
            .dyn_into()
            .map_err(|_| TransportError::Network("fetch resolved to something other than a Response".to_owned(), None))
    }

    /// Runs `exchange` (given our controller) within `timeout_ms` and the caller's signals; when they
    /// end it first, the controller aborts the fetch, whose promise then settles unobserved.
    async fn limited<T, F: core::future::Future<Output = Result<T, TransportError>>>(&self, timeout_ms: u32, exchange: impl FnOnce(Option<AbortController>) -> F) -> Result<T, TransportError> {
        if let Some(reason) = signals::already_aborted(&self.signals) {
            return Err(TransportError::Aborted(Some(Rc::new(reason))));
        }
        // Without a global `AbortController` the request is sent without a signal of ours.
        let controller = AbortController::new().ok();
        // Dropped before it settles (a waiter's overall limit ended the wait): the fetch is cancelled.
        let guard = AbortOnDrop(controller.clone());
        let watch = Watch::new(Some(f64::from(timeout_ms)), &self.signals);
        match race(exchange(controller.clone()), watch.stopped()).await {
            Either::Left(result) => {
                guard.disarm();
                result
            }
            Either::Right(stop) => {
                let (reason, error) = match stop {
                    Stop::Timeout => (JsValue::from(js_sys::Error::new("request timed out")), TransportError::Timeout),
                    Stop::Aborted(reason) => (reason.clone(), TransportError::Aborted(Some(Rc::new(reason)))),
                };
                if let Some(controller) = &controller {
                    controller.abort_with_reason(&reason);
                }
                Err(error)
            }
        }
    }

    /// One exchange: fetch, redirect check, bounded body read.
    async fn exchange(&self, request: &HttpRequest, controller: Option<&AbortController>) -> Result<HttpResponse<JsValue>, TransportError> {
        let response = self.fetch_response(&request.url, controller, &|signal| self.init(request, signal)).await?;
        let status = response.status();
        if response.type_() == ResponseType::Opaqueredirect || (300..=399).contains(&status) {
            if let Some(stream) = response.body() {
                let _ = stream.cancel();
            }
            return Err(TransportError::Redirect(status));
        }
        // `Date` (clock skew) and `Retry-After` only matter on a failure: no lookups on a success.
        let header = |name: &str| if status >= 400 { response.headers().get(name).ok().flatten() } else { None };
        let (date, retry_after) = (header("date"), header("retry-after"));
        match body::read(&response, self.max_response_bytes).await {
            Read::Done(body) => Ok(HttpResponse { status, body, date, retry_after }),
            Read::TooLarge => Err(TransportError::TooLarge(status, self.max_response_bytes)),
            Read::Failed(error) => Err(network(error)),
        }
    }
}

/// Calls `f` with the JS strings of a request header: the name made once, and the value reused while
/// it repeats from one request to the next (the access key, the content type), so each request makes
/// only its new values (the timestamp, the signature).
fn header_strings(name: &'static str, value: &str, f: impl FnOnce(&JsValue, &JsValue)) {
    thread_local! {
        static LAST: std::cell::RefCell<Vec<(&'static str, JsValue, String, JsValue)>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let mut f = Some(f);
    let _ = LAST.try_with(|cache| {
        let Ok(mut cache) = cache.try_borrow_mut() else { return };
        let at = match cache.iter().position(|(n, ..)| core::ptr::eq(*n, name)) {
            Some(at) => at,
            None => {
                cache.push((name, JsValue::from_str(name), String::new(), JsValue::UNDEFINED));
                cache.len() - 1
            }
        };
        let Some(entry) = cache.get_mut(at) else { return };
        if entry.2 != value || entry.3.is_undefined() {
            (entry.2, entry.3) = (value.to_owned(), JsValue::from_str(value));
        }
        if let Some(f) = f.take() {
            f(&entry.1, &entry.3);
        }
    });
    if let Some(f) = f.take() {
        f(&JsValue::from_str(name), &JsValue::from_str(value));
    }
}

/// Aborts its controller when dropped (a request future dropped before it settled).
struct AbortOnDrop(Option<AbortController>);

impl AbortOnDrop {
    /// The request settled: nothing to cancel.
    fn disarm(mut self) {
        self.0 = None;
    }
}

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        if let Some(controller) = &self.0 {
            controller.abort_with_reason(&JsValue::from(js_sys::Error::new("the call was given up")));
        }
    }
}

thread_local! {
    /// Whether this runtime's fetch takes the signals of the global `AbortController`.
    static OWN_SIGNAL_ACCEPTED: Cell<bool> = const { Cell::new(true) };
}

/// A `TypeError` about the request's signal, as fetch throws for a signal of a replaced
/// `AbortController` ("... signal ... is not of type AbortSignal").
fn refuses_signal(error: &JsValue) -> bool {
    let Some(e) = error.dyn_ref::<js_sys::Error>() else { return false };
    e.name() == "TypeError" && String::from(e.message()).to_ascii_lowercase().contains("signal")
}

/// What `fetch` threw, in words: its message, and its `cause`'s (Node puts ECONNREFUSED there).
fn network(error: JsValue) -> TransportError {
    let message = |value: &JsValue| value.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message()));
    let detail = message(&error).or_else(|| error.as_string()).unwrap_or_else(|| "fetch failed".to_owned());
    let inner = error.dyn_ref::<js_sys::Error>().map(|e| e.cause()).and_then(|c| message(&c));
    let detail = match inner {
        Some(inner) => format!("{detail} ({inner})"),
        None => detail,
    };
    TransportError::Network(detail, Some(Rc::new(error)))
}

impl FetchTransport {
    /// `PUT`s `bytes` to a presigned upload URL: only a `content-type` header (never an `x-ncp-*` one,
    /// the caller's extra headers or cookies), the time limit and the caller's signals as for any
    /// attempt. Resolves the answer's status; the body is not read.
    pub async fn put(&self, url: &str, bytes: &js_sys::Uint8Array, content_type: &str, timeout_ms: u32) -> Result<u16, TransportError> {
        let init = |signal: Option<&AbortSignal>| {
            let headers = Object::new();
            let _ = Reflect::set(&headers, &JsValue::from_str("content-type"), &JsValue::from_str(content_type));
            let init = RequestInit::new();
            init.set_method("PUT");
            init.set_headers(&headers);
            init.set_body(bytes);
            init.set_redirect(RequestRedirect::Manual);
            init.set_credentials(RequestCredentials::Omit);
            if signal.is_some() {
                init.set_signal(signal);
            }
            init
        };
        self.limited(timeout_ms, |controller| async move {
            let response = self.fetch_response(url, controller.as_ref(), &init).await?;
            if let Some(stream) = response.body() {
                let _ = stream.cancel();
            }
            Ok(response.status())
        })
        .await
    }
}

impl Transport for FetchTransport {
    type Value = JsValue;

    async fn send(&self, request: HttpRequest, timeout_ms: u32) -> Result<HttpResponse<JsValue>, TransportError> {
        self.limited(timeout_ms, |controller| async move { self.exchange(&request, controller.as_ref()).await }).await
    }

    async fn sleep(&self, ms: u64) -> Result<(), TransportError> {
        signals::sleep(ms, &self.signals).await.map_err(|reason| TransportError::Aborted(Some(Rc::new(reason))))
    }

    fn now_ms(&self) -> u64 {
        // Date.now() is a non-negative whole number of milliseconds well inside u64.
        js_sys::Date::now() as u64
    }

    fn random(&self) -> f64 {
        js_sys::Math::random()
    }

    fn parse_time(&self, iso: &str) -> Option<u64> {
        let ms = js_sys::Date::parse(iso);
        (ms.is_finite() && ms >= 0.0).then_some(ms as u64)
    }

    fn logs(&self) -> bool {
        self.logger.is_some()
    }

    fn log(&self, record: &AttemptRecord) {
        let Some(logger) = &self.logger else { return };
        let text = |value: Option<&str>| value.map_or(JsValue::NULL, JsValue::from_str);
        let number = |value: Option<f64>| value.map_or(JsValue::NULL, JsValue::from_f64);
        let entry = Object::new();
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
            let _ = Reflect::set(&entry, &JsValue::from_str(key), &value);
        }
        // A logger that throws must not break the call it is observing.
        let _ = logger.call1(&JsValue::UNDEFINED, &entry);
    }
}
