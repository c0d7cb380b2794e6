//! The capacity section: batches and kilograms a year on 1 to 6 lines, and the answer to
//! "this much drug substance by this date" when the plan has a due date.

use super::*;

pub(super) fn capacity_block(c: &Ctx) -> Block {
    let (e, l) = (c.e, c.locale);
    let sc = &c.s.schedule;
    let mut b = Block::new("capacity", td_string!(l, sec_capacity));
    let ds = e.downstream.drug_substance_g;
    let success = format_auto(c.s.plan.batch_success_pct);
    let mut intro = tf!(
        l,
        capacity_intro,
        util = format_auto(sc.line_utilisation_pct),
        trains = c.f.downstream_trains,
        ds = format_number(ds, 0),
        pct = success.clone()
    );
    if let Some(d) = &e.deliver_by {
        let grams = format_number(d.drug_substance_wanted_g, 0);
        let answer = match d.fewest_lines {
            Some(lines) => tf!(
                l,
                deliver_met,
                grams = grams,
                due = c.date(d.due_date),
                batches = d.batches,
                lines = lines,
                last = d
                    .last_release_by_lines
                    .iter()
                    .find(|r| r.lines == lines)
                    .map(|r| c.date(r.last_release_date))
                    .unwrap_or_default(),
                chosen = d.chosen_lines,
                chosen_last = c.date(d.chosen_last_release)
            ),
            None => tf!(
                l,
                deliver_not_met,
                grams = grams,
                due = c.date(d.due_date),
                batches = d.batches,
                max = d.last_release_by_lines.len(),
                last =
                    d.last_release_by_lines.last().map(|r| c.date(r.last_release_date)).unwrap_or_default(),
                chosen = d.chosen_lines,
                chosen_last = c.date(d.chosen_last_release)
            ),
        };
        intro = format!("{intro} {answer}");
        if matches!(c.s.program.target, ttc_model::scenario::CampaignTarget::DrugSubstanceG { .. }) {
            intro = format!("{intro} {}", td_string!(l, deliver_spares));
        }
    }
    b.intro = Some(intro);
    let occupancy = e.timeline.line_occupancy_days;
    let cycle = f64::from(occupancy) / (sc.line_utilisation_pct / 100.0);
    b.chart = Some(Chart::Bars {
        title: td_string!(l, chart_capacity).to_string(),
        bars: e
            .capacity
            .iter()
            .map(|r| Bar {
                label: tf!(l, capacity_lines, lines = r.lines),
                value: r.released_kg_per_year,
                text: format!("{} kg", format_number(r.released_kg_per_year, 1)),
            })
            .collect(),
    });
    b.table = Some(Table {
        class: "capacity",
        head: heads(&[
            (td_string!(l, col_lines), false),
            (td_string!(l, col_spacing), true),
            (td_string!(l, col_batches_year), true),
            (td_string!(l, col_kg_year), true),
            (td_string!(l, col_utilisation), true),
            ("", false),
        ]),
        rows: e
            .capacity
            .iter()
            .map(|r| {
                let mut label = r.lines.to_string();
                if r.beyond_installed {
                    label = format!("{label} {}", td_string!(l, not_installed));
                }
                Row {
                    class: if r.lines == sc.lines_used { "chosen" } else { "" },
                    id: "",
                    cells: vec![
                        Cell::Head(label),
                        Cell::Num(r.spacing_days.to_string()),
                        Cell::Num(format_number(r.batches_per_year, 1)),
                        Cell::Num(format_number(r.released_kg_per_year, 1)),
                        Cell::Num(format!("{} %", format_number(r.utilisation_pct, 0))),
                        Cell::How(tf!(
                            l,
                            how_capacity,
                            occupancy = occupancy,
                            util = format_auto(sc.line_utilisation_pct),
                            cycle = format_number(cycle, 2),
                            lines = r.lines,
                            // The days scheduled: entered, or from the downstream work.
                            dsp = e.timeline.downstream_end_day - e.timeline.harvest_day,
                            trains = c.f.downstream_trains,
                            spacing = r.spacing_days,
                            batches = format_number(r.batches_per_year, 2),
                            ds = format_number(ds, 0),
                            pct = success.clone(),
                            kg = format_number(r.released_kg_per_year, 1)
                        )),
                    ],
                }
            })
            .collect(),
        foot: Vec::new(),
    });
    b
}
