//! Waiters: poll an operation of the table that reports a job's state (`poll` in its entry) until an
//! end state, with a growing interval, an overall time limit, the caller's signal and a progress
//! callback. Each poll goes through the normal retries; a failed end state rejects with an `ApiError`
//! whose `code` names it and whose `jobStatus` is the last status.

use std::rc::Rc;

use js_sys::{Function, Object, Promise, Reflect};
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use web_sys::AbortSignal;

use crate::api::input_error;
use crate::core::error::Error;
use crate::core::format::Format;
use crate::core::operation::Operation;
use crate::core::shape::{check, opt, Ty};
use crate::core::validate::{whole, ParamValue};
use crate::js::call::{prepare_copy, spawn, Inner};
use crate::js::error::to_js;
use crate::js::format::{read, JsFormat};
use crate::js::input::{self, snapshot};
use crate::transport::signals::{self, race, Either};

/// Options of every waiter.
const WAIT_OPTIONS: &[&str] = &["intervalMs", "maxIntervalMs", "timeoutMs", "signal", "onProgress", "retries"];
/// The first wait between polls, and its cap, when the caller sets none (ms).
pub const DEFAULT_INTERVAL_MS: u32 = 2_000;
pub const DEFAULT_MAX_INTERVAL_MS: u32 = 30_000;
/// How long a waiter waits in all when the caller sets no `timeoutMs` (ms): one hour.
pub const DEFAULT_WAIT_MS: u32 = 3_600_000;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Fields {
    interval_ms: Option<ParamValue>,
    max_interval_ms: Option<ParamValue>,
    timeout_ms: Option<ParamValue>,
}

struct Settings {
    interval_ms: u64,
    max_interval_ms: u64,
    timeout_ms: u64,
    signal: Option<AbortSignal>,
    on_progress: Option<Function>,
    /// The per-poll request options (`retries` and the signal).
    request_options: JsValue,
}

fn settings(value: &JsValue) -> Result<Settings, Error> {
    let copy = if value.is_null_or_undefined() { Object::new() } else { snapshot(value, "waitOptions", &|k| WAIT_OPTIONS.contains(&k), &|| WAIT_OPTIONS.join(", "))? };
    const TYPES: Ty = Ty::Object(&[opt("retries", Ty::Object(&[]))]);
    check::<JsFormat>(&copy, &TYPES, "").map_err(input_error)?;
    let f: Fields = read(&copy)?;
    let number = |v: &Option<ParamValue>, field, min, max, default: u32| v.as_ref().map(|v| whole(field, v, min, max)).transpose().map(|n| u64::from(n.unwrap_or(default)));
    let interval_ms = number(&f.interval_ms, "intervalMs", 1, 3_600_000, DEFAULT_INTERVAL_MS)?;
    let max_interval_ms = number(&f.max_interval_ms, "maxIntervalMs", 1, 3_600_000, DEFAULT_MAX_INTERVAL_MS.max(interval_ms as u32))?.max(interval_ms);
    let request_options = Object::new();
    for key in ["retries", "signal"] {
        if let Some(v) = input::member(&copy, key) {
            let _ = Reflect::set(&request_options, &JsValue::from_str(key), &v);
        }
    }
    Ok(Settings {
        interval_ms,
        max_interval_ms,
        timeout_ms: number(&f.timeout_ms, "timeoutMs", 1, 2_147_483_647, DEFAULT_WAIT_MS)?,
        signal: input::signal(&copy, "signal")?,
        on_progress: input::function(&copy, "onProgress")?,
        request_options: request_options.into(),
    })
}

/// The promise of a waiter over `op` (which has `poll`): bad input rejects at once.
pub fn wait(inner: &Rc<Inner>, op: &'static Operation, params: JsValue, options: JsValue) -> Promise {
    let prepared = settings(&options).and_then(|s| Ok((inner.prepare(op, &params, &s.request_options)?, s)));
    let inner = Rc::clone(inner);
    spawn(Box::pin(async move {
        let (first, s) = prepared.map_err(|e| to_js(&e))?;
        poll(&inner, op, first.options, &s).await.map_err(|e| to_js(&e))
    }))
}

/// `searchAssetsAndWait`: `searchAssets` with `params` (less `pageSize`), then the waiter over
/// `getAssetSearchResult` for its `searchId` (with `pageSize`).
pub fn search_and_wait(inner: &Rc<Inner>, params: JsValue, options: JsValue) -> Promise {
    use crate::api::search::{GET_ASSET_SEARCH_RESULT, SEARCH_ASSETS};
    let start = || -> Result<_, Error> {
        let s = settings(&options)?;
        let copy = input::plain_copy(&params)?;
        let page_size = copy.as_ref().and_then(|c| input::member(c, "pageSize"));
        // Checked by the result operation's own rule now, before the search is started.
        if let (Some(size), Some(param)) = (&page_size, GET_ASSET_SEARCH_RESULT.params.iter().find(|p| p.name == "pageSize")) {
            let value = read::<ParamValue>(size).unwrap_or(ParamValue::Other("object"));
            crate::core::validate::apply(param.rule, "pageSize", &value)?;
        }
        let source = match copy {
            Some(copy) => {
                let _ = Reflect::delete_property(&copy, &JsValue::from_str("pageSize"));
                copy.into()
            }
            None => params.clone(),
        };
        let search = inner.prepare(&SEARCH_ASSETS, &source, &s.request_options)?;
        Ok((search, page_size, s))
    };
    let prepared = start();
    let inner = Rc::clone(inner);
    spawn(Box::pin(async move {
        let (search, page_size, s) = prepared.map_err(|e| to_js(&e))?;
        let started = inner.run(&search).await.map_err(|e| to_js(&e))?;
        let wait = Object::new();
        let set = |key: &str, value: &JsValue| Reflect::set(&wait, &JsValue::from_str(key), value).map(drop);
        let workspace = input::member(&search.options, "workspaceName").unwrap_or(JsValue::UNDEFINED);
        let search_id = JsFormat::member(&started, "searchId").unwrap_or(JsValue::UNDEFINED);
        let _ = (set("workspaceName", &workspace), set("searchId", &search_id));
        if let Some(size) = page_size {
            let _ = set("pageSize", &size);
        }
        let first = inner.prepare(&GET_ASSET_SEARCH_RESULT, &wait.into(), &s.request_options).map_err(|e| to_js(&e))?;
        poll(&inner, &GET_ASSET_SEARCH_RESULT, first.options, &s).await.map_err(|e| to_js(&e))
    }))
}

async fn poll(inner: &Inner, op: &'static Operation, params: Object, s: &Settings) -> Result<JsValue, Error> {
    let Some(rule) = op.poll else { return Err(Error::validation("options", "names an operation that cannot be waited on")) };
    let started = js_sys::Date::now();
    let (mut interval, mut last) = (s.interval_ms, None::<String>);
    let (mut last_status, mut last_state) = (None::<JsValue>, None::<String>);
    let signals: Vec<AbortSignal> = inner.signal.iter().chain(s.signal.iter()).cloned().collect();
    loop {
        let call = prepare_copy(op, Object::assign(&Object::new(), &params), &s.request_options, inner.client.config.limits)?;
        let attempted = call.call.attempted(&inner.client.config.endpoint.base_path);
        // The overall limit bounds each poll too, its retries and their waits included: a poll still
        // running at the deadline is given up (its fetch cancelled) and the wait times out.
        let left = s.timeout_ms.saturating_sub((js_sys::Date::now() - started).max(0.0) as u64).max(1);
        let status = match race(inner.run(&call), signals::sleep(left, &[])).await {
            Either::Left(status) => status?,
            Either::Right(_) => {
                let mut e = Error::wait_timeout(&attempted, s.timeout_ms, last_state.as_deref());
                if let Some(status) = &last_status {
                    e.job_status = Some(Rc::new(status.clone()));
                }
                return Err(e);
            }
        };
        last_status = Some(status.clone());
        let text = js_sys::JSON::stringify(&status).ok().and_then(|t| t.as_string());
        if text != last {
            last = text;
            if let Some(callback) = &s.on_progress {
                // A callback that throws must not stop the wait it is watching.
                let _ = callback.call1(&JsValue::UNDEFINED, &status);
            }
        }
        let state = JsFormat::member(&status, rule.field).and_then(|v| v.as_string()).unwrap_or_default();
        last_state = Some(state.clone()).filter(|s| !s.is_empty());
        if rule.done.contains(&state.as_str()) {
            return Ok(status);
        }
        let attach = |mut e: Error| {
            e.job_status = Some(Rc::new(status.clone()));
            e
        };
        if let Some((_, code)) = rule.failed.iter().find(|(name, _)| *name == state) {
            let detail = rule.message.and_then(|m| JsFormat::member(&status, m)).and_then(|v| v.as_string());
            return Err(attach(Error::job_failed(&attempted, code, &state, detail.as_deref())));
        }
        let waited = (js_sys::Date::now() - started).max(0.0) as u64;
        if waited >= s.timeout_ms {
            return Err(attach(Error::wait_timeout(&attempted, s.timeout_ms, Some(&state).filter(|s| !s.is_empty()).map(String::as_str))));
        }
        if let Err(reason) = signals::sleep(interval.min(s.timeout_ms - waited), &signals).await {
            return Err(attach(Error::aborted(&attempted, Some(Rc::new(reason)))));
        }
        interval = (interval + interval / 2).min(s.max_interval_ms);
    }
}

#[wasm_bindgen(typescript_custom_section)]
const WAIT_TYPES: &str = r#"
/** Options of the waiters (`waitForAssetImport`, `waitForIndex`, `waitForSceneSummary`, ...). */
export interface WaitOptions<S> {
  /** The first wait between polls in milliseconds (default 2000); it grows by half each poll. */
  intervalMs?: number;
  /** The longest wait between polls in milliseconds (default 30000). */
  maxIntervalMs?: number;
  /** How long to wait in all, in milliseconds (default 3600000, one hour); then a `TimeoutError`. */
  timeoutMs?: number;
  /** Aborting it rejects the wait with an `AbortError` at once (a poll in flight is cancelled). */
  signal?: AbortSignal;
  /** Called with each status that differs from the one before (the first one included). */
  onProgress?: (status: S) => void;
  /** The retry policy of each poll. */
  retries?: RetryOptions;
}
"#;
