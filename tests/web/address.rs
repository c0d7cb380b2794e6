//! Scenario links in the address bar, and a quote priced with an older rate card.

use crate::{address_link, form_built, set_address_link, tick, type_into, Container, DS, TITER};
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use tech_transfer_calc::app::App;
use tech_transfer_calc::model::link;
use tech_transfer_calc::model::{FacilityProfile, Scenario};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn a_link_in_the_address_opens_its_scenario_and_edits_rewrite_it() {
    let c = Container::new();
    let mut s = Scenario::default();
    s.production.titer_g_per_l = 5.0;
    set_address_link(&link::encode(&s, "suzhou-2026-11"));
    let _h = leptos::mount::mount_to(c.0.clone(), App);
    form_built(&c).await;
    assert_eq!(c.input(TITER).value(), "5");
    // 5 g/L x 1956.25 L x 0.682 798 = 6678.6 g.
    assert_eq!(c.text(DS), "6,679 g");
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
    assert_eq!(c.text(DS), "4,007 g");
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
    // Buffer at $1/L instead of $2/L: a lower price than the current card's $1,239,618.
    assert_ne!(c.text("#h-batch-cost .figure-value"), "$1,239,618");
    c.click("#reprice");
    tick().await;
    assert_eq!(c.count(".notice"), 0);
    // The default batch price worked by hand in crates/model/tests/cost.rs
    // (default_batch_cost_worked_by_hand).
    assert_eq!(c.text("#h-batch-cost .figure-value"), "$1,239,618");
}
