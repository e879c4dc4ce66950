//! Helpers shared by the host test files: data files, the host document format (`Json`, over
//! `serde_json::Value`), a scripted transport with a fake clock, a poll loop, and the call preparation
//! the JS layer does (options document -> body and parameters -> `Call`).
#![allow(dead_code)]

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::future::Future;
use std::path::PathBuf;
use std::pin::pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use ncloud_media_intelligence::api;
use ncloud_media_intelligence::core::client::{Client, Config, Endpoint};
use ncloud_media_intelligence::core::envelope::SNIPPET_CHARS;
use ncloud_media_intelligence::core::error::Error;
use ncloud_media_intelligence::core::format::{Format, Kind};
use ncloud_media_intelligence::core::http::{AttemptRecord, Body, HttpRequest, HttpResponse, Transport, TransportError};
use ncloud_media_intelligence::core::operation::{Operation, Param};
use ncloud_media_intelligence::core::pipeline::CallLimits;
use ncloud_media_intelligence::core::request::{build, Call};
use ncloud_media_intelligence::core::retry::RetryPolicy;
use ncloud_media_intelligence::core::sign::Credentials;
use ncloud_media_intelligence::core::validate::ParamValue;

/// Reads a file under `tests/`.
pub fn data(path: &str) -> String {
    let full = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests").join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("reading {}: {e}", full.display()))
}

/// Parses a JSON file under `tests/`.
pub fn json(path: &str) -> serde_json::Value {
    serde_json::from_str(&data(path)).unwrap_or_else(|e| panic!("parsing {path}: {e}"))
}

// ---------------------------------------------------------------------------------------------------
// The host document format

/// A parsed document. Shared and mutable like a JS object, so `set_member` works through `&self`;
/// `member` hands out a copy of the member (enough for the core, which only completes `result`).
pub type Doc = Rc<RefCell<serde_json::Value>>;

/// A document holding `value`.
pub fn doc(value: serde_json::Value) -> Doc {
    Rc::new(RefCell::new(value))
}

/// The JSON inside a document.
pub fn value(document: &Doc) -> serde_json::Value {
    document.borrow().clone()
}

/// `serde_json::Value` documents: read with serde (after a shape check, as the wasm format reads JS
/// values), walked by kind, written with `serde_json`.
pub struct Json;

impl Format for Json {
    type Value = Doc;

    fn read<T: serde::de::DeserializeOwned>(value: &Doc) -> Result<T, String> {
        T::deserialize(&*value.borrow()).map_err(|e| e.to_string())
    }

    fn kind(value: &Doc) -> Kind {
        match &*value.borrow() {
            serde_json::Value::Null => Kind::Null,
            serde_json::Value::Bool(_) => Kind::Bool,
            serde_json::Value::Number(n) => Kind::Number(n.as_f64().unwrap_or(f64::NAN)),
            serde_json::Value::String(_) => Kind::Text,
            serde_json::Value::Array(items) => Kind::List(items.len()),
            serde_json::Value::Object(_) => Kind::Object,
        }
    }

    fn item(value: &Doc, index: usize) -> Option<Doc> {
        value.borrow().as_array().and_then(|items| items.get(index)).map(|item| doc(item.clone()))
    }

    fn member(value: &Doc, key: &str) -> Option<Doc> {
        match value.borrow().get(key) {
            None | Some(serde_json::Value::Null) => None,
            Some(member) if value.borrow().is_object() => Some(doc(member.clone())),
            Some(_) => None,
        }
    }

    fn field(value: &Doc, key: &str) -> Doc {
        doc(value.borrow().get(key).cloned().unwrap_or(serde_json::Value::Null))
    }

    fn set_member(value: &Doc, key: &str, member: &Doc) -> bool {
        let member = member.borrow().clone();
        match &mut *value.borrow_mut() {
            serde_json::Value::Object(map) => {
                map.insert(key.to_owned(), member);
                true
            }
            _ => false,
        }
    }

    fn write<T: serde::Serialize>(value: &T) -> Result<String, String> {
        serde_json::to_string(value).map_err(|e| e.to_string())
    }
}

/// A response body as the fetch transport hands it on: parsed JSON, or (not JSON) the first
/// `SNIPPET_CHARS + 1` characters of the text after leading white space; an empty body is empty text.
pub fn body(text: &str) -> Body<Doc> {
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(parsed) => Body::Json(doc(parsed)),
        Err(_) => Body::NotJson(text.trim_start().chars().take(SNIPPET_CHARS + 1).collect()),
    }
}

// ---------------------------------------------------------------------------------------------------
// Calls as the JS layer prepares them

/// A client of `endpoint` signing with `test-access-key` / `test-secret-key`.
pub const ACCESS_KEY: &str = "test-access-key";
pub const SECRET_KEY: &str = "test-secret-key";

pub fn client(endpoint: &str) -> Client {
    let endpoint = Endpoint::parse(endpoint, "endpoint").expect("endpoint");
    Client::new(Config::new(endpoint, Credentials::new(ACCESS_KEY, SECRET_KEY)))
}

/// Limits with the given attempts and backoff, and a 5 s time limit.
pub const fn limits(max_attempts: u32, base_delay_ms: u64, max_delay_ms: u64) -> CallLimits {
    CallLimits { timeout_ms: 5000, retries: RetryPolicy { max_attempts, base_delay_ms, max_delay_ms } }
}

/// The call and body of `op` from an options object, as `js::call::prepare_copy` makes them: the body
/// read and checked first, then each parameter read as a `ParamValue` and checked by its rule.
pub fn prepare(op: &'static Operation, options: serde_json::Value) -> Result<(Call, api::Body), Error> {
    let options = doc(options);
    let body = api::body::<Json>(op, &options)?;
    let mut value = |param: &Param| -> Result<Option<ParamValue>, Error> {
        match Json::member(&options, param.name) {
            None => Ok(None),
            Some(v) => Json::read::<ParamValue>(&v).map(Some).map_err(|_| Error::validation(param.name, "is not a plain value")),
        }
    };
    let call = build(op, &mut value, body.json.clone())?;
    Ok((call, body))
}

/// The operation of the table named `name`.
pub fn op(name: &str) -> &'static Operation {
    api::find(name).unwrap_or_else(|| panic!("no operation {name} in the table"))
}

// ---------------------------------------------------------------------------------------------------
// Running futures and scripted transports

/// Runs a future whose awaits all complete at once (the scripted transport never waits).
pub fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    for _ in 0..1000 {
        if let Poll::Ready(out) = future.as_mut().poll(&mut cx) {
            return out;
        }
    }
    panic!("future did not complete: the scripted transport should never wait")
}

/// An attempt record as the scripted transport kept it (records borrow from the call, so the fields
/// are copied out), with the whole record's `Debug` text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logged {
    pub method: &'static str,
    pub path: String,
    pub attempt: u32,
    pub status: Option<u16>,
    pub api_code: Option<String>,
    pub duration_ms: u64,
    pub outcome: &'static str,
    pub error_code: Option<&'static str>,
    pub delay_ms: Option<u64>,
    pub debug: String,
}

pub type Reply = Result<HttpResponse<Doc>, TransportError>;

/// A transport that answers from a script and records what it was asked to send, how long it was
/// asked to sleep and what it was asked to log. Its clock moves only when it sleeps, or by `latency_ms`
/// per request sent.
pub struct Scripted {
    pub now_ms: Cell<u64>,
    pub latency_ms: Cell<u64>,
    pub random: Cell<f64>,
    pub replies: RefCell<VecDeque<Reply>>,
    pub sent: RefCell<Vec<(HttpRequest, u32)>>,
    pub slept: RefCell<Vec<u64>>,
    pub logged: RefCell<Vec<Logged>>,
    /// Whether `logs()` says records are kept (then attempts are timed).
    pub logs: Cell<bool>,
    /// Sleeping fails with `Aborted` (a caller's signal fired during the wait).
    pub abort_sleep: Cell<bool>,
}

impl Scripted {
    pub fn new(now_ms: u64, replies: Vec<Reply>) -> Self {
        Scripted {
            now_ms: Cell::new(now_ms),
            latency_ms: Cell::new(0),
            random: Cell::new(0.5),
            replies: RefCell::new(replies.into()),
            sent: RefCell::new(Vec::new()),
            slept: RefCell::new(Vec::new()),
            logged: RefCell::new(Vec::new()),
            logs: Cell::new(true),
            abort_sleep: Cell::new(false),
        }
    }

    /// An answer with `status` and the body `text` (parsed as the fetch transport would).
    pub fn reply(status: u16, text: &str) -> Reply {
        Scripted::reply_with(status, text, None, None)
    }

    /// An answer with a `Date` and a `Retry-After` header.
    pub fn reply_with(status: u16, text: &str, date: Option<&str>, retry_after: Option<&str>) -> Reply {
        Ok(HttpResponse { status, body: body(text), date: date.map(str::to_owned), retry_after: retry_after.map(str::to_owned) })
    }

    /// The `index`th request sent.
    pub fn request(&self, index: usize) -> HttpRequest {
        self.sent.borrow().get(index).unwrap_or_else(|| panic!("no request {index}")).0.clone()
    }

    /// The value of header `name` in the `index`th request sent.
    pub fn header(&self, index: usize, name: &str) -> String {
        let request = self.request(index);
        request.headers.iter().find(|(n, _)| *n == name).map(|(_, v)| v.clone()).unwrap_or_else(|| panic!("no header {name} in request {index}"))
    }

    /// `METHOD url` of every request sent.
    pub fn lines(&self) -> Vec<String> {
        self.sent.borrow().iter().map(|(r, _)| format!("{} {}", r.method.as_str(), r.url)).collect()
    }

    pub fn outcomes(&self) -> Vec<(u32, &'static str, Option<u16>, Option<u64>)> {
        self.logged.borrow().iter().map(|r| (r.attempt, r.outcome, r.status, r.delay_ms)).collect()
    }
}

impl Transport for Scripted {
    type Value = Doc;

    async fn send(&self, request: HttpRequest, timeout_ms: u32) -> Reply {
        self.sent.borrow_mut().push((request, timeout_ms));
        self.now_ms.set(self.now_ms.get() + self.latency_ms.get());
        self.replies.borrow_mut().pop_front().expect("the script ran out of replies")
    }

    async fn sleep(&self, ms: u64) -> Result<(), TransportError> {
        self.slept.borrow_mut().push(ms);
        if self.abort_sleep.get() {
            return Err(TransportError::Aborted(None));
        }
        self.now_ms.set(self.now_ms.get() + ms);
        Ok(())
    }

    fn now_ms(&self) -> u64 {
        self.now_ms.get()
    }

    fn random(&self) -> f64 {
        self.random.get()
    }

    fn parse_time(&self, iso: &str) -> Option<u64> {
        parse_iso(iso)
    }

    fn logs(&self) -> bool {
        self.logs.get()
    }

    fn log(&self, record: &AttemptRecord) {
        let r = record.clone();
        self.logged.borrow_mut().push(Logged {
            method: r.method,
            path: r.path.to_owned(),
            attempt: r.attempt,
            status: r.status,
            api_code: r.api_code.map(str::to_owned),
            duration_ms: r.duration_ms,
            outcome: r.outcome,
            error_code: r.error_code,
            delay_ms: r.delay_ms,
            debug: format!("{record:?}"),
        });
    }
}

// ---------------------------------------------------------------------------------------------------
// Dates

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
pub fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Milliseconds since the epoch of `YYYY-MM-DDTHH:MM:SS[.fff](Z|+HH:MM|-HH:MM)`, like `Date.parse`
/// for the forms the API's times take once a zone is added; `None` for anything else.
pub fn parse_iso(text: &str) -> Option<u64> {
    let b = text.as_bytes();
    let num = |from: usize, len: usize| -> Option<i64> {
        let part = b.get(from..from + len)?;
        part.iter().all(u8::is_ascii_digit).then(|| part.iter().fold(0, |n, d| n * 10 + i64::from(d - b'0')))
    };
    let at = |i: usize, c: u8| b.get(i) == Some(&c);
    if !(at(4, b'-') && at(7, b'-') && at(10, b'T') && at(13, b':') && at(16, b':')) {
        return None;
    }
    let (year, month, day, hour, minute, second) = (num(0, 4)?, num(5, 2)?, num(8, 2)?, num(11, 2)?, num(14, 2)?, num(17, 2)?);
    let month_days = [31, if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if !(1..=12).contains(&month) || day < 1 || day > month_days[month as usize - 1] || hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    let mut i = 19;
    let mut millis = 0;
    if at(i, b'.') {
        let digits = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 {
            return None;
        }
        millis = (0..3).map(|k| if k < digits { i64::from(b[i + 1 + k] - b'0') } else { 0 }).fold(0, |n, d| n * 10 + d);
        i += 1 + digits;
    }
    let offset_min = match b.get(i..)? {
        b"Z" => 0,
        [sign @ (b'+' | b'-'), ..] if b.len() == i + 6 && at(i + 3, b':') => {
            let (h, m) = (num(i + 1, 2)?, num(i + 4, 2)?);
            if h > 23 || m > 59 {
                return None;
            }
            (h * 60 + m) * if *sign == b'-' { -1 } else { 1 }
        }
        _ => return None,
    };
    let seconds = days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second - offset_min * 60;
    u64::try_from(seconds * 1000 + millis).ok()
}
