//! The analysis (index) and scene summary methods of the `MediaIntelligence` class: one line per operation of the table and their waiters.

use js_sys::Promise;
use wasm_bindgen::prelude::*;

use crate::api::index;
use crate::js::call::promise;
use crate::js::client::{request, MediaIntelligence, RequestOptionsValue};
use crate::js::waiter;

#[wasm_bindgen]
impl MediaIntelligence {
    /// Starts the analysis that builds the asset's index (`POST .../assets/{assetId}/index`, docs `mi-request-
    /// index`); `CONFLICT` while one runs. Options: `sceneRange` (EXTRA_SHORT, SHORT, MEDIUM, LONG) or both
    /// `minSceneDurationSec` and `maxSceneDurationSec` (seconds, min <= max), never both kinds;
    /// `analysisPersonCount` 0 to 10; `tagIdList` (1 to 30 person tag ids); `sourceLanguage` (ENKO, EN, KO, JA,
    /// ZH-CN, ZH-TW); `detectAudioEffects`. Resolves the API's result as sent. Then wait with `waitForIndex`.
    /// Bad input rejects with a `ValidationError` naming the field, before any request; API failures with
    /// `ApiError` (`NOT_FOUND`, `CONFLICT`, ...).
    ///
    /// ```js
    /// await mi.requestIndex({ workspaceName: "my-workspace", projectId, assetId, sceneRange: "SHORT", sourceLanguage: "KO" });
    /// ```
    #[wasm_bindgen(js_name = requestIndex, unchecked_return_type = "Promise<unknown>")]
    pub fn request_index(&self, #[wasm_bindgen(unchecked_param_type = "RequestIndexOptions")] options: JsValue, request_options: Option<RequestOptionsValue>) -> Promise {
        promise(&self.inner, &index::REQUEST_INDEX, options, request(request_options))
    }

    /// Cancels a waiting or running analysis (`POST .../index/cancel`, docs `mi-cancel-index`); `CONFLICT` in
    /// any other state. Bad input rejects with a `ValidationError` naming the field, before any request; API
    /// failures with `ApiError` (`NOT_FOUND`, `CONFLICT`, ...).
    ///
    /// ```js
    /// await mi.cancelIndex({ workspaceName: "my-workspace", projectId, assetId });
    /// ```
    #[wasm_bindgen(js_name = cancelIndex, unchecked_return_type = "Promise<unknown>")]
    pub fn cancel_index(&self, #[wasm_bindgen(unchecked_param_type = "AssetOptions")] options: JsValue, request_options: Option<RequestOptionsValue>) -> Promise {
        promise(&self.inner, &index::CANCEL_INDEX, options, request(request_options))
    }

    /// The analysis status (`GET .../index/status`, docs `mi-index-status`): `status` is `BEFORE_ANALYZE`,
    /// `WAIT_ANALYZE`, `ANALYZING`, `ANALYZE_COMPLETED`, `ANALYZE_FAIL` or `ANALYZE_CANCEL`. Bad input rejects
    /// with a `ValidationError` naming the field, before any request; API failures with `ApiError`
    /// (`NOT_FOUND`, `CONFLICT`, ...).
    ///
    /// ```js
    /// const { status } = await mi.getIndexStatus({ workspaceName: "my-workspace", projectId, assetId });
    /// ```
    #[wasm_bindgen(js_name = getIndexStatus, unchecked_return_type = "Promise<IndexStatus>")]
    pub fn get_index_status(&self, #[wasm_bindgen(unchecked_param_type = "AssetOptions")] options: JsValue, request_options: Option<RequestOptionsValue>) -> Promise {
        promise(&self.inner, &index::GET_INDEX_STATUS, options, request(request_options))
    }

    /// The asset's latest index (`GET .../index?confidence_level=`, docs `mi-get-index`), once the analysis
    /// completed. `confidenceLevel`: LOW (more keywords), MEDIUM (the API's default) or HIGH. Its JSON shape is
    /// not shown in the docs: it resolves as sent (scenes, shots, persons, keywords, script, captions). Large
    /// indexes stay JS objects: nothing is copied into wasm memory. Bad input rejects with a `ValidationError`
    /// naming the field, before any request; API failures with `ApiError` (`NOT_FOUND`, `CONFLICT`, ...).
    ///
    /// ```js
    /// const index = await mi.getIndex({ workspaceName: "my-workspace", projectId, assetId, confidenceLevel: "HIGH" });
    /// ```
    #[wasm_bindgen(js_name = getIndex, unchecked_return_type = "Promise<Index>")]
    pub fn get_index(&self, #[wasm_bindgen(unchecked_param_type = "GetIndexOptions")] options: JsValue, request_options: Option<RequestOptionsValue>) -> Promise {
        promise(&self.inner, &index::GET_INDEX, options, request(request_options))
    }

    /// Deletes the latest index and its scene summaries (`DELETE .../index`, docs `mi-delete-index`);
    /// irreversible, and `CONFLICT` while an analysis runs. Bad input rejects with a `ValidationError` naming
    /// the field, before any request; API failures with `ApiError` (`NOT_FOUND`, `CONFLICT`, ...).
    ///
    /// ```js
    /// await mi.deleteIndex({ workspaceName: "my-workspace", projectId, assetId });
    /// ```
    #[wasm_bindgen(js_name = deleteIndex, unchecked_return_type = "Promise<unknown>")]
    pub fn delete_index(&self, #[wasm_bindgen(unchecked_param_type = "AssetOptions")] options: JsValue, request_options: Option<RequestOptionsValue>) -> Promise {
        promise(&self.inner, &index::DELETE_INDEX, options, request(request_options))
    }

    /// Starts a scene summary of the latest index (`POST .../scene-summary`, docs `mi-request-scene-summary`).
    /// The first run covers every scene; `locale` (e.g. `ko`, `en`, `ja`) only on a full run; `sceneNumbers`
    /// re-summarises chosen scenes (not documented in the API pages). `CONFLICT` while one runs. Then wait with
    /// `waitForSceneSummary`. Bad input rejects with a `ValidationError` naming the field, before any request;
    /// API failures with `ApiError` (`NOT_FOUND`, `CONFLICT`, ...).
    ///
    /// ```js
    /// await mi.requestSceneSummary({ workspaceName: "my-workspace", projectId, assetId, locale: "en" });
    /// ```
    #[wasm_bindgen(js_name = requestSceneSummary, unchecked_return_type = "Promise<unknown>")]
    pub fn request_scene_summary(&self, #[wasm_bindgen(unchecked_param_type = "RequestSceneSummaryOptions")] options: JsValue, request_options: Option<RequestOptionsValue>) -> Promise {
        promise(&self.inner, &index::REQUEST_SCENE_SUMMARY, options, request(request_options))
    }

    /// The scene summary status (`GET .../scene-summary/status`, docs `mi-scene-summary-status`):
    /// `BEFORE_SUMMARIZE`, `WAIT_SUMMARIZE`, `SUMMARIZING`, `SUMMARIZE_COMPLETED`, `SUMMARIZE_FAIL` or
    /// `SUMMARIZE_CANCELED`. Bad input rejects with a `ValidationError` naming the field, before any request;
    /// API failures with `ApiError` (`NOT_FOUND`, `CONFLICT`, ...).
    ///
    /// ```js
    /// const { status } = await mi.getSceneSummaryStatus({ workspaceName: "my-workspace", projectId, assetId });
    /// ```
    #[wasm_bindgen(js_name = getSceneSummaryStatus, unchecked_return_type = "Promise<SceneSummaryStatus>")]
    pub fn get_scene_summary_status(&self, #[wasm_bindgen(unchecked_param_type = "AssetOptions")] options: JsValue, request_options: Option<RequestOptionsValue>) -> Promise {
        promise(&self.inner, &index::GET_SCENE_SUMMARY_STATUS, options, request(request_options))
    }

    /// The latest scene summary (`GET .../scene-summary`, docs `mi-get-scene-summary-result`), once it
    /// completed; `NOT_FOUND` when none ever ran. Its shape is not shown in the docs: it resolves as sent. Bad
    /// input rejects with a `ValidationError` naming the field, before any request; API failures with
    /// `ApiError` (`NOT_FOUND`, `CONFLICT`, ...).
    ///
    /// ```js
    /// const summary = await mi.getSceneSummary({ workspaceName: "my-workspace", projectId, assetId });
    /// ```
    #[wasm_bindgen(js_name = getSceneSummary, unchecked_return_type = "Promise<SceneSummary>")]
    pub fn get_scene_summary(&self, #[wasm_bindgen(unchecked_param_type = "AssetOptions")] options: JsValue, request_options: Option<RequestOptionsValue>) -> Promise {
        promise(&self.inner, &index::GET_SCENE_SUMMARY, options, request(request_options))
    }

    /// Cancels a waiting or running scene summary (`POST .../scene-summary/cancel`, docs `mi-cancel-scene-
    /// summary`; a cancelled run is not charged). Bad input rejects with a `ValidationError` naming the field,
    /// before any request; API failures with `ApiError` (`NOT_FOUND`, `CONFLICT`, ...).
    ///
    /// ```js
    /// await mi.cancelSceneSummary({ workspaceName: "my-workspace", projectId, assetId });
    /// ```
    #[wasm_bindgen(js_name = cancelSceneSummary, unchecked_return_type = "Promise<unknown>")]
    pub fn cancel_scene_summary(&self, #[wasm_bindgen(unchecked_param_type = "AssetOptions")] options: JsValue, request_options: Option<RequestOptionsValue>) -> Promise {
        promise(&self.inner, &index::CANCEL_SCENE_SUMMARY, options, request(request_options))
    }

    /// Polls `getIndexStatus` until the analysis ends (`waitForIndex`): resolves the final status
    /// (`ANALYZE_COMPLETED`); `ANALYZE_FAIL` rejects with an `ApiError` of code `ANALYSIS_FAILED` and
    /// `ANALYZE_CANCEL` with `ANALYSIS_CANCELED` (`jobStatus`: the status object; the message quotes
    /// `analyzeStatusMessage`). Options as `waitForAssetImport`: `intervalMs`, `maxIntervalMs`,
    /// `timeoutMs` (ms), `signal`, `onProgress(status)`, `retries`.
    ///
    /// ```js
    /// await mi.waitForIndex({ workspaceName, projectId, assetId }, { onProgress: (s) => console.log(s.status) });
    /// ```
    #[wasm_bindgen(js_name = waitForIndex, unchecked_return_type = "Promise<IndexStatus>")]
    pub fn wait_for_index(
        &self,
        #[wasm_bindgen(unchecked_param_type = "AssetOptions")] params: JsValue,
        #[wasm_bindgen(unchecked_param_type = "WaitOptions<IndexStatus>")] options: Option<JsValue>,
    ) -> Promise {
        waiter::wait(&self.inner, &index::GET_INDEX_STATUS, params, options.unwrap_or(JsValue::UNDEFINED))
    }

    /// Polls `getSceneSummaryStatus` until the summary ends (`waitForSceneSummary`): resolves the final
    /// status (`SUMMARIZE_COMPLETED`); `SUMMARIZE_FAIL` rejects with an `ApiError` of code
    /// `SUMMARY_FAILED` and `SUMMARIZE_CANCELED` with `SUMMARY_CANCELED`. Options as `waitForIndex`.
    ///
    /// ```js
    /// await mi.waitForSceneSummary({ workspaceName, projectId, assetId }, { timeoutMs: 600000 });
    /// const summary = await mi.getSceneSummary({ workspaceName, projectId, assetId });
    /// ```
    #[wasm_bindgen(js_name = waitForSceneSummary, unchecked_return_type = "Promise<SceneSummaryStatus>")]
    pub fn wait_for_scene_summary(
        &self,
        #[wasm_bindgen(unchecked_param_type = "AssetOptions")] params: JsValue,
        #[wasm_bindgen(unchecked_param_type = "WaitOptions<SceneSummaryStatus>")] options: Option<JsValue>,
    ) -> Promise {
        waiter::wait(&self.inner, &index::GET_SCENE_SUMMARY_STATUS, params, options.unwrap_or(JsValue::UNDEFINED))
    }
}
