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
    pub fn read(this: &Plain, key: &str) -> JsValue;
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
        let slot = ((key.as_ptr() as usize as u32 ^ key.len() as u32).wrapping_mul(0x9E37_79B9) >> 25) as usize;
        let cached = NAMES.try_with(|names| {
            let mut names = names.try_borrow_mut().ok()?;
            let entry = names.get_mut(slot)?;
            if !matches!(entry, Some((text, _)) if **text == *key) {
                *entry = Some((key.into(), JsValue::from_str(key)));
            }
            entry.as_ref().map(|(_, name)| self.read_key(name))
        });
        cached.ok().flatten().unwrap_or_else(|| self.read(key))
    }

    /// The member `key` (through `get`), `None` when `undefined` or `null`.
    pub fn member(&self, key: &str) -> Option<JsValue> {
        Some(self.get(key)).filter(|v| !v.is_null_or_undefined())
    }
}
