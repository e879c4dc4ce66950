//! The operation table (`api::OPERATIONS`) is consistent, entry by entry: unique names, path templates
//! and parameters that agree, query parameters with wire names, body and result shapes that `api::body`
//! and `api::check` handle, no two entries of one method matching the same path (checked with the
//! proxy's own router), paging and polling members that exist, and the README's fields filled in.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::HashSet;

use common::{doc, Json};
use ncloud_media_intelligence::api::{self, BODY_TYPES, OPERATIONS};
use ncloud_media_intelligence::core::http::Method;
use ncloud_media_intelligence::core::operation::{At, Operation, Recover, Rule};
use ncloud_media_intelligence::core::proxy::{route, Policy};
use ncloud_media_intelligence::core::shape::{Ty, VOID};
use ncloud_media_intelligence::core::validate::{apply, encode_component, ParamValue};
use serde_json::{json, Value};

/// The names of `{name}` placeholders in a path template, in order.
fn placeholders(template: &str) -> Vec<&str> {
    template.split('/').filter_map(|s| s.strip_prefix('{').and_then(|s| s.strip_suffix('}'))).collect()
}

/// A path for `op` with every placeholder filled with a plain value.
fn sample_path(op: &Operation) -> String {
    op.path.split('/').map(|s| if s.starts_with('{') { "p1" } else { s }).collect::<Vec<_>>().join("/")
}

/// A document of type `ty` with every documented member filled (`all`) or only the required ones.
fn sample(ty: &Ty, all: bool) -> Value {
    match ty {
        Ty::Text => json!("text"),
        Ty::Int => json!(7),
        Ty::Number => json!(1.5),
        Ty::Id => json!(7),
        Ty::Count => json!(1),
        Ty::Bool => json!(true),
        Ty::Any => json!({ "anything": [1, "two"] }),
        Ty::List(item) => json!([sample(item, all), sample(item, all)]),
        Ty::Object(fields) => Value::Object(fields.iter().filter(|f| all || f.required).map(|f| (f.name.to_owned(), sample(&f.ty, all))).collect()),
    }
}

fn everything() -> Policy {
    Policy { allow: OPERATIONS.to_vec(), base_path: String::new(), max_body_bytes: 1000 }
}

#[test]
fn names_are_unique_camel_case_and_found_by_name() {
    let mut seen = HashSet::new();
    assert!(!OPERATIONS.is_empty());
    for op in OPERATIONS {
        assert!(seen.insert(op.name), "{} is in the table twice", op.name);
        assert!(op.name.starts_with(|c: char| c.is_ascii_lowercase()) && op.name.chars().all(|c| c.is_ascii_alphanumeric()), "{}", op.name);
        assert!(std::ptr::eq(api::find(op.name).expect("found"), *op), "find({}) gives its entry", op.name);
        assert_eq!(Method::parse(op.method.as_str()), Some(op.method));
    }
    assert!(api::find("noSuchOperation").is_none());
}

#[test]
fn every_placeholder_is_a_path_parameter_and_every_path_parameter_a_placeholder() {
    for op in OPERATIONS {
        assert!(op.path.starts_with("/api/v1/") && !op.path.contains(['?', '#', '%']) && !op.path.ends_with('/'), "{}: {}", op.name, op.path);
        let names = placeholders(op.path);
        let unique: HashSet<_> = names.iter().collect();
        assert_eq!(unique.len(), names.len(), "{}: a placeholder appears once", op.name);
        for name in &names {
            let param = op.params.iter().find(|p| p.name == *name).unwrap_or_else(|| panic!("{}: {{{name}}} has no parameter", op.name));
            assert_eq!((param.at, param.wire, param.required), (At::Path, *name, true), "{}: {name}", op.name);
        }
        for param in op.params.iter().filter(|p| p.at == At::Path) {
            assert!(names.contains(&param.name), "{}: path parameter {} is not in {}", op.name, param.name, op.path);
        }
    }
}

#[test]
fn no_path_parameter_accepts_a_dot_segment() {
    // `.` is unreserved, so `encode_component` keeps it, and URL parsers remove `.` and `..` segments
    // (WHATWG also `%2e`): a path parameter whose rule took one would be signed one way and sent another,
    // and could climb to another route. Every path rule must refuse them (and `/`, `%`).
    for op in OPERATIONS {
        for param in op.params.iter().filter(|p| p.at == At::Path) {
            for dots in [".", "..", "%2e", "%2E%2E", "a/b", "a%2Fb"] {
                assert!(apply(param.rule, param.name, &ParamValue::Text(dots.to_owned())).is_err(), "{}: {} takes {dots:?}", op.name, param.name);
            }
        }
    }
}

#[test]
fn query_parameters_have_plain_unique_wire_names_and_defaults_that_pass_their_rule() {
    for op in OPERATIONS {
        let mut names = HashSet::new();
        let mut wires = HashSet::new();
        for param in op.params {
            assert!(names.insert(param.name), "{}: parameter {} twice", op.name, param.name);
            if param.at == At::Query {
                assert!(!param.wire.is_empty() && encode_component(param.wire) == param.wire, "{}: wire name {:?}", op.name, param.wire);
                assert!(wires.insert(param.wire), "{}: wire name {} twice", op.name, param.wire);
            }
            if let Some(default) = param.default {
                assert_eq!(apply(param.rule, param.name, &ParamValue::Text(default.to_owned())).ok().as_deref(), Some(default), "{}: {}'s default", op.name, param.name);
                assert!(!param.required, "{}: {} has a default, so it cannot be required", op.name, param.name);
            }
            match param.rule {
                Rule::Range(min, max) | Rule::Text(min, max) => assert!(min <= max, "{}: {}", op.name, param.name),
                Rule::OneOf(words) => assert!(!words.is_empty() && words.iter().all(|w| !w.is_empty())),
                Rule::IdList(max) => assert!(max >= 1),
                Rule::WorkspaceName | Rule::Id | Rule::Token => {}
            }
        }
        let options: Vec<_> = op.option_names().collect();
        assert_eq!(options.iter().collect::<HashSet<_>>().len(), options.len(), "{}: a body field shares a parameter's name", op.name);
    }
}

#[test]
fn bodies_are_handled_by_api_body_and_only_where_the_method_carries_one() {
    for op in OPERATIONS {
        let Some(shape) = op.body else {
            assert!(api::body::<Json>(op, &doc(json!({}))).expect("no body").json.is_none(), "{}", op.name);
            continue;
        };
        assert!(!matches!(op.method, Method::Get | Method::Delete), "{}: a {} carries no body", op.name, op.method.as_str());
        assert!(BODY_TYPES.contains(&shape.name), "{}: body {} is not in BODY_TYPES", op.name, shape.name);
        assert!(matches!(shape.ty, Ty::Object(_)), "{}: a body is an object", op.name);
        for options in [json!({}), sample(&shape.ty, true), sample(&shape.ty, false)] {
            if let Err(e) = api::body::<Json>(op, &doc(options.clone())) {
                assert_ne!(e.message, "options is not accepted by this operation", "{}: body {} reaches api::body's fallback", op.name, shape.name);
            }
        }
    }
}

#[test]
fn results_are_checked_against_their_documented_shape() {
    for op in OPERATIONS {
        let ty = &op.result.ty;
        assert!(!op.result.name.is_empty(), "{}", op.name);
        if std::ptr::eq(op.result, &VOID) {
            assert_eq!(api::check::<Json>(op, None), Ok(()), "{}: void takes no result", op.name);
            continue;
        }
        assert!(api::check::<Json>(op, None).is_err(), "{}: a {} result is required", op.name, op.result.name);
        assert!(api::check::<Json>(op, Some(&doc(json!(42)))).is_err(), "{}: 42 is not a {}", op.name, op.result.name);
        for all in [true, false] {
            let result = sample(ty, all);
            assert_eq!(api::check::<Json>(op, Some(&doc(result.clone()))), Ok(()), "{}: {result}", op.name);
        }
    }
}

#[test]
fn no_two_entries_of_one_method_match_the_same_path() {
    for op in OPERATIONS {
        let path = sample_path(op);
        let alone = Policy { allow: vec![*op], ..everything() };
        assert!(std::ptr::eq(route(&alone, op.method.as_str(), &path, "").expect("its own shape routes").op, *op), "{}", op.name);
        assert!(std::ptr::eq(route(&everything(), op.method.as_str(), &path, "").expect("routes").op, *op), "{}: {path} routes to it", op.name);
        for other in OPERATIONS.iter().filter(|o| o.method == op.method && !std::ptr::eq(**o, *op)) {
            let only_other = Policy { allow: vec![*other], ..everything() };
            assert!(route(&only_other, op.method.as_str(), &path, "").is_err(), "{} {path} of {} also matches {}", op.method.as_str(), op.name, other.name);
        }
    }
}

#[test]
fn paged_entries_page_with_page_num_and_name_their_items_member() {
    for op in OPERATIONS {
        let Some(paging) = op.paged else { continue };
        let page_num = op.params.iter().find(|p| p.name == "pageNum").unwrap_or_else(|| panic!("{} is paged without pageNum", op.name));
        assert_eq!((page_num.at, page_num.wire, page_num.default), (At::Query, "pageNum", Some("1")), "{}", op.name);
        assert_eq!(op.method, Method::Get, "{}", op.name);
        let Ty::Object(fields) = op.result.ty else { panic!("{}: a page is an object", op.name) };
        let items = fields.iter().find(|f| f.name == paging.items).unwrap_or_else(|| panic!("{}: no {} member", op.name, paging.items));
        assert!(matches!(items.ty, Ty::List(_)), "{}: {} is a list", op.name, paging.items);
    }
}

#[test]
fn polled_and_recovering_entries_refer_to_members_and_operations_that_exist() {
    for op in OPERATIONS {
        if let Some(poll) = op.poll {
            let Ty::Object(fields) = op.result.ty else { panic!("{}: a status is an object", op.name) };
            let state = fields.iter().find(|f| f.name == poll.field).unwrap_or_else(|| panic!("{}: no {} member", op.name, poll.field));
            assert!(state.required && matches!(state.ty, Ty::Text), "{}: the state {} is a required string", op.name, poll.field);
            assert_eq!(op.method, Method::Get, "{}: polling repeats it", op.name);
            assert!(!poll.done.is_empty(), "{}", op.name);
            for (failed, code) in poll.failed {
                assert!(!poll.done.contains(failed), "{}: {failed} is both done and failed", op.name);
                assert!(!code.is_empty() && code.chars().all(|c| c.is_ascii_uppercase() || c == '_'), "{}: error code {code}", op.name);
            }
            if let Some(member) = poll.message.and_then(|m| fields.iter().find(|f| f.name == m)) {
                assert!(matches!(member.ty, Ty::Text), "{}: the message {} is a string", op.name, member.name);
            }
        }
        if let Some(Recover::ReadBackWorkspace) = op.recover {
            assert_eq!(op.body.map(|b| b.name), Some("CreateWorkspaceOptions"), "{}: it reads back the workspace it created", op.name);
            assert!(api::find("getWorkspace").is_some());
        }
        for key in op.lift {
            assert!(matches!(op.result.ty, Ty::Object(_)), "{}: lifts {key} into an object", op.name);
        }
    }
}

#[test]
fn readme_fields_are_filled_in() {
    for op in OPERATIONS {
        assert!(!op.slug.is_empty() && op.slug.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'), "{}: slug {:?}", op.name, op.slug);
        assert!(!op.summary.trim().is_empty() && !op.summary.contains('\n') && op.summary.ends_with('.'), "{}: summary {:?}", op.name, op.summary);
    }
    let slugs: HashSet<_> = OPERATIONS.iter().map(|op| op.slug).collect();
    assert_eq!(slugs.len(), OPERATIONS.len(), "one API reference page per operation");
}
