//! The share panel: the scenario's link with its copy button and QR code (also printed), the
//! scenario file (JSON) and the results (CSV) as downloads, import by file picker or drop,
//! and the saved scenarios.

use crate::deferred::examples::PublishedExamples;
use crate::deferred::saved::{self, SavedScenarios};
use crate::deferred::tools;
use crate::deferred::{open_in_page, PanelNotice, Shared};
use crate::i18n::tr;
use crate::i18n::*;
use crate::model::file_link::{export_json, import_json, ImportError};
use crate::model::link;
use crate::model::scenario_file::{FileError, MAX_FILE_BYTES};
use crate::model::{estimate, FacilityProfile};
use crate::ui::address::{notice_box, page_url};
use leptos::prelude::*;
use ttc_text::messages::import_error_text;
use ttc_text::results::results_csv;
use wasm_bindgen::JsCast;

/// The page's address with the scenario's link.
fn scenario_url(link_text: &str) -> String {
    format!("{}#{link_text}", page_url())
}

/// The QR code of the scenario's address as inline SVG (a 4-module quiet zone around it,
/// ISO/IEC 18004).
#[component]
pub fn QrCode() -> impl IntoView {
    let shared = expect_context::<Shared>();
    let qr = Memo::new(move |_| tools::qr_path(&scenario_url(&shared.link_later.get())));
    move || {
        qr.get().map(|(n, path)| {
            let size = n + 8;
            view! {
                <svg class="qr" viewBox=format!("-4 -4 {size} {size}") role="img" shape-rendering="crispEdges"
                    aria-label=td_string!(shared.locale.get(), qr_label)>
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

/// A file name from the scenario's name: letters and digits of any script, joined by `-`.
pub fn file_stem(name: &str) -> String {
    let cleaned: String = name.chars().map(|c| if c.is_alphanumeric() { c } else { '-' }).collect();
    let stem: String =
        cleaned.split('-').filter(|p| !p.is_empty()).collect::<Vec<_>>().join("-").chars().take(60).collect();
    if stem.is_empty() {
        "scenario".into()
    } else {
        stem
    }
}

/// Reads a dropped or picked file and opens it in the page as a scenario file.
pub fn import_file(shared: Shared, file: web_sys::File) {
    let name = file.name();
    if file.size() > MAX_FILE_BYTES as f64 {
        let reason =
            ImportError::File(FileError::TooLarge { bytes: file.size() as usize, max: MAX_FILE_BYTES });
        shared.notify(PanelNotice::ImportFailed { file: name, reason });
        return;
    }
    leptos::task::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok().and_then(|v| v.as_string());
        let result = match text {
            Some(text) => import_json(&text),
            None => Err(ImportError::File(FileError::NotJson(String::new()))),
        };
        match result {
            Ok((link_text, unknown)) => {
                open_in_page(&link_text);
                shared.notify(PanelNotice::Imported { file: name, unknown });
            }
            Err(reason) => shared.notify(PanelNotice::ImportFailed { file: name, reason }),
        }
    });
}

/// Stops the browser from opening a file dropped on the page (which would leave the app) and
/// opens it as a scenario file instead.
pub(super) fn accept_dropped_files(shared: Shared) {
    let over = window_event_listener(leptos::ev::dragover, |ev| ev.prevent_default());
    let drop = window_event_listener(leptos::ev::drop, move |ev| {
        ev.prevent_default();
        if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
            import_file(shared, file);
        }
    });
    on_cleanup(move || {
        over.remove();
        drop.remove();
    });
}

fn notice_parts(l: Locale, n: &PanelNotice) -> (&'static str, String, Option<(&'static str, String)>) {
    match n {
        PanelNotice::Imported { file, unknown } => {
            let mut text = tf!(l, notice_imported, file = file);
            if !unknown.is_empty() {
                text.push(' ');
                text.push_str(&tf!(l, notice_unknown_fields, fields = unknown.join(", ")));
            }
            ("info", text, None)
        }
        PanelNotice::ImportFailed { file, reason } => {
            ("warn", tf!(l, notice_import_failed, file = file, reason = import_error_text(l, reason)), None)
        }
        PanelNotice::SavedCorrupt { raw } => (
            "warn",
            tf!(l, notice_saved_corrupt, key = saved::RECOVERED_KEY),
            Some((td_string!(l, kept_saved_label), raw.clone())),
        ),
        PanelNotice::StorageUnavailable => {
            ("warn", td_string!(l, notice_storage_unavailable).to_string(), None)
        }
        PanelNotice::ExampleOpened { name, sources } => {
            ("info", tf!(l, notice_example_opened, name = name, sources = sources), None)
        }
    }
}

/// The panel: the link with its copy button and QR code, files, and the saved scenarios (drawn
/// when it is first opened); the published examples under it.
#[component]
pub fn PanelApp() -> impl IntoView {
    let shared = expect_context::<Shared>();
    let l = move || shared.locale.get();
    let panel = NodeRef::<leptos::html::Details>::new();
    // The body is drawn at the first opening and kept after: closed, nothing in it is seen,
    // and drawing it at start-up was a task of 60-90 ms on a phone (CPU slowed 4x), its QR
    // code encoded again at every edit.
    let opened = RwSignal::new(false);
    let on_toggle = move |_| {
        if panel.get().is_some_and(|el| el.open()) {
            opened.set(true);
        }
    };
    // Saved data that cannot be read is set aside and said at start-up, not at the opening.
    set_timeout(move || saved::set_aside_unreadable(shared), std::time::Duration::ZERO);
    let notices = move || {
        let l = l();
        shared
            .notices
            .get()
            .into_iter()
            .map(|n| {
                let (class, text, kept) = notice_parts(l, &n);
                notice_box(l, class, text, kept, None, move || {
                    shared.notices.update(|v| v.retain(|x| *x != n))
                })
            })
            .collect_view()
    };
    view! {
        <details class="share" id="share" node_ref=panel on:toggle=on_toggle>
            <summary>{tr(|l| td_string!(l, share_title))}</summary>
            <Show when=move || opened.get()>
                <ShareBody />
            </Show>
        </details>
        <PublishedExamples />
        <div class="notices panel-notices" aria-live="polite">{notices}</div>
    }
}

/// The panel's body: the link with its copy button and QR code, the files, the saved scenarios.
#[component]
fn ShareBody() -> impl IntoView {
    let shared = expect_context::<Shared>();
    let l = move || shared.locale.get();
    let link_input = NodeRef::<leptos::html::Input>::new();
    let copy_status = RwSignal::new(None::<bool>);
    let url = Memo::new(move |_| scenario_url(&shared.link.get()));
    let copy = move |_| {
        let text = url.get_untracked();
        let select_instead = move || {
            copy_status.set(Some(false));
            if let Some(input) = link_input.get_untracked() {
                let _ = input.focus();
                input.select();
            }
        };
        // `navigator.clipboard` is missing on insecure origins and may be refused.
        let clipboard = web_sys::window()
            .map(|w| w.navigator())
            .filter(|n| js_sys::Reflect::get(n, &"clipboard".into()).is_ok_and(|c| !c.is_undefined()))
            .map(|n| n.clipboard());
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
        let link_text = shared.link.get_untracked();
        if let Ok(json) = export_json(&link_text) {
            let name = link::decode(&link_text).map(|o| o.scenario.name).unwrap_or_default();
            download(&format!("{}.json", file_stem(&name)), "application/json", &json);
        }
    };
    let export_csv = move |_| {
        let link_text = shared.link.get_untracked();
        let Ok(opened) = link::decode(&link_text) else { return };
        let facility = FacilityProfile::priced_with(&opened.facility_profile).0;
        // An invalid scenario has no results to export; the page says why next to each field.
        let Ok(e) = estimate(&opened.scenario, &facility) else { return };
        let csv = results_csv(
            &e,
            &opened.scenario,
            &facility,
            shared.locale.get_untracked(),
            shared.prefs.get_untracked(),
            &scenario_url(&link_text),
        );
        download(
            &format!("{}-results.csv", file_stem(&opened.scenario.name)),
            "text/csv;charset=utf-8",
            &csv,
        );
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            import_file(shared, file);
        }
        // Picking the same file again must fire `change` again.
        input.set_value("");
    };
    // The QR code and the saved scenarios come a task later: the opening answers at once.
    let later = RwSignal::new(false);
    set_timeout(move || later.set(true), std::time::Duration::ZERO);
    view! {
        <div class="share-body">
            <div class="share-link">
                <label for="share-link">{tr(|l| td_string!(l, share_link_label))}</label>
                <input id="share-link" type="text" readonly node_ref=link_input prop:value=move || url.get()
                    aria-describedby="share-link-note" />
                <button type="button" id="copy-link" on:click=copy>{tr(|l| td_string!(l, btn_copy_link))}</button>
                <p id="share-link-note" class="note" role="status">
                    {move || match copy_status.get() {
                        Some(true) => td_string!(l(), copy_done),
                        Some(false) => td_string!(l(), copy_blocked),
                        None => td_string!(l(), share_link_note),
                    }}
                </p>
            </div>
            <Show when=move || later.get()>
                <QrCode />
            </Show>
            <div class="share-files">
                <button type="button" id="export-json" on:click=export_json>{tr(|l| td_string!(l, btn_export_json))}</button>
                <button type="button" id="export-csv" on:click=export_csv>{tr(|l| td_string!(l, btn_export_csv))}</button>
                <label class="file-pick" for="import-file">{tr(|l| td_string!(l, btn_import_json))}</label>
                <input id="import-file" type="file" accept=".json,application/json" on:change=on_pick />
                <p class="note">{tr(|l| td_string!(l, import_note))}</p>
            </div>
            <Show when=move || later.get()>
                <SavedScenarios />
            </Show>
        </div>
    }
}
