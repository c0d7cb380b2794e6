//! The production run's model, at the end of the page's production section: base, glucose
//! and antifoam (an amount on chosen days), evaporation and the headroom; the culture curve
//! and the titer from qP x IVCD; the patient dose.

use crate::i18n::*;
use crate::i18n::{label, tr};
use crate::lens;
use crate::model::scenario::{AdditionKind, FeedAmount, Scenario};
use crate::model::validate::{addition_key, limits};
use crate::ui::field::{choice, form_items, num, opts, NumLens, SelectField};
use crate::ui::form::{CheckField, DaysField};
use leptos::prelude::*;
use std::sync::Arc;
use ttc_text::labels::{addition_name, Unit};

/// One addition: how its amount is given, the amount, and its days.
#[component]
fn AdditionEditor(kind: AdditionKind) -> impl IntoView {
    let path = format!("production.additions.{}", addition_key(kind));
    let (get, set) = choice(
        move |s| Some(s.production.additions.get(kind).amount.kind()),
        move |s, k| {
            let a = s.production.additions.get_mut(kind);
            a.amount = a.amount.with_kind(k)
        },
    );
    let i18n = use_i18n();
    // The addition's name is the legend of its fields (read with each label).
    view! {
        <fieldset class="feed grid addition">
            <legend>{move || addition_name(i18n.get_locale(), kind)}</legend>
            <SelectField path=format!("{path}.amount.kind") label=label(|l| td_string!(l, in_addition_amount))
                options=opts(&[("pct", |l| td_string!(l, feed_pct)), ("fixed", |l| td_string!(l, feed_fixed))])
                get=get set=set />
            {form_items(vec![
                num(format!("{path}.amount.pct"), Unit::Percent, limits::FEED_PCT, label(|l| td_string!(l, in_addition_pct)), NumLens::new(
                    move |s| match s.production.additions.get(kind).amount { FeedAmount::PercentOfInitial { pct } => Some(pct), _ => None },
                    move |s, v| s.production.additions.get_mut(kind).amount = FeedAmount::PercentOfInitial { pct: v })),
                num(format!("{path}.amount.litres"), Unit::Litres, limits::FEED_LITRES, label(|l| td_string!(l, in_addition_litres)), NumLens::new(
                    move |s| match s.production.additions.get(kind).amount { FeedAmount::FixedVolume { litres } => Some(litres), _ => None },
                    move |s, v| s.production.additions.get_mut(kind).amount = FeedAmount::FixedVolume { litres: v })),
            ])}
            <DaysField path=format!("{path}.days") label=label(|l| td_string!(l, in_addition_days))
                get=Arc::new(move |s| Some(s.production.additions.get(kind).days.clone()))
                set=Arc::new(move |s, days| s.production.additions.get_mut(kind).days = days) />
        </fieldset>
    }
}

/// Additions, evaporation and headroom; the culture and its titer; the dose.
#[component]
pub fn ProductionModelSection() -> impl IntoView {
    let from_qp = |s: &Scenario| s.production.culture.titer_from_qp;
    view! {
        <div class="production-model">
            <h3>{tr(|l| td_string!(l, pm_culture))}</h3>
            <p class="note">{tr(|l| td_string!(l, pm_culture_note))}</p>
            <CheckField id="f-production-culture-titer_from_qp" label=label(|l| td_string!(l, in_titer_from_qp))
                get=Arc::new(from_qp) set=Arc::new(|s, v| s.production.culture.titer_from_qp = v) />
            <div class="grid">
                {form_items(vec![
                    num("production.culture.qp_pg_per_cell_day", Unit::PgPerCellDay, limits::QP_PG_PER_CELL_DAY, label(|l| td_string!(l, in_qp)),
                        NumLens::new(move |s| from_qp(s).then_some(s.production.culture.qp_pg_per_cell_day), |s, v| s.production.culture.qp_pg_per_cell_day = v)),
                    num("production.culture.stationary_days", Unit::Days, limits::STATIONARY_DAYS, label(|l| td_string!(l, in_stationary_days)), lens!(s => s.production.culture.stationary_days)),
                    num("production.culture.death_rate_per_day", Unit::PerDay, limits::DEATH_RATE_PER_DAY, label(|l| td_string!(l, in_death_rate)), lens!(s => s.production.culture.death_rate_per_day)),
                    num("production.culture.viability_pct", Unit::Percent, limits::VIABILITY_PCT, label(|l| td_string!(l, in_culture_viability)), lens!(s => s.production.culture.viability_pct)),
                ])}
            </div>
            <h3>{tr(|l| td_string!(l, pm_additions))}</h3>
            <p class="note">{tr(|l| td_string!(l, pm_additions_note))}</p>
            <AdditionEditor kind=AdditionKind::Base />
            <AdditionEditor kind=AdditionKind::Glucose />
            <AdditionEditor kind=AdditionKind::Antifoam />
            <div class="grid">
                {form_items(vec![
                    num("production.additions.evaporation_pct_per_day", Unit::Percent, limits::EVAPORATION_PCT_PER_DAY, label(|l| td_string!(l, in_evaporation)), lens!(s => s.production.additions.evaporation_pct_per_day)),
                    num("production.headroom_pct", Unit::Percent, limits::HEADROOM_PCT, label(|l| td_string!(l, in_headroom)), lens!(s => s.production.headroom_pct)),
                ])}
            </div>
            <h3>{tr(|l| td_string!(l, pm_dose))}</h3>
            <div class="grid">
                {form_items(vec![
                    num("program.dose_mg", Unit::Milligrams, limits::DOSE_MG, label(|l| td_string!(l, in_dose)), lens!(s => s.program.dose_mg)),
                ])}
            </div>
        </div>
    }
}
