//! Property tests over random input (proptest; offline): decoding any body never panics and always gives
//! a typed outcome, both failure envelopes keep their fields, the parameter rules agree with simple
//! models of them, `encode_component` round-trips through percent-encoding's decoder, and
//! `Endpoint::parse`, the proxy's router and the HTTP-date readers never panic.
//! `PROPTEST_CASES=N` sets the cases per property (default 256); `scripts/fuzz.sh` runs a long campaign.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{body, doc, Json};
use ncloud_media_intelligence::api::{self, OPERATIONS};
use ncloud_media_intelligence::core::client::Endpoint;
use ncloud_media_intelligence::core::clock::{parse_http_date, retry_after_ms};
use ncloud_media_intelligence::core::envelope::decode;
use ncloud_media_intelligence::core::error::{Error, ErrorKind};
use ncloud_media_intelligence::core::http::Body;
use ncloud_media_intelligence::core::operation::Rule;
use ncloud_media_intelligence::core::proxy::{route, Policy};
use ncloud_media_intelligence::core::request::build;
use ncloud_media_intelligence::core::validate::{apply, encode_component, ParamValue};
use percent_encoding::percent_decode_str;
use proptest::prelude::*;
use serde_json::{json, Value};

/// Any JSON value, nested a few levels.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
        ".{0,12}".prop_map(Value::from),
        prop::sample::select(vec!["0", "200", "404", "5001", ""]).prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((prop_oneof![".{0,8}", prop::sample::select(vec!["code", "message", "result", "error", "errorCode", "details", "workspaceName", "content", "totalCount", "status"]).prop_map(str::to_owned)], inner), 0..6)
                .prop_map(|members| Value::Object(members.into_iter().collect())),
        ]
    })
}

/// A body as the transport hands it on: envelope-shaped JSON with random members, any JSON, or text.
fn any_body() -> impl Strategy<Value = Body<common::Doc>> {
    prop_oneof![
        (any_json(), any_json()).prop_map(|(code, result)| Body::Json(doc(json!({ "code": code, "message": "m", "result": result })))),
        (any_json(), any_json(), any_json()).prop_map(|(code, message, details)| Body::Json(doc(json!({ "error": { "errorCode": code, "message": message, "details": details } })))),
        any_json().prop_map(|v| Body::Json(doc(v))),
        ".{0,80}".prop_map(|text| body(&text)),
        prop::collection::vec(any::<u8>(), 0..120).prop_map(|b| Body::NotJson(String::from_utf8_lossy(&b).into_owned())),
    ]
}

fn assert_typed(e: &Error, status: u16, attempted: &str) -> Result<(), TestCaseError> {
    prop_assert!(matches!(e.kind, ErrorKind::Api | ErrorKind::Decode), "{:?}", e.kind);
    prop_assert_eq!(e.status, Some(status));
    prop_assert!(e.message.starts_with(&format!("{attempted}: HTTP {status}")), "{}", e.message);
    prop_assert_eq!(e.attempts, 0);
    Ok(())
}

proptest! {
    #[test]
    fn decoding_any_body_for_any_operation_gives_a_typed_outcome(status in 100u16..600, body in any_body(), pick in any::<prop::sample::Index>()) {
        let op = OPERATIONS[pick.index(OPERATIONS.len())];
        let attempted = format!("{} {}", op.method.as_str(), op.path);
        match decode::<Json>(&attempted, status, &body) {
            Err(e) => assert_typed(&e, status, &attempted)?,
            Ok(decoded) => {
                prop_assert!((200..300).contains(&status), "success only for 2xx: {}", status);
                match (&body, &decoded.envelope) {
                    (Body::NotJson(text), None) => prop_assert!(status == 204 && text.is_empty()),
                    (Body::Json(sent), Some(_)) => {
                        let code = sent.borrow()["code"].clone();
                        prop_assert!(code == json!("0") || code.as_f64() == Some(0.0), "success only for code 0: {}", code);
                    }
                    _ => prop_assert!(false, "an envelope exactly when there was JSON"),
                }
                // The result check never panics either, whatever the result holds.
                let _ = api::check::<Json>(op, decoded.result.as_ref());
            }
        }
    }

    #[test]
    fn gateway_envelopes_keep_code_message_and_details(status in 100u16..600, code in "[0-9]{1,4}", message in ".{0,40}", details in ".{0,40}") {
        let sent = Body::Json(doc(json!({ "error": { "errorCode": code, "message": message, "details": details } })));
        let e = decode::<Json>("POST /api/v1/workspaces", status, &sent).err().expect("always a failure");
        prop_assert_eq!(e.kind, ErrorKind::Api);
        prop_assert_eq!(e.api_code.as_deref(), Some(code.as_str()));
        prop_assert_eq!(e.api_message.as_deref(), Some(message.as_str()));
        prop_assert_eq!(e.api_details.as_deref(), Some(details.as_str()));
    }

    #[test]
    fn service_failures_keep_code_and_message(status in 200u16..600, code in "[1-9][0-9]{0,4}", message in ".{0,40}") {
        let sent = Body::Json(doc(json!({ "code": code, "message": message })));
        let e = decode::<Json>("GET /x", status, &sent).err().expect("a non-zero code is a failure");
        prop_assert_eq!((e.kind, e.api_code.as_deref(), e.api_message.as_deref()), (ErrorKind::Api, Some(code.as_str()), Some(message.as_str())));
    }

    #[test]
    fn shape_checks_of_any_document_never_panic(result in any_json()) {
        for op in OPERATIONS {
            let _ = api::check::<Json>(op, Some(&doc(result.clone())));
            let _ = api::body::<Json>(op, &doc(result.clone()));
        }
    }

    #[test]
    fn the_workspace_name_rule_matches_its_model(name in prop_oneof![".{0,70}", "[a-z0-9-]{0,70}", "[a-zA-Z0-9_ -]{2,65}"]) {
        let model = (3..=63).contains(&name.chars().count()) && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        prop_assert_eq!(apply(Rule::WorkspaceName, "workspaceName", &ParamValue::Text(name.clone())).is_ok(), model, "{:?}", name);
    }

    #[test]
    fn the_id_rule_matches_its_model_for_numbers(n in prop_oneof![any::<f64>(), (-5i64..20).prop_map(|n| n as f64), (9_007_199_254_740_980u64..9_007_199_254_741_000).prop_map(|n| n as f64)]) {
        let model = n.fract() == 0.0 && (1.0..=9_007_199_254_740_991.0).contains(&n);
        let got = apply(Rule::Id, "id", &ParamValue::Number(n));
        prop_assert_eq!(got.is_ok(), model, "{}", n);
        if model {
            prop_assert_eq!(got.ok(), Some(format!("{n:.0}")));
        }
    }

    #[test]
    fn the_id_rule_matches_its_model_for_text(text in prop_oneof!["[0-9]{1,18}", "[-+ 0-9.e]{0,6}", ".{0,5}"]) {
        let model = text.bytes().all(|b| b.is_ascii_digit()) && (1..=16).contains(&text.len()) && text.parse::<u64>().is_ok_and(|n| (1..=9_007_199_254_740_991).contains(&n));
        let got = apply(Rule::Id, "id", &ParamValue::Text(text.clone()));
        prop_assert_eq!(got.is_ok(), model, "{:?}", text);
        if model {
            prop_assert_eq!(got.ok(), text.parse::<u64>().ok().map(|n| n.to_string()));
        }
    }

    #[test]
    fn the_free_text_rule_matches_its_model(text in prop_oneof![".{0,12}", "[ a;|`\n]{0,4}", "\\PC{0,12}"], min in 0u32..3, extra in 0u32..10) {
        let max = min + extra;
        let count = text.chars().count() as u32;
        let model = (min..=max).contains(&count) && !text.trim().is_empty() && !text.contains([';', '|', '`']) && !text.chars().any(char::is_control);
        prop_assert_eq!(apply(Rule::Text(min, max), "name", &ParamValue::Text(text.clone())).is_ok(), model, "{:?} in {}..={}", text, min, max);
    }

    #[test]
    fn the_range_rule_matches_its_model(n in prop_oneof![any::<f64>(), (-3i64..1005).prop_map(|n| n as f64), (0.0f64..1001.0)]) {
        let model = n.fract() == 0.0 && (1.0..=1000.0).contains(&n);
        prop_assert_eq!(apply(Rule::Range(1, 1000), "pageSize", &ParamValue::Number(n)).is_ok(), model, "{}", n);
    }

    #[test]
    fn encoded_components_decode_back_and_use_only_safe_characters(segment in prop_oneof![".{0,40}", "\\PC{0,20}", "[%/?#&=+ ]{0,10}"]) {
        let encoded = encode_component(&segment);
        prop_assert!(encoded.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)), "{}", encoded);
        prop_assert_eq!(percent_decode_str(&encoded).decode_utf8().expect("UTF-8").into_owned(), segment.clone());
        prop_assert_eq!(encode_component(&segment), encoded, "deterministic");
    }

    #[test]
    fn endpoint_parsing_never_panics_and_keeps_only_plain_text(text in prop_oneof![".{0,40}", "https?://[a-zA-Z0-9.:@\\[\\]%/?#\\\\{} -]{0,30}"]) {
        match Endpoint::parse(&text, "endpoint") {
            Ok(endpoint) => {
                prop_assert!(endpoint.origin.starts_with("http://") || endpoint.origin.starts_with("https://"));
                prop_assert_eq!(endpoint.origin.to_ascii_lowercase(), endpoint.origin.clone());
                prop_assert!(endpoint.base_path.is_empty() || endpoint.base_path.starts_with('/'));
                prop_assert!(!endpoint.base_path.ends_with('/'));
                let rebuilt = format!("{}{}", endpoint.origin, endpoint.base_path);
                let given = text.strip_suffix('/').unwrap_or(&text);
                prop_assert!(rebuilt.eq_ignore_ascii_case(given), "{} from {:?}", rebuilt, text);
                for segment in endpoint.base_path.split('/').skip(1) {
                    prop_assert!(segment != "." && segment != ".." && !segment.is_empty());
                    prop_assert!(segment.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~".contains(&b)));
                }
            }
            Err(e) => {
                prop_assert_eq!(e.field.as_deref(), Some("endpoint"));
                let fixed = Endpoint::parse("", "endpoint").expect_err("empty is refused").message;
                prop_assert_eq!(e.message, fixed, "one fixed message that never quotes the text");
            }
        }
    }

    #[test]
    fn the_router_never_panics_and_what_it_routes_builds(method in prop::sample::select(vec!["GET", "POST", "PATCH", "DELETE", "PUT", "get", ""]), path in "(/[a-zA-Z0-9%._~{}-]{0,12}){0,9}", query in "[?]?([a-zA-Z_]{0,16}(=[a-zA-Z0-9%,+-]{0,8})?&?){0,3}", base in prop::sample::select(vec!["", "/mi"])) {
        let policy = Policy { allow: OPERATIONS.to_vec(), base_path: base.to_owned(), max_body_bytes: 100 };
        let candidates = [path.clone(), format!("{base}/api/v1/workspaces{path}"), format!("{base}/api/v1/workspaces/my-ws{path}")];
        for candidate in candidates {
            match route(&policy, method, &candidate, &query) {
                Ok(routed) => {
                    prop_assert_eq!(routed.op.method.as_str(), method);
                    let _ = build(routed.op, &mut |p| Ok(routed.value(p)), None);
                }
                Err(refusal) => prop_assert_eq!(refusal.status, 404),
            }
        }
    }

    #[test]
    fn http_date_readers_never_panic(text in prop_oneof![".{0,40}", "[A-Za-z]{3}, [0-9]{2} [A-Za-z]{3} [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT", "[0-9 ]{0,25}"], now in any::<u64>()) {
        let _ = parse_http_date(&text);
        if let Some(ms) = retry_after_ms(&text, now) {
            prop_assert!(!text.trim().is_empty());
            let _ = ms;
        }
    }
}
