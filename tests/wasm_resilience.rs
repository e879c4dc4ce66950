//! Resilience at the JS boundary, in every runtime the wasm tests run in: abort signals (client-wide and
//! per call, before and during a request and during a backoff wait), per-call limits, retries through a
//! scripted `fetch`, the logger's records, and option checking. The emulator-level fault matrix lives in
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
}

const OK: &str = r#"{"code":"0","message":"success","result":{"workspaceName":"my-workspace","monthlyAnalysisCount":3}}"#;
const BUSY: &str = r#"{"error":{"errorCode":"500","message":"Endpoint Error"}}"#;

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
        ("retries", options(&[("maxAttempts", 0.into())]), "maxAttempts"),
        ("retries", options(&[("maxAttempts", 11.into())]), "maxAttempts"),
        ("retries", options(&[("baseDelayMs", (-1).into())]), "baseDelayMs"),
        ("retries", options(&[("maxDelayMs", 1e9.into())]), "maxDelayMs"),
        ("retries", options(&[("attempts", 2.into())]), "retries"),
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
