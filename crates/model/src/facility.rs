//! The facility profile: the CDMO's vessels, lines and rate card.
//!
//! This is data that business development edits, not constants in code: each profile is a
//! JSON file under `crates/model/data/facility/`, compiled in by `build.rs`. Older profiles
//! stay in the build so that a quote priced with an earlier rate card can be shown as quoted.
//! The rate card's keys and units are in [`crate::rate_card`].

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

// The profiles compiled into the app, newest last, generated by `build.rs` from
// `data/facility/*.json`. A quote records the id it was priced with; old profiles stay so that
// it can still be shown as quoted.
include!(concat!(env!("OUT_DIR"), "/facility_profiles.rs"));

// The generated profiles' tables, turned into their types (`build.rs`).
impl Bilingual {
    pub(crate) fn new(en: &str, zh: &str) -> Self {
        Self { en: en.into(), zh: zh.into() }
    }
}

type VesselRow = (&'static str, &'static str, VesselKind, f64, f64, f64, f64, bool);

fn vessels(rows: &[VesselRow]) -> Vec<Vessel> {
    rows.iter()
        .map(|&(id, name, kind, nominal, min, max, kit_cost, production)| Vessel {
            id: id.into(),
            name: name.into(),
            kind,
            nominal_volume_l: nominal,
            min_working_volume_l: min,
            max_working_volume_l: max,
            kit_cost,
            production,
        })
        .collect()
}

fn rate_sources(rows: &[(Rate, &str, &str)]) -> BTreeMap<Rate, Bilingual> {
    // Inserted one by one: `collect` into a BTreeMap sorts first, and that sort is about 3 KB
    // of the page's WebAssembly (ARCHITECTURE.md, "Two WebAssembly modules"). A later row
    // replaces an earlier one with the same rate, as with `collect`.
    let mut map = BTreeMap::new();
    for &(rate, en, zh) in rows {
        map.insert(rate, Bilingual::new(en, zh));
    }
    map
}

type ClosureRow = (&'static str, &'static str, (i64, u32, u32), (i64, u32, u32));

fn closures(rows: &[ClosureRow]) -> Vec<Closure> {
    // `build.rs` checks that months and days are in range; a day past a month's end (a
    // typing error in the data) would have no date and is left out.
    let day = |(y, m, d): (i64, u32, u32)| CivilDate::from_ymd(y, m, d);
    rows.iter()
        .filter_map(|&(en, zh, first, last)| {
            Some(Closure { name: Bilingual::new(en, zh), first_day: day(first)?, last_day: day(last)? })
        })
        .collect()
}

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
    fn a_scenario_is_priced_with_its_rate_card_or_the_current_one() {
        let (p, found) = FacilityProfile::priced_with("suzhou-2026-12b");
        assert_eq!((p.id.as_str(), found), ("suzhou-2026-12b", RateCardFound::Current));
        let (p, found) = FacilityProfile::priced_with("suzhou-2026-12");
        assert_eq!((p.id.as_str(), found), ("suzhou-2026-12", RateCardFound::Older));
        let (p, found) = FacilityProfile::priced_with("suzhou-2026-11");
        assert_eq!((p.id.as_str(), found), ("suzhou-2026-11", RateCardFound::Older));
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
    fn generated_profiles_equal_their_json_files() {
        let files = [
            include_str!("../data/facility/suzhou-2026-11.json"),
            include_str!("../data/facility/suzhou-2026-12.json"),
            include_str!("../data/facility/suzhou-2026-12b.json"),
        ];
        let read: Vec<FacilityProfile> = files.iter().map(|f| serde_json::from_str(f).unwrap()).collect();
        assert_eq!(FacilityProfile::builtin(), &read[..]);
    }

    #[test]
    fn the_2026_11_card_had_no_calendar() {
        // As quoted then: a scenario priced with it keeps its figures.
        let (old, _) = FacilityProfile::priced_with("suzhou-2026-11");
        assert!(old.line_day_rate_includes_idle);
        assert!(old.closures.is_empty());
        let current = FacilityProfile::current();
        assert!(current.line_day_rate_includes_idle);
        assert_eq!(current.downstream_trains, 1);
        // Spring Festival 2027 (Chinese New Year is 6 February 2027), illustrative.
        let d = CivilDate::from_ymd(2027, 2, 6).unwrap();
        assert_eq!(current.closure_on(d).map(|c| c.name.en.as_str()), Some("Spring Festival 2027"));
        assert!(current.closures_illustrative);
        assert!(current.closure_on(CivilDate::from_ymd(2027, 2, 13).unwrap()).is_none());
    }
}
