//! The request pipeline over a scripted transport: what is signed is what is sent, headers, bodies,
//! endpoint prefixes, and how transport failures map to typed errors.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{block_on, Scripted};
use ncloud_media_intelligence::client::{Client, Config, Endpoint};
use ncloud_media_intelligence::error::ErrorKind;
use ncloud_media_intelligence::http::{HttpResponse, Method, TransportError};
use ncloud_media_intelligence::pipeline::CallLimits;
use ncloud_media_intelligence::retry::RetryPolicy;
use ncloud_media_intelligence::sign::{Credentials, SigningKey};
use ncloud_media_intelligence::workspaces::CreateWorkspace;

const NOW: u64 = 1_763_900_000_123;
const NO_RETRY: CallLimits = CallLimits { timeout_ms: 1234, retries: RetryPolicy { max_attempts: 1, base_delay_ms: 0, max_delay_ms: 0 } };

fn client(endpoint: &str) -> Client {
    Client::new(Config::new(Endpoint::parse(endpoint).expect("endpoint"), Credentials::new("test-access-key", "test-secret-key")))
}

fn script(replies: Vec<Result<HttpResponse, TransportError>>) -> Scripted {
    Scripted::new(NOW, replies)
}

#[test]
fn create_sends_the_signed_post_with_the_documented_body() {
    let t = script(vec![Scripted::reply(200, &common::data("fixtures/create-workspace.ok.json"))]);
    let input = CreateWorkspace { workspace_name: "my-workspace".into(), bucket_name: Some("my-bucket".into()) };
    let created = block_on(client("http://127.0.0.1:9/").create_workspace(&t, &input, NO_RETRY)).expect("created");
    assert_eq!(created.workspace_name, "my-workspace");
    let sent = t.sent.borrow();
    let (request, timeout) = &sent[0];
    assert_eq!((request.method, request.url.as_str(), *timeout), (Method::Post, "http://127.0.0.1:9/api/v1/workspaces", 1234));
    let body: serde_json::Value = serde_json::from_str(request.body.as_deref().expect("body")).expect("json body");
    assert_eq!(body, serde_json::json!({ "workspaceName": "my-workspace", "bucketName": "my-bucket" }));
    drop(sent);
    assert_eq!(t.header(0, "content-type"), "application/json");
    assert_eq!(t.header(0, "x-ncp-apigw-timestamp"), NOW.to_string());
    assert_eq!(t.header(0, "x-ncp-iam-access-key"), "test-access-key");
    let expected = SigningKey::new("test-secret-key").sign("POST", "/api/v1/workspaces", &NOW.to_string(), "test-access-key");
    assert_eq!(t.header(0, "x-ncp-apigw-signature-v2"), expected);
}

#[test]
fn an_endpoint_path_prefix_is_part_of_what_is_signed() {
    let t = script(vec![Scripted::reply(200, &common::data("fixtures/get-workspace.ok.json"))]);
    block_on(client("https://proxy.example/mi/").get_workspace(&t, "my-workspace", NO_RETRY)).expect("details");
    assert_eq!(t.sent.borrow()[0].0.url, "https://proxy.example/mi/api/v1/workspaces/my-workspace");
    assert_eq!(t.sent.borrow()[0].0.body, None);
    let expected = SigningKey::new("test-secret-key").sign("GET", "/mi/api/v1/workspaces/my-workspace", &NOW.to_string(), "test-access-key");
    assert_eq!(t.header(0, "x-ncp-apigw-signature-v2"), expected);
}

#[test]
fn invalid_input_fails_before_any_request() {
    let t = script(vec![]);
    let c = client("http://127.0.0.1:9");
    let e = block_on(c.get_workspace(&t, "Not Valid", NO_RETRY)).expect_err("invalid");
    assert_eq!((e.kind, e.field, e.attempts), (ErrorKind::Validation, Some("workspaceName"), 0));
    let input = CreateWorkspace { workspace_name: "ok-name".into(), bucket_name: Some(String::new()) };
    let e = block_on(c.create_workspace(&t, &input, NO_RETRY)).expect_err("empty bucket");
    assert_eq!(e.field, Some("bucketName"));
    assert!(t.sent.borrow().is_empty(), "nothing was sent");
}

#[test]
fn transport_failures_become_network_timeout_and_abort_errors_naming_the_call() {
    let t = script(vec![
        Err(TransportError::Network("fetch failed (connect ECONNREFUSED 127.0.0.1:9)".into(), None)),
        Err(TransportError::Timeout),
        Err(TransportError::Aborted(None)),
    ]);
    let c = client("http://127.0.0.1:9");
    let e = block_on(c.get_workspace(&t, "abc", NO_RETRY)).expect_err("network");
    assert_eq!((e.kind, e.code, e.status, e.attempts), (ErrorKind::Network, "NETWORK_ERROR", None, 1));
    assert!(e.message.contains("GET /api/v1/workspaces/abc") && e.message.contains("ECONNREFUSED"), "{e}");
    let e = block_on(c.get_workspace(&t, "abc", NO_RETRY)).expect_err("timeout");
    assert_eq!((e.kind, e.code), (ErrorKind::Timeout, "TIMEOUT"));
    assert!(e.message.contains("1234 ms"), "{e}");
    let e = block_on(c.get_workspace(&t, "abc", NO_RETRY)).expect_err("abort");
    assert_eq!((e.kind, e.code, e.kind.name()), (ErrorKind::Abort, "ABORTED", "AbortError"));
}

#[test]
fn api_errors_never_carry_the_secret_or_the_signature() {
    let t = script(vec![Scripted::reply(401, &common::data("fixtures/error.gateway-auth.json"))]);
    let e = block_on(client("http://127.0.0.1:9").get_workspace(&t, "abc", NO_RETRY)).expect_err("401");
    let signature = t.header(0, "x-ncp-apigw-signature-v2");
    let printed = format!("{e} {e:?} {:?}", t.logged.borrow());
    assert!(!printed.contains("test-secret-key") && !printed.contains(&signature), "{printed}");
}
