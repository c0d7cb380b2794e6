//! The program section: the dated plan from kickoff (a Gantt chart by month with the
//! critical path, the milestones, each step's dates and how they follow). Its price is in
//! `program_cost.rs`.

use super::*;
use ttc_model::lines::Placed;
use ttc_model::program::{MilestoneKind, StepResult};
use ttc_model::scenario::{Phase, StepKind};

pub(super) fn step_label(c: &Ctx, k: StepKind) -> String {
    step_kind_name(c.locale, k, c.s.program.phase).to_string()
}

fn milestone_name(l: Locale, k: MilestoneKind, phase: Phase) -> &'static str {
    let tox = phase == Phase::Tox;
    match k {
        MilestoneKind::FirstEngineeringThaw => td_string!(l, ms_first_engineering),
        MilestoneKind::FirstBatchThaw if tox => td_string!(l, ms_first_thaw_tox),
        MilestoneKind::FirstBatchThaw => td_string!(l, ms_first_thaw),
        MilestoneKind::FirstBatchRelease if tox => td_string!(l, ms_first_release_tox),
        MilestoneKind::FirstBatchRelease => td_string!(l, ms_first_release),
        MilestoneKind::PpqComplete => td_string!(l, ms_ppq_complete),
        MilestoneKind::LastRelease => td_string!(l, ms_last_release),
    }
}

/// Months, one decimal, as a program manager counts them (days / 30.44).
fn months(days: i64) -> String {
    format_number(days as f64 / 30.44, 1)
}

/// The steps a row follows, in words ("—" when none).
fn after_names(c: &Ctx, k: StepKind) -> String {
    let names: Vec<String> =
        c.s.plan.step(k).map(|p| p.after.iter().map(|a| step_label(c, *a)).collect()).unwrap_or_default();
    if names.is_empty() {
        "—".into()
    } else {
        names.join(", ")
    }
}

/// How a step's dates follow from the steps before it.
fn step_how(c: &Ctx, r: &StepResult) -> String {
    let (l, p) = (c.locale, &c.e.program);
    let row = c.s.plan.step(r.step);
    let lag = row.map_or(0, |x| x.lag_days);
    let days = row.map_or(0, |x| x.duration_days);
    let latest = r.driver.and_then(|d| p.step(d)).map(|d| c.date(d.end_date));
    let series = match r.step {
        StepKind::EngineeringRuns => Some(&p.engineering),
        StepKind::Ppq => Some(&p.ppq),
        StepKind::GmpCampaign => Some(&p.campaign),
        _ => None,
    };
    if let Some(series) = series {
        let last = series
            .batches
            .iter()
            .map(|b| if r.step == StepKind::EngineeringRuns { b.downstream_end_date } else { b.release_date })
            .max()
            .map(|d| c.date(d))
            .unwrap_or_default();
        return tf!(
            l,
            how_step_runs,
            earliest = c.date(r.start_date.add_days(-r.waited_days)),
            after = after_names(c, r.step),
            start = c.date(r.start_date),
            count = series.batches.len(),
            lines = c.s.schedule.lines_used,
            last = last,
            days = days,
            end = c.date(r.end_date)
        );
    }
    match latest {
        Some(latest) => tf!(
            l,
            how_step_work,
            after = after_names(c, r.step),
            latest = latest,
            lag = lag,
            start = c.date(r.start_date),
            days = days,
            end = c.date(r.end_date)
        ),
        None => tf!(
            l,
            how_step_first,
            lag = lag,
            start = c.date(r.start_date),
            days = days,
            end = c.date(r.end_date)
        ),
    }
}

/// Which batch a milestone is, for its source cell.
fn milestone_source(c: &Ctx, k: MilestoneKind) -> String {
    let l = c.locale;
    let p = &c.e.program;
    let (series, batch) = match k {
        MilestoneKind::FirstEngineeringThaw => (td_string!(l, series_engineering), 1),
        MilestoneKind::FirstBatchThaw if !p.ppq.batches.is_empty() => (td_string!(l, series_ppq), 1),
        MilestoneKind::FirstBatchThaw => (td_string!(l, series_campaign), 1),
        MilestoneKind::FirstBatchRelease => {
            let first = p.ppq.batches.iter().chain(&p.campaign.batches).map(|b| b.release_date).min();
            match p.ppq.batches.iter().position(|b| Some(b.release_date) == first) {
                Some(i) => (td_string!(l, series_ppq), i + 1),
                None => (
                    td_string!(l, series_campaign),
                    p.campaign.batches.iter().position(|b| Some(b.release_date) == first).unwrap_or(0) + 1,
                ),
            }
        }
        MilestoneKind::PpqComplete => (td_string!(l, series_ppq), p.ppq.batches.len()),
        MilestoneKind::LastRelease => {
            let last = p.campaign.batches.iter().map(|b| b.release_date).max();
            (
                td_string!(l, series_campaign),
                p.campaign.batches.iter().rposition(|b| Some(b.release_date) == last).unwrap_or(0) + 1,
            )
        }
    };
    format!("{series} {batch}")
}

/// The Gantt chart's rows: the work steps, the run steps (their span, the critical ones
/// outlined), each line's batches, downstream, and the releases.
fn gantt_rows(c: &Ctx) -> Vec<ProgramRow> {
    let (l, p) = (c.locale, &c.e.program);
    let mut rows: Vec<ProgramRow> = p
        .steps
        .iter()
        .filter(|r| r.active)
        .map(|r| ProgramRow {
            label: step_label(c, r.step),
            bars: vec![ProgramBar {
                start: r.start_date,
                end: r.end_date,
                class: if r.step.is_run() { "run" } else { "work" },
                critical: r.critical,
            }],
            marks: Vec::new(),
        })
        .collect();
    let series: [(&Placed, &'static str); 3] =
        [(&p.engineering, "engineering"), (&p.ppq, "ppq"), (&p.campaign, "campaign")];
    let lines = c.s.schedule.lines_used;
    let occupancy = i64::from(c.e.timeline.line_occupancy_days);
    for line in 0..lines {
        let bars = series
            .iter()
            .flat_map(|(placed, class)| {
                placed.batches.iter().filter(move |b| b.line == line).map(move |b| ProgramBar {
                    start: b.inoculation_date,
                    end: b.inoculation_date.add_days(occupancy),
                    class,
                    critical: false,
                })
            })
            .collect();
        rows.push(ProgramRow { label: tf!(l, gantt_line, line = line + 1), bars, marks: Vec::new() });
    }
    let all = || series.iter().flat_map(|(placed, class)| placed.batches.iter().map(move |b| (b, *class)));
    rows.push(ProgramRow {
        label: td_string!(l, act_downstream).to_string(),
        bars: all()
            .map(|(b, class)| ProgramBar {
                start: b.harvest_date,
                end: b.downstream_end_date,
                class,
                critical: false,
            })
            .collect(),
        marks: Vec::new(),
    });
    rows.push(ProgramRow {
        label: td_string!(l, gantt_releases).to_string(),
        bars: Vec::new(),
        marks: all().filter(|(_, class)| *class != "engineering").map(|(b, _)| b.release_date).collect(),
    });
    rows
}

pub(super) fn program_block(c: &Ctx) -> Block {
    let (e, l) = (c.e, c.locale);
    let p = &e.program;
    let mut b = Block::new("program", td_string!(l, sec_program_plan));
    let first = p.milestone(MilestoneKind::FirstBatchRelease);
    let last = p.milestone(MilestoneKind::LastRelease);
    b.intro = Some(tf!(
        l,
        program_summary,
        kickoff = c.date(p.kickoff_date),
        first = first.map(|m| c.date(m.date)).unwrap_or_default(),
        days = first.map_or(0, |m| m.from_kickoff_days),
        months = months(first.map_or(0, |m| m.from_kickoff_days)),
        last = last.map(|m| c.date(m.date)).unwrap_or_default(),
        total = p.duration_days,
        price = c.money(e.program_cost.price_usd)
    ));
    let start = p.kickoff_date;
    let end = last.map_or(start, |m| m.date);
    b.chart = Some(Chart::Program {
        title: td_string!(l, chart_program).to_string(),
        rows: gantt_rows(c),
        start,
        end,
        legend: vec![
            ("work", td_string!(l, legend_work).to_string()),
            ("engineering", td_string!(l, series_engineering).to_string()),
            ("ppq", td_string!(l, series_ppq).to_string()),
            ("campaign", td_string!(l, series_campaign).to_string()),
            ("critical", td_string!(l, legend_critical).to_string()),
            ("release", td_string!(l, legend_release).to_string()),
        ],
    });
    b.table = Some(Table {
        class: "milestones",
        head: heads(&[
            (td_string!(l, col_milestone), false),
            (td_string!(l, col_date), false),
            (td_string!(l, col_from_kickoff), true),
            (td_string!(l, col_batch), false),
        ]),
        rows: p
            .milestones
            .iter()
            .map(|m| Row {
                class: "",
                id: match m.kind {
                    MilestoneKind::FirstBatchRelease => "ms-first-release",
                    MilestoneKind::LastRelease => "ms-last-release",
                    _ => "",
                },
                cells: vec![
                    Cell::Head(milestone_name(l, m.kind, c.s.program.phase).to_string()),
                    Cell::Text(c.date(m.date)),
                    Cell::Num(m.from_kickoff_days.to_string()),
                    Cell::Text(milestone_source(c, m.kind)),
                ],
            })
            .collect(),
        foot: Vec::new(),
    });
    b.more = vec![Table {
        class: "steps",
        head: heads(&[
            (td_string!(l, col_step), false),
            (td_string!(l, col_start), false),
            (td_string!(l, col_end), false),
            (td_string!(l, col_days), true),
            (td_string!(l, col_critical), false),
            ("", false),
        ]),
        rows: p
            .steps
            .iter()
            .map(|r| Row {
                class: if r.critical { "critical" } else { "" },
                id: "",
                cells: if r.active {
                    vec![
                        Cell::Head(step_label(c, r.step)),
                        Cell::Text(c.date(r.start_date)),
                        Cell::Text(c.date(r.end_date)),
                        Cell::Num((r.end_day - r.start_day).to_string()),
                        Cell::Text(if r.critical {
                            td_string!(l, critical_yes).to_string()
                        } else {
                            String::new()
                        }),
                        Cell::How(step_how(c, r)),
                    ]
                } else {
                    vec![
                        Cell::Head(step_label(c, r.step)),
                        Cell::Text(td_string!(l, step_excluded).to_string()),
                        Cell::Text(String::new()),
                        Cell::Num(String::new()),
                        Cell::Text(String::new()),
                        Cell::Text(String::new()),
                    ]
                },
            })
            .collect(),
        foot: Vec::new(),
    }];
    let mut notes = Vec::new();
    if c.s.plan.anchor == ttc_model::scenario::PlanAnchor::FirstGmpThaw {
        notes.push(tf!(
            l,
            program_anchor_note,
            thaw = c.date(c.s.schedule.thaw_date),
            kickoff = c.date(p.kickoff_date),
            slack = p.step(StepKind::GmpCampaign).map_or(0, |g| g.start_day - p.campaign_ready_day)
        ));
    }
    let moved: Vec<String> = [(&p.engineering, "engineering"), (&p.ppq, "ppq"), (&p.campaign, "campaign")]
        .iter()
        .flat_map(|(placed, kind)| {
            placed.batches.iter().filter(|b| b.moved_days > 0).map(move |b| {
                let series = match *kind {
                    "engineering" => td_string!(l, series_engineering),
                    "ppq" => td_string!(l, series_ppq),
                    _ => td_string!(l, series_campaign),
                };
                if b.moved_days == 1 {
                    tf!(l, moved_batch_one, series = series, batch = b.index + 1)
                } else {
                    tf!(l, moved_batch, series = series, batch = b.index + 1, days = b.moved_days)
                }
            })
        })
        .collect();
    if !moved.is_empty() {
        notes.push(tf!(l, program_moved, list = moved.join("; ")));
    }
    if c.f.closures_illustrative && !c.f.closures.is_empty() {
        notes.push(td_string!(l, closures_illustrative).to_string());
    }
    b.note = (!notes.is_empty()).then(|| notes.join(" "));
    b
}
