//! The asset search and search-image methods of the `MediaIntelligence` class: one line per operation of the table, the results iterator and the search waiters.

use js_sys::Promise;
use wasm_bindgen::prelude::*;

use crate::api::search;
use crate::js::call::promise;
use crate::js::client::{request, MediaIntelligence, RequestOptionsValue};
use crate::js::{paging, waiter};

#[wasm_bindgen]
impl MediaIntelligence {
    /// Starts an asynchronous search of the workspace's analysed assets (`POST
    /// /api/v1/workspaces/{workspaceName}/assets/search`, docs `maiu-search-asset`; 1,000 calls a minute).
    /// `query`: exactly one of `textQuery` (no `;`, `|` or backtick) and `imageQuery` (a key from
    /// `uploadSearchImage`), plus optional `personQuery` and `dialogQuery` (`{ must?, any?, not? }` of person
    /// ids / dialogue lines); `queryOption.confidenceLevel`; `filter` (`projectIds`, `assetIds`, `assetTypes`,
    /// `indexModifiedFrom/To`). Resolves `{ searchId }`; then `waitForAssetSearch`, or use
    /// `searchAssetsAndWait`. Bad input rejects with a `ValidationError` naming the field, before any request;
    /// API failures with `ApiError` (`NOT_FOUND`, `CONFLICT`, `BAD_REQUEST`, ...).
    ///
    /// ```js
    /// const { searchId } = await mi.searchAssets({ workspaceName, query: { textQuery: "goal celebration" } });
    /// ```
    #[wasm_bindgen(js_name = searchAssets, unchecked_return_type = "Promise<AssetSearchStarted>")]
    pub fn search_assets(&self, #[wasm_bindgen(unchecked_param_type = "SearchAssetsOptions")] options: JsValue, request_options: Option<RequestOptionsValue>) -> Promise {
        promise(&self.inner, &search::SEARCH_ASSETS, options, request(request_options))
    }

    /// A search's status and, once `COMPLETED`, one page of its results (`GET .../assets/search/{searchId}`,
    /// docs `maiu-get-asset-search-result`). `pageNum` >= 1, `pageSize` 1 to 100 (the API's default 50).
    /// `status` is `RUNNING`, `COMPLETED` or `FAILED`; the counts come only with `COMPLETED`. Bad input rejects
    /// with a `ValidationError` naming the field, before any request; API failures with `ApiError`
    /// (`NOT_FOUND`, `CONFLICT`, `BAD_REQUEST`, ...).
    ///
    /// ```js
    /// const page = await mi.getAssetSearchResult({ workspaceName, searchId, pageSize: 20 });
    /// ```
    #[wasm_bindgen(js_name = getAssetSearchResult, unchecked_return_type = "Promise<AssetSearchResult>")]
    pub fn get_asset_search_result(&self, #[wasm_bindgen(unchecked_param_type = "AssetSearchResultOptions")] options: JsValue, request_options: Option<RequestOptionsValue>) -> Promise {
        promise(&self.inner, &search::GET_ASSET_SEARCH_RESULT, options, request(request_options))
    }

    /// A presigned URL to upload one search image to (`POST /api/v1/query-assets/uploads/presigned-url`, docs
    /// `maiu-upload-asset-query-url`; account level, not in a workspace): valid 15 minutes, single use.
    /// `assetFileName` ends in jpg, jpeg, png, webp or heic; `assetType` is `IMAGE` (the default).
    /// `uploadSearchImage` does the whole upload. Bad input rejects with a `ValidationError` naming the field,
    /// before any request; API failures with `ApiError` (`NOT_FOUND`, `CONFLICT`, `BAD_REQUEST`, ...).
    ///
    /// ```js
    /// const { presignedUploadUrl, assetFileKey } = await mi.createSearchImageUploadUrl({ assetFileName: "query.jpg" });
    /// ```
    #[wasm_bindgen(js_name = createSearchImageUploadUrl, unchecked_return_type = "Promise<SearchImageUploadUrl>")]
    pub fn create_search_image_upload_url(&self, #[wasm_bindgen(unchecked_param_type = "CreateSearchImageUploadUrlOptions")] options: JsValue, request_options: Option<RequestOptionsValue>) -> Promise {
        promise(&self.inner, &search::CREATE_SEARCH_IMAGE_UPLOAD_URL, options, request(request_options))
    }

    /// Confirms an uploaded search image (`POST /api/v1/query-assets/uploads/complete`, docs `maiu-upload-
    /// asset-query-status`): `uploadStatus` `COMPLETED` with the `assetKey` to search with (for HEIC, the
    /// converted JPG's), or `FAILED` with `uploadMessage` `FILE_NOT_EXIST`, `OVER_SIZE_LIMIT` or
    /// `RESOLUTION_NOT_SUPPORT`. Bad input rejects with a `ValidationError` naming the field, before any
    /// request; API failures with `ApiError` (`NOT_FOUND`, `CONFLICT`, `BAD_REQUEST`, ...).
    ///
    /// ```js
    /// const { assetKey, uploadStatus } = await mi.completeSearchImageUpload({ assetKey: assetFileKey });
    /// ```
    #[wasm_bindgen(js_name = completeSearchImageUpload, unchecked_return_type = "Promise<SearchImageUpload>")]
    pub fn complete_search_image_upload(&self, #[wasm_bindgen(unchecked_param_type = "CompleteSearchImageUploadOptions")] options: JsValue, request_options: Option<RequestOptionsValue>) -> Promise {
        promise(&self.inner, &search::COMPLETE_SEARCH_IMAGE_UPLOAD, options, request(request_options))
    }

    /// Every result of a completed search, page by page as the loop asks (`getAssetSearchResult`,
    /// `pageSize` 1 to 100); a `break` stops fetching. Wait for the search first (`waitForAssetSearch`).
    ///
    /// ```js
    /// for await (const hit of mi.assetSearchResults({ workspaceName, searchId })) console.log(hit.assetId, hit.score);
    /// ```
    #[wasm_bindgen(js_name = assetSearchResults, unchecked_return_type = "AsyncIterableIterator<Record<string, unknown>>")]
    pub fn asset_search_results(&self, #[wasm_bindgen(unchecked_param_type = "AssetSearchResultOptions")] options: JsValue, request_options: Option<RequestOptionsValue>) -> Result<JsValue, JsValue> {
        paging::items(&self.inner, &search::GET_ASSET_SEARCH_RESULT, options, request(request_options))
    }

    /// Polls `getAssetSearchResult` until the search ends (`waitForAssetSearch`): resolves its first
    /// page (`status` `COMPLETED`, or the page `pageNum` given); `FAILED` rejects with an `ApiError` of
    /// code `SEARCH_FAILED` (`jobStatus`: the status). Options as `waitForIndex` (`intervalMs`,
    /// `maxIntervalMs`, `timeoutMs` in ms, `signal`, `onProgress`, `retries`).
    ///
    /// ```js
    /// const page = await mi.waitForAssetSearch({ workspaceName, searchId }, { intervalMs: 500 });
    /// ```
    #[wasm_bindgen(js_name = waitForAssetSearch, unchecked_return_type = "Promise<AssetSearchResult>")]
    pub fn wait_for_asset_search(
        &self,
        #[wasm_bindgen(unchecked_param_type = "AssetSearchResultOptions")] params: JsValue,
        #[wasm_bindgen(unchecked_param_type = "WaitOptions<AssetSearchResult>")] options: Option<JsValue>,
    ) -> Promise {
        waiter::wait(&self.inner, &search::GET_ASSET_SEARCH_RESULT, params, options.unwrap_or(JsValue::UNDEFINED))
    }

    /// Starts a search (`searchAssets`) and waits for it (`waitForAssetSearch`): resolves the first page
    /// of the completed search (`pageSize` from `params` if given). Errors as those two.
    ///
    /// ```js
    /// const page = await mi.searchAssetsAndWait({ workspaceName, query: { textQuery: "goal" } }, { intervalMs: 500 });
    /// for (const hit of page.results ?? []) console.log(hit.assetId);
    /// ```
    #[wasm_bindgen(js_name = searchAssetsAndWait, unchecked_return_type = "Promise<AssetSearchResult>")]
    pub fn search_assets_and_wait(
        &self,
        #[wasm_bindgen(unchecked_param_type = "SearchAssetsOptions & { pageSize?: number }")] params: JsValue,
        #[wasm_bindgen(unchecked_param_type = "WaitOptions<AssetSearchResult>")] options: Option<JsValue>,
    ) -> Promise {
        waiter::search_and_wait(&self.inner, params, options.unwrap_or(JsValue::UNDEFINED))
    }
}
