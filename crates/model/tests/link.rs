//! Native tests of scenario links: permanence (a corpus of links from each format version),
//! round trips, compactness, and refusal of truncated, tampered and malformed links.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use std::collections::BTreeMap;
use ttc_model::date::CivilDate;
use ttc_model::facility::Rate;
use ttc_model::link::{self, baseline_v1, decode, encode, LinkError};
use ttc_model::scenario::{
    Addition, CampaignTarget, Feed, FeedAmount, Modality, Phase, PlanAnchor, ResinMode, SeedStage, StageEnd,
    StageMode, StepKind,
};
use ttc_model::{estimate, scenario_file, FacilityProfile, Scenario};

/// A scenario with every field changed from the default, the way a client's real process
/// would be entered: six seed stages with a perfused N-1, three feeds, Chinese names, five
/// rate overrides.
fn fully_customised() -> Scenario {
    let mut s = Scenario {
        name: "苏州工艺转移 mAb-X 2000 L 补料分批 方案B".into(), ..Default::default()
    };
    s.program.product_name = "抗体-X (IgG1)".into();
    s.program.modality = Modality::Bispecific;
    s.program.phase = Phase::PpqCommercial;
    s.program.target = CampaignTarget::DrugSubstanceG { grams: 12_345.6 };
    s.cell_line.doubling_time_h = 27.5;
    s.cell_line.lag_h = 6.25;
    s.cell_line.cells_per_vial_e6 = 45.5;
    s.cell_line.post_thaw_viability_pct = 92.3;
    s.seed_rules = ttc_model::scenario::SeedRules {
        passage_window: false,
        window_low_e6_per_ml: 2.5,
        window_high_e6_per_ml: 6.25,
        growth_ceiling: true,
        max_density_batch_e6_per_ml: 8.5,
        max_density_perfusion_e6_per_ml: 65.0,
        transfer_excess_pct: 17.5,
    };
    let stage = |vessel: &str, volume: f64, x0: f64, end: StageEnd, mode: StageMode| SeedStage {
        vessel_id: vessel.into(),
        working_volume_l: volume,
        seeding_density_e6_per_ml: x0,
        end,
        mode,
    };
    s.seed_train = vec![
        stage("sf125", 0.045, 0.45, StageEnd::SplitDensity { density_e6_per_ml: 3.85 }, StageMode::Batch),
        stage("sf500", 0.19, 0.45, StageEnd::SplitDensity { density_e6_per_ml: 3.85 }, StageMode::Batch),
        stage("sf3000", 1.15, 0.45, StageEnd::FixedDays { days: 4 }, StageMode::Batch),
        stage("rb20", 9.5, 0.45, StageEnd::SplitDensity { density_e6_per_ml: 3.85 }, StageMode::Batch),
        stage("sub50", 48.5, 0.45, StageEnd::SplitDensity { density_e6_per_ml: 3.85 }, StageMode::Batch),
        stage("sub500", 380.0, 0.55, StageEnd::FixedDays { days: 5 }, StageMode::Perfusion { vvd: 1.25 }),
    ];
    s.production.initial_volume_l = 1325.5;
    s.production.seeding_density_e6_per_ml = 3.2;
    s.production.duration_days = 15;
    s.production.peak_density_e6_per_ml = 28.5;
    s.production.feeds = vec![
        Feed {
            name: "Cell Boost 7a".into(),
            amount: FeedAmount::PercentOfInitial { pct: 2.8 },
            days: vec![3, 5, 7, 9, 11, 13],
        },
        Feed {
            name: "Cell Boost 7b".into(),
            amount: FeedAmount::PercentOfInitial { pct: 0.28 },
            days: vec![3, 5, 7, 9, 11, 13],
        },
        Feed {
            name: "葡萄糖 Glucose 400 g/L".into(),
            amount: FeedAmount::FixedVolume { litres: 4.5 },
            days: (4..=14).collect(),
        },
    ];
    s.production.titer_g_per_l = 5.35;
    s.production.daily_sample_l = 0.15;
    let a = &mut s.production.additions;
    a.base.amount = FeedAmount::FixedVolume { litres: 3.25 };
    a.glucose.days = vec![6, 8, 10, 12];
    a.antifoam = Addition { amount: FeedAmount::PercentOfInitial { pct: 0.01 }, days: vec![0, 5] };
    a.evaporation_pct_per_day = 0.15;
    s.production.headroom_pct = 3.5;
    let c = &mut s.production.culture;
    (c.titer_from_qp, c.qp_pg_per_cell_day, c.stationary_days, c.death_rate_per_day, c.viability_pct) =
        (true, 27.5, 2.5, 0.12, 96.5);
    s.program.dose_mg = 250.0;
    let d = &mut s.downstream;
    d.clarification.yield_pct = 94.5;
    d.clarification.filter_loading_l_per_m2 = 55.0;
    d.clarification.flush_l_per_m2 = 45.0;
    d.protein_a.column_volume_l = 63.6;
    d.protein_a.capacity_g_per_l = 52.5;
    d.low_ph.yield_pct = 98.2;
    d.low_ph.adjust_pct_of_volume = 12.5;
    d.aex.column_volume_l = 25.4;
    d.cex.capacity_g_per_l = 72.5;
    d.virus_filtration.yield_pct = 96.5;
    d.virus_filtration.loading_l_per_m2 = 180.0;
    d.ufdf.yield_pct = 97.5;
    d.ufdf.diafiltration_concentration_g_per_l = 60.0;
    d.ufdf.diavolumes = 10.0;
    d.ufdf.final_concentration_g_per_l = 150.0;
    d.resin_mode = ResinMode::DedicatedToCampaign;
    d.media_overage_pct = 12.5;
    d.buffer_overage_pct = 15.0;
    let sc = &mut s.schedule;
    sc.thaw_date = CivilDate::from_ymd(2027, 9, 13).unwrap();
    sc.turnaround_days = 4;
    sc.downstream_days = 7;
    sc.bulk_harvest_testing_days = 35;
    sc.qc_release_days = 42;
    sc.qa_disposition_days = 10;
    sc.weekend_operations_allowed = false;
    sc.lines_used = 2;
    sc.line_utilisation_pct = 75.0;
    sc.rolling_seed_train = true;
    sc.max_cell_age_days = 45;
    sc.avoid_closures = false;
    let p = &mut s.plan;
    p.anchor = PlanAnchor::FirstGmpThaw;
    p.kickoff_date = CivilDate::from_ymd(2026, 12, 1).unwrap();
    p.steps[1].duration_days = 240;
    p.steps[1].lag_days = -21;
    p.steps[4].included = true;
    p.steps[5].after = vec![StepKind::RawMaterials, StepKind::BatchRecord];
    p.steps[5].lag_days = 7;
    p.analytical_methods = 11;
    p.engineering_runs = 2;
    p.ppq_batches = 2;
    p.batch_success_pct = 92.5;
    p.tox_gmp_release = true;
    p.due_date = CivilDate::from_ymd(2028, 6, 30);
    s.rate_overrides = BTreeMap::from([
        (Rate::BasalMediumPerL, 9.5),
        (Rate::FeedMediumPerL, 14.25),
        (Rate::ProteinAResinPerL, 13_500.0),
        (Rate::ProductionLineDay, 8_750.0),
        (Rate::MarginPct, 18.0),
        (Rate::MethodTransferPerMethod, 35_000.0),
    ]);
    s
}

#[test]
fn the_default_scenario_link_is_short() {
    let text = encode(&Scenario::default(), "suzhou-2026-12b");
    assert!(text.starts_with("v5&p=suzhou-2026-12b&c="), "{text}");
    assert_eq!(text.len(), "v5&p=suzhou-2026-12b&c=".len() + 8);
    assert_eq!(decode(&text).unwrap().scenario, Scenario::default());
}

#[test]
fn a_fully_customised_scenario_fits_in_1500_characters_and_round_trips() {
    let s = fully_customised();
    let text = encode(&s, "suzhou-2026-11");
    assert!(text.len() < 1500, "{} characters: {text}", text.len());
    // Every field differs from the default, so every key is present.
    for key in [
        "&n=", "&pn=", "&st=", "&fd=", "&pa=", "&aex=", "&cex=", "&th=", "&r=", "&an=", "&ko=", "&ps=",
        "&am=", "&er=", "&pq=", "&sr=", "&txr=", "&due=", "&rs=", "&age=", "&ac=",
    ] {
        assert!(text.contains(key), "{key} missing from {text}");
    }
    let back = decode(&text).unwrap();
    assert_eq!(back.scenario, s);
    assert_eq!(back.facility_profile, "suzhou-2026-11");
    // The link is the same with or without '#' and surrounding white space.
    assert_eq!(decode(&format!("  #{text}\n")).unwrap().scenario, s);
}

#[test]
fn the_v1_baseline_is_the_frozen_v1_default_file() {
    // The baseline must never follow later changes of the defaults: it is compared with the
    // corpus file written when version 1 was defined.
    let loaded = scenario_file::from_json(include_str!("../../../tests/corpus/v1-default.json")).unwrap();
    assert_eq!(baseline_v1(), loaded.scenario);
}

/// One saved link of the corpus, with what it must still open as.
#[derive(serde::Deserialize)]
struct CorpusLink {
    link: String,
    /// The same scenario in the scenario file format.
    scenario_file: String,
    facility_profile: String,
    /// Figures of its estimate when the link was made (see the README of the corpus).
    price_per_batch: f64,
    drug_substance_g_per_batch: f64,
    batches: u32,
    first_harvest: String,
    last_release: String,
    /// Version 2 on: the program's price and kickoff.
    #[serde(default)]
    program_price: Option<f64>,
    #[serde(default)]
    kickoff: Option<String>,
}

#[test]
fn every_corpus_link_still_opens_with_the_same_inputs_and_results() {
    let v1: Vec<CorpusLink> =
        serde_json::from_str(include_str!("../../../tests/corpus/links-v1.json")).unwrap();
    let v2: Vec<CorpusLink> =
        serde_json::from_str(include_str!("../../../tests/corpus/links-v2.json")).unwrap();
    let v3: Vec<CorpusLink> =
        serde_json::from_str(include_str!("../../../tests/corpus/links-v3.json")).unwrap();
    let v4: Vec<CorpusLink> =
        serde_json::from_str(include_str!("../../../tests/corpus/links-v4.json")).unwrap();
    let v5: Vec<CorpusLink> =
        serde_json::from_str(include_str!("../../../tests/corpus/links-v5.json")).unwrap();
    assert!(v1.len() >= 3 && v2.len() >= 3 && v3.len() >= 3 && v4.len() >= 3 && v5.len() >= 3);
    for entry in v1.into_iter().chain(v2).chain(v3).chain(v4).chain(v5) {
        let opened = decode(&entry.link).unwrap_or_else(|e| panic!("{}: {e:?}", entry.link));
        let path = format!("{}/../../tests/corpus/{}", env!("CARGO_MANIFEST_DIR"), entry.scenario_file);
        let file = scenario_file::from_json(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(opened.scenario, file.scenario, "{}", entry.scenario_file);
        assert_eq!(opened.facility_profile, entry.facility_profile);
        // Priced with the rate card the link names, which stays in the build.
        let profile = FacilityProfile::builtin()
            .iter()
            .find(|p| p.id == opened.facility_profile)
            .expect("the link's rate card is still built in");
        let e = estimate(&opened.scenario, profile).unwrap();
        let rel = |a: f64, b: f64| (a - b).abs() <= 1e-9 * b.abs().max(1.0);
        assert!(
            rel(e.cost.per_batch, entry.price_per_batch),
            "{} vs {}",
            e.cost.per_batch,
            entry.price_per_batch
        );
        assert!(rel(e.downstream.drug_substance_g, entry.drug_substance_g_per_batch));
        assert_eq!(e.cost.batches, entry.batches);
        assert_eq!(e.timeline.harvest_date.to_string(), entry.first_harvest);
        assert_eq!(e.campaign.last_release_date.to_string(), entry.last_release);
        // Versions 2 and later recorded the program too.
        if let Some(price) = entry.program_price {
            assert!(rel(e.program_cost.price_usd, price), "{} vs {price}", e.program_cost.price_usd);
        }
        if let Some(kickoff) = &entry.kickoff {
            assert_eq!(&e.program.kickoff_date.to_string(), kickoff);
        }
    }
}

#[test]
fn a_version_1_link_cannot_carry_a_rate_version_1_did_not_have() {
    // Rate 23 (the transfer review fee) came with version 2: in a version-1 link it is a
    // hand edit or garbage, even with a correct checksum.
    let body = "v1&p=suzhou-2026-11&r=23:5";
    let text = format!("{body}&c={:08x}", fnv(body.as_bytes()));
    assert_eq!(decode(&text), Err(LinkError::BadValue { key: "r".into() }));
    let body = "v2&p=suzhou-2026-12&r=23:5";
    let text = format!("{body}&c={:08x}", fnv(body.as_bytes()));
    assert_eq!(decode(&text).unwrap().scenario.rate_overrides[&Rate::TransferReviewFee], 5.0);
    // Rate 29 (upstream shifts a day) came with version 5.
    let body = "v4&p=suzhou-2026-12&r=29:3";
    let text = format!("{body}&c={:08x}", fnv(body.as_bytes()));
    assert_eq!(decode(&text), Err(LinkError::BadValue { key: "r".into() }));
    let body = "v5&p=suzhou-2026-12b&r=29:3";
    let text = format!("{body}&c={:08x}", fnv(body.as_bytes()));
    assert_eq!(decode(&text).unwrap().scenario.rate_overrides[&Rate::UspShiftsPerDay], 3.0);
}

/// FNV-1a 32 (the links' checksum), to write a test link by hand.
fn fnv(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5_u32, |h, &b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

#[test]
fn every_cut_short_link_is_refused() {
    let text = encode(&fully_customised(), "suzhou-2026-11");
    for end in 0..text.len() {
        if !text.is_char_boundary(end) {
            continue;
        }
        assert!(decode(&text[..end]).is_err(), "prefix of {end} characters opened");
    }
}

#[test]
fn every_single_character_edit_is_refused() {
    let text = encode(&fully_customised(), "suzhou-2026-11");
    let body_end = text.rfind("&c=").unwrap();
    for i in 3..body_end {
        let mut bytes = text.clone().into_bytes();
        bytes[i] = if bytes[i] == b'7' { b'8' } else { b'7' };
        let edited = String::from_utf8(bytes).unwrap();
        assert_eq!(decode(&edited).unwrap_err(), LinkError::ChecksumMismatch, "edit at {i}");
    }
}

#[test]
fn malformed_links_say_what_is_wrong() {
    assert_eq!(decode("hello"), Err(LinkError::NotALink));
    assert_eq!(decode(""), Err(LinkError::NotALink));
    assert_eq!(decode("v6&p=x&c=00000000"), Err(LinkError::NewerVersion { version: 6, newest: 5 }));
    assert_eq!(decode("v1&p=suzhou-2026-11&tit=5"), Err(LinkError::Truncated));
    assert_eq!(decode("v1&p=suzhou-2026-11&c=zzzzzzzz"), Err(LinkError::ChecksumMismatch));
    let long = "v1&".to_string() + &"a".repeat(link::MAX_LINK_CHARS);
    assert!(matches!(decode(&long), Err(LinkError::TooLong { .. })));
}

#[test]
fn a_repeated_or_empty_field_is_named_for_what_it_is() {
    // With correct checksums, so that only the body is at fault.
    let sealed = |body: &str| format!("{body}&c={:08x}", fnv(body.as_bytes()));
    let p = "v5&p=suzhou-2026-12b";
    assert_eq!(
        decode(&sealed(&format!("{p}&tit=5&tit=6"))),
        Err(LinkError::RepeatedField { key: "tit".into() })
    );
    assert_eq!(
        decode(&sealed(&format!("{p}&tit=5&tit=5"))),
        Err(LinkError::RepeatedField { key: "tit".into() })
    );
    assert_eq!(
        decode(&sealed(&format!("{p}&p=suzhou-2026-12"))),
        Err(LinkError::RepeatedField { key: "p".into() })
    );
    // A known key without `=value` has a value that cannot be read; an unknown one is unknown.
    assert_eq!(decode(&sealed(&format!("{p}&tit"))), Err(LinkError::BadValue { key: "tit".into() }));
    assert_eq!(decode(&sealed("v5&p")), Err(LinkError::BadValue { key: "p".into() }));
    assert_eq!(decode(&sealed(&format!("{p}&zz"))), Err(LinkError::UnknownField { key: "zz".into() }));
    assert_eq!(decode(&sealed(&format!("{p}&zz=1"))), Err(LinkError::UnknownField { key: "zz".into() }));
    // The same fields once each open.
    assert_eq!(decode(&sealed(&format!("{p}&tit=6"))).unwrap().scenario.production.titer_g_per_l, 6.0);
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics(text in ".{0,300}") {
        let _ = decode(&text);
    }

    #[test]
    fn any_scenario_round_trips(
        name in ".{0,60}",
        titer in any::<f64>().prop_filter("finite", |v| v.is_finite()),
        v0 in 0.0..1e6f64,
        days in proptest::collection::vec(0u32..60, 0..30),
        count in any::<u32>(),
        year in 1900i64..2200,
        stages in 0usize..13,
        overrides in proptest::collection::btree_map(0usize..29, 0.0..1e7f64, 0..29),
        lag in -400i32..400,
        due in proptest::option::of(0i64..3000),
    ) {
        let mut s = Scenario { name, ..Default::default() };
        s.production.titer_g_per_l = titer;
        s.production.initial_volume_l = v0;
        s.production.feeds[0].days = days;
        s.program.target = CampaignTarget::Batches { count };
        s.schedule.thaw_date = CivilDate::from_ymd(year, 2, 28).unwrap();
        s.seed_train = fully_customised().seed_train.into_iter().cycle().take(stages).collect();
        s.rate_overrides = overrides.into_iter().map(|(i, v)| (Rate::ALL[i], v)).collect();
        s.plan.steps[2].lag_days = lag;
        s.plan.steps[3].after.clear();
        s.plan.due_date = due.map(|d| s.plan.kickoff_date.add_days(d));
        let back = decode(&encode(&s, "suzhou-2026-11")).unwrap();
        prop_assert_eq!(back.scenario, s);
    }
}
