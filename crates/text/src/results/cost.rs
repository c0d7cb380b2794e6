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
    let billing = if c.f.line_day_rate_includes_idle {
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
    };
    b.note = Some(format!("{billing} {} {}", resin_note(c), labour_note(c)));
    b
}

/// How resin reached the batch: dedicated (sets written off over the batches run on them)
/// or amortised, each column's litres, and whether the mode is the phase's default.
fn resin_note(c: &Ctx) -> String {
    use ttc_model::cost::{resin_litres_per_batch, resin_sets};
    use ttc_model::downstream::DsStep;
    use ttc_model::scenario::{default_resin_mode, ResinMode};
    let (l, d) = (c.locale, &c.s.downstream);
    let why = if d.resin_mode == default_resin_mode(c.s.program.phase) {
        tf!(l, resin_why_default, phase = crate::labels::phase_name(l, c.s.program.phase))
    } else {
        td_string!(l, resin_why_chosen).to_string()
    };
    let batches = c.e.cost.resin_batches;
    let columns: Vec<String> =
        [(DsStep::ProteinA, &d.protein_a), (DsStep::Aex, &d.aex), (DsStep::Cex, &d.cex)]
            .into_iter()
            .filter_map(|(step, column)| {
                let cycles = c.e.downstream.step(step).column.map(|u| u.cycles)?;
                let litres = format_auto(resin_litres_per_batch(column, cycles, d.resin_mode, batches));
                let (step, cv) = (crate::labels::step_name(l, step), format_auto(column.column_volume_l));
                Some(match d.resin_mode {
                    ResinMode::DedicatedToCampaign => tf!(
                        l,
                        cost_resin_column_dedicated,
                        step = step,
                        sets = resin_sets(column, cycles, batches),
                        cv = cv,
                        batches = batches,
                        litres = litres
                    ),
                    ResinMode::Amortised => tf!(
                        l,
                        cost_resin_column_amortised,
                        step = step,
                        cv = cv,
                        cycles = cycles,
                        lifetime = column.lifetime_cycles,
                        litres = litres
                    ),
                })
            })
            .collect();
    let columns = columns.join("; ");
    match d.resin_mode {
        ResinMode::Amortised => tf!(l, cost_resin_amortised, why = why, columns = columns),
        ResinMode::DedicatedToCampaign => {
            let which = if d.dedicated_resin_over_program {
                let p = &c.e.program;
                tf!(
                    l,
                    resin_which_program,
                    engineering = p.engineering.batches.len(),
                    ppq = p.ppq.batches.len(),
                    campaign = c.e.cost.batches
                )
            } else {
                td_string!(l, resin_which_campaign).to_string()
            };
            tf!(l, cost_resin_dedicated, why = why, batches = batches, which = which, columns = columns)
        }
    }
}

/// Labour by shift: operators per shift x shifts a day x days in each area, and the
/// preparation and support staff on day shift over the batch's days.
fn labour_note(c: &Ctx) -> String {
    let (l, cost) = (c.locale, &c.e.cost);
    let staff = ttc_model::cost::Staffing::of(c.s, c.f);
    let (usp_days, dsp_days) = (f64::from(cost.upstream_days), f64::from(cost.downstream_days));
    let (prep, support) = staff.prep_and_support_shifts(usp_days, dsp_days);
    tf!(
        l,
        cost_labour,
        usp_ops = format_auto(staff.usp_operators_per_shift),
        usp_shifts = format_auto(staff.usp_shifts_per_day),
        usp_days = cost.upstream_days,
        usp = format_auto(staff.usp_operator_shifts(usp_days)),
        dsp_ops = format_auto(staff.dsp_operators_per_shift),
        dsp_shifts = format_auto(staff.dsp_shifts_per_day),
        dsp_days = cost.downstream_days,
        dsp = format_auto(staff.dsp_operator_shifts(dsp_days)),
        prep = format_auto(staff.prep_staff),
        support = format_auto(staff.support_staff),
        all_days = format_auto(usp_days + dsp_days),
        others = format_auto(prep + support)
    )
}
