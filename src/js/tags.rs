//! The person tag and person-thumbnail upload methods of the `MediaIntelligence` class: one line per operation of the table and the tags iterator.

use js_sys::Promise;
use wasm_bindgen::prelude::*;

use crate::api::tags;
use crate::js::call::promise;
use crate::js::client::{request, MediaIntelligence, RequestOptionsValue};
use crate::js::paging;

#[wasm_bindgen]
impl MediaIntelligence {
    /// One page of the workspace's person tags (`GET .../person-tags`, docs `maiu-list-person-tags`): `pageNum`
    /// >= 1, `pageSize` 1 to 50 (the API's default 10), filters `id` and `name` (1 to 30 characters). Bad input
    /// rejects with a `ValidationError` naming the field, before any request; API failures with `ApiError`
    /// (`NOT_FOUND`, `CONFLICT`, `BAD_REQUEST`, ...).
    ///
    /// ```js
    /// const page = await mi.listPersonTags({ workspaceName, pageSize: 50 });
    /// ```
    #[wasm_bindgen(js_name = listPersonTags, unchecked_return_type = "Promise<PersonTagPage>")]
    pub fn list_person_tags(&self, #[wasm_bindgen(unchecked_param_type = "ListPersonTagsOptions")] options: JsValue, request_options: Option<RequestOptionsValue>) -> Promise {
        promise(&self.inner, &tags::LIST_PERSON_TAGS, options, request(request_options))
    }

    /// Creates a person tag (`POST .../person-tags`, docs `maiu-create-person-tags`): a unique `name` of 1 to
    /// 30 characters. Bad input rejects with a `ValidationError` naming the field, before any request; API
    /// failures with `ApiError` (`NOT_FOUND`, `CONFLICT`, `BAD_REQUEST`, ...).
    ///
    /// ```js
    /// const { id } = await mi.createPersonTag({ workspaceName, name: "anchor" });
    /// ```
    #[wasm_bindgen(js_name = createPersonTag, unchecked_return_type = "Promise<PersonTag>")]
    pub fn create_person_tag(&self, #[wasm_bindgen(unchecked_param_type = "CreatePersonTagOptions")] options: JsValue, request_options: Option<RequestOptionsValue>) -> Promise {
        promise(&self.inner, &tags::CREATE_PERSON_TAG, options, request(request_options))
    }

    /// Deletes a person tag no person uses (`DELETE .../person-tags/{tagId}`, docs `maiu-delete-person-tags`);
    /// `CONFLICT` while one does. Bad input rejects with a `ValidationError` naming the field, before any
    /// request; API failures with `ApiError` (`NOT_FOUND`, `CONFLICT`, `BAD_REQUEST`, ...).
    ///
    /// ```js
    /// await mi.deletePersonTag({ workspaceName, tagId: 100 });
    /// ```
    #[wasm_bindgen(js_name = deletePersonTag, unchecked_return_type = "Promise<unknown>")]
    pub fn delete_person_tag(&self, #[wasm_bindgen(unchecked_param_type = "PersonTagOptions")] options: JsValue, request_options: Option<RequestOptionsValue>) -> Promise {
        promise(&self.inner, &tags::DELETE_PERSON_TAG, options, request(request_options))
    }

    /// A presigned URL to upload one person thumbnail to (`POST .../person-thumbnail/uploads/presigned-url`,
    /// docs `maiu-upload-person-thumbnail-url`): valid 15 minutes, single use; `thumbnailFileName` ends in jpg,
    /// jpeg, png or webp. `uploadPersonThumbnail` does the whole upload. Bad input rejects with a
    /// `ValidationError` naming the field, before any request; API failures with `ApiError` (`NOT_FOUND`,
    /// `CONFLICT`, `BAD_REQUEST`, ...).
    ///
    /// ```js
    /// const { url, thumbnailKey } = await mi.createPersonThumbnailUploadUrl({ workspaceName, thumbnailFileName: "face.jpg" });
    /// ```
    #[wasm_bindgen(js_name = createPersonThumbnailUploadUrl, unchecked_return_type = "Promise<PersonThumbnailUploadUrl>")]
    pub fn create_person_thumbnail_upload_url(&self, #[wasm_bindgen(unchecked_param_type = "CreatePersonThumbnailUploadUrlOptions")] options: JsValue, request_options: Option<RequestOptionsValue>) -> Promise {
        promise(&self.inner, &tags::CREATE_PERSON_THUMBNAIL_UPLOAD_URL, options, request(request_options))
    }

    /// Confirms an uploaded person thumbnail (`POST .../person-thumbnail/uploads/complete`, docs `maiu-upload-
    /// person-thumbnail-status`): `uploadStatus` `COMPLETED`, or `FAILED` with `uploadMessage`
    /// `FILE_NOT_EXIST`, `OVER_SIZE_LIMIT` or `RESOLUTION_NOT_SUPPORT` (under 256 px). Bad input rejects with a
    /// `ValidationError` naming the field, before any request; API failures with `ApiError` (`NOT_FOUND`,
    /// `CONFLICT`, `BAD_REQUEST`, ...).
    ///
    /// ```js
    /// const { uploadStatus } = await mi.completePersonThumbnailUpload({ workspaceName, thumbnailKey });
    /// ```
    #[wasm_bindgen(js_name = completePersonThumbnailUpload, unchecked_return_type = "Promise<PersonThumbnailUpload>")]
    pub fn complete_person_thumbnail_upload(&self, #[wasm_bindgen(unchecked_param_type = "CompletePersonThumbnailUploadOptions")] options: JsValue, request_options: Option<RequestOptionsValue>) -> Promise {
        promise(&self.inner, &tags::COMPLETE_PERSON_THUMBNAIL_UPLOAD, options, request(request_options))
    }

    /// Every person tag, page by page as the loop asks (`listPersonTags`); a `break` stops fetching.
    ///
    /// ```js
    /// for await (const tag of mi.personTags({ workspaceName })) console.log(tag.id, tag.name);
    /// ```
    #[wasm_bindgen(js_name = personTags, unchecked_return_type = "AsyncIterableIterator<PersonTag>")]
    pub fn person_tags(&self, #[wasm_bindgen(unchecked_param_type = "ListPersonTagsOptions")] options: JsValue, request_options: Option<RequestOptionsValue>) -> Result<JsValue, JsValue> {
        paging::items(&self.inner, &tags::LIST_PERSON_TAGS, options, request(request_options))
    }
}
