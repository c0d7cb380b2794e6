//! `ttc link` and `ttc open`: a file to its link and back, links from standard input and
//! whole addresses, a file written with `-o`, a broken link's reason.

use super::*;
use ttc_model::link::LinkError;
use ttc_text::messages::link_error_text;
use ttc_text::Locale;

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
    // The titer twice, with a correct checksum (FNV-1a of the body): not "a field this
    // version does not know", which it knows.
    let twice = ttc(&["open", "v5&p=suzhou-2026-12b&tit=5&tit=6&c=549e38f3"]);
    assert_eq!(twice.code, 1);
    assert_eq!(twice.err, "The link cannot be opened: the field tit appears more than once.\n");
}
