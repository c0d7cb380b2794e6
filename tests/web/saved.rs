//! Saved scenarios in local storage: save, rename, duplicate, compare, delete; corrupted data.

use crate::{built, mounted, open_share, tick, type_into, Container, DS, TITER};
use tech_transfer_calc::app::App;
use tech_transfer_calc::model::link;
use tech_transfer_calc::model::Scenario;
use wasm_bindgen_test::*;
use web_sys::{Event, EventInit};

#[wasm_bindgen_test]
async fn saved_scenarios_are_saved_renamed_duplicated_compared_and_deleted() {
    let (c, _h) = mounted().await;
    // Closed, the panel has no body yet: it is drawn at the first opening.
    assert_eq!(c.count("#share-link"), 0);
    open_share(&c).await;
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
    // Compare both: drug substance 4007.1 g vs 6678.6 g (+2671.4 g, +66.7 %).
    c.click(".saved-item:nth-child(1) input[type=checkbox]");
    c.click(".saved-item:nth-child(2) input[type=checkbox]");
    tick().await;
    let table = c.text("#compare");
    assert!(table.contains("4,007 g") && table.contains("6,679 g · +2,671 g (+66.7%)"), "{table}");
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
    // Set aside and said at start-up, before the panel is opened.
    assert!(c.text(".notice").contains("could not be read"));
    open_share(&c).await;
    assert_eq!(c.count(".saved-item"), 1);
    assert_eq!(c.count(".panel-notices .notice"), 1, "the notice is said again at the opening");
    assert_eq!(storage.get_item("ttc.saved.recovered").unwrap().unwrap(), "{\"oops\": 1}");
    assert_eq!(storage.get_item("ttc.saved.v1").unwrap().unwrap(), good);
    assert_eq!(c.text(DS), "4,007 g");
}
