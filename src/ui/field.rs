//! Input fields: label, unit, allowed range, "differs from default" marker, reset, and the
//! typed text kept as typed while it is invalid.

use crate::i18n::*;
use crate::model::scenario::{Scenario, SeedStage};
use crate::model::validate::Limit;
use crate::ui::format::{format_short, input_text, parse_number};
use crate::ui::labels::{problem_text, unit_text, Unit};
use crate::ui::state::AppState;
use leptos::prelude::*;
use std::sync::Arc;

type Getter = Arc<dyn Fn(&Scenario) -> Option<f64> + Send + Sync>;
type Setter = Arc<dyn Fn(&mut Scenario, f64) + Send + Sync>;

/// Where a numeric field lives in the scenario.
#[derive(Clone)]
pub struct NumLens {
    get: Getter,
    set: Setter,
}

impl NumLens {
    pub fn new(
        get: impl Fn(&Scenario) -> Option<f64> + Send + Sync + 'static,
        set: impl Fn(&mut Scenario, f64) + Send + Sync + 'static,
    ) -> Self {
        Self { get: Arc::new(get), set: Arc::new(set) }
    }

    /// A field of seed stage `i` (absent when the stage or the field's variant is absent).
    pub fn stage(
        i: usize,
        get: impl Fn(&SeedStage) -> Option<f64> + Send + Sync + 'static,
        set: impl Fn(&mut SeedStage, f64) + Send + Sync + 'static,
    ) -> Self {
        Self::new(
            move |s| s.seed_train.get(i).and_then(&get),
            move |s, v| {
                if let Some(st) = s.seed_train.get_mut(i) {
                    set(st, v)
                }
            },
        )
    }
}

/// `lens!(s => s.cell_line.doubling_time_h)`: a lens onto a plain numeric field.
#[macro_export]
macro_rules! lens {
    ($s:ident => $($place:tt)+) => {
        $crate::ui::field::NumLens::new(
            move |$s: &$crate::model::Scenario| Some($($place)+ as f64),
            move |$s: &mut $crate::model::Scenario, v: f64| $($place)+ = v as _,
        )
    };
}

/// An element id from a scenario path: `seed_train[2].working_volume_l` ->
/// `f-seed_train-2-working_volume_l`.
pub fn field_id(path: &str) -> String {
    let mut id = String::from("f-");
    for c in path.chars() {
        match c {
            '[' | '.' => id.push('-'),
            ']' => {}
            c => id.push(c),
        }
    }
    id
}

/// A numeric input bound to one scenario field.
#[component]
pub fn NumberField(
    /// The field's path in the scenario format (ties the model's errors to it).
    #[prop(into)]
    path: String,
    lens: NumLens,
    unit: Unit,
    limit: Limit,
    /// Whole numbers only (days, cycles, counts).
    #[prop(optional)]
    whole: bool,
    children: Children,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let id = field_id(&path);
    let hint_id = format!("{id}-hint");
    let err_id = format!("{id}-err");
    let get = lens.get.clone();
    let value = Memo::new(move |_| state.scenario.with(|s| get(s)));
    let get_default = lens.get.clone();
    let default = state.defaults.with_value(|d| get_default(d));
    // Text the user typed, held until the field loses focus with a valid value.
    let draft: RwSignal<Option<String>> = RwSignal::new(None);
    let local_error: RwSignal<Option<LocalError>> = RwSignal::new(None);
    Effect::watch(
        move || state.reset_generation.get(),
        move |_, _, _| {
            draft.set(None);
            local_error.set(None);
        },
        false,
    );

    let path_for_input = path.clone();
    let set = lens.set.clone();
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        let parsed = parse_number(&text);
        let problem = match parsed {
            None => Some(LocalError::NotANumber),
            Some(v) if whole && v.fract() != 0.0 => Some(LocalError::NotWhole),
            Some(v) if whole && !(0.0..=u32::MAX as f64).contains(&v) => Some(LocalError::NotWhole),
            Some(_) => None,
        };
        draft.set(Some(text));
        local_error.set(problem);
        state.unparsed.update(|u| {
            if problem.is_some() {
                u.insert(path_for_input.clone());
            } else {
                u.remove(&path_for_input);
            }
        });
        if let (None, Some(v)) = (problem, parsed) {
            let set = set.clone();
            state.scenario.update(move |s| set(s, v));
        }
    };
    let on_blur = move |_| {
        if local_error.get_untracked().is_none() {
            draft.set(None);
        }
    };
    let path_for_reset = path.clone();
    let set_default = lens.set.clone();
    let reset = move |_| {
        if let Some(d) = default {
            let set = set_default.clone();
            state.scenario.update(move |s| set(s, d));
        }
        draft.set(None);
        local_error.set(None);
        state.unparsed.update(|u| {
            u.remove(&path_for_reset);
        });
    };

    let changed = move || match (value.get(), default) {
        (Some(v), Some(d)) => (v - d).abs() > 1e-12 * d.abs().max(1.0),
        _ => true,
    };
    let path_for_error = path.clone();
    let message = move || -> Option<String> {
        let locale = i18n.get_locale();
        if let Some(e) = local_error.get() {
            return Some(match e {
                LocalError::NotANumber => td_string!(locale, err_not_a_number).to_string(),
                LocalError::NotWhole => td_string!(locale, err_not_whole).to_string(),
            });
        }
        state.error_for(&path_for_error).map(|e| problem_text(locale, &e.problem))
    };
    let message = Memo::new(move |_| message());
    let display = move || draft.get().unwrap_or_else(|| value.get().map(input_text).unwrap_or_default());
    let range = move || {
        let locale = i18n.get_locale();
        let range = td_string!(locale, field_range, min = format_short(limit.min), max = format_short(limit.max)).to_string();
        match default {
            Some(d) => format!("{range} · {}", td_string!(locale, field_default, value = format_short(d))),
            None => range,
        }
    };
    let described_by = format!("{hint_id} {err_id}");

    view! {
        <div class="field" class:changed=changed class:invalid=move || message.get().is_some()>
            <label for=id.clone()>
                {children()}
                " "
                <span class="unit">{move || unit_text(i18n.get_locale(), unit)}</span>
            </label>
            <div class="control">
                <input
                    id=id.clone()
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    spellcheck="false"
                    prop:value=display
                    aria-invalid=move || if message.get().is_some() { "true" } else { "false" }
                    aria-describedby=described_by
                    on:input=on_input
                    on:blur=on_blur
                />
                <button
                    type="button"
                    class="reset"
                    prop:disabled=move || !changed() && message.get().is_none()
                    aria-label=move || td_string!(i18n.get_locale(), field_reset).to_string()
                    title=move || td_string!(i18n.get_locale(), field_reset).to_string()
                    on:click=reset
                >
                    "↺"
                </button>
            </div>
            <small id=hint_id class="hint">
                {range}
                <span class="modified" class:hidden=move || !changed()>
                    " · "
                    {t!(i18n, field_modified)}
                </span>
            </small>
            <p id=err_id class="error" aria-live="polite">
                {move || message.get()}
            </p>
        </div>
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum LocalError {
    NotANumber,
    NotWhole,
}
