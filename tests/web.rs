//! Component tests: mount the real `App` in headless Chromium and drive it through the DOM.
//! Run with `cargo test --target wasm32-unknown-unknown --test web` (runner configured in
//! `.cargo/config.toml`). Expected values are worked by hand in the comments.
#![cfg(target_arch = "wasm32")]

use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use tech_transfer_calc::app::App;
use tech_transfer_calc::model::link;
use tech_transfer_calc::model::{FacilityProfile, Scenario};
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

/// Waits until the form has built its last section (a section per task after the headline),
/// up to 5 s: for tests that mount the page without the deferred module.
async fn form_built(c: &Container) {
    for _ in 0..500 {
        if c.0.query_selector("#sec-rates").ok().flatten().is_some() {
            return;
        }
        TimeoutFuture::new(10).await;
    }
    panic!("the form was not built within 5 s");
}

/// Waits until the form and the deferred module have built their parts, a task apart each:
/// the last of each (the rates section, the saved scenarios, the last detailed section), up to
/// 5 s.
async fn built(c: &Container) {
    for _ in 0..500 {
        if c.0.query_selector("#sec-rates").ok().flatten().is_some()
            && c.0.query_selector("#save-scenario").ok().flatten().is_some()
            && c.0.query_selector("#result-details #campaign").ok().flatten().is_some()
        {
            return;
        }
        TimeoutFuture::new(10).await;
    }
    panic!("the form, the share panel or the detailed sections were not built within 5 s");
}

const TITER: &str = "#f-production-titer_g_per_l";
const DS: &str = "#h-ds .figure-value";

#[wasm_bindgen_test]
async fn default_scenario_shows_the_hand_worked_headline() {
    let (c, _h) = mounted().await;
    assert_eq!(c.text("h1"), "Tech Transfer Calculator");
    // 3 g/L x 1953 L x 0.682 798 (product of step yields) = 4000.5 g.
    assert_eq!(c.text(DS), "4,001 g");
    // Thaw Mon 1 Mar 2027 + 15 seed-train days + 14 production days = Tue 30 Mar 2027.
    assert_eq!(c.text("#h-harvest .figure-value"), "Tue 30 Mar 2027");
    assert_eq!(c.input(TITER).value(), "3");
    assert_eq!(c.count(".stage"), 5);
}

#[wasm_bindgen_test]
async fn typing_a_titer_recomputes_drug_substance() {
    let (c, _h) = mounted().await;
    type_into(&c.input(TITER), "5");
    tick().await;
    // 5 g/L x 1953 L x 0.682 798 = 6667.5 g.
    assert_eq!(c.text(DS), "6,668 g");
    // Typed in the Chinese input method's full-width digits: ５ -> 5, same result.
    type_into(&c.input(TITER), "５");
    tick().await;
    assert_eq!(c.text(DS), "6,668 g");
    assert!(c.find(TITER).closest(".field").unwrap().unwrap().class_list().contains("changed"));
}

#[wasm_bindgen_test]
async fn invalid_text_is_kept_flagged_and_results_go_stale() {
    let (c, _h) = mounted().await;
    let titer = c.input(TITER);
    type_into(&titer, "3,5x");
    tick().await;
    assert_eq!(titer.value(), "3,5x", "the typed text is never thrown away");
    assert_eq!(titer.get_attribute("aria-invalid").as_deref(), Some("true"));
    let described = titer.get_attribute("aria-describedby").unwrap();
    assert!(described.contains("f-production-titer_g_per_l-err"));
    assert_eq!(c.text("#f-production-titer_g_per_l-err"), "Enter a number, e.g. 3.5");
    assert_eq!(c.count(".stale-banner"), 1);
    // The last valid estimate stays on screen.
    assert_eq!(c.text(DS), "4,001 g");

    // Out of range: the model's message with the numbers, still the last valid estimate.
    type_into(&titer, "500");
    tick().await;
    assert_eq!(c.text("#f-production-titer_g_per_l-err"), "500 is outside the allowed range 0.01 to 100.");
    assert_eq!(c.text(DS), "4,001 g");

    // Reset to default clears it all.
    c.click("#f-production-titer_g_per_l ~ button.reset");
    tick().await;
    assert_eq!(titer.value(), "3");
    assert_eq!(titer.get_attribute("aria-invalid").as_deref(), Some("false"));
    assert_eq!(c.count(".stale-banner"), 0);
}

#[wasm_bindgen_test]
async fn seed_train_editor_adds_removes_and_designs_stages() {
    let (c, _h) = mounted().await;
    assert_eq!(c.text("#h-harvest .figure-value"), "Tue 30 Mar 2027");
    c.click("#sec-seed-train .stage-actions button:nth-child(2)"); // add stage
    tick().await;
    assert_eq!(c.count(".stage"), 6);
    // A copy of N-1 (180 L, 0.5 -> 4.0) after N-1: 3 more days, harvest Fri 2 Apr 2027.
    assert_eq!(c.text("#h-harvest .figure-value"), "Fri 2 Apr 2027");
    c.click(".stage:nth-child(6) .stage-buttons button:nth-child(3)"); // remove it
    tick().await;
    assert_eq!(c.count(".stage"), 5);
    assert_eq!(c.text("#h-harvest .figure-value"), "Tue 30 Mar 2027");
    // Shrink N-1 so that N's inoculum (175 L) no longer fits, then redesign from N.
    type_into(&c.input("#f-seed_train-4-working_volume_l"), "100");
    tick().await;
    assert!(c.text("#fit").contains("inoculum needs 175 L"), "{}", c.text("#fit"));
    // ... and in the editor, under the stage that falls short (N-1).
    assert_eq!(
        c.text("#f-seed_train-4-working_volume_l-fit"),
        "production bioreactor: inoculum needs 175 L; the previous stage holds 100 L."
    );
    c.click("#sec-seed-train .stage-actions button:nth-child(1)"); // design
    tick().await;
    assert_eq!(c.input("#f-seed_train-4-working_volume_l").value(), "180");
    assert_eq!(c.text("#h-fit .figure-value"), "Pass");
}

#[wasm_bindgen_test]
async fn switching_language_translates_labels_and_dates() {
    let (c, _h) = mounted().await;
    c.click("#lang-switch");
    tick().await;
    assert_eq!(c.text("h1"), "技术转移计算器");
    assert_eq!(c.text("#h-harvest .figure-value"), "2027年3月30日 周二");
    assert!(c.text("label[for=f-production-titer_g_per_l]").starts_with("收获滴度"));
    c.click("#lang-switch");
    tick().await;
    assert_eq!(c.text("h1"), "Tech Transfer Calculator");
}

#[wasm_bindgen_test]
async fn feed_days_editor_updates_volumes_and_rejects_bad_lists() {
    let (c, _h) = mounted().await;
    let days = c.input("#f-production-feeds-0-days");
    assert_eq!(days.value(), "3-13");
    // Ten feed days instead of eleven: final volume 1400 + 0.036 x 1400 x 10 - 1.4 = 1902.6 L;
    // drug substance 3 g/L x 1902.6 L x 0.682 798 = 3897.3 g.
    type_into(&days, "3-12");
    tick().await;
    assert_eq!(c.text(DS), "3,897 g");
    type_into(&days, "3-x");
    tick().await;
    assert_eq!(days.value(), "3-x");
    assert_eq!(days.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(c.text("#f-production-feeds-0-days-err"), "Enter days as 3-13 or 3, 5, 7.");
    // A day on or after harvest (day 14) is the model's error, with the numbers.
    type_into(&days, "3-14");
    tick().await;
    assert_eq!(c.text("#f-production-feeds-0-days-err"), "Feed on day 14, but harvest is on day 14.");
}

#[wasm_bindgen_test]
async fn currency_switch_converts_every_money_figure() {
    let (c, _h) = mounted().await;
    assert_eq!(c.text("#h-batch-cost .figure-value"), "$800,997");
    let select: web_sys::HtmlSelectElement = c.find("#currency").unchecked_into();
    select.set_value("CNY");
    let init = EventInit::new();
    init.set_bubbles(true);
    select.dispatch_event(&Event::new_with_event_init_dict("change", &init).unwrap()).unwrap();
    tick().await;
    // 800,997.42 USD x 7.1 CNY/USD = 5,687,081.7 CNY.
    assert_eq!(c.text("#h-batch-cost .figure-value"), "¥5,687,082");
    // 200.22 USD/g x 7.1 = 1,421.6 CNY/g.
    assert_eq!(c.text("#h-per-gram .figure-value"), "¥1,422");
}

#[wasm_bindgen_test]
async fn hiding_a_field_with_bad_text_does_not_leave_results_stale() {
    let (c, _h) = mounted().await;
    type_into(&c.input("#f-seed_train-4-end-density_e6_per_ml"), "abc");
    tick().await;
    assert_eq!(c.count(".stale-banner"), 1);
    // Switch N-1 to "fixed days": the split-density field (and its bad text) goes away.
    let select: web_sys::HtmlSelectElement = c.find("#f-seed_train-4-end-kind").unchecked_into();
    select.set_value("fixed_days");
    let init = EventInit::new();
    init.set_bubbles(true);
    select.dispatch_event(&Event::new_with_event_init_dict("change", &init).unwrap()).unwrap();
    tick().await;
    tick().await;
    assert_eq!(c.count(".stale-banner"), 0);
    // N-1 now lasts the default fixed 3 days from 0.5: the same harvest date as before.
    assert_eq!(c.text("#h-harvest .figure-value"), "Tue 30 Mar 2027");
}

#[wasm_bindgen_test]
async fn a_link_in_the_address_opens_its_scenario_and_edits_rewrite_it() {
    let c = Container::new();
    let mut s = Scenario::default();
    s.production.titer_g_per_l = 5.0;
    set_address_link(&link::encode(&s, "suzhou-2026-11"));
    let _h = leptos::mount::mount_to(c.0.clone(), App);
    form_built(&c).await;
    assert_eq!(c.input(TITER).value(), "5");
    // 5 g/L x 1953 L x 0.682 798 = 6667.5 g.
    assert_eq!(c.text(DS), "6,668 g");
    type_into(&c.input(TITER), "4");
    tick().await;
    // The address follows the edit (after a 300 ms pause, as typing would leave).
    TimeoutFuture::new(400).await;
    s.production.titer_g_per_l = 4.0;
    assert_eq!(address_link(), link::encode(&s, "suzhou-2026-11"));
}

#[wasm_bindgen_test]
async fn a_cut_short_link_opens_the_default_scenario_and_keeps_the_text() {
    let c = Container::new();
    let broken = "v1&p=suzhou-2026-11&tit=5";
    set_address_link(broken);
    let _h = leptos::mount::mount_to(c.0.clone(), App);
    form_built(&c).await;
    assert_eq!(c.input(TITER).value(), "3");
    assert_eq!(c.text(DS), "4,001 g");
    assert!(c.text(".notice").contains("incomplete"), "{}", c.text(".notice"));
    assert_eq!(c.find(".notice textarea").unchecked_into::<web_sys::HtmlTextAreaElement>().value(), broken);
    // The broken link stays in the address until the user changes something.
    TimeoutFuture::new(400).await;
    assert_eq!(address_link(), broken);
}

#[wasm_bindgen_test]
async fn a_quote_from_an_older_rate_card_keeps_its_prices_until_repriced() {
    use tech_transfer_calc::i18n::{provide_i18n, Locale};
    use tech_transfer_calc::model::facility::Rate;
    use tech_transfer_calc::ui::address::{apply_link, NoticeList, Notices};
    use tech_transfer_calc::ui::headline::Results;
    use tech_transfer_calc::ui::state::AppState;
    let c = Container::new();
    let current = FacilityProfile::current();
    let mut older = current.clone();
    older.id = "suzhou-2026-05".into();
    older.name.en = "Older rate card".into();
    older.rates.set(Rate::BufferPerL, 1.0);
    let _h = leptos::mount::mount_to(c.0.clone(), move || {
        provide_i18n(Locale::en);
        let state = AppState::new(Scenario::default(), current.clone());
        provide_context(state);
        let notices = Notices(RwSignal::new(Vec::new()));
        provide_context(notices);
        let opened = link::Link { scenario: Scenario::default(), facility_profile: older.id.clone() };
        apply_link(&state, notices, opened, &[older.clone(), current.clone()]);
        view! { <NoticeList /><Results /> }
    });
    tick().await;
    assert!(c.text(".notice").contains("Older rate card"), "{}", c.text(".notice"));
    // Buffer at $1/L instead of $2/L: a lower price than the current card's $800,997.
    assert_ne!(c.text("#h-batch-cost .figure-value"), "$800,997");
    c.click("#reprice");
    tick().await;
    assert_eq!(c.count(".notice"), 0);
    // The default batch price worked by hand in tests/model.rs.
    assert_eq!(c.text("#h-batch-cost .figure-value"), "$800,997");
}

#[wasm_bindgen_test]
async fn saved_scenarios_are_saved_renamed_duplicated_compared_and_deleted() {
    let (c, _h) = mounted().await;
    c.click("#save-scenario");
    type_into(&c.input(TITER), "5");
    tick().await;
    c.click("#save-scenario");
    tick().await;
    assert_eq!(c.count(".saved-item"), 2);
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    assert_eq!(storage.get_item("ttc.saved.v1").unwrap().unwrap().lines().count(), 2);
    // Rename the second.
    let name = c.input(".saved-item:nth-child(2) .saved-name");
    name.set_value("Titer 5");
    let init = EventInit::new();
    init.set_bubbles(true);
    name.dispatch_event(&Event::new_with_event_init_dict("change", &init).unwrap()).unwrap();
    tick().await;
    assert_eq!(c.input(".saved-item:nth-child(2) .saved-name").value(), "Titer 5");
    // Compare both: drug substance 4,001 g vs 6,668 g (+2,667 g, +66.7 %).
    c.click(".saved-item:nth-child(1) input[type=checkbox]");
    c.click(".saved-item:nth-child(2) input[type=checkbox]");
    tick().await;
    let table = c.text("#compare");
    assert!(table.contains("4,001 g") && table.contains("6,668 g · +2,667 g (+66.7%)"), "{table}");
    assert!(table.contains("Titer at harvest"), "the differing input is listed: {table}");
    // Duplicate then delete.
    c.click(".saved-item:nth-child(2) button:nth-of-type(2)");
    tick().await;
    assert_eq!(c.count(".saved-item"), 3);
    c.click(".saved-item:nth-child(1) button:nth-of-type(3)");
    tick().await;
    assert_eq!(c.count(".saved-item"), 2);
    assert_eq!(c.input(".saved-item:nth-child(1) .saved-name").value(), "Titer 5");
}

#[wasm_bindgen_test]
async fn corrupted_saved_data_is_set_aside_and_the_rest_still_opens() {
    let c = Container::new();
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let good = link::encode(&Scenario::default(), "suzhou-2026-11");
    storage.set_item("ttc.saved.v1", &format!("{good}\n{{\"oops\": 1}}")).unwrap();
    let _h = leptos::mount::mount_to(c.0.clone(), App);
    tick().await;
    tech_transfer_calc::deferred::start();
    built(&c).await;
    assert_eq!(c.count(".saved-item"), 1);
    assert!(c.text(".notice").contains("could not be read"));
    assert_eq!(storage.get_item("ttc.saved.recovered").unwrap().unwrap(), "{\"oops\": 1}");
    assert_eq!(storage.get_item("ttc.saved.v1").unwrap().unwrap(), good);
    assert_eq!(c.text(DS), "4,001 g");
}
