//! What a batch's cost is made of: the categories, the items, the kinds of batch, the
//! units, one line (quantity x unit price = amount) and the breakdown of a batch.

use crate::downstream::DsStep;
use crate::facility::Rate;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CostCategory {
    Media,
    Buffers,
    SingleUse,
    Filters,
    Resins,
    Labour,
    FacilityTime,
    Qc,
    Qa,
    Overhead,
    Margin,
}

impl CostCategory {
    pub const ALL: [CostCategory; 11] = [
        CostCategory::Media,
        CostCategory::Buffers,
        CostCategory::SingleUse,
        CostCategory::Filters,
        CostCategory::Resins,
        CostCategory::Labour,
        CostCategory::FacilityTime,
        CostCategory::Qc,
        CostCategory::Qa,
        CostCategory::Overhead,
        CostCategory::Margin,
    ];
}

/// What a cost line is for.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CostItem {
    SeedTrainMedium,
    BasalMedium,
    /// A production feed, by its name in the scenario.
    #[serde(serialize_with = "crate::estimate_file::feed_name")]
    FeedMedium(String),
    PerfusionMedium,
    Buffer,
    /// Base, glucose and antifoam solutions added to N: prepared like buffers, priced at the
    /// buffer rate.
    Additions,
    /// A single-use bag, flask or kit for a vessel, by vessel id.
    #[serde(serialize_with = "crate::estimate_file::vessel_id")]
    VesselKit(String),
    DspSingleUse,
    DepthFilter,
    VirusFilter,
    SterileFilters,
    #[serde(serialize_with = "crate::estimate_file::resin_step")]
    Resin(DsStep),
    UspLabour,
    DspLabour,
    /// Media and buffer preparation staff.
    PrepLabour,
    /// Support staff.
    SupportLabour,
    SeedSuite,
    ProductionLine,
    DspSuite,
    QcRelease,
    BulkHarvestTesting,
    QaReview,
    /// The extra sampling and testing of a PPQ batch.
    PpqTesting,
    Overhead,
    Margin,
}

/// What kind of batch is priced: what it is tested for decides its QC and QA lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BatchKind {
    /// A GMP batch: QC release, bulk-harvest safety testing and QA disposition.
    Gmp,
    /// No GMP release: an engineering run, or a tox batch without it.
    NonGmp,
    /// A PPQ batch: a GMP batch plus its extra sampling and testing.
    Ppq,
}

/// The unit of a cost line's quantity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuantityUnit {
    Litre,
    /// Litres of resin used up by this batch.
    ResinLitre,
    SquareMetre,
    Each,
    Batch,
    OperatorDay,
    SuiteDay,
    /// A sum of money that a percentage applies to (overhead, margin); the unit price is then
    /// the fraction.
    Money,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CostLine {
    pub category: CostCategory,
    pub item: CostItem,
    pub quantity: f64,
    pub unit: QuantityUnit,
    pub unit_price: f64,
    /// quantity x unit price.
    #[serde(rename = "amount_usd")]
    pub amount: f64,
    /// The rate used, when it comes from the rate card (for its source and override).
    pub rate: Option<Rate>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CostBreakdown {
    pub currency: String,
    pub lines: Vec<CostLine>,
    #[serde(serialize_with = "crate::estimate_file::category_amounts")]
    pub by_category: Vec<(CostCategory, f64)>,
    /// Direct costs, before overhead and margin.
    #[serde(rename = "direct_cost_usd")]
    pub direct: f64,
    #[serde(rename = "price_per_batch_usd")]
    pub per_batch: f64,
    /// Per batch / drug substance per batch; `None` when no drug substance is made.
    #[serde(rename = "price_per_gram_usd")]
    pub per_gram: Option<f64>,
    /// Direct cost / drug substance per batch (no overhead, no margin); `None` when no drug
    /// substance is made.
    #[serde(rename = "direct_cost_per_gram_usd")]
    pub direct_per_gram: Option<f64>,
    pub batches: u32,
    #[serde(rename = "campaign_price_usd")]
    pub campaign: f64,
    /// The batches a dedicated resin set is written off over ([`crate::cost::CostInputs`]).
    pub resin_batches: u32,
    /// Days the upstream staff work on the batch: its seed train (N-1 alone when rolling)
    /// and production run.
    pub upstream_days: u32,
    /// Days the downstream staff work on the batch.
    pub downstream_days: u32,
}
