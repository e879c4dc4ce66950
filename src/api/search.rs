//! Asset search (asynchronous: start, then poll the result pages) and search-image uploads (account
//! level, not in a workspace). Docs: maiu-search-asset, maiu-get-asset-search-result,
//! maiu-upload-asset-query-url, maiu-upload-asset-query-status.

use serde::{Deserialize, Serialize};

use crate::api::types::{op, page_size, path, Id, PAGE_NUM, WORKSPACE};
use crate::api::Checked;
use crate::core::error::Error;
use crate::core::http::Method;
use crate::core::operation::{Operation, Paging, Poll, Rule};
use crate::core::shape::{opt, req, Shape, Ty};
use crate::core::validate;

/// Search image formats (maiu-upload-asset-query-url), compared without case.
pub const IMAGE_EXTENSIONS: &[&str] = &["jpg", "jpeg", "png", "webp", "heic"];
/// The largest image an upload takes, in bytes (5 MB).
pub const MAX_IMAGE_BYTES: u64 = 5 * 1024 * 1024;

/// `POST .../assets/search`: starts an asynchronous search.
pub static SEARCH_ASSETS: Operation = Operation {
    body: Some(&SEARCH_OPTIONS),
    result: &SEARCH_STARTED,
    // A search has no effect but its own result: a repeat only starts another one.
    retry_safe: true,
    ..op("searchAssets", Method::Post, "/api/v1/workspaces/{workspaceName}/assets/search", &[WORKSPACE], "maiu-search-asset", "Starts an asynchronous search of the workspace's analysed assets (text or image, persons, dialogue); poll with getAssetSearchResult.")
};

/// `GET .../assets/search/{searchId}`: the search's state and, once complete, a page of results.
pub static GET_ASSET_SEARCH_RESULT: Operation = Operation {
    result: &SEARCH_RESULT,
    paged: Some(Paging { items: "results" }),
    poll: Some(Poll { field: "status", message: None, done: &["COMPLETED"], failed: &[("FAILED", "SEARCH_FAILED")] }),
    ..op("getAssetSearchResult", Method::Get, "/api/v1/workspaces/{workspaceName}/assets/search/{searchId}", &[WORKSPACE, path("searchId", Rule::Token), PAGE_NUM, page_size(100)], "maiu-get-asset-search-result", "A search's status (RUNNING, COMPLETED, FAILED) and, once complete, one page of its results (pageSize 1 to 100, default 50).")
};

/// `POST /api/v1/query-assets/uploads/presigned-url`: a single-use URL to upload a search image to.
pub static CREATE_SEARCH_IMAGE_UPLOAD_URL: Operation = Operation {
    body: Some(&SEARCH_IMAGE_UPLOAD_OPTIONS),
    result: &SEARCH_IMAGE_UPLOAD_URL,
    ..op("createSearchImageUploadUrl", Method::Post, "/api/v1/query-assets/uploads/presigned-url", &[], "maiu-upload-asset-query-url", "A presigned URL (15 minutes, single use) to upload a search image to (jpg, png, webp, heic; at most 5 MB).")
};

/// `POST /api/v1/query-assets/uploads/complete`: confirms (or re-checks) an upload.
pub static COMPLETE_SEARCH_IMAGE_UPLOAD: Operation = Operation {
    body: Some(&ASSET_KEY),
    result: &SEARCH_IMAGE_UPLOAD,
    retry_safe: true,
    ..op("completeSearchImageUpload", Method::Post, "/api/v1/query-assets/uploads/complete", &[], "maiu-upload-asset-query-status", "Confirms an uploaded search image: COMPLETED with the key to search with, or FAILED with why.")
};

/// The body of `searchAssets`.
pub static SEARCH_OPTIONS: Shape = Shape {
    name: "SearchAssetsOptions",
    ty: Ty::Object(&[
        req(
            "query",
            Ty::Object(&[
                opt("textQuery", Ty::Text),
                opt("imageQuery", Ty::Text),
                opt("personQuery", Ty::Object(&[opt("must", Ty::List(&Ty::Id)), opt("any", Ty::List(&Ty::Id)), opt("not", Ty::List(&Ty::Id))])),
                opt("dialogQuery", Ty::Object(&[opt("must", Ty::List(&Ty::Text)), opt("any", Ty::List(&Ty::Text)), opt("not", Ty::List(&Ty::Text))])),
            ]),
        ),
        opt("queryOption", Ty::Object(&[opt("confidenceLevel", Ty::Text)])),
        opt(
            "filter",
            Ty::Object(&[
                opt("projectIds", Ty::List(&Ty::Id)),
                opt("assetIds", Ty::List(&Ty::Id)),
                opt("assetTypes", Ty::List(&Ty::Text)),
                opt("indexModifiedFrom", Ty::Text),
                opt("indexModifiedTo", Ty::Text),
            ]),
        ),
    ]),
};

/// What `searchAssets` resolves (not shown in the docs: `searchId` as `getAssetSearchResult` takes it).
pub static SEARCH_STARTED: Shape = Shape { name: "AssetSearchStarted", ty: Ty::Object(&[opt("searchId", Ty::Text)]) };

/// A search's status and page (the result list's member is cut off in the docs).
pub static SEARCH_RESULT: Shape = Shape {
    name: "AssetSearchResult",
    ty: Ty::Object(&[
        req("searchId", Ty::Text),
        req("status", Ty::Text),
        opt("totalCount", Ty::Int),
        opt("totalPage", Ty::Int),
        opt("pageNo", Ty::Int),
        opt("pageSize", Ty::Int),
        // The list's member is cut off in the docs: `results` is a reading (the emulator's), needed by
        // the iterator; a different name reaches the caller as sent, and the iterator then stops.
        opt("results", Ty::List(&Ty::Object(&[]))),
    ]),
};

/// The body of `createSearchImageUploadUrl`.
pub static SEARCH_IMAGE_UPLOAD_OPTIONS: Shape = Shape {
    name: "CreateSearchImageUploadUrlOptions",
    ty: Ty::Object(&[req("assetFileName", Ty::Text), opt("assetType", Ty::Text)]),
};

/// What `createSearchImageUploadUrl` resolves.
pub static SEARCH_IMAGE_UPLOAD_URL: Shape = Shape {
    name: "SearchImageUploadUrl",
    ty: Ty::Object(&[req("assetFileKey", Ty::Text), req("presignedUploadUrl", Ty::Text), opt("expirationSeconds", Ty::Int)]),
};

/// The body of `completeSearchImageUpload`.
pub static ASSET_KEY: Shape = Shape { name: "CompleteSearchImageUploadOptions", ty: Ty::Object(&[req("assetKey", Ty::Text)]) };

/// What `completeSearchImageUpload` resolves.
pub static SEARCH_IMAGE_UPLOAD: Shape = Shape {
    name: "SearchImageUpload",
    ty: Ty::Object(&[req("assetKey", Ty::Text), req("uploadStatus", Ty::Text), opt("uploadMessage", Ty::Text)]),
};

/// Must / any / not conditions on persons (ids) or dialogue lines (text).
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Conditions<T> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub must: Option<Vec<T>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub any: Option<Vec<T>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not: Option<Vec<T>>,
}

/// `query` of `searchAssets`: exactly one of `textQuery` and `imageQuery`.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Query {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_query: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_query: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person_query: Option<Conditions<Id>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dialog_query: Option<Conditions<String>>,
}

/// The body of `searchAssets`. `queryOption` and `filter` are passed on as given (their members were
/// not visible in the docs), after the shape check.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchAssets {
    pub query: Query,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub query_option: Option<QueryOption>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filter: Option<Filter>,
}

/// `queryOption`: the similarity confidence (third-party reading of the docs).
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct QueryOption {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence_level: Option<String>,
}

/// `filter`: target projects, assets, kinds and index dates (third-party reading of the docs).
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Filter {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_ids: Option<Vec<Id>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asset_ids: Option<Vec<Id>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asset_types: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index_modified_from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index_modified_to: Option<String>,
}

impl Checked for SearchAssets {
    fn check(&self) -> Result<(), Error> {
        let q = &self.query;
        match (&q.text_query, &q.image_query) {
            (Some(text), None) => validate::free_text("query.textQuery", text, 1, 1000)?,
            (None, Some(key)) => validate::non_empty("query.imageQuery", key)?,
            _ => return Err(Error::validation("query", "must have exactly one of textQuery and imageQuery")),
        }
        if let Some(dialog) = &q.dialog_query {
            for line in [&dialog.must, &dialog.any, &dialog.not].into_iter().flatten().flatten() {
                validate::free_text("query.dialogQuery", line, 1, 1000)?;
            }
        }
        validate::one_of("queryOption.confidenceLevel", self.query_option.as_ref().and_then(|o| o.confidence_level.as_deref()), crate::api::index::CONFIDENCE_LEVELS)?;
        if let Some(kinds) = self.filter.as_ref().and_then(|f| f.asset_types.as_ref()) {
            if kinds.iter().any(|k| k != "IMAGE" && k != "VIDEO") {
                return Err(Error::validation("filter.assetTypes", "must hold only IMAGE and VIDEO"));
            }
        }
        Ok(())
    }
}

/// The body of `createSearchImageUploadUrl`: the file's name; `assetType` is `IMAGE` (the only one).
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchImageUploadUrl {
    #[serde(default = "image")]
    pub asset_type: String,
    pub asset_file_name: String,
}

fn image() -> String {
    "IMAGE".to_owned()
}

impl Checked for SearchImageUploadUrl {
    fn check(&self) -> Result<(), Error> {
        if self.asset_type != "IMAGE" {
            return Err(Error::validation("assetType", "must be IMAGE (the only kind of search image)"));
        }
        file_name("assetFileName", &self.asset_file_name, IMAGE_EXTENSIONS)
    }
}

/// A file name of 1 to 255 characters ending in one of `extensions` (any case).
pub fn file_name(field: &'static str, name: &str, extensions: &[&str]) -> Result<(), Error> {
    let extension = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    if name.is_empty() || name.chars().count() > 255 || name.contains(['/', '\\']) || name.chars().any(char::is_control) {
        return Err(Error::validation(field, "must be a file name of 1 to 255 characters, without / or \\"));
    }
    if !extension.is_some_and(|e| extensions.contains(&e.as_str())) {
        return Err(Error::validation(field, &format!("must end in one of {}", extensions.join(", "))));
    }
    Ok(())
}

/// The body of `completeSearchImageUpload`.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AssetKey {
    pub asset_key: String,
}

impl Checked for AssetKey {
    fn check(&self) -> Result<(), Error> {
        validate::non_empty("assetKey", &self.asset_key)
    }
}
