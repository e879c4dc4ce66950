//! The `MediaIntelligence` class exported to JS: one line per operation of the table (see `call`), the
//! async iterators and the waiters. No API logic lives here, and no secret is kept in a JS value.

use std::rc::Rc;

use js_sys::Promise;
use wasm_bindgen::prelude::*;

use crate::api::workspaces as ws;
use crate::js::call::{promise, Inner};
use crate::js::error::to_js;
use crate::js::options;
use crate::js::paging;

#[wasm_bindgen(typescript_custom_section)]
const CLIENT_TYPES: &str = r#"
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
"#;
#[wasm_bindgen]
extern "C" {
    /// The optional per-call options argument, typed `RequestOptions` in the `.d.ts`.
    #[wasm_bindgen(typescript_type = "RequestOptions")]
    pub type RequestOptionsValue;
}

pub(crate) fn request(value: Option<RequestOptionsValue>) -> JsValue {
    value.map_or(JsValue::UNDEFINED, Into::into)
}

/// A client for the NCP Media Intelligence API. Every request is signed with NCP API Gateway
/// signature v2, retried when that is safe, and every failure rejects with a typed
/// `MediaIntelligenceError`. Each method takes one options object (path, query and body fields in
/// camelCase), then optional per-call `RequestOptions`, and resolves the envelope's `result`.
///
/// ```js
/// import { MediaIntelligence } from "ncloud-media-intelligence";
/// const mi = new MediaIntelligence({ accessKey: process.env.NCP_ACCESS_KEY, secretKey: process.env.NCP_SECRET_KEY });
/// ```
#[wasm_bindgen]
pub struct MediaIntelligence {
    pub(crate) inner: Rc<Inner>,
}

#[wasm_bindgen]
impl MediaIntelligence {
    /// Checks the options and builds a client; throws a `ValidationError` naming the field at fault.
    ///
    /// ```js
    /// const mi = new MediaIntelligence({ accessKey, secretKey, endpoint: "http://127.0.0.1:8787", timeoutMs: 10000,
    ///   retries: { maxAttempts: 4 }, logger: (r) => console.log(r.method, r.path, r.status, r.outcome) });
    /// ```
    #[wasm_bindgen(constructor)]
    pub fn new(#[wasm_bindgen(unchecked_param_type = "MediaIntelligenceOptions")] options: JsValue) -> Result<MediaIntelligence, JsValue> {
        let s = options::client_settings(&options).map_err(|e| to_js(&e))?;
        let inner = Inner {
            client: crate::core::client::Client::new(s.config),
            fetch: s.fetch,
            logger: s.logger,
            signal: s.signal,
            headers: s.headers.into(),
            credentials: s.credentials,
            max_response_bytes: s.max_response_bytes,
        };
        Ok(MediaIntelligence { inner: Rc::new(inner) })
    }

    /// One page of the account's workspaces (`GET /api/v1/workspaces`, docs `maiu-list-workspaces`).
    /// `pageNum` >= 1 (default 1), `pageSize` 1 to 1000 (the API's default 1000). Resolves
    /// `{ totalCount, totalPage, pageNo, pageSize, content: WorkspaceSummary[] }`.
    ///
    /// ```js
    /// const page = await mi.listWorkspaces({ pageNum: 1, pageSize: 100 });
    /// console.log(page.totalCount, page.content.map((w) => w.workspaceName));
    /// ```
    #[wasm_bindgen(js_name = listWorkspaces, unchecked_return_type = "Promise<WorkspacePage>")]
    pub fn list_workspaces(&self, #[wasm_bindgen(unchecked_param_type = "ListWorkspacesOptions")] options: Option<JsValue>, request_options: Option<RequestOptionsValue>) -> Promise {
        promise(&self.inner, &ws::LIST_WORKSPACES, options.unwrap_or(JsValue::UNDEFINED), request(request_options))
    }

    /// Every workspace of every page, fetched page by page as the loop asks (`listWorkspaces`); a
    /// `break` stops fetching. Errors reject the `next()` that met them.
    ///
    /// ```js
    /// for await (const workspace of mi.workspaces({ pageSize: 100 })) console.log(workspace.workspaceName);
    /// ```
    #[wasm_bindgen(unchecked_return_type = "AsyncIterableIterator<WorkspaceSummary>")]
    pub fn workspaces(&self, #[wasm_bindgen(unchecked_param_type = "ListWorkspacesOptions")] options: Option<JsValue>, request_options: Option<RequestOptionsValue>) -> Result<JsValue, JsValue> {
        paging::items(&self.inner, &ws::LIST_WORKSPACES, options.unwrap_or(JsValue::UNDEFINED), request(request_options))
    }

    /// Creates a workspace (`POST /api/v1/workspaces`, docs `maiu-create-workspaces`). `workspaceName`:
    /// 3 to 63 characters of `a-z`, `0-9` and `-`; `bucketName`: an Object Storage bucket to integrate.
    /// If an attempt may have reached the server and a retry meets "already exists", the workspace this
    /// call created is read back and returned. Rejects with `ApiError` `CONFLICT` for a taken name.
    ///
    /// ```js
    /// const ws = await mi.createWorkspace({ workspaceName: "my-workspace", bucketName: "my-bucket" });
    /// const quick = await mi.createWorkspace({ workspaceName: "other" }, { timeoutMs: 2000, signal: AbortSignal.timeout(5000) });
    /// ```
    #[wasm_bindgen(js_name = createWorkspace, unchecked_return_type = "Promise<Workspace>")]
    pub fn create_workspace(&self, #[wasm_bindgen(unchecked_param_type = "CreateWorkspaceOptions")] options: JsValue, request_options: Option<RequestOptionsValue>) -> Promise {
        promise(&self.inner, &ws::CREATE_WORKSPACE, options, request(request_options))
    }

    /// Reads a workspace's details (`GET /api/v1/workspaces/{workspaceName}`, docs
    /// `maiu-workspace-details`). Takes `{ workspaceName }` or the name alone. Rejects with `ApiError`
    /// `NOT_FOUND` for an unknown workspace.
    ///
    /// ```js
    /// const details = await mi.getWorkspace("my-workspace");
    /// console.log(details.workspaceUrl, details.monthlyAnalysisCount);
    /// ```
    #[wasm_bindgen(js_name = getWorkspace, unchecked_return_type = "Promise<WorkspaceDetails>")]
    pub fn get_workspace(&self, #[wasm_bindgen(js_name = "workspaceName", unchecked_param_type = "string | WorkspaceOptions")] options: JsValue, request_options: Option<RequestOptionsValue>) -> Promise {
        promise(&self.inner, &ws::GET_WORKSPACE, options, request(request_options))
    }

    /// Deletes a workspace (`DELETE /api/v1/workspaces/{workspaceName}`, docs `maiu-delete-workspaces`):
    /// irreversible, and refused while an analysis runs in it. Takes `{ workspaceName }` or the name
    /// alone; resolves `{ workspaceName }`. Rejects with `ApiError` `NOT_FOUND` or `CONFLICT`.
    ///
    /// ```js
    /// await mi.deleteWorkspace("my-workspace");
    /// ```
    #[wasm_bindgen(js_name = deleteWorkspace, unchecked_return_type = "Promise<DeletedWorkspace>")]
    pub fn delete_workspace(&self, #[wasm_bindgen(js_name = "workspaceName", unchecked_param_type = "string | WorkspaceOptions")] options: JsValue, request_options: Option<RequestOptionsValue>) -> Promise {
        promise(&self.inner, &ws::DELETE_WORKSPACE, options, request(request_options))
    }
}
