//! The printed one-page summary's header: what it is of (scenario, product, kickoff or first
//! thaw), which inputs are the client's, the QR code of its link, and the currency. Shown
//! only in print (`style/print.css`); drawn by the deferred module, which has the QR encoder.

use crate::deferred::share::QrCode;
use crate::deferred::summary::{changed_groups, group_name};
use crate::deferred::Shared;
use crate::i18n::tr;
use crate::i18n::*;
use crate::model::scenario::PlanAnchor;
use crate::ui::state::AppState;
use leptos::prelude::*;
use ttc_text::format::{format_date, format_money};
use ttc_text::labels::lang;

/// Shown only in print: what the one-page summary is of, and which inputs are the client's.
#[component]
pub fn PrintHeader() -> impl IntoView {
    let i18n = use_i18n();
    let state = expect_context::<AppState>();
    let shared = expect_context::<Shared>();
    let changed =
        Memo::new(move |_| state.scenario.with(|s| state.defaults.with_value(|d| changed_groups(s, d))));
    view! {
        <div class="print-only print-header">
            <h2>{move || state.scenario.with(|s| s.name.clone())}</h2>
            <p>
                {move || state.scenario.with(|s| s.program.product_name.clone())}
                " · "
                {move || {
                    let locale = i18n.get_locale();
                    state.scenario.with(|s| match s.plan.anchor {
                        PlanAnchor::Kickoff => tf!(locale, print_kickoff, date = format_date(s.plan.kickoff_date, lang(locale))),
                        PlanAnchor::FirstGmpThaw => tf!(locale, print_thaw, date = format_date(s.schedule.thaw_date, lang(locale))),
                    })
                }}
            </p>
            <p>
                {move || {
                    let n = changed.with(Vec::len);
                    if n == 0 {
                        td_string!(i18n.get_locale(), print_all_defaults).to_string()
                    } else {
                        {
                            let locale = i18n.get_locale();
                            let groups: Vec<&str> = changed.get().into_iter().map(|g| group_name(locale, g)).collect();
                            tf!(locale, print_changed, fields = groups.join(", "))
                        }
                    }
                }}
            </p>
            <figure class="print-qr">
                <div id="print-qr"><QrCode /></div>
                <figcaption>{tr(|l| td_string!(l, print_qr))}</figcaption>
            </figure>
            <p class="small">
                {move || {
                    let p = shared.prefs.get();
                    tf!(i18n.get_locale(), print_currency, currency = p.currency.code(), example = format_money(p.rate(), p.currency))
                }}
            </p>
        </div>
    }
}
