//! The scenario file format: versioned JSON, documented field by field in
//! `docs/scenario-format.md`.
//!
//! ```json
//! { "format": "tech-transfer-scenario", "version": 1,
//!   "facility_profile": "suzhou-2026-11", "scenario": { ... } }
//! ```
//!
//! Reading is lenient where that loses nothing: a missing field takes its default, and an
//! unknown field is reported (not fatal) so that a file from a newer release still opens.
//! Reading an older version migrates it to the current one step by step.

use super::scenario::Scenario;
use serde::Serialize;
use serde_json::Value;
use std::fmt;

pub const FORMAT_NAME: &str = "tech-transfer-scenario";
/// The version this build writes. History: 1 (first release).
pub const CURRENT_VERSION: u32 = 1;
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
        None => super::facility::FacilityProfile::current().id,
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
    let scenario_value =
        migrate(object.remove("scenario").unwrap_or(Value::Object(Default::default())), version);

    let mut on_unknown = |path: serde_ignored::Path| unknown_fields.push(format!("scenario.{path}"));
    let de = serde_ignored::Deserializer::new(scenario_value, &mut on_unknown);
    let scenario: Scenario = serde_path_to_error::deserialize(de).map_err(|e| FileError::InvalidField {
        path: format!("scenario.{}", e.path()),
        message: e.inner().to_string(),
    })?;
    Ok(LoadedScenario { scenario, facility_profile, version, unknown_fields })
}

/// Brings a scenario object written in `version` up to [`CURRENT_VERSION`], one version at
/// a time. Version 1 is the first, so there is nothing to migrate yet; a change to the format
/// adds a step here (and a corpus file of the old version under `tests/corpus/`).
fn migrate(scenario: Value, version: u32) -> Value {
    debug_assert!(version <= CURRENT_VERSION);
    scenario
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_of_the_default_scenario() {
        let s = Scenario::default();
        let text = to_json(&s, "suzhou-2026-11");
        let loaded = from_json(&text).unwrap();
        assert_eq!(loaded.scenario, s);
        assert_eq!(loaded.facility_profile, "suzhou-2026-11");
        assert_eq!(loaded.version, 1);
        assert!(loaded.unknown_fields.is_empty());
    }

    #[test]
    fn unknown_fields_are_reported_not_fatal() {
        let text = r#"{"format":"tech-transfer-scenario","version":1,"colour":"red",
            "scenario":{"production":{"titer_g_per_l":5.0,"stirrer":"pitched"}}}"#;
        let loaded = from_json(text).unwrap();
        assert_eq!(loaded.scenario.production.titer_g_per_l, 5.0);
        // Missing fields come from the defaults.
        assert_eq!(loaded.scenario.production.initial_volume_l, 1400.0);
        assert_eq!(
            loaded.unknown_fields,
            vec!["colour".to_string(), "scenario.production.stirrer".to_string()]
        );
    }

    #[test]
    fn errors_say_where_and_what() {
        assert!(matches!(from_json("{"), Err(FileError::NotJson(_))));
        assert_eq!(from_json("[1,2]"), Err(FileError::NotAScenarioFile));
        assert_eq!(
            from_json(r#"{"format":"tech-transfer-scenario","version":7,"scenario":{}}"#),
            Err(FileError::NewerVersion { version: 7, newest: 1 })
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
    }
}
