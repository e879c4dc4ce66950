//! Input rules checked before any I/O (`core::validate`): every `Rule` a parameter of the operation
//! table can have, the percent-encoding of path segments and query values, the key rules, bucket names,
//! and `Endpoint::parse`. Every failure is a `ValidationError` naming the field and stating the rule.
#![cfg(not(target_arch = "wasm32"))]

use ncloud_media_intelligence::core::client::Endpoint;
use ncloud_media_intelligence::core::error::{Error, ErrorKind};
use ncloud_media_intelligence::core::operation::Rule;
use ncloud_media_intelligence::core::validate::{access_key, apply, bucket_name, encode_component, non_empty, secret_key, ParamValue, WORKSPACE_NAME_RULE};

use ParamValue::{Bool, List, Number, Other, Text};

fn text(s: &str) -> ParamValue {
    Text(s.to_owned())
}

/// The refusal of `value` under `rule`, checked to be a validation error naming `field`.
fn refused(rule: Rule, field: &'static str, value: &ParamValue) -> Error {
    let e = apply(rule, field, value).expect_err(&format!("{rule:?} should refuse {value:?}"));
    assert_eq!((e.kind, e.code, e.field.as_deref(), e.attempts), (ErrorKind::Validation, "INVALID_INPUT", Some(field), 0), "{value:?}");
    assert!(e.message.starts_with(&format!("{field} ")), "the message starts with the field: {}", e.message);
    e
}

fn wire(rule: Rule, value: &ParamValue) -> String {
    apply(rule, "f", value).unwrap_or_else(|e| panic!("{rule:?} should accept {value:?}: {e}"))
}

#[test]
fn workspace_names_are_3_to_63_of_lowercase_letters_digits_and_dashes() {
    let long_ok = "a".repeat(63);
    for good in ["abc", "my-workspace", "0-9", "---", long_ok.as_str()] {
        assert_eq!(wire(Rule::WorkspaceName, &text(good)), good);
    }
    let too_long = "a".repeat(64);
    for bad in ["", "ab", too_long.as_str(), "My-workspace", "my_workspace", "my workspace", "wörk", "ａbc", "a/b", "ab\n", "%41bc", "..", "a.b"] {
        let e = refused(Rule::WorkspaceName, "workspaceName", &text(bad));
        assert_eq!(e.message, format!("workspaceName {WORKSPACE_NAME_RULE}"));
        assert!(e.message.contains("3 to 63"), "the message states the rule: {}", e.message);
    }
    for (value, kind) in [(Number(123.0), "number"), (Bool(true), "boolean"), (List(vec![text("abc")]), "an array"), (Other("object"), "object")] {
        let e = refused(Rule::WorkspaceName, "workspaceName", &value);
        assert_eq!(e.message, format!("workspaceName must be a string, not {kind}"));
    }
}

#[test]
fn ids_are_positive_integers_up_to_2_pow_53_minus_1_as_numbers_or_decimal_text() {
    for (value, sent) in [
        (Number(1.0), "1"),
        (Number(42.0), "42"),
        (Number(9_007_199_254_740_991.0), "9007199254740991"),
        (text("1"), "1"),
        (text("42"), "42"),
        (text("0042"), "42"),
        (text("9007199254740991"), "9007199254740991"),
    ] {
        assert_eq!(wire(Rule::Id, &value), sent, "{value:?}");
    }
    for bad in [
        Number(0.0),
        Number(-0.0),
        Number(-1.0),
        Number(1.5),
        Number(9_007_199_254_740_992.0),
        Number(1e300),
        Number(f64::NAN),
        Number(f64::INFINITY),
        text("0"),
        text("000"),
        text("-1"),
        text("+1"),
        text("1.0"),
        text("1e3"),
        text(" 1"),
        text("1 "),
        text(""),
        text("0x10"),
        text("١٢"),
        text("9007199254740992"),
        text("12345678901234567"),
        Bool(true),
        List(vec![Number(1.0)]),
        Other("object"),
    ] {
        let e = refused(Rule::Id, "projectId", &bad);
        assert!(e.message.contains("positive integer id"), "{}", e.message);
    }
}

#[test]
fn tokens_are_1_to_128_letters_digits_dashes_and_underscores() {
    let longest = "A".repeat(128);
    for good in ["a", "search-ID_01", longest.as_str()] {
        assert_eq!(wire(Rule::Token, &text(good)), good);
    }
    let too_long = "A".repeat(129);
    for bad in [text(""), text(&too_long), text("a.b"), text("a b"), text("a/b"), text("é"), text("a%20"), Number(5.0)] {
        refused(Rule::Token, "searchId", &bad);
    }
}

#[test]
fn ranges_take_whole_numbers_and_decimal_text_within_bounds() {
    let rule = Rule::Range(1, 1000);
    for (value, sent) in [(Number(1.0), "1"), (Number(1000.0), "1000"), (text("50"), "50"), (text("0050"), "50")] {
        assert_eq!(wire(rule, &value), sent, "{value:?}");
    }
    for bad in [Number(0.0), Number(1001.0), Number(1.5), Number(-1.0), Number(f64::NAN), text("0"), text("1001"), text("+5"), text("-5"), text("5.0"), text(""), text("1e3"), text("99999999999"), Bool(true)] {
        let e = refused(rule, "pageSize", &bad);
        assert_eq!(e.message, "pageSize must be a whole number from 1 to 1000");
    }
    let page = Rule::Range(1, 2_147_483_647);
    assert_eq!(wire(page, &text("2147483647")), "2147483647");
    refused(page, "pageNum", &text("2147483648"));
    refused(page, "pageNum", &Number(2_147_483_648.0));
    assert_eq!(wire(Rule::Range(0, 5), &Number(0.0)), "0");
}

#[test]
fn one_of_takes_exactly_one_of_the_listed_words() {
    let rule = Rule::OneOf(&["ASC", "DESC"]);
    assert_eq!(wire(rule, &text("ASC")), "ASC");
    assert_eq!(wire(rule, &text("DESC")), "DESC");
    for bad in [text("asc"), text("ASC "), text(""), text("ASC,DESC"), Number(1.0), List(vec![text("ASC")])] {
        let e = refused(rule, "sort", &bad);
        assert_eq!(e.message, "sort must be one of ASC, DESC");
    }
}

#[test]
fn free_text_is_limited_by_characters_not_bytes_and_refuses_separators_blanks_and_controls() {
    let rule = Rule::Text(1, 5);
    for good in ["a", "hello", "한국어요", "ab cd", "é-é", "🙂🙂🙂🙂🙂"] {
        assert_eq!(wire(rule, &text(good)), good, "{good:?}");
    }
    for bad in ["", "abcdef", "한국어요한국", "🙂🙂🙂🙂🙂🙂"] {
        let e = refused(rule, "name", &text(bad));
        assert_eq!(e.message, "name must be 1 to 5 characters, not blank", "{bad:?}");
    }
    for blank in [" ", "   ", "\t", "\u{3000}"] {
        refused(rule, "name", &text(blank));
    }
    for bad in ["a;b", "a|b", "a`b"] {
        let e = refused(rule, "name", &text(bad));
        assert_eq!(e.message, "name must not contain ;, | or a backtick");
    }
    for bad in ["a\nb", "a\u{0}", "\u{7f}x"] {
        let e = refused(rule, "name", &text(bad));
        assert!(e.message.contains("control characters"), "{}", e.message);
    }
    refused(rule, "name", &Number(1.0));
    assert_eq!(wire(Rule::Text(0, 3), &text("x")), "x");
}

#[test]
fn id_lists_are_1_to_max_ids_sent_comma_separated() {
    let rule = Rule::IdList(3);
    assert_eq!(wire(rule, &List(vec![Number(1.0)])), "1");
    assert_eq!(wire(rule, &List(vec![Number(1.0), text("22"), Number(333.0)])), "1,22,333");
    assert_eq!(wire(rule, &List(vec![text("007")])), "7");
    for bad in [
        List(vec![]),
        List(vec![Number(1.0), Number(2.0), Number(3.0), Number(4.0)]),
        List(vec![Number(1.0), Number(0.0)]),
        List(vec![Number(1.5)]),
        List(vec![text("1,2")]),
        List(vec![List(vec![Number(1.0)])]),
        text("1,2"),
        Number(1.0),
    ] {
        let e = refused(rule, "assetIds", &bad);
        assert_eq!(e.message, "assetIds must be an array of 1 to 3 positive integer ids", "{bad:?}");
    }
}

#[test]
fn components_keep_only_unreserved_characters_and_encode_every_other_utf8_byte() {
    for byte in 0u8..128 {
        let c = char::from(byte);
        let want = if c.is_ascii_alphanumeric() || "-._~".contains(c) { c.to_string() } else { format!("%{byte:02X}") };
        assert_eq!(encode_component(&c.to_string()), want, "byte {byte:#04x}");
    }
    assert_eq!(encode_component("my-workspace_1.~"), "my-workspace_1.~");
    assert_eq!(encode_component("a b/c?d%e&f=g+h#i"), "a%20b%2Fc%3Fd%25e%26f%3Dg%2Bh%23i");
    assert_eq!(encode_component("%2F"), "%252F", "already-encoded text is encoded again: one encoding, by us");
    assert_eq!(encode_component("한"), "%ED%95%9C");
    assert_eq!(encode_component("é🙂"), "%C3%A9%F0%9F%99%82");
    assert_eq!(encode_component(""), "");
}

#[test]
fn access_keys_are_1_to_256_printable_ascii_without_spaces() {
    let longest = "K".repeat(256);
    for good in ["NCP-AK_123.x", "AK.id-with_punct+/=:~!", longest.as_str()] {
        assert!(access_key(good).is_ok(), "{good:?}");
    }
    let too_long = "K".repeat(257);
    for bad in ["", "has space", "new\nline", "tab\t", "ключ", too_long.as_str(), "\u{7f}"] {
        let e = access_key(bad).expect_err(bad);
        assert_eq!((e.kind, e.field.as_deref()), (ErrorKind::Validation, Some("accessKey")), "{bad:?}");
        assert!(bad.is_empty() || !e.message.contains(bad), "the message does not repeat the key");
    }
}

#[test]
fn secret_keys_are_1_to_1024_characters() {
    let longest = "s".repeat(1024);
    for good in ["s", "비밀키-シークレット-ß", "with space", longest.as_str()] {
        assert!(secret_key(good).is_ok(), "{good:?}");
    }
    for bad in [String::new(), "s".repeat(1025)] {
        let e = secret_key(&bad).expect_err("refused");
        assert_eq!(e.field.as_deref(), Some("secretKey"));
        assert!(bad.is_empty() || !e.message.contains(&bad));
    }
}

#[test]
fn a_secret_of_1024_non_ascii_characters_is_accepted_as_its_rule_says() {
    assert!(secret_key(&"한".repeat(1024)).is_ok(), "1024 characters (3072 bytes) is within `1 to 1024 characters`");
}

#[test]
fn bucket_names_and_required_strings() {
    assert!(bucket_name("b").is_ok());
    assert!(bucket_name(&"b".repeat(255)).is_ok());
    for bad in [String::new(), "b".repeat(256), "a\nb".to_owned()] {
        assert_eq!(bucket_name(&bad).expect_err("refused").field.as_deref(), Some("bucketName"), "{bad:?}");
    }
    assert!(non_empty("name", "x").is_ok());
    assert_eq!(non_empty("name", "").expect_err("empty").message, "name must be a non-empty string");
}

#[test]
fn endpoints_take_http_urls_with_an_optional_plain_prefix() {
    let parse = |text: &str| Endpoint::parse(text, "endpoint").unwrap_or_else(|e| panic!("{text}: {e}"));
    let default = parse("https://mi.apigw.ntruss.com");
    assert_eq!((default.origin.as_str(), default.base_path.as_str()), ("https://mi.apigw.ntruss.com", ""));
    assert_eq!(parse("https://mi.apigw.ntruss.com/"), default, "a trailing slash is tolerated");
    let local = parse("http://127.0.0.1:8787/proxy/");
    assert_eq!((local.origin.as_str(), local.base_path.as_str()), ("http://127.0.0.1:8787", "/proxy"));
    let deep = parse("https://h.example/a/b-c/d_e.f~g");
    assert_eq!(deep.base_path, "/a/b-c/d_e.f~g");
    assert_eq!(deep.uri("/api/v1/workspaces?pageNum=1"), "/a/b-c/d_e.f~g/api/v1/workspaces?pageNum=1");
    assert_eq!(default.uri("/api/v1/workspaces"), "/api/v1/workspaces");
    let v6 = parse("http://[::1]:9000");
    assert_eq!(v6.origin, "http://[::1]:9000");
    let upper = parse("https://MI.ApiGW.Example.COM/Prefix");
    assert_eq!((upper.origin.as_str(), upper.base_path.as_str()), ("https://mi.apigw.example.com", "/Prefix"), "the host is lower-cased, the signed prefix is kept");
}

#[test]
fn endpoints_that_a_url_parser_would_rewrite_or_that_carry_credentials_are_refused_without_quoting_them() {
    for bad in [
        "",
        "mi.apigw.ntruss.com",
        "ftp://files.example",
        "https://",
        "https:///path",
        "//h.example",
        "https://user:hunter2@h.example",
        "https://hunter2@h.example",
        "https://h.example/..",
        "https://h.example/a/../b",
        "https://h.example/./b",
        "https://h.example/.",
        "https://h.example//double",
        "https://h.example/a//b",
        "https://hé.example",
        "https://h.example/préfixe",
        "https://h.example\\evil",
        "https://h.example/a\\b",
        "https://h.example/{x}",
        "https://h.example/%41",
        "https://h.example/?q=1",
        "https://h.example?q=1",
        "https://h.example/#frag",
        "https://h.example#frag",
        "https://h.example /",
        "https://h.example/a b",
        " https://h.example",
        "https://h.example\n",
    ] {
        let e = Endpoint::parse(bad, "endpoint").expect_err(bad);
        assert_eq!((e.kind, e.field.as_deref()), (ErrorKind::Validation, Some("endpoint")), "{bad:?}");
        assert!(!e.message.contains("hunter2") && !e.message.contains("h.example"), "the message never quotes the text: {}", e.message);
    }
    let e = Endpoint::parse("https://user:pw@host", "proxyUrl").expect_err("credentials");
    assert_eq!(e.field.as_deref(), Some("proxyUrl"), "the field is the one the caller names");
    assert!(e.message.contains("no credentials"), "{}", e.message);
}

#[test]
fn endpoints_whose_host_and_port_no_url_parser_takes_are_refused() {
    for bad in ["https://:80", "https://[", "https://h.example:99999", "https://h.example:8o", "https://a:b:c"] {
        assert!(Endpoint::parse(bad, "endpoint").is_err(), "{bad} is not http(s)://host[:port]");
    }
}
