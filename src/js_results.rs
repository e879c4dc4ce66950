//! The operations' results as plain JS objects, shaped as the `.d.ts` declares them (declared beside the
//! Rust types in `workspaces`). Builds fresh objects only; it never reads JS input.

use js_sys::Object;
use wasm_bindgen::JsValue;

use crate::workspaces::{Workspace, WorkspaceDetails};

/// A result as the plain JS object the `.d.ts` declares: every documented field, `null` when absent.
pub trait ToJs {
    fn to_js(&self) -> JsValue;
}

fn js_object(fields: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (key, value) in fields {
        // Defining a property on a fresh plain object cannot fail.
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object.into()
}

fn text(value: &Option<String>) -> JsValue {
    value.as_deref().map_or(JsValue::NULL, JsValue::from_str)
}

impl ToJs for Workspace {
    fn to_js(&self) -> JsValue {
        js_object(&[
            ("workspaceName", JsValue::from_str(&self.workspace_name)),
            ("createdUserName", text(&self.created_user_name)),
            ("createdTime", text(&self.created_time)),
            ("updatedUserName", text(&self.updated_user_name)),
            ("updatedTime", text(&self.updated_time)),
        ])
    }
}

impl ToJs for WorkspaceDetails {
    fn to_js(&self) -> JsValue {
        js_object(&[
            ("workspaceName", JsValue::from_str(&self.workspace_name)),
            ("workspaceUrl", text(&self.workspace_url)),
            ("bucketName", text(&self.bucket_name)),
            // Counts are far below 2^53, where f64 stays exact.
            ("monthlyAnalysisCount", self.monthly_analysis_count.map_or(JsValue::NULL, |n| JsValue::from_f64(n as f64))),
            ("createdUserName", text(&self.created_user_name)),
            ("createdTime", text(&self.created_time)),
            ("updatedUserName", text(&self.updated_user_name)),
            ("updatedTime", text(&self.updated_time)),
        ])
    }
}
