//! Input rules: workspace and bucket names, access keys, endpoints and path encoding.
#![cfg(not(target_arch = "wasm32"))]

use ncloud_media_intelligence::client::Endpoint;
use ncloud_media_intelligence::error::ErrorKind;
use ncloud_media_intelligence::validate::{access_key, bucket_name, encode_path_segment, workspace_name};

#[test]
fn workspace_names_follow_the_documented_rule() {
    let long_ok = "a".repeat(63);
    for good in ["abc", "my-workspace", "0-9", "---", long_ok.as_str()] {
        assert!(workspace_name(good).is_ok(), "{good:?} should pass");
    }
    let too_long = "a".repeat(64);
    for bad in ["", "ab", too_long.as_str(), "My-workspace", "my_workspace", "my workspace", "wörk", "a/b", "ab\n", "%41bc"] {
        let e = workspace_name(bad).expect_err(bad);
        assert_eq!((e.kind, e.code, e.field), (ErrorKind::Validation, "INVALID_INPUT", Some("workspaceName")));
        assert!(e.message.contains("3 to 63"), "the message states the rule: {}", e.message);
    }
}

#[test]
fn bucket_names_must_be_non_empty_and_access_keys_header_safe() {
    assert!(bucket_name("b").is_ok());
    assert_eq!(bucket_name("").expect_err("empty").field, Some("bucketName"));
    assert!(access_key("NCP-AK_123.x").is_ok());
    for bad in ["", "has space", "new\nline", "ключ"] {
        assert_eq!(access_key(bad).expect_err(bad).field, Some("accessKey"), "{bad:?}");
    }
}

#[test]
fn endpoints_accept_http_urls_with_optional_prefix_and_trailing_slash() {
    assert_eq!(Endpoint::parse("https://mi.apigw.ntruss.com/").ok(), Endpoint::parse("https://mi.apigw.ntruss.com").ok());
    assert!(Endpoint::parse("https://mi.apigw.ntruss.com/").is_ok());
    assert_ne!(Endpoint::parse("http://127.0.0.1:8787/proxy").ok(), Endpoint::parse("http://127.0.0.1:8787").ok());
    for bad in ["", "mi.apigw.ntruss.com", "ftp://x", "https://", "https://h/?q", "https://h/#f", "https://h /"] {
        assert_eq!(Endpoint::parse(bad).expect_err(bad).field, Some("endpoint"), "{bad:?}");
    }
}

#[test]
fn path_segments_are_percent_encoded_once() {
    assert_eq!(encode_path_segment("my-workspace_1.~"), "my-workspace_1.~");
    assert_eq!(encode_path_segment("a b/c?d%e"), "a%20b%2Fc%3Fd%25e");
    assert_eq!(encode_path_segment("한"), "%ED%95%9C");
}
