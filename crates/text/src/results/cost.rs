//! The batch cost section: every cost line (quantity x unit price) with the source of its rate, and the totals.

use super::*;
use ttc_model::cost::QuantityUnit;

pub(super) fn cost_block(c: &Ctx) -> Block {
    let (cost, l) = (&c.e.cost, c.locale);
    let mut b = Block::new("cost", td_string!(l, sec_cost));
    let bars = cost
        .by_category
        .iter()
        .filter(|(_, a)| *a > 0.0)
        .map(|(cat, a)| Bar { label: category_name(l, *cat).to_string(), value: *a, text: c.money(*a) })
        .collect();
    b.chart = Some(Chart::Bars { title: td_string!(l, chart_cost).to_string(), bars });
    let rows = cost
        .lines
        .iter()
        .map(|line| {
            let (quantity, unit_price) = if line.unit == QuantityUnit::Money {
                (c.money(line.quantity), format!("{} %", format_auto(line.unit_price * 100.0)))
            } else {
                (
                    format!("{} {}", format_auto(line.quantity), quantity_unit(l, line.unit)),
                    c.money(line.unit_price),
                )
            };
            let source = c.rate_source(line.rate, td_string!(l, source_vessel_kit));
            Row::new(vec![
                Cell::Text(category_name(l, line.category).to_string()),
                Cell::Head(cost_item_name(l, c.f, &line.item)),
                Cell::Num(quantity),
                Cell::Num(unit_price),
                Cell::Num(c.money(line.amount)),
                Cell::Source(source),
            ])
        })
        .collect();
    let total = |id: &'static str, label: String, value: String| Row {
        class: "",
        id,
        cells: vec![
            Cell::Head(label),
            Cell::Text(String::new()),
            Cell::Text(String::new()),
            Cell::Text(String::new()),
            Cell::Num(value),
            Cell::Text(String::new()),
        ],
    };
    b.table = Some(Table {
        class: "cost-lines",
        head: heads(&[
            (td_string!(l, col_category), false),
            (td_string!(l, col_item), false),
            (td_string!(l, col_quantity), true),
            (td_string!(l, col_unit_price), true),
            (td_string!(l, col_amount), true),
            (td_string!(l, col_source), false),
        ]),
        rows,
        foot: vec![
            total("cost-total", td_string!(l, cost_per_batch).to_string(), c.money(cost.per_batch)),
            total(
                "cost-per-gram",
                td_string!(l, cost_per_gram).to_string(),
                cost.per_gram.map(|g| c.money(g)).unwrap_or_default(),
            ),
            total("cost-campaign", tf!(l, cost_campaign, batches = cost.batches), c.money(cost.campaign)),
        ],
    });
    let occupancy = c.e.timeline.line_occupancy_days;
    b.note = Some(if c.f.line_day_rate_includes_idle {
        tf!(l, cost_line_billing_idle, occupancy = occupancy)
    } else {
        let util = c.s.schedule.line_utilisation_pct;
        tf!(
            l,
            cost_line_billing_reserved,
            occupancy = occupancy,
            util = format_auto(util),
            days = format_auto(ttc_model::cost::billed_line_days(occupancy, util, c.f))
        )
    });
    b
}
