//! The calculation model: a client's [`Scenario`] in this [`FacilityProfile`] gives an
//! [`Estimate`] of volumes, dates, masses, costs and facility fit.
//!
//! Pure Rust: no Leptos, no web APIs, no I/O, no globals. Deterministic, tested natively.
//! Pipeline: validate -> seed train -> production -> downstream -> timeline -> campaign ->
//! cost -> fit.

pub mod cost;
pub mod date;
pub mod downstream;
pub mod edit;
pub mod estimate_file;
pub mod facility;
pub mod fed_batch;
pub mod file_link;
pub mod fit;
pub mod link;
pub mod rate_card;
pub mod scenario;
pub mod scenario_file;
pub mod schedule;
pub mod seed_train;
pub mod validate;

pub use facility::FacilityProfile;
pub use scenario::Scenario;
pub use validate::{FieldError, Problem};

use cost::{CostBreakdown, CostInputs};
use downstream::{DownstreamResult, DsStep};
use fed_batch::ProductionResult;
use fit::{FitItem, FitStatus};
use scenario::CampaignTarget;
use schedule::{Campaign, Timeline};
use seed_train::StageResult;
use serde::Serialize;

/// What a medium volume is used for.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MediumUse {
    SeedTrain,
    Perfusion,
    Basal,
    #[serde(serialize_with = "estimate_file::feed_name")]
    Feed(String),
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Volumes {
    /// Medium by use, before overage (L).
    #[serde(serialize_with = "estimate_file::medium_volumes")]
    pub media: Vec<(MediumUse, f64)>,
    /// Buffer by downstream step, before overage (L).
    #[serde(serialize_with = "estimate_file::buffer_volumes")]
    pub buffers: Vec<(DsStep, f64)>,
    pub total_medium_l: f64,
    pub total_medium_with_overage_l: f64,
    pub total_buffer_l: f64,
    pub total_buffer_with_overage_l: f64,
    /// Medium and buffer prepared beyond the volumes used (hold-up, priming, losses) (%).
    pub media_overage_pct: f64,
    pub buffer_overage_pct: f64,
}

impl Volumes {
    /// A medium volume as prepared: litres x (1 + medium overage / 100) (L).
    pub fn medium_with_overage_l(&self, litres: f64) -> f64 {
        litres * (1.0 + self.media_overage_pct / 100.0)
    }

    /// A buffer volume as prepared: litres x (1 + buffer overage / 100) (L).
    pub fn buffer_with_overage_l(&self, litres: f64) -> f64 {
        litres * (1.0 + self.buffer_overage_pct / 100.0)
    }
}

/// Everything the page shows for one scenario (as a file: [`estimate_file`]).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Estimate {
    pub seed_train: Vec<StageResult>,
    pub production: ProductionResult,
    pub downstream: DownstreamResult,
    pub volumes: Volumes,
    pub timeline: Timeline,
    pub campaign: Campaign,
    pub cost: CostBreakdown,
    pub fit: Vec<FitItem>,
    pub fit_status: FitStatus,
}

/// The estimate, or every input problem that prevents it.
pub fn estimate(s: &Scenario, facility: &FacilityProfile) -> Result<Estimate, Vec<FieldError>> {
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
        production.harvest_volume_l,
        production.product_at_harvest_g,
    );
    let batches = match s.program.target {
        CampaignTarget::Batches { count } => count,
        CampaignTarget::DrugSubstanceG { grams } => {
            validate::check_batches_needed(grams, downstream.drug_substance_g).map_err(|e| vec![e])?
        }
    };
    let timeline = schedule::build_timeline(&seed_train, s.production.duration_days, &s.schedule);
    let campaign = schedule::plan_campaign(&timeline, batches, &s.schedule);
    let (last_year, _, _) = campaign.last_release_date.ymd();
    if last_year > date::MAX_YEAR {
        let field = match s.program.target {
            CampaignTarget::Batches { .. } => "program.target.count",
            CampaignTarget::DrugSubstanceG { .. } => "program.target.grams",
        };
        let problem = Problem::BeyondCalendar { year: last_year, max_year: date::MAX_YEAR };
        return Err(vec![FieldError { field: field.into(), problem }]);
    }
    let cost = cost::batch_cost(&CostInputs {
        scenario: s,
        facility,
        stages: &seed_train,
        production: &production,
        downstream: &downstream,
        timeline: &timeline,
        batches,
    });
    let fit = fit::check_fit(s, facility, &seed_train, &production, &downstream, &timeline, &campaign);
    let fit_status = fit::overall_status(&fit);
    let volumes = summarise_volumes(s, &seed_train, &production, &downstream);
    Ok(Estimate { seed_train, production, downstream, volumes, timeline, campaign, cost, fit, fit_status })
}

fn summarise_volumes(
    s: &Scenario,
    stages: &[StageResult],
    production: &ProductionResult,
    downstream: &DownstreamResult,
) -> Volumes {
    let mut media = vec![(MediumUse::SeedTrain, stages.iter().map(|st| st.fresh_medium_l).sum())];
    let perfusion: f64 = stages.iter().map(|st| st.perfusion_medium_l).sum();
    if perfusion > 0.0 {
        media.push((MediumUse::Perfusion, perfusion));
    }
    media.push((MediumUse::Basal, production.basal_medium_l));
    media.extend(production.feeds.iter().map(|f| (MediumUse::Feed(f.name.clone()), f.total_l)));
    let buffers: Vec<(DsStep, f64)> = downstream.steps.iter().map(|st| (st.step, st.buffer_l)).collect();
    let total_medium_l: f64 = media.iter().map(|(_, l)| l).sum();
    let total_buffer_l = downstream.total_buffer_l;
    let mut v = Volumes {
        media,
        buffers,
        total_medium_l,
        total_medium_with_overage_l: 0.0,
        total_buffer_l,
        total_buffer_with_overage_l: 0.0,
        media_overage_pct: s.downstream.media_overage_pct,
        buffer_overage_pct: s.downstream.buffer_overage_pct,
    };
    v.total_medium_with_overage_l = v.medium_with_overage_l(total_medium_l);
    v.total_buffer_with_overage_l = v.buffer_with_overage_l(total_buffer_l);
    v
}
