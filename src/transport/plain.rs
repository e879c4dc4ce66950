//! Plain data objects (`JSON.parse` results, fresh objects, and the safe copies `js::input::snapshot`
//! makes) read and written directly: their members are data properties, so no getter or setter can
//! throw, and the `catch` wrapper of `Reflect` is not needed. Never used on a caller's own object.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// A plain data object (a `JSON.parse` result, or a copy made by `input::snapshot`): its members
    /// are data properties, so reading and writing them cannot throw.
    #[wasm_bindgen(extends = js_sys::Object)]
    pub type Plain;
    #[wasm_bindgen(method, structural, indexing_getter)]
    fn read_key(this: &Plain, key: &JsValue) -> JsValue;
    #[wasm_bindgen(method, structural, indexing_setter)]
    pub fn write(this: &Plain, key: &JsValue, value: &JsValue);
}

/// Slots of the member-name cache (the top 7 bits of a hash).
const SLOTS: usize = 128;

/// A cached name: its text and its JS string.
type Name = (Box<str>, JsValue);

thread_local! {
    /// JS strings of member names, made once: a direct-mapped cache keyed by the text's address and
    /// length (the names are the crate's own `&'static str`s), each slot checked against the text.
    static NAMES: RefCell<[Option<Name>; SLOTS]> = const { RefCell::new([const { None }; SLOTS]) };
}

impl Plain {
    /// The member `key`, through the cached JS string of `key`: a walk over many items reads the same
    /// names without decoding them from wasm memory each time.
    pub fn get(&self, key: &str) -> JsValue {
        with_name(key, |name| self.read_key(name)).unwrap_or(JsValue::UNDEFINED)
    }

    /// Sets the member `key` to `value`, through the cached JS string of `key`.
    pub fn set(&self, key: &str, value: &JsValue) {
        let _ = with_name(key, |name| self.write(name, value));
    }

    /// The member `key` (through `get`), `None` when `undefined` or `null`.
    pub fn member(&self, key: &str) -> Option<JsValue> {
        Some(self.get(key)).filter(|v| !v.is_null_or_undefined())
    }
}

/// Calls `f` with the cached JS string of `key` (made on its first use, or when another name took its
/// slot since), or with a fresh one when the cache is not at hand. `None` only if `f` could not run,
/// which no path reaches: `f` runs exactly once, in the cache or after it.
fn with_name<R>(key: &str, f: impl FnOnce(&JsValue) -> R) -> Option<R> {
    let slot = ((key.as_ptr() as usize as u32 ^ key.len() as u32).wrapping_mul(0x9E37_79B9) >> 25) as usize;
    let mut f = Some(f);
    let mut out = None;
    let _ = NAMES.try_with(|names| {
        let Ok(mut names) = names.try_borrow_mut() else { return };
        let Some(entry) = names.get_mut(slot) else { return };
        if !matches!(entry, Some((text, _)) if **text == *key) {
            *entry = Some((key.into(), JsValue::from_str(key)));
        }
        // `f` reads or writes a plain data object: no JS runs that could come back to the cache.
        if let (Some((_, name)), Some(f)) = (entry.as_ref(), f.take()) {
            out = Some(f(name));
        }
    });
    if let Some(f) = f.take() {
        out = Some(f(&JsValue::from_str(key)));
    }
    out
}
