//! How the core reads and writes documents without knowing their runtime form: a JS value read with
//! serde-wasm-bindgen in wasm, a `serde_json::Value` in host tests. Only the trait lives here.

use serde::de::DeserializeOwned;
use serde::Serialize;

/// A field that did not have the documented type: its path (`content[3].workspaceName`, empty for the
/// document itself) and serde's description of the problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub path: String,
    pub problem: String,
}

impl FieldError {
    /// `path: problem`, or the problem alone for the document itself.
    pub fn describe(&self, root: &str) -> String {
        match (root.is_empty(), self.path.is_empty()) {
            (true, true) => self.problem.clone(),
            (true, false) => format!("{}: {}", self.path, self.problem),
            (false, true) => format!("{root}: {}", self.problem),
            (false, false) => format!("{root}.{}: {}", self.path, self.problem),
        }
    }
}

/// What kind of value a document node is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    Null,
    Bool,
    Number(f64),
    Text,
    /// An array of this many items.
    List(usize),
    Object,
    /// Anything else (a function, a symbol, ...).
    Other,
}

impl Kind {
    /// The kind in words, for messages.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Null => "null",
            Kind::Bool => "a boolean",
            Kind::Number(_) => "a number",
            Kind::Text => "a string",
            Kind::List(_) => "an array",
            Kind::Object => "an object",
            Kind::Other => "another kind of value",
        }
    }
}

/// A document format: reads typed values out of a parsed document, writes values as JSON text.
pub trait Format {
    type Value: Clone;

    /// Reads `T` from `value`; unknown members are ignored (documents stay forward compatible). The
    /// error is serde's own description: check the shape first (`core::shape`) for one naming a field.
    fn read<T: DeserializeOwned>(value: &Self::Value) -> Result<T, String>;

    /// The kind of `value`.
    fn kind(value: &Self::Value) -> Kind;

    /// Whether `value` is a string. This and the four questions below are what the shape walk asks
    /// first (one question for a value of the expected type, where `kind` may take several); the
    /// defaults answer from `kind`.
    fn is_text(value: &Self::Value) -> bool {
        Self::kind(value) == Kind::Text
    }

    /// Whether `value` is absent: `undefined` or `null`.
    fn is_absent(value: &Self::Value) -> bool {
        Self::kind(value) == Kind::Null
    }

    /// Whether `value` is a whole number.
    fn is_whole(value: &Self::Value) -> bool {
        matches!(Self::kind(value), Kind::Number(n) if n.fract() == 0.0)
    }

    /// `value` as a number, `None` when it is not one.
    fn number(value: &Self::Value) -> Option<f64> {
        match Self::kind(value) {
            Kind::Number(n) => Some(n),
            _ => None,
        }
    }

    /// Whether `value` is an object that is not an array.
    fn is_record(value: &Self::Value) -> bool {
        Self::kind(value) == Kind::Object
    }

    /// The length of `value` when it is an array.
    fn length(value: &Self::Value) -> Option<usize> {
        match Self::kind(value) {
            Kind::List(n) => Some(n),
            _ => None,
        }
    }

    /// `value` as text: a string as it is, a whole number as its decimal text, anything else `None`.
    fn text(value: &Self::Value) -> Option<String> {
        match Self::kind(value) {
            Kind::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => Some((n as i64).to_string()),
            Kind::Text => Self::read::<String>(value).ok(),
            _ => None,
        }
    }

    /// Item `index` of a document already found to be an array (by `kind` or `length`).
    fn item(value: &Self::Value, index: usize) -> Option<Self::Value>;

    /// The member `key` of an object document, `None` when absent, `null` or not an object.
    fn member(value: &Self::Value, key: &str) -> Option<Self::Value>;

    /// The member `key` of a value already known to be an object, as it is: absent reads as a value
    /// of `Kind::Null` (the shape walk reads every documented member, so no check it does not need).
    fn field(value: &Self::Value, key: &str) -> Self::Value;

    /// Sets the member `key` of an object document (used to complete a result); false if it cannot.
    fn set_member(value: &Self::Value, key: &str, member: &Self::Value) -> bool;

    /// Writes `value` as JSON text.
    fn write<T: Serialize>(value: &T) -> Result<String, String>;
}
