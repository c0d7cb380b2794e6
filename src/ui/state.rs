//! The page's state: one source of truth (the scenario) and what is derived from it.

use crate::model::{estimate_headline, Estimate, FacilityProfile, FieldError, Scenario};
use leptos::prelude::*;
use std::collections::BTreeSet;
use std::sync::Arc;
pub use ttc_text::format::Prefs;

/// What the results show: the estimate of the current scenario, or, while some input is
/// invalid, the last valid estimate marked as stale.
#[derive(Clone, Debug)]
pub struct Shown {
    /// `None` only when no valid estimate has existed yet (e.g. a broken link as first input).
    pub estimate: Option<Arc<Estimate>>,
    /// The inputs that estimate was computed from (explanations quote them, not the current,
    /// invalid inputs).
    pub inputs: Option<Arc<Scenario>>,
    /// The rate card that estimate was priced with (re-pricing while an input is invalid
    /// must not change what the shown figures mean).
    pub facility: Option<Arc<FacilityProfile>>,
    pub stale: bool,
    pub errors: Vec<FieldError>,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub scenario: RwSignal<Scenario>,
    pub facility: RwSignal<FacilityProfile>,
    /// The newest rate card, for "re-price with current rates".
    pub current_facility: StoredValue<FacilityProfile>,
    /// The default scenario, for "differs from default" markers and resets.
    pub defaults: StoredValue<Scenario>,
    pub shown: Memo<Shown>,
    /// Fields whose typed text is not a number (never written into the scenario).
    pub unparsed: RwSignal<BTreeSet<String>>,
    /// Bumped by "reset everything": fields drop the text they were holding.
    pub reset_generation: RwSignal<u32>,
    pub prefs: RwSignal<Prefs>,
}

/// Shown results are the same when they hold the very same estimate, inputs and rate card
/// (the memo builds new ones only when the scenario or rate card changed): comparing by
/// identity, not field by field, keeps the comparison code of every result type out of the
/// first load.
impl PartialEq for Shown {
    fn eq(&self, other: &Self) -> bool {
        fn same<T>(a: &Option<Arc<T>>, b: &Option<Arc<T>>) -> bool {
            match (a, b) {
                (Some(a), Some(b)) => Arc::ptr_eq(a, b),
                (None, None) => true,
                _ => false,
            }
        }
        same(&self.estimate, &other.estimate)
            && same(&self.inputs, &other.inputs)
            && same(&self.facility, &other.facility)
            && self.stale == other.stale
            && self.errors == other.errors
    }
}

impl AppState {
    /// A form state that only checks its inputs: no estimate, just every input problem tied
    /// to its field (`ttc_model::validate`). The deferred module's form sections use it: the
    /// page estimates the same scenario, and a second estimate on every edit would cost a
    /// frame's time for messages that validation alone gives.
    pub fn validating(scenario: Scenario, facility: FacilityProfile) -> Self {
        Self::build::<false>(scenario, facility)
    }

    /// The page's state: the headline estimate of the scenario on every edit.
    pub fn new(scenario: Scenario, facility: FacilityProfile) -> Self {
        Self::build::<true>(scenario, facility)
    }

    /// `ESTIMATE` is a constant so that each module compiles only the kind it uses (the
    /// deferred module carries no headline estimate, the page no second validation path).
    fn build<const ESTIMATE: bool>(scenario: Scenario, facility: FacilityProfile) -> Self {
        let scenario = RwSignal::new(scenario);
        let current_facility = StoredValue::new(facility.clone());
        let facility = RwSignal::new(facility);
        let unparsed = RwSignal::new(BTreeSet::new());
        let shown = Memo::new(move |previous: Option<&Shown>| {
            let typing_error = unparsed.with(|u| !u.is_empty());
            if !ESTIMATE {
                let errors = scenario.with(|s| facility.with(|f| crate::model::validate::validate(s, f)));
                return Shown {
                    estimate: None,
                    inputs: None,
                    facility: None,
                    stale: !errors.is_empty() || typing_error,
                    errors,
                };
            }
            let result = scenario.with(|s| facility.with(|f| estimate_headline(s, f)));
            match result {
                Ok(e) => Shown {
                    estimate: Some(Arc::new(e)),
                    inputs: Some(Arc::new(scenario.get())),
                    facility: Some(Arc::new(facility.get())),
                    stale: typing_error,
                    errors: Vec::new(),
                },
                Err(errors) => Shown {
                    estimate: previous.and_then(|p| p.estimate.clone()),
                    inputs: previous.and_then(|p| p.inputs.clone()),
                    facility: previous.and_then(|p| p.facility.clone()),
                    stale: true,
                    errors,
                },
            }
        });
        Self {
            scenario,
            facility,
            current_facility,
            defaults: StoredValue::new(Scenario::default()),
            shown,
            unparsed,
            reset_generation: RwSignal::new(0),
            prefs: RwSignal::new(Prefs::default()),
        }
    }

    /// Restores the default scenario and drops every field's held text.
    pub fn reset_all(&self) {
        self.scenario.set(self.defaults.get_value());
        self.unparsed.set(BTreeSet::new());
        self.reset_generation.update(|g| *g += 1);
    }

    /// Records whether a field holds text that is not a valid value (then the results are
    /// marked stale until it is fixed, reset or gone).
    pub fn set_unparsed(&self, path: &str, bad: bool) {
        if self.unparsed.with_untracked(|u| u.contains(path)) != bad {
            self.unparsed.update(|u| {
                if bad {
                    u.insert(path.to_string());
                } else {
                    u.remove(path);
                }
            });
        }
    }

    /// The model's first error for a field path, if any.
    pub fn error_for(&self, path: &str) -> Option<FieldError> {
        self.shown.with(|s| s.errors.iter().find(|e| e.field == path).cloned())
    }
}
