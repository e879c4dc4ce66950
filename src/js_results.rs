//! The operations' results as plain JS objects, shaped as the `.d.ts` declares them (declared beside the
//! Rust types in `workspaces`). Builds fresh objects only; it never reads JS input.

use wasm_bindgen::JsValue;

use crate::json;
use crate::workspaces::{Workspace, WorkspaceDetails};

/// A result as the plain JS object the `.d.ts` declares: every documented field, `null` when absent.
pub trait ToJs {
    fn to_js(&self) -> JsValue;
}

/// One member of a result object.
enum Member<'a> {
    Text(Option<&'a str>),
    Count(Option<u64>),
}

/// The object, written as JSON text and made by one `JSON.parse`: one crossing of the boundary instead
/// of a decoded key, a decoded value and a `Reflect.set` per member.
fn js_object(members: &[(&str, Member)]) -> JsValue {
    let mut text = String::from("{");
    for (key, value) in members {
        if text.len() > 1 {
            text.push(',');
        }
        json::write_string(&mut text, key);
        text.push(':');
        match value {
            Member::Text(Some(s)) => json::write_string(&mut text, s),
            Member::Count(Some(n)) => text.push_str(&crate::text::decimal(*n)),
            Member::Text(None) | Member::Count(None) => text.push_str("null"),
        }
    }
    text.push('}');
    // The text is valid JSON by construction; the fallback keeps this total without a panic path.
    js_sys::JSON::parse(&text).unwrap_or_else(|_| js_sys::Object::new().into())
}

impl ToJs for Workspace {
    fn to_js(&self) -> JsValue {
        js_object(&[
            ("workspaceName", Member::Text(Some(&self.workspace_name))),
            ("createdUserName", Member::Text(self.created_user_name.as_deref())),
            ("createdTime", Member::Text(self.created_time.as_deref())),
            ("updatedUserName", Member::Text(self.updated_user_name.as_deref())),
            ("updatedTime", Member::Text(self.updated_time.as_deref())),
        ])
    }
}

impl ToJs for WorkspaceDetails {
    fn to_js(&self) -> JsValue {
        js_object(&[
            ("workspaceName", Member::Text(Some(&self.workspace_name))),
            ("workspaceUrl", Member::Text(self.workspace_url.as_deref())),
            ("bucketName", Member::Text(self.bucket_name.as_deref())),
            // A count beyond 2^53 becomes the nearest double, as any JSON number does in JS.
            ("monthlyAnalysisCount", Member::Count(self.monthly_analysis_count)),
            ("createdUserName", Member::Text(self.created_user_name.as_deref())),
            ("createdTime", Member::Text(self.created_time.as_deref())),
            ("updatedUserName", Member::Text(self.updated_user_name.as_deref())),
            ("updatedTime", Member::Text(self.updated_time.as_deref())),
        ])
    }
}
