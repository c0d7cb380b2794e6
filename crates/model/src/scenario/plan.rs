//! The program inputs: the tech-transfer plan from kickoff to the last released batch, as the
//! CDMO runs it (ISPE Good Practice Guide: Technology Transfer, 3rd ed., 2023: transfer
//! proposal and gap analysis, analytical transfer, operational readiness with engineering
//! runs, process qualification, with "approval to proceed" gates between phases).
//!
//! Every duration and dependency here is *illustrative*: no public source gives one CDMO's
//! durations. The defaults make kickoff to first released GMP batch about 10 months, inside
//! the 9-15 months cdmoworld (2026) reports for clinical programs, with analytical method
//! transfer on the critical path as it usually is (same source). The fees are rates of the
//! facility's rate card (`crate::rate_card`), illustrative too.

use crate::date::CivilDate;
use serde::{Deserialize, Serialize};

/// One step of the program, in the order the CDMO runs them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    /// Tech-transfer package review and fit/gap analysis (the facility-fit result feeds it).
    TransferReview,
    /// Analytical method transfer or qualification: methods x fee per method.
    MethodTransfer,
    /// Raw-material sourcing and qualification.
    RawMaterials,
    /// Master batch record authoring.
    BatchRecord,
    /// Optional small-scale confirmation runs.
    SmallScale,
    /// Engineering (non-GMP) runs at scale: full batches on the line and in downstream.
    EngineeringRuns,
    /// Process performance qualification batches (phase PPQ/commercial only).
    Ppq,
    /// The GMP campaign: the batches of the estimate.
    GmpCampaign,
}

impl StepKind {
    pub const ALL: [StepKind; 8] = [
        StepKind::TransferReview,
        StepKind::MethodTransfer,
        StepKind::RawMaterials,
        StepKind::BatchRecord,
        StepKind::SmallScale,
        StepKind::EngineeringRuns,
        StepKind::Ppq,
        StepKind::GmpCampaign,
    ];

    /// A step made of batches at scale (its length follows the batches; its own duration is
    /// the report and approval time after the last run).
    pub fn is_run(self) -> bool {
        matches!(self, StepKind::EngineeringRuns | StepKind::Ppq | StepKind::GmpCampaign)
    }

    /// The rate card's fee of a work step (for the method transfer, per method); run steps
    /// are priced as batches.
    pub fn fee_rate(self) -> Option<crate::facility::Rate> {
        use crate::facility::Rate;
        match self {
            StepKind::TransferReview => Some(Rate::TransferReviewFee),
            StepKind::MethodTransfer => Some(Rate::MethodTransferPerMethod),
            StepKind::RawMaterials => Some(Rate::RawMaterialsFee),
            StepKind::BatchRecord => Some(Rate::BatchRecordFee),
            StepKind::SmallScale => Some(Rate::SmallScaleFee),
            StepKind::EngineeringRuns | StepKind::Ppq | StepKind::GmpCampaign => None,
        }
    }

    /// The step's position in [`StepKind::ALL`] (and in [`ProgramPlan::steps`]).
    pub fn index(self) -> usize {
        StepKind::ALL.iter().position(|&k| k == self).unwrap_or(0)
    }
}

/// One row of the plan: whether the step is in the program, how long it takes, and after
/// which steps it starts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanStep {
    pub step: StepKind,
    /// An excluded step takes no time and costs nothing; the steps after it still wait for
    /// the steps before it.
    pub included: bool,
    /// Work steps: days the step takes. Run steps: days after the last run for the report and
    /// the approval to proceed (engineering runs, PPQ), 0 for the GMP campaign.
    pub duration_days: u32,
    /// The steps this one starts after (finish to start). None: it starts at kickoff.
    pub after: Vec<StepKind>,
    /// Days from the end of the latest of `after` to this step's start: positive is a lag,
    /// negative an overlap (the step starts before the others finish).
    pub lag_days: i32,
}

/// Where the plan's dates come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanAnchor {
    /// The kickoff date: the first GMP thaw follows from the plan.
    Kickoff,
    /// The first GMP thaw date (`schedule.thaw_date`): the plan shows the kickoff it needs.
    FirstGmpThaw,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProgramPlan {
    pub anchor: PlanAnchor,
    /// The day the transfer starts (contract signed, team formed).
    pub kickoff_date: CivilDate,
    /// One row per [`StepKind`], each once (validation); written in the order of
    /// [`StepKind::ALL`], read in any order.
    pub steps: Vec<PlanStep>,
    /// Analytical methods to transfer or qualify (release and stability panel). Default 8
    /// (illustrative: identity, purity by SEC and CE-SDS, charge variants, potency, host-cell
    /// protein, residual DNA, Protein A leachate).
    pub analytical_methods: u32,
    /// Engineering runs at scale before GMP, 0 to 2. Default 1.
    pub engineering_runs: u32,
    /// PPQ batches when the phase is PPQ/commercial: commonly 3 consecutive batches (fewer
    /// with a justified bracketing strategy; DOMAIN.md).
    pub ppq_batches: u32,
    /// Share of batches that meet their specifications (%). Mature fed-batch processes are
    /// quoted in the mid to high 90s, a new transfer lower; no authoritative figure, so the
    /// defaults by phase are illustrative ([`default_success_pct`]).
    pub batch_success_pct: f64,
    /// Tox (non-GMP) batches carry GMP QC release, bulk-harvest safety testing and QA
    /// disposition anyway. Default no: tox material ships after downstream with its
    /// certificate of analysis.
    pub tox_gmp_release: bool,
    /// When the drug substance is needed: the plan then says the fewest lines that release
    /// it in time, or that it cannot be done. None: no due date.
    pub due_date: Option<CivilDate>,
}

/// The illustrative batch success rate of a phase (%): a new transfer runs below the mid to
/// high 90s quoted for mature processes (DOMAIN.md).
pub fn default_success_pct(phase: super::Phase) -> f64 {
    match phase {
        super::Phase::Tox => 90.0,
        super::Phase::Clinical => 90.0,
        super::Phase::PpqCommercial => 95.0,
    }
}

/// The default plan's rows (illustrative durations, dependencies after the ISPE phases).
pub fn default_steps() -> Vec<PlanStep> {
    use StepKind::*;
    let step = |step, included, duration_days, after: &[StepKind], lag_days| PlanStep {
        step,
        included,
        duration_days,
        after: after.to_vec(),
        lag_days,
    };
    vec![
        // Six weeks: package review, gap analysis, transfer protocol.
        step(TransferReview, true, 42, &[], 0),
        // Seven months, starting two weeks before the review closes: potency assays make it
        // the usual critical path (cdmoworld 2026).
        step(MethodTransfer, true, 210, &[TransferReview], -14),
        step(RawMaterials, true, 120, &[TransferReview], 0),
        step(BatchRecord, true, 90, &[TransferReview], 0),
        step(SmallScale, false, 60, &[TransferReview], 0),
        // Four weeks after the last engineering run for its report and the approval to
        // proceed to GMP.
        step(EngineeringRuns, true, 28, &[RawMaterials, BatchRecord, SmallScale], 0),
        step(Ppq, true, 0, &[EngineeringRuns, MethodTransfer], 0),
        step(GmpCampaign, true, 0, &[EngineeringRuns, MethodTransfer, Ppq], 0),
    ]
}

impl Default for ProgramPlan {
    fn default() -> Self {
        Self {
            anchor: PlanAnchor::Kickoff,
            // A fixed date, not "today", so that the default scenario's results never change.
            kickoff_date: CivilDate::from_ymd(2027, 1, 15).expect("valid date"),
            steps: default_steps(),
            analytical_methods: 8,
            engineering_runs: 1,
            ppq_batches: 3,
            batch_success_pct: default_success_pct(super::Phase::Clinical),
            tox_gmp_release: false,
            due_date: None,
        }
    }
}

impl ProgramPlan {
    /// The row of `kind`, if the plan has it.
    pub fn step(&self, kind: StepKind) -> Option<&PlanStep> {
        self.steps.iter().find(|s| s.step == kind)
    }
}
