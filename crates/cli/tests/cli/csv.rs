//! `ttc estimate --csv`: the page's CSV export, its explanations, its language, formulas
//! defused.

use super::*;

/// The CSV's records: every field of the page's CSV is quoted (RFC 4180), and the figures
/// checked here have no quote inside.
fn records(csv: &str) -> Vec<Vec<String>> {
    csv.trim_start_matches('\u{feff}')
        .split("\r\n")
        .map(|r| r.trim_matches('"').split("\",\"").map(|f| f.replace("\"\"", "\"")).collect())
        .collect()
}

/// "$800,997" or "4,001" -> 800997, 4001.
fn figure(text: &str) -> f64 {
    text.chars().filter(|c| c.is_ascii_digit() || *c == '.').collect::<String>().parse().unwrap()
}

#[test]
fn csv_is_the_pages_export_with_the_drug_substance_and_price() {
    let run = ttc(&["estimate", &corpus("v2-default.json"), "--csv"]);
    assert_eq!(run.code, 0, "{}", run.err);
    // UTF-8 with a byte-order mark (Excel reads Chinese correctly), like the page's export.
    assert!(run.out.starts_with("\u{feff}\"Scenario name\",\"Typical CHO mAb fed-batch, 2000 L\"\r\n"));
    let rows = records(&run.out);
    let links = corpus_links();
    let default = links.iter().find(|l| l["scenario_file"] == "v2-default.json").unwrap();
    // The link of the scenario, as the page writes it: version 2's default as a version-4
    // link (its corpus link, version 2, opens as the same scenario).
    assert!(default["link"].as_str().is_some());
    assert_eq!(rows[1], ["Link to this scenario".to_string(), v2_default_as_v5_link()]);
    // Downstream table: the drug substance row's mass out, in whole grams as on screen.
    let section =
        rows.iter().position(|r| r[0] == "Downstream: masses and yields").expect("downstream section");
    let head = section + rows[section..].iter().position(|r| r[0] == "Step").expect("downstream header");
    assert_eq!(rows[head][3], "Out (g)");
    let ds_row = rows[head..].iter().find(|r| r[0] == "Drug substance").expect("drug substance row");
    assert_eq!(figure(&ds_row[3]), default["drug_substance_g_per_batch"].as_f64().unwrap().round());
    // Cost table: the price per batch, in whole dollars as on screen ($800,997.42 worked by
    // hand in crates/model/tests/cost.rs).
    let price_row = rows.iter().find(|r| r[0].starts_with("Price per batch")).expect("price row");
    assert_eq!(figure(&price_row[4]), default["price_per_batch"].as_f64().unwrap().round());
    assert_eq!(figure(&price_row[4]), 800_997.0);
}

#[test]
fn csv_explains_its_figures_as_the_page_does() {
    let run = ttc(&["estimate", &corpus("v2-default.json"), "--csv"]);
    assert_eq!(run.code, 0, "{}", run.err);
    let rows = records(&run.out);
    // The cost section's note comes right after its last row, in one field: how the line days
    // were billed, the resin's share and the labour, with the quantities of the table above.
    let last = rows.iter().position(|r| r[0].starts_with("Campaign price")).expect("campaign price row");
    let note = &rows[last + 1];
    assert_eq!(note.len(), 1, "{note:?}");
    let row = |item: &str| {
        rows[..last]
            .iter()
            .rev()
            .find(|r| r.get(1).is_some_and(|i| i == item))
            .unwrap_or_else(|| panic!("no {item} row"))
    };
    // Protein A: a 50 L column, 4 cycles a batch, 200 cycles of lifetime: 50 x 4 / 200 = 1 L
    // of resin a batch (the v2 file's column, amortised).
    assert!(note[0].contains("Protein A capture 50.0 L × 4 ÷ 200 = 1.00 L a batch"), "{}", note[0]);
    assert_eq!(row("Resin use: Protein A capture")[2], "1.00 L resin");
    // The seed lab's days: five stages, each seeded at 0.5 and passaged at 4.0 x 10^6 cells/mL,
    // 3 doublings at 24 h (the vial's 28.5 M viable cells in 47 mL start at 0.61: 2.7 days,
    // a whole 3): 5 x 3 = 15 days. Upstream labour: 2 operators x 1 shift a day x (15 + the
    // 14-day production run) = 58 shifts.
    assert_eq!(row("Seed lab")[2], "15.0 days");
    assert!(
        note[0].contains(
            "upstream 2.00 operators × 1.00 shifts a day × 29 days (seed train and production) = 58.0 shifts"
        ),
        "{}",
        note[0]
    );
    assert_eq!(row("Upstream operators")[2], "58.0 operator shifts");
    // A section's introduction follows its title: the program's dates and price.
    let program = rows.iter().position(|r| r[0] == "Program from kickoff").expect("program section");
    assert!(
        rows[program + 1][0].starts_with("Kickoff Fri 15 Jan 2027: first release"),
        "{:?}",
        rows[program + 1]
    );
}

#[test]
fn csv_follows_the_language() {
    let run = ttc(&["estimate", &corpus("v2-default.json"), "--csv", "--lang", "zh"]);
    assert_eq!(run.code, 0, "{}", run.err);
    let rows = records(&run.out);
    assert_eq!(rows[0][0], "方案名称");
    assert!(rows.iter().any(|r| r[0] == "原液"), "the drug substance row in Chinese");
}

#[test]
fn csv_defuses_a_formula_in_a_name() {
    let mut file = json(&std::fs::read_to_string(corpus("v2-default.json")).unwrap());
    file["scenario"]["name"] = "=HYPERLINK(\"http://evil.example\",\"x\")".into();
    file["scenario"]["production"]["feeds"][0]["name"] = "+Feed".into();
    let run = ttc_bytes(&["estimate", "--csv", "-"], file.to_string().as_bytes());
    assert_eq!(run.code, 0, "{}", run.err);
    let first = run.out.split("\r\n").next().unwrap();
    assert_eq!(first, "\u{feff}\"Scenario name\",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"");
    assert!(!run.out.contains("\"+Feed") && !run.out.contains("\"="), "a formula is not defused");
}
