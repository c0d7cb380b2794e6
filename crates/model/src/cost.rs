//! Batch cost: every line as quantity x unit price = amount, so it can be shown and audited.
//! What a line and a breakdown are is in `cost/lines.rs`; here, how a batch is priced.

use super::downstream::{DownstreamResult, DsStep};
use super::facility::{FacilityProfile, Rate};
use super::fed_batch::ProductionResult;
use super::scenario::{Chromatography, ResinMode, Scenario};
use super::schedule::Timeline;
use super::seed_train::StageResult;
pub use lines::{BatchKind, CostBreakdown, CostCategory, CostItem, CostLine, QuantityUnit};

mod lines;

/// Resin a batch uses up, in litres of resin (DOMAIN.md, two real-world cases):
/// amortised over lifetime, CV x cycles per batch / lifetime cycles; or dedicated to the
/// client and written off over the batches run on it, CV x resin sets / batches, where those
/// batches need ceil(cycles per batch x batches / lifetime) sets.
pub fn resin_litres_per_batch(
    c: &Chromatography,
    cycles_per_batch: u32,
    mode: ResinMode,
    batches: u32,
) -> f64 {
    match mode {
        ResinMode::Amortised => {
            c.column_volume_l * f64::from(cycles_per_batch) / f64::from(c.lifetime_cycles.max(1))
        }
        ResinMode::DedicatedToCampaign => {
            c.column_volume_l * f64::from(resin_sets(c, cycles_per_batch, batches))
                / f64::from(batches.max(1))
        }
    }
}

/// Resin sets (packed columns) that `batches` batches of `cycles_per_batch` cycles need:
/// ceil(cycles x batches / lifetime cycles), at least one.
pub fn resin_sets(c: &Chromatography, cycles_per_batch: u32, batches: u32) -> u32 {
    let cycles = u64::from(cycles_per_batch) * u64::from(batches.max(1));
    let lifetime = u64::from(c.lifetime_cycles.max(1));
    u32::try_from(cycles.div_ceil(lifetime)).unwrap_or(u32::MAX).max(1)
}

/// The staff a batch is charged for, from the rate card (or the scenario's overrides):
/// operators per shift x shifts a day in each area, and preparation and support staff on
/// the day shift. Every figure is illustrative (no public staffing figure for a 2000 L
/// single-use suite was found); a rate card of versions before 2026-12b has one shift a
/// day and no preparation or support staff, which is how those quotes were priced.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Staffing {
    pub usp_operators_per_shift: f64,
    pub usp_shifts_per_day: f64,
    pub dsp_operators_per_shift: f64,
    pub dsp_shifts_per_day: f64,
    pub prep_staff: f64,
    pub support_staff: f64,
}

impl Staffing {
    pub fn of(s: &Scenario, facility: &FacilityProfile) -> Self {
        Self {
            usp_operators_per_shift: s.rate(Rate::UspOperators, facility),
            usp_shifts_per_day: s.rate(Rate::UspShiftsPerDay, facility),
            dsp_operators_per_shift: s.rate(Rate::DspOperators, facility),
            dsp_shifts_per_day: s.rate(Rate::DspShiftsPerDay, facility),
            prep_staff: s.rate(Rate::PrepStaff, facility),
            support_staff: s.rate(Rate::SupportStaff, facility),
        }
    }

    /// Operator shifts upstream: operators per shift x shifts a day x days.
    pub fn usp_operator_shifts(&self, days: f64) -> f64 {
        self.usp_operators_per_shift * self.usp_shifts_per_day * days
    }

    /// Operator shifts downstream: operators per shift x shifts a day x days.
    pub fn dsp_operator_shifts(&self, days: f64) -> f64 {
        self.dsp_operators_per_shift * self.dsp_shifts_per_day * days
    }

    /// Shifts of the preparation and of the support staff: each on the day shift over the
    /// batch's upstream and downstream days.
    pub fn prep_and_support_shifts(&self, upstream_days: f64, downstream_days: f64) -> (f64, f64) {
        let days = upstream_days + downstream_days;
        (self.prep_staff * days, self.support_staff * days)
    }
}

/// Inputs of the cost model, all already computed.
pub struct CostInputs<'a> {
    pub scenario: &'a Scenario,
    pub facility: &'a FacilityProfile,
    pub stages: &'a [StageResult],
    pub production: &'a ProductionResult,
    pub downstream: &'a DownstreamResult,
    pub timeline: &'a Timeline,
    /// The campaign's batches.
    pub batches: u32,
    /// The batches a dedicated resin set is written off over: every batch of the program
    /// that runs on it (engineering, PPQ and campaign), or, for scenarios of link and file
    /// versions 1 to 4, the campaign's batches (each kind of batch priced as one of them).
    pub resin_batches: u32,
    pub kind: BatchKind,
    /// Seeded from a culture kept going since an earlier thaw (rolling seed train): the batch
    /// carries only its N-1 expansion (the last stage's medium, kit and suite days); the
    /// kept culture's small maintenance passages are not priced.
    pub rolling: bool,
}

/// The seed stages a batch pays for: all of them, or N-1 alone for a rolling batch.
fn paid_stages<'a>(inp: &CostInputs<'a>) -> &'a [StageResult] {
    match inp.stages.split_last() {
        Some((_, earlier)) if inp.rolling => &inp.stages[earlier.len()..],
        _ => inp.stages,
    }
}

/// Days a production line is billed for one batch: its occupancy (production + turnaround)
/// when the facility's day rate already covers the idle days between batches, otherwise the
/// days the line is reserved for it, occupancy / planned utilisation.
pub fn billed_line_days(occupancy_days: u32, utilisation_pct: f64, facility: &FacilityProfile) -> f64 {
    if facility.line_day_rate_includes_idle {
        f64::from(occupancy_days)
    } else {
        f64::from(occupancy_days) / (utilisation_pct / 100.0)
    }
}

pub fn batch_cost(inp: &CostInputs) -> CostBreakdown {
    let s = inp.scenario;
    let media_factor = 1.0 + s.downstream.media_overage_pct / 100.0;
    let buffer_factor = 1.0 + s.downstream.buffer_overage_pct / 100.0;
    let mut lines: Vec<CostLine> = Vec::new();
    let mut rated = |category, item, quantity: f64, unit, rate: Rate| {
        // The scenario's override, or the rate card's (one rule: `Scenario::rate`).
        let unit_price = s.rate(rate, inp.facility);
        lines.push(CostLine {
            category,
            item,
            quantity,
            unit,
            unit_price,
            amount: quantity * unit_price,
            rate: Some(rate),
        });
    };

    // Media, with overage for preparation losses.
    use CostCategory as C;
    let stages = paid_stages(inp);
    let seed_medium_l: f64 = stages.iter().map(|st| st.fresh_medium_l).sum();
    rated(
        C::Media,
        CostItem::SeedTrainMedium,
        seed_medium_l * media_factor,
        QuantityUnit::Litre,
        Rate::SeedMediumPerL,
    );
    let perfusion_l: f64 = stages.iter().map(|st| st.perfusion_medium_l).sum();
    if perfusion_l > 0.0 {
        rated(
            C::Media,
            CostItem::PerfusionMedium,
            perfusion_l * media_factor,
            QuantityUnit::Litre,
            Rate::PerfusionMediumPerL,
        );
    }
    rated(
        C::Media,
        CostItem::BasalMedium,
        inp.production.basal_medium_l * media_factor,
        QuantityUnit::Litre,
        Rate::BasalMediumPerL,
    );
    for feed in &inp.production.feeds {
        rated(
            C::Media,
            CostItem::FeedMedium(feed.name.clone()),
            feed.total_l * media_factor,
            QuantityUnit::Litre,
            Rate::FeedMediumPerL,
        );
    }
    rated(
        C::Buffers,
        CostItem::Buffer,
        inp.downstream.total_buffer_l * buffer_factor,
        QuantityUnit::Litre,
        Rate::BufferPerL,
    );
    if inp.production.total_additions_l > 0.0 {
        rated(
            C::Buffers,
            CostItem::Additions,
            inp.production.total_additions_l * buffer_factor,
            QuantityUnit::Litre,
            Rate::BufferPerL,
        );
    }

    // Filters.
    let area = |step| inp.downstream.step(step).filter_area_m2.unwrap_or(0.0);
    rated(
        C::Filters,
        CostItem::DepthFilter,
        area(DsStep::Clarification),
        QuantityUnit::SquareMetre,
        Rate::DepthFilterPerM2,
    );
    rated(
        C::Filters,
        CostItem::VirusFilter,
        area(DsStep::VirusFiltration),
        QuantityUnit::SquareMetre,
        Rate::VirusFilterPerM2,
    );
    rated(C::Filters, CostItem::SterileFilters, 1.0, QuantityUnit::Batch, Rate::SterileFiltersPerBatch);
    rated(C::SingleUse, CostItem::DspSingleUse, 1.0, QuantityUnit::Batch, Rate::DspSingleUsePerBatch);

    // Resins.
    let d = &s.downstream;
    for (step, column, price) in [
        (DsStep::ProteinA, &d.protein_a, Rate::ProteinAResinPerL),
        (DsStep::Aex, &d.aex, Rate::AexResinPerL),
        (DsStep::Cex, &d.cex, Rate::CexResinPerL),
    ] {
        let cycles = inp.downstream.step(step).column.map_or(0, |c| c.cycles);
        let litres = resin_litres_per_batch(column, cycles, d.resin_mode, inp.resin_batches);
        rated(C::Resins, CostItem::Resin(step), litres, QuantityUnit::ResinLitre, price);
    }

    // Labour and suite time.
    let t = inp.timeline;
    // Seed-suite days: thaw to inoculation, or the N-1 stage alone for a rolling batch.
    let seed_days = stages.first().map_or(0, |st| t.thaw_to_inoculation_days - st.start_day);
    let upstream_days = f64::from(seed_days + t.production_days);
    let dsp_days = f64::from(s.schedule.downstream_days);
    let staffing = Staffing::of(s, inp.facility);
    rated(
        C::Labour,
        CostItem::UspLabour,
        staffing.usp_operator_shifts(upstream_days),
        QuantityUnit::OperatorDay,
        Rate::OperatorDay,
    );
    rated(
        C::Labour,
        CostItem::DspLabour,
        staffing.dsp_operator_shifts(dsp_days),
        QuantityUnit::OperatorDay,
        Rate::OperatorDay,
    );
    let (prep, support) = staffing.prep_and_support_shifts(upstream_days, dsp_days);
    for (item, shifts) in [(CostItem::PrepLabour, prep), (CostItem::SupportLabour, support)] {
        if shifts > 0.0 {
            rated(C::Labour, item, shifts, QuantityUnit::OperatorDay, Rate::OperatorDay);
        }
    }
    rated(
        C::FacilityTime,
        CostItem::SeedSuite,
        f64::from(seed_days),
        QuantityUnit::SuiteDay,
        Rate::SeedSuiteDay,
    );
    rated(
        C::FacilityTime,
        CostItem::ProductionLine,
        billed_line_days(t.line_occupancy_days, s.schedule.line_utilisation_pct, inp.facility),
        QuantityUnit::SuiteDay,
        Rate::ProductionLineDay,
    );
    rated(C::FacilityTime, CostItem::DspSuite, dsp_days, QuantityUnit::SuiteDay, Rate::DspSuiteDay);

    if inp.kind != BatchKind::NonGmp {
        rated(C::Qc, CostItem::QcRelease, 1.0, QuantityUnit::Batch, Rate::QcReleasePerBatch);
        rated(
            C::Qc,
            CostItem::BulkHarvestTesting,
            1.0,
            QuantityUnit::Batch,
            Rate::BulkHarvestTestingPerBatch,
        );
        rated(C::Qa, CostItem::QaReview, 1.0, QuantityUnit::Batch, Rate::QaReviewPerBatch);
    }
    if inp.kind == BatchKind::Ppq {
        rated(C::Qc, CostItem::PpqTesting, 1.0, QuantityUnit::Batch, Rate::PpqTestingPerBatch);
    }

    // Single-use vessel kits: one per seed stage and one production bag, priced from the
    // facility's vessel catalogue.
    let mut kits: Vec<(String, f64)> = Vec::new();
    for id in stages.iter().map(|st| &st.vessel_id).chain([&inp.production.vessel_id]) {
        match kits.iter_mut().find(|(k, _)| k == id) {
            Some((_, n)) => *n += 1.0,
            None => kits.push((id.clone(), 1.0)),
        }
    }
    for (id, count) in kits {
        let price = inp.facility.vessel(&id).map_or(0.0, |v| v.kit_cost);
        lines.push(CostLine {
            category: C::SingleUse,
            item: CostItem::VesselKit(id),
            quantity: count,
            unit: QuantityUnit::Each,
            unit_price: price,
            amount: count * price,
            rate: None,
        });
    }

    // Overhead on direct costs; the CDMO's margin on cost (direct + overhead).
    let direct: f64 = lines.iter().map(|l| l.amount).sum();
    let overhead_fraction = s.rate(Rate::OverheadPct, inp.facility) / 100.0;
    let overhead = direct * overhead_fraction;
    lines.push(CostLine {
        category: C::Overhead,
        item: CostItem::Overhead,
        quantity: direct,
        unit: QuantityUnit::Money,
        unit_price: overhead_fraction,
        amount: overhead,
        rate: Some(Rate::OverheadPct),
    });
    let margin_fraction = s.rate(Rate::MarginPct, inp.facility) / 100.0;
    lines.push(CostLine {
        category: C::Margin,
        item: CostItem::Margin,
        quantity: direct + overhead,
        unit: QuantityUnit::Money,
        unit_price: margin_fraction,
        amount: (direct + overhead) * margin_fraction,
        rate: Some(Rate::MarginPct),
    });

    let by_category = CostCategory::ALL
        .iter()
        .map(|&cat| (cat, lines.iter().filter(|l| l.category == cat).map(|l| l.amount).sum()))
        .collect();
    let per_batch: f64 = lines.iter().map(|l| l.amount).sum();
    let ds = inp.downstream.drug_substance_g;
    CostBreakdown {
        currency: inp.facility.currency.clone(),
        lines,
        by_category,
        direct,
        per_batch,
        per_gram: (ds > 0.0).then(|| per_batch / ds),
        direct_per_gram: (ds > 0.0).then(|| direct / ds),
        batches: inp.batches,
        campaign: per_batch * f64::from(inp.batches),
        resin_batches: inp.resin_batches,
        upstream_days: seed_days + t.production_days,
        downstream_days: s.schedule.downstream_days,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    #[test]
    fn resin_cost_amortised_and_dedicated() {
        // Protein A 50 L at $12,000/L, 200-cycle lifetime, 4 cycles a batch.
        let c = Chromatography::default();
        // Amortised: 50 L x 4 / 200 = 1 L of resin a batch -> $12,000 a batch.
        let amortised = resin_litres_per_batch(&c, 4, ResinMode::Amortised, 3);
        assert!(close(amortised * 12_000.0, 12_000.0, 1e-9));
        // Dedicated to a 3-batch campaign: 12 cycles < 200 -> one set of 50 L = $600,000,
        // written off over 3 batches = $200,000 a batch.
        let dedicated = resin_litres_per_batch(&c, 4, ResinMode::DedicatedToCampaign, 3);
        assert!(close(dedicated * 12_000.0, 200_000.0, 1e-6));
        // 60 batches x 4 = 240 cycles > 200: two sets, 2 x 50 / 60 = 1.667 L a batch.
        let long = resin_litres_per_batch(&c, 4, ResinMode::DedicatedToCampaign, 60);
        assert!(close(long, 100.0 / 60.0, 1e-12));
    }
}
