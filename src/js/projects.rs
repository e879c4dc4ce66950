//! The project methods of the `MediaIntelligence` class: one line per operation of the table.

use js_sys::Promise;
use wasm_bindgen::prelude::*;

use crate::api::projects;
use crate::js::call::promise;
use crate::js::client::{request, MediaIntelligence, RequestOptionsValue};

#[wasm_bindgen]
impl MediaIntelligence {
    /// Every project of a workspace (`GET /api/v1/workspaces/{workspaceName}/projects`, docs `maiu-list-
    /// projects`; not paged). Resolves `{ projects: Project[], totalCount }`. Bad input rejects with a
    /// `ValidationError` naming the field, before any request; API failures with `ApiError` (`NOT_FOUND`,
    /// `CONFLICT`, ...).
    ///
    /// ```js
    /// const { projects } = await mi.listProjects({ workspaceName: "my-workspace" });
    /// ```
    #[wasm_bindgen(js_name = listProjects, unchecked_return_type = "Promise<ProjectList>")]
    pub fn list_projects(&self, #[wasm_bindgen(unchecked_param_type = "WorkspaceOptions")] options: JsValue, request_options: Option<RequestOptionsValue>) -> Promise {
        promise(&self.inner, &projects::LIST_PROJECTS, options, request(request_options))
    }

    /// Creates a project (`POST .../projects`, docs `maiu-create-projects`). `name`: 1 to 100 characters
    /// without `;`, `|` or a backtick, unique in the workspace (at most 1,000 projects). Rejects with
    /// `ApiError` `CONFLICT` for a taken name. Not repeated after an attempt that may have reached the server.
    /// Bad input rejects with a `ValidationError` naming the field, before any request; API failures with
    /// `ApiError` (`NOT_FOUND`, `CONFLICT`, ...).
    ///
    /// ```js
    /// const { projectId } = await mi.createProject({ workspaceName: "my-workspace", name: "trailers" });
    /// ```
    #[wasm_bindgen(js_name = createProject, unchecked_return_type = "Promise<Project>")]
    pub fn create_project(&self, #[wasm_bindgen(unchecked_param_type = "CreateProjectOptions")] options: JsValue, request_options: Option<RequestOptionsValue>) -> Promise {
        promise(&self.inner, &projects::CREATE_PROJECT, options, request(request_options))
    }

    /// A project's details (`GET .../projects/{projectId}`, docs `maiu-project-details`). `projectId`: a
    /// positive integer or its decimal text. `NOT_FOUND` for an unknown project. Bad input rejects with a
    /// `ValidationError` naming the field, before any request; API failures with `ApiError` (`NOT_FOUND`,
    /// `CONFLICT`, ...).
    ///
    /// ```js
    /// const project = await mi.getProject({ workspaceName: "my-workspace", projectId: 1234 });
    /// ```
    #[wasm_bindgen(js_name = getProject, unchecked_return_type = "Promise<Project>")]
    pub fn get_project(&self, #[wasm_bindgen(unchecked_param_type = "ProjectOptions")] options: JsValue, request_options: Option<RequestOptionsValue>) -> Promise {
        promise(&self.inner, &projects::GET_PROJECT, options, request(request_options))
    }

    /// Renames a project (`PATCH .../projects/{projectId}`, docs `maiu-update-projects`); the base project
    /// cannot be renamed (`BAD_REQUEST`, API code 10027). Same name rules as `createProject`. Bad input rejects
    /// with a `ValidationError` naming the field, before any request; API failures with `ApiError`
    /// (`NOT_FOUND`, `CONFLICT`, ...).
    ///
    /// ```js
    /// await mi.updateProject({ workspaceName: "my-workspace", projectId: 1234, name: "teasers" });
    /// ```
    #[wasm_bindgen(js_name = updateProject, unchecked_return_type = "Promise<Project>")]
    pub fn update_project(&self, #[wasm_bindgen(unchecked_param_type = "UpdateProjectOptions")] options: JsValue, request_options: Option<RequestOptionsValue>) -> Promise {
        promise(&self.inner, &projects::UPDATE_PROJECT, options, request(request_options))
    }

    /// Deletes a project (`DELETE .../projects/{projectId}`, docs `maiu-delete-projects`); the base project
    /// cannot be deleted. Resolves `undefined` (the API sends no result). Bad input rejects with a
    /// `ValidationError` naming the field, before any request; API failures with `ApiError` (`NOT_FOUND`,
    /// `CONFLICT`, ...).
    ///
    /// ```js
    /// await mi.deleteProject({ workspaceName: "my-workspace", projectId: 1234 });
    /// ```
    #[wasm_bindgen(js_name = deleteProject, unchecked_return_type = "Promise<void>")]
    pub fn delete_project(&self, #[wasm_bindgen(unchecked_param_type = "ProjectOptions")] options: JsValue, request_options: Option<RequestOptionsValue>) -> Promise {
        promise(&self.inner, &projects::DELETE_PROJECT, options, request(request_options))
    }
}
