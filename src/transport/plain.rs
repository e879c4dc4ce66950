//! Plain data objects (`JSON.parse` results, fresh objects, and the safe copies `js::input::snapshot`
//! makes) read and written directly: their members are data properties, so no getter or setter can
//! throw, and the `catch` wrapper of `Reflect` is not needed. Never used on a caller's own object.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// A plain data object (a `JSON.parse` result, or a copy made by `input::snapshot`): its members
    /// are data properties, so reading and writing them cannot throw.
    #[wasm_bindgen(extends = js_sys::Object)]
    pub type Plain;
    #[wasm_bindgen(method, structural, indexing_getter)]
    pub fn read(this: &Plain, key: &str) -> JsValue;
    #[wasm_bindgen(method, structural, indexing_setter)]
    pub fn write(this: &Plain, key: &JsValue, value: &JsValue);
}
