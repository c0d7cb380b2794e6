//! The page's module: mounts the app in place of the loading shell of `index.html`, or of the
//! first module's frame (`src/bin/first.rs`, which loads this module). All logic lives in the
//! library crate.

use leptos::prelude::{set_timeout, Owner};
use std::time::Duration;
use wasm_bindgen::JsCast;

fn main() {
    console_error_panic_hook::set_once();
    // Tasks, not one: the module's instantiation, then what the page needs before it draws
    // (its state and first estimate: `app::prepare`), then the drawing of the page's frame and
    // toolbar, and its headline in the next (`ui::stage`). On a slow phone each is shorter than
    // all of them together, so the page answers a tap in between (total blocking time,
    // scripts/bench-page.mjs (f)). Nothing is drawn before the third, so nothing moves (layout
    // shift).
    set_timeout(prepare, Duration::ZERO);
}

fn prepare() {
    // The owner of the app's state and contexts; the page drawn next is its child.
    let owner = Owner::new();
    owner.with(tech_transfer_calc::app::prepare);
    set_timeout(
        move || {
            owner.with(mount);
            // The app lives as long as the page.
            std::mem::forget(owner);
        },
        Duration::ZERO,
    );
}

fn mount() {
    let shell = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app"));
    match shell.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
        Some(root) => {
            // The first module's frame with the first result (`first_result`), inert: replaced
            // in this task by the page's, headline and all.
            if root.has_attribute("inert") {
                leptos::prelude::provide_context(tech_transfer_calc::ui::stage::FirstResultShown);
                let _ = root.remove_attribute("inert");
            }
            root.set_inner_html("");
            // The app lives as long as the page.
            leptos::mount::mount_to(root, tech_transfer_calc::app::Page).forget();
        }
        None => leptos::mount::mount_to_body(tech_transfer_calc::app::Page),
    }
}
