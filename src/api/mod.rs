//! The API's operations: the table every part of the client is driven by (one entry per operation,
//! in `OPERATIONS`), and per resource its input and result types with their rules. Plain Rust over
//! `core`: no JS types, no I/O.

pub mod assets;
pub mod execute;
pub mod index;
pub mod person_bodies;
pub mod persons;
pub mod projects;
pub mod search;
pub mod tags;
pub mod types;
pub mod workspaces;

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::core::error::Error;
use crate::core::format::{FieldError, Format};
use crate::core::operation::Operation;
use crate::core::shape;

/// Every operation, in the order of the API reference.
pub static OPERATIONS: &[&Operation] = &[
    &workspaces::LIST_WORKSPACES,
    &workspaces::CREATE_WORKSPACE,
    &workspaces::GET_WORKSPACE,
    &workspaces::DELETE_WORKSPACE,
    &projects::LIST_PROJECTS,
    &projects::CREATE_PROJECT,
    &projects::GET_PROJECT,
    &projects::UPDATE_PROJECT,
    &projects::DELETE_PROJECT,
    &assets::IMPORT_ASSET,
    &assets::LIST_ASSETS,
    &assets::GET_ASSET,
    &assets::MOVE_ASSET,
    &assets::DELETE_ASSET,
    &assets::GET_ASSET_IMPORT_STATUS,
    &index::REQUEST_INDEX,
    &index::CANCEL_INDEX,
    &index::GET_INDEX_STATUS,
    &index::GET_INDEX,
    &index::DELETE_INDEX,
    &index::REQUEST_SCENE_SUMMARY,
    &index::GET_SCENE_SUMMARY_STATUS,
    &index::GET_SCENE_SUMMARY,
    &index::CANCEL_SCENE_SUMMARY,
    &search::SEARCH_ASSETS,
    &search::GET_ASSET_SEARCH_RESULT,
    &search::CREATE_SEARCH_IMAGE_UPLOAD_URL,
    &search::COMPLETE_SEARCH_IMAGE_UPLOAD,
    &persons::LIST_PERSONS,
    &persons::CREATE_PERSON,
    &persons::GET_PERSON,
    &persons::UPDATE_PERSON,
    &persons::DELETE_PERSON,
    &persons::SEARCH_PERSONS,
    &persons::MERGE_PERSONS,
    &persons::LIST_SIMILAR_PERSONS,
    &persons::RECOMMEND_PERSONS_BY_THUMBNAIL,
    &persons::ADD_PERSON_TAGS,
    &persons::REMOVE_PERSON_TAGS,
    &persons::ADD_PERSON_THUMBNAILS,
    &persons::REMOVE_PERSON_THUMBNAILS,
    &tags::LIST_PERSON_TAGS,
    &tags::CREATE_PERSON_TAG,
    &tags::DELETE_PERSON_TAG,
    &tags::CREATE_PERSON_THUMBNAIL_UPLOAD_URL,
    &tags::COMPLETE_PERSON_THUMBNAIL_UPLOAD,
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

/// The JSON body of `op` from the caller's options (none for operations without one): its documented
/// shape checked first (the error names the field), then read with serde and checked by its rules.
pub fn body<F: Format>(op: &Operation, options: &F::Value) -> Result<Body, Error> {
    let Some(shape) = op.body else { return Ok(Body::default()) };
    shape::check::<F>(options, &shape.ty, "").map_err(input_error)?;
    match shape.name {
        "CreateWorkspaceOptions" => {
            let input: workspaces::CreateWorkspace = typed::<F, _>(options)?;
            Ok(Body { json: Some(write::<F, _>(&input)?), read_back: Some(input) })
        }
        "ProjectNameOptions" => encode::<F, projects::ProjectName>(options),
        "ImportAssetOptions" => encode::<F, assets::ImportAsset>(options),
        "RequestIndexOptions" => encode::<F, index::RequestIndex>(options),
        "RequestSceneSummaryOptions" => encode::<F, index::RequestSceneSummary>(options),
        "SearchAssetsOptions" => encode::<F, search::SearchAssets>(options),
        "CreateSearchImageUploadUrlOptions" => encode::<F, search::SearchImageUploadUrl>(options),
        "CompleteSearchImageUploadOptions" => encode::<F, search::AssetKey>(options),
        "CreatePersonOptions" => encode::<F, person_bodies::CreatePerson>(options),
        "UpdatePersonOptions" => encode::<F, person_bodies::UpdatePerson>(options),
        "SearchPersonsOptions" => encode::<F, person_bodies::SearchPersons>(options),
        "MergePersonsOptions" => encode::<F, person_bodies::PersonIds>(options),
        "RecommendPersonsByThumbnailOptions" => encode::<F, person_bodies::Recommend>(options),
        "PersonTagIdsOptions" => encode::<F, person_bodies::TagIds>(options),
        "AddPersonThumbnailsOptions" => encode::<F, person_bodies::Thumbnails>(options),
        "RemovePersonThumbnailsOptions" => encode::<F, person_bodies::ThumbnailIds>(options),
        "CreatePersonTagOptions" => encode::<F, tags::TagName>(options),
        "CreatePersonThumbnailUploadUrlOptions" => encode::<F, tags::ThumbnailFile>(options),
        "CompletePersonThumbnailUploadOptions" => encode::<F, tags::ThumbnailKey>(options),
        _ => Err(Error::validation("options", "is not accepted by this operation")), // not reached: tested
    }
}

fn encode<F: Format, B: DeserializeOwned + Serialize + Checked>(options: &F::Value) -> Result<Body, Error> {
    let body: B = typed::<F, B>(options)?;
    Ok(Body { json: Some(write::<F, B>(&body)?), read_back: None })
}

/// Checks a result document against `op`'s documented result shape.
pub fn check<F: Format>(op: &Operation, result: Option<&F::Value>) -> Result<(), FieldError> {
    match result {
        Some(result) => shape::check::<F>(result, &op.result.ty, ""),
        None if core::ptr::eq(op.result, &shape::VOID) => Ok(()),
        None => Err(FieldError { path: String::new(), problem: "is missing".to_owned() }),
    }
}

/// The body type names `body` knows.
pub const BODY_TYPES: &[&str] = &[
    "CreateWorkspaceOptions", "ProjectNameOptions", "ImportAssetOptions", "RequestIndexOptions", "RequestSceneSummaryOptions",
    "SearchAssetsOptions", "CreateSearchImageUploadUrlOptions", "CompleteSearchImageUploadOptions", "CreatePersonOptions",
    "UpdatePersonOptions", "SearchPersonsOptions", "MergePersonsOptions", "RecommendPersonsByThumbnailOptions",
    "PersonTagIdsOptions", "AddPersonThumbnailsOptions", "RemovePersonThumbnailsOptions", "CreatePersonTagOptions",
    "CreatePersonThumbnailUploadUrlOptions", "CompletePersonThumbnailUploadOptions",
];

/// Reads a body type from the options (whose shape was checked) and checks its rules.
fn typed<F: Format, B: DeserializeOwned + Checked>(options: &F::Value) -> Result<B, Error> {
    let body: B = F::read(options).map_err(|problem| input_error(FieldError { path: String::new(), problem }))?;
    body.check()?;
    Ok(body)
}

fn write<F: Format, B: Serialize>(body: &B) -> Result<String, Error> {
    F::write(body).map_err(|e| Error::validation("options", &e))
}

/// A typed-input problem as a `ValidationError` naming the field: a missing field is "is required",
/// a wrong type quotes serde's description (cut short: it may quote the value).
pub fn input_error(e: FieldError) -> Error {
    if e.problem == "is missing" {
        return Error::validation(&e.path, "is required");
    }
    if e.problem.starts_with("must be ") {
        return Error::validation(if e.path.is_empty() { "options" } else { &e.path }, &e.problem);
    }
    if let Some(name) = e.problem.strip_prefix("missing field `").and_then(|r| r.strip_suffix('`')) {
        let field = if e.path.is_empty() || e.path == "." { name.to_owned() } else { format!("{}.{name}", e.path) };
        return Error::validation(&field, "is required");
    }
    let field = if e.path.is_empty() || e.path == "." { "options" } else { e.path.as_str() };
    let problem = e.problem.strip_prefix("Error: ").unwrap_or(&e.problem);
    // serde's "invalid type: integer `5`, expected a string" reads better the other way round; the
    // found value is left out (it may be long, or a secret typed in the wrong field).
    if let Some((found, expected)) = problem.strip_prefix("invalid type: ").and_then(|p| p.rsplit_once(", expected ")) {
        let kind = found.split(" `").next().unwrap_or(found).split(" \"").next().unwrap_or(found);
        let expected: String = expected.chars().take(80).collect();
        return Error::validation(field, &format!("must be {expected}, not {kind}"));
    }
    let problem: String = problem.chars().take(120).collect();
    Error::validation(field, &format!("is invalid: {problem}"))
}
