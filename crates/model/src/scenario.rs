//! The client's process: every input of an estimate, as the user enters it.
//!
//! Each type sits next to its sourced defaults; the downstream steps' types and defaults are in
//! `scenario/downstream.rs`.
//!
//! Field names carry their units (`_l`, `_pct`, `_e6_per_ml` = 10^6 cells/mL, `_h`, `_days`,
//! `_g_per_l`). The `Default` values form the default scenario: a typical CHO monoclonal
//! antibody fed-batch process at 2000 L, each value from the published ranges in
//! `shared/DOMAIN.md` (sources in the doc comments) or marked *illustrative*.
//!
//! `#[serde(default)]` on every section struct: a file or link that lacks a field reads it from
//! these defaults, so files written by hand with only a few fields still open. List items (a
//! seed stage, a feed) have no default and must be complete.

mod downstream;
mod plan;
mod production;

use super::date::CivilDate;
use super::facility::Rate;
pub use downstream::{
    default_resin_mode, Chromatography, Clarification, Downstream, LowPh, ResinMode, UfDf, VirusFiltration,
};
pub use plan::{default_steps, default_success_pct, PlanAnchor, PlanStep, ProgramPlan, StepKind};
pub use production::{Addition, AdditionKind, Additions, Culture, Feed, FeedAmount, Production};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Scenario {
    /// A name for the scenario (free text, shown as plain text everywhere).
    pub name: String,
    pub program: Program,
    pub cell_line: CellLine,
    /// Seed-train stages in order, from the vial thaw to N-1. The production bioreactor (N)
    /// is not a stage here: it is [`Scenario::production`].
    pub seed_train: Vec<SeedStage>,
    /// How the seed train passages, where its growth stops and how it is designed.
    pub seed_rules: SeedRules,
    pub production: Production,
    pub downstream: Downstream,
    pub schedule: Schedule,
    /// The tech-transfer program around the campaign, from kickoff (`scenario/plan.rs`).
    pub plan: ProgramPlan,
    /// Rates that differ from the facility's rate card for this scenario.
    pub rate_overrides: BTreeMap<Rate, f64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    Mab,
    Bispecific,
    FcFusion,
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Tox,
    Clinical,
    PpqCommercial,
}

/// What the campaign must deliver: a number of batches, or grams of drug substance (then the
/// batches needed are computed).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CampaignTarget {
    Batches { count: u32 },
    DrugSubstanceG { grams: f64 },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Program {
    pub product_name: String,
    pub modality: Modality,
    pub phase: Phase,
    pub target: CampaignTarget,
    /// One patient dose of the product (mg), for doses per batch and per campaign. Default
    /// 500 (illustrative: mAbs are commonly dosed at about 1-20 mg/kg; 7 mg/kg x 70 kg).
    pub dose_mg: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CellLine {
    /// Population doubling time in exponential growth (h). CHO: about 20-30 h; no single
    /// authoritative figure, so it must be the client's own number. Default 24 h.
    pub doubling_time_h: f64,
    /// Lag after each passage before exponential growth resumes (h). Default 0.
    pub lag_h: f64,
    /// Total cells frozen per vial (10^6 cells). Default 30 (illustrative; working cell bank
    /// vials commonly hold 10-50 x 10^6 cells).
    pub cells_per_vial_e6: f64,
    /// Viability right after thaw (%). Default 95 (illustrative).
    pub post_thaw_viability_pct: f64,
}

/// How a seed-train stage ends.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum StageEnd {
    /// Passage when the culture reaches this density (10^6 cells/mL); the stage lasts the
    /// whole days needed to reach it.
    SplitDensity { density_e6_per_ml: f64 },
    /// Passage after a fixed number of whole days, whatever the density.
    FixedDays { days: u32 },
}

/// Batch culture, or perfusion (an intensified N-1) at a constant exchange rate.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum StageMode {
    Batch,
    /// Perfused at `vvd` vessel volumes of medium per day (commonly 0.5-2 VVD).
    Perfusion {
        vvd: f64,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SeedStage {
    /// A vessel id from the facility catalogue.
    pub vessel_id: String,
    pub working_volume_l: f64,
    /// Target seeding density (10^6 cells/mL). For the first stage the whole content of the
    /// thawed vial(s) goes in, so the actual density can be higher than this target.
    pub seeding_density_e6_per_ml: f64,
    pub end: StageEnd,
    pub mode: StageMode,
}

/// The seed train's rules: when a culture is passaged, where its growth stops, and the
/// transfer excess a designed train keeps.
///
/// Links and files of versions 1 and 2 had none of these rules: they open with both options
/// off and no excess ([`crate::legacy::seed_rules_v2`]), which reproduces their figures.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SeedRules {
    /// Passage a batch stage within the window below: on the first whole day that reaches
    /// its split density, or one day earlier when waiting that day would overshoot the
    /// window's highest density and the day before is already in the window. Off: always
    /// the first whole day that reaches the split density.
    pub passage_window: bool,
    /// Lowest and highest acceptable split density of a batch seed culture (10^6 cells/mL).
    /// Published split 2-5 x10^6 cells/mL (bioprocesstools CHO growth notes; vendor notes).
    pub window_low_e6_per_ml: f64,
    pub window_high_e6_per_ml: f64,
    /// Growth stops at the maximum viable density of the stage's mode. Off: exponential
    /// growth without limit (the fit still flags a culture beyond the maximum).
    pub growth_ceiling: bool,
    /// Maximum viable density of a batch seed culture (10^6 cells/mL). Batch passages of CHO
    /// in shake flasks and bags stop around 5-10 x10^6 (DOMAIN.md, growth): default 10.
    pub max_density_batch_e6_per_ml: f64,
    /// Maximum viable density of a perfused seed culture (10^6 cells/mL). Perfusion N-1
    /// reaches ~40-100 x10^6 (Stepper 2020; Xu et al. 2020): default 100.
    pub max_density_perfusion_e6_per_ml: f64,
    /// Excess culture a designed train plans over the computed inoculum (%), for hold-up,
    /// sampling and a density shortfall; commonly 10-20 % (DOMAIN.md). Default 12: the
    /// smallest whole percentage that keeps every designed transfer under the 90 % share the
    /// fit warns about (1 / 1.12 = 89.3 %).
    pub transfer_excess_pct: f64,
}

impl Default for SeedRules {
    fn default() -> Self {
        Self {
            passage_window: true,
            window_low_e6_per_ml: 2.0,
            window_high_e6_per_ml: 5.0,
            growth_ceiling: true,
            max_density_batch_e6_per_ml: 10.0,
            max_density_perfusion_e6_per_ml: 100.0,
            transfer_excess_pct: 12.0,
        }
    }
}

impl SeedRules {
    /// The density a stage of `mode` stops growing at, when the ceiling applies.
    pub fn ceiling_e6_per_ml(&self, mode: StageMode) -> f64 {
        match mode {
            StageMode::Batch => self.max_density_batch_e6_per_ml,
            StageMode::Perfusion { .. } => self.max_density_perfusion_e6_per_ml,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Schedule {
    /// The first GMP batch's vial thaw, when the plan is anchored on it
    /// ([`PlanAnchor::FirstGmpThaw`]); otherwise the plan computes it from the kickoff.
    pub thaw_date: CivilDate,
    /// Days a production line needs between harvest and the next inoculation (cleaning,
    /// changeover, new bag). Default 3 (illustrative).
    pub turnaround_days: u32,
    /// Days from harvest to the end of downstream processing, when they are entered
    /// (`downstream_days_from_work` off). Default 6 (illustrative).
    pub downstream_days: u32,
    /// Downstream days follow the work: the column cycles x their cycle times plus the other
    /// steps' days, rounded up to whole days ([`crate::downstream::work_days`]). Off: the
    /// days entered. Links and files before version 4 had only the entered days.
    pub downstream_days_from_work: bool,
    /// Bulk-harvest safety testing, from harvest (days). 21-35 (Sartorius); default 28.
    pub bulk_harvest_testing_days: u32,
    /// QC release testing after downstream ends (days). Default 30 (illustrative).
    pub qc_release_days: u32,
    /// QA batch-record review and disposition after all results (days). Default 7
    /// (illustrative).
    pub qa_disposition_days: u32,
    /// Whether thaw, transfers and harvest may fall on a Saturday or Sunday.
    pub weekend_operations_allowed: bool,
    /// Production lines the campaign uses (the facility has 1 installed, room for 6).
    pub lines_used: u32,
    /// Share of line time planned as busy when batches are spaced (%). About 80 % is
    /// excellent in practice, 100 % is not realistic (DOMAIN.md, campaigns). Default 80.
    pub line_utilisation_pct: f64,
    /// Rolling seed train: one thaw keeps a seed culture going, and each later batch gets
    /// only a fresh N-1 expansion from it, until the culture reaches `max_cell_age_days`.
    /// Off: every batch has its own thaw and whole seed train.
    pub rolling_seed_train: bool,
    /// Oldest culture (days from thaw to the inoculation of N) the process is validated for.
    /// Default 60 (illustrative; the limit is the client's validated in-vitro cell age).
    pub max_cell_age_days: u32,
    /// Move each batch's start so that thaw, transfers, inoculation and harvest fall on
    /// working days (no facility closure, no weekend unless weekends are allowed).
    pub avoid_closures: bool,
}

impl Default for Scenario {
    fn default() -> Self {
        Self {
            name: "Typical CHO mAb fed-batch, 2000 L".into(),
            program: Program::default(),
            cell_line: CellLine::default(),
            seed_train: default_seed_train(),
            seed_rules: SeedRules::default(),
            production: Production::default(),
            downstream: Downstream::default(),
            schedule: Schedule::default(),
            plan: ProgramPlan::default(),
            rate_overrides: BTreeMap::new(),
        }
    }
}

impl Default for Program {
    fn default() -> Self {
        Self {
            product_name: "mAb-001".into(),
            modality: Modality::Mab,
            phase: Phase::Clinical,
            target: CampaignTarget::Batches { count: 3 },
            dose_mg: 500.0,
        }
    }
}

impl Default for CellLine {
    fn default() -> Self {
        Self { doubling_time_h: 24.0, lag_h: 0.0, cells_per_vial_e6: 30.0, post_thaw_viability_pct: 95.0 }
    }
}

/// A conventional seed train: seeded at 0.5 and split at 4 x 10^6 cells/mL (within the
/// published 0.3-0.6 -> 2-5 x 10^6 window), 8-fold expansion per 3-day passage at Td = 24 h,
/// each stage 12 % larger than the inoculum the next needs. It is the train
/// [`super::seed_train::design_seed_train`] proposes for the default production step (a
/// test checks that); the first flask takes one whole vial (28.5 x10^6 viable cells in
/// 25 mL).
fn default_seed_train() -> Vec<SeedStage> {
    let stage = |vessel: &str, volume_l: f64| SeedStage {
        vessel_id: vessel.into(),
        working_volume_l: volume_l,
        seeding_density_e6_per_ml: 0.5,
        end: StageEnd::SplitDensity { density_e6_per_ml: 4.0 },
        mode: StageMode::Batch,
    };
    vec![
        stage("sf125", 0.025),
        stage("sf250", 0.084),
        stage("sf3000", 0.6),
        stage("rb10", 3.8),
        stage("sub50", 27.0),
        stage("sub200", 190.0),
    ]
}

impl Default for Schedule {
    fn default() -> Self {
        Self {
            // A fixed date, not "today", so that the default scenario's results never change.
            thaw_date: CivilDate::from_ymd(2027, 3, 1).expect("valid date"),
            turnaround_days: 3,
            downstream_days: 6,
            downstream_days_from_work: true,
            bulk_harvest_testing_days: 28,
            qc_release_days: 30,
            qa_disposition_days: 7,
            weekend_operations_allowed: true,
            lines_used: 1,
            line_utilisation_pct: 80.0,
            rolling_seed_train: false,
            max_cell_age_days: 60,
            avoid_closures: true,
        }
    }
}
