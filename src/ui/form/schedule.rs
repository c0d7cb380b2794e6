//! The schedule section: thaw date, turnaround, downstream and release durations, lines, weekends.

use super::Section;
use crate::i18n::*;
use crate::i18n::{label, tr};
use crate::lens;
use crate::model::date::CivilDate;
use crate::model::validate::{limits, Limit};
use crate::ui::field::{form_items, num, whole};
use crate::ui::state::AppState;
use leptos::prelude::*;
use ttc_text::labels::Unit;

#[component]
pub(super) fn ScheduleSection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let lines_limit =
        move || Limit { min: 1.0, max: f64::from(state.facility.with_untracked(|f| f.lines_possible)) };
    let date_bad = RwSignal::new(false);
    Effect::watch(move || state.reset_generation.get(), move |_, _, _| date_bad.set(false), false);
    view! {
        <Section id="sec-schedule" title=label(|l| td_string!(l, sec_schedule))>
            <div class="field" class:invalid=move || date_bad.get()>
                <label for="f-schedule-thaw_date">{tr(|l| td_string!(l, in_thaw_date))}</label>
                <input id="f-schedule-thaw_date" type="date" min="1900-01-01" max="2200-12-31"
                    prop:value=move || state.scenario.with(|s| s.schedule.thaw_date.to_string())
                    aria-invalid=move || if date_bad.get() { "true" } else { "false" }
                    aria-describedby="f-schedule-thaw_date-err"
                    on:change=move |ev| match CivilDate::parse_iso(&event_target_value(&ev)) {
                        Some(d) => {
                            date_bad.set(false);
                            state.set_unparsed("schedule.thaw_date", false);
                            state.scenario.update(|s| s.schedule.thaw_date = d);
                        }
                        None => {
                            date_bad.set(true);
                            state.set_unparsed("schedule.thaw_date", true);
                        }
                    } />
                <p id="f-schedule-thaw_date-err" class="error" aria-live="polite">
                    {move || date_bad.get().then(|| td_string!(i18n.get_locale(), err_date).to_string())}
                </p>
            </div>
            {form_items(vec![
                whole("schedule.turnaround_days", Unit::Days, limits::SCHEDULE_DAYS, label(|l| td_string!(l, in_turnaround)), lens!(s => s.schedule.turnaround_days)),
                whole("schedule.downstream_days", Unit::Days, limits::SCHEDULE_DAYS, label(|l| td_string!(l, in_downstream_days)), lens!(s => s.schedule.downstream_days)),
                whole("schedule.bulk_harvest_testing_days", Unit::Days, limits::SCHEDULE_DAYS, label(|l| td_string!(l, in_bh_testing)), lens!(s => s.schedule.bulk_harvest_testing_days)),
                whole("schedule.qc_release_days", Unit::Days, limits::SCHEDULE_DAYS, label(|l| td_string!(l, in_qc_release)), lens!(s => s.schedule.qc_release_days)),
                whole("schedule.qa_disposition_days", Unit::Days, limits::SCHEDULE_DAYS, label(|l| td_string!(l, in_qa_disposition)), lens!(s => s.schedule.qa_disposition_days)),
                whole("schedule.lines_used", Unit::Lines, lines_limit(), label(|l| td_string!(l, in_lines_used)), lens!(s => s.schedule.lines_used)),
                num("schedule.line_utilisation_pct", Unit::Percent, limits::UTILISATION_PCT, label(|l| td_string!(l, in_utilisation)), lens!(s => s.schedule.line_utilisation_pct)),
            ])}
            <div class="field check">
                <input id="f-schedule-weekends" type="checkbox"
                    prop:checked=move || state.scenario.with(|s| s.schedule.weekend_operations_allowed)
                    on:change=move |ev| { let on = event_target_checked(&ev); state.scenario.update(|s| s.schedule.weekend_operations_allowed = on); } />
                <label for="f-schedule-weekends">{tr(|l| td_string!(l, in_weekends))}</label>
            </div>
        </Section>
    }
}
