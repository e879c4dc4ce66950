//! `uploadSearchImage` and `uploadPersonThumbnail`: the presigned-URL upload done whole (issue the URL,
//! `PUT` the bytes to it, confirm), with the size and format limits checked before any request. The
//! `PUT` carries only a `content-type`: no NCP header, no secret, no cookie.

use std::rc::Rc;

use js_sys::{ArrayBuffer, Object, Promise, Reflect, Uint8Array};
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, ReadableStream};

use crate::api::input_error;
use crate::api::search::{self, file_name, IMAGE_EXTENSIONS, MAX_IMAGE_BYTES};
use crate::api::tags::{self, THUMBNAIL_EXTENSIONS};
use crate::core::error::{ApiFailure, Error};
use crate::core::format::Format;
use crate::core::operation::Operation;
use crate::core::pipeline::transport_error;
use crate::core::shape::{check, opt, Ty};
use crate::js::call::{spawn, Inner};
use crate::js::client::MediaIntelligence;
use crate::js::error::to_js;
use crate::js::format::{read, JsFormat};
use crate::js::input::{self, snapshot};
use crate::transport::body::{read_bytes, Bytes};

const UPLOAD_OPTIONS: &[&str] = &["fileName", "contentType", "signal", "timeoutMs"];

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Fields {
    file_name: Option<String>,
    content_type: Option<String>,
}

/// Which upload: its two operations, formats, and the members of the URL answer.
struct Kind {
    url_op: &'static Operation,
    complete_op: &'static Operation,
    extensions: &'static [&'static str],
    file_field: &'static str,
    url_member: &'static str,
    key_member: &'static str,
    complete_key: &'static str,
}

const SEARCH_IMAGE: Kind = Kind {
    url_op: &search::CREATE_SEARCH_IMAGE_UPLOAD_URL,
    complete_op: &search::COMPLETE_SEARCH_IMAGE_UPLOAD,
    extensions: IMAGE_EXTENSIONS,
    file_field: "assetFileName",
    url_member: "presignedUploadUrl",
    key_member: "assetFileKey",
    complete_key: "assetKey",
};

const THUMBNAIL: Kind = Kind {
    url_op: &tags::CREATE_PERSON_THUMBNAIL_UPLOAD_URL,
    complete_op: &tags::COMPLETE_PERSON_THUMBNAIL_UPLOAD,
    extensions: THUMBNAIL_EXTENSIONS,
    file_field: "thumbnailFileName",
    url_member: "url",
    key_member: "thumbnailKey",
    complete_key: "thumbnailKey",
};

#[wasm_bindgen]
impl MediaIntelligence {
    /// Uploads a search image and resolves the key to search with (`query.imageQuery`): issues the
    /// presigned URL (`createSearchImageUploadUrl`), `PUT`s the bytes to it (only a `content-type`
    /// header: no NCP header or secret goes there), and confirms (`completeSearchImageUpload`). `data`:
    /// a `Uint8Array`, `ArrayBuffer`, `Blob` or `ReadableStream` of at most 5 MB (5242880 bytes) of jpg,
    /// png, webp or heic (checked by its first bytes, before any request); `options`: `fileName` (its
    /// extension one of those), `contentType` (default from the format), `signal`, `timeoutMs` (of each
    /// request). Rejects with a `ValidationError` for bad input, an `ApiError` of code `UPLOAD_FAILED`
    /// (`apiCode` `OVER_SIZE_LIMIT`, `RESOLUTION_NOT_SUPPORT` (under 224 px) or `FILE_NOT_EXIST`) when
    /// the service refuses the file, and the usual errors of each request.
    ///
    /// ```js
    /// const imageQuery = await mi.uploadSearchImage(await file.arrayBuffer(), { fileName: "query.jpg" });
    /// const page = await mi.searchAssetsAndWait({ workspaceName, query: { imageQuery } });
    /// ```
    #[wasm_bindgen(js_name = uploadSearchImage, unchecked_return_type = "Promise<string>")]
    pub fn upload_search_image(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer | Blob | ReadableStream<Uint8Array>")] data: JsValue,
        #[wasm_bindgen(unchecked_param_type = "UploadOptions")] options: JsValue,
    ) -> Promise {
        upload(&self.inner, &SEARCH_IMAGE, None, data, options)
    }

    /// Uploads a person thumbnail and resolves its `thumbnailKey` (for `createPerson`,
    /// `addPersonThumbnails` or `recommendPersonsByThumbnail`; valid 24 h): issues the presigned URL
    /// (`createPersonThumbnailUploadUrl`), `PUT`s the bytes to it, and confirms
    /// (`completePersonThumbnailUpload`). `data` as for `uploadSearchImage`, of jpg, png or webp (no
    /// heic), at most 5 MB; the service also refuses faces under 256 px (`UPLOAD_FAILED`,
    /// `RESOLUTION_NOT_SUPPORT`). Errors as `uploadSearchImage`.
    ///
    /// ```js
    /// const thumbnailKey = await mi.uploadPersonThumbnail({ workspaceName }, bytes, { fileName: "face.png" });
    /// await mi.createPerson({ workspaceName, name: "Kim", thumbnails: [{ thumbnailKey, isPrimaryThumbnail: true }] });
    /// ```
    #[wasm_bindgen(js_name = uploadPersonThumbnail, unchecked_return_type = "Promise<string>")]
    pub fn upload_person_thumbnail(
        &self,
        #[wasm_bindgen(unchecked_param_type = "WorkspaceOptions")] params: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer | Blob | ReadableStream<Uint8Array>")] data: JsValue,
        #[wasm_bindgen(unchecked_param_type = "UploadOptions")] options: JsValue,
    ) -> Promise {
        upload(&self.inner, &THUMBNAIL, Some(params), data, options)
    }
}

/// The image format its first bytes show, as the extension family it belongs to.
fn format_of(bytes: &[u8]) -> Option<(&'static str, &'static str)> {
    let at = |range: core::ops::Range<usize>| bytes.get(range);
    if at(0..3) == Some(&[0xFF, 0xD8, 0xFF]) {
        Some(("jpg", "image/jpeg"))
    } else if at(0..8) == Some(b"\x89PNG\r\n\x1a\n") {
        Some(("png", "image/png"))
    } else if at(0..4) == Some(b"RIFF") && at(8..12) == Some(b"WEBP") {
        Some(("webp", "image/webp"))
    } else if at(4..8) == Some(b"ftyp") && matches!(at(8..12), Some(b"heic" | b"heix" | b"mif1" | b"msf1" | b"heim" | b"heis")) {
        Some(("heic", "image/heic"))
    } else {
        None
    }
}

fn upload(inner: &Rc<Inner>, kind: &'static Kind, params: Option<JsValue>, data: JsValue, options: JsValue) -> Promise {
    let start = || -> Result<_, Error> {
        let copy = snapshot(&options, "options", &|k| UPLOAD_OPTIONS.contains(&k), &|| UPLOAD_OPTIONS.join(", "))?;
        const TYPES: Ty = Ty::Object(&[opt("fileName", Ty::Text), opt("contentType", Ty::Text)]);
        check::<JsFormat>(&copy, &TYPES, "").map_err(input_error)?;
        let fields: Fields = read(&copy)?;
        let name = fields.file_name.ok_or_else(|| Error::validation("fileName", "is required"))?;
        file_name("fileName", &name, kind.extensions)?;
        if let Some(ct) = &fields.content_type {
            if !ct.starts_with("image/") || ct.len() > 100 || ct.chars().any(|c| c.is_control()) {
                return Err(Error::validation("contentType", "must be an image media type such as image/jpeg"));
            }
        }
        let request_options = Object::new();
        for key in ["signal", "timeoutMs"] {
            if let Some(v) = input::member(&copy, key) {
                let _ = Reflect::set(&request_options, &JsValue::from_str(key), &v);
            }
        }
        let params = match params {
            Some(p) => p,
            None => Object::new().into(),
        };
        let source: JsValue = match input::plain_copy(&params)? {
            Some(target) => {
                let _ = Reflect::set(&target, &JsValue::from_str(kind.file_field), &JsValue::from_str(&name));
                target.into()
            }
            None => params,
        };
        let url_call = inner.prepare(kind.url_op, &source, &request_options.clone().into())?;
        let bytes = bytes_of(&data)?;
        Ok((url_call, bytes, fields.content_type, request_options))
    };
    let prepared = start();
    let inner = Rc::clone(inner);
    spawn(Box::pin(async move {
        let (url_call, bytes, content_type, request_options) = prepared.map_err(|e| to_js(&e))?;
        run(&inner, kind, url_call, bytes, content_type, request_options.into()).await.map_err(|e| to_js(&e))
    }))
}

/// The caller's data, or the promise of it, as checked bytes.
enum Data {
    Ready(Uint8Array),
    Blob(Blob),
    Stream(ReadableStream),
}

fn bytes_of(data: &JsValue) -> Result<Data, Error> {
    let too_large = || Error::validation("data", &format!("must be at most {MAX_IMAGE_BYTES} bytes (5 MB)"));
    if let Some(view) = data.dyn_ref::<Uint8Array>() {
        return if u64::from(view.length()) > MAX_IMAGE_BYTES { Err(too_large()) } else { Ok(Data::Ready(view.clone())) };
    }
    if let Some(buffer) = data.dyn_ref::<ArrayBuffer>() {
        return if u64::from(buffer.byte_length()) > MAX_IMAGE_BYTES { Err(too_large()) } else { Ok(Data::Ready(Uint8Array::new(buffer))) };
    }
    if let Some(blob) = data.dyn_ref::<Blob>() {
        return if blob.size() > MAX_IMAGE_BYTES as f64 { Err(too_large()) } else { Ok(Data::Blob(blob.clone())) };
    }
    if let Some(stream) = data.dyn_ref::<ReadableStream>() {
        return Ok(Data::Stream(stream.clone()));
    }
    Err(Error::validation("data", &format!("must be a Uint8Array, an ArrayBuffer, a Blob or a ReadableStream, not {}", input::describe(data))))
}

async fn run(inner: &Inner, kind: &Kind, url_call: crate::js::call::Prepared, data: Data, content_type: Option<String>, request_options: JsValue) -> Result<JsValue, Error> {
    let too_large = || Error::validation("data", &format!("must be at most {MAX_IMAGE_BYTES} bytes (5 MB)"));
    let bytes = match data {
        Data::Ready(bytes) => bytes,
        Data::Blob(blob) => {
            let buffer = JsFuture::from(blob.array_buffer()).await.map_err(|_| Error::validation("data", "could not be read (the Blob failed)"))?;
            Uint8Array::new(&buffer)
        }
        Data::Stream(stream) => match read_bytes(Some(stream), MAX_IMAGE_BYTES).await {
            Bytes::Done(bytes) => bytes,
            Bytes::TooLarge => return Err(too_large()),
            Bytes::Failed(_) => return Err(Error::validation("data", "could not be read (the stream failed)")),
        },
    };
    let mut head = [0u8; 12];
    let n = bytes.length().min(12);
    bytes.subarray(0, n).copy_to(head.get_mut(..n as usize).unwrap_or_default());
    let Some((_, mime)) = format_of(&head).filter(|(f, _)| kind.extensions.contains(f)) else {
        return Err(Error::validation("data", &format!("must be a {} image (by its first bytes)", kind.extensions.join(", "))));
    };
    let issued = inner.run(&url_call).await?;
    let text = |doc: &JsValue, key: &str| JsFormat::member(doc, key).and_then(|v| v.as_string()).unwrap_or_default();
    let (url, key) = (text(&issued, kind.url_member), text(&issued, kind.key_member));
    let attempted = format!("PUT {}", url.split('?').next().unwrap_or_default());
    let transport = inner.transport(&url_call.settings);
    let status = transport
        .put(&url, &bytes, content_type.as_deref().unwrap_or(mime), url_call.settings.limits.timeout_ms)
        .await
        .map_err(|e| transport_error(&attempted, e, url_call.settings.limits.timeout_ms))?;
    if !(200..=299).contains(&status) {
        let failure = ApiFailure { code: status.to_string(), message: "the presigned upload URL refused the file".to_owned(), details: None };
        let mut e = Error::api(&attempted, status, failure);
        e.code = "UPLOAD_FAILED";
        return Err(e);
    }
    let complete = Object::new();
    let _ = Reflect::set(&complete, &JsValue::from_str(kind.complete_key), &JsValue::from_str(&key));
    if let Some(ws) = input::member(&url_call.options, "workspaceName") {
        let _ = Reflect::set(&complete, &JsValue::from_str("workspaceName"), &ws);
    }
    let confirm = inner.prepare(kind.complete_op, &complete.into(), &request_options)?;
    let done = inner.run(&confirm).await?;
    if text(&done, "uploadStatus") != "COMPLETED" {
        let why = text(&done, "uploadMessage");
        let mut e = Error::job_failed(&confirm.call.attempted(""), "UPLOAD_FAILED", if why.is_empty() { "FAILED" } else { &why }, None);
        e.job_status = Some(Rc::new(done.clone()));
        return Err(e);
    }
    let final_key = JsFormat::member(&done, "assetKey").filter(|_| kind.complete_key == "assetKey").and_then(|v| v.as_string()).unwrap_or(key);
    Ok(JsValue::from_str(&final_key))
}
