//! Reads JS option objects into Rust values, field by field, with an error that names the field and the
//! rule. Never panics on any JS value (proxies, getters that throw, lone surrogates) and never echoes a
//! value back into a message.

use std::cell::RefCell;

use js_sys::{Array, Function, JsString, Object, Reflect};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

use crate::error::Error;
use crate::sign::Credentials;
use crate::text;
use crate::validate;

#[wasm_bindgen]
extern "C" {
    /// `Object.getOwnPropertyNames`: the own string keys, the same list `Reflect.ownKeys` gives less
    /// its symbols (one `ownKeys` trap on a proxy, as before).
    #[wasm_bindgen(catch, js_namespace = Object, js_name = getOwnPropertyNames)]
    fn own_property_names(object: &Object) -> Result<Array, JsValue>;

    /// `Array.prototype.join` with a JS string separator (no copy of it per call), on our own arrays of
    /// strings only: joining strings calls no user code, so it needs no `catch` (which costs about
    /// 0.2 us per call in V8).
    #[wasm_bindgen(js_namespace = ["Array", "prototype", "join"], js_name = call)]
    fn join_with(array: &Array, separator: &JsValue) -> JsString;

    /// An options object as JS sees it, to read a property with `object[name]`: the same lookup as
    /// `Reflect.get(object, name)` (getters and proxy traps included), but V8 caches it where
    /// `Reflect.get` takes its slow path on every call.
    #[wasm_bindgen(extends = Object, js_name = Object)]
    type Readable;

    #[wasm_bindgen(method, structural, indexing_getter, catch)]
    fn get(this: &Readable, name: &JsValue) -> Result<JsValue, JsValue>;
}

thread_local! {
    /// Property names as JS strings, made once per name: a fresh `JsValue::from_str` costs a UTF-8
    /// decode in JS on every use. Keyed by the `&'static str` itself, so it holds one entry per name
    /// written in this crate, never more.
    static INTERNED: RefCell<Vec<(&'static str, &'static JsValue)>> = const { RefCell::new(Vec::new()) };
}

/// `name` as a JS string, made once and kept for the life of the module (one per name written in this
/// crate, so a bounded few), then reused without copying even the handle.
pub fn interned(name: &'static str) -> &'static JsValue {
    let cached = INTERNED.try_with(|cache| {
        let mut cache = cache.try_borrow_mut().ok()?;
        if let Some((_, value)) = cache.iter().find(|(known, _)| core::ptr::eq(*known, name)) {
            return Some(*value);
        }
        let value: &'static JsValue = Box::leak(Box::new(JsValue::from_str(name)));
        cache.push((name, value));
        Some(value)
    });
    // Not reached: the cache is borrowed only inside this function, and wasm32 never tears it down.
    cached.ok().flatten().unwrap_or_else(|| Box::leak(Box::new(JsValue::from_str(name))))
}

/// `value` as a plain options object (`{...}` or `Object.create(null)`): not `null`, an array, a
/// function, a class instance or a primitive. Keys outside `known` are refused, so a misspelt option is
/// caught instead of silently ignored. Only `catch` imports touch the value: a hostile proxy or a
/// revoked one gives an error, never an exception unwinding through wasm.
pub fn options<'a>(value: &'a JsValue, field: &'static str, known: &[&str]) -> Result<&'a Object, Error> {
    let object = plain(value, field)?;
    let names = own_property_names(object).map_err(|_| Error::validation(field, "must be a readable object"))?;
    // Fast path: every name in one string, joined with a comma; each piece known and no more pieces
    // than names (so no name held a comma) means every name is known.
    let count = names.length() as usize;
    if count == 0 || join_with(&names, interned(",")).as_string().is_some_and(|all| all_known(&all, count, known)) {
        return Ok(object);
    }
    for key in names.iter() {
        let Some(key) = key.as_string() else { continue };
        if !known.contains(&key.as_str()) {
            let shown: String = key.chars().take(40).filter(|c| !c.is_control()).collect();
            let rule = text::concat(&["has an unknown option `", &shown, "` (known: ", &known.join(", "), ")"]);
            return Err(Error::validation(field, &rule));
        }
    }
    Ok(object)
}

/// Whether the comma-joined `names` are `count` names, all in `known`.
fn all_known(names: &str, count: usize, known: &[&str]) -> bool {
    let mut pieces = 0;
    names.split(',').all(|name| {
        pieces += 1;
        known.contains(&name)
    }) && pieces == count
}

/// `value` as a plain object: `typeof` "object" (so never a function), not `null`, and its prototype
/// `Object.prototype` or `null`, read through a `catch` import.
fn plain<'a>(value: &'a JsValue, field: &'static str) -> Result<&'a Object, Error> {
    thread_local! {
        // Object.prototype, read once from a fresh object.
        static OBJECT_PROTOTYPE: Option<JsValue> = Reflect::get_prototype_of(&Object::new()).ok().map(JsValue::from);
    }
    let plain = value.is_object() && {
        let proto = Reflect::get_prototype_of(value).map(JsValue::from);
        let is_object_prototype = |p: &JsValue| OBJECT_PROTOTYPE.try_with(|o| o.as_ref() == Some(p)).unwrap_or(false);
        matches!(proto, Ok(p) if is_object_prototype(&p) || p.is_null())
    };
    if !plain {
        return Err(Error::validation(field, &text::concat(&["must be a plain object, not ", &describe(value)])));
    }
    Ok(value.unchecked_ref())
}

/// `value` as a plain object with its own keys, read through `catch` imports only.
fn plain_object<'a>(value: &'a JsValue, field: &'static str) -> Result<(&'a Object, Array), Error> {
    let object = plain(value, field)?;
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
    let value = property(object, key)?;
    Ok(if value.is_undefined() || value.is_null() { None } else { Some(value) })
}

/// The property `key` of `object` as it is (`undefined` included), through a `catch` import.
pub fn property(object: &Object, key: &'static str) -> Result<JsValue, Error> {
    object.unchecked_ref::<Readable>().get(interned(key)).map_err(|_| Error::validation(key, "could not be read (its getter threw)"))
}

/// `value` as text: a string of well-formed Unicode (no lone surrogates).
pub fn string(value: &JsValue, field: &'static str) -> Result<String, Error> {
    match value.as_string() {
        Some(text) => well_formed(text, value, field),
        None => Err(not_a_string(value, field)),
    }
}

/// `value` as text when it is a string (with the rules of `string`), `None` for any other type.
pub fn string_if_string(value: &JsValue, field: &'static str) -> Result<Option<String>, Error> {
    value.as_string().map(|text| well_formed(text, value, field)).transpose()
}

/// `value` as text, `None` when it is `undefined` or `null`: the same rules as `string`, and a string
/// costs one boundary call (the absent checks run only for what is not a string).
fn string_or_absent(value: &JsValue, field: &'static str) -> Result<Option<String>, Error> {
    match value.as_string() {
        Some(text) => well_formed(text, value, field).map(Some),
        None if value.is_undefined() || value.is_null() => Ok(None),
        None => Err(not_a_string(value, field)),
    }
}

/// `text`, converted from the JS string `value`, if that had no lone surrogate.
fn well_formed(text: String, value: &JsValue, field: &'static str) -> Result<String, Error> {
    // The conversion turns a lone surrogate into U+FFFD (UTF-8 EF BF BD); only when an 0xEF byte is
    // present is the exact (one call per UTF-16 unit) check worth its cost, to tell a real U+FFFD from
    // a replaced surrogate. (A byte search: `str::contains` of a non-ASCII char runs a substring search.)
    if text.as_bytes().contains(&0xEF) && !value.unchecked_ref::<JsString>().is_valid_utf16() {
        return Err(Error::validation(field, "must be well-formed Unicode (it has a lone surrogate)"));
    }
    Ok(text)
}

fn not_a_string(value: &JsValue, field: &'static str) -> Error {
    Error::validation(field, &text::concat(&["must be a string, not ", &describe(value)]))
}

/// A required, non-empty string property.
pub fn required_string(object: &Object, key: &'static str) -> Result<String, Error> {
    required(property(object, key)?, key).map(|(text, _)| text)
}

/// `value`, read from the property `key`, as a required, non-empty string: the rules and messages of
/// `required_string`.
pub fn required(value: JsValue, key: &'static str) -> Result<(String, JsValue), Error> {
    let text = string_or_absent(&value, key)?.ok_or_else(|| Error::validation(key, "is required"))?;
    if text.is_empty() {
        return Err(Error::validation(key, "must not be empty"));
    }
    Ok((text, value))
}

/// An optional string property (`undefined` and `null` mean absent).
pub fn optional_string(object: &Object, key: &'static str) -> Result<Option<String>, Error> {
    string_or_absent(&property(object, key)?, key)
}

/// An optional whole number in `min..=max`.
pub fn optional_integer(object: &Object, key: &'static str, min: u32, max: u32) -> Result<Option<u32>, Error> {
    let Some(value) = get(object, key)? else { return Ok(None) };
    match value.as_f64() {
        // In range and whole, so the conversion is exact.
        Some(n) if n.fract() == 0.0 && (f64::from(min)..=f64::from(max)).contains(&n) => Ok(Some(n as u32)),
        _ => Err(Error::validation(key, &text::concat(&["must be a whole number from ", &text::decimal(min.into()), " to ", &text::decimal(max.into())]))),
    }
}

/// An optional function property.
pub fn optional_function(object: &Object, key: &'static str) -> Result<Option<Function>, Error> {
    let Some(value) = get(object, key)? else { return Ok(None) };
    value
        .dyn_into::<Function>()
        .map(Some)
        .map_err(|v| Error::validation(key, &text::concat(&["must be a function, not ", &describe(&v)])))
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
    credentials_and_access_key(object).map(|(credentials, _)| credentials)
}

/// `credentials`, with the access key's JS string as read (to hand back to JS without a copy).
pub fn credentials_and_access_key(object: &Object) -> Result<(Credentials, JsValue), Error> {
    credentials_of(property(object, "accessKey")?, &mut || property(object, "secretKey"))
}

/// `credentials_and_access_key` from the access key's value and a reader of the secret's, called only
/// once the access key passed its checks. The secret's text is wiped once keyed. Not generic over the
/// reader, so the keying is compiled once.
pub fn credentials_of(access_key: JsValue, secret_key: &mut dyn FnMut() -> Result<JsValue, Error>) -> Result<(Credentials, JsValue), Error> {
    let (access_key, access_key_value) = required(access_key, "accessKey")?;
    validate::access_key(&access_key)?;
    let secret_key = zeroize::Zeroizing::new(required(secret_key()?, "secretKey")?.0);
    validate::secret_key(&secret_key)?;
    Ok((Credentials::new(&access_key, &secret_key), access_key_value))
}
