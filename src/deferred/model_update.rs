//! "Update to the current model": a scenario made with an earlier release (a version-1 link
//! or file, or one saved from it) keeps the figures it had; this notice, drawn by the
//! deferred module under the page's notices, says what updating it to the current model and
//! rate card changes, and does it on request (an `EditRequest` to the page).

use crate::deferred::Shared;
use crate::handover::{self, EditRequest};
use crate::i18n::*;
use crate::model::date::CivilDate;
use crate::model::program::MilestoneKind;
use crate::model::{estimate, legacy, link, Estimate, FacilityProfile, Scenario};
use crate::ui::address::notice_box;
use leptos::prelude::*;
use ttc_text::format::{format_date, format_money, Currency};
use ttc_text::labels::lang;

/// The figures an update changes.
#[derive(Clone, Debug, PartialEq)]
struct Figures {
    price_per_batch_usd: f64,
    program_price_usd: f64,
    first_release: CivilDate,
    last_release: CivilDate,
}

impl Figures {
    fn of(e: &Estimate) -> Self {
        Figures {
            price_per_batch_usd: e.cost.per_batch,
            program_price_usd: e.program_cost.price_usd,
            first_release: e
                .program
                .milestone(MilestoneKind::FirstBatchRelease)
                .map_or(e.timeline.release_date, |m| m.date),
            last_release: e.campaign.last_release_date,
        }
    }
}

/// What the update would change; `None` when the page's scenario follows today's model or
/// either estimate cannot be made (an invalid input is fixed first).
fn offer(page_link: &str) -> Option<(Figures, Figures, Earlier)> {
    let (opened, updated) = to_current_model(page_link)?;
    let (facility, _) = FacilityProfile::priced_with(&opened.facility_profile);
    let current = FacilityProfile::current();
    let before = estimate(&opened.scenario, &facility).ok()?;
    let after = estimate(&updated, &current).ok()?;
    let earlier = if legacy::follows_v1(&opened.scenario) {
        Earlier::V1
    } else if legacy::follows_v2_seed_train(&opened.scenario) {
        Earlier::V2
    } else if legacy::follows_v3(&opened.scenario) {
        Earlier::V3
    } else {
        Earlier::V4
    };
    Some((Figures::of(&before), Figures::of(&after), earlier))
}

/// The link of the page's scenario moved to today's model; `None` when it follows it already
/// or cannot be read. Made from the page's link when the button is pressed, not from the one
/// the offer was drawn from, which follows the page a task later (`Shared::link_later`): an
/// edit made just before would otherwise be undone.
fn updated_link(page_link: &str) -> Option<String> {
    let (_, updated) = to_current_model(page_link)?;
    Some(link::encode(&updated, &FacilityProfile::current().id))
}

/// The page's link opened, and its scenario moved to today's model; `None` when it follows
/// it already or cannot be read.
fn to_current_model(page_link: &str) -> Option<(link::Link, Scenario)> {
    let opened = link::decode(page_link).ok()?;
    if !legacy::follows_earlier_model(&opened.scenario) {
        return None;
    }
    let updated = legacy::to_current_model(&opened.scenario);
    Some((opened, updated))
}

/// The earliest model a scenario still follows: the update notice says what it keeps.
#[derive(Clone, Copy, PartialEq)]
enum Earlier {
    /// Version 1's program, seed train and production.
    V1,
    /// Version 2's seed train and production.
    V2,
    /// Version 3's production.
    V3,
    /// Version 4's resin accounting.
    V4,
}

#[component]
pub fn ModelUpdateNotice() -> impl IntoView {
    let shared = expect_context::<Shared>();
    let dismissed = RwSignal::new(false);
    let offer = Memo::new(move |_| offer(&shared.link_later.get()));
    move || {
        let (before, after, earlier) = offer.get().filter(|_| !dismissed.get())?;
        let l = shared.locale.get();
        let money = |a: f64, b: f64| {
            format!("{} → {}", format_money(a, Currency::Usd), format_money(b, Currency::Usd))
        };
        let date =
            |a: CivilDate, b: CivilDate| format!("{} → {}", format_date(a, lang(l)), format_date(b, lang(l)));
        let (price, program, first, last) = (
            money(before.price_per_batch_usd, after.price_per_batch_usd),
            money(before.program_price_usd, after.program_price_usd),
            date(before.first_release, after.first_release),
            date(before.last_release, after.last_release),
        );
        // A version-1 scenario keeps version 1's program too; a version-2 one its seed train
        // and production; a version-3 one its production; a version-4 one its resin accounting.
        let text = match earlier {
            Earlier::V1 => {
                tf!(l, notice_older_model, price = price, program = program, first = first, last = last)
            }
            Earlier::V2 => {
                tf!(l, notice_older_model_v2, price = price, program = program, first = first, last = last)
            }
            Earlier::V3 => {
                tf!(l, notice_older_model_v3, price = price, program = program, first = first, last = last)
            }
            Earlier::V4 => {
                tf!(l, notice_older_model_v4, price = price, program = program, first = first, last = last)
            }
        };
        let update = move |_| {
            if let Some(link) = updated_link(&shared.link.get_untracked()) {
                handover::window::request_edit(&EditRequest { link });
            }
        };
        let action = view! {
            <button type="button" id="update-model" on:click=update>{td_string!(l, btn_update_model)}</button>
        }
        .into_any();
        Some(notice_box(l, "info", text, None, Some(action), move || dismissed.set(true)))
    }
}
