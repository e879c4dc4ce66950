//! Workspaces: list (paged), create, get and delete; their input and result types and rules.
//! Docs: maiu-list-workspaces, maiu-create-workspaces, maiu-workspace-details, maiu-delete-workspaces.

use serde::{Deserialize, Serialize};

use crate::api::types::{page_size, Page, PAGE_NUM, WORKSPACE};
use crate::api::Checked;
use crate::core::error::Error;
use crate::core::http::Method;
use crate::core::operation::{Operation, Paging, Recover};
use crate::core::validate;

/// `GET /api/v1/workspaces`: one page of the account's workspaces.
pub static LIST_WORKSPACES: Operation = Operation {
    name: "listWorkspaces",
    method: Method::Get,
    path: "/api/v1/workspaces",
    params: &[PAGE_NUM, page_size(1000)],
    body: None,
    result: "WorkspacePage",
    lift: &[],
    retry_safe: true,
    paged: Some(Paging { items: "content" }),
    poll: None,
    recover: None,
    slug: "maiu-list-workspaces",
    summary: "One page of the account's workspaces (pageSize 1 to 1000, default 1000).",
};

/// `POST /api/v1/workspaces`: a workspace, optionally integrated with an Object Storage bucket.
pub static CREATE_WORKSPACE: Operation = Operation {
    name: "createWorkspace",
    method: Method::Post,
    path: "/api/v1/workspaces",
    params: &[],
    body: Some(("CreateWorkspaceOptions", &["workspaceName", "bucketName"])),
    result: "Workspace",
    lift: &[],
    // A repeat after a lost answer meets "already exists"; the workspace is then read back (`recover`).
    retry_safe: true,
    paged: None,
    poll: None,
    recover: Some(Recover::ReadBackWorkspace),
    slug: "maiu-create-workspaces",
    summary: "Creates a workspace; a retry that meets \"already exists\" returns the workspace this call created.",
};

/// `GET /api/v1/workspaces/{workspaceName}`.
pub static GET_WORKSPACE: Operation = Operation {
    name: "getWorkspace",
    method: Method::Get,
    path: "/api/v1/workspaces/{workspaceName}",
    params: &[WORKSPACE],
    body: None,
    result: "WorkspaceDetails",
    lift: &[],
    retry_safe: true,
    paged: None,
    poll: None,
    recover: None,
    slug: "maiu-workspace-details",
    summary: "A workspace's details, with its bucket and this month's analysis count.",
};

/// `DELETE /api/v1/workspaces/{workspaceName}`.
pub static DELETE_WORKSPACE: Operation = Operation {
    name: "deleteWorkspace",
    method: Method::Delete,
    path: "/api/v1/workspaces/{workspaceName}",
    params: &[WORKSPACE],
    body: None,
    result: "DeletedWorkspace",
    lift: &[],
    retry_safe: true,
    paged: None,
    poll: None,
    recover: None,
    slug: "maiu-delete-workspaces",
    summary: "Deletes a workspace (not while an analysis runs in it); irreversible.",
};

/// The body of `createWorkspace`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateWorkspace {
    pub workspace_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bucket_name: Option<String>,
}

impl Checked for CreateWorkspace {
    fn check(&self) -> Result<(), Error> {
        validate::workspace_name("workspaceName", &self.workspace_name)?;
        self.bucket_name.as_deref().map_or(Ok(()), validate::bucket_name)
    }
}

/// A newly created workspace. Times are ISO 8601 local date-times (KST) without a zone.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Workspace {
    pub workspace_name: String,
    pub created_user_name: Option<String>,
    pub created_time: Option<String>,
    pub updated_user_name: Option<String>,
    pub updated_time: Option<String>,
}

/// A workspace's details.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
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

/// A workspace as a list item: no `monthlyAnalysisCount`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WorkspaceSummary {
    pub workspace_name: String,
    pub workspace_url: Option<String>,
    pub bucket_name: Option<String>,
    pub created_user_name: Option<String>,
    pub created_time: Option<String>,
    pub updated_user_name: Option<String>,
    pub updated_time: Option<String>,
}

/// One page of `listWorkspaces`.
pub type WorkspacePage = Page<WorkspaceSummary>;

/// What `deleteWorkspace` resolves: the deleted workspace's name.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeletedWorkspace {
    pub workspace_name: String,
}
