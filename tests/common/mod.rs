//! Helpers shared by the host test files: data-file loading, a scripted transport and a poll loop.
#![allow(dead_code)]

use std::cell::RefCell;
use std::future::Future;
use std::path::PathBuf;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use std::cell::Cell;

use ncloud_media_intelligence::http::{AttemptRecord, HttpRequest, HttpResponse, Transport, TransportError};

/// Reads a file under `tests/`.
pub fn data(path: &str) -> String {
    let full = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests").join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("reading {}: {e}", full.display()))
}

/// Parses a JSON file under `tests/`.
pub fn json(path: &str) -> serde_json::Value {
    serde_json::from_str(&data(path)).unwrap_or_else(|e| panic!("parsing {path}: {e}"))
}

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

/// An attempt record as the scripted transport kept it: the fields tests compare, and the whole
/// record's `Debug` text (records borrow from the call, so they are not kept as they are).
#[derive(Debug)]
pub struct Logged {
    pub attempt: u32,
    pub outcome: &'static str,
    pub status: Option<u16>,
    pub delay_ms: Option<u64>,
    pub record: String,
}

/// A transport that answers from a script and records what it was asked to send, how long it was
/// asked to sleep and what it was asked to log. Its clock advances only when it sleeps.
pub struct Scripted {
    pub now_ms: Cell<u64>,
    pub random: f64,
    pub replies: RefCell<Vec<Result<HttpResponse, TransportError>>>,
    pub sent: RefCell<Vec<(HttpRequest, u32)>>,
    pub slept: RefCell<Vec<u64>>,
    pub logged: RefCell<Vec<Logged>>,
    /// Sleeping fails with `Aborted` (a caller's signal fired during the wait).
    pub abort_sleep: bool,
}

impl Scripted {
    pub fn new(now_ms: u64, replies: Vec<Result<HttpResponse, TransportError>>) -> Self {
        Scripted {
            now_ms: Cell::new(now_ms),
            random: 0.5,
            replies: RefCell::new(replies),
            sent: RefCell::new(Vec::new()),
            slept: RefCell::new(Vec::new()),
            logged: RefCell::new(Vec::new()),
            abort_sleep: false,
        }
    }

    pub fn reply(status: u16, body: &str) -> Result<HttpResponse, TransportError> {
        Ok(HttpResponse { status, body: body.to_owned(), ..HttpResponse::default() })
    }

    pub fn reply_with(status: u16, body: &str, date: Option<&str>, retry_after: Option<&str>) -> Result<HttpResponse, TransportError> {
        Ok(HttpResponse { status, body: body.to_owned(), date: date.map(str::to_owned), retry_after: retry_after.map(str::to_owned) })
    }

    /// The value of header `name` in the `index`th request sent.
    pub fn header(&self, index: usize, name: &str) -> String {
        let sent = self.sent.borrow();
        let (request, _) = sent.get(index).unwrap_or_else(|| panic!("no request {index}"));
        request.headers.iter().find(|(n, _)| *n == name).map(|(_, v)| v.clone()).unwrap_or_else(|| panic!("no header {name}"))
    }
}

impl Transport for Scripted {
    async fn send(&self, request: HttpRequest, timeout_ms: u32) -> Result<HttpResponse, TransportError> {
        self.sent.borrow_mut().push((request, timeout_ms));
        let mut replies = self.replies.borrow_mut();
        assert!(!replies.is_empty(), "the script ran out of replies");
        replies.remove(0)
    }

    async fn sleep(&self, ms: u64) -> Result<(), TransportError> {
        self.slept.borrow_mut().push(ms);
        if self.abort_sleep {
            return Err(TransportError::Aborted(None));
        }
        self.now_ms.set(self.now_ms.get() + ms);
        Ok(())
    }

    fn now_ms(&self) -> u64 {
        self.now_ms.get()
    }

    fn random(&self) -> f64 {
        self.random
    }

    fn logs(&self) -> bool {
        true
    }

    fn log(&self, record: &AttemptRecord) {
        let AttemptRecord { attempt, outcome, status, delay_ms, .. } = *record;
        self.logged.borrow_mut().push(Logged { attempt, outcome, status, delay_ms, record: format!("{record:?}") });
    }
}
