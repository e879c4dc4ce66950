//! Workspaces: list (paged), create, get and delete; their input and result types and rules.
//! Docs: maiu-list-workspaces, maiu-create-workspaces, maiu-workspace-details, maiu-delete-workspaces.

use serde::{Deserialize, Serialize};

use crate::api::types::{op, page_size, PAGE_FIELDS, PAGE_NUM, WORKSPACE as WORKSPACE_NAME};
use crate::api::Checked;
use crate::core::error::Error;
use crate::core::http::Method;
use crate::core::operation::{Operation, Paging, Recover};
use crate::core::shape::{opt, req, Field, Shape, Ty};
use crate::core::validate;

/// `GET /api/v1/workspaces`: one page of the account's workspaces.
pub static LIST_WORKSPACES: Operation = Operation {
    result: &WORKSPACE_PAGE,
    paged: Some(Paging { items: "content" }),
    ..op("listWorkspaces", Method::Get, "/api/v1/workspaces", &[PAGE_NUM, page_size(1000)], "maiu-list-workspaces", "One page of the account's workspaces (pageSize 1 to 1000, default 1000).")
};

/// `POST /api/v1/workspaces`: a workspace, optionally integrated with an Object Storage bucket.
pub static CREATE_WORKSPACE: Operation = Operation {
    body: Some(&CREATE_WORKSPACE_OPTIONS),
    result: &WORKSPACE,
    // A repeat after a lost answer meets "already exists"; the workspace is then read back (`recover`).
    retry_safe: true,
    recover: Some(Recover::ReadBackWorkspace),
    ..op("createWorkspace", Method::Post, "/api/v1/workspaces", &[], "maiu-create-workspaces", "Creates a workspace; a retry that meets \"already exists\" returns the workspace this call created.")
};

/// `GET /api/v1/workspaces/{workspaceName}`.
pub static GET_WORKSPACE: Operation = Operation {
    result: &WORKSPACE_DETAILS,
    ..op("getWorkspace", Method::Get, "/api/v1/workspaces/{workspaceName}", &[WORKSPACE_NAME], "maiu-workspace-details", "A workspace's details, with its bucket and this month's analysis count.")
};

/// `DELETE /api/v1/workspaces/{workspaceName}`.
pub static DELETE_WORKSPACE: Operation = Operation {
    result: &DELETED_WORKSPACE,
    ..op("deleteWorkspace", Method::Delete, "/api/v1/workspaces/{workspaceName}", &[WORKSPACE_NAME], "maiu-delete-workspaces", "Deletes a workspace (not while an analysis runs in it); irreversible.")
};

/// The body of `createWorkspace`, as documented.
pub static CREATE_WORKSPACE_OPTIONS: Shape = Shape {
    name: "CreateWorkspaceOptions",
    ty: Ty::Object(&[req("workspaceName", Ty::Text), opt("bucketName", Ty::Text)]),
};

/// A newly created workspace. Times are ISO 8601 local date-times (KST) without a zone.
pub static WORKSPACE: Shape = Shape {
    name: "Workspace",
    ty: Ty::Object(&[
        req("workspaceName", Ty::Text),
        opt("createdUserName", Ty::Text),
        opt("createdTime", Ty::Text),
        opt("updatedUserName", Ty::Text),
        opt("updatedTime", Ty::Text),
    ]),
};

/// The members of a workspace in a list (no `monthlyAnalysisCount`).
const SUMMARY_FIELDS: &[Field] = &[
    req("workspaceName", Ty::Text),
    opt("workspaceUrl", Ty::Text),
    opt("bucketName", Ty::Text),
    opt("createdUserName", Ty::Text),
    opt("createdTime", Ty::Text),
    opt("updatedUserName", Ty::Text),
    opt("updatedTime", Ty::Text),
];

/// A workspace's details.
pub static WORKSPACE_DETAILS: Shape = Shape {
    name: "WorkspaceDetails",
    ty: Ty::Object(&[
        req("workspaceName", Ty::Text),
        opt("workspaceUrl", Ty::Text),
        opt("bucketName", Ty::Text),
        opt("monthlyAnalysisCount", Ty::Int),
        opt("createdUserName", Ty::Text),
        opt("createdTime", Ty::Text),
        opt("updatedUserName", Ty::Text),
        opt("updatedTime", Ty::Text),
    ]),
};

/// One page of `listWorkspaces`.
pub static WORKSPACE_PAGE: Shape = Shape {
    name: "WorkspacePage",
    ty: Ty::Object(&[PAGE_FIELDS[0], PAGE_FIELDS[1], PAGE_FIELDS[2], PAGE_FIELDS[3], req("content", Ty::List(&Ty::Object(SUMMARY_FIELDS)))]),
};

/// What `deleteWorkspace` resolves: the deleted workspace's name.
pub static DELETED_WORKSPACE: Shape = Shape { name: "DeletedWorkspace", ty: Ty::Object(&[req("workspaceName", Ty::Text)]) };

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
