//! `createProxyHandler`: a standard fetch handler that checks the caller, then signs and forwards only
//! the allowed operations. Reads the `Request` and builds the `Response` through its JS half
//! (`js_proxy.js`) and runs the proxy policy; it passes back only the API's status, envelope and safe
//! headers, never an incoming `x-ncp-*` header or a key.

use std::rc::Rc;

use js_sys::{Array, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::client::Client;
use crate::fetch::FetchTransport;
use crate::http::{HttpResponse, Transport, TransportError};
use crate::js_client;
use crate::js_error;
use crate::js_proxy_options::{self, Cors, ProxySettings};
use crate::json;
use crate::proxy::{self, Refusal};

#[wasm_bindgen(module = "/src/js_proxy.js")]
extern "C" {
    /// `[method, url, pathname, search, origin, ownOrigin, headerNames, contentLength]`, or `null`.
    #[wasm_bindgen(js_name = readRequest)]
    fn read_request(request: &JsValue) -> JsValue;
    /// Resolves the body text (`""` when unreadable); never rejects.
    #[wasm_bindgen(js_name = readBody)]
    fn read_body(request: &JsValue) -> Promise;
    /// Resolves 0 (truthy), 1 (falsy), 2 (threw or rejected) or 3 (request not copyable); never rejects.
    #[wasm_bindgen(js_name = authorize)]
    fn run_authorize(check: &js_sys::Function, request: &JsValue) -> Promise;
    /// A `Response` with `status`, an optional body and headers given as JSON text.
    fn respond(status: u16, body: Option<String>, headers: &str) -> JsValue;
}

/// The parts of an incoming request the proxy looks at.
struct Incoming {
    method: String,
    pathname: String,
    search: String,
    origin: Option<String>,
    own_origin: String,
    header_names: Vec<String>,
    content_length: Option<String>,
}

impl Incoming {
    fn read(request: &JsValue) -> Option<Incoming> {
        let parts = read_request(request);
        if parts.is_null() {
            return None;
        }
        let parts = Array::from(&parts);
        let text = |i: u32| parts.get(i).as_string();
        Some(Incoming {
            method: text(0)?,
            pathname: text(2)?,
            search: text(3).unwrap_or_default(),
            origin: text(4),
            own_origin: text(5).unwrap_or_default(),
            header_names: Array::from(&parts.get(6)).iter().filter_map(|n| n.as_string()).collect(),
            content_length: text(7),
        })
    }
}

/// Builds a fetch handler `(request) => Promise<Response>` that signs and forwards the operations in
/// `allow` to NCP and refuses everything else without contacting it. Use it as a Worker's `fetch`, in
/// Deno or Bun servers, or in Node behind a two-line `node:http` adapter (see the README).
///
/// ```js
/// import { createProxyHandler } from "ncloud-media-intelligence";
/// export default {
///   fetch: createProxyHandler({
///     accessKey: env.NCP_ACCESS_KEY, secretKey: env.NCP_SECRET_KEY,
///     allow: ["getWorkspace", "createWorkspace"],
///     authorize: async (request) => request.headers.get("authorization") === "Bearer let-me-in",
///     cors: { origins: ["https://app.example"] },
///   }),
/// };
/// ```
#[wasm_bindgen(js_name = createProxyHandler, unchecked_return_type = "(request: Request) => Promise<Response>")]
pub fn create_proxy_handler(#[wasm_bindgen(unchecked_param_type = "ProxyOptions")] options: JsValue) -> Result<JsValue, JsValue> {
    let settings = Rc::new(js_proxy_options::proxy_settings(&options).map_err(|e| js_error::to_js(&e))?);
    let handler = Closure::<dyn Fn(JsValue) -> Promise>::new(move |request: JsValue| {
        let settings = Rc::clone(&settings);
        js_client::promise(Box::pin(async move { Ok(handle(&settings, request).await) }))
    });
    Ok(handler.into_js_value())
}

/// Answers one request; every path ends in a `Response`, never a rejection.
async fn handle(s: &ProxySettings, request: JsValue) -> JsValue {
    let Some(incoming) = Incoming::read(&request) else {
        return refuse(&Refusal::gateway(400, "100", "Bad Request Exception", "not a Request"), None, s);
    };
    let allowed_origin = incoming.origin.as_deref().filter(|o| origin_allowed(s, o, &incoming.own_origin));
    if incoming.method == "OPTIONS" {
        return preflight(s, allowed_origin);
    }
    if incoming.origin.is_some() && allowed_origin.is_none() {
        return refuse(&Refusal::gateway(403, "230", "Forbidden", "this origin may not use the proxy"), None, s);
    }
    match forward(s, &request, &incoming).await {
        Ok(answer) => answer_response(&answer, allowed_origin, s),
        Err(refusal) => refuse(&refusal, allowed_origin, s),
    }
}

/// authorize → headers → route → body → sign and send. Each step refuses before the next runs.
async fn forward(s: &ProxySettings, request: &JsValue, incoming: &Incoming) -> Result<HttpResponse, Refusal> {
    authorize(s, request).await?;
    proxy::check_headers(incoming.header_names.iter().map(String::as_str))?;
    let (operation, name) = proxy::route(&s.policy, &incoming.method, &incoming.pathname, &incoming.search)?;
    let declared = incoming.content_length.as_deref().and_then(crate::text::digits).and_then(|n| usize::try_from(n).ok());
    if declared.is_some_and(|n| n > s.policy.max_body_bytes) {
        return Err(proxy::too_large(&s.policy));
    }
    let body = JsFuture::from(read_body(request)).await.ok().and_then(|t| t.as_string()).unwrap_or_default();
    if body.len() > s.policy.max_body_bytes {
        return Err(proxy::too_large(&s.policy));
    }
    let call = proxy::call(operation, name.as_deref(), &body)?;
    let transport = FetchTransport::plain(s.fetch.clone());
    let client: &Client = &s.client;
    match transport.send(client.request(&call, client.server_now(&transport)), s.timeout_ms).await {
        Ok(answer) => Ok(answer),
        Err(TransportError::Timeout) => Err(Refusal::gateway(504, "510", "Endpoint Timeout", "the API did not answer in time")),
        Err(_) => Err(Refusal::gateway(502, "500", "Endpoint Error", "the proxy could not reach the API")),
    }
}

/// Runs the caller's `authorize(request)`: truthy passes, a falsy result is 403, a throw is 401.
async fn authorize(s: &ProxySettings, request: &JsValue) -> Result<(), Refusal> {
    let Some(check) = &s.authorize else { return Ok(()) };
    let verdict = JsFuture::from(run_authorize(check, request)).await.ok().and_then(|v| v.as_f64());
    match verdict {
        Some(0.0) => Ok(()),
        Some(1.0) => Err(Refusal::gateway(403, "210", "Permission Denied", "authorize() refused this request")),
        Some(3.0) => Err(Refusal::gateway(400, "100", "Bad Request Exception", "unreadable request")),
        _ => Err(Refusal::gateway(401, "200", "Authentication Failed", "authorize() rejected the caller")),
    }
}

fn origin_allowed(s: &ProxySettings, origin: &str, own_origin: &str) -> bool {
    origin == own_origin || matches!(&s.cors, Cors::Any) || matches!(&s.cors, Cors::Origins(list) if list.iter().any(|o| o == origin))
}

/// Answers a CORS preflight: 204 with the allowed methods and headers for an allowed origin, else 403.
fn preflight(s: &ProxySettings, allowed_origin: Option<&str>) -> JsValue {
    let Some(origin) = allowed_origin else {
        return refuse(&Refusal::gateway(403, "230", "Forbidden", "this origin may not use the proxy"), None, s);
    };
    let methods: Vec<&str> = s.policy.allow.iter().map(|op| op.method()).collect();
    let methods = methods.join(", ");
    let extra = [
        ("access-control-allow-methods", Some(methods.as_str())),
        ("access-control-allow-headers", Some(s.allow_headers.as_str())),
        ("access-control-max-age", Some("600")),
    ];
    respond(204, None, &headers(Some(origin), s, &extra))
}

/// The response headers as JSON text: `cache-control`, the CORS headers for an allowed origin, then `extra`.
fn headers(origin: Option<&str>, s: &ProxySettings, extra: &[(&str, Option<&str>)]) -> String {
    let cors = origin.is_some();
    let mut members = vec![
        ("cache-control", Some("no-store")),
        ("access-control-allow-origin", origin),
        ("vary", cors.then_some("Origin")),
        ("access-control-expose-headers", cors.then_some("Retry-After")),
        ("access-control-allow-credentials", (cors && s.allow_credentials).then_some("true")),
    ];
    members.extend_from_slice(extra);
    json::object_of_strings(&members)
}

fn refuse(refusal: &Refusal, origin: Option<&str>, s: &ProxySettings) -> JsValue {
    let headers = headers(origin, s, &[("content-type", Some("application/json; charset=utf-8"))]);
    respond(refusal.status, Some(refusal.body.clone()), &headers)
}

/// The API's answer, passed back with only its status, body, content type and `Retry-After`.
fn answer_response(answer: &HttpResponse, origin: Option<&str>, s: &ProxySettings) -> JsValue {
    let json = answer.body.trim_start().starts_with('{');
    let content_type = if json { "application/json; charset=utf-8" } else { "text/plain; charset=utf-8" };
    let headers = headers(origin, s, &[("content-type", Some(content_type)), ("retry-after", answer.retry_after.as_deref())]);
    let body = (!answer.body.is_empty()).then(|| answer.body.clone());
    respond(answer.status, body, &headers)
}
