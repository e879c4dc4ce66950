/* tslint:disable */
/* eslint-disable */

/** An id: a positive integer, or its decimal text (the API documents ids as both). */
export type Id = number | string;

/** Options naming one project. */
export interface ProjectOptions extends WorkspaceOptions {
    projectId: Id;
}

/** Options of `createProject`: `name` 1 to 100 characters without `;`, `|` or a backtick, unique in the workspace. */
export interface CreateProjectOptions extends WorkspaceOptions {
    name: string;
}

/** Options of `updateProject` (not the base project). */
export interface UpdateProjectOptions extends ProjectOptions {
    name: string;
}

/** A project. Times are ISO 8601 local date-times (KST) without a zone. */
export interface Project {
    projectId: number;
    name: string;
    /** The workspace's base project, which cannot be renamed or deleted. */
    isBaseProject?: boolean;
    createdUserName?: string;
    createdTime?: string;
    updatedUserName?: string;
    updatedTime?: string;
    [field: string]: unknown;
}

/** What `listProjects` resolves (the list is not paged). */
export interface ProjectList {
    projects: Project[];
    totalCount?: number;
    [field: string]: unknown;
}

/** Options of `importAsset`: a file already in Object Storage. */
export interface ImportAssetOptions extends ProjectOptions {
    bucketName: string;
    /** The object's full name, not a folder; mp4, mkv, mov, webm, jpg, jpeg, png or heic (any case). */
    key: string;
}

/** What `importAsset` resolves (not shown in the docs: `assetId` as the deprecated import had it). */
export interface ImportedAsset {
    assetId?: number;
    [field: string]: unknown;
}

/** Options naming one asset. */
export interface AssetOptions extends ProjectOptions {
    assetId: Id;
}

/** Options of `listAssets` and `assets()`: `pageSize` 1 to 1000 (the API's default 1000). */
export interface ListAssetsOptions extends ProjectOptions, PageOptions {}

/** Options of `moveAsset`. */
export interface MoveAssetOptions extends AssetOptions {
    /** The destination project. */
    newProjectId: Id;
}

/** A media asset. */
export interface Asset {
    assetId: number;
    fileName?: string;
    projectId?: number;
    metaData?: {
        /** e.g. `1920x1080`. */
        resolution?: string;
        /** Video length in milliseconds. */
        durationMs?: number;
        /** File size in bytes. */
        size?: number;
        format?: "mp4" | "mkv" | "mov" | "webm" | "png" | "jpg" | "heic" | (string & {});
        [field: string]: unknown;
    };
    /** The object's full name in the bucket. */
    key?: string;
    /** The creator (spelt `createUserName` by this operation). */
    createUserName?: string;
    [field: string]: unknown;
}

/** One page of `listAssets`. */
export type AssetPage = Page<Asset>;

/** The import states; `COMPLETED` and the three failures are final. */
export type AssetImportState = "IN_PROGRESS" | "COMPLETED" | "FAILED" | "FILE_NOT_EXIST" | "INVALID_METADATA";

/** What `getAssetImportStatus` and `waitForAssetImport` resolve. */
export interface AssetImportStatus {
    assetId?: number;
    uploadStatus: AssetImportState;
    /** Why, for a failure (e.g. an unsupported resolution). */
    uploadResult?: string;
    [field: string]: unknown;
}

/** Options of `requestIndex` (video-only options are refused by the API for an image). */
export interface RequestIndexOptions extends AssetOptions {
    /** How finely scenes are cut; not with min/maxSceneDurationSec. */
    sceneRange?: "EXTRA_SHORT" | "SHORT" | "MEDIUM" | "LONG";
    /** Scene length bounds in seconds: both or neither, min <= max. */
    minSceneDurationSec?: number;
    maxSceneDurationSec?: number;
    /** 0 to 10 persons to analyse (0: none, faster). */
    analysisPersonCount?: number;
    /** 1 to 30 person tag ids whose persons to look for. */
    tagIdList?: Id[];
    sourceLanguage?: "ENKO" | "EN" | "KO" | "JA" | "ZH-CN" | "ZH-TW";
    /** Detect applause, laughter and background music (video). */
    detectAudioEffects?: boolean;
}

/** The analysis states; `ANALYZE_COMPLETED`, `ANALYZE_FAIL` and `ANALYZE_CANCEL` are final. */
export type IndexState = "BEFORE_ANALYZE" | "WAIT_ANALYZE" | "ANALYZING" | "ANALYZE_COMPLETED" | "ANALYZE_FAIL" | "ANALYZE_CANCEL";

/** What `getIndexStatus` and `waitForIndex` resolve. */
export interface IndexStatus {
    status: IndexState;
    /** Why, for a failure. */
    analyzeStatusMessage?: string;
    [field: string]: unknown;
}

/** Options of `getIndex`. */
export interface GetIndexOptions extends AssetOptions {
    /** LOW (more keywords), MEDIUM (the API's default) or HIGH (more accurate keywords). */
    confidenceLevel?: "LOW" | "MEDIUM" | "HIGH";
}

/** The asset's latest index, as the API sends it: its JSON shape is not shown in the docs (scenes,
 *  shots, persons, keywords, objects, actions, script and captions arrive as members of their own). */
export interface Index {
    type?: "VIDEO" | "IMAGE" | (string & {});
    createdTime?: string;
    createdUserName?: string;
    [field: string]: unknown;
}

/** Options of `requestSceneSummary`. */
export interface RequestSceneSummaryOptions extends AssetOptions {
    /** The summary language (e.g. `ko`, `en`, `ja`), on a full run only. */
    locale?: string;
    /** Scenes to summarise again (not shown in the API pages); absent: every scene. */
    sceneNumbers?: number[];
}

/** The scene summary states; the last three are final. */
export type SceneSummaryState = "BEFORE_SUMMARIZE" | "WAIT_SUMMARIZE" | "SUMMARIZING" | "SUMMARIZE_COMPLETED" | "SUMMARIZE_FAIL" | "SUMMARIZE_CANCELED";

/** What `getSceneSummaryStatus` and `waitForSceneSummary` resolve. */
export interface SceneSummaryStatus {
    status: SceneSummaryState;
    [field: string]: unknown;
}

/** The latest scene summary, as the API sends it (its shape is not shown in the docs). */
export interface SceneSummary {
    [field: string]: unknown;
}



/** An operation a proxy may forward: the name of a `MediaIntelligence` method of the API. */
export type ProxyOperation = OperationName;

/** Options of `createProxyHandler`. */
export interface ProxyOptions {
    accessKey: string;
    secretKey: string;
    /** API base URL; default `https://mi.apigw.ntruss.com`. */
    endpoint?: string;
    /** The operations to forward; every other request is refused with 404 without contacting NCP. */
    allow: ProxyOperation[];
    /** Your check of the caller (session cookie, JWT, API key), run before anything else. Truthy lets the
     *  request through; falsy answers 403; a throw or rejection answers 401. */
    authorize?: (request: Request) => boolean | Promise<boolean>;
    /** Cross-origin callers allowed (same-origin calls always are, judged by the public origin: see
     *  `publicOrigin`). `"*"` allows any origin. */
    cors?: { origins: string[] | "*"; credentials?: boolean; headers?: string[] };
    /** A prefix the handler is mounted under, e.g. `"/mi"` for `https://app.example/mi/api/v1/...`. */
    basePath?: string;
    /** Largest accepted request body in bytes (1 to 1048576); default 16384. */
    maxBodyBytes?: number;
    /** Time limit for the API's answer in milliseconds; default 30000. */
    timeoutMs?: number;
    /** The origin the page sees, e.g. `"https://app.example"`, when the handler receives requests on
     *  another one (behind a TLS terminator or a reverse proxy). Same-origin requests are judged by it. */
    publicOrigin?: string;
    /** Take the public origin from `X-Forwarded-Proto` and `X-Forwarded-Host` (or `Host`). Only set this
     *  when a proxy you run sets those headers: a client could forge them otherwise. Default false. */
    trustForwardedHeaders?: boolean;
    /** The largest API answer the proxy reads, in bytes (1024 to 1073741824); default 33554432. */
    maxResponseBytes?: number;
    /** A `fetch` to reach the API with instead of `globalThis.fetch`. */
    fetch?: (input: string, init: RequestInit) => Promise<Response>;
}



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



/** Options of `createWorkspace`. */
export interface CreateWorkspaceOptions {
    /** Unique in the account: 3 to 63 characters of `a-z`, `0-9` and `-`. */
    workspaceName: string;
    /** Name of an Object Storage bucket to integrate. */
    bucketName?: string;
}

/** Options naming one workspace (`getWorkspace`, `deleteWorkspace`, which also take the name alone). */
export interface WorkspaceOptions {
    /** 3 to 63 characters of `a-z`, `0-9` and `-`. */
    workspaceName: string;
}

/** Options of `listWorkspaces` and `workspaces()`: `pageSize` 1 to 1000 (the API's default 1000). */
export interface ListWorkspacesOptions extends PageOptions {}

/** A newly created workspace, as `createWorkspace` resolves. Times are ISO 8601 local date-times (KST) without a zone. */
export interface Workspace {
    workspaceName: string;
    createdUserName?: string | null;
    createdTime?: string | null;
    updatedUserName?: string | null;
    updatedTime?: string | null;
    [field: string]: unknown;
}

/** A workspace in `listWorkspaces`' pages (no `monthlyAnalysisCount`). */
export interface WorkspaceSummary extends Workspace {
    workspaceUrl?: string | null;
    /** The integrated Object Storage bucket, when one is. */
    bucketName?: string | null;
}

/** A workspace's details, as `getWorkspace` resolves. */
export interface WorkspaceDetails extends WorkspaceSummary {
    /** Analyses run this month. */
    monthlyAnalysisCount?: number | null;
}

/** One page of `listWorkspaces`. */
export type WorkspacePage = Page<WorkspaceSummary>;

/** What `deleteWorkspace` resolves. */
export interface DeletedWorkspace {
    workspaceName: string;
    [field: string]: unknown;
}



/** Options of `signRequest`. */
export interface SignRequestOptions {
    /** HTTP method; upper-cased before signing (`"get"` signs as `"GET"`). */
    method: string;
    /** Path and query exactly as sent, starting with `/`, e.g. `/api/v1/workspaces?page=1`. */
    uri: string;
    accessKey: string;
    secretKey: string;
    /** Milliseconds since the Unix epoch (a number, or its decimal text); default now. */
    timestamp?: number | string;
}

/** Options of `new NcpSigner(...)`. */
export interface NcpSignerOptions {
    accessKey: string;
    secretKey: string;
}

/** The headers that authenticate one NCP API Gateway request. */
export interface NcpSignatureHeaders {
    "x-ncp-apigw-timestamp": string;
    "x-ncp-iam-access-key": string;
    "x-ncp-apigw-signature-v2": string;
}



/** Options of the waiters (`waitForAssetImport`, `waitForIndex`, `waitForSceneSummary`, ...). */
export interface WaitOptions<S> {
    /** The first wait between polls in milliseconds (default 2000); it grows by half each poll. */
    intervalMs?: number;
    /** The longest wait between polls in milliseconds (default 30000). */
    maxIntervalMs?: number;
    /** How long to wait in all, in milliseconds (default 3600000, one hour); then a `TimeoutError`. */
    timeoutMs?: number;
    /** Aborting it rejects the wait with an `AbortError` at once (a poll in flight is cancelled). */
    signal?: AbortSignal;
    /** Called with each status that differs from the one before (the first one included). */
    onProgress?: (status: S) => void;
    /** The retry policy of each poll. */
    retries?: RetryOptions;
}



/** Retry policy: exponential backoff with full jitter. A `Retry-After` from the server is never undercut;
 *  when it asks for more than `maxDelayMs`, the call fails at once with the error (its `retryAfterMs`
 *  says how long the server asked for). Only retry-safe operations are repeated after an attempt that
 *  may have reached the server. */
export interface RetryOptions {
    /** Attempts in all, 1 to 10; 1 disables retries. Default 3. */
    maxAttempts?: number;
    /** Upper bound of the first backoff, doubling per attempt (0 to 300000 ms). Default 100. */
    baseDelayMs?: number;
    /** No wait is longer (0 to 300000 ms). Default 10000. */
    maxDelayMs?: number;
}

/** One record per attempt, for `logger`. Never holds a key, a signature or a header. */
export interface AttemptRecord {
    method: string;
    /** Path and query as signed, e.g. `/api/v1/workspaces/my-workspace`. */
    path: string;
    /** 1 for the first attempt. */
    attempt: number;
    status: number | null;
    apiCode: string | null;
    durationMs: number;
    /** `ok`, `retry` (another attempt follows after `delayMs`) or `error` (the call fails). */
    outcome: "ok" | "retry" | "error";
    errorCode: MediaIntelligenceErrorCode | null;
    delayMs: number | null;
}

/** Per-call options: override the client's limits, or cancel this call. */
export interface RequestOptions {
    /** Time limit of each attempt in milliseconds (1 to 2147483647). */
    timeoutMs?: number;
    retries?: RetryOptions;
    /** Aborting it rejects the call with an `AbortError` carrying the signal's `reason`. */
    signal?: AbortSignal;
}

/** Options shared by both kinds of client. */
export interface ClientCommonOptions extends RequestOptions {
    /** Receives one record per attempt; a logger that throws does not affect the call. */
    logger?: (record: AttemptRecord) => void;
    /** A `fetch` to use instead of `globalThis.fetch` (for instrumentation or tests). It must resolve
     *  with the runtime's `Response`. */
    fetch?: (input: string, init: RequestInit) => Promise<Response>;
    /** The largest response body read, in bytes (1024 to 1073741824; default 33554432, 32 MiB). A larger
     *  body is cancelled while it is read and the call rejects with a `DecodeError` of code
     *  `RESPONSE_TOO_LARGE`. */
    maxResponseBytes?: number;
}

/** A client that signs its own requests: for servers and edge functions, which can keep a secret. */
export interface SigningClientOptions extends ClientCommonOptions {
    /** Access key id from the NCP portal or a Sub Account. */
    accessKey: string;
    /** Secret key. Keep it on a server or in an edge function: never ship it to a browser. */
    secretKey: string;
    /** API base URL; default `https://mi.apigw.ntruss.com`. A trailing slash is fine; a path prefix is kept. */
    endpoint?: string;
    /** In a browser page a secret key throws unless this is `true` (anyone can read a page's secrets). */
    dangerouslyAllowBrowser?: boolean;
    proxyUrl?: never;
}

/** A client without keys that talks to your signing proxy (`createProxyHandler`): for browser apps. */
export interface ProxyClientOptions extends ClientCommonOptions {
    /** Where the proxy is mounted, e.g. `https://app.example/mi` or `/mi` resolved by you to an absolute URL. */
    proxyUrl: string;
    /** Headers for the proxy's `authorize` (e.g. `{ authorization: "Bearer ..." }`); never `x-ncp-*`. */
    headers?: Record<string, string>;
    /** The fetch `credentials` mode, e.g. `"include"` to send cookies to a cross-origin proxy. */
    credentials?: "omit" | "same-origin" | "include";
    accessKey?: never;
    secretKey?: never;
    endpoint?: never;
}

/** Options of `new MediaIntelligence(...)`: keys (server side) or a proxy URL (browser side). */
export type MediaIntelligenceOptions = SigningClientOptions | ProxyClientOptions;



/** The `name` of every error this package throws or rejects with. */
export type MediaIntelligenceErrorName =
| "ValidationError" | "NetworkError" | "TimeoutError" | "AbortError" | "ApiError" | "DecodeError";

/**
 * The stable `code` of every error: `INVALID_INPUT` (ValidationError), `NETWORK_ERROR`, `TIMEOUT`,
 * `ABORTED`, `DECODE_ERROR` and `RESPONSE_TOO_LARGE` (DecodeError), and for ApiError one of the others,
 * from the HTTP status and the API's code (`REDIRECT` for a 3xx, which is never followed).
 */
export type MediaIntelligenceErrorCode =
| "INVALID_INPUT" | "NETWORK_ERROR" | "TIMEOUT" | "ABORTED" | "DECODE_ERROR"
| "AUTHENTICATION_FAILED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE"
| "QUOTA_EXCEEDED" | "RATE_LIMITED" | "BAD_REQUEST" | "SERVER_ERROR" | "API_ERROR"
| "REDIRECT" | "RESPONSE_TOO_LARGE"
| "IMPORT_FAILED" | "ANALYSIS_FAILED" | "ANALYSIS_CANCELED" | "SUMMARY_FAILED" | "SUMMARY_CANCELED"
| "SEARCH_FAILED" | "UPLOAD_FAILED";

/** Every failure is a real `Error` with these extra fields. Branch on `name`, then `code`. */
export interface MediaIntelligenceError extends Error {
    name: MediaIntelligenceErrorName;
    code: MediaIntelligenceErrorCode;
    /** ValidationError: the input field at fault, e.g. `"workspaceName"`. */
    field?: string;
    /** ApiError and DecodeError: the HTTP status. */
    status?: number;
    /** ApiError: the service `code` or the gateway `errorCode`. */
    apiCode?: string;
    /** ApiError: the API's own message. */
    apiMessage?: string;
    /** ApiError: the gateway's `details`, when sent. */
    apiDetails?: string;
    /** NetworkError: what `fetch` threw; AbortError: the signal's reason. */
    cause?: unknown;
    /** AbortError: the signal's `reason`. */
    reason?: unknown;
    /** Attempts made (0 when the input was refused before any request). */
    attempts: number;
    /** Total wait between attempts, in milliseconds. */
    retryDelayMs: number;
    /** The wait the server asked for with `Retry-After`, in milliseconds, when the call failed without
     *  honouring it (it was over `retries.maxDelayMs`, or the attempts ran out). */
    retryAfterMs?: number;
    /** A waiter's failure (`IMPORT_FAILED`, `ANALYSIS_FAILED`, ...) or time-out: the job's last status
     *  object, as the status operation returned it. */
    jobStatus?: unknown;
}



/** The name of every operation of the API this client calls (and a proxy can `allow`). */
export type OperationName =
| "listWorkspaces" | "createWorkspace" | "getWorkspace" | "deleteWorkspace"
| "listProjects" | "createProject" | "getProject" | "updateProject" | "deleteProject"
| "importAsset" | "listAssets" | "getAsset" | "moveAsset" | "deleteAsset" | "getAssetImportStatus"
| "requestIndex" | "cancelIndex" | "getIndexStatus" | "getIndex" | "deleteIndex"
| "requestSceneSummary" | "getSceneSummaryStatus" | "getSceneSummary" | "cancelSceneSummary"
| "searchAssets" | "getAssetSearchResult" | "createSearchImageUploadUrl" | "completeSearchImageUpload"
| "listPersons" | "createPerson" | "getPerson" | "updatePerson" | "deletePerson" | "searchPersons"
| "mergePersons" | "listSimilarPersons" | "recommendPersonsByThumbnail" | "addPersonTags" | "removePersonTags"
| "addPersonThumbnails" | "removePersonThumbnails" | "listPersonTags" | "createPersonTag" | "deletePersonTag"
| "createPersonThumbnailUploadUrl" | "completePersonThumbnailUpload";

/** Paging of a paged list: `pageNum` >= 1 (default 1), `pageSize` within the operation's limits. */
export interface PageOptions {
    pageNum?: number;
    pageSize?: number;
}

/** One page of a paged list. */
export interface Page<T> {
    totalCount: number;
    totalPage: number;
    /** The page number this is (1-based). */
    pageNo: number;
    pageSize: number;
    content: T[];
    [field: string]: unknown;
}



/**
 * A client for the NCP Media Intelligence API. Every request is signed with NCP API Gateway
 * signature v2, retried when that is safe, and every failure rejects with a typed
 * `MediaIntelligenceError`. Each method takes one options object (path, query and body fields in
 * camelCase), then optional per-call `RequestOptions`, and resolves the envelope's `result`.
 *
 * ```js
 * import { MediaIntelligence } from "ncloud-media-intelligence";
 * const mi = new MediaIntelligence({ accessKey: process.env.NCP_ACCESS_KEY, secretKey: process.env.NCP_SECRET_KEY });
 * ```
 */
export class MediaIntelligence {
    free(): void;
    /**
     * Adds tags (`tagIds`) to a person (`POST .../persons/{personId}/person-tags`, docs `maiu-add-person-
     * tags`); repeats are ignored. Resolves the person's tags. Bad input rejects with a `ValidationError`
     * naming the field, before any request; API failures with `ApiError` (`NOT_FOUND`, `CONFLICT`,
     * `BAD_REQUEST`, ...).
     *
     * ```js
     * await mi.addPersonTags({ workspaceName, personId, tagIds: [100, 200] });
     * ```
     */
    addPersonTags(options: PersonTagIdsOptions, request_options?: RequestOptions | null): Promise<PersonTagList>;
    /**
     * Adds uploaded thumbnails (`thumbnails: [{ thumbnailKey, isPrimaryThumbnail }]`) to a person (`POST
     * .../persons/{personId}/person-thumbnail`, docs `maiu-set-person-thumbnail`). Resolves the person's
     * thumbnails. Bad input rejects with a `ValidationError` naming the field, before any request; API
     * failures with `ApiError` (`NOT_FOUND`, `CONFLICT`, `BAD_REQUEST`, ...).
     *
     * ```js
     * await mi.addPersonThumbnails({ workspaceName, personId, thumbnails: [{ thumbnailKey, isPrimaryThumbnail: false }] });
     * ```
     */
    addPersonThumbnails(options: AddPersonThumbnailsOptions, request_options?: RequestOptions | null): Promise<PersonThumbnailList>;
    /**
     * Every result of a completed search, page by page as the loop asks (`getAssetSearchResult`,
     * `pageSize` 1 to 100); a `break` stops fetching. Wait for the search first (`waitForAssetSearch`).
     *
     * ```js
     * for await (const hit of mi.assetSearchResults({ workspaceName, searchId })) console.log(hit.assetId, hit.score);
     * ```
     */
    assetSearchResults(options: AssetSearchResultOptions, request_options?: RequestOptions | null): AsyncIterableIterator<Record<string, unknown>>;
    /**
     * Every asset of a project, fetched page by page as the loop asks (`listAssets`); a `break` stops
     * fetching. Bad input throws a `ValidationError` at once; errors reject the `next()` that met them.
     *
     * ```js
     * for await (const asset of mi.assets({ workspaceName: "my-workspace", projectId })) console.log(asset.fileName);
     * ```
     */
    assets(options: ListAssetsOptions, request_options?: RequestOptions | null): AsyncIterableIterator<Asset>;
    /**
     * Cancels a waiting or running analysis (`POST .../index/cancel`, docs `mi-cancel-index`); `CONFLICT` in
     * any other state. Bad input rejects with a `ValidationError` naming the field, before any request; API
     * failures with `ApiError` (`NOT_FOUND`, `CONFLICT`, ...).
     *
     * ```js
     * await mi.cancelIndex({ workspaceName: "my-workspace", projectId, assetId });
     * ```
     */
    cancelIndex(options: AssetOptions, request_options?: RequestOptions | null): Promise<unknown>;
    /**
     * Cancels a waiting or running scene summary (`POST .../scene-summary/cancel`, docs `mi-cancel-scene-
     * summary`; a cancelled run is not charged). Bad input rejects with a `ValidationError` naming the field,
     * before any request; API failures with `ApiError` (`NOT_FOUND`, `CONFLICT`, ...).
     *
     * ```js
     * await mi.cancelSceneSummary({ workspaceName: "my-workspace", projectId, assetId });
     * ```
     */
    cancelSceneSummary(options: AssetOptions, request_options?: RequestOptions | null): Promise<unknown>;
    /**
     * Confirms an uploaded person thumbnail (`POST .../person-thumbnail/uploads/complete`, docs `maiu-upload-
     * person-thumbnail-status`): `uploadStatus` `COMPLETED`, or `FAILED` with `uploadMessage`
     * `FILE_NOT_EXIST`, `OVER_SIZE_LIMIT` or `RESOLUTION_NOT_SUPPORT` (under 256 px). Bad input rejects with a
     * `ValidationError` naming the field, before any request; API failures with `ApiError` (`NOT_FOUND`,
     * `CONFLICT`, `BAD_REQUEST`, ...).
     *
     * ```js
     * const { uploadStatus } = await mi.completePersonThumbnailUpload({ workspaceName, thumbnailKey });
     * ```
     */
    completePersonThumbnailUpload(options: CompletePersonThumbnailUploadOptions, request_options?: RequestOptions | null): Promise<PersonThumbnailUpload>;
    /**
     * Confirms an uploaded search image (`POST /api/v1/query-assets/uploads/complete`, docs `maiu-upload-
     * asset-query-status`): `uploadStatus` `COMPLETED` with the `assetKey` to search with (for HEIC, the
     * converted JPG's), or `FAILED` with `uploadMessage` `FILE_NOT_EXIST`, `OVER_SIZE_LIMIT` or
     * `RESOLUTION_NOT_SUPPORT`. Bad input rejects with a `ValidationError` naming the field, before any
     * request; API failures with `ApiError` (`NOT_FOUND`, `CONFLICT`, `BAD_REQUEST`, ...).
     *
     * ```js
     * const { assetKey, uploadStatus } = await mi.completeSearchImageUpload({ assetKey: assetFileKey });
     * ```
     */
    completeSearchImageUpload(options: CompleteSearchImageUploadOptions, request_options?: RequestOptions | null): Promise<SearchImageUpload>;
    /**
     * Creates a person tag (`POST .../person-tags`, docs `maiu-create-person-tags`): a unique `name` of 1 to
     * 30 characters. Bad input rejects with a `ValidationError` naming the field, before any request; API
     * failures with `ApiError` (`NOT_FOUND`, `CONFLICT`, `BAD_REQUEST`, ...).
     *
     * ```js
     * const { id } = await mi.createPersonTag({ workspaceName, name: "anchor" });
     * ```
     */
    createPersonTag(options: CreatePersonTagOptions, request_options?: RequestOptions | null): Promise<PersonTag>;
    /**
     * A presigned URL to upload one person thumbnail to (`POST .../person-thumbnail/uploads/presigned-url`,
     * docs `maiu-upload-person-thumbnail-url`): valid 15 minutes, single use; `thumbnailFileName` ends in jpg,
     * jpeg, png or webp. `uploadPersonThumbnail` does the whole upload. Bad input rejects with a
     * `ValidationError` naming the field, before any request; API failures with `ApiError` (`NOT_FOUND`,
     * `CONFLICT`, `BAD_REQUEST`, ...).
     *
     * ```js
     * const { url, thumbnailKey } = await mi.createPersonThumbnailUploadUrl({ workspaceName, thumbnailFileName: "face.jpg" });
     * ```
     */
    createPersonThumbnailUploadUrl(options: CreatePersonThumbnailUploadUrlOptions, request_options?: RequestOptions | null): Promise<PersonThumbnailUploadUrl>;
    /**
     * Registers a person (`POST .../persons`, docs `maiu-create-persons`): `name` optional (1 to 50
     * characters, unique; absent makes an anonymous person), `description` 1 to 700 characters, `thumbnails` 1
     * to 100 `{ thumbnailKey, isPrimaryThumbnail }` from `uploadPersonThumbnail`, exactly one primary. Check
     * for duplicates first with `recommendPersonsByThumbnail`. Bad input rejects with a `ValidationError`
     * naming the field, before any request; API failures with `ApiError` (`NOT_FOUND`, `CONFLICT`,
     * `BAD_REQUEST`, ...).
     *
     * ```js
     * const person = await mi.createPerson({ workspaceName, name: "Hong Gildong", thumbnails: [{ thumbnailKey, isPrimaryThumbnail: true }] });
     * ```
     */
    createPerson(options: CreatePersonOptions, request_options?: RequestOptions | null): Promise<Person>;
    /**
     * Creates a project (`POST .../projects`, docs `maiu-create-projects`). `name`: 1 to 100 characters
     * without `;`, `|` or a backtick, unique in the workspace (at most 1,000 projects). Rejects with
     * `ApiError` `CONFLICT` for a taken name. Not repeated after an attempt that may have reached the server.
     * Bad input rejects with a `ValidationError` naming the field, before any request; API failures with
     * `ApiError` (`NOT_FOUND`, `CONFLICT`, ...).
     *
     * ```js
     * const { projectId } = await mi.createProject({ workspaceName: "my-workspace", name: "trailers" });
     * ```
     */
    createProject(options: CreateProjectOptions, request_options?: RequestOptions | null): Promise<Project>;
    /**
     * A presigned URL to upload one search image to (`POST /api/v1/query-assets/uploads/presigned-url`, docs
     * `maiu-upload-asset-query-url`; account level, not in a workspace): valid 15 minutes, single use.
     * `assetFileName` ends in jpg, jpeg, png, webp or heic; `assetType` is `IMAGE` (the default).
     * `uploadSearchImage` does the whole upload. Bad input rejects with a `ValidationError` naming the field,
     * before any request; API failures with `ApiError` (`NOT_FOUND`, `CONFLICT`, `BAD_REQUEST`, ...).
     *
     * ```js
     * const { presignedUploadUrl, assetFileKey } = await mi.createSearchImageUploadUrl({ assetFileName: "query.jpg" });
     * ```
     */
    createSearchImageUploadUrl(options: CreateSearchImageUploadUrlOptions, request_options?: RequestOptions | null): Promise<SearchImageUploadUrl>;
    /**
     * Creates a workspace (`POST /api/v1/workspaces`, docs `maiu-create-workspaces`). `workspaceName`:
     * 3 to 63 characters of `a-z`, `0-9` and `-`; `bucketName`: an Object Storage bucket to integrate.
     * If an attempt may have reached the server and a retry meets "already exists", the workspace this
     * call created is read back and returned. Rejects with `ApiError` `CONFLICT` for a taken name.
     *
     * ```js
     * const ws = await mi.createWorkspace({ workspaceName: "my-workspace", bucketName: "my-bucket" });
     * const quick = await mi.createWorkspace({ workspaceName: "other" }, { timeoutMs: 2000, signal: AbortSignal.timeout(5000) });
     * ```
     */
    createWorkspace(options: CreateWorkspaceOptions, request_options?: RequestOptions | null): Promise<Workspace>;
    /**
     * Deletes a media asset (`DELETE .../assets/{assetId}`, docs `mi-delete-assets`). Resolves `undefined`.
     * Bad input rejects with a `ValidationError` naming the field, before any request; API failures with
     * `ApiError` (`NOT_FOUND`, `CONFLICT`, ...).
     *
     * ```js
     * await mi.deleteAsset({ workspaceName: "my-workspace", projectId, assetId });
     * ```
     */
    deleteAsset(options: AssetOptions, request_options?: RequestOptions | null): Promise<void>;
    /**
     * Deletes the latest index and its scene summaries (`DELETE .../index`, docs `mi-delete-index`);
     * irreversible, and `CONFLICT` while an analysis runs. Bad input rejects with a `ValidationError` naming
     * the field, before any request; API failures with `ApiError` (`NOT_FOUND`, `CONFLICT`, ...).
     *
     * ```js
     * await mi.deleteIndex({ workspaceName: "my-workspace", projectId, assetId });
     * ```
     */
    deleteIndex(options: AssetOptions, request_options?: RequestOptions | null): Promise<unknown>;
    /**
     * Deletes a person tag no person uses (`DELETE .../person-tags/{tagId}`, docs `maiu-delete-person-tags`);
     * `CONFLICT` while one does. Bad input rejects with a `ValidationError` naming the field, before any
     * request; API failures with `ApiError` (`NOT_FOUND`, `CONFLICT`, `BAD_REQUEST`, ...).
     *
     * ```js
     * await mi.deletePersonTag({ workspaceName, tagId: 100 });
     * ```
     */
    deletePersonTag(options: PersonTagOptions, request_options?: RequestOptions | null): Promise<unknown>;
    /**
     * Deletes a person and its face data (`DELETE .../persons/{personId}`, docs `maiu-delete-persons`);
     * irreversible: its labels in indexes become anonymous. Resolves the person as it was. Bad input rejects
     * with a `ValidationError` naming the field, before any request; API failures with `ApiError`
     * (`NOT_FOUND`, `CONFLICT`, `BAD_REQUEST`, ...).
     *
     * ```js
     * await mi.deletePerson({ workspaceName, personId });
     * ```
     */
    deletePerson(options: PersonOptions, request_options?: RequestOptions | null): Promise<Person>;
    /**
     * Deletes a project (`DELETE .../projects/{projectId}`, docs `maiu-delete-projects`); the base project
     * cannot be deleted. Resolves `undefined` (the API sends no result). Bad input rejects with a
     * `ValidationError` naming the field, before any request; API failures with `ApiError` (`NOT_FOUND`,
     * `CONFLICT`, ...).
     *
     * ```js
     * await mi.deleteProject({ workspaceName: "my-workspace", projectId: 1234 });
     * ```
     */
    deleteProject(options: ProjectOptions, request_options?: RequestOptions | null): Promise<void>;
    /**
     * Deletes a workspace (`DELETE /api/v1/workspaces/{workspaceName}`, docs `maiu-delete-workspaces`):
     * irreversible, and refused while an analysis runs in it. Takes `{ workspaceName }` or the name
     * alone; resolves `{ workspaceName }`. Rejects with `ApiError` `NOT_FOUND` or `CONFLICT`.
     *
     * ```js
     * await mi.deleteWorkspace("my-workspace");
     * ```
     */
    deleteWorkspace(workspaceName: string | WorkspaceOptions, request_options?: RequestOptions | null): Promise<DeletedWorkspace>;
    /**
     * The import status (`GET .../assets/{assetId}/import-status`, docs `mi-asset-status`): `uploadStatus` is
     * `IN_PROGRESS`, `COMPLETED`, `FAILED`, `FILE_NOT_EXIST` or `INVALID_METADATA`, with `uploadResult` saying
     * why. Bad input rejects with a `ValidationError` naming the field, before any request; API failures with
     * `ApiError` (`NOT_FOUND`, `CONFLICT`, ...).
     *
     * ```js
     * const { uploadStatus } = await mi.getAssetImportStatus({ workspaceName: "my-workspace", projectId, assetId });
     * ```
     */
    getAssetImportStatus(options: AssetOptions, request_options?: RequestOptions | null): Promise<AssetImportStatus>;
    /**
     * A search's status and, once `COMPLETED`, one page of its results (`GET .../assets/search/{searchId}`,
     * docs `maiu-get-asset-search-result`). `pageNum` >= 1, `pageSize` 1 to 100 (the API's default 50).
     * `status` is `RUNNING`, `COMPLETED` or `FAILED`; the counts come only with `COMPLETED`. Bad input rejects
     * with a `ValidationError` naming the field, before any request; API failures with `ApiError`
     * (`NOT_FOUND`, `CONFLICT`, `BAD_REQUEST`, ...).
     *
     * ```js
     * const page = await mi.getAssetSearchResult({ workspaceName, searchId, pageSize: 20 });
     * ```
     */
    getAssetSearchResult(options: AssetSearchResultOptions, request_options?: RequestOptions | null): Promise<AssetSearchResult>;
    /**
     * A media asset's details (`GET .../assets/{assetId}`, docs `mi-asset-details`): file name, project, key
     * and `metaData` (`resolution`, `durationMs` in ms, `size` in bytes, `format`). Bad input rejects with a
     * `ValidationError` naming the field, before any request; API failures with `ApiError` (`NOT_FOUND`,
     * `CONFLICT`, ...).
     *
     * ```js
     * const asset = await mi.getAsset({ workspaceName: "my-workspace", projectId, assetId });
     * ```
     */
    getAsset(options: AssetOptions, request_options?: RequestOptions | null): Promise<Asset>;
    /**
     * The analysis status (`GET .../index/status`, docs `mi-index-status`): `status` is `BEFORE_ANALYZE`,
     * `WAIT_ANALYZE`, `ANALYZING`, `ANALYZE_COMPLETED`, `ANALYZE_FAIL` or `ANALYZE_CANCEL`. Bad input rejects
     * with a `ValidationError` naming the field, before any request; API failures with `ApiError`
     * (`NOT_FOUND`, `CONFLICT`, ...).
     *
     * ```js
     * const { status } = await mi.getIndexStatus({ workspaceName: "my-workspace", projectId, assetId });
     * ```
     */
    getIndexStatus(options: AssetOptions, request_options?: RequestOptions | null): Promise<IndexStatus>;
    /**
     * The asset's latest index (`GET .../index?confidence_level=`, docs `mi-get-index`), once the analysis
     * completed. `confidenceLevel`: LOW (more keywords), MEDIUM (the API's default) or HIGH. Its JSON shape is
     * not shown in the docs: it resolves as sent (scenes, shots, persons, keywords, script, captions). Large
     * indexes stay JS objects: nothing is copied into wasm memory. Bad input rejects with a `ValidationError`
     * naming the field, before any request; API failures with `ApiError` (`NOT_FOUND`, `CONFLICT`, ...).
     *
     * ```js
     * const index = await mi.getIndex({ workspaceName: "my-workspace", projectId, assetId, confidenceLevel: "HIGH" });
     * ```
     */
    getIndex(options: GetIndexOptions, request_options?: RequestOptions | null): Promise<Index>;
    /**
     * A person's details (`GET .../persons/{personId}`, docs `maiu-person-details`): name, description, tags,
     * thumbnails (their `url`s are presigned). Bad input rejects with a `ValidationError` naming the field,
     * before any request; API failures with `ApiError` (`NOT_FOUND`, `CONFLICT`, `BAD_REQUEST`, ...).
     *
     * ```js
     * const person = await mi.getPerson({ workspaceName, personId: 1001 });
     * ```
     */
    getPerson(options: PersonOptions, request_options?: RequestOptions | null): Promise<Person>;
    /**
     * A project's details (`GET .../projects/{projectId}`, docs `maiu-project-details`). `projectId`: a
     * positive integer or its decimal text. `NOT_FOUND` for an unknown project. Bad input rejects with a
     * `ValidationError` naming the field, before any request; API failures with `ApiError` (`NOT_FOUND`,
     * `CONFLICT`, ...).
     *
     * ```js
     * const project = await mi.getProject({ workspaceName: "my-workspace", projectId: 1234 });
     * ```
     */
    getProject(options: ProjectOptions, request_options?: RequestOptions | null): Promise<Project>;
    /**
     * The scene summary status (`GET .../scene-summary/status`, docs `mi-scene-summary-status`):
     * `BEFORE_SUMMARIZE`, `WAIT_SUMMARIZE`, `SUMMARIZING`, `SUMMARIZE_COMPLETED`, `SUMMARIZE_FAIL` or
     * `SUMMARIZE_CANCELED`. Bad input rejects with a `ValidationError` naming the field, before any request;
     * API failures with `ApiError` (`NOT_FOUND`, `CONFLICT`, ...).
     *
     * ```js
     * const { status } = await mi.getSceneSummaryStatus({ workspaceName: "my-workspace", projectId, assetId });
     * ```
     */
    getSceneSummaryStatus(options: AssetOptions, request_options?: RequestOptions | null): Promise<SceneSummaryStatus>;
    /**
     * The latest scene summary (`GET .../scene-summary`, docs `mi-get-scene-summary-result`), once it
     * completed; `NOT_FOUND` when none ever ran. Its shape is not shown in the docs: it resolves as sent. Bad
     * input rejects with a `ValidationError` naming the field, before any request; API failures with
     * `ApiError` (`NOT_FOUND`, `CONFLICT`, ...).
     *
     * ```js
     * const summary = await mi.getSceneSummary({ workspaceName: "my-workspace", projectId, assetId });
     * ```
     */
    getSceneSummary(options: AssetOptions, request_options?: RequestOptions | null): Promise<SceneSummary>;
    /**
     * Reads a workspace's details (`GET /api/v1/workspaces/{workspaceName}`, docs
     * `maiu-workspace-details`). Takes `{ workspaceName }` or the name alone. Rejects with `ApiError`
     * `NOT_FOUND` for an unknown workspace.
     *
     * ```js
     * const details = await mi.getWorkspace("my-workspace");
     * console.log(details.workspaceUrl, details.monthlyAnalysisCount);
     * ```
     */
    getWorkspace(workspaceName: string | WorkspaceOptions, request_options?: RequestOptions | null): Promise<WorkspaceDetails>;
    /**
     * Registers a video or image already in Object Storage (`POST
     * .../projects/{projectId}/assets/import/object-storage`, docs `mi-create-assets`). `key`: the object's
     * full name, not a folder (no trailing `/`: the API's 10016), ending in mp4, mkv, mov, webm, jpg, jpeg,
     * png or heic (any case). Video: 360p to 1080p, at most 6 h and 10 GB; image: at most 10 MB. Resolves with
     * the new asset (its `assetId`); then wait with `waitForAssetImport`. Not repeated after an attempt that
     * may have reached the server. Bad input rejects with a `ValidationError` naming the field, before any
     * request; API failures with `ApiError` (`NOT_FOUND`, `CONFLICT`, ...).
     *
     * ```js
     * const { assetId } = await mi.importAsset({ workspaceName: "my-workspace", projectId, bucketName: "my-bucket", key: "videos/trailer.mp4" });
     * ```
     */
    importAsset(options: ImportAssetOptions, request_options?: RequestOptions | null): Promise<ImportedAsset>;
    /**
     * One page of a project's assets (`GET .../projects/{projectId}/assets`, docs `mi-list-assets`). `pageNum`
     * >= 1 (default 1), `pageSize` 1 to 1000 (the API's default 1000). Resolves `{ totalCount, totalPage,
     * pageNo, pageSize, content: Asset[] }`. Bad input rejects with a `ValidationError` naming the field,
     * before any request; API failures with `ApiError` (`NOT_FOUND`, `CONFLICT`, ...).
     *
     * ```js
     * const page = await mi.listAssets({ workspaceName: "my-workspace", projectId, pageSize: 50 });
     * ```
     */
    listAssets(options: ListAssetsOptions, request_options?: RequestOptions | null): Promise<AssetPage>;
    /**
     * One page of the workspace's person tags (`GET .../person-tags`, docs `maiu-list-person-tags`): `pageNum`
     * >= 1, `pageSize` 1 to 50 (the API's default 10), filters `id` and `name` (1 to 30 characters). Bad input
     * rejects with a `ValidationError` naming the field, before any request; API failures with `ApiError`
     * (`NOT_FOUND`, `CONFLICT`, `BAD_REQUEST`, ...).
     *
     * ```js
     * const page = await mi.listPersonTags({ workspaceName, pageSize: 50 });
     * ```
     */
    listPersonTags(options: ListPersonTagsOptions, request_options?: RequestOptions | null): Promise<PersonTagPage>;
    /**
     * One page of the workspace's person DB (`GET .../persons`, docs `maiu-list-persons`). `pageNum` >= 1,
     * `pageSize` 1 to 1000; filters `name` (2 to 50 characters) and `tagIdList` (up to 30 tag ids). For richer
     * queries use `searchPersons`. Bad input rejects with a `ValidationError` naming the field, before any
     * request; API failures with `ApiError` (`NOT_FOUND`, `CONFLICT`, `BAD_REQUEST`, ...).
     *
     * ```js
     * const page = await mi.listPersons({ workspaceName, name: "Kim", pageSize: 50 });
     * ```
     */
    listPersons(options: ListPersonsOptions, request_options?: RequestOptions | null): Promise<PersonPage>;
    /**
     * Every project of a workspace (`GET /api/v1/workspaces/{workspaceName}/projects`, docs `maiu-list-
     * projects`; not paged). Resolves `{ projects: Project[], totalCount }`. Bad input rejects with a
     * `ValidationError` naming the field, before any request; API failures with `ApiError` (`NOT_FOUND`,
     * `CONFLICT`, ...).
     *
     * ```js
     * const { projects } = await mi.listProjects({ workspaceName: "my-workspace" });
     * ```
     */
    listProjects(options: WorkspaceOptions, request_options?: RequestOptions | null): Promise<ProjectList>;
    /**
     * Persons whose faces look like this one's (`GET .../persons/{personId}/similar`, docs `mi-similar-
     * persons`), best first: `personCount` 1 to 10 (default 3), `scoreThreshold` 80 to 100 (default 80). A
     * person without thumbnails cannot be compared. Bad input rejects with a `ValidationError` naming the
     * field, before any request; API failures with `ApiError` (`NOT_FOUND`, `CONFLICT`, `BAD_REQUEST`, ...).
     *
     * ```js
     * const { similarPersons } = await mi.listSimilarPersons({ workspaceName, personId, personCount: 5 });
     * ```
     */
    listSimilarPersons(options: SimilarPersonsOptions, request_options?: RequestOptions | null): Promise<SimilarPersons>;
    /**
     * One page of the account's workspaces (`GET /api/v1/workspaces`, docs `maiu-list-workspaces`).
     * `pageNum` >= 1 (default 1), `pageSize` 1 to 1000 (the API's default 1000). Resolves
     * `{ totalCount, totalPage, pageNo, pageSize, content: WorkspaceSummary[] }`.
     *
     * ```js
     * const page = await mi.listWorkspaces({ pageNum: 1, pageSize: 100 });
     * console.log(page.totalCount, page.content.map((w) => w.workspaceName));
     * ```
     */
    listWorkspaces(options: ListWorkspacesOptions, request_options?: RequestOptions | null): Promise<WorkspacePage>;
    /**
     * Merges up to 10 persons (`personIds`) into `personId` (`POST .../persons/{personId}/merge`, docs `mi-
     * merge-persons`): their assets, scenes and thumbnails move to it and they are gone. Irreversible; not
     * repeated after an attempt that may have reached the server. Bad input rejects with a `ValidationError`
     * naming the field, before any request; API failures with `ApiError` (`NOT_FOUND`, `CONFLICT`,
     * `BAD_REQUEST`, ...).
     *
     * ```js
     * const { transferredAssetCount } = await mi.mergePersons({ workspaceName, personId: 1001, personIds: [1002, 1003] });
     * ```
     */
    mergePersons(options: MergePersonsOptions, request_options?: RequestOptions | null): Promise<PersonMerge>;
    /**
     * Moves an asset to another project of the workspace (`PATCH .../assets/{assetId}?new_project_id=`, docs
     * `mi-move-assets`). `newProjectId`: a positive integer or its decimal text. Resolves the API's result as
     * sent (its fields were not shown in the docs). Bad input rejects with a `ValidationError` naming the
     * field, before any request; API failures with `ApiError` (`NOT_FOUND`, `CONFLICT`, ...).
     *
     * ```js
     * await mi.moveAsset({ workspaceName: "my-workspace", projectId, assetId, newProjectId: 5678 });
     * ```
     */
    moveAsset(options: MoveAssetOptions, request_options?: RequestOptions | null): Promise<unknown>;
    /**
     * Checks the options and builds a client; throws a `ValidationError` naming the field at fault.
     *
     * ```js
     * const mi = new MediaIntelligence({ accessKey, secretKey, endpoint: "http://127.0.0.1:8787", timeoutMs: 10000,
     *   retries: { maxAttempts: 4 }, logger: (r) => console.log(r.method, r.path, r.status, r.outcome) });
     * ```
     */
    constructor(options: MediaIntelligenceOptions);
    /**
     * Every person tag, page by page as the loop asks (`listPersonTags`); a `break` stops fetching.
     *
     * ```js
     * for await (const tag of mi.personTags({ workspaceName })) console.log(tag.id, tag.name);
     * ```
     */
    personTags(options: ListPersonTagsOptions, request_options?: RequestOptions | null): AsyncIterableIterator<PersonTag>;
    /**
     * Every person of the person DB, page by page as the loop asks (`listPersons`, with its filters);
     * a `break` stops fetching.
     *
     * ```js
     * for await (const person of mi.persons({ workspaceName, pageSize: 100 })) console.log(person.name ?? "(anonymous)");
     * ```
     */
    persons(options: ListPersonsOptions, request_options?: RequestOptions | null): AsyncIterableIterator<Person>;
    /**
     * Registered persons whose faces look like an uploaded thumbnail (`POST .../persons/recommend-by-
     * thumbnail`, docs `mi-recommend-persons-by-thumbnail`): `thumbnailKey` (from `uploadPersonThumbnail`,
     * valid 24 h), `personCount` 1 to 10, `scoreThreshold` 80 to 100. An empty result means no match: register
     * the person. Its shape is not shown in the docs: it resolves as sent. Bad input rejects with a
     * `ValidationError` naming the field, before any request; API failures with `ApiError` (`NOT_FOUND`,
     * `CONFLICT`, `BAD_REQUEST`, ...).
     *
     * ```js
     * const matches = await mi.recommendPersonsByThumbnail({ workspaceName, thumbnailKey });
     * ```
     */
    recommendPersonsByThumbnail(options: RecommendPersonsByThumbnailOptions, request_options?: RequestOptions | null): Promise<unknown>;
    /**
     * Removes tags (`tagIds`) from a person (`POST .../persons/{personId}/person-tags/remove`, docs `mi-
     * remove-person-tags`): the POST variant of the documented DELETE with a body, because some runtimes, CDNs
     * and proxies drop or refuse a DELETE body. Unknown ids are ignored. Resolves the remaining tags. Bad
     * input rejects with a `ValidationError` naming the field, before any request; API failures with
     * `ApiError` (`NOT_FOUND`, `CONFLICT`, `BAD_REQUEST`, ...).
     *
     * ```js
     * await mi.removePersonTags({ workspaceName, personId, tagIds: [200] });
     * ```
     */
    removePersonTags(options: PersonTagIdsOptions, request_options?: RequestOptions | null): Promise<PersonTagList>;
    /**
     * Removes thumbnails (`thumbnailIds`) from a person (`POST .../persons/{personId}/person-
     * thumbnail/remove`, docs `mi-remove-person-thumbnails`; the POST variant, as for `removePersonTags`); not
     * all of them. Resolves the remaining thumbnails. Bad input rejects with a `ValidationError` naming the
     * field, before any request; API failures with `ApiError` (`NOT_FOUND`, `CONFLICT`, `BAD_REQUEST`, ...).
     *
     * ```js
     * await mi.removePersonThumbnails({ workspaceName, personId, thumbnailIds: [1234] });
     * ```
     */
    removePersonThumbnails(options: RemovePersonThumbnailsOptions, request_options?: RequestOptions | null): Promise<PersonThumbnailList>;
    /**
     * Starts the analysis that builds the asset's index (`POST .../assets/{assetId}/index`, docs `mi-request-
     * index`); `CONFLICT` while one runs. Options: `sceneRange` (EXTRA_SHORT, SHORT, MEDIUM, LONG) or both
     * `minSceneDurationSec` and `maxSceneDurationSec` (seconds, min <= max), never both kinds;
     * `analysisPersonCount` 0 to 10; `tagIdList` (1 to 30 person tag ids); `sourceLanguage` (ENKO, EN, KO, JA,
     * ZH-CN, ZH-TW); `detectAudioEffects`. Resolves the API's result as sent. Then wait with `waitForIndex`.
     * Bad input rejects with a `ValidationError` naming the field, before any request; API failures with
     * `ApiError` (`NOT_FOUND`, `CONFLICT`, ...).
     *
     * ```js
     * await mi.requestIndex({ workspaceName: "my-workspace", projectId, assetId, sceneRange: "SHORT", sourceLanguage: "KO" });
     * ```
     */
    requestIndex(options: RequestIndexOptions, request_options?: RequestOptions | null): Promise<unknown>;
    /**
     * Starts a scene summary of the latest index (`POST .../scene-summary`, docs `mi-request-scene-summary`).
     * The first run covers every scene; `locale` (e.g. `ko`, `en`, `ja`) only on a full run; `sceneNumbers`
     * re-summarises chosen scenes (not documented in the API pages). `CONFLICT` while one runs. Then wait with
     * `waitForSceneSummary`. Bad input rejects with a `ValidationError` naming the field, before any request;
     * API failures with `ApiError` (`NOT_FOUND`, `CONFLICT`, ...).
     *
     * ```js
     * await mi.requestSceneSummary({ workspaceName: "my-workspace", projectId, assetId, locale: "en" });
     * ```
     */
    requestSceneSummary(options: RequestSceneSummaryOptions, request_options?: RequestOptions | null): Promise<unknown>;
    /**
     * Starts a search (`searchAssets`) and waits for it (`waitForAssetSearch`): resolves the first page
     * of the completed search (`pageSize` from `params` if given). Errors as those two.
     *
     * ```js
     * const page = await mi.searchAssetsAndWait({ workspaceName, query: { textQuery: "goal" } }, { intervalMs: 500 });
     * for (const hit of page.results ?? []) console.log(hit.assetId);
     * ```
     */
    searchAssetsAndWait(params: SearchAssetsOptions & { pageSize?: number }, options: WaitOptions<AssetSearchResult>): Promise<AssetSearchResult>;
    /**
     * Starts an asynchronous search of the workspace's analysed assets (`POST
     * /api/v1/workspaces/{workspaceName}/assets/search`, docs `maiu-search-asset`; 1,000 calls a minute).
     * `query`: exactly one of `textQuery` (no `;`, `|` or backtick) and `imageQuery` (a key from
     * `uploadSearchImage`), plus optional `personQuery` and `dialogQuery` (`{ must?, any?, not? }` of person
     * ids / dialogue lines); `queryOption.confidenceLevel`; `filter` (`projectIds`, `assetIds`, `assetTypes`,
     * `indexModifiedFrom/To`). Resolves `{ searchId }`; then `waitForAssetSearch`, or use
     * `searchAssetsAndWait`. Bad input rejects with a `ValidationError` naming the field, before any request;
     * API failures with `ApiError` (`NOT_FOUND`, `CONFLICT`, `BAD_REQUEST`, ...).
     *
     * ```js
     * const { searchId } = await mi.searchAssets({ workspaceName, query: { textQuery: "goal celebration" } });
     * ```
     */
    searchAssets(options: SearchAssetsOptions, request_options?: RequestOptions | null): Promise<AssetSearchStarted>;
    /**
     * Searches the person DB (`POST .../persons/search`, docs `mi-search-persons`; paging in the body):
     * `pageNum` (default 1), `pageSize` 1 to 50, `name` (2 to 50 characters), `personIds`, `tagIds`,
     * `nameType` (`NAMED`, `ANONYMOUS`), `sortColumn` (`ASSET_COUNT`, `CREATED_AT`, `PERSON_ID`, `NAME`),
     * `sortType` (`ASC`, `DESC`). Bad input rejects with a `ValidationError` naming the field, before any
     * request; API failures with `ApiError` (`NOT_FOUND`, `CONFLICT`, `BAD_REQUEST`, ...).
     *
     * ```js
     * const page = await mi.searchPersons({ workspaceName, nameType: "ANONYMOUS", sortColumn: "ASSET_COUNT" });
     * ```
     */
    searchPersons(options: SearchPersonsOptions, request_options?: RequestOptions | null): Promise<PersonPage>;
    /**
     * Edits a person (`PATCH .../persons/{personId}`, docs `maiu-update-persons`): `name` (names an anonymous
     * person), `description`, `primaryThumbnailId`. Bad input rejects with a `ValidationError` naming the
     * field, before any request; API failures with `ApiError` (`NOT_FOUND`, `CONFLICT`, `BAD_REQUEST`, ...).
     *
     * ```js
     * await mi.updatePerson({ workspaceName, personId, name: "Yu Jaeseok" });
     * ```
     */
    updatePerson(options: UpdatePersonOptions, request_options?: RequestOptions | null): Promise<Person>;
    /**
     * Renames a project (`PATCH .../projects/{projectId}`, docs `maiu-update-projects`); the base project
     * cannot be renamed (`BAD_REQUEST`, API code 10027). Same name rules as `createProject`. Bad input rejects
     * with a `ValidationError` naming the field, before any request; API failures with `ApiError`
     * (`NOT_FOUND`, `CONFLICT`, ...).
     *
     * ```js
     * await mi.updateProject({ workspaceName: "my-workspace", projectId: 1234, name: "teasers" });
     * ```
     */
    updateProject(options: UpdateProjectOptions, request_options?: RequestOptions | null): Promise<Project>;
    /**
     * Uploads a person thumbnail and resolves its `thumbnailKey` (for `createPerson`,
     * `addPersonThumbnails` or `recommendPersonsByThumbnail`; valid 24 h): issues the presigned URL
     * (`createPersonThumbnailUploadUrl`), `PUT`s the bytes to it, and confirms
     * (`completePersonThumbnailUpload`). `data` as for `uploadSearchImage`, of jpg, png or webp (no
     * heic), at most 5 MB; the service also refuses faces under 256 px (`UPLOAD_FAILED`,
     * `RESOLUTION_NOT_SUPPORT`). Errors as `uploadSearchImage`.
     *
     * ```js
     * const thumbnailKey = await mi.uploadPersonThumbnail({ workspaceName }, bytes, { fileName: "face.png" });
     * await mi.createPerson({ workspaceName, name: "Kim", thumbnails: [{ thumbnailKey, isPrimaryThumbnail: true }] });
     * ```
     */
    uploadPersonThumbnail(params: WorkspaceOptions, data: Uint8Array | ArrayBuffer | Blob | ReadableStream<Uint8Array>, options: UploadOptions): Promise<string>;
    /**
     * Uploads a search image and resolves the key to search with (`query.imageQuery`): issues the
     * presigned URL (`createSearchImageUploadUrl`), `PUT`s the bytes to it (only a `content-type`
     * header: no NCP header or secret goes there), and confirms (`completeSearchImageUpload`). `data`:
     * a `Uint8Array`, `ArrayBuffer`, `Blob` or `ReadableStream` of at most 5 MB (5242880 bytes) of jpg,
     * png, webp or heic (checked by its first bytes, before any request); `options`: `fileName` (its
     * extension one of those), `contentType` (default from the format), `signal`, `timeoutMs` (of each
     * request). Rejects with a `ValidationError` for bad input, an `ApiError` of code `UPLOAD_FAILED`
     * (`apiCode` `OVER_SIZE_LIMIT`, `RESOLUTION_NOT_SUPPORT` (under 224 px) or `FILE_NOT_EXIST`) when
     * the service refuses the file, and the usual errors of each request.
     *
     * ```js
     * const imageQuery = await mi.uploadSearchImage(await file.arrayBuffer(), { fileName: "query.jpg" });
     * const page = await mi.searchAssetsAndWait({ workspaceName, query: { imageQuery } });
     * ```
     */
    uploadSearchImage(data: Uint8Array | ArrayBuffer | Blob | ReadableStream<Uint8Array>, options: UploadOptions): Promise<string>;
    /**
     * Polls `getAssetImportStatus` until the import ends (`waitForAssetImport`): resolves the final
     * status (`uploadStatus` `COMPLETED`); `FAILED`, `FILE_NOT_EXIST` or `INVALID_METADATA` reject with
     * an `ApiError` of code `IMPORT_FAILED` (its `apiCode` is the status, `jobStatus` the status object).
     * `options`: `intervalMs` (first wait, default 2000 ms, growing by half to `maxIntervalMs`, default
     * 30000), `timeoutMs` (in all, default 1 h; then a `TimeoutError`), `signal`, `onProgress(status)`
     * (each changed status), `retries` (of each poll).
     *
     * ```js
     * await mi.waitForAssetImport({ workspaceName: "my-workspace", projectId, assetId }, { intervalMs: 1000 });
     * ```
     */
    waitForAssetImport(params: AssetOptions, options: WaitOptions<AssetImportStatus>): Promise<AssetImportStatus>;
    /**
     * Polls `getAssetSearchResult` until the search ends (`waitForAssetSearch`): resolves its first
     * page (`status` `COMPLETED`, or the page `pageNum` given); `FAILED` rejects with an `ApiError` of
     * code `SEARCH_FAILED` (`jobStatus`: the status). Options as `waitForIndex` (`intervalMs`,
     * `maxIntervalMs`, `timeoutMs` in ms, `signal`, `onProgress`, `retries`).
     *
     * ```js
     * const page = await mi.waitForAssetSearch({ workspaceName, searchId }, { intervalMs: 500 });
     * ```
     */
    waitForAssetSearch(params: AssetSearchResultOptions, options: WaitOptions<AssetSearchResult>): Promise<AssetSearchResult>;
    /**
     * Polls `getIndexStatus` until the analysis ends (`waitForIndex`): resolves the final status
     * (`ANALYZE_COMPLETED`); `ANALYZE_FAIL` rejects with an `ApiError` of code `ANALYSIS_FAILED` and
     * `ANALYZE_CANCEL` with `ANALYSIS_CANCELED` (`jobStatus`: the status object; the message quotes
     * `analyzeStatusMessage`). Options as `waitForAssetImport`: `intervalMs`, `maxIntervalMs`,
     * `timeoutMs` (ms), `signal`, `onProgress(status)`, `retries`.
     *
     * ```js
     * await mi.waitForIndex({ workspaceName, projectId, assetId }, { onProgress: (s) => console.log(s.status) });
     * ```
     */
    waitForIndex(params: AssetOptions, options: WaitOptions<IndexStatus>): Promise<IndexStatus>;
    /**
     * Polls `getSceneSummaryStatus` until the summary ends (`waitForSceneSummary`): resolves the final
     * status (`SUMMARIZE_COMPLETED`); `SUMMARIZE_FAIL` rejects with an `ApiError` of code
     * `SUMMARY_FAILED` and `SUMMARIZE_CANCELED` with `SUMMARY_CANCELED`. Options as `waitForIndex`.
     *
     * ```js
     * await mi.waitForSceneSummary({ workspaceName, projectId, assetId }, { timeoutMs: 600000 });
     * const summary = await mi.getSceneSummary({ workspaceName, projectId, assetId });
     * ```
     */
    waitForSceneSummary(params: AssetOptions, options: WaitOptions<SceneSummaryStatus>): Promise<SceneSummaryStatus>;
    /**
     * Every workspace of every page, fetched page by page as the loop asks (`listWorkspaces`); a
     * `break` stops fetching. Errors reject the `next()` that met them.
     *
     * ```js
     * for await (const workspace of mi.workspaces({ pageSize: 100 })) console.log(workspace.workspaceName);
     * ```
     */
    workspaces(options: ListWorkspacesOptions, request_options?: RequestOptions | null): AsyncIterableIterator<WorkspaceSummary>;
}

/**
 * A signer keyed once with an access key and secret: the fastest way to sign many requests (the
 * HMAC key state is computed at construction, not per call, and wiped when the signer is freed).
 * Keep it on a server or in an edge function, like the secret it holds.
 *
 * ```js
 * import { NcpSigner } from "ncloud-media-intelligence";
 * const signer = new NcpSigner({ accessKey, secretKey });
 * const headers = signer.sign("GET", "/api/v1/workspaces/my-workspace");
 * ```
 */
export class NcpSigner {
    free(): void;
    /**
     * Checks the keys and keys the HMAC; throws a `ValidationError` naming the field at fault.
     *
     * ```js
     * const signer = new NcpSigner({ accessKey: env.NCP_ACCESS_KEY, secretKey: env.NCP_SECRET_KEY });
     * ```
     */
    constructor(options: NcpSignerOptions);
    /**
     * Signs `METHOD uri` at `timestamp` (milliseconds, number or decimal text; default now) and returns
     * the three headers, exactly as `signRequest` would. Throws a `ValidationError` for bad input.
     *
     * ```js
     * const headers = signer.sign("POST", "/api/v1/workspaces", Date.now());
     * ```
     */
    sign(method: string, uri: string, timestamp?: number | string): NcpSignatureHeaders;
}

/**
 * Builds a fetch handler `(request) => Promise<Response>` that signs and forwards the operations in
 * `allow` to NCP and refuses everything else without contacting it. Use it as a Worker's `fetch`, in
 * Deno or Bun servers, or in Node behind a small `node:http` adapter (`examples/node-proxy.mjs`).
 * Throws a `ValidationError` naming the option at fault. Every answer is a `Response`, never a
 * rejection: refusals use the gateway's envelope (404 not allowed, 403 origin or authorize, 401
 * authorize threw, 413 body over `maxBodyBytes`, 400 bad input).
 *
 * ```js
 * import { createProxyHandler } from "ncloud-media-intelligence";
 * export default {
 *   fetch: createProxyHandler({
 *     accessKey: env.NCP_ACCESS_KEY, secretKey: env.NCP_SECRET_KEY,
 *     allow: ["getWorkspace", "createWorkspace", "listWorkspaces"],
 *     authorize: async (request) => request.headers.get("authorization") === "Bearer let-me-in",
 *     cors: { origins: ["https://app.example"] },
 *   }),
 * };
 * ```
 */
export function createProxyHandler(options: ProxyOptions): (request: Request) => Promise<Response>;

/**
 * Tells whether a caught value is an error of this package, narrowing its type in TypeScript.
 *
 * ```js
 * try { await mi.getWorkspace("my-workspace"); }
 * catch (e) { if (isMediaIntelligenceError(e) && e.code === "NOT_FOUND") console.log("no such workspace"); }
 * ```
 */
export function isMediaIntelligenceError(error: unknown): error is MediaIntelligenceError;

/**
 * Signs one NCP API Gateway request (signature v2) and returns the three headers to send with it.
 * `method` is upper-cased; `uri` is the path and query exactly as sent; `timestamp` is milliseconds
 * since the Unix epoch (number or decimal text, default now). Throws a `ValidationError` naming the
 * field for bad input. Pure: no request is made.
 *
 * ```js
 * import { signRequest } from "ncloud-media-intelligence";
 * const headers = signRequest({ method: "GET", uri: "/api/v1/workspaces/my-workspace", accessKey, secretKey });
 * await fetch("https://mi.apigw.ntruss.com/api/v1/workspaces/my-workspace", { headers });
 * ```
 */
export function signRequest(options: SignRequestOptions): NcpSignatureHeaders;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly __wbg_mediaintelligence_free: (a: number, b: number) => void;
    readonly __wbg_ncpsigner_free: (a: number, b: number) => void;
    readonly createProxyHandler: (a: any) => [number, number, number];
    readonly isMediaIntelligenceError: (a: any) => number;
    readonly mediaintelligence_addPersonTags: (a: number, b: any, c: number) => any;
    readonly mediaintelligence_addPersonThumbnails: (a: number, b: any, c: number) => any;
    readonly mediaintelligence_assetSearchResults: (a: number, b: any, c: number) => [number, number, number];
    readonly mediaintelligence_assets: (a: number, b: any, c: number) => [number, number, number];
    readonly mediaintelligence_cancelIndex: (a: number, b: any, c: number) => any;
    readonly mediaintelligence_cancelSceneSummary: (a: number, b: any, c: number) => any;
    readonly mediaintelligence_completePersonThumbnailUpload: (a: number, b: any, c: number) => any;
    readonly mediaintelligence_completeSearchImageUpload: (a: number, b: any, c: number) => any;
    readonly mediaintelligence_createPerson: (a: number, b: any, c: number) => any;
    readonly mediaintelligence_createPersonTag: (a: number, b: any, c: number) => any;
    readonly mediaintelligence_createPersonThumbnailUploadUrl: (a: number, b: any, c: number) => any;
    readonly mediaintelligence_createProject: (a: number, b: any, c: number) => any;
    readonly mediaintelligence_createSearchImageUploadUrl: (a: number, b: any, c: number) => any;
    readonly mediaintelligence_createWorkspace: (a: number, b: any, c: number) => any;
    readonly mediaintelligence_deleteAsset: (a: number, b: any, c: number) => any;
    readonly mediaintelligence_deleteIndex: (a: number, b: any, c: number) => any;
    readonly mediaintelligence_deletePerson: (a: number, b: any, c: number) => any;
    readonly mediaintelligence_deletePersonTag: (a: number, b: any, c: number) => any;
    readonly mediaintelligence_deleteProject: (a: number, b: any, c: number) => any;
    readonly mediaintelligence_deleteWorkspace: (a: number, b: any, c: number) => any;
    readonly mediaintelligence_getAsset: (a: number, b: any, c: number) => any;
    readonly mediaintelligence_getAssetImportStatus: (a: number, b: any, c: number) => any;
    readonly mediaintelligence_getAssetSearchResult: (a: number, b: any, c: number) => any;
    readonly mediaintelligence_getIndex: (a: number, b: any, c: number) => any;
    readonly mediaintelligence_getIndexStatus: (a: number, b: any, c: number) => any;
    readonly mediaintelligence_getPerson: (a: number, b: any, c: number) => any;
    readonly mediaintelligence_getProject: (a: number, b: any, c: number) => any;
    readonly mediaintelligence_getSceneSummary: (a: number, b: any, c: number) => any;
    readonly mediaintelligence_getSceneSummaryStatus: (a: number, b: any, c: number) => any;
    readonly mediaintelligence_getWorkspace: (a: number, b: any, c: number) => any;
    readonly mediaintelligence_importAsset: (a: number, b: any, c: number) => any;
    readonly mediaintelligence_listAssets: (a: number, b: any, c: number) => any;
    readonly mediaintelligence_listPersonTags: (a: number, b: any, c: number) => any;
    readonly mediaintelligence_listPersons: (a: number, b: any, c: number) => any;
    readonly mediaintelligence_listProjects: (a: number, b: any, c: number) => any;
    readonly mediaintelligence_listSimilarPersons: (a: number, b: any, c: number) => any;
    readonly mediaintelligence_listWorkspaces: (a: number, b: number, c: number) => any;
    readonly mediaintelligence_mergePersons: (a: number, b: any, c: number) => any;
    readonly mediaintelligence_moveAsset: (a: number, b: any, c: number) => any;
    readonly mediaintelligence_new: (a: any) => [number, number, number];
    readonly mediaintelligence_personTags: (a: number, b: any, c: number) => [number, number, number];
    readonly mediaintelligence_persons: (a: number, b: any, c: number) => [number, number, number];
    readonly mediaintelligence_recommendPersonsByThumbnail: (a: number, b: any, c: number) => any;
    readonly mediaintelligence_removePersonTags: (a: number, b: any, c: number) => any;
    readonly mediaintelligence_removePersonThumbnails: (a: number, b: any, c: number) => any;
    readonly mediaintelligence_requestIndex: (a: number, b: any, c: number) => any;
    readonly mediaintelligence_requestSceneSummary: (a: number, b: any, c: number) => any;
    readonly mediaintelligence_searchAssets: (a: number, b: any, c: number) => any;
    readonly mediaintelligence_searchAssetsAndWait: (a: number, b: any, c: number) => any;
    readonly mediaintelligence_searchPersons: (a: number, b: any, c: number) => any;
    readonly mediaintelligence_updatePerson: (a: number, b: any, c: number) => any;
    readonly mediaintelligence_updateProject: (a: number, b: any, c: number) => any;
    readonly mediaintelligence_uploadPersonThumbnail: (a: number, b: any, c: any, d: any) => any;
    readonly mediaintelligence_uploadSearchImage: (a: number, b: any, c: any) => any;
    readonly mediaintelligence_waitForAssetImport: (a: number, b: any, c: number) => any;
    readonly mediaintelligence_waitForAssetSearch: (a: number, b: any, c: number) => any;
    readonly mediaintelligence_waitForIndex: (a: number, b: any, c: number) => any;
    readonly mediaintelligence_waitForSceneSummary: (a: number, b: any, c: number) => any;
    readonly mediaintelligence_workspaces: (a: number, b: number, c: number) => [number, number, number];
    readonly ncpsigner_new: (a: any) => [number, number, number];
    readonly ncpsigner_sign: (a: number, b: any, c: any, d: number) => [number, number, number];
    readonly signRequest: (a: any) => [number, number, number];
    readonly wasm_bindgen_ee16e44adbc3e285___convert__closures_____invoke___js_sys_d3b3c5c55f495519___Function_fn_wasm_bindgen_ee16e44adbc3e285___JsValue_____wasm_bindgen_ee16e44adbc3e285___sys__Undefined___js_sys_d3b3c5c55f495519___Function_fn_wasm_bindgen_ee16e44adbc3e285___JsValue_____wasm_bindgen_ee16e44adbc3e285___sys__Undefined_______true_: (a: number, b: number, c: any, d: any) => void;
    readonly wasm_bindgen_ee16e44adbc3e285___convert__closures_____invoke___wasm_bindgen_ee16e44adbc3e285___JsValue__core_31ff91df3a5c4116___result__Result_____wasm_bindgen_ee16e44adbc3e285___JsError___true_: (a: number, b: number, c: any) => [number, number];
    readonly wasm_bindgen_ee16e44adbc3e285___convert__closures_____invoke___wasm_bindgen_ee16e44adbc3e285___JsValue__js_sys_d3b3c5c55f495519___Promise__true_: (a: number, b: number, c: any) => any;
    readonly wasm_bindgen_ee16e44adbc3e285___convert__closures_____invoke___wasm_bindgen_ee16e44adbc3e285___JsValue__true_: (a: number, b: number) => any;
    readonly wasm_bindgen_ee16e44adbc3e285___convert__closures_____invoke___wasm_bindgen_ee16e44adbc3e285___JsValue__true__68: (a: number, b: number) => any;
    readonly wasm_bindgen_ee16e44adbc3e285___convert__closures_____invoke_______true_: (a: number, b: number) => void;
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __wbindgen_exn_store: (a: number) => void;
    readonly __externref_table_alloc: () => number;
    readonly __wbindgen_externrefs: WebAssembly.Table;
    readonly __wbindgen_destroy_closure: (a: number, b: number) => void;
    readonly __externref_table_dealloc: (a: number) => void;
    readonly __wbindgen_start: () => void;
}

export type SyncInitInput = BufferSource | WebAssembly.Module;

/**
 * Instantiates the given `module`, which can either be bytes or
 * a precompiled `WebAssembly.Module`.
 *
 * @param {{ module: SyncInitInput }} module - Passing `SyncInitInput` directly is deprecated.
 *
 * @returns {InitOutput}
 */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/**
 * If `module_or_path` is {RequestInfo} or {URL}, makes a request and
 * for everything else, calls `WebAssembly.instantiate` directly.
 *
 * @param {{ module_or_path: InitInput | Promise<InitInput> }} module_or_path - Passing `InitInput` directly is deprecated.
 *
 * @returns {Promise<InitOutput>}
 */
export default function __wbg_init (module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;
