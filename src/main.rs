//! Browser entry point: mounts the app in place of the loading shell of `index.html`. All
//! logic lives in the library crate.

use wasm_bindgen::JsCast;

fn main() {
    console_error_panic_hook::set_once();
    // The module's instantiation and the app's first drawing are two tasks, not one: on a slow
    // phone each is shorter than the two together, so the page answers a tap in between
    // (total blocking time, scripts/bench-page.mjs (f)). Nothing is drawn in the first, so
    // nothing moves (layout shift).
    leptos::prelude::set_timeout(mount, std::time::Duration::ZERO);
}

fn mount() {
    let shell = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app"));
    match shell.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
        Some(root) => {
            root.set_inner_html("");
            // The app lives as long as the page.
            leptos::mount::mount_to(root, tech_transfer_calc::app::App).forget();
        }
        None => leptos::mount::mount_to_body(tech_transfer_calc::app::App),
    }
}
