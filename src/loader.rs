//! Loading a module built as a Trunk "worker" (the page's module, the deferred module):
//! `scripts/post-build.sh` names its loader in a `<meta>` of `index.html`, and a
//! `<script type="module">` with that loader starts it. The first module loads the page's
//! this way, and the page the deferred module's.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Adds the script of the loader that `<meta name="{meta}">` names, once (the script's id is
/// `{meta}-loading`; a second call does nothing), and calls `on_error` if the module cannot be
/// loaded: the browser fires `error` on the script when the loader or the module's JS cannot
/// be fetched, and the loader `scripts/post-build.sh` writes fires it on the element of that
/// id when the module's WebAssembly cannot be fetched or started.
pub fn load_module(meta: &str, on_error: impl FnOnce() + 'static) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let id = format!("{meta}-loading");
    if document.get_element_by_id(&id).is_some() {
        return;
    }
    let src = document
        .query_selector(&format!("meta[name={meta}]"))
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"));
    let (Some(src), Some(head), Ok(script)) = (src, document.head(), document.create_element("script"))
    else {
        return;
    };
    script.set_id(&id);
    let _ = script.set_attribute("type", "module");
    let _ = script.set_attribute("src", &src);
    let failed = Closure::once_into_js(on_error);
    let _ = script.add_event_listener_with_callback("error", failed.unchecked_ref());
    let _ = head.append_child(&script);
}
