//! The rate card: every price and rate the cost model uses ([`Rate`]), what each one's number
//! means ([`RateUnit`]), and a facility's values of them ([`RateCard`]). Re-exported by
//! [`crate::facility`], whose profiles carry a rate card each.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Every price and rate the cost model uses. Each has an identifier so that a scenario can
/// override it, a unit, and (in the profile) an optional published source; a rate without a
/// source is illustrative.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rate {
    SeedMediumPerL,
    BasalMediumPerL,
    FeedMediumPerL,
    PerfusionMediumPerL,
    BufferPerL,
    DepthFilterPerM2,
    VirusFilterPerM2,
    SterileFiltersPerBatch,
    DspSingleUsePerBatch,
    ProteinAResinPerL,
    AexResinPerL,
    CexResinPerL,
    OperatorDay,
    UspOperators,
    DspOperators,
    SeedSuiteDay,
    ProductionLineDay,
    DspSuiteDay,
    QcReleasePerBatch,
    BulkHarvestTestingPerBatch,
    QaReviewPerBatch,
    OverheadPct,
    MarginPct,
    /// Program fees (one-time, per program): tech-transfer package review and gap analysis.
    TransferReviewFee,
    /// Analytical method transfer or qualification, per method.
    MethodTransferPerMethod,
    /// Raw-material sourcing and qualification.
    RawMaterialsFee,
    /// Master batch record authoring.
    BatchRecordFee,
    /// Small-scale confirmation runs.
    SmallScaleFee,
    /// The extra sampling and testing of a PPQ batch, per batch.
    PpqTestingPerBatch,
    /// Shifts a day the upstream suites are staffed (`UspOperators` is per shift).
    UspShiftsPerDay,
    /// Shifts a day the downstream suite is staffed (`DspOperators` is per shift).
    DspShiftsPerDay,
    /// Media and buffer preparation staff, on day shift over the batch's days.
    PrepStaff,
    /// Support staff (warehouse, engineering, environmental monitoring), on day shift over
    /// the batch's days.
    SupportStaff,
}

/// What a rate's number means, for labels and validation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RateUnit {
    /// Currency per litre.
    MoneyPerL,
    /// Currency per square metre of filter.
    MoneyPerM2,
    /// Currency per batch.
    MoneyPerBatch,
    /// Currency per day.
    MoneyPerDay,
    /// Currency once per program (a fee).
    MoneyOnce,
    /// Currency per analytical method.
    MoneyPerMethod,
    /// A head count.
    People,
    /// Shifts a day (1 to 3).
    ShiftsPerDay,
    /// A percentage.
    Percent,
}

impl Rate {
    pub const ALL: [Rate; 33] = [
        Rate::SeedMediumPerL,
        Rate::BasalMediumPerL,
        Rate::FeedMediumPerL,
        Rate::PerfusionMediumPerL,
        Rate::BufferPerL,
        Rate::DepthFilterPerM2,
        Rate::VirusFilterPerM2,
        Rate::SterileFiltersPerBatch,
        Rate::DspSingleUsePerBatch,
        Rate::ProteinAResinPerL,
        Rate::AexResinPerL,
        Rate::CexResinPerL,
        Rate::OperatorDay,
        Rate::UspOperators,
        Rate::DspOperators,
        Rate::SeedSuiteDay,
        Rate::ProductionLineDay,
        Rate::DspSuiteDay,
        Rate::QcReleasePerBatch,
        Rate::BulkHarvestTestingPerBatch,
        Rate::QaReviewPerBatch,
        Rate::OverheadPct,
        Rate::MarginPct,
        Rate::TransferReviewFee,
        Rate::MethodTransferPerMethod,
        Rate::RawMaterialsFee,
        Rate::BatchRecordFee,
        Rate::SmallScaleFee,
        Rate::PpqTestingPerBatch,
        Rate::UspShiftsPerDay,
        Rate::DspShiftsPerDay,
        Rate::PrepStaff,
        Rate::SupportStaff,
    ];

    pub fn unit(self) -> RateUnit {
        use Rate::*;
        match self {
            SeedMediumPerL | BasalMediumPerL | FeedMediumPerL | PerfusionMediumPerL | BufferPerL
            | ProteinAResinPerL | AexResinPerL | CexResinPerL => RateUnit::MoneyPerL,
            DepthFilterPerM2 | VirusFilterPerM2 => RateUnit::MoneyPerM2,
            SterileFiltersPerBatch
            | DspSingleUsePerBatch
            | QcReleasePerBatch
            | BulkHarvestTestingPerBatch
            | QaReviewPerBatch
            | PpqTestingPerBatch => RateUnit::MoneyPerBatch,
            TransferReviewFee | RawMaterialsFee | BatchRecordFee | SmallScaleFee => RateUnit::MoneyOnce,
            MethodTransferPerMethod => RateUnit::MoneyPerMethod,
            OperatorDay | SeedSuiteDay | ProductionLineDay | DspSuiteDay => RateUnit::MoneyPerDay,
            UspOperators | DspOperators | PrepStaff | SupportStaff => RateUnit::People,
            UspShiftsPerDay | DspShiftsPerDay => RateUnit::ShiftsPerDay,
            OverheadPct | MarginPct => RateUnit::Percent,
        }
    }

    /// The largest value accepted: generous, but it keeps every cost finite and catches a
    /// slipped decimal point by orders of magnitude.
    pub fn max(self) -> f64 {
        match self.unit() {
            RateUnit::Percent => 200.0,
            RateUnit::People => 100.0,
            // Three 8-hour shifts cover the day.
            RateUnit::ShiftsPerDay => 3.0,
            _ => 1.0e8,
        }
    }

    /// The field name used in files and links (`snake_case`).
    pub fn key(self) -> &'static str {
        use Rate::*;
        match self {
            SeedMediumPerL => "seed_medium_per_l",
            BasalMediumPerL => "basal_medium_per_l",
            FeedMediumPerL => "feed_medium_per_l",
            PerfusionMediumPerL => "perfusion_medium_per_l",
            BufferPerL => "buffer_per_l",
            DepthFilterPerM2 => "depth_filter_per_m2",
            VirusFilterPerM2 => "virus_filter_per_m2",
            SterileFiltersPerBatch => "sterile_filters_per_batch",
            DspSingleUsePerBatch => "dsp_single_use_per_batch",
            ProteinAResinPerL => "protein_a_resin_per_l",
            AexResinPerL => "aex_resin_per_l",
            CexResinPerL => "cex_resin_per_l",
            OperatorDay => "operator_day",
            UspOperators => "usp_operators",
            DspOperators => "dsp_operators",
            SeedSuiteDay => "seed_suite_day",
            ProductionLineDay => "production_line_day",
            DspSuiteDay => "dsp_suite_day",
            QcReleasePerBatch => "qc_release_per_batch",
            BulkHarvestTestingPerBatch => "bulk_harvest_testing_per_batch",
            QaReviewPerBatch => "qa_review_per_batch",
            OverheadPct => "overhead_pct",
            MarginPct => "margin_pct",
            TransferReviewFee => "transfer_review_fee",
            MethodTransferPerMethod => "method_transfer_per_method",
            RawMaterialsFee => "raw_materials_fee",
            BatchRecordFee => "batch_record_fee",
            SmallScaleFee => "small_scale_fee",
            PpqTestingPerBatch => "ppq_testing_per_batch",
            UspShiftsPerDay => "usp_shifts_per_day",
            DspShiftsPerDay => "dsp_shifts_per_day",
            PrepStaff => "prep_staff",
            SupportStaff => "support_staff",
        }
    }
}

/// The facility's prices, by [`Rate`]. Every rate must be present in a profile.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(transparent)]
pub struct RateCard(BTreeMap<Rate, f64>);

impl RateCard {
    /// The rate's value; 0 when the profile lacks it (a built-in profile is tested to have
    /// every rate, and [`FacilityProfile::problems`] reports a missing one).
    pub fn get(&self, rate: Rate) -> f64 {
        self.0.get(&rate).copied().unwrap_or(0.0)
    }

    pub fn set(&mut self, rate: Rate, value: f64) {
        self.0.insert(rate, value);
    }

    pub fn from_pairs(pairs: &[(Rate, f64)]) -> Self {
        // Inserted one by one, not collected: see `facility::rate_sources`.
        let mut map = BTreeMap::new();
        for &(rate, value) in pairs {
            map.insert(rate, value);
        }
        Self(map)
    }

    pub fn contains(&self, rate: Rate) -> bool {
        self.0.contains_key(&rate)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rate_keys_match_serde_names() {
        for rate in Rate::ALL {
            let json = serde_json::to_string(&rate).unwrap();
            assert_eq!(json, format!("\"{}\"", rate.key()));
        }
    }
}
