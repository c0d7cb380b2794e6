//! The input form, in process order: program, plan, cell line, seed train, production,
//! downstream, schedule, rates; one file per section. The plan, the seed train's rules, the
//! production run's model, the downstream section and the rates are drawn by the deferred
//! module (`crate::deferred::form`), into places this form keeps for them; the
//! components they share (section, date, check box, field error) are here. Every field writes into the one
//! scenario signal, through the model's editing rules (`ttc_model::edit`).

mod cell_line;
mod production;
mod program;
mod schedule;
mod seed_train;

use crate::i18n::Label;
use crate::i18n::*;
use crate::model::date::CivilDate;
use crate::model::scenario::{Phase, Scenario};
use crate::ui::field::field_id;
use crate::ui::stage::Stage;
use crate::ui::state::AppState;
use leptos::prelude::*;
use ttc_text::format::{format_days, parse_days};
use ttc_text::labels::problem_text;

/// The model's error message for a non-numeric field, shown under it.
#[component]
pub(crate) fn FieldError(#[prop(into)] path: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let id = format!("{}-err", field_id(&path));
    view! {
        <p id=id class="error" aria-live="polite">
            {move || state.error_for(&path).map(|e| problem_text(i18n.get_locale(), &e.problem))}
        </p>
    }
}

/// A free-text field (scenario name, product name, feed name): shown as plain text, never
/// as HTML.
#[component]
pub(crate) fn TextField(
    #[prop(into)] path: String,
    get: fn(&Scenario) -> String,
    set: fn(&mut Scenario, String),
    label: Label,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let id = field_id(&path);
    let err_id = format!("{id}-err");
    let invalid = {
        let path = path.clone();
        move || state.error_for(&path).is_some()
    };
    view! {
        <div class="field text">
            <label for=id.clone()>{move || label(i18n.get_locale())}</label>
            <input
                id=id
                type="text"
                maxlength="200"
                prop:value=move || state.scenario.with(get)
                aria-invalid=move || if invalid() { "true" } else { "false" }
                aria-describedby=err_id
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    state.scenario.update(|s| set(s, text));
                }
            />
            <FieldError path=path />
        </div>
    }
}

/// A date input bound to one scenario date. `optional`: an empty input means no date (and a
/// button clears it). Text that is no date is kept, marked, and never written.
#[component]
pub(crate) fn DateField(
    #[prop(into)] path: String,
    get: fn(&Scenario) -> Option<CivilDate>,
    set: fn(&mut Scenario, Option<CivilDate>),
    label: Label,
    #[prop(optional)] optional: bool,
    /// Hidden while another input makes it irrelevant (kept in the page, like number fields).
    hidden: Signal<bool>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let id = field_id(&path);
    let err_id = format!("{id}-err");
    let bad = RwSignal::new(false);
    Effect::watch(move || state.reset_generation.get(), move |_, _, _| bad.set(false), false);
    let path_for_change = path.clone();
    let on_change = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        let parsed = CivilDate::parse_iso(&text);
        let ok = parsed.is_some() || (optional && text.trim().is_empty());
        bad.set(!ok);
        state.set_unparsed(&path_for_change, !ok);
        if ok {
            state.scenario.update(|s| set(s, parsed));
        }
    };
    let path_for_clear = path.clone();
    let clear = move |_| {
        bad.set(false);
        state.set_unparsed(&path_for_clear, false);
        state.scenario.update(|s| set(s, None));
    };
    let path_for_error = path.clone();
    let message = move || {
        let locale = i18n.get_locale();
        if bad.get() {
            return Some(td_string!(locale, err_date).to_string());
        }
        state.error_for(&path_for_error).map(|e| problem_text(locale, &e.problem))
    };
    let message = Memo::new(move |_| message());
    view! {
        <div class="field date" class:invalid=move || message.get().is_some() class:hidden=move || hidden.get()>
            <label for=id.clone()>{move || label(i18n.get_locale())}</label>
            <div class="control">
                <input id=id type="date" min="1900-01-01" max="2200-12-31"
                    prop:value=move || state.scenario.with(|s| get(s).map(|d| d.to_string()).unwrap_or_default())
                    aria-invalid=move || if message.get().is_some() { "true" } else { "false" }
                    aria-describedby=err_id.clone()
                    on:change=on_change />
                {optional.then(|| view! {
                    <button type="button" class="reset" on:click=clear
                        prop:disabled=move || state.scenario.with(|s| get(s).is_none())
                        aria-label=move || td_string!(i18n.get_locale(), btn_clear_date).to_string()
                        title=move || td_string!(i18n.get_locale(), btn_clear_date).to_string()>"×"</button>
                })}
            </div>
            <p id=err_id class="error" aria-live="polite">{move || message.get()}</p>
        </div>
    }
}

/// What a [`CheckField`] reads and writes.
pub(crate) type FlagGet = std::sync::Arc<dyn Fn(&Scenario) -> bool + Send + Sync>;
pub(crate) type FlagSet = std::sync::Arc<dyn Fn(&mut Scenario, bool) + Send + Sync>;

/// Reads and writes a list of culture days of the scenario (`None`: the list is gone).
pub(crate) type DaysGet = std::sync::Arc<dyn Fn(&Scenario) -> Option<Vec<u32>> + Send + Sync>;
pub(crate) type DaysSet = std::sync::Arc<dyn Fn(&mut Scenario, Vec<u32>) + Send + Sync>;

/// Culture days typed as a list ("3-13", "0, 4, 8"): a feed's or an addition's days. Text
/// that is no list stays as typed, with the message under it, and marks the results stale.
#[component]
pub(crate) fn DaysField(
    #[prop(into)] path: String,
    get: DaysGet,
    set: DaysSet,
    label: Label,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let id = field_id(&path);
    let err_id = format!("{id}-err");
    let text = RwSignal::new(None::<String>);
    let bad = RwSignal::new(false);
    let forget = {
        let path = path.clone();
        move || {
            text.set(None);
            bad.set(false);
            state.set_unparsed(&path, false);
        }
    };
    let forget_on_reset = forget.clone();
    Effect::watch(move || state.reset_generation.get(), move |_, _, _| forget_on_reset(), false);
    on_cleanup(forget);
    let message = {
        let path = path.clone();
        Memo::new(move |_| {
            if bad.get() {
                Some(td_string!(i18n.get_locale(), err_days_list).to_string())
            } else {
                state.error_for(&path).map(|e| problem_text(i18n.get_locale(), &e.problem))
            }
        })
    };
    let shown = {
        let get = get.clone();
        move || {
            text.get().unwrap_or_else(|| {
                state.scenario.with(|s| get(s)).map(|d| format_days(&d)).unwrap_or_default()
            })
        }
    };
    view! {
        <div class="field" class:invalid=move || message.get().is_some()>
            <label for=id.clone()>{move || label(i18n.get_locale())}</label>
            <input id=id type="text" inputmode="numeric"
                prop:value=shown
                aria-invalid=move || if message.get().is_some() { "true" } else { "false" }
                aria-describedby=err_id.clone()
                on:input=move |ev| {
                    let typed = event_target_value(&ev);
                    let parsed = parse_days(&typed);
                    bad.set(parsed.is_none());
                    state.set_unparsed(&path, parsed.is_none());
                    text.set(Some(typed));
                    if let Some(days) = parsed {
                        let set = set.clone();
                        state.scenario.update(move |s| set(s, days));
                    }
                }
                on:blur=move |_| if !bad.get_untracked() { text.set(None) } />
            <small class="hint">{tr(|l| td_string!(l, feed_days_hint))}</small>
            <p id=err_id class="error" aria-live="polite">{move || message.get()}</p>
        </div>
    }
}

/// A checkbox bound to one scenario flag.
#[component]
pub(crate) fn CheckField(
    #[prop(into)] id: String,
    get: FlagGet,
    set: FlagSet,
    label: Label,
    /// Hidden while another input makes it irrelevant.
    #[prop(optional, into)]
    hidden: Signal<bool>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    view! {
        <div class="field check" class:hidden=move || hidden.get()>
            <input id=id.clone() type="checkbox"
                prop:checked=move || state.scenario.with(|s| get(s))
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    let set = set.clone();
                    state.scenario.update(move |s| set(s, on));
                } />
            <label for=id>{move || label(i18n.get_locale())}</label>
        </div>
    }
}

/// A section of the form.
#[component]
pub(crate) fn Section(#[prop(into)] id: String, title: Label, children: Children) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset class="section" id=id>
            <legend>{move || title(i18n.get_locale())}</legend>
            <div class="grid">{children()}</div>
        </fieldset>
    }
}

#[component]
pub fn InputForm() -> impl IntoView {
    // One section per start-up task, after the headline (`crate::ui::stage`).
    let stage = use_context::<Stage>().unwrap_or_else(Stage::done);
    let state = expect_context::<AppState>();
    // Outside the clinical phase the plan (drawn later, by the deferred module) has one field
    // more (the PPQ batches, or the tox batches' GMP release): its place keeps that height
    // (style/form.css), so that nothing below it moves when it arrives.
    let longer_plan = move || state.scenario.with(|s| s.program.phase != Phase::Clinical);
    view! {
        <form class="inputs" class:longplan=longer_plan on:submit=|ev| ev.prevent_default() novalidate=true>
            <Show when=stage.reached(Stage::FORM)><program::ProgramSection /></Show>
            // The program plan, the downstream section and the rate card: drawn by the deferred
            // module (`crate::deferred::form`) in places kept for them, so that their code stays
            // out of the first load.
            <div id="plan-root" class="deferred-form"></div>
            <Show when=stage.reached(Stage::FORM + 1)><cell_line::CellLineSection /></Show>
            <Show when=stage.reached(Stage::SEED_TRAIN)><seed_train::SeedTrainEditor /></Show>
            <Show when=stage.reached(Stage::PRODUCTION)><production::ProductionSection /></Show>
            <div id="downstream-root" class="deferred-form"></div>
            <Show when=stage.reached(Stage::LAST)><schedule::ScheduleSection /></Show>
            <div id="rates-root" class="deferred-form"></div>
        </form>
    }
}
