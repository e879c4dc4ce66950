//! The signer (`core::sign`) against known answers computed by tools independent of it:
//! `tests/vectors/signature.json` (Python's `hmac`, cross-checked with openssl: the HMAC/base64 core
//! with RFC 4231 case 2, then each NCP stage), `tests/fixtures/hmac-boundaries.json` (Python's `hmac`
//! at every SHA-256 block edge), and on random input an RFC 2104 HMAC written here over `sha2`.
//! Also: `Debug` of `Credentials`, `SigningKey` and `SignedHeaders` never shows a secret or signature.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use ncloud_media_intelligence::core::sign::{string_to_sign, Credentials, SigningKey, HEADER_ACCESS_KEY, HEADER_SIGNATURE, HEADER_TIMESTAMP};
use proptest::prelude::*;
use sha2::{Digest, Sha256};

fn text<'a>(case: &'a serde_json::Value, key: &str) -> &'a str {
    case[key].as_str().unwrap_or_else(|| panic!("vector field {key} missing in {case}"))
}

#[test]
fn hmac_core_matches_independent_vectors_including_rfc4231_case_2() {
    let vectors = common::json("vectors/signature.json");
    let cases = vectors["hmac"].as_array().expect("hmac vectors");
    let rfc = cases.iter().find(|c| c["key"] == "Jefe").expect("RFC 4231 case 2 must be among the vectors");
    // The value RFC 4231 section 4.3 publishes, independent of the file.
    assert_eq!(text(rfc, "base64"), "W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=");
    assert!(cases.len() >= 4);
    for case in cases {
        let got = SigningKey::new(text(case, "key")).mac_base64(text(case, "data").as_bytes());
        assert_eq!(got, text(case, "base64"), "hmac vector {}", text(case, "name"));
    }
}

#[test]
fn hmac_matches_python_at_every_block_edge_of_key_and_message() {
    let vectors = common::json("fixtures/hmac-boundaries.json");
    let cases = vectors["cases"].as_array().expect("cases");
    let (keys, messages) = (vectors["keyLengths"].as_array().expect("keys"), vectors["messageLengths"].as_array().expect("messages"));
    assert_eq!(cases.len(), keys.len() * messages.len(), "every key length with every message length");
    for edge in [0, 63, 64, 65] {
        assert!(keys.contains(&edge.into()), "keys of {edge} bytes are covered");
    }
    for edge in [55, 56, 63, 64, 65, 128] {
        assert!(messages.contains(&edge.into()), "messages of {edge} bytes are covered");
    }
    for case in cases {
        let (key, data) = (text(case, "key"), text(case, "data"));
        assert_eq!(SigningKey::new(key).mac_base64(data.as_bytes()), text(case, "base64"), "key {} bytes, message {} bytes", key.len(), data.len());
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
fn every_signing_entry_point_matches_every_ncp_vector() {
    let vectors = common::json("vectors/signature.json");
    let cases = vectors["ncp"].as_array().expect("ncp vectors");
    assert!(cases.len() >= 8, "expected at least 8 NCP vectors");
    for case in cases {
        let (name, method, uri, stamp) = (text(case, "name"), text(case, "method"), text(case, "uri"), text(case, "timestamp"));
        let (access_key, secret_key, want) = (text(case, "accessKey"), text(case, "secretKey"), text(case, "signature"));
        let timestamp: u64 = stamp.parse().expect("numeric timestamp");
        let credentials = Credentials::new(access_key, secret_key);
        let signed = credentials.sign(method, uri, timestamp);
        assert_eq!((signed.timestamp.as_str(), signed.access_key.as_str(), signed.signature.as_str()), (stamp, access_key, want), "{name}");
        assert_eq!(credentials.access_key(), access_key);
        assert_eq!(credentials.with_signature(method, uri, stamp, str::to_owned), want, "{name}: Credentials::with_signature");
        let key = SigningKey::new(secret_key);
        assert_eq!(key.sign(method, uri, stamp, access_key), want, "{name}: SigningKey::sign");
        assert_eq!(key.with_signature(method, uri, stamp, access_key, str::to_owned), want, "{name}: SigningKey::with_signature");
        assert_eq!(key.mac_base64(text(case, "message").as_bytes()), want, "{name}: the MAC of the message");
        assert_eq!(key.clone().sign(method, uri, stamp, access_key), want, "{name}: a cloned key signs alike");
    }
}

#[test]
fn header_names_are_the_ones_ncp_documents() {
    assert_eq!((HEADER_TIMESTAMP, HEADER_ACCESS_KEY, HEADER_SIGNATURE), ("x-ncp-apigw-timestamp", "x-ncp-iam-access-key", "x-ncp-apigw-signature-v2"));
}

#[test]
fn debug_output_never_shows_the_secret_or_the_signature() {
    let credentials = Credentials::new("AK-visible", "very-secret-value");
    let signed = credentials.sign("GET", "/api/v1/workspaces", 1_700_000_000_000);
    let key = SigningKey::new("very-secret-value");
    for printed in [format!("{credentials:?}"), format!("{credentials:#?}"), format!("{signed:?}"), format!("{key:?}"), format!("{key:#?}")] {
        assert!(!printed.contains("very-secret-value"), "{printed}");
        assert!(!printed.contains(&signed.signature), "{printed}");
    }
    assert!(format!("{credentials:?}").contains("AK-visible"), "the access key is not secret and helps debugging");
    assert!(format!("{signed:?}").contains("1700000000000") && format!("{signed:?}").contains("<redacted>"));
    assert_eq!(format!("{key:?}"), "SigningKey(<redacted>)");
}

/// HMAC-SHA256 as RFC 2104 defines it, over `sha2` (not the `hmac` crate the signer uses).
fn rfc2104(key: &[u8], message: &[u8]) -> String {
    let mut block = [0u8; 64];
    if key.len() > 64 {
        block[..32].copy_from_slice(Sha256::digest(key).as_slice());
    } else {
        block[..key.len()].copy_from_slice(key);
    }
    let pad = |byte: u8| block.iter().map(|b| b ^ byte).collect::<Vec<u8>>();
    let inner = Sha256::new().chain_update(pad(0x36)).chain_update(message).finalize();
    let outer = Sha256::new().chain_update(pad(0x5c)).chain_update(inner.as_slice()).finalize();
    STANDARD.encode(outer.as_slice())
}

#[test]
fn the_model_hmac_itself_matches_rfc4231_case_2() {
    assert_eq!(rfc2104(b"Jefe", b"what do ya want for nothing?"), "W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=");
}

proptest! {
    #[test]
    fn signing_key_agrees_with_an_rfc2104_hmac(secret in prop_oneof![".{0,40}", "[ -~]{60,140}"], message in prop::collection::vec(any::<u8>(), 0..300)) {
        prop_assert_eq!(SigningKey::new(&secret).mac_base64(&message), rfc2104(secret.as_bytes(), &message));
    }

    #[test]
    fn signatures_are_the_mac_of_the_documented_message(method in "[A-Z]{3,7}", uri in "/[ -~]{0,150}", timestamp in any::<u64>(), access_key in "[!-~]{1,40}", secret in ".{0,100}") {
        let ours = Credentials::new(&access_key, &secret).sign(&method, &uri, timestamp);
        let message = format!("{method} {uri}\n{timestamp}\n{access_key}");
        prop_assert_eq!(string_to_sign(&method, &uri, &timestamp.to_string(), &access_key), message.clone());
        prop_assert_eq!(ours.signature, rfc2104(secret.as_bytes(), message.as_bytes()));
        prop_assert_eq!(ours.timestamp, timestamp.to_string());
    }
}
