//! The browser half of the proxy pattern at the JS boundary, in every runtime the wasm tests run in:
//! a keyless client (`proxyUrl`) sends no NCP headers and decodes the proxy's answers into the same typed
//! results and errors; a secret key in a browser page is refused unless explicitly allowed.
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
export function upstream(seen, status, body) {
  return async (url, init) => { seen.push({ url, headers: Object.fromEntries(new Headers(init.headers)), body: init.body }); return new Response(body, { status }); };
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = isWindow)]
    fn is_window() -> bool;
    fn via(handler: &JsValue, seen: &Array) -> JsValue;
    fn upstream(seen: &Array, status: u16, body: &str) -> JsValue;
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
    let allow = Array::of2(&"getWorkspace".into(), &"createWorkspace".into());
    let o = options(&[("accessKey", "proxy-ak".into()), ("secretKey", "proxy-secret".into()), ("allow", allow.into()), ("endpoint", "https://api.example".into()), ("fetch", upstream(api_seen, status, body))]);
    create_proxy_handler(o).map_err(|e| get(&e, "message").as_string()).expect("handler")
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
