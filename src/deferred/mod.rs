//! What the page draws after its first result: the detailed result sections (tables, charts,
//! facility fit) below the headline, and the share panel (copy link and QR code, scenario
//! files in JSON and CSV, saved scenarios and their comparison).
//!
//! A second WebAssembly module (`src/bin/deferred.rs`), loaded by the page after its first
//! result (`ui::address::load_deferred_module`). Its views, a JSON parser and a QR encoder are
//! more than half of the code, and the first result does not need them: keeping them out of
//! the page keeps its first load small. It learns the scenario, the shown results, language
//! and currency from the page, and opens a scenario in the page, through `crate::handover`.

pub mod charts;
pub mod compare;
mod details;
pub mod examples;
pub mod form;
pub mod model_update;
pub mod print;
pub mod render;
pub mod saved;
pub mod share;
mod shared;
mod style;
pub mod summary;
pub mod tools;

pub use details::Details;
pub use shared::{open_in_page, PanelNotice, Shared};

use crate::handover::{self, DRAWN_EVENT, STATE_EVENT};
use crate::i18n::*;
use crate::ui::state::AppState;
use leptos::prelude::*;
use ttc_text::results::DETAIL_SECTIONS;
use wasm_bindgen::JsCast;

/// Where the deferred module draws, in places the page leaves empty for it.
#[derive(Clone, Copy, PartialEq)]
enum Part {
    Details,
    Panel,
    /// The printed summary's header, with the QR code of the link.
    PrintHeader,
    /// The program plan, the seed train's rules and the rate card in the page's form.
    Plan,
    SeedRules,
    /// Additions, headroom, the culture and the dose, in the page's production section.
    ProductionModel,
    /// The downstream section of the page's form.
    Downstream,
    Rates,
    /// "Update to the current model", under the page's notices.
    ModelUpdate,
}

/// The module's entry point: mounts the detailed results into `#result-details`, the share
/// panel into `#panel-root` and "Update to the current model" into `#model-update-root`; the
/// printed summary's header (with the link's QR code) into `#print-header-root` when the page
/// is first printed; then,
/// once the page's form is near the screen, the program plan, the seed train's rules and the
/// rate card into `#plan-root`, `#seed-rules-root` and `#rates-root` of the page's form, the
/// production run's model into `#production-model-root` and the downstream section into
/// `#downstream-root`.
pub fn start() {
    style::add_styles();
    let shared = Shared::new();
    shared.read_page_state();
    shared.follow_later();
    // The page's state is read at once; what is drawn from its links follows in a task of
    // its own (`Shared::link_later`), once for all the states published before that task.
    let pending = StoredValue::new(false);
    let listener = window_event_listener_untyped(STATE_EVENT, move |_| {
        shared.read_page_state();
        if pending.try_update_value(|p| std::mem::replace(p, true)) == Some(false) {
            set_timeout(
                move || {
                    pending.set_value(false);
                    shared.follow_later();
                },
                std::time::Duration::ZERO,
            );
        }
    });
    // It listens as long as the page lives.
    std::mem::forget(listener);
    draw_print_header_when_printing(shared);
    // One part per task, details first: several short main-thread tasks instead of one long
    // one keep the page responsive to input while this module starts (total blocking time).
    let at_once = [Part::Details, Part::Panel, Part::ModelUpdate];
    mount_one_per_task(shared, &at_once);
    // The form's sections when the form comes near the screen: on a desktop once the detailed
    // sections are drawn (the form sits beside the results), on a phone only once the reader
    // scrolls toward it, below several screens of results, instead of five tasks of 50 to 100
    // ms (CPU slowed 4x) while the page loads. ARCHITECTURE.md, "Start-up in short tasks".
    // Once drawn, the service worker may be registered (`DRAWN_EVENT`).
    when_drawn(shared, move |form| {
        handover::window::fire(DRAWN_EVENT);
        when_form_near(form, move || {
            mount_one_per_task(
                shared,
                &[Part::Plan, Part::SeedRules, Part::ProductionModel, Part::Downstream, Part::Rates],
            )
        });
    });
}

/// Draws the printed summary's header (with its QR code) when the page is about to be printed,
/// and keeps it after: on screen it is never seen, and drawn at start-up it was a task of 50-75
/// ms with the CPU slowed 4x, its QR code and key assumptions worked out again at every edit.
/// `beforeprint` comes before the print's layout (Ctrl+P, the Print button, a browser's menu),
/// and the header is drawn within it, from the scenario on screen (`form::form_state` starts
/// there). The Print button prints a task after the last edit's redraw (`crate::app`), and
/// with Ctrl+P the effects of [`Shared::follow_later`] run before the print's layout. Print
/// media emulated (developer tools, the tests) brings the header a moment later.
fn draw_print_header_when_printing(shared: Shared) {
    let drawn = StoredValue::new(false);
    let draw = move || {
        if !drawn.get_value() {
            drawn.set_value(true);
            mount(shared, Part::PrintHeader);
        }
    };
    std::mem::forget(window_event_listener_untyped("beforeprint", move |_| {
        shared.follow_later();
        draw();
    }));
    let Some(print) = web_sys::window().and_then(|w| w.match_media("print").ok().flatten()) else { return };
    let media = print.clone();
    let changed = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
        if media.matches() {
            draw();
        }
    });
    let _ = print.add_event_listener_with_callback("change", changed.as_ref().unchecked_ref());
    // Both live as long as the page.
    changed.forget();
    std::mem::forget(print);
}

fn mount_one_per_task(shared: Shared, parts: &[Part]) {
    for (i, &part) in parts.iter().enumerate() {
        set_timeout(move || mount(shared, part), std::time::Duration::from_millis(10 * i as u64));
    }
}

/// How near the viewport the page's form must come for its sections to be drawn: a screen and a
/// half above or below it, so that they are drawn before they are seen.
const FORM_NEAR: &str = "150% 0px";

/// Runs `then` with the page's form (`form.inputs`) once the page has drawn it and this module
/// its detailed sections (which push the form down on a phone: before them the form is near).
/// Until then it looks again every 100 ms.
fn when_drawn(shared: Shared, then: impl FnOnce(web_sys::Element) + 'static) {
    let details_drawn = shared.details_drawn.try_get_untracked().is_some_and(|n| n >= DETAIL_SECTIONS.len());
    let form = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("form.inputs").ok().flatten());
    match (details_drawn, form) {
        (true, Some(form)) => then(form),
        _ => set_timeout(move || when_drawn(shared, then), std::time::Duration::from_millis(100)),
    }
}

/// Runs `then` once, when `form` is within [`FORM_NEAR`] of the viewport; at once where there
/// is no `IntersectionObserver`.
fn when_form_near(form: web_sys::Element, then: impl Fn() + Copy + 'static) {
    let mut done = false;
    let seen = wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>::new(
        move |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
            let near = entries
                .iter()
                .any(|e| e.unchecked_into::<web_sys::IntersectionObserverEntry>().is_intersecting());
            if near && !done {
                done = true;
                observer.disconnect();
                then();
            }
        },
    );
    let options = web_sys::IntersectionObserverInit::new();
    options.set_root_margin(FORM_NEAR);
    match web_sys::IntersectionObserver::new_with_options(seen.as_ref().unchecked_ref(), &options) {
        Ok(observer) => {
            observer.observe(&form);
            // Both are kept for the page's lifetime (the observer disconnects itself once it
            // has called back), rather than relying on the browser keeping an observer alive
            // through its target alone.
            std::mem::forget(observer);
            seen.forget();
        }
        Err(_) => then(),
    }
}

thread_local! {
    /// The form sections' state, shared by the parts that show the scenario (plan, rates,
    /// print header); made at the first of them, once mounting has set up the executor its
    /// effects run on.
    static FORM: std::cell::OnceCell<AppState> = const { std::cell::OnceCell::new() };
}

fn form_state(shared: Shared) -> AppState {
    FORM.with(|f| *f.get_or_init(|| form::form_state(shared)))
}

fn mount(shared: Shared, part: Part) {
    let id = match part {
        Part::Details => "result-details",
        Part::Panel => "panel-root",
        Part::PrintHeader => "print-header-root",
        Part::Plan => "plan-root",
        Part::SeedRules => "seed-rules-root",
        Part::ProductionModel => "production-model-root",
        Part::Downstream => "downstream-root",
        Part::Rates => "rates-root",
        Part::ModelUpdate => "model-update-root",
    };
    let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)) else {
        // The page draws its form a few tasks after its headline (`ui::stage`), later still in
        // a tab opened in the background: try again until the place is there.
        if part != Part::Details && part != Part::Panel {
            set_timeout(move || mount(shared, part), std::time::Duration::from_millis(100));
        }
        return;
    };
    let handle = leptos::mount::mount_to(el.unchecked_into(), move || {
        provide_i18n_signal(shared.locale);
        provide_context(shared);
        match part {
            Part::Details => view! { <Details /> }.into_any(),
            Part::Panel => {
                share::accept_dropped_files(shared);
                view! { <share::PanelApp /> }.into_any()
            }
            Part::PrintHeader => {
                provide_context(form_state(shared));
                view! { <print::PrintHeader /> }.into_any()
            }
            Part::Plan => {
                provide_context(form_state(shared));
                view! { <form::PlanSection /> }.into_any()
            }
            Part::SeedRules => {
                provide_context(form_state(shared));
                view! { <form::SeedRulesSection /> }.into_any()
            }
            Part::ProductionModel => {
                provide_context(form_state(shared));
                view! { <form::ProductionModelSection /> }.into_any()
            }
            Part::Downstream => {
                provide_context(form_state(shared));
                view! { <form::DownstreamSection /> }.into_any()
            }
            Part::Rates => {
                provide_context(form_state(shared));
                view! { <form::RatesSection /> }.into_any()
            }
            Part::ModelUpdate => view! { <model_update::ModelUpdateNotice /> }.into_any(),
        }
    });
    // Mounted for the page's lifetime.
    handle.forget();
}
