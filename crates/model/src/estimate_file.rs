//! The estimate file format: every figure of one [`Estimate`] as versioned JSON, documented
//! field by field in `docs/estimate-format.md`. The command line's `ttc estimate` writes it.
//!
//! ```json
//! { "format": "tech-transfer-estimate", "version": 2,
//!   "scenario_name": "Typical CHO mAb fed-batch, 2000 L", "rate_card": "suzhou-2026-11",
//!   "currency": "USD", "estimate": { "seed_train": [ ... ], ... } }
//! ```
//!
//! Units are in the field names, as in the scenario file (`_l`, `_g`, `_days`, `_pct`,
//! `_e6_per_ml`, ...); money is `_usd`, in the facility's currency. The model's Rust field
//! names stay as they are: a field whose name lacks its unit is renamed for the file with
//! `#[serde(rename = ...)]` where it is declared, and the few shapes that JSON readers would
//! find awkward (pairs, enum variants holding a value) are written by the functions below.
//!
//! Only writing: no release reads estimate files back, so there is nothing to migrate. A field
//! is added within a version; removing or renaming a field, or changing its unit or meaning,
//! needs a new version.

use crate::cost::CostCategory;
use crate::downstream::DsStep;
use crate::facility::FacilityProfile;
use crate::fit::PublishedRange;
use crate::{Estimate, MediumUse};
use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;

pub const FORMAT_NAME: &str = "tech-transfer-estimate";
/// The version this build writes. History: 1 (first release); 2 (the program, its price,
/// capacity and kilograms by a date; batches placed on lines; closure operations in the fit).
pub const CURRENT_VERSION: u32 = 2;

#[derive(Serialize)]
struct FileOut<'a> {
    format: &'static str,
    version: u32,
    scenario_name: &'a str,
    rate_card: &'a str,
    currency: &'a str,
    estimate: &'a Estimate,
}

/// The estimate of the scenario named `scenario_name`, priced with `facility`'s rate card, as
/// a file in the current version (pretty-printed JSON).
pub fn to_json(scenario_name: &str, facility: &FacilityProfile, estimate: &Estimate) -> String {
    let file = FileOut {
        format: FORMAT_NAME,
        version: CURRENT_VERSION,
        scenario_name,
        rate_card: &facility.id,
        currency: &facility.currency,
        estimate,
    };
    // Plain structs and sequences with string keys: serialising cannot fail (a non-finite
    // number, which validated inputs do not produce, would be written as null).
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// The unit of a published range's value, as a field-name suffix.
fn published_unit(range: PublishedRange) -> &'static str {
    use PublishedRange::*;
    match range {
        SeedSeedingDensity
        | SeedSplitDensity
        | NMinus1FinalDensity
        | PerfusionFinalDensity
        | ProductionSeedingDensity => "e6_per_ml",
        DoublingTime => "h",
        ProductionDays | BulkHarvestTesting => "days",
        Titer | ProteinADbc => "g_per_l",
        DownstreamYield | ProteinALoadFraction => "pct",
        ProteinABufferCv => "cv_per_cycle",
        SpecificProductivity => "pg_per_cell_day",
    }
}

// The functions below are named in `#[serde(serialize_with = ...)]` attributes of the model's
// types. Those on a variant of an internally tagged enum (`"kind": ...`) write a struct, to
// which serde adds the `kind` field.

/// `MediumUse::Feed`, `CostItem::FeedMedium`: `{"kind": ..., "name": "Feed A"}`.
pub(crate) fn feed_name<S: Serializer>(name: &str, s: S) -> Result<S::Ok, S::Error> {
    let mut st = s.serialize_struct("Feed", 1)?;
    st.serialize_field("name", name)?;
    st.end()
}

/// `CostItem::VesselKit`: `{"kind": "vessel_kit", "vessel_id": "sub2000"}`.
pub(crate) fn vessel_id<S: Serializer>(id: &str, s: S) -> Result<S::Ok, S::Error> {
    let mut st = s.serialize_struct("VesselKit", 1)?;
    st.serialize_field("vessel_id", id)?;
    st.end()
}

/// `CostItem::Resin`: `{"kind": "resin", "step": "protein_a"}`.
pub(crate) fn resin_step<S: Serializer>(step: &DsStep, s: S) -> Result<S::Ok, S::Error> {
    let mut st = s.serialize_struct("Resin", 1)?;
    st.serialize_field("step", step)?;
    st.end()
}

/// `Activity::SeedStage`: `{"kind": "seed_stage", "stage": 0}` (0-based, as in `seed_train`).
pub(crate) fn seed_stage<S: Serializer>(stage: &usize, s: S) -> Result<S::Ok, S::Error> {
    let mut st = s.serialize_struct("SeedStage", 1)?;
    st.serialize_field("stage", stage)?;
    st.end()
}

/// `FitCheck::OutsidePublished`: the value with its unit and the published range's bounds,
/// which the page shows with it.
pub(crate) fn outside_published<S: Serializer>(
    range: &PublishedRange,
    value: &f64,
    s: S,
) -> Result<S::Ok, S::Error> {
    let (low, high) = range.bounds();
    let mut st = s.serialize_struct("OutsidePublished", 5)?;
    st.serialize_field("range", range)?;
    st.serialize_field("value", value)?;
    st.serialize_field("unit", published_unit(*range))?;
    st.serialize_field("typical_low", &low)?;
    st.serialize_field("typical_high", &high)?;
    st.end()
}

/// `Volumes::media`: `[{"kind": "basal", "volume_l": 1225.0}, {"kind": "feed", "name": ..., ...}]`.
pub(crate) fn medium_volumes<S: Serializer>(media: &[(MediumUse, f64)], s: S) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct Item<'a> {
        #[serde(flatten)]
        medium: &'a MediumUse,
        volume_l: f64,
    }
    s.collect_seq(media.iter().map(|(medium, volume_l)| Item { medium, volume_l: *volume_l }))
}

/// `Volumes::buffers`: `[{"step": "protein_a", "volume_l": 7000.0}, ...]`.
pub(crate) fn buffer_volumes<S: Serializer>(buffers: &[(DsStep, f64)], s: S) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct Item {
        step: DsStep,
        volume_l: f64,
    }
    s.collect_seq(buffers.iter().map(|&(step, volume_l)| Item { step, volume_l }))
}

/// `CostBreakdown::by_category`: `[{"category": "media", "amount_usd": 24500.0}, ...]`.
pub(crate) fn category_amounts<S: Serializer>(
    amounts: &[(CostCategory, f64)],
    s: S,
) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct Item {
        category: CostCategory,
        amount_usd: f64,
    }
    s.collect_seq(amounts.iter().map(|&(category, amount_usd)| Item { category, amount_usd }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{estimate, Scenario};
    use serde_json::Value;

    /// The default scenario of version 1 (campaign thawed on its date, no calendar) with
    /// its rate card: the figures worked by hand in `tests/cost.rs`.
    fn default_file() -> Value {
        let (facility, _) = FacilityProfile::priced_with("suzhou-2026-11");
        let s = crate::link::baseline_v1();
        let e = estimate(&s, &facility).unwrap();
        serde_json::from_str(&to_json(&s.name, &facility, &e)).unwrap()
    }

    #[test]
    fn the_envelope_names_the_format_the_scenario_and_the_rate_card() {
        let file = default_file();
        assert_eq!(file["format"], "tech-transfer-estimate");
        assert_eq!(file["version"], 2);
        assert_eq!(file["scenario_name"], "Typical CHO mAb fed-batch, 2000 L");
        assert_eq!(file["rate_card"], "suzhou-2026-11");
        assert_eq!(file["currency"], "USD");
        let keys: Vec<&str> = file.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys.len(), 6, "{keys:?}");
        for section in
            ["seed_train", "production", "downstream", "volumes", "timeline", "campaign", "cost", "fit"]
        {
            assert!(!file["estimate"][section].is_null(), "estimate.{section} missing");
        }
        // Version 1's default transfers 97 % of N-1 into N: warned about since version 3
        // (a warning, no figure changes).
        assert_eq!(file["estimate"]["fit_status"], "warning");
    }

    #[test]
    fn every_money_name_says_usd_because_every_built_in_rate_card_is_in_usd() {
        // The `_usd` names are only right while no rate card is priced in another currency.
        for p in FacilityProfile::builtin().iter() {
            assert_eq!(p.currency, "USD", "{}", p.id);
        }
    }

    #[test]
    fn dates_are_iso_days() {
        let file = default_file();
        // Thaw 2027-03-01 (version 1's default). Five seed stages of 3 whole days each (0.5 to 4 x10^6
        // cells/mL is 3 doublings of 24 h; the first stage, seeded from the vial at 0.61, needs
        // 2.7 days, rounded up) put inoculation on day 15, and 14 production days the harvest
        // on day 29: 2027-03-30.
        let t = &file["estimate"]["timeline"];
        assert_eq!(t["thaw_date"], "2027-03-01");
        assert_eq!(t["harvest_day"], 29);
        assert_eq!(t["harvest_date"], "2027-03-30");
        assert_eq!(file["estimate"]["campaign"]["schedule"][0]["harvest_date"], "2027-03-30");
    }

    #[test]
    fn figures_carry_their_units_in_their_names() {
        let file = default_file();
        let e = &file["estimate"];
        // Worked by hand in tests/cost.rs: $800,997.42 a batch, three batches.
        let per_batch = e["cost"]["price_per_batch_usd"].as_f64().unwrap();
        assert!((per_batch - 800_997.42).abs() < 0.01, "{per_batch}");
        assert!(e["cost"]["per_batch"].is_null());
        assert!((e["cost"]["campaign_price_usd"].as_f64().unwrap() - 3.0 * per_batch).abs() < 1e-6);
        assert!(e["cost"]["lines"][0]["amount_usd"].is_number());
        assert_eq!(e["production"]["initial_volume_l"], 1400.0);
        assert_eq!(e["seed_train"][0]["working_volume_l"], 0.047);
        assert_eq!(e["seed_train"][0]["duration_days"], 3);
        assert!(e["downstream"]["drug_substance_g"].is_number());
        assert!(e["downstream"]["overall_yield_pct"].is_number());
    }

    /// Every number in the file, with the field name it sits under: names must carry a unit,
    /// or be one of the counts and indices listed (a new field must be thought about).
    fn number_names(v: &Value, name: &str, out: &mut Vec<String>) {
        match v {
            Value::Number(_) => out.push(name.to_string()),
            Value::Array(items) => items.iter().for_each(|i| number_names(i, name, out)),
            Value::Object(map) => map.iter().for_each(|(k, i)| number_names(i, k, out)),
            _ => {}
        }
    }

    #[test]
    fn no_number_without_its_unit() {
        // A scenario that has every optional part: perfusion N-1, a published range missed,
        // a due date, PPQ, a rolling seed train, operations left on closures and weekends.
        let mut s = Scenario::default();
        s.seed_train[4].mode = crate::scenario::StageMode::Perfusion { vvd: 1.0 };
        s.production.titer_g_per_l = 12.0;
        s.program.phase = crate::scenario::Phase::PpqCommercial;
        s.plan.due_date = crate::date::CivilDate::from_ymd(2028, 6, 30);
        s.schedule.rolling_seed_train = true;
        s.schedule.avoid_closures = false;
        s.schedule.weekend_operations_allowed = false;
        let facility = FacilityProfile::current();
        let e = estimate(&s, &facility).unwrap();
        let file: Value = serde_json::from_str(&to_json(&s.name, &facility, &e)).unwrap();
        let mut names = Vec::new();
        number_names(&file, "", &mut names);
        const UNITS: [&str; 16] = [
            "_per_year",
            "_cell_day_per_ml",
            "_pg_per_cell_day",
            "_l",
            "_g",
            "_days",
            "_usd",
            "_pct",
            "_e6_per_ml",
            "_e9",
            "_m2",
            "_h",
            "_day",
            "_pl_per_cell_day",
            "_cycles",
            "_cycle",
        ];
        // Counts, indices (0-based), day numbers, ratios, and the numbers whose unit a sibling
        // field (`unit`) gives.
        const UNITLESS: [&str; 34] = [
            "version",
            "resin_batches",
            "modules",
            "safety_factor",
            "vials_needed",
            "batch",
            "fewest_lines",
            "chosen_lines",
            "from_kickoff_days",
            "rolling_batches",
            "delivered_batches",
            "lines",
            "vials",
            "split_ratio",
            "cycles",
            "batches",
            "lines_used",
            "lines_installed",
            "index",
            "line",
            "stage",
            "to_stage",
            "day",
            "days",
            "start_day",
            "end_day",
            "harvest_day",
            "downstream_end_day",
            "release_day",
            "quantity",
            "unit_price",
            "value",
            "typical_low",
            "typical_high",
        ];
        let bad: Vec<&String> = names
            .iter()
            .filter(|n| !UNITS.iter().any(|u| n.ends_with(u)) && !UNITLESS.contains(&n.as_str()))
            .collect();
        assert!(bad.is_empty(), "numbers without a unit in their name: {bad:?}");
        assert!(names.iter().any(|n| n == "cspr_pl_per_cell_day"));
        for part in ["drug_substance_wanted_g", "fewest_lines", "released_kg_per_year", "from_kickoff_days"] {
            assert!(names.iter().any(|n| n == part), "{part} missing: the scenario lacks a part");
        }
    }

    #[test]
    fn variants_are_tagged_objects() {
        let mut s = Scenario::default();
        s.production.titer_g_per_l = 12.0;
        let facility = FacilityProfile::current();
        let e = estimate(&s, &facility).unwrap();
        let file: Value = serde_json::from_str(&to_json(&s.name, &facility, &e)).unwrap();
        let e = &file["estimate"];
        // Media: seed train, basal and the one feed, each with its litres.
        let media = e["volumes"]["media"].as_array().unwrap();
        assert_eq!(media[1]["kind"], "basal");
        assert_eq!(media[1]["volume_l"], 1181.25);
        assert_eq!(media[2]["kind"], "feed");
        assert_eq!(media[2]["name"], "Feed A");
        // 3.6 % of 1350 L on 11 days = 534.6 L.
        assert!((media[2]["volume_l"].as_f64().unwrap() - 534.6).abs() < 1e-9);
        assert_eq!(e["volumes"]["buffers"][1]["step"], "protein_a");
        assert_eq!(e["downstream"]["steps"][6]["step"], "ufdf");
        assert_eq!(
            e["timeline"]["spans"][0]["activity"],
            serde_json::json!({"kind": "seed_stage", "stage": 0})
        );
        assert_eq!(e["timeline"]["events"][0]["operation"], serde_json::json!({"kind": "thaw"}));
        assert_eq!(
            e["timeline"]["events"][1]["operation"],
            serde_json::json!({"kind": "transfer", "to_stage": 1})
        );
        let items: Vec<&Value> = e["cost"]["lines"].as_array().unwrap().iter().map(|l| &l["item"]).collect();
        assert!(items.contains(&&serde_json::json!({"kind": "feed_medium", "name": "Feed A"})));
        assert!(items.contains(&&serde_json::json!({"kind": "vessel_kit", "vessel_id": "sub2000"})));
        assert!(items.contains(&&serde_json::json!({"kind": "resin", "step": "protein_a"})));
        assert_eq!(e["cost"]["by_category"][0]["category"], "media");
        // A titer of 12 g/L is outside the published 1 to 10 g/L: a warning with its range.
        let fit = e["fit"].as_array().unwrap();
        let titer = fit.iter().find(|i| i["check"]["range"] == "titer").unwrap();
        assert_eq!(titer["status"], "warning");
        assert_eq!(
            titer["check"],
            serde_json::json!({"kind": "outside_published", "range": "titer", "value": 12.0,
                "unit": "g_per_l", "typical_low": 1.0, "typical_high": 10.0})
        );
        assert_eq!(titer["field"], "production.titer_g_per_l");
    }
}
