//! The scenario in the address bar, notices about what was opened, and the hand-over to the
//! deferred module (`crate::deferred`: detailed results, share panel), which loads after the
//! first result.
//!
//! The scenario lives in the URL fragment, which browsers never send to a server. The page
//! rewrites it as the user edits (replacing the history entry, never scrolling) and reads it
//! when the page opens or the fragment changes.
//!
//! The page and the deferred module are two WebAssembly modules; what passes between them is
//! defined in `crate::handover`.

use crate::handover::{
    self, PageState, APPLY_UPDATE_EVENT, EDIT_EVENT, FORM_UNPARSED_EVENT, OPEN_EVENT, UPDATE_READY_EVENT,
};
use crate::i18n::*;
use crate::model::facility::{Bilingual, FacilityProfile, RateCardFound};
use crate::model::link::{self, Link, LinkError};
use ttc_text::labels::local;
use ttc_text::messages::link_error_text;

use crate::ui::state::AppState;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsValue;

/// Something the user should know about what the page opened, shown above the results until
/// dismissed.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// The address's link could not be read; the default scenario is open and `raw` is kept.
    BrokenLink { raw: String, error: LinkError },
    /// Priced with an older built-in rate card (its name and the current one's); one click
    /// re-prices with the current one.
    OldRateCard { quoted: Bilingual, current: Bilingual },
    /// Priced with a rate card this build does not have; current prices are shown.
    UnknownRateCard { id: String },
    /// Another scenario (saved, or from a file) replaced the one on screen; `previous` is its
    /// link, to go back.
    Replaced { previous: String },
    /// A new release is installed and waits for a reload.
    UpdateReady,
    /// The deferred module (detailed results, share panel) could not be loaded.
    DeferredFailed,
}

/// The notices on screen, newest last.
#[derive(Clone, Copy)]
pub struct Notices(pub RwSignal<Vec<Notice>>);

impl Notices {
    pub fn push(&self, n: Notice) {
        self.0.update(|v| {
            v.retain(|x| std::mem::discriminant(x) != std::mem::discriminant(&n));
            v.push(n);
        });
    }

    /// Drops what was said about the previously opened link: it no longer applies.
    fn remove_link_notices(&self) {
        self.0.update(|v| {
            v.retain(|n| {
                !matches!(
                    n,
                    Notice::BrokenLink { .. } | Notice::OldRateCard { .. } | Notice::UnknownRateCard { .. }
                )
            })
        });
    }
}

/// The page's address without its fragment.
pub fn page_url() -> String {
    let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

fn current_hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// The link text of what is on screen.
pub fn current_link(state: &AppState) -> String {
    state.scenario.with(|s| state.facility.with(|f| link::encode(s, &f.id)))
}

/// Puts an opened link's scenario on screen, priced with the rate card it names when this
/// build has it (saying so when it is not the current one).
pub fn apply_link(state: &AppState, notices: Notices, opened: Link, profiles: &[FacilityProfile]) {
    notices.remove_link_notices();
    let (facility, found) = FacilityProfile::priced_with_among(profiles, &opened.facility_profile);
    match found {
        RateCardFound::Current => {}
        RateCardFound::Older => notices.push(Notice::OldRateCard {
            quoted: facility.name.clone(),
            current: state.current_facility.with_value(|f| f.name.clone()),
        }),
        RateCardFound::Unknown => {
            notices.push(Notice::UnknownRateCard { id: opened.facility_profile.clone() })
        }
    }
    state.facility.set(facility);
    state.scenario.set(opened.scenario);
    state.unparsed.set(Default::default());
    state.reset_generation.update(|g| *g += 1);
}

/// Applies an edit made in the deferred module (its form sections, or "Update to the current
/// model"): its scenario and rate card, as they are. A link that cannot be read changes
/// nothing.
fn apply_edit(state: &AppState, notices: Notices, raw: &str) {
    let Ok(edited) = link::decode(raw) else { return };
    if state.facility.with_untracked(|f| f.id != edited.facility_profile) {
        let (facility, found) = FacilityProfile::priced_with(&edited.facility_profile);
        if found == RateCardFound::Current {
            // Re-priced with today's card: the note about the older one no longer applies.
            notices.0.update(|v| v.retain(|n| !matches!(n, Notice::OldRateCard { .. })));
        }
        state.facility.set(facility);
    }
    if state.scenario.with_untracked(|s| *s != edited.scenario) {
        state.scenario.set(edited.scenario);
    }
}

/// Opens a link's text: the scenario, or the default one and a notice that keeps the text.
pub fn open_link_text(state: &AppState, notices: Notices, raw: &str) {
    match link::decode(raw) {
        Ok(opened) => apply_link(state, notices, opened, FacilityProfile::builtin()),
        Err(error) => {
            notices.remove_link_notices();
            state.facility.set(state.current_facility.get_value());
            state.reset_all();
            notices.push(Notice::BrokenLink { raw: raw.trim_start_matches('#').to_string(), error });
        }
    }
}

/// Opens the address's link, if it has one: before the page is drawn, so that the first
/// result is the link's.
pub fn open_address_link(state: AppState, notices: Notices) {
    let hash = current_hash();
    if hash.len() > 1 {
        open_link_text(&state, notices, &hash);
    }
}

/// Reads the address's link whenever the fragment changes (`open_address_link` read it
/// first), keeps the fragment equal to the scenario on screen, and keeps the deferred module
/// informed.
pub fn sync_link_with_address(state: AppState, notices: Notices) {
    // The user pasted another link into the address bar of this page.
    let on_hash = window_event_listener(leptos::ev::hashchange, move |_| {
        let hash = current_hash();
        if hash.len() > 1 && hash.trim_start_matches('#') != current_link(&state) {
            open_link_text(&state, notices, &hash);
        }
    });
    // The share panel opens a saved scenario or a file.
    let on_open = window_event_listener_untyped(OPEN_EVENT, move |_| {
        if let Some(request) = handover::window::read_open_request() {
            let previous = current_link(&state);
            open_link_text(&state, notices, &request.link);
            notices.push(Notice::Replaced { previous });
        }
    });
    // The deferred module's form sections edit the scenario.
    let on_edit = window_event_listener_untyped(EDIT_EVENT, move |_| {
        if let Some(request) = handover::window::read_edit_request() {
            apply_edit(&state, notices, &request.link);
        }
    });
    // A field of the deferred module's form holds text that is no value (or no longer does).
    let on_form_unparsed = window_event_listener_untyped(FORM_UNPARSED_EVENT, move |_| {
        state.set_unparsed("deferred form", handover::window::form_unparsed());
    });
    // A new release is installed (pwa/register.js).
    if handover::window::update_ready() {
        notices.push(Notice::UpdateReady);
    }
    let on_update =
        window_event_listener_untyped(UPDATE_READY_EVENT, move |_| notices.push(Notice::UpdateReady));
    on_cleanup(move || {
        on_hash.remove();
        on_open.remove();
        on_edit.remove();
        on_form_unparsed.remove();
        on_update.remove();
    });
    let i18n = use_i18n();
    // Rewriting the address at most every 300 ms: some browsers refuse more than 100 history
    // changes in 30 s. The first run only informs the deferred module, so a broken link stays in the
    // address until the user changes something.
    let pending = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |first: Option<()>| {
        let text = current_link(&state);
        let shown_link = state.shown.with(|x| match (&x.inputs, &x.facility) {
            (Some(s), Some(f)) => link::encode(s, &f.id),
            _ => String::new(),
        });
        handover::window::publish_state(&PageState {
            locale: i18n.get_locale(),
            prefs: state.prefs.get(),
            link: text.clone(),
            shown_link,
            generation: state.reset_generation.get(),
        });
        if first.is_none() {
            return;
        }
        if let Some(Some(h)) = pending.try_get_value() {
            h.clear();
        }
        let write = move || {
            if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
                let url = format!("{}#{text}", page_url());
                let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
            }
        };
        pending.set_value(set_timeout_with_handle(write, Duration::from_millis(300)).ok());
    });
    // Component tests mount and unmount the page many times in one document.
    on_cleanup(move || {
        if let Some(Some(h)) = pending.try_get_value() {
            h.clear();
        }
    });
}

/// Loads the deferred module (`src/bin/deferred.rs`: detailed results, share panel) once the
/// first result is on screen. Its loader's content-hashed name is in `<meta name="ttc-deferred">`,
/// written by `scripts/post-build.sh`; there is none in component tests.
pub fn load_deferred_module(notices: Notices) {
    set_timeout(
        move || {
            // Without it the page still works, but the user must know what is missing.
            crate::loader::load_module("ttc-deferred", move || notices.push(Notice::DeferredFailed));
        },
        Duration::from_millis(200),
    );
}

/// Text kept for the user to copy: its label and the text.
type Kept = (&'static str, String);
/// An action button: its element id and label.
type Action = (&'static str, &'static str);

/// A notice as data: its class, text, text kept for the user to copy, and its action button.
/// One shape for every notice keeps the page's code small.
fn notice_parts(l: Locale, n: &Notice) -> (&'static str, String, Option<Kept>, Option<Action>) {
    match n {
        Notice::BrokenLink { raw, error } => (
            "warn",
            tf!(l, notice_broken_link, reason = link_error_text(l, error)),
            Some((td_string!(l, kept_link_label), raw.clone())),
            None,
        ),
        Notice::OldRateCard { quoted, current } => (
            "info",
            tf!(l, notice_old_rate_card, quoted = local(l, quoted), current = local(l, current)),
            None,
            Some(("reprice", td_string!(l, btn_reprice))),
        ),
        Notice::UnknownRateCard { id } => ("warn", tf!(l, notice_unknown_rate_card, id = id), None, None),
        Notice::Replaced { .. } => (
            "info",
            td_string!(l, notice_replaced).to_string(),
            None,
            Some(("go-back", td_string!(l, btn_go_back))),
        ),
        Notice::DeferredFailed => ("warn", td_string!(l, notice_deferred_failed).to_string(), None, None),
        Notice::UpdateReady => (
            "info",
            td_string!(l, notice_update_ready).to_string(),
            None,
            Some(("apply-update", td_string!(l, btn_reload_update))),
        ),
    }
}

/// One notice: its text, text kept for the user to copy, an action button, and "Dismiss".
/// Shared with the deferred module's own notices.
pub fn notice_box(
    l: Locale,
    class: &'static str,
    text: String,
    kept: Option<(&'static str, String)>,
    action: Option<AnyView>,
    dismiss: impl Fn() + 'static,
) -> impl IntoView {
    view! {
        <div class=format!("notice {class}") role="status">
            <p>{text}</p>
            {kept.map(|(label, text)| view! {
                <label class="kept">
                    <span>{label}</span>
                    <textarea readonly rows="3" spellcheck="false">{text}</textarea>
                </label>
            })}
            {action}
            <button type="button" class="dismiss" on:click=move |_| dismiss()>{td_string!(l, btn_dismiss)}</button>
        </div>
    }
}

/// The notices, above the results.
#[component]
pub fn NoticeList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let notices = expect_context::<Notices>();
    let i18n = use_i18n();
    let act = move |n: &Notice| {
        notices.0.update(|v| v.retain(|x| x != n));
        match n {
            Notice::OldRateCard { .. } => state.facility.set(state.current_facility.get_value()),
            Notice::Replaced { previous } => open_link_text(&state, notices, previous),
            Notice::UpdateReady => handover::window::fire(APPLY_UPDATE_EVENT),
            _ => {}
        }
    };
    view! {
        <div class="notices" aria-live="polite">
            {move || {
                let l = i18n.get_locale();
                notices
                    .0
                    .get()
                    .into_iter()
                    .map(|n| {
                        let (class, text, kept, action) = notice_parts(l, &n);
                        let n2 = n.clone();
                        let action = action.map(|(id, label)| {
                            view! { <button type="button" id=id on:click=move |_| act(&n2)>{label}</button> }.into_any()
                        });
                        notice_box(l, class, text, kept, action, move || notices.0.update(|v| v.retain(|x| *x != n)))
                    })
                    .collect_view()
            }}
        </div>
    }
}
