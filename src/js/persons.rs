//! The person DB methods of the `MediaIntelligence` class: one line per operation of the table and the persons iterator.

use js_sys::Promise;
use wasm_bindgen::prelude::*;

use crate::api::persons;
use crate::js::call::promise;
use crate::js::client::{request, MediaIntelligence, RequestOptionsValue};
use crate::js::paging;

#[wasm_bindgen]
impl MediaIntelligence {
    /// One page of the workspace's person DB (`GET .../persons`, docs `maiu-list-persons`). `pageNum` >= 1,
    /// `pageSize` 1 to 1000; filters `name` (2 to 50 characters) and `tagIdList` (up to 30 tag ids). For richer
    /// queries use `searchPersons`. Bad input rejects with a `ValidationError` naming the field, before any
    /// request; API failures with `ApiError` (`NOT_FOUND`, `CONFLICT`, `BAD_REQUEST`, ...).
    ///
    /// ```js
    /// const page = await mi.listPersons({ workspaceName, name: "Kim", pageSize: 50 });
    /// ```
    #[wasm_bindgen(js_name = listPersons, unchecked_return_type = "Promise<PersonPage>")]
    pub fn list_persons(&self, #[wasm_bindgen(unchecked_param_type = "ListPersonsOptions")] options: JsValue, request_options: Option<RequestOptionsValue>) -> Promise {
        promise(&self.inner, &persons::LIST_PERSONS, options, request(request_options))
    }

    /// Registers a person (`POST .../persons`, docs `maiu-create-persons`): `name` optional (1 to 50
    /// characters, unique; absent makes an anonymous person), `description` 1 to 700 characters, `thumbnails` 1
    /// to 100 `{ thumbnailKey, isPrimaryThumbnail }` from `uploadPersonThumbnail`, exactly one primary. Check
    /// for duplicates first with `recommendPersonsByThumbnail`. Bad input rejects with a `ValidationError`
    /// naming the field, before any request; API failures with `ApiError` (`NOT_FOUND`, `CONFLICT`,
    /// `BAD_REQUEST`, ...).
    ///
    /// ```js
    /// const person = await mi.createPerson({ workspaceName, name: "Hong Gildong", thumbnails: [{ thumbnailKey, isPrimaryThumbnail: true }] });
    /// ```
    #[wasm_bindgen(js_name = createPerson, unchecked_return_type = "Promise<Person>")]
    pub fn create_person(&self, #[wasm_bindgen(unchecked_param_type = "CreatePersonOptions")] options: JsValue, request_options: Option<RequestOptionsValue>) -> Promise {
        promise(&self.inner, &persons::CREATE_PERSON, options, request(request_options))
    }

    /// A person's details (`GET .../persons/{personId}`, docs `maiu-person-details`): name, description, tags,
    /// thumbnails (their `url`s are presigned). Bad input rejects with a `ValidationError` naming the field,
    /// before any request; API failures with `ApiError` (`NOT_FOUND`, `CONFLICT`, `BAD_REQUEST`, ...).
    ///
    /// ```js
    /// const person = await mi.getPerson({ workspaceName, personId: 1001 });
    /// ```
    #[wasm_bindgen(js_name = getPerson, unchecked_return_type = "Promise<Person>")]
    pub fn get_person(&self, #[wasm_bindgen(unchecked_param_type = "PersonOptions")] options: JsValue, request_options: Option<RequestOptionsValue>) -> Promise {
        promise(&self.inner, &persons::GET_PERSON, options, request(request_options))
    }

    /// Edits a person (`PATCH .../persons/{personId}`, docs `maiu-update-persons`): `name` (names an anonymous
    /// person), `description`, `primaryThumbnailId`. Bad input rejects with a `ValidationError` naming the
    /// field, before any request; API failures with `ApiError` (`NOT_FOUND`, `CONFLICT`, `BAD_REQUEST`, ...).
    ///
    /// ```js
    /// await mi.updatePerson({ workspaceName, personId, name: "Yu Jaeseok" });
    /// ```
    #[wasm_bindgen(js_name = updatePerson, unchecked_return_type = "Promise<Person>")]
    pub fn update_person(&self, #[wasm_bindgen(unchecked_param_type = "UpdatePersonOptions")] options: JsValue, request_options: Option<RequestOptionsValue>) -> Promise {
        promise(&self.inner, &persons::UPDATE_PERSON, options, request(request_options))
    }

    /// Deletes a person and its face data (`DELETE .../persons/{personId}`, docs `maiu-delete-persons`);
    /// irreversible: its labels in indexes become anonymous. Resolves the person as it was. Bad input rejects
    /// with a `ValidationError` naming the field, before any request; API failures with `ApiError`
    /// (`NOT_FOUND`, `CONFLICT`, `BAD_REQUEST`, ...).
    ///
    /// ```js
    /// await mi.deletePerson({ workspaceName, personId });
    /// ```
    #[wasm_bindgen(js_name = deletePerson, unchecked_return_type = "Promise<Person>")]
    pub fn delete_person(&self, #[wasm_bindgen(unchecked_param_type = "PersonOptions")] options: JsValue, request_options: Option<RequestOptionsValue>) -> Promise {
        promise(&self.inner, &persons::DELETE_PERSON, options, request(request_options))
    }

    /// Searches the person DB (`POST .../persons/search`, docs `mi-search-persons`; paging in the body):
    /// `pageNum` (default 1), `pageSize` 1 to 50, `name` (2 to 50 characters), `personIds`, `tagIds`,
    /// `nameType` (`NAMED`, `ANONYMOUS`), `sortColumn` (`ASSET_COUNT`, `CREATED_AT`, `PERSON_ID`, `NAME`),
    /// `sortType` (`ASC`, `DESC`). Bad input rejects with a `ValidationError` naming the field, before any
    /// request; API failures with `ApiError` (`NOT_FOUND`, `CONFLICT`, `BAD_REQUEST`, ...).
    ///
    /// ```js
    /// const page = await mi.searchPersons({ workspaceName, nameType: "ANONYMOUS", sortColumn: "ASSET_COUNT" });
    /// ```
    #[wasm_bindgen(js_name = searchPersons, unchecked_return_type = "Promise<PersonPage>")]
    pub fn search_persons(&self, #[wasm_bindgen(unchecked_param_type = "SearchPersonsOptions")] options: JsValue, request_options: Option<RequestOptionsValue>) -> Promise {
        promise(&self.inner, &persons::SEARCH_PERSONS, options, request(request_options))
    }

    /// Merges up to 10 persons (`personIds`) into `personId` (`POST .../persons/{personId}/merge`, docs `mi-
    /// merge-persons`): their assets, scenes and thumbnails move to it and they are gone. Irreversible; not
    /// repeated after an attempt that may have reached the server. Bad input rejects with a `ValidationError`
    /// naming the field, before any request; API failures with `ApiError` (`NOT_FOUND`, `CONFLICT`,
    /// `BAD_REQUEST`, ...).
    ///
    /// ```js
    /// const { transferredAssetCount } = await mi.mergePersons({ workspaceName, personId: 1001, personIds: [1002, 1003] });
    /// ```
    #[wasm_bindgen(js_name = mergePersons, unchecked_return_type = "Promise<PersonMerge>")]
    pub fn merge_persons(&self, #[wasm_bindgen(unchecked_param_type = "MergePersonsOptions")] options: JsValue, request_options: Option<RequestOptionsValue>) -> Promise {
        promise(&self.inner, &persons::MERGE_PERSONS, options, request(request_options))
    }

    /// Persons whose faces look like this one's (`GET .../persons/{personId}/similar`, docs `mi-similar-
    /// persons`), best first: `personCount` 1 to 10 (default 3), `scoreThreshold` 80 to 100 (default 80). A
    /// person without thumbnails cannot be compared. Bad input rejects with a `ValidationError` naming the
    /// field, before any request; API failures with `ApiError` (`NOT_FOUND`, `CONFLICT`, `BAD_REQUEST`, ...).
    ///
    /// ```js
    /// const { similarPersons } = await mi.listSimilarPersons({ workspaceName, personId, personCount: 5 });
    /// ```
    #[wasm_bindgen(js_name = listSimilarPersons, unchecked_return_type = "Promise<SimilarPersons>")]
    pub fn list_similar_persons(&self, #[wasm_bindgen(unchecked_param_type = "SimilarPersonsOptions")] options: JsValue, request_options: Option<RequestOptionsValue>) -> Promise {
        promise(&self.inner, &persons::LIST_SIMILAR_PERSONS, options, request(request_options))
    }

    /// Registered persons whose faces look like an uploaded thumbnail (`POST .../persons/recommend-by-
    /// thumbnail`, docs `mi-recommend-persons-by-thumbnail`): `thumbnailKey` (from `uploadPersonThumbnail`,
    /// valid 24 h), `personCount` 1 to 10, `scoreThreshold` 80 to 100. An empty result means no match: register
    /// the person. Its shape is not shown in the docs: it resolves as sent. Bad input rejects with a
    /// `ValidationError` naming the field, before any request; API failures with `ApiError` (`NOT_FOUND`,
    /// `CONFLICT`, `BAD_REQUEST`, ...).
    ///
    /// ```js
    /// const matches = await mi.recommendPersonsByThumbnail({ workspaceName, thumbnailKey });
    /// ```
    #[wasm_bindgen(js_name = recommendPersonsByThumbnail, unchecked_return_type = "Promise<unknown>")]
    pub fn recommend_persons_by_thumbnail(&self, #[wasm_bindgen(unchecked_param_type = "RecommendPersonsByThumbnailOptions")] options: JsValue, request_options: Option<RequestOptionsValue>) -> Promise {
        promise(&self.inner, &persons::RECOMMEND_PERSONS_BY_THUMBNAIL, options, request(request_options))
    }

    /// Adds tags (`tagIds`) to a person (`POST .../persons/{personId}/person-tags`, docs `maiu-add-person-
    /// tags`); repeats are ignored. Resolves the person's tags. Bad input rejects with a `ValidationError`
    /// naming the field, before any request; API failures with `ApiError` (`NOT_FOUND`, `CONFLICT`,
    /// `BAD_REQUEST`, ...).
    ///
    /// ```js
    /// await mi.addPersonTags({ workspaceName, personId, tagIds: [100, 200] });
    /// ```
    #[wasm_bindgen(js_name = addPersonTags, unchecked_return_type = "Promise<PersonTagList>")]
    pub fn add_person_tags(&self, #[wasm_bindgen(unchecked_param_type = "PersonTagIdsOptions")] options: JsValue, request_options: Option<RequestOptionsValue>) -> Promise {
        promise(&self.inner, &persons::ADD_PERSON_TAGS, options, request(request_options))
    }

    /// Removes tags (`tagIds`) from a person (`POST .../persons/{personId}/person-tags/remove`, docs `mi-
    /// remove-person-tags`): the POST variant of the documented DELETE with a body, because some runtimes, CDNs
    /// and proxies drop or refuse a DELETE body. Unknown ids are ignored. Resolves the remaining tags. Bad
    /// input rejects with a `ValidationError` naming the field, before any request; API failures with
    /// `ApiError` (`NOT_FOUND`, `CONFLICT`, `BAD_REQUEST`, ...).
    ///
    /// ```js
    /// await mi.removePersonTags({ workspaceName, personId, tagIds: [200] });
    /// ```
    #[wasm_bindgen(js_name = removePersonTags, unchecked_return_type = "Promise<PersonTagList>")]
    pub fn remove_person_tags(&self, #[wasm_bindgen(unchecked_param_type = "PersonTagIdsOptions")] options: JsValue, request_options: Option<RequestOptionsValue>) -> Promise {
        promise(&self.inner, &persons::REMOVE_PERSON_TAGS, options, request(request_options))
    }

    /// Adds uploaded thumbnails (`thumbnails: [{ thumbnailKey, isPrimaryThumbnail }]`) to a person (`POST
    /// .../persons/{personId}/person-thumbnail`, docs `maiu-set-person-thumbnail`). Resolves the person's
    /// thumbnails. Bad input rejects with a `ValidationError` naming the field, before any request; API
    /// failures with `ApiError` (`NOT_FOUND`, `CONFLICT`, `BAD_REQUEST`, ...).
    ///
    /// ```js
    /// await mi.addPersonThumbnails({ workspaceName, personId, thumbnails: [{ thumbnailKey, isPrimaryThumbnail: false }] });
    /// ```
    #[wasm_bindgen(js_name = addPersonThumbnails, unchecked_return_type = "Promise<PersonThumbnailList>")]
    pub fn add_person_thumbnails(&self, #[wasm_bindgen(unchecked_param_type = "AddPersonThumbnailsOptions")] options: JsValue, request_options: Option<RequestOptionsValue>) -> Promise {
        promise(&self.inner, &persons::ADD_PERSON_THUMBNAILS, options, request(request_options))
    }

    /// Removes thumbnails (`thumbnailIds`) from a person (`POST .../persons/{personId}/person-
    /// thumbnail/remove`, docs `mi-remove-person-thumbnails`; the POST variant, as for `removePersonTags`); not
    /// all of them. Resolves the remaining thumbnails. Bad input rejects with a `ValidationError` naming the
    /// field, before any request; API failures with `ApiError` (`NOT_FOUND`, `CONFLICT`, `BAD_REQUEST`, ...).
    ///
    /// ```js
    /// await mi.removePersonThumbnails({ workspaceName, personId, thumbnailIds: [1234] });
    /// ```
    #[wasm_bindgen(js_name = removePersonThumbnails, unchecked_return_type = "Promise<PersonThumbnailList>")]
    pub fn remove_person_thumbnails(&self, #[wasm_bindgen(unchecked_param_type = "RemovePersonThumbnailsOptions")] options: JsValue, request_options: Option<RequestOptionsValue>) -> Promise {
        promise(&self.inner, &persons::REMOVE_PERSON_THUMBNAILS, options, request(request_options))
    }

    /// Every person of the person DB, page by page as the loop asks (`listPersons`, with its filters);
    /// a `break` stops fetching.
    ///
    /// ```js
    /// for await (const person of mi.persons({ workspaceName, pageSize: 100 })) console.log(person.name ?? "(anonymous)");
    /// ```
    #[wasm_bindgen(unchecked_return_type = "AsyncIterableIterator<Person>")]
    pub fn persons(&self, #[wasm_bindgen(unchecked_param_type = "ListPersonsOptions")] options: JsValue, request_options: Option<RequestOptionsValue>) -> Result<JsValue, JsValue> {
        paging::items(&self.inner, &persons::LIST_PERSONS, options, request(request_options))
    }
}
