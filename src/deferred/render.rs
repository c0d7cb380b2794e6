//! Draws the result sections of `ttc_text::results` below the headline: tables, lists and
//! charts. One generic renderer for every section: each distinct `view!` type adds its own
//! rendering code to the WebAssembly, so eleven hand-written tables cost several times the
//! bytes of one generic table.

use crate::deferred::charts::{bar_chart, gantt, production_chart, program_chart};
use crate::model::Estimate;
use leptos::prelude::*;
use ttc_text::i18n::*;
use ttc_text::labels::lang;
use ttc_text::results::{Block, Cell, Chart, Ctx, Row, SectionBuilder, Table};

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

fn render_block(b: Block, e: &Estimate, locale: Locale, how_label: &'static str) -> impl IntoView {
    let title = b.title.clone();
    let list = (!b.list.is_empty()).then(|| render_list(b.list));
    let folded = b.folded.map(|(summary, items)| {
        view! { <details class="folded"><summary>{summary}</summary>{render_list(items)}</details> }
    });
    view! {
        <section class="block" id=b.id>
            <h2>{b.title.clone()}</h2>
            {b.intro.map(|t| view! { <p>{t}</p> })}
            {b.chart.map(|chart| render_chart(chart, e, locale))}
            {list}
            {folded}
            {b.table.map(|t| render_table(t, how_label, title.clone()))}
            {b.more.into_iter().map(|t| render_table(t, how_label, title.clone())).collect_view()}
            {b.note.map(|t| view! { <p class="note">{t}</p> })}
        </section>
    }
}

/// A chart in its own horizontally scrolling box: on a phone a chart keeps a readable text
/// size and scrolls, and the box is a labelled, focusable region so that keyboard users can
/// scroll it too (axe `scrollable-region-focusable`).
fn render_chart(chart: Chart, e: &Estimate, locale: Locale) -> AnyView {
    let (title, svg) = match chart {
        Chart::Gantt { title, rows, weekend_days } => {
            (title.clone(), gantt(title, rows, &e.timeline, weekend_days, lang(locale)).into_any())
        }
        Chart::Production { title, volume_label, vcd_label } => {
            (title.clone(), production_chart(title, &e.production.daily, volume_label, vcd_label).into_any())
        }
        Chart::Bars { title, bars } => (title.clone(), bar_chart(title, bars).into_any()),
        Chart::Program { title, rows, start, end, legend } => {
            (title.clone(), program_chart(title, rows, start, end, legend, lang(locale)).into_any())
        }
    };
    view! { <div class="chart-wrap" tabindex="0" role="region" aria-label=title>{svg}</div> }.into_any()
}

/// One detailed result section, drawn by the deferred module (`crate::deferred`) into the
/// page's `#result-details`.
pub fn render_section(build: SectionBuilder, c: &Ctx) -> impl IntoView {
    render_block(build(c), c.e, c.locale, td_string!(c.locale, how_computed))
}
