//! The facility profile: the CDMO's vessels, lines and rate card.
//!
//! This is data that business development edits, not constants in code: each profile is a
//! JSON file under `data/facility/`, compiled into the app with `include_str!`. Older profiles
//! stay in the build so that a quote priced with an earlier rate card can be shown as quoted.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The kinds of culture vessel the facility runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VesselKind {
    ShakeFlask,
    RockingBag,
    StirredSub,
}

/// One vessel in the facility's catalogue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Vessel {
    pub id: String,
    pub name: String,
    pub kind: VesselKind,
    pub nominal_volume_l: f64,
    pub min_working_volume_l: f64,
    pub max_working_volume_l: f64,
    /// Single-use bag, flask or kit consumed each time the vessel is used (currency units).
    pub kit_cost: f64,
    /// A production bioreactor (one per production line) rather than a seed vessel.
    #[serde(default)]
    pub production: bool,
}

impl Vessel {
    pub fn holds(&self, volume_l: f64) -> bool {
        volume_l >= self.min_working_volume_l && volume_l <= self.max_working_volume_l
    }
}

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
    /// A head count.
    People,
    /// A percentage.
    Percent,
}

impl Rate {
    pub const ALL: [Rate; 23] = [
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
            | QaReviewPerBatch => RateUnit::MoneyPerBatch,
            OperatorDay | SeedSuiteDay | ProductionLineDay | DspSuiteDay => RateUnit::MoneyPerDay,
            UspOperators | DspOperators => RateUnit::People,
            OverheadPct | MarginPct => RateUnit::Percent,
        }
    }

    /// The largest value accepted: generous, but it keeps every cost finite and catches a
    /// slipped decimal point by orders of magnitude.
    pub fn max(self) -> f64 {
        match self.unit() {
            RateUnit::Percent => 200.0,
            RateUnit::People => 100.0,
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
        Self(pairs.iter().copied().collect())
    }

    pub fn contains(&self, rate: Rate) -> bool {
        self.0.contains_key(&rate)
    }
}

/// The CDMO's data: vessels, production lines and rate card.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FacilityProfile {
    /// Identifies the rate card a quote was priced with, e.g. `suzhou-2026-11`.
    pub id: String,
    pub name: String,
    /// ISO 4217 code of every money figure in the profile.
    pub currency: String,
    pub lines_installed: u32,
    pub lines_possible: u32,
    /// What in this profile is illustrative rather than the facility's real data.
    pub illustrative: String,
    pub vessels: Vec<Vessel>,
    pub rates: RateCard,
    /// Published sources of rates; a rate not listed here is illustrative.
    #[serde(default)]
    pub rate_sources: BTreeMap<Rate, String>,
}

// The profiles compiled into the app, newest last, generated by `build.rs` from
// `data/facility/*.json`. A quote records the id it was priced with; old profiles stay so that
// it can still be shown as quoted.
include!(concat!(env!("OUT_DIR"), "/facility_profiles.rs"));

impl FacilityProfile {
    /// Every built-in profile, oldest first.
    pub fn builtin() -> Vec<FacilityProfile> {
        generated_profiles()
    }

    /// The current (newest) built-in profile.
    pub fn current() -> FacilityProfile {
        Self::builtin().pop().expect("at least one built-in profile")
    }

    /// The built-in profile a scenario was priced with, or the current one when this build
    /// does not have it (the page says so: `ui::address`).
    pub fn priced_with(id: &str) -> FacilityProfile {
        let mut all = Self::builtin();
        match all.iter().position(|p| p.id == id) {
            Some(i) => all.swap_remove(i),
            None => all.pop().expect("at least one built-in profile"),
        }
    }

    pub fn vessel(&self, id: &str) -> Option<&Vessel> {
        self.vessels.iter().find(|v| v.id == id)
    }

    /// Seed-train vessels (not production bioreactors), smallest maximum working volume first.
    pub fn seed_vessels(&self) -> Vec<&Vessel> {
        let mut seed: Vec<&Vessel> = self.vessels.iter().filter(|v| !v.production).collect();
        seed.sort_by(|a, b| a.max_working_volume_l.total_cmp(&b.max_working_volume_l));
        seed
    }

    /// Where a rate's value comes from: a published source, or `None` when illustrative.
    pub fn rate_source(&self, rate: Rate) -> Option<&str> {
        self.rate_sources.get(&rate).map(String::as_str)
    }

    /// What is wrong with the profile's data, in words; empty when it is usable.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        for rate in Rate::ALL {
            if !self.rates.contains(rate) {
                problems.push(format!("rate `{}` is missing", rate.key()));
            }
        }
        for v in &self.vessels {
            let ok = v.min_working_volume_l.is_finite()
                && v.max_working_volume_l.is_finite()
                && v.min_working_volume_l > 0.0
                && v.min_working_volume_l <= v.max_working_volume_l
                && v.max_working_volume_l <= v.nominal_volume_l
                && v.kit_cost.is_finite()
                && v.kit_cost >= 0.0;
            if !ok {
                problems.push(format!("vessel `{}` has an impossible working range or price", v.id));
            }
        }
        if !self.vessels.iter().any(|v| v.production) {
            problems.push("no production bioreactor in the vessel list".into());
        }
        if self.lines_installed == 0 || self.lines_installed > self.lines_possible {
            problems.push("lines installed must be between 1 and the lines possible".into());
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scenario_is_priced_with_its_rate_card_or_the_current_one() {
        assert_eq!(FacilityProfile::priced_with("suzhou-2026-11").id, "suzhou-2026-11");
        assert_eq!(FacilityProfile::priced_with("not-built-in"), FacilityProfile::current());
    }

    #[test]
    fn every_builtin_profile_is_complete_and_consistent() {
        let profiles = FacilityProfile::builtin();
        assert!(!profiles.is_empty());
        for p in &profiles {
            assert_eq!(p.problems(), Vec::<String>::new(), "profile {}", p.id);
        }
    }

    #[test]
    fn current_profile_matches_the_facility_description() {
        // DOMAIN.md: room for 6 x 2000 L lines, one installed at first.
        let p = FacilityProfile::current();
        assert_eq!((p.lines_installed, p.lines_possible), (1, 6));
        let production: Vec<_> = p.vessels.iter().filter(|v| v.production).collect();
        assert_eq!(production.len(), 1);
        assert_eq!(production[0].max_working_volume_l, 2000.0);
        // 5:1 turndown of a stirred single-use bioreactor: 400-2000 L.
        assert_eq!(production[0].min_working_volume_l, 400.0);
    }

    #[test]
    fn generated_profile_equals_its_json_file() {
        let file: FacilityProfile =
            serde_json::from_str(include_str!("../data/facility/suzhou-2026-11.json")).unwrap();
        assert_eq!(FacilityProfile::current(), file);
    }

    #[test]
    fn rate_keys_match_serde_names() {
        for rate in Rate::ALL {
            let json = serde_json::to_string(&rate).unwrap();
            assert_eq!(json, format!("\"{}\"", rate.key()));
        }
    }
}
