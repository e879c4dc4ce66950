//! The operations' results as plain JS objects, shaped as the `.d.ts` declares them (declared beside the
//! Rust types in `workspaces`). Builds fresh objects only; it never reads JS input.

use wasm_bindgen::JsValue;

use crate::json::{self, Member};
use crate::workspaces::{Workspace, WorkspaceDetails};

/// A result as the plain JS object the `.d.ts` declares: every documented field, `null` when absent.
pub trait ToJs {
    fn to_js(&self) -> JsValue;
}

/// The object, written as JSON text and made by one `JSON.parse`: one crossing of the boundary instead
/// of a decoded key, a decoded value and a `Reflect.set` per member.
fn js_object(members: &[(&str, Member)]) -> JsValue {
    // The text is valid JSON by construction; the fallback keeps this total without a panic path.
    js_sys::JSON::parse(&json::object(members)).unwrap_or_else(|_| js_sys::Object::new().into())
}

impl ToJs for Workspace {
    fn to_js(&self) -> JsValue {
        js_object(&[
            ("workspaceName", Member::Text(&self.workspace_name)),
            ("createdUserName", Member::text(self.created_user_name.as_deref())),
            ("createdTime", Member::text(self.created_time.as_deref())),
            ("updatedUserName", Member::text(self.updated_user_name.as_deref())),
            ("updatedTime", Member::text(self.updated_time.as_deref())),
        ])
    }
}

impl ToJs for WorkspaceDetails {
    fn to_js(&self) -> JsValue {
        js_object(&[
            ("workspaceName", Member::Text(&self.workspace_name)),
            ("workspaceUrl", Member::text(self.workspace_url.as_deref())),
            ("bucketName", Member::text(self.bucket_name.as_deref())),
            // A count beyond 2^53 becomes the nearest double, as any JSON number does in JS.
            ("monthlyAnalysisCount", Member::count(self.monthly_analysis_count)),
            ("createdUserName", Member::text(self.created_user_name.as_deref())),
            ("createdTime", Member::text(self.created_time.as_deref())),
            ("updatedUserName", Member::text(self.updated_user_name.as_deref())),
            ("updatedTime", Member::text(self.updated_time.as_deref())),
        ])
    }
}
