//! The input form, in process order: program, cell line, seed train, production,
//! downstream, schedule, rates; one file per section. Every field writes into the one
//! scenario signal, through the model's editing rules (`ttc_model::edit`).

mod cell_line;
mod downstream;
mod production;
mod program;
mod rates;
mod schedule;
mod seed_train;

use crate::i18n::Label;
use crate::i18n::*;
use crate::model::scenario::Scenario;
use crate::ui::field::field_id;
use crate::ui::stage::Stage;
use crate::ui::state::AppState;
use leptos::prelude::*;
use ttc_text::labels::problem_text;

/// The model's error message for a non-numeric field, shown under it.
#[component]
pub(super) fn FieldError(#[prop(into)] path: String) -> impl IntoView {
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
pub(super) fn TextField(
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

/// A section of the form.
#[component]
pub(super) fn Section(#[prop(into)] id: String, title: Label, children: Children) -> impl IntoView {
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
    view! {
        <form class="inputs" on:submit=|ev| ev.prevent_default() novalidate=true>
            <Show when=stage.reached(Stage::FORM)><program::ProgramSection /></Show>
            <Show when=stage.reached(Stage::FORM + 1)><cell_line::CellLineSection /></Show>
            <Show when=stage.reached(Stage::FORM + 2)><seed_train::SeedTrainEditor /></Show>
            <Show when=stage.reached(Stage::FORM + 3)><production::ProductionSection /></Show>
            <Show when=stage.reached(Stage::FORM + 4)><downstream::DownstreamSection /></Show>
            <Show when=stage.reached(Stage::FORM + 5)><schedule::ScheduleSection /></Show>
            <Show when=stage.reached(Stage::LAST)><rates::RatesSection /></Show>
        </form>
    }
}
