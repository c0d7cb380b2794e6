//! The published typical ranges an input is checked against (a warning outside, never an
//! error), each with its source.

use serde::Serialize;

/// A published range that an input falls outside (a warning, not an error: the client's
/// process may well differ from the literature).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PublishedRange {
    /// Seed-train seeding 0.3-0.6 x10^6 cells/mL (bioprocesstools CHO growth notes).
    SeedSeedingDensity,
    /// Seed-train split 2-5 x10^6 cells/mL (same source).
    SeedSplitDensity,
    /// Batch N-1 ends 3-6 (conventional) up to 22-34 (enriched) x10^6 cells/mL (Xu et al. 2019).
    #[serde(rename = "n_minus_1_final_density")]
    NMinus1FinalDensity,
    /// Perfusion N-1 up to ~40-100 x10^6 cells/mL (Stepper 2020; Xu et al. 2020).
    PerfusionFinalDensity,
    /// N seeded 0.3-0.6 (conventional) up to 2-20 x10^6 cells/mL (intensified) (Xu 2019, 2020).
    ProductionSeedingDensity,
    /// CHO doubling time about 20-30 h.
    DoublingTime,
    /// Production 12-16 days (Xu 2020; Processes 12:806).
    ProductionDays,
    /// Titer 1-10 g/L (Rader & Langer 2015; Jagschies 2016).
    Titer,
    /// Overall downstream yield ~70 % (60-80 %) (Rader & Langer 2015; BioPharm Intl 2008).
    DownstreamYield,
    /// Bulk-harvest safety testing 21-35 days (Sartorius lot-release notes).
    BulkHarvestTesting,
    /// Protein A DBC 35-55 g/L (resin vendor data via bioprocesstools).
    ProteinADbc,
    /// Protein A loaded at 70-80 % of DBC (same source).
    ProteinALoadFraction,
    /// Protein A buffer ~25-45 CV per cycle (bioprocesstools).
    ProteinABufferCv,
    /// Cell-specific productivity of CHO mAb processes, about 10-60 pg/cell/day (DOMAIN.md).
    SpecificProductivity,
}

impl PublishedRange {
    pub fn bounds(self) -> (f64, f64) {
        use PublishedRange::*;
        match self {
            SeedSeedingDensity => (0.3, 0.6),
            SeedSplitDensity => (2.0, 5.0),
            NMinus1FinalDensity => (3.0, 34.0),
            PerfusionFinalDensity => (3.0, 100.0),
            ProductionSeedingDensity => (0.3, 20.0),
            DoublingTime => (20.0, 30.0),
            ProductionDays => (12.0, 16.0),
            Titer => (1.0, 10.0),
            DownstreamYield => (60.0, 80.0),
            BulkHarvestTesting => (21.0, 35.0),
            ProteinADbc => (35.0, 55.0),
            ProteinALoadFraction => (70.0, 80.0),
            ProteinABufferCv => (25.0, 45.0),
            SpecificProductivity => crate::culture::PUBLISHED_QP_PG_PER_CELL_DAY,
        }
    }
}
