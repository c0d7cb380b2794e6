//! The styles of what only this module draws: the charts, the share panel and the printed
//! summary (`style/charts.css`, `style/share-panel.css`, `style/print.css`). They are not
//! needed for the first result, so the page's first load does not carry them (about 2 KB
//! brotli of its 200 KiB budget); they arrive with this module, before it draws anything.
//! The Content-Security-Policy allows inline styles (`style-src 'unsafe-inline'`).

use wasm_bindgen::JsCast;

const CSS: &str = concat!(
    include_str!("../../style/charts.css"),
    include_str!("../../style/share-panel.css"),
    include_str!("../../style/print.css"),
);

/// Adds the styles to the page's head, once (a second start finds them there).
pub fn add_styles() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if document.get_element_by_id("deferred-style").is_some() {
        return;
    }
    let (Ok(style), Ok(Some(head))) = (document.create_element("style"), document.query_selector("head"))
    else {
        return;
    };
    style.set_id("deferred-style");
    style.set_text_content(Some(CSS));
    let _ = head.append_child(style.unchecked_ref());
}
