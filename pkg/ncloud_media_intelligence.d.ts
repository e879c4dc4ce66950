/* tslint:disable */
/* eslint-disable */

/** An operation a proxy may forward. */
export type ProxyOperation = "createWorkspace" | "getWorkspace";

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
    /** Cross-origin callers allowed (same-origin calls always are). `"*"` allows any origin. */
    cors?: { origins: string[] | "*"; credentials?: boolean; headers?: string[] };
    /** A prefix the handler is mounted under, e.g. `"/mi"` for `https://app.example/mi/api/v1/...`. */
    basePath?: string;
    /** Largest accepted request body in bytes (1 to 1048576); default 16384. */
    maxBodyBytes?: number;
    /** Time limit for the API's answer in milliseconds; default 30000. */
    timeoutMs?: number;
    /** A `fetch` to reach the API with instead of `globalThis.fetch`. */
    fetch?: (input: string, init: RequestInit) => Promise<Response>;
}



/** Options of `createWorkspace`. */
export interface CreateWorkspaceOptions {
    /** Unique in the account: 3 to 63 characters of `a-z`, `0-9` and `-`. */
    workspaceName: string;
    /** Name of an Object Storage bucket to integrate. */
    bucketName?: string;
}

/** A newly created workspace, as `createWorkspace` resolves. Times are ISO 8601 local date-times without a zone. */
export interface Workspace {
    workspaceName: string;
    createdUserName: string | null;
    createdTime: string | null;
    updatedUserName: string | null;
    updatedTime: string | null;
}

/** A workspace's details, as `getWorkspace` resolves. Times are ISO 8601 local date-times without a zone. */
export interface WorkspaceDetails {
    workspaceName: string;
    workspaceUrl: string | null;
    /** The integrated Object Storage bucket, or `null` when none is. */
    bucketName: string | null;
    /** Analyses run this month. */
    monthlyAnalysisCount: number | null;
    createdUserName: string | null;
    createdTime: string | null;
    updatedUserName: string | null;
    updatedTime: string | null;
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



/** Retry policy: exponential backoff with full jitter; `Retry-After` is honoured up to `maxDelayMs`. */
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
    /** A `fetch` to use instead of `globalThis.fetch` (for instrumentation or tests). */
    fetch?: (input: string, init: RequestInit) => Promise<Response>;
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
 * `DECODE_ERROR`, and for ApiError one of the others, from the HTTP status and the API's code.
 */
export type MediaIntelligenceErrorCode =
| "INVALID_INPUT" | "NETWORK_ERROR" | "TIMEOUT" | "ABORTED" | "DECODE_ERROR"
| "AUTHENTICATION_FAILED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE"
| "QUOTA_EXCEEDED" | "RATE_LIMITED" | "BAD_REQUEST" | "SERVER_ERROR" | "API_ERROR";

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
}



/**
 * A client for the NCP Media Intelligence API. Every request is signed with NCP API Gateway
 * signature v2, retried when that is safe, and every failure rejects with a typed
 * `MediaIntelligenceError`.
 *
 * ```js
 * import { MediaIntelligence } from "ncloud-media-intelligence";
 * const mi = new MediaIntelligence({ accessKey: process.env.NCP_ACCESS_KEY, secretKey: process.env.NCP_SECRET_KEY });
 * ```
 */
export class MediaIntelligence {
    free(): void;
    /**
     * Creates a workspace (`POST /api/v1/workspaces`). If an attempt may have reached the server and a
     * retry meets "already exists", the workspace this call created is read back and returned.
     *
     * ```js
     * const ws = await mi.createWorkspace({ workspaceName: "my-workspace", bucketName: "my-bucket" });
     * const quick = await mi.createWorkspace({ workspaceName: "other" }, { timeoutMs: 2000, signal: AbortSignal.timeout(5000) });
     * ```
     */
    createWorkspace(options: CreateWorkspaceOptions, requestOptions?: RequestOptions | null): Promise<Workspace>;
    /**
     * Reads a workspace's details (`GET /api/v1/workspaces/{workspaceName}`).
     *
     * ```js
     * const details = await mi.getWorkspace("my-workspace");
     * console.log(details.workspaceUrl, details.monthlyAnalysisCount);
     * ```
     */
    getWorkspace(workspaceName: string, requestOptions?: RequestOptions | null): Promise<WorkspaceDetails>;
    /**
     * Checks the options and builds a client; throws a `ValidationError` naming the field at fault.
     *
     * ```js
     * const mi = new MediaIntelligence({ accessKey, secretKey, endpoint: "http://127.0.0.1:8787", timeoutMs: 10000,
     *   retries: { maxAttempts: 4 }, logger: (r) => console.log(r.method, r.path, r.status, r.outcome) });
     * ```
     */
    constructor(options: MediaIntelligenceOptions);
}

/**
 * A signer keyed once with an access key and secret: the fastest way to sign many requests (the
 * HMAC key state is computed at construction, not per call). Keep it on a server or in an edge
 * function, like the secret it holds.
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
     * the three headers, exactly as `signRequest` would.
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
 * Deno or Bun servers, or in Node behind a two-line `node:http` adapter (see the README).
 *
 * ```js
 * import { createProxyHandler } from "ncloud-media-intelligence";
 * export default {
 *   fetch: createProxyHandler({
 *     accessKey: env.NCP_ACCESS_KEY, secretKey: env.NCP_SECRET_KEY,
 *     allow: ["getWorkspace", "createWorkspace"],
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
    readonly mediaintelligence_createWorkspace: (a: number, b: any, c: number) => any;
    readonly mediaintelligence_getWorkspace: (a: number, b: any, c: number) => any;
    readonly mediaintelligence_new: (a: any) => [number, number, number];
    readonly ncpsigner_new: (a: any) => [number, number, number];
    readonly ncpsigner_sign: (a: number, b: any, c: any, d: number) => [number, number, number];
    readonly signRequest: (a: any) => [number, number, number];
    readonly wasm_bindgen_ee16e44adbc3e285___convert__closures_____invoke___js_sys_d3b3c5c55f495519___Function_fn_wasm_bindgen_ee16e44adbc3e285___JsValue_____wasm_bindgen_ee16e44adbc3e285___sys__Undefined___js_sys_d3b3c5c55f495519___Function_fn_wasm_bindgen_ee16e44adbc3e285___JsValue_____wasm_bindgen_ee16e44adbc3e285___sys__Undefined_______true_: (a: number, b: number, c: any, d: any) => void;
    readonly wasm_bindgen_ee16e44adbc3e285___convert__closures_____invoke___wasm_bindgen_ee16e44adbc3e285___JsValue__core_31ff91df3a5c4116___result__Result_____wasm_bindgen_ee16e44adbc3e285___JsError___true_: (a: number, b: number, c: any) => [number, number];
    readonly wasm_bindgen_ee16e44adbc3e285___convert__closures_____invoke___wasm_bindgen_ee16e44adbc3e285___JsValue__js_sys_d3b3c5c55f495519___Promise__true_: (a: number, b: number, c: any) => any;
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
