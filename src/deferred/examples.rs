//! The published examples (`ttc_model::examples`): each with what it takes from its
//! publications, its citations and a button that opens it in the page (which keeps the
//! scenario it replaces, to go back to). Drawn by the deferred module under the share panel.

use crate::deferred::{open_in_page, PanelNotice, Shared};
use crate::i18n::tr;
use crate::i18n::*;
use crate::model::examples::{published_examples, PublishedExample};
use crate::model::{link, FacilityProfile};
use leptos::prelude::*;
use ttc_text::labels::local;

/// Opens `example` in the page, named in the reader's language, priced with the current rate
/// card, and says so with its sources.
fn open(shared: Shared, example: &PublishedExample) {
    let l = shared.locale.get_untracked();
    let mut scenario = example.scenario.clone();
    scenario.name = local(l, &example.name).to_string();
    open_in_page(&link::encode(&scenario, &FacilityProfile::current().id));
    let sources = example.citations.iter().map(|c| c.text).collect::<Vec<_>>().join("; ");
    shared.notify(PanelNotice::ExampleOpened { name: scenario.name, sources });
}

#[component]
pub fn PublishedExamples() -> impl IntoView {
    let shared = expect_context::<Shared>();
    let l = move || shared.locale.get();
    let examples = published_examples(&FacilityProfile::current());
    let items = examples
        .into_iter()
        .map(|x| {
            let x = StoredValue::new(x);
            let id = x.with_value(|x| x.id);
            let heading = format!("example-{id}");
            let citations = x.with_value(|x| {
                x.citations
                    .iter()
                    .map(|c| {
                        view! {
                            <li>
                                {c.text}". "
                                <a href=c.url rel="noopener noreferrer" target="_blank">
                                    {c.url}<span class="visually-hidden">{tr(|l| td_string!(l, opens_new_tab))}</span>
                                </a>
                            </li>
                        }
                    })
                    .collect_view()
            });
            view! {
                <li class="example">
                    <h3 id=heading.clone()>{move || x.with_value(|x| local(l(), &x.name).to_string())}</h3>
                    <p>{move || x.with_value(|x| local(l(), &x.basis).to_string())}</p>
                    <p class="sources-label">{tr(|l| td_string!(l, example_sources))}</p>
                    <ul class="citations" lang="en">{citations}</ul>
                    <button type="button" id=format!("open-example-{id}") aria-describedby=heading
                        on:click=move |_| x.with_value(|x| open(shared, x))>
                        {tr(|l| td_string!(l, btn_open_example))}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <details class="share examples" id="examples">
            <summary>{tr(|l| td_string!(l, examples_title))}</summary>
            <div class="examples-body">
                <p class="note">{tr(|l| td_string!(l, examples_note))}</p>
                <ul class="example-list">{items}</ul>
            </div>
        </details>
    }
}
