//! `ttc estimate --csv`: the main result tables of an estimate as CSV.
//!
//! A stand-in until the page's own builder is shared (`ttc_text::tables::results_csv`, being
//! moved out of the page): plain English headers that carry their units, figures as plain
//! numbers in the units of the headers (full precision, `.` decimals, no thousands separators,
//! money in USD), dates as `YYYY-MM-DD`. Each table is a title record, a header record and its
//! rows; a blank record separates the tables. RFC 4180: CRLF line ends, a field with a comma,
//! quote or line break is quoted and its quotes doubled. A field that a spreadsheet would run
//! as a formula (starting with `=`, `+`, `-`, `@`, tab or carriage return; scenario, feed and
//! product names are free text) gets a leading `'` (OWASP, CSV injection).

use ttc_model::estimate_file;
use ttc_model::facility::FacilityProfile;
use ttc_model::{Estimate, MediumUse, Scenario};
use ttc_text::labels::{
    category_name, cost_item_name, fit_text, operation_name, stage_name, step_name, vessel_name,
};
use ttc_text::Locale;

/// The stand-in's words (row labels, fit items) are English, like its headers.
const L: Locale = Locale::en;

/// One CSV field.
enum F {
    Text(String),
    Num(f64),
    Whole(u64),
    /// No value (e.g. no split ratio for the first stage).
    Empty,
}

fn t(s: impl Into<String>) -> F {
    F::Text(s.into())
}

fn n(v: f64) -> F {
    F::Num(v)
}

fn w(v: impl Into<u64>) -> F {
    F::Whole(v.into())
}

fn opt(v: Option<f64>) -> F {
    v.map_or(F::Empty, F::Num)
}

/// A field as CSV: defused, then quoted when it must be.
fn field(out: &mut String, f: &F) {
    let text = match f {
        F::Text(s) => s.clone(),
        // Rust's shortest round-trip form: never an exponent, `.` for decimals.
        F::Num(v) if v.is_finite() => v.to_string(),
        F::Num(_) | F::Empty => String::new(),
        F::Whole(v) => v.to_string(),
    };
    let defused = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text };
    if defused.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&defused.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(&defused);
    }
}

fn record(out: &mut String, fields: &[F]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        field(out, f);
    }
    out.push_str("\r\n");
}

/// A titled table: a blank record before it (except the first), its title, header and rows.
fn table(out: &mut String, title: &str, head: &[&str], rows: Vec<Vec<F>>) {
    if !out.is_empty() {
        out.push_str("\r\n");
    }
    record(out, &[t(title)]);
    record(out, &head.iter().map(|h| t(*h)).collect::<Vec<_>>());
    for r in rows {
        record(out, &r);
    }
}

fn medium_name(m: &MediumUse) -> String {
    match m {
        MediumUse::SeedTrain => "Seed-train medium".into(),
        MediumUse::Perfusion => "Perfusion medium".into(),
        MediumUse::Basal => "Production basal medium".into(),
        MediumUse::Feed(name) => format!("Feed medium: {name}"),
    }
}

/// The main result tables of `e`, the estimate of `s` priced with `f`.
pub fn results_csv(e: &Estimate, s: &Scenario, f: &FacilityProfile) -> String {
    let mut out = String::new();
    // The first record is a header: what was estimated and how it is priced.
    record(&mut out, &[t("Scenario"), t("Rate card"), t("Currency"), t("Format")]);
    record(
        &mut out,
        &[t(s.name.as_str()), t(f.id.as_str()), t(f.currency.as_str()), t(estimate_file::FORMAT_NAME)],
    );

    let stages = e.seed_train.len();
    table(
        &mut out,
        "Seed train",
        &[
            "Stage",
            "Vessel",
            "Working volume (L)",
            "Start (day after thaw)",
            "End (day after thaw)",
            "Duration (days)",
            "Seeding density (1e6 cells/mL)",
            "Final density (1e6 cells/mL)",
            "Vials",
            "Inoculum (L)",
            "Split ratio (1:x)",
            "Fresh medium (L)",
            "Perfusion medium (L)",
        ],
        e.seed_train
            .iter()
            .enumerate()
            .map(|(i, st)| {
                vec![
                    t(stage_name(L, i, stages)),
                    t(vessel_name(L, f, &st.vessel_id)),
                    n(st.working_volume_l),
                    w(st.start_day),
                    w(st.end_day),
                    w(st.duration_days),
                    n(st.seeding_density_e6_per_ml),
                    n(st.final_density_e6_per_ml),
                    w(st.vials),
                    n(st.inoculum_l),
                    opt(st.split_ratio),
                    n(st.fresh_medium_l),
                    n(st.perfusion_medium_l),
                ]
            })
            .collect(),
    );

    let p = &e.production;
    table(
        &mut out,
        "Production bioreactor",
        &[
            "Vessel",
            "Initial volume (L)",
            "Inoculum (L)",
            "Split ratio (1:x)",
            "Basal medium (L)",
            "Feeds (L)",
            "Samples (L)",
            "Final volume (L)",
            "Largest volume (L)",
            "Largest initial volume that fits (L)",
            "Harvest volume (L)",
            "Product at harvest (g)",
        ],
        vec![vec![
            t(vessel_name(L, f, &p.vessel_id)),
            n(p.initial_volume_l),
            n(p.inoculum_l),
            n(p.split_ratio),
            n(p.basal_medium_l),
            n(p.total_feed_l),
            n(p.samples_l),
            n(p.final_volume_l),
            n(p.max_volume_l),
            n(p.max_whole_initial_volume_l),
            n(p.harvest_volume_l),
            n(p.product_at_harvest_g),
        ]],
    );
    table(
        &mut out,
        "Feeds",
        &["Feed", "Per feed day (L)", "Feed days (culture days)", "Total (L)"],
        p.feeds
            .iter()
            .map(|fd| {
                let days: Vec<String> = fd.days.iter().map(u32::to_string).collect();
                vec![t(fd.name.as_str()), n(fd.per_day_l), t(days.join(" ")), n(fd.total_l)]
            })
            .collect(),
    );

    let d = &e.downstream;
    let mut steps: Vec<Vec<F>> = d
        .steps
        .iter()
        .map(|st| {
            vec![
                t(step_name(L, st.step)),
                n(st.mass_in_g),
                n(st.yield_pct),
                n(st.mass_out_g),
                n(st.volume_out_l),
                n(st.buffer_l),
                opt(st.column.map(|c| c.column_volume_l)),
                st.column.map_or(F::Empty, |c| w(c.cycles)),
                st.column.map_or(F::Empty, |c| w(c.max_cycles)),
                opt(st.filter_area_m2),
            ]
        })
        .collect();
    steps.push(vec![
        t("Drug substance"),
        F::Empty,
        n(d.overall_yield_pct),
        n(d.drug_substance_g),
        n(d.drug_substance_volume_l),
        n(d.total_buffer_l),
        F::Empty,
        F::Empty,
        F::Empty,
        F::Empty,
    ]);
    table(
        &mut out,
        "Downstream (per batch)",
        &[
            "Step",
            "Mass in (g)",
            "Yield (%)",
            "Mass out (g)",
            "Volume out (L)",
            "Buffer (L)",
            "Column volume (L)",
            "Cycles",
            "Most cycles per batch",
            "Filter area (m2)",
        ],
        steps,
    );

    let v = &e.volumes;
    let mut volumes: Vec<Vec<F>> =
        v.media.iter().map(|(m, l)| vec![t(medium_name(m)), n(*l), n(v.medium_with_overage_l(*l))]).collect();
    volumes.extend(v.buffers.iter().filter(|(_, l)| *l > 0.0).map(|(step, l)| {
        vec![t(format!("Buffer: {}", step_name(L, *step))), n(*l), n(v.buffer_with_overage_l(*l))]
    }));
    volumes.push(vec![t("Total medium"), n(v.total_medium_l), n(v.total_medium_with_overage_l)]);
    volumes.push(vec![t("Total buffer"), n(v.total_buffer_l), n(v.total_buffer_with_overage_l)]);
    table(&mut out, "Media and buffers (per batch)", &["Item", "Volume (L)", "With overage (L)"], volumes);

    let c = &e.cost;
    let mut lines: Vec<Vec<F>> = c
        .lines
        .iter()
        .map(|line| {
            vec![
                t(category_name(L, line.category)),
                t(cost_item_name(L, f, &line.item)),
                n(line.quantity),
                t(quantity_unit_en(line.unit)),
                n(line.unit_price),
                n(line.amount),
            ]
        })
        .collect();
    let total = |label: String, value: F| vec![t(label), F::Empty, F::Empty, F::Empty, F::Empty, value];
    lines.push(total("Direct cost per batch".into(), n(c.direct)));
    lines.push(total("Price per batch".into(), n(c.per_batch)));
    lines.push(total("Price per gram of drug substance (USD/g)".into(), opt(c.per_gram)));
    lines.push(total(format!("Campaign of {} batches", c.batches), n(c.campaign)));
    table(
        &mut out,
        "Cost per batch",
        &["Category", "Item", "Quantity", "Unit", "Unit price (USD per unit)", "Amount (USD)"],
        lines,
    );
    table(
        &mut out,
        "Cost by category (per batch)",
        &["Category", "Amount (USD)"],
        c.by_category.iter().map(|(cat, a)| vec![t(category_name(L, *cat)), n(*a)]).collect(),
    );

    let tl = &e.timeline;
    let mut events: Vec<Vec<F>> = tl
        .events
        .iter()
        .map(|ev| {
            vec![
                t(operation_name(L, ev.operation, stages)),
                w(ev.day),
                t(ev.date.to_string()),
                t(if ev.on_weekend { "yes" } else { "no" }),
            ]
        })
        .collect();
    events.push(vec![
        t("Downstream done"),
        w(tl.downstream_end_day),
        t(tl.downstream_end_date.to_string()),
        F::Empty,
    ]);
    events.push(vec![t("Batch released"), w(tl.release_day), t(tl.release_date.to_string()), F::Empty]);
    table(&mut out, "Timeline of one batch", &["Event", "Day after thaw", "Date", "Weekend"], events);

    let k = &e.campaign;
    table(
        &mut out,
        "Campaign",
        &[
            "Batches",
            "Lines used",
            "Days between inoculations",
            "Last release",
            "Duration (days)",
            "Line utilisation (%)",
        ],
        vec![vec![
            w(k.batches),
            w(k.lines_used),
            w(k.spacing_days),
            t(k.last_release_date.to_string()),
            w(k.duration_days),
            n(k.line_utilisation_pct),
        ]],
    );
    table(
        &mut out,
        "Campaign batches",
        &["Batch", "Line", "Thaw", "Inoculation", "Harvest", "Release"],
        k.schedule
            .iter()
            .map(|b| {
                vec![
                    w(b.index + 1),
                    w(b.line + 1),
                    t(b.thaw_date.to_string()),
                    t(b.inoculation_date.to_string()),
                    t(b.harvest_date.to_string()),
                    t(b.release_date.to_string()),
                ]
            })
            .collect(),
    );

    table(
        &mut out,
        "Facility fit",
        &["Status", "Check", "Input"],
        e.fit
            .iter()
            .map(|item| {
                let status = match item.status {
                    ttc_model::fit::FitStatus::Pass => "pass",
                    ttc_model::fit::FitStatus::Warning => "warning",
                    ttc_model::fit::FitStatus::Fail => "fail",
                };
                vec![
                    t(status),
                    t(fit_text(L, &item.check, f, stages)),
                    item.field.as_ref().map_or(F::Empty, |p| t(format!("scenario.{p}"))),
                ]
            })
            .collect(),
    );
    out
}

/// The unit of a cost line's quantity, in a header's words.
fn quantity_unit_en(u: ttc_model::cost::QuantityUnit) -> &'static str {
    use ttc_model::cost::QuantityUnit::*;
    match u {
        Litre => "L",
        ResinLitre => "L resin",
        SquareMetre => "m2",
        Each => "each",
        Batch => "batch",
        OperatorDay => "operator-days",
        SuiteDay => "suite-days",
        // Overhead and margin: a sum of money, priced at a fraction of it.
        Money => "USD",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(f: F) -> String {
        let mut out = String::new();
        record(&mut out, &[f]);
        out
    }

    #[test]
    fn fields_are_quoted_when_they_must_be() {
        let mut out = String::new();
        record(&mut out, &[t("a"), t("b,c"), t("say \"hi\""), t("two\nlines"), n(1400.0), n(0.047)]);
        assert_eq!(out, "a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",1400,0.047\r\n");
        assert_eq!(one(F::Empty), "\r\n");
        assert_eq!(one(n(f64::NAN)), "\r\n");
        assert_eq!(one(w(3u32)), "3\r\n");
        // No exponent for large or small figures.
        assert_eq!(one(n(1.5e21)), "1500000000000000000000\r\n");
    }

    #[test]
    fn formulas_are_defused() {
        for (input, expected) in [
            ("=1+1", "'=1+1\r\n"),
            ("+1", "'+1\r\n"),
            ("-A1", "'-A1\r\n"),
            ("@SUM(A1)", "'@SUM(A1)\r\n"),
            ("\tx", "'\tx\r\n"),
            ("\rx", "\"'\rx\"\r\n"),
            ("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n"),
        ] {
            assert_eq!(one(t(input)), expected, "{input:?}");
        }
        assert_eq!(one(t("Feed A = 3.6 %")), "Feed A = 3.6 %\r\n");
    }
}
