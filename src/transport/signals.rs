//! Waiting in JS from Rust: timers on the global `setTimeout`, the caller's abort signals as a future,
//! and a race of two futures. It never reads `window` and never keeps a listener after its wait ends.

use core::future::{poll_fn, Future};
use core::pin::pin;
use core::task::Poll;
use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortSignal;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(handler: &Function, ms: f64) -> JsValue;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(id: &JsValue);
}

/// Which of two futures finished first.
pub enum Either<A, B> {
    Left(A),
    Right(B),
}

/// Runs both futures and returns the first to finish (the left one wins a tie); the other is dropped.
pub async fn race<A: Future, B: Future>(a: A, b: B) -> Either<A::Output, B::Output> {
    let mut a = pin!(a);
    let mut b = pin!(b);
    poll_fn(|cx| {
        if let Poll::Ready(x) = a.as_mut().poll(cx) {
            return Poll::Ready(Either::Left(x));
        }
        if let Poll::Ready(y) = b.as_mut().poll(cx) {
            return Poll::Ready(Either::Right(y));
        }
        Poll::Pending
    })
    .await
}

/// How a wait ended early.
pub enum Stop {
    /// The time limit passed.
    Timeout,
    /// A caller's signal aborted, with its reason.
    Aborted(JsValue),
}

/// A pending wait on a timer and the caller's signals. Dropping it clears the timer and removes every
/// listener it added, so nothing outlives the attempt.
pub struct Watch {
    promise: Promise,
    /// The promise's resolve function until it is called.
    resolve: Rc<RefCell<Option<Function>>>,
    timer: Option<JsValue>,
    listeners: Vec<(AbortSignal, Closure<dyn FnMut()>)>,
    _on_timer: Option<Closure<dyn FnMut()>>,
}

impl Watch {
    /// Resolves with `Stop` when `timeout_ms` passes (if given) or one of `signals` aborts. The
    /// signals are read when they fire, so a signal already aborted is the caller's to check first.
    pub fn new(timeout_ms: Option<f64>, signals: &[AbortSignal]) -> Watch {
        let resolve: Rc<RefCell<Option<Function>>> = Rc::new(RefCell::new(None));
        let slot = Rc::clone(&resolve);
        let kept = Rc::clone(&resolve);
        let promise = Promise::new(&mut |ok, _| {
            slot.replace(Some(ok));
        });
        let fire = move |value: JsValue| {
            if let Some(ok) = resolve.try_borrow_mut().ok().and_then(|mut r| r.take()) {
                let _ = ok.call1(&JsValue::UNDEFINED, &value);
            }
        };
        let mut listeners = Vec::with_capacity(signals.len());
        for signal in signals {
            let fire = fire.clone();
            let watched = signal.clone();
            let listener = Closure::<dyn FnMut()>::new(move || {
                // An array tells an abort (with its reason) from the timer's `undefined`.
                fire(js_sys::Array::of1(&watched.reason()).into());
            });
            let _ = signal.add_event_listener_with_callback("abort", listener.as_ref().unchecked_ref());
            listeners.push((signal.clone(), listener));
        }
        let (timer, on_timer) = match timeout_ms {
            Some(ms) => {
                let on_timer = Closure::<dyn FnMut()>::new(move || fire(JsValue::UNDEFINED));
                (Some(set_timeout(on_timer.as_ref().unchecked_ref(), ms)), Some(on_timer))
            }
            None => (None, None),
        };
        Watch { promise, resolve: kept, timer, listeners, _on_timer: on_timer }
    }

    /// Resolves when the wait ends.
    pub async fn stopped(&self) -> Stop {
        let value = JsFuture::from(self.promise.clone()).await.unwrap_or(JsValue::UNDEFINED);
        if value.is_undefined() {
            Stop::Timeout
        } else {
            Stop::Aborted(js_sys::Array::from(&value).get(0))
        }
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        // A `JsFuture` frees its callbacks only when its promise settles: settle it now, so a wait that
        // ended another way (the fetch answered first) leaves nothing behind.
        if let Some(ok) = self.resolve.try_borrow_mut().ok().and_then(|mut r| r.take()) {
            let _ = ok.call1(&JsValue::UNDEFINED, &JsValue::NULL);
        }
        if let Some(timer) = &self.timer {
            clear_timeout(timer);
        }
        for (signal, listener) in &self.listeners {
            let _ = signal.remove_event_listener_with_callback("abort", listener.as_ref().unchecked_ref());
        }
    }
}

/// The reason of the first of `signals` that has already aborted.
pub fn already_aborted(signals: &[AbortSignal]) -> Option<JsValue> {
    signals.iter().find(|s| s.aborted()).map(AbortSignal::reason)
}

/// Waits `ms` milliseconds, or until one of `signals` aborts (its reason).
pub async fn sleep(ms: u64, signals: &[AbortSignal]) -> Result<(), JsValue> {
    if let Some(reason) = already_aborted(signals) {
        return Err(reason);
    }
    match Watch::new(Some(ms as f64), signals).stopped().await {
        Stop::Timeout => Ok(()),
        Stop::Aborted(reason) => Err(reason),
    }
}
