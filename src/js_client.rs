//! The `MediaIntelligence` class exported to JS: each method converts its JS input, calls the core client
//! through a per-call fetch transport and converts the result or error. No API logic lives here, and no
//! secret is kept in a JS value.

use core::future::Future;
use core::pin::Pin;
use std::rc::Rc;

use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;
use web_sys::AbortSignal;

use crate::client::Client;
use crate::error::Error;
use crate::fetch::FetchTransport;
use crate::js_error;
use crate::js_input;
use crate::js_options::{self, CallSettings};
use crate::js_results::ToJs;
use crate::workspaces::CreateWorkspace;

#[wasm_bindgen(typescript_custom_section)]
const CLIENT_TYPES: &str = r#"
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
"#;

const CREATE_OPTIONS: &[&str] = &["workspaceName", "bucketName"];

#[wasm_bindgen]
extern "C" {
    /// The optional per-call options argument, typed `RequestOptions` in the `.d.ts`.
    #[wasm_bindgen(typescript_type = "RequestOptions")]
    pub type RequestOptionsValue;
}

/// A client for the NCP Media Intelligence API. Every request is signed with NCP API Gateway
/// signature v2, retried when that is safe, and every failure rejects with a typed
/// `MediaIntelligenceError`.
///
/// ```js
/// import { MediaIntelligence } from "ncloud-media-intelligence";
/// const mi = new MediaIntelligence({ accessKey: process.env.NCP_ACCESS_KEY, secretKey: process.env.NCP_SECRET_KEY });
/// ```
#[wasm_bindgen]
pub struct MediaIntelligence {
    client: Rc<Client>,
    fetch: Option<Function>,
    logger: Option<Function>,
    signal: Option<AbortSignal>,
    headers: Rc<[(String, String)]>,
    credentials: Option<Rc<str>>,
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
        let s = js_options::client_settings(&options).map_err(|e| js_error::to_js(&e))?;
        Ok(MediaIntelligence {
            client: Rc::new(Client::new(s.config)),
            fetch: s.fetch,
            logger: s.logger,
            signal: s.signal,
            headers: s.headers.into(),
            credentials: s.credentials.map(Into::into),
        })
    }

    /// Creates a workspace (`POST /api/v1/workspaces`). If an attempt may have reached the server and a
    /// retry meets "already exists", the workspace this call created is read back and returned.
    ///
    /// ```js
    /// const ws = await mi.createWorkspace({ workspaceName: "my-workspace", bucketName: "my-bucket" });
    /// const quick = await mi.createWorkspace({ workspaceName: "other" }, { timeoutMs: 2000, signal: AbortSignal.timeout(5000) });
    /// ```
    #[wasm_bindgen(js_name = createWorkspace, unchecked_return_type = "Promise<Workspace>")]
    pub fn create_workspace(
        &self,
        #[wasm_bindgen(unchecked_param_type = "CreateWorkspaceOptions")] options: JsValue,
        #[wasm_bindgen(js_name = "requestOptions")] request_options: Option<RequestOptionsValue>,
    ) -> Promise {
        let prepared = create_input(&options).and_then(|input| Ok((input, self.call(request_options)?)));
        let client = Rc::clone(&self.client);
        promise(Box::pin(async move {
            let (input, (transport, call)) = prepared.map_err(|e| js_error::to_js(&e))?;
            respond(client.create_workspace(&transport, &input, call.limits).await)
        }))
    }

    /// Reads a workspace's details (`GET /api/v1/workspaces/{workspaceName}`).
    ///
    /// ```js
    /// const details = await mi.getWorkspace("my-workspace");
    /// console.log(details.workspaceUrl, details.monthlyAnalysisCount);
    /// ```
    #[wasm_bindgen(js_name = getWorkspace, unchecked_return_type = "Promise<WorkspaceDetails>")]
    pub fn get_workspace(
        &self,
        #[wasm_bindgen(js_name = "workspaceName", unchecked_param_type = "string")] workspace_name: JsValue,
        #[wasm_bindgen(js_name = "requestOptions")] request_options: Option<RequestOptionsValue>,
    ) -> Promise {
        let name = js_input::string(&workspace_name, "workspaceName");
        let prepared = name.and_then(|name| Ok((name, self.call(request_options)?)));
        let client = Rc::clone(&self.client);
        promise(Box::pin(async move {
            let (name, (transport, call)) = prepared.map_err(|e| js_error::to_js(&e))?;
            respond(client.get_workspace(&transport, &name, call.limits).await)
        }))
    }
}

impl MediaIntelligence {
    /// The transport and limits of one call: client settings, overridden by the call's options.
    fn call(&self, request_options: Option<RequestOptionsValue>) -> Result<(FetchTransport, CallSettings), Error> {
        let value: JsValue = request_options.map_or(JsValue::UNDEFINED, Into::into);
        let call = js_options::call_settings(&value, self.client.config.limits)?;
        let signals: js_sys::Array = self.signal.iter().chain(call.signal.iter()).collect();
        let transport = FetchTransport {
            fetch: self.fetch.clone(),
            signals,
            logger: self.logger.clone(),
            extra_headers: Rc::clone(&self.headers),
            credentials: self.credentials.clone(),
        };
        Ok((transport, call))
    }
}

/// Reads `createWorkspace` options.
fn create_input(options: &JsValue) -> Result<CreateWorkspace, Error> {
    let object = js_input::options(options, "options", CREATE_OPTIONS)?;
    Ok(CreateWorkspace {
        workspace_name: js_input::required_string(object, "workspaceName")?,
        bucket_name: js_input::optional_string(object, "bucketName")?,
    })
}

/// Every exported async operation as one boxed future type, so `future_to_promise` and its task
/// machinery are compiled once rather than once per operation.
pub type JsTask = Pin<Box<dyn Future<Output = Result<JsValue, JsValue>>>>;

/// The promise of one exported async operation.
pub fn promise(task: JsTask) -> Promise {
    future_to_promise(task)
}

/// A core result as the promise's value or rejection.
fn respond<T: ToJs>(result: Result<T, Error>) -> Result<JsValue, JsValue> {
    result.map(|value| value.to_js()).map_err(|e| js_error::to_js(&e))
}
