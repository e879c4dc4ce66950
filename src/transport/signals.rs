//! Waiting in JS from Rust: timers on the global `setTimeout` and the caller's abort signals as a Rust
//! future, and a race of two futures. It never reads `window` and never keeps a timer or a listener
//! after its wait ends.

use core::future::{poll_fn, Future};
use core::pin::pin;
use core::task::{Poll, Waker};
use std::cell::RefCell;
use std::rc::Rc;

use js_sys::Function;
use wasm_bindgen::prelude::*;
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

/// What a wait's timer and listeners report, and the task to wake.
#[derive(Default)]
struct Shared {
    stop: Option<Stop>,
    waker: Option<Waker>,
}

/// A pending wait on a timer and the caller's signals, as a Rust future woken straight from the timer
/// or the listener (no promise in between). Dropping it clears the timer and leaves its signals, so
/// nothing outlives the attempt.
pub struct Watch {
    shared: Rc<RefCell<Shared>>,
    timer: Option<JsValue>,
    signals: Vec<AbortSignal>,
    _on_timer: Option<Closure<dyn FnMut()>>,
}

/// One `abort` listener per signal, however many waits watch it: Node warns
/// (`MaxListenersExceededWarning`) past ten listeners on one signal, and users read that as a leak.
struct Watched {
    signal: AbortSignal,
    listener: Closure<dyn FnMut()>,
    waits: Vec<Rc<RefCell<Shared>>>,
}

thread_local! {
    static WATCHED: RefCell<Vec<Watched>> = const { RefCell::new(Vec::new()) };
}

/// Adds a wait to `signal`'s watchers, adding the signal's one listener if it is the first.
fn subscribe(signal: &AbortSignal, wait: &Rc<RefCell<Shared>>) {
    let _ = WATCHED.try_with(|all| {
        let Ok(mut all) = all.try_borrow_mut() else { return };
        if let Some(watched) = all.iter_mut().find(|w| w.signal == *signal) {
            watched.waits.push(Rc::clone(wait));
            return;
        }
        let fired = signal.clone();
        let listener = Closure::<dyn FnMut()>::new(move || {
            // Taken out first: a wait woken here may start another one on the same signal.
            let waits = WATCHED.try_with(|all| {
                let mut all = all.try_borrow_mut().ok()?;
                let at = all.iter().position(|w| w.signal == fired)?;
                let watched = all.swap_remove(at);
                let _ = watched.signal.remove_event_listener_with_callback("abort", watched.listener.as_ref().unchecked_ref());
                Some(watched.waits)
            });
            for wait in waits.ok().flatten().unwrap_or_default() {
                report(&wait, Stop::Aborted(fired.reason()));
            }
        });
        let _ = signal.add_event_listener_with_callback("abort", listener.as_ref().unchecked_ref());
        all.push(Watched { signal: signal.clone(), listener, waits: vec![Rc::clone(wait)] });
    });
}

/// Removes a wait from `signal`'s watchers, and the signal's listener with the last one.
fn unsubscribe(signal: &AbortSignal, wait: &Rc<RefCell<Shared>>) {
    let _ = WATCHED.try_with(|all| {
        let Ok(mut all) = all.try_borrow_mut() else { return };
        let Some(at) = all.iter().position(|w| w.signal == *signal) else { return };
        if let Some(watched) = all.get_mut(at) {
            watched.waits.retain(|w| !Rc::ptr_eq(w, wait));
            if watched.waits.is_empty() {
                let watched = all.swap_remove(at);
                let _ = watched.signal.remove_event_listener_with_callback("abort", watched.listener.as_ref().unchecked_ref());
            }
        }
    });
}

fn report(shared: &Rc<RefCell<Shared>>, stop: Stop) {
    if let Ok(mut state) = shared.try_borrow_mut() {
        if state.stop.is_none() {
            state.stop = Some(stop);
            if let Some(waker) = state.waker.take() {
                waker.wake();
            }
        }
    }
}

impl Watch {
    /// Ends when `timeout_ms` passes (if given) or one of `signals` aborts. The signals are read when
    /// they fire, so a signal already aborted is the caller's to check first.
    pub fn new(timeout_ms: Option<f64>, signals: &[AbortSignal]) -> Watch {
        let shared = Rc::new(RefCell::new(Shared::default()));
        for signal in signals {
            subscribe(signal, &shared);
        }
        let (timer, on_timer) = match timeout_ms {
            Some(ms) => {
                let state = Rc::clone(&shared);
                let on_timer = Closure::<dyn FnMut()>::new(move || report(&state, Stop::Timeout));
                (Some(set_timeout(on_timer.as_ref().unchecked_ref(), ms)), Some(on_timer))
            }
            None => (None, None),
        };
        Watch { shared, timer, signals: signals.to_vec(), _on_timer: on_timer }
    }

    /// Resolves when the wait ends.
    pub async fn stopped(&self) -> Stop {
        poll_fn(|cx| match self.shared.try_borrow_mut() {
            Ok(mut state) => match state.stop.take() {
                Some(stop) => Poll::Ready(stop),
                None => {
                    state.waker = Some(cx.waker().clone());
                    Poll::Pending
                }
            },
            // Not reached: the state is borrowed only for these few lines, never across an await.
            Err(_) => Poll::Pending,
        })
        .await
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        if let Some(timer) = &self.timer {
            clear_timeout(timer);
        }
        for signal in &self.signals {
            unsubscribe(signal, &self.shared);
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
