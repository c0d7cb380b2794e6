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
    let document = web_sys::window().and_then(|w| w.document());
    let shell = document.as_ref().and_then(|d| d.get_element_by_id("app"));
    match shell.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
        // The first module's frame with the first result (`first_result`), inert, stays on
        // screen while the page is drawn apart in its usual tasks (the frame, then the
        // headline: one task for both was four times as long on a slow phone), and is
        // replaced by it in the task after its headline's, which `Stage` queued first.
        Some(root) if root.has_attribute("inert") => {
            let Some(apart) = document.and_then(|d| d.create_element("div").ok()) else { return };
            let apart: web_sys::HtmlElement = apart.unchecked_into();
            // The app lives as long as the page.
            leptos::mount::mount_to(apart.clone(), tech_transfer_calc::app::Page).forget();
            set_timeout(
                move || {
                    root.set_inner_html("");
                    while let Some(child) = apart.first_child() {
                        let _ = root.append_child(&child);
                    }
                    let _ = root.remove_attribute("inert");
                },
                Duration::ZERO,
            );
        }
        Some(root) => {
            root.set_inner_html("");
            // The app lives as long as the page.
            leptos::mount::mount_to(root, tech_transfer_calc::app::Page).forget();
        }
        None => leptos::mount::mount_to_body(tech_transfer_calc::app::Page),
    }
}
