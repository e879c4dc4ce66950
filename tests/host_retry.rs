//! Resilience in the core over a scripted transport: which failures are retried and how long the waits
//! are, Retry-After, clock-skew correction, the idempotent create, attempt records, and date parsing.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{block_on, Scripted};
use ncloud_media_intelligence::client::{Client, Config, Endpoint};
use ncloud_media_intelligence::clock::{parse_http_date, parse_local_date_time};
use ncloud_media_intelligence::error::ErrorKind;
use ncloud_media_intelligence::http::TransportError;
use ncloud_media_intelligence::pipeline::CallLimits;
use ncloud_media_intelligence::retry::{delay_ms, retry_after_ms, RetryPolicy};
use ncloud_media_intelligence::workspaces::CreateWorkspace;

// 2026-11-23T12:00:00Z; in KST (UTC+9) that is 2026-11-23T21:00:00.
const NOW: u64 = 1_795_435_200_000;
const LIMITS: CallLimits = CallLimits { timeout_ms: 5000, retries: RetryPolicy { max_attempts: 3, base_delay_ms: 100, max_delay_ms: 1000 } };

fn client() -> Client {
    Client::new(Config::new(Endpoint::parse("http://127.0.0.1:9").expect("endpoint"), ncloud_media_intelligence::sign::Credentials::new("ak", "sk")))
}

fn gateway(code: &str) -> String {
    format!(r#"{{"error":{{"errorCode":"{code}","message":"m"}}}}"#)
}

fn get_ok() -> String {
    common::data("fixtures/get-workspace.ok.json")
}

#[test]
fn transient_failures_are_retried_with_growing_jittered_backoff() {
    let t = Scripted::new(NOW, vec![
        Err(TransportError::Network("reset".into(), None)),
        Scripted::reply(503, &gateway("500")),
        Scripted::reply(200, &get_ok()),
    ]);
    block_on(client().get_workspace(&t, "my-workspace", LIMITS)).expect("third attempt succeeds");
    // random() is 0.5: half of 100 * 2^0, then half of 100 * 2^1.
    assert_eq!(*t.slept.borrow(), vec![50, 100]);
    let outcomes: Vec<_> = t.logged.borrow().iter().map(|r| (r.attempt, r.outcome, r.status, r.delay_ms)).collect();
    assert_eq!(outcomes, vec![(1, "retry", None, Some(50)), (2, "retry", Some(503), Some(100)), (3, "ok", Some(200), None)]);
    assert_ne!(t.header(0, "x-ncp-apigw-signature-v2"), t.header(2, "x-ncp-apigw-signature-v2"), "each attempt is signed anew");
}

#[test]
fn exhausted_retries_report_attempts_and_total_delay() {
    let t = Scripted::new(NOW, vec![Scripted::reply(502, "<html>bad gateway</html>"), Scripted::reply(500, &gateway("900")), Scripted::reply(504, &gateway("510"))]);
    let e = block_on(client().get_workspace(&t, "my-workspace", LIMITS)).expect_err("all fail");
    assert_eq!((e.kind, e.code, e.status, e.attempts, e.retry_delay_ms), (ErrorKind::Api, "SERVER_ERROR", Some(504), 3, 150));
}

#[test]
fn errors_that_time_cannot_fix_fail_at_once() {
    for (status, body, code) in [
        (429, gateway("400"), "QUOTA_EXCEEDED"),
        (401, gateway("200"), "AUTHENTICATION_FAILED"),
        (400, r#"{"code":"400","message":"bad"}"#.to_owned(), "BAD_REQUEST"),
        (404, r#"{"code":"404","message":"none"}"#.to_owned(), "NOT_FOUND"),
        (200, "{not json".to_owned(), "DECODE_ERROR"),
    ] {
        let t = Scripted::new(NOW, vec![Scripted::reply(status, &body)]);
        let e = block_on(client().get_workspace(&t, "my-workspace", LIMITS)).expect_err(code);
        assert_eq!((e.code, e.attempts), (code, 1), "{status} is not retried");
        assert!(t.slept.borrow().is_empty());
    }
}

#[test]
fn retry_after_is_honoured_in_seconds_and_as_a_date_and_capped() {
    let date = "Mon, 23 Nov 2026 12:00:02 GMT";
    let t = Scripted::new(NOW, vec![
        Scripted::reply_with(429, &gateway("410"), None, Some("0")),
        Scripted::reply_with(429, &gateway("420"), None, Some(date)),
        Scripted::reply(200, &get_ok()),
    ]);
    let limits = CallLimits { retries: RetryPolicy { max_attempts: 3, base_delay_ms: 100, max_delay_ms: 1500 }, ..LIMITS };
    block_on(client().get_workspace(&t, "my-workspace", limits)).expect("succeeds");
    assert_eq!(*t.slept.borrow(), vec![1500], "0 s means at once; a date 2 s ahead is capped at maxDelayMs");
    assert_eq!(retry_after_ms("120", NOW), Some(120_000));
    assert_eq!(retry_after_ms(date, NOW), Some(2000));
    assert_eq!(retry_after_ms("soon", NOW), None);
    let policy = RetryPolicy { max_attempts: 10, base_delay_ms: 100, max_delay_ms: 1000 };
    assert_eq!(delay_ms(&policy, 9, 0.999, None, NOW), 999, "backoff is capped at maxDelayMs");
    assert_eq!(delay_ms(&policy, 40, f64::NAN, None, NOW), 0, "no overflow, no NaN");
}

#[test]
fn max_attempts_one_disables_retries() {
    let t = Scripted::new(NOW, vec![Scripted::reply(503, &gateway("500"))]);
    let limits = CallLimits { retries: RetryPolicy { max_attempts: 1, ..LIMITS.retries }, ..LIMITS };
    let e = block_on(client().get_workspace(&t, "my-workspace", limits)).expect_err("one attempt");
    assert_eq!(e.attempts, 1);
}

#[test]
fn a_skewed_clock_is_corrected_once_from_the_date_header_and_kept() {
    let server = "Mon, 23 Nov 2026 12:10:00 GMT"; // ten minutes ahead of NOW
    let t = Scripted::new(NOW, vec![
        Scripted::reply_with(401, &gateway("200"), Some(server), None),
        Scripted::reply(200, &get_ok()),
        Scripted::reply(200, &get_ok()),
    ]);
    let c = client();
    let limits = CallLimits { retries: RetryPolicy { max_attempts: 1, ..LIMITS.retries }, ..LIMITS };
    block_on(c.get_workspace(&t, "my-workspace", limits)).expect("re-signed and accepted, even with retries off");
    assert_eq!(c.clock_offset_ms(), 600_000);
    assert_eq!(t.header(1, "x-ncp-apigw-timestamp"), (NOW + 600_000).to_string());
    block_on(c.get_workspace(&t, "my-workspace", limits)).expect("next call");
    assert_eq!(t.header(2, "x-ncp-apigw-timestamp"), (NOW + 600_000).to_string(), "the offset is kept");
}

#[test]
fn a_401_with_a_matching_clock_is_not_retried() {
    let t = Scripted::new(NOW, vec![
        Scripted::reply_with(401, &gateway("200"), Some("Mon, 23 Nov 2026 12:01:00 GMT"), None),
        Scripted::reply_with(401, &gateway("200"), Some("Mon, 23 Nov 2026 12:30:00 GMT"), None),
        Scripted::reply_with(401, &gateway("200"), Some("Mon, 23 Nov 2026 12:50:00 GMT"), None),
    ]);
    let c = client();
    let e = block_on(c.get_workspace(&t, "my-workspace", LIMITS)).expect_err("a real auth failure");
    assert_eq!((e.attempts, c.clock_offset_ms()), (1, 0), "one minute off is inside the window");
    let e = block_on(c.get_workspace(&t, "my-workspace", LIMITS)).expect_err("still wrong after one correction");
    assert_eq!(e.attempts, 2, "corrected once, then the failure stands");
}

fn created_at(kst: &str, bucket: Option<&str>) -> String {
    let bucket = bucket.map_or("null".to_owned(), |b| format!("\"{b}\""));
    format!(r#"{{"code":"0","message":"success","result":{{"workspaceName":"my-workspace","bucketName":{bucket},"createdTime":"{kst}","createdUserName":"u"}}}}"#)
}

#[test]
fn create_whose_first_response_was_lost_returns_the_workspace_it_made() {
    let conflict = r#"{"code":"409","message":"Workspace 'my-workspace' already exists"}"#;
    let t = Scripted::new(NOW, vec![
        Err(TransportError::Network("socket hang up".into(), None)),
        Scripted::reply(409, conflict),
        Scripted::reply(200, &created_at("2026-11-23T21:00:00", Some("b"))),
    ]);
    let input = CreateWorkspace { workspace_name: "my-workspace".into(), bucket_name: Some("b".into()) };
    let ws = block_on(client().create_workspace(&t, &input, LIMITS)).expect("confirmed as ours");
    assert_eq!((ws.workspace_name.as_str(), ws.created_user_name.as_deref()), ("my-workspace", Some("u")));
    assert_eq!(t.sent.borrow().len(), 3, "create, create, confirming get");
}

#[test]
fn a_conflict_with_an_older_or_different_workspace_still_fails() {
    let conflict = r#"{"code":"409","message":"exists"}"#;
    let input = CreateWorkspace { workspace_name: "my-workspace".into(), bucket_name: Some("b".into()) };
    for (found, why) in [(created_at("2026-11-23T20:59:00", Some("b")), "created a minute before the call"), (created_at("2026-11-23T21:00:00", Some("other")), "another bucket")] {
        let t = Scripted::new(NOW, vec![Err(TransportError::Timeout), Scripted::reply(409, conflict), Scripted::reply(200, &found)]);
        let e = block_on(client().create_workspace(&t, &input, LIMITS)).expect_err(why);
        assert_eq!((e.code, e.attempts), ("CONFLICT", 2), "{why}");
    }
    let t = Scripted::new(NOW, vec![Scripted::reply(409, conflict)]);
    let e = block_on(client().create_workspace(&t, &input, LIMITS)).expect_err("first attempt conflict");
    assert_eq!((e.code, t.sent.borrow().len()), ("CONFLICT", 1), "no lost attempt: no confirming read");
}

#[test]
fn an_abort_during_the_wait_stops_the_call() {
    let mut t = Scripted::new(NOW, vec![Scripted::reply(503, &gateway("500"))]);
    t.abort_sleep = true;
    let e = block_on(client().get_workspace(&t, "my-workspace", LIMITS)).expect_err("aborted");
    assert_eq!((e.kind, e.code, e.attempts), (ErrorKind::Abort, "ABORTED", 1));
}

#[test]
fn dates_parse_exactly_and_reject_junk() {
    assert_eq!(parse_http_date("Mon, 23 Nov 2026 12:00:00 GMT"), Some(NOW));
    assert_eq!(parse_http_date("Thu, 01 Jan 1970 00:00:00 GMT"), Some(0));
    assert_eq!(parse_http_date("Tue, 29 Feb 2028 23:59:59 GMT"), Some(1_835_481_599_000));
    assert_eq!(parse_local_date_time("2026-11-23T21:00:00", 540), Some(NOW));
    assert_eq!(parse_local_date_time("2026-11-23T21:00:00.123", 540), Some(NOW));
    for junk in ["", "Mon, 23 Nov 2026 12:00:00 UTC", "Mon, 23 Foo 2026 12:00:00 GMT", "Mon, 32 Nov 2026 12:00:00 GMT", "Mon, 23 Nov 2026 25:00:00 GMT"] {
        assert_eq!(parse_http_date(junk), None, "{junk:?}");
    }
    for junk in ["2026-11-23", "2026-13-01T00:00:00", "x-11-23T00:00:00", "1969-12-31T23:59:59"] {
        assert_eq!(parse_local_date_time(junk, 0), None, "{junk:?}");
    }
}
