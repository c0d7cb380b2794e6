//! The page: header (language, currency, reset, print), the input form, the results, and the
//! printable one-page summary.

use crate::i18n::tr;
use crate::i18n::*;
use crate::model::{FacilityProfile, Problem, Scenario};
use crate::prefs;
use crate::ui::address::{
    load_deferred_module, open_address_link, sync_link_with_address, NoticeList, Notices,
};
use crate::ui::form::InputForm;
use crate::ui::headline::Results;
use crate::ui::stage::Stage;
use crate::ui::state::AppState;
use leptos::prelude::*;
use ttc_text::format::{format_short, Currency, Prefs};
use ttc_text::labels::local;
use ttc_text::labels::problem_text;

/// What the page needs before it draws: the language (chosen here before, or the browser's),
/// the scenario's state with the address's link opened in it, the notices, the currency, and
/// the first estimate. `main.rs` runs this in a task of its own and draws [`Page`] in the
/// next: on a slow phone the two are each shorter than both in one (the model's code is
/// compiled at its first call, like the views' code), so the page answers a tap in between
/// (total blocking time; ARCHITECTURE.md, "Start-up in short tasks").
pub fn prepare() {
    provide_i18n(prefs::initial_locale());
    let state = AppState::new(Scenario::default(), FacilityProfile::current());
    provide_context(state);
    let notices = Notices(RwSignal::new(Vec::new()));
    provide_context(notices);
    open_address_link(state, notices);
    state.prefs.set(prefs::initial_prefs());
    // The first estimate, now: the headline reads it from the memo.
    state.shown.with_untracked(|_| ());
}

/// The whole app in one task: [`prepare`], then [`Page`] (component tests).
#[component]
pub fn App() -> impl IntoView {
    prepare();
    view! { <Page /> }
}

/// The page, over what [`prepare`] provided.
#[component]
pub fn Page() -> impl IntoView {
    let i18n = use_i18n();
    let state = expect_context::<AppState>();
    let notices = expect_context::<Notices>();
    // The frame, toolbar and headline first; the rest of the page in the tasks after it.
    let stage = Stage::start();
    provide_context(stage);
    let later = stage.reached(Stage::PAGE);
    load_deferred_module(notices);
    let document = web_sys::window().and_then(|w| w.document());
    // index.html paints the title and lead before the app loads. The app keeps those elements
    // and only translates them: replacing them would make the page's largest text paint again
    // late (the largest-contentful-paint metric). Without that shell (component tests), the app
    // renders its own.
    let shell_title = document.as_ref().and_then(|d| d.get_element_by_id("app-title"));
    let shell_lead = document.as_ref().and_then(|d| d.get_element_by_id("app-lead"));
    let has_shell = shell_title.is_some();
    Effect::new(move |_| {
        let locale = i18n.get_locale();
        let Some(d) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        // <html lang> follows the language, for screen readers and fonts.
        if let Some(el) = d.document_element() {
            let _ = el.set_attribute("lang", if locale == Locale::zh { "zh-CN" } else { "en" });
        }
        d.set_title(td_string!(locale, app_title));
        // Only a text that changes is set: setting the same text again repaints it, and the
        // lead would count as painted late (largest contentful paint).
        for (el, text) in
            [(&shell_title, td_string!(locale, app_title)), (&shell_lead, td_string!(locale, app_lead))]
        {
            if let Some(el) = el.as_ref().filter(|el| el.text_content().as_deref() != Some(text)) {
                el.set_text_content(Some(text));
            }
        }
    });
    let brand = (!has_shell).then(|| {
        view! {
            <div class="brand">
                <h1>{tr(|l| td_string!(l, app_title))}</h1>
                <p class="lead">{tr(|l| td_string!(l, app_lead))}</p>
            </div>
        }
    });
    view! {
        <header class="top">
            {brand}
            // At once: drawn later, it would push the page down (a layout shift).
            <Toolbar />
            // The share panel (crate::deferred) mounts here once loaded.
            <div id="panel-root" class="panel-root"></div>
        </header>
        <NoticeList />
        // "Update to the current model", drawn by the deferred module (`crate::deferred::model_update`).
        <div id="model-update-root" class="notices" aria-live="polite"></div>
        <main class="layout">
            <div class="col-inputs">
                <h2 class="visually-hidden">{tr(|l| td_string!(l, inputs_title))}</h2>
                <Show when=later><InputForm /></Show>
            </div>
            <div class="col-results">
                // The printed summary's header and QR code: drawn by the deferred module
                // (`crate::deferred::print`).
                <div id="print-header-root" class="print-only"></div>
                <Results />
            </div>
        </main>
        <footer class="disclaimer">
            <Show when=later>
                <AddressSync />
                <p>{tr(|l| td_string!(l, disclaimer))}</p>
                <p>{move || state.facility.with(|f| tf!(i18n.get_locale(), footer_facility, name = local(i18n.get_locale(), &f.name)))}</p>
            </Show>
        </footer>
    }
}

/// Keeps the address's link and the page's state for the deferred module in step with the
/// scenario (`sync_link_with_address`), from the step after the headline: its first run
/// encodes the link, whose code would otherwise be compiled in the task that draws the page's
/// frame (the longest of start-up). Draws nothing.
#[component]
fn AddressSync() -> impl IntoView {
    sync_link_with_address(expect_context::<AppState>(), expect_context::<Notices>());
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
        prefs::save_locale(next);
        i18n.set_locale(next);
    };
    // What is wrong with a rate as typed, shown next to it; the rate in use stays.
    let cny_error = RwSignal::new(None::<Problem>);
    let eur_error = RwSignal::new(None::<Problem>);
    let set_rate = move |cny: bool, text: String| {
        let parsed = Prefs::parse_rate(&text);
        (if cny { cny_error } else { eur_error }).set(parsed.as_ref().err().cloned());
        if let Ok(v) = parsed {
            state.prefs.update(|p| if cny { p.cny_per_usd = v } else { p.eur_per_usd = v });
        }
    };
    let error_text = move |error: RwSignal<Option<Problem>>| {
        move || error.with(|e| e.as_ref().map(|p| problem_text(i18n.get_locale(), p)))
    };
    let invalid = move |error: RwSignal<Option<Problem>>| move || error.with(|e| e.is_some()).to_string();
    view! {
        <nav class="toolbar" aria-label=move || td_string!(i18n.get_locale(), toolbar_label).to_string()>
            <button type="button" id="lang-switch" on:click=switch_lang
                lang=move || if i18n.get_locale() == Locale::en { "zh-CN" } else { "en" }>
                {tr(|l| td_string!(l, lang_switch))}
            </button>
            <label for="currency">{tr(|l| td_string!(l, currency_label))}</label>
            <select id="currency" prop:value=move || state.prefs.with(|p| p.currency.code())
                on:change=move |ev| {
                    if let Some(c) = Currency::from_code(&event_target_value(&ev)) {
                        prefs::save_currency(c);
                        state.prefs.update(|p| p.currency = c);
                    }
                }>
                {Currency::ALL.into_iter().map(|c| view! { <option value=c.code()>{c.code()}</option> }).collect_view()}
            </select>
            <label for="rate-cny">{tr(|l| td_string!(l, rate_cny))}</label>
            <input id="rate-cny" class="small" type="text" inputmode="decimal"
                aria-invalid=invalid(cny_error) aria-describedby="rate-cny-err"
                prop:value=move || format_short(state.prefs.with(|p| p.cny_per_usd))
                on:change=move |ev| set_rate(true, event_target_value(&ev)) />
            <span id="rate-cny-err" class="error" aria-live="polite">{error_text(cny_error)}</span>
            <label for="rate-eur">{tr(|l| td_string!(l, rate_eur))}</label>
            <input id="rate-eur" class="small" type="text" inputmode="decimal"
                aria-invalid=invalid(eur_error) aria-describedby="rate-eur-err"
                prop:value=move || format_short(state.prefs.with(|p| p.eur_per_usd))
                on:change=move |ev| set_rate(false, event_target_value(&ev)) />
            <span id="rate-eur-err" class="error" aria-live="polite">{error_text(eur_error)}</span>
            <button type="button" id="reset-all" on:click=move |_| state.reset_all()>{tr(|l| td_string!(l, btn_reset_all))}</button>
            // In a task of its own: after the deferred module's, which redraws what it draws
            // from the page's links a task after an edit (`deferred::Shared::link_later`).
            <button type="button" id="print" on:click=move |_| set_timeout(|| {
                if let Some(w) = web_sys::window() { let _ = w.print(); }
            }, std::time::Duration::ZERO)>{tr(|l| td_string!(l, btn_print))}</button>
        </nav>
    }
}
