//! TypeScript declarations of asset search, uploads, persons and person tags, carried into the `.d.ts`.
//! Only documented fields are typed; every result also carries what the API sends beyond them.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const PEOPLE_TYPES: &str = r#"
/** Must / any / not conditions. */
export interface Conditions<T> {
  must?: T[];
  any?: T[];
  not?: T[];
}

/** Options of `searchAssets` (`query` needs exactly one of `textQuery` and `imageQuery`). */
export interface SearchAssetsOptions extends WorkspaceOptions {
  query: {
    /** Text to find in the index (keywords, speech); no `;`, `|` or backtick. */
    textQuery?: string;
    /** The key `uploadSearchImage` resolves. */
    imageQuery?: string;
    /** Persons (ids) that must, may or must not appear. */
    personQuery?: Conditions<Id>;
    /** Dialogue lines that must, may or must not be said; no `;`, `|` or backtick. */
    dialogQuery?: Conditions<string>;
  };
  /** The similarity confidence (members not shown in the docs: third-party reading). */
  queryOption?: { confidenceLevel?: "LOW" | "MEDIUM" | "HIGH" };
  /** Which assets to search (members not shown in the docs: third-party reading). */
  filter?: { projectIds?: Id[]; assetIds?: Id[]; assetTypes?: ("IMAGE" | "VIDEO")[]; indexModifiedFrom?: string; indexModifiedTo?: string };
}

/** What `searchAssets` resolves (not shown in the docs: the id `getAssetSearchResult` takes). */
export interface AssetSearchStarted {
  searchId?: string;
  [field: string]: unknown;
}

/** Options of `getAssetSearchResult`, `assetSearchResults()` and `waitForAssetSearch`. */
export interface AssetSearchResultOptions extends WorkspaceOptions, PageOptions {
  searchId: string;
}

/** The search states; `COMPLETED` and `FAILED` are final. */
export type AssetSearchState = "RUNNING" | "COMPLETED" | "FAILED";

/** A search's status and, once completed, one page of its results (the list's member is not shown in
 *  the docs). */
export interface AssetSearchResult {
  searchId: string;
  status: AssetSearchState;
  totalCount?: number;
  totalPage?: number;
  pageNo?: number;
  pageSize?: number;
  /** The page's hits (the member's name is cut off in the docs: `results` is a reading). */
  results?: Record<string, unknown>[];
  [field: string]: unknown;
}

/** Options of `createSearchImageUploadUrl`. */
export interface CreateSearchImageUploadUrlOptions {
  /** e.g. `query.jpg`: jpg, jpeg, png, webp or heic. */
  assetFileName: string;
  /** The only kind: `IMAGE` (the default). */
  assetType?: "IMAGE";
}

/** A presigned URL for one search image (valid 15 minutes, single use). */
export interface SearchImageUploadUrl {
  assetFileKey: string;
  presignedUploadUrl: string;
  /** Seconds the URL stays valid (900). */
  expirationSeconds?: number;
  [field: string]: unknown;
}

/** Options of `completeSearchImageUpload`. */
export interface CompleteSearchImageUploadOptions {
  assetKey: string;
}

/** Why an upload failed. */
export type UploadMessage = "FILE_NOT_EXIST" | "OVER_SIZE_LIMIT" | "RESOLUTION_NOT_SUPPORT";

/** What `completeSearchImageUpload` resolves. */
export interface SearchImageUpload {
  /** The key to search with (for HEIC, the converted JPG's). */
  assetKey: string;
  uploadStatus: "COMPLETED" | "FAILED";
  uploadMessage?: UploadMessage;
  [field: string]: unknown;
}

/** Options of `uploadSearchImage` and `uploadPersonThumbnail`. */
export interface UploadOptions {
  /** The file's name; its extension one of the formats the upload takes. */
  fileName: string;
  /** The `content-type` of the PUT; default from the image's format. */
  contentType?: string;
  signal?: AbortSignal;
  /** Time limit of each request, in milliseconds. */
  timeoutMs?: number;
}

/** A person tag. */
export interface PersonTag {
  id: number;
  name: string;
  createdTime?: string;
  createdUserName?: string;
  [field: string]: unknown;
}

/** A person's thumbnail. */
export interface PersonThumbnail {
  id?: number;
  /** A presigned URL of the image. */
  url?: string;
  isPrimaryThumbnail?: boolean;
  [field: string]: unknown;
}

/** A person of the person DB (the docs show `id` in older editions and `personId` in newer ones). */
export interface Person {
  id?: number;
  personId?: number;
  /** `null` or absent for an anonymous person. */
  name?: string | null;
  description?: string | null;
  tags?: { id?: number; name?: string }[];
  thumbnails?: PersonThumbnail[];
  [field: string]: unknown;
}

/** One page of `listPersons` or `searchPersons`. */
export type PersonPage = Page<Person>;

/** Options naming one person. */
export interface PersonOptions extends WorkspaceOptions {
  personId: Id;
}

/** Options of `listPersons` and `persons()`. */
export interface ListPersonsOptions extends WorkspaceOptions, PageOptions {
  /** 2 to 50 characters; no `;`, `|` or backtick. */
  name?: string;
  /** Up to 30 tag ids. */
  tagIdList?: Id[];
}

/** A thumbnail to attach to a person. */
export interface NewThumbnail {
  /** A key from `uploadPersonThumbnail`. */
  thumbnailKey: string;
  isPrimaryThumbnail: boolean;
}

/** Options of `createPerson`. */
export interface CreatePersonOptions extends WorkspaceOptions {
  /** 1 to 50 characters, unique; absent makes an anonymous person. */
  name?: string;
  /** 1 to 700 characters. */
  description?: string;
  /** 1 to 100, exactly one primary. */
  thumbnails: NewThumbnail[];
}

/** Options of `updatePerson`. */
export interface UpdatePersonOptions extends PersonOptions {
  name?: string;
  description?: string;
  primaryThumbnailId?: Id;
}

/** Options of `searchPersons` (paging in the body). */
export interface SearchPersonsOptions extends WorkspaceOptions {
  pageNum?: number;
  /** 1 to 50 (the API's default 10). */
  pageSize?: number;
  name?: string;
  personIds?: Id[];
  tagIds?: Id[];
  nameType?: "NAMED" | "ANONYMOUS";
  sortColumn?: "ASSET_COUNT" | "CREATED_AT" | "PERSON_ID" | "NAME";
  sortType?: "ASC" | "DESC";
}

/** Options of `mergePersons`: up to 10 persons to merge into `personId`. */
export interface MergePersonsOptions extends PersonOptions {
  personIds: Id[];
}

/** What `mergePersons` resolves. */
export interface PersonMerge {
  personId: number;
  transferredAssetCount?: number;
  transferredThumbnailCount?: number;
  mergedTime?: string;
  [field: string]: unknown;
}

/** Options of `listSimilarPersons`. */
export interface SimilarPersonsOptions extends PersonOptions {
  /** 1 to 10 (default 3). */
  personCount?: number;
  /** 80 to 100 (default 80). */
  scoreThreshold?: number;
}

/** What `listSimilarPersons` resolves, best first. */
export interface SimilarPersons {
  personId?: number;
  similarPersons: { personId: number; [field: string]: unknown }[];
  [field: string]: unknown;
}

/** Options of `recommendPersonsByThumbnail`. */
export interface RecommendPersonsByThumbnailOptions extends WorkspaceOptions {
  thumbnailKey: string;
  personCount?: number;
  scoreThreshold?: number;
}

/** Options of `addPersonTags` and `removePersonTags`. */
export interface PersonTagIdsOptions extends PersonOptions {
  tagIds: Id[];
}

/** A person's tags after a change. */
export interface PersonTagList {
  personId?: number;
  tagList?: { id?: number; name?: string }[];
  [field: string]: unknown;
}

/** Options of `addPersonThumbnails`. */
export interface AddPersonThumbnailsOptions extends PersonOptions {
  thumbnails: NewThumbnail[];
}

/** Options of `removePersonThumbnails` (not all of a person's thumbnails). */
export interface RemovePersonThumbnailsOptions extends PersonOptions {
  thumbnailIds: Id[];
}

/** A person's thumbnails after a change. */
export interface PersonThumbnailList {
  personId?: number;
  thumbnailList?: PersonThumbnail[];
  [field: string]: unknown;
}

/** Options of `listPersonTags` and `personTags()`: `pageSize` 1 to 50. */
export interface ListPersonTagsOptions extends WorkspaceOptions, PageOptions {
  id?: Id;
  /** 1 to 30 characters. */
  name?: string;
}

/** One page of `listPersonTags`. */
export type PersonTagPage = Page<PersonTag>;

/** Options of `createPersonTag`: a unique name of 1 to 30 characters. */
export interface CreatePersonTagOptions extends WorkspaceOptions {
  name: string;
}

/** Options naming one person tag. */
export interface PersonTagOptions extends WorkspaceOptions {
  tagId: Id;
}

/** Options of `createPersonThumbnailUploadUrl`. */
export interface CreatePersonThumbnailUploadUrlOptions extends WorkspaceOptions {
  /** jpg, jpeg, png or webp. */
  thumbnailFileName: string;
}

/** A presigned URL for one person thumbnail (valid 15 minutes, single use). */
export interface PersonThumbnailUploadUrl {
  thumbnailKey: string;
  url: string;
  expirationSeconds?: number;
  [field: string]: unknown;
}

/** Options of `completePersonThumbnailUpload`. */
export interface CompletePersonThumbnailUploadOptions extends WorkspaceOptions {
  thumbnailKey: string;
}

/** What `completePersonThumbnailUpload` resolves. */
export interface PersonThumbnailUpload {
  uploadStatus: "COMPLETED" | "FAILED";
  uploadMessage?: UploadMessage;
  [field: string]: unknown;
}
"#;
