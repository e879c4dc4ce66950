//! Decoding of every fixture in `tests/fixtures/cases.json`: both envelopes, both results, bad bodies.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use ncloud_media_intelligence::envelope::decode;
use ncloud_media_intelligence::error::Error;
use ncloud_media_intelligence::workspaces::{Workspace, WorkspaceDetails};

fn outcome(op: &str, status: u16, body: &str) -> Result<serde_json::Value, Error> {
    let to_json = |v: Result<serde_json::Value, serde_json::Error>| v.expect("results serialize");
    match op {
        "create" => decode::<Workspace>("POST /api/v1/workspaces", status, body).map(|w| to_json(serde_json::to_value(w))),
        "get" => decode::<WorkspaceDetails>("GET /api/v1/workspaces/x", status, body).map(|w| to_json(serde_json::to_value(w))),
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
            Ok(value) => {
                assert_eq!(expect["ok"], true, "{file} decoded but should fail: {value}");
                let source: serde_json::Value = serde_json::from_str(&body).expect("ok fixtures are JSON");
                assert_eq!(value["workspaceName"], source["result"]["workspaceName"], "{file}");
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
    let value = serde_json::to_value(&details).expect("serializes");
    let mut keys: Vec<&str> = value.as_object().expect("object").keys().map(String::as_str).collect();
    keys.sort_unstable();
    let mut documented = vec!["workspaceName", "workspaceUrl", "bucketName", "monthlyAnalysisCount", "createdUserName", "createdTime", "updatedUserName", "updatedTime"];
    documented.sort_unstable();
    assert_eq!(keys, documented, "unknown fields such as internalShardId are dropped");
    assert_eq!(details.monthly_analysis_count, Some(42));
    assert_eq!(details.bucket_name.as_deref(), Some("my-bucket"));

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
