//! The browser half of the proxy pattern at the JS boundary, in every runtime the wasm tests run in:
//! a keyless client (`proxyUrl`) sends no NCP headers and decodes the proxy's answers into the same typed
//! results and errors; a secret key in a browser page is refused unless explicitly allowed. The handler
//! itself (`createProxyHandler`) runs here too: what it forwards, signs and refuses, what it passes back,
//! and a round trip to the emulator over its real `fetch`. tests/proxy/ covers it over HTTP in Node.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Object, Promise, Reflect};
use ncloud_media_intelligence::{create_proxy_handler, MediaIntelligence};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen(inline_js = r#"
export function isWindow() { return typeof window === "object" && typeof document === "object"; }
export function via(handler, seen) {
  return (url, init) => { seen.push({ url, headers: [...new Headers(init.headers).keys()], credentials: init.credentials }); return handler(new Request(url, init)); };
}
export function upstream(seen, status, body, headers) {
  return async (url, init) => {
    seen.push({ url, headers: Object.fromEntries(new Headers(init.headers)), body: init.body, redirect: init.redirect });
    return new Response(body, { status, headers: headers ? JSON.parse(headers) : {} });
  };
}
// Calls a proxy handler directly; resolves {status, body}.
export async function direct(handler, method, url, body, headers) {
  const r = await handler(new Request(url, { method, body: body ?? undefined, headers }));
  return { status: r.status, body: await r.text(), headers: Object.fromEntries(r.headers) };
}
export async function directValue(handler, value) { const r = await handler(value); return { status: r.status, body: await r.text() }; }
// An authorize that reads the request it is given (body included), then decides with `verdict`.
export function readingAuthorize(seen, verdict) {
  return async (request) => { seen.push(await request.text()); if (verdict === "throw") throw new Error("no session"); return verdict === "yes"; };
}
export function uniqueName(prefix) { return prefix + "-" + Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 8); }
"#)]
extern "C" {
    #[wasm_bindgen(js_name = isWindow)]
    fn is_window() -> bool;
    fn via(handler: &JsValue, seen: &Array) -> JsValue;
    fn upstream(seen: &Array, status: u16, body: &str, headers: Option<String>) -> JsValue;
    #[wasm_bindgen(js_name = readingAuthorize)]
    fn reading_authorize(seen: &Array, verdict: &str) -> JsValue;
    #[wasm_bindgen(js_name = uniqueName)]
    fn unique_name(prefix: &str) -> String;
    fn direct(handler: &JsValue, method: &str, url: &str, body: Option<String>, headers: &JsValue) -> Promise;
    #[wasm_bindgen(js_name = directValue)]
    fn direct_value(handler: &JsValue, value: &JsValue) -> Promise;
}

fn emulator() -> &'static str {
    option_env!("MI_EMULATOR_URL").unwrap_or("http://build-without-MI_EMULATOR_URL.invalid")
}

const OK: &str = r#"{"code":"0","message":"success","result":{"workspaceName":"my-ws","bucketName":"b","monthlyAnalysisCount":2}}"#;

fn options(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &JsValue::from_str(k), v).expect("set");
    }
    o.into()
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

async fn settle(p: Promise) -> Result<JsValue, JsValue> {
    JsFuture::from(p).await
}

/// A proxy whose API is a stub recording what the proxy sent it.
fn proxy(api_seen: &Array, status: u16, body: &str) -> JsValue {
    proxy_with(upstream(api_seen, status, body, None), vec![])
}

fn proxy_with(fetch: JsValue, extra: Vec<(&str, JsValue)>) -> JsValue {
    let allow = Array::of2(&"getWorkspace".into(), &"createWorkspace".into());
    let mut pairs = vec![("accessKey", JsValue::from("proxy-ak")), ("secretKey", "proxy-secret".into()), ("allow", allow.into()), ("endpoint", "https://api.example".into()), ("fetch", fetch)];
    pairs.extend(extra);
    create_proxy_handler(options(&pairs)).map_err(|e| get(&e, "message").as_string()).expect("handler")
}

/// A keyless client of `handler`, recording what it sends in `seen`.
fn client_of(handler: &JsValue, seen: &Array, extra: Vec<(&str, JsValue)>) -> MediaIntelligence {
    let mut pairs = vec![("proxyUrl", JsValue::from("https://app.example")), ("fetch", via(handler, seen))];
    pairs.extend(extra);
    MediaIntelligence::new(options(&pairs)).map_err(|e| get(&e, "message").as_string()).expect("proxy client")
}

fn name_code(e: &JsValue) -> (Option<String>, Option<String>) {
    (get(e, "name").as_string(), get(e, "code").as_string())
}

#[wasm_bindgen_test]
async fn a_keyless_client_goes_through_the_proxy_which_signs() {
    let (client_seen, api_seen) = (Array::new(), Array::new());
    let handler = proxy(&api_seen, 200, OK);
    let o = options(&[("proxyUrl", "https://app.example/".into()), ("headers", options(&[("authorization", "Bearer t".into())])), ("fetch", via(&handler, &client_seen))]);
    let mi = MediaIntelligence::new(o).map_err(|e| get(&e, "message").as_string()).expect("proxy client");
    let details = settle(mi.get_workspace("my-ws".into(), None)).await.map_err(|e| get(&e, "message").as_string()).expect("details");
    assert_eq!(get(&details, "monthlyAnalysisCount").as_f64(), Some(2.0));
    let sent = client_seen.get(0);
    assert_eq!(get(&sent, "url").as_string().as_deref(), Some("https://app.example/api/v1/workspaces/my-ws"));
    let names: Vec<String> = Array::from(&get(&sent, "headers")).iter().filter_map(|h| h.as_string()).collect();
    assert!(!names.iter().any(|h| h.starts_with("x-ncp-")), "the browser sends no NCP header: {names:?}");
    assert!(names.contains(&"authorization".to_owned()));
    let forwarded = api_seen.get(0);
    assert_eq!(get(&forwarded, "url").as_string().as_deref(), Some("https://api.example/api/v1/workspaces/my-ws"));
    let headers = get(&forwarded, "headers");
    assert_eq!(get(&headers, "x-ncp-iam-access-key").as_string().as_deref(), Some("proxy-ak"), "the proxy signs with its own key");
    assert!(get(&headers, "authorization").is_undefined(), "incoming headers are not forwarded");
    assert_eq!(get(&forwarded, "redirect").as_string().as_deref(), Some("manual"), "the proxy does not follow redirects either");
}

#[wasm_bindgen_test]
async fn api_errors_come_back_through_the_proxy_as_the_same_typed_errors() {
    let api_seen = Array::new();
    let handler = proxy(&api_seen, 404, r#"{"code":"404","message":"Workspace 'my-ws' not found"}"#);
    let mi = MediaIntelligence::new(options(&[("proxyUrl", "https://app.example".into()), ("fetch", via(&handler, &Array::new()))])).expect("client");
    let e = settle(mi.get_workspace("my-ws".into(), None)).await.expect_err("404");
    assert_eq!((get(&e, "name").as_string(), get(&e, "code").as_string(), get(&e, "status").as_f64()), (Some("ApiError".into()), Some("NOT_FOUND".into()), Some(404.0)));
    let create = options(&[("workspaceName", "my-ws".into()), ("bucketName", "b".into())]);
    settle(mi.create_workspace(create, None)).await.expect_err("404 again");
    assert_eq!(get(&api_seen.get(1), "body").as_string().as_deref(), Some(r#"{"workspaceName":"my-ws","bucketName":"b"}"#));
}

#[wasm_bindgen_test]
fn proxy_and_key_options_do_not_mix() {
    for (pairs, field) in [
        (vec![("proxyUrl", JsValue::from("https://p.example")), ("secretKey", "sk".into())], "proxyUrl"),
        (vec![("proxyUrl", JsValue::from("p.example"))], "proxyUrl"),
        (vec![("proxyUrl", JsValue::from("https://p.example")), ("headers", options(&[("x-ncp-iam-access-key", "ak".into())]))], "headers"),
        (vec![("proxyUrl", JsValue::from("https://p.example")), ("headers", options(&[("a", "line\nbreak".into())]))], "headers"),
        (vec![("proxyUrl", JsValue::from("https://p.example")), ("credentials", "always".into())], "credentials"),
        (vec![("accessKey", JsValue::from("ak")), ("secretKey", "sk".into()), ("headers", Object::new().into()), ("dangerouslyAllowBrowser", JsValue::TRUE)], "headers"),
    ] {
        let e = MediaIntelligence::new(options(&pairs)).err().expect(field);
        assert_eq!(get(&e, "field").as_string().as_deref(), Some(field));
    }
}

#[wasm_bindgen_test]
fn a_secret_key_in_a_browser_page_needs_explicit_permission() {
    let keys = || vec![("accessKey", JsValue::from("ak")), ("secretKey", JsValue::from("sk"))];
    let plain = MediaIntelligence::new(options(&keys()));
    if is_window() {
        let e = plain.err().expect("refused in a page");
        assert_eq!(get(&e, "field").as_string().as_deref(), Some("secretKey"));
        assert!(get(&e, "message").as_string().is_some_and(|m| m.contains("proxyUrl") && m.contains("dangerouslyAllowBrowser")));
    } else {
        assert!(plain.is_ok(), "servers, workers and Node need no permission");
    }
    let mut allowed = keys();
    allowed.push(("dangerouslyAllowBrowser", JsValue::TRUE));
    assert!(MediaIntelligence::new(options(&allowed)).is_ok());
}

#[wasm_bindgen_test]
async fn the_credentials_mode_reaches_fetch_only_when_set() {
    let handler = proxy(&Array::new(), 200, OK);
    let seen = Array::new();
    let mi = client_of(&handler, &seen, vec![("credentials", "include".into())]);
    settle(mi.get_workspace("my-ws".into(), None)).await.map_err(|e| get(&e, "message").as_string()).expect("details");
    assert_eq!(get(&seen.get(0), "credentials").as_string().as_deref(), Some("include"));
    let seen = Array::new();
    let mi = client_of(&handler, &seen, vec![]);
    settle(mi.get_workspace("my-ws".into(), None)).await.expect("details");
    assert!(get(&seen.get(0), "credentials").is_undefined(), "left out when not chosen (workerd rejects the field)");
}

#[wasm_bindgen_test]
async fn the_proxy_forwards_only_the_allowed_operations() {
    let api_seen = Array::new();
    let handler = proxy(&api_seen, 200, OK);
    let mi = client_of(&handler, &Array::new(), vec![]);
    let e = settle(mi.delete_workspace("my-ws".into(), None)).await.expect_err("not allowed");
    assert_eq!(name_code(&e), (Some("ApiError".into()), Some("NOT_FOUND".into())));
    assert_eq!((get(&e, "status").as_f64(), get(&e, "apiCode").as_string().as_deref()), (Some(404.0), Some("300")));
    let e = settle(mi.list_workspaces(None, None)).await.expect_err("not allowed");
    assert_eq!(name_code(&e), (Some("ApiError".into()), Some("NOT_FOUND".into())));
    assert_eq!(api_seen.length(), 0, "NCP was never contacted");

    // Requests no keyless client would send, straight to the handler: each is answered, never thrown.
    let headers = |pairs: &[(&str, &str)]| options(&pairs.iter().map(|(k, v)| (*k, JsValue::from(*v))).collect::<Vec<_>>());
    let json = headers(&[("content-type", "application/json")]);
    let big = format!(r#"{{"workspaceName":"my-ws","bucketName":"{}"}}"#, "b".repeat(20_000));
    for (method, path, body, sent_headers, status) in [
        ("POST", "/api/v1/workspaces", Some(r#"{"workspaceName":"my-ws","extra":1}"#.to_owned()), json.clone(), 400.0),
        ("POST", "/api/v1/workspaces", Some("[1,2]".to_owned()), json.clone(), 400.0),
        ("POST", "/api/v1/workspaces", Some(big), json.clone(), 413.0),
        ("GET", "/api/v1/workspaces/my-ws", None, headers(&[("x-ncp-iam-access-key", "forged")]), 400.0),
        ("GET", "/api/v1/workspaces/my-ws?debug=1", None, Object::new().into(), 404.0),
        ("GET", "/api/v1/workspaces/my-ws/../../admin", None, Object::new().into(), 404.0),
        ("GET", "/api/v1/workspaces/my%2Fws", None, Object::new().into(), 0.0),
    ] {
        let answer = settle(direct(&handler, method, &format!("https://app.example{path}"), body, &sent_headers)).await.expect("a Response");
        let answered = get(&answer, "status").as_f64();
        if status == 0.0 {
            // Not a name any rule allows: refused as not routed (404) or as bad input (400).
            assert!(matches!(answered, Some(s) if s == 400.0 || s == 404.0), "{method} {path}: {answered:?}");
        } else {
            assert_eq!(answered, Some(status), "{method} {path}");
        }
        assert!(get(&answer, "body").as_string().is_some_and(|b| b.starts_with('{')), "an envelope: {method} {path}");
    }
    let answer = settle(direct_value(&handler, &"not a request".into())).await.expect("a Response, not a rejection");
    assert_eq!(get(&answer, "status").as_f64(), Some(400.0));
    assert_eq!(api_seen.length(), 0, "NCP was never contacted");
}

#[wasm_bindgen_test]
async fn a_round_trip_through_the_proxy_reaches_the_emulator_over_real_fetch() {
    let allow = Array::of4(&"listWorkspaces".into(), &"createWorkspace".into(), &"getWorkspace".into(), &"deleteWorkspace".into());
    let o = options(&[("accessKey", "test-access-key".into()), ("secretKey", "test-secret-key".into()), ("allow", allow.into()), ("endpoint", emulator().into())]);
    let handler = create_proxy_handler(o).map_err(|e| get(&e, "message").as_string()).expect("handler");
    let seen = Array::new();
    let mi = client_of(&handler, &seen, vec![]);
    let name = unique_name("wbt-px");
    let created = settle(mi.create_workspace(options(&[("workspaceName", name.as_str().into())]), None)).await.map_err(|e| get(&e, "message").as_string()).expect("created");
    assert_eq!(get(&created, "workspaceName").as_string().as_deref(), Some(name.as_str()));
    let details = settle(mi.get_workspace(name.as_str().into(), None)).await.map_err(|e| get(&e, "message").as_string()).expect("details");
    assert_eq!(get(&details, "monthlyAnalysisCount").as_f64(), Some(0.0));
    let page = settle(mi.list_workspaces(Some(options(&[("pageSize", 1000.into())])), None)).await.map_err(|e| get(&e, "message").as_string()).expect("page");
    let names: Vec<String> = Array::from(&get(&page, "content")).iter().filter_map(|w| get(&w, "workspaceName").as_string()).collect();
    assert!(names.contains(&name), "{names:?}");
    let deleted = settle(mi.delete_workspace(name.as_str().into(), None)).await.map_err(|e| get(&e, "message").as_string()).expect("deleted");
    assert_eq!(get(&deleted, "workspaceName").as_string().as_deref(), Some(name.as_str()));
    let e = settle(mi.get_workspace(name.as_str().into(), None)).await.expect_err("gone");
    assert_eq!(name_code(&e), (Some("ApiError".into()), Some("NOT_FOUND".into())));
    assert_eq!(get(&e, "apiCode").as_string().as_deref(), Some("404"), "the emulator's own answer, passed through");
    let urls: Vec<String> = seen.iter().filter_map(|s| get(&s, "url").as_string()).collect();
    assert!(urls.iter().all(|u| u.starts_with("https://app.example/api/v1/workspaces")), "{urls:?}");
}

#[wasm_bindgen_test]
async fn the_proxy_passes_retry_after_back_and_never_follows_a_redirect() {
    let once = || options(&[("maxAttempts", 1.into()), ("maxDelayMs", 1000.into())]);
    // Retry-After from NCP reaches the browser client, which then fails at once (30 s > maxDelayMs).
    let api_seen = Array::new();
    let throttled = r#"{"error":{"errorCode":"410","message":"Throttle Limited"}}"#;
    let handler = proxy_with(upstream(&api_seen, 429, throttled, Some(r#"{"retry-after":"30","set-cookie":"s=1","x-internal":"1"}"#.into())), vec![]);
    let mi = client_of(&handler, &Array::new(), vec![("retries", options(&[("maxAttempts", 3.into()), ("maxDelayMs", 1000.into())]))]);
    let e = settle(mi.get_workspace("my-ws".into(), None)).await.expect_err("429");
    assert_eq!(name_code(&e), (Some("ApiError".into()), Some("RATE_LIMITED".into())));
    assert_eq!(get(&e, "retryAfterMs").as_f64(), Some(30_000.0));
    assert_eq!(get(&e, "attempts").as_f64(), Some(1.0));
    assert_eq!(api_seen.length(), 1);
    // Of NCP's headers only the safe ones come back.
    let answer = settle(direct(&handler, "GET", "https://app.example/api/v1/workspaces/my-ws", None, &Object::new().into())).await.expect("a Response");
    let headers = get(&answer, "headers");
    assert_eq!(get(&headers, "retry-after").as_string().as_deref(), Some("30"));
    assert!(get(&headers, "x-internal").is_undefined() && get(&headers, "set-cookie").is_undefined(), "{:?}", js_sys::JSON::stringify(&headers).ok());

    // A 3xx from upstream is not followed: the proxy answers 502.
    let api_seen = Array::new();
    let handler = proxy_with(upstream(&api_seen, 302, "", Some(r#"{"location":"https://elsewhere.example/"}"#.into())), vec![]);
    let mi = client_of(&handler, &Array::new(), vec![("retries", once())]);
    let e = settle(mi.get_workspace("my-ws".into(), None)).await.expect_err("502");
    assert_eq!(name_code(&e), (Some("ApiError".into()), Some("SERVER_ERROR".into())));
    assert_eq!(get(&e, "status").as_f64(), Some(502.0));
    assert_eq!(api_seen.length(), 1);
    assert_eq!(get(&api_seen.get(0), "redirect").as_string().as_deref(), Some("manual"));

    // An upstream answer over the proxy's maxResponseBytes: 502, not a truncated body.
    let api_seen = Array::new();
    let big = format!(r#"{{"code":"0","message":"success","result":{{"workspaceName":"my-ws","pad":"{}"}}}}"#, "x".repeat(2048));
    let handler = proxy_with(upstream(&api_seen, 200, &big, None), vec![("maxResponseBytes", 1024.into())]);
    let mi = client_of(&handler, &Array::new(), vec![("retries", once())]);
    let e = settle(mi.get_workspace("my-ws".into(), None)).await.expect_err("502");
    assert_eq!((get(&e, "status").as_f64(), get(&e, "code").as_string().as_deref()), (Some(502.0), Some("SERVER_ERROR")));
}

#[wasm_bindgen_test]
fn proxy_options_are_checked_and_name_the_field() {
    let base = || vec![("accessKey", JsValue::from("ak")), ("secretKey", JsValue::from("sk")), ("allow", Array::of1(&"getWorkspace".into()).into())];
    for (key, value, field) in [
        ("allow", JsValue::from(Array::new()), "allow"),
        ("allow", Array::of1(&"dropEverything".into()).into(), "allow"),
        ("allow", JsValue::from("getWorkspace"), "allow"),
        ("maxResponseBytes", JsValue::from(10), "maxResponseBytes"),
        ("maxBodyBytes", JsValue::from(0), "maxBodyBytes"),
        ("basePath", JsValue::from("mi/"), "basePath"),
        ("endpoint", JsValue::from("ftp://x"), "endpoint"),
        ("authorize", JsValue::from("yes"), "authorize"),
        ("allowed", JsValue::TRUE, "options"),
    ] {
        let mut pairs = base();
        pairs.retain(|(k, _)| *k != key);
        pairs.push((key, value));
        let e = create_proxy_handler(options(&pairs)).err().expect(field);
        assert_eq!(get(&e, "name").as_string().as_deref(), Some("ValidationError"), "{field}");
        assert_eq!(get(&e, "field").as_string().as_deref(), Some(field));
    }
    let mut pairs = base();
    pairs.retain(|(k, _)| *k != "secretKey");
    let e = create_proxy_handler(options(&pairs)).err().expect("no secret");
    assert_eq!(get(&e, "field").as_string().as_deref(), Some("secretKey"));
}

/// `authorize` gets a copy of the request: it may read the body, and the proxy still forwards it.
#[wasm_bindgen_test]
async fn authorize_may_read_the_request_and_decides_what_passes() {
    let (api_seen, auth_seen) = (Array::new(), Array::new());
    let handler = proxy_with(upstream(&api_seen, 200, OK, None), vec![("authorize", reading_authorize(&auth_seen, "yes"))]);
    let mi = client_of(&handler, &Array::new(), vec![]);
    let create = options(&[("workspaceName", "my-ws".into()), ("bucketName", "b".into())]);
    settle(mi.create_workspace(create, None)).await.map_err(|e| get(&e, "message").as_string()).expect("created");
    assert_eq!(auth_seen.get(0).as_string().as_deref(), Some(r#"{"workspaceName":"my-ws","bucketName":"b"}"#));
    assert_eq!(get(&api_seen.get(0), "body").as_string().as_deref(), Some(r#"{"workspaceName":"my-ws","bucketName":"b"}"#), "the body still went on");
    for (verdict, status, code) in [("no", 403.0, "FORBIDDEN"), ("throw", 401.0, "AUTHENTICATION_FAILED")] {
        let api_seen = Array::new();
        let handler = proxy_with(upstream(&api_seen, 200, OK, None), vec![("authorize", reading_authorize(&Array::new(), verdict))]);
        let mi = client_of(&handler, &Array::new(), vec![]);
        let e = settle(mi.get_workspace("my-ws".into(), None)).await.expect_err(verdict);
        assert_eq!((get(&e, "status").as_f64(), get(&e, "code").as_string().as_deref()), (Some(status), Some(code)), "{verdict}");
        assert_eq!(api_seen.length(), 0, "{verdict}: NCP was never contacted");
    }
}
