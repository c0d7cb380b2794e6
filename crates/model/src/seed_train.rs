//! Seed train: growth of each stage from the vial thaw to N-1, and its design from the
//! production bioreactor backwards.
//!
//! Densities are in 10^6 cells/mL and volumes in litres, so "cells" below are in units of
//! 10^6 cells/mL x L = 10^9 cells.
//!
//! `growth.rs`: growth and the passage day; `design.rs`: the train designed backwards.

mod design;
mod growth;

pub use design::{design_seed_train, round_up_2_significant};
pub use growth::{days_to_reach, density_after, growth_rate_per_day, passage_day, whole_days, Growth};

use super::scenario::{CellLine, Scenario, StageEnd, StageMode};
use serde::Serialize;

/// Viable cells (10^6) from one vial after thaw: cells per vial x post-thaw viability.
pub fn viable_cells_per_vial_e6(cell_line: &CellLine) -> f64 {
    cell_line.cells_per_vial_e6 * cell_line.post_thaw_viability_pct / 100.0
}

/// One seed-train stage as computed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StageResult {
    pub vessel_id: String,
    pub working_volume_l: f64,
    /// Days from thaw (day 0) when the stage is seeded and when it is passaged.
    pub start_day: u32,
    pub end_day: u32,
    /// Growth time to the split density (or the fixed days), before rounding.
    pub duration_exact_days: f64,
    pub duration_days: u32,
    /// Density actually seeded: from the vial for the first stage, from the inoculum
    /// transferred otherwise (10^6 cells/mL).
    pub seeding_density_e6_per_ml: f64,
    /// Density reached at the end of the last whole day (10^6 cells/mL).
    pub final_density_e6_per_ml: f64,
    /// Set when the culture reaches its mode's maximum viable density within the stage: the
    /// stage is over-grown. Reported with the ceiling rule off too (the culture then keeps
    /// growing on paper).
    pub overgrown: Option<Overgrowth>,
    /// Vials the target seeding density needs (first stage only, else 0); more than
    /// [`MAX_VIALS`] are not thawed.
    pub vials_needed: f64,
    /// Vials thawed into this stage (first stage only, else 0).
    pub vials: u32,
    /// Culture needed from the previous stage: X0,n Vn / Xfinal,n-1 (L); 0 for the first stage.
    pub inoculum_needed_l: f64,
    /// Culture actually transferred: the need, limited by what the previous stage holds and
    /// by this stage's own volume (L).
    pub inoculum_l: f64,
    /// Working volume / inoculum; `None` for the first stage.
    pub split_ratio: Option<f64>,
    /// Medium to fill the stage: Vn - inoculum (L).
    pub fresh_medium_l: f64,
    /// Perfusion medium: VVD x working volume x days (L); 0 in batch mode.
    pub perfusion_medium_l: f64,
    /// Cell-specific perfusion rate at the end, CSPR = VVD / VCD (pL/cell/day).
    pub cspr_pl_per_cell_day: Option<f64>,
    /// Viable cells seeded and at the end (10^9 cells).
    pub cells_seeded_e9: f64,
    pub cells_final_e9: f64,
}

/// Where a stage's culture reached its maximum viable density.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Overgrowth {
    pub ceiling_e6_per_ml: f64,
    /// Exact days from the stage's start.
    pub reached_after_days: f64,
}

/// The inoculum a stage (or the production bioreactor) takes from the culture before it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Transfer {
    pub needed_l: f64,
    pub transferred_l: f64,
    pub seeding_density_e6_per_ml: f64,
}

/// Inoculum volume = X0,n Vn / Xfinal,n-1; what is transferred is limited by the previous
/// stage's volume and by this stage's volume (undiluted culture), and the density actually
/// seeded follows from what is transferred.
pub fn transfer(
    target_density_e6_per_ml: f64,
    volume_l: f64,
    previous_final_density_e6_per_ml: f64,
    previous_volume_l: f64,
) -> Transfer {
    let needed_l = target_density_e6_per_ml * volume_l / previous_final_density_e6_per_ml;
    let transferred_l = needed_l.min(previous_volume_l).min(volume_l);
    Transfer {
        needed_l,
        transferred_l,
        seeding_density_e6_per_ml: transferred_l * previous_final_density_e6_per_ml / volume_l,
    }
}

/// The most vials a seed train thaws; a first stage that needs more is a fit failure.
pub const MAX_VIALS: f64 = 1000.0;

/// Runs the seed train forwards from the thaw. Expects a validated scenario.
pub fn run_seed_train(s: &Scenario) -> Vec<StageResult> {
    let mu = growth_rate_per_day(s.cell_line.doubling_time_h);
    let lag_days = s.cell_line.lag_h / 24.0;
    let per_vial = viable_cells_per_vial_e6(&s.cell_line);
    let rules = &s.seed_rules;
    let mut results: Vec<StageResult> = Vec::with_capacity(s.seed_train.len());
    for stage in &s.seed_train {
        let v = stage.working_volume_l;
        let mut vials_needed = 0.0;
        let (vials, inoculum_needed_l, inoculum_l, x0) = match results.last() {
            None => {
                // The whole content of the vial(s) goes in: enough vials for the target.
                let target_e6 = stage.seeding_density_e6_per_ml * v * 1000.0;
                vials_needed = (target_e6 / per_vial - 1e-9).ceil();
                // `max` then `min`, not `clamp`: a NaN becomes 1 vial, where `clamp` keeps it.
                #[expect(clippy::manual_clamp, reason = "NaN must go to the lower bound")]
                let vials = vials_needed.max(1.0).min(MAX_VIALS);
                (vials as u32, 0.0, 0.0, vials * per_vial / (v * 1000.0))
            }
            Some(prev) => {
                let t = transfer(
                    stage.seeding_density_e6_per_ml,
                    v,
                    prev.final_density_e6_per_ml,
                    prev.working_volume_l,
                );
                (0, t.needed_l, t.transferred_l, t.seeding_density_e6_per_ml)
            }
        };
        let ceiling = rules.ceiling_e6_per_ml(stage.mode);
        let growth = Growth {
            x0,
            mu_per_day: mu,
            lag_days,
            ceiling: if rules.growth_ceiling { ceiling } else { f64::INFINITY },
        };
        let batch = matches!(stage.mode, StageMode::Batch);
        let (duration_exact_days, duration_days) = match stage.end {
            StageEnd::SplitDensity { density_e6_per_ml } => {
                let exact = growth.days_aiming_at(density_e6_per_ml);
                (exact, passage_day(&growth, exact, density_e6_per_ml, rules, batch))
            }
            StageEnd::FixedDays { days } => (f64::from(days), days.max(1)),
        };
        let final_density = growth.density(f64::from(duration_days));
        // Over-grown: the stage's culture passes its mode's maximum within the stage.
        let unlimited = Growth { ceiling: ceiling.max(x0), ..growth };
        let overgrown = unlimited
            .ceiling_day()
            .filter(|day| *day < f64::from(duration_days) - 1e-9)
            .map(|day| Overgrowth { ceiling_e6_per_ml: ceiling, reached_after_days: day });
        let (perfusion_medium_l, cspr) = match stage.mode {
            StageMode::Batch => (0.0, None),
            StageMode::Perfusion { vvd } => {
                // CSPR = perfusion rate / VCD: VVD (1/day) / (X e6 cells/mL) in mL/cell/day,
                // x 10^9 pL/mL.
                (vvd * v * f64::from(duration_days), Some(vvd * 1000.0 / final_density))
            }
        };
        let start_day = results.last().map_or(0, |p| p.end_day);
        results.push(StageResult {
            vessel_id: stage.vessel_id.clone(),
            working_volume_l: v,
            start_day,
            end_day: start_day + duration_days,
            duration_exact_days,
            duration_days,
            seeding_density_e6_per_ml: x0,
            final_density_e6_per_ml: final_density,
            overgrown,
            vials_needed,
            vials,
            inoculum_needed_l,
            inoculum_l,
            split_ratio: (inoculum_l > 0.0 && !results.is_empty()).then(|| v / inoculum_l),
            fresh_medium_l: v - inoculum_l,
            perfusion_medium_l,
            cspr_pl_per_cell_day: cspr,
            cells_seeded_e9: x0 * v,
            cells_final_e9: final_density * v,
        });
    }
    results
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    #[test]
    fn inoculum_volume_and_split_ratio() {
        // N seeded at 0.5 x10^6/mL in 1400 L from an N-1 at 4.0 x10^6/mL:
        // inoculum = 0.5 x 1400 / 4.0 = 175 L; split ratio 1400 / 175 = 1:8.
        let t = transfer(0.5, 1400.0, 4.0, 200.0);
        assert!(close(t.needed_l, 175.0, 1e-9));
        assert!(close(t.transferred_l, 175.0, 1e-9));
        assert!(close(1400.0 / t.transferred_l, 8.0, 1e-9));
        // Previous stage only 150 L: 150 L go over and the seeding density drops to
        // 150 x 4.0 / 1400 = 0.4286.
        let short = transfer(0.5, 1400.0, 4.0, 150.0);
        assert!(close(short.needed_l, 175.0, 1e-9));
        assert!(close(short.seeding_density_e6_per_ml, 0.428_571, 1e-6));
    }

    #[test]
    fn version_2_default_train_runs_as_worked_by_hand() {
        // The default train of versions 1 and 2 (5 stages, no transfer excess, no window).
        let s = crate::link::baseline_v2();
        let r = run_seed_train(&s);
        assert_eq!(r.len(), 5);
        // Thaw: 30e6 cells x 95 % = 28.5e6 viable; target 0.5e6/mL x 47 mL = 23.5e6 -> 1 vial;
        // actual density 28.5 / 47 = 0.6064 x10^6/mL; to 4.0 takes log2(6.596) = 2.72 -> 3 days;
        // reached 0.6064 x 8 = 4.851.
        assert_eq!(r[0].vials, 1);
        assert!(close(r[0].seeding_density_e6_per_ml, 28.5 / 47.0, 1e-9));
        assert_eq!(r[0].duration_days, 3);
        assert!(close(r[0].final_density_e6_per_ml, 28.5 / 47.0 * 8.0, 1e-9));
        // Stage 2: 0.5 x 0.37 / 4.851 = 0.03814 L from the 47 mL flask.
        assert!(close(r[1].inoculum_l, 0.5 * 0.37 / (28.5 / 47.0 * 8.0), 1e-9));
        // Stages 2-5 are seeded at 0.5 and reach 4.0 in exactly 3 days: 5 x 3 = 15 days.
        assert_eq!(r.iter().map(|x| x.duration_days).collect::<Vec<_>>(), vec![3; 5]);
        assert_eq!(r[4].end_day, 15);
        // N-1 (200 L SUB, 180 L) takes 0.5 x 180 / 4 = 22.5 L from the 23 L bag: 1:8.
        assert!(close(r[4].inoculum_l, 22.5, 1e-9));
        assert!(close(r[4].split_ratio.unwrap(), 8.0, 1e-9));
        assert!(close(r[4].fresh_medium_l, 157.5, 1e-9));
    }

    #[test]
    fn default_train_runs_as_worked_by_hand() {
        let s = Scenario::default();
        let r = run_seed_train(&s);
        assert_eq!(r.len(), 6);
        // Thaw: one vial, 28.5e6 viable cells, into 25 mL: 1.14 x10^6/mL (the target
        // 0.5 x 25 = 12.5e6 needs one vial); to 4.0 takes log2(3.509) = 1.81 -> 2 days;
        // reached 1.14 x 4 = 4.56, inside the 2-5 window.
        assert_eq!((r[0].vials, r[0].duration_days), (1, 2));
        assert!(close(r[0].seeding_density_e6_per_ml, 1.14, 1e-12));
        assert!(close(r[0].final_density_e6_per_ml, 4.56, 1e-12));
        // Stage 2 (250 mL flask, 84 mL) takes 0.5 x 0.084 / 4.56 = 9.21 mL of the 25 mL.
        assert!(close(r[1].inoculum_l, 0.5 * 0.084 / 4.56, 1e-12));
        // Stages 2-6 seeded at 0.5 reach 4.0 in exactly 3 days: 2 + 5 x 3 = 17 days to N.
        assert_eq!(r.iter().map(|x| x.duration_days).collect::<Vec<_>>(), vec![2, 3, 3, 3, 3, 3]);
        assert_eq!(r[5].end_day, 17);
        // Each stage holds about 12 % more than the next takes: N-1 (190 L) gives
        // 0.5 x 1350 / 4 = 168.75 L (88.8 %); the 50 L SUB (27 L) gives 0.5 x 190 / 4 =
        // 23.75 L (88.0 %); the 10 L bag (3.8 L) gives 0.5 x 27 / 4 = 3.375 L.
        assert!(close(r[5].inoculum_l, 23.75, 1e-9));
        assert!(close(r[4].inoculum_l, 0.5 * 27.0 / 4.0, 1e-9));
        assert!(close(r[5].fresh_medium_l, 190.0 - 23.75, 1e-9));
        assert!(r.iter().all(|x| x.overgrown.is_none()));
    }

    #[test]
    fn no_cliff_at_a_whole_day_with_the_passage_window() {
        // Td 24.1 h, 0.5 -> 4.0: exact 3 x 24.1 / 24 = 3.0125 days. The first whole day at
        // 4.0 is day 4, at 0.5 x 2^(96/24.1) = 7.92, over the window's 5.0; day 3 reaches
        // 0.5 x 2^(72/24.1) = 3.97, inside 2-5: passaged on day 3.
        let mut s = Scenario::default();
        s.cell_line.doubling_time_h = 24.1;
        let r = run_seed_train(&s);
        let n1 = &r[5];
        assert_eq!(n1.duration_days, 3);
        assert!(close(n1.final_density_e6_per_ml, 0.5 * 2f64.powf(72.0 / 24.1), 1e-12));
        assert!(close(n1.final_density_e6_per_ml, 3.9657, 1e-4));
        // N takes 0.5 x 1350 / 3.9657 = 170.2 L of N-1's 190 L.
        // Thaw to N: stage 1 1.14 -> 4.0 in log2(3.509) x 24.1 / 24 = 1.82 -> 2 days; then 5 x 3.
        assert_eq!(n1.end_day, 17);
        // Without the window (versions 1 and 2): day 4 at 7.92, 4 days a stage.
        s.seed_rules.passage_window = false;
        let r = run_seed_train(&s);
        assert_eq!(r[5].duration_days, 4);
        assert!(close(r[5].final_density_e6_per_ml, 0.5 * 2f64.powf(96.0 / 24.1), 1e-12));
    }

    #[test]
    fn growth_stops_at_the_ceiling_and_the_stage_says_it_is_overgrown() {
        // A batch stage held 10 days at Td 24 h from 0.5: without a ceiling 0.5 x 2^10 = 512.
        let mut s = Scenario::default();
        s.seed_train[5].end = StageEnd::FixedDays { days: 10 };
        let r = run_seed_train(&s);
        // With the default ceiling of 10: reached on day log2(20) = 4.32, held there.
        assert!(close(r[5].final_density_e6_per_ml, 10.0, 1e-12));
        let o = r[5].overgrown.unwrap();
        assert!(close(o.ceiling_e6_per_ml, 10.0, 0.0) && close(o.reached_after_days, 20f64.log2(), 1e-12));
        // Versions 1 and 2 kept growing: 512, still reported as over-grown.
        s.seed_rules.growth_ceiling = false;
        let r = run_seed_train(&s);
        assert!(close(r[5].final_density_e6_per_ml, 512.0, 1e-9));
        assert!(r[5].overgrown.is_some());
        // A split density above the ceiling is never reached: the stage ends on the first
        // whole day at the ceiling (day 5) and is over-grown.
        let mut s = Scenario::default();
        s.seed_train[5].end = StageEnd::SplitDensity { density_e6_per_ml: 12.0 };
        let r = run_seed_train(&s);
        assert_eq!(r[5].duration_days, 5);
        assert!(close(r[5].final_density_e6_per_ml, 10.0, 1e-12));
        assert!(r[5].overgrown.is_some());
    }

    #[test]
    fn vials_beyond_the_cap_are_reported() {
        let mut s = Scenario::default();
        // 0.5 x 10^6/mL in 200 L = 10^11 cells from 28.5e6 a vial: 3,509 vials.
        s.seed_train.drain(..5);
        s.seed_train[0].working_volume_l = 200.0;
        let r = run_seed_train(&s);
        assert_eq!(r[0].vials, 1000);
        assert!(close(r[0].vials_needed, (0.5 * 200_000.0 / 28.5f64).ceil(), 0.0));
        assert_eq!(r[0].vials_needed, 3509.0);
    }

    #[test]
    fn fixed_days_and_perfusion_stage() {
        let mut s = Scenario::default();
        // Intensified N-1: perfused at 1 VVD for 5 days from 0.5: density 0.5 x 2^5 = 16.
        s.seed_train[5].end = StageEnd::FixedDays { days: 5 };
        s.seed_train[5].mode = StageMode::Perfusion { vvd: 1.0 };
        let r = run_seed_train(&s);
        assert_eq!(r[5].duration_days, 5);
        assert!(close(r[5].final_density_e6_per_ml, 16.0, 1e-9));
        // Perfusion medium = 1 VVD x 190 L x 5 days = 950 L; CSPR = 1 / 16e6 mL = 62.5 pL/cell/day.
        assert!(close(r[5].perfusion_medium_l, 950.0, 1e-9));
        assert!(close(r[5].cspr_pl_per_cell_day.unwrap(), 62.5, 1e-9));
    }
}
