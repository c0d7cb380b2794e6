//! Link version 1, frozen: the baseline scenario its links are written against, its field
//! keys and its rate indices. Nobody edits this file: a change of defaults, a new field or a
//! new rate goes into a new version (with its own file and corpus), so that every version-1
//! link ever sent opens with the very inputs it was made with (`tests/corpus/links-v1.json`).
//! The one exception is a field added later: the baseline gives it the value that
//! reproduces version 1's figures (`crate::legacy`), so that the struct below stays whole.

use super::values::Field;
use crate::date::CivilDate;
use crate::facility::Rate;
use crate::legacy;
use crate::scenario::{
    Additions, CampaignTarget, CellLine, Chromatography, Clarification, Culture, Downstream, Feed,
    FeedAmount, LowPh, Modality, Phase, Production, Program, ResinMode, Scenario, Schedule, SeedStage,
    StageEnd, StageMode, UfDf, VirusFiltration,
};
use std::collections::BTreeMap;

/// The default scenario as it was when link version 1 was defined. Frozen: do not edit it when
/// the defaults in [`super::scenario`] change (a test compares it with the version-1 corpus
/// file, not with today's defaults).
pub fn baseline_v1() -> Scenario {
    let stage = conventional_stage;
    Scenario {
        name: "Typical CHO mAb fed-batch, 2000 L".into(),
        program: Program {
            product_name: "mAb-001".into(),
            modality: Modality::Mab,
            phase: Phase::Clinical,
            target: CampaignTarget::Batches { count: 3 },
            // Added in version 4: no figure of version 1 depends on it (crate::legacy).
            dose_mg: legacy::DOSE_MG_V3,
        },
        cell_line: CellLine {
            doubling_time_h: 24.0,
            lag_h: 0.0,
            cells_per_vial_e6: 30.0,
            post_thaw_viability_pct: 95.0,
        },
        seed_train: vec![
            stage("sf125", 0.047),
            stage("sf1000", 0.37),
            stage("rb10", 2.9),
            stage("rb50", 23.0),
            stage("sub200", 180.0),
        ],
        // Added in version 3: versions 1 and 2's behaviour (crate::legacy).
        seed_rules: legacy::seed_rules_v2(),
        production: Production {
            vessel_id: "sub2000".into(),
            initial_volume_l: 1400.0,
            seeding_density_e6_per_ml: 0.5,
            duration_days: 14,
            peak_density_e6_per_ml: 20.0,
            feeds: vec![Feed {
                name: "Feed A".into(),
                amount: FeedAmount::PercentOfInitial { pct: 3.6 },
                days: (3..=13).collect(),
            }],
            // Added in version 4: versions 1 to 3's volume balance and curve (crate::legacy).
            additions: Additions::none(),
            headroom_pct: 0.0,
            culture: Culture::flat(),
            titer_g_per_l: 3.0,
            daily_sample_l: 0.1,
        },
        downstream: Downstream {
            clarification: Clarification {
                yield_pct: 93.0,
                filter_loading_l_per_m2: 40.0,
                flush_l_per_m2: 50.0,
                safety_factor: 1.0, // Added in version 4: the exact area (crate::legacy).
            },
            protein_a: Chromatography {
                yield_pct: 93.0,
                capacity_g_per_l: 45.0,
                load_fraction_pct: 80.0,
                column_volume_l: 50.0,
                max_cycles_per_batch: 6,
                buffer_cv_per_cycle: 35.0,
                pool_concentration_g_per_l: 10.0,
                lifetime_cycles: 200,
                cycle_time_h: 4.5, // Added in version 4 (used only with the days from the work).
            },
            low_ph: LowPh { yield_pct: 97.0, adjust_pct_of_volume: 10.0 },
            aex: Chromatography {
                yield_pct: 95.0,
                capacity_g_per_l: 150.0,
                load_fraction_pct: 100.0,
                column_volume_l: 20.0,
                max_cycles_per_batch: 4,
                buffer_cv_per_cycle: 15.0,
                pool_concentration_g_per_l: 8.0,
                lifetime_cycles: 100,
                cycle_time_h: 3.0, // Added in version 4 (used only with the days from the work).
            },
            cex: Chromatography {
                yield_pct: 92.0,
                capacity_g_per_l: 60.0,
                load_fraction_pct: 80.0,
                column_volume_l: 40.0,
                max_cycles_per_batch: 4,
                buffer_cv_per_cycle: 30.0,
                pool_concentration_g_per_l: 10.0,
                lifetime_cycles: 100,
                cycle_time_h: 4.5, // Added in version 4 (used only with the days from the work).
            },
            virus_filtration: VirusFiltration {
                yield_pct: 97.0,
                loading_l_per_m2: 200.0,
                safety_factor: 1.0,
            },
            ufdf: UfDf {
                yield_pct: 96.0,
                diafiltration_concentration_g_per_l: 50.0,
                diavolumes: 8.0,
                final_concentration_g_per_l: 100.0,
            },
            resin_mode: ResinMode::Amortised,
            dedicated_resin_over_program: false, // Added in version 5 (crate::legacy).
            whole_filter_modules: false,         // Added in version 4, as the safety factors.
            other_steps_days: 4.0,               // Added in version 4, as cycle_time_h.
            media_overage_pct: 10.0,
            buffer_overage_pct: 10.0,
        },
        schedule: Schedule {
            thaw_date: CivilDate::from_ymd(2027, 3, 1).expect("valid date"),
            turnaround_days: 3,
            downstream_days: 6,
            // Added in version 4: the days entered (crate::legacy).
            downstream_days_from_work: false,
            bulk_harvest_testing_days: 28,
            qc_release_days: 30,
            qa_disposition_days: 7,
            weekend_operations_allowed: true,
            lines_used: 1,
            line_utilisation_pct: 80.0,
            // Added in version 2: version 1's behaviour (crate::legacy).
            rolling_seed_train: false,
            max_cell_age_days: 60,
            avoid_closures: false,
        },
        plan: legacy::plan_v1(),
        rate_overrides: BTreeMap::new(),
    }
}

/// A batch seed stage seeded at 0.5 and split at 4.0 x10^6 cells/mL, as every stage of the
/// frozen baselines' trains is (versions 1 to 3).
pub(super) fn conventional_stage(vessel: &str, volume_l: f64) -> SeedStage {
    SeedStage {
        vessel_id: vessel.into(),
        working_volume_l: volume_l,
        seeding_density_e6_per_ml: 0.5,
        end: StageEnd::SplitDensity { density_e6_per_ml: 4.0 },
        mode: StageMode::Batch,
    }
}

/// [`baseline_v1`], built once (every link written or read starts from it).
pub(super) fn baseline() -> &'static Scenario {
    static BASELINE: std::sync::OnceLock<Scenario> = std::sync::OnceLock::new();
    BASELINE.get_or_init(baseline_v1)
}

/// Rates in links, by their index in this list: append-only. Version 1 knew the first
/// [`V1_RATE_COUNT`]; version 2 added the program fees after them.
pub(super) const LINK_RATES: [Rate; 33] = {
    use Rate::*;
    [
        SeedMediumPerL,
        BasalMediumPerL,
        FeedMediumPerL,
        PerfusionMediumPerL,
        BufferPerL,
        DepthFilterPerM2,
        VirusFilterPerM2,
        SterileFiltersPerBatch,
        DspSingleUsePerBatch,
        ProteinAResinPerL,
        AexResinPerL,
        CexResinPerL,
        OperatorDay,
        UspOperators,
        DspOperators,
        SeedSuiteDay,
        ProductionLineDay,
        DspSuiteDay,
        QcReleasePerBatch,
        BulkHarvestTestingPerBatch,
        QaReviewPerBatch,
        OverheadPct,
        MarginPct,
        // Version 2.
        TransferReviewFee,
        MethodTransferPerMethod,
        RawMaterialsFee,
        BatchRecordFee,
        SmallScaleFee,
        PpqTestingPerBatch,
        // Version 5.
        UspShiftsPerDay,
        DspShiftsPerDay,
        PrepStaff,
        SupportStaff,
    ]
};

/// Rates a version-1 link may carry: the first of [`LINK_RATES`].
pub(super) const V1_RATE_COUNT: usize = 23;
/// Rates a link of versions 2 to 4 may carry: the first of [`LINK_RATES`].
pub(super) const V4_RATE_COUNT: usize = 29;

/// Whether a link of `version` could carry the rate (one carrying a later rate was not made
/// by any release).
pub(super) fn rate_in_version(rate: Rate, version: u32) -> bool {
    let known = match version {
        1 => V1_RATE_COUNT,
        2..=4 => V4_RATE_COUNT,
        _ => LINK_RATES.len(),
    };
    link_rate_index(rate) < known
}

/// A rate's index in [`LINK_RATES`]. An exhaustive match, so that a rate added to the model
/// without a new link version is a compile error here, never written as another rate.
pub(super) fn link_rate_index(rate: Rate) -> usize {
    use Rate::*;
    match rate {
        SeedMediumPerL => 0,
        BasalMediumPerL => 1,
        FeedMediumPerL => 2,
        PerfusionMediumPerL => 3,
        BufferPerL => 4,
        DepthFilterPerM2 => 5,
        VirusFilterPerM2 => 6,
        SterileFiltersPerBatch => 7,
        DspSingleUsePerBatch => 8,
        ProteinAResinPerL => 9,
        AexResinPerL => 10,
        CexResinPerL => 11,
        OperatorDay => 12,
        UspOperators => 13,
        DspOperators => 14,
        SeedSuiteDay => 15,
        ProductionLineDay => 16,
        DspSuiteDay => 17,
        QcReleasePerBatch => 18,
        BulkHarvestTestingPerBatch => 19,
        QaReviewPerBatch => 20,
        OverheadPct => 21,
        MarginPct => 22,
        TransferReviewFee => 23,
        MethodTransferPerMethod => 24,
        RawMaterialsFee => 25,
        BatchRecordFee => 26,
        SmallScaleFee => 27,
        PpqTestingPerBatch => 28,
        UspShiftsPerDay => 29,
        DspShiftsPerDay => 30,
        PrepStaff => 31,
        SupportStaff => 32,
    }
}

/// One field of a link version: its key, its path in the scenario (as validation and the
/// scenario file name it), and where it lives.
pub(super) struct Entry {
    pub(super) key: &'static str,
    pub(super) path: &'static str,
    pub(super) get: fn(&Scenario) -> &dyn Field,
    pub(super) get_mut: fn(&mut Scenario) -> &mut dyn Field,
}

impl Entry {
    pub(super) fn text(&self, s: &Scenario) -> String {
        let mut out = String::new();
        (self.get)(s).write_text(&mut out);
        out
    }
}

/// The fields of a link version, in the order the encoder writes them.
macro_rules! link_fields {
    ($name:ident { $($key:literal => $($place:ident).+;)+ }) => {
        pub(super) const $name: &[Entry] = &[$(Entry {
            key: $key,
            path: stringify!($($place).+),
            get: |s| &s.$($place).+,
            get_mut: |s| &mut s.$($place).+,
        }),+];
    };
}
pub(super) use link_fields;

// Every field of link version 1. Keys are frozen for version 1.
link_fields! { V1_FIELDS {
    "n" => name;
    "pn" => program.product_name;
    "mod" => program.modality;
    "ph" => program.phase;
    "t" => program.target;
    "td" => cell_line.doubling_time_h;
    "lag" => cell_line.lag_h;
    "vc" => cell_line.cells_per_vial_e6;
    "via" => cell_line.post_thaw_viability_pct;
    "st" => seed_train;
    "pv" => production.vessel_id;
    "v0" => production.initial_volume_l;
    "x0" => production.seeding_density_e6_per_ml;
    "dur" => production.duration_days;
    "pk" => production.peak_density_e6_per_ml;
    "fd" => production.feeds;
    "tit" => production.titer_g_per_l;
    "smp" => production.daily_sample_l;
    "cy" => downstream.clarification.yield_pct;
    "cfl" => downstream.clarification.filter_loading_l_per_m2;
    "cff" => downstream.clarification.flush_l_per_m2;
    "pa" => downstream.protein_a;
    "ly" => downstream.low_ph.yield_pct;
    "la" => downstream.low_ph.adjust_pct_of_volume;
    "aex" => downstream.aex;
    "cex" => downstream.cex;
    "vy" => downstream.virus_filtration.yield_pct;
    "vl" => downstream.virus_filtration.loading_l_per_m2;
    "uy" => downstream.ufdf.yield_pct;
    "udc" => downstream.ufdf.diafiltration_concentration_g_per_l;
    "udv" => downstream.ufdf.diavolumes;
    "ufc" => downstream.ufdf.final_concentration_g_per_l;
    "rm" => downstream.resin_mode;
    "mo" => downstream.media_overage_pct;
    "bo" => downstream.buffer_overage_pct;
    "th" => schedule.thaw_date;
    "ta" => schedule.turnaround_days;
    "dd" => schedule.downstream_days;
    "bh" => schedule.bulk_harvest_testing_days;
    "qc" => schedule.qc_release_days;
    "qa" => schedule.qa_disposition_days;
    "we" => schedule.weekend_operations_allowed;
    "ln" => schedule.lines_used;
    "ut" => schedule.line_utilisation_pct;
    "r" => rate_overrides;
} }

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rate_has_its_own_index_in_the_frozen_list() {
        for rate in Rate::ALL {
            assert_eq!(LINK_RATES[link_rate_index(rate)], rate);
        }
        // Version 1's rates keep the indices they had.
        assert_eq!(link_rate_index(Rate::MarginPct), V1_RATE_COUNT - 1);
    }
}
