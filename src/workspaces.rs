//! The workspace resource: its endpoints, inputs, results and their TypeScript shapes. Builds calls and
//! names result types; it sends nothing and never sees credentials.

use wasm_bindgen::prelude::wasm_bindgen;

use crate::client::ApiCall;
use crate::envelope::{optional_count, optional_text, required_text, FromResult};
use crate::error::Error;
use crate::http::Method;
use crate::json::{self, Value};
use crate::text;
use crate::validate;

const WORKSPACES_PATH: &str = "/api/v1/workspaces";

/// Input of `createWorkspace`, sent as the request body `{workspaceName, bucketName?}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CreateWorkspace {
    pub workspace_name: String,
    pub bucket_name: Option<String>,
}

/// Result of `createWorkspace`: exactly the documented fields (JS names in the TypeScript below).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Workspace {
    pub workspace_name: String,
    pub created_user_name: Option<String>,
    pub created_time: Option<String>,
    pub updated_user_name: Option<String>,
    pub updated_time: Option<String>,
}

/// Result of `getWorkspace`: exactly the documented fields (JS names in the TypeScript below).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkspaceDetails {
    pub workspace_name: String,
    pub workspace_url: Option<String>,
    pub bucket_name: Option<String>,
    pub monthly_analysis_count: Option<u64>,
    pub created_user_name: Option<String>,
    pub created_time: Option<String>,
    pub updated_user_name: Option<String>,
    pub updated_time: Option<String>,
}

impl FromResult for Workspace {
    fn from_result(r: &Value) -> Result<Self, String> {
        Ok(Workspace {
            workspace_name: required_text(r, "workspaceName")?,
            created_user_name: optional_text(r, "createdUserName")?,
            created_time: optional_text(r, "createdTime")?,
            updated_user_name: optional_text(r, "updatedUserName")?,
            updated_time: optional_text(r, "updatedTime")?,
        })
    }
}

impl FromResult for WorkspaceDetails {
    fn from_result(r: &Value) -> Result<Self, String> {
        Ok(WorkspaceDetails {
            workspace_name: required_text(r, "workspaceName")?,
            workspace_url: optional_text(r, "workspaceUrl")?,
            bucket_name: optional_text(r, "bucketName")?,
            monthly_analysis_count: optional_count(r, "monthlyAnalysisCount")?,
            created_user_name: optional_text(r, "createdUserName")?,
            created_time: optional_text(r, "createdTime")?,
            updated_user_name: optional_text(r, "updatedUserName")?,
            updated_time: optional_text(r, "updatedTime")?,
        })
    }
}

impl From<WorkspaceDetails> for Workspace {
    fn from(d: WorkspaceDetails) -> Self {
        Workspace {
            workspace_name: d.workspace_name,
            created_user_name: d.created_user_name,
            created_time: d.created_time,
            updated_user_name: d.updated_user_name,
            updated_time: d.updated_time,
        }
    }
}

#[wasm_bindgen(typescript_custom_section)]
const WORKSPACE_TYPES: &str = r#"
/** Options of `createWorkspace`. */
export interface CreateWorkspaceOptions {
  /** Unique in the account: 3 to 63 characters of `a-z`, `0-9` and `-`. */
  workspaceName: string;
  /** Name of an Object Storage bucket to integrate. */
  bucketName?: string;
}

/** A newly created workspace, as `createWorkspace` resolves. Times are ISO 8601 local date-times without a zone. */
export interface Workspace {
  workspaceName: string;
  createdUserName: string | null;
  createdTime: string | null;
  updatedUserName: string | null;
  updatedTime: string | null;
}

/** A workspace's details, as `getWorkspace` resolves. Times are ISO 8601 local date-times without a zone. */
export interface WorkspaceDetails {
  workspaceName: string;
  workspaceUrl: string | null;
  /** The integrated Object Storage bucket, or `null` when none is. */
  bucketName: string | null;
  /** Analyses run this month. */
  monthlyAnalysisCount: number | null;
  createdUserName: string | null;
  createdTime: string | null;
  updatedUserName: string | null;
  updatedTime: string | null;
}
"#;

/// `POST /api/v1/workspaces`, after checking the input.
pub fn create_call(input: &CreateWorkspace) -> Result<ApiCall, Error> {
    validate::workspace_name(&input.workspace_name)?;
    if let Some(bucket) = &input.bucket_name {
        validate::bucket_name(bucket)?;
    }
    let body = json::object_of_strings(&[
        ("workspaceName", Some(&input.workspace_name)),
        ("bucketName", input.bucket_name.as_deref()),
    ]);
    Ok(ApiCall { method: Method::Post, path: WORKSPACES_PATH.to_owned(), body: Some(body) })
}

/// `GET /api/v1/workspaces/{workspace_name}`, after checking the name.
pub fn get_call(workspace_name: &str) -> Result<ApiCall, Error> {
    validate::workspace_name(workspace_name)?;
    let path = text::concat(&[WORKSPACES_PATH, "/", &validate::encode_path_segment(workspace_name)]);
    Ok(ApiCall { method: Method::Get, path, body: None })
}
