//! Documented shapes of results and bodies, as data, and the one checker that walks a document
//! against them and names the path of the first field whose type is wrong (`content[3].workspaceName`).
//! Members a shape does not name are not looked at: they pass through as the API sent them.

use crate::core::format::{FieldError, Format, Kind};

/// The type of a documented field.
#[derive(Clone, Copy, Debug)]
pub enum Ty {
    Text,
    /// A whole number (ids, counts, milliseconds).
    Int,
    Number,
    /// A positive integer id, or its decimal text (the API documents ids as both).
    Id,
    /// A whole number from 0 (counts, limits in a body).
    Count,
    Bool,
    /// Any value at all (a member documented without a type).
    Any,
    Object(&'static [Field]),
    List(&'static Ty),
}

/// One documented member of an object.
#[derive(Clone, Copy, Debug)]
pub struct Field {
    pub name: &'static str,
    pub ty: Ty,
    /// Must be present and not `null`.
    pub required: bool,
}

/// A named shape: its name in the `.d.ts` and its type.
#[derive(Debug)]
pub struct Shape {
    pub name: &'static str,
    pub ty: Ty,
}

impl Shape {
    /// The documented member names, when the shape is an object.
    pub fn field_names(&self) -> impl Iterator<Item = &'static str> {
        let fields: &'static [Field] = match self.ty {
            Ty::Object(fields) => fields,
            _ => &[],
        };
        fields.iter().map(|f| f.name)
    }
}

/// A result the API does not send (or whose shape is not documented): anything passes, absent too.
pub static VOID: Shape = Shape { name: "void", ty: Ty::Any };

/// A required member.
pub const fn req(name: &'static str, ty: Ty) -> Field {
    Field { name, ty, required: true }
}

/// An optional member (absent or `null` passes).
pub const fn opt(name: &'static str, ty: Ty) -> Field {
    Field { name, ty, required: false }
}

/// Checks `value` against `ty`; the error names the path below `path`.
pub fn check<F: Format>(value: &F::Value, ty: &Ty, path: &str) -> Result<(), FieldError> {
    walk::<F>(value, ty, &At::Root(path))
}

/// Where a walk is, written out only when a field is wrong (no string per member on the way).
enum At<'a> {
    Root(&'a str),
    Member(&'a At<'a>, &'static str),
    Item(&'a At<'a>, usize),
}

impl At<'_> {
    fn path(&self) -> String {
        match self {
            At::Root(path) => (*path).to_owned(),
            At::Member(parent, name) => {
                let parent = parent.path();
                if parent.is_empty() { (*name).to_owned() } else { format!("{parent}.{name}") }
            }
            At::Item(parent, i) => format!("{}[{i}]", parent.path()),
        }
    }
}

fn walk<F: Format>(value: &F::Value, ty: &Ty, at: &At<'_>) -> Result<(), FieldError> {
    if let Ty::Any = ty {
        return Ok(());
    }
    quick::<F>(value, ty, at).unwrap_or_else(|| walk_kind::<F>(value, F::kind(value), ty, at))
}

/// A whole number from 0 that fits 32 bits (counts, limits).
fn is_count(n: f64) -> bool {
    n.fract() == 0.0 && n >= 0.0 && n <= f64::from(u32::MAX)
}

/// A positive whole number that is exact in a double (ids).
fn is_id(n: f64) -> bool {
    n.fract() == 0.0 && (1.0..=9_007_199_254_740_991.0).contains(&n)
}

/// The walk of a value that has its documented type, found by asking that one question first (one
/// boundary crossing in wasm where `kind` may take several); `None` when the answer is no, or the type
/// has no such question: then `kind` decides (absent, the wrong type, an id as text).
fn quick<F: Format>(value: &F::Value, ty: &Ty, at: &At<'_>) -> Option<Result<(), FieldError>> {
    let fits = match ty {
        Ty::Text => F::is_text(value),
        Ty::Int => F::is_whole(value),
        Ty::Number => F::number(value).is_some(),
        Ty::Count => F::number(value).is_some_and(is_count),
        Ty::Id => F::number(value).is_some_and(is_id),
        Ty::Object(fields) => return F::is_record(value).then(|| walk_members::<F>(value, fields, at)),
        Ty::List(item) => return F::length(value).map(|length| walk_items::<F>(value, item, length, at)),
        Ty::Any | Ty::Bool => false,
    };
    fits.then_some(Ok(()))
}

/// Every item of an array of `length` items.
fn walk_items<F: Format>(value: &F::Value, item: &Ty, length: usize, at: &At<'_>) -> Result<(), FieldError> {
    for i in 0..length {
        if let Some(v) = F::item(value, i) {
            walk::<F>(&v, item, &At::Item(at, i))?;
        }
    }
    Ok(())
}

/// Every documented member of an object, one read each: a member of its documented type passes on
/// the first question; otherwise its kind tells absent (`undefined` or `null`) from the wrong type.
fn walk_members<F: Format>(value: &F::Value, fields: &[Field], at: &At<'_>) -> Result<(), FieldError> {
    for field in fields.iter() {
        let member = F::field(value, field.name);
        let here = At::Member(at, field.name);
        if let Some(done) = quick::<F>(&member, &field.ty, &here) {
            done?;
            continue;
        }
        match F::kind(&member) {
            Kind::Null if field.required => return Err(FieldError { path: here.path(), problem: "is missing".to_owned() }),
            Kind::Null => {}
            kind => walk_kind::<F>(&member, kind, &field.ty, &here)?,
        }
    }
    Ok(())
}

/// `walk` of a value whose kind is known.
fn walk_kind<F: Format>(value: &F::Value, kind: Kind, ty: &Ty, at: &At<'_>) -> Result<(), FieldError> {
    let wrong = |expected: &str| FieldError { path: at.path(), problem: format!("must be {expected}, not {}", kind.name()) };
    match (ty, kind) {
        (Ty::Any, _) | (Ty::Text, Kind::Text) | (Ty::Bool, Kind::Bool) | (Ty::Number, Kind::Number(_)) => Ok(()),
        (Ty::Int, Kind::Number(n)) if n.fract() == 0.0 => Ok(()),
        (Ty::Int, _) => Err(wrong("a whole number")),
        (Ty::Count, Kind::Number(n)) if is_count(n) => Ok(()),
        (Ty::Count, _) => Err(wrong("a whole number from 0")),
        (Ty::Id, Kind::Number(n)) if is_id(n) => Ok(()),
        (Ty::Id, Kind::Text) if F::text(value).is_some_and(|t| crate::core::validate::id("id", &crate::core::validate::ParamValue::Text(t)).is_ok()) => Ok(()),
        (Ty::Id, _) => Err(FieldError { path: at.path(), problem: "must be a positive integer id (a number or its decimal text)".to_owned() }),
        (Ty::Text, _) => Err(wrong("a string")),
        (Ty::Bool, _) => Err(wrong("a boolean")),
        (Ty::Number, _) => Err(wrong("a number")),
        (Ty::List(item), Kind::List(length)) => walk_items::<F>(value, item, length, at),
        (Ty::List(_), _) => Err(wrong("an array")),
        (Ty::Object(fields), Kind::Object) => walk_members::<F>(value, fields, at),
        (Ty::Object(_), _) => Err(wrong("an object")),
    }
}
