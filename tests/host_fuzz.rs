//! Property tests over random input (proptest; offline): decoding never panics and always gives a typed
//! outcome, both error envelopes keep their fields, validation agrees with a regex-free model of the
//! rule, the signer agrees with an independent HMAC-SHA256 (the `hmac-sha256` crate), and the JSON reader
//! and writer agree with serde_json.
//! `PROPTEST_CASES=N` sets the cases per property (default 256); `scripts/fuzz.sh` runs a long campaign.
#![cfg(not(target_arch = "wasm32"))]

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use ncloud_media_intelligence::envelope::decode;
use ncloud_media_intelligence::json;
use ncloud_media_intelligence::error::ErrorKind;
use ncloud_media_intelligence::sign::{string_to_sign, Credentials};
use ncloud_media_intelligence::validate::{encode_path_segment, workspace_name};
use ncloud_media_intelligence::workspaces::{Workspace, WorkspaceDetails};
use proptest::prelude::*;

/// JSON-ish text: mostly envelope-shaped with random values, sometimes raw junk.
fn body() -> impl Strategy<Value = String> {
    let value = prop_oneof![
        Just("null".to_owned()),
        any::<i64>().prop_map(|n| n.to_string()),
        any::<f64>().prop_map(|f| if f.is_finite() { f.to_string() } else { "1e999".to_owned() }),
        ".{0,20}".prop_map(|s| serde_json::to_string(&s).unwrap_or_default()),
        Just("{}".to_owned()),
        Just("[]".to_owned()),
    ];
    let field = (prop::sample::select(vec!["code", "message", "result", "error", "workspaceName", "monthlyAnalysisCount", "errorCode", "details"]), value.clone());
    prop_oneof![
        prop::collection::vec(field, 0..6).prop_map(|fields| {
            let inner: Vec<String> = fields.iter().map(|(k, v)| format!("\"{k}\":{v}")).collect();
            format!("{{{}}}", inner.join(","))
        }),
        (value.clone(), value.clone()).prop_map(|(c, r)| format!(r#"{{"code":{c},"message":"m","result":{{"workspaceName":{r},"monthlyAnalysisCount":{c}}}}}"#)),
        (value.clone(), value).prop_map(|(c, m)| format!(r#"{{"error":{{"errorCode":{c},"message":{m},"details":{m}}}}}"#)),
        ".{0,200}",
        prop::collection::vec(any::<u8>(), 0..200).prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
    ]
}

proptest! {
    #[test]
    fn decoding_any_body_gives_a_typed_outcome(status in 100u16..600, body in body()) {
        for result in [decode::<Workspace>("GET /x", status, &body).err(), decode::<WorkspaceDetails>("GET /x", status, &body).err()] {
            if let Some(e) = result {
                prop_assert!(matches!(e.kind, ErrorKind::Api | ErrorKind::Decode));
                prop_assert_eq!(e.status, Some(status));
                prop_assert!(e.message.starts_with("GET /x: HTTP"));
            }
        }
    }

    #[test]
    fn gateway_envelopes_keep_code_message_and_details(status in 400u16..600, code in "[0-9]{1,4}", message in ".{0,40}", details in ".{0,40}") {
        let body = serde_json::json!({ "error": { "errorCode": code, "message": message, "details": details } }).to_string();
        let e = decode::<Workspace>("POST /api/v1/workspaces", status, &body).expect_err("always a failure");
        prop_assert_eq!(e.kind, ErrorKind::Api);
        prop_assert_eq!(e.api_code.as_deref(), Some(code.as_str()));
        prop_assert_eq!(e.api_message.as_deref(), Some(message.as_str()));
        prop_assert_eq!(e.api_details.as_deref(), Some(details.as_str()));
    }

    #[test]
    fn service_failures_keep_code_and_message(status in 200u16..600, code in "[1-9][0-9]{0,4}", message in ".{0,40}") {
        let body = serde_json::json!({ "code": code, "message": message }).to_string();
        let e = decode::<Workspace>("GET /x", status, &body).expect_err("a non-zero code is a failure");
        prop_assert_eq!((e.kind, e.api_code.as_deref(), e.api_message.as_deref()), (ErrorKind::Api, Some(code.as_str()), Some(message.as_str())));
    }

    #[test]
    fn workspace_name_validation_matches_the_rule(name in prop_oneof![".{0,70}", "[a-z0-9-]{0,70}", "[a-zA-Z0-9_ -]{2,65}"]) {
        let model = (3..=63).contains(&name.chars().count()) && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        prop_assert_eq!(workspace_name(&name).is_ok(), model, "{:?}", name);
    }

    #[test]
    fn path_encoding_round_trips_and_uses_only_safe_characters(segment in ".{0,40}") {
        let encoded = encode_path_segment(&segment);
        prop_assert!(encoded.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)));
        let mut decoded = Vec::new();
        let bytes = encoded.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'%' {
                decoded.push(u8::from_str_radix(std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("zz"), 16).expect("hex"));
                i += 3;
            } else {
                decoded.push(bytes[i]);
                i += 1;
            }
        }
        prop_assert_eq!(String::from_utf8(decoded).expect("utf8"), segment);
    }

    #[test]
    fn the_signer_agrees_with_an_independent_hmac(method in "[A-Z]{3,7}", uri in "/[ -~]{0,120}", timestamp in any::<u64>(), access_key in "[!-~]{1,40}", secret in ".{0,100}") {
        let ours = Credentials::new(&access_key, &secret).sign(&method, &uri, timestamp).signature;
        let message = string_to_sign(&method, &uri, &timestamp.to_string(), &access_key);
        let theirs = STANDARD.encode(hmac_sha256::HMAC::mac(message.as_bytes(), secret.as_bytes()));
        prop_assert_eq!(ours, theirs);
    }
}

/// Any JSON value, nested a few levels.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(serde_json::Value::from),
        ".{0,12}".prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            prop::collection::vec((".{0,8}", inner), 0..6).prop_map(|members| serde_json::Value::Object(members.into_iter().collect())),
        ]
    })
}

/// Our parsed value in serde_json's terms (numbers through their text, objects keeping the last duplicate).
fn as_serde(value: &json::Value) -> serde_json::Value {
    match value {
        json::Value::Null => serde_json::Value::Null,
        json::Value::Bool(b) => serde_json::Value::Bool(*b),
        json::Value::Number(text) => serde_json::from_str(text).expect("our number text is JSON"),
        json::Value::String(s) => serde_json::Value::String(s.clone()),
        json::Value::Array(items) => serde_json::Value::Array(items.iter().map(as_serde).collect()),
        json::Value::Object(members) => serde_json::Value::Object(members.iter().map(|(k, v)| (k.clone(), as_serde(v))).collect()),
    }
}

proptest! {
    #[test]
    fn the_json_reader_agrees_with_serde_json_on_any_value(value in json_value(), pretty in any::<bool>()) {
        let text = if pretty { serde_json::to_string_pretty(&value) } else { serde_json::to_string(&value) }.expect("serializes");
        let ours = json::parse(&text).map_err(|e| format!("{e} in {text}"));
        // Compared with serde_json's reading of the same text: its float parsing is not exact, and ours
        // keeps a number's text, so both sides go through serde_json's parser.
        let theirs: serde_json::Value = serde_json::from_str(&text).expect("serde_json reads its own output");
        prop_assert_eq!(ours.map(|v| as_serde(&v)), Ok(theirs));
    }

    #[test]
    fn the_json_reader_accepts_and_refuses_what_serde_json_does(text in body()) {
        prop_assert_eq!(json::parse(&text).is_ok(), serde_json::from_str::<serde_json::Value>(&text).is_ok(), "{:?}", text);
    }

    #[test]
    fn written_strings_read_back_exactly(text in "\\PC{0,40}|[\u{0}-\u{1f}\"\\\\]{0,10}") {
        let mut out = String::new();
        json::write_string(&mut out, &text);
        prop_assert_eq!(serde_json::from_str::<String>(&out).expect("valid JSON string"), text);
    }

    #[test]
    fn written_objects_read_back_exactly(members in proptest::collection::vec(("[a-zA-Z]{1,8}", proptest::option::of("\\PC{0,20}"), any::<Option<u64>>()), 0..6)) {
        // Each key once (JSON objects keep the last duplicate), each member a text, a count or null.
        let mut seen = std::collections::HashSet::new();
        let unique: Vec<_> = members.into_iter().filter(|(k, _, _)| seen.insert(k.clone())).collect();
        let written: Vec<(&str, json::Member)> = unique.iter().map(|(k, text, count)| {
            (k.as_str(), if text.is_some() { json::Member::text(text.as_deref()) } else { json::Member::count(*count) })
        }).collect();
        let theirs: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&json::object(&written)).expect("valid JSON object");
        prop_assert_eq!(theirs.len(), unique.len());
        for (k, text, count) in &unique {
            let want = match (text, count) {
                (Some(t), _) => serde_json::Value::from(t.clone()),
                (None, Some(n)) => serde_json::Value::from(*n),
                (None, None) => serde_json::Value::Null,
            };
            prop_assert_eq!(theirs.get(k), Some(&want));
        }
        let strings: Vec<(&str, Option<&str>)> = unique.iter().map(|(k, text, _)| (k.as_str(), text.as_deref())).collect();
        let kept: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&json::object_of_strings(&strings)).expect("valid JSON object");
        prop_assert_eq!(kept.len(), unique.iter().filter(|(_, text, _)| text.is_some()).count(), "object_of_strings leaves absent members out");
    }
}

#[test]
fn deep_nesting_is_refused_without_exhausting_the_stack() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(json::parse(&deep), Err("nested too deeply"));
    let e = decode::<Workspace>("GET /x", 200, &deep).expect_err("refused");
    assert_eq!(e.kind, ErrorKind::Decode);
}

#[test]
fn json_edge_cases_match_the_grammar() {
    for good in [r#""\u00e9\ud83d\ude00""#, "-0", "0.5e-3", "1E+2", r#"{"a":[],"b":{}}"#, " \n[1,\t2] "] {
        assert!(json::parse(good).is_ok(), "{good}");
    }
    for bad in [r#""\u+fff""#, r#""\u00g0""#, "01", "-", "1.", ".5", "1e", "[1,]", r#"{"a":1,}"#, "nul", "\"a\u{1}\"", "{} {}"] {
        assert!(json::parse(bad).is_err(), "{bad}");
    }
    assert_eq!(json::parse(r#""\ud83d\ude00""#), Ok(json::Value::String("😀".into())), "surrogate pairs join");
}
