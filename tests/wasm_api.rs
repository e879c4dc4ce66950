//! Every operation of the media pipeline (issue 12: projects, assets, the analysis and its index, scene
//! summaries) and of search and people (issue 13: asset search, search-image and person-thumbnail
//! uploads, persons, person tags), with their iterators, waiters and upload helpers, over real `fetch`
//! against the local emulator. The same tests run in Node, in headless Chromium as a page and in a
//! dedicated worker (scripts/test.sh sets the runner's environment); in the browser the emulator is
//! another origin, so every call (the presigned `PUT` included) goes through CORS.
//!
//! `MI_EMULATOR_URL` is read at build time. The tests keep to a few seconds each at the emulator's
//! default tick (250 ms): waiters poll every 20 to 100 ms. Workspaces they create are named `wba-...`
//! and deleted again (each test first deletes what an earlier, failed one left): the Node, page and
//! worker runs share one emulator, and its accounts hold at most 10 workspaces.
#![cfg(target_arch = "wasm32")]

use std::collections::BTreeSet;

use js_sys::{Array, Object, Promise, Reflect, Uint8Array};
use ncloud_media_intelligence::MediaIntelligence;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen(inline_js = r#"
export function obj(json) { return JSON.parse(json); }
export function show(value) { try { return JSON.stringify(value) ?? String(value); } catch { return String(value); } }
export function uniqueName(prefix) { return prefix + "-" + Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 8); }
export async function collect(it) { const out = []; for await (const item of it) out.push(item); return out; }
// An onProgress callback pushing each status it is given.
export function recorder(into) { return (status) => { into.push(status); }; }
// A baseline JPEG of width x height (SOI, JFIF APP0, SOF0, EOI), then the text of `variant` (so two
// variants are two different faces to the emulator), zero-padded to `size` bytes when that is larger.
export function jpeg(width, height, variant, size) {
  const head = [0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const sof = [0xff, 0xc0, 0, 11, 8, height >> 8, height & 255, width >> 8, width & 255, 1, 1, 0x11, 0];
  const bytes = [...head, ...sof, 0xff, 0xd9, ...new TextEncoder().encode(String(variant))];
  const out = new Uint8Array(Math.max(size ?? 0, bytes.length));
  out.set(bytes);
  return out;
}
export function blobOf(bytes, type) { return new Blob([bytes], { type }); }
// A PUT of `bytes` to a presigned URL, as a browser would send it: resolves the HTTP status.
export async function putBytes(url, bytes, type) {
  const r = await fetch(url, { method: "PUT", body: bytes, headers: { "content-type": type } });
  await r.arrayBuffer();
  return r.status;
}
// The emulator's record of the upload of `key` (GET /__emulator/uploads), or null.
export async function uploadRecord(base, key) {
  const r = await fetch(base + "/__emulator/uploads");
  return (await r.json()).find((u) => u.key === key) ?? null;
}
export function keywordAppearances(index) { return (index.keywords ?? []).reduce((n, k) => n + k.appearances.length, 0); }
// The first scene of an index with a keyword and a person: {sceneNo, keyword, personId}, or null.
export function sceneWithPerson(index) {
  const s = index.scenes.find((s) => s.keywords.length > 0 && s.personIds.length > 0);
  return s ? { sceneNo: s.sceneNo, keyword: s.keywords[0], personId: s.personIds[0] } : null;
}
export function ids(list, field) { return list.map((item) => item[field]); }
"#)]
extern "C" {
    fn obj(json: &str) -> JsValue;
    fn show(value: &JsValue) -> String;
    #[wasm_bindgen(js_name = uniqueName)]
    fn unique_name(prefix: &str) -> String;
    fn collect(it: &JsValue) -> Promise;
    fn recorder(into: &Array) -> JsValue;
    fn jpeg(width: u32, height: u32, variant: &str, size: u32) -> Uint8Array;
    #[wasm_bindgen(js_name = blobOf)]
    fn blob_of(bytes: &Uint8Array, kind: &str) -> JsValue;
    #[wasm_bindgen(js_name = putBytes)]
    fn put_bytes(url: &str, bytes: &Uint8Array, kind: &str) -> Promise;
    #[wasm_bindgen(js_name = uploadRecord)]
    fn upload_record(base: &str, key: &str) -> Promise;
    #[wasm_bindgen(js_name = keywordAppearances)]
    fn keyword_appearances(index: &JsValue) -> u32;
    #[wasm_bindgen(js_name = sceneWithPerson)]
    fn scene_with_person(index: &JsValue) -> JsValue;
    fn ids(list: &JsValue, field: &str) -> Array;
}

const PREFIX: &str = "wba-";
const BUCKET: &str = "mi-demo";
/// Waiter options: quick polls, whatever the emulator's tick.
const FAST: &str = r#""intervalMs":20,"maxIntervalMs":100,"timeoutMs":30000"#;

fn emulator() -> &'static str {
    option_env!("MI_EMULATOR_URL").unwrap_or("http://build-without-MI_EMULATOR_URL.invalid")
}

fn client() -> MediaIntelligence {
    let o = Object::new();
    for (k, v) in [("accessKey", "test-access-key"), ("secretKey", "test-secret-key"), ("endpoint", emulator())] {
        Reflect::set(&o, &k.into(), &v.into()).expect("set");
    }
    // These tests also run in a browser page, where a client with a secret key must be allowed explicitly.
    Reflect::set(&o, &"dangerouslyAllowBrowser".into(), &JsValue::TRUE).expect("set");
    MediaIntelligence::new(o.into()).map_err(|e| describe(&e)).expect("client")
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn text(value: &JsValue, key: &str) -> Option<String> {
    get(value, key).as_string()
}

fn num(value: &JsValue, key: &str) -> f64 {
    get(value, key).as_f64().unwrap_or_else(|| panic!("`{key}` is not a number in {}", show(value)))
}

/// An id member (a positive integer).
fn id(value: &JsValue, key: &str) -> u64 {
    let n = num(value, key);
    assert!(n >= 1.0 && n.fract() == 0.0, "`{key}` is not an id in {}", show(value));
    n as u64
}

fn list(value: &JsValue, key: &str) -> Array {
    let v = get(value, key);
    assert!(Array::is_array(&v), "`{key}` is not an array in {}", show(value));
    v.unchecked_into()
}

fn numbers(value: &JsValue) -> Vec<u64> {
    Array::from(value).iter().map(|v| v.as_f64().unwrap_or(-1.0) as u64).collect()
}

fn strings(value: &JsValue) -> Vec<String> {
    Array::from(value).iter().map(|v| v.as_string().unwrap_or_default()).collect()
}

/// A promise awaited later: its handlers are attached now, so a rejection meanwhile is not unhandled
/// (which ends a Node process).
fn later(promise: Promise) -> JsFuture {
    JsFuture::from(promise)
}

/// `{"workspaceName": ws, <members>}`, `members` being JSON members without braces (or empty).
fn opts(ws: &str, members: &str) -> JsValue {
    if members.is_empty() {
        obj(&format!(r#"{{"workspaceName":"{ws}"}}"#))
    } else {
        obj(&format!(r#"{{"workspaceName":"{ws}",{members}}}"#))
    }
}

fn fast() -> JsValue {
    obj(&format!("{{{FAST}}}"))
}

/// Waiter options that also record every status reported to `onProgress` into `seen`.
fn fast_recording(seen: &Array) -> JsValue {
    let o = fast();
    Reflect::set(&o, &"onProgress".into(), &recorder(seen)).expect("set");
    o
}

/// `field` of every status `onProgress` reported; each differs from the one before (it is called on
/// changes only).
fn reported(seen: &Array, field: &str) -> Vec<String> {
    let all: Vec<String> = seen.iter().map(|s| show(&s)).collect();
    assert!(all.windows(2).all(|w| w[0] != w[1]), "onProgress on changes only: {all:?}");
    strings(&ids(seen, field))
}

fn describe(e: &JsValue) -> String {
    format!(
        "{} {} status={:?} apiCode={:?} field={:?}: {}",
        text(e, "name").unwrap_or_default(),
        text(e, "code").unwrap_or_default(),
        get(e, "status").as_f64(),
        text(e, "apiCode"),
        text(e, "field"),
        text(e, "message").unwrap_or_else(|| show(e))
    )
}

/// What `promise` resolves; a rejection fails the test, saying which call and why.
async fn ok(promise: impl Into<JsFuture>, what: &str) -> JsValue {
    promise.into().await.unwrap_or_else(|e| panic!("{what}: {}", describe(&e)))
}

/// What `promise` rejects with; a resolution fails the test.
async fn fails(promise: impl Into<JsFuture>, what: &str) -> JsValue {
    match promise.into().await {
        Ok(v) => panic!("{what}: resolved {}", show(&v)),
        Err(e) => e,
    }
}

/// `error` is a real `Error` of `name` and `code`.
fn assert_error(error: &JsValue, name: &str, code: &str) {
    assert!(error.is_instance_of::<js_sys::Error>(), "a real Error: {}", show(error));
    assert_eq!((text(error, "name").as_deref(), text(error, "code").as_deref()), (Some(name), Some(code)), "{}", describe(error));
    assert!(!text(error, "message").unwrap_or_default().contains("test-secret-key"), "{}", describe(error));
}

/// `error` is an `ApiError` of `code`, with the HTTP `status` and the API's `apiCode`.
fn assert_api(error: &JsValue, code: &str, status: f64, api_code: &str) {
    assert_error(error, "ApiError", code);
    assert_eq!((get(error, "status").as_f64(), text(error, "apiCode").as_deref()), (Some(status), Some(api_code)), "{}", describe(error));
}

/// `error` is a `ValidationError` naming `field`.
fn assert_invalid(error: &JsValue, field: &str) {
    assert_error(error, "ValidationError", "INVALID_INPUT");
    assert_eq!(text(error, "field").as_deref(), Some(field), "{}", describe(error));
}

/// A job failure of a waiter or an upload: an `ApiError` of `code` whose `apiCode` is the end state.
fn assert_job(error: &JsValue, code: &str, state: &str) {
    assert_error(error, "ApiError", code);
    assert_eq!(text(error, "apiCode").as_deref(), Some(state), "{}", describe(error));
}

/// A new workspace `wba-<what>-...`, after deleting what an earlier, failed test left behind.
async fn fresh_workspace(mi: &MediaIntelligence, what: &str) -> String {
    let page = ok(mi.list_workspaces(Some(obj(r#"{"pageNum":1,"pageSize":1000}"#)), None), "listWorkspaces").await;
    for name in list(&page, "content").iter().filter_map(|w| text(&w, "workspaceName")).filter(|n| n.starts_with(PREFIX)) {
        // A leftover may still be analysing (409): it is then left for a later sweep.
        let _ = JsFuture::from(mi.delete_workspace(name.into(), None)).await;
    }
    let name = unique_name(&format!("{PREFIX}{what}"));
    ok(mi.create_workspace(opts(&name, ""), None), "createWorkspace").await;
    name
}

async fn delete_workspace(mi: &MediaIntelligence, ws: &str) {
    ok(mi.delete_workspace(ws.into(), None), "deleteWorkspace").await;
}

async fn base_project(mi: &MediaIntelligence, ws: &str) -> u64 {
    let projects = list(&ok(mi.list_projects(opts(ws, ""), None), "listProjects").await, "projects");
    id(&projects.get(0), "projectId")
}

async fn import(mi: &MediaIntelligence, ws: &str, project: u64, key: &str) -> u64 {
    let asset = ok(mi.import_asset(opts(ws, &format!(r#""projectId":{project},"bucketName":"{BUCKET}","key":"{key}""#)), None), key).await;
    id(&asset, "assetId")
}

fn asset(ws: &str, project: u64, asset: u64) -> JsValue {
    opts(ws, &format!(r#""projectId":{project},"assetId":{asset}"#))
}

fn asset_with(ws: &str, project: u64, asset: u64, members: &str) -> JsValue {
    opts(ws, &format!(r#""projectId":{project},"assetId":{asset},{members}"#))
}

// ------------------------------------------------------------------------------------ media pipeline

/// Operations 5-15: projects, asset import and its waiter, the asset list and `assets()`, details,
/// move and delete.
#[wasm_bindgen_test]
async fn projects_and_assets_work_against_the_emulator() {
    let mi = client();
    let ws = fresh_workspace(&mi, "pa").await;

    // listProjects (#5): the base project alone, `totalCount` lifted into the result.
    let listed = ok(mi.list_projects(opts(&ws, ""), None), "listProjects").await;
    let projects = list(&listed, "projects");
    assert_eq!((projects.length(), num(&listed, "totalCount")), (1, 1.0), "{}", show(&listed));
    let base = projects.get(0);
    assert_eq!((text(&base, "name").as_deref(), get(&base, "isBaseProject").as_bool()), (Some("base"), Some(true)));
    let base_id = id(&base, "projectId");

    // createProject (#6), its name rules and uniqueness.
    let created = ok(mi.create_project(opts(&ws, r#""name":"trailers""#), None), "createProject").await;
    let p = id(&created, "projectId");
    assert_ne!(p, base_id);
    assert_eq!((text(&created, "name").as_deref(), get(&created, "isBaseProject").as_bool()), (Some("trailers"), Some(false)));
    assert!(text(&created, "createdTime").is_some_and(|t| t.len() == 19), "{}", show(&created));
    let e = fails(mi.create_project(opts(&ws, r#""name":"trailers""#), None), "a taken name").await;
    assert_api(&e, "CONFLICT", 409.0, "409");
    let e = fails(mi.create_project(opts(&ws, r#""name":"a;b""#), None), "a `;` in the name").await;
    assert_invalid(&e, "name");

    // getProject (#7), with the id as decimal text too; an unknown id is a 404.
    let got = ok(mi.get_project(opts(&ws, &format!(r#""projectId":"{p}""#)), None), "getProject").await;
    assert_eq!((id(&got, "projectId"), text(&got, "name").as_deref()), (p, Some("trailers")));
    let e = fails(mi.get_project(opts(&ws, r#""projectId":999999999"#), None), "an unknown project").await;
    assert_api(&e, "NOT_FOUND", 404.0, "404");
    let e = fails(mi.get_project(opts(&ws, r#""projectId":0"#), None), "project id 0").await;
    assert_invalid(&e, "projectId");

    // updateProject (#8); the base project cannot be renamed (10027).
    let renamed = ok(mi.update_project(opts(&ws, &format!(r#""projectId":{p},"name":"teasers""#)), None), "updateProject").await;
    assert_eq!((id(&renamed, "projectId"), text(&renamed, "name").as_deref()), (p, Some("teasers")));
    let e = fails(mi.update_project(opts(&ws, &format!(r#""projectId":{base_id},"name":"x""#)), None), "renaming the base project").await;
    assert_api(&e, "BAD_REQUEST", 400.0, "10027");
    let q = id(&ok(mi.create_project(opts(&ws, r#""name":"archive""#), None), "createProject").await, "projectId");
    let listed = ok(mi.list_projects(opts(&ws, ""), None), "listProjects").await;
    assert_eq!(numbers(&ids(&get(&listed, "projects"), "projectId")), [base_id, p, q], "in creation order");
    assert_eq!(strings(&ids(&get(&listed, "projects"), "name")), ["base", "teasers", "archive"]);
    assert_eq!(num(&listed, "totalCount"), 3.0);

    // importAsset (#10): one good file, one with bad metadata, one missing; keys checked before sending.
    let a1 = import(&mi, &ws, p, "trailer.mov").await;
    let a2 = import(&mi, &ws, p, "broken.mp4").await;
    let a3 = import(&mi, &ws, p, "nowhere/missing.mp4").await;
    for (key, why) in [("videos/", "a folder"), ("notes.txt", "not a media extension"), ("", "empty")] {
        let e = fails(mi.import_asset(opts(&ws, &format!(r#""projectId":{p},"bucketName":"{BUCKET}","key":"{key}""#)), None), why).await;
        assert_invalid(&e, "key");
    }

    // getAssetImportStatus (#15) and waitForAssetImport: COMPLETED, or a typed IMPORT_FAILED.
    let status = ok(mi.get_asset_import_status(asset(&ws, p, a1), None), "getAssetImportStatus").await;
    assert_eq!(id(&status, "assetId"), a1);
    assert!(matches!(text(&status, "uploadStatus").as_deref(), Some("IN_PROGRESS" | "COMPLETED")), "{}", show(&status));
    let seen = Array::new();
    let (w1, w2, w3) = (
        later(mi.wait_for_asset_import(asset(&ws, p, a1), Some(fast_recording(&seen)))),
        later(mi.wait_for_asset_import(asset(&ws, p, a2), Some(fast()))),
        later(mi.wait_for_asset_import(asset(&ws, p, a3), Some(fast()))),
    );
    let done = ok(w1, "waitForAssetImport").await;
    assert_eq!(text(&done, "uploadStatus").as_deref(), Some("COMPLETED"));
    assert_eq!(reported(&seen, "uploadStatus").last().map(String::as_str), Some("COMPLETED"), "onProgress saw the end: {}", show(&seen));
    let e = fails(w2, "importing broken.mp4").await;
    assert_job(&e, "IMPORT_FAILED", "INVALID_METADATA");
    assert!(text(&get(&e, "jobStatus"), "uploadResult").is_some_and(|r| r.contains("resolution")), "{}", show(&get(&e, "jobStatus")));
    let e = fails(w3, "importing a missing key").await;
    assert_job(&e, "IMPORT_FAILED", "FILE_NOT_EXIST");
    let status = ok(mi.get_asset_import_status(asset(&ws, p, a3), None), "getAssetImportStatus").await;
    assert_eq!(text(&status, "uploadStatus").as_deref(), Some("FILE_NOT_EXIST"));
    assert!(text(&status, "uploadResult").is_some_and(|r| r.contains("does not exist")), "{}", show(&status));
    // An asset whose import did not complete cannot be analysed (10014).
    let e = fails(mi.request_index(asset(&ws, p, a2), None), "analysing an unimported asset").await;
    assert_api(&e, "BAD_REQUEST", 400.0, "10014");

    // listAssets (#11) and assets(): pages in registration order.
    let page = ok(mi.list_assets(opts(&ws, &format!(r#""projectId":{p},"pageSize":2"#)), None), "listAssets").await;
    assert_eq!((num(&page, "totalCount"), num(&page, "totalPage"), num(&page, "pageNo"), num(&page, "pageSize")), (3.0, 2.0, 1.0, 2.0));
    assert_eq!(numbers(&ids(&get(&page, "content"), "assetId")), [a1, a2]);
    let page2 = ok(mi.list_assets(opts(&ws, &format!(r#""projectId":{p},"pageNum":2,"pageSize":2"#)), None), "listAssets page 2").await;
    assert_eq!(numbers(&ids(&get(&page2, "content"), "assetId")), [a3]);
    let e = fails(mi.list_assets(opts(&ws, &format!(r#""projectId":{p},"pageSize":1001"#)), None), "pageSize 1001").await;
    assert_invalid(&e, "pageSize");
    let it = mi.assets(opts(&ws, &format!(r#""projectId":{p},"pageSize":1"#)), None).map_err(|e| describe(&e)).expect("assets()");
    let every = ok(collect(&it), "assets()").await;
    assert_eq!(numbers(&ids(&every, "assetId")), [a1, a2, a3]);

    // getAsset (#12): the metadata of the imported file.
    let details = ok(mi.get_asset(asset(&ws, p, a1), None), "getAsset").await;
    assert_eq!((id(&details, "assetId"), id(&details, "projectId")), (a1, p));
    assert_eq!((text(&details, "fileName").as_deref(), text(&details, "key").as_deref()), (Some("trailer.mov"), Some("trailer.mov")));
    let meta = get(&details, "metaData");
    assert_eq!((text(&meta, "resolution").as_deref(), num(&meta, "durationMs"), text(&meta, "format").as_deref()), (Some("1920x1080"), 150_000.0, Some("mov")));
    assert!(num(&meta, "size") > 0.0);
    assert_eq!(text(&details, "createUserName").as_deref(), Some("test-access-key"));

    // moveAsset (#13): the asset is then only under the new project.
    let moved = ok(mi.move_asset(asset_with(&ws, p, a1, &format!(r#""newProjectId":"{q}""#)), None), "moveAsset").await;
    assert_eq!((id(&moved, "assetId"), id(&moved, "projectId")), (a1, q), "{}", show(&moved));
    let e = fails(mi.get_asset(asset(&ws, p, a1), None), "the asset in its old project").await;
    assert_api(&e, "NOT_FOUND", 404.0, "404");
    assert_eq!(id(&ok(mi.get_asset(asset(&ws, q, a1), None), "getAsset after the move").await, "projectId"), q);
    let e = fails(mi.move_asset(asset_with(&ws, q, a1, r#""newProjectId":999999999"#), None), "a move to an unknown project").await;
    assert_api(&e, "NOT_FOUND", 404.0, "404");

    // deleteAsset (#14): resolves undefined; the asset is gone.
    assert!(ok(mi.delete_asset(asset(&ws, q, a1), None), "deleteAsset").await.is_undefined());
    let e = fails(mi.get_asset(asset(&ws, q, a1), None), "a deleted asset").await;
    assert_api(&e, "NOT_FOUND", 404.0, "404");

    // deleteProject (#9): resolves undefined; the base project stays (10027).
    assert!(ok(mi.delete_project(opts(&ws, &format!(r#""projectId":{q}"#)), None), "deleteProject").await.is_undefined());
    assert!(ok(mi.delete_project(opts(&ws, &format!(r#""projectId":{p}"#)), None), "deleteProject with assets").await.is_undefined());
    let e = fails(mi.delete_project(opts(&ws, &format!(r#""projectId":{base_id}"#)), None), "deleting the base project").await;
    assert_api(&e, "BAD_REQUEST", 400.0, "10027");
    let e = fails(mi.get_project(opts(&ws, &format!(r#""projectId":{p}"#)), None), "a deleted project").await;
    assert_api(&e, "NOT_FOUND", 404.0, "404");
    assert_eq!(list(&ok(mi.list_projects(opts(&ws, ""), None), "listProjects").await, "projects").length(), 1);
    delete_workspace(&mi, &ws).await;
}

/// Operations 16-24: the analysis (request, status, cancel, the index, delete), its waiter with each
/// end state, and scene summaries (request, status, result, cancel) with theirs.
#[wasm_bindgen_test]
async fn the_analysis_its_index_and_scene_summaries_work_against_the_emulator() {
    let mi = client();
    let ws = fresh_workspace(&mi, "ix").await;
    let p = base_project(&mi, &ws).await;
    let a = import(&mi, &ws, p, "trailer.mov").await;
    let f = import(&mi, &ws, p, "fail-analysis.mp4").await;
    let c = import(&mi, &ws, p, "clips/interview.webm").await;
    let imports: Vec<JsFuture> = [a, f, c].iter().map(|&x| later(mi.wait_for_asset_import(asset(&ws, p, x), Some(fast())))).collect();
    for w in imports {
        ok(w, "waitForAssetImport").await;
    }

    // Before any analysis: BEFORE_ANALYZE, no index (409), no summary (404).
    let status = ok(mi.get_index_status(asset(&ws, p, a), None), "getIndexStatus").await;
    assert_eq!(text(&status, "status").as_deref(), Some("BEFORE_ANALYZE"), "{}", show(&status));
    let e = fails(mi.get_index(asset(&ws, p, a), None), "an index before the analysis").await;
    assert_api(&e, "CONFLICT", 409.0, "409");
    let e = fails(mi.get_scene_summary(asset(&ws, p, a), None), "a summary before any").await;
    assert_api(&e, "NOT_FOUND", 404.0, "404");
    let status = ok(mi.get_scene_summary_status(asset(&ws, p, a), None), "getSceneSummaryStatus").await;
    assert_eq!(text(&status, "status").as_deref(), Some("BEFORE_SUMMARIZE"), "{}", show(&status));

    // requestIndex (#16): options checked before sending; CONFLICT while one runs.
    let e = fails(mi.request_index(asset_with(&ws, p, a, r#""sceneRange":"SHORT","minSceneDurationSec":5,"maxSceneDurationSec":9"#), None), "sceneRange with min/max").await;
    assert_error(&e, "ValidationError", "INVALID_INPUT");
    assert!(text(&e, "field").is_some_and(|f| f == "sceneRange" || f.ends_with("SceneDurationSec")), "{}", describe(&e));
    let e = fails(mi.request_index(asset_with(&ws, p, a, r#""analysisPersonCount":11"#), None), "analysisPersonCount 11").await;
    assert_invalid(&e, "analysisPersonCount");
    let started = ok(mi.request_index(asset_with(&ws, p, a, r#""sceneRange":"SHORT","sourceLanguage":"EN","analysisPersonCount":3"#), None), "requestIndex").await;
    assert_eq!((id(&started, "assetId"), text(&started, "status").as_deref()), (a, Some("WAIT_ANALYZE")), "{}", show(&started));
    let e = fails(mi.request_index(asset(&ws, p, a), None), "a second analysis while one runs").await;
    assert_api(&e, "CONFLICT", 409.0, "409");
    ok(mi.request_index(asset(&ws, p, f), None), "requestIndex (fails later)").await;
    ok(mi.request_index(asset(&ws, p, c), None), "requestIndex (cancelled)").await;

    // cancelIndex (#17): only while waiting or running.
    let cancelled = ok(mi.cancel_index(asset(&ws, p, c), None), "cancelIndex").await;
    assert_eq!(text(&cancelled, "status").as_deref(), Some("ANALYZE_CANCEL"), "{}", show(&cancelled));
    let e = fails(mi.cancel_index(asset(&ws, p, c), None), "cancelling a cancelled analysis").await;
    assert_api(&e, "CONFLICT", 409.0, "409");

    // getIndexStatus (#18) and waitForIndex: completed, failed, cancelled.
    let seen = Array::new();
    let (wa, wf, wc) = (
        later(mi.wait_for_index(asset(&ws, p, a), Some(fast_recording(&seen)))),
        later(mi.wait_for_index(asset(&ws, p, f), Some(fast()))),
        later(mi.wait_for_index(asset(&ws, p, c), Some(fast()))),
    );
    let e = fails(wc, "waiting for a cancelled analysis").await;
    assert_job(&e, "ANALYSIS_CANCELED", "ANALYZE_CANCEL");
    assert_eq!(text(&get(&e, "jobStatus"), "status").as_deref(), Some("ANALYZE_CANCEL"));
    let e = fails(wf, "waiting for a failing analysis").await;
    assert_job(&e, "ANALYSIS_FAILED", "ANALYZE_FAIL");
    assert_eq!(text(&get(&e, "jobStatus"), "analyzeStatusMessage").as_deref(), Some("Media parsing failed"), "{}", describe(&e));
    assert!(text(&e, "message").is_some_and(|m| m.contains("Media parsing failed")), "{}", describe(&e));
    let done = ok(wa, "waitForIndex").await;
    assert_eq!(text(&done, "status").as_deref(), Some("ANALYZE_COMPLETED"));
    let states = reported(&seen, "status");
    assert_eq!(states.last().map(String::as_str), Some("ANALYZE_COMPLETED"), "{states:?}");
    assert!(states.iter().any(|s| s == "ANALYZING"), "{states:?}");
    let status = ok(mi.get_index_status(asset(&ws, p, a), None), "getIndexStatus").await;
    assert_eq!((id(&status, "assetId"), text(&status, "status").as_deref()), (a, Some("ANALYZE_COMPLETED")));

    // getIndex (#19): the whole index; confidenceLevel changes the keywords only.
    let e = fails(mi.get_index(asset_with(&ws, p, a, r#""confidenceLevel":"ULTRA""#), None), "confidenceLevel ULTRA").await;
    assert_invalid(&e, "confidenceLevel");
    let index = ok(mi.get_index(asset(&ws, p, a), None), "getIndex").await;
    assert_eq!((id(&index, "assetId"), text(&index, "type").as_deref(), num(&index, "durationMs")), (a, Some("VIDEO"), 150_000.0));
    let scenes = list(&index, "scenes");
    assert!(scenes.length() >= 2, "{} scenes", scenes.length());
    let first = scenes.get(0);
    assert_eq!((num(&first, "sceneNo"), num(&first, "startMs")), (1.0, 0.0));
    assert!(list(&first, "shots").length() >= 1 && Array::is_array(&get(&first, "personIds")));
    assert_eq!(num(&scenes.get(scenes.length() - 1), "endMs"), 150_000.0, "scenes tile the video");
    let persons = list(&index, "persons");
    assert!((1..=3).contains(&persons.length()), "analysisPersonCount 3: {}", persons.length());
    assert!(id(&persons.get(0), "personId") > 0 && list(&persons.get(0), "appearances").length() > 0);
    for facet in ["keywords", "objects", "actions", "scripts", "captions"] {
        assert!(list(&index, facet).length() > 0, "{facet}");
    }
    assert!(text(&list(&index, "scripts").get(0), "text").is_some());
    let low = ok(mi.get_index(asset_with(&ws, p, a, r#""confidenceLevel":"LOW""#), None), "getIndex LOW").await;
    let high = ok(mi.get_index(asset_with(&ws, p, a, r#""confidenceLevel":"HIGH""#), None), "getIndex HIGH").await;
    let (l, m, h) = (keyword_appearances(&low), keyword_appearances(&index), keyword_appearances(&high));
    assert!(l >= m && m >= h && l > h, "keyword appearances LOW {l} >= MEDIUM {m} >= HIGH {h}");
    assert_eq!(list(&low, "scenes").length(), scenes.length());

    // requestSceneSummary (#21), getSceneSummaryStatus (#22), waitForSceneSummary, getSceneSummary (#23).
    let requested = ok(mi.request_scene_summary(asset_with(&ws, p, a, r#""locale":"en""#), None), "requestSceneSummary").await;
    assert_eq!((text(&requested, "status").as_deref(), text(&requested, "locale").as_deref()), (Some("WAIT_SUMMARIZE"), Some("en")), "{}", show(&requested));
    assert_eq!(list(&requested, "sceneNumbers").length(), scenes.length(), "a full run covers every scene");
    let e = fails(mi.request_scene_summary(asset(&ws, p, a), None), "a summary while one runs").await;
    assert_api(&e, "CONFLICT", 409.0, "409");
    let e = fails(mi.request_scene_summary(asset_with(&ws, p, a, r#""sceneNumbers":"1""#), None), "sceneNumbers as text").await;
    assert_invalid(&e, "sceneNumbers");
    let status = ok(mi.get_scene_summary_status(asset(&ws, p, a), None), "getSceneSummaryStatus").await;
    assert!(matches!(text(&status, "status").as_deref(), Some("WAIT_SUMMARIZE" | "SUMMARIZING" | "SUMMARIZE_COMPLETED")), "{}", show(&status));
    let seen = Array::new();
    let done = ok(mi.wait_for_scene_summary(asset(&ws, p, a), Some(fast_recording(&seen))), "waitForSceneSummary").await;
    assert_eq!(text(&done, "status").as_deref(), Some("SUMMARIZE_COMPLETED"));
    assert_eq!(reported(&seen, "status").last().map(String::as_str), Some("SUMMARIZE_COMPLETED"), "{}", show(&seen));
    let summary = ok(mi.get_scene_summary(asset(&ws, p, a), None), "getSceneSummary").await;
    assert_eq!((id(&summary, "assetId"), text(&summary, "locale").as_deref()), (a, Some("en")));
    assert!(text(&summary, "summary").is_some_and(|s| !s.is_empty()), "{}", show(&summary));
    let summarised = list(&summary, "scenes");
    assert_eq!(summarised.length(), scenes.length());
    assert!(num(&summarised.get(0), "sceneNo") == 1.0 && text(&summarised.get(0), "summary").is_some_and(|s| !s.is_empty()));

    // cancelSceneSummary (#24) on a partial re-run: resolves undefined; the waiter says SUMMARY_CANCELED.
    let partial = ok(mi.request_scene_summary(asset_with(&ws, p, a, r#""sceneNumbers":[1]"#), None), "a partial summary").await;
    assert_eq!(numbers(&get(&partial, "sceneNumbers")), [1]);
    assert!(ok(mi.cancel_scene_summary(asset(&ws, p, a), None), "cancelSceneSummary").await.is_undefined());
    let e = fails(mi.wait_for_scene_summary(asset(&ws, p, a), Some(fast())), "waiting for a cancelled summary").await;
    assert_job(&e, "SUMMARY_CANCELED", "SUMMARIZE_CANCELED");
    let e = fails(mi.cancel_scene_summary(asset(&ws, p, a), None), "cancelling a cancelled summary").await;
    assert_api(&e, "CONFLICT", 409.0, "409");

    // deleteIndex (#20): back to BEFORE_ANALYZE; a second delete finds nothing.
    let deleted = ok(mi.delete_index(asset(&ws, p, a), None), "deleteIndex").await;
    assert_eq!(id(&deleted, "assetId"), a, "{}", show(&deleted));
    let status = ok(mi.get_index_status(asset(&ws, p, a), None), "getIndexStatus").await;
    assert_eq!(text(&status, "status").as_deref(), Some("BEFORE_ANALYZE"));
    let e = fails(mi.delete_index(asset(&ws, p, a), None), "deleting a deleted index").await;
    assert_api(&e, "NOT_FOUND", 404.0, "404");
    delete_workspace(&mi, &ws).await;
}

// ---------------------------------------------------------------------------------- search and people

/// Operations 25-26 over two analysed videos: searchAssets, getAssetSearchResult, waitForAssetSearch,
/// searchAssetsAndWait and assetSearchResults(), with person queries, filters and a failing search.
#[wasm_bindgen_test]
async fn asset_search_works_against_the_emulator() {
    let mi = client();
    let ws = fresh_workspace(&mi, "se").await;
    let p = base_project(&mi, &ws).await;
    let a = import(&mi, &ws, p, "trailer.mov").await;
    let b = import(&mi, &ws, p, "clips/interview.webm").await;
    for x in [a, b] {
        ok(mi.wait_for_asset_import(asset(&ws, p, x), Some(fast())), "waitForAssetImport").await;
        ok(mi.request_index(asset(&ws, p, x), None), "requestIndex").await;
    }
    let waits: Vec<JsFuture> = [a, b].iter().map(|&x| later(mi.wait_for_index(asset(&ws, p, x), Some(fast())))).collect();
    for w in waits {
        ok(w, "waitForIndex").await;
    }
    let index = ok(mi.get_index(asset(&ws, p, a), None), "getIndex").await;
    let target = scene_with_person(&index);
    assert!(!target.is_null(), "a scene of trailer.mov with a keyword and a person");
    let (keyword, person) = (text(&target, "keyword").expect("keyword"), id(&target, "personId"));

    // Searches run for a few ticks: those checked further down start now, side by side.
    let and_wait = |members: &str| later(mi.search_assets_and_wait(opts(&ws, members), Some(fast())));
    let first = and_wait(r#""query":{"textQuery":"e"},"pageSize":1"#);
    let narrowed = and_wait(&format!(r#""query":{{"textQuery":"{keyword}","personQuery":{{"must":[{person}]}}}},"queryOption":{{"confidenceLevel":"LOW"}},"filter":{{"assetIds":[{a}],"assetTypes":["VIDEO"]}}"#));
    let filtered = and_wait(&format!(r#""query":{{"textQuery":"e"}},"filter":{{"assetIds":[{b}]}}"#));
    let failing = and_wait(r#""query":{"textQuery":"__fail__"}"#);

    // searchAssets (#25) -> searchId; getAssetSearchResult (#26) says RUNNING, then COMPLETED with results.
    let started = ok(mi.search_assets(opts(&ws, &format!(r#""query":{{"textQuery":"{keyword}"}}"#)), None), "searchAssets").await;
    let search_id = text(&started, "searchId").expect("searchId");
    assert_eq!(search_id.len(), 20, "{}", show(&started));
    let early = ok(mi.get_asset_search_result(opts(&ws, &format!(r#""searchId":"{search_id}""#)), None), "getAssetSearchResult").await;
    assert_eq!(text(&early, "searchId").as_deref(), Some(search_id.as_str()));
    assert!(matches!(text(&early, "status").as_deref(), Some("RUNNING" | "COMPLETED")), "{}", show(&early));
    let seen = Array::new();
    let page = ok(mi.wait_for_asset_search(opts(&ws, &format!(r#""searchId":"{search_id}""#)), Some(fast_recording(&seen))), "waitForAssetSearch").await;
    assert_eq!(text(&page, "status").as_deref(), Some("COMPLETED"));
    assert_eq!(reported(&seen, "status").last().map(String::as_str), Some("COMPLETED"), "{}", show(&seen));
    assert!(num(&page, "totalCount") >= 1.0 && num(&page, "pageNo") == 1.0, "{}", show(&page));
    let results = list(&page, "results");
    assert!(numbers(&ids(&results, "assetId")).contains(&a), "`{keyword}` finds trailer.mov: {}", show(&page));
    let hit = results.iter().find(|r| get(r, "assetId").as_f64() == Some(a as f64)).expect("hit");
    assert_eq!((id(&hit, "projectId"), text(&hit, "assetType").as_deref()), (p, Some("VIDEO")));
    assert!(num(&hit, "score") >= 60.0 && list(&hit, "scenes").length() >= 1, "{}", show(&hit));
    let again = ok(mi.get_asset_search_result(opts(&ws, &format!(r#""searchId":"{search_id}","pageSize":100"#)), None), "getAssetSearchResult").await;
    assert_eq!((text(&again, "status").as_deref(), num(&again, "totalCount")), (Some("COMPLETED"), num(&page, "totalCount")));

    // searchAssetsAndWait: the first page of a completed search (its pageSize), and assetSearchResults()
    // pages through all of it. "e" is in every script: both videos match.
    let first = ok(first, "searchAssetsAndWait").await;
    assert_eq!((text(&first, "status").as_deref(), num(&first, "pageSize"), num(&first, "totalCount")), (Some("COMPLETED"), 1.0, 2.0), "{}", show(&first));
    assert_eq!((list(&first, "results").length(), num(&first, "totalPage")), (1, 2.0));
    let every_id = text(&first, "searchId").expect("searchId");
    let it = mi.asset_search_results(opts(&ws, &format!(r#""searchId":"{every_id}","pageSize":1"#)), None).map_err(|e| describe(&e)).expect("assetSearchResults()");
    let every = ok(collect(&it), "assetSearchResults()").await;
    assert_eq!(numbers(&ids(&every, "assetId")).into_iter().collect::<BTreeSet<_>>(), BTreeSet::from([a, b]), "{}", show(&every));

    // A person query and a filter narrow the search.
    let narrowed = ok(narrowed, "a person query").await;
    assert_eq!(numbers(&ids(&get(&narrowed, "results"), "assetId")), [a], "{}", show(&narrowed));
    let filtered = ok(filtered, "a filter").await;
    assert_eq!(numbers(&ids(&get(&filtered, "results"), "assetId")), [b], "{}", show(&filtered));

    // Typed errors: a failing search, an unknown search id, bad input.
    let e = fails(failing, "a failing search").await;
    assert_job(&e, "SEARCH_FAILED", "FAILED");
    assert_eq!(text(&get(&e, "jobStatus"), "status").as_deref(), Some("FAILED"));
    let e = fails(mi.get_asset_search_result(opts(&ws, r#""searchId":"nosuchsearch00000000""#), None), "an unknown search").await;
    assert_api(&e, "NOT_FOUND", 404.0, "404");
    let e = fails(mi.get_asset_search_result(opts(&ws, &format!(r#""searchId":"{search_id}","pageSize":101"#)), None), "pageSize 101").await;
    assert_invalid(&e, "pageSize");
    let e = fails(mi.search_assets(opts(&ws, r#""query":{"textQuery":"goal","imageQuery":"query-assets/x/q.jpg"}"#), None), "two queries").await;
    assert_error(&e, "ValidationError", "INVALID_INPUT");
    assert!(text(&e, "field").is_some_and(|f| f.starts_with("query")), "{}", describe(&e));
    let e = fails(mi.search_assets(opts(&ws, r#""query":{"textQuery":"a|b"}"#), None), "a `|` in the text").await;
    assert_error(&e, "ValidationError", "INVALID_INPUT");
    assert!(text(&e, "field").is_some_and(|f| f.contains("textQuery")), "{}", describe(&e));
    delete_workspace(&mi, &ws).await;
}

/// Operations 29-36, 38-40 and 44-48 on the persons an analysis found (anonymous ones in the person DB):
/// the list and `persons()`, details, naming, search, similar faces, person tags (create, list and
/// `personTags()`, add, remove, delete), merge and delete; a thumbnail upload URL and its confirmation
/// without an upload. (Persons made from uploaded thumbnails: `uploads_to_presigned_urls_...` below.)
#[wasm_bindgen_test]
async fn persons_found_by_an_analysis_and_person_tags_work_against_the_emulator() {
    let mi = client();
    let ws = fresh_workspace(&mi, "pe").await;
    let p = base_project(&mi, &ws).await;
    let a = import(&mi, &ws, p, "trailer.mov").await;
    ok(mi.wait_for_asset_import(asset(&ws, p, a), Some(fast())), "waitForAssetImport").await;
    ok(mi.request_index(asset(&ws, p, a), None), "requestIndex").await;
    ok(mi.wait_for_index(asset(&ws, p, a), Some(fast())), "waitForIndex").await;
    let index = ok(mi.get_index(asset(&ws, p, a), None), "getIndex").await;
    let mut found = numbers(&ids(&get(&index, "persons"), "personId"));
    found.sort_unstable();
    assert!(found.len() >= 3, "the analysis found {found:?}");
    let n = found.len() as f64;
    let (p0, p1, p2) = (found[0], found[1], found[2]);

    // listPersons (#29) and persons(): the analysis registered them, anonymous, in personId order.
    let page = ok(mi.list_persons(opts(&ws, r#""pageSize":2"#), None), "listPersons").await;
    assert_eq!((num(&page, "totalCount"), num(&page, "totalPage"), num(&page, "pageNo")), (n, (n / 2.0).ceil(), 1.0), "{}", show(&page));
    assert_eq!(numbers(&ids(&get(&page, "content"), "personId")), [p0, p1]);
    let it = mi.persons(opts(&ws, r#""pageSize":2"#), None).map_err(|e| describe(&e)).expect("persons()");
    assert_eq!(numbers(&ids(&ok(collect(&it), "persons()").await, "personId")), found);
    let e = fails(mi.list_persons(opts(&ws, r#""name":"a""#), None), "a one-letter name filter").await;
    assert_invalid(&e, "name");

    // getPerson (#31) and updatePerson (#32): an anonymous person gets a name.
    let person = ok(mi.get_person(opts(&ws, &format!(r#""personId":{p0}"#)), None), "getPerson").await;
    assert_eq!((id(&person, "personId"), num(&person, "assetCount")), (p0, 1.0), "{}", show(&person));
    assert!(get(&person, "name").is_null() && num(&person, "sceneCount") >= 1.0, "{}", show(&person));
    let named = ok(mi.update_person(opts(&ws, &format!(r#""personId":"{p0}","name":"Anna","description":"the lead""#)), None), "updatePerson").await;
    assert_eq!((id(&named, "personId"), text(&named, "name").as_deref(), text(&named, "description").as_deref()), (p0, Some("Anna"), Some("the lead")));
    let e = fails(mi.update_person(opts(&ws, &format!(r#""personId":{p1},"name":"Anna""#)), None), "a taken name").await;
    assert_api(&e, "CONFLICT", 409.0, "409");
    let by_name = ok(mi.list_persons(opts(&ws, r#""name":"ann""#), None), "listPersons by name").await;
    assert_eq!(numbers(&ids(&get(&by_name, "content"), "personId")), [p0]);
    let e = fails(mi.get_person(opts(&ws, r#""personId":"x1""#), None), "a person id that is not a number").await;
    assert_invalid(&e, "personId");
    let e = fails(mi.get_person(opts(&ws, r#""personId":999999999"#), None), "an unknown person").await;
    assert_api(&e, "NOT_FOUND", 404.0, "404");

    // searchPersons (#34): named and anonymous, sorted; its own page size limit.
    let named_only = ok(mi.search_persons(opts(&ws, r#""nameType":"NAMED""#), None), "searchPersons NAMED").await;
    assert_eq!(numbers(&ids(&get(&named_only, "content"), "personId")), [p0], "{}", show(&named_only));
    let anonymous = ok(mi.search_persons(opts(&ws, r#""nameType":"ANONYMOUS","sortColumn":"PERSON_ID","sortType":"DESC","pageSize":50"#), None), "searchPersons ANONYMOUS").await;
    let mut rest: Vec<u64> = found[1..].to_vec();
    rest.reverse();
    assert_eq!(numbers(&ids(&get(&anonymous, "content"), "personId")), rest, "{}", show(&anonymous));
    let by_ids = ok(mi.search_persons(opts(&ws, &format!(r#""personIds":[{p2},{p1}],"sortColumn":"PERSON_ID","sortType":"ASC""#)), None), "searchPersons by id").await;
    assert_eq!(numbers(&ids(&get(&by_ids, "content"), "personId")), [p1, p2]);
    let e = fails(mi.search_persons(opts(&ws, r#""pageSize":51"#), None), "pageSize 51").await;
    assert_invalid(&e, "pageSize");

    // listSimilarPersons (#36): other persons, scores within the threshold, best first.
    let similar = ok(mi.list_similar_persons(opts(&ws, &format!(r#""personId":{p0},"personCount":10,"scoreThreshold":80"#)), None), "listSimilarPersons").await;
    assert_eq!(id(&similar, "personId"), p0);
    let scores: Vec<f64> = list(&similar, "similarPersons").iter().map(|s| num(&s, "score")).collect();
    assert!(scores.iter().all(|s| (80.0..=100.0).contains(s)) && scores.windows(2).all(|w| w[0] >= w[1]), "{}", show(&similar));
    assert!(numbers(&ids(&get(&similar, "similarPersons"), "personId")).iter().all(|x| *x != p0 && found.contains(x)));
    let e = fails(mi.list_similar_persons(opts(&ws, &format!(r#""personId":{p0},"scoreThreshold":79"#)), None), "scoreThreshold 79").await;
    assert_invalid(&e, "scoreThreshold");
    let e = fails(mi.list_similar_persons(opts(&ws, &format!(r#""personId":{p0},"personCount":11"#)), None), "personCount 11").await;
    assert_invalid(&e, "personCount");

    // Person tags: createPersonTag (#45), listPersonTags (#44) and personTags(), addPersonTags (#38),
    // removePersonTags (#39/40), deletePersonTag (#46) (CONFLICT while a person has the tag).
    let lead = ok(mi.create_person_tag(opts(&ws, r#""name":"lead""#), None), "createPersonTag").await;
    let t1 = id(&lead, "id");
    assert_eq!((text(&lead, "name").as_deref(), text(&lead, "createdUserName").as_deref()), (Some("lead"), Some("test-access-key")));
    let t2 = id(&ok(mi.create_person_tag(opts(&ws, r#""name":"crew""#), None), "createPersonTag").await, "id");
    let e = fails(mi.create_person_tag(opts(&ws, r#""name":"lead""#), None), "a taken tag name").await;
    assert_api(&e, "CONFLICT", 409.0, "409");
    let e = fails(mi.create_person_tag(opts(&ws, &format!(r#""name":"{}""#, "t".repeat(31))), None), "a 31-character tag").await;
    assert_invalid(&e, "name");
    let tags = ok(mi.list_person_tags(opts(&ws, r#""pageSize":1"#), None), "listPersonTags").await;
    assert_eq!((num(&tags, "totalCount"), num(&tags, "totalPage"), numbers(&ids(&get(&tags, "content"), "id"))), (2.0, 2.0, vec![t1]), "{}", show(&tags));
    let by_name = ok(mi.list_person_tags(opts(&ws, r#""name":"CRE""#), None), "listPersonTags by name").await;
    assert_eq!(numbers(&ids(&get(&by_name, "content"), "id")), [t2]);
    let it = mi.person_tags(opts(&ws, r#""pageSize":1"#), None).map_err(|e| describe(&e)).expect("personTags()");
    assert_eq!(strings(&ids(&ok(collect(&it), "personTags()").await, "name")), ["lead", "crew"]);
    let e = fails(mi.list_person_tags(opts(&ws, r#""pageSize":51"#), None), "pageSize 51").await;
    assert_invalid(&e, "pageSize");
    let tagged = ok(mi.add_person_tags(opts(&ws, &format!(r#""personId":{p0},"tagIds":[{t1},{t2},{t1}]"#)), None), "addPersonTags").await;
    assert_eq!((id(&tagged, "personId"), numbers(&ids(&get(&tagged, "tagList"), "id"))), (p0, vec![t1, t2]), "{}", show(&tagged));
    ok(mi.add_person_tags(opts(&ws, &format!(r#""personId":{p1},"tagIds":["{t2}"]"#)), None), "addPersonTags").await;
    let by_tag = ok(mi.list_persons(opts(&ws, &format!(r#""tagIdList":[{t1}]"#)), None), "listPersons by tag").await;
    assert_eq!(numbers(&ids(&get(&by_tag, "content"), "personId")), [p0]);
    let by_tag = ok(mi.search_persons(opts(&ws, &format!(r#""tagIds":[{t2}],"sortColumn":"PERSON_ID","sortType":"ASC""#)), None), "searchPersons by tag").await;
    assert_eq!(numbers(&ids(&get(&by_tag, "content"), "personId")), [p0, p1]);
    let e = fails(mi.delete_person_tag(opts(&ws, &format!(r#""tagId":{t1}"#)), None), "deleting a tag in use").await;
    assert_api(&e, "CONFLICT", 409.0, "409");
    let e = fails(mi.add_person_tags(opts(&ws, &format!(r#""personId":{p0},"tagIds":[999999999]"#)), None), "an unknown tag").await;
    assert_api(&e, "NOT_FOUND", 404.0, "404");
    let e = fails(mi.add_person_tags(opts(&ws, &format!(r#""personId":{p0},"tagIds":[1.5]"#)), None), "a tag id 1.5").await;
    assert_error(&e, "ValidationError", "INVALID_INPUT");
    assert!(text(&e, "field").is_some_and(|f| f.starts_with("tagIds")), "{}", describe(&e));
    let untagged = ok(mi.remove_person_tags(opts(&ws, &format!(r#""personId":{p0},"tagIds":[{t1},999999999]"#)), None), "removePersonTags").await;
    assert_eq!((id(&untagged, "personId"), numbers(&ids(&get(&untagged, "tagList"), "id"))), (p0, vec![t2]), "unknown ids are ignored: {}", show(&untagged));
    ok(mi.delete_person_tag(opts(&ws, &format!(r#""tagId":{t1}"#)), None), "deletePersonTag").await;
    let e = fails(mi.delete_person_tag(opts(&ws, &format!(r#""tagId":{t1}"#)), None), "a deleted tag").await;
    assert_api(&e, "NOT_FOUND", 404.0, "404");
    let tags = ok(mi.list_person_tags(opts(&ws, ""), None), "listPersonTags").await;
    assert_eq!(numbers(&ids(&get(&tags, "content"), "id")), [t2]);

    // mergePersons (#35): p1 goes into Anna; the index then names Anna where p1 was. deletePerson (#33).
    let e = fails(mi.merge_persons(opts(&ws, &format!(r#""personId":{p0},"personIds":[1,2,3,4,5,6,7,8,9,10,11]"#)), None), "merging 11 persons").await;
    assert_invalid(&e, "personIds");
    let merged = ok(mi.merge_persons(opts(&ws, &format!(r#""personId":{p0},"personIds":[{p1}]"#)), None), "mergePersons").await;
    assert_eq!((id(&merged, "personId"), num(&merged, "transferredAssetCount")), (p0, 1.0), "{}", show(&merged));
    assert!(text(&merged, "mergedTime").is_some_and(|t| t.len() == 19), "{}", show(&merged));
    let e = fails(mi.get_person(opts(&ws, &format!(r#""personId":{p1}"#)), None), "a merged person").await;
    assert_api(&e, "NOT_FOUND", 404.0, "404");
    let e = fails(mi.merge_persons(opts(&ws, &format!(r#""personId":{p0},"personIds":[{p1}]"#)), None), "merging a merged person").await;
    assert_api(&e, "CONFLICT", 409.0, "409");
    let after = numbers(&ids(&get(&ok(mi.get_index(asset(&ws, p, a), None), "getIndex").await, "persons"), "personId"));
    assert!(after.contains(&p0) && !after.contains(&p1), "{after:?}");
    let gone = ok(mi.delete_person(opts(&ws, &format!(r#""personId":{p2}"#)), None), "deletePerson").await;
    assert_eq!(id(&gone, "personId"), p2, "resolves the person as it was: {}", show(&gone));
    let e = fails(mi.delete_person(opts(&ws, &format!(r#""personId":{p2}"#)), None), "a deleted person").await;
    assert_api(&e, "NOT_FOUND", 404.0, "404");
    assert_eq!(num(&ok(mi.list_persons(opts(&ws, ""), None), "listPersons").await, "totalCount"), n - 2.0);

    // createPersonThumbnailUploadUrl (#47) and completePersonThumbnailUpload (#48) with nothing uploaded:
    // FAILED, FILE_NOT_EXIST; such a key makes no person (#30 answers 400).
    let issued = ok(mi.create_person_thumbnail_upload_url(opts(&ws, r#""thumbnailFileName":"face.png""#), None), "createPersonThumbnailUploadUrl").await;
    let (url, key) = (text(&issued, "url").expect("url"), text(&issued, "thumbnailKey").expect("thumbnailKey"));
    assert!(key.starts_with(&format!("{ws}/")) && key.ends_with("/face.png"), "{key}");
    assert!(url.starts_with(&format!("{}/", emulator().trim_end_matches('/'))), "{url}");
    assert!(num(&issued, "expirationSeconds") > 0.0);
    let done = ok(mi.complete_person_thumbnail_upload(opts(&ws, &format!(r#""thumbnailKey":"{key}""#)), None), "completePersonThumbnailUpload").await;
    assert_eq!((text(&done, "uploadStatus").as_deref(), text(&done, "uploadMessage").as_deref()), (Some("FAILED"), Some("FILE_NOT_EXIST")), "{}", show(&done));
    let e = fails(mi.create_person(opts(&ws, &format!(r#""name":"Nobody","thumbnails":[{{"thumbnailKey":"{key}","isPrimaryThumbnail":true}}]"#)), None), "a person from a key never uploaded").await;
    assert_api(&e, "BAD_REQUEST", 400.0, "10001");
    let e = fails(mi.create_person(opts(&ws, r#""name":"Nobody","thumbnails":[]"#), None), "no thumbnail").await;
    assert_invalid(&e, "thumbnails");
    // Neither does it add a thumbnail (#41) or find a face (#37); a person found by an analysis has no
    // thumbnail to remove (#42/43: 409, a person never ends with none).
    let e = fails(mi.add_person_thumbnails(opts(&ws, &format!(r#""personId":{p0},"thumbnails":[{{"thumbnailKey":"{key}","isPrimaryThumbnail":false}}]"#)), None), "adding a key never uploaded").await;
    assert_api(&e, "BAD_REQUEST", 400.0, "10001");
    let e = fails(mi.recommend_persons_by_thumbnail(opts(&ws, &format!(r#""thumbnailKey":"{key}""#)), None), "recommending by a key never uploaded").await;
    assert_api(&e, "BAD_REQUEST", 400.0, "10001");
    let e = fails(mi.recommend_persons_by_thumbnail(opts(&ws, &format!(r#""thumbnailKey":"{key}","scoreThreshold":101"#)), None), "scoreThreshold 101").await;
    assert_invalid(&e, "scoreThreshold");
    let e = fails(mi.remove_person_thumbnails(opts(&ws, &format!(r#""personId":{p0},"thumbnailIds":[999999999]"#)), None), "removing from a person without thumbnails").await;
    assert_api(&e, "CONFLICT", 409.0, "409");
    let e = fails(mi.create_person_thumbnail_upload_url(opts(&ws, r#""thumbnailFileName":"face.heic""#), None), "a heic thumbnail").await;
    assert_invalid(&e, "thumbnailFileName");
    delete_workspace(&mi, &ws).await;
}

/// Operations 27-28 without an upload, and what uploadSearchImage and uploadPersonThumbnail refuse
/// before any request: a file name of another format, bytes of no accepted format, over 5 MB, not bytes.
#[wasm_bindgen_test]
async fn upload_urls_and_the_checks_before_any_upload_work_against_the_emulator() {
    let mi = client();
    let issued = ok(mi.create_search_image_upload_url(obj(r#"{"assetFileName":"query.jpg"}"#), None), "createSearchImageUploadUrl").await;
    let (url, key) = (text(&issued, "presignedUploadUrl").expect("presignedUploadUrl"), text(&issued, "assetFileKey").expect("assetFileKey"));
    assert!(url.starts_with(&format!("{}/", emulator().trim_end_matches('/'))), "{url}");
    assert!(key.starts_with("query-assets/") && key.ends_with("/query.jpg"), "{key}");
    assert_eq!(num(&issued, "expirationSeconds"), 900.0);
    let done = ok(mi.complete_search_image_upload(obj(&format!(r#"{{"assetKey":"{key}"}}"#)), None), "completeSearchImageUpload").await;
    assert_eq!((text(&done, "uploadStatus").as_deref(), text(&done, "uploadMessage").as_deref()), (Some("FAILED"), Some("FILE_NOT_EXIST")), "{}", show(&done));
    assert_eq!(text(&done, "assetKey").as_deref(), Some(key.as_str()));
    let e = fails(mi.create_search_image_upload_url(obj(r#"{"assetFileName":"query.gif"}"#), None), "a gif").await;
    assert_invalid(&e, "assetFileName");
    let e = fails(mi.complete_search_image_upload(obj(r#"{"assetKey":""}"#), None), "an empty key").await;
    assert_invalid(&e, "assetKey");

    let ws = opts("wba-never-created", "");
    let search = |data: JsValue, name: &str| mi.upload_search_image(data, obj(&format!(r#"{{"fileName":"{name}"}}"#)));
    let thumbnail = |data: JsValue, name: &str| mi.upload_person_thumbnail(ws.clone(), data, obj(&format!(r#"{{"fileName":"{name}"}}"#)));
    let image = || JsValue::from(jpeg(800, 600, "checks", 0));
    let not_an_image = || JsValue::from(Uint8Array::from(&b"GIF89a, not a format the service takes"[..]));
    let too_big = || JsValue::from(jpeg(800, 600, "big", 5 * 1024 * 1024 + 1));
    for (promise, field, why) in [
        (search(image(), "q.gif"), "fileName", "a .gif name"),
        (search(not_an_image(), "q.jpg"), "data", "GIF bytes"),
        (search(too_big(), "q.jpg"), "data", "5 MB + 1 byte"),
        (search(blob_of(&jpeg(800, 600, "big", 5 * 1024 * 1024 + 1), "image/jpeg"), "q.jpg"), "data", "a Blob of 5 MB + 1 byte"),
        (search(JsValue::from("bytes"), "q.jpg"), "data", "a string"),
        (mi.upload_search_image(image(), obj("{}")), "fileName", "no file name"),
        (thumbnail(image(), "face.heic"), "fileName", "a heic thumbnail"),
        (thumbnail(not_an_image(), "face.jpg"), "data", "GIF bytes as a thumbnail"),
        (thumbnail(too_big(), "face.jpg"), "data", "a thumbnail of 5 MB + 1 byte"),
    ] {
        let e = fails(promise, why).await;
        assert_invalid(&e, field);
    }
}

/// The uploads themselves: a `PUT` to the presigned URL by hand and with uploadSearchImage /
/// uploadPersonThumbnail (from a Uint8Array and a Blob), what reached storage, an image search with the
/// key, a refused small image; then persons made from the thumbnails (#30), their thumbnails added
/// (#41) and removed (#42/43), and a person found by a thumbnail (#37).
#[wasm_bindgen_test]
async fn uploads_to_presigned_urls_and_persons_made_from_them_work_against_the_emulator() {
    let mi = client();
    let ws = fresh_workspace(&mi, "up").await;

    // A search image by hand: createSearchImageUploadUrl (#27), the PUT, completeSearchImageUpload (#28).
    let issued = ok(mi.create_search_image_upload_url(obj(r#"{"assetFileName":"query.jpg"}"#), None), "createSearchImageUploadUrl").await;
    let (url, key) = (text(&issued, "presignedUploadUrl").expect("presignedUploadUrl"), text(&issued, "assetFileKey").expect("assetFileKey"));
    // (In a browser this PUT is cross-origin: it is sent only if the emulator's preflight allows PUT.)
    let status = ok(put_bytes(&url, &jpeg(640, 480, "by-hand", 0), "image/jpeg"), "PUT to the presigned URL (CORS preflight)").await;
    assert_eq!(status.as_f64(), Some(200.0));
    let done = ok(mi.complete_search_image_upload(obj(&format!(r#"{{"assetKey":"{key}"}}"#)), None), "completeSearchImageUpload").await;
    assert_eq!((text(&done, "uploadStatus").as_deref(), text(&done, "assetKey").as_deref()), (Some("COMPLETED"), Some(key.as_str())), "{}", show(&done));

    // uploadSearchImage from a Uint8Array and from a Blob: the key to search with.
    let from_bytes = ok(mi.upload_search_image(jpeg(800, 600, "bytes", 0).into(), obj(r#"{"fileName":"bytes.jpg"}"#)), "uploadSearchImage(Uint8Array)").await;
    let from_bytes = from_bytes.as_string().expect("a key");
    assert!(from_bytes.starts_with("query-assets/") && from_bytes.ends_with("/bytes.jpg"), "{from_bytes}");
    let blob = blob_of(&jpeg(1024, 768, "blob", 0), "image/jpeg");
    let from_blob = ok(mi.upload_search_image(blob, obj(r#"{"fileName":"blob.jpeg"}"#)), "uploadSearchImage(Blob)").await;
    let from_blob = from_blob.as_string().expect("a key");
    assert!(from_blob.ends_with("/blob.jpeg") && from_blob != from_bytes, "{from_blob}");
    // What reached storage: the bytes with a content-type, and no NCP header or secret.
    for key in [&from_bytes, &from_blob] {
        let record = ok(upload_record(emulator(), key), "GET /__emulator/uploads").await;
        assert_eq!(text(&record, "status").as_deref(), Some("UPLOADED"), "{}", show(&record));
        let headers = get(&record, "putHeaders");
        assert_eq!(text(&headers, "content-type").as_deref(), Some("image/jpeg"));
        let names = Object::keys(headers.unchecked_ref::<Object>()).iter().filter_map(|k| k.as_string()).collect::<Vec<_>>();
        assert!(!names.iter().any(|n| n.starts_with("x-ncp-") || n == "authorization" || n == "cookie"), "{names:?}");
    }
    let searched = later(mi.search_assets_and_wait(opts(&ws, &format!(r#""query":{{"imageQuery":"{from_blob}"}}"#)), Some(fast())));
    let e = fails(mi.upload_search_image(jpeg(100, 100, "small", 0).into(), obj(r#"{"fileName":"small.jpg"}"#)), "a 100 px image").await;
    assert_job(&e, "UPLOAD_FAILED", "RESOLUTION_NOT_SUPPORT");
    let page = ok(searched, "an image search").await;
    assert_eq!((text(&page, "status").as_deref(), num(&page, "totalCount")), (Some("COMPLETED"), 0.0), "nothing analysed here: {}", show(&page));

    // A person thumbnail by hand: createPersonThumbnailUploadUrl (#47), the PUT, completePersonThumbnailUpload (#48).
    let issued = ok(mi.create_person_thumbnail_upload_url(opts(&ws, r#""thumbnailFileName":"face-a.jpg""#), None), "createPersonThumbnailUploadUrl").await;
    let (url, key_a) = (text(&issued, "url").expect("url"), text(&issued, "thumbnailKey").expect("thumbnailKey"));
    let face_a = jpeg(320, 320, "face-a", 0);
    assert_eq!(ok(put_bytes(&url, &face_a, "image/jpeg"), "PUT to the presigned URL (CORS preflight)").await.as_f64(), Some(200.0));
    let done = ok(mi.complete_person_thumbnail_upload(opts(&ws, &format!(r#""thumbnailKey":"{key_a}""#)), None), "completePersonThumbnailUpload").await;
    assert_eq!(text(&done, "uploadStatus").as_deref(), Some("COMPLETED"), "{}", show(&done));

    // uploadPersonThumbnail from a Uint8Array and a Blob; a small face is refused.
    let upload = |data: JsValue, name: &str| mi.upload_person_thumbnail(opts(&ws, ""), data, obj(&format!(r#"{{"fileName":"{name}"}}"#)));
    let key_b = ok(upload(jpeg(300, 400, "face-b", 0).into(), "face-b.jpg"), "uploadPersonThumbnail(Uint8Array)").await.as_string().expect("a key");
    let key_c = ok(upload(blob_of(&jpeg(512, 512, "face-c", 0), "image/jpeg"), "face-c.jpg"), "uploadPersonThumbnail(Blob)").await.as_string().expect("a key");
    assert!(key_b.starts_with(&format!("{ws}/")) && key_b.ends_with("/face-b.jpg") && key_c.ends_with("/face-c.jpg"), "{key_b} {key_c}");
    let key_d = ok(upload(jpeg(400, 300, "face-d", 0).into(), "face-d.jpg"), "uploadPersonThumbnail").await.as_string().expect("a key");
    let again_a = ok(upload(face_a.clone().into(), "again.jpg"), "uploadPersonThumbnail (face A again)").await.as_string().expect("a key");
    let e = fails(upload(jpeg(200, 200, "tiny", 0).into(), "tiny.jpg"), "a 200 px face").await;
    assert_job(&e, "UPLOAD_FAILED", "RESOLUTION_NOT_SUPPORT");

    // createPerson (#30): named and anonymous, from those thumbnails.
    let thumb = |key: &str| format!(r#""thumbnails":[{{"thumbnailKey":"{key}","isPrimaryThumbnail":true}}]"#);
    let anna = ok(mi.create_person(opts(&ws, &format!(r#""name":"Anna","description":"the lead",{}"#, thumb(&key_a))), None), "createPerson").await;
    let pa = id(&anna, "personId");
    assert_eq!((text(&anna, "name").as_deref(), text(&anna, "description").as_deref()), (Some("Anna"), Some("the lead")), "{}", show(&anna));
    let thumbnails = list(&anna, "thumbnails");
    assert!(thumbnails.length() == 1 && get(&thumbnails.get(0), "isPrimaryThumbnail").as_bool() == Some(true) && text(&thumbnails.get(0), "url").is_some(), "{}", show(&anna));
    let pb = id(&ok(mi.create_person(opts(&ws, &format!(r#""name":"Bob",{}"#, thumb(&key_b))), None), "createPerson").await, "personId");
    let anonymous = ok(mi.create_person(opts(&ws, &thumb(&key_c)), None), "createPerson (anonymous)").await;
    assert!(get(&anonymous, "name").is_null(), "{}", show(&anonymous));
    let e = fails(mi.create_person(opts(&ws, &format!(r#""name":"Anna",{}"#, thumb(&key_d))), None), "a taken name").await;
    assert_api(&e, "CONFLICT", 409.0, "409");

    // recommendPersonsByThumbnail (#37): face A uploaded again is Anna's, at 100.
    let recommended = ok(mi.recommend_persons_by_thumbnail(opts(&ws, &format!(r#""thumbnailKey":"{again_a}","personCount":1"#)), None), "recommendPersonsByThumbnail").await;
    let best = list(&recommended, "similarPersons").get(0);
    assert_eq!((id(&best, "personId"), num(&best, "score")), (pa, 100.0), "{}", show(&recommended));

    // addPersonThumbnails (#41), removePersonThumbnails (#42/43) (never the last one).
    let added = ok(mi.add_person_thumbnails(opts(&ws, &format!(r#""personId":{pa},"thumbnails":[{{"thumbnailKey":"{key_d}","isPrimaryThumbnail":false}}]"#)), None), "addPersonThumbnails").await;
    let thumbnails = list(&added, "thumbnailList");
    assert_eq!((id(&added, "personId"), thumbnails.length()), (pa, 2), "{}", show(&added));
    assert_eq!(get(&thumbnails.get(1), "isPrimaryThumbnail").as_bool(), Some(false));
    let new_id = id(&thumbnails.get(1), "id");
    let kept = ok(mi.remove_person_thumbnails(opts(&ws, &format!(r#""personId":{pa},"thumbnailIds":[{new_id}]"#)), None), "removePersonThumbnails").await;
    let kept_list = list(&kept, "thumbnailList");
    assert_eq!(kept_list.length(), 1, "{}", show(&kept));
    let last = id(&kept_list.get(0), "id");
    let e = fails(mi.remove_person_thumbnails(opts(&ws, &format!(r#""personId":{pa},"thumbnailIds":[{last}]"#)), None), "removing the last thumbnail").await;
    assert_api(&e, "CONFLICT", 409.0, "409");

    // mergePersons (#35) moves Bob's thumbnail to Anna.
    let merged = ok(mi.merge_persons(opts(&ws, &format!(r#""personId":{pa},"personIds":[{pb}]"#)), None), "mergePersons").await;
    assert_eq!(num(&merged, "transferredThumbnailCount"), 1.0, "{}", show(&merged));
    assert_eq!(list(&ok(mi.get_person(opts(&ws, &format!(r#""personId":{pa}"#)), None), "getPerson").await, "thumbnails").length(), 2);
    delete_workspace(&mi, &ws).await;
}
