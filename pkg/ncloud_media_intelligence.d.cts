/* tslint:disable */
/* eslint-disable */

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



/** Options of `new MediaIntelligence(...)`. */
export interface MediaIntelligenceOptions {
    /** Access key id from the NCP portal or a Sub Account. */
    accessKey: string;
    /** Secret key. Keep it on a server or in an edge function: never ship it to a browser. */
    secretKey: string;
    /** API base URL; default `https://mi.apigw.ntruss.com`. A trailing slash is fine; a path prefix is kept. */
    endpoint?: string;
    /** Time limit per request in milliseconds (1 to 2147483647); default 30000. */
    timeoutMs?: number;
    /** A `fetch` to use instead of `globalThis.fetch` (for instrumentation or tests). */
    fetch?: (input: string, init: RequestInit) => Promise<Response>;
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

/** The headers that authenticate one NCP API Gateway request. */
export interface NcpSignatureHeaders {
    "x-ncp-apigw-timestamp": string;
    "x-ncp-iam-access-key": string;
    "x-ncp-apigw-signature-v2": string;
}



/** The `name` of every error this package throws or rejects with. */
export type MediaIntelligenceErrorName =
| "ValidationError" | "NetworkError" | "TimeoutError" | "ApiError" | "DecodeError";

/**
 * The stable `code` of every error: `INVALID_INPUT` (ValidationError), `NETWORK_ERROR`, `TIMEOUT`,
 * `DECODE_ERROR`, and for ApiError one of the others, from the HTTP status and the API's code.
 */
export type MediaIntelligenceErrorCode =
| "INVALID_INPUT" | "NETWORK_ERROR" | "TIMEOUT" | "DECODE_ERROR"
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
    /** NetworkError: what `fetch` threw. */
    cause?: unknown;
}



/**
 * A client for the NCP Media Intelligence API. Every request is signed with NCP API Gateway
 * signature v2; every failure rejects with a typed `MediaIntelligenceError`.
 *
 * ```js
 * import { MediaIntelligence } from "ncloud-media-intelligence";
 * const mi = new MediaIntelligence({ accessKey: process.env.NCP_ACCESS_KEY, secretKey: process.env.NCP_SECRET_KEY });
 * ```
 */
export class MediaIntelligence {
    free(): void;
    /**
     * Creates a workspace (`POST /api/v1/workspaces`).
     *
     * ```js
     * const ws = await mi.createWorkspace({ workspaceName: "my-workspace", bucketName: "my-bucket" });
     * console.log(ws.workspaceName, ws.createdTime);
     * ```
     */
    createWorkspace(options: CreateWorkspaceOptions): Promise<Workspace>;
    /**
     * Reads a workspace's details (`GET /api/v1/workspaces/{workspaceName}`).
     *
     * ```js
     * const details = await mi.getWorkspace("my-workspace");
     * console.log(details.workspaceUrl, details.monthlyAnalysisCount);
     * ```
     */
    getWorkspace(workspaceName: string): Promise<WorkspaceDetails>;
    /**
     * Checks the options and builds a client; throws a `ValidationError` naming the field at fault.
     *
     * ```js
     * const mi = new MediaIntelligence({ accessKey, secretKey, endpoint: "http://127.0.0.1:8787", timeoutMs: 10000 });
     * ```
     */
    constructor(options: MediaIntelligenceOptions);
}

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
