//! Link version 4, frozen: the production model it added to version 3's fields (additions
//! and evaporation, the headroom, the culture curve and the titer from qP x IVCD), the dose,
//! downstream days from the work (the columns' cycle times, the other steps' days), and
//! filters with a safety factor in whole modules, and its baseline, the default scenario as it was when version 4 was defined.
//! Version 4 keeps every key of versions 1 to 3; each version is decoded against its own
//! baseline forever (`tests/corpus/links-v4.json`).

use super::v1::{conventional_stage, link_fields, Entry};
use super::v3::baseline_v3;
use crate::scenario::{Addition, Additions, Culture, FeedAmount, Scenario};

/// The default scenario when link version 4 was defined: version 3's, with base, glucose
/// and antifoam added and evaporation in the volume balance, a 2 % headroom, V0 1350 L (the
/// largest multiple of 10 L under the headroom) and the seed train designed for it, the
/// culture declining after 4 days at its peak, and a 500 mg dose.
pub fn baseline_v4() -> Scenario {
    let mut s = baseline_v3();
    let stage = conventional_stage;
    s.seed_train = vec![
        stage("sf125", 0.025),
        stage("sf250", 0.084),
        stage("sf3000", 0.6),
        stage("rb10", 3.8),
        stage("sub50", 27.0),
        stage("sub200", 190.0),
    ];
    let p = &mut s.production;
    p.initial_volume_l = 1350.0;
    p.additions = Additions {
        base: Addition { amount: FeedAmount::PercentOfInitial { pct: 0.2 }, days: (3..=13).collect() },
        glucose: Addition { amount: FeedAmount::PercentOfInitial { pct: 0.5 }, days: (5..=13).collect() },
        antifoam: Addition { amount: FeedAmount::FixedVolume { litres: 0.5 }, days: vec![3, 7, 11] },
        evaporation_pct_per_day: 0.1,
    };
    p.headroom_pct = 2.0;
    p.culture = Culture {
        titer_from_qp: false,
        qp_pg_per_cell_day: 16.0,
        stationary_days: 4.0,
        death_rate_per_day: 0.08,
        viability_pct: 95.0,
    };
    s.program.dose_mg = 500.0;
    s.schedule.downstream_days_from_work = true;
    s.downstream.clarification.safety_factor = 1.5;
    s.downstream.virus_filtration.safety_factor = 1.5;
    s.downstream.whole_filter_modules = true;
    s
}

/// [`baseline_v4`], built once.
pub(super) fn baseline() -> &'static Scenario {
    static BASELINE: std::sync::OnceLock<Scenario> = std::sync::OnceLock::new();
    BASELINE.get_or_init(baseline_v4)
}

// The fields version 4 added, after version 3's. Keys are frozen for version 4.
link_fields! { V4_FIELDS {
    "dose" => program.dose_mg;
    "ab" => production.additions.base;
    "ag" => production.additions.glucose;
    "af" => production.additions.antifoam;
    "ev" => production.additions.evaporation_pct_per_day;
    "hr" => production.headroom_pct;
    "tq" => production.culture.titer_from_qp;
    "qp" => production.culture.qp_pg_per_cell_day;
    "sd" => production.culture.stationary_days;
    "kd" => production.culture.death_rate_per_day;
    "cvb" => production.culture.viability_pct;
    "pct" => downstream.protein_a.cycle_time_h;
    "act" => downstream.aex.cycle_time_h;
    "cct" => downstream.cex.cycle_time_h;
    "osd" => downstream.other_steps_days;
    "ddw" => schedule.downstream_days_from_work;
    "csf" => downstream.clarification.safety_factor;
    "vsf" => downstream.virus_filtration.safety_factor;
    "wfm" => downstream.whole_filter_modules;
} }

/// Every field of a version-4 link: version 3's, then version 4's.
pub(super) fn fields() -> impl Iterator<Item = &'static Entry> {
    super::v3::fields().chain(V4_FIELDS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_4_added_the_production_model_to_version_3() {
        let (v3, v4) = (baseline_v3(), baseline_v4());
        let mut back = v4.clone();
        crate::legacy::fill_v3(&mut back);
        back.production.initial_volume_l = v3.production.initial_volume_l;
        back.seed_train = v3.seed_train.clone();
        assert_eq!(back, v3);
    }
}
