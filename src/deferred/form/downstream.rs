//! The downstream section of the page's form: step yields, column and filter sizing, resin
//! mode, overages. Drawn into the page's `#downstream-root`: its 35 inputs are not needed
//! for the first result, and their code was about 4 KB brotli of the first load.

use crate::i18n::*;
use crate::i18n::{label, Label};
use crate::lens;
use crate::model::scenario::{Chromatography, ResinMode, Scenario};
use crate::model::validate::limits;
use crate::ui::field::{choice, form_items, num, opts, whole, FormItem, NumLens, SelectField};
use crate::ui::form::{CheckField, Section};
use crate::ui::state::AppState;
use leptos::prelude::*;
use std::sync::Arc;
use ttc_text::labels::{resin_mode_name, Unit};

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
            num(path("cycle_time_h"), Unit::Hours, limits::CYCLE_TIME_H, label(|l| td_string!(l, in_cycle_time)), l(|c| c.cycle_time_h, |c, v| c.cycle_time_h = v)),
        ])}
    }
}

#[component]
pub fn DownstreamSection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let (resin_get, resin_set) =
        choice(|s| Some(s.downstream.resin_mode), |s, m| s.downstream.resin_mode = m);
    // Which resin mode is in force, and that it follows the phase until chosen.
    let resin_note = move || {
        let l = i18n.get_locale();
        let mode = state.scenario.with(|s| resin_mode_name(l, s.downstream.resin_mode));
        tf!(l, resin_follows_phase, mode = mode)
    };
    view! {
        <Section id="sec-downstream" title=label(|l| td_string!(l, sec_downstream))>
            {form_items(vec![
                FormItem::Heading(label(|l| td_string!(l, step_clarification))),
                num("downstream.clarification.yield_pct", Unit::Percent, limits::YIELD_PCT, label(|l| td_string!(l, in_yield)), lens!(s => s.downstream.clarification.yield_pct)),
                num("downstream.clarification.filter_loading_l_per_m2", Unit::LPerM2, limits::LOADING_L_PER_M2, label(|l| td_string!(l, in_depth_loading)), lens!(s => s.downstream.clarification.filter_loading_l_per_m2)),
                num("downstream.clarification.flush_l_per_m2", Unit::LPerM2, limits::FLUSH_L_PER_M2, label(|l| td_string!(l, in_flush)), lens!(s => s.downstream.clarification.flush_l_per_m2)),
                num("downstream.clarification.safety_factor", Unit::Times, limits::SAFETY_FACTOR, label(|l| td_string!(l, in_safety_factor)), lens!(s => s.downstream.clarification.safety_factor)),
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
                num("downstream.virus_filtration.safety_factor", Unit::Times, limits::SAFETY_FACTOR, label(|l| td_string!(l, in_safety_factor)), lens!(s => s.downstream.virus_filtration.safety_factor)),
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
            <p class="note wide" id="resin-note">{resin_note}</p>
            <Show when=move || state.scenario.with(|s| s.downstream.resin_mode == ResinMode::DedicatedToCampaign)>
                <CheckField id="f-downstream-dedicated_resin_over_program" label=label(|l| td_string!(l, in_resin_over_program))
                    get=Arc::new(|s| s.downstream.dedicated_resin_over_program) set=Arc::new(|s, v| s.downstream.dedicated_resin_over_program = v) />
            </Show>
            <CheckField id="f-downstream-whole_filter_modules" label=label(|l| td_string!(l, in_whole_filter_modules))
                get=Arc::new(|s| s.downstream.whole_filter_modules) set=Arc::new(|s, v| s.downstream.whole_filter_modules = v) />
            <CheckField id="f-schedule-downstream_days_from_work" label=label(|l| td_string!(l, in_downstream_days_from_work))
                get=Arc::new(|s| s.schedule.downstream_days_from_work) set=Arc::new(|s, v| s.schedule.downstream_days_from_work = v) />
            {form_items(vec![
                num("downstream.other_steps_days", Unit::Days, limits::OTHER_STEPS_DAYS, label(|l| td_string!(l, in_other_steps_days)),
                    NumLens::new(|s| s.schedule.downstream_days_from_work.then_some(s.downstream.other_steps_days), |s, v| s.downstream.other_steps_days = v)),
                num("downstream.media_overage_pct", Unit::Percent, limits::OVERAGE_PCT, label(|l| td_string!(l, in_media_overage)), lens!(s => s.downstream.media_overage_pct)),
                num("downstream.buffer_overage_pct", Unit::Percent, limits::OVERAGE_PCT, label(|l| td_string!(l, in_buffer_overage)), lens!(s => s.downstream.buffer_overage_pct)),
            ])}
        </Section>
    }
}
