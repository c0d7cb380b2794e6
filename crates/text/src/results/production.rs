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
    rows.push((td_string!(l, p_samples).to_string(), format!("{} L", format_auto(p.samples_l))));
    rows.push((
        td_string!(l, p_final).to_string(),
        format!(
            "{} + {} − {} = {} L",
            format_auto(p.initial_volume_l),
            format_auto(p.total_feed_l),
            format_auto(p.samples_l),
            format_auto(p.final_volume_l)
        ),
    ));
    rows.push((td_string!(l, p_max_volume).to_string(), format!("{} L", format_auto(p.max_volume_l))));
    rows.push((
        td_string!(l, p_max_v0).to_string(),
        format!("{} L", format_number(p.max_whole_initial_volume_l, 0)),
    ));
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
