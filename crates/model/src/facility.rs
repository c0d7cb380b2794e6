//! The facility profile: the CDMO's vessels, lines and rate card.
//!
//! This is data that business development edits, not constants in code: each profile is a
//! JSON file under `crates/model/data/facility/`, compiled in by `build.rs`. Older profiles
//! stay in the build so that a quote priced with an earlier rate card can be shown as quoted.
//! About 400 lines, a third of them tests: the profile's types and the rate card's keys.

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

/// How a scenario's rate card was found among the built-in profiles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RateCardFound {
    /// It is the current rate card.
    Current,
    /// An older built-in rate card: the scenario opens priced as quoted.
    Older,
    /// This build does not have it: the current rate card prices the scenario.
    Unknown,
}

/// Where a rate's value comes from (shown next to every cost line and rate).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RateOrigin<'a> {
    /// The scenario's own figure (a rate override).
    Client,
    /// The rate card's value, with its published source.
    Published(&'a Bilingual),
    /// The rate card's value, illustrative (no public source).
    Illustrative,
}

/// A text of the facility's data (its name, a rate's source) in both interface languages:
/// the data is shown to clients in English and in Chinese.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bilingual {
    pub en: String,
    pub zh: String,
}

/// The CDMO's data: vessels, production lines and rate card.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FacilityProfile {
    /// Identifies the rate card a quote was priced with, e.g. `suzhou-2026-11`.
    pub id: String,
    pub name: Bilingual,
    /// ISO 4217 code of every money figure in the profile.
    pub currency: String,
    pub lines_installed: u32,
    pub lines_possible: u32,
    /// What in this profile is illustrative rather than the facility's real data.
    pub illustrative: Bilingual,
    pub vessels: Vec<Vessel>,
    pub rates: RateCard,
    /// Published sources of rates; a rate not listed here is illustrative.
    #[serde(default)]
    pub rate_sources: BTreeMap<Rate, Bilingual>,
}

// The profiles compiled into the app, newest last, generated by `build.rs` from
// `data/facility/*.json`. A quote records the id it was priced with; old profiles stay so that
// it can still be shown as quoted.
include!(concat!(env!("OUT_DIR"), "/facility_profiles.rs"));

impl FacilityProfile {
    /// Every built-in profile, oldest first; built once.
    pub fn builtin() -> &'static [FacilityProfile] {
        static PROFILES: std::sync::OnceLock<Vec<FacilityProfile>> = std::sync::OnceLock::new();
        PROFILES.get_or_init(generated_profiles)
    }

    /// The current (newest) built-in profile.
    pub fn current() -> FacilityProfile {
        Self::builtin().last().expect("build.rs requires at least one profile").clone()
    }

    /// The built-in profile a scenario priced with rate card `id` opens with, and how it was
    /// found: that rate card when this build has it (the current one or an older one, so a
    /// quote opens as quoted), otherwise the current one (the page and the command line say
    /// so).
    pub fn priced_with(id: &str) -> (FacilityProfile, RateCardFound) {
        Self::priced_with_among(Self::builtin(), id)
    }

    /// [`FacilityProfile::priced_with`] among `profiles` (oldest first, the last is current).
    pub fn priced_with_among(profiles: &[FacilityProfile], id: &str) -> (FacilityProfile, RateCardFound) {
        let Some(current) = profiles.last() else {
            return (Self::current(), RateCardFound::Unknown);
        };
        match profiles.iter().find(|p| p.id == id) {
            Some(p) if p.id == current.id => (p.clone(), RateCardFound::Current),
            Some(p) => (p.clone(), RateCardFound::Older),
            None => (current.clone(), RateCardFound::Unknown),
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
    pub fn rate_source(&self, rate: Rate) -> Option<&Bilingual> {
        self.rate_sources.get(&rate)
    }

    /// Where the value a scenario prices `rate` at comes from: the client's own figure when
    /// the scenario overrides it, else this rate card's published source, else illustrative.
    pub fn rate_origin(&self, rate: Rate, overrides: &BTreeMap<Rate, f64>) -> RateOrigin<'_> {
        if overrides.contains_key(&rate) {
            return RateOrigin::Client;
        }
        match self.rate_source(rate) {
            Some(source) => RateOrigin::Published(source),
            None => RateOrigin::Illustrative,
        }
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
        let (p, found) = FacilityProfile::priced_with("suzhou-2026-11");
        assert_eq!((p.id.as_str(), found), ("suzhou-2026-11", RateCardFound::Current));
        assert_eq!(
            FacilityProfile::priced_with("not-built-in"),
            (FacilityProfile::current(), RateCardFound::Unknown)
        );
        let current = FacilityProfile::current();
        let mut older = current.clone();
        older.id = "older".into();
        let all = [older.clone(), current.clone()];
        assert_eq!(FacilityProfile::priced_with_among(&all, "older"), (older, RateCardFound::Older));
        assert_eq!(FacilityProfile::priced_with_among(&all, &current.id), (current, RateCardFound::Current));
    }

    #[test]
    fn a_rate_comes_from_the_client_a_published_source_or_is_illustrative() {
        let p = FacilityProfile::current();
        let none = BTreeMap::new();
        // data/facility: the Protein A resin price has a published source, QC release none.
        assert!(
            matches!(p.rate_origin(Rate::ProteinAResinPerL, &none), RateOrigin::Published(s) if s.en.contains("Protein A"))
        );
        assert_eq!(p.rate_origin(Rate::QcReleasePerBatch, &none), RateOrigin::Illustrative);
        let client = BTreeMap::from([(Rate::ProteinAResinPerL, 9000.0)]);
        assert_eq!(p.rate_origin(Rate::ProteinAResinPerL, &client), RateOrigin::Client);
    }

    #[test]
    fn every_builtin_profile_is_complete_and_consistent() {
        let profiles = FacilityProfile::builtin();
        assert!(!profiles.is_empty());
        for p in profiles {
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
