//! Sharing and keeping scenarios: the link in the address bar, notices about what was opened,
//! the share panel (copy link, QR code, files) and the "new version" prompt.
//!
//! The scenario lives in the URL fragment, which browsers never send to a server. The page
//! rewrites it as the user edits (replacing the history entry, never scrolling) and reads it
//! when the page opens or the fragment changes.

use crate::i18n::*;
use crate::model::link::{self, Link, LinkError};
use crate::model::scenario_file::MAX_FILE_BYTES;
use crate::model::FacilityProfile;
use crate::ui::labels::{fill, tr};
use crate::ui::results::results_csv;
use crate::ui::saved::SavedScenarios;
use crate::ui::state::AppState;
use crate::ui::tools_client;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// Something the user should know about what the page opened or did, shown above the results
/// until dismissed.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// The address's link could not be read; the default scenario is open and `raw` is kept.
    BrokenLink {
        raw: String,
        error: LinkError,
    },
    /// Priced with an older built-in rate card (its name and the current one's); one click
    /// re-prices with the current one.
    OldRateCard {
        quoted: String,
        current: String,
    },
    /// Priced with a rate card this build does not have; current prices are shown.
    UnknownRateCard {
        id: String,
    },
    /// A scenario file was opened; `unknown` lists fields this version ignored.
    Imported {
        file: String,
        unknown: Vec<String>,
    },
    /// A file could not be opened: `kind \t details` from the tools worker.
    ImportFailed {
        file: String,
        reason: String,
    },
    /// Another scenario replaced the one on screen; `previous` is its link, to go back.
    Replaced {
        previous: String,
    },
    /// Saved scenarios that could not be read were set aside under [`RECOVERED_KEY`].
    SavedCorrupt {
        raw: String,
    },
    StorageUnavailable,
    /// A new release is installed and waits for a reload.
    UpdateReady,
}

pub const RECOVERED_KEY: &str = "ttc.saved.recovered";

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
}

/// The page's address without its fragment.
fn page_url() -> String {
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
    let current = profiles.last().cloned().unwrap_or_else(FacilityProfile::current);
    notices
        .0
        .update(|v| v.retain(|n| !matches!(n, Notice::OldRateCard { .. } | Notice::UnknownRateCard { .. })));
    let facility = match profiles.iter().find(|p| p.id == opened.facility_profile) {
        Some(p) => {
            if p.id != current.id {
                notices.push(Notice::OldRateCard { quoted: p.name.clone(), current: current.name.clone() });
            }
            p.clone()
        }
        None => {
            notices.push(Notice::UnknownRateCard { id: opened.facility_profile.clone() });
            current
        }
    };
    state.facility.set(facility);
    state.scenario.set(opened.scenario);
    state.unparsed.set(Default::default());
    state.reset_generation.update(|g| *g += 1);
}

/// Opens a link's text: the scenario, or the default one and a notice that keeps the text.
pub fn open_link_text(state: &AppState, notices: Notices, raw: &str) {
    match link::decode(raw) {
        Ok(opened) => apply_link(state, notices, opened, &FacilityProfile::builtin()),
        Err(error) => {
            state.facility.set(state.current_facility.get_value());
            state.scenario.set(state.defaults.get_value());
            notices.push(Notice::BrokenLink { raw: raw.trim_start_matches('#').to_string(), error });
        }
    }
}

/// Reads the address's link now and whenever the fragment changes, and keeps the fragment
/// equal to the scenario on screen.
pub fn sync_link_with_address(state: AppState, notices: Notices) {
    let hash = current_hash();
    if hash.len() > 1 {
        open_link_text(&state, notices, &hash);
    }
    // The user pasted another link into the address bar of this page.
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        let hash = current_hash();
        if hash.len() > 1 && hash.trim_start_matches('#') != current_link(&state) {
            open_link_text(&state, notices, &hash);
        }
    });
    on_cleanup(move || handle.remove());
    // Rewriting the address at most every 300 ms: some browsers refuse more than 100
    // history changes in 30 s. The first run is skipped, so a broken link stays in the address
    // until the user changes something.
    let pending = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |first: Option<()>| {
        let text = current_link(&state);
        if first.is_none() {
            return;
        }
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        let write = move || {
            if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
                let url = format!("{}#{text}", page_url());
                let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
            }
        };
        pending.set_value(set_timeout_with_handle(write, Duration::from_millis(300)).ok());
    });
    on_cleanup(move || clear_pending(pending));
}

/// Cancels a debounced write when the page's owner goes away (component tests mount and
/// unmount the app many times in one page).
fn clear_pending(pending: StoredValue<Option<TimeoutHandle>>) {
    if let Some(Some(h)) = pending.try_get_value() {
        h.clear();
    }
}

/// Listens for the service worker's "a new release is installed" (`pwa/register.js`).
pub fn watch_for_updates(notices: Notices) {
    let already = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"ttcUpdateReady".into()).ok())
        .is_some_and(|v| v.is_truthy());
    if already {
        notices.push(Notice::UpdateReady);
    }
    let handle =
        window_event_listener_untyped("ttc-update-ready", move |_| notices.push(Notice::UpdateReady));
    on_cleanup(move || handle.remove());
}

fn apply_update() {
    if let (Some(w), Ok(ev)) = (web_sys::window(), web_sys::Event::new("ttc-apply-update")) {
        let _ = w.dispatch_event(&ev);
    }
}

fn link_error_text(l: Locale, e: &LinkError) -> String {
    match e {
        LinkError::TooLong { chars, max } => {
            fill(td_string!(l, link_err_too_long), &[("chars", chars), ("max", max)])
        }
        LinkError::NotALink => td_string!(l, link_err_not_a_link).to_string(),
        LinkError::NewerVersion { version, .. } => {
            fill(td_string!(l, link_err_newer), &[("version", version)])
        }
        LinkError::Truncated => td_string!(l, link_err_truncated).to_string(),
        LinkError::ChecksumMismatch => td_string!(l, link_err_checksum).to_string(),
        LinkError::UnknownField { key } => fill(td_string!(l, link_err_unknown_field), &[("key", key)]),
        LinkError::BadValue { key } => fill(td_string!(l, link_err_bad_value), &[("key", key)]),
    }
}

/// The tools worker's import error (`kind \t details`) in words.
fn import_error_text(l: Locale, reason: &str) -> String {
    let p: Vec<&str> = reason.split('\t').collect();
    let arg = |i: usize| p.get(i).copied().unwrap_or("");
    match arg(0) {
        "too_large" => fill(td_string!(l, import_err_too_large), &[("max", &MAX_FILE_BYTES)]),
        "not_json" => fill(td_string!(l, import_err_not_json), &[("detail", &arg(1))]),
        "not_scenario" => td_string!(l, import_err_not_scenario).to_string(),
        "newer" => fill(td_string!(l, import_err_newer), &[("version", &arg(1))]),
        "invalid" => fill(td_string!(l, import_err_invalid), &[("path", &arg(1)), ("detail", &arg(2))]),
        "profile" => fill(td_string!(l, import_err_profile), &[("id", &arg(1))]),
        _ => td_string!(l, tools_unavailable).to_string(),
    }
}

/// A read-only text box holding text the user may want to copy (a broken link, set-aside
/// saved data): labelled, selectable, never interpreted.
fn kept_text(label: &'static str, text: String) -> impl IntoView {
    view! {
        <label class="kept">
            <span>{label}</span>
            <textarea readonly rows="3" spellcheck="false">{text}</textarea>
        </label>
    }
}

fn notice_view(state: AppState, notices: Notices, l: Locale, n: Notice) -> impl IntoView {
    let (class, text, extra): (&str, String, Option<AnyView>) = match n.clone() {
        Notice::BrokenLink { raw, error } => (
            "warn",
            fill(td_string!(l, notice_broken_link), &[("reason", &link_error_text(l, &error))]),
            Some(kept_text(td_string!(l, kept_link_label), raw).into_any()),
        ),
        Notice::OldRateCard { quoted, current } => (
            "info",
            fill(td_string!(l, notice_old_rate_card), &[("quoted", &quoted), ("current", &current)]),
            Some(
                view! {
                    <button type="button" id="reprice" on:click=move |_| {
                        state.facility.set(state.current_facility.get_value());
                        notices.0.update(|v| v.retain(|n| !matches!(n, Notice::OldRateCard { .. })));
                    }>{td_string!(l, btn_reprice)}</button>
                }
                .into_any(),
            ),
        ),
        Notice::UnknownRateCard { id } => ("warn", fill(td_string!(l, notice_unknown_rate_card), &[("id", &id)]), None),
        Notice::Imported { file, unknown } => {
            let mut text = fill(td_string!(l, notice_imported), &[("file", &file)]);
            if !unknown.is_empty() {
                text.push(' ');
                text.push_str(&fill(td_string!(l, notice_unknown_fields), &[("fields", &unknown.join(", "))]));
            }
            ("info", text, None)
        }
        Notice::ImportFailed { file, reason } => (
            "warn",
            fill(td_string!(l, notice_import_failed), &[("file", &file), ("reason", &import_error_text(l, &reason))]),
            None,
        ),
        Notice::Replaced { previous } => (
            "info",
            td_string!(l, notice_replaced).to_string(),
            Some(
                view! {
                    <button type="button" on:click=move |_| {
                        notices.0.update(|v| v.retain(|n| !matches!(n, Notice::Replaced { .. })));
                        open_link_text(&state, notices, &previous);
                    }>{td_string!(l, btn_go_back)}</button>
                }
                .into_any(),
            ),
        ),
        Notice::SavedCorrupt { raw } => (
            "warn",
            fill(td_string!(l, notice_saved_corrupt), &[("key", &RECOVERED_KEY)]),
            Some(kept_text(td_string!(l, kept_saved_label), raw).into_any()),
        ),
        Notice::StorageUnavailable => ("warn", td_string!(l, notice_storage_unavailable).to_string(), None),
        Notice::UpdateReady => (
            "info",
            td_string!(l, notice_update_ready).to_string(),
            Some(
                view! { <button type="button" id="apply-update" on:click=|_| apply_update()>{td_string!(l, btn_reload_update)}</button> }
                    .into_any(),
            ),
        ),
    };
    let dismiss = move |_| notices.0.update(|v| v.retain(|x| *x != n));
    view! {
        <div class=format!("notice {class}") role="status">
            <p>{text}</p>
            {extra}
            <button type="button" class="dismiss" on:click=dismiss>{td_string!(l, btn_dismiss)}</button>
        </div>
    }
}

/// The notices, above the results.
#[component]
pub fn NoticeList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let notices = expect_context::<Notices>();
    let i18n = use_i18n();
    view! {
        <div class="notices" aria-live="polite">
            {move || {
                let l = i18n.get_locale();
                notices.0.get().into_iter().map(|n| notice_view(state, notices, l, n)).collect_view()
            }}
        </div>
    }
}

/// A QR code of the current link, from the tools worker: `(modules, svg path)`.
#[derive(Clone, Copy)]
pub struct Qr(pub RwSignal<Option<(u32, String)>>);

/// Keeps the QR code equal to the link (500 ms after the last change; drawn by the worker).
pub fn keep_qr_current(state: AppState, qr: Qr) {
    let pending = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        let url = format!("{}#{}", page_url(), current_link(&state));
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        let draw = move || {
            tools_client::call("qr", &url, move |reply| {
                let parsed = reply.ok().and_then(|body| {
                    let (n, path) = body.split_once('\n')?;
                    Some((n.parse().ok()?, path.to_string()))
                });
                qr.0.set(parsed);
            })
        };
        pending.set_value(set_timeout_with_handle(draw, Duration::from_millis(500)).ok());
    });
    on_cleanup(move || clear_pending(pending));
}

/// The QR code as inline SVG (a 4-module quiet zone around it, ISO/IEC 18004).
#[component]
pub fn QrCode() -> impl IntoView {
    let qr = expect_context::<Qr>();
    let i18n = use_i18n();
    move || {
        qr.0.get().map(|(n, path)| {
            let size = n + 8;
            view! {
                <svg class="qr" viewBox=format!("-4 -4 {size} {size}") role="img" shape-rendering="crispEdges"
                    aria-label=td_string!(i18n.get_locale(), qr_label)>
                    <rect x="-4" y="-4" width=size height=size fill="#fff" />
                    <path d=path fill="#000" />
                </svg>
            }
        })
    }
}

/// Offers `text` as a file download.
pub fn download(file_name: &str, mime: &str, text: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Ok(a) = doc.create_element("a") {
        let a: web_sys::HtmlAnchorElement = a.unchecked_into();
        a.set_href(&url);
        a.set_download(file_name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// A file name from the scenario's name: letters, digits (any script) and `-`.
fn file_stem(name: &str) -> String {
    let stem: String = name
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let stem: String = stem.chars().take(60).collect();
    if stem.is_empty() {
        "scenario".into()
    } else {
        stem
    }
}

/// Reads a dropped or picked file and opens it as a scenario file.
pub fn import_file(state: AppState, notices: Notices, file: web_sys::File) {
    let name = file.name();
    if file.size() > MAX_FILE_BYTES as f64 {
        notices.push(Notice::ImportFailed { file: name, reason: "too_large".into() });
        return;
    }
    leptos::task::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok().and_then(|v| v.as_string());
        let Some(text) = text else {
            notices.push(Notice::ImportFailed { file: name, reason: "not_json\t".into() });
            return;
        };
        tools_client::call("import", &text, move |reply| match reply {
            Ok(body) => {
                let mut lines = body.lines();
                let opened = lines.next().map(link::decode);
                let unknown: Vec<String> = lines.map(str::to_string).collect();
                match opened {
                    Some(Ok(opened)) => {
                        let previous = current_link(&state);
                        apply_link(&state, notices, opened, &FacilityProfile::builtin());
                        notices.push(Notice::Replaced { previous });
                        notices.push(Notice::Imported { file: name, unknown });
                    }
                    _ => notices.push(Notice::ImportFailed { file: name, reason: String::new() }),
                }
            }
            Err(reason) => notices.push(Notice::ImportFailed { file: name, reason }),
        });
    });
}

/// Stops the browser from opening a file dropped on the page (which would leave the app) and
/// opens it as a scenario file instead.
pub fn accept_dropped_files(state: AppState, notices: Notices) {
    let over = window_event_listener(leptos::ev::dragover, |ev| ev.prevent_default());
    let drop = window_event_listener(leptos::ev::drop, move |ev| {
        ev.prevent_default();
        if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
            import_file(state, notices, file);
        }
    });
    on_cleanup(move || {
        over.remove();
        drop.remove();
    });
}

/// Share, save and export: the link with its copy button and QR code, files, and the saved
/// scenarios.
#[component]
pub fn SharePanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let notices = expect_context::<Notices>();
    let i18n = use_i18n();
    let link_input = NodeRef::<leptos::html::Input>::new();
    let copy_status = RwSignal::new(None::<bool>);
    let url = Memo::new(move |_| format!("{}#{}", page_url(), current_link(&state)));
    let copy = move |_| {
        let text = url.get_untracked();
        let clipboard = web_sys::window().map(|w| w.navigator().clipboard());
        let select_instead = move || {
            copy_status.set(Some(false));
            if let Some(input) = link_input.get_untracked() {
                let _ = input.focus();
                input.select();
            }
        };
        match clipboard {
            Some(c) => {
                let promise = c.write_text(&text);
                leptos::task::spawn_local(async move {
                    match wasm_bindgen_futures::JsFuture::from(promise).await {
                        Ok(_) => copy_status.set(Some(true)),
                        Err(_) => select_instead(),
                    }
                });
            }
            None => select_instead(),
        }
    };
    let export_json = move |_| {
        let name = file_stem(&state.scenario.with_untracked(|s| s.name.clone()));
        tools_client::call("export", &current_link(&state), move |reply| match reply {
            Ok(json) => download(&format!("{name}.json"), "application/json", &json),
            Err(reason) => notices.push(Notice::ImportFailed { file: format!("{name}.json"), reason }),
        });
    };
    let export_csv = move |_| {
        let Some(csv) = state.shown.with_untracked(|s| {
            let (e, inputs) = (s.estimate.clone()?, s.inputs.clone()?);
            let link = format!("{}#{}", page_url(), current_link(&state));
            Some(state.facility.with_untracked(|f| {
                results_csv(&e, &inputs, f, i18n.get_locale(), state.prefs.get_untracked(), &link)
            }))
        }) else {
            return;
        };
        let name = file_stem(&state.scenario.with_untracked(|s| s.name.clone()));
        download(&format!("{name}-results.csv"), "text/csv;charset=utf-8", &csv);
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            import_file(state, notices, file);
        }
        // Picking the same file again must fire `change` again.
        input.set_value("");
    };
    view! {
        <details class="share" id="share">
            <summary>{tr(|l| td_string!(l, share_title))}</summary>
            <div class="share-body">
                <div class="share-link">
                    <label for="share-link">{tr(|l| td_string!(l, share_link_label))}</label>
                    <input id="share-link" type="text" readonly node_ref=link_input prop:value=move || url.get()
                        aria-describedby="share-link-note" />
                    <button type="button" id="copy-link" on:click=copy>{tr(|l| td_string!(l, btn_copy_link))}</button>
                    <p id="share-link-note" class="note" role="status">
                        {move || match copy_status.get() {
                            Some(true) => td_string!(i18n.get_locale(), copy_done),
                            Some(false) => td_string!(i18n.get_locale(), copy_blocked),
                            None => td_string!(i18n.get_locale(), share_link_note),
                        }}
                    </p>
                </div>
                <QrCode />
                <div class="share-files">
                    <button type="button" id="export-json" on:click=export_json>{tr(|l| td_string!(l, btn_export_json))}</button>
                    <button type="button" id="export-csv" on:click=export_csv>{tr(|l| td_string!(l, btn_export_csv))}</button>
                    <label class="file-pick" for="import-file">{tr(|l| td_string!(l, btn_import_json))}</label>
                    <input id="import-file" type="file" accept=".json,application/json" on:change=on_pick />
                    <p class="note">{tr(|l| td_string!(l, import_note))}</p>
                </div>
                <SavedScenarios />
            </div>
        </details>
    }
}
