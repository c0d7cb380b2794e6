//! The facility profile: the CDMO's vessels, lines and rate card.
//!
//! This is data that business development edits, not constants in code: each profile is a
//! JSON file under `crates/model/data/facility/`, compiled in by `build.rs`. Older profiles
//! stay in the build so that a quote priced with an earlier rate card can be shown as quoted.
//! The rate card's keys and units are in [`crate::rate_card`]; the compiled-in profiles, and
//! which of them a scenario is priced with, in `builtin`.

mod builtin;

use crate::date::CivilDate;
pub use crate::rate_card::{Rate, RateCard, RateUnit};
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

/// Days the facility does not run operations (a public holiday week, a shutdown), both
/// dates included. China's holidays are set each year by the State Council, so a profile
/// lists them per year (DOMAIN.md, calendar).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Closure {
    pub name: Bilingual,
    pub first_day: CivilDate,
    pub last_day: CivilDate,
}

impl Closure {
    pub fn contains(&self, date: CivilDate) -> bool {
        self.first_day <= date && date <= self.last_day
    }
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
    /// Downstream trains: batches harvested closer together than the downstream days queue
    /// for a train. One unless the profile says otherwise.
    #[serde(default = "one_train")]
    pub downstream_trains: u32,
    /// The production line's day rate already covers the idle days between batches, so a
    /// batch is billed its occupancy (production + turnaround). False: a batch is billed the
    /// days the line is reserved for it, occupancy / planned utilisation.
    #[serde(default)]
    pub line_day_rate_includes_idle: bool,
    /// Closures by year, oldest first (`closures_illustrative` says whether they are the
    /// facility's own).
    #[serde(default)]
    pub closures: Vec<Closure>,
    /// The closures are illustrative (the State Council's holidays as announced or expected,
    /// not the facility's confirmed shutdowns).
    #[serde(default)]
    pub closures_illustrative: bool,
    /// The filter modules the facility buys (a scenario may round its filter areas up to
    /// whole modules).
    #[serde(default)]
    pub filter_modules: FilterModules,
}

/// Areas of one depth-filter and one virus-filter module (m2). Illustrative defaults (the
/// facility's own list is not public): 1.1 m2 depth-filter pods and 1.0 m2 virus filters,
/// sizes commonly sold for 2000 L harvests.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FilterModules {
    pub depth_m2: f64,
    pub virus_m2: f64,
}

impl Default for FilterModules {
    fn default() -> Self {
        FilterModules { depth_m2: 1.1, virus_m2: 1.0 }
    }
}

fn one_train() -> u32 {
    1
}

impl Bilingual {
    pub(crate) fn new(en: &str, zh: &str) -> Self {
        Self { en: en.into(), zh: zh.into() }
    }
}

impl FacilityProfile {
    pub fn vessel(&self, id: &str) -> Option<&Vessel> {
        self.vessels.iter().find(|v| v.id == id)
    }

    /// Seed-train vessels (not production bioreactors), smallest maximum working volume first.
    pub fn seed_vessels(&self) -> Vec<&Vessel> {
        let mut seed: Vec<&Vessel> = self.vessels.iter().filter(|v| !v.production).collect();
        // Equal volumes keep the profile's order.
        crate::small_sort::sort_small_by(&mut seed, |a, b| {
            a.max_working_volume_l.total_cmp(&b.max_working_volume_l).is_gt()
        });
        seed
    }

    /// The closure `date` falls in, if any.
    pub fn closure_on(&self, date: CivilDate) -> Option<&Closure> {
        self.closures.iter().find(|c| c.contains(date))
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
        if !(1..=self.lines_possible.max(1)).contains(&self.downstream_trains) {
            problems.push("downstream trains must be between 1 and the lines possible".into());
        }
        for c in &self.closures {
            // A closure longer than a month would be a typing error in the data.
            if c.last_day < c.first_day || c.first_day.days_until(c.last_day) > 31 {
                problems.push(format!("closure `{}` has impossible dates", c.name.en));
            }
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_vessels_come_smallest_first_and_equal_ones_in_the_profiles_order() {
        let mut p = FacilityProfile::current().clone();
        let kind = p.vessels[0].kind;
        let vessel = |id: &str, max_l: f64, production: bool| Vessel {
            id: id.into(),
            name: id.into(),
            kind,
            nominal_volume_l: max_l,
            min_working_volume_l: max_l / 2.0,
            max_working_volume_l: max_l,
            kit_cost: 0.0,
            production,
        };
        p.vessels = vec![
            vessel("rocker-50", 25.0, false),
            vessel("prod", 2000.0, true),
            vessel("flask-a", 1.0, false),
            vessel("sub-500", 500.0, false),
            vessel("flask-b", 1.0, false),
            vessel("rocker-25", 12.5, false),
        ];
        let ids: Vec<&str> = p.seed_vessels().iter().map(|v| v.id.as_str()).collect();
        assert_eq!(ids, ["flask-a", "flask-b", "rocker-25", "rocker-50", "sub-500"]);
        assert_eq!(
            RateCard::from_pairs(&[(Rate::QcReleasePerBatch, 1.0), (Rate::QcReleasePerBatch, 2.0)])
                .get(Rate::QcReleasePerBatch),
            2.0
        );
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
}
