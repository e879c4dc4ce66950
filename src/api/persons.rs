//! The person DB of a workspace: persons (list, create, get, update, delete, search, merge, similar
//! faces, compare by thumbnail), their tags and thumbnails. Docs: maiu-list-persons,
//! maiu-create-persons, maiu-person-details, maiu-update-persons, maiu-delete-persons, mi-search-persons,
//! mi-merge-persons, mi-similar-persons, mi-recommend-persons-by-thumbnail, maiu-add-person-tags,
//! mi-remove-person-tags, maiu-set-person-thumbnail, mi-remove-person-thumbnails.

use crate::api::types::{op, page_size, path, query, PAGE_FIELDS, PAGE_NUM, WORKSPACE};
use crate::core::http::Method;
use crate::core::operation::{Operation, Paging, Param, Rule};
use crate::core::shape::{opt, req, Field, Shape, Ty};

/// `{personId}` in the path.
pub const PERSON: Param = path("personId", Rule::Id);
const PERSONS: &str = "/api/v1/workspaces/{workspaceName}/persons";
const ONE: &str = "/api/v1/workspaces/{workspaceName}/persons/{personId}";
const IDS: &[Param] = &[WORKSPACE, PERSON];

pub static LIST_PERSONS: Operation = Operation {
    result: &PERSON_PAGE,
    paged: Some(Paging { items: "content" }),
    ..op("listPersons", Method::Get, PERSONS, &[WORKSPACE, PAGE_NUM, page_size(1000), query("name", "name", Rule::Text(2, 50)), query("tagIdList", "tagIdList", Rule::IdList(30))], "maiu-list-persons", "One page of the person DB, filtered by name or tags (pageSize 1 to 1000).")
};
pub static CREATE_PERSON: Operation = Operation {
    body: Some(&CREATE_PERSON_OPTIONS),
    result: &PERSON_SHAPE,
    ..op("createPerson", Method::Post, PERSONS, &[WORKSPACE], "maiu-create-persons", "Registers a person (name optional: anonymous) with 1 to 100 uploaded thumbnails, exactly one primary.")
};
pub static GET_PERSON: Operation = Operation {
    result: &PERSON_SHAPE,
    ..op("getPerson", Method::Get, ONE, IDS, "maiu-person-details", "A person's details: name, description, tags, thumbnails.")
};
pub static UPDATE_PERSON: Operation = Operation {
    body: Some(&UPDATE_PERSON_OPTIONS),
    result: &PERSON_SHAPE,
    ..op("updatePerson", Method::Patch, ONE, IDS, "maiu-update-persons", "Edits a person's name, description or primary thumbnail (names an anonymous person).")
};
pub static DELETE_PERSON: Operation = Operation {
    result: &PERSON_SHAPE,
    ..op("deletePerson", Method::Delete, ONE, IDS, "maiu-delete-persons", "Deletes a person and its face data (irreversible); resolves the person as it was.")
};
pub static SEARCH_PERSONS: Operation = Operation {
    body: Some(&SEARCH_PERSONS_OPTIONS),
    result: &PERSON_PAGE,
    retry_safe: true,
    ..op("searchPersons", Method::Post, "/api/v1/workspaces/{workspaceName}/persons/search", &[WORKSPACE], "mi-search-persons", "Searches persons by ids, tags, name and naming, sorted (pageSize 1 to 50, paging in the body).")
};
pub static MERGE_PERSONS: Operation = Operation {
    body: Some(&PERSON_IDS),
    result: &MERGED,
    ..op("mergePersons", Method::Post, "/api/v1/workspaces/{workspaceName}/persons/{personId}/merge", IDS, "mi-merge-persons", "Merges up to 10 persons into this one (irreversible): their assets, scenes and thumbnails move to it.")
};
pub static LIST_SIMILAR_PERSONS: Operation = Operation {
    result: &SIMILAR,
    ..op("listSimilarPersons", Method::Get, "/api/v1/workspaces/{workspaceName}/persons/{personId}/similar", &[WORKSPACE, PERSON, query("personCount", "personCount", Rule::Range(1, 10)), query("scoreThreshold", "scoreThreshold", Rule::Range(80, 100))], "mi-similar-persons", "Persons whose faces look like this one's (1 to 10, score 80 to 100), best first.")
};
pub static RECOMMEND_PERSONS_BY_THUMBNAIL: Operation = Operation {
    body: Some(&RECOMMEND_OPTIONS),
    retry_safe: true,
    ..op("recommendPersonsByThumbnail", Method::Post, "/api/v1/workspaces/{workspaceName}/persons/recommend-by-thumbnail", &[WORKSPACE], "mi-recommend-persons-by-thumbnail", "Registered persons whose faces look like an uploaded thumbnail (check before createPerson).")
};
pub static ADD_PERSON_TAGS: Operation = Operation {
    body: Some(&TAG_IDS),
    result: &PERSON_TAGS,
    ..op("addPersonTags", Method::Post, "/api/v1/workspaces/{workspaceName}/persons/{personId}/person-tags", IDS, "maiu-add-person-tags", "Adds tags to a person (repeats are ignored).")
};
/// The POST variant (#40): a DELETE with a body (#39) is dropped or refused by some runtimes, CDNs and
/// proxies (and by this package's proxy, which takes no body where the API documents a DELETE);
/// the API documents both as the same operation.
pub static REMOVE_PERSON_TAGS: Operation = Operation {
    body: Some(&TAG_IDS),
    result: &PERSON_TAGS,
    retry_safe: true,
    ..op("removePersonTags", Method::Post, "/api/v1/workspaces/{workspaceName}/persons/{personId}/person-tags/remove", IDS, "mi-remove-person-tags", "Removes tags from a person (POST variant of the DELETE with a body; unknown ids are ignored).")
};
pub static ADD_PERSON_THUMBNAILS: Operation = Operation {
    body: Some(&THUMBNAILS),
    result: &PERSON_THUMBNAILS,
    ..op("addPersonThumbnails", Method::Post, "/api/v1/workspaces/{workspaceName}/persons/{personId}/person-thumbnail", IDS, "maiu-set-person-thumbnail", "Adds uploaded thumbnails to a person.")
};
/// The POST variant (#43), for the reason given at `REMOVE_PERSON_TAGS`.
pub static REMOVE_PERSON_THUMBNAILS: Operation = Operation {
    body: Some(&THUMBNAIL_IDS),
    result: &PERSON_THUMBNAILS,
    retry_safe: true,
    ..op("removePersonThumbnails", Method::Post, "/api/v1/workspaces/{workspaceName}/persons/{personId}/person-thumbnail/remove", IDS, "mi-remove-person-thumbnails", "Removes thumbnails from a person (not all of them; POST variant of the DELETE with a body).")
};

const TAG: Ty = Ty::Object(&[opt("id", Ty::Int), opt("name", Ty::Text)]);
const THUMBNAIL: Ty = Ty::Object(&[opt("id", Ty::Int), opt("url", Ty::Text), opt("isPrimaryThumbnail", Ty::Bool)]);

/// A person's documented members: the older edition's `id` and the newer `personId` (the release
/// note of 2026-09-17 adds it; which the API sends now is not shown), both optional.
const PERSON_FIELDS: &[Field] = &[
    opt("id", Ty::Int),
    opt("personId", Ty::Int),
    opt("name", Ty::Text),
    opt("description", Ty::Text),
    opt("tags", Ty::List(&TAG)),
    opt("thumbnails", Ty::List(&THUMBNAIL)),
];
pub static PERSON_SHAPE: Shape = Shape { name: "Person", ty: Ty::Object(PERSON_FIELDS) };
pub static PERSON_PAGE: Shape = Shape {
    name: "PersonPage",
    ty: Ty::Object(&[PAGE_FIELDS[0], PAGE_FIELDS[1], PAGE_FIELDS[2], PAGE_FIELDS[3], req("content", Ty::List(&Ty::Object(PERSON_FIELDS)))]),
};
pub static MERGED: Shape = Shape {
    name: "PersonMerge",
    ty: Ty::Object(&[req("personId", Ty::Int), opt("transferredAssetCount", Ty::Int), opt("transferredThumbnailCount", Ty::Int), opt("mergedTime", Ty::Text)]),
};
pub static SIMILAR: Shape = Shape {
    name: "SimilarPersons",
    ty: Ty::Object(&[opt("personId", Ty::Int), req("similarPersons", Ty::List(&Ty::Object(&[req("personId", Ty::Int)])))]),
};
pub static PERSON_TAGS: Shape = Shape { name: "PersonTagList", ty: Ty::Object(&[opt("personId", Ty::Int), opt("tagList", Ty::List(&TAG))]) };
pub static PERSON_THUMBNAILS: Shape = Shape { name: "PersonThumbnailList", ty: Ty::Object(&[opt("personId", Ty::Int), opt("thumbnailList", Ty::List(&THUMBNAIL))]) };

const NEW_THUMBNAIL: Ty = Ty::Object(&[req("thumbnailKey", Ty::Text), req("isPrimaryThumbnail", Ty::Bool)]);
pub static CREATE_PERSON_OPTIONS: Shape = Shape {
    name: "CreatePersonOptions",
    ty: Ty::Object(&[opt("name", Ty::Text), opt("description", Ty::Text), req("thumbnails", Ty::List(&NEW_THUMBNAIL))]),
};
pub static UPDATE_PERSON_OPTIONS: Shape = Shape {
    name: "UpdatePersonOptions",
    ty: Ty::Object(&[opt("name", Ty::Text), opt("description", Ty::Text), opt("primaryThumbnailId", Ty::Id)]),
};
pub static SEARCH_PERSONS_OPTIONS: Shape = Shape {
    name: "SearchPersonsOptions",
    ty: Ty::Object(&[
        opt("pageNum", Ty::Count),
        opt("pageSize", Ty::Count),
        opt("name", Ty::Text),
        opt("personIds", Ty::List(&Ty::Id)),
        opt("tagIds", Ty::List(&Ty::Id)),
        opt("nameType", Ty::Text),
        opt("sortColumn", Ty::Text),
        opt("sortType", Ty::Text),
    ]),
};
pub static PERSON_IDS: Shape = Shape { name: "MergePersonsOptions", ty: Ty::Object(&[req("personIds", Ty::List(&Ty::Id))]) };
pub static RECOMMEND_OPTIONS: Shape = Shape {
    name: "RecommendPersonsByThumbnailOptions",
    ty: Ty::Object(&[req("thumbnailKey", Ty::Text), opt("personCount", Ty::Count), opt("scoreThreshold", Ty::Count)]),
};
pub static TAG_IDS: Shape = Shape { name: "PersonTagIdsOptions", ty: Ty::Object(&[req("tagIds", Ty::List(&Ty::Id))]) };
pub static THUMBNAILS: Shape = Shape { name: "AddPersonThumbnailsOptions", ty: Ty::Object(&[req("thumbnails", Ty::List(&NEW_THUMBNAIL))]) };
pub static THUMBNAIL_IDS: Shape = Shape { name: "RemovePersonThumbnailsOptions", ty: Ty::Object(&[req("thumbnailIds", Ty::List(&Ty::Id))]) };
