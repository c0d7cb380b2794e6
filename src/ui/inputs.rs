//! The input form, in process order: program, cell line, seed train, production,
//! downstream, schedule, rates. Every field writes into the one scenario signal.

use crate::i18n::*;
use crate::i18n::{label, tr, Label};
use crate::lens;
use crate::model::date::CivilDate;
use crate::model::facility::{Rate, RateUnit};
use crate::model::scenario::{
    CampaignTarget, Chromatography, Feed, FeedAmount, Scenario, StageEnd, StageMode,
};
use crate::model::validate::{limits, Limit};
use crate::ui::field::{
    choice, field_id, form_items, num, opts, whole, FormItem, NumLens, OptionText, SelectField,
};
use crate::ui::state::AppState;
use leptos::prelude::*;
use std::sync::Arc;
use ttc_text::format::{format_days, parse_days};
use ttc_text::labels::{local, problem_text, rate_name, stage_name, vessel_name, Unit};

/// The model's error message for a non-numeric field, shown under it.
#[component]
fn FieldError(#[prop(into)] path: String) -> impl IntoView {
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
fn TextField(
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
fn Section(#[prop(into)] id: String, title: Label, children: Children) -> impl IntoView {
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
    // The form is built over three tasks (the first sections, the seed-train editor, the rest),
    // so that no single start-up task blocks the page for long on a slow phone.
    let stage = RwSignal::new(0u8);
    set_timeout(move || stage.set(1), std::time::Duration::ZERO);
    set_timeout(move || stage.set(2), std::time::Duration::from_millis(1));
    view! {
        <form class="inputs" on:submit=|ev| ev.prevent_default() novalidate=true>
            <ProgramSection />
            <CellLineSection />
            <Show when=move || { stage.get() >= 1 }>
                <SeedTrainEditor />
            </Show>
            <Show when=move || { stage.get() >= 2 }>
                <ProductionSection />
                <DownstreamSection />
                <ScheduleSection />
                <RatesSection />
            </Show>
        </form>
    }
}

#[component]
fn ProgramSection() -> impl IntoView {
    let modality = opts(&[
        ("mab", |l| td_string!(l, modality_mab)),
        ("bispecific", |l| td_string!(l, modality_bispecific)),
        ("fc_fusion", |l| td_string!(l, modality_fc_fusion)),
        ("other", |l| td_string!(l, modality_other)),
    ]);
    let phase = opts(&[
        ("tox", |l| td_string!(l, phase_tox)),
        ("clinical", |l| td_string!(l, phase_clinical)),
        ("ppq_commercial", |l| td_string!(l, phase_ppq)),
    ]);
    let target =
        opts(&[("batches", |l| td_string!(l, target_batches)), ("grams", |l| td_string!(l, target_grams))]);
    let (modality_get, modality_set) = choice(|s| Some(s.program.modality), |s, m| s.program.modality = m);
    let (phase_get, phase_set) = choice(|s| Some(s.program.phase), |s, p| s.program.phase = p);
    let (target_get, target_set) =
        choice(|s| Some(s.program.target.kind()), |s, k| s.program.target = s.program.target.with_kind(k));
    view! {
        <Section id="sec-program" title=label(|l| td_string!(l, sec_program))>
            <TextField path="name" get=|s| s.name.clone() set=|s, v| s.name = v label=label(|l| td_string!(l, in_scenario_name)) />
            <TextField path="program.product_name" get=|s| s.program.product_name.clone() set=|s, v| s.program.product_name = v label=label(|l| td_string!(l, in_product_name)) />
            <SelectField path="program.modality" label=label(|l| td_string!(l, in_modality)) options=modality
                get=modality_get set=modality_set />
            <SelectField path="program.phase" label=label(|l| td_string!(l, in_phase)) options=phase
                get=phase_get set=phase_set />
            <SelectField path="program.target.kind" label=label(|l| td_string!(l, in_target_kind)) options=target
                get=target_get set=target_set />
            {form_items(vec![
                whole("program.target.count", Unit::Batches, limits::BATCHES, label(|l| td_string!(l, in_batches)), NumLens::new(
                        |s| match s.program.target { CampaignTarget::Batches { count } => Some(f64::from(count)), _ => None },
                        |s, v| s.program.target = CampaignTarget::Batches { count: v as u32 })),
                num("program.target.grams", Unit::Grams, limits::DRUG_SUBSTANCE_G, label(|l| td_string!(l, in_grams)), NumLens::new(
                        |s| match s.program.target { CampaignTarget::DrugSubstanceG { grams } => Some(grams), _ => None },
                        |s, v| s.program.target = CampaignTarget::DrugSubstanceG { grams: v })),
            ])}
        </Section>
    }
}

#[component]
fn CellLineSection() -> impl IntoView {
    view! {
        <Section id="sec-cell-line" title=label(|l| td_string!(l, sec_cell_line))>
            {form_items(vec![
                num("cell_line.doubling_time_h", Unit::Hours, limits::DOUBLING_TIME_H, label(|l| td_string!(l, in_doubling_time)), lens!(s => s.cell_line.doubling_time_h)),
                num("cell_line.lag_h", Unit::Hours, limits::LAG_H, label(|l| td_string!(l, in_lag)), lens!(s => s.cell_line.lag_h)),
                num("cell_line.cells_per_vial_e6", Unit::E6Cells, limits::CELLS_PER_VIAL_E6, label(|l| td_string!(l, in_cells_per_vial)), lens!(s => s.cell_line.cells_per_vial_e6)),
                num("cell_line.post_thaw_viability_pct", Unit::Percent, limits::VIABILITY_PCT, label(|l| td_string!(l, in_viability)), lens!(s => s.cell_line.post_thaw_viability_pct)),
            ])}
        </Section>
    }
}

#[component]
fn SeedTrainEditor() -> impl IntoView {
    let state = expect_context::<AppState>();
    let count = Memo::new(move |_| state.scenario.with(|s| s.seed_train.len()));
    let design = move |_| {
        state.scenario.update(|s| {
            state.facility.with_untracked(|f| s.redesign_seed_train(f));
        });
        state.reset_generation.update(|g| *g += 1);
    };
    let add = move |_| {
        state.scenario.update(|s| {
            if s.seed_train.len() < limits::MAX_SEED_STAGES {
                let next =
                    s.seed_train.last().cloned().unwrap_or_else(|| Scenario::default().seed_train.remove(0));
                s.seed_train.push(next);
            }
        })
    };
    view! {
        <fieldset class="section" id="sec-seed-train">
            <legend>{tr(|l| td_string!(l, sec_seed_train))}</legend>
            <p class="note">{tr(|l| td_string!(l, seed_train_note))}</p>
            <div class="stage-actions">
                <button type="button" on:click=design>{tr(|l| td_string!(l, btn_design_train))}</button>
                <button type="button" on:click=add prop:disabled={move || count.get() >= limits::MAX_SEED_STAGES}>
                    {tr(|l| td_string!(l, btn_add_stage))}
                </button>
            </div>
            <FieldError path="seed_train" />
            <ol class="stages">
                <For each=move || 0..count.get() key=|i| *i let:i>
                    <StageEditor i=i count=count />
                </For>
            </ol>
        </fieldset>
    }
}

#[component]
fn StageEditor(i: usize, count: Memo<usize>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let path = format!("seed_train[{i}]");
    let move_stage = move |to: usize| {
        state.scenario.update(|s| {
            if to < s.seed_train.len() && i < s.seed_train.len() {
                s.seed_train.swap(i, to);
            }
        });
        state.reset_generation.update(|g| *g += 1);
    };
    let remove = move |_| {
        state.scenario.update(|s| {
            if i < s.seed_train.len() && s.seed_train.len() > 1 {
                s.seed_train.remove(i);
            }
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

#[component]
fn ProductionSection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let feeds = Memo::new(move |_| state.scenario.with(|s| s.production.feeds.len()));
    let add_feed = move |_| {
        // The new feed's name is the user's data from then on, written in their language.
        let locale = i18n.get_locale();
        state.scenario.update(|s| {
            if s.production.feeds.len() < limits::MAX_FEEDS {
                let n = s.production.feeds.len() + 1;
                s.production.feeds.push(Feed {
                    name: tf!(locale, feed_default_name, number = n),
                    amount: FeedAmount::PercentOfInitial { pct: 0.5 },
                    days: vec![],
                });
            }
        })
    };
    let facility = state.facility;
    let vessels: Vec<(String, OptionText)> = facility.with_untracked(|f| {
        f.vessels
            .iter()
            .filter(|v| v.production)
            .map(|v| {
                let id = v.id.clone();
                (
                    v.id.clone(),
                    Arc::new(move |l: Locale| facility.with(|f| vessel_name(l, f, &id))) as OptionText,
                )
            })
            .collect()
    });
    view! {
        <Section id="sec-production" title=label(|l| td_string!(l, sec_production))>
            <SelectField path="production.vessel_id" label=label(|l| td_string!(l, in_vessel)) options=vessels
                get=Arc::new(|s| s.production.vessel_id.clone())
                set=Arc::new(|s, v| s.production.vessel_id = v.to_string()) />
            {form_items(vec![
                num("production.initial_volume_l", Unit::Litres, limits::PRODUCTION_VOLUME_L, label(|l| td_string!(l, in_initial_volume)), lens!(s => s.production.initial_volume_l)),
                num("production.seeding_density_e6_per_ml", Unit::E6CellsPerMl, limits::DENSITY_E6_PER_ML, label(|l| td_string!(l, in_seeding_density)), lens!(s => s.production.seeding_density_e6_per_ml)),
                whole("production.duration_days", Unit::Days, limits::PRODUCTION_DAYS, label(|l| td_string!(l, in_duration)), lens!(s => s.production.duration_days)),
                num("production.titer_g_per_l", Unit::GPerL, limits::TITER_G_PER_L, label(|l| td_string!(l, in_titer)), lens!(s => s.production.titer_g_per_l)),
                num("production.peak_density_e6_per_ml", Unit::E6CellsPerMl, limits::DENSITY_E6_PER_ML, label(|l| td_string!(l, in_peak_density)), lens!(s => s.production.peak_density_e6_per_ml)),
                num("production.daily_sample_l", Unit::Litres, limits::DAILY_SAMPLE_L, label(|l| td_string!(l, in_daily_sample)), lens!(s => s.production.daily_sample_l)),
            ])}
            <div class="feeds wide">
                <h3>{tr(|l| td_string!(l, feeds_title))}</h3>
                <FieldError path="production.feeds" />
                <For each=move || 0..feeds.get() key=|i| *i let:i>
                    <FeedEditor i=i />
                </For>
                <button type="button" on:click=add_feed prop:disabled={move || feeds.get() >= limits::MAX_FEEDS}>
                    {tr(|l| td_string!(l, btn_add_feed))}
                </button>
            </div>
        </Section>
    }
}

#[component]
fn FeedEditor(i: usize) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let path = format!("production.feeds[{i}]");
    let base = field_id(&path);
    let feed = move || state.scenario.with(|s| s.production.feeds.get(i).cloned());
    let (amount_get, amount_set) = choice(
        move |s| s.production.feeds.get(i).map(|f| f.amount.kind()),
        move |s, k| {
            if let Some(f) = s.production.feeds.get_mut(i) {
                f.amount = f.amount.with_kind(k)
            }
        },
    );
    let days_text = RwSignal::new(None::<String>);
    let days_bad = RwSignal::new(false);
    let days_path = format!("{path}.days");
    let days_err_id = format!("{base}-days-err");
    let forget_days = {
        let days_path = days_path.clone();
        move || {
            days_text.set(None);
            days_bad.set(false);
            state.set_unparsed(&days_path, false);
        }
    };
    let forget = forget_days.clone();
    Effect::watch(move || state.reset_generation.get(), move |_, _, _| forget(), false);
    on_cleanup(forget_days);
    let days_path_input = days_path.clone();
    let model_days_error = {
        let days_path = days_path.clone();
        move || state.error_for(&days_path).map(|e| problem_text(i18n.get_locale(), &e.problem))
    };
    let days_message = move || {
        if days_bad.get() {
            Some(td_string!(i18n.get_locale(), err_days_list).to_string())
        } else {
            model_days_error()
        }
    };
    let days_message = Memo::new(move |_| days_message());
    let remove = move |_| {
        state.scenario.update(|s| {
            if i < s.production.feeds.len() {
                s.production.feeds.remove(i);
            }
        });
        state.reset_generation.update(|g| *g += 1);
    };
    view! {
        <div class="feed grid">
            <div class="field">
                <label for=format!("{base}-name")>{tr(|l| td_string!(l, in_feed_name))}</label>
                <input id=format!("{base}-name") type="text" maxlength="200"
                    prop:value=move || feed().map(|f| f.name).unwrap_or_default()
                    on:input=move |ev| { let v = event_target_value(&ev); state.scenario.update(|s| if let Some(f) = s.production.feeds.get_mut(i) { f.name = v }); } />
                <FieldError path=format!("{path}.name") />
            </div>
            <SelectField path=format!("{path}.amount.kind") label=label(|l| td_string!(l, in_feed_kind))
                options=opts(&[("pct", |l| td_string!(l, feed_pct)), ("fixed", |l| td_string!(l, feed_fixed))])
                get=amount_get set=amount_set />
            {form_items(vec![
                num(format!("{path}.amount.pct"), Unit::Percent, limits::FEED_PCT, label(|l| td_string!(l, in_feed_pct)), NumLens::new(
                    move |s| s.production.feeds.get(i).and_then(|f| match f.amount { FeedAmount::PercentOfInitial { pct } => Some(pct), _ => None }),
                    move |s, v| if let Some(f) = s.production.feeds.get_mut(i) { f.amount = FeedAmount::PercentOfInitial { pct: v } })),
                num(format!("{path}.amount.litres"), Unit::Litres, limits::FEED_LITRES, label(|l| td_string!(l, in_feed_litres)), NumLens::new(
                    move |s| s.production.feeds.get(i).and_then(|f| match f.amount { FeedAmount::FixedVolume { litres } => Some(litres), _ => None }),
                    move |s, v| if let Some(f) = s.production.feeds.get_mut(i) { f.amount = FeedAmount::FixedVolume { litres: v } })),
            ])}
            <div class="field" class:invalid=move || days_message.get().is_some()>
                <label for=format!("{base}-days")>{tr(|l| td_string!(l, in_feed_days))}</label>
                <input id=format!("{base}-days") type="text" inputmode="numeric"
                    prop:value=move || days_text.get().unwrap_or_else(|| feed().map(|f| format_days(&f.days)).unwrap_or_default())
                    aria-invalid=move || if days_message.get().is_some() { "true" } else { "false" }
                    aria-describedby=days_err_id.clone()
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        let parsed = parse_days(&text);
                        days_bad.set(parsed.is_none());
                        state.set_unparsed(&days_path_input, parsed.is_none());
                        days_text.set(Some(text));
                        if let Some(days) = parsed {
                            state.scenario.update(|s| if let Some(f) = s.production.feeds.get_mut(i) { f.days = days });
                        }
                    }
                    on:blur=move |_| if !days_bad.get_untracked() { days_text.set(None) } />
                <small class="hint">{tr(|l| td_string!(l, feed_days_hint))}</small>
                <p id=days_err_id class="error" aria-live="polite">{move || days_message.get()}</p>
            </div>
            <button type="button" class="remove-feed" on:click=remove
                aria-label=move || tf!(i18n.get_locale(), btn_remove_feed_label, number = i + 1)>
                {tr(|l| td_string!(l, btn_remove))}
            </button>
        </div>
    }
}

/// The fields of one chromatography step.
#[component]
fn ChromatographyFields(
    key: &'static str,
    get: fn(&Scenario) -> &Chromatography,
    get_mut: fn(&mut Scenario) -> &mut Chromatography,
    title: Label,
) -> impl IntoView {
    let i18n = use_i18n();
    let path = move |f: &str| format!("downstream.{key}.{f}");
    let l = move |read: fn(&Chromatography) -> f64, write: fn(&mut Chromatography, f64)| {
        NumLens::new(move |s| Some(read(get(s))), move |s, v| write(get_mut(s), v))
    };
    view! {
        <h3 class="wide">{move || title(i18n.get_locale())}</h3>
        {form_items(vec![
            num(path("yield_pct"), Unit::Percent, limits::YIELD_PCT, label(|l| td_string!(l, in_yield)), l(|c| c.yield_pct, |c, v| c.yield_pct = v)),
            num(path("capacity_g_per_l"), Unit::GPerL, limits::CAPACITY_G_PER_L, label(|l| td_string!(l, in_capacity)), l(|c| c.capacity_g_per_l, |c, v| c.capacity_g_per_l = v)),
            num(path("load_fraction_pct"), Unit::Percent, limits::LOAD_FRACTION_PCT, label(|l| td_string!(l, in_load_fraction)), l(|c| c.load_fraction_pct, |c, v| c.load_fraction_pct = v)),
            num(path("column_volume_l"), Unit::Litres, limits::COLUMN_VOLUME_L, label(|l| td_string!(l, in_column_volume)), l(|c| c.column_volume_l, |c, v| c.column_volume_l = v)),
            whole(path("max_cycles_per_batch"), Unit::Cycles, limits::MAX_CYCLES, label(|l| td_string!(l, in_max_cycles)), l(|c| f64::from(c.max_cycles_per_batch), |c, v| c.max_cycles_per_batch = v as u32)),
            num(path("buffer_cv_per_cycle"), Unit::ColumnVolumes, limits::BUFFER_CV, label(|l| td_string!(l, in_buffer_cv)), l(|c| c.buffer_cv_per_cycle, |c, v| c.buffer_cv_per_cycle = v)),
            num(path("pool_concentration_g_per_l"), Unit::GPerL, limits::CONCENTRATION_G_PER_L, label(|l| td_string!(l, in_pool_concentration)), l(|c| c.pool_concentration_g_per_l, |c, v| c.pool_concentration_g_per_l = v)),
            whole(path("lifetime_cycles"), Unit::Cycles, limits::LIFETIME_CYCLES, label(|l| td_string!(l, in_lifetime)), l(|c| f64::from(c.lifetime_cycles), |c, v| c.lifetime_cycles = v as u32)),
        ])}
    }
}

#[component]
fn DownstreamSection() -> impl IntoView {
    let (resin_get, resin_set) =
        choice(|s| Some(s.downstream.resin_mode), |s, m| s.downstream.resin_mode = m);
    view! {
        <Section id="sec-downstream" title=label(|l| td_string!(l, sec_downstream))>
            {form_items(vec![
                FormItem::Heading(label(|l| td_string!(l, step_clarification))),
                num("downstream.clarification.yield_pct", Unit::Percent, limits::YIELD_PCT, label(|l| td_string!(l, in_yield)), lens!(s => s.downstream.clarification.yield_pct)),
                num("downstream.clarification.filter_loading_l_per_m2", Unit::LPerM2, limits::LOADING_L_PER_M2, label(|l| td_string!(l, in_depth_loading)), lens!(s => s.downstream.clarification.filter_loading_l_per_m2)),
                num("downstream.clarification.flush_l_per_m2", Unit::LPerM2, limits::FLUSH_L_PER_M2, label(|l| td_string!(l, in_flush)), lens!(s => s.downstream.clarification.flush_l_per_m2)),
            ])}
            <ChromatographyFields key="protein_a" get=|s| &s.downstream.protein_a get_mut=|s| &mut s.downstream.protein_a
                title=label(|l| td_string!(l, step_protein_a)) />
            {form_items(vec![
                FormItem::Heading(label(|l| td_string!(l, step_low_ph))),
                num("downstream.low_ph.yield_pct", Unit::Percent, limits::YIELD_PCT, label(|l| td_string!(l, in_yield)), lens!(s => s.downstream.low_ph.yield_pct)),
                num("downstream.low_ph.adjust_pct_of_volume", Unit::Percent, limits::ADJUST_PCT, label(|l| td_string!(l, in_adjust)), lens!(s => s.downstream.low_ph.adjust_pct_of_volume)),
            ])}
            <ChromatographyFields key="aex" get=|s| &s.downstream.aex get_mut=|s| &mut s.downstream.aex
                title=label(|l| td_string!(l, step_aex)) />
            <ChromatographyFields key="cex" get=|s| &s.downstream.cex get_mut=|s| &mut s.downstream.cex
                title=label(|l| td_string!(l, step_cex)) />
            {form_items(vec![
                FormItem::Heading(label(|l| td_string!(l, step_virus_filtration))),
                num("downstream.virus_filtration.yield_pct", Unit::Percent, limits::YIELD_PCT, label(|l| td_string!(l, in_yield)), lens!(s => s.downstream.virus_filtration.yield_pct)),
                num("downstream.virus_filtration.loading_l_per_m2", Unit::LPerM2, limits::LOADING_L_PER_M2, label(|l| td_string!(l, in_vf_loading)), lens!(s => s.downstream.virus_filtration.loading_l_per_m2)),
                FormItem::Heading(label(|l| td_string!(l, step_ufdf))),
                num("downstream.ufdf.yield_pct", Unit::Percent, limits::YIELD_PCT, label(|l| td_string!(l, in_yield)), lens!(s => s.downstream.ufdf.yield_pct)),
                num("downstream.ufdf.diafiltration_concentration_g_per_l", Unit::GPerL, limits::CONCENTRATION_G_PER_L, label(|l| td_string!(l, in_df_concentration)), lens!(s => s.downstream.ufdf.diafiltration_concentration_g_per_l)),
                num("downstream.ufdf.diavolumes", Unit::Diavolumes, limits::DIAVOLUMES, label(|l| td_string!(l, in_diavolumes)), lens!(s => s.downstream.ufdf.diavolumes)),
                num("downstream.ufdf.final_concentration_g_per_l", Unit::GPerL, limits::CONCENTRATION_G_PER_L, label(|l| td_string!(l, in_final_concentration)), lens!(s => s.downstream.ufdf.final_concentration_g_per_l)),
                FormItem::Heading(label(|l| td_string!(l, dsp_general))),
            ])}
            <SelectField path="downstream.resin_mode" label=label(|l| td_string!(l, in_resin_mode))
                options=opts(&[("amortised", |l| td_string!(l, resin_amortised)), ("dedicated", |l| td_string!(l, resin_dedicated))])
                get=resin_get set=resin_set />
            {form_items(vec![
                num("downstream.media_overage_pct", Unit::Percent, limits::OVERAGE_PCT, label(|l| td_string!(l, in_media_overage)), lens!(s => s.downstream.media_overage_pct)),
                num("downstream.buffer_overage_pct", Unit::Percent, limits::OVERAGE_PCT, label(|l| td_string!(l, in_buffer_overage)), lens!(s => s.downstream.buffer_overage_pct)),
            ])}
        </Section>
    }
}

#[component]
fn ScheduleSection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let lines_limit =
        move || Limit { min: 1.0, max: f64::from(state.facility.with_untracked(|f| f.lines_possible)) };
    let date_bad = RwSignal::new(false);
    Effect::watch(move || state.reset_generation.get(), move |_, _, _| date_bad.set(false), false);
    view! {
        <Section id="sec-schedule" title=label(|l| td_string!(l, sec_schedule))>
            <div class="field" class:invalid=move || date_bad.get()>
                <label for="f-schedule-thaw_date">{tr(|l| td_string!(l, in_thaw_date))}</label>
                <input id="f-schedule-thaw_date" type="date" min="1900-01-01" max="2200-12-31"
                    prop:value=move || state.scenario.with(|s| s.schedule.thaw_date.to_string())
                    aria-invalid=move || if date_bad.get() { "true" } else { "false" }
                    aria-describedby="f-schedule-thaw_date-err"
                    on:change=move |ev| match CivilDate::parse_iso(&event_target_value(&ev)) {
                        Some(d) => {
                            date_bad.set(false);
                            state.set_unparsed("schedule.thaw_date", false);
                            state.scenario.update(|s| s.schedule.thaw_date = d);
                        }
                        None => {
                            date_bad.set(true);
                            state.set_unparsed("schedule.thaw_date", true);
                        }
                    } />
                <p id="f-schedule-thaw_date-err" class="error" aria-live="polite">
                    {move || date_bad.get().then(|| td_string!(i18n.get_locale(), err_date).to_string())}
                </p>
            </div>
            {form_items(vec![
                whole("schedule.turnaround_days", Unit::Days, limits::SCHEDULE_DAYS, label(|l| td_string!(l, in_turnaround)), lens!(s => s.schedule.turnaround_days)),
                whole("schedule.downstream_days", Unit::Days, limits::SCHEDULE_DAYS, label(|l| td_string!(l, in_downstream_days)), lens!(s => s.schedule.downstream_days)),
                whole("schedule.bulk_harvest_testing_days", Unit::Days, limits::SCHEDULE_DAYS, label(|l| td_string!(l, in_bh_testing)), lens!(s => s.schedule.bulk_harvest_testing_days)),
                whole("schedule.qc_release_days", Unit::Days, limits::SCHEDULE_DAYS, label(|l| td_string!(l, in_qc_release)), lens!(s => s.schedule.qc_release_days)),
                whole("schedule.qa_disposition_days", Unit::Days, limits::SCHEDULE_DAYS, label(|l| td_string!(l, in_qa_disposition)), lens!(s => s.schedule.qa_disposition_days)),
                whole("schedule.lines_used", Unit::Lines, lines_limit(), label(|l| td_string!(l, in_lines_used)), lens!(s => s.schedule.lines_used)),
                num("schedule.line_utilisation_pct", Unit::Percent, limits::UTILISATION_PCT, label(|l| td_string!(l, in_utilisation)), lens!(s => s.schedule.line_utilisation_pct)),
            ])}
            <div class="field check">
                <input id="f-schedule-weekends" type="checkbox"
                    prop:checked=move || state.scenario.with(|s| s.schedule.weekend_operations_allowed)
                    on:change=move |ev| { let on = event_target_checked(&ev); state.scenario.update(|s| s.schedule.weekend_operations_allowed = on); } />
                <label for="f-schedule-weekends">{tr(|l| td_string!(l, in_weekends))}</label>
            </div>
        </Section>
    }
}

fn rate_unit(rate: Rate) -> Unit {
    match rate.unit() {
        RateUnit::MoneyPerL => Unit::MoneyPerL,
        RateUnit::MoneyPerM2 => Unit::MoneyPerM2,
        RateUnit::MoneyPerBatch => Unit::MoneyPerBatch,
        RateUnit::MoneyPerDay => Unit::MoneyPerDay,
        RateUnit::People => Unit::People,
        RateUnit::Percent => Unit::Percent,
    }
}

#[component]
fn RatesSection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let facility = state.facility;
    view! {
        <Section id="sec-rates" title=label(|l| td_string!(l, sec_rates))>
            <p class="note wide">{tr(|l| td_string!(l, rates_note))}</p>
            {Rate::ALL.into_iter().map(|rate| {
                let source = move || facility.with(|f| f.rate_source(rate).map(|s| local(i18n.get_locale(), s).to_string()));
                let lens = NumLens::new(
                    move |s| Some(facility.with_untracked(|f| s.rate(rate, f))),
                    move |s, v| facility.with_untracked(|f| s.set_rate(rate, v, f)),
                );
                view! {
                    <div class="rate">
                        {form_items(vec![
                            num(format!("rate_overrides.{}", rate.key()), rate_unit(rate), Limit { min: 0.0, max: rate.max() }, label(move |l| rate_name(l, rate)), lens),
                        ])}
                        <small class="source">
                            {move || match source() {
                                Some(s) => format!("{} {s}", td_string!(i18n.get_locale(), source_published)),
                                None => td_string!(i18n.get_locale(), source_illustrative).to_string(),
                            }}
                        </small>
                    </div>
                }
            }).collect_view()}
        </Section>
    }
}
