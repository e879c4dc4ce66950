//! Safe reading of JS input: a caller's options object is copied into a fresh plain object through
//! `catch` imports only (a throwing getter, a proxy trap or a revoked proxy becomes a typed error, never
//! an exception unwinding through wasm), unknown options are refused, and strings with lone surrogates
//! are refused. serde-wasm-bindgen then reads only the copy.

use js_sys::{Array, JsString, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::AbortSignal;

use crate::core::error::Error;
use crate::transport::plain::Plain;

/// Deepest nesting copied, and the most members or items per object or array.
const MAX_DEPTH: u32 = 8;
const MAX_MEMBERS: u32 = 1000;

/// A fresh copy of the plain options object `value` whose own keys must all pass `known`. Values:
/// strings, numbers, booleans, `null` and `undefined` as they are; plain objects and arrays copied in
/// turn; functions and `AbortSignal`s kept by reference; anything else (class instances, maps,
/// symbols) replaced by a symbol, which every typed field refuses.
pub fn snapshot(value: &JsValue, field: &str, known: &dyn Fn(&str) -> bool, known_text: &dyn Fn() -> String) -> Result<Object, Error> {
    if !is_plain(value) {
        return Err(Error::validation(field, &format!("must be a plain object, not {}", describe(value))));
    }
    let keys = Reflect::own_keys(value).map_err(|_| Error::validation(field, "must be a readable object"))?;
    if keys.length() > MAX_MEMBERS {
        return Err(Error::validation(field, "has too many keys"));
    }
    let copy = Object::new();
    for key in keys.iter() {
        let Some(name) = key.as_string() else { continue };
        if !known(&name) {
            let shown: String = name.chars().take(40).filter(|c| !c.is_control()).collect();
            return Err(Error::validation(field, &format!("has an unknown option `{shown}` (known: {})", known_text())));
        }
        let member = Reflect::get(value, &key).map_err(|_| Error::validation(&name, "could not be read (its getter threw)"))?;
        copy.unchecked_ref::<Plain>().write(&key, &copy_value(&member, &name, 1)?);
    }
    Ok(copy)
}

fn copy_value(value: &JsValue, field: &str, depth: u32) -> Result<JsValue, Error> {
    if let Some(text) = value.dyn_ref::<JsString>() {
        if !well_formed(text) {
            return Err(Error::validation(field, "must be well-formed Unicode (it has a lone surrogate)"));
        }
        return Ok(value.clone());
    }
    if !value.is_object() || value.is_function() || value.is_instance_of::<AbortSignal>() {
        // A symbol or a BigInt is no value any option takes (ids are numbers or decimal text).
        return Ok(if value.is_symbol() || value.is_bigint() { opaque() } else { value.clone() });
    }
    if depth > MAX_DEPTH {
        return Err(Error::validation(field, "is nested too deeply"));
    }
    if value.is_instance_of::<Array>() {
        let length = Reflect::get(value, &JsValue::from_str("length")).ok().and_then(|l| l.as_f64()).unwrap_or(0.0);
        if length > f64::from(MAX_MEMBERS) {
            return Err(Error::validation(field, &format!("must have at most {MAX_MEMBERS} items")));
        }
        let copy = Array::new();
        for i in 0..length as u32 {
            let item = Reflect::get_u32(value, i).map_err(|_| Error::validation(field, "could not be read (an item's getter threw)"))?;
            copy.push(&copy_value(&item, &format!("{field}[{i}]"), depth + 1)?);
        }
        return Ok(copy.into());
    }
    if !is_plain(value) {
        return Ok(opaque());
    }
    let keys = Reflect::own_keys(value).map_err(|_| Error::validation(field, "must be a readable object"))?;
    if keys.length() > MAX_MEMBERS {
        return Err(Error::validation(field, &format!("must have at most {MAX_MEMBERS} members")));
    }
    let copy = Object::new();
    // `__proto__` would set the copy's prototype rather than a member: it is never copied.
    for key in keys.iter().filter(|k| k.is_string() && k.as_string().as_deref() != Some("__proto__")) {
        let name = format!("{field}.{}", key.as_string().unwrap_or_default());
        let member = Reflect::get(value, &key).map_err(|_| Error::validation(&name, "could not be read (its getter threw)"))?;
        copy.unchecked_ref::<Plain>().write(&key, &copy_value(&member, &name, depth + 1)?);
    }
    Ok(copy.into())
}

/// `text` has no lone surrogate: `String.prototype.isWellFormed` (one crossing) where the runtime has
/// it, else js-sys's check of each UTF-16 unit (one crossing per unit).
pub fn well_formed(text: &JsString) -> bool {
    thread_local! {
        static HAS_IS_WELL_FORMED: bool = Reflect::get(&js_sys::global(), &JsValue::from_str("String"))
            .and_then(|string| Reflect::get(&string, &JsValue::from_str("prototype")))
            .and_then(|proto| Reflect::has(&proto, &JsValue::from_str("isWellFormed")))
            .unwrap_or(false);
    }
    if HAS_IS_WELL_FORMED.try_with(|has| *has).unwrap_or(false) {
        text.is_well_formed()
    } else {
        text.is_valid_utf16()
    }
}

/// What stands in for a value of a kind no option takes: a symbol, refused by every typed field.
fn opaque() -> JsValue {
    js_sys::Symbol::for_("ncloud-media-intelligence: not a plain value").into()
}

/// `value` is an object whose prototype is `Object.prototype` or `null` (read through a `catch` import).
pub fn is_plain(value: &JsValue) -> bool {
    thread_local! {
        static OBJECT_PROTOTYPE: Option<JsValue> = Reflect::get_prototype_of(&Object::new()).ok().map(JsValue::from);
    }
    if !value.is_object() || value.is_function() {
        return false;
    }
    match Reflect::get_prototype_of(value) {
        Ok(proto) => proto.is_null() || OBJECT_PROTOTYPE.with(|o| o.as_ref() == Some(proto.as_ref())),
        Err(_) => false,
    }
}

/// The JS type of `value` for messages (`number`, `an array`, `null`, ...), never the value itself.
pub fn describe(value: &JsValue) -> String {
    if value.is_null() {
        "null".to_owned()
    } else if value.is_instance_of::<Array>() {
        "an array".to_owned()
    } else {
        value.js_typeof().as_string().unwrap_or_else(|| "unknown".to_owned())
    }
}

/// The member `key` of a snapshot, `None` when `undefined` or `null`.
pub fn member(object: &Object, key: &str) -> Option<JsValue> {
    object.unchecked_ref::<Plain>().member(key)
}

/// `value` as well-formed text, for arguments passed on their own (not in an options object). One
/// crossing for the text; the exact lone-surrogate check runs only when the text holds U+FFFD (which
/// is what the conversion makes of a lone surrogate).
pub fn string(value: &JsValue, field: &str) -> Result<String, Error> {
    match value.as_string() {
        Some(text) if text.as_bytes().contains(&0xEF) && !well_formed(value.unchecked_ref::<JsString>()) => {
            Err(Error::validation(field, "must be well-formed Unicode (it has a lone surrogate)"))
        }
        Some(text) => Ok(text),
        None => Err(Error::validation(field, &format!("must be a string, not {}", describe(value)))),
    }
}

/// The values of the options named in `known` (in that order, `undefined` when absent) of the plain
/// object `value`, whose own keys must all be known: read through `catch` reads only, without a copy.
/// For the signer's hot path; the rest reads options through `snapshot` and serde. When the object
/// has as many own keys as values present, no key is unknown and none is read as text.
pub fn known_values(value: &JsValue, field: &str, known: &'static [&'static str]) -> Result<Vec<JsValue>, Error> {
    if !is_plain(value) {
        return Err(Error::validation(field, &format!("must be a plain object, not {}", describe(value))));
    }
    let keys = Reflect::own_keys(value).map_err(|_| Error::validation(field, "must be a readable object"))?;
    let values = with_names(known, |names| {
        names.iter().zip(known).map(|(key, name)| Reflect::get(value, key).map_err(|_| Error::validation(name, "could not be read (its getter threw)"))).collect::<Result<Vec<_>, _>>()
    })?;
    let present = values.iter().filter(|v| !v.is_undefined()).count();
    if keys.length() as usize != present {
        for key in keys.iter() {
            let Some(name) = key.as_string() else { continue };
            if !known.contains(&name.as_str()) {
                let shown: String = name.chars().take(40).filter(|c| !c.is_control()).collect();
                return Err(Error::validation(field, &format!("has an unknown option `{shown}` (known: {})", known.join(", "))));
            }
        }
    }
    Ok(values)
}

/// Calls `f` with the JS strings of `names` (made once per list and kept: the lists written in this
/// crate, a bounded few), without copying their handles.
pub fn with_names<R>(names: &'static [&'static str], f: impl FnOnce(&[JsValue]) -> R) -> R {
    thread_local! {
        static LISTS: std::cell::RefCell<Vec<(&'static [&'static str], &'static [JsValue])>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let found = LISTS.try_with(|lists| {
        let mut lists = lists.try_borrow_mut().ok()?;
        if let Some((_, values)) = lists.iter().find(|(n, _)| core::ptr::eq(*n, names)) {
            return Some(*values);
        }
        let values: &'static [JsValue] = Box::leak(names.iter().map(|n| JsValue::from_str(n)).collect::<Vec<_>>().into_boxed_slice());
        lists.push((names, values));
        Some(values)
    });
    match found.ok().flatten() {
        Some(values) => f(values),
        None => f(&names.iter().map(|n| JsValue::from_str(n)).collect::<Vec<_>>()),
    }
}



/// `params` (when a plain object) as a safe copy of all its keys, for a helper that adds or removes
/// members before the operation's own reading checks them; anything else as it is, for that reading to
/// refuse with its usual message. The copy reads through `catch` reads only (see `snapshot`).
pub fn plain_copy(params: &JsValue) -> Result<Option<Object>, Error> {
    if !is_plain(params) {
        return Ok(None);
    }
    snapshot(params, "options", &|_| true, &String::new).map(Some)
}

/// A function member of a snapshot, or `None`.
pub fn function(object: &Object, key: &str) -> Result<Option<js_sys::Function>, Error> {
    match member(object, key) {
        None => Ok(None),
        Some(value) => value.dyn_into().map(Some).map_err(|v| Error::validation(key, &format!("must be a function, not {}", describe(&v)))),
    }
}

/// An `AbortSignal` member of a snapshot, or `None`. `instanceof` alone accepts
/// `Object.create(AbortSignal.prototype)`, whose getters throw; probing `aborted` through a catching
/// import keeps such a fake from throwing inside wasm later.
pub fn signal(object: &Object, key: &str) -> Result<Option<AbortSignal>, Error> {
    let Some(value) = member(object, key) else { return Ok(None) };
    let real = value.is_instance_of::<AbortSignal>() && Reflect::get(&value, &JsValue::from_str("aborted")).is_ok_and(|a| a.as_bool().is_some());
    if !real {
        return Err(Error::validation(key, &format!("must be an AbortSignal, not {}", describe(&value))));
    }
    Ok(Some(value.unchecked_into()))
}
