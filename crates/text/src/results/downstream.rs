//! The downstream section: masses, yields, column cycles and filter areas by step.

use super::*;
use crate::format::format_short;
use ttc_model::downstream::{whole_doses, DsStep};

pub(super) fn downstream_block(c: &Ctx) -> Block {
    let (d, l) = (&c.e.downstream, c.locale);
    let mut b = Block::new("downstream-results", td_string!(l, sec_downstream_results));
    let rows = d
        .steps
        .iter()
        .map(|st| {
            let sizing = match (st.column, st.filter_area_m2) {
                (Some(col), _) => tf!(
                    l,
                    sizing_column,
                    cv = format_auto(col.column_volume_l),
                    cycles = col.cycles,
                    max = col.max_cycles
                ),
                (None, Some(a)) => match st.filter {
                    Some(f) if f.safety_factor != 1.0 || f.modules.is_some() => {
                        match (f.modules, f.module_m2) {
                            (Some(n), Some(module)) => tf!(
                                l,
                                sizing_filter,
                                needed = format_auto(f.needed_m2),
                                sf = format_short(f.safety_factor),
                                modules = n,
                                module = format_short(module),
                                installed = format_auto(f.installed_m2)
                            ),
                            _ => tf!(
                                l,
                                sizing_filter_exact,
                                needed = format_auto(f.needed_m2),
                                sf = format_short(f.safety_factor),
                                installed = format_auto(f.installed_m2)
                            ),
                        }
                    }
                    _ => format!("{} m²", format_auto(a)),
                },
                _ => "–".into(),
            };
            let how = match st.column {
                Some(col) => tf!(
                    l,
                    how_column,
                    mass = format_number(st.mass_in_g, 0),
                    capacity = format_number(col.capacity_per_cycle_g, 0),
                    cycles = col.cycles
                ),
                None => tf!(
                    l,
                    how_step,
                    mass = format_number(st.mass_in_g, 0),
                    yield_pct = format_auto(st.yield_pct),
                    out = format_number(st.mass_out_g, 0)
                ),
            };
            Row::new(vec![
                Cell::Head(step_name(l, st.step).to_string()),
                Cell::Num(format_number(st.mass_in_g, 0)),
                Cell::Num(format!("{} %", format_auto(st.yield_pct))),
                Cell::Num(format_number(st.mass_out_g, 0)),
                Cell::Num(format_auto(st.volume_out_l)),
                Cell::Num(format_auto(st.buffer_l)),
                Cell::Text(sizing),
                Cell::How(how),
            ])
        })
        .collect();
    let foot = vec![Row {
        class: "",
        id: "ds-total",
        cells: vec![
            Cell::Head(td_string!(l, ds_total).to_string()),
            Cell::Num(String::new()),
            Cell::Num(format!("{} %", format_number(d.overall_yield_pct, 1))),
            Cell::Num(format_number(d.drug_substance_g, 0)),
            Cell::Num(format_auto(d.drug_substance_volume_l)),
            Cell::Num(format_auto(d.total_buffer_l)),
            Cell::Text(String::new()),
            Cell::Text(String::new()),
        ],
    }];

    b.table = Some(Table {
        class: "",
        head: heads(&[
            (td_string!(l, col_step), false),
            (td_string!(l, col_mass_in), true),
            (td_string!(l, col_yield), true),
            (td_string!(l, col_mass_out), true),
            (td_string!(l, col_volume_out), true),
            (td_string!(l, col_buffer), true),
            (td_string!(l, col_sizing), false),
            (td_string!(l, col_how), false),
        ]),
        rows,
        foot,
    });
    b.note = Some(td_string!(l, dsp_units_note).to_string());
    // Doses next to the grams: per batch and in the campaign.
    let (dose_mg, batches) = (c.s.program.dose_mg, c.e.cost.batches);
    let doses = |grams: f64| format_number(whole_doses(grams, dose_mg), 0);
    b.more.push(Table {
        class: "",
        head: heads(&[
            (&tf!(l, ds_doses, dose = format_short(dose_mg)), false),
            (td_string!(l, col_quantity), true),
        ]),
        rows: vec![
            Row::new(vec![
                Cell::Head(td_string!(l, doses_batch).to_string()),
                Cell::Num(doses(d.drug_substance_g)),
            ]),
            Row::new(vec![
                Cell::Head(tf!(l, doses_campaign, batches = batches)),
                Cell::Num(doses(d.drug_substance_g * f64::from(batches))),
            ]),
        ],
        foot: Vec::new(),
    });
    // The downstream days: what the columns and the other steps take, and whether the schedule
    // uses them or the days entered.
    let ds = &c.s.downstream;
    let columns: Vec<String> =
        [(DsStep::ProteinA, &ds.protein_a), (DsStep::Aex, &ds.aex), (DsStep::Cex, &ds.cex)]
            .iter()
            .map(|&(step, chrom)| {
                let cycles = d.step(step).column.map_or(0, |col| col.cycles);
                format!("{} {cycles} × {} h", step_name(l, step), format_short(chrom.cycle_time_h))
            })
            .collect();
    let (hours, other) = (format_short(d.column_time_h), format_short(ds.other_steps_days));
    b.intro = Some(if c.s.schedule.downstream_days_from_work {
        tf!(l, ds_days_work, columns = columns.join(", "), hours = hours, other = other, days = d.work_days)
    } else {
        tf!(
            l,
            ds_days_entered,
            days = c.s.schedule.downstream_days,
            work = d.work_days,
            hours = hours,
            other = other
        )
    });
    b
}
