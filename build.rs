//! Generates the typed translation table from `locales/en.json` and `locales/zh.json`.
//!
//! Written by hand instead of using `leptos_i18n`: that crate (with `leptos-use` and ICU
//! locale data) added about 30 KB brotli to a first load that must stay under 200 KB, and its
//! build step compiles ICU data providers and a TLS stack. What the app needs is small: a key
//! enum checked at compile time, one string table per language, and a build error when a
//! language lacks a key or a translation's `{placeholders}` differ from English.
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;
use std::path::PathBuf;

fn placeholders(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        out.insert(after[..close].to_string());
        rest = &after[close + 1..];
    }
    out
}

fn load(lang: &str) -> BTreeMap<String, String> {
    let path = format!("locales/{lang}.json");
    println!("cargo::rerun-if-changed={path}");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// `seed_medium_per_l` -> `SeedMediumPerL`.
fn camel(snake: &str) -> String {
    snake
        .split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
        })
        .collect()
}

/// Rust code building one facility profile from its JSON file, so the app needs no JSON
/// parser at run time (a native test checks it equals the file read with serde).
fn facility_code(path: &str) -> String {
    println!("cargo::rerun-if-changed={path}");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let v: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    let str_of = |v: &serde_json::Value, k: &str| -> String {
        format!("{:?}", v[k].as_str().unwrap_or_else(|| panic!("{path}: `{k}` must be text")))
    };
    let num = |v: &serde_json::Value, k: &str| -> String {
        format!("{:?}", v[k].as_f64().unwrap_or_else(|| panic!("{path}: `{k}` must be a number")))
    };
    let mut c = String::from("FacilityProfile {\n");
    for k in ["id", "name", "currency", "illustrative"] {
        writeln!(c, "    {k}: {}.into(),", str_of(&v, k)).unwrap();
    }
    for k in ["lines_installed", "lines_possible"] {
        writeln!(c, "    {k}: {},", v[k].as_u64().unwrap_or_else(|| panic!("{path}: `{k}`"))).unwrap();
    }
    c.push_str("    vessels: vec![\n");
    for vessel in v["vessels"].as_array().unwrap_or_else(|| panic!("{path}: vessels")) {
        writeln!(
            c,
            "        Vessel {{ id: {}.into(), name: {}.into(), kind: VesselKind::{}, nominal_volume_l: {}, min_working_volume_l: {}, max_working_volume_l: {}, kit_cost: {}, production: {} }},",
            str_of(vessel, "id"),
            str_of(vessel, "name"),
            camel(vessel["kind"].as_str().unwrap_or_else(|| panic!("{path}: vessel kind"))),
            num(vessel, "nominal_volume_l"),
            num(vessel, "min_working_volume_l"),
            num(vessel, "max_working_volume_l"),
            num(vessel, "kit_cost"),
            vessel["production"].as_bool().unwrap_or(false),
        )
        .unwrap();
    }
    c.push_str("    ],\n    rates: RateCard::from_pairs(&[\n");
    for (k, value) in v["rates"].as_object().unwrap_or_else(|| panic!("{path}: rates")) {
        writeln!(
            c,
            "        (Rate::{}, {:?}),",
            camel(k),
            value.as_f64().unwrap_or_else(|| panic!("{path}: rate {k}"))
        )
        .unwrap();
    }
    c.push_str("    ]),\n    rate_sources: [\n");
    if let Some(sources) = v["rate_sources"].as_object() {
        for (k, value) in sources {
            writeln!(
                c,
                "        (Rate::{}, {:?}.to_string()),",
                camel(k),
                value.as_str().unwrap_or_default()
            )
            .unwrap();
        }
    }
    c.push_str("    ].into_iter().collect(),\n}");
    c
}

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    // Built-in facility profiles: every `data/facility/*.json`, oldest first (file names end in
    // the rate card's year and month, so name order is date order). Old rate cards stay so
    // that a quote made with one still opens as quoted.
    println!("cargo::rerun-if-changed=data/facility");
    let mut files: Vec<PathBuf> = std::fs::read_dir("data/facility")
        .expect("data/facility exists")
        .map(|e| e.expect("readable directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "data/facility has no profile");
    let profiles: Vec<String> = files
        .iter()
        .map(|p| {
            let path = p.to_str().expect("UTF-8 path");
            let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
            // A link carries the id unescaped (model::link::is_profile_id).
            assert!(
                (1..=64).contains(&stem.len())
                    && stem.bytes().all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b)),
                "{path}: a profile's file name is its id: [A-Za-z0-9._-], at most 64 characters"
            );
            let code = facility_code(path);
            assert!(code.contains(&format!("id: {stem:?}.into()")), "{path}: `id` must equal the file name");
            code
        })
        .collect();
    let facility = format!("/// The built-in profiles, generated from `data/facility/*.json`.\nfn generated_profiles() -> Vec<FacilityProfile> {{\n    vec![{}]\n}}\n", profiles.join(",\n"));
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR is set by cargo"));
    std::fs::write(out_dir.join("facility_profiles.rs"), facility).expect("write the facility profiles");
    let en = load("en");
    let zh = load("zh");
    let mut problems = Vec::new();
    for (key, text) in &en {
        if !key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
            problems.push(format!("key `{key}` must be snake_case"));
        }
        match zh.get(key) {
            None => problems.push(format!("zh.json lacks `{key}`")),
            Some(t) if placeholders(t) != placeholders(text) => {
                problems.push(format!("`{key}`: placeholders differ between en and zh"))
            }
            Some(_) => {}
        }
    }
    for key in zh.keys().filter(|k| !en.contains_key(*k)) {
        problems.push(format!("zh.json has `{key}`, which en.json lacks"));
    }
    assert!(problems.is_empty(), "translation problems:\n{}", problems.join("\n"));

    // One function per key, rather than one table: the linker keeps only the texts a binary
    // uses, so the page does not carry the strings of the panels it loads later.
    let mut code = String::from("/// One function per entry of `locales/en.json`: its text in a language.\npub mod key {\n    use super::Locale;\n");
    for key in en.keys() {
        writeln!(
            code,
            "    pub fn {key}(l: Locale) -> &'static str {{\n        match l {{\n            Locale::en => {:?},\n            Locale::zh => {:?},\n        }}\n    }}",
            en[key], zh[key]
        )
        .unwrap();
    }
    code.push_str("}\n");
    let out =
        PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR is set by cargo")).join("i18n_table.rs");
    std::fs::write(out, code).expect("write the translation table");
}
