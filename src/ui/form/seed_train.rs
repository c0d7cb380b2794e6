//! The seed-train editor: stages from vial thaw to N-1, added, removed, reordered or designed backwards from the production bioreactor.

use super::FieldError;
use crate::i18n::*;
use crate::i18n::{label, tr};
use crate::model::scenario::{StageEnd, StageMode};
use crate::model::validate::limits;
use crate::ui::field::{choice, form_items, num, opts, whole, NumLens, OptionText, SelectField};
use crate::ui::stage::Stage;
use crate::ui::state::AppState;
use leptos::prelude::*;
use std::sync::Arc;
use ttc_text::labels::{stage_name, vessel_name, Unit};

/// The "Add a stage" button, which takes the focus when the last stage is removed.
const ADD_STAGE_ID: &str = "add-stage";

#[component]
pub(super) fn SeedTrainEditor() -> impl IntoView {
    let state = expect_context::<AppState>();
    let drawn = use_context::<Stage>().unwrap_or_else(Stage::done).seed_stages_drawn();
    let count = Memo::new(move |_| state.scenario.with(|s| s.seed_train.len()));
    let design = move |_| {
        state.scenario.update(|s| {
            state.facility.with_untracked(|f| s.redesign_seed_train(f));
        });
        state.reset_generation.update(|g| *g += 1);
    };
    let add = move |_| {
        state.scenario.update(|s| {
            s.add_seed_stage();
        })
    };
    view! {
        <fieldset class="section" id="sec-seed-train">
            <legend>{tr(|l| td_string!(l, sec_seed_train))}</legend>
            <p class="note">{tr(|l| td_string!(l, seed_train_note))}</p>
            <div class="stage-actions">
                <button type="button" on:click=design>{tr(|l| td_string!(l, btn_design_train))}</button>
                <button type="button" id=ADD_STAGE_ID on:click=add prop:disabled={move || count.get() >= limits::MAX_SEED_STAGES}>
                    {tr(|l| td_string!(l, btn_add_stage))}
                </button>
            </div>
            <FieldError path="seed_train" />
            <ol class="stages">
                // At start-up, a few stages a task (`Stage::seed_stages_drawn`); all at once after.
                <For each=move || 0..count.get().min(drawn()) key=|i| *i let:i>
                    <StageEditor i=i count=count />
                </For>
            </ol>
            // The seed train's rules: drawn by the deferred module (`crate::deferred::form`),
            // so that their code stays out of the first load.
            <div id="seed-rules-root" class="deferred-form"></div>
        </fieldset>
    }
}

#[component]
pub(super) fn StageEditor(i: usize, count: Memo<usize>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let path = format!("seed_train[{i}]");
    let move_stage = move |to: usize| {
        state.scenario.update(|s| {
            s.swap_seed_stages(i, to);
        });
        state.reset_generation.update(|g| *g += 1);
    };
    let remove = move |_| {
        // The last stage's buttons go with it: the focus moves to "Add a stage" first.
        if i + 1 == count.get_untracked() {
            crate::ui::focus_by_id(ADD_STAGE_ID);
        }
        state.scenario.update(|s| {
            s.remove_seed_stage(i);
        });
        state.reset_generation.update(|g| *g += 1);
    };
    let facility = state.facility;
    let vessels: Vec<(String, OptionText)> = facility.with_untracked(|f| {
        f.seed_vessels()
            .iter()
            .map(|v| {
                let id = v.id.clone();
                (
                    v.id.clone(),
                    Arc::new(move |l: Locale| facility.with(|f| vessel_name(l, f, &id))) as OptionText,
                )
            })
            .collect()
    });
    let ends = opts(&[
        ("split_density", |l| td_string!(l, end_split_density)),
        ("fixed_days", |l| td_string!(l, end_fixed_days)),
    ]);
    let modes =
        opts(&[("batch", |l| td_string!(l, mode_batch)), ("perfusion", |l| td_string!(l, mode_perfusion))]);
    let title = move || stage_name(i18n.get_locale(), i, count.get());
    let (end_get, end_set) = choice(
        move |s| s.seed_train.get(i).map(|st| st.end.kind()),
        move |s, k| {
            if let Some(st) = s.seed_train.get_mut(i) {
                st.end = st.end.with_kind(k)
            }
        },
    );
    let (mode_get, mode_set) = choice(
        move |s| s.seed_train.get(i).map(|st| st.mode.kind()),
        move |s, k| {
            if let Some(st) = s.seed_train.get_mut(i) {
                st.mode = st.mode.with_kind(k)
            }
        },
    );
    view! {
        <li class="stage">
            <h3>{title}</h3>
            <div class="grid">
                <SelectField path=format!("{path}.vessel_id") label=label(|l| td_string!(l, in_vessel)) options=vessels
                    get=Arc::new(move |s| s.seed_train.get(i).map(|st| st.vessel_id.clone()).unwrap_or_default())
                    set=Arc::new(move |s, v| if let Some(st) = s.seed_train.get_mut(i) { st.vessel_id = v.to_string() }) />
                <SelectField path=format!("{path}.end.kind") label=label(|l| td_string!(l, in_stage_end)) options=ends
                    get=end_get set=end_set />
                <SelectField path=format!("{path}.mode.kind") label=label(|l| td_string!(l, in_stage_mode)) options=modes
                    get=mode_get set=mode_set />
                {form_items(vec![
                    num(format!("{path}.working_volume_l"), Unit::Litres, limits::SEED_VOLUME_L, label(|l| td_string!(l, in_working_volume)), NumLens::stage(i, |st| Some(st.working_volume_l), |st, v| st.working_volume_l = v)),
                    num(format!("{path}.seeding_density_e6_per_ml"), Unit::E6CellsPerMl, limits::DENSITY_E6_PER_ML, label(|l| td_string!(l, in_seeding_density)), NumLens::stage(i, |st| Some(st.seeding_density_e6_per_ml), |st, v| st.seeding_density_e6_per_ml = v)),
                    num(format!("{path}.end.density_e6_per_ml"), Unit::E6CellsPerMl, limits::DENSITY_E6_PER_ML, label(|l| td_string!(l, in_split_density)), NumLens::stage(i,
                            |st| match st.end { StageEnd::SplitDensity { density_e6_per_ml } => Some(density_e6_per_ml), _ => None },
                            |st, v| st.end = StageEnd::SplitDensity { density_e6_per_ml: v })),
                    whole(format!("{path}.end.days"), Unit::Days, limits::FIXED_DAYS, label(|l| td_string!(l, in_fixed_days)), NumLens::stage(i,
                            |st| match st.end { StageEnd::FixedDays { days } => Some(f64::from(days)), _ => None },
                            |st, v| st.end = StageEnd::FixedDays { days: v as u32 })),
                    num(format!("{path}.mode.vvd"), Unit::Vvd, limits::VVD, label(|l| td_string!(l, in_vvd)), NumLens::stage(i,
                            |st| match st.mode { StageMode::Perfusion { vvd } => Some(vvd), _ => None },
                            |st, v| st.mode = StageMode::Perfusion { vvd: v })),
                ])}
            </div>
            <div class="stage-buttons">
                <button type="button" prop:disabled=move || i == 0 on:click=move |_| move_stage(i.wrapping_sub(1))
                    aria-label=move || tf!(i18n.get_locale(), btn_move_up_label, stage = i + 1)>
                    "↑"
                </button>
                <button type="button" prop:disabled={move || i + 1 >= count.get()} on:click=move |_| move_stage(i + 1)
                    aria-label=move || tf!(i18n.get_locale(), btn_move_down_label, stage = i + 1)>
                    "↓"
                </button>
                <button type="button" prop:disabled=move || count.get() <= 1 on:click=remove
                    aria-label=move || tf!(i18n.get_locale(), btn_remove_label, stage = i + 1)>
                    {tr(|l| td_string!(l, btn_remove))}
                </button>
            </div>
        </li>
    }
}
