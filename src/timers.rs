//! Timers and abort plumbing over the runtime's globals (`setTimeout`, `clearTimeout`, `AbortSignal`
//! events), with a guard that always clears what it set. Used by the fetch transport only; it never
//! keeps a timer or a listener alive past the operation that made it.

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::AbortSignal;

/// Calls a global function by name (`setTimeout`, `clearTimeout`) with `globalThis` as `this`.
fn call_global(name: &str, args: &[&JsValue]) -> Option<JsValue> {
    let global = js_sys::global();
    let f: Function = Reflect::get(&global, &JsValue::from_str(name)).ok()?.dyn_into().ok()?;
    match args {
        [a] => f.call1(&global, a).ok(),
        [a, b] => f.call2(&global, a, b).ok(),
        _ => None,
    }
}

/// Timers and listeners of one operation; dropping it clears the timer and removes the listeners, so
/// no callback can run into a dropped closure and nothing keeps the event loop alive.
#[derive(Default)]
pub struct Guard {
    timer: Option<JsValue>,
    listeners: Vec<(AbortSignal, Closure<dyn FnMut()>)>,
}

impl Guard {
    /// Calls `resolve` after `ms` milliseconds unless the guard is dropped first.
    pub fn set_timeout_fn(&mut self, ms: f64, resolve: &Function) {
        self.timer = call_global("setTimeout", &[resolve.as_ref(), &JsValue::from_f64(ms)]);
    }

    /// Runs `callback` when `signal` aborts, until the guard is dropped.
    pub fn on_abort(&mut self, signal: &AbortSignal, callback: Closure<dyn FnMut()>) {
        let added = signal.add_event_listener_with_callback("abort", callback.as_ref().unchecked_ref());
        if added.is_ok() {
            self.listeners.push((signal.clone(), callback));
        }
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        if let Some(timer) = self.timer.take() {
            call_global("clearTimeout", &[&timer]);
        }
        for (signal, callback) in self.listeners.drain(..) {
            let _ = signal.remove_event_listener_with_callback("abort", callback.as_ref().unchecked_ref());
        }
    }
}

/// The first of `signals` that has aborted, with its reason.
pub fn aborted(signals: &[AbortSignal]) -> Option<JsValue> {
    signals.iter().find(|s| s.aborted()).map(AbortSignal::reason)
}

/// A promise that resolves after `ms`, or rejects with the reason of the first of `signals` to abort.
/// The returned guard must live until the promise settles.
pub fn sleep(ms: f64, signals: &[AbortSignal]) -> (Promise, Guard) {
    let mut guard = Guard::default();
    let promise = Promise::new(&mut |resolve, reject| {
        guard.set_timeout_fn(ms, &resolve);
        for signal in signals {
            let (signal_for_reason, reject) = (signal.clone(), reject.clone());
            let listener = Closure::new(move || {
                let _ = reject.call1(&JsValue::UNDEFINED, &signal_for_reason.reason());
            });
            guard.on_abort(signal, listener);
        }
    });
    (promise, guard)
}


/// The abort reason the request timer uses: one object for the instance's lifetime, so a timeout is
/// told from a caller's abort by identity.
pub fn timeout_marker() -> JsValue {
    thread_local! {
        static MARKER: JsValue = js_sys::Error::new("request timed out").into();
    }
    MARKER.with(JsValue::clone)
}
