//! `createProxyHandler`: a standard fetch handler that checks the caller, then signs and forwards only
//! the allowed operations. Converts `Request`/`Response` and runs the proxy policy; it passes back only
//! the API's status, envelope and safe headers, never an incoming `x-ncp-*` header or a key.

use std::rc::Rc;

use js_sys::{Array, Object, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Headers, Request, Response, ResponseInit, Url};

use crate::client::Client;
use crate::fetch::FetchTransport;
use crate::http::{HttpResponse, Transport, TransportError};
use crate::js_client;
use crate::js_error;
use crate::js_proxy_options::{self, Cors, ProxySettings};
use crate::proxy::{self, Refusal};

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
        js_client::promise(Box::pin(async move { Ok(handle(&settings, request).await.into()) }))
    });
    Ok(handler.into_js_value())
}

/// Answers one request; every path ends in a `Response`, never a rejection.
async fn handle(s: &ProxySettings, request: JsValue) -> Response {
    let Ok(request) = request.dyn_into::<Request>() else {
        return respond(&Refusal::gateway(400, "100", "Bad Request Exception", "not a Request"), None, s);
    };
    let origin = request.headers().get("origin").ok().flatten();
    let allowed_origin = origin.as_deref().filter(|o| origin_allowed(s, o, &request.url()));
    let method = request.method();
    if method == "OPTIONS" {
        return preflight(s, allowed_origin);
    }
    if origin.is_some() && allowed_origin.is_none() {
        return respond(&Refusal::gateway(403, "230", "Forbidden", "this origin may not use the proxy"), None, s);
    }
    match forward(s, &request, &method).await {
        Ok(answer) => answer_response(&answer, allowed_origin, s),
        Err(refusal) => respond(&refusal, allowed_origin, s),
    }
}

/// authorize → headers → route → body → sign and send. Each step refuses before the next runs.
async fn forward(s: &ProxySettings, request: &Request, method: &str) -> Result<HttpResponse, Refusal> {
    authorize(s, request).await?;
    let names = header_names(&request.headers());
    proxy::check_headers(names.iter().map(String::as_str))?;
    let url = Url::new(&request.url()).map_err(|_| Refusal::gateway(400, "100", "Bad Request Exception", "unreadable URL"))?;
    let (operation, name) = proxy::route(&s.policy, method, &url.pathname(), &url.search())?;
    let declared = request.headers().get("content-length").ok().flatten().and_then(|n| crate::text::digits(&n)).and_then(|n| usize::try_from(n).ok());
    if declared.is_some_and(|n| n > s.policy.max_body_bytes) {
        return Err(proxy::too_large(&s.policy));
    }
    let body = match request.text() {
        Ok(text) => JsFuture::from(text).await.ok().and_then(|t| t.as_string()).unwrap_or_default(),
        Err(_) => String::new(),
    };
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
async fn authorize(s: &ProxySettings, request: &Request) -> Result<(), Refusal> {
    let Some(check) = &s.authorize else { return Ok(()) };
    let copy = request.clone().map_err(|_| Refusal::gateway(400, "100", "Bad Request Exception", "unreadable request"))?;
    let verdict = match check.call1(&JsValue::UNDEFINED, &copy) {
        Ok(value) => JsFuture::from(Promise::resolve(&value)).await,
        Err(thrown) => Err(thrown),
    };
    match verdict {
        Ok(value) if value.is_truthy() => Ok(()),
        Ok(_) => Err(Refusal::gateway(403, "210", "Permission Denied", "authorize() refused this request")),
        Err(_) => Err(Refusal::gateway(401, "200", "Authentication Failed", "authorize() rejected the caller")),
    }
}

fn header_names(headers: &Headers) -> Vec<String> {
    let Ok(Some(iterator)) = js_sys::try_iter(headers) else { return Vec::new() };
    iterator.filter_map(Result::ok).filter_map(|pair| Array::from(&pair).get(0).as_string()).collect()
}

fn origin_allowed(s: &ProxySettings, origin: &str, request_url: &str) -> bool {
    let same_origin = Url::new(request_url).is_ok_and(|u| u.origin() == origin);
    same_origin || matches!(&s.cors, Cors::Any) || matches!(&s.cors, Cors::Origins(list) if list.iter().any(|o| o == origin))
}

/// Answers a CORS preflight: 204 with the allowed methods and headers for an allowed origin, else 403.
fn preflight(s: &ProxySettings, allowed_origin: Option<&str>) -> Response {
    let Some(origin) = allowed_origin else {
        return respond(&Refusal::gateway(403, "230", "Forbidden", "this origin may not use the proxy"), None, s);
    };
    let headers = base_headers(Some(origin), s);
    let methods: Vec<&str> = s.policy.allow.iter().map(|op| op.method()).collect();
    let _ = headers.set("access-control-allow-methods", &methods.join(", "));
    let _ = headers.set("access-control-allow-headers", &s.allow_headers);
    let _ = headers.set("access-control-max-age", "600");
    make_response(None, 204, &headers)
}

fn base_headers(origin: Option<&str>, s: &ProxySettings) -> Headers {
    let headers = Headers::new().unwrap_or_else(|_| Object::new().unchecked_into());
    let _ = headers.set("cache-control", "no-store");
    if let Some(origin) = origin {
        let _ = headers.set("access-control-allow-origin", origin);
        let _ = headers.set("vary", "Origin");
        let _ = headers.set("access-control-expose-headers", "Retry-After");
        if s.allow_credentials {
            let _ = headers.set("access-control-allow-credentials", "true");
        }
    }
    headers
}

fn respond(refusal: &Refusal, origin: Option<&str>, s: &ProxySettings) -> Response {
    let headers = base_headers(origin, s);
    let _ = headers.set("content-type", "application/json; charset=utf-8");
    make_response(Some(&refusal.body), refusal.status, &headers)
}

/// The API's answer, passed back with only its status, body, content type and `Retry-After`.
fn answer_response(answer: &HttpResponse, origin: Option<&str>, s: &ProxySettings) -> Response {
    let headers = base_headers(origin, s);
    let json = answer.body.trim_start().starts_with('{');
    let _ = headers.set("content-type", if json { "application/json; charset=utf-8" } else { "text/plain; charset=utf-8" });
    if let Some(retry_after) = &answer.retry_after {
        let _ = headers.set("retry-after", retry_after);
    }
    let body = (!answer.body.is_empty()).then_some(answer.body.as_str());
    make_response(body, answer.status, &headers)
}

fn make_response(body: Option<&str>, status: u16, headers: &Headers) -> Response {
    let init = ResponseInit::new();
    init.set_status(status);
    init.set_headers(headers);
    let with_body = if matches!(status, 204 | 304) { None } else { body };
    Response::new_with_opt_str_and_init(with_body, &init)
        .or_else(|_| Response::new())
        .unwrap_or_else(|_| Object::new().unchecked_into())
}
