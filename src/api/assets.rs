//! Media assets: import from Object Storage, list (paged), get, move, delete, and the import status
//! (polled by `waitForAssetImport`). Docs: mi-create-assets, mi-list-assets, mi-asset-details,
//! mi-move-assets, mi-delete-assets, mi-asset-status.

use serde::{Deserialize, Serialize};

use crate::api::projects::PROJECT;
use crate::api::types::{op, page_size, path, required_query, PAGE_FIELDS, PAGE_NUM, WORKSPACE};
use crate::api::Checked;
use crate::core::error::Error;
use crate::core::http::Method;
use crate::core::operation::{Operation, Paging, Param, Poll, Rule};
use crate::core::shape::{opt, req, Field, Shape, Ty};
use crate::core::validate;

/// `{assetId}` in the path.
pub const ASSET: Param = path("assetId", Rule::Id);

const ASSETS: &str = "/api/v1/workspaces/{workspaceName}/projects/{projectId}/assets";
const ONE_ASSET: &str = "/api/v1/workspaces/{workspaceName}/projects/{projectId}/assets/{assetId}";
const IDS: &[Param] = &[WORKSPACE, PROJECT, ASSET];

/// `POST .../assets/import/object-storage`: registers a file already in Object Storage.
pub static IMPORT_ASSET: Operation = Operation {
    body: Some(&IMPORT_OPTIONS),
    result: &IMPORTED_ASSET,
    ..op("importAsset", Method::Post, "/api/v1/workspaces/{workspaceName}/projects/{projectId}/assets/import/object-storage", &[WORKSPACE, PROJECT], "mi-create-assets", "Registers a video or image from Object Storage; poll getAssetImportStatus (or waitForAssetImport).")
};

/// `GET .../assets`: one page of a project's assets.
pub static LIST_ASSETS: Operation = Operation {
    result: &ASSET_PAGE,
    paged: Some(Paging { items: "content" }),
    ..op("listAssets", Method::Get, ASSETS, &[WORKSPACE, PROJECT, PAGE_NUM, page_size(1000)], "mi-list-assets", "One page of a project's media assets (pageSize 1 to 1000).")
};

/// `GET .../assets/{assetId}`.
pub static GET_ASSET: Operation = Operation {
    result: &ASSET_SHAPE,
    ..op("getAsset", Method::Get, ONE_ASSET, IDS, "mi-asset-details", "A media asset's details (file, project, metadata).")
};

/// `PATCH .../assets/{assetId}?new_project_id=`: moves an asset to another project.
pub static MOVE_ASSET: Operation = Operation {
    ..op("moveAsset", Method::Patch, ONE_ASSET, &[WORKSPACE, PROJECT, ASSET, required_query("newProjectId", "new_project_id", Rule::Id)], "mi-move-assets", "Moves an asset to another project of the workspace.")
};

/// `DELETE .../assets/{assetId}`: the API answers without a result.
pub static DELETE_ASSET: Operation = Operation {
    ..op("deleteAsset", Method::Delete, ONE_ASSET, IDS, "mi-delete-assets", "Deletes a media asset; resolves undefined.")
};

/// `GET .../assets/{assetId}/import-status`.
pub static GET_ASSET_IMPORT_STATUS: Operation = Operation {
    result: &IMPORT_STATUS,
    poll: Some(Poll {
        field: "uploadStatus",
        message: Some("uploadResult"),
        done: &["COMPLETED"],
        failed: &[("FAILED", "IMPORT_FAILED"), ("FILE_NOT_EXIST", "IMPORT_FAILED"), ("INVALID_METADATA", "IMPORT_FAILED")],
    }),
    ..op("getAssetImportStatus", Method::Get, "/api/v1/workspaces/{workspaceName}/projects/{projectId}/assets/{assetId}/import-status", IDS, "mi-asset-status", "The import (registration) status: IN_PROGRESS, COMPLETED, FAILED, FILE_NOT_EXIST or INVALID_METADATA.")
};

/// The body of `importAsset`.
pub static IMPORT_OPTIONS: Shape = Shape { name: "ImportAssetOptions", ty: Ty::Object(&[req("bucketName", Ty::Text), req("key", Ty::Text)]) };

/// What `importAsset` resolves. Not shown in the docs: `assetId` is typed by analogy with the
/// deprecated video-asset import (`videoId`), and everything else passes through.
pub static IMPORTED_ASSET: Shape = Shape { name: "ImportedAsset", ty: Ty::Object(&[opt("assetId", Ty::Int), opt("projectId", Ty::Int)]) };

/// An asset's documented members (mi-asset-details; the creator is spelt `createUserName` there).
const ASSET_FIELDS: &[Field] = &[
    req("assetId", Ty::Int),
    opt("fileName", Ty::Text),
    opt("projectId", Ty::Int),
    opt(
        "metaData",
        Ty::Object(&[opt("resolution", Ty::Text), opt("durationMs", Ty::Int), opt("size", Ty::Int), opt("format", Ty::Text)]),
    ),
    opt("key", Ty::Text),
    opt("createUserName", Ty::Text),
];

/// A media asset.
pub static ASSET_SHAPE: Shape = Shape { name: "Asset", ty: Ty::Object(ASSET_FIELDS) };

/// One page of `listAssets` (the item shape is not shown in the docs: that of `getAsset` is assumed).
pub static ASSET_PAGE: Shape = Shape {
    name: "AssetPage",
    ty: Ty::Object(&[PAGE_FIELDS[0], PAGE_FIELDS[1], PAGE_FIELDS[2], PAGE_FIELDS[3], req("content", Ty::List(&Ty::Object(ASSET_FIELDS)))]),
};

/// The import status.
pub static IMPORT_STATUS: Shape = Shape {
    name: "AssetImportStatus",
    ty: Ty::Object(&[opt("assetId", Ty::Int), req("uploadStatus", Ty::Text), opt("uploadResult", Ty::Text)]),
};

/// The file extensions the API imports (mi-create-assets), compared without case.
pub const EXTENSIONS: &[&str] = &["mp4", "mkv", "mov", "webm", "jpg", "jpeg", "png", "heic"];

/// The body of `importAsset`: the bucket and the full object name of a file in it.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportAsset {
    pub bucket_name: String,
    pub key: String,
}

impl Checked for ImportAsset {
    fn check(&self) -> Result<(), Error> {
        validate::bucket_name(&self.bucket_name)?;
        let key = &self.key;
        if key.is_empty() || key.len() > 1024 || key.chars().any(char::is_control) {
            return Err(Error::validation("key", "must be the object's full name: 1 to 1024 characters"));
        }
        if key.ends_with('/') {
            return Err(Error::validation("key", "must name a file, not a folder (it ends with /; the API's 10016)"));
        }
        let extension = key.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
        if !extension.is_some_and(|e| EXTENSIONS.contains(&e.as_str())) {
            return Err(Error::validation("key", &format!("must end in one of the extensions the API imports: {}", EXTENSIONS.join(", "))));
        }
        Ok(())
    }
}
