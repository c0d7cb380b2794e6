//! Saved scenarios (the browser's local storage, one link a line) and their side-by-side
//! comparison.

use crate::deferred::compare::compare_table;
use crate::deferred::render::render_table;
use crate::deferred::{open_in_page, PanelNotice, Shared};
use crate::i18n::tr;
use crate::i18n::*;
use crate::model::link::{self, split_saved};
use crate::prefs::storage;
use leptos::prelude::*;

/// Where saved scenarios that could not be read are kept, for recovery by hand.
pub const RECOVERED_KEY: &str = "ttc.saved.recovered";
const SAVED_KEY: &str = "ttc.saved.v1";
/// Most scenarios compared side by side.
const MAX_COMPARED: usize = 3;

/// Sets aside saved data that cannot be read: lines that do not open are appended to
/// [`RECOVERED_KEY`] (never overwritten), removed from the list, and shown to the user. At
/// start-up, once; the share panel draws the list ([`read_list`]) when it is first opened.
pub fn set_aside_unreadable(shared: Shared) {
    let Some(store) = storage() else {
        shared.notify(PanelNotice::StorageUnavailable);
        return;
    };
    let text = store.get_item(SAVED_KEY).ok().flatten().unwrap_or_default();
    let (good, bad) = split_saved(&text);
    if !bad.is_empty() {
        let raw = bad.join("\n");
        let kept = store.get_item(RECOVERED_KEY).ok().flatten().unwrap_or_default();
        let joined = if kept.is_empty() { raw.clone() } else { format!("{kept}\n{raw}") };
        if store.set_item(RECOVERED_KEY, &joined).is_ok() {
            let _ = store.set_item(SAVED_KEY, &good.join("\n"));
        }
        shared.notify(PanelNotice::SavedCorrupt { raw });
    }
}

/// The saved list as stored now (another tab may have changed it).
fn read_list() -> Vec<String> {
    let text = storage().and_then(|s| s.get_item(SAVED_KEY).ok().flatten()).unwrap_or_default();
    split_saved(&text).0
}

fn store_list(shared: Shared, list: &[String]) {
    let ok = storage().is_some_and(|s| s.set_item(SAVED_KEY, &list.join("\n")).is_ok());
    if !ok {
        shared.notify(PanelNotice::StorageUnavailable);
    }
}

/// A saved scenario's name; a line made by a newer release says so instead.
fn name_of(l: Locale, link_text: &str) -> String {
    link::decode(link_text).map_or_else(|_| td_string!(l, saved_newer).to_string(), |o| o.scenario.name)
}

/// What a change to the saved list does.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Edit {
    Append,
    Rename,
    /// Duplicate or delete at an index.
    Other,
}

/// The saved scenarios: save, rename, duplicate, delete, open, and pick up to three to compare.
#[component]
pub fn SavedScenarios() -> impl IntoView {
    let shared = expect_context::<Shared>();
    let i18n = use_i18n();
    let list = RwSignal::new(read_list());
    let compared = RwSignal::new(Vec::<usize>::new());
    // Every change starts from what is stored, not from this tab's copy, so that a scenario
    // saved in another tab is not overwritten, and is stored at once. A change to the entry at
    // an index is dropped (and the list refreshed) if the stored list moved under it. Adding or
    // removing an entry moves the others, so the comparison's picks are cleared then; a rename
    // keeps them.
    let change = move |f: &dyn Fn(&mut Vec<String>), edit: Edit| {
        let mut fresh = read_list();
        if edit != Edit::Append && fresh != list.get_untracked() {
            compared.set(Vec::new());
            list.set(fresh);
            return;
        }
        f(&mut fresh);
        if edit != Edit::Rename {
            compared.set(Vec::new());
        }
        store_list(shared, &fresh);
        list.set(fresh);
    };
    // Another tab saved, renamed or deleted: show the list as stored.
    let handle = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().as_deref() == Some(SAVED_KEY) {
            compared.set(Vec::new());
            list.set(read_list());
        }
    });
    on_cleanup(move || handle.remove());
    let save = move |_| {
        let text = shared.link.get_untracked();
        change(&|l| l.push(text.clone()), Edit::Append);
    };
    let rows = move || {
        let l = i18n.get_locale();
        list.get()
            .into_iter()
            .enumerate()
            .map(|(i, text)| {
                let name = name_of(l, &text);
                let n = i + 1;
                let rename = move |ev: leptos::ev::Event| {
                    let new_name = event_target_value(&ev);
                    change(&|l| {
                        if let Some(Ok(mut opened)) = l.get(i).map(|t| link::decode(t)) {
                            opened.scenario.name = new_name.clone();
                            l[i] = link::encode(&opened.scenario, &opened.facility_profile);
                        }
                    }, Edit::Rename);
                };
                let open = {
                    let text = text.clone();
                    move |_| open_in_page(&text)
                };
                let duplicate = move |_| {
                    change(&|l| {
                        if let Some(t) = l.get(i).cloned() {
                            l.insert(i + 1, t);
                        }
                    }, Edit::Other)
                };
                let delete = move |_| {
                    // The last entry's buttons go with it: the focus moves to "Save" first.
                    if i + 1 == list.with_untracked(Vec::len) {
                        crate::ui::focus_by_id("save-scenario");
                    }
                    change(&|l| if i < l.len() { l.remove(i); }, Edit::Other)
                };
                let toggle = move |_| {
                    compared.update(|c| match c.iter().position(|&x| x == i) {
                        Some(p) => {
                            c.remove(p);
                        }
                        None if c.len() < MAX_COMPARED => c.push(i),
                        None => {}
                    })
                };
                view! {
                    <li class="saved-item">
                        <input type="text" class="saved-name" maxlength="200" prop:value=name
                            aria-label=tf!(l, saved_name_label, n = n) on:change=rename />
                        <button type="button" on:click=open aria-label=tf!(l, saved_open_label, n = n)>{td_string!(l, btn_open)}</button>
                        <button type="button" on:click=duplicate aria-label=tf!(l, saved_duplicate_label, n = n)>{td_string!(l, btn_duplicate)}</button>
                        <button type="button" on:click=delete aria-label=tf!(l, saved_delete_label, n = n)>{td_string!(l, btn_delete)}</button>
                        <label class="compare-pick">
                            <input type="checkbox" prop:checked=move || compared.with(|c| c.contains(&i))
                                prop:disabled=move || compared.with(|c| !c.contains(&i) && c.len() >= MAX_COMPARED)
                                on:change=toggle aria-label=tf!(l, saved_compare_label, n = n) />
                            {td_string!(l, compare_pick)}
                        </label>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="saved" aria-labelledby="saved-title">
            <h3 id="saved-title">{tr(|l| td_string!(l, saved_title))}</h3>
            <button type="button" id="save-scenario" on:click=save>{tr(|l| td_string!(l, btn_save))}</button>
            <p class="note">
                {move || if list.with(Vec::is_empty) { td_string!(i18n.get_locale(), saved_empty) } else { td_string!(i18n.get_locale(), saved_note) }}
            </p>
            <ol class="saved-list">{rows}</ol>
            {move || {
                let picked: Vec<String> =
                    compared.get().into_iter().filter_map(|i| list.with(|l| l.get(i).cloned())).collect();
                (picked.len() >= 2).then(|| {
                    let l = i18n.get_locale();
                    view! {
                        <div class="compare" id="compare">
                            <h3>{td_string!(l, compare_title)}</h3>
                            {render_table(compare_table(l, shared.prefs.get(), &picked), "", td_string!(l, compare_title).to_string())}
                        </div>
                    }
                })
            }}
        </section>
    }
}
