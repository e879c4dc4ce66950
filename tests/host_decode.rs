//! Decoding of every fixture in `tests/fixtures/cases.json`: both envelopes, both results, bad bodies.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use ncloud_media_intelligence::envelope::decode;
use ncloud_media_intelligence::error::Error;
use ncloud_media_intelligence::workspaces::{Workspace, WorkspaceDetails};

/// The decoded workspace name, or the error.
fn outcome(op: &str, status: u16, body: &str) -> Result<String, Error> {
    match op {
        "create" => decode::<Workspace>("POST /api/v1/workspaces", status, body).map(|w| w.workspace_name),
        "get" => decode::<WorkspaceDetails>("GET /api/v1/workspaces/x", status, body).map(|w| w.workspace_name),
        other => panic!("unknown op {other}"),
    }
}

#[test]
fn every_fixture_decodes_to_its_documented_outcome() {
    let manifest = common::json("fixtures/cases.json");
    let cases = manifest["cases"].as_array().expect("cases");
    assert!(cases.len() >= 10);
    for case in cases {
        let file = case["file"].as_str().expect("file");
        let status = case["status"].as_u64().expect("status") as u16;
        let body = common::data(&format!("fixtures/{file}"));
        let expect = &case["expect"];
        match outcome(case["op"].as_str().expect("op"), status, &body) {
            Ok(name) => {
                assert_eq!(expect["ok"], true, "{file} decoded but should fail: {name}");
                let source: serde_json::Value = serde_json::from_str(&body).expect("ok fixtures are JSON");
                assert_eq!(source["result"]["workspaceName"], name.as_str(), "{file}");
            }
            Err(e) => {
                assert_eq!(e.kind.name(), expect["name"], "{file}: {e}");
                assert_eq!(e.code, expect["code"], "{file}: {e}");
                assert_eq!(e.status, Some(status), "{file}: the status is kept");
                if let Some(api_code) = expect["apiCode"].as_str() {
                    assert_eq!(e.api_code.as_deref(), Some(api_code), "{file}");
                }
                assert!(e.message.starts_with("GET /api") || e.message.starts_with("POST /api"), "{file}: says what was attempted: {e}");
            }
        }
    }
}

#[test]
fn results_keep_exactly_the_documented_fields() {
    let body = common::data("fixtures/get-workspace.ok.json");
    let details: WorkspaceDetails = decode("GET /x", 200, &body).expect("decodes");
    let expected = WorkspaceDetails {
        workspace_name: "my-workspace".into(),
        workspace_url: Some("https://mi.ncloud.com/workspaces/my-workspace".into()),
        bucket_name: Some("my-bucket".into()),
        monthly_analysis_count: Some(42),
        created_user_name: Some("user01".into()),
        created_time: Some("2026-03-18T10:30:00".into()),
        updated_user_name: Some("user02".into()),
        updated_time: Some("2026-03-19T08:00:00".into()),
    };
    assert_eq!(details, expected, "every documented field read; unknown ones such as internalShardId dropped");

    let minimal: WorkspaceDetails = decode("GET /x", 200, &common::data("fixtures/get-workspace.minimal.json")).expect("decodes");
    assert_eq!((minimal.bucket_name, minimal.monthly_analysis_count), (None, None), "absent and null fields become None");
}

#[test]
fn gateway_errors_keep_code_message_and_details() {
    let e = decode::<Workspace>("POST /api/v1/workspaces", 401, &common::data("fixtures/error.gateway-auth.json")).expect_err("401");
    assert_eq!(e.api_message.as_deref(), Some("Authentication Failed"));
    assert_eq!(e.api_details.as_deref(), Some("Invalid authentication information."));
    assert!(e.message.contains("HTTP 401") && e.message.contains("Authentication Failed"), "{e}");
}

#[test]
fn non_json_bodies_are_described_without_dumping_them() {
    let html = common::data("fixtures/error.proxy-html.txt");
    let e = decode::<Workspace>("GET /x", 502, &html).expect_err("html");
    assert!(e.message.contains("not JSON") && e.message.len() < 200, "{e}");
    let e = decode::<Workspace>("GET /x", 503, "").expect_err("empty");
    assert!(e.message.contains("empty body"), "{e}");
}
