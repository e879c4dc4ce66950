//! The API's operations: the table every part of the client is driven by (one entry per operation,
//! in `OPERATIONS`), and per resource its input and result types with their rules. Plain Rust over
//! `core`: no JS types, no I/O.

pub mod execute;
pub mod types;
pub mod workspaces;

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::core::error::Error;
use crate::core::format::{FieldError, Format};
use crate::core::operation::Operation;

/// Every operation, in the order of the API reference.
pub static OPERATIONS: &[&Operation] = &[
    &workspaces::LIST_WORKSPACES,
    &workspaces::CREATE_WORKSPACE,
    &workspaces::GET_WORKSPACE,
    &workspaces::DELETE_WORKSPACE,
];

/// The operation whose JS name is `name`.
pub fn find(name: &str) -> Option<&'static Operation> {
    OPERATIONS.iter().copied().find(|op| op.name == name)
}

/// A request body with rules beyond its types.
pub trait Checked {
    /// Checks every rule; the error names the field and the rule.
    fn check(&self) -> Result<(), Error>;
}

/// A checked request body: its JSON text, and what a create needs to recognise its own work later.
#[derive(Debug, Default)]
pub struct Body {
    pub json: Option<String>,
    pub read_back: Option<workspaces::CreateWorkspace>,
}

/// The JSON body of `op` from the caller's options (none for operations without one), checked.
pub fn body<F: Format>(op: &Operation, options: &F::Value) -> Result<Body, Error> {
    let Some((name, _)) = op.body else { return Ok(Body::default()) };
    match name {
        "CreateWorkspaceOptions" => {
            let input: workspaces::CreateWorkspace = typed::<F, _>(options)?;
            Ok(Body { json: Some(write::<F, _>(&input)?), read_back: Some(input) })
        }
        _ => Err(Error::validation("options", "is not accepted by this operation")), // not reached: tested
    }
}

/// Checks a result document against the documented type named by `op.result`.
pub fn check<F: Format>(op: &Operation, result: Option<&F::Value>) -> Result<(), FieldError> {
    match op.result {
        "void" => Ok(()),
        "Workspace" => read::<F, workspaces::Workspace>(result),
        "WorkspaceDetails" => read::<F, workspaces::WorkspaceDetails>(result),
        "WorkspacePage" => read::<F, workspaces::WorkspacePage>(result),
        "DeletedWorkspace" => read::<F, workspaces::DeletedWorkspace>(result),
        _ => Ok(()), // not reached: every name is tested to be known
    }
}

/// The result type names `check` knows.
pub const RESULT_TYPES: &[&str] = &["void", "Workspace", "WorkspaceDetails", "WorkspacePage", "DeletedWorkspace"];
/// The body type names `body` knows.
pub const BODY_TYPES: &[&str] = &["CreateWorkspaceOptions"];

fn read<F: Format, T: DeserializeOwned>(result: Option<&F::Value>) -> Result<(), FieldError> {
    let Some(result) = result else { return Err(FieldError { path: String::new(), problem: "missing".to_owned() }) };
    F::read::<T>(result).map(drop)
}

/// Reads a body type from the options and checks its rules.
fn typed<F: Format, B: DeserializeOwned + Checked>(options: &F::Value) -> Result<B, Error> {
    let body: B = F::read(options).map_err(input_error)?;
    body.check()?;
    Ok(body)
}

fn write<F: Format, B: Serialize>(body: &B) -> Result<String, Error> {
    F::write(body).map_err(|e| Error::validation("options", &e))
}

#[allow(dead_code)]
fn encode<F: Format, B: DeserializeOwned + Serialize + Checked>(options: &F::Value) -> Result<Body, Error> {
    let body: B = typed::<F, B>(options)?;
    Ok(Body { json: Some(write::<F, B>(&body)?), read_back: None })
}

/// A typed-input problem as a `ValidationError` naming the field: a missing field is "is required",
/// a wrong type quotes serde's description (cut short: it may quote the value).
pub fn input_error(e: FieldError) -> Error {
    if let Some(name) = e.problem.strip_prefix("missing field `").and_then(|r| r.strip_suffix('`')) {
        let field = if e.path.is_empty() || e.path == "." { name.to_owned() } else { format!("{}.{name}", e.path) };
        return Error::validation(&field, "is required");
    }
    let field = if e.path.is_empty() || e.path == "." { "options" } else { e.path.as_str() };
    let problem: String = e.problem.chars().take(160).collect();
    Error::validation(field, &format!("is invalid: {problem}"))
}
