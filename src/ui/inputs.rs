//! The input form, in process order: program, cell line, seed train, production,
//! downstream, schedule, rates. Every field writes into the one scenario signal.

use crate::i18n::*;
use crate::lens;
use crate::model::facility::{Rate, RateUnit};
use crate::model::scenario::{
    CampaignTarget, Chromatography, Feed, FeedAmount, Modality, Phase, ResinMode, Scenario, StageEnd, StageMode,
};
use crate::model::seed_train::design_seed_train;
use crate::model::validate::{limits, Limit};
use crate::model::date::CivilDate;
use crate::ui::field::{field_id, NumLens, NumberField};
use crate::ui::format::{format_days, parse_days};
use crate::ui::labels::{problem_text, rate_name, stage_name, vessel_name, Unit};
use crate::ui::state::AppState;
use leptos::prelude::*;

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
    children: Children,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = field_id(&path);
    let err_id = format!("{id}-err");
    let invalid = {
        let path = path.clone();
        move || state.error_for(&path).is_some()
    };
    view! {
        <div class="field text">
            <label for=id.clone()>{children()}</label>
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
fn Section(#[prop(into)] id: String, title: Children, children: Children) -> impl IntoView {
    view! {
        <fieldset class="section" id=id>
            <legend>{title()}</legend>
            <div class="grid">{children()}</div>
        </fieldset>
    }
}

#[component]
pub fn InputForm() -> impl IntoView {
    view! {
        <form class="inputs" on:submit=|ev| ev.prevent_default() novalidate=true>
            <ProgramSection />
            <CellLineSection />
            <SeedTrainEditor />
            <ProductionSection />
            <DownstreamSection />
            <ScheduleSection />
            <RatesSection />
        </form>
    }
}

#[component]
fn ProgramSection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let modality = move || match state.scenario.with(|s| s.program.modality) {
        Modality::Mab => "mab",
        Modality::Bispecific => "bispecific",
        Modality::FcFusion => "fc_fusion",
        Modality::Other => "other",
    };
    let phase = move || match state.scenario.with(|s| s.program.phase) {
        Phase::Tox => "tox",
        Phase::Clinical => "clinical",
        Phase::PpqCommercial => "ppq_commercial",
    };
    let is_grams = move || state.scenario.with(|s| matches!(s.program.target, CampaignTarget::DrugSubstanceG { .. }));
    view! {
        <Section id="sec-program" title=Box::new(move || t!(i18n, sec_program).into_any())>
            <TextField path="name" get=|s| s.name.clone() set=|s, v| s.name = v>
                {t!(i18n, in_scenario_name)}
            </TextField>
            <TextField path="program.product_name" get=|s| s.program.product_name.clone() set=|s, v| s.program.product_name = v>
                {t!(i18n, in_product_name)}
            </TextField>
            <div class="field">
                <label for="f-program-modality">{t!(i18n, in_modality)}</label>
                <select id="f-program-modality" prop:value=modality on:change=move |ev| {
                    let m = match event_target_value(&ev).as_str() {
                        "bispecific" => Modality::Bispecific,
                        "fc_fusion" => Modality::FcFusion,
                        "other" => Modality::Other,
                        _ => Modality::Mab,
                    };
                    state.scenario.update(|s| s.program.modality = m);
                }>
                    <option value="mab">{t!(i18n, modality_mab)}</option>
                    <option value="bispecific">{t!(i18n, modality_bispecific)}</option>
                    <option value="fc_fusion">{t!(i18n, modality_fc_fusion)}</option>
                    <option value="other">{t!(i18n, modality_other)}</option>
                </select>
            </div>
            <div class="field">
                <label for="f-program-phase">{t!(i18n, in_phase)}</label>
                <select id="f-program-phase" prop:value=phase on:change=move |ev| {
                    let p = match event_target_value(&ev).as_str() {
                        "tox" => Phase::Tox,
                        "ppq_commercial" => Phase::PpqCommercial,
                        _ => Phase::Clinical,
                    };
                    state.scenario.update(|s| s.program.phase = p);
                }>
                    <option value="tox">{t!(i18n, phase_tox)}</option>
                    <option value="clinical">{t!(i18n, phase_clinical)}</option>
                    <option value="ppq_commercial">{t!(i18n, phase_ppq)}</option>
                </select>
            </div>
            <div class="field">
                <label for="f-program-target-kind">{t!(i18n, in_target_kind)}</label>
                <select
                    id="f-program-target-kind"
                    prop:value=move || if is_grams() { "grams" } else { "batches" }
                    on:change=move |ev| {
                        let grams = event_target_value(&ev) == "grams";
                        state.scenario.update(|s| {
                            s.program.target = if grams {
                                CampaignTarget::DrugSubstanceG { grams: 10_000.0 }
                            } else {
                                CampaignTarget::Batches { count: 3 }
                            };
                        });
                    }
                >
                    <option value="batches">{t!(i18n, target_batches)}</option>
                    <option value="grams">{t!(i18n, target_grams)}</option>
                </select>
            </div>
            <Show
                when=is_grams
                fallback=move || view! {
                    <NumberField
                        path="program.target.count"
                        unit=Unit::Batches
                        limit=limits::BATCHES
                        whole=true
                        lens=NumLens::new(
                            |s| match s.program.target { CampaignTarget::Batches { count } => Some(f64::from(count)), _ => None },
                            |s, v| s.program.target = CampaignTarget::Batches { count: v as u32 },
                        )
                    >
                        {t!(i18n, in_batches)}
                    </NumberField>
                }
            >
                <NumberField
                    path="program.target.grams"
                    unit=Unit::Grams
                    limit=limits::DRUG_SUBSTANCE_G
                    lens=NumLens::new(
                        |s| match s.program.target { CampaignTarget::DrugSubstanceG { grams } => Some(grams), _ => None },
                        |s, v| s.program.target = CampaignTarget::DrugSubstanceG { grams: v },
                    )
                >
                    {t!(i18n, in_grams)}
                </NumberField>
            </Show>
        </Section>
    }
}

#[component]
fn CellLineSection() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Section id="sec-cell-line" title=Box::new(move || t!(i18n, sec_cell_line).into_any())>
            <NumberField path="cell_line.doubling_time_h" unit=Unit::Hours limit=limits::DOUBLING_TIME_H
                lens=lens!(s => s.cell_line.doubling_time_h)>{t!(i18n, in_doubling_time)}</NumberField>
            <NumberField path="cell_line.lag_h" unit=Unit::Hours limit=limits::LAG_H
                lens=lens!(s => s.cell_line.lag_h)>{t!(i18n, in_lag)}</NumberField>
            <NumberField path="cell_line.cells_per_vial_e6" unit=Unit::E6Cells limit=limits::CELLS_PER_VIAL_E6
                lens=lens!(s => s.cell_line.cells_per_vial_e6)>{t!(i18n, in_cells_per_vial)}</NumberField>
            <NumberField path="cell_line.post_thaw_viability_pct" unit=Unit::Percent limit=limits::VIABILITY_PCT
                lens=lens!(s => s.cell_line.post_thaw_viability_pct)>{t!(i18n, in_viability)}</NumberField>
        </Section>
    }
}

#[component]
fn SeedTrainEditor() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let count = Memo::new(move |_| state.scenario.with(|s| s.seed_train.len()));
    let design = move |_| {
        state.scenario.update(|s| {
            let designed = state.facility.with_untracked(|f| design_seed_train(&s.production, &s.cell_line, f, 0.5, 4.0));
            if !designed.is_empty() {
                s.seed_train = designed;
            }
        });
        state.reset_generation.update(|g| *g += 1);
    };
    let add = move |_| {
        state.scenario.update(|s| {
            if s.seed_train.len() < limits::MAX_SEED_STAGES {
                let next = s.seed_train.last().cloned().unwrap_or_else(|| Scenario::default().seed_train.remove(0));
                s.seed_train.push(next);
            }
        })
    };
    view! {
        <fieldset class="section" id="sec-seed-train">
            <legend>{t!(i18n, sec_seed_train)}</legend>
            <p class="note">{t!(i18n, seed_train_note)}</p>
            <div class="stage-actions">
                <button type="button" on:click=design>{t!(i18n, btn_design_train)}</button>
                <button type="button" on:click=add prop:disabled=move || count.get() >= limits::MAX_SEED_STAGES>
                    {t!(i18n, btn_add_stage)}
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
    let stage = move || state.scenario.with(|s| s.seed_train.get(i).cloned());
    let vessel_id = format!("{}-vessel", field_id(&path));
    let end_id = format!("{}-end-kind", field_id(&path));
    let mode_id = format!("{}-mode-kind", field_id(&path));
    let is_fixed = move || matches!(stage().map(|s| s.end), Some(StageEnd::FixedDays { .. }));
    let is_perfusion = move || matches!(stage().map(|s| s.mode), Some(StageMode::Perfusion { .. }));
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
    let vessels = move || state.facility.with(|f| f.seed_vessels().iter().map(|v| v.id.clone()).collect::<Vec<_>>());
    let title = move || stage_name(i18n.get_locale(), i, count.get());
    view! {
        <li class="stage">
            <h3>{title}</h3>
            <div class="grid">
                <div class="field">
                    <label for=vessel_id.clone()>{t!(i18n, in_vessel)}</label>
                    <select
                        id=vessel_id.clone()
                        prop:value=move || stage().map(|s| s.vessel_id).unwrap_or_default()
                        on:change=move |ev| {
                            let id = event_target_value(&ev);
                            state.scenario.update(|s| if let Some(st) = s.seed_train.get_mut(i) { st.vessel_id = id });
                        }
                    >
                        <For each=vessels key=|id| id.clone() children=move |id: String| {
                            let value = id.clone();
                            view! { <option value=value>{move || state.facility.with(|f| vessel_name(i18n.get_locale(), f, &id))}</option> }
                        } />
                    </select>
                    <FieldError path=format!("{path}.vessel_id") />
                </div>
                <NumberField path=format!("{path}.working_volume_l") unit=Unit::Litres limit=limits::SEED_VOLUME_L
                    lens=NumLens::stage(i, |st| Some(st.working_volume_l), |st, v| st.working_volume_l = v)>
                    {t!(i18n, in_working_volume)}
                </NumberField>
                <NumberField path=format!("{path}.seeding_density_e6_per_ml") unit=Unit::E6CellsPerMl limit=limits::DENSITY_E6_PER_ML
                    lens=NumLens::stage(i, |st| Some(st.seeding_density_e6_per_ml), |st, v| st.seeding_density_e6_per_ml = v)>
                    {t!(i18n, in_seeding_density)}
                </NumberField>
                <div class="field">
                    <label for=end_id.clone()>{t!(i18n, in_stage_end)}</label>
                    <select id=end_id prop:value=move || if is_fixed() { "fixed_days" } else { "split_density" } on:change=move |ev| {
                        let fixed = event_target_value(&ev) == "fixed_days";
                        state.scenario.update(|s| if let Some(st) = s.seed_train.get_mut(i) {
                            st.end = if fixed { StageEnd::FixedDays { days: 3 } } else { StageEnd::SplitDensity { density_e6_per_ml: 4.0 } };
                        });
                    }>
                        <option value="split_density">{t!(i18n, end_split_density)}</option>
                        <option value="fixed_days">{t!(i18n, end_fixed_days)}</option>
                    </select>
                </div>
                <Show when=is_fixed fallback=move || view! {
                    <NumberField path=format!("seed_train[{i}].end.density_e6_per_ml") unit=Unit::E6CellsPerMl limit=limits::DENSITY_E6_PER_ML
                        lens=NumLens::stage(i,
                            |st| match st.end { StageEnd::SplitDensity { density_e6_per_ml } => Some(density_e6_per_ml), _ => None },
                            |st, v| st.end = StageEnd::SplitDensity { density_e6_per_ml: v })>
                        {t!(i18n, in_split_density)}
                    </NumberField>
                }>
                    <NumberField path=format!("seed_train[{i}].end.days") unit=Unit::Days limit=limits::FIXED_DAYS whole=true
                        lens=NumLens::stage(i,
                            |st| match st.end { StageEnd::FixedDays { days } => Some(f64::from(days)), _ => None },
                            |st, v| st.end = StageEnd::FixedDays { days: v as u32 })>
                        {t!(i18n, in_fixed_days)}
                    </NumberField>
                </Show>
                <div class="field">
                    <label for=mode_id.clone()>{t!(i18n, in_stage_mode)}</label>
                    <select id=mode_id prop:value=move || if is_perfusion() { "perfusion" } else { "batch" } on:change=move |ev| {
                        let perfusion = event_target_value(&ev) == "perfusion";
                        state.scenario.update(|s| if let Some(st) = s.seed_train.get_mut(i) {
                            st.mode = if perfusion { StageMode::Perfusion { vvd: 1.0 } } else { StageMode::Batch };
                        });
                    }>
                        <option value="batch">{t!(i18n, mode_batch)}</option>
                        <option value="perfusion">{t!(i18n, mode_perfusion)}</option>
                    </select>
                </div>
                <Show when=is_perfusion>
                    <NumberField path=format!("seed_train[{i}].mode.vvd") unit=Unit::Vvd limit=limits::VVD
                        lens=NumLens::stage(i,
                            |st| match st.mode { StageMode::Perfusion { vvd } => Some(vvd), _ => None },
                            |st, v| st.mode = StageMode::Perfusion { vvd: v })>
                        {t!(i18n, in_vvd)}
                    </NumberField>
                </Show>
            </div>
            <div class="stage-buttons">
                <button type="button" prop:disabled=move || i == 0 on:click=move |_| move_stage(i.wrapping_sub(1))
                    aria-label=move || td_string!(i18n.get_locale(), btn_move_up_label, stage = i + 1).to_string()>
                    "↑"
                </button>
                <button type="button" prop:disabled=move || i + 1 >= count.get() on:click=move |_| move_stage(i + 1)
                    aria-label=move || td_string!(i18n.get_locale(), btn_move_down_label, stage = i + 1).to_string()>
                    "↓"
                </button>
                <button type="button" prop:disabled=move || count.get() <= 1 on:click=remove
                    aria-label=move || td_string!(i18n.get_locale(), btn_remove_label, stage = i + 1).to_string()>
                    {t!(i18n, btn_remove)}
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
        state.scenario.update(|s| {
            if s.production.feeds.len() < limits::MAX_FEEDS {
                let n = s.production.feeds.len() + 1;
                s.production.feeds.push(Feed {
                    name: format!("Feed {n}"),
                    amount: FeedAmount::PercentOfInitial { pct: 0.5 },
                    days: vec![],
                });
            }
        })
    };
    let vessels = move || state.facility.with(|f| f.vessels.iter().filter(|v| v.production).map(|v| v.id.clone()).collect::<Vec<_>>());
    view! {
        <Section id="sec-production" title=Box::new(move || t!(i18n, sec_production).into_any())>
            <div class="field">
                <label for="f-production-vessel_id">{t!(i18n, in_vessel)}</label>
                <select id="f-production-vessel_id" prop:value=move || state.scenario.with(|s| s.production.vessel_id.clone())
                    on:change=move |ev| { let id = event_target_value(&ev); state.scenario.update(|s| s.production.vessel_id = id); }>
                        <For each=vessels key=|id| id.clone() children=move |id: String| {
                            let value = id.clone();
                            view! { <option value=value>{move || state.facility.with(|f| vessel_name(i18n.get_locale(), f, &id))}</option> }
                        } />
                </select>
                <FieldError path="production.vessel_id" />
            </div>
            <NumberField path="production.initial_volume_l" unit=Unit::Litres limit=limits::PRODUCTION_VOLUME_L
                lens=lens!(s => s.production.initial_volume_l)>{t!(i18n, in_initial_volume)}</NumberField>
            <NumberField path="production.seeding_density_e6_per_ml" unit=Unit::E6CellsPerMl limit=limits::DENSITY_E6_PER_ML
                lens=lens!(s => s.production.seeding_density_e6_per_ml)>{t!(i18n, in_seeding_density)}</NumberField>
            <NumberField path="production.duration_days" unit=Unit::Days limit=limits::PRODUCTION_DAYS whole=true
                lens=lens!(s => s.production.duration_days)>{t!(i18n, in_duration)}</NumberField>
            <NumberField path="production.titer_g_per_l" unit=Unit::GPerL limit=limits::TITER_G_PER_L
                lens=lens!(s => s.production.titer_g_per_l)>{t!(i18n, in_titer)}</NumberField>
            <NumberField path="production.peak_density_e6_per_ml" unit=Unit::E6CellsPerMl limit=limits::DENSITY_E6_PER_ML
                lens=lens!(s => s.production.peak_density_e6_per_ml)>{t!(i18n, in_peak_density)}</NumberField>
            <NumberField path="production.daily_sample_l" unit=Unit::Litres limit=limits::DAILY_SAMPLE_L
                lens=lens!(s => s.production.daily_sample_l)>{t!(i18n, in_daily_sample)}</NumberField>
            <div class="feeds wide">
                <h3>{t!(i18n, feeds_title)}</h3>
                <FieldError path="production.feeds" />
                <For each=move || 0..feeds.get() key=|i| *i let:i>
                    <FeedEditor i=i />
                </For>
                <button type="button" on:click=add_feed prop:disabled=move || feeds.get() >= limits::MAX_FEEDS>
                    {t!(i18n, btn_add_feed)}
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
    let is_fixed = move || matches!(feed().map(|f| f.amount), Some(FeedAmount::FixedVolume { .. }));
    let days_text = RwSignal::new(None::<String>);
    let days_bad = RwSignal::new(false);
    let days_path = format!("{path}.days");
    let days_err_id = format!("{base}-days-err");
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
                <label for=format!("{base}-name")>{t!(i18n, in_feed_name)}</label>
                <input id=format!("{base}-name") type="text" maxlength="200"
                    prop:value=move || feed().map(|f| f.name).unwrap_or_default()
                    on:input=move |ev| { let v = event_target_value(&ev); state.scenario.update(|s| if let Some(f) = s.production.feeds.get_mut(i) { f.name = v }); } />
                <FieldError path=format!("{path}.name") />
            </div>
            <div class="field">
                <label for=format!("{base}-kind")>{t!(i18n, in_feed_kind)}</label>
                <select id=format!("{base}-kind") prop:value=move || if is_fixed() { "fixed" } else { "pct" } on:change=move |ev| {
                    let fixed = event_target_value(&ev) == "fixed";
                    state.scenario.update(|s| if let Some(f) = s.production.feeds.get_mut(i) {
                        f.amount = if fixed { FeedAmount::FixedVolume { litres: 50.0 } } else { FeedAmount::PercentOfInitial { pct: 3.6 } };
                    });
                }>
                    <option value="pct">{t!(i18n, feed_pct)}</option>
                    <option value="fixed">{t!(i18n, feed_fixed)}</option>
                </select>
            </div>
            <Show when=is_fixed fallback=move || view! {
                <NumberField path=format!("production.feeds[{i}].amount.pct") unit=Unit::Percent limit=limits::FEED_PCT
                    lens=NumLens::new(
                        move |s| s.production.feeds.get(i).and_then(|f| match f.amount { FeedAmount::PercentOfInitial { pct } => Some(pct), _ => None }),
                        move |s, v| if let Some(f) = s.production.feeds.get_mut(i) { f.amount = FeedAmount::PercentOfInitial { pct: v } })>
                    {t!(i18n, in_feed_pct)}
                </NumberField>
            }>
                <NumberField path=format!("production.feeds[{i}].amount.litres") unit=Unit::Litres limit=limits::FEED_LITRES
                    lens=NumLens::new(
                        move |s| s.production.feeds.get(i).and_then(|f| match f.amount { FeedAmount::FixedVolume { litres } => Some(litres), _ => None }),
                        move |s, v| if let Some(f) = s.production.feeds.get_mut(i) { f.amount = FeedAmount::FixedVolume { litres: v } })>
                    {t!(i18n, in_feed_litres)}
                </NumberField>
            </Show>
            <div class="field" class:invalid=move || days_message.get().is_some()>
                <label for=format!("{base}-days")>{t!(i18n, in_feed_days)}</label>
                <input id=format!("{base}-days") type="text" inputmode="numeric"
                    prop:value=move || days_text.get().unwrap_or_else(|| feed().map(|f| format_days(&f.days)).unwrap_or_default())
                    aria-invalid=move || if days_message.get().is_some() { "true" } else { "false" }
                    aria-describedby=days_err_id.clone()
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        let parsed = parse_days(&text);
                        days_bad.set(parsed.is_none());
                        days_text.set(Some(text));
                        if let Some(days) = parsed {
                            state.scenario.update(|s| if let Some(f) = s.production.feeds.get_mut(i) { f.days = days });
                        }
                    }
                    on:blur=move |_| if !days_bad.get_untracked() { days_text.set(None) } />
                <small class="hint">{t!(i18n, feed_days_hint)}</small>
                <p id=days_err_id class="error" aria-live="polite">{move || days_message.get()}</p>
            </div>
            <button type="button" class="remove-feed" on:click=remove
                aria-label=move || td_string!(i18n.get_locale(), btn_remove_feed_label, number = i + 1).to_string()>
                {t!(i18n, btn_remove)}
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
    title: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let path = move |f: &str| format!("downstream.{key}.{f}");
    let l = move |read: fn(&Chromatography) -> f64, write: fn(&mut Chromatography, f64)| {
        NumLens::new(move |s| Some(read(get(s))), move |s, v| write(get_mut(s), v))
    };
    view! {
        <h3 class="wide">{title()}</h3>
        <NumberField path=path("yield_pct") unit=Unit::Percent limit=limits::YIELD_PCT
            lens=l(|c| c.yield_pct, |c, v| c.yield_pct = v)>{t!(i18n, in_yield)}</NumberField>
        <NumberField path=path("capacity_g_per_l") unit=Unit::GPerL limit=limits::CAPACITY_G_PER_L
            lens=l(|c| c.capacity_g_per_l, |c, v| c.capacity_g_per_l = v)>{t!(i18n, in_capacity)}</NumberField>
        <NumberField path=path("load_fraction_pct") unit=Unit::Percent limit=limits::LOAD_FRACTION_PCT
            lens=l(|c| c.load_fraction_pct, |c, v| c.load_fraction_pct = v)>{t!(i18n, in_load_fraction)}</NumberField>
        <NumberField path=path("column_volume_l") unit=Unit::Litres limit=limits::COLUMN_VOLUME_L
            lens=l(|c| c.column_volume_l, |c, v| c.column_volume_l = v)>{t!(i18n, in_column_volume)}</NumberField>
        <NumberField path=path("max_cycles_per_batch") unit=Unit::Cycles limit=limits::MAX_CYCLES whole=true
            lens=l(|c| f64::from(c.max_cycles_per_batch), |c, v| c.max_cycles_per_batch = v as u32)>{t!(i18n, in_max_cycles)}</NumberField>
        <NumberField path=path("buffer_cv_per_cycle") unit=Unit::ColumnVolumes limit=limits::BUFFER_CV
            lens=l(|c| c.buffer_cv_per_cycle, |c, v| c.buffer_cv_per_cycle = v)>{t!(i18n, in_buffer_cv)}</NumberField>
        <NumberField path=path("pool_concentration_g_per_l") unit=Unit::GPerL limit=limits::CONCENTRATION_G_PER_L
            lens=l(|c| c.pool_concentration_g_per_l, |c, v| c.pool_concentration_g_per_l = v)>{t!(i18n, in_pool_concentration)}</NumberField>
        <NumberField path=path("lifetime_cycles") unit=Unit::Cycles limit=limits::LIFETIME_CYCLES whole=true
            lens=l(|c| f64::from(c.lifetime_cycles), |c, v| c.lifetime_cycles = v as u32)>{t!(i18n, in_lifetime)}</NumberField>
    }
}

#[component]
fn DownstreamSection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let dedicated = move || state.scenario.with(|s| s.downstream.resin_mode == ResinMode::DedicatedToCampaign);
    view! {
        <Section id="sec-downstream" title=Box::new(move || t!(i18n, sec_downstream).into_any())>
            <h3 class="wide">{t!(i18n, step_clarification)}</h3>
            <NumberField path="downstream.clarification.yield_pct" unit=Unit::Percent limit=limits::YIELD_PCT
                lens=lens!(s => s.downstream.clarification.yield_pct)>{t!(i18n, in_yield)}</NumberField>
            <NumberField path="downstream.clarification.filter_loading_l_per_m2" unit=Unit::LPerM2 limit=limits::LOADING_L_PER_M2
                lens=lens!(s => s.downstream.clarification.filter_loading_l_per_m2)>{t!(i18n, in_depth_loading)}</NumberField>
            <NumberField path="downstream.clarification.flush_l_per_m2" unit=Unit::LPerM2 limit=limits::FLUSH_L_PER_M2
                lens=lens!(s => s.downstream.clarification.flush_l_per_m2)>{t!(i18n, in_flush)}</NumberField>
            <ChromatographyFields key="protein_a" get=|s| &s.downstream.protein_a get_mut=|s| &mut s.downstream.protein_a
                title=Box::new(move || t!(i18n, step_protein_a).into_any()) />
            <h3 class="wide">{t!(i18n, step_low_ph)}</h3>
            <NumberField path="downstream.low_ph.yield_pct" unit=Unit::Percent limit=limits::YIELD_PCT
                lens=lens!(s => s.downstream.low_ph.yield_pct)>{t!(i18n, in_yield)}</NumberField>
            <NumberField path="downstream.low_ph.adjust_pct_of_volume" unit=Unit::Percent limit=limits::ADJUST_PCT
                lens=lens!(s => s.downstream.low_ph.adjust_pct_of_volume)>{t!(i18n, in_adjust)}</NumberField>
            <ChromatographyFields key="aex" get=|s| &s.downstream.aex get_mut=|s| &mut s.downstream.aex
                title=Box::new(move || t!(i18n, step_aex).into_any()) />
            <ChromatographyFields key="cex" get=|s| &s.downstream.cex get_mut=|s| &mut s.downstream.cex
                title=Box::new(move || t!(i18n, step_cex).into_any()) />
            <h3 class="wide">{t!(i18n, step_virus_filtration)}</h3>
            <NumberField path="downstream.virus_filtration.yield_pct" unit=Unit::Percent limit=limits::YIELD_PCT
                lens=lens!(s => s.downstream.virus_filtration.yield_pct)>{t!(i18n, in_yield)}</NumberField>
            <NumberField path="downstream.virus_filtration.loading_l_per_m2" unit=Unit::LPerM2 limit=limits::LOADING_L_PER_M2
                lens=lens!(s => s.downstream.virus_filtration.loading_l_per_m2)>{t!(i18n, in_vf_loading)}</NumberField>
            <h3 class="wide">{t!(i18n, step_ufdf)}</h3>
            <NumberField path="downstream.ufdf.yield_pct" unit=Unit::Percent limit=limits::YIELD_PCT
                lens=lens!(s => s.downstream.ufdf.yield_pct)>{t!(i18n, in_yield)}</NumberField>
            <NumberField path="downstream.ufdf.diafiltration_concentration_g_per_l" unit=Unit::GPerL limit=limits::CONCENTRATION_G_PER_L
                lens=lens!(s => s.downstream.ufdf.diafiltration_concentration_g_per_l)>{t!(i18n, in_df_concentration)}</NumberField>
            <NumberField path="downstream.ufdf.diavolumes" unit=Unit::Diavolumes limit=limits::DIAVOLUMES
                lens=lens!(s => s.downstream.ufdf.diavolumes)>{t!(i18n, in_diavolumes)}</NumberField>
            <NumberField path="downstream.ufdf.final_concentration_g_per_l" unit=Unit::GPerL limit=limits::CONCENTRATION_G_PER_L
                lens=lens!(s => s.downstream.ufdf.final_concentration_g_per_l)>{t!(i18n, in_final_concentration)}</NumberField>
            <h3 class="wide">{t!(i18n, dsp_general)}</h3>
            <div class="field">
                <label for="f-downstream-resin_mode">{t!(i18n, in_resin_mode)}</label>
                <select id="f-downstream-resin_mode" prop:value=move || if dedicated() { "dedicated" } else { "amortised" }
                    on:change=move |ev| {
                        let mode = if event_target_value(&ev) == "dedicated" { ResinMode::DedicatedToCampaign } else { ResinMode::Amortised };
                        state.scenario.update(|s| s.downstream.resin_mode = mode);
                    }>
                    <option value="amortised">{t!(i18n, resin_amortised)}</option>
                    <option value="dedicated">{t!(i18n, resin_dedicated)}</option>
                </select>
            </div>
            <NumberField path="downstream.media_overage_pct" unit=Unit::Percent limit=limits::OVERAGE_PCT
                lens=lens!(s => s.downstream.media_overage_pct)>{t!(i18n, in_media_overage)}</NumberField>
            <NumberField path="downstream.buffer_overage_pct" unit=Unit::Percent limit=limits::OVERAGE_PCT
                lens=lens!(s => s.downstream.buffer_overage_pct)>{t!(i18n, in_buffer_overage)}</NumberField>
        </Section>
    }
}

#[component]
fn ScheduleSection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let lines_limit = move || Limit { min: 1.0, max: f64::from(state.facility.with_untracked(|f| f.lines_possible)) };
    let date_bad = RwSignal::new(false);
    view! {
        <Section id="sec-schedule" title=Box::new(move || t!(i18n, sec_schedule).into_any())>
            <div class="field" class:invalid=move || date_bad.get()>
                <label for="f-schedule-thaw_date">{t!(i18n, in_thaw_date)}</label>
                <input id="f-schedule-thaw_date" type="date" min="1900-01-01" max="2200-12-31"
                    prop:value=move || state.scenario.with(|s| s.schedule.thaw_date.to_string())
                    aria-invalid=move || if date_bad.get() { "true" } else { "false" }
                    aria-describedby="f-schedule-thaw_date-err"
                    on:change=move |ev| match CivilDate::parse_iso(&event_target_value(&ev)) {
                        Some(d) => { date_bad.set(false); state.scenario.update(|s| s.schedule.thaw_date = d); }
                        None => date_bad.set(true),
                    } />
                <p id="f-schedule-thaw_date-err" class="error" aria-live="polite">
                    {move || date_bad.get().then(|| td_string!(i18n.get_locale(), err_date).to_string())}
                </p>
            </div>
            <NumberField path="schedule.turnaround_days" unit=Unit::Days limit=limits::SCHEDULE_DAYS whole=true
                lens=lens!(s => s.schedule.turnaround_days)>{t!(i18n, in_turnaround)}</NumberField>
            <NumberField path="schedule.downstream_days" unit=Unit::Days limit=limits::SCHEDULE_DAYS whole=true
                lens=lens!(s => s.schedule.downstream_days)>{t!(i18n, in_downstream_days)}</NumberField>
            <NumberField path="schedule.bulk_harvest_testing_days" unit=Unit::Days limit=limits::SCHEDULE_DAYS whole=true
                lens=lens!(s => s.schedule.bulk_harvest_testing_days)>{t!(i18n, in_bh_testing)}</NumberField>
            <NumberField path="schedule.qc_release_days" unit=Unit::Days limit=limits::SCHEDULE_DAYS whole=true
                lens=lens!(s => s.schedule.qc_release_days)>{t!(i18n, in_qc_release)}</NumberField>
            <NumberField path="schedule.qa_disposition_days" unit=Unit::Days limit=limits::SCHEDULE_DAYS whole=true
                lens=lens!(s => s.schedule.qa_disposition_days)>{t!(i18n, in_qa_disposition)}</NumberField>
            <NumberField path="schedule.lines_used" unit=Unit::Lines limit=lines_limit() whole=true
                lens=lens!(s => s.schedule.lines_used)>{t!(i18n, in_lines_used)}</NumberField>
            <NumberField path="schedule.line_utilisation_pct" unit=Unit::Percent limit=limits::UTILISATION_PCT
                lens=lens!(s => s.schedule.line_utilisation_pct)>{t!(i18n, in_utilisation)}</NumberField>
            <div class="field check">
                <input id="f-schedule-weekends" type="checkbox"
                    prop:checked=move || state.scenario.with(|s| s.schedule.weekend_operations_allowed)
                    on:change=move |ev| { let on = event_target_checked(&ev); state.scenario.update(|s| s.schedule.weekend_operations_allowed = on); } />
                <label for="f-schedule-weekends">{t!(i18n, in_weekends)}</label>
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
        <Section id="sec-rates" title=Box::new(move || t!(i18n, sec_rates).into_any())>
            <p class="note wide">{t!(i18n, rates_note)}</p>
            {Rate::ALL.into_iter().map(|rate| {
                let source = move || facility.with(|f| f.rate_source(rate).map(str::to_string));
                let lens = NumLens::new(
                    move |s| Some(s.rate_overrides.get(&rate).copied().unwrap_or_else(|| facility.with_untracked(|f| f.rates.get(rate)))),
                    move |s, v| {
                        if facility.with_untracked(|f| f.rates.get(rate)) == v {
                            s.rate_overrides.remove(&rate);
                        } else {
                            s.rate_overrides.insert(rate, v);
                        }
                    },
                );
                view! {
                    <div class="rate">
                        <NumberField path=format!("rate_overrides.{}", rate.key()) unit=rate_unit(rate)
                            limit=Limit { min: 0.0, max: rate.max() } lens=lens>
                            {move || rate_name(i18n.get_locale(), rate)}
                        </NumberField>
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
