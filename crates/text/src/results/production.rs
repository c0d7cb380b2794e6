//! The production-bioreactor section: volume balance, largest V0 that fits, product at harvest.

use super::*;

pub(super) fn production_block(c: &Ctx) -> Block {
    let (p, l) = (&c.e.production, c.locale);
    let mut b = Block::new("production-results", td_string!(l, sec_production_results));
    b.chart = Some(Chart::Production {
        title: td_string!(l, chart_production).to_string(),
        volume_label: td_string!(l, chart_volume).to_string(),
        vcd_label: td_string!(l, chart_vcd).to_string(),
    });
    let mut rows: Vec<(String, String)> = vec![
        (
            td_string!(l, p_inoculum).to_string(),
            format!("{} L (1:{})", format_auto(p.inoculum_l), format_number(p.split_ratio, 1)),
        ),
        (td_string!(l, p_basal).to_string(), format!("{} L", format_auto(p.basal_medium_l))),
    ];
    for f in &p.feeds {
        rows.push((
            tf!(l, p_feed, name = f.name.clone()),
            format!("{} L × {} = {} L", format_auto(f.per_day_l), f.days.len(), format_auto(f.total_l)),
        ));
    }
    for a in &p.additions {
        rows.push((
            tf!(l, p_addition, name = crate::labels::addition_name(l, a.kind)),
            format!("{} L × {} = {} L", format_auto(a.per_day_l), a.days.len(), format_auto(a.total_l)),
        ));
    }
    let days = c.s.production.duration_days;
    let evaporation_pct = c.s.production.additions.evaporation_pct_per_day;
    if p.evaporated_l > 0.0 {
        rows.push((
            tf!(l, p_evaporation, pct = crate::format::format_short(evaporation_pct), days = days),
            format!("{} L", format_auto(p.evaporated_l)),
        ));
    }
    rows.push((td_string!(l, p_samples).to_string(), format!("{} L", format_auto(p.samples_l))));
    let final_row = if p.total_additions_l > 0.0 || p.evaporated_l > 0.0 {
        (
            td_string!(l, p_final_full).to_string(),
            format!(
                "{} + {} + {} − {} − {} = {} L",
                format_auto(p.initial_volume_l),
                format_auto(p.total_feed_l),
                format_auto(p.total_additions_l),
                format_auto(p.samples_l),
                format_auto(p.evaporated_l),
                format_auto(p.final_volume_l)
            ),
        )
    } else {
        (
            td_string!(l, p_final).to_string(),
            format!(
                "{} + {} − {} = {} L",
                format_auto(p.initial_volume_l),
                format_auto(p.total_feed_l),
                format_auto(p.samples_l),
                format_auto(p.final_volume_l)
            ),
        )
    };
    rows.push(final_row);
    rows.push((td_string!(l, p_max_volume).to_string(), format!("{} L", format_auto(p.max_volume_l))));
    let headroom_pct = c.s.production.headroom_pct;
    if headroom_pct > 0.0 {
        rows.push((
            tf!(l, p_headroom_limit, pct = crate::format::format_short(headroom_pct)),
            format!("{} L", format_auto(p.headroom_limit_l)),
        ));
    }
    rows.push((
        td_string!(l, p_max_v0).to_string(),
        format!("{} L", format_number(p.max_whole_initial_volume_l, 0)),
    ));
    rows.push((td_string!(l, p_ivcd).to_string(), format_number(p.ivcd_e6_cell_day_per_ml, 1)));
    rows.push((
        td_string!(l, p_curve).to_string(),
        format!(
            "{} · {}",
            format_number(p.peak_day, 1),
            format_number(p.decline_day.min(f64::from(days)), 1)
        ),
    ));
    rows.push((
        td_string!(l, p_viability).to_string(),
        format!("{} %", format_number(p.harvest_viability_pct, 1)),
    ));
    rows.push(if p.titer_from_qp {
        (
            td_string!(l, p_titer_qp).to_string(),
            format!(
                "{} × {} / 1000 = {} g/L",
                format_auto(p.qp_pg_per_cell_day),
                format_number(p.ivcd_e6_cell_day_per_ml, 1),
                format_number(p.titer_g_per_l, 3)
            ),
        )
    } else {
        (
            td_string!(l, p_titer_entered).to_string(),
            format!(
                "{} g/L · qP {} {}",
                format_auto(p.titer_g_per_l),
                format_number(p.qp_pg_per_cell_day, 1),
                crate::labels::unit_text(l, crate::labels::Unit::PgPerCellDay)
            ),
        )
    });
    rows.push((
        td_string!(l, p_product).to_string(),
        format!("{} g", format_number(p.product_at_harvest_g, 0)),
    ));
    b.table = Some(Table {
        class: "",
        head: heads(&[(td_string!(l, col_item), false), (td_string!(l, col_quantity), true)]),
        rows: rows.into_iter().map(|(k, v)| Row::new(vec![Cell::Head(k), Cell::Num(v)])).collect(),
        foot: Vec::new(),
    });
    b
}
