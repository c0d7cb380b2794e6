//! The headline figures, at once. The detailed sections below them come with the deferred
//! module (`crate::deferred`), loaded after this first result: they are about half of the
//! page's code, and the first result does not need them.

use crate::i18n::*;
use crate::ui::stage::Stage;
use crate::ui::state::AppState;
use leptos::prelude::*;
use ttc_text::results::headline::headline_figures;
use ttc_text::results::Ctx;

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
            return view! { <p class="stale-banner" role="status">{td_string!(locale, no_result)}</p> }
                .into_any();
        };
        let c = Ctx { e: &e, s: &s, f: &f, locale, prefs };
        headline(&c, td_string!(locale, how_computed)).into_any()
    };
    view! {
        <section class="results" aria-labelledby="results-title" class:stale=stale>
            <h2 id="results-title" class="visually-hidden">{tr(|l| td_string!(l, results_title))}</h2>
            <Show when=stale>
                <p class="stale-banner" role="status">{tr(|l| td_string!(l, stale_banner))}</p>
            </Show>
            {body}
            <div id="result-details"></div>
        </section>
    }
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
