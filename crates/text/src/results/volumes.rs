//! The media and buffer volumes section, each line as used and as prepared (with overage).

use super::*;
use ttc_model::MediumUse;

pub(super) fn medium_name(l: Locale, m: &MediumUse) -> String {
    match m {
        MediumUse::SeedTrain => td_string!(l, item_seed_medium).to_string(),
        MediumUse::Perfusion => td_string!(l, item_perfusion_medium).to_string(),
        MediumUse::Basal => td_string!(l, item_basal_medium).to_string(),
        MediumUse::Feed(n) => {
            tf!(l, item_feed_medium, name = n.clone())
        }
    }
}

pub(super) fn volumes_block(c: &Ctx) -> Block {
    let (v, l) = (&c.e.volumes, c.locale);
    let mut b = Block::new("volumes", td_string!(l, sec_volumes));
    let mut bars: Vec<Bar> = v
        .media
        .iter()
        .map(|(m, x)| Bar { label: medium_name(l, m), value: *x, text: format!("{} L", format_auto(*x)) })
        .collect();
    bars.extend(v.buffers.iter().filter(|(_, x)| *x > 0.0).map(|(s, x)| Bar {
        label: tf!(l, buffer_for, step = step_name(l, *s)),
        value: *x,
        text: format!("{} L", format_auto(*x)),
    }));
    b.chart = Some(Chart::Bars { title: td_string!(l, chart_volumes).to_string(), bars });
    let row = |name: String, litres: f64, with_overage_l: f64| {
        Row::new(vec![
            Cell::Head(name),
            Cell::Num(format_auto(litres)),
            Cell::Num(format_auto(with_overage_l)),
        ])
    };
    let mut rows: Vec<Row> =
        v.media.iter().map(|(m, x)| row(medium_name(l, m), *x, v.medium_with_overage_l(*x))).collect();
    rows.extend(
        v.buffers
            .iter()
            .filter(|(_, x)| *x > 0.0)
            .map(|(s, x)| row(tf!(l, buffer_for, step = step_name(l, *s)), *x, v.buffer_with_overage_l(*x))),
    );
    b.table = Some(Table {
        class: "",
        head: heads(&[
            (td_string!(l, col_item), false),
            (td_string!(l, col_volume_l), true),
            (td_string!(l, col_with_overage), true),
        ]),
        rows,
        foot: vec![
            row(td_string!(l, total_medium).to_string(), v.total_medium_l, v.total_medium_with_overage_l),
            row(td_string!(l, total_buffer).to_string(), v.total_buffer_l, v.total_buffer_with_overage_l),
        ],
    });
    b.note = Some(tf!(
        l,
        volumes_totals,
        medium = format_number(v.total_medium_l, 0),
        medium_over = format_number(v.total_medium_with_overage_l, 0),
        buffer = format_number(v.total_buffer_l, 0),
        buffer_over = format_number(v.total_buffer_with_overage_l, 0)
    ));
    b
}
