//! Generates the typed translation table from `locales/en.json` and `locales/zh.json`.
//!
//! Written by hand instead of using `leptos_i18n`: that crate (with `leptos-use` and ICU
//! locale data) added about 30 KB brotli to a first load that must stay under 200 KB, and its
//! build step compiles ICU data providers and a TLS stack. What the app needs is small, and
//! every check happens at build time:
//! - a language that lacks a key, or a translation whose `{placeholders}` differ from
//!   English, fails this build script;
//! - a key without placeholders becomes `key::name(locale) -> &'static str`;
//! - a key with placeholders becomes `fmt::name::text(locale, fmt::name::Args { .. })`, whose
//!   `Args` has one field per placeholder: a missing, extra or misspelt argument at a use
//!   (`tf!(l, name, a = x)`) is a compile error, and a template cannot be used as plain text.
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;
use std::path::PathBuf;

/// The `{name}` placeholders of a template, in order of first use. Names are snake_case.
fn placeholders(key: &str, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let close = after.find('}').unwrap_or_else(|| panic!("`{key}`: a `{{` without its `}}`"));
        let name = &after[..close];
        assert!(
            !name.is_empty()
                && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
            "`{key}`: placeholder `{{{name}}}` must be a snake_case name"
        );
        if !out.iter().any(|n| n == name) {
            out.push(name.to_string());
        }
        rest = &after[close + 1..];
    }
    assert!(!rest.contains('}'), "`{key}`: a `}}` without its `{{`");
    out
}

fn load(lang: &str) -> BTreeMap<String, String> {
    let path = format!("locales/{lang}.json");
    println!("cargo::rerun-if-changed={path}");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let en = load("en");
    let zh = load("zh");
    let mut problems = Vec::new();
    for (key, text) in &en {
        if !key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
            problems.push(format!("key `{key}` must be snake_case"));
        }
        match zh.get(key) {
            None => problems.push(format!("zh.json lacks `{key}`")),
            Some(t) => {
                let (a, b): (BTreeSet<_>, BTreeSet<_>) = (
                    placeholders(key, text).into_iter().collect(),
                    placeholders(key, t).into_iter().collect(),
                );
                if a != b {
                    problems.push(format!("`{key}`: placeholders differ between en {a:?} and zh {b:?}"));
                }
            }
        }
    }
    for key in zh.keys().filter(|k| !en.contains_key(*k)) {
        problems.push(format!("zh.json has `{key}`, which en.json lacks"));
    }
    assert!(problems.is_empty(), "translation problems:\n{}", problems.join("\n"));

    // One function per key, rather than one table: the linker keeps only the texts a binary
    // uses, so the page does not carry the strings of the panels it loads later.
    let mut plain = String::from(
        "/// The keys of `locales/en.json` without placeholders: their text in a language.\npub mod key {\n    use super::Locale;\n",
    );
    let mut templates = String::from(
        "/// The keys of `locales/en.json` with `{placeholders}`: one module each, whose `Args` has a\n/// field per placeholder (use them through `tf!`).\npub mod fmt {\n",
    );
    for (key, text) in &en {
        let names = placeholders(key, text);
        if names.is_empty() {
            writeln!(
                plain,
                "    pub fn {key}(l: Locale) -> &'static str {{\n        match l {{\n            Locale::en => {:?},\n            Locale::zh => {:?},\n        }}\n    }}",
                text, zh[key]
            )
            .unwrap();
            continue;
        }
        let fields: String =
            names.iter().map(|n| format!("        pub {n}: &'a dyn std::fmt::Display,\n")).collect();
        let args: String = names.iter().map(|n| format!(", {n} = a.{n}")).collect();
        writeln!(
            templates,
            "    pub mod {key} {{\n        use crate::i18n::Locale;\n        pub struct Args<'a> {{\n{fields}        }}\n        pub fn text(l: Locale, a: Args) -> String {{\n            match l {{\n                Locale::en => format!({:?}{args}),\n                Locale::zh => format!({:?}{args}),\n            }}\n        }}\n    }}",
            text, zh[key]
        )
        .unwrap();
    }
    plain.push_str("}\n");
    templates.push_str("}\n");
    let out =
        PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR is set by cargo")).join("i18n_table.rs");
    std::fs::write(out, plain + &templates).expect("write the translation table");
}
