//! The core's document format in wasm: JS values read with serde-wasm-bindgen, their shapes walked
//! for `core::shape`, and bodies written as JSON text by serde_json.

use js_sys::{Array, Reflect};
use wasm_bindgen::JsCast;
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::JsValue;

use crate::core::format::{FieldError, Format, Kind};
use crate::transport::plain::Plain;

/// JS values as documents.
pub struct JsFormat;


impl Format for JsFormat {
    type Value = JsValue;

    fn read<T: DeserializeOwned>(value: &JsValue) -> Result<T, String> {
        serde_wasm_bindgen::from_value(value.clone()).map_err(|e| e.to_string())
    }

    fn kind(value: &JsValue) -> Kind {
        // Strings first: most documented members are.
        if value.is_string() {
            Kind::Text
        } else if let Some(n) = value.as_f64() {
            Kind::Number(n)
        } else if value.is_null_or_undefined() {
            Kind::Null
        } else if value.as_bool().is_some() {
            Kind::Bool
        } else if value.is_instance_of::<Array>() {
            Kind::List(Array::from(value).length() as usize)
        } else if value.is_object() && !value.is_function() {
            Kind::Object
        } else {
            Kind::Other
        }
    }

    fn is_text(value: &JsValue) -> bool {
        value.is_string()
    }

    fn is_absent(value: &JsValue) -> bool {
        value.is_null_or_undefined()
    }

    fn is_whole(value: &JsValue) -> bool {
        js_sys::Number::is_integer(value)
    }

    fn number(value: &JsValue) -> Option<f64> {
        value.as_f64()
    }

    fn is_record(value: &JsValue) -> bool {
        value.is_object() && !value.is_instance_of::<Array>()
    }

    fn length(value: &JsValue) -> Option<usize> {
        value.dyn_ref::<Array>().map(|a| a.length() as usize)
    }

    fn text(value: &JsValue) -> Option<String> {
        // The usual case (a string) in one crossing.
        value.as_string().or_else(|| value.as_f64().filter(|n| n.fract() == 0.0 && n.abs() < 1e15).map(|n| (n as i64).to_string()))
    }

    fn item(value: &JsValue, index: usize) -> Option<JsValue> {
        // Only asked of a value `length` found to be an array: no second check.
        Some(value.unchecked_ref::<Array>().get(index as u32))
    }

    fn member(value: &JsValue, key: &str) -> Option<JsValue> {
        if !value.is_object() {
            return None;
        }
        // Documents are `JSON.parse` results or safe copies (see `input::snapshot`): plain data with no
        // getter to throw, so the direct read suffices.
        value.unchecked_ref::<Plain>().member(key)
    }

    fn field(value: &JsValue, key: &str) -> JsValue {
        value.unchecked_ref::<Plain>().get(key)
    }

    fn set_member(value: &JsValue, key: &str, member: &JsValue) -> bool {
        value.is_object() && Reflect::set(value, &JsValue::from_str(key), member).unwrap_or(false)
    }

    fn write<T: Serialize>(value: &T) -> Result<String, String> {
        serde_json::to_string(value).map_err(|_| "could not be written as JSON".to_owned())
    }
}

/// Reads `T` from a JS value (already a safe copy, see `input::snapshot`) whose fields cannot fail
/// to read (option values, `ParamValue`s) or were checked by shape first.
pub fn read<T: DeserializeOwned>(value: &JsValue) -> Result<T, crate::core::error::Error> {
    JsFormat::read(value).map_err(|problem| crate::api::input_error(FieldError { path: String::new(), problem }))
}
