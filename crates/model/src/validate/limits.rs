//! The allowed range of each numeric input.

use super::{limit, Limit};
pub const DOUBLING_TIME_H: Limit = limit(8.0, 240.0);
pub const LAG_H: Limit = limit(0.0, 96.0);
pub const CELLS_PER_VIAL_E6: Limit = limit(0.1, 1000.0);
pub const VIABILITY_PCT: Limit = limit(1.0, 100.0);
pub const SEED_VOLUME_L: Limit = limit(0.001, 5000.0);
pub const DENSITY_E6_PER_ML: Limit = limit(0.01, 200.0);
/// Transfer excess of a designed seed train (commonly 10-20 %; doubling is already absurd).
pub const TRANSFER_EXCESS_PCT: Limit = limit(0.0, 100.0);
pub const FIXED_DAYS: Limit = limit(1.0, 30.0);
pub const VVD: Limit = limit(0.0, 10.0);
pub const PRODUCTION_VOLUME_L: Limit = limit(1.0, 100_000.0);
pub const PRODUCTION_DAYS: Limit = limit(1.0, 60.0);
pub const TITER_G_PER_L: Limit = limit(0.01, 100.0);
pub const DAILY_SAMPLE_L: Limit = limit(0.0, 100.0);
pub const FEED_PCT: Limit = limit(0.0, 100.0);
pub const FEED_LITRES: Limit = limit(0.0, 100_000.0);
/// Evaporation: a few tenths of a percent a day at most in practice; 10 %/day is absurd.
pub const EVAPORATION_PCT_PER_DAY: Limit = limit(0.0, 10.0);
/// Headroom kept under the vessel's maximum working volume.
pub const HEADROOM_PCT: Limit = limit(0.0, 50.0);
/// qP: published CHO 10-60 pg/cell/day; the range allows any real process (a culture that
/// makes nothing is not a process: 0 is refused).
pub const QP_PG_PER_CELL_DAY: Limit = limit(0.01, 500.0);
pub const STATIONARY_DAYS: Limit = limit(0.0, 60.0);
/// Specific death rate kd (1/day): 2/day halves the viable cells in 8 hours.
pub const DEATH_RATE_PER_DAY: Limit = limit(0.0, 2.0);
/// A patient dose (mg): from micrograms to grams.
pub const DOSE_MG: Limit = limit(0.001, 100_000.0);
pub const YIELD_PCT: Limit = limit(1.0, 100.0);
pub const CAPACITY_G_PER_L: Limit = limit(0.1, 1000.0);
pub const LOAD_FRACTION_PCT: Limit = limit(1.0, 100.0);
pub const COLUMN_VOLUME_L: Limit = limit(0.01, 5000.0);
pub const MAX_CYCLES: Limit = limit(1.0, 100.0);
pub const BUFFER_CV: Limit = limit(0.0, 500.0);
pub const CONCENTRATION_G_PER_L: Limit = limit(0.1, 500.0);
pub const LIFETIME_CYCLES: Limit = limit(1.0, 100_000.0);
/// One chromatography cycle, every phase: minutes to two days.
pub const CYCLE_TIME_H: Limit = limit(0.1, 48.0);
/// A filter's safety factor: at least the area the loading needs, at most 5x it.
pub const SAFETY_FACTOR: Limit = limit(1.0, 5.0);
/// Downstream days besides the columns.
pub const OTHER_STEPS_DAYS: Limit = limit(0.0, 60.0);
pub const LOADING_L_PER_M2: Limit = limit(1.0, 100_000.0);
pub const FLUSH_L_PER_M2: Limit = limit(0.0, 10_000.0);
pub const ADJUST_PCT: Limit = limit(0.0, 500.0);
pub const DIAVOLUMES: Limit = limit(0.0, 50.0);
pub const OVERAGE_PCT: Limit = limit(0.0, 100.0);
pub const SCHEDULE_DAYS: Limit = limit(0.0, 365.0);
pub const UTILISATION_PCT: Limit = limit(10.0, 100.0);
pub const BATCHES: Limit = limit(1.0, 200.0);
pub const DRUG_SUBSTANCE_G: Limit = limit(0.001, 10_000_000.0);
/// A program step's duration, or a run step's report days (two years).
pub const STEP_DAYS: Limit = limit(0.0, 730.0);
/// Lag (positive) or overlap (negative) after a step's predecessors.
pub const LAG_DAYS: Limit = limit(-365.0, 365.0);
pub const ANALYTICAL_METHODS: Limit = limit(0.0, 50.0);
/// Engineering runs at scale (the 0 to 2).
pub const ENGINEERING_RUNS: Limit = limit(0.0, 2.0);
pub const PPQ_BATCHES: Limit = limit(0.0, 10.0);
/// A success rate below 10 % is not a plan but a typing error.
pub const SUCCESS_PCT: Limit = limit(10.0, 100.0);
/// Cell age limits are weeks to months; a year is beyond any validated in-vitro age.
pub const CELL_AGE_DAYS: Limit = limit(1.0, 365.0);
/// Stages in a seed train, thaw to N-1.
pub const MAX_SEED_STAGES: usize = 12;
pub const MAX_FEEDS: usize = 10;
pub const MAX_TEXT_CHARS: usize = 200;
