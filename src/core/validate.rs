//! Input rules checked before any I/O, and the percent-encoding of path segments and query values.
//! Pure functions: each failure names the field and the rule.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use crate::core::error::Error;
use crate::core::operation::Rule;

/// The rule text for workspace names, shared by every message that cites it.
pub const WORKSPACE_NAME_RULE: &str = "must be 3 to 63 characters of a-z, 0-9 and -";

/// Everything but RFC 3986's unreserved characters is encoded.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// A parameter's value as the caller gave it, before its rule is applied.
#[derive(Clone, Debug, PartialEq)]
pub enum ParamValue {
    Text(String),
    Number(f64),
    Bool(bool),
    List(Vec<ParamValue>),
    /// Anything else (an object, a symbol, ...): always refused, with its type in the message.
    Other(&'static str),
}

impl ParamValue {
    fn kind(&self) -> &'static str {
        match self {
            ParamValue::Text(_) => "string",
            ParamValue::Number(_) => "number",
            ParamValue::Bool(_) => "boolean",
            ParamValue::List(_) => "an array",
            ParamValue::Other(kind) => kind,
        }
    }
}

/// Applies `rule` to the value of `field` and returns its text as it goes on the wire, not yet encoded.
pub fn apply(rule: Rule, field: &'static str, value: &ParamValue) -> Result<String, Error> {
    match rule {
        Rule::WorkspaceName => text(field, value).and_then(|t| workspace_name(field, t).map(|()| t.to_owned())),
        Rule::Id => id(field, value).map(|n| n.to_string()),
        Rule::Token => {
            let t = text(field, value)?;
            let ok = (1..=128).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
            if ok { Ok(t.to_owned()) } else { Err(Error::validation(field, "must be 1 to 128 characters of letters, digits, - and _")) }
        }
        Rule::Range(min, max) => whole(field, value, min, max).map(|n| n.to_string()),
        Rule::OneOf(words) => match value {
            ParamValue::Text(t) if words.contains(&t.as_str()) => Ok(t.clone()),
            _ => Err(Error::validation(field, &format!("must be one of {}", words.join(", ")))),
        },
        Rule::Text(min, max) => text(field, value).and_then(|t| free_text(field, t, min, max).map(|()| t.to_owned())),
        Rule::IdList(max) => {
            let rule = format!("must be an array of 1 to {max} positive integer ids");
            let ParamValue::List(items) = value else { return Err(Error::validation(field, &rule)) };
            if items.is_empty() || items.len() > max as usize {
                return Err(Error::validation(field, &rule));
            }
            let ids: Result<Vec<String>, Error> = items.iter().map(|v| id(field, v).map(|n| n.to_string())).collect();
            Ok(ids.map_err(|_| Error::validation(field, &rule))?.join(","))
        }
    }
}

fn text<'a>(field: &'static str, value: &'a ParamValue) -> Result<&'a str, Error> {
    match value {
        ParamValue::Text(t) => Ok(t),
        other => Err(Error::validation(field, &format!("must be a string, not {}", other.kind()))),
    }
}

/// A positive integer id: a number, or decimal text of one (at most 2^53 - 1, so JS can hold it).
pub fn id(field: &'static str, value: &ParamValue) -> Result<u64, Error> {
    const RULE: &str = "must be a positive integer id (a number or its decimal text)";
    const MAX: u64 = 9_007_199_254_740_991;
    let n = match value {
        ParamValue::Number(n) if n.fract() == 0.0 && *n >= 1.0 && *n <= MAX as f64 => *n as u64,
        ParamValue::Text(t) if (1..=16).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit()) => {
            t.parse::<u64>().map_err(|_| Error::validation(field, RULE))?
        }
        _ => return Err(Error::validation(field, RULE)),
    };
    if (1..=MAX).contains(&n) { Ok(n) } else { Err(Error::validation(field, RULE)) }
}

/// A whole number in `min..=max` (a number; decimal text is accepted too).
pub fn whole(field: &'static str, value: &ParamValue, min: u32, max: u32) -> Result<u32, Error> {
    let n = match value {
        ParamValue::Number(n) if n.fract() == 0.0 => Some(*n),
        ParamValue::Text(t) if (1..=10).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit()) => t.parse::<u64>().ok().map(|n| n as f64),
        _ => None,
    };
    match n {
        // In range and whole, so the conversion is exact.
        Some(n) if (f64::from(min)..=f64::from(max)).contains(&n) => Ok(n as u32),
        _ => Err(Error::validation(field, &format!("must be a whole number from {min} to {max}"))),
    }
}

/// `workspaceName`: 3 to 63 characters, only lowercase ASCII letters, digits and `-`.
pub fn workspace_name(field: &'static str, name: &str) -> Result<(), Error> {
    let allowed = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-';
    // Length in bytes equals length in characters once every byte is ASCII.
    if (3..=63).contains(&name.len()) && name.bytes().all(allowed) {
        Ok(())
    } else {
        Err(Error::validation(field, WORKSPACE_NAME_RULE))
    }
}

/// Free text the API limits by length and forbids `;`, `|` and backticks in (names, queries).
pub fn free_text(field: &'static str, text: &str, min: u32, max: u32) -> Result<(), Error> {
    let count = text.chars().count();
    if count < min as usize || count > max as usize || text.trim().is_empty() {
        return Err(Error::validation(field, &format!("must be {min} to {max} characters, not blank")));
    }
    if text.contains([';', '|', '`']) {
        return Err(Error::validation(field, "must not contain ;, | or a backtick"));
    }
    if text.chars().any(char::is_control) {
        return Err(Error::validation(field, "must not contain control characters"));
    }
    Ok(())
}

/// An optional word that, when given, must be one of `words`.
pub fn one_of(field: &'static str, value: Option<&str>, words: &[&str]) -> Result<(), Error> {
    match value {
        Some(v) if !words.contains(&v) => Err(Error::validation(field, &format!("must be one of {}", words.join(", ")))),
        _ => Ok(()),
    }
}

/// A required, non-empty string field of a body.
pub fn non_empty(field: &'static str, text: &str) -> Result<(), Error> {
    if text.is_empty() { Err(Error::validation(field, "must be a non-empty string")) } else { Ok(()) }
}

/// `bucketName`: a non-empty string (the API checks the bucket itself).
pub fn bucket_name(name: &str) -> Result<(), Error> {
    if name.is_empty() || name.len() > 255 || name.chars().any(char::is_control) {
        Err(Error::validation("bucketName", "must be a non-empty string of at most 255 characters"))
    } else {
        Ok(())
    }
}

/// Percent-encodes one path segment or query value: RFC 3986 unreserved characters stay, every other
/// byte of the UTF-8 text becomes `%XX`. The result is what is both signed and sent.
pub fn encode_component(text: &str) -> String {
    utf8_percent_encode(text, COMPONENT).to_string()
}

/// `accessKey`: it travels in a header, so 1 to 256 characters of printable ASCII without spaces.
pub fn access_key(key: &str) -> Result<(), Error> {
    if key.is_empty() || key.len() > 256 || !key.bytes().all(|b| b.is_ascii_graphic()) {
        Err(Error::validation("accessKey", "must be 1 to 256 characters of printable ASCII without spaces"))
    } else {
        Ok(())
    }
}

/// `secretKey`: 1 to 1024 characters (NCP secrets are about 40; this only stops absurd input).
pub fn secret_key(key: &str) -> Result<(), Error> {
    if key.is_empty() || key.chars().count() > 1024 {
        Err(Error::validation("secretKey", "must be 1 to 1024 characters"))
    } else {
        Ok(())
    }
}

/// Reads any value as a `ParamValue`; `null` and `undefined` are `None` (absent) at the call site.
impl<'de> serde::Deserialize<'de> for ParamValue {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::{self, IgnoredAny, Visitor};
        struct Any;
        impl<'de> Visitor<'de> for Any {
            type Value = ParamValue;
            fn expecting(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
                f.write_str("a string, a number or an array")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<ParamValue, E> {
                Ok(ParamValue::Text(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<ParamValue, E> {
                Ok(ParamValue::Text(v))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<ParamValue, E> {
                Ok(ParamValue::Number(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<ParamValue, E> {
                Ok(ParamValue::Number(v as f64))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<ParamValue, E> {
                Ok(ParamValue::Number(v as f64))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<ParamValue, E> {
                Ok(ParamValue::Bool(v))
            }
            fn visit_unit<E: de::Error>(self) -> Result<ParamValue, E> {
                Ok(ParamValue::Other("null"))
            }
            fn visit_none<E: de::Error>(self) -> Result<ParamValue, E> {
                Ok(ParamValue::Other("null"))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<ParamValue, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element::<ParamValue>()? {
                    if items.len() >= 1000 {
                        return Ok(ParamValue::Other("an array of over 1000 items"));
                    }
                    items.push(item);
                }
                Ok(ParamValue::List(items))
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<ParamValue, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(ParamValue::Other("object"))
            }
        }
        deserializer.deserialize_any(Any)
    }
}
