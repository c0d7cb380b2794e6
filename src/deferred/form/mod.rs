//! The form sections the deferred module draws into places the page's form keeps for them:
//! the program plan, the seed train's rules and the rate card. Their code (about 60 KB of WebAssembly) is not needed
//! for the first result, so it stays out of the page's first load.
//!
//! They are the page's own form components (`crate::ui::form`, `crate::ui::field`) over an
//! [`AppState`] of this module: it follows the scenario the page publishes, and an edit here
//! goes to the page as an [`EditRequest`] (`crate::handover`), which the page applies and
//! publishes back. Field errors come from this module's own validation of the same scenario
//! (`AppState::validating`: no second estimate on every edit), so they show next to the fields
//! here as they do in the page.

mod downstream;
mod plan;
mod production_model;
mod rates;
mod seed_rules;

pub use downstream::DownstreamSection;
pub use plan::PlanSection;
pub use production_model::ProductionModelSection;
pub use rates::RatesSection;
pub use seed_rules::SeedRulesSection;

use crate::deferred::Shared;
use crate::handover::{self, EditRequest};
use crate::model::{link, FacilityProfile, Scenario};
use crate::ui::state::AppState;
use leptos::prelude::*;

/// This module's form state, following the page's scenario both ways. It starts at the
/// scenario the page shows, not only at its effect's first run: the print header may be its
/// first user, drawn within a `beforeprint` that `window.print()` fires while script runs,
/// and effects run only after that print's layout.
pub fn form_state(shared: Shared) -> AppState {
    let (scenario, facility) = match link::decode(&shared.link.get_untracked()) {
        Ok(opened) => (opened.scenario, FacilityProfile::priced_with(&opened.facility_profile).0),
        Err(_) => (Scenario::default(), FacilityProfile::current()),
    };
    let state = AppState::validating(scenario, facility);
    // Page -> form: the scenario (and rate card) the page shows.
    Effect::new(move |_| {
        let Ok(opened) = link::decode(&shared.link.get()) else { return };
        if state.facility.with_untracked(|f| f.id != opened.facility_profile) {
            state.facility.set(FacilityProfile::priced_with(&opened.facility_profile).0);
        }
        if state.scenario.with_untracked(|s| *s != opened.scenario) {
            state.scenario.set(opened.scenario);
        }
    });
    // The page dropped its fields' text ("reset all", another scenario opened): so do these.
    Effect::watch(
        move || shared.generation.get(),
        move |_, _, _| {
            state.unparsed.set(Default::default());
            state.reset_generation.update(|g| *g += 1);
        },
        false,
    );
    // Text here that is no value keeps the page's results marked stale, as its own fields do.
    Effect::watch(
        move || state.unparsed.with(|u| !u.is_empty()),
        move |bad, _, _| handover::window::report_form_unparsed(*bad),
        false,
    );
    // Form -> page: an edit here, once it differs from what the page shows.
    Effect::new(move |_| {
        let text = state.scenario.with(|s| state.facility.with(|f| link::encode(s, &f.id)));
        let page = shared.link.get_untracked();
        if !page.is_empty() && text != page {
            handover::window::request_edit(&EditRequest { link: text });
        }
    });
    state
}
