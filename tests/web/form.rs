//! The headline and the form: recomputing, invalid text, the seed-train and feed editors,
//! language and currency.

use crate::{follow, mounted, tick, type_into, DS, TITER};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Event, EventInit};

#[wasm_bindgen_test]
async fn default_scenario_shows_the_hand_worked_headline() {
    let (c, _h) = mounted().await;
    assert_eq!(c.text("h1"), "Tech Transfer Calculator");
    // 3 g/L x 1956.25 L x 0.682 798 (product of step yields) = 4007.1 g; the harvest volume
    // 1350 + 534.6 feed + 91.95 additions - 1.4 samples - 18.9 evaporation (crates/model
    // fed_batch tests).
    assert_eq!(c.text(DS), "4,007 g");
    // Kickoff Fri 15 Jan 2027; the first GMP thaw waits for the method transfer, 238 days
    // (crates/model/tests/program.rs): Fri 10 Sep 2027, moved to Sat 11 Sep off the
    // Mid-Autumn closure (its day-5 transfer), + 17 seed-train days + 14 production days =
    // Tue 12 Oct 2027. The first release, 74 days after the thaw: Wed 24 Nov 2027.
    assert_eq!(c.text("#h-harvest .figure-value"), "Tue 12 Oct 2027");
    assert_eq!(c.text("#h-first-release .figure-value"), "Wed 24 Nov 2027");
    assert_eq!(c.input(TITER).value(), "3");
    assert_eq!(c.count(".stage"), 6);
}

#[wasm_bindgen_test]
async fn typing_a_titer_recomputes_drug_substance() {
    let (c, _h) = mounted().await;
    type_into(&c.input(TITER), "5");
    tick().await;
    // 5 g/L x 1956.25 L x 0.682 798 = 6678.6 g.
    assert_eq!(c.text(DS), "6,679 g");
    // Typed in the Chinese input method's full-width digits: ５ -> 5, same result.
    type_into(&c.input(TITER), "５");
    tick().await;
    assert_eq!(c.text(DS), "6,679 g");
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
    assert_eq!(c.text(DS), "4,007 g");

    // Out of range: the model's message with the numbers, still the last valid estimate.
    type_into(&titer, "500");
    tick().await;
    assert_eq!(c.text("#f-production-titer_g_per_l-err"), "500 is outside the allowed range 0.01 to 100.");
    assert_eq!(c.text(DS), "4,007 g");

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
    assert_eq!(c.text("#h-harvest .figure-value"), "Tue 12 Oct 2027");
    c.click("#sec-seed-train .stage-actions button:nth-child(2)"); // add stage
    tick().await;
    assert_eq!(c.count(".stage"), 7);
    // A copy of N-1 (190 L, 0.5 -> 4.0) after N-1: 3 more days, N inoculated on day 20. From
    // Sat 11 Sep that is Fri 1 Oct, in National Day week, and every later thaw up to Fri 8
    // Oct puts an operation in the closure: thaw Fri 8 Oct, harvest day 34 = Thu 11 Nov 2027.
    assert_eq!(c.text("#h-harvest .figure-value"), "Thu 11 Nov 2027");
    c.click(".stage:nth-child(7) .stage-buttons button:nth-child(3)"); // remove it
    tick().await;
    assert_eq!(c.count(".stage"), 6);
    assert_eq!(c.text("#h-harvest .figure-value"), "Tue 12 Oct 2027");
    // Shrink N-1 so that N's inoculum (0.5 x 1350 / 4 = 168.75 L) no longer fits, then
    // redesign from N.
    type_into(&c.input("#f-seed_train-5-working_volume_l"), "100");
    follow().await;
    assert!(c.text("#fit").contains("inoculum needs 169 L"), "{}", c.text("#fit"));
    // ... and in the editor, under the stage that falls short (N-1).
    assert_eq!(
        c.text("#f-seed_train-5-working_volume_l-fit"),
        "production bioreactor: inoculum needs 169 L; the previous stage holds 100 L."
    );
    c.click("#sec-seed-train .stage-actions button:nth-child(1)"); // design
    tick().await;
    // The designed N-1 holds 12 % more than N takes: 168.75 x 1.12 = 189 -> 190 L.
    assert_eq!(c.input("#f-seed_train-5-working_volume_l").value(), "190");
    assert_eq!(c.text("#h-fit .figure-value"), "Pass");
}

#[wasm_bindgen_test]
async fn switching_language_translates_labels_and_dates() {
    let (c, _h) = mounted().await;
    c.click("#lang-switch");
    tick().await;
    assert_eq!(c.text("h1"), "技术转移计算器");
    assert_eq!(c.text("#h-harvest .figure-value"), "2027年10月12日 周二");
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
    // Ten feed days instead of eleven: final volume 1350 + 0.036 x 1350 x 10 + 91.95 - 1.4
    // - 18.9 = 1907.65 L; drug substance 3 g/L x 1907.65 L x 0.682 798 = 3907.6 g.
    type_into(&days, "3-12");
    tick().await;
    assert_eq!(c.text(DS), "3,908 g");
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
    assert_eq!(c.text("#h-batch-cost .figure-value"), "$1,239,618");
    let select: web_sys::HtmlSelectElement = c.find("#currency").unchecked_into();
    select.set_value("CNY");
    let init = EventInit::new();
    init.set_bubbles(true);
    select.dispatch_event(&Event::new_with_event_init_dict("change", &init).unwrap()).unwrap();
    tick().await;
    // 1,239,617.53 USD (crates/model/tests/cost.rs) x 7.1 CNY/USD = 8,801,284.5 CNY.
    assert_eq!(c.text("#h-batch-cost .figure-value"), "¥8,801,284");
    // 1,239,617.53 / 4007.17 = 309.35 USD/g x 7.1 = 2,196.4 CNY/g.
    assert_eq!(c.text("#h-per-gram .figure-value"), "¥2,196");
}

#[wasm_bindgen_test]
async fn hiding_a_field_with_bad_text_does_not_leave_results_stale() {
    let (c, _h) = mounted().await;
    type_into(&c.input("#f-seed_train-5-end-density_e6_per_ml"), "abc");
    tick().await;
    assert_eq!(c.count(".stale-banner"), 1);
    // Switch N-1 to "fixed days": the split-density field (and its bad text) goes away.
    let select: web_sys::HtmlSelectElement = c.find("#f-seed_train-5-end-kind").unchecked_into();
    select.set_value("fixed_days");
    let init = EventInit::new();
    init.set_bubbles(true);
    select.dispatch_event(&Event::new_with_event_init_dict("change", &init).unwrap()).unwrap();
    tick().await;
    tick().await;
    assert_eq!(c.count(".stale-banner"), 0);
    // N-1 now lasts the default fixed 3 days from 0.5: the same harvest date as before.
    assert_eq!(c.text("#h-harvest .figure-value"), "Tue 12 Oct 2027");
}

#[wasm_bindgen_test]
async fn the_plan_drawn_by_the_deferred_module_edits_the_pages_scenario() {
    let (c, _h) = mounted().await;
    // Program price: fees $610,000 + one engineering run + 3 batches. Version 4's were
    // $670,942.53 and $836,255.03; dedicated resin and labour by shift add $403,362.50 to each
    // (crates/model/tests/cost.rs, program.rs): 610,000 + 1,074,305.03 + 3 x 1,239,617.53
    // = $5,403,157.64.
    assert_eq!(c.text("#h-program .figure-value"), "$5,403,158");
    // No engineering run: the plan (the deferred module's) tells the page, which re-prices.
    type_into(&c.input("#f-plan-engineering_runs"), "0");
    for _ in 0..20 {
        tick().await;
    }
    // Without it the dedicated resin is written off over 3 batches, not 4: a third of each set
    // instead of a quarter, Protein A (50/3 - 12.5) L x $12,000 + AEX (20/3 - 5) L x $3,000
    // + CEX (40/3 - 10) L x $4,000 = $68,333.33 more direct cost, x 1.4375 = $98,229.17 more a
    // batch: 610,000 + 3 x 1,337,846.70 = $4,623,540.10.
    assert_eq!(c.text("#h-program .figure-value"), "$4,623,540");
    // The page's own edits reach the plan: its field follows a reset (the field left first,
    // as a click on the button does).
    c.input("#f-plan-engineering_runs").dispatch_event(&Event::new("blur").unwrap()).unwrap();
    c.click("#reset-all");
    for _ in 0..20 {
        tick().await;
    }
    assert_eq!(c.input("#f-plan-engineering_runs").value(), "1");
    assert_eq!(c.text("#h-program .figure-value"), "$5,403,158");
}

#[wasm_bindgen_test]
async fn text_that_is_no_value_in_the_deferred_form_marks_the_pages_results_stale() {
    let (c, _h) = mounted().await;
    assert_eq!(c.count(".stale-banner"), 0);
    type_into(&c.input("#f-plan-analytical_methods"), "eight");
    for _ in 0..10 {
        tick().await;
    }
    assert_eq!(c.count(".stale-banner"), 1);
    // Fixed: the results are current again.
    type_into(&c.input("#f-plan-analytical_methods"), "8");
    for _ in 0..10 {
        tick().await;
    }
    assert_eq!(c.count(".stale-banner"), 0);
}

#[wasm_bindgen_test]
async fn the_production_model_drawn_by_the_deferred_module_moves_the_headline() {
    let (c, _h) = mounted().await;
    assert_eq!(c.text(DS), "4,007 g");
    // Doses of 500 mg next to the grams: 4007.17 g x 1000 / 500 = 8,014 whole doses a batch;
    // 3 x 4007.17 = 12,021.5 g in the campaign: 24,043.
    let downstream = c.text("#downstream-results");
    assert!(downstream.contains("8,014") && downstream.contains("24,043"), "{downstream}");
    // Titer from the culture at the default qP 16: IVCD 28.13 (growth to the peak on day
    // 5.32) + 20 x 4 (stationary) + 20 x (1 - e^(-0.08 x 4.68)) / 0.08 (decline) = 186.18;
    // 16 x 186.18 / 1000 = 2.9789 g/L x 1956.25 L x 0.682 798 = 3979.0 g.
    c.click("#f-production-culture-titer_from_qp");
    for _ in 0..20 {
        tick().await;
    }
    assert_eq!(c.text(DS), "3,979 g");
    // qP 32: twice the titer, 7958 g (Protein A then loads 10,839 g: 7 cycles of 1,800 g,
    // over the 6 allowed, a fit failure; the figures are still shown).
    type_into(&c.input("#f-production-culture-qp_pg_per_cell_day"), "32");
    for _ in 0..20 {
        tick().await;
    }
    assert_eq!(c.text(DS), "7,958 g");
    // Text that is no number in the deferred form: kept, flagged, the page's results stale.
    type_into(&c.input("#f-production-additions-evaporation_pct_per_day"), "0,1x");
    for _ in 0..10 {
        tick().await;
    }
    assert_eq!(c.count(".stale-banner"), 1);
    assert_eq!(c.input("#f-production-additions-evaporation_pct_per_day").value(), "0,1x");
}
