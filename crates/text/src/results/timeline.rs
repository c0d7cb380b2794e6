//! The timeline section: the Gantt chart of one batch from vial thaw to release and its dated operations.

use super::*;
use ttc_model::schedule::Activity;

pub(super) fn timeline_block(c: &Ctx) -> Block {
    let (e, l) = (c.e, c.locale);
    let t = &e.timeline;
    let stages = e.seed_train.len();
    let mut b = Block::new("timeline", td_string!(l, sec_timeline));
    let rows = t
        .spans
        .iter()
        .map(|sp| GanttRow {
            label: activity_name(l, sp.activity, stages),
            start_day: sp.start_day,
            end_day: sp.end_day,
            class: match sp.activity {
                Activity::SeedStage(_) => "seed",
                Activity::Production => "production",
                Activity::Turnaround => "turnaround",
                Activity::Downstream => "downstream",
                _ => "release",
            },
        })
        .collect();
    let weekend = t.events.iter().filter(|ev| ev.on_weekend).map(|ev| ev.day).collect();
    b.chart =
        Some(Chart::Gantt { title: td_string!(l, chart_timeline).to_string(), rows, weekend_days: weekend });
    let mut events: Vec<(String, u32, bool)> =
        t.events.iter().map(|ev| (operation_name(l, ev.operation, stages), ev.day, ev.on_weekend)).collect();
    events.push((td_string!(l, ev_downstream_end).to_string(), t.downstream_end_day, false));
    events.push((td_string!(l, ev_release).to_string(), t.release_day, false));
    b.table = Some(Table {
        class: "events",
        head: heads(&[
            (td_string!(l, col_operation), false),
            (td_string!(l, col_day), true),
            (td_string!(l, col_date), false),
        ]),
        rows: events
            .into_iter()
            .map(|(name, day, weekend)| {
                let mut date = c.date(t.thaw_date.add_days(i64::from(day)));
                if weekend {
                    date = format!("{date} ({})", td_string!(l, weekend_mark));
                }
                Row {
                    class: if weekend { "weekend" } else { "" },
                    id: "",
                    cells: vec![Cell::Text(name), Cell::Num(day.to_string()), Cell::Text(date)],
                }
            })
            .collect(),
        foot: Vec::new(),
    });
    b.note = Some(tf!(l, timeline_summary, cycle = t.batch_cycle_days, occupancy = t.line_occupancy_days));
    b
}
