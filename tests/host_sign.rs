//! The signer against `tests/vectors/signature.json`, whose expected values come from an independent
//! tool (see tests/vectors/README.md): the HMAC/base64 core first, then each NCP stage.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use ncloud_media_intelligence::sign::{string_to_sign, Credentials, SigningKey};

fn text<'a>(case: &'a serde_json::Value, key: &str) -> &'a str {
    case[key].as_str().unwrap_or_else(|| panic!("vector field {key} missing in {case}"))
}

#[test]
fn hmac_core_matches_independent_vectors_including_rfc4231_case_2() {
    let vectors = common::json("vectors/signature.json");
    let cases = vectors["hmac"].as_array().expect("hmac vectors");
    assert!(cases.iter().any(|c| c["key"] == "Jefe"), "RFC 4231 case 2 must be among the vectors");
    for case in cases {
        let got = SigningKey::new(text(case, "key")).mac_base64(text(case, "data").as_bytes());
        assert_eq!(got, text(case, "base64"), "hmac vector {}", text(case, "name"));
    }
}

#[test]
fn string_to_sign_matches_every_ncp_vector() {
    let vectors = common::json("vectors/signature.json");
    for case in vectors["ncp"].as_array().expect("ncp vectors") {
        let message = string_to_sign(text(case, "method"), text(case, "uri"), text(case, "timestamp"), text(case, "accessKey"));
        assert_eq!(message, text(case, "message"), "string to sign for {}", text(case, "name"));
    }
}

#[test]
fn signature_matches_every_ncp_vector() {
    let vectors = common::json("vectors/signature.json");
    let cases = vectors["ncp"].as_array().expect("ncp vectors");
    assert!(cases.len() >= 8, "expected at least 8 NCP vectors");
    for case in cases {
        let timestamp: u64 = text(case, "timestamp").parse().expect("numeric timestamp");
        let signed = Credentials::new(text(case, "accessKey"), text(case, "secretKey")).sign(text(case, "method"), text(case, "uri"), timestamp);
        assert_eq!(signed.signature, text(case, "signature"), "signature for {}", text(case, "name"));
        assert_eq!(signed.timestamp, text(case, "timestamp"));
        assert_eq!(signed.access_key, text(case, "accessKey"));
    }
}

#[test]
fn debug_output_never_shows_the_secret_or_the_signature() {
    let credentials = Credentials::new("AK-visible", "very-secret-value");
    let signed = credentials.sign("GET", "/api/v1/workspaces", 1_700_000_000_000);
    let printed = format!("{credentials:?} {signed:?} {:?}", SigningKey::new("very-secret-value"));
    assert!(printed.contains("AK-visible"), "the access key is not secret and helps debugging: {printed}");
    assert!(!printed.contains("very-secret-value"), "{printed}");
    assert!(!printed.contains(&signed.signature), "{printed}");
}
