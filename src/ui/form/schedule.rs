//! The schedule section: turnaround, downstream and release durations, lines, utilisation,
//! weekends, the facility calendar and the rolling seed train.

use super::{CheckField, Section};
use crate::i18n::label;
use crate::i18n::*;
use crate::lens;
use crate::model::validate::{limits, Limit};
use crate::ui::field::{form_items, num, whole, NumLens};
use crate::ui::state::AppState;
use leptos::prelude::*;
use std::sync::Arc;
use ttc_text::labels::Unit;

#[component]
pub(super) fn ScheduleSection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lines_limit =
        move || Limit { min: 1.0, max: f64::from(state.facility.with_untracked(|f| f.lines_possible)) };
    view! {
        <Section id="sec-schedule" title=label(|l| td_string!(l, sec_schedule))>
            {form_items(vec![
                whole("schedule.turnaround_days", Unit::Days, limits::SCHEDULE_DAYS, label(|l| td_string!(l, in_turnaround)), lens!(s => s.schedule.turnaround_days)),
                whole("schedule.downstream_days", Unit::Days, limits::SCHEDULE_DAYS, label(|l| td_string!(l, in_downstream_days)), NumLens::new(
                    // Entered only when the days do not follow the work (the downstream section's choice).
                    |s| (!s.schedule.downstream_days_from_work).then_some(f64::from(s.schedule.downstream_days)),
                    |s, v| s.schedule.downstream_days = v as u32,
                )),
                whole("schedule.bulk_harvest_testing_days", Unit::Days, limits::SCHEDULE_DAYS, label(|l| td_string!(l, in_bh_testing)), lens!(s => s.schedule.bulk_harvest_testing_days)),
                whole("schedule.qc_release_days", Unit::Days, limits::SCHEDULE_DAYS, label(|l| td_string!(l, in_qc_release)), lens!(s => s.schedule.qc_release_days)),
                whole("schedule.qa_disposition_days", Unit::Days, limits::SCHEDULE_DAYS, label(|l| td_string!(l, in_qa_disposition)), lens!(s => s.schedule.qa_disposition_days)),
                whole("schedule.lines_used", Unit::Lines, lines_limit(), label(|l| td_string!(l, in_lines_used)), lens!(s => s.schedule.lines_used)),
                num("schedule.line_utilisation_pct", Unit::Percent, limits::UTILISATION_PCT, label(|l| td_string!(l, in_utilisation)), lens!(s => s.schedule.line_utilisation_pct)),
            ])}
            <CheckField id="f-schedule-weekends" label=label(|l| td_string!(l, in_weekends))
                get=Arc::new(|s| s.schedule.weekend_operations_allowed) set=Arc::new(|s, on| s.schedule.weekend_operations_allowed = on) />
            <CheckField id="f-schedule-avoid_closures" label=label(|l| td_string!(l, in_avoid_closures))
                get=Arc::new(|s| s.schedule.avoid_closures) set=Arc::new(|s, on| s.schedule.avoid_closures = on) />
            <CheckField id="f-schedule-rolling_seed_train" label=label(|l| td_string!(l, in_rolling))
                get=Arc::new(|s| s.schedule.rolling_seed_train) set=Arc::new(|s, on| s.schedule.rolling_seed_train = on) />
            {form_items(vec![
                // Shown with the rolling seed train only.
                whole("schedule.max_cell_age_days", Unit::Days, limits::CELL_AGE_DAYS, label(|l| td_string!(l, in_max_age)), NumLens::new(
                    |s| s.schedule.rolling_seed_train.then_some(f64::from(s.schedule.max_cell_age_days)),
                    |s, v| s.schedule.max_cell_age_days = v as u32)),
            ])}
        </Section>
    }
}
