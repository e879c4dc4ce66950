//! The media asset methods of the `MediaIntelligence` class: one line per operation of the table, the asset iterator and the import waiter.

use js_sys::Promise;
use wasm_bindgen::prelude::*;

use crate::api::assets;
use crate::js::call::promise;
use crate::js::client::{request, MediaIntelligence, RequestOptionsValue};
use crate::js::{paging, waiter};

#[wasm_bindgen]
impl MediaIntelligence {
    /// Registers a video or image already in Object Storage (`POST
    /// .../projects/{projectId}/assets/import/object-storage`, docs `mi-create-assets`). `key`: the object's
    /// full name, not a folder (no trailing `/`: the API's 10016), ending in mp4, mkv, mov, webm, jpg, jpeg,
    /// png or heic (any case). Video: 360p to 1080p, at most 6 h and 10 GB; image: at most 10 MB. Resolves with
    /// the new asset (its `assetId`); then wait with `waitForAssetImport`. Not repeated after an attempt that
    /// may have reached the server. Bad input rejects with a `ValidationError` naming the field, before any
    /// request; API failures with `ApiError` (`NOT_FOUND`, `CONFLICT`, ...).
    ///
    /// ```js
    /// const { assetId } = await mi.importAsset({ workspaceName: "my-workspace", projectId, bucketName: "my-bucket", key: "videos/trailer.mp4" });
    /// ```
    #[wasm_bindgen(js_name = importAsset, unchecked_return_type = "Promise<ImportedAsset>")]
    pub fn import_asset(&self, #[wasm_bindgen(unchecked_param_type = "ImportAssetOptions")] options: JsValue, request_options: Option<RequestOptionsValue>) -> Promise {
        promise(&self.inner, &assets::IMPORT_ASSET, options, request(request_options))
    }

    /// One page of a project's assets (`GET .../projects/{projectId}/assets`, docs `mi-list-assets`). `pageNum`
    /// >= 1 (default 1), `pageSize` 1 to 1000 (the API's default 1000). Resolves `{ totalCount, totalPage,
    /// pageNo, pageSize, content: Asset[] }`. Bad input rejects with a `ValidationError` naming the field,
    /// before any request; API failures with `ApiError` (`NOT_FOUND`, `CONFLICT`, ...).
    ///
    /// ```js
    /// const page = await mi.listAssets({ workspaceName: "my-workspace", projectId, pageSize: 50 });
    /// ```
    #[wasm_bindgen(js_name = listAssets, unchecked_return_type = "Promise<AssetPage>")]
    pub fn list_assets(&self, #[wasm_bindgen(unchecked_param_type = "ListAssetsOptions")] options: JsValue, request_options: Option<RequestOptionsValue>) -> Promise {
        promise(&self.inner, &assets::LIST_ASSETS, options, request(request_options))
    }

    /// A media asset's details (`GET .../assets/{assetId}`, docs `mi-asset-details`): file name, project, key
    /// and `metaData` (`resolution`, `durationMs` in ms, `size` in bytes, `format`). Bad input rejects with a
    /// `ValidationError` naming the field, before any request; API failures with `ApiError` (`NOT_FOUND`,
    /// `CONFLICT`, ...).
    ///
    /// ```js
    /// const asset = await mi.getAsset({ workspaceName: "my-workspace", projectId, assetId });
    /// ```
    #[wasm_bindgen(js_name = getAsset, unchecked_return_type = "Promise<Asset>")]
    pub fn get_asset(&self, #[wasm_bindgen(unchecked_param_type = "AssetOptions")] options: JsValue, request_options: Option<RequestOptionsValue>) -> Promise {
        promise(&self.inner, &assets::GET_ASSET, options, request(request_options))
    }

    /// Moves an asset to another project of the workspace (`PATCH .../assets/{assetId}?new_project_id=`, docs
    /// `mi-move-assets`). `newProjectId`: a positive integer or its decimal text. Resolves the API's result as
    /// sent (its fields were not shown in the docs). Bad input rejects with a `ValidationError` naming the
    /// field, before any request; API failures with `ApiError` (`NOT_FOUND`, `CONFLICT`, ...).
    ///
    /// ```js
    /// await mi.moveAsset({ workspaceName: "my-workspace", projectId, assetId, newProjectId: 5678 });
    /// ```
    #[wasm_bindgen(js_name = moveAsset, unchecked_return_type = "Promise<unknown>")]
    pub fn move_asset(&self, #[wasm_bindgen(unchecked_param_type = "MoveAssetOptions")] options: JsValue, request_options: Option<RequestOptionsValue>) -> Promise {
        promise(&self.inner, &assets::MOVE_ASSET, options, request(request_options))
    }

    /// Deletes a media asset (`DELETE .../assets/{assetId}`, docs `mi-delete-assets`). Resolves `undefined`.
    /// Bad input rejects with a `ValidationError` naming the field, before any request; API failures with
    /// `ApiError` (`NOT_FOUND`, `CONFLICT`, ...).
    ///
    /// ```js
    /// await mi.deleteAsset({ workspaceName: "my-workspace", projectId, assetId });
    /// ```
    #[wasm_bindgen(js_name = deleteAsset, unchecked_return_type = "Promise<void>")]
    pub fn delete_asset(&self, #[wasm_bindgen(unchecked_param_type = "AssetOptions")] options: JsValue, request_options: Option<RequestOptionsValue>) -> Promise {
        promise(&self.inner, &assets::DELETE_ASSET, options, request(request_options))
    }

    /// The import status (`GET .../assets/{assetId}/import-status`, docs `mi-asset-status`): `uploadStatus` is
    /// `IN_PROGRESS`, `COMPLETED`, `FAILED`, `FILE_NOT_EXIST` or `INVALID_METADATA`, with `uploadResult` saying
    /// why. Bad input rejects with a `ValidationError` naming the field, before any request; API failures with
    /// `ApiError` (`NOT_FOUND`, `CONFLICT`, ...).
    ///
    /// ```js
    /// const { uploadStatus } = await mi.getAssetImportStatus({ workspaceName: "my-workspace", projectId, assetId });
    /// ```
    #[wasm_bindgen(js_name = getAssetImportStatus, unchecked_return_type = "Promise<AssetImportStatus>")]
    pub fn get_asset_import_status(&self, #[wasm_bindgen(unchecked_param_type = "AssetOptions")] options: JsValue, request_options: Option<RequestOptionsValue>) -> Promise {
        promise(&self.inner, &assets::GET_ASSET_IMPORT_STATUS, options, request(request_options))
    }

    /// Every asset of a project, fetched page by page as the loop asks (`listAssets`); a `break` stops
    /// fetching. Bad input throws a `ValidationError` at once; errors reject the `next()` that met them.
    ///
    /// ```js
    /// for await (const asset of mi.assets({ workspaceName: "my-workspace", projectId })) console.log(asset.fileName);
    /// ```
    #[wasm_bindgen(unchecked_return_type = "AsyncIterableIterator<Asset>")]
    pub fn assets(&self, #[wasm_bindgen(unchecked_param_type = "ListAssetsOptions")] options: JsValue, request_options: Option<RequestOptionsValue>) -> Result<JsValue, JsValue> {
        paging::items(&self.inner, &assets::LIST_ASSETS, options, request(request_options))
    }

    /// Polls `getAssetImportStatus` until the import ends (`waitForAssetImport`): resolves the final
    /// status (`uploadStatus` `COMPLETED`); `FAILED`, `FILE_NOT_EXIST` or `INVALID_METADATA` reject with
    /// an `ApiError` of code `IMPORT_FAILED` (its `apiCode` is the status, `jobStatus` the status object).
    /// `options`: `intervalMs` (first wait, default 2000 ms, growing by half to `maxIntervalMs`, default
    /// 30000), `timeoutMs` (in all, default 1 h; then a `TimeoutError`), `signal`, `onProgress(status)`
    /// (each changed status), `retries` (of each poll).
    ///
    /// ```js
    /// await mi.waitForAssetImport({ workspaceName: "my-workspace", projectId, assetId }, { intervalMs: 1000 });
    /// ```
    #[wasm_bindgen(js_name = waitForAssetImport, unchecked_return_type = "Promise<AssetImportStatus>")]
    pub fn wait_for_asset_import(
        &self,
        #[wasm_bindgen(unchecked_param_type = "AssetOptions")] params: JsValue,
        #[wasm_bindgen(unchecked_param_type = "WaitOptions<AssetImportStatus>")] options: Option<JsValue>,
    ) -> Promise {
        waiter::wait(&self.inner, &assets::GET_ASSET_IMPORT_STATUS, params, options.unwrap_or(JsValue::UNDEFINED))
    }
}
