//! The rate card section: every rate with its source, overridable for this scenario.

use crate::i18n::*;
use crate::i18n::{label, tr};
use crate::model::facility::{Rate, RateUnit};
use crate::model::scenario::StepKind;
use crate::model::validate::Limit;
use crate::ui::field::{form_items, num, NumLens};
use crate::ui::form::Section;
use crate::ui::state::AppState;
use leptos::prelude::*;
use ttc_text::labels::{local, rate_name, Unit};

pub(super) fn rate_unit(rate: Rate) -> Unit {
    match rate.unit() {
        RateUnit::MoneyPerL => Unit::MoneyPerL,
        RateUnit::MoneyPerM2 => Unit::MoneyPerM2,
        RateUnit::MoneyPerBatch => Unit::MoneyPerBatch,
        RateUnit::MoneyPerDay => Unit::MoneyPerDay,
        RateUnit::MoneyOnce => Unit::Money,
        RateUnit::MoneyPerMethod => Unit::MoneyPerMethod,
        RateUnit::People => Unit::People,
        RateUnit::ShiftsPerDay => Unit::ShiftsPerDay,
        RateUnit::Percent => Unit::Percent,
    }
}

#[component]
pub fn RatesSection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let facility = state.facility;
    view! {
        <Section id="sec-rates" title=label(|l| td_string!(l, sec_rates))>
            <p class="note wide">{tr(|l| td_string!(l, rates_note))}</p>
            // The program steps' fees are edited in their rows of the plan.
            {Rate::ALL.into_iter().filter(|r| !StepKind::ALL.iter().any(|k| k.fee_rate() == Some(*r))).map(|rate| {
                let source = move || facility.with(|f| f.rate_source(rate).map(|s| local(i18n.get_locale(), s).to_string()));
                let lens = NumLens::new(
                    move |s| Some(facility.with_untracked(|f| s.rate(rate, f))),
                    move |s, v| facility.with_untracked(|f| s.set_rate(rate, v, f)),
                );
                view! {
                    <div class="rate">
                        {form_items(vec![
                            num(format!("rate_overrides.{}", rate.key()), rate_unit(rate), Limit { min: 0.0, max: rate.max() }, label(move |l| rate_name(l, rate)), lens),
                        ])}
                        <small class="source">
                            {move || match source() {
                                Some(s) => format!("{} {s}", td_string!(i18n.get_locale(), source_published)),
                                None => td_string!(i18n.get_locale(), source_illustrative).to_string(),
                            }}
                        </small>
                    </div>
                }
            }).collect_view()}
        </Section>
    }
}
