//! Input validation: every problem at once, each tied to the field that causes it. The
//! limits table is in `validate/limits.rs`.
//!
//! The limits here are hard bounds of sense (a doubling time of 2 h or a titer of 500 g/L is a
//! typing error), not the published typical ranges: values outside those are allowed and
//! flagged as warnings by [`super::fit`]. The UI shows these limits next to each field. The
//! problems and their English text are in `validate/problem.rs`, the checker that collects
//! them (numbers, texts, a column, an amount on days) in `validate/checker.rs`.

use super::facility::FacilityProfile;
use super::scenario::{AdditionKind, CampaignTarget, Scenario, StageEnd, StageMode, StepKind};

/// An inclusive allowed range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Limit {
    pub min: f64,
    pub max: f64,
}

const fn limit(min: f64, max: f64) -> Limit {
    Limit { min, max }
}

/// The allowed range of each numeric input.
pub mod limits;

mod checker;
mod problem;
use checker::Checker;
pub use problem::{FieldError, Problem};

/// Every problem with the scenario's inputs, in the order of the form. Empty means the
/// estimate can be computed; it may still fail facility-fit checks.
/// The path word of an addition: `production.additions.<word>`.
pub fn addition_key(kind: AdditionKind) -> &'static str {
    match kind {
        AdditionKind::Base => "base",
        AdditionKind::Glucose => "glucose",
        AdditionKind::Antifoam => "antifoam",
    }
}

pub fn validate(s: &Scenario, facility: &FacilityProfile) -> Vec<FieldError> {
    let mut c = Checker { errors: Vec::new() };
    c.text("name", &s.name);
    c.text("program.product_name", &s.program.product_name);
    c.number("program.dose_mg", s.program.dose_mg, limits::DOSE_MG);
    match s.program.target {
        CampaignTarget::Batches { count } => {
            c.whole("program.target.count", count, limits::BATCHES);
        }
        CampaignTarget::DrugSubstanceG { grams } => {
            c.number("program.target.grams", grams, limits::DRUG_SUBSTANCE_G);
        }
    }

    let cl = &s.cell_line;
    c.number("cell_line.doubling_time_h", cl.doubling_time_h, limits::DOUBLING_TIME_H);
    c.number("cell_line.lag_h", cl.lag_h, limits::LAG_H);
    c.number("cell_line.cells_per_vial_e6", cl.cells_per_vial_e6, limits::CELLS_PER_VIAL_E6);
    c.number("cell_line.post_thaw_viability_pct", cl.post_thaw_viability_pct, limits::VIABILITY_PCT);

    // The seed train's rules: a window's values only when it is on, likewise the ceilings
    // (hidden fields are not validated); the excess always (the design button uses it).
    let r = &s.seed_rules;
    if r.passage_window {
        let low_ok =
            c.number("seed_rules.window_low_e6_per_ml", r.window_low_e6_per_ml, limits::DENSITY_E6_PER_ML);
        let field = "seed_rules.window_high_e6_per_ml";
        if c.number(field, r.window_high_e6_per_ml, limits::DENSITY_E6_PER_ML)
            && low_ok
            && r.window_high_e6_per_ml <= r.window_low_e6_per_ml
        {
            c.push(
                field,
                Problem::MustExceed {
                    value: r.window_high_e6_per_ml,
                    other_field: "seed_rules.window_low_e6_per_ml".into(),
                    other_value: r.window_low_e6_per_ml,
                },
            );
        }
    }
    if r.growth_ceiling {
        c.number(
            "seed_rules.max_density_batch_e6_per_ml",
            r.max_density_batch_e6_per_ml,
            limits::DENSITY_E6_PER_ML,
        );
        c.number(
            "seed_rules.max_density_perfusion_e6_per_ml",
            r.max_density_perfusion_e6_per_ml,
            limits::DENSITY_E6_PER_ML,
        );
    }
    c.number("seed_rules.transfer_excess_pct", r.transfer_excess_pct, limits::TRANSFER_EXCESS_PCT);

    if s.seed_train.is_empty() {
        c.push("seed_train", Problem::NoSeedStages);
    } else if s.seed_train.len() > limits::MAX_SEED_STAGES {
        c.push("seed_train", Problem::TooMany { count: s.seed_train.len(), max: limits::MAX_SEED_STAGES });
    }
    for (i, stage) in s.seed_train.iter().enumerate().take(limits::MAX_SEED_STAGES) {
        let path = format!("seed_train[{i}]");
        match facility.vessel(&stage.vessel_id) {
            None => {
                c.push(format!("{path}.vessel_id"), Problem::UnknownVessel { id: stage.vessel_id.clone() })
            }
            Some(v) if v.production => c.push(
                format!("{path}.vessel_id"),
                Problem::WrongVesselRole { id: stage.vessel_id.clone(), production_expected: false },
            ),
            Some(_) => {}
        }
        c.number(format!("{path}.working_volume_l"), stage.working_volume_l, limits::SEED_VOLUME_L);
        let seeding_ok = c.number(
            format!("{path}.seeding_density_e6_per_ml"),
            stage.seeding_density_e6_per_ml,
            limits::DENSITY_E6_PER_ML,
        );
        match stage.end {
            StageEnd::SplitDensity { density_e6_per_ml } => {
                let field = format!("{path}.end.density_e6_per_ml");
                if c.number(field.clone(), density_e6_per_ml, limits::DENSITY_E6_PER_ML)
                    && seeding_ok
                    && density_e6_per_ml <= stage.seeding_density_e6_per_ml
                {
                    c.push(
                        field,
                        Problem::MustExceed {
                            value: density_e6_per_ml,
                            other_field: format!("{path}.seeding_density_e6_per_ml"),
                            other_value: stage.seeding_density_e6_per_ml,
                        },
                    );
                }
            }
            StageEnd::FixedDays { days } => {
                c.whole(format!("{path}.end.days"), days, limits::FIXED_DAYS);
            }
        }
        if let StageMode::Perfusion { vvd } = stage.mode {
            c.number(format!("{path}.mode.vvd"), vvd, limits::VVD);
        }
    }

    let p = &s.production;
    match facility.vessel(&p.vessel_id) {
        None => c.push("production.vessel_id", Problem::UnknownVessel { id: p.vessel_id.clone() }),
        Some(v) if !v.production => c.push(
            "production.vessel_id",
            Problem::WrongVesselRole { id: p.vessel_id.clone(), production_expected: true },
        ),
        Some(_) => {}
    }
    let v0_ok = c.number("production.initial_volume_l", p.initial_volume_l, limits::PRODUCTION_VOLUME_L);
    c.number("production.seeding_density_e6_per_ml", p.seeding_density_e6_per_ml, limits::DENSITY_E6_PER_ML);
    let duration_ok = c.whole("production.duration_days", p.duration_days, limits::PRODUCTION_DAYS);
    c.number("production.peak_density_e6_per_ml", p.peak_density_e6_per_ml, limits::DENSITY_E6_PER_ML);
    c.number("production.titer_g_per_l", p.titer_g_per_l, limits::TITER_G_PER_L);
    let samples_ok = c.number("production.daily_sample_l", p.daily_sample_l, limits::DAILY_SAMPLE_L);
    if p.feeds.len() > limits::MAX_FEEDS {
        c.push("production.feeds", Problem::TooMany { count: p.feeds.len(), max: limits::MAX_FEEDS });
    }
    let mut feeds_ok = true;
    for (i, feed) in p.feeds.iter().enumerate().take(limits::MAX_FEEDS) {
        let path = format!("production.feeds[{i}]");
        c.text(&format!("{path}.name"), &feed.name);
        feeds_ok &= c.amount_on_days(&path, feed.amount, &feed.days, duration_ok.then_some(p.duration_days));
    }
    for (kind, a) in p.additions.each() {
        let path = format!("production.additions.{}", addition_key(kind));
        feeds_ok &= c.amount_on_days(&path, a.amount, &a.days, duration_ok.then_some(p.duration_days));
    }
    feeds_ok &= c.number(
        "production.additions.evaporation_pct_per_day",
        p.additions.evaporation_pct_per_day,
        limits::EVAPORATION_PCT_PER_DAY,
    );
    c.number("production.headroom_pct", p.headroom_pct, limits::HEADROOM_PCT);
    let culture = &p.culture;
    c.number("production.culture.qp_pg_per_cell_day", culture.qp_pg_per_cell_day, limits::QP_PG_PER_CELL_DAY);
    c.number("production.culture.stationary_days", culture.stationary_days, limits::STATIONARY_DAYS);
    c.number("production.culture.death_rate_per_day", culture.death_rate_per_day, limits::DEATH_RATE_PER_DAY);
    c.number("production.culture.viability_pct", culture.viability_pct, limits::VIABILITY_PCT);
    if v0_ok && samples_ok && duration_ok && feeds_ok {
        // The culture must never run dry: check every day with the model's own balance.
        let lowest =
            super::fed_batch::volume_by_day(p).into_iter().find(|d| d.volume_l <= 1e-9 * p.initial_volume_l);
        if let Some(d) = lowest {
            let available_l = d.volume_l + d.samples_l;
            c.push(
                "production.daily_sample_l",
                Problem::SamplesExceedCulture { samples_l: d.samples_l, available_l },
            );
        }
    }

    let d = &s.downstream;
    c.number("downstream.clarification.yield_pct", d.clarification.yield_pct, limits::YIELD_PCT);
    c.number(
        "downstream.clarification.filter_loading_l_per_m2",
        d.clarification.filter_loading_l_per_m2,
        limits::LOADING_L_PER_M2,
    );
    c.number(
        "downstream.clarification.flush_l_per_m2",
        d.clarification.flush_l_per_m2,
        limits::FLUSH_L_PER_M2,
    );
    c.chromatography("downstream.protein_a", &d.protein_a);
    c.number("downstream.low_ph.yield_pct", d.low_ph.yield_pct, limits::YIELD_PCT);
    c.number("downstream.low_ph.adjust_pct_of_volume", d.low_ph.adjust_pct_of_volume, limits::ADJUST_PCT);
    c.chromatography("downstream.aex", &d.aex);
    c.chromatography("downstream.cex", &d.cex);
    c.number("downstream.other_steps_days", d.other_steps_days, limits::OTHER_STEPS_DAYS);
    c.number("downstream.clarification.safety_factor", d.clarification.safety_factor, limits::SAFETY_FACTOR);
    c.number(
        "downstream.virus_filtration.safety_factor",
        d.virus_filtration.safety_factor,
        limits::SAFETY_FACTOR,
    );
    c.number("downstream.virus_filtration.yield_pct", d.virus_filtration.yield_pct, limits::YIELD_PCT);
    c.number(
        "downstream.virus_filtration.loading_l_per_m2",
        d.virus_filtration.loading_l_per_m2,
        limits::LOADING_L_PER_M2,
    );
    c.number("downstream.ufdf.yield_pct", d.ufdf.yield_pct, limits::YIELD_PCT);
    c.number(
        "downstream.ufdf.diafiltration_concentration_g_per_l",
        d.ufdf.diafiltration_concentration_g_per_l,
        limits::CONCENTRATION_G_PER_L,
    );
    c.number("downstream.ufdf.diavolumes", d.ufdf.diavolumes, limits::DIAVOLUMES);
    c.number(
        "downstream.ufdf.final_concentration_g_per_l",
        d.ufdf.final_concentration_g_per_l,
        limits::CONCENTRATION_G_PER_L,
    );
    c.number("downstream.media_overage_pct", d.media_overage_pct, limits::OVERAGE_PCT);
    c.number("downstream.buffer_overage_pct", d.buffer_overage_pct, limits::OVERAGE_PCT);

    let sc = &s.schedule;
    c.whole("schedule.turnaround_days", sc.turnaround_days, limits::SCHEDULE_DAYS);
    // Entered days only count (and are shown) when they do not follow the work.
    if !sc.downstream_days_from_work {
        c.whole("schedule.downstream_days", sc.downstream_days, limits::SCHEDULE_DAYS);
    }
    c.whole("schedule.bulk_harvest_testing_days", sc.bulk_harvest_testing_days, limits::SCHEDULE_DAYS);
    c.whole("schedule.qc_release_days", sc.qc_release_days, limits::SCHEDULE_DAYS);
    c.whole("schedule.qa_disposition_days", sc.qa_disposition_days, limits::SCHEDULE_DAYS);
    c.whole("schedule.lines_used", sc.lines_used, limit(1.0, f64::from(facility.lines_possible)));

    c.number("schedule.line_utilisation_pct", sc.line_utilisation_pct, limits::UTILISATION_PCT);
    if sc.rolling_seed_train {
        c.whole("schedule.max_cell_age_days", sc.max_cell_age_days, limits::CELL_AGE_DAYS);
    }

    let plan = &s.plan;
    for step in StepKind::ALL {
        let times = plan.steps.iter().filter(|p| p.step == step).count();
        if times != 1 {
            c.push("plan.steps", Problem::StepListed { step, times });
        }
    }
    for (i, row) in plan.steps.iter().enumerate().take(StepKind::ALL.len()) {
        c.whole(format!("plan.steps[{i}].duration_days"), row.duration_days, limits::STEP_DAYS);
        c.number(format!("plan.steps[{i}].lag_days"), f64::from(row.lag_days), limits::LAG_DAYS);
        if row.after.len() > StepKind::ALL.len() {
            c.push(
                format!("plan.steps[{i}].after"),
                Problem::TooMany { count: row.after.len(), max: StepKind::ALL.len() },
            );
        } else if leads_back_to(plan, row.step) {
            c.push(format!("plan.steps[{i}].after"), Problem::DependencyCycle { step: row.step });
        }
    }
    c.whole("plan.analytical_methods", plan.analytical_methods, limits::ANALYTICAL_METHODS);
    c.whole("plan.engineering_runs", plan.engineering_runs, limits::ENGINEERING_RUNS);
    // Checked where they apply: a field the form hides cannot hold a problem the user cannot
    // see (PPQ batches outside the PPQ/commercial phase, the cell age without a rolling train).
    if s.program.phase == super::scenario::Phase::PpqCommercial {
        c.whole("plan.ppq_batches", plan.ppq_batches, limits::PPQ_BATCHES);
    }
    c.number("plan.batch_success_pct", plan.batch_success_pct, limits::SUCCESS_PCT);

    for (&rate, &value) in &s.rate_overrides {
        c.number(format!("rate_overrides.{}", rate.key()), value, Limit { min: 0.0, max: rate.max() });
    }
    c.errors
}

/// Whether `step` waits, through the steps it follows, for itself.
pub(crate) fn leads_back_to(plan: &super::scenario::ProgramPlan, step: StepKind) -> bool {
    let mut seen: Vec<StepKind> = Vec::new();
    let mut todo: Vec<StepKind> = plan.step(step).map(|p| p.after.clone()).unwrap_or_default();
    while let Some(next) = todo.pop() {
        if next == step {
            return true;
        }
        if !seen.contains(&next) {
            seen.push(next);
            todo.extend(plan.step(next).map(|p| p.after.iter().copied()).into_iter().flatten());
        }
    }
    false
}

/// Checks the batches that a grams-of-drug-substance target needs, once the drug substance
/// per batch is known: the whole batches that make it, with the tolerance of every other
/// whole-number rule (10^-9), so that a target of exactly k batches' grams, which floating
/// point may compute as k + 2 x 10^-16 batches, is k batches and not k + 1.
pub fn check_batches_needed(grams_wanted: f64, ds_per_batch_g: f64) -> Result<u32, FieldError> {
    let needed = (grams_wanted / ds_per_batch_g - 1e-9).ceil().max(1.0);
    if needed.is_finite() && needed <= limits::BATCHES.max {
        Ok(needed as u32)
    } else {
        Err(FieldError {
            field: "program.target.grams".into(),
            problem: Problem::TooManyBatchesNeeded { needed, max: limits::BATCHES.max },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_grams_target_of_whole_batches_needs_those_batches() {
        // 2.1 / 0.3 is 7.000000000000001 in floating point: 7 batches, not 8.
        let (grams, per_batch) = (std::hint::black_box(2.1f64), 0.3);
        assert!(grams / per_batch > 7.0);
        assert_eq!(check_batches_needed(2.1, 0.3), Ok(7));
        assert_eq!(check_batches_needed(2.1000001, 0.3), Ok(8));
        assert_eq!(check_batches_needed(0.01, 0.1), Ok(1));
    }
}
