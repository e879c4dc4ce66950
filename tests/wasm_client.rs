//! The JS boundary and real `fetch` against the local emulator. The same tests run in Node, in headless
//! Chromium as a page, and in a dedicated worker (scripts/test.sh sets the runner's environment).
//! `MI_EMULATOR_URL` and `MI_DEAD_URL` are read at build time; a build without them fails every test.
//!
//! Workspaces these tests create on the emulator are named `wbt-...` and deleted again: the Node, page
//! and worker runs share one emulator, and its accounts hold at most 10 workspaces.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Object, Promise, Reflect};
use ncloud_media_intelligence::{sign_request, MediaIntelligence, NcpSigner};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen(inline_js = r#"
export function obj(json) { return JSON.parse(json); }
export function uniqueName(prefix) { return prefix + "-" + Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 8); }
export function stubFetch(status, body, seen) {
  return async (url, init) => { seen.push({ url, init }); return new Response(body, { status, headers: { "content-type": "application/json" } }); };
}
// A stub of GET /api/v1/workspaces serving `total` workspaces ws-1..ws-N (each with the members of
// `extra`) in the pages the query asks for; page `failPage` answers 503. Records each URL in `seen`.
export function pagedFetch(total, seen, extra, failPage) {
  return async (url, init) => {
    seen.push(url);
    const q = new URL(url).searchParams;
    const pageNum = Number(q.get("pageNum")), pageSize = Number(q.get("pageSize") ?? 1000);
    if (pageNum === failPage) {
      return new Response('{"error":{"errorCode":"500","message":"Endpoint Error"}}', { status: 503 });
    }
    const items = Array.from({ length: total }, (_, i) => ({ workspaceName: "ws-" + (i + 1), ...JSON.parse(extra) }));
    const result = { totalCount: total, totalPage: Math.ceil(total / pageSize), pageNo: pageNum, pageSize,
      content: items.slice((pageNum - 1) * pageSize, pageNum * pageSize) };
    return new Response(JSON.stringify({ code: "0", message: "success", result }), { status: 200 });
  };
}
export function hangingFetch() {
  // A server that never answers. The interval keeps Node's event loop alive, as an open socket would
  // (Node's AbortSignal.timeout timer alone does not); it stops when the signal fires.
  return (url, init) => new Promise((_, reject) => {
    const alive = setInterval(() => {}, 1000);
    init.signal.addEventListener("abort", () => { clearInterval(alive); reject(init.signal.reason); });
  });
}
export async function requestCount(base) { const r = await fetch(base + "/__emulator/requests"); return (await r.json()).length; }
// The emulator's logged requests whose method is `method` and whose URL starts with `prefix`.
export async function loggedUrls(base, method, prefix) {
  const r = await fetch(base + "/__emulator/requests");
  return (await r.json()).filter((e) => e.method === method && e.url.startsWith(prefix)).map((e) => e.url);
}
export async function fetchStatus(url, headers) { return (await fetch(url, { headers })).status; }
export function headerOf(init, name) { return new Headers(init.headers).get(name); }
export function withNullPrototype(o) { return Object.assign(Object.create(null), o); }
export function withThrowingGetter(o, name) {
  const copy = { ...o };
  Object.defineProperty(copy, name, { enumerable: true, get() { throw new Error("getter says no"); } });
  return copy;
}
export function withInheritedOption(o, name) { return Object.assign(Object.create({ [name]: "inherited" }), o); }
// An options object whose `workspaceName` getter answers `first` once, then `later`; `box.reads` counts.
export function flipping(first, later) {
  const box = { reads: 0 };
  box.options = { get workspaceName() { box.reads += 1; return box.reads === 1 ? first : later; } };
  return box;
}
export function trappedProxy() { return new Proxy({}, { ownKeys() { throw new Error("trap says no"); } }); }
export function revokedProxy() { const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); return proxy; }
export function loneSurrogate() { return "ab\uD800cd"; }
export async function queueFault(base, fault) {
  const r = await fetch(base + "/__emulator/faults", { method: "POST", body: JSON.stringify({ faults: [fault] }) });
  return r.status;
}
// The global fetch, except that the first `lose` answers are dropped after the server made them.
export function losingFetch(lose) {
  return async (url, init) => {
    const response = await fetch(url, init);
    if (lose > 0) { lose -= 1; await response.arrayBuffer(); throw new TypeError("network connection lost"); }
    return response;
  };
}
export function abortedSignal(reason) { const c = new AbortController(); c.abort(reason); return c.signal; }
export function nextOf(it) { return it.next(); }
export function returnOf(it) { return it.return(); }
export function isOwnAsyncIterator(it) { return typeof it[Symbol.asyncIterator] === "function" && it[Symbol.asyncIterator]() === it; }
export async function collect(it) { const out = []; for await (const item of it) out.push(item); return out; }
export async function takeThenBreak(it, n) { const out = []; for await (const item of it) { out.push(item); if (out.length === n) break; } return out; }
export function twoNexts(it) { return Promise.allSettled([it.next(), it.next()]); }
"#)]
extern "C" {
    fn obj(json: &str) -> JsValue;
    #[wasm_bindgen(js_name = uniqueName)]
    fn unique_name(prefix: &str) -> String;
    #[wasm_bindgen(js_name = stubFetch)]
    fn stub_fetch(status: u16, body: &str, seen: &Array) -> JsValue;
    #[wasm_bindgen(js_name = pagedFetch)]
    fn paged_fetch(total: u32, seen: &Array, extra: &str, fail_page: u32) -> JsValue;
    #[wasm_bindgen(js_name = hangingFetch)]
    fn hanging_fetch() -> JsValue;
    #[wasm_bindgen(js_name = requestCount)]
    fn request_count(base: &str) -> Promise;
    #[wasm_bindgen(js_name = loggedUrls)]
    fn logged_urls(base: &str, method: &str, prefix: &str) -> Promise;
    #[wasm_bindgen(js_name = fetchStatus)]
    fn fetch_status(url: &str, headers: &JsValue) -> Promise;
    #[wasm_bindgen(js_name = headerOf)]
    fn header_of(init: &JsValue, name: &str) -> Option<String>;
    #[wasm_bindgen(js_name = withNullPrototype)]
    fn with_null_prototype(o: &JsValue) -> JsValue;
    #[wasm_bindgen(js_name = withThrowingGetter)]
    fn with_throwing_getter(o: &JsValue, name: &str) -> JsValue;
    #[wasm_bindgen(js_name = withInheritedOption)]
    fn with_inherited_option(o: &JsValue, name: &str) -> JsValue;
    fn flipping(first: &str, later: &str) -> JsValue;
    #[wasm_bindgen(js_name = trappedProxy)]
    fn trapped_proxy() -> JsValue;
    #[wasm_bindgen(js_name = revokedProxy)]
    fn revoked_proxy() -> JsValue;
    #[wasm_bindgen(js_name = loneSurrogate)]
    fn lone_surrogate() -> JsValue;
    #[wasm_bindgen(js_name = queueFault)]
    fn queue_fault(base: &str, fault: &JsValue) -> Promise;
    #[wasm_bindgen(js_name = losingFetch)]
    fn losing_fetch(lose: u32) -> JsValue;
    #[wasm_bindgen(js_name = abortedSignal)]
    fn aborted_signal(reason: &str) -> JsValue;
    #[wasm_bindgen(js_name = nextOf)]
    fn next_of(it: &JsValue) -> Promise;
    #[wasm_bindgen(js_name = returnOf)]
    fn return_of(it: &JsValue) -> Promise;
    #[wasm_bindgen(js_name = isOwnAsyncIterator)]
    fn is_own_async_iterator(it: &JsValue) -> bool;
    fn collect(it: &JsValue) -> Promise;
    #[wasm_bindgen(js_name = takeThenBreak)]
    fn take_then_break(it: &JsValue, n: u32) -> Promise;
    #[wasm_bindgen(js_name = twoNexts)]
    fn two_nexts(it: &JsValue) -> Promise;
}

const SECRET: &str = "test-secret-key";
/// These tests also run in a browser page, where a client with a secret key must be allowed explicitly.
const BROWSER_OK: (&str, JsValue) = ("dangerouslyAllowBrowser", JsValue::TRUE);
/// The three headers `signRequest` and `NcpSigner#sign` return, as the `.d.ts` documents them.
const SIGNATURE_HEADERS: [&str; 3] = ["x-ncp-apigw-timestamp", "x-ncp-iam-access-key", "x-ncp-apigw-signature-v2"];

fn emulator() -> &'static str {
    option_env!("MI_EMULATOR_URL").unwrap_or("http://build-without-MI_EMULATOR_URL.invalid")
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn text(value: &JsValue, key: &str) -> Option<String> {
    get(value, key).as_string()
}

fn keys(value: &JsValue) -> Vec<String> {
    Object::keys(value.unchecked_ref::<Object>()).iter().filter_map(|k| k.as_string()).collect()
}

fn options(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &JsValue::from_str(k), v).expect("set");
    }
    o.into()
}

fn client_with(endpoint: &str, secret: &str) -> MediaIntelligence {
    let o = options(&[("accessKey", "test-access-key".into()), ("secretKey", secret.into()), ("endpoint", endpoint.into()), BROWSER_OK]);
    MediaIntelligence::new(o).map_err(|e| text(&e, "message")).expect("client")
}

fn client_fetching(fetch: JsValue) -> MediaIntelligence {
    let o = options(&[("accessKey", "ak".into()), ("secretKey", SECRET.into()), ("fetch", fetch), BROWSER_OK]);
    MediaIntelligence::new(o).map_err(|e| text(&e, "message")).expect("client")
}

async fn settle(p: Promise) -> Result<JsValue, JsValue> {
    JsFuture::from(p).await
}

/// Asserts `error` is a real `Error` of `name` and `code`, and that no secret shows in it.
fn assert_error(error: &JsValue, name: &str, code: &str) {
    assert!(error.is_instance_of::<js_sys::Error>(), "a real Error");
    assert_eq!(text(error, "name").as_deref(), Some(name), "{:?}", text(error, "message"));
    assert_eq!(text(error, "code").as_deref(), Some(code), "{:?}", text(error, "message"));
    let message = text(error, "message").unwrap_or_default();
    assert!(!message.contains(SECRET) && !message.contains("wrong-secret"), "{message}");
}

async fn create(mi: &MediaIntelligence, name: &str) -> JsValue {
    settle(mi.create_workspace(options(&[("workspaceName", name.into())]), None)).await.map_err(|e| text(&e, "message")).expect("created")
}

async fn delete(mi: &MediaIntelligence, name: &str) {
    settle(mi.delete_workspace(name.into(), None)).await.map_err(|e| text(&e, "message")).expect("deleted");
}

/// Every workspace name of the account, in the API's order, read page by page with `listWorkspaces`.
async fn all_names(mi: &MediaIntelligence, page_size: u32) -> Vec<String> {
    let mut names = Vec::new();
    for page_num in 1.. {
        let paging = options(&[("pageNum", page_num.into()), ("pageSize", page_size.into())]);
        let page = settle(mi.list_workspaces(Some(paging), None)).await.map_err(|e| text(&e, "message")).expect("page");
        let content = Array::from(&get(&page, "content"));
        names.extend(content.iter().filter_map(|w| text(&w, "workspaceName")));
        if content.length() == 0 || get(&page, "pageNo").as_f64() >= get(&page, "totalPage").as_f64() {
            break;
        }
    }
    names
}

/// Deletes what an earlier, failed run of these tests may have left on the shared emulator.
async fn sweep(mi: &MediaIntelligence) {
    for name in all_names(mi, 1000).await.iter().filter(|n| n.starts_with("wbt-")) {
        delete(mi, name).await;
    }
}

async fn list_requests() -> Vec<String> {
    let urls = settle(logged_urls(emulator(), "GET", "/api/v1/workspaces?")).await.expect("request log");
    Array::from(&urls).iter().filter_map(|u| u.as_string()).collect()
}

#[wasm_bindgen_test]
async fn create_then_get_round_trips_through_the_emulator() {
    let mi = client_with(&format!("{}/", emulator()), SECRET);
    let name = unique_name("wbt-rt");
    let create = options(&[("workspaceName", name.as_str().into()), ("bucketName", "media-bucket".into())]);
    let created = settle(mi.create_workspace(create, None)).await.map_err(|e| text(&e, "message")).expect("created");
    assert_eq!(text(&created, "workspaceName").as_deref(), Some(name.as_str()));
    assert_eq!(keys(&created), ["workspaceName", "createdUserName", "createdTime", "updatedUserName", "updatedTime"]);
    assert!(text(&created, "createdTime").is_some_and(|t| t.len() == 19 && t.contains('T')));

    let details = settle(mi.get_workspace(name.as_str().into(), None)).await.map_err(|e| text(&e, "message")).expect("details");
    assert_eq!(text(&details, "workspaceName").as_deref(), Some(name.as_str()));
    assert_eq!(text(&details, "bucketName").as_deref(), Some("media-bucket"));
    assert_eq!(get(&details, "monthlyAnalysisCount").as_f64(), Some(0.0), "a number, not text or BigInt");
    assert!(text(&details, "workspaceUrl").is_some_and(|u| u.ends_with(&name)));
    assert_eq!(keys(&details).len(), 8);
    delete(&mi, &name).await;
}

#[wasm_bindgen_test]
async fn a_duplicate_and_a_missing_workspace_are_api_errors_with_status_and_code() {
    let mi = client_with(emulator(), SECRET);
    let name = unique_name("wbt-dup");
    create(&mi, &name).await;
    let e = settle(mi.create_workspace(options(&[("workspaceName", name.as_str().into())]), None)).await.expect_err("duplicate");
    assert_error(&e, "ApiError", "CONFLICT");
    assert_eq!((get(&e, "status").as_f64(), text(&e, "apiCode")), (Some(409.0), Some("409".into())));
    assert_eq!(get(&e, "attempts").as_f64(), Some(1.0), "a conflict is not retried");
    let e = settle(mi.get_workspace(unique_name("ghost").into(), None)).await.expect_err("missing");
    assert_error(&e, "ApiError", "NOT_FOUND");
    assert!(text(&e, "message").is_some_and(|m| m.starts_with("GET /api/v1/workspaces/ghost-")), "says what was attempted");
    delete(&mi, &name).await;
}

#[wasm_bindgen_test]
async fn delete_workspace_takes_the_name_alone_or_in_options_and_the_workspace_is_gone_after() {
    let mi = client_with(emulator(), SECRET);
    let (plain, in_options) = (unique_name("wbt-del"), unique_name("wbt-del"));
    create(&mi, &plain).await;
    create(&mi, &in_options).await;

    let deleted = settle(mi.delete_workspace(plain.as_str().into(), None)).await.map_err(|e| text(&e, "message")).expect("deleted by name");
    assert_eq!(text(&deleted, "workspaceName").as_deref(), Some(plain.as_str()));
    let deleted = settle(mi.delete_workspace(options(&[("workspaceName", in_options.as_str().into())]), None)).await.map_err(|e| text(&e, "message")).expect("deleted");
    assert_eq!(text(&deleted, "workspaceName").as_deref(), Some(in_options.as_str()));
    let deletes = settle(logged_urls(emulator(), "DELETE", "/api/v1/workspaces/")).await.expect("log");
    let deletes: Vec<String> = Array::from(&deletes).iter().filter_map(|u| u.as_string()).collect();
    assert!(deletes.contains(&format!("/api/v1/workspaces/{plain}")) && deletes.contains(&format!("/api/v1/workspaces/{in_options}")), "{deletes:?}");

    for name in [&plain, &in_options] {
        let e = settle(mi.get_workspace(name.as_str().into(), None)).await.expect_err("gone");
        assert_error(&e, "ApiError", "NOT_FOUND");
        let e = settle(mi.delete_workspace(name.as_str().into(), None)).await.expect_err("deleted twice");
        assert_error(&e, "ApiError", "NOT_FOUND");
        assert!(text(&e, "message").is_some_and(|m| m.starts_with(&format!("DELETE /api/v1/workspaces/{name}"))));
    }
    let names = all_names(&mi, 1000).await;
    assert!(!names.contains(&plain) && !names.contains(&in_options), "not listed any more");
    // The name is free again.
    create(&mi, &plain).await;
    delete(&mi, &plain).await;

    let before = settle(request_count(emulator())).await.expect("count").as_f64();
    for (input, field) in [(JsValue::from("Bad_Name"), "workspaceName"), (options(&[("workspaceName", "fine-name".into()), ("force", true.into())]), "options")] {
        let e = settle(mi.delete_workspace(input, None)).await.expect_err(field);
        assert_error(&e, "ValidationError", "INVALID_INPUT");
        assert_eq!(text(&e, "field").as_deref(), Some(field));
    }
    assert_eq!(settle(request_count(emulator())).await.expect("count").as_f64(), before, "bad input sends nothing");
}

#[wasm_bindgen_test]
async fn list_workspaces_pages_and_workspaces_iterates_lazily_until_return() {
    let mi = client_with(emulator(), SECRET);
    sweep(&mi).await;
    let mine: Vec<String> = (0..3).map(|i| unique_name(&format!("wbt-pg{i}"))).collect();
    for name in &mine {
        create(&mi, name).await;
    }

    // listWorkspaces: one page, with the API's paging members.
    let first = settle(mi.list_workspaces(Some(options(&[("pageNum", 1.into()), ("pageSize", 2.into())])), None)).await.map_err(|e| text(&e, "message")).expect("page 1");
    let all = all_names(&mi, 2).await;
    let total = all.len() as f64;
    assert!(all.len() >= 3 && all.ends_with(&mine), "in creation order: {all:?}");
    assert_eq!(get(&first, "totalCount").as_f64(), Some(total));
    let pages = (total / 2.0).ceil();
    assert_eq!(get(&first, "totalPage").as_f64(), Some(pages));
    assert_eq!((get(&first, "pageNo").as_f64(), get(&first, "pageSize").as_f64()), (Some(1.0), Some(2.0)));
    assert_eq!(Array::from(&get(&first, "content")).length(), 2);
    let summary = Array::from(&get(&first, "content")).get(0);
    assert!(text(&summary, "workspaceUrl").is_some() && get(&summary, "monthlyAnalysisCount").is_undefined(), "a summary: {:?}", keys(&summary));
    // No paging options: page 1 of the API's default size, sent as ?pageNum=1.
    let before = list_requests().await.len();
    let everything = settle(mi.list_workspaces(None, None)).await.map_err(|e| text(&e, "message")).expect("default page");
    assert_eq!(get(&everything, "totalCount").as_f64(), Some(total));
    assert_eq!(list_requests().await[before..], ["/api/v1/workspaces?pageNum=1".to_owned()]);

    // workspaces(): nothing is fetched until the loop asks, one page per request, none after return().
    let it = mi.workspaces(Some(options(&[("pageSize", 2.into())])), None).map_err(|e| text(&e, "message")).expect("iterator");
    assert!(is_own_async_iterator(&it), "for await takes it");
    let before = list_requests().await.len();
    let mut seen = Vec::new();
    for expected_requests in [1, 1, 2] {
        let step = settle(next_of(&it)).await.map_err(|e| text(&e, "message")).expect("next");
        assert_eq!(get(&step, "done").as_bool(), Some(false));
        seen.extend(text(&get(&step, "value"), "workspaceName"));
        assert_eq!(list_requests().await.len() - before, expected_requests, "after {} items", seen.len());
    }
    assert_eq!(seen, all[..3]);
    assert_eq!(list_requests().await[before..], ["/api/v1/workspaces?pageNum=1&pageSize=2".to_owned(), "/api/v1/workspaces?pageNum=2&pageSize=2".to_owned()]);
    let stopped = settle(return_of(&it)).await.expect("return");
    assert_eq!((get(&stopped, "done").as_bool(), get(&stopped, "value").is_undefined()), (Some(true), true));
    let after = settle(next_of(&it)).await.expect("next after return");
    assert_eq!(get(&after, "done").as_bool(), Some(true), "return() ends the iteration");
    assert_eq!(list_requests().await.len() - before, 2, "nothing fetched after return()");

    // A whole for-await loop: every workspace, one request per page; a break stops fetching.
    let before = list_requests().await.len();
    let it = mi.workspaces(Some(options(&[("pageSize", 2.into())])), None).expect("iterator");
    let items = settle(collect(&it)).await.map_err(|e| text(&e, "message")).expect("all");
    let names: Vec<String> = Array::from(&items).iter().filter_map(|w| text(&w, "workspaceName")).collect();
    assert_eq!(names, all);
    assert_eq!((list_requests().await.len() - before) as f64, pages, "exactly one request per page");
    let before = list_requests().await.len();
    let it = mi.workspaces(Some(options(&[("pageSize", 1.into())])), None).expect("iterator");
    let items = settle(take_then_break(&it, 2)).await.expect("two");
    assert_eq!(Array::from(&items).length(), 2);
    assert_eq!(list_requests().await.len() - before, 2, "the break stopped fetching");

    for name in &mine {
        delete(&mi, name).await;
    }
}

#[wasm_bindgen_test]
async fn workspaces_starts_at_the_callers_page_and_checks_its_options_at_once() {
    let seen = Array::new();
    let mi = client_fetching(paged_fetch(5, &seen, "{}", 0));
    let it = mi.workspaces(Some(options(&[("pageNum", 2.into()), ("pageSize", 2.into())])), None).expect("iterator");
    let items = settle(collect(&it)).await.map_err(|e| text(&e, "message")).expect("items");
    let names: Vec<String> = Array::from(&items).iter().filter_map(|w| text(&w, "workspaceName")).collect();
    assert_eq!(names, ["ws-3", "ws-4", "ws-5"]);

    let before = seen.length();
    for (input, field) in [
        (options(&[("pageSize", 0.into())]), "pageSize"),
        (options(&[("pageSize", 1001.into())]), "pageSize"),
        (options(&[("pageNum", 0.into())]), "pageNum"),
        (options(&[("pageNum", 1.5.into())]), "pageNum"),
        (options(&[("page", 2.into())]), "options"),
        (JsValue::from(7), "options"),
    ] {
        let e = mi.workspaces(Some(input.clone()), None).err().expect(field);
        assert_error(&e, "ValidationError", "INVALID_INPUT");
        assert_eq!(text(&e, "field").as_deref(), Some(field));
        let e = settle(mi.list_workspaces(Some(input), None)).await.expect_err(field);
        assert_eq!(text(&e, "field").as_deref(), Some(field));
    }
    let e = mi.workspaces(None, Some(options(&[("timeoutMs", 0.into())]).unchecked_into())).err().expect("bad request options");
    assert_eq!(text(&e, "field").as_deref(), Some("timeoutMs"));
    assert_eq!(seen.length(), before, "no request for bad input");
}

/// `listWorkspaces` takes a page number as decimal text too (as every whole-number option does); the
/// iterator must start from that page likewise.
#[wasm_bindgen_test]
async fn workspaces_starts_at_a_page_number_given_as_text() {
    let seen = Array::new();
    let mi = client_fetching(paged_fetch(5, &seen, "{}", 0));
    let text_page = options(&[("pageNum", "2".into()), ("pageSize", 2.into())]);
    let page = settle(mi.list_workspaces(Some(text_page.clone()), None)).await.map_err(|e| text(&e, "message")).expect("page 2");
    assert_eq!(get(&page, "pageNo").as_f64(), Some(2.0));
    let it = mi.workspaces(Some(text_page), None).expect("iterator");
    let items = settle(collect(&it)).await.map_err(|e| text(&e, "message")).expect("items");
    let names: Vec<String> = Array::from(&items).iter().filter_map(|w| text(&w, "workspaceName")).collect();
    assert_eq!(names, ["ws-3", "ws-4", "ws-5"], "pageNum \"2\" starts at page 2");
}

#[wasm_bindgen_test]
async fn the_iterators_signal_cancels_its_pages() {
    let seen = Array::new();
    let mi = client_fetching(paged_fetch(5, &seen, "{}", 0));
    let per_call = options(&[("signal", aborted_signal("left the page"))]);
    let it = mi.workspaces(Some(options(&[("pageSize", 2.into())])), Some(per_call.unchecked_into())).expect("iterator");
    let e = settle(next_of(&it)).await.expect_err("aborted");
    assert_error(&e, "AbortError", "ABORTED");
    assert_eq!(text(&e, "reason").as_deref(), Some("left the page"));
    assert_eq!(seen.length(), 0);
}

/// The answer to a create is lost after the emulator made the workspace (its `lost` fault: the socket
/// closes before any byte): the retry meets "already exists", and the client reads the workspace back
/// and resolves it as this call's own. Node's fetch reports the loss; Chromium may re-send the request
/// on its own and hand the client only the 409: the client cannot tell that from a real duplicate (the
/// API's times have 1 s resolution), so it stays a CONFLICT there (README, Resilience).
#[wasm_bindgen_test]
async fn a_create_whose_answer_was_lost_resolves_with_the_workspace_it_made() {
    let mi = client_with(emulator(), SECRET);
    let name = unique_name("wbt-lost");
    let fault = options(&[("route", "POST /api/v1/workspaces".into()), ("fault", "lost".into()), ("times", 1.into())]);
    assert_eq!(settle(queue_fault(emulator(), &fault)).await.expect("fault").as_f64(), Some(200.0));
    let create = options(&[("workspaceName", name.as_str().into()), ("bucketName", "media-bucket".into())]);
    // The log holds every create of every runtime's tests: count this call's POSTs as the difference.
    let before = Array::from(&settle(logged_urls(emulator(), "POST", "/api/v1/workspaces")).await.expect("log")).length();
    let outcome = settle(mi.create_workspace(create, None)).await;
    let posts = Array::from(&settle(logged_urls(emulator(), "POST", "/api/v1/workspaces")).await.expect("log")).length() - before;
    let created = outcome.map_err(|e| (text(&e, "code"), text(&e, "message"), get(&e, "attempts").as_f64(), posts));
    delete(&mi, &name).await;
    if let Err((Some(code), _, Some(attempts), posts)) = &created {
        if code == "CONFLICT" && *attempts == 1.0 && *posts == 2 {
            return; // the runtime re-sent the POST itself: one attempt seen, two POSTs logged
        }
    }
    let created = created.expect("the workspace this call made");
    assert_eq!(text(&created, "workspaceName").as_deref(), Some(name.as_str()));
    assert_eq!(text(&created, "bucketName").as_deref(), Some("media-bucket"));
}

#[wasm_bindgen_test]
async fn an_iterator_error_rejects_the_next_that_met_it() {
    let seen = Array::new();
    let mi = client_fetching(paged_fetch(5, &seen, "{}", 2));
    let once = options(&[("retries", options(&[("maxAttempts", 1.into())]))]);
    let it = mi.workspaces(Some(options(&[("pageSize", 2.into())])), Some(once.unchecked_into())).expect("iterator");
    for expected in ["ws-1", "ws-2"] {
        let step = settle(next_of(&it)).await.expect("next");
        assert_eq!(text(&get(&step, "value"), "workspaceName").as_deref(), Some(expected));
    }
    let e = settle(next_of(&it)).await.expect_err("page 2 fails");
    assert_error(&e, "ApiError", "SERVER_ERROR");
    assert_eq!(get(&e, "attempts").as_f64(), Some(1.0), "the per-call retries apply to each page");
}

/// The same recovery in every runtime: a `fetch` around the real one that loses the first answer after
/// the emulator made the workspace, as a dropped connection would.
#[wasm_bindgen_test]
async fn a_create_whose_answer_the_fetch_lost_resolves_with_the_workspace_it_made() {
    let o = options(&[("accessKey", "test-access-key".into()), ("secretKey", SECRET.into()), ("endpoint", emulator().into()), ("fetch", losing_fetch(1)), BROWSER_OK]);
    let mi = MediaIntelligence::new(o).map_err(|e| text(&e, "message")).expect("client");
    let name = unique_name("wbt-lost");
    let create = options(&[("workspaceName", name.as_str().into()), ("bucketName", "media-bucket".into())]);
    let outcome = settle(mi.create_workspace(create, None)).await;
    let created = outcome.map_err(|e| (text(&e, "code"), text(&e, "message"), get(&e, "attempts").as_f64()));
    delete(&mi, &name).await;
    let created = created.expect("the workspace this call made");
    assert_eq!(text(&created, "workspaceName").as_deref(), Some(name.as_str()));
    assert_eq!(text(&created, "bucketName").as_deref(), Some("media-bucket"), "read back: the details");
    // A workspace of that name made by someone else (another bucket) stays a conflict, lost answer or not.
    let taken = unique_name("wbt-lost");
    let other = client_with(emulator(), SECRET);
    let theirs = options(&[("workspaceName", taken.as_str().into()), ("bucketName", "their-bucket".into())]);
    settle(other.create_workspace(theirs, None)).await.map_err(|e| text(&e, "message")).expect("theirs");
    let o = options(&[("accessKey", "test-access-key".into()), ("secretKey", SECRET.into()), ("endpoint", emulator().into()), ("fetch", losing_fetch(1)), BROWSER_OK]);
    let mi = MediaIntelligence::new(o).map_err(|e| text(&e, "message")).expect("client");
    let e = settle(mi.create_workspace(options(&[("workspaceName", taken.as_str().into())]), None)).await;
    delete(&other, &taken).await;
    let e = e.expect_err("taken before this call");
    assert_error(&e, "ApiError", "CONFLICT");
}

/// Two `next()` calls before the first settles (`Promise.all([it.next(), it.next()])`): each item comes
/// once, in order, and each page is fetched once; a second call may also be refused while one runs.
#[wasm_bindgen_test]
async fn overlapping_next_calls_neither_repeat_nor_skip_items() {
    let seen = Array::new();
    let mi = client_fetching(paged_fetch(5, &seen, "{}", 0));
    let it = mi.workspaces(Some(options(&[("pageSize", 2.into())])), None).expect("iterator");
    let both = settle(two_nexts(&it)).await.expect("allSettled");
    let mut names = Vec::new();
    for outcome in Array::from(&both).iter() {
        if text(&outcome, "status").as_deref() == Some("fulfilled") {
            names.extend(text(&get(&get(&outcome, "value"), "value"), "workspaceName"));
        } else {
            let e = get(&outcome, "reason");
            assert_error(&e, "ValidationError", "INVALID_INPUT");
            assert_eq!(text(&e, "field").as_deref(), Some("next"));
        }
    }
    let rest = settle(collect(&it)).await.map_err(|e| text(&e, "message")).expect("rest");
    names.extend(Array::from(&rest).iter().filter_map(|w| text(&w, "workspaceName")));
    assert_eq!(names, ["ws-1", "ws-2", "ws-3", "ws-4", "ws-5"]);
    let urls: Vec<String> = seen.iter().filter_map(|u| u.as_string()).collect();
    assert_eq!(urls.len(), 3, "each page once: {urls:?}");
}

#[wasm_bindgen_test]
async fn results_pass_unknown_fields_through_and_a_wrong_typed_field_is_a_decode_error_naming_it() {
    // Fields the API adds later reach the caller as sent, nested ones too.
    let body = r#"{"code":"0","message":"success","result":{"workspaceName":"my-workspace","monthlyAnalysisCount":4,"region":"KR","quota":{"used":1,"limits":[10,"unlimited",null]},"beta":true}}"#;
    let mi = client_fetching(stub_fetch(200, body, &Array::new()));
    let details = settle(mi.get_workspace("my-workspace".into(), None)).await.map_err(|e| text(&e, "message")).expect("details");
    assert_eq!(js_sys::JSON::stringify(&details).ok().and_then(|s| s.as_string()).as_deref(), Some(r#"{"workspaceName":"my-workspace","monthlyAnalysisCount":4,"region":"KR","quota":{"used":1,"limits":[10,"unlimited",null]},"beta":true}"#));
    let seen = Array::new();
    let mi = client_fetching(paged_fetch(3, &seen, r#"{"labels":["a"],"tier":2}"#, 0));
    let page = settle(mi.list_workspaces(Some(options(&[("pageSize", 2.into())])), None)).await.map_err(|e| text(&e, "message")).expect("page");
    let item = Array::from(&get(&page, "content")).get(1);
    assert_eq!((text(&item, "workspaceName").as_deref(), get(&item, "tier").as_f64()), (Some("ws-2"), Some(2.0)));
    assert_eq!(Array::from(&get(&item, "labels")).get(0).as_string().as_deref(), Some("a"));

    // A documented field of the wrong type: the error names it (and not its value).
    for (body, field) in [
        (r#"{"code":"0","message":"success","result":{"workspaceName":"my-workspace","monthlyAnalysisCount":"seven-secret-value"}}"#, "monthlyAnalysisCount"),
        (r#"{"code":"0","message":"success","result":{"workspaceName":42}}"#, "workspaceName"),
        (r#"{"code":"0","message":"success","result":{"workspaceName":"my-workspace","bucketName":["b"]}}"#, "bucketName"),
    ] {
        let mi = client_fetching(stub_fetch(200, body, &Array::new()));
        let e = settle(mi.get_workspace("my-workspace".into(), None)).await.expect_err(field);
        assert_error(&e, "DecodeError", "DECODE_ERROR");
        assert_eq!(get(&e, "status").as_f64(), Some(200.0));
        let message = text(&e, "message").unwrap_or_default();
        assert!(message.contains(field) && !message.contains("seven-secret-value"), "{message}");
    }
    let body = r#"{"code":"0","message":"success","result":{"totalCount":2,"totalPage":1,"pageNo":1,"pageSize":2,"content":[{"workspaceName":"a-1"},{"workspaceName":7}]}}"#;
    let mi = client_fetching(stub_fetch(200, body, &Array::new()));
    let e = settle(mi.list_workspaces(None, None)).await.expect_err("item 1");
    assert_error(&e, "DecodeError", "DECODE_ERROR");
    assert!(text(&e, "message").is_some_and(|m| m.contains("content[1].workspaceName")), "{:?}", text(&e, "message"));
    let body = r#"{"code":"0","message":"success","result":{"totalCount":2,"totalPage":1,"pageNo":1,"pageSize":2,"content":"none"}}"#;
    let mi = client_fetching(stub_fetch(200, body, &Array::new()));
    let e = settle(mi.list_workspaces(None, None)).await.expect_err("content");
    assert!(text(&e, "message").is_some_and(|m| m.contains("content")), "{:?}", text(&e, "message"));
}

#[wasm_bindgen_test]
async fn each_documented_type_of_a_result_is_checked_in_wasm_and_a_conforming_result_passes_as_sent() {
    // The walk asks a member's documented type first (a string, a whole number, a plain object, an
    // array) and falls back to the full kind only on a "no": both answers are checked here.
    let asset = |result: &str| format!(r#"{{"code":"0","message":"success","result":{result}}}"#);
    let ids = || options(&[("workspaceName", "ws-1".into()), ("projectId", 7.into()), ("assetId", 12.into())]);
    let good = r#"{"assetId":12,"projectId":7,"key":null,"metaData":{"durationMs":9000,"size":1,"resolution":"1920x1080","extra":[1]},"added":{"x":1}}"#;
    let mi = client_fetching(stub_fetch(200, &asset(good), &Array::new()));
    let got = settle(mi.get_asset(ids(), None)).await.map_err(|e| text(&e, "message")).expect("a conforming asset");
    assert_eq!(js_sys::JSON::stringify(&got).ok().and_then(|s| s.as_string()).as_deref(), Some(good));
    for (result, path, problem) in [
        (r#"{"assetId":12,"metaData":[1]}"#, "metaData", "must be an object, not an array"),
        (r#"{"assetId":1.5}"#, "assetId", "must be a whole number, not a number"),
        (r#"{"assetId":"12"}"#, "assetId", "must be a whole number, not a string"),
        (r#"{"assetId":12,"metaData":{"durationMs":"9"}}"#, "metaData.durationMs", "must be a whole number, not a string"),
        (r#"{"assetId":12,"fileName":{}}"#, "fileName", "must be a string, not an object"),
        (r#"{"fileName":"a.mp4"}"#, "assetId", "is missing"),
        (r#"[{"assetId":12}]"#, "result", "must be an object, not an array"),
    ] {
        let mi = client_fetching(stub_fetch(200, &asset(result), &Array::new()));
        let e = settle(mi.get_asset(ids(), None)).await.expect_err(result);
        assert_error(&e, "DecodeError", "DECODE_ERROR");
        let message = text(&e, "message").unwrap_or_default();
        assert!(message.contains(&format!("{path}: {problem}")), "{result}: {message}");
    }
    let page = |content: &str| asset(&format!(r#"{{"totalCount":1,"totalPage":1,"pageNo":1,"pageSize":1,"content":{content}}}"#));
    let list = || options(&[("workspaceName", "ws-1".into()), ("projectId", "7".into())]);
    for (content, path, problem) in [
        (r#"[{"assetId":1},[2]]"#, "content[1]", "must be an object, not an array"),
        (r#"[{"assetId":1},null]"#, "content[1]", "must be an object, not null"),
        (r#"{"0":{"assetId":1}}"#, "content", "must be an array, not an object"),
    ] {
        let mi = client_fetching(stub_fetch(200, &page(content), &Array::new()));
        let e = settle(mi.list_assets(list(), None)).await.expect_err(content);
        let message = text(&e, "message").unwrap_or_default();
        assert!(message.contains(&format!("{path}: {problem}")), "{content}: {message}");
    }
    let mi = client_fetching(stub_fetch(200, &page(r#"[{"assetId":1,"metaData":{}},{"assetId":2,"later":true}]"#), &Array::new()));
    let got = settle(mi.list_assets(list(), None)).await.map_err(|e| text(&e, "message")).expect("a conforming page");
    assert_eq!(Array::from(&get(&got, "content")).length(), 2);
}

#[wasm_bindgen_test]
async fn a_wrong_secret_is_rejected_by_the_emulator_and_never_echoed() {
    let mi = client_with(emulator(), "wrong-secret");
    let e = settle(mi.get_workspace("any-name".into(), None)).await.expect_err("401");
    assert_error(&e, "ApiError", "AUTHENTICATION_FAILED");
    assert_eq!((get(&e, "status").as_f64(), text(&e, "apiCode")), (Some(401.0), Some("200".into())));
    assert_eq!(text(&e, "apiMessage").as_deref(), Some("Authentication Failed"));
}

#[wasm_bindgen_test]
async fn a_dead_port_is_a_network_error_with_the_original_cause() {
    let dead = option_env!("MI_DEAD_URL").unwrap_or("http://build-without-MI_DEAD_URL.invalid");
    let e = settle(client_with(dead, SECRET).get_workspace("abc".into(), None)).await.expect_err("dead port");
    assert_error(&e, "NetworkError", "NETWORK_ERROR");
    assert!(!get(&e, "cause").is_undefined(), "the fetch error is kept as cause");
    assert_eq!(get(&e, "attempts").as_f64(), Some(3.0), "a network error is retried (default 3 attempts)");
}

#[wasm_bindgen_test]
async fn invalid_names_are_rejected_before_any_request_is_sent() {
    let before = settle(request_count(emulator())).await.expect("count").as_f64();
    let mi = client_with(emulator(), SECRET);
    for bad in ["Upper", "a_b", "ab", "spaced name"] {
        let e = settle(mi.get_workspace(bad.into(), None)).await.expect_err(bad);
        assert_error(&e, "ValidationError", "INVALID_INPUT");
        assert_eq!(text(&e, "field").as_deref(), Some("workspaceName"));
        let e = settle(mi.create_workspace(options(&[("workspaceName", bad.into())]), None)).await.expect_err(bad);
        assert_eq!(text(&e, "field").as_deref(), Some("workspaceName"));
    }
    for (input, field) in [
        (JsValue::from(42), "options"),
        (JsValue::NULL, "options"),
        (Array::new().into(), "options"),
        (options(&[("workspaceName", 7.into())]), "workspaceName"),
        (options(&[("workspaceName", "fine-name".into()), ("bucketName", "".into())]), "bucketName"),
        (options(&[("workspaceName", "fine-name".into()), ("bucket", "x".into())]), "options"),
    ] {
        let e = settle(mi.create_workspace(input, None)).await.expect_err(field);
        assert_error(&e, "ValidationError", "INVALID_INPUT");
        assert_eq!(text(&e, "field").as_deref(), Some(field));
        assert_eq!(get(&e, "attempts").as_f64(), Some(0.0));
    }
    let after = settle(request_count(emulator())).await.expect("count").as_f64();
    assert_eq!(before, after, "no request reached the emulator");
}

/// `getWorkspace()` and `deleteWorkspace()` without their one required input: the error names it, as
/// it does for `{}` (the `.d.ts` calls the argument `workspaceName`).
#[wasm_bindgen_test]
async fn a_missing_workspace_name_is_named_in_the_error() {
    let seen = Array::new();
    let mi = client_fetching(stub_fetch(200, "{}", &seen));
    for input in [Object::new().into(), JsValue::UNDEFINED] {
        for delete in [false, true] {
            // One promise at a time: a rejection left unawaited would end the Node run.
            let promise = if delete { mi.delete_workspace(input.clone(), None) } else { mi.get_workspace(input.clone(), None) };
            let e = settle(promise).await.expect_err("no name");
            assert_error(&e, "ValidationError", "INVALID_INPUT");
            assert_eq!(text(&e, "field").as_deref(), Some("workspaceName"), "{:?}: {:?}", input.as_string(), text(&e, "message"));
        }
    }
    assert_eq!(seen.length(), 0);
}

/// Options are copied once before anything is checked or sent: a getter runs once, so the name that
/// passed the rules is the name in the URL; hostile objects become `ValidationError`s, never a throw.
#[wasm_bindgen_test]
async fn each_option_is_read_once_and_hostile_objects_are_refused_without_throwing() {
    let ok = r#"{"code":"0","message":"success","result":{"workspaceName":"first-name"}}"#;
    let seen = Array::new();
    let mi = client_fetching(stub_fetch(200, ok, &seen));
    let flip = flipping("first-name", "../../admin");
    settle(mi.get_workspace(get(&flip, "options"), None)).await.map_err(|e| text(&e, "message")).expect("details");
    assert_eq!(get(&flip, "reads").as_f64(), Some(1.0), "the getter ran once");
    assert_eq!(text(&seen.get(0), "url").as_deref(), Some("https://mi.apigw.ntruss.com/api/v1/workspaces/first-name"));

    let sent = seen.length();
    let getter = with_throwing_getter(&options(&[("workspaceName", "x".into())]), "workspaceName");
    for (input, field, says) in [
        (getter, "workspaceName", "could not be read"),
        (trapped_proxy(), "options", "readable"),
        (revoked_proxy(), "options", "plain object"),
        (js_sys::Date::new_0().into(), "options", "plain object"),
        (options(&[("workspaceName", lone_surrogate())]), "workspaceName", "lone surrogate"),
        (with_inherited_option(&Object::new().into(), "workspaceName"), "options", "plain object"),
    ] {
        let e = settle(mi.get_workspace(input, None)).await.expect_err(field);
        assert_error(&e, "ValidationError", "INVALID_INPUT");
        assert_eq!(text(&e, "field").as_deref(), Some(field));
        assert!(text(&e, "message").is_some_and(|m| m.contains(says)), "{:?}", text(&e, "message"));
    }
    assert_eq!(seen.length(), sent, "nothing sent");
    // The constructor reads its options the same way.
    let keys = options(&[("accessKey", "ak".into()), ("secretKey", SECRET.into()), BROWSER_OK]);
    let e = MediaIntelligence::new(with_throwing_getter(&keys, "secretKey")).err().expect("getter");
    assert_error(&e, "ValidationError", "INVALID_INPUT");
    assert_eq!(text(&e, "field").as_deref(), Some("secretKey"));
    for hostile in [trapped_proxy(), revoked_proxy()] {
        let e = MediaIntelligence::new(hostile).err().expect("hostile");
        assert_eq!(text(&e, "field").as_deref(), Some("options"));
    }
}

#[wasm_bindgen_test]
fn constructor_checks_every_option_and_names_the_field() {
    let ok = || vec![("accessKey", JsValue::from("ak")), ("secretKey", JsValue::from("sk")), BROWSER_OK];
    let with = |key: &'static str, value: JsValue| {
        let mut pairs: Vec<(&str, JsValue)> = ok().into_iter().filter(|(k, _)| *k != key).collect();
        if !value.is_undefined() {
            pairs.push((key, value));
        }
        options(&pairs)
    };
    for (input, field) in [
        (JsValue::UNDEFINED, "options"),
        (JsValue::from("ak:sk"), "options"),
        (with("accessKey", JsValue::UNDEFINED), "accessKey"),
        (with("secretKey", JsValue::UNDEFINED), "secretKey"),
        (with("secretKey", "".into()), "secretKey"),
        (with("accessKey", 12.into()), "accessKey"),
        (with("accessKey", "has space".into()), "accessKey"),
        (with("endpoint", "mi.apigw.ntruss.com".into()), "endpoint"),
        (with("endpoint", "https://user:pw@mi.apigw.ntruss.com".into()), "endpoint"),
        (with("timeoutMs", 0.into()), "timeoutMs"),
        (with("timeoutMs", 1.5.into()), "timeoutMs"),
        (with("fetch", "fetch".into()), "fetch"),
        (with("maxResponseBytes", 1023.into()), "maxResponseBytes"),
        (with("maxResponseBytes", (1_073_741_824.0 + 1.0).into()), "maxResponseBytes"),
        (with("maxResponseBytes", 4096.5.into()), "maxResponseBytes"),
        (with("secretkey", "typo".into()), "options"),
    ] {
        let e = MediaIntelligence::new(input).err().expect(field);
        assert_error(&e, "ValidationError", "INVALID_INPUT");
        assert_eq!(text(&e, "field").as_deref(), Some(field));
    }
    assert!(MediaIntelligence::new(with("endpoint", "https://mi.apigw.ntruss.com/".into())).is_ok());
    assert!(MediaIntelligence::new(with("maxResponseBytes", 1024.into())).is_ok());
}

#[wasm_bindgen_test]
fn sign_request_matches_the_independent_vectors() {
    let vectors = obj(include_str!("vectors/signature.json"));
    let cases: Array = get(&vectors, "ncp").unchecked_into();
    assert!(cases.length() >= 8);
    for case in cases.iter() {
        let input = options(&[
            ("method", get(&case, "method")),
            ("uri", get(&case, "uri")),
            ("accessKey", get(&case, "accessKey")),
            ("secretKey", get(&case, "secretKey")),
            ("timestamp", get(&case, "timestamp")),
        ]);
        let headers = sign_request(input).map_err(|e| text(&e, "message")).expect("signs");
        assert_eq!(text(&headers, "x-ncp-apigw-signature-v2"), text(&case, "signature"), "{:?}", text(&case, "name"));
        let keys_only = options(&[("accessKey", get(&case, "accessKey")), ("secretKey", get(&case, "secretKey"))]);
        let signer = NcpSigner::new(keys_only).map_err(|e| text(&e, "message")).expect("signer");
        let keyed = signer.sign(get(&case, "method"), get(&case, "uri"), Some(get(&case, "timestamp"))).map_err(|e| text(&e, "message")).expect("signs");
        assert_eq!(text(&keyed, "x-ncp-apigw-signature-v2"), text(&case, "signature"), "keyed signer, {:?}", text(&case, "name"));
        assert_eq!(text(&headers, "x-ncp-apigw-timestamp"), text(&case, "timestamp"));
        assert_eq!(text(&headers, "x-ncp-iam-access-key"), text(&case, "accessKey"));
        // Exactly the three documented headers, as string values, ready for `fetch(url, { headers })`.
        for object in [&headers, &keyed] {
            assert_eq!(keys(object), SIGNATURE_HEADERS);
            assert!(SIGNATURE_HEADERS.iter().all(|h| get(object, h).is_string()));
        }
    }
}

/// What `signRequest` and `NcpSigner` return is what the gateway checks: the emulator (which recomputes
/// signatures with node:crypto) accepts them over a real `fetch`, and refuses them for another URI.
#[wasm_bindgen_test]
async fn signed_headers_are_accepted_by_the_emulator_over_real_fetch() {
    let uri = "/api/v1/workspaces?pageNum=1&pageSize=1";
    let signed = sign_request(options(&[("method", "get".into()), ("uri", uri.into()), ("accessKey", "test-access-key".into()), ("secretKey", SECRET.into())])).expect("signs");
    let status = |path: &str, headers: &JsValue| fetch_status(&format!("{}{path}", emulator()), headers);
    assert_eq!(settle(status(uri, &signed)).await.expect("fetch").as_f64(), Some(200.0), "signRequest's headers pass");
    let signer = NcpSigner::new(options(&[("accessKey", "test-access-key".into()), ("secretKey", SECRET.into())])).expect("signer");
    let keyed = signer.sign("GET".into(), uri.into(), None).expect("signs");
    assert_eq!(settle(status(uri, &keyed)).await.expect("fetch").as_f64(), Some(200.0), "NcpSigner's headers pass");
    let other = "/api/v1/workspaces?pageNum=2&pageSize=1";
    assert_eq!(settle(status(other, &keyed)).await.expect("fetch").as_f64(), Some(401.0), "the query is signed too");
    let wrong = sign_request(options(&[("method", "GET".into()), ("uri", uri.into()), ("accessKey", "test-access-key".into()), ("secretKey", "wrong-secret".into())])).expect("signs");
    assert_eq!(settle(status(uri, &wrong)).await.expect("fetch").as_f64(), Some(401.0));
}

#[wasm_bindgen_test]
fn the_keyed_signer_checks_its_input() {
    let signer = NcpSigner::new(options(&[("accessKey", "ak".into()), ("secretKey", "sk".into())])).map_err(|e| text(&e, "message")).expect("signer");
    let now = signer.sign("get".into(), "/x".into(), None).map_err(|e| text(&e, "message")).expect("defaults to now");
    assert!(text(&now, "x-ncp-apigw-timestamp").is_some_and(|t| t.len() == 13));
    let text_stamp = signer.sign("GET".into(), "/x".into(), Some("0005".into())).expect("decimal text");
    assert_eq!(text(&text_stamp, "x-ncp-apigw-timestamp").as_deref(), Some("5"), "written without leading zeros");
    for (method, uri, stamp, field) in [
        (JsValue::from(1), JsValue::from("/x"), None, "method"),
        ("GET".into(), "x".into(), None, "uri"),
        ("GET".into(), JsValue::NULL, None, "uri"),
        ("GET".into(), lone_surrogate(), None, "uri"),
        ("GET".into(), "/x".into(), Some(JsValue::from(1.5)), "timestamp"),
        ("GET".into(), "/x".into(), Some(Object::new().into()), "timestamp"),
    ] {
        let e = signer.sign(method, uri, stamp).err().expect(field);
        assert_error(&e, "ValidationError", "INVALID_INPUT");
        assert_eq!(text(&e, "field").as_deref(), Some(field));
    }
    let e = NcpSigner::new(options(&[("accessKey", "ak".into())])).err().expect("no secret");
    assert_eq!(text(&e, "field").as_deref(), Some("secretKey"));
    let e = NcpSigner::new(options(&[("accessKey", "ak".into()), ("secretKey", "sk".into()), ("endpoint", "x".into())])).err().expect("unknown");
    assert_eq!(text(&e, "field").as_deref(), Some("options"));
}

#[wasm_bindgen_test]
fn sign_request_defaults_the_timestamp_and_rejects_bad_input() {
    let base = |extra: Vec<(&'static str, JsValue)>| {
        let mut pairs = vec![("method", JsValue::from("get")), ("uri", "/x".into()), ("accessKey", "ak".into()), ("secretKey", "sk".into())];
        pairs.extend(extra);
        options(&pairs)
    };
    let now = js_sys::Date::now();
    let headers = sign_request(base(vec![])).map_err(|e| text(&e, "message")).expect("signs");
    let stamp: f64 = text(&headers, "x-ncp-apigw-timestamp").and_then(|t| t.parse().ok()).expect("numeric");
    assert!((stamp - now).abs() < 60_000.0, "defaults to now");
    let lower = sign_request(base(vec![("timestamp", 5.into())])).expect("lower");
    let upper = sign_request(options(&[("method", "GET".into()), ("uri", "/x".into()), ("accessKey", "ak".into()), ("secretKey", "sk".into()), ("timestamp", "5".into())])).expect("upper");
    assert_eq!(text(&lower, "x-ncp-apigw-signature-v2"), text(&upper, "x-ncp-apigw-signature-v2"), "method is upper-cased; numeric and text timestamps agree");
    for (input, field) in [
        (base(vec![("timestamp", (-1).into())]), "timestamp"),
        (base(vec![("timestamp", "12a".into())]), "timestamp"),
        (options(&[("method", "G T".into()), ("uri", "/x".into()), ("accessKey", "ak".into()), ("secretKey", "sk".into())]), "method"),
        (options(&[("method", "GET".into()), ("uri", "https://h/x".into()), ("accessKey", "ak".into()), ("secretKey", "sk".into())]), "uri"),
        (options(&[("method", "GET".into()), ("uri", "/x".into()), ("accessKey", "ak".into())]), "secretKey"),
    ] {
        let e = sign_request(input).err().expect(field);
        assert_error(&e, "ValidationError", "INVALID_INPUT");
        assert_eq!(text(&e, "field").as_deref(), Some(field));
    }
}

/// `signRequest`'s options: a null-prototype object signs like an ordinary one; any other prototype,
/// a throwing getter, an unknown key or a hostile proxy is a `ValidationError` naming the field.
#[wasm_bindgen_test]
fn sign_request_accepts_only_plain_options_objects_and_names_what_is_wrong() {
    let valid = || options(&[("method", "GET".into()), ("uri", "/x".into()), ("accessKey", "ak".into()), ("secretKey", "sk".into()), ("timestamp", 5.into())]);
    let signature = |o: JsValue| sign_request(o).map_err(|e| text(&e, "message")).map(|h| text(&h, "x-ncp-apigw-signature-v2"));
    let expected = signature(valid()).expect("signs");
    assert_eq!(signature(with_null_prototype(&valid())).expect("null prototype signs"), expected);
    // An object with another prototype (here one that carries an option) is not a plain object.
    let inherited = options(&[("method", "GET".into()), ("uri", "/x".into()), ("accessKey", "ak".into()), ("secretKey", "sk".into())]);
    let e = sign_request(with_inherited_option(&inherited, "timestamp")).err().expect("not a plain object");
    assert_eq!(text(&e, "field").as_deref(), Some("options"));
    for name in ["method", "uri", "accessKey", "secretKey", "timestamp"] {
        let e = sign_request(with_throwing_getter(&valid(), name)).err().expect(name);
        assert_error(&e, "ValidationError", "INVALID_INPUT");
        assert_eq!(text(&e, "field").as_deref(), Some(name));
        assert!(text(&e, "message").is_some_and(|m| m.contains("could not be read")), "{name}");
    }
    let extra = valid();
    Reflect::set(&extra, &"methd".into(), &"GET".into()).expect("set");
    let e = sign_request(extra).err().expect("unknown key");
    assert_eq!(text(&e, "field").as_deref(), Some("options"));
    assert!(text(&e, "message").is_some_and(|m| m.contains("unknown option `methd`")));
    for hostile in [trapped_proxy(), revoked_proxy()] {
        let e = sign_request(hostile).err().expect("hostile");
        assert_error(&e, "ValidationError", "INVALID_INPUT");
        assert_eq!(text(&e, "field").as_deref(), Some("options"));
    }
}

#[wasm_bindgen_test]
async fn every_response_fixture_gives_its_documented_outcome_through_a_custom_fetch() {
    let manifest = obj(include_str!("fixtures/cases.json"));
    let cases: Array = get(&manifest, "cases").unchecked_into();
    for case in cases.iter() {
        let file = text(&case, "file").expect("file");
        let body = fixture(&file);
        let seen = Array::new();
        let status = get(&case, "status").as_f64().expect("status") as u16;
        let o = options(&[("accessKey", "ak".into()), ("secretKey", SECRET.into()), ("fetch", stub_fetch(status, body, &seen)), BROWSER_OK]);
        let mi = MediaIntelligence::new(o).map_err(|e| text(&e, "message")).expect("client");
        let promise = if text(&case, "op").as_deref() == Some("create") {
            mi.create_workspace(options(&[("workspaceName", "my-workspace".into())]), None)
        } else {
            mi.get_workspace("my-workspace".into(), None)
        };
        let expect = get(&case, "expect");
        match settle(promise).await {
            Ok(value) => {
                assert_eq!(get(&expect, "ok").as_bool(), Some(true), "{file} should fail");
                assert!(text(&value, "workspaceName").is_some(), "{file}");
            }
            Err(e) => {
                assert_error(&e, &text(&expect, "name").unwrap_or_default(), &text(&expect, "code").unwrap_or_default());
                assert_eq!(get(&e, "status").as_f64(), Some(f64::from(status)), "{file} keeps the status");
                if let Some(api_code) = text(&expect, "apiCode") {
                    assert_eq!(text(&e, "apiCode").as_deref(), Some(api_code.as_str()), "{file}");
                }
            }
        }
        let call = seen.get(0);
        assert!(text(&call, "url").is_some_and(|u| u.starts_with("https://mi.apigw.ntruss.com/api/v1/workspaces")), "default endpoint");
        let init = get(&call, "init");
        assert_eq!(header_of(&init, "x-ncp-iam-access-key").as_deref(), Some("ak"));
        assert_eq!(header_of(&init, "content-type").as_deref(), Some("application/json"));
        assert!(header_of(&init, "x-ncp-apigw-signature-v2").is_some_and(|s| s.len() == 44));
    }
}

fn fixture(file: &str) -> &'static str {
    match file {
        "create-workspace.ok.json" => include_str!("fixtures/create-workspace.ok.json"),
        "get-workspace.ok.json" => include_str!("fixtures/get-workspace.ok.json"),
        "get-workspace.minimal.json" => include_str!("fixtures/get-workspace.minimal.json"),
        "get-workspace.bad-count.json" => include_str!("fixtures/get-workspace.bad-count.json"),
        "get-workspace.no-result.json" => include_str!("fixtures/get-workspace.no-result.json"),
        "error.service-not-found.json" => include_str!("fixtures/error.service-not-found.json"),
        "error.service-in-200.json" => include_str!("fixtures/error.service-in-200.json"),
        "error.gateway-auth.json" => include_str!("fixtures/error.gateway-auth.json"),
        "error.gateway-permission.json" => include_str!("fixtures/error.gateway-permission.json"),
        "error.gateway-quota.json" => include_str!("fixtures/error.gateway-quota.json"),
        "error.gateway-throttle.json" => include_str!("fixtures/error.gateway-throttle.json"),
        "error.proxy-html.txt" => include_str!("fixtures/error.proxy-html.txt"),
        "truncated.json" => include_str!("fixtures/truncated.json"),
        "empty.txt" => include_str!("fixtures/empty.txt"),
        "no-envelope.json" => include_str!("fixtures/no-envelope.json"),
        other => panic!("fixture {other} is listed in cases.json but not embedded in this test"),
    }
}

#[wasm_bindgen_test]
async fn a_request_past_timeout_ms_rejects_with_timeout_error() {
    let o = options(&[("accessKey", "ak".into()), ("secretKey", SECRET.into()), ("timeoutMs", 30.into()), ("retries", options(&[("maxAttempts", 1.into())])), ("fetch", hanging_fetch()), BROWSER_OK]);
    let mi = MediaIntelligence::new(o).map_err(|e| text(&e, "message")).expect("client");
    let e = settle(mi.get_workspace("slow-one".into(), None)).await.expect_err("timeout");
    assert_error(&e, "TimeoutError", "TIMEOUT");
    assert!(text(&e, "message").is_some_and(|m| m.contains("30 ms")));
    assert_eq!(get(&e, "attempts").as_f64(), Some(1.0));
}
