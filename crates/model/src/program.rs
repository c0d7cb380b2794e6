//! The program: the plan's steps dated from kickoff (a forward pass over finish-to-start
//! dependencies with lags and overlaps), the batches of its run steps placed on the lines
//! ([`crate::lines`]), the critical path and the milestones.
//!
//! A work step starts `lag` days after the latest of the steps it follows ends (at kickoff
//! when it follows none; never before kickoff) and lasts its duration. A run step's first
//! thaw is that earliest start; its batches are placed on the lines after those of the run
//! steps placed before it (the order their dependencies allow); it ends when its last batch
//! ends (engineering: downstream done; PPQ and campaign: released) plus its report days. An
//! excluded step takes no time: it ends when the steps it follows end, so the steps after it
//! still wait for those. The critical path is the chain of latest predecessors from the
//! campaign back to kickoff (critical path method, finish-to-start links).

use crate::date::CivilDate;
use crate::lines::{LinePlan, LineState, Placed};
use crate::scenario::{Phase, PlanAnchor, Scenario, StepKind};
use serde::Serialize;

/// One dated step of the program.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StepResult {
    pub step: StepKind,
    /// In the program (included, and for run steps with at least one batch; PPQ only in the
    /// PPQ/commercial phase).
    pub active: bool,
    /// Days from kickoff.
    pub start_day: i64,
    pub end_day: i64,
    pub start_date: CivilDate,
    pub end_date: CivilDate,
    /// The step it waited for last (the one whose end set its start), if any.
    pub driver: Option<StepKind>,
    /// On the chain of steps that sets the campaign's last release.
    pub critical: bool,
    /// Days the line planner or the calendar started a run step after its earliest start.
    pub waited_days: i64,
}

/// A date the client plans around.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MilestoneKind {
    FirstEngineeringThaw,
    /// The first batch of the campaign or, in the PPQ/commercial phase, of PPQ.
    FirstBatchThaw,
    FirstBatchRelease,
    PpqComplete,
    LastRelease,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Milestone {
    pub kind: MilestoneKind,
    pub date: CivilDate,
    pub from_kickoff_days: i64,
}

/// The dated program.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ProgramSchedule {
    pub kickoff_date: CivilDate,
    pub steps: Vec<StepResult>,
    /// The batches of each run step, placed on the lines (the campaign's are also in
    /// `Estimate::campaign`).
    pub engineering: Placed,
    pub ppq: Placed,
    #[serde(skip)]
    pub campaign: Placed,
    pub milestones: Vec<Milestone>,
    /// Kickoff to the campaign's last release (days).
    pub duration_days: i64,
    /// The day (from kickoff) the steps before the campaign let it start; earlier than the
    /// campaign's first thaw when the plan is anchored on a later thaw date (slack).
    pub campaign_ready_day: i64,
}

impl ProgramSchedule {
    pub fn step(&self, kind: StepKind) -> Option<&StepResult> {
        self.steps.iter().find(|s| s.step == kind)
    }

    pub fn milestone(&self, kind: MilestoneKind) -> Option<&Milestone> {
        self.milestones.iter().find(|m| m.kind == kind)
    }
}

/// The three series of batches the program places.
pub struct Series<'a> {
    /// Engineering runs: no GMP release.
    pub engineering: LinePlan<'a>,
    /// PPQ batches: GMP release.
    pub ppq: LinePlan<'a>,
    /// The campaign (GMP release, or none for tox batches without it).
    pub campaign: LinePlan<'a>,
    pub campaign_batches: u32,
}

/// Whether a step is in the program.
fn active(s: &Scenario, kind: StepKind, campaign_batches: u32) -> bool {
    let included = s.plan.step(kind).is_some_and(|p| p.included);
    match kind {
        StepKind::EngineeringRuns => included && s.plan.engineering_runs > 0,
        StepKind::Ppq => included && s.program.phase == Phase::PpqCommercial && s.plan.ppq_batches > 0,
        StepKind::GmpCampaign => campaign_batches > 0,
        _ => included,
    }
}

/// The steps in an order where each comes after the steps it follows (validation refuses
/// cycles; a step in a cycle is left out here rather than looping).
fn topological(s: &Scenario) -> Vec<StepKind> {
    let mut order: Vec<StepKind> = Vec::new();
    for _ in 0..StepKind::ALL.len() {
        for kind in StepKind::ALL {
            let ready = s.plan.step(kind).is_none_or(|p| p.after.iter().all(|a| order.contains(a)));
            if !order.contains(&kind) && ready {
                order.push(kind);
            }
        }
    }
    order
}

/// One forward pass from `kickoff`; the campaign starts no earlier than `campaign_floor`.
fn forward(
    s: &Scenario,
    series: &Series,
    kickoff: CivilDate,
    campaign_floor: Option<CivilDate>,
) -> ProgramSchedule {
    // By step, in plan order (no sort: each is put in its place).
    let mut done: Vec<Option<StepResult>> = StepKind::ALL.iter().map(|_| None).collect();
    let mut state = LineState::default();
    let empty = Placed { batches: Vec::new(), blocked: Vec::new() };
    let (mut engineering, mut ppq, mut campaign) = (empty.clone(), empty.clone(), empty);
    let at = |day: i64| kickoff.add_days(day);
    // Run steps take the lines in the order their dependencies allow (plan order among steps
    // ready together): a series placed later waits for the lines and trains the earlier ones
    // leave busy.
    let order = topological(s);
    let mut campaign_ready_day = 0;
    for kind in order {
        let Some(row) = s.plan.step(kind) else { continue };
        let on = active(s, kind, series.campaign_batches);
        let mut driver = None;
        let mut latest: Option<i64> = None;
        for a in &row.after {
            if let Some(r) = &done[a.index()] {
                if latest.is_none_or(|l| r.end_day > l) {
                    latest = Some(r.end_day);
                    driver = Some(*a);
                }
            }
        }
        let mut earliest =
            if on { (latest.unwrap_or(0) + i64::from(row.lag_days)).max(0) } else { latest.unwrap_or(0) };
        if kind == StepKind::GmpCampaign {
            campaign_ready_day = earliest;
            if let Some(floor) = campaign_floor {
                earliest = earliest.max(kickoff.days_until(floor));
            }
        }
        let (start_day, end_day) = if !on {
            (earliest, earliest)
        } else if kind.is_run() {
            let (plan, count, slot) = match kind {
                StepKind::EngineeringRuns => (&series.engineering, s.plan.engineering_runs, &mut engineering),
                StepKind::Ppq => (&series.ppq, s.plan.ppq_batches, &mut ppq),
                _ => (&series.campaign, series.campaign_batches, &mut campaign),
            };
            *slot = plan.place_after(count, at(earliest), &mut state);
            let first_thaw = slot.batches.first().map_or(at(earliest), |b| b.thaw_date);
            let last =
                slot.batches
                    .iter()
                    .map(|b| {
                        if kind == StepKind::EngineeringRuns {
                            b.downstream_end_date
                        } else {
                            b.release_date
                        }
                    })
                    .max()
                    .unwrap_or(first_thaw);
            (kickoff.days_until(first_thaw), kickoff.days_until(last) + i64::from(row.duration_days))
        } else {
            (earliest, earliest + i64::from(row.duration_days))
        };
        done[kind.index()] = Some(StepResult {
            step: kind,
            active: on,
            start_day,
            end_day,
            start_date: at(start_day),
            end_date: at(end_day),
            driver,
            critical: false,
            waited_days: start_day - earliest,
        });
    }
    let mut results: Vec<StepResult> = done.into_iter().flatten().collect();

    // The critical path: back from the campaign through each step's driver. Excluded steps
    // pass the chain on without being marked.
    let mut next = Some(StepKind::GmpCampaign);
    let mut guard = 0;
    while let Some(kind) = next {
        guard += 1;
        let Some(r) = results.iter_mut().find(|r| r.step == kind) else { break };
        r.critical = r.active;
        next = r.driver;
        if guard > StepKind::ALL.len() {
            break;
        }
    }

    let since = |d: CivilDate| kickoff.days_until(d);
    let mut milestones = Vec::new();
    let mut push = |kind, date: Option<CivilDate>| {
        if let Some(date) = date {
            milestones.push(Milestone { kind, date, from_kickoff_days: since(date) });
        }
    };
    push(MilestoneKind::FirstEngineeringThaw, engineering.batches.first().map(|b| b.thaw_date));
    let first_series = if ppq.batches.is_empty() { &campaign } else { &ppq };
    push(MilestoneKind::FirstBatchThaw, first_series.batches.first().map(|b| b.thaw_date));
    push(
        MilestoneKind::FirstBatchRelease,
        ppq.batches.iter().chain(&campaign.batches).map(|b| b.release_date).min(),
    );
    push(MilestoneKind::PpqComplete, ppq.batches.iter().map(|b| b.release_date).max());
    let last = campaign.batches.iter().map(|b| b.release_date).max();
    push(MilestoneKind::LastRelease, last);
    ProgramSchedule {
        kickoff_date: kickoff,
        duration_days: last.map_or(0, since),
        steps: results,
        engineering,
        ppq,
        campaign,
        milestones,
        campaign_ready_day,
    }
}

/// Dates the program. Anchored on the kickoff, the campaign follows from it. Anchored on
/// the first GMP thaw (`schedule.thaw_date`), the campaign starts on that date and the
/// kickoff is the latest that lets the steps before it finish in time: that date less the
/// days the plan needs without the calendar, moved earlier by as many days as the calendar
/// then holds the steps back (a few rounds at most: each moves the kickoff by the delay).
pub fn schedule_program(s: &Scenario, series: &Series) -> ProgramSchedule {
    match s.plan.anchor {
        PlanAnchor::Kickoff => forward(s, series, s.plan.kickoff_date, None),
        PlanAnchor::FirstGmpThaw => {
            let thaw = s.schedule.thaw_date;
            let uncalendared = Series {
                engineering: without_calendar(&series.engineering),
                ppq: without_calendar(&series.ppq),
                campaign: without_calendar(&series.campaign),
                campaign_batches: series.campaign_batches,
            };
            let dry = forward(s, &uncalendared, thaw, None);
            let mut kickoff = thaw.add_days(-dry.campaign_ready_day);
            let mut plan = forward(s, series, kickoff, Some(thaw));
            for _ in 0..8 {
                let late = plan.kickoff_date.add_days(plan.campaign_ready_day).days_until(thaw);
                if late >= 0 {
                    break;
                }
                kickoff = kickoff.add_days(late);
                plan = forward(s, series, kickoff, Some(thaw));
            }
            plan
        }
    }
}

fn without_calendar<'a>(p: &LinePlan<'a>) -> LinePlan<'a> {
    let mut calendar = p.calendar;
    calendar.avoid = false;
    LinePlan { calendar, ..*p }
}
