//! The downstream inputs: harvest clarification, chromatography steps, low-pH inactivation,
//! virus filtration, UF/DF, resin mode and overages, each with its sourced defaults (the
//! default step yields from the typical ranges in `shared/DOMAIN.md`).

use serde::{Deserialize, Serialize};

/// A chromatography step, bind/elute (Protein A, CEX) or flow-through (AEX).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Chromatography {
    /// Step yield (%).
    pub yield_pct: f64,
    /// Dynamic binding capacity (bind/elute) or loading capacity (flow-through), g product
    /// per L resin.
    pub capacity_g_per_l: f64,
    /// Fraction of the capacity loaded per cycle (%). Protein A: 70-80 % of DBC.
    pub load_fraction_pct: f64,
    /// Packed column volume, CV (L).
    pub column_volume_l: f64,
    /// Most cycles the batch may take (the facility's processing-time limit).
    pub max_cycles_per_batch: u32,
    /// Buffer per cycle in column volumes, all steps (equilibrate, wash, elute, strip, CIP,
    /// re-equilibrate, store).
    pub buffer_cv_per_cycle: f64,
    /// Product concentration of the pooled eluate or flow-through (g/L): sets the pool volume.
    pub pool_concentration_g_per_l: f64,
    /// Cycles the resin is qualified for.
    pub lifetime_cycles: u32,
    /// Hours one cycle takes on the column, every phase (equilibrate, load, wash, elute, strip,
    /// CIP, re-equilibrate). Illustrative defaults: Protein A 4.5 h (load at 4-6 min residence
    /// time, then about 1.5 h of the other phases), AEX flow-through 3 h, CEX 4.5 h.
    pub cycle_time_h: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Clarification {
    /// Harvest clarification yield (%): 90-95 % typical.
    pub yield_pct: f64,
    /// Harvest volume per m2 of depth filter (L/m2). Default 40 (illustrative, primary and
    /// secondary depth filters together).
    pub filter_loading_l_per_m2: f64,
    /// Flush and chase buffer per m2 of depth filter (L/m2). Default 50 (illustrative).
    pub flush_l_per_m2: f64,
    /// Area installed over the area the loading needs: filters are sized with a safety
    /// factor, commonly 1.3-2x (DOMAIN.md). Default 1.5.
    pub safety_factor: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LowPh {
    /// Low-pH virus inactivation yield (%): 95-98 % typical.
    pub yield_pct: f64,
    /// Acid and neutralisation buffer added, % of the Protein A pool volume. Default 10
    /// (illustrative).
    pub adjust_pct_of_volume: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VirusFiltration {
    /// Yield (%): 95-98 % typical.
    pub yield_pct: f64,
    /// Volume filtered per m2 of virus filter (L/m2). Default 200 (illustrative).
    pub loading_l_per_m2: f64,
    /// Area installed over the area the loading needs (commonly 1.3-2x, DOMAIN.md). Default
    /// 1.5.
    pub safety_factor: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UfDf {
    /// Yield (%): 95-98 % typical.
    pub yield_pct: f64,
    /// Product concentration during diafiltration (g/L). Default 50 (illustrative).
    pub diafiltration_concentration_g_per_l: f64,
    /// Diavolumes of formulation buffer exchanged. Default 8 (illustrative).
    pub diavolumes: f64,
    /// Drug substance concentration after final concentration (g/L). Default 100
    /// (illustrative).
    pub final_concentration_g_per_l: f64,
}

/// How resin cost reaches a batch.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResinMode {
    /// Amortised over the resin's lifetime: CV x price x cycles per batch / lifetime cycles.
    Amortised,
    /// Bought for this client's program and written off over its batches (common in clinical
    /// supply, where a short campaign uses a fraction of the resin's lifetime and the resin
    /// cannot go to another client's product).
    DedicatedToCampaign,
}

/// The resin mode a phase starts with (DOMAIN.md, "two real-world cases"): resin dedicated
/// to the client for toxicology and clinical supply, whose few batches use a fraction of its
/// lifetime; amortised over its lifetime for commercial supply, whose campaigns use it up.
pub fn default_resin_mode(phase: super::Phase) -> ResinMode {
    match phase {
        super::Phase::Tox | super::Phase::Clinical => ResinMode::DedicatedToCampaign,
        super::Phase::PpqCommercial => ResinMode::Amortised,
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Downstream {
    pub clarification: Clarification,
    pub protein_a: Chromatography,
    pub low_ph: LowPh,
    pub aex: Chromatography,
    pub cex: Chromatography,
    pub virus_filtration: VirusFiltration,
    pub ufdf: UfDf,
    /// Default: [`default_resin_mode`] of the default phase (clinical), dedicated.
    pub resin_mode: ResinMode,
    /// Dedicated resin is written off over every batch of the program that runs on it: the
    /// engineering runs, the PPQ batches and the campaign, so that the program pays for the
    /// resin sets it uses, once. Off (links and files before version 5): over the campaign's
    /// batches, and the engineering and PPQ batches are each priced as one of them.
    pub dedicated_resin_over_program: bool,
    /// Depth and virus filters are bought as whole modules of the facility's sizes
    /// (`FacilityProfile::filter_modules`): the area installed is rounded up to whole modules.
    /// Off: the exact area (links and files before version 4).
    pub whole_filter_modules: bool,
    /// Days of downstream work besides the columns: clarification, low-pH hold, virus and
    /// UF/DF filtration, bulk fill, set-up and changeover between steps. Default 4
    /// (illustrative); with the default columns' 37.5 h it makes the 6 days used before
    /// downstream time followed the work.
    pub other_steps_days: f64,
    /// Extra medium prepared for preparation and transfer losses (%). Default 10
    /// (illustrative).
    pub media_overage_pct: f64,
    /// Extra buffer prepared for preparation and hold losses (%). Default 10 (illustrative).
    pub buffer_overage_pct: f64,
}

impl Default for Chromatography {
    /// Protein A capture: DBC 35-55 g/L (default 45) loaded at 70-80 % (default 80 %);
    /// buffer 25-45 CV per cycle (default 35); resin lifetime 100-300 cycles (default 200);
    /// yield 90-95 % (default 93 %). Column 50 L, pool 10 g/L and 4.5 h a cycle are
    /// illustrative.
    fn default() -> Self {
        Self {
            yield_pct: 93.0,
            capacity_g_per_l: 45.0,
            load_fraction_pct: 80.0,
            column_volume_l: 50.0,
            max_cycles_per_batch: 6,
            buffer_cv_per_cycle: 35.0,
            pool_concentration_g_per_l: 10.0,
            lifetime_cycles: 200,
            cycle_time_h: 4.5,
        }
    }
}

impl Chromatography {
    /// Anion-exchange flow-through polish. Yield 90-95 % (default 95 %); loading 150 g/L,
    /// 20 L column, 15 CV per cycle, 8 g/L pool, 100 cycles: illustrative.
    pub fn default_aex() -> Self {
        Self {
            yield_pct: 95.0,
            capacity_g_per_l: 150.0,
            load_fraction_pct: 100.0,
            column_volume_l: 20.0,
            max_cycles_per_batch: 4,
            buffer_cv_per_cycle: 15.0,
            pool_concentration_g_per_l: 8.0,
            lifetime_cycles: 100,
            cycle_time_h: 3.0,
        }
    }

    /// Cation-exchange bind/elute polish. Yield 90-95 % (default 92 %); DBC 60 g/L at 80 %,
    /// 40 L column, 30 CV per cycle, 10 g/L pool, 100 cycles: illustrative.
    pub fn default_cex() -> Self {
        Self {
            yield_pct: 92.0,
            capacity_g_per_l: 60.0,
            load_fraction_pct: 80.0,
            column_volume_l: 40.0,
            max_cycles_per_batch: 4,
            buffer_cv_per_cycle: 30.0,
            pool_concentration_g_per_l: 10.0,
            lifetime_cycles: 100,
            cycle_time_h: 4.5,
        }
    }
}

impl Default for Clarification {
    fn default() -> Self {
        Self { yield_pct: 93.0, filter_loading_l_per_m2: 40.0, flush_l_per_m2: 50.0, safety_factor: 1.5 }
    }
}

impl Default for LowPh {
    fn default() -> Self {
        Self { yield_pct: 97.0, adjust_pct_of_volume: 10.0 }
    }
}

impl Default for VirusFiltration {
    fn default() -> Self {
        Self { yield_pct: 97.0, loading_l_per_m2: 200.0, safety_factor: 1.5 }
    }
}

impl Default for UfDf {
    fn default() -> Self {
        Self {
            yield_pct: 96.0,
            diafiltration_concentration_g_per_l: 50.0,
            diavolumes: 8.0,
            final_concentration_g_per_l: 100.0,
        }
    }
}

impl Default for Downstream {
    fn default() -> Self {
        Self {
            clarification: Clarification::default(),
            protein_a: Chromatography::default(),
            low_ph: LowPh::default(),
            aex: Chromatography::default_aex(),
            cex: Chromatography::default_cex(),
            virus_filtration: VirusFiltration::default(),
            ufdf: UfDf::default(),
            resin_mode: default_resin_mode(super::Phase::Clinical),
            dedicated_resin_over_program: true,
            whole_filter_modules: true,
            other_steps_days: 4.0,
            media_overage_pct: 10.0,
            buffer_overage_pct: 10.0,
        }
    }
}
