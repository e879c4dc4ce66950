//! Shapes shared by several resources: pages of a paged list, and the common parameter rules
//! (workspace names, ids, page numbers and sizes) as they appear in the operation table.

use crate::core::http::Method;
use crate::core::operation::{At, Operation, Param, Rule};
use crate::core::shape::{req, Field, Ty, VOID};

/// The members every page of a paged list has besides its items (`content`).
pub const PAGE_FIELDS: [Field; 4] = [req("totalCount", Ty::Int), req("totalPage", Ty::Int), req("pageNo", Ty::Int), req("pageSize", Ty::Int)];

/// A path parameter.
pub const fn path(name: &'static str, rule: Rule) -> Param {
    Param { name, wire: name, at: At::Path, rule, default: None, required: true }
}

/// An optional query parameter sent as `wire`.
pub const fn query(name: &'static str, wire: &'static str, rule: Rule) -> Param {
    Param { name, wire, at: At::Query, rule, default: None, required: false }
}

/// A required query parameter sent as `wire`.
pub const fn required_query(name: &'static str, wire: &'static str, rule: Rule) -> Param {
    Param { name, wire, at: At::Query, rule, default: None, required: true }
}

/// `{workspaceName}` in the path.
pub const WORKSPACE: Param = path("workspaceName", Rule::WorkspaceName);

/// `pageNum`: the API requires it; the client sends 1 when the caller gives none.
pub const PAGE_NUM: Param = Param { name: "pageNum", wire: "pageNum", at: At::Query, rule: Rule::Range(1, 2_147_483_647), default: Some("1"), required: false };

/// `pageSize` with the operation's documented maximum.
pub const fn page_size(max: u32) -> Param {
    query("pageSize", "pageSize", Rule::Range(1, max))
}

/// An operation with the common defaults: retry-safe unless it is a `POST`, no body, no documented
/// result (`VOID`), not paged or polled. Entries override what differs with `..op(...)`.
#[cfg_attr(target_arch = "wasm32", allow(unused_variables))]
pub const fn op(name: &'static str, method: Method, path: &'static str, params: &'static [Param], slug: &'static str, summary: &'static str) -> Operation {
    Operation {
        name,
        method,
        path,
        params,
        body: None,
        result: &VOID,
        lift: &[],
        retry_safe: !matches!(method, Method::Post),
        paged: None,
        poll: None,
        recover: None,
        #[cfg(not(target_arch = "wasm32"))]
        slug,
        #[cfg(not(target_arch = "wasm32"))]
        summary,
    }
}

/// An id in a body: a positive integer, given as a number or as its decimal text (the API documents
/// both), sent as a number. Read by a visitor, not an untagged enum.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Id(pub u64);

impl<'de> serde::Deserialize<'de> for Id {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = crate::core::validate::ParamValue::deserialize(deserializer)?;
        crate::core::validate::id("id", &value).map(Id).map_err(|_| serde::de::Error::custom("an id must be a positive integer (a number or its decimal text)"))
    }
}

impl serde::Serialize for Id {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u64(self.0)
    }
}
