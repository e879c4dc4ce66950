//! Decoding of every response fixture (`tests/fixtures/cases.json`, shared with the wasm tests, and
//! `tests/fixtures/operations.json`, host only) through `core::envelope::decode` and `api::check` for the
//! operation it names: both envelopes, number codes, results whose documented fields have the wrong type
//! (the error names the field path), unknown fields passing through, bodies that are not JSON (empty,
//! HTML, truncated), and 204 without a body. Also how shape problems become validation messages.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{block_on, body, client, doc, limits, op, value, Doc, Json, Scripted};
use ncloud_media_intelligence::api::{self, input_error};
use ncloud_media_intelligence::core::envelope::{decode, SNIPPET_CHARS};
use ncloud_media_intelligence::core::error::{Error, ErrorKind};
use ncloud_media_intelligence::core::format::FieldError;
use ncloud_media_intelligence::core::http::Body;
use ncloud_media_intelligence::core::operation::{At, Operation};
use ncloud_media_intelligence::core::pipeline;
use ncloud_media_intelligence::core::request::build;
use ncloud_media_intelligence::core::shape::VOID;
use ncloud_media_intelligence::core::validate::ParamValue;
use serde_json::{json, Value};

fn attempted(o: &Operation) -> String {
    format!("{} {}", o.method.as_str(), o.path)
}

/// What the pipeline makes of one answer: decoded, then the result checked against the operation's shape.
fn outcome(o: &Operation, status: u16, body: &Body<Doc>) -> Result<Option<Doc>, Error> {
    let decoded = decode::<Json>(&attempted(o), status, body)?;
    api::check::<Json>(o, decoded.result.as_ref()).map_err(|e| Error::decode(&attempted(o), status, &e.describe("result")))?;
    Ok(decoded.result)
}

/// The cases of both manifests, with the operation each names.
fn cases() -> Vec<(Value, &'static Operation)> {
    let mut all = Vec::new();
    for manifest in ["fixtures/cases.json", "fixtures/operations.json"] {
        for case in common::json(manifest)["cases"].as_array().expect("cases") {
            let name = case["operation"].as_str().unwrap_or_else(|| panic!("{manifest}: {case} names no operation"));
            if let Some(short) = case["op"].as_str() {
                let wasm_reads = if short == "create" { "createWorkspace" } else { "getWorkspace" };
                assert_eq!(name, wasm_reads, "{manifest}: `op` and `operation` agree for {case}");
            }
            all.push((case.clone(), op(name)));
        }
    }
    all
}

#[test]
fn every_fixture_gives_its_documented_outcome_for_the_operation_it_names() {
    let all = cases();
    assert!(all.len() >= 30, "{} cases", all.len());
    // The operations with fixtures of their own (the others' results are checked against samples
    // generated from their shapes in host_table.rs until they get fixtures here).
    for operation in ["listWorkspaces", "createWorkspace", "getWorkspace", "deleteWorkspace"].map(op) {
        assert!(all.iter().any(|(c, o)| std::ptr::eq(*o, operation) && c["expect"]["ok"] == true), "{} has a fixture it decodes", operation.name);
        assert!(all.iter().any(|(c, o)| std::ptr::eq(*o, operation) && c["expect"]["ok"] != true), "{} has a fixture it refuses", operation.name);
    }
    for (case, o) in all {
        let file = case["file"].as_str().expect("file");
        let status = case["status"].as_u64().expect("status") as u16;
        let text = common::data(&format!("fixtures/{file}"));
        let expect = &case["expect"];
        match outcome(o, status, &body(&text)) {
            Ok(result) => {
                assert_eq!(expect["ok"], true, "{file} decoded for {} but should fail", o.name);
                let source: Value = serde_json::from_str(&text).expect("ok fixtures are JSON");
                assert_eq!(result.map(|r| value(&r)), Some(source["result"].clone()), "{file}: the result as the API sent it");
            }
            Err(e) => {
                assert_eq!(e.kind.name(), expect["name"], "{file}: {e}");
                assert_eq!(e.code, expect["code"], "{file}: {e}");
                assert_eq!(e.status, Some(status), "{file}: the status is kept");
                if let Some(api_code) = expect["apiCode"].as_str() {
                    assert_eq!(e.api_code.as_deref(), Some(api_code), "{file}");
                }
                if let Some(says) = expect["says"].as_str() {
                    assert!(e.message.contains(says), "{file}: {:?} should contain {says:?}", e.message);
                }
                assert!(e.message.starts_with(&format!("{}: HTTP {status}", attempted(o))), "{file}: says what was attempted: {e}");
                assert!(e.message.chars().count() < 300, "{file}: the message stays short");
            }
        }
    }
}

#[test]
fn the_pipeline_gives_every_fixture_the_same_outcome() {
    for (case, o) in cases() {
        let file = case["file"].as_str().expect("file");
        let status = case["status"].as_u64().expect("status") as u16;
        let text = common::data(&format!("fixtures/{file}"));
        let call = build(o, &mut |p| Ok((p.at == At::Path).then(|| ParamValue::Text("my-workspace".into()))), None).expect("call");
        let t = Scripted::new(1_000, vec![Scripted::reply(status, &text)]);
        let check = |result: Option<&Doc>| api::check::<Json>(o, result);
        let piped = block_on(pipeline::run::<Scripted, Json>(&client("https://h.example"), &t, &call, limits(1, 0, 0), &check)).result;
        let direct = outcome(o, status, &body(&text));
        match (piped, direct) {
            (Ok(a), Ok(b)) => assert_eq!(a.map(|d| value(&d)), b.map(|d| value(&d)), "{file}"),
            (Err(a), Err(b)) => {
                assert_eq!((a.kind, a.code, a.status, a.api_code), (b.kind, b.code, b.status, b.api_code), "{file}");
                assert_eq!(a.message.split_once(": HTTP").map(|x| x.1), b.message.split_once(": HTTP").map(|x| x.1), "{file}");
            }
            (a, b) => panic!("{file}: pipeline {:?} vs decode {:?}", a.map(|_| ()), b.map(|_| ())),
        }
    }
}

#[test]
fn both_failure_envelopes_keep_code_message_and_details() {
    let get = op("getWorkspace");
    let e = outcome(get, 401, &body(&common::data("fixtures/error.gateway-auth.json"))).expect_err("401");
    assert_eq!((e.kind, e.api_code.as_deref(), e.api_message.as_deref()), (ErrorKind::Api, Some("200"), Some("Authentication Failed")));
    assert_eq!(e.api_details.as_deref(), Some("Invalid authentication information."));
    assert_eq!(e.message, "GET /api/v1/workspaces/{workspaceName}: HTTP 401 (200 Authentication Failed): Invalid authentication information.");
    let e = outcome(get, 404, &body(&common::data("fixtures/error.service-not-found.json"))).expect_err("404");
    assert_eq!((e.api_code.as_deref(), e.api_message.as_deref(), e.api_details), (Some("404"), Some("Workspace 'ghost' not found"), None));
    let e = outcome(get, 200, &body(r#"{"error":{"errorCode":"500","message":"Endpoint Error"}}"#)).expect_err("a gateway error in a 200");
    assert_eq!((e.code, e.api_code.as_deref()), ("API_ERROR", Some("500")));
}

#[test]
fn codes_are_read_as_text_whether_sent_as_strings_or_numbers() {
    let delete = op("deleteWorkspace");
    let result = r#""result":{"workspaceName":"w-1"}"#;
    for code in [r#""0""#, "0", "0.0", "-0"] {
        let decoded = outcome(delete, 200, &body(&format!(r#"{{"code":{code},{result}}}"#)));
        assert!(decoded.is_ok(), "code {code} is success: {:?}", decoded.err());
    }
    for (code, api_code) in [("404", "404"), ("404.0", "404"), (r#""5001""#, "5001"), (r#""""#, ""), ("-1", "-1")] {
        let e = outcome(delete, 200, &body(&format!(r#"{{"code":{code},"message":"m"}}"#))).expect_err(code);
        assert_eq!((e.kind, e.api_code.as_deref()), (ErrorKind::Api, Some(api_code)), "code {code}");
    }
    for code in ["1e20", "0.5", "true", "null", "[]", "{}"] {
        let e = outcome(delete, 200, &body(&format!(r#"{{"code":{code},{result}}}"#))).expect_err(code);
        assert_eq!((e.kind, e.code), (ErrorKind::Decode, "DECODE_ERROR"), "code {code}: not an NCP code");
        assert!(e.message.contains("without an NCP envelope"), "{e}");
    }
    let e = outcome(delete, 403, &body(r#"{"error":{"errorCode":230,"message":"Forbidden","details":7}}"#)).expect_err("number code");
    assert_eq!((e.code, e.api_code.as_deref(), e.api_details.as_deref()), ("FORBIDDEN", Some("230"), Some("7")));
    let e = outcome(delete, 200, &body(r#"{"error":"boom","code":"0","result":{"workspaceName":"w-1"}}"#));
    assert!(e.is_ok(), "an `error` member that is not the gateway's object is not a gateway error");
    let e = outcome(delete, 200, &body(r#"{"error":{"message":"no code"},"code":"0","result":{"workspaceName":"w-1"}}"#));
    assert!(e.is_ok(), "a gateway object without errorCode is not a failure either");
}

#[test]
fn a_success_code_with_a_failure_status_is_an_api_error_of_that_status() {
    let e = outcome(op("getWorkspace"), 404, &body(r#"{"code":"0","result":{"workspaceName":"w-1"}}"#)).expect_err("404");
    assert_eq!((e.code, e.status), ("NOT_FOUND", Some(404)));
    assert!(outcome(op("getWorkspace"), 201, &body(r#"{"code":"0","result":{"workspaceName":"w-1"}}"#)).is_ok(), "any 2xx");
}

#[test]
fn documented_fields_are_type_checked_and_unknown_ones_pass_through() {
    let get = op("getWorkspace");
    let passed = outcome(get, 200, &body(r#"{"code":"0","result":{"workspaceName":"w-1","monthlyAnalysisCount":3,"future":{"deep":[1,{"x":null}]},"bucketName":null}}"#))
        .expect("ok")
        .expect("result");
    assert_eq!(value(&passed), json!({ "workspaceName": "w-1", "monthlyAnalysisCount": 3, "future": { "deep": [1, { "x": null }] }, "bucketName": null }));
    for (result, says) in [
        (json!({ "workspaceName": "w", "monthlyAnalysisCount": -1.5 }), "result.monthlyAnalysisCount: must be a whole number, not a number"),
        (json!({ "workspaceName": "w", "bucketName": 5 }), "result.bucketName: must be a string, not a number"),
        (json!({ "workspaceName": "w", "createdTime": ["2026"] }), "result.createdTime: must be a string, not an array"),
        (json!({ "workspaceName": true }), "result.workspaceName: must be a string, not a boolean"),
        (json!({}), "result.workspaceName: is missing"),
        (json!("w-1"), "result: must be an object, not a string"),
    ] {
        let text = json!({ "code": "0", "result": result }).to_string();
        let e = outcome(get, 200, &body(&text)).expect_err(says);
        assert_eq!((e.kind, e.code), (ErrorKind::Decode, "DECODE_ERROR"));
        assert!(e.message.ends_with(says), "{:?} should end with {says:?}", e.message);
    }
}

#[test]
fn bodies_that_are_not_json_are_described_briefly() {
    let get = op("getWorkspace");
    let e = outcome(get, 503, &Body::NotJson(String::new())).expect_err("empty");
    assert!(e.message.ends_with("HTTP 503 with an unexpected body: empty body, expected JSON"), "{e}");
    let e = outcome(get, 503, &Body::NotJson("   \n ".into())).expect_err("blank");
    assert!(e.message.ends_with("empty body, expected JSON"), "{e}");
    let long = format!("<html>{}</html>", "x".repeat(500));
    let e = outcome(get, 502, &body(&long)).expect_err("html");
    let quoted: String = long.chars().take(SNIPPET_CHARS).collect();
    assert!(e.message.ends_with(&format!("not JSON: `{quoted}...`")), "{e}");
    let e = outcome(get, 200, &Body::NotJson("a\u{0}b\nc\u{1b}".into())).expect_err("controls");
    assert!(e.message.ends_with("not JSON: `a b c `"), "control characters are blanked: {e}");
    let exactly = "y".repeat(SNIPPET_CHARS);
    let e = outcome(get, 200, &Body::NotJson(exactly.clone())).expect_err("exactly the snippet");
    assert!(e.message.ends_with(&format!("`{exactly}`")), "no ellipsis when nothing was cut: {e}");
    for json_but_not_an_object in ["\"text\"", "5", "null", "true", "[]", "[1,2]"] {
        let e = outcome(get, 200, &body(json_but_not_an_object)).expect_err(json_but_not_an_object);
        assert!(e.message.ends_with("JSON that is not an object"), "{json_but_not_an_object}: {e}");
    }
}

/// A test operation that documents no result.
static VOID_OP: Operation = Operation { name: "deleteThing", result: &VOID, ..*op_template() };

const fn op_template() -> &'static Operation {
    &ncloud_media_intelligence::api::workspaces::DELETE_WORKSPACE
}

#[test]
fn a_204_without_a_body_is_a_success_without_a_result() {
    let decoded = decode::<Json>("DELETE /x", 204, &Body::NotJson(String::new())).expect("204");
    assert!(decoded.envelope.is_none() && decoded.result.is_none());
    assert!(outcome(&VOID_OP, 204, &Body::NotJson(String::new())).expect("void").is_none());
    let e = outcome(op("deleteWorkspace"), 204, &Body::NotJson(String::new())).expect_err("a documented result is required");
    assert!(e.message.ends_with("result: is missing"), "{e}");
    assert!(outcome(&VOID_OP, 204, &Body::NotJson("x".into())).is_err(), "204 with a body that is not JSON");
    assert!(outcome(&VOID_OP, 200, &Body::NotJson(String::new())).is_err(), "an empty 200 is not a success");
    let decoded = decode::<Json>("DELETE /x", 204, &Body::Json(doc(json!({ "code": "0" })))).expect("an envelope on a 204 is read");
    assert!(decoded.result.is_none() && decoded.envelope.is_some());
}

#[test]
fn field_errors_are_described_under_their_root() {
    let at = |path: &str| FieldError { path: path.to_owned(), problem: "is missing".to_owned() };
    assert_eq!(at("").describe(""), "is missing");
    assert_eq!(at("a[1].b").describe(""), "a[1].b: is missing");
    assert_eq!(at("").describe("result"), "result: is missing");
    assert_eq!(at("a[1].b").describe("result"), "result.a[1].b: is missing");
}

#[test]
fn shape_and_serde_problems_become_validation_errors_naming_the_field() {
    let cases = [
        (FieldError { path: "workspaceName".into(), problem: "is missing".into() }, "workspaceName", "workspaceName is required"),
        (FieldError { path: "thumbnails[2].key".into(), problem: "must be a string, not a number".into() }, "thumbnails[2].key", "thumbnails[2].key must be a string, not a number"),
        (FieldError { path: String::new(), problem: "must be an object, not null".into() }, "options", "options must be an object, not null"),
        (FieldError { path: String::new(), problem: "missing field `workspaceName`".into() }, "workspaceName", "workspaceName is required"),
        (FieldError { path: "bucket".into(), problem: "missing field `name`".into() }, "bucket.name", "bucket.name is required"),
        (FieldError { path: String::new(), problem: "invalid type: integer `5`, expected a string".into() }, "options", "options must be a string, not integer"),
        (FieldError { path: "x".into(), problem: "invalid type: string \"secret-typed-here\", expected u32".into() }, "x", "x must be u32, not string"),
    ];
    for (problem, field, message) in cases {
        let e = input_error(problem);
        assert_eq!((e.kind, e.field.as_deref(), e.message.as_str()), (ErrorKind::Validation, Some(field), message));
    }
    let e = input_error(FieldError { path: String::new(), problem: format!("Error: {}", "z".repeat(500)) });
    assert_eq!(e.field.as_deref(), Some("options"));
    assert!(e.message.starts_with("options is invalid: zzz") && e.message.chars().count() < 160, "cut short: {}", e.message);
}
