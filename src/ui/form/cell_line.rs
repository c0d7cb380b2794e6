//! The cell-line section: doubling time, lag, cells per vial and post-thaw viability.

use super::Section;
use crate::i18n::label;
use crate::i18n::*;
use crate::lens;
use crate::model::validate::limits;
use crate::ui::field::{form_items, num};
use leptos::prelude::*;
use ttc_text::labels::Unit;

#[component]
pub(super) fn CellLineSection() -> impl IntoView {
    view! {
        <Section id="sec-cell-line" title=label(|l| td_string!(l, sec_cell_line))>
            {form_items(vec![
                num("cell_line.doubling_time_h", Unit::Hours, limits::DOUBLING_TIME_H, label(|l| td_string!(l, in_doubling_time)), lens!(s => s.cell_line.doubling_time_h)),
                num("cell_line.lag_h", Unit::Hours, limits::LAG_H, label(|l| td_string!(l, in_lag)), lens!(s => s.cell_line.lag_h)),
                num("cell_line.cells_per_vial_e6", Unit::E6Cells, limits::CELLS_PER_VIAL_E6, label(|l| td_string!(l, in_cells_per_vial)), lens!(s => s.cell_line.cells_per_vial_e6)),
                num("cell_line.post_thaw_viability_pct", Unit::Percent, limits::VIABILITY_PCT, label(|l| td_string!(l, in_viability)), lens!(s => s.cell_line.post_thaw_viability_pct)),
            ])}
        </Section>
    }
}
