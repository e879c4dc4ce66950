//! The operation table's types: each API operation described once, as data (its JS name, HTTP method,
//! path template, parameters and their rules, body and result types, retry safety, paging, polling).
//! Plain data only: the entries live in `api/`, and nothing here sends or signs.

use crate::core::http::Method;
use crate::core::shape::Shape;

/// Where a parameter goes on the wire.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum At {
    /// A `{name}` segment of the path template, percent-encoded.
    Path,
    /// A query parameter named `wire`.
    Query,
}

/// The rule a parameter's value must follow; each failure names the parameter and the rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// 3 to 63 characters of `a-z`, `0-9` and `-`.
    WorkspaceName,
    /// A positive integer, or its decimal text (the API documents ids as Integer and as String).
    Id,
    /// An id the API made up (a search id): 1 to 128 characters of letters, digits, `-` and `_`.
    Token,
    /// A whole number in `min..=max`.
    Range(u32, u32),
    /// One of the listed words, exactly.
    OneOf(&'static [&'static str]),
    /// Text of `min..=max` characters without `;`, `|` or a backtick.
    Text(u32, u32),
    /// A list of ids (array of integers or their text), at most this many; sent comma-separated.
    IdList(u32),
}

/// One path or query parameter of an operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Param {
    /// The camelCase name in the JS options object (and in the path template, as `{name}`).
    pub name: &'static str,
    /// The name on the wire (query parameters; the same as `name` for path parameters).
    pub wire: &'static str,
    pub at: At,
    pub rule: Rule,
    /// Sent when the caller gives none (for instance `pageNum` 1); `None` leaves an optional one out.
    pub default: Option<&'static str>,
    /// Whether the caller must give it (path parameters always).
    pub required: bool,
}

/// How a paged list operation pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paging {
    /// The result member holding one page's items.
    pub items: &'static str,
}

/// How a status operation is polled until its job ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Poll {
    /// The result member holding the state.
    pub field: &'static str,
    /// The result member with a message about the state, if any.
    pub message: Option<&'static str>,
    /// States in which the job is done.
    pub done: &'static [&'static str],
    /// States in which the job failed, with the error `code` each becomes.
    pub failed: &'static [(&'static str, &'static str)],
}

/// What to do when a create meets "already exists" after an attempt that may have reached the server.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recover {
    /// Read the workspace back; it is this call's if it matches the request and is new enough.
    ReadBackWorkspace,
}

/// One API operation, described once.
#[derive(Debug)]
pub struct Operation {
    /// The JS method name, also the name `allow` takes in the proxy.
    pub name: &'static str,
    pub method: Method,
    /// Path template, e.g. `/api/v1/workspaces/{workspaceName}/projects/{projectId}`.
    pub path: &'static str,
    pub params: &'static [Param],
    /// The body's documented shape (its name is the options type in the `.d.ts`).
    pub body: Option<&'static Shape>,
    /// The result's documented shape (`shape::VOID` when the API sends none, or none is documented).
    pub result: &'static Shape,
    /// Envelope members copied into the result when it lacks them (the API documents some lists'
    /// `totalCount` beside `result` instead of in it).
    pub lift: &'static [&'static str],
    /// Whether an attempt that may have reached the server can be repeated without a second effect.
    pub retry_safe: bool,
    pub paged: Option<Paging>,
    pub poll: Option<Poll>,
    pub recover: Option<Recover>,
    /// The NCP API reference page, `https://api.ncloud-docs.com/docs/{slug}` (host builds only: the
    /// wasm never reads it, and the README's list is generated on the host).
    #[cfg(not(target_arch = "wasm32"))]
    pub slug: &'static str,
    /// One line on what it does, for the README's operation list (host builds only, as `slug`).
    #[cfg(not(target_arch = "wasm32"))]
    pub summary: &'static str,
}

impl Operation {
    /// Every option name the JS options object may hold: path, query and body fields.
    pub fn option_names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.params.iter().map(|p| p.name).chain(self.body.into_iter().flat_map(Shape::field_names))
    }
}
