//! The README's operation list is generated from the operation table (`api::OPERATIONS`): this test
//! renders the table and fails when the README's list differs. `UPDATE_README=1 cargo test --test
//! host_readme` writes it.
#![cfg(not(target_arch = "wasm32"))]

use ncloud_media_intelligence::api::OPERATIONS;
use ncloud_media_intelligence::core::operation::At;

const BEGIN: &str = "<!-- operations:begin (generated from api::OPERATIONS by tests/host_readme.rs) -->";
const END: &str = "<!-- operations:end -->";

fn render() -> String {
    let mut out = String::from("| method | HTTP | path and query | options | resolves | retried after a possible send | docs |\n|---|---|---|---|---|---|---|\n");
    for op in OPERATIONS {
        let query: Vec<String> = op.params.iter().filter(|p| p.at == At::Query).map(|p| format!("{}={{{}}}", p.wire, p.name)).collect();
        let path = if query.is_empty() { op.path.to_owned() } else { format!("{}?{}", op.path, query.join("&")) };
        let mut options: Vec<String> = op.params.iter().map(|p| if p.required || p.at == At::Path { p.name.to_owned() } else { format!("{}?", p.name) }).collect();
        if let Some(body) = op.body {
            if let ncloud_media_intelligence::core::shape::Ty::Object(fields) = body.ty {
                options.extend(fields.iter().map(|f| if f.required { f.name.to_owned() } else { format!("{}?", f.name) }));
            }
        }
        let resolves = if op.result.name == "void" { "the API's result, if any".to_owned() } else { format!("`{}`", op.result.name) };
        let mut notes = Vec::new();
        if op.paged.is_some() {
            notes.push("paged");
        }
        if op.poll.is_some() {
            notes.push("polled by a waiter");
        }
        let summary = if notes.is_empty() { op.summary.to_owned() } else { format!("{} ({})", op.summary, notes.join(", ")) };
        out.push_str(&format!(
            "| `{}` | {} | `{}` | `{{ {} }}` | {} | {} | [{}](https://api.ncloud-docs.com/docs/{}) |\n",
            op.name,
            op.method.as_str(),
            path,
            options.join(", "),
            resolves,
            if op.retry_safe { "yes" } else { "no" },
            op.slug,
            op.slug
        ));
        out.push_str(&format!("| | {summary} |||||\n"));
    }
    out
}

#[test]
fn the_readme_lists_every_operation_of_the_table() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).expect("README.md");
    let (Some(start), Some(end)) = (readme.find(BEGIN), readme.find(END)) else { panic!("README.md lacks the operation list markers") };
    let generated = format!("{BEGIN}\n{}{END}", render());
    let current = &readme[start..end + END.len()];
    if current != generated {
        if std::env::var("UPDATE_README").is_ok() {
            std::fs::write(path, readme.replacen(current, &generated, 1)).expect("write README.md");
            return;
        } else {
            panic!("README.md's operation list is not the table's: run `UPDATE_README=1 cargo test --test host_readme`");
        }
    }
    for op in OPERATIONS {
        assert!(readme.contains(&format!("`{}`", op.name)), "{} missing", op.name);
    }
}
