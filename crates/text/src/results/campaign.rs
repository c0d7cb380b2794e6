//! The campaign section: each batch's line and dates.

use super::*;

pub(super) fn campaign_block(c: &Ctx) -> Block {
    let (k, l) = (&c.e.campaign, c.locale);
    let mut b = Block::new("campaign", td_string!(l, sec_campaign));
    let mut intro = tf!(
        l,
        campaign_summary,
        batches = k.batches,
        lines = k.lines_used,
        spacing = k.spacing_days,
        last = c.date(k.last_release_date),
        days = k.duration_days,
        steady = format_number(k.steady_state_utilisation_pct, 0)
    );
    if k.rolling_batches > 0 {
        let rolling =
            tf!(l, campaign_rolling, rolling = k.rolling_batches, age = c.s.schedule.max_cell_age_days);
        intro = format!("{intro} {rolling}");
    }
    b.intro = Some(intro);
    b.table = Some(Table {
        class: "",
        head: heads(&[
            (td_string!(l, col_batch), false),
            (td_string!(l, col_line), false),
            (td_string!(l, op_thaw), false),
            (td_string!(l, col_seed), false),
            (td_string!(l, op_inoculate), false),
            (td_string!(l, op_harvest), false),
            (td_string!(l, ev_release), false),
            (td_string!(l, col_moved), true),
        ]),
        rows: k
            .schedule
            .iter()
            .map(|x| {
                Row::new(vec![
                    Cell::Head((x.index + 1).to_string()),
                    Cell::Text((x.line + 1).to_string()),
                    Cell::Text(c.date(x.thaw_date)),
                    Cell::Text(
                        if x.own_thaw { td_string!(l, seed_own_thaw) } else { td_string!(l, seed_rolling) }
                            .to_string(),
                    ),
                    Cell::Text(c.date(x.inoculation_date)),
                    Cell::Text(c.date(x.harvest_date)),
                    Cell::Text(c.date(x.release_date)),
                    Cell::Num(x.moved_days.to_string()),
                ])
            })
            .collect(),
        foot: Vec::new(),
    });
    b
}
