//! Retries: which failures are retried (`core::retry`), full-jitter backoff bounds, `Retry-After` in
//! seconds and all three HTTP-date forms as a floor (and one above `maxDelayMs` failing at once),
//! non-retry-safe operations, aborts during a wait, and the attempt records a logger gets, over the
//! pipeline with a scripted transport.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{block_on, client, limits, op, prepare, Doc, Json, Scripted};
use ncloud_media_intelligence::api::execute::execute;
use ncloud_media_intelligence::core::clock::{parse_http_date, retry_after_ms};
use ncloud_media_intelligence::core::error::{ApiFailure, Error, ErrorKind};
use ncloud_media_intelligence::core::http::{Method, TransportError};
use ncloud_media_intelligence::core::operation::{At, Operation, Param, Rule};
use ncloud_media_intelligence::core::pipeline::{transport_error, CallLimits};
use ncloud_media_intelligence::core::retry::{is_retryable, may_have_reached_server, wait, RetryPolicy, Wait, MAX_ATTEMPTS_LIMIT};
use ncloud_media_intelligence::core::shape::VOID;
use ncloud_media_intelligence::core::sign::HEADER_TIMESTAMP;
use proptest::prelude::*;
use serde_json::json;

/// 2026-11-23T12:00:00Z, a Monday.
const NOW: u64 = 1_795_435_200_000;
const LIMITS: CallLimits = limits(3, 100, 1000);

fn gateway(code: &str) -> String {
    format!(r#"{{"error":{{"errorCode":"{code}","message":"m"}}}}"#)
}

fn api(status: u16, code: &str) -> Error {
    Error::api("GET /x", status, ApiFailure { code: code.to_owned(), message: "m".to_owned(), details: None })
}

/// `getWorkspace("my-workspace")` through `api::execute` over `t`.
fn get(t: &Scripted, limits: CallLimits) -> Result<Option<Doc>, Error> {
    let (call, body) = prepare(op("getWorkspace"), json!({ "workspaceName": "my-workspace" })).expect("valid");
    block_on(execute::<Scripted, Json>(&client("http://127.0.0.1:9"), t, &call, &body, limits))
}

fn get_ok() -> String {
    common::data("fixtures/get-workspace.ok.json")
}

#[test]
fn retried_failures_are_no_answer_throttling_and_the_four_transient_5xx() {
    let network = Error::network("GET /x", "reset", None);
    let decode_503 = Error::decode("GET /x", 503, "not JSON");
    let retried = [network.clone(), Error::timeout("GET /x", 5), api(429, "410"), api(429, "420"), api(429, ""), api(500, "900"), api(502, ""), api(503, ""), api(504, "510"), decode_503];
    for e in &retried {
        assert!(is_retryable(e), "{:?} {:?} {}", e.kind, e.status, e.code);
    }
    let not_retried = [
        api(429, "400"),
        api(400, "100"),
        api(401, "200"),
        api(401, "210"),
        api(403, "230"),
        api(404, "300"),
        api(409, "409"),
        api(413, "430"),
        api(501, ""),
        api(505, ""),
        api(200, "5001"),
        Error::decode("GET /x", 200, "not JSON"),
        Error::redirect("GET /x", 301),
        Error::redirect("GET /x", 0),
        Error::too_large("GET /x", 200, 10),
        Error::too_large("GET /x", 503, 10),
        Error::validation("signal", "bad"),
        Error::aborted("GET /x", None),
    ];
    for e in &not_retried {
        assert!(!is_retryable(e), "{:?} {:?} {}", e.kind, e.status, e.code);
    }
    for e in [network, Error::timeout("GET /x", 5), api(500, ""), api(502, ""), api(503, ""), api(504, "")] {
        assert!(may_have_reached_server(&e), "{:?} {:?}", e.kind, e.status);
    }
    for e in [api(429, "410"), api(400, ""), api(409, ""), Error::redirect("GET /x", 302), Error::validation("x", "y"), Error::aborted("GET /x", None)] {
        assert!(!may_have_reached_server(&e), "{:?} {:?}", e.kind, e.status);
    }
}

#[test]
fn backoff_is_full_jitter_under_a_doubling_ceiling_capped_at_max_delay() {
    let policy = RetryPolicy { max_attempts: 10, base_delay_ms: 100, max_delay_ms: 1000 };
    for (attempt, ceiling) in [(1, 100), (2, 200), (3, 400), (4, 800), (5, 1000), (9, 1000), (40, 1000), (u32::MAX, 1000)] {
        assert_eq!(wait(&policy, attempt, 0.0, None), Wait::Retry(0), "attempt {attempt}");
        assert_eq!(wait(&policy, attempt, 0.5, None), Wait::Retry(ceiling / 2), "attempt {attempt}");
        assert_eq!(wait(&policy, attempt, 0.999_999, None), Wait::Retry(ceiling - 1), "attempt {attempt}");
        assert_eq!(wait(&policy, attempt, 1.0, None), Wait::Retry(ceiling), "attempt {attempt}");
    }
    for odd in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -0.5] {
        assert_eq!(wait(&policy, 3, odd, None), Wait::Retry(0), "{odd}");
    }
    assert_eq!(wait(&policy, 3, 7.0, None), Wait::Retry(400), "clamped to the ceiling");
    let huge = RetryPolicy { max_attempts: 10, base_delay_ms: u64::MAX, max_delay_ms: u64::MAX };
    assert!(matches!(wait(&huge, 64, 0.5, None), Wait::Retry(_)), "no overflow");
    assert_eq!(RetryPolicy::default(), RetryPolicy { max_attempts: 3, base_delay_ms: 100, max_delay_ms: 10_000 });
    assert_eq!(MAX_ATTEMPTS_LIMIT, 10);
}

#[test]
fn retry_after_replaces_the_backoff_as_a_floor_and_above_max_delay_fails() {
    let policy = RetryPolicy { max_attempts: 3, base_delay_ms: 100, max_delay_ms: 1000 };
    for random in [0.0, 0.5, 0.999] {
        assert_eq!(wait(&policy, 1, random, Some(700)), Wait::Retry(700), "not jittered below what the server asked");
        assert_eq!(wait(&policy, 1, random, Some(0)), Wait::Retry(0));
        assert_eq!(wait(&policy, 1, random, Some(1000)), Wait::Retry(1000), "exactly maxDelayMs is honoured");
        assert_eq!(wait(&policy, 1, random, Some(1001)), Wait::TooLong(1001));
        assert_eq!(wait(&policy, 1, random, Some(u64::MAX)), Wait::TooLong(u64::MAX));
    }
}

proptest! {
    #[test]
    fn any_backoff_lies_within_its_ceiling(base in 0u64..100_000, max in 0u64..1_000_000, attempt in 1u32..100, random in 0.0f64..1.0) {
        let policy = RetryPolicy { max_attempts: 10, base_delay_ms: base, max_delay_ms: max };
        let ceiling = base.saturating_mul(1u64 << (attempt - 1).min(32)).min(max);
        let Wait::Retry(delay) = wait(&policy, attempt, random, None) else { panic!("no Retry-After, no TooLong") };
        prop_assert!(delay <= ceiling, "{} > {}", delay, ceiling);
    }
}

#[test]
fn http_dates_parse_in_all_three_forms_and_junk_does_not() {
    const RFC_EXAMPLE: u64 = 784_111_777_000; // Sun, 06 Nov 1994 08:49:37 GMT
    for form in ["Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994", "  Sun, 06 Nov 1994 08:49:37 GMT  "] {
        assert_eq!(parse_http_date(form), Some(RFC_EXAMPLE), "{form:?}");
    }
    assert_eq!(parse_http_date("Mon, 23 Nov 2026 12:00:00 GMT"), Some(NOW));
    assert_eq!(parse_http_date("Thu, 01 Jan 1970 00:00:00 GMT"), Some(0));
    assert_eq!(parse_http_date("Tue, 29 Feb 2028 23:59:59 GMT"), Some(1_835_481_599_000));
    for junk in ["", "soon", "Mon, 23 Nov 2026 12:00:00 UTC", "Mon, 23 Foo 2026 12:00:00 GMT", "Mon, 32 Nov 2026 12:00:00 GMT", "Mon, 23 Nov 2026 25:00:00 GMT", "Tue, 23 Nov 2026 12:00:00 GMT", "Mon, 23 Nov 2026 12:00:00 GMT é"] {
        assert_eq!(parse_http_date(junk), None, "{junk:?}");
    }
}

#[test]
fn retry_after_is_delta_seconds_or_a_date_from_now() {
    let now = 784_111_775_000; // two seconds before the RFC's example date
    assert_eq!(retry_after_ms("120", now), Some(120_000));
    assert_eq!(retry_after_ms(" 5 ", now), Some(5000));
    assert_eq!(retry_after_ms("0", now), Some(0));
    assert_eq!(retry_after_ms("99999999999999999999999", now), Some(u64::MAX), "more digits than a u64 is a very long time");
    for date in ["Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994"] {
        assert_eq!(retry_after_ms(date, now), Some(2000), "{date}");
        assert_eq!(retry_after_ms(date, now + 60_000), Some(0), "a date in the past is now");
    }
    for junk in ["", "soon", "-1", "1.5", "+3", "1e3", "٣"] {
        assert_eq!(retry_after_ms(junk, now), None, "{junk:?}");
    }
}

#[test]
fn transient_failures_are_retried_with_growing_jittered_backoff_and_each_attempt_signed_anew() {
    let t = Scripted::new(NOW, vec![Err(TransportError::Network("reset".into(), None)), Scripted::reply(503, &gateway("500")), Scripted::reply(200, &get_ok())]);
    get(&t, LIMITS).expect("third attempt succeeds");
    // random() is 0.5: half of 100 * 2^0, then half of 100 * 2^1.
    assert_eq!(*t.slept.borrow(), vec![50, 100]);
    assert_eq!(t.outcomes(), vec![(1, "retry", None, Some(50)), (2, "retry", Some(503), Some(100)), (3, "ok", Some(200), None)]);
    let stamps: Vec<String> = (0..3).map(|i| t.header(i, HEADER_TIMESTAMP)).collect();
    assert_eq!(stamps, [NOW, NOW + 50, NOW + 150].map(|n| n.to_string()), "signed at each attempt's own time");
}

#[test]
fn exhausted_retries_report_attempts_and_total_delay() {
    let t = Scripted::new(NOW, vec![Scripted::reply(502, "<html>bad gateway</html>"), Scripted::reply(500, &gateway("900")), Scripted::reply(504, &gateway("510"))]);
    let e = get(&t, LIMITS).expect_err("all fail");
    assert_eq!((e.kind, e.code, e.status, e.attempts, e.retry_delay_ms, e.retry_after_ms), (ErrorKind::Api, "SERVER_ERROR", Some(504), 3, 150, None));
    assert_eq!(t.outcomes(), vec![(1, "retry", Some(502), Some(50)), (2, "retry", Some(500), Some(100)), (3, "error", Some(504), None)]);
}

#[test]
fn failures_that_time_cannot_fix_fail_at_once() {
    let replies = [
        (Scripted::reply(429, &gateway("400")), "QUOTA_EXCEEDED"),
        (Scripted::reply(401, &gateway("200")), "AUTHENTICATION_FAILED"),
        (Scripted::reply(401, &gateway("210")), "FORBIDDEN"),
        (Scripted::reply(400, r#"{"code":"400","message":"bad"}"#), "BAD_REQUEST"),
        (Scripted::reply(404, r#"{"code":"404","message":"none"}"#), "NOT_FOUND"),
        (Scripted::reply(501, &gateway("500")), "SERVER_ERROR"),
        (Scripted::reply(200, "{not json"), "DECODE_ERROR"),
        (Scripted::reply(200, r#"{"code":"5001","message":"busy"}"#), "API_ERROR"),
        (Err(TransportError::Redirect(307)), "REDIRECT"),
        (Err(TransportError::TooLarge(503, 100)), "RESPONSE_TOO_LARGE"),
        (Err(TransportError::Aborted(None)), "ABORTED"),
        (Err(TransportError::BadSignal("x".into())), "INVALID_INPUT"),
    ];
    for (reply, code) in replies {
        let t = Scripted::new(NOW, vec![reply]);
        let e = get(&t, LIMITS).expect_err(code);
        assert_eq!((e.code, e.attempts, e.retry_delay_ms), (code, 1, 0), "{code} is not retried");
        assert!(t.slept.borrow().is_empty(), "{code}");
        assert_eq!(t.outcomes(), vec![(1, "error", t.logged.borrow()[0].status, None)], "{code}");
    }
}

#[test]
fn retry_after_in_seconds_or_any_date_form_is_waited_exactly() {
    let start = 784_111_775_000; // two seconds before Sun, 06 Nov 1994 08:49:37 GMT
    for header in ["2", "Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994"] {
        let t = Scripted::new(start, vec![Scripted::reply_with(503, &gateway("500"), None, Some(header)), Scripted::reply(200, &get_ok())]);
        get(&t, limits(3, 100, 5000)).expect("succeeds");
        assert_eq!(*t.slept.borrow(), vec![2000], "{header}: the wait the server asked for, not the 50 ms backoff");
    }
    let t = Scripted::new(NOW, vec![Scripted::reply_with(429, &gateway("410"), None, Some("0")), Scripted::reply(200, &get_ok())]);
    get(&t, LIMITS).expect("succeeds");
    assert!(t.slept.borrow().is_empty(), "0 s means at once");
    assert_eq!(t.outcomes()[0], (1, "retry", Some(429), Some(0)));
}

#[test]
fn a_retry_after_above_max_delay_fails_at_once_with_the_wait_it_asked_for() {
    let t = Scripted::new(NOW, vec![Scripted::reply_with(503, &gateway("500"), None, Some("30"))]);
    let e = get(&t, LIMITS).expect_err("too long");
    assert_eq!((e.code, e.attempts, e.retry_delay_ms, e.retry_after_ms), ("SERVER_ERROR", 1, 0, Some(30_000)));
    assert!(e.message.contains("the server asked to retry after 30000 ms, over maxDelayMs 1000"), "{e}");
    assert!(t.slept.borrow().is_empty());
    assert_eq!(t.outcomes(), vec![(1, "error", Some(503), None)]);
    // On a failure that is not retried, the wait is reported without the note.
    let t = Scripted::new(NOW, vec![Scripted::reply_with(429, &gateway("400"), None, Some("3600"))]);
    let e = get(&t, LIMITS).expect_err("quota");
    assert_eq!((e.code, e.retry_after_ms), ("QUOTA_EXCEEDED", Some(3_600_000)));
    assert!(!e.message.contains("maxDelayMs"), "{e}");
}

#[test]
fn max_attempts_one_disables_retries() {
    let t = Scripted::new(NOW, vec![Scripted::reply(503, &gateway("500"))]);
    let e = get(&t, limits(1, 100, 1000)).expect_err("one attempt");
    assert_eq!((e.attempts, t.sent.borrow().len()), (1, 1));
}

/// A test operation that must not be repeated once it may have reached the server.
static NOT_SAFE: Operation = Operation {
    name: "startThing",
    method: Method::Post,
    path: "/api/v1/things/{thingId}/start",
    params: &[Param { name: "thingId", wire: "thingId", at: At::Path, rule: Rule::Id, default: None, required: true }],
    body: None,
    result: &VOID,
    lift: &[],
    retry_safe: false,
    paged: None,
    poll: None,
    recover: None,
    slug: "test-start",
    summary: "A test operation.",
};

#[test]
fn operations_that_are_not_retry_safe_are_not_repeated_after_an_attempt_that_may_have_reached_the_server() {
    let run = |t: &Scripted| {
        let (call, body) = prepare(&NOT_SAFE, json!({ "thingId": 7 })).expect("valid");
        block_on(execute::<Scripted, Json>(&client("http://127.0.0.1:9"), t, &call, &body, LIMITS))
    };
    for reply in [Err(TransportError::Network("reset".into(), None)), Err(TransportError::Timeout), Scripted::reply(500, &gateway("900")), Scripted::reply(503, &gateway("500"))] {
        let t = Scripted::new(NOW, vec![reply]);
        let e = run(&t).expect_err("not repeated");
        assert_eq!((e.attempts, t.sent.borrow().len()), (1, 1), "{}", e.code);
    }
    // Throttling means the request was turned away: repeating it is safe.
    let t = Scripted::new(NOW, vec![Scripted::reply(429, &gateway("410")), Err(TransportError::Timeout)]);
    let e = run(&t).expect_err("stops after the timeout");
    assert_eq!((e.code, e.attempts), ("TIMEOUT", 2));
    let t = Scripted::new(NOW, vec![Scripted::reply(429, &gateway("410")), Scripted::reply(200, r#"{"code":"0"}"#)]);
    assert!(run(&t).expect("second attempt").is_none());
}

#[test]
fn an_abort_during_the_wait_stops_the_call() {
    let t = Scripted::new(NOW, vec![Scripted::reply(503, &gateway("500"))]);
    t.abort_sleep.set(true);
    let e = get(&t, LIMITS).expect_err("aborted");
    assert_eq!((e.kind, e.code, e.attempts, e.retry_delay_ms), (ErrorKind::Abort, "ABORTED", 1, 0));
    assert_eq!(*t.slept.borrow(), vec![50]);
    assert_eq!(transport_error("GET /x", TransportError::Aborted(None), 5).kind.name(), "AbortError");
}

#[test]
fn each_attempt_gets_one_record_with_what_a_logger_needs() {
    let t = Scripted::new(NOW, vec![Scripted::reply(503, &gateway("500")), Scripted::reply(200, &get_ok())]);
    t.latency_ms.set(25);
    get(&t, LIMITS).expect("ok");
    let logged = t.logged.borrow();
    let fields: Vec<_> = logged.iter().map(|r| (r.method, r.path.as_str(), r.attempt, r.status, r.api_code.as_deref(), r.duration_ms, r.outcome, r.error_code, r.delay_ms)).collect();
    assert_eq!(
        fields,
        vec![
            ("GET", "/api/v1/workspaces/my-workspace", 1, Some(503), Some("500"), 25, "retry", Some("SERVER_ERROR"), Some(50)),
            ("GET", "/api/v1/workspaces/my-workspace", 2, Some(200), Some("0"), 25, "ok", None, None),
        ]
    );
    for record in logged.iter() {
        assert!(!record.debug.contains(common::SECRET_KEY) && !record.debug.contains("x-ncp"), "{}", record.debug);
    }
    drop(logged);
    // A transport that keeps no records is not timed.
    let quiet = Scripted::new(NOW, vec![Scripted::reply(200, &get_ok())]);
    quiet.latency_ms.set(25);
    quiet.logs.set(false);
    get(&quiet, LIMITS).expect("ok");
    assert_eq!(quiet.logged.borrow()[0].duration_ms, 0);
}
