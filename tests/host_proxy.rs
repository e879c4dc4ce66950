//! The signing proxy's policy: only the allowed operations in their exact shapes pass; path tricks,
//! forged headers and bad bodies get their documented refusal; what is forwarded is rebuilt from the
//! checked fields.
#![cfg(not(target_arch = "wasm32"))]

use ncloud_media_intelligence::http::Method;
use ncloud_media_intelligence::proxy::{call, check_headers, route, too_large, Operation, Policy};

fn policy(allow: &[Operation]) -> Policy {
    Policy { allow: allow.to_vec(), base_path: String::new(), max_body_bytes: 100 }
}

const BOTH: [Operation; 2] = [Operation::CreateWorkspace, Operation::GetWorkspace];

#[test]
fn the_two_operation_shapes_route_when_allowed() {
    assert_eq!(route(&policy(&BOTH), "POST", "/api/v1/workspaces", ""), Ok((Operation::CreateWorkspace, None)));
    assert_eq!(route(&policy(&BOTH), "GET", "/api/v1/workspaces/my-ws", ""), Ok((Operation::GetWorkspace, Some("my-ws".into()))));
    let mounted = Policy { base_path: "/mi".into(), ..policy(&BOTH) };
    assert!(route(&mounted, "GET", "/mi/api/v1/workspaces/my-ws", "").is_ok());
    assert_eq!(route(&mounted, "GET", "/api/v1/workspaces/my-ws", "").map_err(|r| r.status), Err(404), "outside the mount point");
}

#[test]
fn unlisted_operations_methods_and_shapes_are_404() {
    let only_get = policy(&[Operation::GetWorkspace]);
    for (p, method, path, query) in [
        (&only_get, "POST", "/api/v1/workspaces", ""),
        (&policy(&BOTH), "DELETE", "/api/v1/workspaces/my-ws", ""),
        (&policy(&BOTH), "PUT", "/api/v1/workspaces", ""),
        (&policy(&BOTH), "GET", "/api/v1/workspaces", ""),
        (&policy(&BOTH), "GET", "/api/v1/workspaces/my-ws/projects", ""),
        (&policy(&BOTH), "GET", "/api/v1/workspaces/my-ws/", ""),
        (&policy(&BOTH), "GET", "/api/v1/workspaces//my-ws", ""),
        (&policy(&BOTH), "GET", "/api/v1/workspaces/my-ws", "?x=1"),
        (&policy(&BOTH), "GET", "/api/v2/workspaces/my-ws", ""),
        (&policy(&BOTH), "GET", "/admin", ""),
    ] {
        let refusal = route(p, method, path, query).expect_err(path);
        assert_eq!(refusal.status, 404, "{method} {path}{query}");
        assert!(refusal.body.contains("\"errorCode\":\"300\""), "{}", refusal.body);
    }
}

#[test]
fn encoded_and_dotted_names_are_refused_as_invalid() {
    for name in ["..", "a%2Fb", "%2e%2e", "My-WS", "ab", "my.ws", "my%20ws"] {
        let refusal = route(&policy(&BOTH), "GET", &format!("/api/v1/workspaces/{name}"), "").expect_err(name);
        assert_eq!(refusal.status, 400, "{name}");
        assert!(refusal.body.contains("workspaceName must be"), "{}", refusal.body);
    }
}

#[test]
fn any_x_ncp_header_is_refused() {
    assert!(check_headers(["content-type", "authorization", "x-ncp"].into_iter()).is_ok());
    for forged in ["x-ncp-apigw-signature-v2", "X-NCP-IAM-ACCESS-KEY", "x-ncp-anything"] {
        let refusal = check_headers(["content-type", forged].into_iter()).expect_err(forged);
        assert_eq!(refusal.status, 400);
    }
}

#[test]
fn bodies_are_checked_and_rebuilt() {
    let forwarded = call(Operation::CreateWorkspace, None, r#"{"workspaceName":"my-ws","bucketName":"b"}"#).expect("valid");
    assert_eq!((forwarded.method, forwarded.path.as_str()), (Method::Post, "/api/v1/workspaces"));
    assert_eq!(forwarded.body.as_deref(), Some(r#"{"workspaceName":"my-ws","bucketName":"b"}"#));
    let spaced = call(Operation::CreateWorkspace, None, "  {\n\"workspaceName\" : \"my-ws\" }").expect("valid");
    assert_eq!(spaced.body.as_deref(), Some(r#"{"workspaceName":"my-ws"}"#), "re-serialized, not the bytes received");
    for bad in ["", "[]", "{", r#"{"workspaceName":"BAD"}"#, r#"{"workspaceName":"my-ws","admin":true}"#, r#"{"workspaceName":"my-ws","bucketName":""}"#, r#"{"workspaceName":7}"#] {
        assert_eq!(call(Operation::CreateWorkspace, None, bad).map_err(|r| r.status), Err(400), "{bad:?}");
    }
    assert_eq!(call(Operation::GetWorkspace, Some("my-ws"), "").map(|c| c.path), Ok("/api/v1/workspaces/my-ws".into()));
    assert_eq!(call(Operation::GetWorkspace, Some("my-ws"), "{}").map_err(|r| r.status), Err(400), "a GET carries no body");
    assert_eq!(too_large(&policy(&BOTH)).status, 413);
}
