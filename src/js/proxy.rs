//! `createProxyHandler`: a standard fetch handler that checks the caller, then signs and forwards only
//! the allowed operations of the table. Reads the incoming web-sys `Request` through `catch` reads only,
//! reads its body with a bound checked while reading, and answers with web-sys `Response`s carrying only
//! the API's status, envelope and safe headers: never an incoming `x-ncp-*` header or a key.

use std::rc::Rc;

use js_sys::{Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Headers, ReadableStream, Request, Response, ResponseInit, Url};

use crate::api;
use crate::core::http::{Body, HttpResponse, Transport, TransportError};
use crate::core::pipeline::correct_skew;
use crate::core::proxy::{self, Refusal};
use crate::core::request::build;
use crate::core::error::Error;
use crate::js::call::spawn;
use crate::js::error::to_js;
use crate::js::format::JsFormat;
use crate::js::proxy_options::{self, Cors, ProxySettings};
use crate::transport::body::{read_stream, Read};
use crate::transport::fetch::FetchTransport;

/// The parts of an incoming request the proxy looks at, read through `catch` reads.
struct Incoming {
    method: String,
    pathname: String,
    search: String,
    origin: Option<String>,
    own_origin: String,
    header_names: Vec<String>,
    content_length: Option<String>,
}

fn text(object: &JsValue, key: &str) -> Option<String> {
    Reflect::get(object, &JsValue::from_str(key)).ok().and_then(|v| v.as_string())
}

impl Incoming {
    fn read(request: &JsValue, trust_forwarded: bool, public_origin: Option<&str>) -> Option<Incoming> {
        if !request.is_instance_of::<Request>() {
            return None;
        }
        let url = Url::new(&text(request, "url")?).ok()?;
        let headers: Headers = Reflect::get(request, &JsValue::from_str("headers")).ok()?.dyn_into().ok()?;
        let mut header_names = Vec::new();
        for entry in js_sys::try_iter(&headers).ok()??.take(256) {
            let pair = js_sys::Array::from(&entry.ok()?);
            header_names.push(pair.get(0).as_string()?);
        }
        let header = |name: &str| headers.get(name).ok().flatten();
        // Behind a TLS terminator the request arrives as http://; the public origin is the one the
        // page sees. Stated (`publicOrigin`), or read from X-Forwarded-Proto/-Host when trusted.
        let own_origin = match public_origin {
            Some(origin) => origin.to_owned(),
            None if trust_forwarded => {
                let proto = header("x-forwarded-proto").and_then(|p| p.split(',').next().map(|p| p.trim().to_ascii_lowercase()));
                let host = header("x-forwarded-host").and_then(|h| h.split(',').next().map(|h| h.trim().to_owned()));
                match (proto.as_deref(), host.or_else(|| Some(url.host()))) {
                    (Some(p @ ("http" | "https")), Some(h)) => format!("{p}://{h}"),
                    _ => url.origin(),
                }
            }
            None => url.origin(),
        };
        Some(Incoming {
            method: text(request, "method")?,
            pathname: url.pathname(),
            search: url.search(),
            origin: header("origin"),
            own_origin,
            header_names,
            content_length: header("content-length"),
        })
    }
}

/// Builds a fetch handler `(request) => Promise<Response>` that signs and forwards the operations in
/// `allow` to NCP and refuses everything else without contacting it. Use it as a Worker's `fetch`, in
/// Deno or Bun servers, or in Node behind a small `node:http` adapter (`examples/node-proxy.mjs`).
/// Throws a `ValidationError` naming the option at fault. Every answer is a `Response`, never a
/// rejection: refusals use the gateway's envelope (404 not allowed, 403 origin or authorize, 401
/// authorize threw, 413 body over `maxBodyBytes`, 400 bad input).
///
/// ```js
/// import { createProxyHandler } from "ncloud-media-intelligence";
/// export default {
///   fetch: createProxyHandler({
///     accessKey: env.NCP_ACCESS_KEY, secretKey: env.NCP_SECRET_KEY,
///     allow: ["getWorkspace", "createWorkspace", "listWorkspaces"],
///     authorize: async (request) => request.headers.get("authorization") === "Bearer let-me-in",
///     cors: { origins: ["https://app.example"] },
///   }),
/// };
/// ```
#[wasm_bindgen(js_name = createProxyHandler, unchecked_return_type = "(request: Request) => Promise<Response>")]
pub fn create_proxy_handler(#[wasm_bindgen(unchecked_param_type = "ProxyOptions")] options: JsValue) -> Result<JsValue, JsValue> {
    let settings = Rc::new(proxy_options::proxy_settings(&options).map_err(|e| to_js(&e))?);
    let handler = Closure::<dyn Fn(JsValue) -> Promise>::new(move |request: JsValue| {
        let settings = Rc::clone(&settings);
        spawn(Box::pin(async move { Ok(handle(&settings, request).await.into()) }))
    });
    Ok(handler.into_js_value())
}

/// Answers one request; every path ends in a `Response`, never a rejection.
async fn handle(s: &ProxySettings, request: JsValue) -> Response {
    let Some(incoming) = Incoming::read(&request, s.trust_forwarded, s.public_origin.as_deref()) else {
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
async fn forward(s: &ProxySettings, request: &JsValue, incoming: &Incoming) -> Result<HttpResponse<JsValue>, Refusal> {
    authorize(s, request).await?;
    proxy::check_headers(incoming.header_names.iter().map(String::as_str))?;
    let routed = proxy::route(&s.policy, &incoming.method, &incoming.pathname, &incoming.search)?;
    let declared = incoming.content_length.as_deref().and_then(|n| n.trim().parse::<u64>().ok());
    let cap = s.policy.max_body_bytes as u64;
    if declared.is_some_and(|n| n > cap) {
        return Err(proxy::too_large(&s.policy));
    }
    let stream: Option<ReadableStream> = Reflect::get(request, &JsValue::from_str("body")).ok().and_then(|b| b.dyn_into().ok());
    let body = match read_stream(stream, cap).await {
        Read::Done(body) => body,
        Read::TooLarge => return Err(proxy::too_large(&s.policy)),
        Read::Failed(_) => return Err(Refusal::gateway(400, "100", "Bad Request Exception", "the body could not be read")),
    };
    let body = checked_body(routed.op, &body)?;
    let call = build(routed.op, &mut |param| Ok(routed.value(param)), body.json).map_err(|e| Refusal::invalid(&e))?;
    let transport = FetchTransport::plain(s.fetch.clone(), s.max_response_bytes);
    let client = &s.client;
    let mut resent = false;
    loop {
        let answer = transport.send(client.request(&call, client.server_now(&transport)), s.timeout_ms).await;
        match answer {
            Ok(answer) => {
                // A clock far from NCP's makes every signature stale: learn the offset from `Date`, once.
                let stale = answer.status == 401 && !resent && {
                    let attempted = call.attempted("");
                    let error = crate::core::envelope::decode::<JsFormat>(&attempted, answer.status, &answer.body).err();
                    error.is_some_and(|e| correct_skew(client, &transport, &e, &answer))
                };
                if !stale {
                    return Ok(answer);
                }
                resent = true;
            }
            Err(TransportError::Timeout) => return Err(Refusal::gateway(504, "510", "Endpoint Timeout", "the API did not answer in time")),
            Err(TransportError::Redirect(_)) => return Err(Refusal::gateway(502, "500", "Endpoint Error", "the API answered with a redirect, which the proxy does not follow")),
            Err(TransportError::TooLarge(..)) => return Err(Refusal::gateway(502, "500", "Endpoint Error", "the API's answer was larger than the proxy reads")),
            Err(_) => return Err(Refusal::gateway(502, "500", "Endpoint Error", "the proxy could not reach the API")),
        }
    }
}

/// The body to send on, rebuilt from the checked fields (never the bytes received): empty for
/// operations without one; otherwise a JSON object of only the documented fields.
fn checked_body(op: &'static crate::core::operation::Operation, body: &Body<JsValue>) -> Result<api::Body, Refusal> {
    let invalid = |rule: &str| Refusal::invalid(&Error::validation("body", rule));
    match (op.body, body) {
        (None, Body::NotJson(text)) if text.is_empty() => Ok(api::Body::default()),
        (None, _) => Err(invalid(&format!("must be empty for {}", op.name))),
        (Some(shape), Body::Json(value)) => {
            let fields: Vec<&str> = shape.field_names().collect();
            if !crate::js::input::is_plain(value) {
                return Err(invalid("must be a JSON object"));
            }
            let keys = js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>());
            if let Some(key) = keys.iter().filter_map(|k| k.as_string()).find(|k| !fields.contains(&k.as_str())) {
                let shown: String = key.chars().take(40).filter(|c| !c.is_control()).collect();
                return Err(invalid(&format!("must be a JSON object of {}: unknown field `{shown}`", fields.join(", "))));
            }
            api::body::<JsFormat>(op, value).map_err(|e| Refusal::invalid(&e))
        }
        (Some(_), _) => Err(invalid("must be a JSON object")),
    }
}

/// Runs the caller's `authorize(request)`: truthy passes, a falsy result is 403, a throw is 401.
async fn authorize(s: &ProxySettings, request: &JsValue) -> Result<(), Refusal> {
    let Some(check) = &s.authorize else { return Ok(()) };
    let copy = request.unchecked_ref::<Request>().clone().map_err(|_| Refusal::gateway(400, "100", "Bad Request Exception", "unreadable request"))?;
    let verdict = match check.call1(&JsValue::UNDEFINED, &copy) {
        Ok(value) => JsFuture::from(Promise::resolve(&value)).await,
        Err(error) => Err(error),
    };
    match verdict {
        Ok(v) if v.is_truthy() => Ok(()),
        Ok(_) => Err(Refusal::gateway(403, "210", "Permission Denied", "authorize() refused this request")),
        Err(_) => Err(Refusal::gateway(401, "200", "Authentication Failed", "authorize() rejected the caller")),
    }
}

fn origin_allowed(s: &ProxySettings, origin: &str, own_origin: &str) -> bool {
    origin == own_origin || matches!(&s.cors, Cors::Any) || matches!(&s.cors, Cors::Origins(list) if list.iter().any(|o| o == origin))
}

/// Answers a CORS preflight: 204 with the allowed methods and headers for an allowed origin, else 403.
fn preflight(s: &ProxySettings, allowed_origin: Option<&str>) -> Response {
    let Some(origin) = allowed_origin else {
        return refuse(&Refusal::gateway(403, "230", "Forbidden", "this origin may not use the proxy"), None, s);
    };
    let mut methods: Vec<&str> = s.policy.allow.iter().map(|op| op.method.as_str()).collect();
    methods.sort_unstable();
    methods.dedup();
    let methods = methods.join(", ");
    let extra = [
        ("access-control-allow-methods", Some(methods.as_str())),
        ("access-control-allow-headers", Some(s.allow_headers.as_str())),
        ("access-control-max-age", Some("600")),
    ];
    respond(204, None, &headers(Some(origin), s, &extra))
}

/// The response headers: `cache-control`, the CORS headers for an allowed origin, then `extra`.
fn headers(origin: Option<&str>, s: &ProxySettings, extra: &[(&str, Option<&str>)]) -> Headers {
    let cors = origin.is_some();
    let base = [
        ("cache-control", Some("no-store")),
        ("access-control-allow-origin", origin),
        ("vary", cors.then_some("Origin")),
        ("access-control-expose-headers", cors.then_some("Retry-After")),
        ("access-control-allow-credentials", (cors && s.allow_credentials).then_some("true")),
    ];
    let headers = Headers::new().unwrap_or_else(|_| Headers::from(JsValue::from(js_sys::Object::new())));
    for (name, value) in base.iter().chain(extra) {
        if let Some(value) = value {
            let _ = headers.append(name, value);
        }
    }
    headers
}

fn respond(status: u16, body: Option<&str>, headers: &Headers) -> Response {
    let init = ResponseInit::new();
    init.set_status(status);
    init.set_headers(headers);
    // 204 and 304 may not carry a body.
    let body = if status == 204 || status == 304 { None } else { body };
    Response::new_with_opt_str_and_init(body, &init)
        .or_else(|_| Response::new_with_opt_str_and_init(None, &{ let i = ResponseInit::new(); i.set_status(502); i }))
        .unwrap_or_else(|_| Response::error())
}

fn refuse(refusal: &Refusal, origin: Option<&str>, s: &ProxySettings) -> Response {
    let headers = headers(origin, s, &[("content-type", Some("application/json; charset=utf-8"))]);
    respond(refusal.status, Some(&refusal.body::<JsFormat>()), &headers)
}

/// The API's answer, passed back with only its status, body, content type and `Retry-After`.
fn answer_response(answer: &HttpResponse<JsValue>, origin: Option<&str>, s: &ProxySettings) -> Response {
    let (body, content_type) = match &answer.body {
        Body::Json(value) => (js_sys::JSON::stringify(value).ok().and_then(|t| t.as_string()), "application/json; charset=utf-8"),
        Body::NotJson(text) => ((!text.is_empty()).then(|| text.clone()), "text/plain; charset=utf-8"),
    };
    let headers = headers(origin, s, &[("content-type", Some(content_type)), ("retry-after", answer.retry_after.as_deref())]);
    respond(answer.status, body.as_deref(), &headers)
}
