//! The tools worker's requests: scenario files (JSON) and QR codes.
//!
//! These need a JSON parser and a QR encoder, about 100 KB of WebAssembly the first result
//! does not need, so they run in a web worker (`src/bin/tools_worker.rs`) loaded after the
//! page. Plain Rust: tested natively.
//!
//! Protocol, all text: request `id \n op \n payload`; reply `id \n ok \n body` or
//! `id \n err \n body`. Scenarios travel as link text ([`crate::model::link`]), which both
//! sides can read.
//!
//! | op       | payload         | ok body                                        |
//! |----------|-----------------|------------------------------------------------|
//! | `export` | link text       | the scenario file (JSON)                       |
//! | `import` | file text       | link text, then one unknown field path a line  |
//! | `qr`     | any text        | module count, then an SVG path of dark modules |
//!
//! An `import` error body is a kind and its details, tab-separated, for the page to translate:
//! `too_large \t bytes \t max`, `not_json \t message`, `not_scenario`,
//! `newer \t version \t newest`, `invalid \t path \t message`, `profile \t id`.

use crate::model::link;
use crate::model::scenario_file::{self, FileError};
use qrcodegen::{QrCode, QrCodeEcc};
use std::fmt::Write as _;

/// Handles one request and returns the reply.
pub fn handle(request: &str) -> String {
    let mut parts = request.splitn(3, '\n');
    let (id, op, payload) =
        (parts.next().unwrap_or(""), parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let result = match op {
        "export" => export(payload),
        "import" => import(payload),
        "qr" => qr_path(payload),
        _ => Err(format!("unknown\t{op}")),
    };
    match result {
        Ok(body) => format!("{id}\nok\n{body}"),
        Err(body) => format!("{id}\nerr\n{body}"),
    }
}

fn export(link_text: &str) -> Result<String, String> {
    let opened = link::decode(link_text).map_err(|e| format!("link\t{e:?}"))?;
    Ok(scenario_file::to_json(&opened.scenario, &opened.facility_profile))
}

fn import(file_text: &str) -> Result<String, String> {
    let loaded = scenario_file::from_json(file_text).map_err(|e| match e {
        FileError::TooLarge { bytes, max } => format!("too_large\t{bytes}\t{max}"),
        FileError::NotJson(msg) => format!("not_json\t{msg}"),
        FileError::NotAScenarioFile => "not_scenario".to_string(),
        FileError::NewerVersion { version, newest } => format!("newer\t{version}\t{newest}"),
        FileError::InvalidField { path, message } => format!("invalid\t{path}\t{message}"),
    })?;
    if !link::is_profile_id(&loaded.facility_profile) {
        return Err(format!("profile\t{}", loaded.facility_profile.replace(['\t', '\n'], " ")));
    }
    let mut body = link::encode(&loaded.scenario, &loaded.facility_profile);
    for field in &loaded.unknown_fields {
        body.push('\n');
        body.push_str(&field.replace('\n', " "));
    }
    Ok(body)
}

/// A QR code (ISO/IEC 18004, medium error correction) of `text`: its size in modules and an
/// SVG path drawing the dark modules, one `M x y h n v 1 h -n z` rectangle per run of dark
/// modules in a row, in module units (the page adds the 4-module quiet zone).
fn qr_path(text: &str) -> Result<String, String> {
    let qr = QrCode::encode_text(text, QrCodeEcc::Medium).map_err(|_| "too_long".to_string())?;
    let n = qr.size();
    let mut out = format!("{n}\n");
    for y in 0..n {
        let mut x = 0;
        while x < n {
            if qr.get_module(x, y) {
                let start = x;
                while x < n && qr.get_module(x, y) {
                    x += 1;
                }
                let run = x - start;
                let _ = write!(out, "M{start} {y}h{run}v1h-{run}z");
            } else {
                x += 1;
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Scenario;

    /// Reads a `qr` reply body back into a module grid.
    fn grid(body: &str) -> Vec<Vec<bool>> {
        let (n, path) = body.split_once('\n').unwrap();
        let n: usize = n.parse().unwrap();
        let mut g = vec![vec![false; n]; n];
        for rect in path.split('M').filter(|r| !r.is_empty()) {
            let (xy, rest) = rect.split_once('h').unwrap();
            let (x, y) = xy.split_once(' ').unwrap();
            let run: usize = rest.split_once('v').unwrap().0.parse().unwrap();
            let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
            for cell in &mut g[y][x..x + run] {
                *cell = true;
            }
        }
        g
    }

    #[test]
    fn qr_path_draws_exactly_the_dark_modules_with_the_three_finder_patterns() {
        let text = "https://example.com/calc/#v1&p=suzhou-2026-11&c=4f21c4b9";
        let reply = handle(&format!("7\nqr\n{text}"));
        let body = reply.strip_prefix("7\nok\n").unwrap();
        let g = grid(body);
        let qr = QrCode::encode_text(text, QrCodeEcc::Medium).unwrap();
        for (y, row) in g.iter().enumerate() {
            for (x, &dark) in row.iter().enumerate() {
                assert_eq!(dark, qr.get_module(x as i32, y as i32), "module ({x}, {y})");
            }
        }
        // ISO/IEC 18004 finder pattern: a 7x7 dark ring, light ring, 3x3 dark centre, at
        // three corners.
        let n = g.len();
        for (ox, oy) in [(0, 0), (n - 7, 0), (0, n - 7)] {
            for i in 0..7 {
                assert!(g[oy][ox + i] && g[oy + 6][ox + i] && g[oy + i][ox] && g[oy + i][ox + 6]);
            }
            assert!(!g[oy + 1][ox + 1] && g[oy + 3][ox + 3]);
        }
        // Version 3 (29 modules) holds up to 44 bytes at level M; this 58-byte URL needs
        // version 4 (33 modules), which holds 62.
        assert_eq!(n, 33);
    }

    #[test]
    fn export_then_import_gives_back_the_same_link() {
        let mut s = Scenario::default();
        s.name = "导出 \"test\"\n<b>".into();
        s.production.titer_g_per_l = 4.25;
        let text = link::encode(&s, "suzhou-2026-11");
        let json = handle(&format!("1\nexport\n{text}"));
        let json = json.strip_prefix("1\nok\n").unwrap();
        assert!(json.contains("\"format\": \"tech-transfer-scenario\""), "{json}");
        let back = handle(&format!("2\nimport\n{json}"));
        assert_eq!(back, format!("2\nok\n{text}"));
    }

    #[test]
    fn import_reports_unknown_fields_and_errors_for_translation() {
        let file = r#"{"format": "tech-transfer-scenario", "version": 1, "facility_profile": "suzhou-2026-11",
                       "scenario": {"production": {"titer_g_per_l": 5, "colour": "red"}}}"#;
        let reply = handle(&format!("3\nimport\n{file}"));
        let mut lines = reply.lines().skip(2);
        let opened = link::decode(lines.next().unwrap()).unwrap();
        assert_eq!(opened.scenario.production.titer_g_per_l, 5.0);
        assert_eq!(lines.next(), Some("scenario.production.colour"));

        assert_eq!(handle("4\nimport\n{}"), "4\nerr\nnot_scenario");
        assert!(handle("5\nimport\nnot json").starts_with("5\nerr\nnot_json\t"));
        let newer =
            r#"{"format": "tech-transfer-scenario", "version": 9, "facility_profile": "x", "scenario": {}}"#;
        assert_eq!(handle(&format!("6\nimport\n{newer}")), "6\nerr\nnewer\t9\t1");
        let bad = r#"{"format": "tech-transfer-scenario", "version": 1, "facility_profile": "suzhou-2026-11",
                      "scenario": {"production": {"titer_g_per_l": "five"}}}"#;
        assert!(handle(&format!("8\nimport\n{bad}"))
            .starts_with("8\nerr\ninvalid\tscenario.production.titer_g_per_l\t"));
        let profile = r#"{"format": "tech-transfer-scenario", "version": 1, "facility_profile": "a&b", "scenario": {}}"#;
        assert_eq!(handle(&format!("9\nimport\n{profile}")), "9\nerr\nprofile\ta&b");
    }

    #[test]
    fn malformed_requests_are_errors_not_panics() {
        assert_eq!(handle(""), "\nerr\nunknown\t");
        assert!(handle("1\nexport\nnot a link").starts_with("1\nerr\nlink\t"));
        assert_eq!(handle("1\nfly\n"), "1\nerr\nunknown\tfly");
    }
}
