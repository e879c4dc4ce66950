//! `text`: the fmt-free builders write exactly what `format!` and `to_string` would.
#![cfg(not(target_arch = "wasm32"))]

use ncloud_media_intelligence::text::{concat, decimal, digits};
use proptest::prelude::*;

#[test]
fn decimal_matches_to_string_at_the_edges() {
    for n in [0, 1, 9, 10, 99, 100, 65_535, 2_147_483_647, 9_007_199_254_740_991, u64::MAX - 1, u64::MAX] {
        assert_eq!(decimal(n), n.to_string());
    }
}

#[test]
fn concat_joins_in_order() {
    assert_eq!(concat(&[]), "");
    assert_eq!(concat(&["GET", " ", "/api/v1/workspaces/é"]), "GET /api/v1/workspaces/é");
}

#[test]
fn digits_takes_only_plain_decimal_text() {
    assert_eq!(digits("0"), Some(0));
    assert_eq!(digits("0042"), Some(42));
    assert_eq!(digits("9999999999999999999"), Some(9_999_999_999_999_999_999));
    assert_eq!(digits("18446744073709551615"), Some(u64::MAX));
    for bad in ["", "+5", "-1", " 5", "5 ", "1.0", "1e3", "١", "18446744073709551616", "99999999999999999999", "000000000000000000001"] {
        assert_eq!(digits(bad), None, "{bad:?}");
    }
}

proptest! {
    #[test]
    fn digits_agrees_with_parse_on_digit_strings(text in "[0-9]{1,20}") {
        prop_assert_eq!(digits(&text), text.parse::<u64>().ok());
    }

    #[test]
    fn decimal_matches_to_string(n in any::<u64>()) {
        prop_assert_eq!(decimal(n), n.to_string());
    }

    #[test]
    fn concat_matches_format(a in ".*", b in ".*", c in ".*") {
        prop_assert_eq!(concat(&[&a, &b, &c]), format!("{a}{b}{c}"));
    }
}
