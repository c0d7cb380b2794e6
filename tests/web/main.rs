//! Component tests: mount the real `App` in headless Chromium and drive it through the DOM.
//! Run with `cargo test --target wasm32-unknown-unknown --test web` (runner configured in
//! `.cargo/config.toml`). Expected values are worked by hand in the comments.
//!
//! One test binary (each binary links the whole app into a wasm module of its own, which costs
//! a minute of build per binary), its tests by concern: `form.rs` the headline and the form,
//! `address.rs` links in the address bar and rate cards, `saved.rs` saved scenarios, `first.rs`
//! the first module's frame against the page's. This file
//! holds the harness they share.
#![cfg(target_arch = "wasm32")]

mod address;
mod first;
mod form;
mod saved;

use gloo_timers::future::TimeoutFuture;
use tech_transfer_calc::app::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh container in <body>, removed again when dropped, so tests do not see each other.
struct Container(HtmlElement);

impl Container {
    fn new() -> Self {
        // Each test starts in English with no remembered preferences.
        let window = web_sys::window().unwrap();
        if let Ok(Some(storage)) = window.local_storage() {
            storage.clear().unwrap();
        }
        set_address_link("");
        let document = window.document().unwrap();
        let div = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&div).unwrap();
        Container(div.unchecked_into())
    }

    fn find(&self, selector: &str) -> Element {
        self.0.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no element {selector}"))
    }

    fn input(&self, selector: &str) -> HtmlInputElement {
        self.find(selector).unchecked_into()
    }

    fn text(&self, selector: &str) -> String {
        self.find(selector).text_content().unwrap_or_default()
    }

    fn count(&self, selector: &str) -> u32 {
        self.0.query_selector_all(selector).unwrap().length()
    }

    fn click(&self, selector: &str) {
        self.find(selector).unchecked_into::<HtmlElement>().click();
    }
}

impl Drop for Container {
    fn drop(&mut self) {
        self.0.remove();
    }
}

/// Types `text` into the input the way a browser does: set the value, fire a bubbling `input`.
fn type_into(input: &HtmlInputElement, text: &str) {
    input.set_value(text);
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict("input", &init).unwrap();
    input.dispatch_event(&event).unwrap();
}

/// Puts a scenario link in the page's address (empty: none), as opening a shared link would.
fn set_address_link(link: &str) {
    let window = web_sys::window().unwrap();
    let path = window.location().pathname().unwrap();
    let url = if link.is_empty() { path } else { format!("{path}#{link}") };
    window.history().unwrap().replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url)).unwrap();
}

fn address_link() -> String {
    web_sys::window().unwrap().location().hash().unwrap().trim_start_matches('#').to_string()
}

/// Lets the reactive system run its effects before asserting on the DOM.
async fn tick() {
    TimeoutFuture::new(0).await;
}

/// Lets the deferred module's detailed sections follow an edit: they are redrawn in a task
/// after the page's (`deferred::Shared::link_later`).
async fn follow() {
    tick().await;
    tick().await;
}

/// The page, and the deferred module (detailed results, share panel) as the page loads it
/// after its first result.
async fn mounted() -> (Container, impl Drop) {
    let c = Container::new();
    let handle = leptos::mount::mount_to(c.0.clone(), App);
    tick().await;
    tech_transfer_calc::deferred::start();
    built(&c).await;
    (c, handle)
}

/// Waits until the page's form has built its last section (a section per task after the
/// headline), up to 5 s: for tests that mount the page without the deferred module (which
/// draws the plan and the rate card).
async fn form_built(c: &Container) {
    for _ in 0..500 {
        if c.0.query_selector("#sec-schedule").ok().flatten().is_some() {
            return;
        }
        TimeoutFuture::new(10).await;
    }
    panic!("the form was not built within 5 s");
}

/// Waits until the form and the deferred module have built their parts, a task apart each:
/// the last of each (the rates section, the share panel, the last detailed section), up to
/// 5 s. The deferred module draws the form's sections once the form comes near the screen (in
/// this narrow window it is below the results): the form is scrolled into view for it.
async fn built(c: &Container) {
    form_built(c).await;
    for _ in 0..500 {
        // Again while it is missing: sections above the form take their full height as they
        // are drawn (content-visibility), which can push the form out of reach again.
        if c.0.query_selector("#sec-rates").ok().flatten().is_none() {
            if let Some(form) = c.0.query_selector("form.inputs").ok().flatten() {
                form.scroll_into_view();
            }
        }
        if c.0.query_selector("#sec-rates").ok().flatten().is_some()
            && c.0.query_selector("#share").ok().flatten().is_some()
            && c.0.query_selector("#result-details #capacity").ok().flatten().is_some()
        {
            return;
        }
        TimeoutFuture::new(10).await;
    }
    panic!("the form, the share panel or the detailed sections were not built within 5 s");
}

/// Opens the share panel, whose body is drawn at its first opening, and waits up to 5 s for its
/// last part (the saved scenarios, a task after the rest).
async fn open_share(c: &Container) {
    c.find("#share").unchecked_into::<web_sys::HtmlDetailsElement>().set_open(true);
    for _ in 0..500 {
        if c.0.query_selector("#save-scenario").ok().flatten().is_some() {
            return;
        }
        TimeoutFuture::new(10).await;
    }
    panic!("the share panel's body was not drawn within 5 s of its opening");
}

const TITER: &str = "#f-production-titer_g_per_l";
const DS: &str = "#h-ds .figure-value";
