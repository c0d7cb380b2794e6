//! A scenario file to its link and back (`ttc_model::file_link`: the share panel's export and
//! import, `ttc link`, `ttc open`).

use ttc_model::file_link::{export_json, import_json, ImportError};
use ttc_model::link;
use ttc_model::scenario_file::FileError;
use ttc_model::Scenario;

#[test]
fn export_then_import_gives_back_the_same_link() {
    let mut s = Scenario { name: "导出 \"test\"\n<b>".into(), ..Scenario::default() };
    s.production.titer_g_per_l = 4.25;
    let text = link::encode(&s, "suzhou-2026-11");
    let json = export_json(&text).unwrap();
    assert!(json.contains("\"format\": \"tech-transfer-scenario\""), "{json}");
    assert_eq!(import_json(&json), Ok((text, Vec::new())));
}

#[test]
fn import_reports_unknown_fields_and_errors() {
    let file = r#"{"format": "tech-transfer-scenario", "version": 1, "facility_profile": "suzhou-2026-11",
                   "scenario": {"production": {"titer_g_per_l": 5, "colour": "red"}}}"#;
    let (text, unknown) = import_json(file).unwrap();
    assert_eq!(link::decode(&text).unwrap().scenario.production.titer_g_per_l, 5.0);
    assert_eq!(unknown, vec!["scenario.production.colour".to_string()]);

    assert_eq!(import_json("{}"), Err(ImportError::File(FileError::NotAScenarioFile)));
    assert!(matches!(import_json("not json"), Err(ImportError::File(FileError::NotJson(_)))));
    let newer =
        r#"{"format": "tech-transfer-scenario", "version": 9, "facility_profile": "x", "scenario": {}}"#;
    assert_eq!(import_json(newer), Err(ImportError::File(FileError::NewerVersion { version: 9, newest: 5 })));
    let bad = r#"{"format": "tech-transfer-scenario", "version": 1, "facility_profile": "suzhou-2026-11",
                  "scenario": {"production": {"titer_g_per_l": "five"}}}"#;
    assert!(
        matches!(import_json(bad), Err(ImportError::File(FileError::InvalidField { path, .. })) if path == "scenario.production.titer_g_per_l")
    );
    let profile =
        r#"{"format": "tech-transfer-scenario", "version": 1, "facility_profile": "a&b", "scenario": {}}"#;
    assert_eq!(import_json(profile), Err(ImportError::Profile("a&b".into())));
    assert!(export_json("not a link").is_err());
    // A feed on 1,500 days is valid JSON but more than a link carries: refused, not
    // opened as the default scenario.
    let days: Vec<String> = (0..1500).map(|d| d.to_string()).collect();
    let long = format!(
        r#"{{"format": "tech-transfer-scenario", "version": 1, "facility_profile": "suzhou-2026-11",
            "scenario": {{"production": {{"feeds": [{{"name": "F", "amount": {{"kind": "percent_of_initial", "pct": 1}}, "days": [{}]}}]}}}}}}"#,
        days.join(",")
    );
    assert_eq!(import_json(&long), Err(ImportError::TooBig("fd".into())));
    // A 30,000-character name is 40,000 characters of base64 in its link: with
    // `v5&p=suzhou-2026-12b&n=` (23) and `&c=` and the checksum (11), 40,034, over the 20,000
    // a link is read to. Refused as a link too long, not as a list too long.
    let name = format!(
        r#"{{"format": "tech-transfer-scenario", "version": 5, "facility_profile": "suzhou-2026-12b", "scenario": {{"name": "{}"}}}}"#,
        "x".repeat(30_000)
    );
    assert_eq!(import_json(&name), Err(ImportError::LinkTooLong { chars: 40_034, max: 20_000 }));
}
