//! Link version 2, frozen: the program and campaign fields it added to version 1's, and its
//! baseline, the default scenario as it was when version 2 was defined. Version 2 keeps
//! every version-1 key (`v1.rs`); a link names its version, and each version is decoded
//! against its own baseline forever (`tests/corpus/links-v2.json`).

use super::v1::{baseline_v1, link_fields, Entry};
use crate::date::CivilDate;
use crate::legacy;
use crate::scenario::{PlanAnchor, ProgramPlan, Scenario};

/// The default scenario when link version 2 was defined: version 1's, with the program
/// planned from a kickoff, PPQ batches in the PPQ/commercial phase, batch success rates,
/// tox batches without GMP release, and the calendar's closures avoided (the seed train's
/// rules of version 3 stay off, as in version 1: [`baseline_v1`] holds them).
pub fn baseline_v2() -> Scenario {
    let mut s = baseline_v1();
    s.plan = ProgramPlan {
        anchor: PlanAnchor::Kickoff,
        kickoff_date: CivilDate::from_ymd(2027, 1, 15).expect("valid date"),
        steps: legacy::steps_v2(),
        analytical_methods: 8,
        engineering_runs: 1,
        ppq_batches: 3,
        batch_success_pct: 90.0,
        tox_gmp_release: false,
        due_date: None,
    };
    s.schedule.rolling_seed_train = false;
    s.schedule.max_cell_age_days = 60;
    s.schedule.avoid_closures = true;
    s
}

/// [`baseline_v2`], built once.
pub(super) fn baseline() -> &'static Scenario {
    static BASELINE: std::sync::OnceLock<Scenario> = std::sync::OnceLock::new();
    BASELINE.get_or_init(baseline_v2)
}

// The fields version 2 added, after version 1's. Keys are frozen for version 2.
link_fields! { V2_FIELDS {
    "an" => plan.anchor;
    "ko" => plan.kickoff_date;
    "ps" => plan.steps;
    "am" => plan.analytical_methods;
    "er" => plan.engineering_runs;
    "pq" => plan.ppq_batches;
    "sr" => plan.batch_success_pct;
    "txr" => plan.tox_gmp_release;
    "due" => plan.due_date;
    "rs" => schedule.rolling_seed_train;
    "age" => schedule.max_cell_age_days;
    "ac" => schedule.avoid_closures;
} }

/// Every field of a version-2 link: version 1's, then version 2's.
pub(super) fn fields() -> impl Iterator<Item = &'static Entry> {
    super::v1::V1_FIELDS.iter().chain(V2_FIELDS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_2_added_the_program_to_version_1() {
        let (v1, v2) = (baseline_v1(), baseline_v2());
        assert_eq!(Scenario { plan: v1.plan.clone(), schedule: v1.schedule.clone(), ..v2.clone() }, v1);
        assert_eq!(v2.plan.engineering_runs, 1);
    }
}
