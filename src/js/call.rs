//! Runs one operation of the table for JS: reads the options object into the call (path, query and
//! body, all checked before any request), sends it through a fetch transport with the client's and the
//! call's settings, and resolves the result document. Shared by every method, iterator and waiter.

use std::rc::Rc;

use js_sys::{Function, Object, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::future_to_promise;
use web_sys::{AbortSignal, RequestCredentials};

use crate::api::{self, execute::execute, Body};
use crate::core::client::Client;
use crate::core::error::Error;
use crate::core::operation::Operation;
use crate::core::request::{build, Call};
use crate::core::validate::ParamValue;
use crate::js::error::to_js;
use crate::js::format::{read, JsFormat};
use crate::js::input::{self, snapshot};
use crate::js::options::{self, CallSettings};
use crate::transport::fetch::FetchTransport;

/// What a client keeps: the core client and the JS-side settings every call's transport takes.
pub struct Inner {
    pub client: Client,
    pub fetch: Option<Function>,
    pub logger: Option<Function>,
    pub signal: Option<AbortSignal>,
    pub headers: Rc<[(String, String)]>,
    pub credentials: Option<RequestCredentials>,
    pub max_response_bytes: u64,
}

/// A call read from JS, ready to run.
pub struct Prepared {
    pub call: Call,
    pub body: Body,
    pub settings: CallSettings,
    /// The safe copy of the options (iterators and waiters reuse it).
    pub options: Object,
}

impl Inner {
    /// Reads `options` (and the per-call `request_options`) for `op`; every rule is checked here.
    pub fn prepare(&self, op: &'static Operation, options: &JsValue, request_options: &JsValue) -> Result<Prepared, Error> {
        let options = if options.is_string() && op.body.is_none() && op.params.iter().any(|p| p.name == "workspaceName") {
            // `getWorkspace("my-workspace")`: the name alone.
            let object = Object::new();
            object.unchecked_ref::<crate::transport::plain::Plain>().set("workspaceName", options);
            object.into()
        } else if options.is_undefined() {
            // No options: each required one is then reported by its own name.
            Object::new().into()
        } else {
            options.clone()
        };
        let names = || op.option_names().collect::<Vec<_>>().join(", ");
        let copy = snapshot(&options, "options", &|k| op.option_names().any(|n| n == k), &names)?;
        prepare_copy(op, copy, request_options, self.client.config.limits)
    }

    /// The transport of one call: the client's settings and signal, plus the call's signal.
    pub fn transport(&self, settings: &CallSettings) -> FetchTransport {
        FetchTransport {
            fetch: self.fetch.clone(),
            signals: self.signal.iter().chain(settings.signal.iter()).cloned().collect(),
            logger: self.logger.clone(),
            extra_headers: Rc::clone(&self.headers),
            credentials: self.credentials,
            max_response_bytes: self.max_response_bytes,
        }
    }

    /// Runs a prepared call: the result document, or `undefined` when the API sent none.
    pub async fn run(&self, prepared: &Prepared) -> Result<JsValue, Error> {
        let transport = self.transport(&prepared.settings);
        let result = execute::<FetchTransport, JsFormat>(&self.client, &transport, &prepared.call, &prepared.body, prepared.settings.limits).await?;
        Ok(result.unwrap_or(JsValue::UNDEFINED))
    }
}

/// The call for `op` from a safe copy of its options.
pub fn prepare_copy(op: &'static Operation, copy: Object, request_options: &JsValue, defaults: crate::core::pipeline::CallLimits) -> Result<Prepared, Error> {
    let body = api::body::<JsFormat>(op, &copy)?;
    let mut value = |param: &crate::core::operation::Param| -> Result<Option<ParamValue>, Error> {
        match input::member(&copy, param.name) {
            None => Ok(None),
            // Text and numbers, nearly every parameter, in one crossing each; the rest through serde.
            Some(v) => match v.as_string() {
                Some(text) => Ok(Some(ParamValue::Text(text))),
                None => match v.as_f64() {
                    Some(n) => Ok(Some(ParamValue::Number(n))),
                    None => read::<ParamValue>(&v).map(Some).map_err(|_| Error::validation(param.name, "is not a plain value")),
                },
            },
        }
    };
    let call = build(op, &mut value, body.json.clone())?;
    let settings = options::call_settings(request_options, defaults)?;
    Ok(Prepared { call, body, settings, options: copy })
}

/// Every exported async task as one boxed future type, so `future_to_promise` and its task machinery
/// are compiled once rather than once per caller.
pub type Task = core::pin::Pin<Box<dyn core::future::Future<Output = Result<JsValue, JsValue>>>>;

/// The promise of a task.
pub fn spawn(task: Task) -> Promise {
    future_to_promise(task)
}

/// The promise of one operation: rejects with the typed error of bad input at once, else runs it.
pub fn promise(inner: &Rc<Inner>, op: &'static Operation, options: JsValue, request_options: JsValue) -> Promise {
    let prepared = inner.prepare(op, &options, &request_options);
    let inner = Rc::clone(inner);
    spawn(Box::pin(async move {
        let prepared = prepared.map_err(|e| to_js(&e))?;
        inner.run(&prepared).await.map_err(|e| to_js(&e))
    }))
}
