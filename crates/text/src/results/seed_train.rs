//! The seed-train section: one row per stage, with how its days and densities were computed.

use super::*;
use ttc_model::scenario::StageEnd;
use ttc_model::seed_train::growth_rate_per_day;

pub(super) fn seed_train_block(c: &Ctx) -> Block {
    let (e, l) = (c.e, c.locale);
    let mut b = Block::new("seed-train-results", td_string!(l, sec_seed_train_results));
    let mu = growth_rate_per_day(c.s.cell_line.doubling_time_h);
    let thaw = e.timeline.thaw_date;
    let count = e.seed_train.len();
    let rows = e
        .seed_train
        .iter()
        .enumerate()
        .map(|(i, st)| {
            let inoculum = if st.vials > 0 {
                tf!(l, vials, count = st.vials)
            } else {
                format!("{} L", format_auto(st.inoculum_l))
            };
            let (x0, mu, exact) = (
                format_auto(st.seeding_density_e6_per_ml),
                format_number(mu, 3),
                format_number(st.duration_exact_days, 2),
            );
            let (days, xf, volume) =
                (st.duration_days, format_auto(st.final_density_e6_per_ml), format_auto(st.working_volume_l));
            let mut how = match c.s.seed_train.get(i).map(|x| x.end) {
                Some(StageEnd::FixedDays { .. }) => tf!(
                    l,
                    how_stage_fixed,
                    x0 = x0,
                    mu = mu,
                    exact = exact,
                    days = days,
                    xf = xf,
                    volume = volume
                ),
                _ => {
                    tf!(l, how_stage, x0 = x0, mu = mu, exact = exact, days = days, xf = xf, volume = volume)
                }
            };
            let rules = &c.s.seed_rules;
            if matches!(c.s.seed_train.get(i).map(|x| x.end), Some(StageEnd::SplitDensity { .. }))
                && st.duration_days < ttc_model::seed_train::whole_days(st.duration_exact_days)
            {
                let (low, high) =
                    (format_auto(rules.window_low_e6_per_ml), format_auto(rules.window_high_e6_per_ml));
                how = format!(
                    "{how} {}",
                    tf!(l, how_stage_early, next = days + 1, high = high, low = low, days = days)
                );
            }
            if let (Some(o), true) = (st.overgrown, rules.growth_ceiling) {
                let (ceiling, reached) =
                    (format_auto(o.ceiling_e6_per_ml), format_number(o.reached_after_days, 2));
                how = format!("{how} {}", tf!(l, how_stage_ceiling, ceiling = ceiling, reached = reached));
            }
            if st.perfusion_medium_l > 0.0 {
                how = format!(
                    "{how} {}",
                    tf!(
                        l,
                        how_perfusion,
                        medium = format_auto(st.perfusion_medium_l),
                        cspr = st.cspr_pl_per_cell_day.map(format_auto).unwrap_or_default()
                    )
                );
            }
            let dates = format!(
                "{} → {}",
                format_date_short(thaw.add_days(i64::from(st.start_day)), lang(l)),
                format_date_short(thaw.add_days(i64::from(st.end_day)), lang(l))
            );
            Row::new(vec![
                Cell::Head(stage_name(l, i, count)),
                Cell::Text(vessel_name(l, c.f, &st.vessel_id)),
                Cell::Num(format_auto(st.working_volume_l)),
                Cell::Num(st.duration_days.to_string()),
                Cell::Text(dates),
                Cell::Num(format_auto(st.seeding_density_e6_per_ml)),
                Cell::Num(format_auto(st.final_density_e6_per_ml)),
                Cell::Num(inoculum),
                Cell::Num(
                    st.split_ratio
                        .map(|r| format!("1:{}", format_number(r, 1)))
                        .unwrap_or_else(|| "–".into()),
                ),
                Cell::Num(format_auto(st.fresh_medium_l)),
                Cell::How(how),
            ])
        })
        .collect();
    b.table = Some(Table {
        class: "",
        head: heads(&[
            (td_string!(l, col_stage), false),
            (td_string!(l, col_vessel), false),
            (td_string!(l, col_volume_l), true),
            (td_string!(l, col_days), true),
            (td_string!(l, col_dates), false),
            (td_string!(l, col_seeding), true),
            (td_string!(l, col_final_density), true),
            (td_string!(l, col_inoculum), true),
            (td_string!(l, col_split), true),
            (td_string!(l, col_fresh_medium), true),
            (td_string!(l, col_how), false),
        ]),
        rows,
        foot: Vec::new(),
    });
    b.note = Some(td_string!(l, densities_note).to_string());
    b
}
