//! Resilience at the JS boundary, in every runtime the wasm tests run in: abort signals (client-wide and
//! per call, before and during a request and during a backoff wait), per-call limits, retries through a
//! scripted `fetch`, the logger's records, option checking, redirects never followed, the response-size
//! cap, `Retry-After` (honoured, or failing at once past `retries.maxDelayMs`), a `fetch` that breaks its
//! contract, and a few of the emulator's faults over real `fetch`. The full fault matrix lives in
//! tests/faults/.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Object, Promise, Reflect};
use ncloud_media_intelligence::MediaIntelligence;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen(inline_js = r#"
export function scriptedFetch(script, seen) {
  // script: array of {status, body, headers} or the string "hang" (wait for the abort signal).
  let i = 0;
  return (url, init) => {
    seen.push({ url, init });
    const step = script[Math.min(i++, script.length - 1)];
    if (step === "hang") {
      return new Promise((_, reject) => {
        const alive = setInterval(() => {}, 1000);
        init.signal.addEventListener("abort", () => { clearInterval(alive); reject(init.signal.reason); });
      });
    }
    return Promise.resolve(new Response(step.body, { status: step.status, headers: step.headers ?? {} }));
  };
}
export function controller() { return new AbortController(); }
export function abortLater(c, ms, reason) { setTimeout(() => c.abort(reason), ms); }
export function recorder(into) { return (r) => into.push(r); }
export function thrower() { return () => { throw new Error("logger exploded"); }; }
export function step(status, body, retryAfter) { return retryAfter === undefined ? { status, body } : { status, body, headers: { "retry-after": retryAfter } }; }
export function redirectStep(status) { return { status, body: null, headers: { location: "https://elsewhere.example/collect" } }; }
export function withHeaders(status, body, headers) { return { status, body, headers: JSON.parse(headers) }; }
export function httpDateIn(ms) { return new Date(Date.now() + ms).toUTCString(); }
// A fetch answering 200 with an endless body of `chunk`-byte pieces; `stats` counts pulls and cancels.
export function endlessFetch(chunk, stats, declared) {
  return async (url, init) => {
    const body = new ReadableStream({
      pull(c) { stats.pulls += 1; c.enqueue(new Uint8Array(chunk).fill(0x20)); },
      cancel() { stats.cancelled = true; },
    });
    return new Response(body, { status: 200, headers: declared ? { "content-length": declared } : {} });
  };
}
// Fetches that break the contract in one way each (see the test using them).
export function oddFetch(kind) {
  return (url, init) => {
    switch (kind) {
      case "plain-object": return Promise.resolve({ status: 200, ok: true, json: async () => ({}) });
      case "throws": throw new TypeError("fetch exploded synchronously");
      case "rejects-string": return Promise.reject("no route to host");
      case "not-a-promise": return 42;
      case "body-errors": {
        let sent = false;
        const body = new ReadableStream({ pull(c) { if (!sent) { sent = true; c.enqueue(new TextEncoder().encode('{"code":"0",')); } else { c.error(new Error("connection reset mid-body")); } } });
        return Promise.resolve(new Response(body, { status: 200 }));
      }
      case "body-stalls": {
        const alive = setInterval(() => {}, 1000);
        init.signal.addEventListener("abort", () => clearInterval(alive));
        return Promise.resolve(new Response(new ReadableStream({ pull() { return new Promise(() => {}); } }), { status: 200 }));
      }
    }
  };
}
export function isNode() { return typeof process === "object" && typeof process.versions?.node === "string"; }
export function stats() { return { pulls: 0, cancelled: false }; }
// A JSON envelope padded with spaces to exactly `size` bytes.
export function paddedOk(size) {
  const text = '{"code":"0","message":"success","result":{"workspaceName":"my-workspace"}}';
  return text + " ".repeat(size - text.length);
}
export async function admin(base, method, path, body) {
  const r = await fetch(base + path, { method, body: body === undefined ? undefined : body });
  return r.status;
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = scriptedFetch)]
    fn scripted_fetch(script: &Array, seen: &Array) -> JsValue;
    fn controller() -> web_sys::AbortController;
    #[wasm_bindgen(js_name = abortLater)]
    fn abort_later(c: &web_sys::AbortController, ms: u32, reason: &str);
    fn recorder(into: &Array) -> JsValue;
    fn thrower() -> JsValue;
    fn step(status: u16, body: &str, retry_after: Option<String>) -> JsValue;
    #[wasm_bindgen(js_name = redirectStep)]
    fn redirect_step(status: u16) -> JsValue;
    #[wasm_bindgen(js_name = withHeaders)]
    fn with_headers(status: u16, body: &str, headers: &str) -> JsValue;
    #[wasm_bindgen(js_name = httpDateIn)]
    fn http_date_in(ms: f64) -> String;
    #[wasm_bindgen(js_name = endlessFetch)]
    fn endless_fetch(chunk: u32, stats: &JsValue, declared: Option<String>) -> JsValue;
    fn stats() -> JsValue;
    #[wasm_bindgen(js_name = oddFetch)]
    fn odd_fetch(kind: &str) -> JsValue;
    #[wasm_bindgen(js_name = isNode)]
    fn is_node() -> bool;
    #[wasm_bindgen(js_name = paddedOk)]
    fn padded_ok(size: u32) -> String;
    fn admin(base: &str, method: &str, path: &str, body: Option<String>) -> Promise;
}

const OK: &str = r#"{"code":"0","message":"success","result":{"workspaceName":"my-workspace","monthlyAnalysisCount":3}}"#;
const BUSY: &str = r#"{"error":{"errorCode":"500","message":"Endpoint Error"}}"#;
const THROTTLED: &str = r#"{"error":{"errorCode":"410","message":"Throttle Limited"}}"#;

fn emulator() -> &'static str {
    option_env!("MI_EMULATOR_URL").unwrap_or("http://build-without-MI_EMULATOR_URL.invalid")
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn options(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &JsValue::from_str(k), v).expect("set");
    }
    o.into()
}

fn retries(max: u32, base: u32) -> JsValue {
    options(&[("maxAttempts", max.into()), ("baseDelayMs", base.into()), ("maxDelayMs", 50.into())])
}

fn client(script: &Array, seen: &Array, extra: Vec<(&str, JsValue)>) -> MediaIntelligence {
    let mut pairs = vec![("accessKey", JsValue::from("ak")), ("secretKey", "sk".into()), ("fetch", scripted_fetch(script, seen)), ("dangerouslyAllowBrowser", JsValue::TRUE)];
    pairs.extend(extra);
    MediaIntelligence::new(options(&pairs)).map_err(|e| get(&e, "message").as_string()).expect("client")
}

async fn settle(p: Promise) -> Result<JsValue, JsValue> {
    JsFuture::from(p).await
}

fn name_code(e: &JsValue) -> (Option<String>, Option<String>) {
    (get(e, "name").as_string(), get(e, "code").as_string())
}

#[wasm_bindgen_test]
async fn a_server_error_is_retried_and_the_logger_sees_every_attempt() {
    let (seen, log) = (Array::new(), Array::new());
    let script = Array::of3(&step(503, BUSY, None), &step(429, BUSY, Some("0".into())), &step(200, OK, None));
    let mi = client(&script, &seen, vec![("retries", retries(3, 5)), ("logger", recorder(&log))]);
    let details = settle(mi.get_workspace("my-workspace".into(), None)).await.expect("third attempt");
    assert_eq!(get(&details, "monthlyAnalysisCount").as_f64(), Some(3.0));
    assert_eq!(seen.length(), 3);
    let outcomes: Vec<_> = log.iter().map(|r| (get(&r, "attempt").as_f64(), get(&r, "outcome").as_string(), get(&r, "status").as_f64())).collect();
    assert_eq!(outcomes, vec![(Some(1.0), Some("retry".into()), Some(503.0)), (Some(2.0), Some("retry".into()), Some(429.0)), (Some(3.0), Some("ok".into()), Some(200.0))]);
    let first = log.get(0);
    assert_eq!(get(&first, "path").as_string().as_deref(), Some("/api/v1/workspaces/my-workspace"));
    assert_eq!(get(&first, "apiCode").as_string().as_deref(), Some("500"));
    assert!(get(&first, "durationMs").as_f64().is_some());
    let keys: Vec<String> = Object::keys(first.unchecked_ref::<Object>()).iter().filter_map(|k| k.as_string()).collect();
    assert!(!keys.iter().any(|k| k.contains("ignature") || k.contains("ecret") || k.contains("eader")), "{keys:?}");
}

#[wasm_bindgen_test]
async fn exhausted_retries_report_attempts_and_delay_and_a_throwing_logger_is_harmless() {
    let seen = Array::new();
    let script = Array::of1(&step(503, BUSY, None));
    let mi = client(&script, &seen, vec![("retries", retries(2, 1)), ("logger", thrower())]);
    let e = settle(mi.get_workspace("my-workspace".into(), None)).await.expect_err("fails");
    assert_eq!(name_code(&e), (Some("ApiError".into()), Some("SERVER_ERROR".into())));
    assert_eq!(get(&e, "attempts").as_f64(), Some(2.0));
    assert!(get(&e, "retryDelayMs").as_f64().is_some_and(|d| (0.0..=1.0).contains(&d)));
    let per_call = options(&[("retries", retries(1, 0))]);
    let e = settle(mi.get_workspace("my-workspace".into(), Some(per_call.unchecked_into()))).await.expect_err("fails");
    assert_eq!(get(&e, "attempts").as_f64(), Some(1.0), "per-call retries override the client's");
}

#[wasm_bindgen_test]
async fn an_already_aborted_signal_rejects_before_any_request() {
    let seen = Array::new();
    let c = controller();
    c.abort_with_reason(&JsValue::from_str("user left"));
    let mi = client(&Array::of1(&step(200, OK, None)), &seen, vec![]);
    let e = settle(mi.get_workspace("my-workspace".into(), Some(options(&[("signal", c.signal().into())]).unchecked_into()))).await.expect_err("aborted");
    assert_eq!(name_code(&e), (Some("AbortError".into()), Some("ABORTED".into())));
    assert_eq!(get(&e, "reason").as_string().as_deref(), Some("user left"));
    assert_eq!(seen.length(), 0);
}

#[wasm_bindgen_test]
async fn aborting_mid_request_cancels_the_fetch_with_the_reason() {
    let seen = Array::new();
    let c = controller();
    let mi = client(&Array::of1(&JsValue::from_str("hang")), &seen, vec![("signal", c.signal().into())]);
    abort_later(&c, 20, "navigated away");
    let e = settle(mi.create_workspace(options(&[("workspaceName", "my-workspace".into())]), None)).await.expect_err("aborted");
    assert_eq!(name_code(&e), (Some("AbortError".into()), Some("ABORTED".into())));
    assert_eq!(get(&e, "reason").as_string().as_deref(), Some("navigated away"));
    let fetch_signal: web_sys::AbortSignal = get(&get(&seen.get(0), "init"), "signal").unchecked_into();
    assert!(fetch_signal.aborted(), "the fetch itself was aborted, not left running");
}

#[wasm_bindgen_test]
async fn aborting_during_the_backoff_wait_stops_at_once() {
    let seen = Array::new();
    let c = controller();
    let slow = options(&[("maxAttempts", 3.into()), ("baseDelayMs", 60_000.into()), ("maxDelayMs", 60_000.into())]);
    let mi = client(&Array::of1(&step(503, BUSY, Some("30".into()))), &seen, vec![("retries", slow)]);
    abort_later(&c, 30, "stop waiting");
    let started = js_sys::Date::now();
    let e = settle(mi.get_workspace("my-workspace".into(), Some(options(&[("signal", c.signal().into())]).unchecked_into()))).await.expect_err("aborted");
    assert_eq!(name_code(&e), (Some("AbortError".into()), Some("ABORTED".into())));
    assert!(js_sys::Date::now() - started < 20_000.0, "did not sit out the 30 s Retry-After");
    assert_eq!(seen.length(), 1);
}

#[wasm_bindgen_test]
async fn a_hang_times_out_per_attempt_and_the_next_attempt_succeeds() {
    let seen = Array::new();
    let script = Array::of2(&JsValue::from_str("hang"), &step(200, OK, None));
    let mi = client(&script, &seen, vec![("retries", retries(2, 1))]);
    let details = settle(mi.get_workspace("my-workspace".into(), Some(options(&[("timeoutMs", 25.into())]).unchecked_into()))).await.expect("second attempt");
    assert_eq!(get(&details, "workspaceName").as_string().as_deref(), Some("my-workspace"));
    let first_signal: web_sys::AbortSignal = get(&get(&seen.get(0), "init"), "signal").unchecked_into();
    assert!(first_signal.aborted(), "the timed-out fetch was aborted");
}

#[wasm_bindgen_test]
fn resilience_options_are_checked_and_name_the_field() {
    let base = || vec![("accessKey", JsValue::from("ak")), ("secretKey", JsValue::from("sk")), ("dangerouslyAllowBrowser", JsValue::TRUE)];
    for (key, value, field) in [
        ("retries", JsValue::from(3), "retries"),
        ("retries", Array::of1(&3.into()).into(), "retries"),
        ("retries", options(&[("maxAttempts", 0.into())]), "retries.maxAttempts"),
        ("retries", options(&[("maxAttempts", 11.into())]), "retries.maxAttempts"),
        ("retries", options(&[("maxAttempts", "many".into())]), "retries.maxAttempts"),
        ("retries", options(&[("baseDelayMs", (-1).into())]), "retries.baseDelayMs"),
        ("retries", options(&[("maxDelayMs", 1e9.into())]), "retries.maxDelayMs"),
        ("retries", options(&[("attempts", 2.into())]), "retries"),
        ("timeoutMs", JsValue::from("soon"), "timeoutMs"),
        ("signal", JsValue::from("abort"), "signal"),
        ("signal", Object::new().into(), "signal"),
        ("logger", JsValue::from(true), "logger"),
    ] {
        let mut pairs = base();
        pairs.push((key, value));
        let e = MediaIntelligence::new(options(&pairs)).err().expect(field);
        assert_eq!(get(&e, "name").as_string().as_deref(), Some("ValidationError"), "{field}");
        assert_eq!(get(&e, "field").as_string().as_deref(), Some(field));
    }
}

#[wasm_bindgen_test]
async fn bad_per_call_options_reject_without_a_request() {
    let seen = Array::new();
    let mi = client(&Array::of1(&step(200, OK, None)), &seen, vec![]);
    for (value, field) in [(JsValue::from(5), "requestOptions"), (options(&[("timeout", 5.into())]), "requestOptions"), (options(&[("timeoutMs", 0.into())]), "timeoutMs")] {
        let e = settle(mi.get_workspace("my-workspace".into(), Some(value.unchecked_into()))).await.expect_err(field);
        assert_eq!(get(&e, "field").as_string().as_deref(), Some(field));
        assert_eq!(get(&e, "attempts").as_f64(), Some(0.0));
    }
    assert_eq!(seen.length(), 0);
}

#[wasm_bindgen_test]
async fn a_redirect_is_an_api_error_and_is_never_followed() {
    for status in [301u16, 302, 303, 307, 308] {
        let (seen, log) = (Array::new(), Array::new());
        let mi = client(&Array::of1(&redirect_step(status)), &seen, vec![("logger", recorder(&log))]);
        let e = settle(mi.get_workspace("my-workspace".into(), None)).await.expect_err("redirect");
        assert_eq!(name_code(&e), (Some("ApiError".into()), Some("REDIRECT".into())), "{status}");
        assert_eq!(get(&e, "status").as_f64(), Some(f64::from(status)));
        assert_eq!(get(&e, "attempts").as_f64(), Some(1.0), "a redirect is not retried");
        assert!(get(&e, "message").as_string().is_some_and(|m| !m.contains("elsewhere.example")), "the Location is not quoted");
        assert_eq!(seen.length(), 1, "only the stub was asked, the Location never");
        let init = get(&seen.get(0), "init");
        assert_eq!(get(&init, "redirect").as_string().as_deref(), Some("manual"), "fetch must not follow it");
        assert_eq!(get(&log.get(0), "errorCode").as_string().as_deref(), Some("REDIRECT"));
    }
    // A create (a body that must not travel to another host) likewise.
    let seen = Array::new();
    let mi = client(&Array::of1(&redirect_step(307)), &seen, vec![]);
    let e = settle(mi.create_workspace(options(&[("workspaceName", "my-workspace".into())]), None)).await.expect_err("redirect");
    assert_eq!(name_code(&e), (Some("ApiError".into()), Some("REDIRECT".into())));
    assert_eq!(get(&get(&seen.get(0), "init"), "redirect").as_string().as_deref(), Some("manual"));
    assert_eq!(seen.length(), 1);
}

#[wasm_bindgen_test]
async fn a_body_over_max_response_bytes_is_a_decode_error_and_is_not_read_to_the_end() {
    // A plain body one byte over the cap, and one exactly at it.
    let seen = Array::new();
    let script = Array::of2(&step(200, &padded_ok(1025), None), &step(200, &padded_ok(1024), None));
    let mi = client(&script, &seen, vec![("maxResponseBytes", 1024.into())]);
    let e = settle(mi.get_workspace("my-workspace".into(), None)).await.expect_err("too large");
    assert_eq!(name_code(&e), (Some("DecodeError".into()), Some("RESPONSE_TOO_LARGE".into())));
    assert_eq!((get(&e, "status").as_f64(), get(&e, "attempts").as_f64()), (Some(200.0), Some(1.0)), "not retried");
    assert!(get(&e, "message").as_string().is_some_and(|m| m.contains("1024")));
    let fits = settle(mi.get_workspace("my-workspace".into(), None)).await.expect("exactly the cap is read");
    assert_eq!(get(&fits, "workspaceName").as_string().as_deref(), Some("my-workspace"));

    // An endless body: the read stops soon after the cap and cancels the stream.
    let counts = stats();
    let o = options(&[("accessKey", "ak".into()), ("secretKey", "sk".into()), ("fetch", endless_fetch(256, &counts, None)), ("maxResponseBytes", 1024.into()), ("dangerouslyAllowBrowser", JsValue::TRUE)]);
    let mi = MediaIntelligence::new(o).map_err(|e| get(&e, "message").as_string()).expect("client");
    let e = settle(mi.get_workspace("my-workspace".into(), None)).await.expect_err("endless");
    assert_eq!(name_code(&e), (Some("DecodeError".into()), Some("RESPONSE_TOO_LARGE".into())));
    let pulls = get(&counts, "pulls").as_f64().unwrap_or(0.0);
    assert!(pulls < 64.0, "read {pulls} chunks of 256 bytes for a 1024-byte cap");
    assert_eq!(get(&counts, "cancelled").as_bool(), Some(true), "the body stream was cancelled");

    // A declared Content-Length over the cap: refused without reading the body.
    let counts = stats();
    let o = options(&[("accessKey", "ak".into()), ("secretKey", "sk".into()), ("fetch", endless_fetch(256, &counts, Some("5000000".into()))), ("maxResponseBytes", 1024.into()), ("dangerouslyAllowBrowser", JsValue::TRUE)]);
    let mi = MediaIntelligence::new(o).map_err(|e| get(&e, "message").as_string()).expect("client");
    let e = settle(mi.get_workspace("my-workspace".into(), None)).await.expect_err("declared");
    assert_eq!(name_code(&e), (Some("DecodeError".into()), Some("RESPONSE_TOO_LARGE".into())));
    assert!(get(&counts, "pulls").as_f64().unwrap_or(0.0) < 4.0);
}

#[wasm_bindgen_test]
async fn a_retry_after_over_max_delay_fails_at_once_with_retry_after_ms() {
    let policy = || options(&[("maxAttempts", 3.into()), ("baseDelayMs", 1.into()), ("maxDelayMs", 1000.into())]);
    // Seconds form.
    let (seen, log) = (Array::new(), Array::new());
    let mi = client(&Array::of1(&step(429, THROTTLED, Some("30".into()))), &seen, vec![("retries", policy()), ("logger", recorder(&log))]);
    let started = js_sys::Date::now();
    let e = settle(mi.get_workspace("my-workspace".into(), None)).await.expect_err("throttled");
    assert!(js_sys::Date::now() - started < 5_000.0, "did not wait");
    assert_eq!(name_code(&e), (Some("ApiError".into()), Some("RATE_LIMITED".into())));
    assert_eq!(get(&e, "retryAfterMs").as_f64(), Some(30_000.0));
    assert_eq!((get(&e, "attempts").as_f64(), get(&e, "retryDelayMs").as_f64()), (Some(1.0), Some(0.0)));
    assert!(get(&e, "message").as_string().is_some_and(|m| m.contains("maxDelayMs")), "{:?}", get(&e, "message").as_string());
    assert_eq!(seen.length(), 1);
    assert_eq!(get(&log.get(0), "outcome").as_string().as_deref(), Some("error"));
    // HTTP-date form, two minutes ahead.
    let seen = Array::new();
    let mi = client(&Array::of1(&step(503, BUSY, Some(http_date_in(120_000.0)))), &seen, vec![("retries", policy())]);
    let e = settle(mi.get_workspace("my-workspace".into(), None)).await.expect_err("busy");
    assert_eq!(name_code(&e), (Some("ApiError".into()), Some("SERVER_ERROR".into())));
    let asked = get(&e, "retryAfterMs").as_f64().unwrap_or(0.0);
    assert!((100_000.0..=121_000.0).contains(&asked), "{asked}");
    assert_eq!(seen.length(), 1);
}

#[wasm_bindgen_test]
async fn a_retry_after_within_max_delay_is_waited_out_never_undercut() {
    let (seen, log) = (Array::new(), Array::new());
    let script = Array::of2(&step(503, BUSY, Some("1".into())), &step(200, OK, None));
    let policy = options(&[("maxAttempts", 2.into()), ("baseDelayMs", 0.into()), ("maxDelayMs", 2000.into())]);
    let mi = client(&script, &seen, vec![("retries", policy), ("logger", recorder(&log))]);
    let started = js_sys::Date::now();
    settle(mi.get_workspace("my-workspace".into(), None)).await.expect("second attempt");
    let waited = js_sys::Date::now() - started;
    assert!(waited >= 950.0, "waited {waited} ms of a 1 s Retry-After");
    assert_eq!(seen.length(), 2);
    assert_eq!(get(&log.get(0), "delayMs").as_f64(), Some(1000.0));
}

/// The same over real `fetch` against the emulator's scripted faults: in a browser this also needs the
/// server to expose `Retry-After` to the page (CORS), which the emulator does.
#[wasm_bindgen_test]
async fn the_emulators_retry_after_reaches_the_client_over_real_fetch() {
    let base = emulator();
    settle(admin(base, "DELETE", "/__emulator/faults", None)).await.expect("clear faults");
    let fault = r#"{"faults":[{"route":"GET /api/v1/workspaces/*","fault":"503","times":1,"retryAfter":"30"}]}"#;
    assert_eq!(settle(admin(base, "POST", "/__emulator/faults", Some(fault.into()))).await.expect("fault").as_f64(), Some(200.0));
    let retries = options(&[("maxAttempts", 3.into()), ("maxDelayMs", 1000.into())]);
    let o = options(&[("accessKey", "test-access-key".into()), ("secretKey", "test-secret-key".into()), ("endpoint", base.into()), ("retries", retries), ("dangerouslyAllowBrowser", JsValue::TRUE)]);
    let mi = MediaIntelligence::new(o).map_err(|e| get(&e, "message").as_string()).expect("client");
    let e = settle(mi.get_workspace("no-such-workspace".into(), None)).await.expect_err("503");
    assert_eq!(name_code(&e), (Some("ApiError".into()), Some("SERVER_ERROR".into())));
    assert_eq!((get(&e, "status").as_f64(), get(&e, "apiCode").as_string().as_deref()), (Some(503.0), Some("500")));
    assert_eq!(get(&e, "retryAfterMs").as_f64(), Some(30_000.0));
    assert_eq!(get(&e, "attempts").as_f64(), Some(1.0));

    // A connection reset is retried; the next attempt reaches the service (404 for this name).
    let fault = r#"{"faults":[{"route":"GET /api/v1/workspaces/*","fault":"reset","times":1}]}"#;
    settle(admin(base, "POST", "/__emulator/faults", Some(fault.into()))).await.expect("fault");
    let e = settle(mi.get_workspace("no-such-workspace".into(), None)).await.expect_err("404");
    assert_eq!(name_code(&e), (Some("ApiError".into()), Some("NOT_FOUND".into())));
    // Node's fetch reports the reset and the client retries it; Chromium retries a request whose reused
    // connection closed before any byte on its own, so there the client may see only the 404.
    let attempts = get(&e, "attempts").as_f64();
    if is_node() {
        assert_eq!(attempts, Some(2.0), "the reset attempt was retried");
    } else {
        assert!(matches!(attempts, Some(a) if a == 1.0 || a == 2.0), "{attempts:?}");
    }

    // A server that never answers: the per-attempt time limit ends the real fetch.
    let fault = r#"{"faults":[{"route":"GET /api/v1/workspaces/*","fault":"hang","times":1}]}"#;
    settle(admin(base, "POST", "/__emulator/faults", Some(fault.into()))).await.expect("fault");
    let once = options(&[("timeoutMs", 300.into()), ("retries", options(&[("maxAttempts", 1.into())]))]);
    let e = settle(mi.get_workspace("no-such-workspace".into(), Some(once.unchecked_into()))).await.expect_err("hang");
    assert_eq!(name_code(&e), (Some("TimeoutError".into()), Some("TIMEOUT".into())));
    settle(admin(base, "DELETE", "/__emulator/faults", None)).await.expect("clear faults");
}

/// A `fetch` that breaks its contract is the caller's network failing: a typed `NetworkError` (retried
/// like one), never an exception thrown through the client.
#[wasm_bindgen_test]
async fn a_misbehaving_fetch_becomes_a_network_error() {
    for kind in ["plain-object", "throws", "rejects-string", "not-a-promise", "body-errors"] {
        let o = options(&[("accessKey", "ak".into()), ("secretKey", "sk".into()), ("fetch", odd_fetch(kind)), ("retries", retries(2, 1)), ("dangerouslyAllowBrowser", JsValue::TRUE)]);
        let mi = MediaIntelligence::new(o).map_err(|e| get(&e, "message").as_string()).expect("client");
        let e = settle(mi.get_workspace("my-workspace".into(), None)).await.expect_err(kind);
        assert!(e.is_instance_of::<js_sys::Error>(), "{kind}: a real Error");
        assert_eq!(name_code(&e), (Some("NetworkError".into()), Some("NETWORK_ERROR".into())), "{kind}: {:?}", get(&e, "message").as_string());
        assert_eq!(get(&e, "attempts").as_f64(), Some(2.0), "{kind}: retried");
    }
}

#[wasm_bindgen_test]
async fn a_body_that_stalls_after_the_headers_times_out() {
    let o = options(&[("accessKey", "ak".into()), ("secretKey", "sk".into()), ("fetch", odd_fetch("body-stalls")), ("timeoutMs", 50.into()), ("retries", retries(1, 0)), ("dangerouslyAllowBrowser", JsValue::TRUE)]);
    let mi = MediaIntelligence::new(o).map_err(|e| get(&e, "message").as_string()).expect("client");
    let e = settle(mi.get_workspace("my-workspace".into(), None)).await.expect_err("timeout");
    assert_eq!(name_code(&e), (Some("TimeoutError".into()), Some("TIMEOUT".into())));
}
