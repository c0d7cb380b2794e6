//! What the fields added after format version 1 hold for a scenario written in version 1
//! (a link or a file): the values that reproduce the figures it had. Frozen: the link codec
//! (`link/v1.rs`) and the file reader (`scenario_file.rs`) both fill a version-1 scenario
//! from here, and the version-1 corpus (`tests/corpus/`) proves the figures unchanged.
//!
//! Version 1 had no program: its campaign started at the thaw date entered, every batch had
//! its own thaw, the calendar only flagged weekends, a grams target planned no spares, tox
//! batches carried GMP release testing, and there were no PPQ batches before the campaign.

use crate::date::CivilDate;
use crate::scenario::{Additions, Culture, PlanAnchor, PlanStep, ProgramPlan, Scenario, SeedRules, StepKind};

/// The plan's rows as version 2 defined them (frozen: a later change of defaults goes into
/// a later version, not here).
pub fn steps_v2() -> Vec<PlanStep> {
    use StepKind::*;
    let step = |step, included, duration_days, after: &[StepKind], lag_days| PlanStep {
        step,
        included,
        duration_days,
        after: after.to_vec(),
        lag_days,
    };
    vec![
        step(TransferReview, true, 42, &[], 0),
        step(MethodTransfer, true, 210, &[TransferReview], -14),
        step(RawMaterials, true, 120, &[TransferReview], 0),
        step(BatchRecord, true, 90, &[TransferReview], 0),
        step(SmallScale, false, 60, &[TransferReview], 0),
        step(EngineeringRuns, true, 28, &[RawMaterials, BatchRecord, SmallScale], 0),
        step(Ppq, true, 0, &[EngineeringRuns, MethodTransfer], 0),
        step(GmpCampaign, true, 0, &[EngineeringRuns, MethodTransfer, Ppq], 0),
    ]
}

/// The program a version-1 scenario opens with: anchored on its thaw date (so the campaign
/// keeps its dates), no engineering run or PPQ batch on its lines (so that its batches keep
/// their lines and dates), no spares, tox batches released as GMP batches were.
pub fn plan_v1() -> ProgramPlan {
    ProgramPlan {
        anchor: PlanAnchor::FirstGmpThaw,
        kickoff_date: CivilDate::from_ymd(2027, 1, 15).expect("valid date"),
        steps: steps_v2(),
        analytical_methods: 8,
        engineering_runs: 0,
        ppq_batches: 0,
        batch_success_pct: 100.0,
        tox_gmp_release: true,
        due_date: None,
    }
}

/// The seed train's rules as versions 1 and 2 computed (frozen): passaged on the first
/// whole day that reaches the split density, growth without a ceiling, no transfer excess in
/// a designed train. The window and ceilings keep today's published values: with the
/// options off they only set where the fit warns.
pub fn seed_rules_v2() -> SeedRules {
    SeedRules {
        passage_window: false,
        window_low_e6_per_ml: 2.0,
        window_high_e6_per_ml: 5.0,
        growth_ceiling: false,
        max_density_batch_e6_per_ml: 10.0,
        max_density_perfusion_e6_per_ml: 100.0,
        transfer_excess_pct: 0.0,
    }
}

/// The dose a scenario of versions 1 to 3 shows (they had none; the dose changes no other
/// figure): today's default, 500 mg.
pub const DOSE_MG_V3: f64 = 500.0;

/// Sets every field added after version 4 to its version-4 value (for a scenario of
/// versions 1 to 4): dedicated resin written off over the campaign's batches, each
/// engineering and PPQ batch priced as one of them.
pub fn fill_v4(s: &mut Scenario) {
    s.downstream.dedicated_resin_over_program = false;
}

/// Sets every field added after version 3 to its version-3 value (for a scenario of
/// versions 1 to 3): no additions or evaporation, no headroom, the culture curve flat after
/// its peak (as version 3 drew it) and the entered titer.
pub fn fill_v3(s: &mut Scenario) {
    fill_v4(s);
    s.schedule.downstream_days_from_work = false;
    s.downstream.clarification.safety_factor = 1.0;
    s.downstream.virus_filtration.safety_factor = 1.0;
    s.downstream.whole_filter_modules = false;
    s.production.additions = Additions::none();
    s.production.headroom_pct = 0.0;
    s.production.culture = Culture::flat();
    s.program.dose_mg = DOSE_MG_V3;
}

/// Sets every field added after version 2 to its version-2 value (for a version-1 or
/// version-2 scenario).
pub fn fill_v2(s: &mut Scenario) {
    fill_v3(s);
    s.seed_rules = seed_rules_v2();
}

/// Sets every field added after version 1 to its version-1 value.
pub fn fill_v1(s: &mut Scenario) {
    fill_v2(s);
    s.plan = plan_v1();
    s.schedule.rolling_seed_train = false;
    s.schedule.max_cell_age_days = 60;
    s.schedule.avoid_closures = false;
}

/// Paths of the fields added after version 1, as a version-1 file would have spelt them (a
/// version-1 reader did not know them: they are reported as unknown, not read).
pub const ADDED_AFTER_V1: [(&str, &str); 5] = [
    ("", "plan"),
    ("", "seed_rules"),
    ("schedule", "rolling_seed_train"),
    ("schedule", "max_cell_age_days"),
    ("schedule", "avoid_closures"),
];

/// Paths of the fields added after version 2 and before version 4, as a version-2 file
/// would have spelt them.
pub const ADDED_AFTER_V2: [(&str, &str); 1] = [("", "seed_rules")];

/// Paths of the fields added after version 3, as a file of versions 1 to 3 would have spelt
/// them.
pub const ADDED_AFTER_V3: [(&str, &str); 7] = [
    ("program", "dose_mg"),
    ("schedule", "downstream_days_from_work"),
    ("downstream", "whole_filter_modules"),
    ("downstream", "other_steps_days"),
    ("production", "additions"),
    ("production", "headroom_pct"),
    ("production", "culture"),
];

/// Whether a scenario still follows version 1's model: every field version 2 added holds
/// its version-1 value (a version-1 link or file, or a scenario saved from one).
pub fn follows_v1(s: &Scenario) -> bool {
    s.plan == plan_v1() && !s.schedule.rolling_seed_train && !s.schedule.avoid_closures
}

/// Whether a scenario still follows version 3's production and downstream model: every
/// model field version 4 added at its version-3 value (no decline of the culture, no
/// headroom, no evaporation, the downstream days entered, filters of the exact area). A
/// version-4 scenario that sets only some of them so is the user's choice, not an older model.
pub fn follows_v3(s: &Scenario) -> bool {
    let (p, d) = (&s.production, &s.downstream);
    p.culture.death_rate_per_day == 0.0
        && p.headroom_pct == 0.0
        && p.additions.evaporation_pct_per_day == 0.0
        && !s.schedule.downstream_days_from_work
        && d.clarification.safety_factor == 1.0
        && d.virus_filtration.safety_factor == 1.0
        && !d.whole_filter_modules
}

/// Paths of the fields added after version 4, as a file of versions 1 to 4 would have spelt
/// them.
pub const ADDED_AFTER_V4: [(&str, &str); 1] = [("downstream", "dedicated_resin_over_program")];

/// Whether a scenario still follows version 4's resin accounting where it matters: dedicated
/// resin written off over the campaign's batches alone (a scenario of versions 1 to 4 with
/// dedicated resin). With amortised resin the write-off changes nothing, so no update is
/// offered for it (an older rate card has its own notice and "Re-price with current rates").
pub fn follows_v4(s: &Scenario) -> bool {
    s.downstream.resin_mode == crate::scenario::ResinMode::DedicatedToCampaign
        && !s.downstream.dedicated_resin_over_program
}

/// Whether a scenario still follows an earlier model than today's: version 1's, the seed
/// train without version 3's rules, or production without version 4's decline, headroom
/// and evaporation, or dedicated resin written off over the campaign alone (a link or file
/// of versions 1 to 4, or a scenario saved from one). The
/// page then offers to update it to the current model.
pub fn follows_earlier_model(s: &Scenario) -> bool {
    follows_v1(s) || follows_v2_seed_train(s) || follows_v3(s) || follows_v4(s)
}

/// Whether a scenario's seed train still follows version 2's model: neither of version 3's
/// rules on.
pub fn follows_v2_seed_train(s: &Scenario) -> bool {
    !s.seed_rules.passage_window && !s.seed_rules.growth_ceiling
}

/// The scenario on today's model: the client's inputs kept (its first thaw date too: the plan
/// stays anchored on it, and its own seed train), the fields version 2 added set to today's
/// defaults for its phase (PPQ batches, the success rate, tox batches without GMP release,
/// closures avoided) when it still follows version 1, version 3's seed-train rules on, and
/// version 4's production model: the culture's decline, the headroom and evaporation, and
/// version 5's dedicated resin written off over the whole program. The client's own
/// additions (base, glucose, antifoam) and resin mode are process inputs, not the model's:
/// the update changes neither.
pub fn to_current_model(s: &Scenario) -> Scenario {
    let mut updated = s.clone();
    updated.downstream.dedicated_resin_over_program = true;
    if follows_v2_seed_train(s) {
        updated.seed_rules = SeedRules::default();
    }
    if follows_v3(s) {
        let (defaults, p) = (crate::scenario::Production::default(), &mut updated.production);
        p.culture = Culture {
            titer_from_qp: p.culture.titer_from_qp,
            qp_pg_per_cell_day: p.culture.qp_pg_per_cell_day,
            ..defaults.culture
        };
        p.headroom_pct = defaults.headroom_pct;
        p.additions.evaporation_pct_per_day = defaults.additions.evaporation_pct_per_day;
        updated.schedule.downstream_days_from_work = true;
        let d = crate::scenario::Downstream::default();
        updated.downstream.clarification.safety_factor = d.clarification.safety_factor;
        updated.downstream.virus_filtration.safety_factor = d.virus_filtration.safety_factor;
        updated.downstream.whole_filter_modules = d.whole_filter_modules;
    }
    if !follows_v1(s) {
        return updated;
    }
    let defaults = ProgramPlan::default();
    updated.plan = ProgramPlan {
        anchor: PlanAnchor::FirstGmpThaw,
        batch_success_pct: crate::scenario::default_success_pct(s.program.phase),
        ..defaults
    };
    let schedule = crate::scenario::Schedule::default();
    updated.schedule.rolling_seed_train = schedule.rolling_seed_train;
    updated.schedule.max_cell_age_days = schedule.max_cell_age_days;
    updated.schedule.avoid_closures = schedule.avoid_closures;
    updated
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_version_1_scenario_is_recognised_and_updated_keeping_its_inputs() {
        let v1 = crate::link::baseline_v1();
        assert!(follows_v1(&v1) && follows_earlier_model(&v1));
        assert!(!follows_earlier_model(&Scenario::default()));
        let updated = to_current_model(&v1);
        assert!(!follows_earlier_model(&updated));
        assert_eq!(updated.seed_rules, SeedRules::default());
        // The client's inputs and first thaw stay; the new fields take today's defaults.
        assert_eq!(updated.schedule.thaw_date, v1.schedule.thaw_date);
        assert_eq!(updated.plan.anchor, PlanAnchor::FirstGmpThaw);
        assert_eq!((updated.plan.ppq_batches, updated.plan.batch_success_pct), (3, 90.0));
        assert!(updated.schedule.avoid_closures && !updated.plan.tox_gmp_release);
        assert_eq!(updated.seed_train, v1.seed_train);
        // Production keeps the client's V0, feeds and titer; version 4's model comes in.
        let mut p = updated.production.clone();
        assert_eq!((p.headroom_pct, p.culture.death_rate_per_day), (2.0, 0.08));
        (p.headroom_pct, p.culture, p.additions.evaporation_pct_per_day) = (0.0, v1.production.culture, 0.0);
        assert_eq!(p, v1.production);
    }

    #[test]
    fn a_version_4_scenario_is_on_an_earlier_model_only_with_dedicated_resin() {
        // Version 4's default has amortised resin: the write-off changes nothing for it.
        let v4 = crate::link::baseline_v4();
        assert!(!follows_v4(&v4) && !follows_earlier_model(&v4));
        let mut dedicated = v4.clone();
        dedicated.downstream.resin_mode = crate::scenario::ResinMode::DedicatedToCampaign;
        assert!(follows_v4(&dedicated) && follows_earlier_model(&dedicated));
        let updated = to_current_model(&dedicated);
        assert!(updated.downstream.dedicated_resin_over_program && !follows_earlier_model(&updated));
        // Nothing else changes: the client's resin mode stays.
        assert_eq!(Scenario { downstream: dedicated.downstream.clone(), ..updated.clone() }, dedicated);
    }

    #[test]
    fn a_version_2_scenario_gets_only_the_seed_rules() {
        let v2 = crate::link::baseline_v2();
        assert!(!follows_v1(&v2) && follows_earlier_model(&v2));
        let updated = to_current_model(&v2);
        assert_eq!(updated.seed_rules, SeedRules::default());
        assert_eq!(
            Scenario {
                seed_rules: v2.seed_rules,
                production: v2.production.clone(),
                schedule: v2.schedule.clone(),
                downstream: v2.downstream.clone(),
                ..updated.clone()
            },
            v2
        );
        assert!(updated.schedule.downstream_days_from_work && updated.downstream.whole_filter_modules);
    }

    #[test]
    fn a_version_3_scenario_gets_the_production_model_and_keeps_its_own_rules_and_additions() {
        let mut v3 = crate::link::baseline_v3();
        v3.seed_rules.window_low_e6_per_ml = 2.5;
        v3.production.culture.qp_pg_per_cell_day = 30.0;
        assert!(follows_v3(&v3) && follows_earlier_model(&v3));
        // A current scenario whose user turns off the decline, the headroom and evaporation
        // is their choice, not version 3's model: no update is offered.
        let mut chosen = Scenario::default();
        chosen.production.culture.death_rate_per_day = 0.0;
        chosen.production.headroom_pct = 0.0;
        chosen.production.additions.evaporation_pct_per_day = 0.0;
        assert!(!follows_v3(&chosen) && !follows_earlier_model(&chosen));
        let updated = to_current_model(&v3);
        assert!(!follows_earlier_model(&updated));
        assert_eq!(updated.seed_rules, v3.seed_rules);
        let p = &updated.production;
        assert_eq!((p.headroom_pct, p.additions.evaporation_pct_per_day), (2.0, 0.1));
        assert_eq!((p.culture.death_rate_per_day, p.culture.stationary_days), (0.08, 4.0));
        // The client's qP and titer choice, and no base, glucose or antifoam added for them.
        assert_eq!((p.culture.qp_pg_per_cell_day, p.culture.titer_from_qp), (30.0, false));
        assert_eq!(
            (&p.additions.base, &p.additions.glucose),
            (&v3.production.additions.base, &v3.production.additions.glucose)
        );
        assert_eq!((p.initial_volume_l, &p.feeds), (v3.production.initial_volume_l, &v3.production.feeds));
    }
}
