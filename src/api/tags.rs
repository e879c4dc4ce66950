//! Person tags of a workspace (list, create, delete) and person-thumbnail uploads (a presigned URL,
//! then the confirmation). Docs: maiu-list-person-tags, maiu-create-person-tags,
//! maiu-delete-person-tags, maiu-upload-person-thumbnail-url, maiu-upload-person-thumbnail-status.

use serde::{Deserialize, Serialize};

use crate::api::search::file_name;
use crate::api::types::{op, page_size, path, query, PAGE_FIELDS, PAGE_NUM, WORKSPACE};
use crate::api::Checked;
use crate::core::error::Error;
use crate::core::http::Method;
use crate::core::operation::{Operation, Paging, Rule};
use crate::core::shape::{opt, req, Field, Shape, Ty};
use crate::core::validate;

/// Person thumbnail formats (maiu-upload-person-thumbnail-url; no heic), compared without case.
pub const THUMBNAIL_EXTENSIONS: &[&str] = &["jpg", "jpeg", "png", "webp"];

pub static LIST_PERSON_TAGS: Operation = Operation {
    result: &TAG_PAGE,
    paged: Some(Paging { items: "content" }),
    ..op("listPersonTags", Method::Get, "/api/v1/workspaces/{workspaceName}/person-tags", &[WORKSPACE, PAGE_NUM, page_size(50), query("id", "id", Rule::Id), query("name", "name", Rule::Text(1, 30))], "maiu-list-person-tags", "One page of the workspace's person tags (pageSize 1 to 50, default 10), by id or name.")
};
pub static CREATE_PERSON_TAG: Operation = Operation {
    body: Some(&TAG_NAME),
    result: &TAG_SHAPE,
    ..op("createPersonTag", Method::Post, "/api/v1/workspaces/{workspaceName}/person-tags", &[WORKSPACE], "maiu-create-person-tags", "Creates a person tag (a unique name of 1 to 30 characters).")
};
pub static DELETE_PERSON_TAG: Operation = Operation {
    ..op("deletePersonTag", Method::Delete, "/api/v1/workspaces/{workspaceName}/person-tags/{tagId}", &[WORKSPACE, path("tagId", Rule::Id)], "maiu-delete-person-tags", "Deletes a person tag no person uses.")
};
pub static CREATE_PERSON_THUMBNAIL_UPLOAD_URL: Operation = Operation {
    body: Some(&THUMBNAIL_FILE),
    result: &THUMBNAIL_UPLOAD_URL,
    ..op("createPersonThumbnailUploadUrl", Method::Post, "/api/v1/workspaces/{workspaceName}/person-thumbnail/uploads/presigned-url", &[WORKSPACE], "maiu-upload-person-thumbnail-url", "A presigned URL (15 minutes, single use) to upload a person thumbnail to (jpg, png, webp; at most 5 MB).")
};
pub static COMPLETE_PERSON_THUMBNAIL_UPLOAD: Operation = Operation {
    body: Some(&THUMBNAIL_KEY),
    result: &THUMBNAIL_UPLOAD,
    retry_safe: true,
    ..op("completePersonThumbnailUpload", Method::Post, "/api/v1/workspaces/{workspaceName}/person-thumbnail/uploads/complete", &[WORKSPACE], "maiu-upload-person-thumbnail-status", "Confirms an uploaded person thumbnail: COMPLETED, or FAILED with why.")
};

const TAG_FIELDS: &[Field] = &[req("id", Ty::Int), req("name", Ty::Text), opt("createdTime", Ty::Text), opt("createdUserName", Ty::Text)];
pub static TAG_SHAPE: Shape = Shape { name: "PersonTag", ty: Ty::Object(TAG_FIELDS) };
/// The item shape is cut off in the docs: that of `createPersonTag` is assumed.
pub static TAG_PAGE: Shape = Shape {
    name: "PersonTagPage",
    ty: Ty::Object(&[PAGE_FIELDS[0], PAGE_FIELDS[1], PAGE_FIELDS[2], PAGE_FIELDS[3], req("content", Ty::List(&Ty::Object(TAG_FIELDS)))]),
};
pub static TAG_NAME: Shape = Shape { name: "CreatePersonTagOptions", ty: Ty::Object(&[req("name", Ty::Text)]) };
pub static THUMBNAIL_FILE: Shape = Shape { name: "CreatePersonThumbnailUploadUrlOptions", ty: Ty::Object(&[req("thumbnailFileName", Ty::Text)]) };
/// The third member is cut off in the docs at `expi...` (`expirationSeconds`, as in the search-image URL).
pub static THUMBNAIL_UPLOAD_URL: Shape = Shape {
    name: "PersonThumbnailUploadUrl",
    ty: Ty::Object(&[req("thumbnailKey", Ty::Text), req("url", Ty::Text), opt("expirationSeconds", Ty::Int)]),
};
pub static THUMBNAIL_KEY: Shape = Shape { name: "CompletePersonThumbnailUploadOptions", ty: Ty::Object(&[req("thumbnailKey", Ty::Text)]) };
pub static THUMBNAIL_UPLOAD: Shape = Shape {
    name: "PersonThumbnailUpload",
    ty: Ty::Object(&[req("uploadStatus", Ty::Text), opt("uploadMessage", Ty::Text)]),
};

#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct TagName {
    pub name: String,
}

impl Checked for TagName {
    fn check(&self) -> Result<(), Error> {
        validate::free_text("name", &self.name, 1, 30)
    }
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ThumbnailFile {
    pub thumbnail_file_name: String,
}

impl Checked for ThumbnailFile {
    fn check(&self) -> Result<(), Error> {
        file_name("thumbnailFileName", &self.thumbnail_file_name, THUMBNAIL_EXTENSIONS)
    }
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ThumbnailKey {
    pub thumbnail_key: String,
}

impl Checked for ThumbnailKey {
    fn check(&self) -> Result<(), Error> {
        validate::non_empty("thumbnailKey", &self.thumbnail_key)
    }
}
