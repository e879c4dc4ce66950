//! TypeScript declarations of the operations' options and results, carried into the `.d.ts`. Every
//! documented field is typed; results are the API's objects as sent, so fields the API adds later
//! arrive too (their type is then `unknown` until the client names them).

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const COMMON_TYPES: &str = r#"
/** The name of every operation of the API this client calls (and a proxy can `allow`). */
export type OperationName =
  | "listWorkspaces" | "createWorkspace" | "getWorkspace" | "deleteWorkspace"
  | "listProjects" | "createProject" | "getProject" | "updateProject" | "deleteProject"
  | "importAsset" | "listAssets" | "getAsset" | "moveAsset" | "deleteAsset" | "getAssetImportStatus"
  | "requestIndex" | "cancelIndex" | "getIndexStatus" | "getIndex" | "deleteIndex"
  | "requestSceneSummary" | "getSceneSummaryStatus" | "getSceneSummary" | "cancelSceneSummary"
  | "searchAssets" | "getAssetSearchResult" | "createSearchImageUploadUrl" | "completeSearchImageUpload"
  | "listPersons" | "createPerson" | "getPerson" | "updatePerson" | "deletePerson" | "searchPersons"
  | "mergePersons" | "listSimilarPersons" | "recommendPersonsByThumbnail" | "addPersonTags" | "removePersonTags"
  | "addPersonThumbnails" | "removePersonThumbnails" | "listPersonTags" | "createPersonTag" | "deletePersonTag"
  | "createPersonThumbnailUploadUrl" | "completePersonThumbnailUpload";

/** Paging of a paged list: `pageNum` >= 1 (default 1), `pageSize` within the operation's limits. */
export interface PageOptions {
  pageNum?: number;
  pageSize?: number;
}

/** One page of a paged list. */
export interface Page<T> {
  totalCount: number;
  totalPage: number;
  /** The page number this is (1-based). */
  pageNo: number;
  pageSize: number;
  content: T[];
  [field: string]: unknown;
}
"#;

#[wasm_bindgen(typescript_custom_section)]
const WORKSPACE_TYPES: &str = r#"
/** Options of `createWorkspace`. */
export interface CreateWorkspaceOptions {
  /** Unique in the account: 3 to 63 characters of `a-z`, `0-9` and `-`. */
  workspaceName: string;
  /** Name of an Object Storage bucket to integrate. */
  bucketName?: string;
}

/** Options naming one workspace (`getWorkspace`, `deleteWorkspace`, which also take the name alone). */
export interface WorkspaceOptions {
  /** 3 to 63 characters of `a-z`, `0-9` and `-`. */
  workspaceName: string;
}

/** Options of `listWorkspaces` and `workspaces()`: `pageSize` 1 to 1000 (the API's default 1000). */
export interface ListWorkspacesOptions extends PageOptions {}

/** A newly created workspace, as `createWorkspace` resolves. Times are ISO 8601 local date-times (KST) without a zone. */
export interface Workspace {
  workspaceName: string;
  createdUserName?: string | null;
  createdTime?: string | null;
  updatedUserName?: string | null;
  updatedTime?: string | null;
  [field: string]: unknown;
}

/** A workspace in `listWorkspaces`' pages (no `monthlyAnalysisCount`). */
export interface WorkspaceSummary extends Workspace {
  workspaceUrl?: string | null;
  /** The integrated Object Storage bucket, when one is. */
  bucketName?: string | null;
}

/** A workspace's details, as `getWorkspace` resolves. */
export interface WorkspaceDetails extends WorkspaceSummary {
  /** Analyses run this month. */
  monthlyAnalysisCount?: number | null;
}

/** One page of `listWorkspaces`. */
export type WorkspacePage = Page<WorkspaceSummary>;

/** What `deleteWorkspace` resolves. */
export interface DeletedWorkspace {
  workspaceName: string;
  [field: string]: unknown;
}
"#;
