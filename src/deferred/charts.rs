//! Charts as inline SVG: crisp on a phone, a projector and paper, with no chart library in the
//! bundle. Each chart has a text title for screen readers; the numbers are also in the tables.

use crate::model::date::CivilDate;
use crate::model::fed_batch::DayPoint;
use crate::model::schedule::Timeline;
use leptos::prelude::*;
use ttc_text::format::{
    format_auto, format_date_short, format_month, format_month_short, format_number, Lang,
};
use ttc_text::results::{Bar, GanttRow, ProgramRow};

/// Horizontal bars, largest scale = largest value.
pub fn bar_chart(title: String, bars: Vec<Bar>) -> impl IntoView {
    let row_h = 26.0;
    let label_w = 230.0;
    let bar_w = 330.0;
    let width = label_w + bar_w + 120.0;
    let height = row_h * bars.len() as f64 + 8.0;
    let max = bars.iter().map(|b| b.value).fold(0.0, f64::max).max(f64::MIN_POSITIVE);
    let rows = bars
        .into_iter()
        .enumerate()
        .map(|(i, b)| {
            let y = 4.0 + i as f64 * row_h;
            let w = (b.value / max * bar_w).max(if b.value > 0.0 { 1.0 } else { 0.0 });
            view! {
                <text x=label_w - 8.0 y=y + 17.0 text-anchor="end" class="chart-label">{b.label}</text>
                <rect x=label_w y=y + 4.0 width=w height=row_h - 8.0 class="bar" />
                <text x=label_w + w + 6.0 y=y + 17.0 class="chart-value">{b.text}</text>
            }
        })
        .collect_view();
    let label = title.clone();
    view! {
        <svg class="chart bars" viewBox=format!("0 0 {width} {height}") role="img" aria-label=label>
            <title>{title}</title>
            {rows}
        </svg>
    }
}

/// Timeline from vial thaw to release: one bar per activity, weekly date ticks, and
/// operations on weekends marked with a triangle.
pub fn gantt(
    title: String,
    rows: Vec<GanttRow>,
    timeline: &Timeline,
    weekend_days: Vec<u32>,
    lang: Lang,
) -> impl IntoView {
    let label_w = 190.0;
    let plot_w = 560.0;
    let row_h = 22.0;
    let top = 26.0;
    let total_days = f64::from(timeline.release_day.max(1));
    let x = move |day: u32| label_w + f64::from(day) / total_days * plot_w;
    let height = top + row_h * rows.len() as f64 + 10.0;
    let thaw: CivilDate = timeline.thaw_date;
    let ticks = (0..=timeline.release_day)
        .step_by(14)
        .map(|d| {
            view! {
                <line x1=x(d) x2=x(d) y1=top - 4.0 y2=height - 6.0 class="grid-line" />
                <text x=x(d) y=top - 8.0 text-anchor="middle" class="chart-tick">{format_date_short(thaw.add_days(i64::from(d)), lang)}</text>
            }
        })
        .collect_view();
    let bars = rows
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            let y = top + i as f64 * row_h;
            let w = (x(r.end_day) - x(r.start_day)).max(2.0);
            view! {
                <text x=label_w - 6.0 y=y + 15.0 text-anchor="end" class="chart-label">{r.label}</text>
                <rect x=x(r.start_day) y=y + 3.0 width=w height=row_h - 6.0 class=format!("gantt-bar {}", r.class) />
            }
        })
        .collect_view();
    let marks = weekend_days
        .into_iter()
        .map(|d| {
            let cx = x(d);
            view! { <path d=format!("M{cx} {} l-5 -8 h10 z", height - 2.0) class="weekend-mark" /> }
        })
        .collect_view();
    let label = title.clone();
    view! {
        <svg class="chart gantt" viewBox=format!("0 0 {} {height}", label_w + plot_w + 20.0) role="img" aria-label=label>
            <title>{title}</title>
            {ticks}
            {bars}
            {marks}
        </svg>
    }
}

/// Production run: working volume (left axis) and viable cell density (right axis) by day,
/// feed additions as small bars on the day axis.
pub fn production_chart(
    title: String,
    days: &[DayPoint],
    volume_label: String,
    vcd_label: String,
) -> impl IntoView {
    let (left, right, top, bottom) = (56.0, 56.0, 16.0, 34.0);
    let (w, h) = (640.0, 260.0);
    let plot_w = w - left - right;
    let plot_h = h - top - bottom;
    let last_day = days.last().map_or(1, |d| d.day).max(1);
    let v_max = days.iter().map(|d| d.volume_l).fold(0.0, f64::max).max(1.0) * 1.1;
    let x_max = days.iter().map(|d| d.viable_density_e6_per_ml).fold(0.0, f64::max).max(0.1) * 1.1;
    let fed_max = days.iter().map(|d| d.fed_l).fold(0.0, f64::max).max(1e-9);
    let px = move |day: u32| left + f64::from(day) / f64::from(last_day) * plot_w;
    let py_v = move |v: f64| top + plot_h - v / v_max * plot_h;
    let py_x = move |x: f64| top + plot_h - x / x_max * plot_h;
    let path = |f: &dyn Fn(&DayPoint) -> (f64, f64)| {
        days.iter()
            .enumerate()
            .map(|(i, d)| {
                let (a, b) = f(d);
                format!("{}{a:.1} {b:.1}", if i == 0 { "M" } else { "L" })
            })
            .collect::<String>()
    };
    let volume_path = path(&|d| (px(d.day), py_v(d.volume_l)));
    let vcd_path = path(&|d| (px(d.day), py_x(d.viable_density_e6_per_ml)));
    let feeds = days
        .iter()
        .filter(|d| d.fed_l > 0.0)
        .map(|d| {
            let bh = d.fed_l / fed_max * 18.0;
            view! { <rect x=px(d.day) - 3.0 y=top + plot_h - bh width=6.0 height=bh class="feed-bar" /> }
        })
        .collect_view();
    let x_ticks = (0..=last_day)
        .step_by(2)
        .map(|d| view! { <text x=px(d) y=h - bottom + 16.0 text-anchor="middle" class="chart-tick">{d}</text> })
        .collect_view();
    let y_ticks = (0..=4)
        .map(|k| {
            let f = f64::from(k) / 4.0;
            let y = top + plot_h - f * plot_h;
            view! {
                <line x1=left x2=w - right y1=y y2=y class="grid-line" />
                <text x=left - 6.0 y=y + 4.0 text-anchor="end" class="chart-tick vol">{format_number(f * v_max, 0)}</text>
                <text x=w - right + 6.0 y=y + 4.0 class="chart-tick vcd">{format_auto(f * x_max)}</text>
            }
        })
        .collect_view();
    let label = title.clone();
    view! {
        <svg class="chart production" viewBox=format!("0 0 {w} {h}") role="img" aria-label=label>
            <title>{title}</title>
            {y_ticks}
            {x_ticks}
            {feeds}
            <path d=volume_path class="line vol" />
            <path d=vcd_path class="line vcd" />
            <text x=left y=h - 4.0 class="chart-legend vol">{format!("— {volume_label}")}</text>
            <text x=w - right y=h - 4.0 text-anchor="end" class="chart-legend vcd">{format!("— {vcd_label}")}</text>
        </svg>
    }
}

/// The program by month, kickoff to last release: one row per step (bars, the critical ones
/// outlined), per line (each batch's occupancy, by series), downstream and releases
/// (diamonds); month ticks, a legend below.
pub fn program_chart(
    title: String,
    rows: Vec<ProgramRow>,
    start: CivilDate,
    end: CivilDate,
    legend: Vec<(&'static str, String)>,
    lang: Lang,
) -> impl IntoView {
    let label_w = 290.0;
    let plot_w = 560.0;
    let row_h = 20.0;
    let top = 24.0;
    // A little room after the last release for its mark.
    let total_days = (start.days_until(end) + 7).max(30) as f64;
    let x = move |d: CivilDate| {
        label_w + (start.days_until(d) as f64).clamp(0.0, total_days) / total_days * plot_w
    };
    let plot_bottom = top + row_h * rows.len() as f64;
    let legend_y = plot_bottom + 22.0;
    let height = legend_y + 12.0;
    // Month ticks: every month, or every 2nd, 3rd or 6th on a long program.
    let months = total_days / 30.44;
    let step = if months <= 14.0 {
        1
    } else if months <= 28.0 {
        2
    } else if months <= 42.0 {
        3
    } else {
        6
    };
    let (mut y, mut m, _) = start.ymd();
    let mut ticks = Vec::new();
    let mut k = 0;
    while let Some(first) = CivilDate::from_ymd(y, m, 1) {
        if first > end.add_days(7) {
            break;
        }
        if first >= start && k % step == 0 {
            ticks.push(first);
        }
        k += 1;
        (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    }
    // The year on the first tick and on each January; the month alone between.
    let ticks = ticks
        .into_iter()
        .enumerate()
        .map(|(i, d)| {
            let text =
                if i == 0 || d.ymd().1 == 1 { format_month(d, lang) } else { format_month_short(d, lang) };
            view! {
                <line x1=x(d) x2=x(d) y1=top - 4.0 y2=plot_bottom class="grid-line" />
                <text x=x(d) y=top - 8.0 text-anchor="start" class="chart-tick">{text}</text>
            }
        })
        .collect_view();
    let body = rows
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            let y = top + i as f64 * row_h;
            let bars = r
                .bars
                .into_iter()
                .map(|b| {
                    let w = (x(b.end) - x(b.start)).max(2.0);
                    let class = format!("pbar {}{}", b.class, if b.critical { " critical" } else { "" });
                    view! { <rect x=x(b.start) y=y + 3.0 width=w height=row_h - 6.0 class=class /> }
                })
                .collect_view();
            let marks = r
                .marks
                .into_iter()
                .map(|d| {
                    let cx = x(d);
                    let cy = y + row_h / 2.0;
                    view! { <path d=format!("M{cx} {} l5 6 l-5 6 l-5 -6 z", cy - 6.0) class="release-mark" /> }
                })
                .collect_view();
            view! {
                <text x=label_w - 6.0 y=y + 14.0 text-anchor="end" class="chart-label">{r.label}</text>
                {bars}
                {marks}
            }
        })
        .collect_view();
    let keys = legend
        .into_iter()
        .enumerate()
        .map(|(i, (class, text))| {
            let lx = 10.0 + i as f64 * 140.0;
            let swatch = match class {
                "release" => view! { <path d=format!("M{} {} l5 6 l-5 6 l-5 -6 z", lx + 5.0, legend_y - 10.0) class="release-mark" /> }.into_any(),
                "critical" => view! { <rect x=lx y=legend_y - 10.0 width=12.0 height=12.0 class="pbar run critical" /> }.into_any(),
                _ => view! { <rect x=lx y=legend_y - 10.0 width=12.0 height=12.0 class=format!("pbar {class}") /> }.into_any(),
            };
            view! { {swatch}<text x=lx + 17.0 y=legend_y class="chart-tick">{text}</text> }
        })
        .collect_view();
    let label = title.clone();
    view! {
        <svg class="chart program" viewBox=format!("0 0 {} {height}", label_w + plot_w + 20.0) role="img" aria-label=label>
            <title>{title}</title>
            {ticks}
            {body}
            {keys}
        </svg>
    }
}
