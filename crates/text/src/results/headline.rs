//! The headline figures: drug substance, price per batch and per gram, harvest date, the
//! program's first release and price, medium and facility fit, each with how it was computed.

use super::*;
use ttc_model::program::MilestoneKind;
use ttc_model::scenario::{Phase, StepKind};

/// One headline figure.
pub struct Figure {
    /// The element id the page gives it (`h-ds`, `h-batch-cost`, ...).
    pub id: &'static str,
    /// The fit status class, for the fit figure.
    pub class: &'static str,
    pub label: &'static str,
    pub value: String,
    pub how: String,
}

/// The headline figures, in page order.
pub fn headline_figures(c: &Ctx) -> Vec<Figure> {
    let (e, l) = (c.e, c.locale);
    let ds = e.downstream.drug_substance_g;
    let count = |status| e.fit.iter().filter(|i| i.status == status).count();
    let parts: Vec<String> = e.volumes.media.iter().map(|(_, v)| format!("{} L", format_auto(*v))).collect();
    let per_gram = e.cost.per_gram.map(|g| c.money(g)).unwrap_or_else(|| "–".into());
    let p = &e.program;
    let first = p.milestone(MilestoneKind::FirstBatchRelease);
    let path: Vec<&str> = p
        .steps
        .iter()
        .filter(|r| r.critical)
        .map(|r| crate::labels::step_kind_name(l, r.step, c.s.program.phase))
        .collect();
    let pc = &e.program_cost;
    let runs = |k: StepKind| c.money(pc.step_price_usd(k));
    let fees: f64 = pc.price_usd
        - [StepKind::EngineeringRuns, StepKind::Ppq, StepKind::GmpCampaign]
            .iter()
            .map(|&k| pc.step_price_usd(k))
            .sum::<f64>();
    let figures: [(&'static str, &'static str, &'static str, String, String); 8] = [
        (
            "h-ds",
            "",
            td_string!(l, h_ds),
            format!("{} g", format_number(ds, 0)),
            tf!(
                l,
                how_ds,
                titer = format_auto(e.production.titer_g_per_l),
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
                overhead = format_auto(c.s.rate(Rate::OverheadPct, c.f)),
                margin = format_auto(c.s.rate(Rate::MarginPct, c.f)),
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
            "h-first-release",
            "",
            if c.s.program.phase == Phase::Tox {
                td_string!(l, h_first_release_tox)
            } else {
                td_string!(l, h_first_release)
            },
            first.map(|m| c.date(m.date)).unwrap_or_else(|| "–".into()),
            tf!(
                l,
                how_first_release,
                kickoff = c.date(p.kickoff_date),
                release = first.map(|m| c.date(m.date)).unwrap_or_default(),
                days = first.map_or(0, |m| m.from_kickoff_days),
                months = format_number(first.map_or(0, |m| m.from_kickoff_days) as f64 / 30.44, 1),
                path = path.join(" → ")
            ),
        ),
        (
            "h-program",
            "",
            td_string!(l, h_program),
            c.money(pc.price_usd),
            tf!(
                l,
                how_program,
                fees = c.money(fees),
                engineering = runs(StepKind::EngineeringRuns),
                ppq = runs(StepKind::Ppq),
                campaign = runs(StepKind::GmpCampaign),
                total = c.money(pc.price_usd)
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
    figures
        .into_iter()
        .map(|(id, class, label, value, how)| Figure { id, class, label, value, how })
        .collect()
}
