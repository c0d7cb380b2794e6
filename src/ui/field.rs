//! Input fields: label, unit, allowed range, "differs from default" marker, reset, and the
//! typed text kept as typed while it is invalid.

use crate::i18n::*;
use crate::i18n::{tr, Label};
use crate::model::edit::Choice;
use crate::model::fit::FitStatus;
use crate::model::scenario::{Scenario, SeedStage};
use crate::model::validate::Limit;
use crate::ui::state::AppState;
use leptos::prelude::*;
use std::sync::Arc;
use ttc_text::format::{format_short, input_text, parse_number};
use ttc_text::labels::{fit_text, problem_text, unit_text, Unit};

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
    /// The field's name, in the user's language.
    label: Label,
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
    // Drops the typed text and its "unparsed" mark: on "reset all", on a list change, when the
    // field is hidden (its variant no longer chosen) and when it leaves the page, so that no
    // invisible field keeps the results stale.
    let forget_text = {
        let path = path.clone();
        move || {
            draft.set(None);
            local_error.set(None);
            state.set_unparsed(&path, false);
        }
    };
    let forget = forget_text.clone();
    Effect::watch(move || state.reset_generation.get(), move |_, _, _| forget(), false);
    let forget = forget_text.clone();
    Effect::watch(
        move || value.get().is_none(),
        move |hidden, _, _| {
            if *hidden {
                forget()
            }
        },
        false,
    );
    on_cleanup(forget_text);

    let path_for_input = path.clone();
    let set = lens.set.clone();
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        let parsed = parse_number(&text);
        let problem = match parsed {
            None => Some(LocalError::NotANumber),
            Some(v) if whole && v.fract() != 0.0 => Some(LocalError::NotWhole),
            // Whole numbers are counts and days (u32), or a lag that may be negative (i32).
            Some(v) if whole && !(limit.min.min(0.0)..=u32::MAX as f64).contains(&v) => {
                Some(LocalError::NotWhole)
            }
            Some(_) => None,
        };
        draft.set(Some(text));
        local_error.set(problem);
        state.set_unparsed(&path_for_input, problem.is_some());
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
        state.set_unparsed(&path_for_reset, false);
    };

    // Only a field with a default (same list position and variant in the default scenario)
    // can differ from it.
    let changed = move || match (value.get(), default) {
        (Some(v), Some(d)) => (v - d).abs() > 1e-12 * d.abs().max(1.0),
        _ => false,
    };
    let path_for_error = path.clone();
    let message = move || -> Option<String> {
        let locale = i18n.get_locale();
        if let Some(e) = local_error.get() {
            return Some(match e {
                LocalError::NotANumber => td_string!(locale, err_not_a_number).to_string(),
                // A lag may be negative: its message does not ask for 0 or more.
                LocalError::NotWhole if limit.min < 0.0 => {
                    td_string!(locale, err_not_whole_signed).to_string()
                }
                LocalError::NotWhole => td_string!(locale, err_not_whole).to_string(),
            });
        }
        state.error_for(&path_for_error).map(|e| problem_text(locale, &e.problem))
    };
    let message = Memo::new(move |_| message());
    // A facility-fit failure or warning tied to this field (e.g. an inoculum larger than the
    // previous stage) is shown here too, where the user can change it.
    let path_for_fit = path.clone();
    let fit_note = Memo::new(move |_| {
        let locale = i18n.get_locale();
        state.shown.with(|shown| {
            let e = shown.estimate.as_ref()?;
            let item = e
                .fit
                .iter()
                .find(|i| i.status != FitStatus::Pass && i.field.as_deref() == Some(path_for_fit.as_str()))?;
            Some(state.facility.with(|f| fit_text(locale, &item.check, f, e.seed_train.len())))
        })
    });
    let display = move || draft.get().unwrap_or_else(|| value.get().map(input_text).unwrap_or_default());
    let range = move || {
        let locale = i18n.get_locale();
        let range = tf!(locale, field_range, min = format_short(limit.min), max = format_short(limit.max));
        match default {
            Some(d) => format!("{range} · {}", tf!(locale, field_default, value = format_short(d))),
            None => range,
        }
    };
    let fit_id = format!("{id}-fit");
    let described_by = format!("{hint_id} {err_id} {fit_id}");

    view! {
        // A field whose value is absent (another variant is chosen, e.g. "fixed days" instead of
        // "split density") stays in the DOM but hidden, so forms need no conditional views.
        <div class="field" class:changed=changed class:invalid=move || message.get().is_some()
            class:hidden=move || value.get().is_none()>
            <label for=id.clone()>
                {move || label(i18n.get_locale())}
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
                    {tr(|l| td_string!(l, field_modified))}
                </span>
            </small>
            <p id=err_id class="error" aria-live="polite">
                {move || message.get()}
            </p>
            <p id=fit_id class="fit-note">{move || fit_note.get()}</p>
        </div>
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum LocalError {
    NotANumber,
    NotWhole,
}

/// A numeric field as data, so that a whole section renders through one code path (each
/// distinct `view!` shape adds its own rendering code to the WebAssembly).
pub struct FieldSpec {
    pub path: String,
    pub lens: NumLens,
    pub unit: Unit,
    pub limit: Limit,
    pub whole: bool,
    pub label: Label,
}

/// A field of decimal numbers: `num("production.titer_g_per_l", Unit::GPerL, limit, label, lens)`.
pub fn num(path: impl Into<String>, unit: Unit, limit: Limit, label: Label, lens: NumLens) -> FormItem {
    FormItem::Field(FieldSpec { path: path.into(), lens, unit, limit, whole: false, label })
}

/// A field of whole numbers (days, cycles, counts).
pub fn whole(path: impl Into<String>, unit: Unit, limit: Limit, label: Label, lens: NumLens) -> FormItem {
    FormItem::Field(FieldSpec { path: path.into(), lens, unit, limit, whole: true, label })
}

/// An item of a form grid: a field, or a heading across the grid.
pub enum FormItem {
    Field(FieldSpec),
    Heading(Label),
}

pub fn form_items(items: Vec<FormItem>) -> impl IntoView {
    let i18n = use_i18n();
    items
        .into_iter()
        .map(|item| match item {
            FormItem::Field(f) => view! {
                <NumberField path=f.path lens=f.lens unit=f.unit limit=f.limit whole=f.whole label=f.label />
            }
            .into_any(),
            FormItem::Heading(title) => {
                view! { <h3 class="wide">{move || title(i18n.get_locale())}</h3> }.into_any()
            }
        })
        .collect_view()
}

/// A choice of options as text in the user's language.
pub type OptionText = Arc<dyn Fn(Locale) -> String + Send + Sync>;

/// A drop-down bound to one scenario field through text values (`"mab"`, `"sub2000"`).
#[component]
pub fn SelectField(
    #[prop(into)] path: String,
    label: Label,
    options: Vec<(String, OptionText)>,
    get: SelectGet,
    set: SelectSet,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let id = field_id(&path);
    let err_id = format!("{id}-err");
    let error = move || state.error_for(&path).map(|e| problem_text(i18n.get_locale(), &e.problem));
    let error = Memo::new(move |_| error());
    let options = options
        .into_iter()
        .map(|(value, text)| view! { <option value=value>{move || text(i18n.get_locale())}</option> })
        .collect_view();
    view! {
        <div class="field">
            <label for=id.clone()>{move || label(i18n.get_locale())}</label>
            <select
                id=id
                prop:value=move || state.scenario.with(|s| get(s))
                aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                aria-describedby=err_id.clone()
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    let set = set.clone();
                    state.scenario.update(move |s| set(s, &value));
                }
            >
                {options}
            </select>
            <p id=err_id class="error" aria-live="polite">{move || error.get()}</p>
        </div>
    }
}

/// A translation key as a function: its text in a language.
pub type TranslationKey = fn(Locale) -> &'static str;

/// What a [`SelectField`] over a [`Choice`] reads and writes.
pub type SelectGet = Arc<dyn Fn(&Scenario) -> String + Send + Sync>;
pub type SelectSet = Arc<dyn Fn(&mut Scenario, &str) + Send + Sync>;

/// The `get` and `set` of a [`SelectField`] over a [`Choice`] of the scenario: a value that
/// is no key of the choice changes nothing (never some default).
pub fn choice<C: Choice + Send + Sync>(
    get: impl Fn(&Scenario) -> Option<C> + Send + Sync + 'static,
    set: impl Fn(&mut Scenario, C) + Send + Sync + 'static,
) -> (SelectGet, SelectSet) {
    (
        Arc::new(move |s| get(s).map(|c| c.key().to_string()).unwrap_or_default()),
        Arc::new(move |s, v| {
            if let Some(c) = C::from_key(v) {
                set(s, c);
            }
        }),
    )
}

/// Options from translation keys: `opts(&[("mab", |l| td_string!(l, modality_mab))])`.
pub fn opts(items: &[(&str, TranslationKey)]) -> Vec<(String, OptionText)> {
    items
        .iter()
        .map(|&(value, key)| (value.to_string(), Arc::new(move |l: Locale| key(l).to_string()) as OptionText))
        .collect()
}
