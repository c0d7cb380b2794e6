//! The scenario file format: versioned JSON, documented field by field in
//! `docs/scenario-format.md`.
//!
//! ```json
//! { "format": "tech-transfer-scenario", "version": 5,
//!   "facility_profile": "suzhou-2026-12b", "scenario": { ... } }
//! ```
//!
//! Reading is lenient where that loses nothing: a missing field takes its default, and an
//! unknown field is reported (not fatal) so that a file from a newer release still opens.
//! Reading an older version migrates it to the current one step by step.

use super::scenario::Scenario;
use json_tree::{failing_path, overlay, unknown_paths};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt;

mod json_tree;

pub const FORMAT_NAME: &str = "tech-transfer-scenario";
/// The version this build writes. History: 1 (first release); 2 (`plan`, the program;
/// `schedule.rolling_seed_train`, `max_cell_age_days`, `avoid_closures`); 3 (`seed_rules`:
/// passage window, growth ceilings, transfer excess); 4 (`program.dose_mg`,
/// `production.additions`, `headroom_pct`, `culture`); 5
/// (`downstream.dedicated_resin_over_program`; dedicated resin the clinical default).
pub const CURRENT_VERSION: u32 = 5;
/// Larger inputs are refused before parsing.
pub const MAX_FILE_BYTES: usize = 1_000_000;

/// A scenario read from a file.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadedScenario {
    pub scenario: Scenario,
    /// The facility profile (rate card) the scenario was priced with.
    pub facility_profile: String,
    /// The version the file was written in (before migration).
    pub version: u32,
    /// Paths of fields this version does not know, e.g. `scenario.production.colour`.
    pub unknown_fields: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum FileError {
    TooLarge {
        bytes: usize,
        max: usize,
    },
    /// Not JSON at all; the parser's message.
    NotJson(String),
    /// JSON, but not a scenario file (no `format` marker).
    NotAScenarioFile,
    /// Written by a newer release than this one.
    NewerVersion {
        version: u32,
        newest: u32,
    },
    /// A field has a value of the wrong kind; `path` is where.
    InvalidField {
        path: String,
        message: String,
    },
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileError::TooLarge { bytes, max } => {
                write!(f, "the file has {bytes} bytes, at most {max}")
            }
            FileError::NotJson(msg) => write!(f, "not a JSON file: {msg}"),
            FileError::NotAScenarioFile => {
                write!(f, "not a scenario file (no \"format\": \"{FORMAT_NAME}\")")
            }
            FileError::NewerVersion { version, newest } => {
                write!(f, "written in format version {version}; this release reads up to {newest}")
            }
            FileError::InvalidField { path, message } => write!(f, "{path}: {message}"),
        }
    }
}

#[derive(Serialize)]
struct FileOut<'a> {
    format: &'static str,
    version: u32,
    facility_profile: &'a str,
    scenario: &'a Scenario,
}

/// The scenario as a file in the current version.
pub fn to_json(scenario: &Scenario, facility_profile: &str) -> String {
    let file = FileOut { format: FORMAT_NAME, version: CURRENT_VERSION, facility_profile, scenario };
    // Serialising plain structs with string map keys cannot fail.
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// Reads a scenario file of any version up to [`CURRENT_VERSION`].
pub fn from_json(text: &str) -> Result<LoadedScenario, FileError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge { bytes: text.len(), max: MAX_FILE_BYTES });
    }
    let value: Value = serde_json::from_str(text).map_err(|e| FileError::NotJson(e.to_string()))?;
    from_value(value)
}

/// Reads a scenario file already parsed as JSON (a link decodes to this).
pub fn from_value(value: Value) -> Result<LoadedScenario, FileError> {
    let Value::Object(mut object) = value else {
        return Err(FileError::NotAScenarioFile);
    };
    if object.get("format").and_then(Value::as_str) != Some(FORMAT_NAME) {
        return Err(FileError::NotAScenarioFile);
    }
    let version = match object.get("version").and_then(Value::as_u64) {
        Some(v) if v >= 1 => u32::try_from(v).unwrap_or(u32::MAX),
        _ => {
            return Err(FileError::InvalidField {
                path: "version".into(),
                message: "must be a whole number from 1".into(),
            })
        }
    };
    if version > CURRENT_VERSION {
        return Err(FileError::NewerVersion { version, newest: CURRENT_VERSION });
    }
    let facility_profile = match object.get("facility_profile") {
        // A file without one was priced with the card current when its version was defined.
        None => rate_card_of_version(version),
        Some(Value::String(id)) => id.clone(),
        Some(_) => {
            return Err(FileError::InvalidField {
                path: "facility_profile".into(),
                message: "must be text".into(),
            })
        }
    };
    let mut unknown_fields: Vec<String> = object
        .keys()
        .filter(|k| !matches!(k.as_str(), "format" | "version" | "facility_profile" | "scenario"))
        .cloned()
        .collect();
    let scenario_value = migrate(
        object.remove("scenario").unwrap_or(Value::Object(Default::default())),
        version,
        &mut unknown_fields,
    );

    // A field an older file lacks takes its version's default (the baseline of that version's
    // links), not today's: a hand-written version-1 file without a V0 keeps 1400 L.
    let baseline = crate::link::baseline_of(version);
    let base = serde_json::from_str::<Value>(&to_json(&baseline, &facility_profile))
        .map(|mut v| v["scenario"].take())
        .unwrap_or(Value::Null);
    let mut read_value = base.clone();
    overlay(&mut read_value, &scenario_value);
    let mut scenario = Scenario::deserialize(&read_value).map_err(|e| FileError::InvalidField {
        path: failing_path(&base, &scenario_value),
        message: e.to_string(),
    })?;
    // The fields this version does not know: what the file has and the scenario read, written
    // back, does not. (Compared as JSON rather than reported while reading, with
    // serde_ignored, whose wrapped deserializers cost the deferred module about 100 KB of
    // WebAssembly.)
    // Written as the export writes it, and parsed as a file is: the module that reads files
    // already carries both (a serializer into a JSON value would be one more copy of every
    // field's code).
    if let Ok(written) = serde_json::from_str::<Value>(&to_json(&scenario, &facility_profile)) {
        unknown_paths(&scenario_value, &written["scenario"], "scenario", &mut unknown_fields);
    }
    // The fields later versions added take the values that reproduce the file's figures
    // (not today's defaults, which a missing field would otherwise get).
    match version {
        1 => crate::legacy::fill_v1(&mut scenario),
        2 => crate::legacy::fill_v2(&mut scenario),
        3 => crate::legacy::fill_v3(&mut scenario),
        4 => crate::legacy::fill_v4(&mut scenario),
        _ => {}
    }
    Ok(LoadedScenario { scenario, facility_profile, version, unknown_fields })
}

/// The rate card that was current when format `version` was defined: what a file of that
/// version without `facility_profile` was priced with (a later card would change its figures).
fn rate_card_of_version(version: u32) -> String {
    match version {
        1 => "suzhou-2026-11".into(),
        2..=4 => "suzhou-2026-12".into(),
        5 => "suzhou-2026-12b".into(),
        _ => super::facility::FacilityProfile::current().id,
    }
}

/// Brings a scenario object written in `version` up to [`CURRENT_VERSION`], one version at
/// a time (with a corpus file of each old version under `tests/corpus/`).
///
/// 1 -> 2: version 1 did not know the fields version 2 added; a version-1 file that has
/// them (written by hand) had them reported as unknown and ignored, and still does. Their
/// version-1 values are set after reading ([`crate::legacy::fill_v1`]).
///
/// 2 -> 3: the same for `seed_rules` ([`crate::legacy::fill_v2`]).
///
/// 3 -> 4: the same for `program.dose_mg` and the production model
/// ([`crate::legacy::fill_v3`]).
///
/// 4 -> 5: the same for `downstream.dedicated_resin_over_program`
/// ([`crate::legacy::fill_v4`]).
fn migrate(mut scenario: Value, version: u32, unknown: &mut Vec<String>) -> Value {
    debug_assert!(version <= CURRENT_VERSION);
    let added: &[(&str, &str)] = match version {
        1 => &crate::legacy::ADDED_AFTER_V1,
        2 => &crate::legacy::ADDED_AFTER_V2,
        _ => &[],
    };
    let after_v3: &[(&str, &str)] = if version <= 3 { &crate::legacy::ADDED_AFTER_V3 } else { &[] };
    let after_v4: &[(&str, &str)] = if version <= 4 { &crate::legacy::ADDED_AFTER_V4 } else { &[] };
    {
        for &(section, key) in added.iter().chain(after_v3).chain(after_v4) {
            let object = if section.is_empty() { Some(&mut scenario) } else { scenario.get_mut(section) };
            if let Some(Value::Object(map)) = object {
                if map.remove(key).is_some() {
                    let path = if section.is_empty() { key.to_string() } else { format!("{section}.{key}") };
                    unknown.push(format!("scenario.{path}"));
                }
            }
        }
    }
    scenario
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_without_a_rate_card_is_priced_with_the_card_of_its_version() {
        let without = |version: u32| {
            let text = format!(r#"{{"format": "tech-transfer-scenario", "version": {version}}}"#);
            from_json(&text).unwrap().facility_profile
        };
        assert_eq!(without(1), "suzhou-2026-11");
        assert_eq!(without(4), "suzhou-2026-12", "a version-4 file keeps one shift a day");
        assert_eq!(without(5), "suzhou-2026-12b");
        assert_eq!(without(CURRENT_VERSION), crate::facility::FacilityProfile::current().id);
    }

    #[test]
    fn round_trip_of_the_default_scenario() {
        let s = Scenario::default();
        let text = to_json(&s, "suzhou-2026-11");
        let loaded = from_json(&text).unwrap();
        assert_eq!(loaded.scenario, s);
        assert_eq!(loaded.facility_profile, "suzhou-2026-11");
        assert_eq!(loaded.version, 5);
        assert!(loaded.unknown_fields.is_empty());
    }

    #[test]
    fn a_version_1_file_gets_version_1_values_for_the_fields_added_since() {
        let text = r#"{"format":"tech-transfer-scenario","version":1,
            "scenario":{"plan":{"engineering_runs":2},"schedule":{"avoid_closures":true,"lines_used":2}}}"#;
        let loaded = from_json(text).unwrap();
        assert_eq!(loaded.scenario.plan, crate::legacy::plan_v1());
        assert!(!loaded.scenario.schedule.avoid_closures);
        assert_eq!(loaded.scenario.schedule.lines_used, 2);
        assert_eq!(
            loaded.unknown_fields,
            vec!["scenario.plan".to_string(), "scenario.schedule.avoid_closures".to_string()]
        );
    }

    #[test]
    fn a_version_2_file_gets_version_2_seed_rules() {
        let text = r#"{"format":"tech-transfer-scenario","version":2,
            "scenario":{"seed_rules":{"transfer_excess_pct":20},"schedule":{"avoid_closures":true}}}"#;
        let loaded = from_json(text).unwrap();
        assert_eq!(loaded.scenario.seed_rules, crate::legacy::seed_rules_v2());
        assert!(loaded.scenario.schedule.avoid_closures);
        assert_eq!(loaded.unknown_fields, vec!["scenario.seed_rules".to_string()]);
    }

    #[test]
    fn unknown_fields_are_reported_not_fatal() {
        let text = r#"{"format":"tech-transfer-scenario","version":1,"colour":"red",
            "scenario":{"production":{"titer_g_per_l":5.0,"stirrer":"pitched"}}}"#;
        let loaded = from_json(text).unwrap();
        assert_eq!(loaded.scenario.production.titer_g_per_l, 5.0);
        // Missing fields come from the version's baseline (version 1's V0 was 1400 L).
        assert_eq!(loaded.scenario.production.initial_volume_l, 1400.0);
        assert_eq!(loaded.scenario.seed_train, crate::link::baseline_v1().seed_train);
        assert_eq!(
            loaded.unknown_fields,
            vec!["colour".to_string(), "scenario.production.stirrer".to_string()]
        );
    }

    #[test]
    fn unknown_fields_are_found_in_list_items_and_variants_too() {
        let text = r#"{"format":"tech-transfer-scenario","version":3,"scenario":{
            "seed_train":[{"vessel_id":"sf125","working_volume_l":0.025,"seeding_density_e6_per_ml":0.5,
              "end":{"kind":"split_density","density_e6_per_ml":4,"days":3},"mode":{"kind":"batch"},"colour":"red"}],
            "program":{"target":{"kind":"batches","count":2,"grams":5}}}}"#;
        let loaded = from_json(text).unwrap();
        assert_eq!(loaded.scenario.seed_train.len(), 1);
        assert_eq!(
            loaded.unknown_fields,
            vec![
                "scenario.program.target.grams".to_string(),
                "scenario.seed_train[0].colour".to_string(),
                "scenario.seed_train[0].end.days".to_string(),
            ]
        );
    }

    #[test]
    fn errors_say_where_and_what() {
        assert!(matches!(from_json("{"), Err(FileError::NotJson(_))));
        assert_eq!(from_json("[1,2]"), Err(FileError::NotAScenarioFile));
        assert_eq!(
            from_json(r#"{"format":"tech-transfer-scenario","version":7,"scenario":{}}"#),
            Err(FileError::NewerVersion { version: 7, newest: 5 })
        );
        let bad = r#"{"format":"tech-transfer-scenario","version":1,"scenario":{"cell_line":{"doubling_time_h":"fast"}}}"#;
        match from_json(bad) {
            Err(FileError::InvalidField { path, .. }) => {
                assert_eq!(path, "scenario.cell_line.doubling_time_h")
            }
            other => panic!("expected an invalid field, got {other:?}"),
        }
        let date = r#"{"format":"tech-transfer-scenario","version":1,"scenario":{"schedule":{"thaw_date":"2027-02-30"}}}"#;
        assert!(matches!(from_json(date), Err(FileError::InvalidField { .. })));
        // Inside a tagged variant, and a list item (whose index is the place).
        let path = |scenario: &str| match from_json(&format!(
            r#"{{"format":"tech-transfer-scenario","version":4,"scenario":{scenario}}}"#
        )) {
            Err(FileError::InvalidField { path, message }) => (path, message),
            other => panic!("expected an invalid field, got {other:?}"),
        };
        let (at, message) = path(r#"{"program":{"target":{"kind":"batches","count":"x"}}}"#);
        assert_eq!(at, "scenario.program.target.count");
        assert!(message.contains("invalid type"), "{message}");
        let stage = r#"{"vessel_id":"sf125","working_volume_l":0.025,"seeding_density_e6_per_ml":0.5,"end":{"kind":"fixed_days","days":3},"mode":{"kind":"batch"}}"#;
        let (at, _) = path(&format!(r#"{{"seed_train":[{stage},{{"vessel_id":5}}]}}"#));
        assert_eq!(at, "scenario.seed_train[1]");
        let (at, _) = path(
            r#"{"production":{"additions":{"glucose":{"amount":{"kind":"fixed_volume","litres":"lots"},"days":[5]}}}}"#,
        );
        assert_eq!(at, "scenario.production.additions.glucose.amount");
        let (at, _) = path(
            r#"{"production":{"additions":{"base":{"amount":{"kind":"percent_of_initial","pct":"x"}}}}}"#,
        );
        assert_eq!(at, "scenario.production.additions.base.amount.pct");
    }
}
