//! The program plan section: where the dates come from (kickoff or first GMP thaw), each
//! step's inclusion, duration, lag and dependencies, and the program's counts (methods,
//! engineering runs, PPQ batches), batch success rate and due date. Every edit goes through
//! the model's rules (`ttc_model::edit`: a dependency that would close a loop is refused).

use crate::i18n::label;
use crate::i18n::*;
use crate::model::scenario::{Phase, PlanAnchor, StepKind};
use crate::model::validate::{limits, Limit};
use crate::ui::field::{choice, form_items, num, opts, whole, NumLens, SelectField};
use crate::ui::form::{CheckField, DateField, FieldError, Section};
use crate::ui::state::AppState;
use leptos::prelude::*;
use std::sync::Arc;
use ttc_text::labels::{step_kind_name, Unit};

/// A lens onto a numeric field of the plan's row of `kind`.
fn step_lens(
    kind: StepKind,
    get: fn(&crate::model::scenario::PlanStep) -> f64,
    set: fn(&mut crate::model::scenario::PlanStep, f64),
) -> NumLens {
    NumLens::new(
        move |s| s.plan.step(kind).map(get),
        move |s, v| {
            if let Some(row) = s.plan.steps.iter_mut().find(|p| p.step == kind) {
                set(row, v)
            }
        },
    )
}

/// One row of the plan: included, days, lag, and the steps it starts after.
#[component]
fn StepRow(i: usize, kind: StepKind) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let phase = Memo::new(move |_| state.scenario.with(|s| s.program.phase));
    let name = move || step_kind_name(i18n.get_locale(), kind, phase.get());
    let name_id = format!("plan-step-{i}");
    let path = format!("plan.steps[{i}]");
    let included = (kind != StepKind::GmpCampaign).then(|| {
        view! {
            <CheckField id=format!("f-plan-steps-{i}-included") label=label(|l| td_string!(l, in_step_included))
                get=Arc::new(move |s| s.plan.step(kind).is_some_and(|p| p.included))
                set=Arc::new(move |s, on| if let Some(row) = s.plan.steps.iter_mut().find(|p| p.step == kind) { row.included = on }) />
        }
    });
    let days_label = if kind.is_run() {
        label(|l| td_string!(l, in_step_report_days))
    } else {
        label(|l| td_string!(l, in_step_days))
    };
    let mut fields = vec![
        whole(
            format!("{path}.duration_days"),
            Unit::Days,
            limits::STEP_DAYS,
            days_label,
            step_lens(kind, |p| f64::from(p.duration_days), |p, v| p.duration_days = v as u32),
        ),
        whole(
            format!("{path}.lag_days"),
            Unit::Days,
            limits::LAG_DAYS,
            label(|l| td_string!(l, in_step_lag)),
            step_lens(kind, |p| f64::from(p.lag_days), |p, v| p.lag_days = v as i32),
        ),
    ];
    // Its fee, a rate of the card the scenario may override (as in the rate card section).
    if let Some(rate) = kind.fee_rate() {
        let facility = state.facility;
        let fee_label = if kind == StepKind::MethodTransfer {
            label(|l| td_string!(l, in_step_fee_per_method))
        } else {
            label(|l| td_string!(l, in_step_fee))
        };
        fields.push(num(
            format!("rate_overrides.{}", rate.key()),
            super::rates::rate_unit(rate),
            Limit { min: 0.0, max: rate.max() },
            fee_label,
            NumLens::new(
                move |s| Some(facility.with_untracked(|f| s.rate(rate, f))),
                move |s, v| facility.with_untracked(|f| s.set_rate(rate, v, f)),
            ),
        ));
    }
    let follows = move |other: StepKind| {
        state.scenario.with(|s| s.plan.step(kind).is_some_and(|p| p.after.contains(&other)))
    };
    // The step itself is offered only while it follows itself (a link or a file can say so;
    // the form cannot), so that the reader can untick what the error message names.
    let others = StepKind::ALL
        .into_iter()
        .enumerate()
        .map(|(j, other)| {
            let id = format!("f-plan-steps-{i}-after-{j}");
            view! {
                <span class="after-option" class:hidden=move || other == kind && !follows(other)>
                    <input id=id.clone() type="checkbox"
                        prop:checked=move || follows(other)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            // A refused dependency (a loop) leaves the box as the plan has it.
                            state.scenario.update(|s| { s.set_step_after(kind, other, on); });
                        } />
                    <label for=id>{move || step_kind_name(i18n.get_locale(), other, phase.get())}</label>
                </span>
            }
        })
        .collect_view();
    view! {
        <li class="plan-step"><div class="plan-step-fields" role="group" aria-labelledby=name_id.clone()>
            <h3 id=name_id.clone() class="plan-step-name">{name}</h3>
            {included}
            {form_items(fields)}
            <fieldset class="after">
                <legend>{move || td_string!(i18n.get_locale(), in_step_after)}</legend>
                {others}
                <FieldError path=format!("{path}.after") />
            </fieldset>
        </div></li>
    }
}

#[component]
pub fn PlanSection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let anchor = opts(&[
        ("kickoff", |l| td_string!(l, anchor_kickoff)),
        ("first_thaw", |l| td_string!(l, anchor_first_thaw)),
    ]);
    let (anchor_get, anchor_set) = choice(|s| Some(s.plan.anchor), |s, a| s.plan.anchor = a);
    let by_kickoff = Memo::new(move |_| state.scenario.with(|s| s.plan.anchor == PlanAnchor::Kickoff));
    let tox = Memo::new(move |_| state.scenario.with(|s| s.program.phase == Phase::Tox));
    // The steps fold away, and are built the first time they are opened (their 8 rows are
    // most of the section: built at start-up they were a long task). A problem in one of them
    // (a loop, a value out of range) opens them, so that its message is seen by its field.
    let steps_box = NodeRef::<leptos::html::Details>::new();
    let steps_opened = RwSignal::new(false);
    let rows = move || {
        steps_opened.get().then(|| {
            StepKind::ALL
                .into_iter()
                .enumerate()
                .map(|(i, kind)| view! { <StepRow i=i kind=kind /> })
                .collect_view()
        })
    };
    let on_toggle = move |_| {
        if steps_box.get().is_some_and(|el| el.open()) {
            steps_opened.set(true);
        }
    };
    Effect::new(move |_| {
        let problem = state.shown.with(|x| x.errors.iter().any(|e| e.field.starts_with("plan.steps")));
        if let (true, Some(el)) = (problem, steps_box.get()) {
            let _ = el.set_attribute("open", "");
        }
    });
    view! {
        <Section id="sec-plan" title=label(|l| td_string!(l, sec_plan))>
            <p class="note wide">{move || td_string!(use_i18n().get_locale(), plan_note)}</p>
            <SelectField path="plan.anchor" label=label(|l| td_string!(l, in_anchor)) options=anchor
                get=anchor_get set=anchor_set />
            <DateField path="plan.kickoff_date" label=label(|l| td_string!(l, in_kickoff)) hidden=Signal::derive(move || !by_kickoff.get())
                get=|s| Some(s.plan.kickoff_date) set=|s, d| if let Some(d) = d { s.plan.kickoff_date = d } />
            <DateField path="schedule.thaw_date" label=label(|l| td_string!(l, in_thaw_date)) hidden=Signal::derive(move || by_kickoff.get())
                get=|s| Some(s.schedule.thaw_date) set=|s, d| if let Some(d) = d { s.schedule.thaw_date = d } />
            {form_items(vec![
                whole("plan.analytical_methods", Unit::Methods, limits::ANALYTICAL_METHODS, label(|l| td_string!(l, in_methods)),
                    NumLens::new(|s| Some(f64::from(s.plan.analytical_methods)), |s, v| s.plan.analytical_methods = v as u32)),
                whole("plan.engineering_runs", Unit::Batches, limits::ENGINEERING_RUNS, label(|l| td_string!(l, in_engineering_runs)),
                    NumLens::new(|s| Some(f64::from(s.plan.engineering_runs)), |s, v| s.plan.engineering_runs = v as u32)),
                // PPQ batches come with the PPQ/commercial phase only.
                whole("plan.ppq_batches", Unit::Batches, limits::PPQ_BATCHES, label(|l| td_string!(l, in_ppq_batches)),
                    NumLens::new(|s| (s.program.phase == Phase::PpqCommercial).then_some(f64::from(s.plan.ppq_batches)), |s, v| s.plan.ppq_batches = v as u32)),
                num("plan.batch_success_pct", Unit::Percent, limits::SUCCESS_PCT, label(|l| td_string!(l, in_success)),
                    NumLens::new(|s| Some(s.plan.batch_success_pct), |s, v| s.plan.batch_success_pct = v)),
            ])}
            <CheckField id="f-plan-tox_gmp_release" label=label(|l| td_string!(l, in_tox_gmp_release)) hidden=Signal::derive(move || !tox.get())
                get=Arc::new(|s| s.plan.tox_gmp_release) set=Arc::new(|s, on| s.plan.tox_gmp_release = on) />
            <DateField path="plan.due_date" optional=true hidden=Signal::stored(false) label=label(|l| td_string!(l, in_due_date))
                get=|s| s.plan.due_date set=|s, d| s.plan.due_date = d />
            <details class="plan-steps-box wide" node_ref=steps_box on:toggle=on_toggle>
                <summary>{move || td_string!(use_i18n().get_locale(), plan_steps_summary)}</summary>
                // A step listed twice or missing (a file or link written by hand).
                <FieldError path="plan.steps" />
                <ol class="plan-steps">{rows}</ol>
            </details>
        </Section>
    }
}
