//! The user interface: a thin reactive shell over the model. Components read the scenario
//! signal and the estimate memo and render; they hold no formulas.

pub mod address;
pub mod field;
pub mod form;
pub mod headline;
pub mod stage;
pub mod state;

/// Moves the keyboard's focus to the element `id`. When a list's last item is removed, the
/// button pressed goes with it, and the focus would fall back to the start of the page: a
/// keyboard user would have to tab through the whole page again. The seed train, the feeds
/// and the saved scenarios give it to their "Add" or "Save" button then.
pub fn focus_by_id(id: &str) {
    let el = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id));
    if let Some(el) = el.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()) {
        let _ = el.focus();
    }
}
