//! What the fields added after format version 1 hold for a scenario written in version 1
//! (a link or a file): the values that reproduce the figures it had. Frozen: the link codec
//! (`link/v1.rs`) and the file reader (`scenario_file.rs`) both fill a version-1 scenario
//! from here, and the version-1 corpus (`tests/corpus/`) proves the figures unchanged.
//!
//! Version 1 had no program: its campaign started at the thaw date entered, every batch had
//! its own thaw, the calendar only flagged weekends, a grams target planned no spares, tox
//! batches carried GMP release testing, and there were no PPQ batches before the campaign.

use crate::date::CivilDate;
use crate::scenario::{PlanAnchor, PlanStep, ProgramPlan, Scenario, StepKind};

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

/// Sets every field added after version 1 to its version-1 value.
pub fn fill_v1(s: &mut Scenario) {
    s.plan = plan_v1();
    s.schedule.rolling_seed_train = false;
    s.schedule.max_cell_age_days = 60;
    s.schedule.avoid_closures = false;
}

/// Paths of the fields added after version 1, as a version-1 file would have spelt them (a
/// version-1 reader did not know them: they are reported as unknown, not read).
pub const ADDED_AFTER_V1: [(&str, &str); 4] = [
    ("", "plan"),
    ("schedule", "rolling_seed_train"),
    ("schedule", "max_cell_age_days"),
    ("schedule", "avoid_closures"),
];

/// Whether a scenario still follows version 1's model: every field version 2 added holds
/// its version-1 value (a version-1 link or file, or a scenario saved from one). The page
/// then offers to update it to the current model.
pub fn follows_v1(s: &Scenario) -> bool {
    s.plan == plan_v1() && !s.schedule.rolling_seed_train && !s.schedule.avoid_closures
}

/// The scenario on today's model: the client's inputs kept (its first thaw date too: the plan
/// stays anchored on it), the fields version 2 added set to today's defaults for its phase
/// (PPQ batches, the success rate, tox batches without GMP release, closures avoided).
pub fn to_current_model(s: &Scenario) -> Scenario {
    let mut updated = s.clone();
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
        assert!(follows_v1(&v1));
        assert!(!follows_v1(&Scenario::default()));
        let updated = to_current_model(&v1);
        assert!(!follows_v1(&updated));
        // The client's inputs and first thaw stay; the new fields take today's defaults.
        assert_eq!(updated.schedule.thaw_date, v1.schedule.thaw_date);
        assert_eq!(updated.plan.anchor, PlanAnchor::FirstGmpThaw);
        assert_eq!((updated.plan.ppq_batches, updated.plan.batch_success_pct), (3, 90.0));
        assert!(updated.schedule.avoid_closures && !updated.plan.tox_gmp_release);
        assert_eq!((&updated.seed_train, &updated.production), (&v1.seed_train, &v1.production));
    }
}
