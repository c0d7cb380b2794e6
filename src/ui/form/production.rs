//! The production-bioreactor section and its feed editor.

use super::{DaysField, FieldError, Section};
use crate::i18n::*;
use crate::i18n::{label, tr};
use crate::lens;
use crate::model::scenario::FeedAmount;
use crate::model::validate::limits;
use crate::ui::field::{choice, field_id, form_items, num, opts, whole, NumLens, OptionText, SelectField};
use crate::ui::state::AppState;
use leptos::prelude::*;
use std::sync::Arc;
use ttc_text::labels::{vessel_name, Unit};

/// The "Add a feed" button, which takes the focus when the last feed is removed.
const ADD_FEED_ID: &str = "add-feed";

#[component]
pub(super) fn ProductionSection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let feeds = Memo::new(move |_| state.scenario.with(|s| s.production.feeds.len()));
    let add_feed = move |_| {
        // The new feed's name is the user's data from then on, written in their language.
        let locale = i18n.get_locale();
        state.scenario.update(|s| {
            let number = s.production.feeds.len() + 1;
            s.add_feed(tf!(locale, feed_default_name, number = number));
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
                num("production.titer_g_per_l", Unit::GPerL, limits::TITER_G_PER_L, label(|l| td_string!(l, in_titer)), NumLens::new(
                    // Entered only when the titer does not come from the culture (qP x IVCD).
                    |s| (!s.production.culture.titer_from_qp).then_some(s.production.titer_g_per_l),
                    |s, v| s.production.titer_g_per_l = v)),
                num("production.peak_density_e6_per_ml", Unit::E6CellsPerMl, limits::DENSITY_E6_PER_ML, label(|l| td_string!(l, in_peak_density)), lens!(s => s.production.peak_density_e6_per_ml)),
                num("production.daily_sample_l", Unit::Litres, limits::DAILY_SAMPLE_L, label(|l| td_string!(l, in_daily_sample)), lens!(s => s.production.daily_sample_l)),
            ])}
            <div class="feeds wide">
                <h3>{tr(|l| td_string!(l, feeds_title))}</h3>
                <FieldError path="production.feeds" />
                <For each=move || 0..feeds.get() key=|i| *i let:i>
                    <FeedEditor i=i />
                </For>
                <button type="button" id=ADD_FEED_ID on:click=add_feed prop:disabled={move || feeds.get() >= limits::MAX_FEEDS}>
                    {tr(|l| td_string!(l, btn_add_feed))}
                </button>
            </div>
            // Additions, headroom, the culture and the dose: drawn by the deferred module
            // (`crate::deferred::form`), so that their code stays out of the first load.
            <div id="production-model-root" class="deferred-form wide"></div>
        </Section>
    }
}

#[component]
pub(super) fn FeedEditor(i: usize) -> impl IntoView {
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
    let remove = move |_| {
        // The last feed's fields and buttons go with it: the focus moves to "Add a feed" first.
        if i + 1 == state.scenario.with_untracked(|s| s.production.feeds.len()) {
            crate::ui::focus_by_id(ADD_FEED_ID);
        }
        state.scenario.update(|s| {
            s.remove_feed(i);
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
            <DaysField path=format!("{path}.days") label=label(|l| td_string!(l, in_feed_days))
                get=Arc::new(move |s| s.production.feeds.get(i).map(|f| f.days.clone()))
                set=Arc::new(move |s, days| if let Some(f) = s.production.feeds.get_mut(i) { f.days = days }) />
            <button type="button" class="remove-feed" on:click=remove
                aria-label=move || tf!(i18n.get_locale(), btn_remove_feed_label, number = i + 1)>
                {tr(|l| td_string!(l, btn_remove))}
            </button>
        </div>
    }
}
