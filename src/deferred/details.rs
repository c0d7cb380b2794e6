//! The detailed result sections under the headline, computed from the link of the results the
//! page shows and drawn one section per task at start-up.

use crate::deferred::render::render_section;
use crate::deferred::Shared;
use crate::model::link;
use crate::model::{estimate, Estimate, FacilityProfile, Scenario};
use crate::steps::step_per_task;
use leptos::prelude::*;
use std::sync::Arc;
use ttc_text::results::{Ctx, DETAIL_SECTIONS};

/// The results the page shows, as the detailed sections need them.
#[derive(PartialEq)]
struct Opened {
    estimate: Estimate,
    scenario: Scenario,
    facility: FacilityProfile,
}

/// The detailed result sections of the results the page shows. At start-up the estimate is
/// made in one task and one section is drawn per task after it, so that no task blocks input
/// for long on a slow phone; after that an edit redraws them all at once (a few milliseconds).
#[component]
pub fn Details() -> impl IntoView {
    let shared = expect_context::<Shared>();
    let opened = Memo::new(move |_| {
        let link = link::decode(&shared.shown_later.get()).ok()?;
        let facility = FacilityProfile::priced_with(&link.facility_profile).0;
        let estimate = estimate(&link.scenario, &facility).ok()?;
        Some(Arc::new(Opened { estimate, scenario: link.scenario, facility }))
    });
    // The estimate in this task, the first section in the next: together they were the
    // longest task of the module's start (its code is compiled at its first call).
    opened.with_untracked(|_| ());
    let drawn = shared.details_drawn;
    step_per_task(drawn, DETAIL_SECTIONS.len());
    DETAIL_SECTIONS
        .into_iter()
        .enumerate()
        .map(|(i, build)| {
            // Its own memo, so that a section redraws once when its turn comes, not again at
            // every later section's turn.
            let ready = Memo::new(move |_| drawn.get() > i);
            move || {
                if !ready.get() {
                    return None;
                }
                let o = opened.get()?;
                let c = Ctx {
                    e: &o.estimate,
                    s: &o.scenario,
                    f: &o.facility,
                    locale: shared.locale.get(),
                    prefs: shared.prefs.get(),
                };
                Some(render_section(build, &c))
            }
        })
        .collect_view()
}
