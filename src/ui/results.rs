//! The results: headline figures, facility fit, timeline, tables and charts, all derived from
//! the estimate. Each headline figure and table row says how it was computed.
//!
//! Sections are built as plain data ([`Block`], [`Table`]) and drawn by one renderer: every
//! distinct `view!` type adds its own rendering code to the WebAssembly, so eleven hand-written
//! tables cost several times the bytes of one generic table.

use crate::i18n::tr;
use crate::i18n::*;
use crate::model::cost::{effective_rates, QuantityUnit};
use crate::model::facility::{FacilityProfile, Rate, RateOrigin};
use crate::model::fit::FitStatus;
use crate::model::scenario::StageEnd;
use crate::model::schedule::Activity;
use crate::model::seed_train::growth_rate_per_day;
use crate::model::{Estimate, MediumUse, Scenario};
use crate::ui::charts::{bar_chart, gantt, production_chart, Bar, GanttRow};
use crate::ui::state::{AppState, Prefs};
use leptos::prelude::*;
use ttc_text::format::{format_auto, format_date, format_date_short, format_money, format_number};
use ttc_text::labels::{
    activity_name, category_name, cost_item_name, fit_text, lang, local, operation_name, quantity_unit,
    stage_name, step_name, vessel_name,
};

/// A table cell: text, a right-aligned number, a row header, or a "how was this computed?".
pub enum Cell {
    Head(String),
    Text(String),
    Num(String),
    /// Where a figure comes from: small, muted text.
    Source(String),
    How(String),
}

pub struct Row {
    pub class: &'static str,
    pub id: &'static str,
    pub cells: Vec<Cell>,
}

impl Row {
    fn new(cells: Vec<Cell>) -> Self {
        Self { class: "", id: "", cells }
    }
}

pub struct Table {
    pub class: &'static str,
    /// Column headings; `true` for numeric columns.
    pub head: Vec<(String, bool)>,
    pub rows: Vec<Row>,
    pub foot: Vec<Row>,
}

/// One results section.
pub struct Block {
    pub id: &'static str,
    pub title: String,
    pub intro: Option<String>,
    pub chart: Option<AnyView>,
    pub list: Vec<(&'static str, String, String)>,
    /// Further list items, folded under a summary (e.g. the checks that pass).
    pub folded: Option<(String, Vec<(&'static str, String, String)>)>,
    pub table: Option<Table>,
    pub note: Option<String>,
}

impl Block {
    fn new(id: &'static str, title: &str) -> Self {
        Self {
            id,
            title: title.to_string(),
            intro: None,
            chart: None,
            list: Vec::new(),
            folded: None,
            table: None,
            note: None,
        }
    }
}

/// One cell; `column` is its column's heading, which narrow screens show beside the value
/// when a row is drawn as a card (`style/results.css`).
fn render_cell(cell: Cell, how_label: &'static str, column: Option<String>) -> AnyView {
    match cell {
        Cell::Head(t) => view! { <th scope="row" data-label=column>{t}</th> }.into_any(),
        Cell::Text(t) => view! { <td data-label=column>{t}</td> }.into_any(),
        Cell::Num(t) => view! { <td class="num" data-label=column>{t}</td> }.into_any(),
        Cell::Source(t) => view! { <td class="source" data-label=column>{t}</td> }.into_any(),
        Cell::How(t) => view! {
            <td class="how-cell"><details class="how"><summary>{how_label}</summary><p>{t}</p></details></td>
        }
        .into_any(),
    }
}

fn render_rows(rows: Vec<Row>, how_label: &'static str, columns: &[String]) -> impl IntoView {
    rows.into_iter()
        .map(|r| {
            let cells = r
                .cells
                .into_iter()
                .enumerate()
                .map(|(j, c)| render_cell(c, how_label, columns.get(j).filter(|h| !h.is_empty()).cloned()))
                .collect_view();
            view! { <tr class=r.class id=(!r.id.is_empty()).then_some(r.id)>{cells}</tr> }
        })
        .collect_view()
}

/// A table in a horizontally scrolling box. The box is a labelled, focusable region, so that
/// keyboard users can scroll it too (axe `scrollable-region-focusable`, WCAG 2.1.1).
pub(crate) fn render_table(t: Table, how_label: &'static str, region_label: String) -> impl IntoView {
    let columns: Vec<String> = t.head.iter().map(|(h, _)| h.clone()).collect();
    let head =
        t.head.into_iter().map(|(h, num)| view! { <th scope="col" class:num=num>{h}</th> }).collect_view();
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=region_label>
            <table class=t.class>
                <thead><tr>{head}</tr></thead>
                <tbody>{render_rows(t.rows, how_label, &columns)}</tbody>
                <tfoot>{render_rows(t.foot, how_label, &columns)}</tfoot>
            </table>
        </div>
    }
}

fn render_list(items: Vec<(&'static str, String, String)>) -> impl IntoView {
    let items = items
        .into_iter()
        .map(|(class, status, text)| {
            view! { <li class=format!("fit-item fit-{class}")><span class="fit-status">{status}</span>" "{text}</li> }
        })
        .collect_view();
    view! { <ul class="fit-list">{items}</ul> }
}

fn render_block(b: Block, how_label: &'static str) -> impl IntoView {
    let title = b.title.clone();
    let list = (!b.list.is_empty()).then(|| render_list(b.list));
    let folded = b.folded.map(|(summary, items)| {
        view! { <details class="folded"><summary>{summary}</summary>{render_list(items)}</details> }
    });
    view! {
        <section class="block" id=b.id>
            <h2>{b.title.clone()}</h2>
            {b.intro.map(|t| view! { <p>{t}</p> })}
            {b.chart}
            {list}
            {folded}
            {b.table.map(|t| render_table(t, how_label, title))}
            {b.note.map(|t| view! { <p class="note">{t}</p> })}
        </section>
    }
}

/// What every section needs to turn the estimate into words.
struct Ctx<'a> {
    e: &'a Estimate,
    s: &'a Scenario,
    f: &'a FacilityProfile,
    locale: Locale,
    prefs: Prefs,
}

impl Ctx<'_> {
    fn money(&self, usd: f64) -> String {
        format_money(usd * self.prefs.rate(), self.prefs.currency)
    }

    fn date(&self, d: crate::model::date::CivilDate) -> String {
        format_date(d, lang(self.locale))
    }
}

fn heads(items: &[(&str, bool)]) -> Vec<(String, bool)> {
    items.iter().map(|(h, n)| (h.to_string(), *n)).collect()
}

/// One CSV record: every field quoted (RFC 4180), and text that a spreadsheet would run as a
/// formula prefixed with `'` (OWASP, CSV injection): a field starting with `=`, `+`, `@`, tab
/// or return, or with `-` unless it is a formatted negative figure (`-` then a digit or a
/// currency sign, then only digits, separators, spaces, letters of units, `%`). Feed and
/// scenario names are the user's free text.
fn csv_record<'a>(out: &mut String, fields: impl IntoIterator<Item = &'a str>) {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('"');
        let mut chars = field.chars();
        let risky = match (chars.next(), chars.next()) {
            (Some('=' | '+' | '@' | '\t' | '\r'), _) => true,
            (Some('-'), next) => {
                !next.is_some_and(|c| c.is_ascii_digit() || "$¥€".contains(c))
                    || !chars.all(|c| c.is_alphanumeric() || " ,.%/$¥€".contains(c))
            }
            _ => false,
        };
        if risky {
            out.push('\'');
        }
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    }
    out.push_str("\r\n");
}

fn csv_cell(cell: &Cell) -> Option<&str> {
    match cell {
        Cell::Head(t) | Cell::Text(t) | Cell::Num(t) | Cell::Source(t) => Some(t),
        Cell::How(_) => None,
    }
}

/// The results tables as CSV, the figures as shown on screen (language, currency), UTF-8
/// with a byte-order mark so that Excel reads Chinese text correctly.
pub fn results_csv(
    e: &Estimate,
    s: &Scenario,
    f: &FacilityProfile,
    locale: Locale,
    prefs: Prefs,
    link: &str,
) -> String {
    let c = Ctx { e, s, f, locale, prefs };
    let mut out = String::from("\u{feff}");
    csv_record(&mut out, [td_string!(locale, in_scenario_name), s.name.as_str()]);
    csv_record(&mut out, [td_string!(locale, share_link_label), link]);
    csv_record(&mut out, [td_string!(locale, csv_rate_card), local(locale, &f.name)]);
    csv_record(&mut out, [td_string!(locale, currency_label), prefs.currency.code()]);
    for b in detail_blocks(&c) {
        out.push_str("\r\n");
        csv_record(&mut out, [b.title.as_str()]);
        let folded = b.folded.iter().flat_map(|(_, items)| items.iter());
        for (_, status, text) in b.list.iter().chain(folded) {
            csv_record(&mut out, [status.as_str(), text.as_str()]);
        }
        if let Some(t) = &b.table {
            csv_record(&mut out, t.head.iter().map(|(h, _)| h.as_str()));
            for r in t.rows.iter().chain(&t.foot) {
                csv_record(&mut out, r.cells.iter().filter_map(csv_cell));
            }
        }
    }
    out
}

/// The detailed result sections below the headline, in page order.
fn detail_blocks(c: &Ctx) -> Vec<Block> {
    vec![
        fit_block(c),
        timeline_block(c),
        seed_train_block(c),
        production_block(c),
        volumes_block(c),
        downstream_block(c),
        cost_block(c),
        campaign_block(c),
    ]
}

/// The detailed result sections, drawn by the deferred module (`crate::deferred`) into the
/// page's `#result-details`.
pub fn render_details(
    e: &Estimate,
    s: &Scenario,
    f: &FacilityProfile,
    locale: Locale,
    prefs: Prefs,
) -> impl IntoView {
    let c = Ctx { e, s, f, locale, prefs };
    let how_label = td_string!(locale, how_computed);
    detail_blocks(&c).into_iter().map(|b| render_block(b, how_label)).collect_view()
}

/// The headline figures, at once. The detailed sections below them come with the deferred
/// module (`crate::deferred`), loaded after this first result: they are about half of the
/// page's code, and the first result does not need them.
#[component]
pub fn Results() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let stale = move || state.shown.with(|s| s.stale);
    let body = move || {
        let locale = i18n.get_locale();
        let prefs = state.prefs.get();
        let (Some(e), Some(s), Some(f)) =
            state.shown.with(|x| (x.estimate.clone(), x.inputs.clone(), x.facility.clone()))
        else {
            return view! { <p class="stale-banner" role="status">{td_string!(locale, no_result)}</p> }
                .into_any();
        };
        let c = Ctx { e: &e, s: &s, f: &f, locale, prefs };
        headline(&c, td_string!(locale, how_computed)).into_any()
    };
    view! {
        <section class="results" aria-labelledby="results-title" class:stale=stale>
            <h2 id="results-title" class="visually-hidden">{tr(|l| td_string!(l, results_title))}</h2>
            <Show when=stale>
                <p class="stale-banner" role="status">{tr(|l| td_string!(l, stale_banner))}</p>
            </Show>
            {body}
            <div id="result-details"></div>
        </section>
    }
}

fn headline(c: &Ctx, how_label: &'static str) -> impl IntoView {
    let (e, l) = (c.e, c.locale);
    let ds = e.downstream.drug_substance_g;
    let rates = effective_rates(c.f, c.s);
    let count = |status| e.fit.iter().filter(|i| i.status == status).count();
    let parts: Vec<String> = e.volumes.media.iter().map(|(_, v)| format!("{} L", format_auto(*v))).collect();
    let per_gram = e.cost.per_gram.map(|g| c.money(g)).unwrap_or_else(|| "–".into());
    let figures: [(&'static str, &'static str, &'static str, String, String); 6] = [
        (
            "h-ds",
            "",
            td_string!(l, h_ds),
            format!("{} g", format_number(ds, 0)),
            tf!(
                l,
                how_ds,
                titer = format_auto(c.s.production.titer_g_per_l),
                volume = format_auto(e.production.harvest_volume_l),
                yield_pct = format_number(e.downstream.overall_yield_pct, 2),
                ds = format_number(ds, 0)
            ),
        ),
        (
            "h-batch-cost",
            "",
            td_string!(l, h_batch_cost),
            c.money(e.cost.per_batch),
            tf!(
                l,
                how_batch_cost,
                direct = c.money(e.cost.direct),
                overhead = format_auto(rates.get(Rate::OverheadPct)),
                margin = format_auto(rates.get(Rate::MarginPct)),
                total = c.money(e.cost.per_batch)
            ),
        ),
        (
            "h-per-gram",
            "",
            td_string!(l, h_per_gram),
            per_gram.clone(),
            tf!(
                l,
                how_per_gram,
                total = c.money(e.cost.per_batch),
                ds = format_number(ds, 0),
                per_gram = per_gram,
                direct = e.cost.direct_per_gram.map(|g| c.money(g)).unwrap_or_else(|| "–".into())
            ),
        ),
        (
            "h-harvest",
            "",
            td_string!(l, h_harvest),
            c.date(e.timeline.harvest_date),
            tf!(
                l,
                how_harvest,
                thaw = c.date(e.timeline.thaw_date),
                seed = e.timeline.thaw_to_inoculation_days,
                production = e.timeline.production_days,
                harvest = c.date(e.timeline.harvest_date)
            ),
        ),
        (
            "h-medium",
            "",
            td_string!(l, h_medium),
            format!("{} L", format_number(e.volumes.total_medium_with_overage_l, 0)),
            tf!(
                l,
                how_medium,
                parts = parts.join(" + "),
                total = format_auto(e.volumes.total_medium_l),
                overage = format_auto(c.s.downstream.media_overage_pct),
                with_overage = format_auto(e.volumes.total_medium_with_overage_l)
            ),
        ),
        (
            "h-fit",
            status_class(e.fit_status),
            td_string!(l, h_fit),
            status_text(l, e.fit_status).to_string(),
            tf!(
                l,
                how_fit,
                pass = count(FitStatus::Pass),
                warn = count(FitStatus::Warning),
                fail = count(FitStatus::Fail)
            ),
        ),
    ];
    let figures = figures
        .into_iter()
        .map(|(id, class, label, value, how)| {
            view! {
                <div class=format!("figure fit-{class}") id=id>
                    <span class="figure-label">{label}</span>
                    <span class="figure-value">{value}</span>
                    <details class="how"><summary>{how_label}</summary><p>{how}</p></details>
                </div>
            }
        })
        .collect_view();
    view! { <div class="headline">{figures}</div> }
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

fn fit_block(c: &Ctx) -> Block {
    let mut b = Block::new("fit", td_string!(c.locale, sec_fit));
    let stages = c.e.seed_train.len();
    let mut items: Vec<_> = c.e.fit.iter().collect();
    // Failures first, then warnings, then passes; stable within each.
    items.sort_by_key(|i| std::cmp::Reverse(i.status));
    let (passes, problems): (Vec<_>, Vec<_>) = items
        .into_iter()
        .map(|i| {
            (
                status_class(i.status),
                status_text(c.locale, i.status).to_string(),
                fit_text(c.locale, &i.check, c.f, stages),
            )
        })
        .partition(|(class, _, _)| *class == "pass");
    b.list = problems;
    // Checks that pass are folded, so that what needs attention stands out.
    if !passes.is_empty() {
        b.folded = Some((tf!(c.locale, fit_passes, count = passes.len()), passes));
    }
    b
}

fn timeline_block(c: &Ctx) -> Block {
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
    b.chart = Some(gantt(td_string!(l, chart_timeline).to_string(), rows, t, weekend, lang(l)).into_any());
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

fn seed_train_block(c: &Ctx) -> Block {
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

fn production_block(c: &Ctx) -> Block {
    let (p, l) = (&c.e.production, c.locale);
    let mut b = Block::new("production-results", td_string!(l, sec_production_results));
    b.chart = Some(
        production_chart(
            td_string!(l, chart_production).to_string(),
            &p.daily,
            td_string!(l, chart_volume).to_string(),
            td_string!(l, chart_vcd).to_string(),
        )
        .into_any(),
    );
    let mut rows: Vec<(String, String)> = vec![
        (
            td_string!(l, p_inoculum).to_string(),
            format!("{} L (1:{})", format_auto(p.inoculum_l), format_number(p.split_ratio, 1)),
        ),
        (td_string!(l, p_basal).to_string(), format!("{} L", format_auto(p.basal_medium_l))),
    ];
    for f in &p.feeds {
        rows.push((
            tf!(l, p_feed, name = f.name.clone()),
            format!("{} L × {} = {} L", format_auto(f.per_day_l), f.days.len(), format_auto(f.total_l)),
        ));
    }
    rows.push((td_string!(l, p_samples).to_string(), format!("{} L", format_auto(p.samples_l))));
    rows.push((
        td_string!(l, p_final).to_string(),
        format!(
            "{} + {} − {} = {} L",
            format_auto(p.initial_volume_l),
            format_auto(p.total_feed_l),
            format_auto(p.samples_l),
            format_auto(p.final_volume_l)
        ),
    ));
    rows.push((td_string!(l, p_max_volume).to_string(), format!("{} L", format_auto(p.max_volume_l))));
    rows.push((
        td_string!(l, p_max_v0).to_string(),
        format!("{} L", format_number(p.max_whole_initial_volume_l, 0)),
    ));
    rows.push((
        td_string!(l, p_product).to_string(),
        format!("{} g", format_number(p.product_at_harvest_g, 0)),
    ));
    b.table = Some(Table {
        class: "",
        head: heads(&[(td_string!(l, col_item), false), (td_string!(l, col_quantity), true)]),
        rows: rows.into_iter().map(|(k, v)| Row::new(vec![Cell::Head(k), Cell::Num(v)])).collect(),
        foot: Vec::new(),
    });
    b
}

fn medium_name(l: Locale, m: &MediumUse) -> String {
    match m {
        MediumUse::SeedTrain => td_string!(l, item_seed_medium).to_string(),
        MediumUse::Perfusion => td_string!(l, item_perfusion_medium).to_string(),
        MediumUse::Basal => td_string!(l, item_basal_medium).to_string(),
        MediumUse::Feed(n) => {
            tf!(l, item_feed_medium, name = n.clone())
        }
    }
}

fn volumes_block(c: &Ctx) -> Block {
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
    b.chart = Some(bar_chart(td_string!(l, chart_volumes).to_string(), bars).into_any());
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

fn downstream_block(c: &Ctx) -> Block {
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
                (None, Some(a)) => format!("{} m²", format_auto(a)),
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
    b
}

fn cost_block(c: &Ctx) -> Block {
    let (cost, l) = (&c.e.cost, c.locale);
    let mut b = Block::new("cost", td_string!(l, sec_cost));
    let bars = cost
        .by_category
        .iter()
        .filter(|(_, a)| *a > 0.0)
        .map(|(cat, a)| Bar { label: category_name(l, *cat).to_string(), value: *a, text: c.money(*a) })
        .collect();
    b.chart = Some(bar_chart(td_string!(l, chart_cost).to_string(), bars).into_any());
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
            let source = match line.rate.map(|r| c.f.rate_origin(r, &c.s.rate_overrides)) {
                Some(RateOrigin::Client) => td_string!(l, source_client).to_string(),
                Some(RateOrigin::Published(s)) => {
                    format!("{} {}", td_string!(l, source_published), local(l, s))
                }
                Some(RateOrigin::Illustrative) => td_string!(l, source_illustrative).to_string(),
                None => td_string!(l, source_vessel_kit).to_string(),
            };
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
    b
}

fn campaign_block(c: &Ctx) -> Block {
    let (k, l) = (&c.e.campaign, c.locale);
    let mut b = Block::new("campaign", td_string!(l, sec_campaign));
    b.intro = Some(tf!(
        l,
        campaign_summary,
        batches = k.batches,
        lines = k.lines_used,
        spacing = k.spacing_days,
        last = c.date(k.last_release_date),
        days = k.duration_days,
        utilisation = format_number(k.line_utilisation_pct, 0)
    ));
    b.table = Some(Table {
        class: "",
        head: heads(&[
            (td_string!(l, col_batch), false),
            (td_string!(l, col_line), false),
            (td_string!(l, op_thaw), false),
            (td_string!(l, op_inoculate), false),
            (td_string!(l, op_harvest), false),
            (td_string!(l, ev_release), false),
        ]),
        rows: k
            .schedule
            .iter()
            .map(|x| {
                Row::new(vec![
                    Cell::Head((x.index + 1).to_string()),
                    Cell::Text((x.line + 1).to_string()),
                    Cell::Text(c.date(x.thaw_date)),
                    Cell::Text(c.date(x.inoculation_date)),
                    Cell::Text(c.date(x.harvest_date)),
                    Cell::Text(c.date(x.release_date)),
                ])
            })
            .collect(),
        foot: Vec::new(),
    });
    b
}

#[cfg(test)]
mod tests {
    use super::csv_record;

    fn record(fields: &[&str]) -> String {
        let mut out = String::new();
        csv_record(&mut out, fields.iter().copied());
        out
    }

    #[test]
    fn csv_quotes_every_field_and_defuses_formulas() {
        assert_eq!(record(&["a", "say \"hi\""]), "\"a\",\"say \"\"hi\"\"\"\r\n");
        // Formatted negative figures stay numbers; anything else starting like a formula is text.
        assert_eq!(record(&["-1,234.5", "-$800", "-3 d"]), "\"-1,234.5\",\"-$800\",\"-3 d\"\r\n");
        for bad in ["=1+1", "+1", "@SUM(A1)", "-A1", "-1+HYPERLINK(\"http://x\")", "-2*3"] {
            assert!(record(&[bad]).starts_with("\"'"), "{bad} not defused");
        }
    }
}
