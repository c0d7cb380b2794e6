//! Native tests of the production run and the downstream time as the estimate uses them,
//! worked by hand: the vessel's maximum and the headroom, the culture's qP against the
//! published range, a culture that would run dry, downstream days from the column cycles.
#![cfg(not(target_arch = "wasm32"))]

use ttc_model::downstream::DsStep;
use ttc_model::fit::{FitCheck, FitStatus};
use ttc_model::link::baseline_v3;
use ttc_model::scenario::FeedAmount;
use ttc_model::{estimate, FacilityProfile, Problem, Scenario};

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

#[test]
fn feed_overflow_is_a_failure_with_the_largest_v0_that_fits() {
    // The feed alone, no headroom (version 3's production).
    let mut s = baseline_v3();
    // The last feed is on day 13, after 13 daily 0.1 L samples: the peak is
    // 1500 x 1.396 - 1.3 = 2092.7 L > 2000 L.
    s.production.initial_volume_l = 1500.0;
    let e = estimate(&s, &FacilityProfile::current()).unwrap();
    let overflow = e.fit.iter().find(|i| matches!(i.check, FitCheck::FeedOverflow { .. })).unwrap();
    assert_eq!(overflow.status, FitStatus::Fail);
    if let FitCheck::FeedOverflow { max_volume_l, max_initial_volume_l, .. } = overflow.check {
        assert!(close(max_volume_l, 1500.0 * 1.396 - 1.3, 1e-9));
        // (2000 + 1.3 L of samples by day 13) / 1.396 = 1433.6 L.
        assert!(close(max_initial_volume_l, 2001.3 / 1.396, 1e-9));
    }
    assert_eq!(e.fit_status, FitStatus::Fail);
}

#[test]
fn a_run_into_the_headroom_is_a_warning_with_the_largest_v0_under_it() {
    // V0 1352 L: peak on day 13, 1352 x 1.45 + 1.5 - 1.3 = 1960.6 L, over the 1960 L limit
    // (2 % of 2000 L kept free) but within the vessel: a warning, and V0 1351 L fits.
    let mut s = Scenario::default();
    s.production.initial_volume_l = 1352.0;
    let e = estimate(&s, &FacilityProfile::current()).unwrap();
    let item = e.fit.iter().find(|i| matches!(i.check, FitCheck::Headroom { .. })).unwrap();
    assert_eq!((item.status, e.fit_status), (FitStatus::Warning, FitStatus::Warning));
    let FitCheck::Headroom { max_volume_l, limit_l, max_whole_initial_volume_l, .. } = item.check else {
        unreachable!()
    };
    assert!(close(max_volume_l, 1960.6, 1e-9) && close(limit_l, 1960.0, 1e-9));
    assert_eq!(max_whole_initial_volume_l, 1351.0);
    let overflow = e.fit.iter().find(|i| matches!(i.check, FitCheck::FeedOverflow { .. })).unwrap();
    assert_eq!(overflow.status, FitStatus::Pass);
    // Without a headroom (versions 1 to 3) there is no such check.
    s.production.headroom_pct = 0.0;
    let e = estimate(&s, &FacilityProfile::current()).unwrap();
    assert!(!e.fit.iter().any(|i| matches!(i.check, FitCheck::Headroom { .. })));
}

#[test]
fn an_entered_titer_far_from_the_culture_warns_with_the_qp_it_implies() {
    // 12 g/L from the default curve (IVCD 186.18) implies 12000 / 186.18 = 64.5 pg/cell/day,
    // above the published 10-60: a warning on the titer.
    let mut s = Scenario::default();
    s.production.titer_g_per_l = 12.0;
    let e = estimate(&s, &FacilityProfile::current()).unwrap();
    assert!(close(e.production.qp_pg_per_cell_day, 12_000.0 / 186.180_588, 1e-4));
    let qp = e
        .fit
        .iter()
        .find(|i| {
            matches!(
                i.check,
                FitCheck::OutsidePublished {
                    range: ttc_model::fit::PublishedRange::SpecificProductivity,
                    ..
                }
            )
        })
        .unwrap();
    assert_eq!((qp.status, qp.field.as_deref()), (FitStatus::Warning, Some("production.titer_g_per_l")));
    // With the titer from the culture, the warning points at qP.
    s.production.culture.titer_from_qp = true;
    s.production.culture.qp_pg_per_cell_day = 70.0;
    let e = estimate(&s, &FacilityProfile::current()).unwrap();
    assert!(e.fit.iter().any(|i| i.field.as_deref() == Some("production.culture.qp_pg_per_cell_day")));
    // 70 x 186.18 / 1000 = 13.03 g/L.
    assert!(close(e.production.titer_g_per_l, 13.032_64, 1e-4));
}

#[test]
fn downstream_days_follow_the_protein_a_cycles_unless_entered() {
    // Default: 37.5 h on the columns + 4 other days = 5.5625 -> 6 days (the days entered
    // before), release day max(31 + 28, 31 + 6 + 30) + 7 = 74 from thaw.
    let f = FacilityProfile::current();
    let e = estimate(&Scenario::default(), &f).unwrap();
    assert_eq!((e.downstream.work_days, e.timeline.downstream_end_day - e.timeline.harvest_day), (6, 6));
    assert_eq!(e.timeline.release_day, 74);
    // A 22 L Protein A column: 792 g a cycle, 7 cycles (over the 6 allowed: a fit failure
    // with its numbers). 7 x 4.5 + 6 + 13.5 = 51 h = 2.125 days + 4 -> 7 days: downstream
    // ends a day later, and so does release (the QC path sets it): day 75.
    let mut s = Scenario::default();
    s.downstream.protein_a.column_volume_l = 22.0;
    let e = estimate(&s, &f).unwrap();
    assert_eq!(e.downstream.work_days, 7);
    assert_eq!(e.timeline.downstream_end_day - e.timeline.harvest_day, 7);
    assert_eq!(e.timeline.release_day, 75);
    assert!(e.fit.iter().any(|i| matches!(
        i.check,
        FitCheck::ColumnCycles { step: DsStep::ProteinA, cycles: 7, max_cycles: 6 }
    ) && i.status == FitStatus::Fail));
    // With the days entered (every link and file before version 4), 6 days whatever the cycles.
    s.schedule.downstream_days_from_work = false;
    let e = estimate(&s, &f).unwrap();
    assert_eq!(e.timeline.downstream_end_day - e.timeline.harvest_day, 6);
    assert_eq!(e.timeline.release_day, 74);
}

#[test]
fn a_culture_that_would_run_dry_mid_run_is_an_error() {
    // V0 1 L, 0.5 L sampled a day, 100 L fed only on day 13: V(2) = 1 - 2 x 0.5 = 0 L
    // (no additions or evaporation: version 3's production).
    let mut s = baseline_v3();
    s.production.initial_volume_l = 1.0;
    s.production.daily_sample_l = 0.5;
    s.production.feeds[0].amount = FeedAmount::FixedVolume { litres: 100.0 };
    s.production.feeds[0].days = vec![13];
    let errors = estimate(&s, &FacilityProfile::current()).unwrap_err();
    assert_eq!(errors[0].field, "production.daily_sample_l");
    assert_eq!(errors[0].problem, Problem::SamplesExceedCulture { samples_l: 1.0, available_l: 1.0 });
}
