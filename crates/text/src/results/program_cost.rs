//! The program cost section: the program's price by step (fees, methods, engineering, PPQ and
//! campaign batches), its direct cost, and the price per gram delivered and expected.

use super::program::step_label;
use super::*;
use ttc_model::program_cost::ProgramItem;
use ttc_model::scenario::StepKind;

pub(super) fn program_cost_block(c: &Ctx) -> Block {
    let (e, l) = (c.e, c.locale);
    let pc = &e.program_cost;
    let mut b = Block::new("program-cost", td_string!(l, sec_program_cost));
    let overhead = format_auto(c.s.rate(Rate::OverheadPct, c.f));
    let margin = format_auto(c.s.rate(Rate::MarginPct, c.f));
    let rows = pc
        .lines
        .iter()
        .map(|line| {
            let n = line.quantity as u32;
            let (quantity, how) = match line.item {
                ProgramItem::Fee => (td_string!(l, pc_fee).to_string(), None),
                ProgramItem::Methods => (tf!(l, pc_methods, count = n), None),
                ProgramItem::Batches | ProgramItem::RollingBatches => {
                    let q = if line.item == ProgramItem::RollingBatches {
                        tf!(l, pc_rolling, count = n)
                    } else {
                        tf!(l, pc_batches, count = n)
                    };
                    let how = match line.step {
                        StepKind::EngineeringRuns => tf!(
                            l,
                            how_pc_engineering,
                            direct = c.money(e.engineering_cost.direct),
                            gmp = c.money(e.cost.direct),
                            overhead = overhead.clone(),
                            margin = margin.clone(),
                            price = c.money(line.unit_price_usd)
                        ),
                        StepKind::Ppq => tf!(
                            l,
                            how_pc_ppq,
                            gmp = c.money(e.cost.direct),
                            ppq = c.money(c.s.rate(Rate::PpqTestingPerBatch, c.f)),
                            overhead = overhead.clone(),
                            margin = margin.clone(),
                            price = c.money(line.unit_price_usd)
                        ),
                        _ => tf!(l, how_pc_campaign, price = c.money(line.unit_price_usd), count = n),
                    };
                    (q, Some(how))
                }
            };
            let source = match line.rate.map(|r| c.f.rate_origin(r, &c.s.rate_overrides)) {
                Some(ttc_model::facility::RateOrigin::Client) => td_string!(l, source_client).to_string(),
                Some(ttc_model::facility::RateOrigin::Published(s)) => {
                    format!("{} {}", td_string!(l, source_published), local(l, s))
                }
                Some(ttc_model::facility::RateOrigin::Illustrative) => {
                    td_string!(l, source_illustrative).to_string()
                }
                None => td_string!(l, pc_source_batches).to_string(),
            };
            Row::new(vec![
                Cell::Head(step_label(c, line.step)),
                Cell::Text(quantity),
                Cell::Num(c.money(line.unit_price_usd)),
                Cell::Num(c.money(line.price_usd)),
                Cell::Num(line.direct_cost_usd.map(|d| c.money(d)).unwrap_or_else(|| "—".into())),
                Cell::Source(source),
                how.map_or(Cell::Text(String::new()), Cell::How),
            ])
        })
        .collect();
    let total = |id: &'static str, label: String, value: String, direct: String| Row {
        class: "",
        id,
        cells: vec![
            Cell::Head(label),
            Cell::Text(String::new()),
            Cell::Text(String::new()),
            Cell::Num(value),
            Cell::Num(direct),
            Cell::Text(String::new()),
            Cell::Text(String::new()),
        ],
    };
    b.table = Some(Table {
        class: "program-cost",
        head: heads(&[
            (td_string!(l, col_step), false),
            (td_string!(l, col_quantity), false),
            (td_string!(l, col_unit_price), true),
            (td_string!(l, col_price), true),
            (td_string!(l, col_direct_cost), true),
            (td_string!(l, col_source), false),
            ("", false),
        ]),
        rows,
        foot: vec![
            total(
                "program-total",
                td_string!(l, pc_total).to_string(),
                c.money(pc.price_usd),
                c.money(pc.batches_direct_cost_usd),
            ),
            total(
                "program-per-gram",
                tf!(
                    l,
                    pc_per_gram,
                    grams = format_number(pc.delivered_drug_substance_g, 0),
                    batches = pc.delivered_batches
                ),
                pc.price_per_gram_usd.map(|g| c.money(g)).unwrap_or_default(),
                String::new(),
            ),
            total(
                "program-per-expected-gram",
                tf!(
                    l,
                    pc_per_expected_gram,
                    pct = format_auto(c.s.plan.batch_success_pct),
                    grams = format_number(pc.expected_released_g, 0)
                ),
                pc.price_per_expected_gram_usd.map(|g| c.money(g)).unwrap_or_default(),
                String::new(),
            ),
        ],
    });
    b.note = Some(td_string!(l, pc_note).to_string());
    b
}
