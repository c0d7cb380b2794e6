//! The seed train's rules, in the page's seed-train section: the passage window and the
//! growth ceilings (each value shown only while its rule is on) and the transfer excess the
//! design button uses.

use crate::i18n::*;
use crate::i18n::{label, tr};
use crate::lens;
use crate::model::validate::limits;
use crate::model::Scenario;
use crate::ui::field::{form_items, num, NumLens};
use crate::ui::form::CheckField;
use leptos::prelude::*;
use std::sync::Arc;
use ttc_text::labels::Unit;

/// The seed train's rules: the passage window, the growth ceilings (each value shown only
/// while its rule is on) and the transfer excess the design button uses.
#[component]
pub fn SeedRulesSection() -> impl IntoView {
    let on =
        |rule: fn(&Scenario) -> bool, get: fn(&Scenario) -> f64| move |s: &Scenario| rule(s).then(|| get(s));
    view! {
        <div class="seed-rules">
            <p class="note">{tr(|l| td_string!(l, seed_rules_note))}</p>
            <CheckField id="f-seed_rules-passage_window" label=label(|l| td_string!(l, in_passage_window))
                get=Arc::new(|s| s.seed_rules.passage_window) set=Arc::new(|s, v| s.seed_rules.passage_window = v) />
            <CheckField id="f-seed_rules-growth_ceiling" label=label(|l| td_string!(l, in_growth_ceiling))
                get=Arc::new(|s| s.seed_rules.growth_ceiling) set=Arc::new(|s, v| s.seed_rules.growth_ceiling = v) />
            <div class="grid">
                {form_items(vec![
                    num("seed_rules.window_low_e6_per_ml", Unit::E6CellsPerMl, limits::DENSITY_E6_PER_ML, label(|l| td_string!(l, in_window_low)),
                        NumLens::new(on(|s| s.seed_rules.passage_window, |s| s.seed_rules.window_low_e6_per_ml), |s, v| s.seed_rules.window_low_e6_per_ml = v)),
                    num("seed_rules.window_high_e6_per_ml", Unit::E6CellsPerMl, limits::DENSITY_E6_PER_ML, label(|l| td_string!(l, in_window_high)),
                        NumLens::new(on(|s| s.seed_rules.passage_window, |s| s.seed_rules.window_high_e6_per_ml), |s, v| s.seed_rules.window_high_e6_per_ml = v)),
                    num("seed_rules.max_density_batch_e6_per_ml", Unit::E6CellsPerMl, limits::DENSITY_E6_PER_ML, label(|l| td_string!(l, in_max_density_batch)),
                        NumLens::new(on(|s| s.seed_rules.growth_ceiling, |s| s.seed_rules.max_density_batch_e6_per_ml), |s, v| s.seed_rules.max_density_batch_e6_per_ml = v)),
                    num("seed_rules.max_density_perfusion_e6_per_ml", Unit::E6CellsPerMl, limits::DENSITY_E6_PER_ML, label(|l| td_string!(l, in_max_density_perfusion)),
                        NumLens::new(on(|s| s.seed_rules.growth_ceiling, |s| s.seed_rules.max_density_perfusion_e6_per_ml), |s, v| s.seed_rules.max_density_perfusion_e6_per_ml = v)),
                    num("seed_rules.transfer_excess_pct", Unit::Percent, limits::TRANSFER_EXCESS_PCT, label(|l| td_string!(l, in_transfer_excess)), lens!(s => s.seed_rules.transfer_excess_pct)),
                ])}
            </div>
        </div>
    }
}
