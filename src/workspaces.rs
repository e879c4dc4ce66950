//! The workspace resource: its endpoints, inputs, results and their TypeScript shapes. Builds calls and
//! names result types; it sends nothing and never sees credentials.

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::wasm_bindgen;

use crate::client::ApiCall;
use crate::error::Error;
use crate::http::Method;
use crate::validate;

const WORKSPACES_PATH: &str = "/api/v1/workspaces";

/// Input of `createWorkspace`; serialized as the request body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateWorkspace {
    pub workspace_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bucket_name: Option<String>,
}

/// Result of `createWorkspace`: exactly the documented fields.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Workspace {
    pub workspace_name: String,
    #[serde(default)]
    pub created_user_name: Option<String>,
    #[serde(default)]
    pub created_time: Option<String>,
    #[serde(default)]
    pub updated_user_name: Option<String>,
    #[serde(default)]
    pub updated_time: Option<String>,
}

/// Result of `getWorkspace`: exactly the documented fields.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WorkspaceDetails {
    pub workspace_name: String,
    #[serde(default)]
    pub workspace_url: Option<String>,
    #[serde(default)]
    pub bucket_name: Option<String>,
    #[serde(default)]
    pub monthly_analysis_count: Option<u64>,
    #[serde(default)]
    pub created_user_name: Option<String>,
    #[serde(default)]
    pub created_time: Option<String>,
    #[serde(default)]
    pub updated_user_name: Option<String>,
    #[serde(default)]
    pub updated_time: Option<String>,
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
    let body = serde_json::to_string(input)
        .map_err(|_| Error::validation("options", "must serialize to JSON"))?;
    Ok(ApiCall { method: Method::Post, path: WORKSPACES_PATH.to_owned(), body: Some(body) })
}

/// `GET /api/v1/workspaces/{workspace_name}`, after checking the name.
pub fn get_call(workspace_name: &str) -> Result<ApiCall, Error> {
    validate::workspace_name(workspace_name)?;
    let path = format!("{WORKSPACES_PATH}/{}", validate::encode_path_segment(workspace_name));
    Ok(ApiCall { method: Method::Get, path, body: None })
}
