//! The results: headline figures, tables, charts and the facility-fit list, all derived
//! from the estimate. Each headline figure and table row says how it was computed.

use crate::i18n::*;
use crate::model::cost::QuantityUnit;
use crate::model::fit::FitStatus;
use crate::model::schedule::Activity;
use crate::model::seed_train::growth_rate_per_day;
use crate::model::{Estimate, MediumUse};
use crate::ui::charts::{bar_chart, gantt, production_chart, Bar, GanttRow};
use crate::ui::format::{format_auto, format_date, format_money, format_number};
use crate::ui::labels::{
    activity_name, category_name, cost_item_name, fit_text, lang, operation_name, quantity_unit, stage_name,
    step_name, vessel_name,
};
use crate::ui::state::AppState;
use leptos::prelude::*;
use std::sync::Arc;

/// "How was this computed?": the formula with the actual numbers.
fn how(text: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <details class="how">
            <summary>{t!(i18n, how_computed)}</summary>
            <p>{text}</p>
        </details>
    }
}

#[component]
pub fn Results() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let estimate = Memo::new(move |_| state.shown.with(|s| s.estimate.clone()));
    let stale = move || state.shown.with(|s| s.stale);
    view! {
        <section class="results" aria-labelledby="results-title" class:stale=stale>
            <h2 id="results-title" class="visually-hidden">{t!(i18n, results_title)}</h2>
            <Show when=stale>
                <p class="stale-banner" role="status">{t!(i18n, stale_banner)}</p>
            </Show>
            {move || match estimate.get() {
                None => view! { <p class="stale-banner" role="status">{t!(i18n, no_result)}</p> }.into_any(),
                Some(e) => view! { <ResultsBody e=e /> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn ResultsBody(e: Arc<Estimate>) -> impl IntoView {
    view! {
        <Headline e=e.clone() />
        <FitList e=e.clone() />
        <TimelineSection e=e.clone() />
        <SeedTrainTable e=e.clone() />
        <ProductionTable e=e.clone() />
        <VolumesSection e=e.clone() />
        <DownstreamTable e=e.clone() />
        <CostSection e=e.clone() />
        <CampaignSection e=e />
    }
}

fn money(state: AppState, usd: f64) -> String {
    let p = state.prefs.get();
    format_money(usd * p.rate(), p.currency)
}

#[component]
fn Headline(e: Arc<Estimate>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let s = state.scenario.get_untracked();
    let ds = e.downstream.drug_substance_g;
    let e1 = e.clone();
    let ds_how = move || {
        td_string!(
            i18n.get_locale(),
            how_ds,
            titer = format_auto(s.production.titer_g_per_l),
            volume = format_auto(e1.production.harvest_volume_l),
            yield_pct = format_number(e1.downstream.overall_yield_pct, 2),
            ds = format_number(ds, 0)
        )
        .to_string()
    };
    let e2 = e.clone();
    let batch_how = move || {
        let r = state.scenario.with(|s| crate::model::cost::effective_rates(&state.facility.get(), s));
        td_string!(
            i18n.get_locale(),
            how_batch_cost,
            direct = money(state, e2.cost.direct),
            overhead = format_auto(r.get(crate::model::facility::Rate::OverheadPct)),
            margin = format_auto(r.get(crate::model::facility::Rate::MarginPct)),
            total = money(state, e2.cost.per_batch)
        )
        .to_string()
    };
    let e3 = e.clone();
    let gram_how = move || {
        td_string!(
            i18n.get_locale(),
            how_per_gram,
            total = money(state, e3.cost.per_batch),
            ds = format_number(ds, 0),
            per_gram = e3.cost.per_gram.map(|g| money(state, g)).unwrap_or_default()
        )
        .to_string()
    };
    let e4 = e.clone();
    let harvest_how = move || {
        let l = lang(i18n.get_locale());
        td_string!(
            i18n.get_locale(),
            how_harvest,
            thaw = format_date(e4.timeline.thaw_date, l),
            seed = e4.timeline.thaw_to_inoculation_days,
            production = e4.timeline.production_days,
            harvest = format_date(e4.timeline.harvest_date, l)
        )
        .to_string()
    };
    let e5 = e.clone();
    let medium_how = move || {
        let v = &e5.volumes;
        let parts: Vec<String> = v.media.iter().map(|(_, l)| format!("{} L", format_auto(*l))).collect();
        td_string!(
            i18n.get_locale(),
            how_medium,
            parts = parts.join(" + "),
            total = format_auto(v.total_medium_l),
            overage = format_auto(state.scenario.with(|s| s.downstream.media_overage_pct)),
            with_overage = format_auto(v.total_medium_with_overage_l)
        )
        .to_string()
    };
    let counts = |status| e.fit.iter().filter(|i| i.status == status).count();
    let (pass, warn, fail) = (counts(FitStatus::Pass), counts(FitStatus::Warning), counts(FitStatus::Fail));
    let fit_status = e.fit_status;
    let e6 = e.clone();
    let e7 = e.clone();
    let harvest_date = e.timeline.harvest_date;
    view! {
        <div class="headline">
            <div class="figure" id="h-ds">
                <span class="figure-label">{t!(i18n, h_ds)}</span>
                <span class="figure-value">{format!("{} g", format_number(ds, 0))}</span>
                {move || how(ds_how())}
            </div>
            <div class="figure" id="h-batch-cost">
                <span class="figure-label">{t!(i18n, h_batch_cost)}</span>
                <span class="figure-value">{move || money(state, e6.cost.per_batch)}</span>
                {move || how(batch_how())}
            </div>
            <div class="figure" id="h-per-gram">
                <span class="figure-label">{t!(i18n, h_per_gram)}</span>
                <span class="figure-value">{move || e7.cost.per_gram.map(|g| money(state, g)).unwrap_or_else(|| "–".into())}</span>
                {move || how(gram_how())}
            </div>
            <div class="figure" id="h-harvest">
                <span class="figure-label">{t!(i18n, h_harvest)}</span>
                <span class="figure-value">{move || format_date(harvest_date, lang(i18n.get_locale()))}</span>
                {move || how(harvest_how())}
            </div>
            <div class="figure" id="h-medium">
                <span class="figure-label">{t!(i18n, h_medium)}</span>
                <span class="figure-value">{format!("{} L", format_number(e.volumes.total_medium_with_overage_l, 0))}</span>
                {move || how(medium_how())}
            </div>
            <div class=format!("figure fit-{}", status_class(fit_status)) id="h-fit">
                <span class="figure-label">{t!(i18n, h_fit)}</span>
                <span class="figure-value">{move || status_text(i18n.get_locale(), fit_status)}</span>
                {move || how(td_string!(i18n.get_locale(), how_fit, pass = pass, warn = warn, fail = fail).to_string())}
            </div>
        </div>
    }
}

fn status_class(s: FitStatus) -> &'static str {
    match s {
        FitStatus::Pass => "pass",
        FitStatus::Warning => "warning",
        FitStatus::Fail => "fail",
    }
}

fn status_text(locale: Locale, s: FitStatus) -> &'static str {
    match s {
        FitStatus::Pass => td_string!(locale, fit_pass),
        FitStatus::Warning => td_string!(locale, fit_warning),
        FitStatus::Fail => td_string!(locale, fit_fail),
    }
}

#[component]
fn FitList(e: Arc<Estimate>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let stages = e.seed_train.len();
    let mut items = e.fit.clone();
    // Failures first, then warnings, then passes; stable within each.
    items.sort_by_key(|i| std::cmp::Reverse(i.status));
    view! {
        <section class="block" id="fit">
            <h2>{t!(i18n, sec_fit)}</h2>
            <ul class="fit-list">
                {items.into_iter().map(|item| {
                    let check = item.check.clone();
                    view! {
                        <li class=format!("fit-item fit-{}", status_class(item.status))>
                            <span class="fit-status">{move || status_text(i18n.get_locale(), item.status)}</span>
                            " "
                            {move || state.facility.with(|f| fit_text(i18n.get_locale(), &check, f, stages))}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn TimelineSection(e: Arc<Estimate>) -> impl IntoView {
    let i18n = use_i18n();
    let stages = e.seed_train.len();
    let e1 = e.clone();
    let chart = move || {
        let locale = i18n.get_locale();
        let rows = e1
            .timeline
            .spans
            .iter()
            .map(|sp| GanttRow {
                label: activity_name(locale, sp.activity, stages),
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
        let weekend = e1.timeline.events.iter().filter(|ev| ev.on_weekend).map(|ev| ev.day).collect();
        gantt(td_string!(locale, chart_timeline).to_string(), rows, &e1.timeline, weekend, lang(locale))
    };
    let e2 = e.clone();
    view! {
        <section class="block" id="timeline">
            <h2>{t!(i18n, sec_timeline)}</h2>
            {chart}
            <table>
                <caption class="visually-hidden">{t!(i18n, sec_timeline)}</caption>
                <thead><tr><th scope="col">{t!(i18n, col_operation)}</th><th scope="col">{t!(i18n, col_day)}</th><th scope="col">{t!(i18n, col_date)}</th></tr></thead>
                <tbody>
                    {move || {
                        let locale = i18n.get_locale();
                        let t = &e2.timeline;
                        let mut rows: Vec<(String, u32, bool)> = t.events.iter()
                            .map(|ev| (operation_name(locale, ev.operation, stages), ev.day, ev.on_weekend))
                            .collect();
                        rows.push((td_string!(locale, ev_downstream_end).to_string(), t.downstream_end_day, false));
                        rows.push((td_string!(locale, ev_release).to_string(), t.release_day, false));
                        rows.into_iter().map(|(name, day, weekend)| {
                            let date = format_date(t.thaw_date.add_days(i64::from(day)), lang(locale));
                            view! {
                                <tr class:weekend=weekend>
                                    <td>{name}</td>
                                    <td class="num">{day}</td>
                                    <td>{date}{weekend.then(|| format!(" ({})", td_string!(locale, weekend_mark)))}</td>
                                </tr>
                            }
                        }).collect_view()
                    }}
                </tbody>
            </table>
            <p class="note">
                {move || td_string!(i18n.get_locale(), timeline_summary,
                    cycle = e.timeline.batch_cycle_days, occupancy = e.timeline.line_occupancy_days).to_string()}
            </p>
        </section>
    }
}

#[component]
fn SeedTrainTable(e: Arc<Estimate>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let count = e.seed_train.len();
    view! {
        <section class="block" id="seed-train-results">
            <h2>{t!(i18n, sec_seed_train_results)}</h2>
            <div class="table-wrap">
            <table>
                <thead><tr>
                    <th scope="col">{t!(i18n, col_stage)}</th>
                    <th scope="col">{t!(i18n, col_vessel)}</th>
                    <th scope="col" class="num">{t!(i18n, col_volume_l)}</th>
                    <th scope="col" class="num">{t!(i18n, col_days)}</th>
                    <th scope="col">{t!(i18n, col_dates)}</th>
                    <th scope="col" class="num">{t!(i18n, col_seeding)}</th>
                    <th scope="col" class="num">{t!(i18n, col_final_density)}</th>
                    <th scope="col" class="num">{t!(i18n, col_inoculum)}</th>
                    <th scope="col" class="num">{t!(i18n, col_split)}</th>
                    <th scope="col" class="num">{t!(i18n, col_fresh_medium)}</th>
                    <th scope="col">{t!(i18n, col_how)}</th>
                </tr></thead>
                <tbody>
                {move || {
                    let locale = i18n.get_locale();
                    let l = lang(locale);
                    let s = state.scenario.get_untracked();
                    let mu = growth_rate_per_day(s.cell_line.doubling_time_h);
                    let thaw = e.timeline.thaw_date;
                    e.seed_train.iter().enumerate().map(|(i, st)| {
                        let inoculum = if st.vials > 0 {
                            td_string!(locale, vials, count = st.vials).to_string()
                        } else {
                            format!("{} L", format_auto(st.inoculum_l))
                        };
                        let how_text = td_string!(locale, how_stage,
                            x0 = format_auto(st.seeding_density_e6_per_ml),
                            mu = format_number(mu, 3),
                            exact = format_number(st.duration_exact_days, 2),
                            days = st.duration_days,
                            xf = format_auto(st.final_density_e6_per_ml),
                            volume = format_auto(st.working_volume_l)).to_string();
                        let how_text = match (i, st.perfusion_medium_l > 0.0) {
                            (_, true) => format!("{how_text} {}", td_string!(locale, how_perfusion,
                                medium = format_auto(st.perfusion_medium_l),
                                cspr = st.cspr_pl_per_cell_day.map(format_auto).unwrap_or_default())),
                            _ => how_text,
                        };
                        view! {
                            <tr>
                                <th scope="row">{stage_name(locale, i, count)}</th>
                                <td>{state.facility.with_untracked(|f| vessel_name(locale, f, &st.vessel_id))}</td>
                                <td class="num">{format_auto(st.working_volume_l)}</td>
                                <td class="num">{st.duration_days}</td>
                                <td>{format!("{} → {}", crate::ui::format::format_date_short(thaw.add_days(i64::from(st.start_day)), l),
                                    crate::ui::format::format_date_short(thaw.add_days(i64::from(st.end_day)), l))}</td>
                                <td class="num">{format_auto(st.seeding_density_e6_per_ml)}</td>
                                <td class="num">{format_auto(st.final_density_e6_per_ml)}</td>
                                <td class="num">{inoculum}</td>
                                <td class="num">{st.split_ratio.map(|r| format!("1:{}", format_number(r, 1))).unwrap_or_else(|| "–".into())}</td>
                                <td class="num">{format_auto(st.fresh_medium_l)}</td>
                                <td>{how(how_text)}</td>
                            </tr>
                        }
                    }).collect_view()
                }}
                </tbody>
            </table>
            </div>
            <p class="note">{t!(i18n, densities_note)}</p>
        </section>
    }
}

#[component]
fn ProductionTable(e: Arc<Estimate>) -> impl IntoView {
    let i18n = use_i18n();
    let p = e.production.clone();
    let daily = p.daily.clone();
    let chart = move || {
        let locale = i18n.get_locale();
        production_chart(
            td_string!(locale, chart_production).to_string(),
            &daily,
            td_string!(locale, chart_volume).to_string(),
            td_string!(locale, chart_vcd).to_string(),
        )
    };
    let rows = move || {
        let locale = i18n.get_locale();
        let mut rows: Vec<(String, String)> = vec![
            (td_string!(locale, p_inoculum).to_string(), format!("{} L (1:{})", format_auto(p.inoculum_l), format_number(p.split_ratio, 1))),
            (td_string!(locale, p_basal).to_string(), format!("{} L", format_auto(p.basal_medium_l))),
        ];
        for f in &p.feeds {
            rows.push((
                td_string!(locale, p_feed, name = f.name.clone()).to_string(),
                format!("{} L × {} = {} L", format_auto(f.per_day_l), f.days.len(), format_auto(f.total_l)),
            ));
        }
        rows.push((td_string!(locale, p_samples).to_string(), format!("{} L", format_auto(p.samples_l))));
        rows.push((
            td_string!(locale, p_final).to_string(),
            format!("{} + {} − {} = {} L", format_auto(p.initial_volume_l), format_auto(p.total_feed_l), format_auto(p.samples_l), format_auto(p.final_volume_l)),
        ));
        rows.push((td_string!(locale, p_max_volume).to_string(), format!("{} L", format_auto(p.max_volume_l))));
        rows.push((td_string!(locale, p_max_v0).to_string(), format!("{} L", format_number(p.max_initial_volume_l, 0))));
        rows.push((
            td_string!(locale, p_product).to_string(),
            format!("{} g", format_number(p.product_at_harvest_g, 0)),
        ));
        rows.into_iter().map(|(k, v)| view! { <tr><th scope="row">{k}</th><td class="num">{v}</td></tr> }).collect_view()
    };
    view! {
        <section class="block" id="production-results">
            <h2>{t!(i18n, sec_production_results)}</h2>
            {chart}
            <table><tbody>{rows}</tbody></table>
        </section>
    }
}

#[component]
fn VolumesSection(e: Arc<Estimate>) -> impl IntoView {
    let i18n = use_i18n();
    let v = e.volumes.clone();
    let medium_name = move |locale: Locale, m: &MediumUse| match m {
        MediumUse::SeedTrain => td_string!(locale, item_seed_medium).to_string(),
        MediumUse::Perfusion => td_string!(locale, item_perfusion_medium).to_string(),
        MediumUse::Basal => td_string!(locale, item_basal_medium).to_string(),
        MediumUse::Feed(n) => td_string!(locale, item_feed_medium, name = n.clone()).to_string(),
    };
    let v1 = v.clone();
    let chart = move || {
        let locale = i18n.get_locale();
        let mut bars: Vec<Bar> = v1
            .media
            .iter()
            .map(|(m, l)| Bar { label: medium_name(locale, m), value: *l, text: format!("{} L", format_auto(*l)) })
            .collect();
        bars.extend(v1.buffers.iter().filter(|(_, l)| *l > 0.0).map(|(s, l)| Bar {
            label: td_string!(locale, buffer_for, step = step_name(locale, *s)).to_string(),
            value: *l,
            text: format!("{} L", format_auto(*l)),
        }));
        bar_chart(td_string!(locale, chart_volumes).to_string(), bars)
    };
    view! {
        <section class="block" id="volumes">
            <h2>{t!(i18n, sec_volumes)}</h2>
            {chart}
            <p class="note">
                {move || td_string!(i18n.get_locale(), volumes_totals,
                    medium = format_number(v.total_medium_l, 0),
                    medium_over = format_number(v.total_medium_with_overage_l, 0),
                    buffer = format_number(v.total_buffer_l, 0),
                    buffer_over = format_number(v.total_buffer_with_overage_l, 0)).to_string()}
            </p>
        </section>
    }
}

#[component]
fn DownstreamTable(e: Arc<Estimate>) -> impl IntoView {
    let i18n = use_i18n();
    let d = e.downstream.clone();
    view! {
        <section class="block" id="downstream-results">
            <h2>{t!(i18n, sec_downstream_results)}</h2>
            <div class="table-wrap">
            <table>
                <thead><tr>
                    <th scope="col">{t!(i18n, col_step)}</th>
                    <th scope="col" class="num">{t!(i18n, col_mass_in)}</th>
                    <th scope="col" class="num">{t!(i18n, col_yield)}</th>
                    <th scope="col" class="num">{t!(i18n, col_mass_out)}</th>
                    <th scope="col" class="num">{t!(i18n, col_volume_out)}</th>
                    <th scope="col" class="num">{t!(i18n, col_buffer)}</th>
                    <th scope="col">{t!(i18n, col_sizing)}</th>
                    <th scope="col">{t!(i18n, col_how)}</th>
                </tr></thead>
                <tbody>
                {move || {
                    let locale = i18n.get_locale();
                    d.steps.iter().map(|st| {
                        let sizing = match (st.column, st.filter_area_m2) {
                            (Some(c), _) => td_string!(locale, sizing_column, cv = format_auto(c.column_volume_l),
                                cycles = c.cycles, max = c.max_cycles).to_string(),
                            (None, Some(a)) => format!("{} m²", format_auto(a)),
                            _ => "–".into(),
                        };
                        let how_text = match st.column {
                            Some(c) => td_string!(locale, how_column,
                                mass = format_number(st.mass_in_g, 0),
                                capacity = format_number(c.capacity_per_cycle_g, 0),
                                cycles = c.cycles).to_string(),
                            None => td_string!(locale, how_step, mass = format_number(st.mass_in_g, 0),
                                yield_pct = format_auto(st.yield_pct), out = format_number(st.mass_out_g, 0)).to_string(),
                        };
                        view! {
                            <tr>
                                <th scope="row">{step_name(locale, st.step)}</th>
                                <td class="num">{format_number(st.mass_in_g, 0)}</td>
                                <td class="num">{format!("{} %", format_auto(st.yield_pct))}</td>
                                <td class="num">{format_number(st.mass_out_g, 0)}</td>
                                <td class="num">{format_auto(st.volume_out_l)}</td>
                                <td class="num">{format_auto(st.buffer_l)}</td>
                                <td>{sizing}</td>
                                <td>{how(how_text)}</td>
                            </tr>
                        }
                    }).collect_view()
                }}
                </tbody>
                <tfoot><tr>
                    <th scope="row">{t!(i18n, ds_total)}</th>
                    <td></td>
                    <td class="num">{format!("{} %", format_number(e.downstream.overall_yield_pct, 1))}</td>
                    <td class="num" id="ds-total">{format_number(e.downstream.drug_substance_g, 0)}</td>
                    <td class="num">{format_auto(e.downstream.drug_substance_volume_l)}</td>
                    <td class="num">{format_auto(e.downstream.total_buffer_l)}</td>
                    <td></td><td></td>
                </tr></tfoot>
            </table>
            </div>
            <p class="note">{t!(i18n, dsp_units_note)}</p>
        </section>
    }
}

#[component]
fn CostSection(e: Arc<Estimate>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let c = e.cost.clone();
    let c1 = c.clone();
    let chart = move || {
        let locale = i18n.get_locale();
        let bars = c1
            .by_category
            .iter()
            .filter(|(_, a)| *a > 0.0)
            .map(|(cat, a)| Bar { label: category_name(locale, *cat).to_string(), value: *a, text: money(state, *a) })
            .collect();
        bar_chart(td_string!(locale, chart_cost).to_string(), bars)
    };
    let c2 = c.clone();
    view! {
        <section class="block" id="cost">
            <h2>{t!(i18n, sec_cost)}</h2>
            {chart}
            <div class="table-wrap">
            <table class="cost-lines">
                <thead><tr>
                    <th scope="col">{t!(i18n, col_category)}</th>
                    <th scope="col">{t!(i18n, col_item)}</th>
                    <th scope="col" class="num">{t!(i18n, col_quantity)}</th>
                    <th scope="col" class="num">{t!(i18n, col_unit_price)}</th>
                    <th scope="col" class="num">{t!(i18n, col_amount)}</th>
                    <th scope="col">{t!(i18n, col_source)}</th>
                </tr></thead>
                <tbody>
                {move || {
                    let locale = i18n.get_locale();
                    let facility = state.facility.get();
                    let overrides = state.scenario.with(|s| s.rate_overrides.clone());
                    c2.lines.iter().map(|l| {
                        let (quantity, unit_price) = if l.unit == QuantityUnit::Money {
                            (money(state, l.quantity), format!("{} %", format_auto(l.unit_price * 100.0)))
                        } else {
                            (format!("{} {}", format_auto(l.quantity), quantity_unit(locale, l.unit)), money(state, l.unit_price))
                        };
                        let source = match l.rate {
                            Some(r) if overrides.contains_key(&r) => td_string!(locale, source_client).to_string(),
                            Some(r) => facility.rate_source(r).map(|s| format!("{} {s}", td_string!(locale, source_published)))
                                .unwrap_or_else(|| td_string!(locale, source_illustrative).to_string()),
                            None => td_string!(locale, source_vessel_kit).to_string(),
                        };
                        view! {
                            <tr>
                                <td>{category_name(locale, l.category)}</td>
                                <th scope="row">{cost_item_name(locale, &facility, &l.item)}</th>
                                <td class="num">{quantity}</td>
                                <td class="num">{unit_price}</td>
                                <td class="num">{money(state, l.amount)}</td>
                                <td class="source">{source}</td>
                            </tr>
                        }
                    }).collect_view()
                }}
                </tbody>
                <tfoot>
                    <tr><th scope="row" colspan="4">{t!(i18n, cost_per_batch)}</th><td class="num" id="cost-total">{move || money(state, c.per_batch)}</td><td></td></tr>
                    <tr><th scope="row" colspan="4">{t!(i18n, cost_per_gram)}</th><td class="num">{move || c.per_gram.map(|g| money(state, g)).unwrap_or_default()}</td><td></td></tr>
                    <tr><th scope="row" colspan="4">{move || td_string!(i18n.get_locale(), cost_campaign, batches = c.batches).to_string()}</th><td class="num">{move || money(state, c.campaign)}</td><td></td></tr>
                </tfoot>
            </table>
            </div>
        </section>
    }
}

#[component]
fn CampaignSection(e: Arc<Estimate>) -> impl IntoView {
    let i18n = use_i18n();
    let c = e.campaign.clone();
    let c1 = c.clone();
    view! {
        <section class="block" id="campaign">
            <h2>{t!(i18n, sec_campaign)}</h2>
            <p>
                {move || {
                    let locale = i18n.get_locale();
                    td_string!(locale, campaign_summary,
                        batches = c1.batches,
                        lines = c1.lines_used,
                        spacing = c1.spacing_days,
                        last = format_date(c1.last_release_date, lang(locale)),
                        days = c1.duration_days,
                        utilisation = format_number(c1.line_utilisation_pct, 0)).to_string()
                }}
            </p>
            <div class="table-wrap">
            <table>
                <thead><tr>
                    <th scope="col">{t!(i18n, col_batch)}</th>
                    <th scope="col">{t!(i18n, col_line)}</th>
                    <th scope="col">{t!(i18n, op_thaw)}</th>
                    <th scope="col">{t!(i18n, op_inoculate)}</th>
                    <th scope="col">{t!(i18n, op_harvest)}</th>
                    <th scope="col">{t!(i18n, ev_release)}</th>
                </tr></thead>
                <tbody>
                {move || {
                    let l = lang(i18n.get_locale());
                    c.schedule.iter().map(|b| view! {
                        <tr>
                            <th scope="row">{b.index + 1}</th>
                            <td>{b.line + 1}</td>
                            <td>{format_date(b.thaw_date, l)}</td>
                            <td>{format_date(b.inoculation_date, l)}</td>
                            <td>{format_date(b.harvest_date, l)}</td>
                            <td>{format_date(b.release_date, l)}</td>
                        </tr>
                    }).collect_view()
                }}
                </tbody>
            </table>
            </div>
        </section>
    }
}
