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

#[test]
fn hmac_matches_an_independent_hmac_for_long_keys_empty_and_block_boundary_messages() {
    use base64::{engine::general_purpose::STANDARD, Engine};
    let text_of = |len: usize, seed: usize| -> String { (0..len).map(|i| char::from(b'!' + ((i * 7 + seed) % 90) as u8)).collect() };
    // Keys shorter than, equal to and longer than a SHA-256 block (long keys are hashed first).
    for key_len in [0, 1, 33, 63, 64, 65, 100, 200] {
        let key = text_of(key_len, 3);
        let signer = SigningKey::new(&key);
        // Messages ending just before, at and after the 55/56-byte padding edge and the 64-byte block edge.
        for msg_len in [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 128] {
            let message = text_of(msg_len, 11);
            let want = STANDARD.encode(hmac_sha256::HMAC::mac(message.as_bytes(), key.as_bytes()));
            assert_eq!(signer.mac_base64(message.as_bytes()), want, "key {key_len} bytes, message {msg_len} bytes");
        }
    }
    // The streamed NCP message equals the MAC of the built string, also when its parts straddle blocks.
    for uri_len in [1, 30, 31, 32, 40, 95, 96, 97] {
        let uri = format!("/{}", text_of(uri_len - 1, 5));
        let signed = Credentials::new("AK", &text_of(70, 1)).sign("GET", &uri, 1_700_000_000_000);
        let message = string_to_sign("GET", &uri, "1700000000000", "AK");
        assert_eq!(signed.signature, SigningKey::new(&text_of(70, 1)).mac_base64(message.as_bytes()), "uri of {uri_len}");
    }
}
