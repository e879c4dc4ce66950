//! The `MediaIntelligence` class exported to JS: each method converts its JS input, calls the core client
//! and converts the result or error. No API logic lives here, and no secret is kept in a JS value.

use std::rc::Rc;

use js_sys::{Object, Promise};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

use crate::client::{Client, Config, Endpoint, DEFAULT_ENDPOINT, DEFAULT_TIMEOUT_MS};
use crate::error::Error;
use crate::fetch::FetchTransport;
use crate::js_error;
use crate::js_input;
use crate::sign::Credentials;
use crate::validate;
use crate::workspaces::CreateWorkspace;

#[wasm_bindgen(typescript_custom_section)]
const CLIENT_TYPES: &str = r#"
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
"#;

const CLIENT_OPTIONS: &[&str] = &["accessKey", "secretKey", "endpoint", "timeoutMs", "fetch"];
const CREATE_OPTIONS: &[&str] = &["workspaceName", "bucketName"];

/// A client for the NCP Media Intelligence API. Every request is signed with NCP API Gateway
/// signature v2; every failure rejects with a typed `MediaIntelligenceError`.
///
/// ```js
/// import { MediaIntelligence } from "ncloud-media-intelligence";
/// const mi = new MediaIntelligence({ accessKey: process.env.NCP_ACCESS_KEY, secretKey: process.env.NCP_SECRET_KEY });
/// ```
#[wasm_bindgen]
pub struct MediaIntelligence {
    client: Rc<Client<FetchTransport>>,
}

#[wasm_bindgen]
impl MediaIntelligence {
    /// Checks the options and builds a client; throws a `ValidationError` naming the field at fault.
    ///
    /// ```js
    /// const mi = new MediaIntelligence({ accessKey, secretKey, endpoint: "http://127.0.0.1:8787", timeoutMs: 10000 });
    /// ```
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "MediaIntelligenceOptions")] options: JsValue,
    ) -> Result<MediaIntelligence, JsValue> {
        client_config(&options)
            .map(|(config, fetch)| MediaIntelligence { client: Rc::new(Client::new(config, FetchTransport::new(fetch))) })
            .map_err(|e| js_error::to_js(&e))
    }

    /// Creates a workspace (`POST /api/v1/workspaces`).
    ///
    /// ```js
    /// const ws = await mi.createWorkspace({ workspaceName: "my-workspace", bucketName: "my-bucket" });
    /// console.log(ws.workspaceName, ws.createdTime);
    /// ```
    #[wasm_bindgen(js_name = createWorkspace, unchecked_return_type = "Promise<Workspace>")]
    pub fn create_workspace(
        &self,
        #[wasm_bindgen(unchecked_param_type = "CreateWorkspaceOptions")] options: JsValue,
    ) -> Promise {
        let client = Rc::clone(&self.client);
        let input = create_input(&options);
        future_to_promise(async move { respond(client.create_workspace(&input?).await) })
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
    ) -> Promise {
        let client = Rc::clone(&self.client);
        let name = js_input::string(&workspace_name, "workspaceName").map_err(|e| js_error::to_js(&e));
        future_to_promise(async move { respond(client.get_workspace(&name?).await) })
    }
}

/// Reads and checks the constructor options.
fn client_config(options: &JsValue) -> Result<(Config, Option<js_sys::Function>), Error> {
    let object: &Object = js_input::options(options, "options", CLIENT_OPTIONS)?;
    let access_key = js_input::required_string(object, "accessKey")?;
    validate::access_key(&access_key)?;
    let secret_key = zeroize::Zeroizing::new(js_input::required_string(object, "secretKey")?);
    let endpoint = js_input::optional_string(object, "endpoint")?;
    let endpoint = Endpoint::parse(endpoint.as_deref().unwrap_or(DEFAULT_ENDPOINT))?;
    let timeout_ms = js_input::optional_integer(object, "timeoutMs", 1.0, f64::from(i32::MAX))?
        .map_or(DEFAULT_TIMEOUT_MS, |ms| ms as u32);
    let fetch = js_input::optional_function(object, "fetch")?;
    let credentials = Credentials::new(&access_key, &secret_key);
    Ok((Config { endpoint, credentials, timeout_ms }, fetch))
}

/// Reads `createWorkspace` options; a problem is kept for the promise to reject with.
fn create_input(options: &JsValue) -> Result<CreateWorkspace, JsValue> {
    let read = || -> Result<CreateWorkspace, Error> {
        let object = js_input::options(options, "options", CREATE_OPTIONS)?;
        Ok(CreateWorkspace {
            workspace_name: js_input::required_string(object, "workspaceName")?,
            bucket_name: js_input::optional_string(object, "bucketName")?,
        })
    };
    read().map_err(|e| js_error::to_js(&e))
}

/// A core result as the promise's value or rejection.
fn respond<T: Serialize>(result: Result<T, Error>) -> Result<JsValue, JsValue> {
    let value = result.map_err(|e| js_error::to_js(&e))?;
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
    value
        .serialize(&serializer)
        .map_err(|e| js_error::to_js(&Error::decode("result", 200, &e.to_string())))
}
