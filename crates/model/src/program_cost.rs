//! The program's price: the one-time fees of its work steps (the facility's rate card,
//! illustrative), its engineering runs, PPQ batches and campaign batches, each line
//! quantity x unit price = price, by step. Fees are prices (what the client pays); batches
//! are priced with overhead and margin, and their direct cost is shown beside them.

use crate::cost::CostBreakdown;
use crate::facility::{FacilityProfile, Rate};
use crate::program::ProgramSchedule;
use crate::scenario::{Scenario, StepKind};
use serde::Serialize;

/// What a program cost line counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProgramItem {
    /// A work step's one-time fee.
    Fee,
    /// Analytical methods, each at the fee per method.
    Methods,
    /// Batches with their own thaw.
    Batches,
    /// Batches seeded from a rolling seed train.
    RollingBatches,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ProgramCostLine {
    pub step: StepKind,
    pub item: ProgramItem,
    pub quantity: f64,
    /// Price per unit (fee, method or batch), with overhead and margin for batches.
    pub unit_price_usd: f64,
    /// quantity x unit price.
    pub price_usd: f64,
    /// Batches only: their cost before overhead and margin.
    pub direct_cost_usd: Option<f64>,
    /// The rate card's fee, for fees and methods.
    pub rate: Option<Rate>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ProgramCost {
    pub lines: Vec<ProgramCostLine>,
    /// Sum of the lines' prices.
    pub price_usd: f64,
    /// Sum of the batches' direct costs (the fees have no direct cost here: they are the
    /// facility's prices).
    pub batches_direct_cost_usd: f64,
    /// PPQ and campaign batches: the drug substance the client receives (GMP unless the
    /// campaign is tox material).
    pub delivered_batches: u32,
    pub delivered_drug_substance_g: f64,
    /// Delivered drug substance x batch success rate: what the client can expect released.
    pub expected_released_g: f64,
    /// Program price / delivered drug substance; `None` without drug substance.
    pub price_per_gram_usd: Option<f64>,
    /// Program price / expected released drug substance.
    pub price_per_expected_gram_usd: Option<f64>,
}

impl ProgramCost {
    /// The sum of one step's lines.
    pub fn step_price_usd(&self, step: StepKind) -> f64 {
        self.lines.iter().filter(|l| l.step == step).map(|l| l.price_usd).sum()
    }
}

/// What each kind of batch costs: the campaign's batch, and where they occur the rolling
/// batch, the engineering run and the PPQ batch.
pub struct BatchPrices<'a> {
    pub campaign: &'a CostBreakdown,
    pub rolling: Option<&'a CostBreakdown>,
    pub engineering: &'a CostBreakdown,
    pub ppq: &'a CostBreakdown,
    pub drug_substance_g_per_batch: f64,
}

pub fn program_cost(s: &Scenario, f: &FacilityProfile, p: &ProgramSchedule, b: &BatchPrices) -> ProgramCost {
    let mut lines = Vec::new();
    let active = |k: StepKind| p.step(k).is_some_and(|r| r.active);
    let fee = |step, item, quantity: f64, rate: Rate| {
        let unit = s.rate(rate, f);
        ProgramCostLine {
            step,
            item,
            quantity,
            unit_price_usd: unit,
            price_usd: quantity * unit,
            direct_cost_usd: None,
            rate: Some(rate),
        }
    };
    let batches = |step, item, count: usize, c: &CostBreakdown| {
        let n = count as f64;
        ProgramCostLine {
            step,
            item,
            quantity: n,
            unit_price_usd: c.per_batch,
            price_usd: n * c.per_batch,
            direct_cost_usd: Some(n * c.direct),
            rate: None,
        }
    };
    for step in StepKind::ALL {
        let Some(rate) = step.fee_rate() else { continue };
        if active(step) {
            lines.push(if step == StepKind::MethodTransfer {
                fee(step, ProgramItem::Methods, f64::from(s.plan.analytical_methods), rate)
            } else {
                fee(step, ProgramItem::Fee, 1.0, rate)
            });
        }
    }
    if !p.engineering.batches.is_empty() {
        lines.push(batches(
            StepKind::EngineeringRuns,
            ProgramItem::Batches,
            p.engineering.batches.len(),
            b.engineering,
        ));
    }
    if !p.ppq.batches.is_empty() {
        lines.push(batches(StepKind::Ppq, ProgramItem::Batches, p.ppq.batches.len(), b.ppq));
    }
    let rolling = p.campaign.batches.iter().filter(|x| !x.own_thaw).count();
    let own = p.campaign.batches.len() - rolling;
    lines.push(batches(StepKind::GmpCampaign, ProgramItem::Batches, own, b.campaign));
    if let (Some(r), true) = (b.rolling, rolling > 0) {
        lines.push(batches(StepKind::GmpCampaign, ProgramItem::RollingBatches, rolling, r));
    }
    let price_usd: f64 = lines.iter().map(|l| l.price_usd).sum();
    let delivered_batches = (p.ppq.batches.len() + p.campaign.batches.len()) as u32;
    let delivered_drug_substance_g = f64::from(delivered_batches) * b.drug_substance_g_per_batch;
    let expected_released_g = delivered_drug_substance_g * s.plan.batch_success_pct / 100.0;
    ProgramCost {
        batches_direct_cost_usd: lines.iter().filter_map(|l| l.direct_cost_usd).sum(),
        price_per_gram_usd: (delivered_drug_substance_g > 0.0)
            .then(|| price_usd / delivered_drug_substance_g),
        price_per_expected_gram_usd: (expected_released_g > 0.0).then(|| price_usd / expected_released_g),
        lines,
        price_usd,
        delivered_batches,
        delivered_drug_substance_g,
        expected_released_g,
    }
}
