//! Reads JS option objects into Rust values, field by field, with an error that names the field and the
//! rule. Never panics on any JS value (proxies, getters that throw, lone surrogates) and never echoes a
//! value back into a message.

use js_sys::{Array, Function, JsString, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::error::Error;
use crate::sign::Credentials;
use crate::validate;

/// `value` as a plain options object (`{...}` or `Object.create(null)`): not `null`, an array, a
/// function, a class instance or a primitive. Keys outside `known` are refused, so a misspelt option is
/// caught instead of silently ignored. Only `catch` imports touch the value: a hostile proxy or a
/// revoked one gives an error, never an exception unwinding through wasm.
pub fn options<'a>(value: &'a JsValue, field: &'static str, known: &[&str]) -> Result<&'a Object, Error> {
    let (object, keys) = plain_object(value, field)?;
    for key in keys.iter() {
        let Some(key) = key.as_string() else { continue }; // symbol keys are not options
        if !known.contains(&key.as_str()) {
            let shown: String = key.chars().take(40).filter(|c| !c.is_control()).collect();
            let rule = format!("has an unknown option `{shown}` (known: {})", known.join(", "));
            return Err(Error::validation(field, &rule));
        }
    }
    Ok(object)
}

/// `value` as a plain object with its own keys, read through `catch` imports only.
fn plain_object<'a>(value: &'a JsValue, field: &'static str) -> Result<(&'a Object, Array), Error> {
    thread_local! {
        // Object.prototype, read once from a fresh object.
        static OBJECT_PROTOTYPE: Option<JsValue> = Reflect::get_prototype_of(&Object::new()).ok().map(JsValue::from);
    }
    let plain = value.is_object() && !value.is_function() && {
        let proto = Reflect::get_prototype_of(value).map(JsValue::from);
        matches!(proto, Ok(p) if p.is_null() || OBJECT_PROTOTYPE.with(|o| o.as_ref() == Some(&p)))
    };
    if !plain {
        return Err(Error::validation(field, &format!("must be a plain object, not {}", describe(value))));
    }
    let object: &Object = value.unchecked_ref();
    let keys = Reflect::own_keys(object).map_err(|_| Error::validation(field, "must be a readable object"))?;
    Ok((object, keys))
}

/// A plain object of string values (`{ name: "value" }`), as pairs; at most 64 entries.
pub fn string_map(value: &JsValue, field: &'static str) -> Result<Vec<(String, String)>, Error> {
    let (object, keys) = plain_object(value, field)?;
    if keys.length() > 64 {
        return Err(Error::validation(field, "must have at most 64 entries"));
    }
    let mut pairs = Vec::new();
    for key in keys.iter() {
        let Some(name) = key.as_string() else { continue };
        let value = Reflect::get(object, &key).map_err(|_| Error::validation(field, "could not be read (a getter threw)"))?;
        pairs.push((name, string(&value, field)?));
    }
    Ok(pairs)
}

/// The property `key` of `object`, `None` when it is `undefined` or `null`.
pub fn get(object: &Object, key: &'static str) -> Result<Option<JsValue>, Error> {
    let value = Reflect::get(object, &JsValue::from_str(key))
        .map_err(|_| Error::validation(key, "could not be read (its getter threw)"))?;
    Ok(if value.is_undefined() || value.is_null() { None } else { Some(value) })
}

/// `value` as text: a string of well-formed Unicode (no lone surrogates).
pub fn string(value: &JsValue, field: &'static str) -> Result<String, Error> {
    let text = value
        .dyn_ref::<JsString>()
        .ok_or_else(|| Error::validation(field, &format!("must be a string, not {}", describe(value))))?;
    let converted = String::from(text);
    // The conversion turns a lone surrogate into U+FFFD; only then is the exact (one call per UTF-16
    // unit) check worth its cost, to tell a real U+FFFD from a replaced surrogate.
    if converted.contains('\u{FFFD}') && !text.is_valid_utf16() {
        return Err(Error::validation(field, "must be well-formed Unicode (it has a lone surrogate)"));
    }
    Ok(converted)
}

/// A required, non-empty string property.
pub fn required_string(object: &Object, key: &'static str) -> Result<String, Error> {
    let value = get(object, key)?.ok_or_else(|| Error::validation(key, "is required"))?;
    let text = string(&value, key)?;
    if text.is_empty() {
        return Err(Error::validation(key, "must not be empty"));
    }
    Ok(text)
}

/// An optional string property (`undefined` and `null` mean absent).
pub fn optional_string(object: &Object, key: &'static str) -> Result<Option<String>, Error> {
    get(object, key)?.map(|v| string(&v, key)).transpose()
}

/// An optional whole number in `min..=max`.
pub fn optional_integer(object: &Object, key: &'static str, min: u32, max: u32) -> Result<Option<u32>, Error> {
    let Some(value) = get(object, key)? else { return Ok(None) };
    match value.as_f64() {
        // In range and whole, so the conversion is exact.
        Some(n) if n.fract() == 0.0 && (f64::from(min)..=f64::from(max)).contains(&n) => Ok(Some(n as u32)),
        _ => Err(Error::validation(key, &format!("must be a whole number from {min} to {max}"))),
    }
}

/// An optional function property.
pub fn optional_function(object: &Object, key: &'static str) -> Result<Option<Function>, Error> {
    let Some(value) = get(object, key)? else { return Ok(None) };
    value
        .dyn_into::<Function>()
        .map(Some)
        .map_err(|v| Error::validation(key, &format!("must be a function, not {}", describe(&v))))
}

/// The JS type of `value` for messages (`number`, `array`, `null`, ...), never the value itself.
pub fn describe(value: &JsValue) -> String {
    if value.is_null() {
        "null".to_owned()
    } else if value.is_instance_of::<Array>() {
        "an array".to_owned()
    } else {
        value.js_typeof().as_string().unwrap_or_else(|| "unknown".to_owned())
    }
}

/// `accessKey` and `secretKey`, checked, as a keyed signer. The secret's text is wiped once keyed.
pub fn credentials(object: &Object) -> Result<Credentials, Error> {
    let access_key = required_string(object, "accessKey")?;
    validate::access_key(&access_key)?;
    let secret_key = zeroize::Zeroizing::new(required_string(object, "secretKey")?);
    validate::secret_key(&secret_key)?;
    Ok(Credentials::new(&access_key, &secret_key))
}
