//! Async iterators over every item of a paged list: plain JS objects with `next`, `return` and
//! `[Symbol.asyncIterator]`, fetching one page per call of the operation as the loop asks for items.
//! A `break` (which calls `return`) stops fetching; an error rejects the `next()` that met it.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use js_sys::{Array, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;

use crate::core::error::Error;
use crate::core::format::Format;
use crate::core::operation::Operation;
use crate::js::call::{prepare_copy, spawn, Inner, Prepared};
use crate::js::error::to_js;
use crate::js::format::JsFormat;

struct Pager {
    inner: Rc<Inner>,
    op: &'static Operation,
    prepared: Prepared,
    request_options: JsValue,
    next_page: u32,
    buffer: VecDeque<JsValue>,
    finished: bool,
    /// Settles when the page being fetched has been taken in: a `next()` called meanwhile waits for it
    /// instead of fetching the same page again.
    in_flight: Option<Promise>,
}

/// `{ value, done }`, as an iterator result.
fn step(value: &JsValue, done: bool) -> JsValue {
    let result = Object::new();
    let _ = Reflect::set(&result, &JsValue::from_str("value"), value);
    let _ = Reflect::set(&result, &JsValue::from_str("done"), &JsValue::from_bool(done));
    result.into()
}

/// The async iterator over every item of `op`'s pages, starting at the caller's `pageNum` (default 1).
/// Bad input throws at once, before any request.
pub fn items(inner: &Rc<Inner>, op: &'static Operation, options: JsValue, request_options: JsValue) -> Result<JsValue, JsValue> {
    let prepared = inner.prepare(op, &options, &request_options).map_err(|e| to_js(&e))?;
    // `pageNum` passed its rule when the call was prepared (a number or decimal text, 1 and up).
    let first = crate::js::input::member(&prepared.options, "pageNum")
        .and_then(|v| crate::js::format::read::<crate::core::validate::ParamValue>(&v).ok())
        .and_then(|v| crate::core::validate::whole("pageNum", &v, 1, u32::MAX).ok())
        .unwrap_or(1);
    let pager = Rc::new(RefCell::new(Pager { inner: Rc::clone(inner), op, prepared, request_options, next_page: first, buffer: VecDeque::new(), finished: false, in_flight: None }));
    let iterator = Object::new();
    let for_next = Rc::clone(&pager);
    let next = Closure::<dyn FnMut() -> Promise>::new(move || {
        let pager = Rc::clone(&for_next);
        spawn(Box::pin(async move { next_item(&pager).await.map_err(|e| to_js(&e)) }))
    });
    let for_return = Rc::clone(&pager);
    let stop = Closure::<dyn FnMut() -> Promise>::new(move || {
        if let Ok(mut p) = for_return.try_borrow_mut() {
            p.finished = true;
            p.buffer.clear();
        }
        Promise::resolve(&step(&JsValue::UNDEFINED, true))
    });
    let this = iterator.clone();
    let itself = Closure::<dyn FnMut() -> JsValue>::new(move || this.clone().into());
    let _ = Reflect::set(&iterator, &JsValue::from_str("next"), &next.into_js_value());
    let _ = Reflect::set(&iterator, &JsValue::from_str("return"), &stop.into_js_value());
    let _ = Reflect::set(&iterator, &js_sys::Symbol::async_iterator(), &itself.into_js_value());
    Ok(iterator.into())
}

async fn next_item(pager: &Rc<RefCell<Pager>>) -> Result<JsValue, Error> {
    loop {
        let waiting = pager.try_borrow().map_err(|_| busy())?.in_flight.clone();
        if let Some(page) = waiting {
            let _ = wasm_bindgen_futures::JsFuture::from(page).await;
            continue;
        }
        let (done, fetch) = {
            let mut p = pager.try_borrow_mut().map_err(|_| busy())?;
            if let Some(item) = p.buffer.pop_front() {
                return Ok(step(&item, false));
            }
            if p.finished {
                return Ok(step(&JsValue::UNDEFINED, true));
            }
            let (settle, page) = settler();
            p.in_flight = Some(page);
            let copy: Object = Object::assign(&Object::new(), &p.prepared.options);
            let _ = Reflect::set(&copy, &JsValue::from_str("pageNum"), &JsValue::from(p.next_page));
            let defaults = p.inner.client.config.limits;
            (settle, (Rc::clone(&p.inner), prepare_copy(p.op, copy, &p.request_options, defaults), p.op))
        };
        let (inner, prepared, op) = fetch;
        let page = match prepared {
            Ok(prepared) => inner.run(&prepared).await,
            Err(e) => Err(e),
        };
        let page = page.inspect_err(|_| {
            if let Ok(mut p) = pager.try_borrow_mut() {
                p.in_flight = None;
            }
            let _ = done.call0(&JsValue::UNDEFINED);
        })?;
        let items = op.paged.and_then(|paging| JsFormat::member(&page, paging.items)).map(|v| Array::from(&v)).unwrap_or_default();
        let number = |key: &str| JsFormat::member(&page, key).and_then(|v| v.as_f64());
        let mut p = pager.try_borrow_mut().map_err(|_| busy())?;
        p.in_flight = None;
        let _ = done.call0(&JsValue::UNDEFINED);
        if p.finished {
            continue; // `return()` was called while the page was in flight
        }
        let last = items.length() == 0 || matches!((number("pageNo"), number("totalPage")), (Some(no), Some(total)) if no >= total);
        p.buffer.extend(items.iter());
        p.next_page += 1;
        p.finished = last;
    }
}

/// A promise and the function that resolves it.
fn settler() -> (js_sys::Function, Promise) {
    let mut resolve = None;
    let promise = Promise::new(&mut |ok, _| resolve = Some(ok));
    (resolve.unwrap_or_else(|| js_sys::Function::new_no_args("")), promise)
}

fn busy() -> Error {
    Error::validation("next", "was called again before the previous next() settled")
}
