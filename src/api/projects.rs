//! Projects: list (not paged), create, get, rename and delete; their body and result shapes and rules.
//! Docs: maiu-list-projects, maiu-create-projects, maiu-project-details, maiu-update-projects,
//! maiu-delete-projects. The base project (`isBaseProject`) cannot be renamed or deleted (API 10027).

use serde::{Deserialize, Serialize};

use crate::api::types::{op, WORKSPACE};
use crate::api::Checked;
use crate::core::error::Error;
use crate::core::http::Method;
use crate::core::operation::{Operation, Param, Rule};
use crate::core::shape::{opt, req, Field, Shape, Ty};
use crate::core::validate;

/// `{projectId}` in the path.
pub const PROJECT: Param = crate::api::types::path("projectId", Rule::Id);

/// `GET .../projects`: every project of the workspace (not paged).
pub static LIST_PROJECTS: Operation = Operation {
    result: &PROJECT_LIST,
    // The docs write `totalCount` beside `result`, not in it: the client copies it in.
    lift: &["totalCount"],
    ..op("listProjects", Method::Get, "/api/v1/workspaces/{workspaceName}/projects", &[WORKSPACE], "maiu-list-projects", "Every project of a workspace (not paged), with totalCount.")
};

/// `POST .../projects`.
pub static CREATE_PROJECT: Operation = Operation {
    body: Some(&PROJECT_NAME),
    result: &PROJECT_SHAPE,
    retry_safe: false,
    ..op("createProject", Method::Post, "/api/v1/workspaces/{workspaceName}/projects", &[WORKSPACE], "maiu-create-projects", "Creates a project (a unique name; at most 1,000 per workspace).")
};

/// `GET .../projects/{projectId}`.
pub static GET_PROJECT: Operation = Operation {
    result: &PROJECT_SHAPE,
    ..op("getProject", Method::Get, "/api/v1/workspaces/{workspaceName}/projects/{projectId}", &[WORKSPACE, PROJECT], "maiu-project-details", "A project's details.")
};

/// `PATCH .../projects/{projectId}`: a new name (idempotent: a repeat sets the same name).
pub static UPDATE_PROJECT: Operation = Operation {
    body: Some(&PROJECT_NAME),
    result: &PROJECT_SHAPE,
    ..op("updateProject", Method::Patch, "/api/v1/workspaces/{workspaceName}/projects/{projectId}", &[WORKSPACE, PROJECT], "maiu-update-projects", "Renames a project (not the base project).")
};

/// `DELETE .../projects/{projectId}`: the API answers without a result.
pub static DELETE_PROJECT: Operation = Operation {
    ..op("deleteProject", Method::Delete, "/api/v1/workspaces/{workspaceName}/projects/{projectId}", &[WORKSPACE, PROJECT], "maiu-delete-projects", "Deletes a project (not the base project); resolves undefined.")
};

/// The body of `createProject` and `updateProject`.
pub static PROJECT_NAME: Shape = Shape { name: "ProjectNameOptions", ty: Ty::Object(&[req("name", Ty::Text)]) };

/// A project's members.
const PROJECT_FIELDS: &[Field] = &[
    req("projectId", Ty::Int),
    req("name", Ty::Text),
    opt("isBaseProject", Ty::Bool),
    opt("createdUserName", Ty::Text),
    opt("createdTime", Ty::Text),
    opt("updatedUserName", Ty::Text),
    opt("updatedTime", Ty::Text),
];

/// A project.
pub static PROJECT_SHAPE: Shape = Shape { name: "Project", ty: Ty::Object(PROJECT_FIELDS) };

/// What `listProjects` resolves.
pub static PROJECT_LIST: Shape = Shape {
    name: "ProjectList",
    ty: Ty::Object(&[req("projects", Ty::List(&Ty::Object(PROJECT_FIELDS))), opt("totalCount", Ty::Int)]),
};

/// A project name: 1 to 100 characters, without `;`, `|` or a backtick.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct ProjectName {
    pub name: String,
}

impl Checked for ProjectName {
    fn check(&self) -> Result<(), Error> {
        validate::free_text("name", &self.name, 1, 100)
    }
}
