//! The `ttc` binary as a user runs it: figures checked against the corpus recorded when the
//! link format was defined (tests/corpus/README.md), messages against the page's.
//!
//! Why one file: each test runs the built binary the way a user does, through the
//! helpers at the top (run, read JSON and CSV, the corpus, a link's checksum); split by
//! command (estimate, link and open, the published examples), the files would each repeat
//! those helpers or need a shared module, and cargo would build and link one more test binary
//! per file on a two-core machine, for 18 tests that take under a second together.

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Stdio};
use ttc_model::link::LinkError;
use ttc_text::messages::link_error_text;
use ttc_text::Locale;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/corpus");

fn corpus(name: &str) -> String {
    format!("{CORPUS}/{name}")
}

struct Run {
    code: i32,
    out: String,
    err: String,
}

fn ttc_bytes(args: &[&str], stdin: &[u8]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ttc"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("ttc runs");
    // A command that does not read its input may exit before it is written.
    let _ = child.stdin.take().expect("stdin").write_all(stdin);
    let output = child.wait_with_output().expect("ttc finishes");
    let run = Run {
        code: output.status.code().expect("ttc exits, not killed by a signal"),
        out: String::from_utf8(output.stdout).expect("UTF-8 output"),
        err: String::from_utf8(output.stderr).expect("UTF-8 messages"),
    };
    assert!(!run.err.contains("panicked"), "ttc {args:?} panicked: {}", run.err);
    run
}

fn ttc(args: &[&str]) -> Run {
    ttc_bytes(args, b"")
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

fn rel_eq(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

/// The links of the corpus, every version, with the figures recorded for them.
fn corpus_links() -> Vec<Value> {
    ["links-v1.json", "links-v2.json", "links-v3.json", "links-v4.json", "links-v5.json"]
        .iter()
        .flat_map(|f| json(&std::fs::read_to_string(corpus(f)).unwrap()).as_array().unwrap().clone())
        .collect()
}

/// Version 2's default scenario as its link recorded it: only the version, the rate card and
/// the checksum.
const DEFAULT_LINK: &str = "v2&p=suzhou-2026-12&c=35bd2753";

/// Version 2's default seed train in a link: sf125, sf1000, rb10, rb50 and sub200 (base64url
/// of the vessel ids), their volumes, seeded at 0.5 and split at 4.
const V2_TRAIN: &str =
    "c2YxMjU:0.047:0.5:s4:b,c2YxMDAw:0.37:0.5:s4:b,cmIxMA:2.9:0.5:s4:b,cmI1MA:23:0.5:s4:b,c3ViMjAw:180:0.5:s4:b";

/// What a link of versions 1 to 3 carries, written as version 4, to keep its production run
/// and downstream: no base, glucose or antifoam (`ab ag af`: 0 L on no day), no evaporation,
/// no headroom, no decline of the culture, the downstream days entered (`ddw=0`), filters of
/// the exact area (safety factors 1, no whole modules).
const V3_PRODUCTION: &str = "ab=l0:&ag=l0:&af=l0:&ev=0&hr=0&kd=0&ddw=0&csf=1&vsf=1&wfm=0";
/// Version 4's resin accounting in a version-5 link: dedicated resin written off over the
/// campaign alone.
const V4_RESIN: &str = "rop=0";

/// The link this release writes for version 2's default scenario: a version-5 link that
/// carries what differs from today's default: its seed train, its V0 of 1400 L, amortised
/// resin, the seed train's rules off (no window, no ceiling, no transfer excess), version 3's
/// production and version 4's resin accounting.
fn v2_default_as_v5_link() -> String {
    let body = format!(
        "v5&p=suzhou-2026-12&st={V2_TRAIN}&v0=1400&rm=amortised&pw=0&gc=0&tx=0&{V3_PRODUCTION}&{V4_RESIN}"
    );
    format!("{body}&c={:08x}", fnv(body.as_bytes()))
}

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

/// FNV-1a 32 (the links' checksum), to write a test link by hand.
fn fnv(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5_u32, |h, &b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
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
fn link_then_open_gives_a_file_with_the_same_estimate() {
    for entry in corpus_links() {
        let name = entry["scenario_file"].as_str().unwrap();
        let link = ttc(&["link", &corpus(name)]);
        assert_eq!(link.code, 0, "{name}: {}", link.err);
        let link_text = link.out.trim_end();
        assert!(link_text.starts_with("v5&") && !link_text.contains('\n'), "{}", link.out);
        let opened = ttc(&["open", link_text]);
        assert_eq!(opened.code, 0, "{name}: {}", opened.err);
        assert_eq!(json(&opened.out)["format"], "tech-transfer-scenario");
        // The opened file, estimated from standard input, gives the very same estimate file.
        let again = ttc_bytes(&["estimate", "-"], opened.out.as_bytes());
        assert_eq!(again.code, 0, "{}", again.err);
        let original = ttc(&["estimate", &corpus(name)]);
        assert_eq!(json(&again.out), json(&original.out), "{name}");
    }
    // The default scenario's link is the one recorded: only the rate card and the checksum.
    assert_eq!(ttc(&["link", &corpus("v2-default.json")]).out, format!("{}\n", v2_default_as_v5_link()));
}

#[test]
fn standard_input_and_whole_urls() {
    let file = std::fs::read(corpus("v2-default.json")).unwrap();
    let link = ttc_bytes(&["link", "-"], &file);
    assert_eq!((link.code, link.out.as_str()), (0, format!("{}\n", v2_default_as_v5_link()).as_str()));
    let bare = ttc(&["open", DEFAULT_LINK]);
    assert_eq!(bare.code, 0, "{}", bare.err);
    // A whole URL as copied from the address bar, and a link piped in with its line break.
    let url = ttc(&["open", &format!("https://calc.example.com/tech-transfer/?x=1#{DEFAULT_LINK}")]);
    assert_eq!((url.code, &url.out), (0, &bare.out), "{}", url.err);
    let piped = ttc_bytes(&["open", "-"], format!("{DEFAULT_LINK}\n").as_bytes());
    assert_eq!((piped.code, &piped.out), (0, &bare.out), "{}", piped.err);
    // Version 2's default link opens the version-2 default corpus file (same inputs, same
    // rate card), written as a version-4 file: its scenario, plus the seed train's rules off
    // and version 3's production (no additions, evaporation or headroom, no decline), and
    // the dose every earlier version shows.
    let mut expected = json(std::str::from_utf8(&file).unwrap());
    expected["version"] = 5.into();
    expected["scenario"]["seed_rules"] = serde_json::json!({
        "passage_window": false, "window_low_e6_per_ml": 2.0, "window_high_e6_per_ml": 5.0,
        "growth_ceiling": false, "max_density_batch_e6_per_ml": 10.0,
        "max_density_perfusion_e6_per_ml": 100.0, "transfer_excess_pct": 0.0
    });
    let none = serde_json::json!({"amount": {"kind": "fixed_volume", "litres": 0.0}, "days": []});
    let p = &mut expected["scenario"]["production"];
    p["additions"] = serde_json::json!({
        "base": none, "glucose": none, "antifoam": none, "evaporation_pct_per_day": 0.0
    });
    p["headroom_pct"] = 0.0.into();
    p["culture"] = serde_json::json!({
        "titer_from_qp": false, "qp_pg_per_cell_day": 16.0, "stationary_days": 4.0,
        "death_rate_per_day": 0.0, "viability_pct": 95.0
    });
    expected["scenario"]["program"]["dose_mg"] = 500.0.into();
    expected["scenario"]["schedule"]["downstream_days_from_work"] = false.into();
    let d = &mut expected["scenario"]["downstream"];
    for (column, hours) in [("protein_a", 4.5), ("aex", 3.0), ("cex", 4.5)] {
        d[column]["cycle_time_h"] = hours.into();
    }
    d["other_steps_days"] = 4.0.into();
    d["clarification"]["safety_factor"] = 1.0.into();
    d["virus_filtration"]["safety_factor"] = 1.0.into();
    d["whole_filter_modules"] = false.into();
    d["dedicated_resin_over_program"] = false.into();
    assert_eq!(json(&bare.out), expected);
}

#[test]
fn open_writes_the_file_given_with_o() {
    let dir = std::env::temp_dir().join(format!("ttc-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("opened.json");
    let path_text = path.to_str().unwrap();
    let run = ttc(&["open", "v1&p=suzhou-2026-11&c=4f21c4b9", "-o", path_text]);
    assert_eq!((run.code, run.out.as_str()), (0, ""), "{}", run.err);
    let written = std::fs::read_to_string(&path).unwrap();
    assert_eq!(written, ttc(&["open", "v1&p=suzhou-2026-11&c=4f21c4b9"]).out);
    // A file that cannot be written: exit 1, and the reason.
    let missing = dir.join("no-such-dir").join("x.json");
    let run = ttc(&["open", "v1&p=suzhou-2026-11&c=4f21c4b9", "-o", missing.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert!(run.err.starts_with(&format!("{} cannot be written: ", missing.display())), "{}", run.err);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_broken_link_gets_the_pages_reason_and_exit_1() {
    // The default link with its checksum changed, then cut short.
    let run = ttc(&["open", "v1&p=suzhou-2026-11&c=4f21c4b8"]);
    assert_eq!((run.code, run.out.as_str()), (1, ""));
    assert_eq!(
        run.err,
        format!(
            "The link cannot be opened: {}.\n",
            link_error_text(Locale::en, &LinkError::ChecksumMismatch)
        )
    );
    assert!(run.err.contains("its checksum does not match"), "{}", run.err);
    let cut = ttc(&["open", "https://calc.example.com/#v1&p=suzhou-2026-11&tit=5"]);
    assert_eq!(cut.code, 1);
    assert!(cut.err.contains(&link_error_text(Locale::en, &LinkError::Truncated)), "{}", cut.err);
    let not_a_link = ttc(&["open", "hello"]);
    assert_eq!(not_a_link.code, 1);
    assert!(not_a_link.err.contains("it is not a scenario link of this calculator"), "{}", not_a_link.err);
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

/// The default corpus file with the titer set to `titer`.
fn default_with_titer(titer: f64) -> String {
    let mut file = json(&std::fs::read_to_string(corpus("v2-default.json")).unwrap());
    file["scenario"]["production"]["titer_g_per_l"] = titer.into();
    // Priced with the current rate card: no warning about an older one.
    file["facility_profile"] = "suzhou-2026-12b".into();
    file.to_string()
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
fn lang_zh_gives_the_chinese_messages() {
    let run = ttc(&["open", "v1&p=suzhou-2026-11&c=4f21c4b8", "--lang", "zh"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.err,
        format!("无法打开该链接：{}。\n", link_error_text(Locale::zh, &LinkError::ChecksumMismatch))
    );
    assert!(run.err.contains("校验码不符"), "{}", run.err);
    let run = ttc_bytes(&["estimate", "--lang=zh", "-"], default_with_titer(-1.0).as_bytes());
    assert_eq!(run.code, 1);
    assert!(
        run.err.contains("scenario.production.titer_g_per_l: -1 超出允许范围 0.01 至 100。"),
        "{}",
        run.err
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

#[test]
fn usage_errors_exit_2_with_the_usage() {
    for args in
        [&["frobnicate", "x.json"][..], &[], &["estimate"], &["estimate", "a", "b"], &["link", "x", "--csv"]]
    {
        let run = ttc(args);
        assert_eq!(run.code, 2, "{args:?}");
        assert!(run.err.starts_with("ttc: "), "{}", run.err);
        assert!(run.err.contains("Usage:\n  ttc estimate FILE"), "{}", run.err);
        assert_eq!(run.out, "");
    }
    assert!(ttc(&["frobnicate"]).err.starts_with("ttc: unknown command \"frobnicate\"\n"));
    for args in [&["help"][..], &["--help"], &["estimate", "-h"]] {
        let run = ttc(args);
        assert_eq!(run.code, 0);
        assert!(run.out.contains("Usage:"), "{}", run.out);
    }
}

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

#[test]
fn no_input_makes_it_panic() {
    let deep = "[".repeat(100_000);
    let inputs: Vec<Vec<u8>> = vec![
        b"".to_vec(),
        b"null".to_vec(),
        b"\"text\"".to_vec(),
        deep.into_bytes(),
        vec![0xff, 0xfe, b'{'],
        b"{\"format\":\"tech-transfer-scenario\",\"version\":1e999}".to_vec(),
        b"{\"format\":\"tech-transfer-scenario\",\"version\":18446744073709551616}".to_vec(),
        b"{\"format\":\"tech-transfer-scenario\",\"version\":1,\"scenario\":{\"seed_train\":[]}}".to_vec(),
        b"{\"format\":\"tech-transfer-scenario\",\"version\":1,\"scenario\":{\"production\":{\"titer_g_per_l\":1e308,\"initial_volume_l\":0}}}".to_vec(),
        b"{\"format\":\"tech-transfer-scenario\",\"version\":1,\"scenario\":{\"program\":{\"target\":{\"kind\":\"batches\",\"count\":4294967295}}}}".to_vec(),
        b"{\"format\":\"tech-transfer-scenario\",\"version\":1,\"facility_profile\":\"\\u0000 x\",\"scenario\":{}}".to_vec(),
    ];
    for input in &inputs {
        for command in ["estimate", "link"] {
            // Exit 0 or 1, never a crash (ttc_bytes checks for a panic message).
            let run = ttc_bytes(&[command, "-"], input);
            assert!(
                run.code == 0 || run.code == 1,
                "{command} {:?}: {}",
                String::from_utf8_lossy(input),
                run.code
            );
            if run.code == 1 {
                assert!(!run.err.is_empty());
            }
        }
        let run = ttc_bytes(&["estimate", "--csv", "-"], input);
        assert!(run.code == 0 || run.code == 1);
    }
    for link in
        ["", "#", "v1", "v1&c=", "v99999999999999999999&c=0", "v1&p=&c=00000000", &"v1&".repeat(10_000)]
    {
        let run = ttc(&["open", link]);
        assert_eq!(run.code, 1, "{link}");
        assert!(!run.err.is_empty());
    }
}

#[test]
fn usage_and_its_mistakes_follow_the_language() {
    let run = ttc(&["frobnicate", "--lang", "zh"]);
    assert_eq!(run.code, 2);
    assert!(run.err.starts_with("ttc: 未知命令“frobnicate”"), "{}", run.err);
    assert!(run.err.contains("用法："), "{}", run.err);
    let help = ttc(&["help", "--lang=zh"]);
    assert_eq!(help.code, 0);
    assert!(help.out.contains("ttc estimate FILE [--csv] [--lang en|zh]") && help.out.contains("退出状态"));
}

#[test]
fn the_published_examples_are_listed_and_each_gives_a_scenario_file() {
    let list = ttc(&["examples"]);
    assert_eq!(list.code, 0, "{}", list.err);
    for id in ["platform-fed-batch", "enriched-n1", "perfusion-n1"] {
        assert!(list.out.contains(&format!("{id}  ")), "{id} missing: {}", list.out);
    }
    assert!(list.out.contains("https://doi.org/10.1186/s40643-020-00304-y"), "Xu et al. 2020 cited");
    // The perfusion N-1 example, estimated: Stepper et al. 2020's perfused N-1 (up to 45 x 10^6
    // cells/mL), here seeded at 2.5 and 2.5 x 2^4 = 40 on day 4; CSPR 1.6 VVD / 40 x 10^6
    // cells/mL = 40 pL/cell/day; Xu et al. 2020's Process C harvested on day 12.
    let file = ttc(&["example", "perfusion-n1"]);
    assert_eq!(file.code, 0, "{}", file.err);
    assert_eq!(
        json(&file.out)["scenario"]["name"],
        "Intensified fed-batch, perfusion N-1 (Xu et al. 2020, Process C)"
    );
    let run = ttc_bytes(&["estimate", "-"], file.out.as_bytes());
    assert_eq!((run.code, run.err.as_str()), (0, ""));
    let e = &json(&run.out)["estimate"];
    let n1 = e["seed_train"].as_array().unwrap().last().unwrap().clone();
    assert!((n1["final_density_e6_per_ml"].as_f64().unwrap() - 40.0).abs() < 1e-9, "{n1}");
    assert!((n1["cspr_pl_per_cell_day"].as_f64().unwrap() - 40.0).abs() < 1e-9, "{n1}");
    assert_eq!(e["timeline"]["production_days"], 12);
    // Named in the language asked for.
    let zh = ttc(&["example", "platform-fed-batch", "--lang", "zh"]);
    assert_eq!(json(&zh.out)["scenario"]["name"], "平台补料分批工艺（Xu 等 2020，工艺 A）");
    // An id that is not one: exit 1, and the ids there are.
    let none = ttc(&["example", "vaccine"]);
    assert_eq!((none.code, none.out.as_str()), (1, ""));
    assert_eq!(
        none.err,
        "There is no published example vaccine; the examples are: platform-fed-batch, enriched-n1, perfusion-n1.\n"
    );
    assert_eq!(ttc(&["example"]).code, 2, "ID needed");
}
