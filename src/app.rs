//! The page: header (language, currency, reset, print), the input form, the results, and the
//! printable one-page summary.

use crate::i18n::*;
use crate::model::{FacilityProfile, Scenario};
use crate::ui::format::{format_date, format_money, format_number, parse_number, Currency};
use crate::ui::inputs::InputForm;
use crate::ui::labels::lang;
use crate::ui::results::Results;
use crate::ui::state::AppState;
use crate::ui::summary::changed_inputs;
use leptos::prelude::*;

const LANG_KEY: &str = "ttc.lang";
const CURRENCY_KEY: &str = "ttc.currency";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

fn load_pref(key: &str) -> Option<String> {
    storage().and_then(|s| s.get_item(key).ok().flatten())
}

fn save_pref(key: &str, value: &str) {
    if let Some(s) = storage() {
        // Storage may be full or blocked (private mode): the preference is then not kept.
        let _ = s.set_item(key, value);
    }
}

#[component]
pub fn App() -> impl IntoView {
    view! {
        <I18nContextProvider set_lang_attr_on_html=false>
            <Page />
        </I18nContextProvider>
    }
}

#[component]
fn Page() -> impl IntoView {
    let i18n = use_i18n();
    let state = AppState::new(Scenario::default(), FacilityProfile::current());
    provide_context(state);
    match load_pref(LANG_KEY).as_deref() {
        Some("zh") => i18n.set_locale(Locale::zh),
        Some("en") => i18n.set_locale(Locale::en),
        _ => {}
    }
    if let Some(c) = load_pref(CURRENCY_KEY).and_then(|c| Currency::from_code(&c)) {
        state.prefs.update(|p| p.currency = c);
    }
    // Keep <html lang> in step with the language, for screen readers and fonts.
    Effect::new(move |_| {
        let code = match i18n.get_locale() {
            Locale::en => "en",
            Locale::zh => "zh-CN",
        };
        if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = el.set_attribute("lang", code);
        }
    });
    view! {
        <header class="top">
            <div class="brand">
                <h1>{t!(i18n, app_title)}</h1>
                <p class="lead">{t!(i18n, app_lead)}</p>
            </div>
            <Toolbar />
        </header>
        <main class="layout">
            <div class="col-inputs">
                <InputForm />
            </div>
            <div class="col-results">
                <PrintHeader />
                <Results />
            </div>
        </main>
        <footer class="disclaimer">
            <p>{t!(i18n, disclaimer)}</p>
            <p>{move || state.facility.with(|f| td_string!(i18n.get_locale(), footer_facility, name = f.name.clone()).to_string())}</p>
        </footer>
    }
}

#[component]
fn Toolbar() -> impl IntoView {
    let i18n = use_i18n();
    let state = expect_context::<AppState>();
    let switch_lang = move |_| {
        let next = match i18n.get_locale() {
            Locale::en => Locale::zh,
            Locale::zh => Locale::en,
        };
        save_pref(LANG_KEY, if next == Locale::zh { "zh" } else { "en" });
        i18n.set_locale(next);
    };
    let set_rate = move |cny: bool, text: String| {
        if let Some(v) = parse_number(&text).filter(|v| *v > 0.0 && *v < 1.0e6) {
            state.prefs.update(|p| if cny { p.cny_per_usd = v } else { p.eur_per_usd = v });
        }
    };
    view! {
        <nav class="toolbar" aria-label=move || td_string!(i18n.get_locale(), toolbar_label).to_string()>
            <button type="button" id="lang-switch" on:click=switch_lang
                lang=move || if i18n.get_locale() == Locale::en { "zh-CN" } else { "en" }>
                {t!(i18n, lang_switch)}
            </button>
            <label for="currency">{t!(i18n, currency_label)}</label>
            <select id="currency" prop:value=move || state.prefs.with(|p| p.currency.code())
                on:change=move |ev| {
                    if let Some(c) = Currency::from_code(&event_target_value(&ev)) {
                        save_pref(CURRENCY_KEY, c.code());
                        state.prefs.update(|p| p.currency = c);
                    }
                }>
                {Currency::ALL.into_iter().map(|c| view! { <option value=c.code()>{c.code()}</option> }).collect_view()}
            </select>
            <label for="rate-cny">{t!(i18n, rate_cny)}</label>
            <input id="rate-cny" class="small" type="text" inputmode="decimal"
                prop:value=move || format_number(state.prefs.with(|p| p.cny_per_usd), 4)
                on:change=move |ev| set_rate(true, event_target_value(&ev)) />
            <label for="rate-eur">{t!(i18n, rate_eur)}</label>
            <input id="rate-eur" class="small" type="text" inputmode="decimal"
                prop:value=move || format_number(state.prefs.with(|p| p.eur_per_usd), 4)
                on:change=move |ev| set_rate(false, event_target_value(&ev)) />
            <button type="button" id="reset-all" on:click=move |_| state.reset_all()>{t!(i18n, btn_reset_all)}</button>
            <button type="button" id="print" on:click=move |_| {
                if let Some(w) = web_sys::window() { let _ = w.print(); }
            }>{t!(i18n, btn_print)}</button>
        </nav>
    }
}

/// Shown only in print: what the one-page summary is of, and which inputs are the client's.
#[component]
fn PrintHeader() -> impl IntoView {
    let i18n = use_i18n();
    let state = expect_context::<AppState>();
    let changed = Memo::new(move |_| state.scenario.with(|s| state.defaults.with_value(|d| changed_inputs(s, d))));
    view! {
        <div class="print-only print-header">
            <h2>{move || state.scenario.with(|s| s.name.clone())}</h2>
            <p>
                {move || state.scenario.with(|s| s.program.product_name.clone())}
                " · "
                {move || td_string!(i18n.get_locale(), print_thaw, date = state.scenario.with(|s| format_date(s.schedule.thaw_date, lang(i18n.get_locale())))).to_string()}
            </p>
            <p>
                {move || {
                    let n = changed.with(Vec::len);
                    if n == 0 {
                        td_string!(i18n.get_locale(), print_all_defaults).to_string()
                    } else {
                        td_string!(i18n.get_locale(), print_changed, count = n, fields = changed.get().join(", ")).to_string()
                    }
                }}
            </p>
            <p class="small">
                {move || {
                    let p = state.prefs.get();
                    td_string!(i18n.get_locale(), print_currency, currency = p.currency.code(),
                        example = format_money(p.rate(), p.currency)).to_string()
                }}
            </p>
        </div>
    }
}
