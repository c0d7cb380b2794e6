//! The results as data, in the user's language and currency: the headline figures and the
//! detailed sections, each a [`Block`] of a list, a [`Table`] and a [`Chart`] description,
//! every figure with "how was this computed?". The page draws them (`src/ui/headline.rs`,
//! `src/deferred/render.rs`), the CSV export and the command line write them
//! ([`csv::results_csv`]), so all three show the same figures in the same words.
//!
//! One builder per section, in page order: [`fit`], [`program`] (the plan and its price),
//! [`timeline`], [`seed_train`], [`production`], [`volumes`], [`downstream`], [`cost`],
//! [`campaign`], [`capacity`].

mod campaign;
mod capacity;
mod cost;
pub mod csv;
mod downstream;
mod fit;
pub mod headline;
mod production;
mod program;
mod program_cost;
mod seed_train;
mod timeline;
mod volumes;

pub use csv::results_csv;

use crate::format::{format_auto, format_date, format_date_short, format_money, format_number, Prefs};
use crate::i18n::*;
use crate::labels::{
    activity_name, category_name, cost_item_name, fit_text, lang, local, operation_name, quantity_unit,
    stage_name, step_kind_name, step_name, vessel_name,
};
use ttc_model::date::CivilDate;
use ttc_model::facility::{FacilityProfile, Rate};
use ttc_model::fit::FitStatus;
use ttc_model::{Estimate, Scenario};

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
    pub fn new(cells: Vec<Cell>) -> Self {
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

/// A list item (a fit check): its status class, its status in words, its text.
pub type ListItem = (&'static str, String, String);

/// One results section.
pub struct Block {
    pub id: &'static str,
    pub title: String,
    pub intro: Option<String>,
    pub chart: Option<Chart>,
    pub list: Vec<ListItem>,
    /// Further list items, folded under a summary (e.g. the checks that pass).
    pub folded: Option<(String, Vec<ListItem>)>,
    pub table: Option<Table>,
    /// Further tables after the first (the program's steps after its milestones).
    pub more: Vec<Table>,
    pub note: Option<String>,
}

impl Block {
    pub fn new(id: &'static str, title: &str) -> Self {
        Self {
            id,
            title: title.to_string(),
            intro: None,
            chart: None,
            list: Vec::new(),
            folded: None,
            table: None,
            more: Vec::new(),
            note: None,
        }
    }
}

/// A chart of a section, as data; the page draws it as inline SVG (`src/deferred/charts.rs`)
/// from the estimate it belongs to.
pub enum Chart {
    /// One batch's timeline from vial thaw to release (`Estimate::timeline`), operations on
    /// weekends marked.
    Gantt { title: String, rows: Vec<GanttRow>, weekend_days: Vec<u32> },
    /// Production working volume and viable cell density by day (`ProductionResult::daily`).
    Production { title: String, volume_label: String, vcd_label: String },
    /// Horizontal bars.
    Bars { title: String, bars: Vec<Bar> },
    /// The program by month, kickoff to last release: a row per step, line, downstream and
    /// the releases; `legend` pairs a bar class with its words.
    Program {
        title: String,
        rows: Vec<ProgramRow>,
        start: CivilDate,
        end: CivilDate,
        legend: Vec<(&'static str, String)>,
    },
}

/// A row of the program chart: bars, and marks on single days (releases).
pub struct ProgramRow {
    pub label: String,
    pub bars: Vec<ProgramBar>,
    pub marks: Vec<CivilDate>,
}

/// A bar of the program chart, both dates included in its span.
pub struct ProgramBar {
    pub start: CivilDate,
    pub end: CivilDate,
    /// `work`, `run`, `engineering`, `ppq`, `campaign`.
    pub class: &'static str,
    /// On the critical path: drawn outlined.
    pub critical: bool,
}

/// A bar of a bar chart.
pub struct Bar {
    pub label: String,
    pub value: f64,
    pub text: String,
}

/// A row of the timeline chart.
pub struct GanttRow {
    pub label: String,
    pub start_day: u32,
    pub end_day: u32,
    pub class: &'static str,
}

/// What every section needs to turn the estimate into words.
pub struct Ctx<'a> {
    pub e: &'a Estimate,
    pub s: &'a Scenario,
    pub f: &'a FacilityProfile,
    pub locale: Locale,
    pub prefs: Prefs,
}

impl Ctx<'_> {
    pub fn money(&self, usd: f64) -> String {
        format_money(usd * self.prefs.rate(), self.prefs.currency)
    }

    pub fn date(&self, d: ttc_model::date::CivilDate) -> String {
        format_date(d, lang(self.locale))
    }

    /// Where a price comes from, in words: the client's own figure, the rate card's with its
    /// published source, or illustrative; `otherwise` for a price that is no rate.
    pub fn rate_source(&self, rate: Option<Rate>, otherwise: &str) -> String {
        use ttc_model::facility::RateOrigin;
        let l = self.locale;
        match rate.map(|r| self.f.rate_origin(r, &self.s.rate_overrides)) {
            Some(RateOrigin::Client) => td_string!(l, source_client).to_string(),
            Some(RateOrigin::Published(s)) => format!("{} {}", td_string!(l, source_published), local(l, s)),
            Some(RateOrigin::Illustrative) => td_string!(l, source_illustrative).to_string(),
            None => otherwise.to_string(),
        }
    }
}

fn heads(items: &[(&str, bool)]) -> Vec<(String, bool)> {
    items.iter().map(|(h, n)| (h.to_string(), *n)).collect()
}

pub fn status_class(s: FitStatus) -> &'static str {
    match s {
        FitStatus::Pass => "pass",
        FitStatus::Warning => "warning",
        FitStatus::Fail => "fail",
    }
}

pub fn status_text(locale: Locale, s: FitStatus) -> &'static str {
    match s {
        FitStatus::Pass => td_string!(locale, fit_pass),
        FitStatus::Warning => td_string!(locale, fit_warning),
        FitStatus::Fail => td_string!(locale, fit_fail),
    }
}

/// Builds one detailed result section.
pub type SectionBuilder = fn(&Ctx) -> Block;

/// The detailed result sections below the headline, in page order. The page draws them one
/// per start-up task (`src/deferred/mod.rs`), so each is built on its own.
pub const DETAIL_SECTIONS: [SectionBuilder; 11] = [
    fit::fit_block,
    program::program_block,
    program_cost::program_cost_block,
    timeline::timeline_block,
    seed_train::seed_train_block,
    production::production_block,
    volumes::volumes_block,
    downstream::downstream_block,
    cost::cost_block,
    campaign::campaign_block,
    capacity::capacity_block,
];

/// Every detailed result section, in page order.
pub fn detail_blocks(c: &Ctx) -> Vec<Block> {
    DETAIL_SECTIONS.iter().map(|build| build(c)).collect()
}
