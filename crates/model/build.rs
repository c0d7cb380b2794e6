//! Generates every built-in facility profile (rate card) from `data/facility/*.json` as Rust
//! code, oldest first, so that the model (and the page) needs no JSON parser at run time.
use std::fmt::Write;
use std::path::PathBuf;

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
    // Table-driven: the texts and numbers are static data that a loop turns into the profile,
    // rather than one allocation call per field in the code (which cost the page about 2 KB
    // of compressed WebAssembly for the rate sources and notes alone).
    let mut c = String::from("FacilityProfile {\n");
    // Texts shown to clients come in both interface languages.
    let pair = |t: &serde_json::Value, what: &str| -> String {
        let lang = |l: &str| -> String {
            format!("{:?}", t[l].as_str().unwrap_or_else(|| panic!("{path}: {what} needs an `{l}` text")))
        };
        format!("{}, {}", lang("en"), lang("zh"))
    };
    for k in ["id", "currency"] {
        writeln!(c, "    {k}: {}.into(),", str_of(&v, k)).unwrap();
    }
    for k in ["name", "illustrative"] {
        writeln!(c, "    {k}: Bilingual::new({}),", pair(&v[k], k)).unwrap();
    }
    for k in ["lines_installed", "lines_possible"] {
        writeln!(c, "    {k}: {},", v[k].as_u64().unwrap_or_else(|| panic!("{path}: `{k}`"))).unwrap();
    }
    c.push_str("    vessels: vessels(&[\n");
    for vessel in v["vessels"].as_array().unwrap_or_else(|| panic!("{path}: vessels")) {
        writeln!(
            c,
            "        ({}, {}, VesselKind::{}, {}, {}, {}, {}, {}),",
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
    c.push_str("    ]),\n    rates: RateCard::from_pairs(&[\n");
    for (k, value) in v["rates"].as_object().unwrap_or_else(|| panic!("{path}: rates")) {
        writeln!(
            c,
            "        (Rate::{}, {:?}),",
            camel(k),
            value.as_f64().unwrap_or_else(|| panic!("{path}: rate {k}"))
        )
        .unwrap();
    }
    c.push_str("    ]),\n    rate_sources: rate_sources(&[\n");
    if let Some(sources) = v["rate_sources"].as_object() {
        for (k, value) in sources {
            writeln!(c, "        (Rate::{}, {}),", camel(k), pair(value, &format!("rate source `{k}`")))
                .unwrap();
        }
    }
    c.push_str("    ]),\n");
    let trains = v
        .get("downstream_trains")
        .map_or(1, |t| t.as_u64().unwrap_or_else(|| panic!("{path}: downstream_trains")));
    writeln!(c, "    downstream_trains: {trains},").unwrap();
    for k in ["line_day_rate_includes_idle", "closures_illustrative"] {
        let b = v
            .get(k)
            .is_some_and(|b| b.as_bool().unwrap_or_else(|| panic!("{path}: `{k}` must be true or false")));
        writeln!(c, "    {k}: {b},").unwrap();
    }
    c.push_str("    closures: closures(&[\n");
    for closure in v.get("closures").and_then(|c| c.as_array()).into_iter().flatten() {
        let date = |k: &str| -> String {
            let text = closure[k].as_str().unwrap_or_else(|| panic!("{path}: closure `{k}` must be a date"));
            let parts: Vec<u32> =
                text.split('-').map(|p| p.parse().unwrap_or_else(|_| panic!("{path}: `{text}`"))).collect();
            assert!(parts.len() == 3, "{path}: `{text}` is not YYYY-MM-DD");
            let leap =
                parts[0].is_multiple_of(4) && (!parts[0].is_multiple_of(100) || parts[0].is_multiple_of(400));
            let month_days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
            assert!(
                (1..=12).contains(&parts[1]) && (1..=month_days[parts[1] as usize - 1]).contains(&parts[2]),
                "{path}: `{text}` is not a date"
            );
            format!("({}, {}, {})", parts[0], parts[1], parts[2])
        };
        writeln!(
            c,
            "        ({}, {}, {}),",
            pair(&closure["name"], "closure name"),
            date("first_day"),
            date("last_day")
        )
        .unwrap();
    }
    c.push_str("    ]),\n");
    // Filter modules: the profile's, or the illustrative defaults (`FilterModules::default`).
    match v.get("filter_modules") {
        Some(m) => writeln!(
            c,
            "    filter_modules: FilterModules {{ depth_m2: {}, virus_m2: {} }},",
            num(m, "depth_m2"),
            num(m, "virus_m2")
        )
        .unwrap(),
        None => c.push_str("    filter_modules: FilterModules::default(),\n"),
    }
    c.push('}');
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
}
