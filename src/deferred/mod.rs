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
pub mod examples;
pub mod form;
pub mod model_update;
pub mod print;
pub mod render;
pub mod saved;
pub mod share;
mod style;
pub mod summary;
pub mod tools;

use crate::deferred::render::render_section;
use crate::handover::{self, OpenRequest, STATE_EVENT};
use crate::i18n::*;
use crate::model::link;
use crate::model::{estimate, Estimate, FacilityProfile, Scenario};
use crate::steps::step_per_task;
use crate::ui::state::AppState;
use leptos::prelude::*;
use std::sync::Arc;
use ttc_text::format::Prefs;
use ttc_text::results::{Ctx, DETAIL_SECTIONS};
use wasm_bindgen::JsCast;

/// What the panel tells the user, inside the panel.
#[derive(Clone, Debug, PartialEq)]
pub enum PanelNotice {
    Imported {
        file: String,
        unknown: Vec<String>,
    },
    ImportFailed {
        file: String,
        reason: String,
    },
    /// Saved scenarios that could not be read were set aside under [`saved::RECOVERED_KEY`].
    SavedCorrupt {
        raw: String,
    },
    StorageUnavailable,
    /// A published example was opened: its name and its sources.
    ExampleOpened {
        name: String,
        sources: String,
    },
}

/// The page's state as the panel sees it.
#[derive(Clone, Copy)]
pub struct Shared {
    /// The link text of the scenario on the page.
    pub link: RwSignal<String>,
    pub prefs: RwSignal<Prefs>,
    pub locale: RwSignal<Locale>,
    pub notices: RwSignal<Vec<PanelNotice>>,
    /// The link of the results the page shows (the last valid inputs), empty before any.
    pub shown: RwSignal<String>,
    /// [`Shared::link`] and [`Shared::shown`] a task later, for what is drawn from them: the
    /// detailed sections (`Details`), the QR codes and the update offer. After an edit the
    /// browser paints the page's headline before they are redrawn, one frame later at most,
    /// instead of after both (`make bench` (b)). What the user saves, copies or exports, the
    /// model update's button and this module's form follow the page at once, and a printout
    /// brings these up to date first.
    pub link_later: RwSignal<String>,
    pub shown_later: RwSignal<String>,
    /// The page's field-text generation (`PageState::generation`).
    pub generation: RwSignal<u32>,
    /// How many of the detailed sections are drawn, one more per task at start-up (`Details`).
    pub details_drawn: RwSignal<usize>,
}

impl Shared {
    pub fn new() -> Self {
        Self {
            link: RwSignal::new(String::new()),
            prefs: RwSignal::new(Prefs::default()),
            locale: RwSignal::new(Locale::en),
            notices: RwSignal::new(Vec::new()),
            shown: RwSignal::new(String::new()),
            link_later: RwSignal::new(String::new()),
            shown_later: RwSignal::new(String::new()),
            generation: RwSignal::new(0),
            details_drawn: RwSignal::new(0),
        }
    }

    pub fn notify(&self, n: PanelNotice) {
        self.notices.update(|v| {
            v.retain(|x| std::mem::discriminant(x) != std::mem::discriminant(&n));
            v.push(n);
        });
    }

    /// Reads the page's state (`crate::handover`).
    fn read_page_state(&self) {
        let Some(page) = handover::window::read_state() else { return };
        // Only what changed is set, so that an edit redraws the details and the QR code but
        // not the comparison or the saved list.
        set_if_changed(self.locale, page.locale);
        set_if_changed(self.prefs, page.prefs);
        set_if_changed(self.link, page.link);
        set_if_changed(self.shown, page.shown_link);
        set_if_changed(self.generation, page.generation);
    }

    /// Brings [`Shared::link_later`] and [`Shared::shown_later`] up to the page's links.
    fn follow_later(&self) {
        if let (Some(link), Some(shown)) = (self.link.try_get_untracked(), self.shown.try_get_untracked()) {
            set_if_changed(self.link_later, link);
            set_if_changed(self.shown_later, shown);
        }
    }
}

fn set_if_changed<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
    if signal.with_untracked(|v| *v != value) {
        signal.set(value);
    }
}

impl Default for Shared {
    fn default() -> Self {
        Self::new()
    }
}

/// Opens a scenario's link in the page (which keeps the previous one to go back to).
pub fn open_in_page(link_text: &str) {
    handover::window::request_open(&OpenRequest { link: link_text.to_string() });
}

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
    when_form_near(shared, move || {
        mount_one_per_task(
            shared,
            &[Part::Plan, Part::SeedRules, Part::ProductionModel, Part::Downstream, Part::Rates],
        )
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

/// Runs `then` once, when the page's form (`form.inputs`) is within [`FORM_NEAR`] of the
/// viewport; at once where there is no `IntersectionObserver`. It starts watching once the page
/// has drawn the form and this module its detailed sections, which push the form down on a
/// phone (before them the form is near): until then it looks again every 100 ms.
fn when_form_near(shared: Shared, then: impl Fn() + Copy + 'static) {
    let details_drawn = shared.details_drawn.try_get_untracked().is_some_and(|n| n >= DETAIL_SECTIONS.len());
    let form = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("form.inputs").ok().flatten());
    let (true, Some(form)) = (details_drawn, form) else {
        set_timeout(move || when_form_near(shared, then), std::time::Duration::from_millis(100));
        return;
    };
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

/// The results the page shows, as the detailed sections need them.
#[derive(PartialEq)]
struct Opened {
    estimate: Estimate,
    scenario: Scenario,
    facility: FacilityProfile,
}

/// The detailed result sections of the results the page shows. At start-up the estimate is
/// made in one task and one section is drawn per task after it, so that no task blocks input
/// for long on a slow phone; after that an edit redraws them all at once (a few milliseconds).
#[component]
pub fn Details() -> impl IntoView {
    let shared = expect_context::<Shared>();
    let opened = Memo::new(move |_| {
        let link = link::decode(&shared.shown_later.get()).ok()?;
        let facility = FacilityProfile::priced_with(&link.facility_profile).0;
        let estimate = estimate(&link.scenario, &facility).ok()?;
        Some(Arc::new(Opened { estimate, scenario: link.scenario, facility }))
    });
    // The estimate in this task, the first section in the next: together they were the
    // longest task of the module's start (its code is compiled at its first call).
    opened.with_untracked(|_| ());
    let drawn = shared.details_drawn;
    step_per_task(drawn, DETAIL_SECTIONS.len());
    DETAIL_SECTIONS
        .into_iter()
        .enumerate()
        .map(|(i, build)| {
            // Its own memo, so that a section redraws once when its turn comes, not again at
            // every later section's turn.
            let ready = Memo::new(move |_| drawn.get() > i);
            move || {
                if !ready.get() {
                    return None;
                }
                let o = opened.get()?;
                let c = Ctx {
                    e: &o.estimate,
                    s: &o.scenario,
                    f: &o.facility,
                    locale: shared.locale.get(),
                    prefs: shared.prefs.get(),
                };
                Some(render_section(build, &c))
            }
        })
        .collect_view()
}
