//! Facility fit: how the client's process fits this facility, item by item, with numbers
//! (DOMAIN.md, "fit/gap analysis").
//!
//! Why one file: `check_fit` walks the process in order (seed train, production, downstream,
//! lines, calendar, published ranges) and emits the items in that order, which is the order
//! the page lists them; the check types (`FitCheck`) sit next to the one function that makes
//! them. Split by process step, the order would live in no single place. The published
//! ranges, a table of their own, are in `fit/published.rs`.

use super::date::CivilDate;
use super::downstream::{DownstreamResult, DsStep};
use super::facility::FacilityProfile;
use super::fed_batch::ProductionResult;
use super::lines::BlockedOperation;
use super::scenario::{PlanAnchor, Scenario, StageEnd, StageMode, StepKind};
use super::schedule::Operation;
use super::seed_train::StageResult;
use serde::Serialize;

mod published;
pub use published::PublishedRange;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FitStatus {
    Pass,
    Warning,
    Fail,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FitCheck {
    /// A seed stage's working volume against its vessel's working range.
    StageVolume {
        stage: usize,
        vessel_id: String,
        volume_l: f64,
        min_l: f64,
        max_l: f64,
    },
    /// The inoculum a stage needs against what the previous stage holds. `stage` is `None`
    /// for the production bioreactor.
    InoculumAvailable {
        stage: Option<usize>,
        needed_l: f64,
        available_l: f64,
    },
    /// The inoculum needed against the stage's own volume: more means the previous culture is
    /// too dilute to seed at the target density even undiluted.
    SeedingReachable {
        stage: Option<usize>,
        target_e6_per_ml: f64,
        previous_final_e6_per_ml: f64,
    },
    /// The share of the previous stage's culture an inoculum takes: above
    /// [`MAX_INOCULUM_SHARE_PCT`] nothing is left for hold-up, samples or a density
    /// shortfall. `stage` is `None` for the production bioreactor.
    InoculumShare {
        stage: Option<usize>,
        inoculum_l: f64,
        previous_l: f64,
    },
    /// A batch stage passaged outside the passage window (or, with the window off, outside
    /// the published 2-5 x10^6 cells/mL split range): `window` says which bounds.
    PassageDensity {
        stage: usize,
        density_e6_per_ml: f64,
        low_e6_per_ml: f64,
        high_e6_per_ml: f64,
        window: bool,
    },
    /// A stage whose culture reaches its mode's maximum viable density before it ends.
    Overgrown {
        stage: usize,
        ceiling_e6_per_ml: f64,
        reached_after_days: f64,
        duration_days: u32,
    },
    /// More vials than a seed train thaws.
    VialCount {
        needed: f64,
        max: f64,
    },
    /// V0 against the production bioreactor's working range.
    ProductionInitialVolume {
        volume_l: f64,
        min_l: f64,
        max_l: f64,
    },
    /// The largest volume during the run against the vessel's maximum working volume.
    FeedOverflow {
        max_volume_l: f64,
        vessel_max_l: f64,
        max_initial_volume_l: f64,
        /// The largest whole-litre V0 that fits (rounded down): the figure quoted.
        max_whole_initial_volume_l: f64,
    },
    /// The largest volume during the run against the headroom limit under the vessel's
    /// maximum (only when a headroom is kept).
    Headroom {
        max_volume_l: f64,
        limit_l: f64,
        headroom_pct: f64,
        max_whole_initial_volume_l: f64,
    },
    ColumnCycles {
        step: DsStep,
        cycles: u32,
        max_cycles: u32,
    },
    WeekendOperation {
        operation: Operation,
        date: CivilDate,
    },
    /// An operation in a facility closure (the closure is the profile's on that date).
    ClosureOperation {
        /// The series: engineering runs, PPQ or the campaign.
        series: StepKind,
        /// 0-based within the series.
        batch: u32,
        operation: Operation,
        date: CivilDate,
    },
    LinesNotInstalled {
        lines_used: u32,
        lines_installed: u32,
    },
    #[serde(serialize_with = "crate::estimate_file::outside_published")]
    OutsidePublished {
        range: PublishedRange,
        value: f64,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FitItem {
    pub status: FitStatus,
    pub check: FitCheck,
    /// The input to change, as a scenario path.
    pub field: Option<String>,
}

/// An inoculum above this share of the previous stage's culture leaves no margin (DOMAIN.md:
/// transfers are planned with a 10-20 % excess).
pub const MAX_INOCULUM_SHARE_PCT: f64 = 90.0;

/// All fit items, failures first within the process order.
pub fn check_fit(
    s: &Scenario,
    facility: &FacilityProfile,
    stages: &[StageResult],
    production: &ProductionResult,
    downstream: &DownstreamResult,
    blocked: &[(StepKind, BlockedOperation)],
) -> Vec<FitItem> {
    let mut items = Vec::new();
    let mut item = |ok: bool, fail_status: FitStatus, check: FitCheck, field: Option<String>| {
        let status = if ok { FitStatus::Pass } else { fail_status };
        items.push(FitItem { status, check, field });
    };
    const EPS: f64 = 1e-9;

    let share_ok =
        |inoculum_l: f64, previous_l: f64| inoculum_l <= previous_l * MAX_INOCULUM_SHARE_PCT / 100.0 + EPS;
    for (i, (st, input)) in stages.iter().zip(&s.seed_train).enumerate() {
        if i == 0 && st.vials_needed > super::seed_train::MAX_VIALS {
            item(
                false,
                FitStatus::Fail,
                FitCheck::VialCount { needed: st.vials_needed, max: super::seed_train::MAX_VIALS },
                Some("seed_train[0].working_volume_l".into()),
            );
        }
        if let Some(v) = facility.vessel(&st.vessel_id) {
            item(
                v.holds(st.working_volume_l),
                FitStatus::Fail,
                FitCheck::StageVolume {
                    stage: i,
                    vessel_id: v.id.clone(),
                    volume_l: st.working_volume_l,
                    min_l: v.min_working_volume_l,
                    max_l: v.max_working_volume_l,
                },
                Some(format!("seed_train[{i}].working_volume_l")),
            );
        }
        if i > 0 {
            let prev = &stages[i - 1];
            item(
                st.inoculum_needed_l <= prev.working_volume_l + EPS,
                FitStatus::Fail,
                FitCheck::InoculumAvailable {
                    stage: Some(i),
                    needed_l: st.inoculum_needed_l,
                    available_l: prev.working_volume_l,
                },
                // Shown at the previous stage, whose volume falls short.
                Some(format!("seed_train[{}].working_volume_l", i - 1)),
            );
            if st.inoculum_l <= prev.working_volume_l + EPS && !share_ok(st.inoculum_l, prev.working_volume_l)
            {
                item(
                    false,
                    FitStatus::Warning,
                    FitCheck::InoculumShare {
                        stage: Some(i),
                        inoculum_l: st.inoculum_l,
                        previous_l: prev.working_volume_l,
                    },
                    Some(format!("seed_train[{}].working_volume_l", i - 1)),
                );
            }
            if st.inoculum_needed_l > st.working_volume_l + EPS {
                item(
                    false,
                    FitStatus::Fail,
                    FitCheck::SeedingReachable {
                        stage: Some(i),
                        target_e6_per_ml: input.seeding_density_e6_per_ml,
                        previous_final_e6_per_ml: prev.final_density_e6_per_ml,
                    },
                    Some(format!("seed_train[{i}].seeding_density_e6_per_ml")),
                );
            }
        }
    }

    // How each stage ended: its passage density against the window, its growth against the
    // maximum viable density of its mode.
    let rules = &s.seed_rules;
    let (low, high, window) = if rules.passage_window {
        (rules.window_low_e6_per_ml, rules.window_high_e6_per_ml, true)
    } else {
        let (low, high) = PublishedRange::SeedSplitDensity.bounds();
        (low, high, false)
    };
    for (i, (st, input)) in stages.iter().zip(&s.seed_train).enumerate() {
        if let (StageEnd::SplitDensity { density_e6_per_ml }, StageMode::Batch) = (input.end, input.mode) {
            let d = st.final_density_e6_per_ml;
            if (low..=high).contains(&density_e6_per_ml) && !(low - EPS..=high + EPS).contains(&d) {
                item(
                    false,
                    FitStatus::Warning,
                    FitCheck::PassageDensity {
                        stage: i,
                        density_e6_per_ml: d,
                        low_e6_per_ml: low,
                        high_e6_per_ml: high,
                        window,
                    },
                    Some(format!("seed_train[{i}].end.density_e6_per_ml")),
                );
            }
        }
        if let Some(o) = st.overgrown {
            let field = match input.end {
                StageEnd::SplitDensity { .. } => format!("seed_train[{i}].end.density_e6_per_ml"),
                StageEnd::FixedDays { .. } => format!("seed_train[{i}].end.days"),
            };
            item(
                false,
                FitStatus::Warning,
                FitCheck::Overgrown {
                    stage: i,
                    ceiling_e6_per_ml: o.ceiling_e6_per_ml,
                    reached_after_days: o.reached_after_days,
                    duration_days: st.duration_days,
                },
                Some(field),
            );
        }
    }

    if let Some(last) = stages.last() {
        item(
            production.inoculum_needed_l <= last.working_volume_l + EPS,
            FitStatus::Fail,
            FitCheck::InoculumAvailable {
                stage: None,
                needed_l: production.inoculum_needed_l,
                available_l: last.working_volume_l,
            },
            // Shown at N-1, whose volume falls short.
            Some(format!("seed_train[{}].working_volume_l", stages.len() - 1)),
        );
        let inoculum_l = production.inoculum_needed_l.min(last.working_volume_l);
        if !share_ok(inoculum_l, last.working_volume_l)
            && production.inoculum_needed_l <= last.working_volume_l + EPS
        {
            item(
                false,
                FitStatus::Warning,
                FitCheck::InoculumShare { stage: None, inoculum_l, previous_l: last.working_volume_l },
                Some(format!("seed_train[{}].working_volume_l", stages.len() - 1)),
            );
        }
        if production.inoculum_needed_l > production.initial_volume_l + EPS {
            item(
                false,
                FitStatus::Fail,
                FitCheck::SeedingReachable {
                    stage: None,
                    target_e6_per_ml: s.production.seeding_density_e6_per_ml,
                    previous_final_e6_per_ml: last.final_density_e6_per_ml,
                },
                Some("production.seeding_density_e6_per_ml".into()),
            );
        }
    }

    if let Some(v) = facility.vessel(&production.vessel_id) {
        item(
            v.holds(production.initial_volume_l),
            FitStatus::Fail,
            FitCheck::ProductionInitialVolume {
                volume_l: production.initial_volume_l,
                min_l: v.min_working_volume_l,
                max_l: v.max_working_volume_l,
            },
            Some("production.initial_volume_l".into()),
        );
        item(
            production.max_volume_l <= v.max_working_volume_l + EPS,
            FitStatus::Fail,
            FitCheck::FeedOverflow {
                max_volume_l: production.max_volume_l,
                vessel_max_l: v.max_working_volume_l,
                max_initial_volume_l: production.max_initial_volume_l,
                max_whole_initial_volume_l: production.max_whole_initial_volume_l,
            },
            Some("production.initial_volume_l".into()),
        );
        // Within the vessel but into the headroom: a warning (over the vessel is the failure
        // above).
        if s.production.headroom_pct > 0.0 && production.max_volume_l <= v.max_working_volume_l + EPS {
            item(
                production.max_volume_l <= production.headroom_limit_l + EPS,
                FitStatus::Warning,
                FitCheck::Headroom {
                    max_volume_l: production.max_volume_l,
                    limit_l: production.headroom_limit_l,
                    headroom_pct: s.production.headroom_pct,
                    max_whole_initial_volume_l: production.max_whole_initial_volume_l,
                },
                Some("production.initial_volume_l".into()),
            );
        }
    }

    for (step, path) in [(DsStep::ProteinA, "protein_a"), (DsStep::Aex, "aex"), (DsStep::Cex, "cex")] {
        if let Some(col) = downstream.step(step).column {
            item(
                col.cycles <= col.max_cycles,
                FitStatus::Fail,
                FitCheck::ColumnCycles { step, cycles: col.cycles, max_cycles: col.max_cycles },
                Some(format!("downstream.{path}.column_volume_l")),
            );
        }
    }

    let installed = facility.lines_installed;
    item(
        s.schedule.lines_used <= installed,
        FitStatus::Warning,
        FitCheck::LinesNotInstalled { lines_used: s.schedule.lines_used, lines_installed: installed },
        Some("schedule.lines_used".into()),
    );

    // Operations on days the facility does not work, every batch of every series (they
    // are all flagged unless the calendar option moved them off). A date is the input that
    // moves them: the first thaw or the kickoff, whichever anchors the plan.
    let date_field = match s.plan.anchor {
        PlanAnchor::FirstGmpThaw => "schedule.thaw_date",
        PlanAnchor::Kickoff => "plan.kickoff_date",
    };
    for &(series, b) in blocked {
        let check = if b.closure {
            FitCheck::ClosureOperation { series, batch: b.batch, operation: b.operation, date: b.date }
        } else {
            FitCheck::WeekendOperation { operation: b.operation, date: b.date }
        };
        let field = if b.closure { "schedule.avoid_closures" } else { date_field };
        item(false, FitStatus::Warning, check, Some(field.into()));
    }

    // Inputs outside published ranges: warnings only.
    let mut published = |range: PublishedRange, field: Option<String>, value: f64| {
        let (low, high) = range.bounds();
        if value < low - EPS || value > high + EPS {
            items.push(FitItem {
                status: FitStatus::Warning,
                check: FitCheck::OutsidePublished { range, value },
                field,
            });
        }
    };
    use PublishedRange as P;
    published(P::DoublingTime, Some("cell_line.doubling_time_h".into()), s.cell_line.doubling_time_h);
    let last = s.seed_train.len().saturating_sub(1);
    for (i, st) in s.seed_train.iter().enumerate() {
        published(
            P::SeedSeedingDensity,
            Some(format!("seed_train[{i}].seeding_density_e6_per_ml")),
            st.seeding_density_e6_per_ml,
        );
        if let StageEnd::SplitDensity { density_e6_per_ml } = st.end {
            let range = match (st.mode, i == last) {
                (StageMode::Perfusion { .. }, _) => P::PerfusionFinalDensity,
                (StageMode::Batch, true) => P::NMinus1FinalDensity,
                (StageMode::Batch, false) => P::SeedSplitDensity,
            };
            published(range, Some(format!("seed_train[{i}].end.density_e6_per_ml")), density_e6_per_ml);
        }
    }
    let p = &s.production;
    published(
        P::ProductionSeedingDensity,
        Some("production.seeding_density_e6_per_ml".into()),
        p.seeding_density_e6_per_ml,
    );
    published(P::ProductionDays, Some("production.duration_days".into()), f64::from(p.duration_days));
    let titer_field = if p.culture.titer_from_qp {
        "production.culture.qp_pg_per_cell_day"
    } else {
        "production.titer_g_per_l"
    };
    published(P::Titer, Some(titer_field.into()), production.titer_g_per_l);
    // The qP used, or the one an entered titer implies: pointed at the input that sets it.
    let qp_field = if p.culture.titer_from_qp {
        "production.culture.qp_pg_per_cell_day"
    } else {
        "production.titer_g_per_l"
    };
    published(P::SpecificProductivity, Some(qp_field.into()), production.qp_pg_per_cell_day);
    // The product of all step yields: no single field to point at.
    published(P::DownstreamYield, None, downstream.overall_yield_pct);
    published(
        P::BulkHarvestTesting,
        Some("schedule.bulk_harvest_testing_days".into()),
        f64::from(s.schedule.bulk_harvest_testing_days),
    );
    let pa = &s.downstream.protein_a;
    published(P::ProteinADbc, Some("downstream.protein_a.capacity_g_per_l".into()), pa.capacity_g_per_l);
    published(
        P::ProteinALoadFraction,
        Some("downstream.protein_a.load_fraction_pct".into()),
        pa.load_fraction_pct,
    );
    published(
        P::ProteinABufferCv,
        Some("downstream.protein_a.buffer_cv_per_cycle".into()),
        pa.buffer_cv_per_cycle,
    );

    items
}

/// The worst status among the items: the headline "facility fit".
pub fn overall_status(items: &[FitItem]) -> FitStatus {
    items.iter().map(|i| i.status).max().unwrap_or(FitStatus::Pass)
}
