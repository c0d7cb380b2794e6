//! Component tests: mount the real `App` in headless Chromium and drive it through the DOM.
//! Run with `cargo test --target wasm32-unknown-unknown --test web` (runner configured in
//! `.cargo/config.toml`).
#![cfg(target_arch = "wasm32")]

use gloo_timers::future::TimeoutFuture;
use tech_transfer_calc::app::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Event, EventInit, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh container in <body>, removed again when dropped, so tests do not see each other.
struct Container(HtmlElement);

impl Container {
    fn new() -> Self {
        let document = web_sys::window().unwrap().document().unwrap();
        let div = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&div).unwrap();
        Container(div.unchecked_into())
    }

    fn input(&self) -> HtmlInputElement {
        self.0
            .query_selector("input#titer")
            .unwrap()
            .expect("titer input")
            .unchecked_into()
    }

    fn output_text(&self) -> String {
        self.0
            .query_selector("output#product")
            .unwrap()
            .expect("product output")
            .text_content()
            .unwrap_or_default()
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

/// Lets the reactive system run its effects before asserting on the DOM.
async fn tick() {
    TimeoutFuture::new(0).await;
}

#[wasm_bindgen_test]
async fn renders_heading_label_and_default_output() {
    let c = Container::new();
    let _handle = leptos::mount::mount_to(c.0.clone(), App);
    tick().await;

    let h1 = c.0.query_selector("h1").unwrap().expect("h1");
    assert_eq!(h1.text_content().unwrap(), "Tech Transfer Calculator");

    let label =
        c.0.query_selector("label[for=titer]")
            .unwrap()
            .expect("label");
    assert_eq!(label.text_content().unwrap(), "Titer at harvest (g/L)");

    assert_eq!(c.input().value(), "3.0");
    // 3.0 g/L × 2000 L / 1000 g/kg = 6.0 kg
    assert_eq!(
        c.output_text(),
        "Product at harvest in a 2000 L bioreactor: 6.0 kg"
    );
}

#[wasm_bindgen_test]
async fn typing_a_titer_updates_the_product_mass() {
    let c = Container::new();
    let _handle = leptos::mount::mount_to(c.0.clone(), App);
    tick().await;

    // 5 g/L × 2000 L / 1000 g/kg = 10.0 kg
    type_into(&c.input(), "5");
    tick().await;
    assert_eq!(
        c.output_text(),
        "Product at harvest in a 2000 L bioreactor: 10.0 kg"
    );

    // 1.25 g/L × 2000 L / 1000 g/kg = 2.5 kg
    type_into(&c.input(), "1.25");
    tick().await;
    assert_eq!(
        c.output_text(),
        "Product at harvest in a 2000 L bioreactor: 2.5 kg"
    );
}

#[wasm_bindgen_test]
async fn clearing_the_input_asks_for_a_titer() {
    let c = Container::new();
    let _handle = leptos::mount::mount_to(c.0.clone(), App);
    tick().await;

    type_into(&c.input(), "");
    tick().await;
    assert_eq!(c.output_text(), "Enter a titer of 0 g/L or more.");
    assert_eq!(
        c.input().get_attribute("aria-invalid").as_deref(),
        Some("true")
    );

    type_into(&c.input(), "4");
    tick().await;
    assert_eq!(
        c.output_text(),
        "Product at harvest in a 2000 L bioreactor: 8.0 kg"
    );
    assert_eq!(
        c.input().get_attribute("aria-invalid").as_deref(),
        Some("false")
    );
}
