//! Shapes shared by several resources: pages of a paged list, and the common parameter rules
//! (workspace names, ids, page numbers and sizes) as they appear in the operation table.

use crate::core::operation::{At, Param, Rule};
use crate::core::shape::{req, Field, Ty};

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
