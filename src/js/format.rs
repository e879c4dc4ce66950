//! The core's document format in wasm: JS values read with serde-wasm-bindgen (serde_path_to_error
//! names the field at fault) and written as JSON text with the runtime's `JSON.stringify`.

use js_sys::Reflect;
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::JsValue;

use crate::core::format::{FieldError, Format};

/// JS values as documents.
pub struct JsFormat;

impl Format for JsFormat {
    type Value = JsValue;

    fn read<T: DeserializeOwned>(value: &JsValue) -> Result<T, FieldError> {
        let deserializer = serde_wasm_bindgen::Deserializer::from(value.clone());
        serde_path_to_error::deserialize(deserializer).map_err(|e| {
            let path = e.path().to_string();
            FieldError { path: if path == "." { String::new() } else { path }, problem: e.into_inner().to_string() }
        })
    }

    fn member(value: &JsValue, key: &str) -> Option<JsValue> {
        if !value.is_object() {
            return None;
        }
        Reflect::get(value, &JsValue::from_str(key)).ok().filter(|v| !v.is_undefined() && !v.is_null())
    }

    fn set_member(value: &JsValue, key: &str, member: &JsValue) -> bool {
        value.is_object() && Reflect::set(value, &JsValue::from_str(key), member).unwrap_or(false)
    }

    fn write<T: Serialize>(value: &T) -> Result<String, String> {
        let serializer = serde_wasm_bindgen::Serializer::json_compatible();
        let js = value.serialize(&serializer).map_err(|e| e.to_string())?;
        js_sys::JSON::stringify(&js).ok().and_then(|s| s.as_string()).ok_or_else(|| "could not be written as JSON".to_owned())
    }
}

/// Reads `T` from a JS value (already a safe copy, see `input::snapshot`).
pub fn read<T: DeserializeOwned>(value: &JsValue) -> Result<T, crate::core::error::Error> {
    JsFormat::read(value).map_err(crate::api::input_error)
}
