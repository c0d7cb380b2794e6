//! The calculation model: a client's [`Scenario`] in this [`FacilityProfile`] gives an
//! [`Estimate`] of volumes, dates, masses, costs and facility fit.
//!
//! Pure Rust: no Leptos, no web APIs, no I/O, no globals. Deterministic, tested natively.
//! Pipeline: validate -> seed train -> production -> downstream -> batch timeline ->
//! program (steps dated from kickoff, batches placed on the lines) -> campaign -> costs ->
//! program cost -> capacity -> fit.

pub mod capacity;
pub mod cost;
pub mod culture;
pub mod date;
pub mod downstream;
pub mod edit;
pub mod estimate_file;
pub mod examples;
pub mod facility;
pub mod fed_batch;
pub mod file_link;
pub mod fit;
pub mod legacy;
pub mod lines;
pub mod link;
pub mod program;
pub mod program_cost;
pub mod rate_card;
pub mod scenario;
pub mod scenario_file;
pub mod schedule;
pub mod seed_train;
mod small_sort;
pub mod validate;
mod volumes;

pub use facility::FacilityProfile;
pub use scenario::{Scenario, StepKind};
pub use validate::{FieldError, Problem};
pub use volumes::{MediumUse, Volumes};

use capacity::{CapacityInputs, CapacityRow, DeliverBy, LinesRelease};
use cost::{BatchKind, CostBreakdown, CostInputs};
use downstream::DownstreamResult;
use fed_batch::ProductionResult;
use fit::{FitItem, FitStatus};
use lines::{BlockedOperation, Calendar, LinePlan};
use program::{ProgramSchedule, Series};
use program_cost::{BatchPrices, ProgramCost};
use scenario::{CampaignTarget, Phase};
use schedule::{Campaign, Release, Timeline};
use seed_train::StageResult;
use serde::Serialize;

/// Everything the page shows for one scenario (as a file: [`estimate_file`]).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Estimate {
    pub seed_train: Vec<StageResult>,
    pub production: ProductionResult,
    pub downstream: DownstreamResult,
    pub volumes: Volumes,
    /// The campaign's first batch, thaw to release.
    pub timeline: Timeline,
    pub campaign: Campaign,
    /// A campaign batch with its own thaw.
    pub cost: CostBreakdown,
    /// A campaign batch seeded from a rolling seed train, when the campaign has one.
    pub rolling_cost: Option<CostBreakdown>,
    /// An engineering run: a batch without GMP release costs.
    pub engineering_cost: CostBreakdown,
    /// A PPQ batch: a GMP batch and its extra testing.
    pub ppq_cost: CostBreakdown,
    pub program: ProgramSchedule,
    pub program_cost: ProgramCost,
    /// Batches and kilograms a year on 1 to 6 lines.
    pub capacity: Vec<CapacityRow>,
    /// "This much by this date", when the plan has a due date.
    pub deliver_by: Option<DeliverBy>,
    pub fit: Vec<FitItem>,
    pub fit_status: FitStatus,
}

/// The batch timelines and line plans of a validated scenario: what the program places.
struct Plans {
    gmp: Timeline,
    non_gmp: Timeline,
    campaign_release: Release,
    n_minus_1_start_day: u32,
}

impl Plans {
    fn new(s: &Scenario, stages: &[StageResult]) -> Self {
        let days = s.production.duration_days;
        let thaw = s.schedule.thaw_date;
        let campaign_release = if s.program.phase == Phase::Tox && !s.plan.tox_gmp_release {
            Release::None
        } else {
            Release::Gmp
        };
        Plans {
            gmp: schedule::build_timeline(stages, days, &s.schedule, thaw, Release::Gmp),
            non_gmp: schedule::build_timeline(stages, days, &s.schedule, thaw, Release::None),
            campaign_release,
            n_minus_1_start_day: stages.last().map_or(0, |st| st.start_day),
        }
    }

    fn campaign_timeline(&self) -> &Timeline {
        match self.campaign_release {
            Release::Gmp => &self.gmp,
            Release::None => &self.non_gmp,
        }
    }

    /// The program of `s` run on `lines` lines.
    fn program(&self, s: &Scenario, facility: &FacilityProfile, lines: u32, batches: u32) -> ProgramSchedule {
        let sc = &s.schedule;
        let spacing = schedule::spacing_days(
            self.gmp.line_occupancy_days,
            sc.line_utilisation_pct,
            lines,
            sc.downstream_days,
            facility.downstream_trains,
        );
        let calendar =
            Calendar { facility, weekends_allowed: sc.weekend_operations_allowed, avoid: sc.avoid_closures };
        let plan = |timeline, rolling: bool| LinePlan {
            timeline,
            n_minus_1_start_day: self.n_minus_1_start_day,
            lines,
            spacing_days: spacing,
            downstream_trains: facility.downstream_trains,
            downstream_days: sc.downstream_days,
            rolling_max_age_days: (rolling && sc.rolling_seed_train).then_some(sc.max_cell_age_days),
            calendar,
        };
        // PPQ batches each have their own thaw: they qualify the process as a whole.
        let series = Series {
            engineering: plan(&self.non_gmp, false),
            ppq: plan(&self.gmp, false),
            campaign: plan(self.campaign_timeline(), true),
            campaign_batches: batches,
        };
        program::schedule_program(s, &series)
    }
}

/// The estimate, or every input problem that prevents it.
pub fn estimate(s: &Scenario, facility: &FacilityProfile) -> Result<Estimate, Vec<FieldError>> {
    estimate_parts::<true>(s, facility)
}

/// [`estimate`] without the capacity table and the kilograms-by-a-date answer (left empty and
/// `None`): what the page's headline figures and its fields' fit messages need. The page's
/// first load then carries none of that code, and an edit with a due date skips the program
/// placed again on every other line count. The detailed sections use [`estimate`].
pub fn estimate_headline(s: &Scenario, facility: &FacilityProfile) -> Result<Estimate, Vec<FieldError>> {
    estimate_parts::<false>(s, facility)
}

fn estimate_parts<const CAPACITY: bool>(
    s: &Scenario,
    facility: &FacilityProfile,
) -> Result<Estimate, Vec<FieldError>> {
    let errors = validate::validate(s, facility);
    if !errors.is_empty() {
        return Err(errors);
    }
    // Validation guarantees a seed train and known vessels.
    let seed_train = seed_train::run_seed_train(s);
    let Some(n_minus_1) = seed_train.last() else {
        return Err(vec![FieldError { field: "seed_train".into(), problem: Problem::NoSeedStages }]);
    };
    let vessel_max_l = facility.vessel(&s.production.vessel_id).map_or(0.0, |v| v.max_working_volume_l);
    let production =
        fed_batch::run_production(&s.production, n_minus_1, s.cell_line.doubling_time_h, vessel_max_l);
    let downstream = downstream::run_downstream(
        &s.downstream,
        &facility.filter_modules,
        production.harvest_volume_l,
        production.product_at_harvest_g,
    );
    // Downstream days that follow the work replace the entered days everywhere the schedule
    // reads them (timeline, spacing, lines, suite days): the scenario as scheduled.
    let scheduled;
    let s = if s.schedule.downstream_days_from_work && s.schedule.downstream_days != downstream.work_days {
        let mut with_days = s.clone();
        with_days.schedule.downstream_days = downstream.work_days;
        scheduled = with_days;
        &scheduled
    } else {
        s
    };
    let ds_g = downstream.drug_substance_g;
    let success = s.plan.batch_success_pct / 100.0;
    let batches = match s.program.target {
        CampaignTarget::Batches { count } => count,
        // Spares for the success rate: enough batches that the expected good ones make the
        // grams (at 100 % the batches needed, as before success rates existed).
        CampaignTarget::DrugSubstanceG { grams } => {
            validate::check_batches_needed(grams, ds_g * success).map_err(|e| vec![e])?
        }
    };
    let plans = Plans::new(s, &seed_train);
    let lines = s.schedule.lines_used;
    let program = plans.program(s, facility, lines, batches);
    let first_thaw = program.campaign.batches.first().map_or(s.schedule.thaw_date, |b| b.thaw_date);
    let timeline = plans.campaign_timeline().moved_to(first_thaw);
    let spacing = schedule::spacing_days(
        timeline.line_occupancy_days,
        s.schedule.line_utilisation_pct,
        lines,
        s.schedule.downstream_days,
        facility.downstream_trains,
    );
    let campaign = Campaign::from_batches(&timeline, program.campaign.batches.clone(), lines, spacing);
    let (last_year, _, _) = campaign.last_release_date.ymd();
    if last_year > date::MAX_YEAR {
        let field = match s.program.target {
            CampaignTarget::Batches { .. } => "program.target.count",
            CampaignTarget::DrugSubstanceG { .. } => "program.target.grams",
        };
        let problem = Problem::BeyondCalendar { year: last_year, max_year: date::MAX_YEAR };
        return Err(vec![FieldError { field: field.into(), problem }]);
    }
    // A dedicated resin set serves every batch of the program run on it (`cost::CostInputs`).
    let resin_batches = if s.downstream.dedicated_resin_over_program {
        let runs = program.engineering.batches.len() + program.ppq.batches.len();
        batches.saturating_add(u32::try_from(runs).unwrap_or(u32::MAX))
    } else {
        batches
    };
    let price = |kind, timeline: &Timeline, rolling| {
        cost::batch_cost(&CostInputs {
            scenario: s,
            facility,
            stages: &seed_train,
            production: &production,
            downstream: &downstream,
            timeline,
            batches,
            resin_batches,
            kind,
            rolling,
        })
    };
    let campaign_kind = match plans.campaign_release {
        Release::Gmp => BatchKind::Gmp,
        Release::None => BatchKind::NonGmp,
    };
    let mut cost = price(campaign_kind, &timeline, false);
    let rolling_cost = (campaign.rolling_batches > 0).then(|| price(campaign_kind, &timeline, true));
    let own_batches = f64::from(campaign.batches - campaign.rolling_batches);
    cost.campaign = cost.per_batch * own_batches
        + rolling_cost.as_ref().map_or(0.0, |r| r.per_batch * f64::from(campaign.rolling_batches));
    // Each kind's breakdown counts its own batches (the campaign's counts the campaign's).
    let counted = |mut c: CostBreakdown, n: usize| {
        c.batches = n as u32;
        c.campaign = c.per_batch * n as f64;
        c
    };
    let rolling_cost = rolling_cost.map(|r| counted(r, campaign.rolling_batches as usize));
    let engineering_cost =
        counted(price(BatchKind::NonGmp, &plans.non_gmp, false), program.engineering.batches.len());
    let ppq_cost = counted(price(BatchKind::Ppq, &plans.gmp, false), program.ppq.batches.len());
    let program_cost = program_cost::program_cost(
        s,
        facility,
        &program,
        &BatchPrices {
            campaign: &cost,
            rolling: rolling_cost.as_ref(),
            engineering: &engineering_cost,
            ppq: &ppq_cost,
            drug_substance_g_per_batch: ds_g,
        },
    );
    let capacity = if !CAPACITY {
        Vec::new()
    } else {
        capacity::capacity_table(
            &CapacityInputs {
                occupancy_days: timeline.line_occupancy_days,
                utilisation_pct: s.schedule.line_utilisation_pct,
                downstream_days: s.schedule.downstream_days,
                downstream_trains: facility.downstream_trains,
                drug_substance_g_per_batch: ds_g,
                success_pct: s.plan.batch_success_pct,
                lines_installed: facility.lines_installed,
            },
            facility.lines_possible,
        )
    };
    let deliver_by = s.plan.due_date.filter(|_| CAPACITY).map(|due_date| {
        let last_release_by_lines: Vec<LinesRelease> = (1..=facility.lines_possible.max(1))
            .map(|l| {
                let last_release_date = if l == lines {
                    campaign.last_release_date
                } else {
                    let p = plans.program(s, facility, l, batches);
                    p.campaign.batches.iter().map(|b| b.release_date).max().unwrap_or(due_date)
                };
                LinesRelease { lines: l, last_release_date }
            })
            .collect();
        DeliverBy {
            due_date,
            drug_substance_wanted_g: match s.program.target {
                CampaignTarget::DrugSubstanceG { grams } => grams,
                CampaignTarget::Batches { count } => f64::from(count) * ds_g * success,
            },
            batches,
            fewest_lines: capacity::fewest_lines(&last_release_by_lines, due_date),
            last_release_by_lines,
            chosen_lines: lines,
            chosen_last_release: campaign.last_release_date,
        }
    });
    let blocked: Vec<(StepKind, BlockedOperation)> = [
        (StepKind::GmpCampaign, &program.campaign),
        (StepKind::EngineeringRuns, &program.engineering),
        (StepKind::Ppq, &program.ppq),
    ]
    .into_iter()
    .flat_map(|(k, p)| p.blocked.iter().map(move |b| (k, *b)))
    .collect();
    let fit = fit::check_fit(s, facility, &seed_train, &production, &downstream, &blocked);
    let fit_status = fit::overall_status(&fit);
    let volumes = volumes::summarise_volumes(s, &seed_train, &production, &downstream);
    Ok(Estimate {
        seed_train,
        production,
        downstream,
        volumes,
        timeline,
        campaign,
        cost,
        rolling_cost,
        engineering_cost,
        ppq_cost,
        program,
        program_cost,
        capacity,
        deliver_by,
        fit,
        fit_status,
    })
}
