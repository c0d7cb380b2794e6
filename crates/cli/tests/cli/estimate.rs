//! `ttc estimate`: the figures of the corpus files, hand-worked and as recorded with their
//! links; what a malformed, invalid or unknown input gets.

use super::*;

#[test]
fn the_default_file_gives_the_recorded_and_hand_worked_figures() {
    let run = ttc(&["estimate", &corpus("v2-default.json")]);
    assert_eq!(run.code, 0, "{}", run.err);
    // Priced with its own rate card, which the command line says is no longer the current one.
    assert!(run.err.contains("Prices have changed since"), "{}", run.err);
    let file = json(&run.out);
    assert_eq!(file["format"], "tech-transfer-estimate");
    assert_eq!(file["version"], 2);
    assert_eq!(file["scenario_name"], "Typical CHO mAb fed-batch, 2000 L");
    assert_eq!(file["rate_card"], "suzhou-2026-12");
    assert_eq!(file["currency"], "USD");
    let e = &file["estimate"];
    let ds = e["downstream"]["drug_substance_g"].as_f64().unwrap();
    let price = e["cost"]["price_per_batch_usd"].as_f64().unwrap();
    // $800,997.42 per batch and $3,648,677.18 for the program, worked by hand in the model's
    // tests (tests/cost.rs, tests/program.rs).
    assert!((price - 800_997.42).abs() < 0.005, "{price}");
    let program = e["program_cost"]["price_usd"].as_f64().unwrap();
    assert!((program - 3_648_677.18).abs() < 0.005, "{program}");
    assert_eq!(e["program"]["kickoff_date"], "2027-01-15");
    let links = corpus_links();
    let default = links.iter().find(|l| l["scenario_file"] == "v2-default.json").unwrap();
    assert!(rel_eq(ds, default["drug_substance_g_per_batch"].as_f64().unwrap()), "{ds}");
    assert!(rel_eq(price, default["price_per_batch"].as_f64().unwrap()), "{price}");
}

#[test]
fn a_version_1_file_keeps_its_figures_and_says_its_rate_card_is_older() {
    let run = ttc(&["estimate", &corpus("v1-default.json")]);
    assert_eq!(run.code, 0, "{}", run.err);
    assert!(run.err.contains("Prices have changed since"), "{}", run.err);
    let e = &json(&run.out)["estimate"];
    // $800,997.42 per batch, worked by hand for version 1 in the model's tests.
    assert!((e["cost"]["price_per_batch_usd"].as_f64().unwrap() - 800_997.42).abs() < 0.005);
    // Its link is a version-5 link now, carrying the values that keep version 1's figures:
    // its seed train and V0, amortised resin, the plan anchored on the thaw date, no
    // engineering run, no PPQ batches, 100 % success, tox batches released as GMP, the
    // calendar not avoided, the seed train's rules off, version 3's production, version 4's
    // resin accounting.
    let body = format!(
        "v5&p=suzhou-2026-11&st={V2_TRAIN}&v0=1400&rm=amortised&an=thaw&er=0&pq=0&sr=100&txr=1&ac=0&pw=0&gc=0&tx=0&{V3_PRODUCTION}&{V4_RESIN}"
    );
    let link = ttc(&["link", &corpus("v1-default.json")]);
    assert_eq!(link.out, format!("{body}&c={:08x}\n", fnv(body.as_bytes())));
}

#[test]
fn every_corpus_file_gives_the_figures_recorded_with_its_link() {
    for entry in corpus_links() {
        let name = entry["scenario_file"].as_str().unwrap();
        let run = ttc(&["estimate", &corpus(name)]);
        assert_eq!(run.code, 0, "{name}: {}", run.err);
        let file = json(&run.out);
        let e = &file["estimate"];
        assert_eq!(file["rate_card"], entry["facility_profile"], "{name}");
        assert!(rel_eq(
            e["downstream"]["drug_substance_g"].as_f64().unwrap(),
            entry["drug_substance_g_per_batch"].as_f64().unwrap()
        ));
        assert!(rel_eq(
            e["cost"]["price_per_batch_usd"].as_f64().unwrap(),
            entry["price_per_batch"].as_f64().unwrap()
        ));
        assert_eq!(e["cost"]["batches"], entry["batches"], "{name}");
        assert_eq!(e["timeline"]["harvest_date"], entry["first_harvest"], "{name}");
        assert_eq!(e["campaign"]["last_release_date"], entry["last_release"], "{name}");
    }
}

#[test]
fn a_malformed_file_gets_the_pages_reason_and_exit_1() {
    let run = ttc_bytes(&["estimate", "-"], b"{\"format\": ");
    assert_eq!((run.code, run.out.as_str()), (1, ""));
    assert!(run.err.starts_with("standard input cannot be opened: it is not a JSON file ("), "{}", run.err);
    let run = ttc_bytes(&["link", "-"], b"[1, 2]");
    assert_eq!(run.code, 1);
    assert_eq!(
        run.err,
        "standard input cannot be opened: it is JSON, but not a scenario file of this calculator.\n"
    );
    // A value of the wrong kind: where it is.
    let run = ttc_bytes(
        &["estimate", "-"],
        br#"{"format":"tech-transfer-scenario","version":1,"scenario":{"cell_line":{"doubling_time_h":"fast"}}}"#,
    );
    assert_eq!(run.code, 1);
    assert!(run.err.contains("the field scenario.cell_line.doubling_time_h has a value of the wrong kind"));
    let missing = ttc(&["estimate", &corpus("no-such-file.json")]);
    assert_eq!(missing.code, 1);
    assert!(missing.err.contains("no-such-file.json cannot be read: "), "{}", missing.err);
}

#[test]
fn an_invalid_value_gets_its_path_and_problem_and_exit_1() {
    let run = ttc_bytes(&["estimate", "-"], default_with_titer(-1.0).as_bytes());
    assert_eq!((run.code, run.out.as_str()), (1, ""));
    // docs/scenario-format.md: titer_g_per_l allowed 0.01 to 100.
    assert_eq!(
        run.err,
        "standard input: the scenario has input errors, so no estimate was made:\n  \
         scenario.production.titer_g_per_l: -1 is outside the allowed range 0.01 to 100.\n"
    );
}

#[test]
fn unknown_fields_and_rate_cards_are_warnings_not_failures() {
    let mut file = json(&std::fs::read_to_string(corpus("v2-default.json")).unwrap());
    file["colour"] = "red".into();
    file["scenario"]["production"]["stirrer"] = "pitched".into();
    let link = ttc_bytes(&["link", "-"], file.to_string().as_bytes());
    assert_eq!((link.code, link.out.as_str()), (0, format!("{}\n", v2_default_as_v5_link()).as_str()));
    assert_eq!(
        link.err,
        "Fields this version does not know were ignored: colour, scenario.production.stirrer.\n"
    );
    // A rate card this build does not have: priced with the current one, and said so.
    file["facility_profile"] = "nowhere-2020-01".into();
    let run = ttc_bytes(&["estimate", "-"], file.to_string().as_bytes());
    assert_eq!(run.code, 0, "{}", run.err);
    assert!(run.err.contains("a rate card this version does not have (nowhere-2020-01)"), "{}", run.err);
    let e = json(&run.out);
    assert_eq!(e["rate_card"], "suzhou-2026-12b");
    // Its labour by the current card's shifts: 29 upstream days x 2 operators x 2 shifts
    // + 6 downstream days x 4 x 2 + 4 preparation and support staff x 35 days = 304 operator
    // shifts against 29 x 2 + 6 x 4 = 82: $88,800 more direct cost, x 1.4375 = $127,650.
    let price = e["estimate"]["cost"]["price_per_batch_usd"].as_f64().unwrap();
    assert!((price - (800_997.42 + 127_650.0)).abs() < 0.005, "{price}");
}
