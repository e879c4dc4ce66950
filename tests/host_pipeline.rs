//! Request building per operation and the pipeline over a scripted transport: method, path with encoded
//! parameters, query order and defaults, bodies, what is signed is what is sent, endpoint prefixes,
//! keyless clients, results passed through and completed (`lift`), and transport failures as typed
//! errors that never carry a secret or a signature.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::any::Any;
use std::rc::Rc;

use common::{block_on, client, limits, op, prepare, value, Doc, Json, Scripted, ACCESS_KEY, SECRET_KEY};
use ncloud_media_intelligence::api::execute::execute;
use ncloud_media_intelligence::api::{self, OPERATIONS};
use ncloud_media_intelligence::core::client::{Client, Config, Endpoint};
use ncloud_media_intelligence::core::error::{Error, ErrorKind};
use ncloud_media_intelligence::core::http::{HttpRequest, Method, TransportError};
use ncloud_media_intelligence::core::operation::{At, Operation, Param, Rule};
use ncloud_media_intelligence::core::pipeline::{self, CallLimits};
use ncloud_media_intelligence::core::request::{build, Call};
use ncloud_media_intelligence::core::shape::{Shape, Ty, VOID};
use ncloud_media_intelligence::core::sign::{SigningKey, HEADER_ACCESS_KEY, HEADER_SIGNATURE, HEADER_TIMESTAMP};
use ncloud_media_intelligence::core::validate::{encode_component, ParamValue};
use serde_json::{json, Value};

const NOW: u64 = 1_763_900_000_123;
const ONE: CallLimits = limits(1, 0, 0);

fn script(replies: Vec<common::Reply>) -> Scripted {
    Scripted::new(NOW, replies)
}

/// Runs `call` with its body through `api::execute`.
fn run(c: &Client, t: &Scripted, call: &Call, body: &api::Body, limits: CallLimits) -> Result<Option<Doc>, Error> {
    block_on(execute::<Scripted, Json>(c, t, call, body, limits))
}

/// Checks that request `index` was signed over exactly the path and query it was sent to.
fn assert_signed_as_sent(t: &Scripted, index: usize, origin: &str) {
    let request = t.request(index);
    let uri = request.url.strip_prefix(origin).unwrap_or_else(|| panic!("{} is not under {origin}", request.url));
    let timestamp = t.header(index, HEADER_TIMESTAMP);
    let want = SigningKey::new(SECRET_KEY).sign(request.method.as_str(), uri, &timestamp, ACCESS_KEY);
    assert_eq!(t.header(index, HEADER_SIGNATURE), want, "the signature covers `{} {uri}`", request.method.as_str());
    assert_eq!(t.header(index, HEADER_ACCESS_KEY), ACCESS_KEY);
    let names: Vec<_> = request.headers.iter().map(|(n, _)| *n).collect();
    assert_eq!(names, [HEADER_TIMESTAMP, HEADER_ACCESS_KEY, HEADER_SIGNATURE, "content-type"]);
    assert_eq!(t.header(index, "content-type"), "application/json");
}

fn ok_envelope(result: Value) -> String {
    json!({ "code": "0", "message": "success", "result": result }).to_string()
}

#[test]
fn list_workspaces_sends_page_num_1_by_default_and_its_query_in_table_order() {
    let list = op("listWorkspaces");
    for (options, path) in [
        (json!({}), "/api/v1/workspaces?pageNum=1"),
        (json!({ "pageNum": null }), "/api/v1/workspaces?pageNum=1"),
        (json!({ "pageSize": 50 }), "/api/v1/workspaces?pageNum=1&pageSize=50"),
        (json!({ "pageSize": 50, "pageNum": "3" }), "/api/v1/workspaces?pageNum=3&pageSize=50"),
        (json!({ "pageNum": 2147483647, "pageSize": "1000" }), "/api/v1/workspaces?pageNum=2147483647&pageSize=1000"),
    ] {
        let (call, body) = prepare(list, options.clone()).unwrap_or_else(|e| panic!("{options}: {e}"));
        assert_eq!((call.path.as_str(), call.body.as_deref(), body.json.as_deref()), (path, None, None), "{options}");
        assert!(std::ptr::eq(call.op, list));
    }
    for (options, field) in [(json!({ "pageSize": 1001 }), "pageSize"), (json!({ "pageSize": 0 }), "pageSize"), (json!({ "pageNum": 0 }), "pageNum"), (json!({ "pageNum": 1.5 }), "pageNum"), (json!({ "pageNum": { "n": 1 } }), "pageNum")] {
        let e = prepare(list, options.clone()).expect_err("refused");
        assert_eq!((e.kind, e.field.as_deref(), e.attempts), (ErrorKind::Validation, Some(field), 0), "{options}");
    }
}

#[test]
fn create_workspace_posts_a_body_rebuilt_from_the_documented_fields() {
    let create = op("createWorkspace");
    let (call, body) = prepare(create, json!({ "workspaceName": "my-workspace", "bucketName": "my-bucket" })).expect("valid");
    assert_eq!((call.op.method, call.path.as_str()), (Method::Post, "/api/v1/workspaces"));
    assert_eq!(call.body.as_deref(), Some(r#"{"workspaceName":"my-workspace","bucketName":"my-bucket"}"#));
    assert_eq!(body.read_back.as_ref().map(|b| (b.workspace_name.as_str(), b.bucket_name.as_deref())), Some(("my-workspace", Some("my-bucket"))));
    let (call, _) = prepare(create, json!({ "workspaceName": "w-1", "bucketName": null, "unknown": true })).expect("valid");
    assert_eq!(call.body.as_deref(), Some(r#"{"workspaceName":"w-1"}"#), "absent and null members are left out, unknown ones are not copied");
}

#[test]
fn create_workspace_refuses_bad_bodies_naming_the_field() {
    let create = op("createWorkspace");
    for (options, field, says) in [
        (json!({}), "workspaceName", "workspaceName is required"),
        (json!({ "bucketName": "b" }), "workspaceName", "workspaceName is required"),
        (json!({ "workspaceName": 5 }), "workspaceName", "workspaceName must be a string, not a number"),
        (json!({ "workspaceName": "Not Valid" }), "workspaceName", "workspaceName must be 3 to 63"),
        (json!({ "workspaceName": "ok-name", "bucketName": "" }), "bucketName", "bucketName must be a non-empty string"),
        (json!({ "workspaceName": "ok-name", "bucketName": 7 }), "bucketName", "bucketName must be a string, not a number"),
        (json!("ok-name"), "options", "options must be an object, not a string"),
        (json!(null), "options", "options must be an object, not null"),
    ] {
        let e = prepare(create, options.clone()).expect_err("refused");
        assert_eq!((e.kind, e.code, e.field.as_deref()), (ErrorKind::Validation, "INVALID_INPUT", Some(field)), "{options}: {e}");
        assert!(e.message.starts_with(says), "{options}: {}", e.message);
    }
}

#[test]
fn get_and_delete_workspace_put_the_name_in_the_path_and_send_no_body() {
    for (name, method) in [("getWorkspace", Method::Get), ("deleteWorkspace", Method::Delete)] {
        let (call, _) = prepare(op(name), json!({ "workspaceName": "my-ws" })).expect("valid");
        assert_eq!((call.op.method, call.path.as_str(), call.body.as_deref()), (method, "/api/v1/workspaces/my-ws", None));
        assert_eq!(call.attempted("/mi"), format!("{} /mi/api/v1/workspaces/my-ws", method.as_str()));
        let e = prepare(op(name), json!({})).expect_err("missing");
        assert_eq!((e.field.as_deref(), e.message.as_str()), (Some("workspaceName"), "workspaceName is required"));
        let e = prepare(op(name), json!({ "workspaceName": "../etc" })).expect_err("bad");
        assert_eq!(e.field.as_deref(), Some("workspaceName"));
    }
}

/// A value every rule accepts, and its text on the wire before encoding.
fn sample(rule: Rule) -> (Value, String) {
    match rule {
        Rule::WorkspaceName => (json!("my-ws"), "my-ws".into()),
        Rule::Id => (json!(42), "42".into()),
        Rule::Token => (json!("tok_1"), "tok_1".into()),
        Rule::Range(_, max) => (json!(max), max.to_string()),
        Rule::OneOf(words) => (json!(words[words.len() - 1]), words[words.len() - 1].to_owned()),
        Rule::Text(..) => (json!("a b"), "a b".into()),
        Rule::IdList(max) if max >= 2 => (json!([1, "2"]), "1,2".into()),
        Rule::IdList(_) => (json!([1]), "1".into()),
    }
}

/// Valid options for a body, and the JSON that goes on the wire for them (the body is rebuilt from
/// exactly the documented members given): for bodies with rules of their own, chosen values; for the
/// others, the required members filled with values the common rules accept.
fn sample_body(shape: &Shape) -> (Value, Value) {
    fn fill(ty: &Ty) -> Value {
        match ty {
            Ty::Text | Ty::Any => json!("sample-1"),
            Ty::Int => json!(1),
            Ty::Number => json!(1.5),
            Ty::Id => json!(7),
            Ty::Count => json!(1),
            Ty::Bool => json!(true),
            Ty::List(item) => json!([fill(item)]),
            Ty::Object(fields) => Value::Object(fields.iter().filter(|f| f.required).map(|f| (f.name.to_owned(), fill(&f.ty))).collect()),
        }
    }
    let chosen = match shape.name {
        "CreateWorkspaceOptions" => json!({ "workspaceName": "my-ws", "bucketName": "b" }),
        "ImportAssetOptions" => json!({ "bucketName": "b", "key": "videos/clip 1.mp4" }),
        "SearchAssetsOptions" => json!({ "query": { "textQuery": "goal", "personQuery": { "must": [1002] } }, "queryOption": { "confidenceLevel": "HIGH" } }),
        "CreateSearchImageUploadUrlOptions" => json!({ "assetType": "IMAGE", "assetFileName": "query.jpg" }),
        "CreatePersonThumbnailUploadUrlOptions" => json!({ "thumbnailFileName": "face.png" }),
        "SearchPersonsOptions" => json!({ "pageNum": 1, "nameType": "NAMED" }),
        "MergePersonsOptions" => json!({ "personIds": [1002, 1003] }),
        "PersonTagIdsOptions" => json!({ "tagIds": [7] }),
        "RemovePersonThumbnailsOptions" => json!({ "thumbnailIds": [9] }),
        _ => fill(&shape.ty),
    };
    (chosen.clone(), chosen)
}

/// A result document of type `ty` with every documented member.
fn sample_result(ty: &Ty) -> Value {
    match ty {
        Ty::Text => json!("text"),
        Ty::Int => json!(3),
        Ty::Number => json!(0.5),
        Ty::Id => json!(7),
        Ty::Count => json!(2),
        Ty::Bool => json!(false),
        Ty::Any => json!({}),
        Ty::List(item) => json!([sample_result(item)]),
        Ty::Object(fields) => Value::Object(fields.iter().map(|f| (f.name.to_owned(), sample_result(&f.ty))).collect()),
    }
}

#[test]
fn every_operation_of_the_table_is_built_signed_and_sent_as_its_entry_says() {
    for endpoint in ["https://mi.apigw.ntruss.com", "http://127.0.0.1:8787/mi/"] {
        let c = client(endpoint);
        let origin = c.config.endpoint.origin.clone();
        let prefix = c.config.endpoint.base_path.clone();
        for o in OPERATIONS {
            let mut options = serde_json::Map::new();
            let mut path = o.path.to_owned();
            let mut query = Vec::new();
            for param in o.params {
                let (given, text) = sample(param.rule);
                options.insert(param.name.to_owned(), given);
                match param.at {
                    At::Path => path = path.replace(&format!("{{{}}}", param.name), &encode_component(&text)),
                    At::Query => query.push(format!("{}={}", param.wire, encode_component(&text))),
                }
            }
            let sent_body = o.body.map(|shape| {
                let (given, sent) = sample_body(shape);
                options.extend(given.as_object().expect("object").clone());
                sent
            });
            if !query.is_empty() {
                path = format!("{path}?{}", query.join("&"));
            }
            let (call, body) = prepare(o, Value::Object(options)).unwrap_or_else(|e| panic!("{}: {e} (give it valid sample options in this test)", o.name));
            assert_eq!(call.path, path, "{}", o.name);
            let t = script(vec![Scripted::reply(200, &ok_envelope(sample_result(&o.result.ty)))]);
            let result = run(&c, &t, &call, &body, ONE).unwrap_or_else(|e| panic!("{}: {e}", o.name));
            assert_eq!(result.map(|r| value(&r)), Some(sample_result(&o.result.ty)), "{}: the result as sent", o.name);
            let request = t.request(0);
            assert_eq!((request.method, request.url.as_str()), (o.method, format!("{origin}{prefix}{path}").as_str()), "{}", o.name);
            let sent: Option<Value> = request.body.as_deref().map(|b| serde_json::from_str(b).expect("JSON body"));
            assert_eq!(sent, sent_body, "{}: the body", o.name);
            if matches!(o.method, Method::Get | Method::Delete) {
                assert_eq!(request.body, None, "{}: a {} has no body", o.name, o.method.as_str());
            }
            assert_eq!(t.header(0, HEADER_TIMESTAMP), NOW.to_string());
            assert_signed_as_sent(&t, 0, &origin);
            assert_eq!(t.sent.borrow()[0].1, 5000, "the time limit goes to the transport");
        }
    }
}

/// A test operation whose path and query take free text, so encoding shows.
static THING: Operation = Operation {
    name: "getThing",
    method: Method::Get,
    path: "/api/v1/things/{label}/parts",
    params: &[
        Param { name: "label", wire: "label", at: At::Path, rule: Rule::Text(1, 50), default: None, required: true },
        Param { name: "query", wire: "q", at: At::Query, rule: Rule::Text(1, 50), default: None, required: false },
        Param { name: "assetIds", wire: "assetIds", at: At::Query, rule: Rule::IdList(5), default: None, required: false },
    ],
    body: None,
    result: &VOID,
    lift: &[],
    retry_safe: true,
    paged: None,
    poll: None,
    recover: None,
    slug: "test-thing",
    summary: "A test operation.",
};

#[test]
fn path_segments_and_query_values_are_percent_encoded_once_and_signed_as_sent() {
    let (call, _) = prepare(&THING, json!({ "label": "a b/é?", "query": "x&y=z+%", "assetIds": [3, "4"] })).expect("valid");
    assert_eq!(call.path, "/api/v1/things/a%20b%2F%C3%A9%3F/parts?q=x%26y%3Dz%2B%25&assetIds=3%2C4");
    let (call, _) = prepare(&THING, json!({ "label": "%2F" })).expect("valid");
    assert_eq!(call.path, "/api/v1/things/%252F/parts", "text that looks encoded is encoded again, never passed through");
    let c = client("https://h.example/base");
    let t = script(vec![Scripted::reply(200, &ok_envelope(json!(null)))]);
    run(&c, &t, &call, &api::Body::default(), ONE).expect("ok");
    assert_eq!(t.request(0).url, "https://h.example/base/api/v1/things/%252F/parts");
    assert_signed_as_sent(&t, 0, "https://h.example");
    let e = prepare(&THING, json!({})).expect_err("required");
    assert_eq!(e.field.as_deref(), Some("label"));
}

#[test]
fn build_takes_values_from_any_source_and_stops_at_the_first_bad_one() {
    let mut asked = Vec::new();
    let e = build(&THING, &mut |p: &Param| {
        asked.push(p.name);
        Ok(Some(ParamValue::Text(String::new())))
    }, None)
    .expect_err("empty label");
    assert_eq!((e.field.as_deref(), asked), (Some("label"), vec!["label"]));
    let e = build(&THING, &mut |_: &Param| Err(Error::validation("label", "could not be read")), None).expect_err("reader failed");
    assert_eq!(e.message, "label could not be read");
}

#[test]
fn a_keyless_client_sends_no_ncp_header() {
    let c = Client::new(Config::unsigned(Endpoint::parse("https://proxy.example/mi", "proxyUrl").expect("endpoint")));
    let (call, body) = prepare(op("getWorkspace"), json!({ "workspaceName": "my-ws" })).expect("valid");
    let t = script(vec![Scripted::reply(200, &common::data("fixtures/get-workspace.ok.json"))]);
    run(&c, &t, &call, &body, ONE).expect("ok");
    let request: HttpRequest = t.request(0);
    assert_eq!(request.url, "https://proxy.example/mi/api/v1/workspaces/my-ws");
    assert_eq!(request.headers, vec![("content-type", "application/json".to_owned())]);
}

#[test]
fn results_pass_through_unchanged_with_fields_the_api_added() {
    let (call, body) = prepare(op("getWorkspace"), json!({ "workspaceName": "my-workspace" })).expect("valid");
    let fixture = common::json("fixtures/get-workspace.ok.json");
    let t = script(vec![Scripted::reply(200, &fixture.to_string())]);
    let result = run(&client("https://h.example"), &t, &call, &body, ONE).expect("ok").expect("a result");
    assert_eq!(value(&result), fixture["result"], "documented and unknown fields (internalShardId, beta) alike");
}

/// A test list whose `totalCount` the API documents beside `result`.
static LIFTED: Operation = Operation { name: "listThings", method: Method::Get, path: "/api/v1/things", params: &[], lift: &["totalCount"], ..THING };

#[test]
fn lift_copies_envelope_members_into_a_result_that_lacks_them() {
    let call = build(&LIFTED, &mut |_: &Param| Ok(None), None).expect("no parameters");
    let c = client("https://h.example");
    let check = |_: Option<&Doc>| Ok(());
    for (sent, want) in [
        (json!({ "code": "0", "totalCount": 9, "result": { "content": [] } }), json!({ "content": [], "totalCount": 9 })),
        (json!({ "code": "0", "totalCount": 9, "result": { "content": [], "totalCount": 3 } }), json!({ "content": [], "totalCount": 3 })),
        (json!({ "code": "0", "result": { "content": [] } }), json!({ "content": [] })),
    ] {
        let t = script(vec![Scripted::reply(200, &sent.to_string())]);
        let outcome = block_on(pipeline::run::<Scripted, Json>(&c, &t, &call, ONE, &check));
        assert_eq!(outcome.result.expect("ok").map(|r| value(&r)), Some(want), "{sent}");
    }
}

#[test]
fn a_result_of_the_wrong_shape_is_a_decode_error_naming_the_field() {
    let (call, body) = prepare(op("getWorkspace"), json!({ "workspaceName": "my-workspace" })).expect("valid");
    let t = script(vec![Scripted::reply(200, &common::data("fixtures/get-workspace.bad-count.json"))]);
    let e = run(&client("https://h.example"), &t, &call, &body, limits(3, 100, 1000)).expect_err("bad count");
    assert_eq!((e.kind, e.code, e.status, e.attempts), (ErrorKind::Decode, "DECODE_ERROR", Some(200), 1));
    assert!(e.message.starts_with("GET /api/v1/workspaces/my-workspace: HTTP 200"), "{e}");
    assert!(e.message.contains("result.monthlyAnalysisCount: must be a whole number, not a string"), "{e}");
}

#[test]
fn transport_failures_become_typed_errors_naming_the_call() {
    let (call, body) = prepare(op("getWorkspace"), json!({ "workspaceName": "abc" })).expect("valid");
    let c = client("http://127.0.0.1:9/mi");
    let original: Rc<dyn Any> = Rc::new("ECONNREFUSED");
    let reason: Rc<dyn Any> = Rc::new("user left");
    let cases: Vec<(TransportError, ErrorKind, &str, Option<u16>, &str)> = vec![
        (TransportError::Network("fetch failed (connect ECONNREFUSED 127.0.0.1:9)".into(), Some(original.clone())), ErrorKind::Network, "NETWORK_ERROR", None, "network error: fetch failed (connect ECONNREFUSED"),
        (TransportError::Timeout, ErrorKind::Timeout, "TIMEOUT", None, "no response within 5000 ms"),
        (TransportError::Aborted(Some(reason.clone())), ErrorKind::Abort, "ABORTED", None, "aborted by the caller's signal"),
        (TransportError::Redirect(302), ErrorKind::Api, "REDIRECT", Some(302), "HTTP 302; signed requests never follow redirects"),
        (TransportError::Redirect(0), ErrorKind::Api, "REDIRECT", Some(0), "a redirect; signed requests never follow redirects"),
        (TransportError::TooLarge(200, 1024), ErrorKind::Decode, "RESPONSE_TOO_LARGE", Some(200), "HTTP 200 with a body over 1024 bytes"),
        (TransportError::BadSignal("not an AbortSignal".into()), ErrorKind::Validation, "INVALID_INPUT", None, "signal was refused by this runtime's fetch: not an AbortSignal"),
    ];
    for (failure, kind, code, status, says) in cases {
        let t = script(vec![Err(failure)]);
        let e = run(&c, &t, &call, &body, ONE).expect_err(code);
        assert_eq!((e.kind, e.code, e.status, e.attempts), (kind, code, status, 1), "{e}");
        assert!(e.message.contains(says), "{e}");
        if kind != ErrorKind::Validation {
            assert!(e.message.starts_with("GET /mi/api/v1/workspaces/abc: "), "says what was attempted: {e}");
        } else {
            assert_eq!(e.field.as_deref(), Some("signal"));
        }
        match code {
            "NETWORK_ERROR" => assert!(Rc::ptr_eq(e.cause.as_ref().expect("cause"), &original), "the runtime's error is kept"),
            "ABORTED" => assert!(Rc::ptr_eq(e.cause.as_ref().expect("reason"), &reason), "the signal's reason is kept"),
            _ => {}
        }
        assert_eq!(e.kind.name(), ["ValidationError", "NetworkError", "TimeoutError", "ApiError", "DecodeError", "AbortError"][ErrorKind::ALL.iter().position(|k| *k == kind).expect("a kind")]);
    }
}

#[test]
fn api_errors_and_attempt_records_never_carry_the_secret_or_the_signature() {
    let (call, body) = prepare(op("getWorkspace"), json!({ "workspaceName": "abc" })).expect("valid");
    let t = script(vec![Scripted::reply(401, &common::data("fixtures/error.gateway-auth.json"))]);
    let c = client("http://127.0.0.1:9");
    let e = run(&c, &t, &call, &body, ONE).expect_err("401");
    assert_eq!((e.code, e.api_code.as_deref(), e.api_details.as_deref()), ("AUTHENTICATION_FAILED", Some("200"), Some("Invalid authentication information.")));
    let signature = t.header(0, HEADER_SIGNATURE);
    let printed = format!("{e} {e:?} {:?} {c:?}", t.logged.borrow());
    assert!(!printed.contains(SECRET_KEY) && !printed.contains(&signature), "{printed}");
    assert!(printed.contains(ACCESS_KEY), "the client's Debug shows the access key: {printed}");
}
