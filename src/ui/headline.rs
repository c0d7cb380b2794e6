//! The headline figures, at once. The detailed sections below them come with the deferred
//! module (`crate::deferred`), loaded after this first result: they are about half of the
//! page's code, and the first result does not need them.

use crate::i18n::*;
use crate::ui::stage::Stage;
use crate::ui::state::AppState;
use leptos::prelude::*;
use ttc_text::results::headline::headline_figures;
use ttc_text::results::Ctx;
use wasm_bindgen::JsCast;

/// The results area: the headline figures, and the place the deferred module draws the
/// detailed sections in.
#[component]
pub fn Results() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let stale = move || state.shown.with(|s| s.stale);
    // A memo: the headline is drawn once when its step comes, not again at every later step.
    let drawn = Memo::new({
        let reached = use_context::<Stage>().unwrap_or_else(Stage::done).reached(Stage::HEADLINE);
        move |_| reached()
    });
    let body = move || {
        if !drawn.get() {
            return ().into_any();
        }
        let locale = i18n.get_locale();
        let prefs = state.prefs.get();
        let (Some(e), Some(s), Some(f)) =
            state.shown.with(|x| (x.estimate.clone(), x.inputs.clone(), x.facility.clone()))
        else {
            return view! {
                <p class="stale-banner" role="status">{td_string!(locale, no_result)} " " {go_to_invalid(locale)}</p>
            }
            .into_any();
        };
        let c = Ctx { e: &e, s: &s, f: &f, locale, prefs };
        headline(&c, td_string!(locale, how_computed)).into_any()
    };
    view! {
        <section class="results" aria-labelledby="results-title" class:stale=stale>
            <h2 id="results-title" class="visually-hidden">{tr(|l| td_string!(l, results_title))}</h2>
            // Only over results: with none yet, the banner below says so (not both).
            <Show when=move || stale() && state.shown.with(|x| x.estimate.is_some())>
                <p class="stale-banner" role="status">
                    {tr(|l| td_string!(l, stale_banner))} " " {move || go_to_invalid(i18n.get_locale())}
                </p>
            </Show>
            {body}
            <div id="result-details"></div>
        </section>
    }
}

/// A button that takes the reader to the first input marked invalid: a link can bring a value
/// out of range in a section far down the form (or on a phone below the results). Before the
/// form has drawn it, the button scrolls to the form, which draws the rest as it comes near.
fn go_to_invalid(locale: Locale) -> impl IntoView {
    let go = |_| {
        let Some(d) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let first = d.query_selector(".col-inputs [aria-invalid=\"true\"]").ok().flatten();
        match first.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
            // Focus scrolls it into view.
            Some(input) => drop(input.focus()),
            None => {
                if let Ok(Some(form)) = d.query_selector(".col-inputs") {
                    form.scroll_into_view();
                }
            }
        }
    };
    view! { <button type="button" class="go-to-invalid" on:click=go>{td_string!(locale, btn_go_to_invalid)}</button> }
}

fn headline(c: &Ctx, how_label: &'static str) -> impl IntoView {
    let figures = headline_figures(c)
        .into_iter()
        .map(|f| {
            view! {
                <div class=format!("figure fit-{}", f.class) id=f.id>
                    <span class="figure-label">{f.label}</span>
                    <span class="figure-value">{f.value}</span>
                    <details class="how"><summary>{how_label}</summary><p>{f.how}</p></details>
                </div>
            }
        })
        .collect_view();
    view! { <div class="headline">{figures}</div> }
}
