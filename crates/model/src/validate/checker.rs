//! The checker validation walks the scenario with: every problem kept, each with its field
//! path; numbers, whole numbers, texts, a chromatography step, and an amount on culture days.

use super::{limits, FieldError, Limit, Problem};
use crate::scenario::{Chromatography, FeedAmount};

/// Collects problems for one scenario.
pub(super) struct Checker {
    pub(super) errors: Vec<FieldError>,
}

impl Checker {
    /// A feed's or an addition's amount and days: the amount in range, each day before the
    /// harvest (when the duration is valid) and listed once. False on any problem.
    pub(super) fn amount_on_days(
        &mut self,
        path: &str,
        amount: FeedAmount,
        days: &[u32],
        duration: Option<u32>,
    ) -> bool {
        let mut ok = match amount {
            FeedAmount::PercentOfInitial { pct } => {
                self.number(format!("{path}.amount.pct"), pct, limits::FEED_PCT)
            }
            FeedAmount::FixedVolume { litres } => {
                self.number(format!("{path}.amount.litres"), litres, limits::FEED_LITRES)
            }
        };
        let days_field = format!("{path}.days");
        if days.len() > limits::PRODUCTION_DAYS.max as usize {
            self.push(
                days_field,
                Problem::TooMany { count: days.len(), max: limits::PRODUCTION_DAYS.max as usize },
            );
            return false;
        }
        for (k, &day) in days.iter().enumerate() {
            if let Some(duration_days) = duration.filter(|&d| day >= d) {
                self.push(days_field.clone(), Problem::FeedDayAfterHarvest { day, duration_days });
                ok = false;
            }
            if days[..k].contains(&day) {
                self.push(days_field.clone(), Problem::RepeatedFeedDay { day });
                ok = false;
            }
        }
        ok
    }

    pub(super) fn push(&mut self, field: impl Into<String>, problem: Problem) {
        self.errors.push(FieldError { field: field.into(), problem });
    }

    /// Checks a number against its limit; true when it is usable.
    pub(super) fn number(&mut self, field: impl Into<String>, value: f64, limit: Limit) -> bool {
        if !value.is_finite() {
            self.push(field, Problem::NotANumber);
            false
        } else if value < limit.min || value > limit.max {
            self.push(field, Problem::OutOfRange { value, min: limit.min, max: limit.max });
            false
        } else {
            true
        }
    }

    pub(super) fn whole(&mut self, field: impl Into<String>, value: u32, limit: Limit) -> bool {
        self.number(field, f64::from(value), limit)
    }

    pub(super) fn text(&mut self, field: &str, value: &str) {
        let chars = value.chars().count();
        if chars > limits::MAX_TEXT_CHARS {
            self.push(field, Problem::TextTooLong { chars, max: limits::MAX_TEXT_CHARS });
        }
    }

    pub(super) fn chromatography(&mut self, path: &str, c: &Chromatography) {
        self.number(format!("{path}.yield_pct"), c.yield_pct, limits::YIELD_PCT);
        self.number(format!("{path}.capacity_g_per_l"), c.capacity_g_per_l, limits::CAPACITY_G_PER_L);
        self.number(format!("{path}.load_fraction_pct"), c.load_fraction_pct, limits::LOAD_FRACTION_PCT);
        self.number(format!("{path}.column_volume_l"), c.column_volume_l, limits::COLUMN_VOLUME_L);
        self.whole(format!("{path}.max_cycles_per_batch"), c.max_cycles_per_batch, limits::MAX_CYCLES);
        self.number(format!("{path}.buffer_cv_per_cycle"), c.buffer_cv_per_cycle, limits::BUFFER_CV);
        self.number(
            format!("{path}.pool_concentration_g_per_l"),
            c.pool_concentration_g_per_l,
            limits::CONCENTRATION_G_PER_L,
        );
        self.whole(format!("{path}.lifetime_cycles"), c.lifetime_cycles, limits::LIFETIME_CYCLES);
        self.number(format!("{path}.cycle_time_h"), c.cycle_time_h, limits::CYCLE_TIME_H);
    }
}
