//! The request pipeline over a scripted transport: what is signed is what is sent, headers, bodies,
//! endpoint prefixes, and how transport failures map to typed errors.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{block_on, Scripted};
use ncloud_media_intelligence::client::{Client, Config, Endpoint};
use ncloud_media_intelligence::error::ErrorKind;
use ncloud_media_intelligence::http::{Method, TransportError};
use ncloud_media_intelligence::sign::{Credentials, SigningKey};
use ncloud_media_intelligence::workspaces::CreateWorkspace;

const NOW: u64 = 1_763_900_000_123;

fn client(endpoint: &str, replies: Vec<Result<ncloud_media_intelligence::http::HttpResponse, TransportError>>) -> Client<Scripted> {
    let config = Config {
        endpoint: Endpoint::parse(endpoint).expect("endpoint"),
        credentials: Credentials::new("test-access-key", "test-secret-key"),
        timeout_ms: 1234,
    };
    Client::new(config, Scripted::new(NOW, replies))
}

fn header<'a>(headers: &'a [(&'static str, String)], name: &str) -> &'a str {
    headers.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_str()).unwrap_or_else(|| panic!("no header {name}"))
}

#[test]
fn create_sends_the_signed_post_with_the_documented_body() {
    let c = client("http://127.0.0.1:9/", vec![Scripted::reply(200, &common::data("fixtures/create-workspace.ok.json"))]);
    let input = CreateWorkspace { workspace_name: "my-workspace".into(), bucket_name: Some("my-bucket".into()) };
    let created = block_on(c.create_workspace(&input)).expect("created");
    assert_eq!(created.workspace_name, "my-workspace");
    let c_sent = c_sent(&c);
    let (request, timeout) = &c_sent[0];
    assert_eq!((request.method, request.url.as_str(), *timeout), (Method::Post, "http://127.0.0.1:9/api/v1/workspaces", 1234));
    let body: serde_json::Value = serde_json::from_str(request.body.as_deref().expect("body")).expect("json body");
    assert_eq!(body, serde_json::json!({ "workspaceName": "my-workspace", "bucketName": "my-bucket" }));
    assert_eq!(header(&request.headers, "content-type"), "application/json");
    assert_eq!(header(&request.headers, "x-ncp-apigw-timestamp"), NOW.to_string());
    assert_eq!(header(&request.headers, "x-ncp-iam-access-key"), "test-access-key");
    let expected = SigningKey::new("test-secret-key").sign("POST", "/api/v1/workspaces", &NOW.to_string(), "test-access-key");
    assert_eq!(header(&request.headers, "x-ncp-apigw-signature-v2"), expected);
}

fn c_sent(c: &Client<Scripted>) -> Vec<(ncloud_media_intelligence::http::HttpRequest, u32)> {
    c.transport().sent.borrow().clone()
}

#[test]
fn an_endpoint_path_prefix_is_part_of_what_is_signed() {
    let c = client("https://proxy.example/mi/", vec![Scripted::reply(200, &common::data("fixtures/get-workspace.ok.json"))]);
    block_on(c.get_workspace("my-workspace")).expect("details");
    let sent = c_sent(&c);
    let request = &sent[0].0;
    assert_eq!(request.url, "https://proxy.example/mi/api/v1/workspaces/my-workspace");
    assert_eq!(request.body, None);
    let expected = SigningKey::new("test-secret-key").sign("GET", "/mi/api/v1/workspaces/my-workspace", &NOW.to_string(), "test-access-key");
    assert_eq!(header(&request.headers, "x-ncp-apigw-signature-v2"), expected);
}

#[test]
fn invalid_input_fails_before_any_request() {
    let c = client("http://127.0.0.1:9", vec![]);
    let e = block_on(c.get_workspace("Not Valid")).expect_err("invalid");
    assert_eq!((e.kind, e.field), (ErrorKind::Validation, Some("workspaceName")));
    let input = CreateWorkspace { workspace_name: "ok-name".into(), bucket_name: Some(String::new()) };
    let e = block_on(c.create_workspace(&input)).expect_err("empty bucket");
    assert_eq!(e.field, Some("bucketName"));
    assert!(c_sent(&c).is_empty(), "nothing was sent");
}

#[test]
fn transport_failures_become_network_and_timeout_errors_naming_the_call() {
    let c = client("http://127.0.0.1:9", vec![
        Err(TransportError::Network("fetch failed (connect ECONNREFUSED 127.0.0.1:9)".into(), None)),
        Err(TransportError::Timeout),
    ]);
    let e = block_on(c.get_workspace("abc")).expect_err("network");
    assert_eq!((e.kind, e.code, e.status), (ErrorKind::Network, "NETWORK_ERROR", None));
    assert!(e.message.contains("GET /api/v1/workspaces/abc") && e.message.contains("ECONNREFUSED"), "{e}");
    let e = block_on(c.get_workspace("abc")).expect_err("timeout");
    assert_eq!((e.kind, e.code), (ErrorKind::Timeout, "TIMEOUT"));
    assert!(e.message.contains("1234 ms"), "{e}");
}

#[test]
fn api_errors_never_carry_the_secret_or_the_signature() {
    let c = client("http://127.0.0.1:9", vec![Scripted::reply(401, &common::data("fixtures/error.gateway-auth.json"))]);
    let e = block_on(c.get_workspace("abc")).expect_err("401");
    let sent = c_sent(&c);
    let signature = header(&sent[0].0.headers, "x-ncp-apigw-signature-v2");
    let printed = format!("{e} {e:?}");
    assert!(!printed.contains("test-secret-key") && !printed.contains(signature), "{printed}");
}
