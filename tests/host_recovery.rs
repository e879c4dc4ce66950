//! Recovery over a scripted transport: clock-skew correction (a 401 Authentication Failed whose `Date`
//! is over 5 minutes off is signed again once, and the offset is kept), and the idempotent
//! `createWorkspace` (`api::execute`: "already exists" after an attempt that may have reached the
//! server reads the workspace back and returns it when it is this call's own).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{block_on, client, limits, op, parse_iso, prepare, value, Doc, Json, Scripted};
use ncloud_media_intelligence::api::execute::execute;
use ncloud_media_intelligence::core::client::Client;
use ncloud_media_intelligence::core::clock::{API_ZONE, SKEW_WINDOW_MS};
use ncloud_media_intelligence::core::error::Error;
use ncloud_media_intelligence::core::http::{Method, TransportError};
use ncloud_media_intelligence::core::pipeline::CallLimits;
use ncloud_media_intelligence::core::sign::HEADER_TIMESTAMP;
use serde_json::{json, Value};

/// 2026-11-23T12:00:00Z; in KST (UTC+9) 2026-11-23T21:00:00.
const NOW: u64 = 1_795_435_200_000;
const LIMITS: CallLimits = limits(3, 100, 1000);
const AUTH_FAILED: &str = r#"{"error":{"errorCode":"200","message":"Authentication Failed","details":"Invalid authentication information."}}"#;
const CONFLICT: &str = r#"{"code":"409","message":"Workspace 'my-workspace' already exists"}"#;

fn get(c: &Client, t: &Scripted, limits: CallLimits) -> Result<Option<Doc>, Error> {
    let (call, body) = prepare(op("getWorkspace"), json!({ "workspaceName": "my-workspace" })).expect("valid");
    block_on(execute::<Scripted, Json>(c, t, &call, &body, limits))
}

fn create(c: &Client, t: &Scripted, bucket: Option<&str>) -> Result<Option<Doc>, Error> {
    let (call, body) = prepare(op("createWorkspace"), json!({ "workspaceName": "my-workspace", "bucketName": bucket })).expect("valid");
    block_on(execute::<Scripted, Json>(c, t, &call, &body, LIMITS))
}

fn get_ok() -> String {
    common::data("fixtures/get-workspace.ok.json")
}

#[test]
fn the_test_clock_reads_the_api_times_as_kst() {
    assert_eq!(parse_iso(&format!("2026-11-23T21:00:00{API_ZONE}")), Some(NOW));
    assert_eq!(parse_iso("2026-11-23T12:00:00Z"), Some(NOW));
    assert_eq!(parse_iso("2026-11-23T21:00:00.250+09:00"), Some(NOW + 250));
    assert_eq!(parse_iso("2026-11-23T07:00:00-05:00"), Some(NOW));
    assert_eq!(parse_iso("1970-01-01T00:00:00Z"), Some(0));
    for junk in ["2026-11-23T21:00:00", "2026-11-23", "2026-13-01T00:00:00Z", "2026-02-29T00:00:00Z", "x", "2026-11-23T21:00:00+9:00"] {
        assert_eq!(parse_iso(junk), None, "{junk:?}");
    }
}

#[test]
fn a_skewed_clock_is_corrected_once_from_the_date_header_and_kept() {
    let server = "Mon, 23 Nov 2026 12:10:00 GMT"; // ten minutes ahead of NOW
    let t = Scripted::new(NOW, vec![Scripted::reply_with(401, AUTH_FAILED, Some(server), None), Scripted::reply(200, &get_ok()), Scripted::reply(200, &get_ok())]);
    let c = client("http://127.0.0.1:9");
    get(&c, &t, limits(1, 100, 1000)).expect("re-signed and accepted, even with retries off");
    assert_eq!(c.clock_offset_ms(), 600_000);
    assert_eq!(t.header(0, HEADER_TIMESTAMP), NOW.to_string());
    assert_eq!(t.header(1, HEADER_TIMESTAMP), (NOW + 600_000).to_string());
    assert_eq!(t.outcomes(), vec![(1, "retry", Some(401), Some(0)), (2, "ok", Some(200), None)]);
    assert!(t.slept.borrow().is_empty(), "signed again at once");
    get(&c, &t, limits(1, 100, 1000)).expect("next call");
    assert_eq!(t.header(2, HEADER_TIMESTAMP), (NOW + 600_000).to_string(), "the offset is kept");
}

#[test]
fn a_clock_behind_the_server_is_corrected_too() {
    let t = Scripted::new(NOW, vec![Scripted::reply_with(401, AUTH_FAILED, Some("Mon, 23 Nov 2026 11:50:00 GMT"), None), Scripted::reply(200, &get_ok())]);
    let c = client("http://127.0.0.1:9");
    get(&c, &t, LIMITS).expect("corrected");
    assert_eq!((c.clock_offset_ms(), t.header(1, HEADER_TIMESTAMP)), (-600_000, (NOW - 600_000).to_string()));
}

#[test]
fn the_skew_correction_is_not_counted_as_a_retry() {
    let t = Scripted::new(NOW, vec![
        Scripted::reply_with(401, AUTH_FAILED, Some("Mon, 23 Nov 2026 12:10:00 GMT"), None),
        Scripted::reply(503, r#"{"error":{"errorCode":"500","message":"m"}}"#),
        Scripted::reply(200, &get_ok()),
    ]);
    get(&client("http://127.0.0.1:9"), &t, limits(2, 100, 1000)).expect("two attempts allowed, plus the correction");
    assert_eq!(t.sent.borrow().len(), 3);
}

#[test]
fn only_an_authentication_failure_with_a_date_over_five_minutes_off_is_corrected() {
    assert_eq!(SKEW_WINDOW_MS, 300_000);
    for (status, body, date) in [
        (401, AUTH_FAILED, Some("Mon, 23 Nov 2026 12:01:00 GMT")), // inside the window
        (401, AUTH_FAILED, Some("Mon, 23 Nov 2026 12:05:00 GMT")), // exactly at its edge
        (401, AUTH_FAILED, None),
        (401, AUTH_FAILED, Some("yesterday")),
        (401, r#"{"error":{"errorCode":"210","message":"Permission Denied"}}"#, Some("Mon, 23 Nov 2026 12:10:00 GMT")),
        (403, r#"{"error":{"errorCode":"200","message":"m"}}"#, Some("Mon, 23 Nov 2026 12:10:00 GMT")),
        (400, r#"{"code":"200","message":"m"}"#, Some("Mon, 23 Nov 2026 12:10:00 GMT")),
    ] {
        let t = Scripted::new(NOW, vec![Scripted::reply_with(status, body, date, None)]);
        let c = client("http://127.0.0.1:9");
        let e = get(&c, &t, LIMITS).expect_err("a real failure");
        assert_eq!((e.attempts, c.clock_offset_ms()), (1, 0), "{status} {body} {date:?}");
    }
}

#[test]
fn a_second_stale_signature_in_one_call_is_not_corrected_again() {
    let t = Scripted::new(NOW, vec![
        Scripted::reply_with(401, AUTH_FAILED, Some("Mon, 23 Nov 2026 12:30:00 GMT"), None),
        Scripted::reply_with(401, AUTH_FAILED, Some("Mon, 23 Nov 2026 12:50:00 GMT"), None),
    ]);
    let c = client("http://127.0.0.1:9");
    let e = get(&c, &t, LIMITS).expect_err("still wrong after one correction");
    assert_eq!((e.code, e.attempts), ("AUTHENTICATION_FAILED", 2));
    assert_eq!(c.clock_offset_ms(), 1_800_000, "the first correction stands");
}

/// A `getWorkspace` answer for `my-workspace` created at `kst` (the API's zone-less local time).
fn created_at(kst: Option<&str>, bucket: Option<&str>) -> String {
    json!({ "code": "0", "message": "success", "result": { "workspaceName": "my-workspace", "bucketName": bucket, "createdTime": kst, "createdUserName": "u" } }).to_string()
}

#[test]
fn a_create_whose_answer_was_lost_returns_the_workspace_it_made() {
    for lost in [Err(TransportError::Network("socket hang up".into(), None)), Err(TransportError::Timeout), Scripted::reply(503, r#"{"error":{"errorCode":"500","message":"m"}}"#)] {
        let t = Scripted::new(NOW, vec![lost, Scripted::reply(409, CONFLICT), Scripted::reply(200, &created_at(Some("2026-11-23T21:00:00"), Some("b")))]);
        let found = create(&client("http://127.0.0.1:9"), &t, Some("b")).expect("confirmed as ours").expect("a workspace");
        assert_eq!(value(&found)["createdUserName"], "u");
        let lines = t.lines();
        assert_eq!(lines, ["POST http://127.0.0.1:9/api/v1/workspaces", "POST http://127.0.0.1:9/api/v1/workspaces", "GET http://127.0.0.1:9/api/v1/workspaces/my-workspace"]);
        assert_eq!(t.request(2).body, None);
    }
}

#[test]
fn a_workspace_created_within_the_first_attempts_second_counts_as_this_calls() {
    for (kst, bucket, ours) in [
        ("2026-11-23T21:00:00", Some("b"), true),
        ("2026-11-23T21:00:05.500", Some("b"), true),
        ("2026-11-23T20:59:59", Some("b"), true), // times have 1 s resolution
        ("2026-11-23T20:59:58", Some("b"), false),
        ("2026-11-23T20:59:00", Some("b"), false),
        ("2026-11-23T21:00:00", Some("other"), false),
        ("2026-11-23T21:00:00", None, false),
    ] {
        let t = Scripted::new(NOW, vec![Err(TransportError::Timeout), Scripted::reply(409, CONFLICT), Scripted::reply(200, &created_at(Some(kst), bucket))]);
        let outcome = create(&client("http://127.0.0.1:9"), &t, Some("b"));
        match outcome {
            Ok(found) => assert!(ours && found.is_some(), "{kst} {bucket:?} was taken as ours"),
            Err(e) => {
                assert!(!ours, "{kst} {bucket:?}: {e}");
                assert_eq!((e.code, e.status, e.attempts), ("CONFLICT", Some(409), 2), "the create's own error");
            }
        }
    }
}

#[test]
fn no_bucket_asked_matches_no_bucket_found() {
    let t = Scripted::new(NOW, vec![Err(TransportError::Timeout), Scripted::reply(409, CONFLICT), Scripted::reply(200, &created_at(Some("2026-11-23T21:00:00"), None))]);
    assert!(create(&client("http://127.0.0.1:9"), &t, None).expect("ours").is_some());
    let t = Scripted::new(NOW, vec![Err(TransportError::Timeout), Scripted::reply(409, CONFLICT), Scripted::reply(200, &created_at(Some("2026-11-23T21:00:00"), Some("b")))]);
    assert_eq!(create(&client("http://127.0.0.1:9"), &t, None).expect_err("a bucket we did not ask for").code, "CONFLICT");
}

#[test]
fn a_conflict_that_cannot_be_confirmed_still_fails_with_conflict() {
    let unreadable: Vec<(&str, String)> = vec![
        ("no createdTime", created_at(None, Some("b"))),
        ("createdTime not a time", created_at(Some("recently"), Some("b"))),
        ("read-back not found", r#"{"code":"404","message":"gone"}"#.to_owned()),
        ("read-back of the wrong shape", json!({ "code": "0", "result": { "createdTime": "2026-11-23T21:00:00" } }).to_string()),
    ];
    for (why, answer) in unreadable {
        let status = if why == "read-back not found" { 404 } else { 200 };
        let t = Scripted::new(NOW, vec![Err(TransportError::Timeout), Scripted::reply(409, CONFLICT), Scripted::reply(status, &answer)]);
        let e = create(&client("http://127.0.0.1:9"), &t, Some("b")).expect_err(why);
        assert_eq!((e.code, e.attempts), ("CONFLICT", 2), "{why}");
        assert_eq!(t.sent.borrow().len(), 3, "{why}");
    }
}

#[test]
fn a_conflict_with_nothing_lost_is_not_read_back() {
    // With the API's 1 s resolution, a second create of the same name in the same second would pass for
    // this call's own: without an attempt that may have reached the server, a 409 is a CONFLICT.
    let t = Scripted::new(NOW, vec![Scripted::reply(409, CONFLICT)]);
    let e = create(&client("http://127.0.0.1:9"), &t, Some("b")).expect_err("first attempt conflict");
    assert_eq!((e.code, t.sent.borrow().len()), ("CONFLICT", 1));
    // A throttled attempt was turned away, so it created nothing either.
    let t = Scripted::new(NOW, vec![Scripted::reply(429, r#"{"error":{"errorCode":"410","message":"m"}}"#), Scripted::reply(409, CONFLICT)]);
    let e = create(&client("http://127.0.0.1:9"), &t, Some("b")).expect_err("throttled then conflict");
    assert_eq!((e.code, t.sent.borrow().len()), ("CONFLICT", 2));
    assert!(t.lines().iter().all(|l| l.starts_with(Method::Post.as_str())));
}

#[test]
fn a_create_that_learnt_a_skew_compares_creation_times_by_the_servers_clock() {
    // The local clock is ten minutes ahead of the server's. The first attempt is refused as stale (and
    // corrected), the second creates the workspace but its answer is lost, the third meets "already
    // exists". The workspace was created at the server's 11:50 UTC (20:50 KST), after the call's first
    // attempt by the server's clock: it is this call's own.
    let t = Scripted::new(NOW, vec![
        Scripted::reply_with(401, AUTH_FAILED, Some("Mon, 23 Nov 2026 11:50:00 GMT"), None),
        Err(TransportError::Network("socket hang up".into(), None)),
        Scripted::reply(409, CONFLICT),
        Scripted::reply(200, &created_at(Some("2026-11-23T20:50:00"), Some("b"))),
    ]);
    let c = client("http://127.0.0.1:9");
    let found = create(&c, &t, Some("b"));
    assert_eq!(c.clock_offset_ms(), -600_000);
    assert!(found.is_ok(), "created after the first attempt by the server's clock: {:?}", found.err().map(|e| e.message));
}

#[test]
fn a_retry_after_date_is_read_by_the_servers_clock_once_the_offset_is_known() {
    // The server is ten minutes ahead. After the skew correction, a 503 asks to retry 2 s later by the
    // server's clock: that is a 2 s wait, not 602 s (which would fail at once, over maxDelayMs).
    let t = Scripted::new(NOW, vec![
        Scripted::reply_with(401, AUTH_FAILED, Some("Mon, 23 Nov 2026 12:10:00 GMT"), None),
        Scripted::reply_with(503, r#"{"error":{"errorCode":"500","message":"m"}}"#, None, Some("Mon, 23 Nov 2026 12:10:02 GMT")),
        Scripted::reply(200, &get_ok()),
    ]);
    let outcome = get(&client("http://127.0.0.1:9"), &t, limits(3, 100, 10_000));
    assert!(outcome.is_ok(), "{:?}", outcome.err().map(|e| e.message));
    assert_eq!(*t.slept.borrow(), vec![2000]);
}

#[test]
fn created_at_builds_a_valid_get_workspace_answer() {
    let answer: Value = serde_json::from_str(&created_at(Some("2026-11-23T21:00:00"), None)).expect("json");
    assert_eq!(answer["result"]["bucketName"], Value::Null);
}
