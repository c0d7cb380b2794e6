//! Native tests of the seed train's rules (format version 3): the checks they add to the
//! facility fit (inoculum share, passage window, over-growth, vials), their validation, and
//! an older scenario updated to them. The growth and passage arithmetic itself is tested next
//! to it, in `src/seed_train/`.

use ttc_model::fit::{FitCheck, FitStatus};
use ttc_model::link::baseline_v2;
use ttc_model::scenario::StageEnd;
use ttc_model::{estimate, FacilityProfile, Problem, Scenario};

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

#[test]
fn the_seed_train_checks_speak_of_margins_windows_growth_and_vials() {
    let f = FacilityProfile::current();
    // Version 2's default train transfers 97-99 % of each stage: N takes 175 of N-1's 180 L.
    let e = estimate(&baseline_v2(), &f).unwrap();
    let shares: Vec<(Option<usize>, f64)> = e
        .fit
        .iter()
        .filter_map(|i| match i.check {
            FitCheck::InoculumShare { stage, inoculum_l, previous_l } => {
                Some((stage, inoculum_l / previous_l))
            }
            _ => None,
        })
        .collect();
    // Stage 2 takes 38 of 47 mL (81 %): no warning; stages 3-5 and N do.
    assert_eq!(shares.iter().map(|(s, _)| *s).collect::<Vec<_>>(), vec![Some(2), Some(3), Some(4), None]);
    assert!(close(shares[3].1, 175.0 / 180.0, 1e-12));
    assert!(e.fit.iter().all(|i| i.status != FitStatus::Fail));

    // Td 24.1 h without the window (version 2): every 0.5 -> 4.0 stage is passaged on day 4
    // at 0.5 x 2^(96/24.1) = 7.92, over the published 2-5.
    let mut s = baseline_v2();
    s.cell_line.doubling_time_h = 24.1;
    let e = estimate(&s, &f).unwrap();
    let over = e.fit.iter().find(|i| matches!(i.check, FitCheck::PassageDensity { stage: 4, .. })).unwrap();
    assert_eq!(over.field.as_deref(), Some("seed_train[4].end.density_e6_per_ml"));
    if let FitCheck::PassageDensity { density_e6_per_ml, high_e6_per_ml, window, .. } = over.check {
        assert!(close(density_e6_per_ml, 0.5 * 2f64.powf(96.0 / 24.1), 1e-9));
        assert_eq!((high_e6_per_ml, window), (5.0, false));
    }
    // With today's window: day 3, inside it, and no warning.
    let mut s = Scenario::default();
    s.cell_line.doubling_time_h = 24.1;
    let e = estimate(&s, &f).unwrap();
    assert!(!e.fit.iter().any(|i| matches!(i.check, FitCheck::PassageDensity { .. })));

    // N-1 held 10 days at Td 24 h reaches the ceiling of 10 after log2(20) = 4.32 days.
    let mut s = Scenario::default();
    s.seed_train[5].end = StageEnd::FixedDays { days: 10 };
    let e = estimate(&s, &f).unwrap();
    let grown = e.fit.iter().find(|i| matches!(i.check, FitCheck::Overgrown { .. })).unwrap();
    assert_eq!((grown.status, grown.field.as_deref()), (FitStatus::Warning, Some("seed_train[5].end.days")));

    // A first stage of 200 L seeded at 0.5 needs 10^11 / 28.5e6 = 3,509 vials: a failure.
    let mut s = Scenario::default();
    s.seed_train.drain(..5);
    s.seed_train[0].working_volume_l = 200.0;
    let e = estimate(&s, &f).unwrap();
    let vials = e.fit.iter().find(|i| matches!(i.check, FitCheck::VialCount { .. })).unwrap();
    assert_eq!(vials.status, FitStatus::Fail);
    assert_eq!(vials.check, FitCheck::VialCount { needed: 3509.0, max: 1000.0 });
}

#[test]
fn a_passage_window_must_be_a_window() {
    let mut s = Scenario::default();
    s.seed_rules.window_high_e6_per_ml = 2.0;
    let errors = estimate(&s, &FacilityProfile::current()).unwrap_err();
    assert_eq!(errors[0].field, "seed_rules.window_high_e6_per_ml");
    assert!(matches!(errors[0].problem, Problem::MustExceed { .. }));
    // Off, its values are not checked (they are hidden).
    s.seed_rules.passage_window = false;
    assert!(estimate(&s, &FacilityProfile::current()).is_ok());
    s.seed_rules.transfer_excess_pct = f64::NAN;
    assert_eq!(estimate(&s, &FacilityProfile::current()).unwrap_err()[0].problem, Problem::NotANumber);
}

#[test]
fn updating_a_version_2_scenario_turns_the_seed_rules_on_and_keeps_its_train() {
    // Version 2's default at Td 24.1 h: its four 0.5 -> 4.0 stages take 4 days each (the
    // first whole day at 4.0, 0.5 x 2^(96/24.1) = 7.92), the first flask 3 (0.606 -> 4.81):
    // 19 days to N. Updated, the window passages them on day 3 at 3.97: 3 + 4 x 3 = 15 days.
    let mut s = baseline_v2();
    s.cell_line.doubling_time_h = 24.1;
    let f = FacilityProfile::current();
    let before = estimate(&s, &f).unwrap();
    assert_eq!(before.timeline.thaw_to_inoculation_days, 19);
    let updated = ttc_model::legacy::to_current_model(&s);
    assert_eq!((&updated.seed_train, updated.plan.clone()), (&s.seed_train, s.plan.clone()));
    let after = estimate(&updated, &f).unwrap();
    assert_eq!(after.timeline.thaw_to_inoculation_days, 15);
    // Four seed-suite days and 8 operator-days fewer: a lower price.
    assert!(after.cost.per_batch < before.cost.per_batch);
}
