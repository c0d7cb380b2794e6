//! Capacity of the facility's lines for this process, and "kilograms by a date".
//!
//! In steady state L lines staggered take a batch every `spacing` days
//! ([`crate::schedule::spacing_days`]: line occupancy / planned utilisation / L, never
//! closer than the downstream trains allow), so a year of 365 days holds 365 / spacing
//! batches, and releases that times the drug substance per batch times the batch success
//! rate. Closures are not taken off (a steady-state figure; the dated plan takes them into
//! account).

use crate::date::CivilDate;
use crate::schedule::spacing_days;
use serde::Serialize;

/// Days in the capacity year.
pub const YEAR_DAYS: f64 = 365.0;

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct CapacityRow {
    pub lines: u32,
    pub spacing_days: u32,
    pub batches_per_year: f64,
    /// Expected released drug substance a year: batches x drug substance x success rate.
    pub released_kg_per_year: f64,
    /// Each line's busy share in steady state, occupancy / (spacing x lines) (%).
    pub utilisation_pct: f64,
    /// More lines than the facility has installed.
    pub beyond_installed: bool,
}

/// What the steady-state capacity depends on.
pub struct CapacityInputs {
    pub occupancy_days: u32,
    pub utilisation_pct: f64,
    pub downstream_days: u32,
    pub downstream_trains: u32,
    pub drug_substance_g_per_batch: f64,
    pub success_pct: f64,
    pub lines_installed: u32,
}

/// Capacity for 1 to `max_lines` lines.
pub fn capacity_table(c: &CapacityInputs, max_lines: u32) -> Vec<CapacityRow> {
    (1..=max_lines.max(1))
        .map(|lines| {
            let spacing = spacing_days(
                c.occupancy_days,
                c.utilisation_pct,
                lines,
                c.downstream_days,
                c.downstream_trains,
            );
            let batches_per_year = YEAR_DAYS / f64::from(spacing);
            CapacityRow {
                lines,
                spacing_days: spacing,
                batches_per_year,
                released_kg_per_year: batches_per_year * c.drug_substance_g_per_batch * c.success_pct
                    / 100.0
                    / 1000.0,
                utilisation_pct: (f64::from(c.occupancy_days) / (f64::from(spacing) * f64::from(lines))
                    * 100.0)
                    .min(100.0),
                beyond_installed: lines > c.lines_installed,
            }
        })
        .collect()
}

/// When the last batch is released on so many lines.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct LinesRelease {
    pub lines: u32,
    pub last_release_date: CivilDate,
}

/// The answer to "this much drug substance by this date".
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DeliverBy {
    pub due_date: CivilDate,
    /// Drug substance wanted (g): the grams target, or what the batches target makes.
    pub drug_substance_wanted_g: f64,
    /// Batches planned for it, spares for the success rate included.
    pub batches: u32,
    /// The last release with 1, 2, ... lines.
    pub last_release_by_lines: Vec<LinesRelease>,
    /// The fewest lines that release everything by the due date; `None`: not even with
    /// every line the facility has room for.
    pub fewest_lines: Option<u32>,
    /// The lines the scenario uses, and their last release (the earliest date with them).
    pub chosen_lines: u32,
    pub chosen_last_release: CivilDate,
}

impl DeliverBy {
    pub fn met_with_chosen_lines(&self) -> bool {
        self.chosen_last_release <= self.due_date
    }
}

/// The fewest lines among `by_lines` (ascending) whose last release is on or before `due`.
pub fn fewest_lines(by_lines: &[LinesRelease], due: CivilDate) -> Option<u32> {
    by_lines.iter().find(|r| r.last_release_date <= due).map(|r| r.lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn default_inputs() -> CapacityInputs {
        CapacityInputs {
            occupancy_days: 17,
            utilisation_pct: 80.0,
            downstream_days: 6,
            downstream_trains: 1,
            drug_substance_g_per_batch: 4000.0,
            success_pct: 90.0,
            lines_installed: 1,
        }
    }

    #[test]
    fn capacity_for_one_two_and_six_lines_worked_by_hand() {
        let t = capacity_table(&default_inputs(), 6);
        assert_eq!(t.len(), 6);
        // One line: 17 / 0.8 = 21.25 -> every 22 days; 365 / 22 = 16.59 batches; x 4 kg x 0.9
        // = 59.73 kg; utilisation 17 / 22 = 77.3 %.
        assert_eq!(t[0].spacing_days, 22);
        assert!((t[0].batches_per_year - 365.0 / 22.0).abs() < 1e-12);
        assert!((t[0].released_kg_per_year - 365.0 / 22.0 * 3.6).abs() < 1e-9);
        assert!((t[0].utilisation_pct - 17.0 / 22.0 * 100.0).abs() < 1e-9);
        assert!(!t[0].beyond_installed);
        // Two lines: 21.25 / 2 = 10.63 -> 11 days; 33.18 batches; 119.45 kg.
        assert_eq!(t[1].spacing_days, 11);
        assert!((t[1].released_kg_per_year - 365.0 / 11.0 * 3.6).abs() < 1e-9);
        assert!(t[1].beyond_installed);
        // Six lines: 21.25 / 6 = 3.54 -> 4, but one downstream train takes 6 days a batch:
        // every 6 days, 60.83 batches, 219 kg; each line busy 17 / 36 = 47.2 %.
        assert_eq!(t[5].spacing_days, 6);
        assert!((t[5].released_kg_per_year - 365.0 / 6.0 * 3.6).abs() < 1e-9);
        assert!((t[5].utilisation_pct - 17.0 / 36.0 * 100.0).abs() < 1e-9);
    }

    #[test]
    fn the_fewest_lines_is_the_first_on_time() {
        let d = |m, day| CivilDate::from_ymd(2028, m, day).unwrap();
        let by = [(1, d(6, 30)), (2, d(4, 1)), (3, d(3, 1))]
            .map(|(lines, last_release_date)| LinesRelease { lines, last_release_date });
        assert_eq!(fewest_lines(&by, d(4, 1)), Some(2), "on the due date is in time");
        assert_eq!(fewest_lines(&by, d(3, 31)), Some(3));
        assert_eq!(fewest_lines(&by, d(2, 28)), None);
    }
}
