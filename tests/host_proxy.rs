//! The signing proxy's policy (`core::proxy`), routed by the operation table: allowed operations pass
//! in their exact shapes only (under a base path too), everything else is a 404 before NCP is
//! contacted; encoded or dotted segments, unknown or repeated query parameters and `x-ncp-*` headers are
//! refused; routed values go through the same rules and request building as the client's; refusals are
//! envelopes the client decodes into its usual typed errors.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{body, op, Json};
use ncloud_media_intelligence::api::OPERATIONS;
use ncloud_media_intelligence::core::envelope::decode;
use ncloud_media_intelligence::core::error::{Error, ErrorKind};
use ncloud_media_intelligence::core::http::Method;
use ncloud_media_intelligence::core::operation::{At, Operation, Param, Rule};
use ncloud_media_intelligence::core::proxy::{check_headers, route, too_large, Policy, Refusal, Routed};
use ncloud_media_intelligence::core::request::{build, Call};
use ncloud_media_intelligence::core::shape::VOID;
use ncloud_media_intelligence::core::validate::ParamValue;
use serde_json::{json, Value};

fn policy(allow: &[&str], base_path: &str) -> Policy {
    Policy { allow: allow.iter().map(|name| op(name)).collect(), base_path: base_path.to_owned(), max_body_bytes: 16_384 }
}

fn all() -> Policy {
    Policy { allow: OPERATIONS.to_vec(), base_path: String::new(), max_body_bytes: 16_384 }
}

/// Routes and builds the call the proxy would sign, as `js::proxy` does: a rule broken by a routed
/// value is a 400 in the service envelope.
fn forward(p: &Policy, method: &str, path: &str, query: &str) -> Result<Call, Refusal> {
    let routed = route(p, method, path, query)?;
    build(routed.op, &mut |param| Ok(routed.value(param)), None).map_err(|e| Refusal::invalid(&e))
}

fn routed_name(result: Result<Routed, Refusal>) -> Result<&'static str, u16> {
    result.map(|r| r.op.name).map_err(|r| r.status)
}

fn text(s: &str) -> Option<ParamValue> {
    Some(ParamValue::Text(s.to_owned()))
}

#[test]
fn allowed_operations_route_in_their_exact_shapes() {
    let p = all();
    assert_eq!(routed_name(route(&p, "GET", "/api/v1/workspaces", "")), Ok("listWorkspaces"));
    assert_eq!(routed_name(route(&p, "POST", "/api/v1/workspaces", "")), Ok("createWorkspace"));
    assert_eq!(routed_name(route(&p, "GET", "/api/v1/workspaces/my-ws", "")), Ok("getWorkspace"));
    assert_eq!(routed_name(route(&p, "DELETE", "/api/v1/workspaces/my-ws", "")), Ok("deleteWorkspace"));
    let routed = route(&p, "GET", "/api/v1/workspaces/my-ws_2", "").expect("routes");
    assert_eq!(routed.value(&op("getWorkspace").params[0]), text("my-ws_2"), "the raw segment, for the rule to judge");
    assert_eq!(routed.values.len(), 1);
}

#[test]
fn a_base_path_is_stripped_and_required() {
    let p = policy(&["getWorkspace", "listWorkspaces"], "/mi");
    assert_eq!(routed_name(route(&p, "GET", "/mi/api/v1/workspaces/my-ws", "")), Ok("getWorkspace"));
    assert_eq!(routed_name(route(&p, "GET", "/mi/api/v1/workspaces", "?pageNum=2")), Ok("listWorkspaces"));
    for outside in ["/api/v1/workspaces/my-ws", "/mix/api/v1/workspaces/my-ws", "/mi", "/mi/", "/MI/api/v1/workspaces/my-ws", "/other/mi/api/v1/workspaces/my-ws"] {
        assert_eq!(routed_name(route(&p, "GET", outside, "")), Err(404), "{outside}");
    }
}

#[test]
fn unlisted_operations_methods_and_shapes_are_404() {
    let only_get = policy(&["getWorkspace"], "");
    for (method, path, query) in [
        ("POST", "/api/v1/workspaces", ""),
        ("DELETE", "/api/v1/workspaces/my-ws", ""),
        ("GET", "/api/v1/workspaces", ""),
        ("PUT", "/api/v1/workspaces/my-ws", ""),
        ("PATCH", "/api/v1/workspaces/my-ws", ""),
        ("HEAD", "/api/v1/workspaces/my-ws", ""),
        ("get", "/api/v1/workspaces/my-ws", ""),
        ("GET", "/api/v1/workspaces/my-ws/projects", ""),
        ("GET", "/api/v1/workspaces/my-ws/", ""),
        ("GET", "/api/v1/workspaces//my-ws", ""),
        ("GET", "/api/v1/workspaces/", ""),
        ("GET", "api/v1/workspaces/my-ws", ""),
        ("GET", "/API/v1/workspaces/my-ws", ""),
        ("GET", "/api/v2/workspaces/my-ws", ""),
        ("GET", "/admin", ""),
        ("GET", "/", ""),
        ("GET", "", ""),
    ] {
        let refusal = route(&only_get, method, path, query).expect_err(path);
        assert_eq!(refusal.status, 404, "{method} {path}{query}");
        let error = refusal.error.as_ref().expect("gateway envelope");
        assert_eq!((error.error_code.as_str(), error.message.as_str()), ("300", "Not Found Exception"));
    }
    let shown = |method: &str| route(&only_get, method, "/x", "").expect_err("404").error.expect("gateway").details;
    assert_eq!(shown("PUT"), "PUT is not an operation this proxy forwards");
    assert_eq!(shown("GET\r\nX-Evil: 1"), "this method is not an operation this proxy forwards", "an odd method is never echoed");
    assert_eq!(shown(&"A".repeat(17)), "this method is not an operation this proxy forwards");
}

#[test]
fn encoded_or_dotted_path_segments_are_refused_by_the_rule_with_a_400_naming_the_parameter() {
    // One raw (still percent-encoded) segment per parameter; the parameter's rule judges it, so nothing
    // a valid name needs encoding for, and no dot segment, is ever signed and forwarded.
    for segment in ["..", ".", "a%2Fb", "%2e%2e", "%2E", "my.ws", "my%20ws", "my-ws%00", "%C3%A9", "my-ws;x", "~ws", "%6D%79-ws"] {
        let path = format!("/api/v1/workspaces/{segment}");
        for method in ["GET", "DELETE"] {
            let refusal = forward(&all(), method, &path, "").expect_err(segment);
            assert_eq!((refusal.status, refusal.code.as_deref()), (400, Some("400")), "{method} {segment}");
            assert!(refusal.message.as_deref().is_some_and(|m| m.starts_with("workspaceName must be 3 to 63")), "{refusal:?}");
            assert!(!refusal.message.as_deref().unwrap_or_default().contains(segment), "the refusal does not echo the segment");
        }
    }
}

#[test]
fn plain_segments_that_break_the_rule_are_refused_by_it_with_a_400_naming_the_parameter() {
    for name in ["My-WS", "ab", "a_b", &"a".repeat(64)] {
        let refusal = forward(&all(), "GET", &format!("/api/v1/workspaces/{name}"), "").expect_err(name);
        assert_eq!((refusal.status, refusal.code.as_deref(), refusal.error.as_ref()), (400, Some("400"), None), "{name}");
        assert!(refusal.message.as_deref().is_some_and(|m| m.starts_with("workspaceName must be 3 to 63")), "{refusal:?}");
    }
    let call = forward(&all(), "DELETE", "/api/v1/workspaces/my-ws", "").expect("valid");
    assert_eq!((call.op.name, call.path.as_str(), call.body), ("deleteWorkspace", "/api/v1/workspaces/my-ws", None));
}

#[test]
fn only_the_operations_own_query_parameters_pass_each_at_most_once() {
    let p = all();
    for (query, built) in [
        ("", "/api/v1/workspaces?pageNum=1"),
        ("?", "/api/v1/workspaces?pageNum=1"),
        ("?pageNum=2", "/api/v1/workspaces?pageNum=2"),
        ("pageNum=2", "/api/v1/workspaces?pageNum=2"),
        ("?pageSize=10&pageNum=2", "/api/v1/workspaces?pageNum=2&pageSize=10"),
        ("?&pageSize=10&&", "/api/v1/workspaces?pageNum=1&pageSize=10"),
        ("?pageSize=%31%30", "/api/v1/workspaces?pageNum=1&pageSize=10"),
    ] {
        let call = forward(&p, "GET", "/api/v1/workspaces", query).unwrap_or_else(|r| panic!("{query}: {r:?}"));
        assert_eq!(call.path, built, "{query:?}: rebuilt in the table's order, defaults added, encoded once");
    }
    for query in ["?x=1", "?pagenum=1", "?PageNum=1", "?pageNum=1&pageNum=2", "?pageSize=1&pageSize=1", "?pageSize=%FF", "?workspaceName=my-ws", "?pageNum=1&x"] {
        assert_eq!(forward(&p, "GET", "/api/v1/workspaces", query).map_err(|r| r.status).map(|c| c.path), Err(404), "{query}");
    }
    for query in ["?pageNum=1", "?x=1", "?workspaceName=other"] {
        assert_eq!(routed_name(route(&p, "GET", "/api/v1/workspaces/my-ws", query)), Err(404), "getWorkspace takes no query: {query}");
    }
    for query in ["?pageNum", "?pageNum=", "?pageSize=1%2B1", "?pageSize=1001", "?pageNum=-1"] {
        let refusal = forward(&p, "GET", "/api/v1/workspaces", query).expect_err(query);
        assert_eq!(refusal.status, 400, "{query}: routed, then refused by the rule");
    }
}

/// A test operation with an id list in its query.
static BY_IDS: Operation = Operation {
    name: "getThings",
    method: Method::Get,
    path: "/api/v1/things",
    params: &[Param { name: "thingIds", wire: "ids", at: At::Query, rule: Rule::IdList(3), default: None, required: true }],
    body: None,
    result: &VOID,
    lift: &[],
    retry_safe: true,
    paged: None,
    poll: None,
    recover: None,
    slug: "test-things",
    summary: "A test operation.",
};

#[test]
fn id_lists_arrive_comma_separated_and_are_checked_item_by_item() {
    let p = Policy { allow: vec![&BY_IDS], base_path: String::new(), max_body_bytes: 10 };
    let routed = route(&p, "GET", "/api/v1/things", "?ids=1,2,3").expect("routes");
    assert_eq!(routed.value(&BY_IDS.params[0]), Some(ParamValue::List(["1", "2", "3"].map(|t| ParamValue::Text(t.into())).to_vec())));
    assert_eq!(forward(&p, "GET", "/api/v1/things", "?ids=1%2C2").expect("valid").path, "/api/v1/things?ids=1%2C2");
    for bad in ["?ids=1,2,3,4", "?ids=1,,2", "?ids=0", "?ids=a", "?ids="] {
        assert_eq!(forward(&p, "GET", "/api/v1/things", bad).map_err(|r| r.status).map(|c| c.path), Err(400), "{bad}");
    }
    assert_eq!(forward(&p, "GET", "/api/v1/things", "").map_err(|r| r.status).map(|c| c.path), Err(400), "required");
}

#[test]
fn any_x_ncp_header_is_refused() {
    assert!(check_headers(["content-type", "authorization", "x-ncp", "x-ncpfoo", "ncp-x"].into_iter()).is_ok());
    assert!(check_headers(std::iter::empty()).is_ok());
    for forged in ["x-ncp-apigw-signature-v2", "X-NCP-IAM-ACCESS-KEY", "x-ncp-apigw-timestamp", "X-Ncp-Anything", "x-ncp-"] {
        let refusal = check_headers(["content-type", forged].into_iter()).expect_err(forged);
        assert_eq!((refusal.status, refusal.error.as_ref().map(|e| e.error_code.as_str())), (400, Some("100")), "{forged}");
    }
}

#[test]
fn a_body_over_the_limit_is_413() {
    let refusal = too_large(&Policy { max_body_bytes: 100, ..all() });
    assert_eq!(refusal.status, 413);
    let error = refusal.error.expect("gateway");
    assert_eq!((error.error_code.as_str(), error.message.as_str(), error.details.as_str()), ("430", "Request Entity Too Large", "the body is over 100 bytes"));
}

#[test]
fn refusals_are_envelopes_the_client_decodes_into_its_typed_errors() {
    let not_found = route(&all(), "PUT", "/x", "").expect_err("404");
    let parsed: Value = serde_json::from_str(&not_found.body::<Json>()).expect("JSON");
    assert_eq!(parsed, json!({ "error": { "errorCode": "300", "message": "Not Found Exception", "details": "PUT is not an operation this proxy forwards" } }));
    let invalid = Refusal::invalid(&Error::validation("workspaceName", "must be 3 to 63 characters of a-z, 0-9 and -"));
    let parsed: Value = serde_json::from_str(&invalid.body::<Json>()).expect("JSON");
    assert_eq!(parsed, json!({ "code": "400", "message": "workspaceName must be 3 to 63 characters of a-z, 0-9 and -" }));
    let headers = check_headers(["x-ncp-iam-access-key"].into_iter()).expect_err("400");
    for (refusal, code, api_code) in [(not_found, "NOT_FOUND", "300"), (invalid, "BAD_REQUEST", "400"), (headers, "BAD_REQUEST", "100"), (too_large(&all()), "PAYLOAD_TOO_LARGE", "430")] {
        let e = decode::<Json>("GET /mi/x", refusal.status, &body(&refusal.body::<Json>())).err().expect("a failure");
        assert_eq!((e.kind, e.code, e.status, e.api_code.as_deref()), (ErrorKind::Api, code, Some(refusal.status), Some(api_code)), "{refusal:?}");
    }
    let gateway = Refusal::gateway(502, "500", "Endpoint Error", "the proxy could not reach the API");
    let e = decode::<Json>("GET /x", 502, &body(&gateway.body::<Json>())).err().expect("a failure");
    assert_eq!((e.code, e.api_details.as_deref()), ("SERVER_ERROR", Some("the proxy could not reach the API")));
}
