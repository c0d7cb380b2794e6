//! Native tests of the whole model, worked by hand: facility-fit findings, validation,
//! volumes, the grams target and the calendar, the corpus. The batch cost worked by hand, line
//! by line and version by version, is in `cost.rs`; the production run's checks in
//! `production.rs`; the property tests in `properties.rs`.
#![cfg(not(target_arch = "wasm32"))]

use ttc_model::downstream::DsStep;
use ttc_model::fit::{FitCheck, FitStatus};
use ttc_model::link::{baseline_v1, baseline_v2};
use ttc_model::scenario::{CampaignTarget, PlanAnchor, StageEnd};
use ttc_model::scenario_file;
use ttc_model::{estimate, Estimate, FacilityProfile, Problem, Scenario};

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

fn default_estimate() -> Estimate {
    estimate(&Scenario::default(), &FacilityProfile::current()).expect("default scenario is valid")
}

#[test]
fn volumes_as_prepared_carry_the_overage_line_by_line() {
    let e = default_estimate();
    let v = &e.volumes;
    // Default overages: 10 % on media and on buffers (scenario.rs).
    assert_eq!((v.media_overage_pct, v.buffer_overage_pct), (10.0, 10.0));
    assert!(close(v.medium_with_overage_l(1225.0), 1347.5, 1e-9));
    assert!(close(v.buffer_with_overage_l(7000.0), 7700.0, 1e-9));
    // The prepared lines add up to the prepared totals.
    let lines: f64 = v.media.iter().map(|(_, l)| v.medium_with_overage_l(*l)).sum();
    assert!(close(lines, v.total_medium_with_overage_l, 1e-6));
    let lines: f64 = v.buffers.iter().map(|(_, l)| v.buffer_with_overage_l(*l)).sum();
    assert!(close(lines, v.total_buffer_with_overage_l, 1e-6));
}

#[test]
fn default_scenario_fits_the_facility() {
    let e = default_estimate();
    let problems: Vec<_> = e.fit.iter().filter(|i| i.status != FitStatus::Pass).collect();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(e.fit_status, FitStatus::Pass);
    // Medium total 193.82 (the seed train: `default_batch_cost_worked_by_hand`) + 1181.25
    // + 534.6 = 1909.67 L; with 10 % overage 2100.64 L. Base, glucose and antifoam are
    // solutions, not medium.
    assert!(close(e.volumes.total_medium_l, 1909.67, 0.01));
    assert!(close(e.volumes.total_medium_with_overage_l, 2100.64, 0.01));
}

#[test]
fn inoculum_larger_than_previous_stage_is_shown_where_it_is() {
    // Worked on version 2's default train (five stages).
    let mut s = baseline_v2();
    s.seed_train[3].working_volume_l = 10.0; // 50 L bag at 10 L; N-1 needs 22.5 L of it
    let e = estimate(&s, &FacilityProfile::current()).unwrap();
    let item =
        e.fit.iter().find(|i| matches!(i.check, FitCheck::InoculumAvailable { stage: Some(4), .. })).unwrap();
    assert_eq!(item.status, FitStatus::Fail);
    // Tied to the stage that falls short: the 50 L bag, now at 10 L.
    assert_eq!(item.field.as_deref(), Some("seed_train[3].working_volume_l"));
    // Only 10 L go over: N-1 is seeded at 10 x 4.0 / 180 = 0.222 and needs longer to grow:
    // ln(4 / 0.222) / ln 2 = 4.17 -> 5 days instead of 3.
    assert!(close(e.seed_train[4].seeding_density_e6_per_ml, 10.0 * 4.0 / 180.0, 1e-9));
    assert_eq!(e.seed_train[4].duration_days, 5);
}

#[test]
fn too_many_protein_a_cycles_fail() {
    let mut s = Scenario::default();
    s.downstream.protein_a.column_volume_l = 10.0; // 360 g a cycle -> 16 cycles > 6
    let e = estimate(&s, &FacilityProfile::current()).unwrap();
    assert_eq!(e.downstream.step(DsStep::ProteinA).column.unwrap().cycles, 16);
    assert!(e.fit.iter().any(|i| matches!(
        i.check,
        FitCheck::ColumnCycles { step: DsStep::ProteinA, cycles: 16, max_cycles: 6 }
    ) && i.status == FitStatus::Fail));
}

#[test]
fn grams_target_gives_batches_needed() {
    let mut s = Scenario::default();
    // 10 kg at 4000.5 g a batch: 2.5 -> 3 batches.
    s.program.target = CampaignTarget::DrugSubstanceG { grams: 10_000.0 };
    assert_eq!(estimate(&s, &FacilityProfile::current()).unwrap().campaign.batches, 3);
    s.program.target = CampaignTarget::DrugSubstanceG { grams: 9_000_000.0 };
    let errors = estimate(&s, &FacilityProfile::current()).unwrap_err();
    assert_eq!(errors[0].field, "program.target.grams");
}

#[test]
fn validation_reports_every_problem_with_its_field() {
    let mut s = Scenario::default();
    s.cell_line.doubling_time_h = f64::NAN;
    s.production.titer_g_per_l = -1.0;
    s.seed_train[1].end = StageEnd::SplitDensity { density_e6_per_ml: 0.4 };
    s.seed_train[2].vessel_id = "no-such-vessel".into();
    s.production.feeds[0].days.push(20);
    let errors = estimate(&s, &FacilityProfile::current()).unwrap_err();
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        fields,
        vec![
            "cell_line.doubling_time_h",
            "seed_train[1].end.density_e6_per_ml",
            "seed_train[2].vessel_id",
            "production.titer_g_per_l",
            "production.feeds[0].days",
        ]
    );
    assert_eq!(errors[0].problem, Problem::NotANumber);
    assert_eq!(errors[3].problem, Problem::OutOfRange { value: -1.0, min: 0.01, max: 100.0 });
    assert_eq!(
        errors[3].to_string(),
        "production.titer_g_per_l: -1 is outside the allowed range 0.01 to 100"
    );
}

#[test]
fn v1_corpus_file_still_opens_as_the_default_scenario() {
    let text = include_str!("../../../tests/corpus/v1-default.json");
    let loaded = scenario_file::from_json(text).unwrap();
    assert_eq!(loaded.version, 1);
    assert_eq!(loaded.facility_profile, "suzhou-2026-11");
    assert!(loaded.unknown_fields.is_empty());
    assert_eq!(loaded.scenario, baseline_v1());
}

#[test]
fn a_campaign_past_the_calendar_is_an_error_not_a_wrong_date() {
    // 200 batches, 365 days turnaround at 10 % utilisation: a batch every
    // ceil((14 + 365) / 0.1) = 3790 days; the last release is ~754,000 days after thaw.
    let mut s = Scenario::default();
    s.program.target = CampaignTarget::Batches { count: 200 };
    s.schedule.turnaround_days = 365;
    s.schedule.line_utilisation_pct = 10.0;
    let errors = estimate(&s, &FacilityProfile::current()).unwrap_err();
    assert_eq!(errors[0].field, "program.target.count");
    assert!(matches!(errors[0].problem, Problem::BeyondCalendar { max_year: 2200, .. }));
}

#[test]
fn weekend_operations_are_checked_for_every_batch_of_the_campaign() {
    // Batch 1 (thaw Mon 1 Mar 2027): transfers on Sun 7 and Sat 13 Mar fall on weekends.
    // Batch 2 thaws 22 days later (Tue 23 Mar): its operations on days 0, 3, 6, 9, 12, 15, 29
    // fall on Tue, Fri, Mon, Thu, Sun (4 Apr), Wed, Wed: Sunday 4 April is also in the
    // Qingming closure (3-5 April, illustrative calendar), so it is flagged as a closure.
    // (The campaign anchored on its thaw date, no engineering run before it.)
    let mut s = baseline_v2(); // the 15-day seed train of version 2's default
    s.plan.anchor = PlanAnchor::FirstGmpThaw;
    s.plan.engineering_runs = 0;
    s.schedule.avoid_closures = false;
    s.schedule.weekend_operations_allowed = false;
    s.program.target = CampaignTarget::Batches { count: 2 };
    let e = estimate(&s, &FacilityProfile::current()).unwrap();
    let dates: Vec<String> = e
        .fit
        .iter()
        .filter_map(|i| match i.check {
            FitCheck::WeekendOperation { date, .. } => Some(date.to_string()),
            _ => None,
        })
        .collect();
    assert_eq!(dates, vec!["2027-03-07", "2027-03-13"]);
    let closed: Vec<(u32, String)> = e
        .fit
        .iter()
        .filter_map(|i| match i.check {
            FitCheck::ClosureOperation { batch, date, .. } => Some((batch, date.to_string())),
            _ => None,
        })
        .collect();
    assert_eq!(closed, vec![(1, "2027-04-04".to_string())]);
}
