//! Builds an operation's request from its table entry: the path (template filled, each segment
//! percent-encoded once), the query, and the body text. The same path string is then signed and sent.
//! Pure: it reads parameter values through a callback and never sends.

use crate::core::error::Error;
use crate::core::operation::{At, Operation, Param};
use crate::core::validate::{apply, encode_component, ParamValue};

/// One call ready to sign: the operation, the API path with its query, and the JSON body.
#[derive(Clone, Debug)]
pub struct Call {
    pub op: &'static Operation,
    /// `/api/v1/...` with `?query` when there is one: exactly what is signed (after any endpoint prefix).
    pub path: String,
    pub body: Option<String>,
}

impl Call {
    /// `METHOD /path`, as error messages quote it.
    pub fn attempted(&self, prefix: &str) -> String {
        format!("{} {prefix}{}", self.op.method.as_str(), self.path)
    }
}

/// Builds the call for `op`: `value(param)` gives each parameter's value as the caller passed it
/// (`None` when absent); each is checked by its rule, then placed in the path or the query.
pub fn build(
    op: &'static Operation,
    value: &mut dyn FnMut(&Param) -> Result<Option<ParamValue>, Error>,
    body: Option<String>,
) -> Result<Call, Error> {
    let mut wire: Vec<(&Param, String)> = Vec::with_capacity(op.params.len());
    for param in op.params {
        match value(param)? {
            Some(v) => wire.push((param, apply(param.rule, param.name, &v)?)),
            None => match param.default {
                Some(default) => wire.push((param, default.to_owned())),
                None if param.required || param.at == At::Path => return Err(Error::validation(param.name, "is required")),
                None => {}
            },
        }
    }
    let mut path = String::with_capacity(op.path.len() + 32);
    let mut rest = op.path;
    while let Some((before, after)) = rest.split_once('{') {
        path.push_str(before);
        let (name, tail) = after.split_once('}').unwrap_or((after, ""));
        let text = wire.iter().find(|(p, _)| p.at == At::Path && p.name == name).map(|(_, t)| t.as_str());
        // Not reached for a table that passes the api tests (every `{name}` is a path parameter).
        path.push_str(&encode_component(text.unwrap_or_default()));
        rest = tail;
    }
    path.push_str(rest);
    let mut separator = '?';
    for (param, text) in wire.iter().filter(|(p, _)| p.at == At::Query) {
        path.push(separator);
        path.push_str(param.wire);
        path.push('=');
        path.push_str(&encode_component(text));
        separator = '&';
    }
    Ok(Call { op, path, body })
}
