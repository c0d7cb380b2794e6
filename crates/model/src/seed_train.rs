//! Seed train: growth of each stage from the vial thaw to N-1, and its design from the
//! production bioreactor backwards.
//!
//! Densities are in 10^6 cells/mL and volumes in litres, so "cells" below are in units of
//! 10^6 cells/mL x L = 10^9 cells.

use super::facility::FacilityProfile;
use super::scenario::{CellLine, Production, Scenario, SeedStage, StageEnd, StageMode};
use serde::Serialize;

/// Specific growth rate mu (1/day) from the doubling time Td (h): mu = ln 2 / Td.
/// Exponential growth X(t) = X0 exp(mu t) (DOMAIN.md, upstream formulas).
pub fn growth_rate_per_day(doubling_time_h: f64) -> f64 {
    std::f64::consts::LN_2 / (doubling_time_h / 24.0)
}

/// Days to grow from `x0` to `xs` (same units): t = ln(Xs / X0) / mu, plus the lag.
/// Zero growth time when the culture is already at `xs`.
pub fn days_to_reach(x0: f64, xs: f64, mu_per_day: f64, lag_days: f64) -> f64 {
    (xs / x0).ln().max(0.0) / mu_per_day + lag_days
}

/// Density after `days`, of which the first `lag_days` show no growth:
/// X = X0 exp(mu (t - lag)).
pub fn density_after(x0: f64, mu_per_day: f64, days: f64, lag_days: f64) -> f64 {
    x0 * (mu_per_day * (days - lag_days).max(0.0)).exp()
}

/// Operations happen on whole days: a stage lasts the exact time rounded up, at least one
/// day. A tolerance of 10^-9 day keeps 3.0000000000000004 from becoming 4.
pub fn whole_days(exact_days: f64) -> u32 {
    let whole = (exact_days - 1e-9).ceil().max(1.0);
    // Bounded by validation (densities 0.01-200, Td <= 240 h, lag <= 96 h): under 400 days.
    whole.min(10_000.0) as u32
}

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

/// Runs the seed train forwards from the thaw. Expects a validated scenario.
pub fn run_seed_train(s: &Scenario) -> Vec<StageResult> {
    let mu = growth_rate_per_day(s.cell_line.doubling_time_h);
    let lag_days = s.cell_line.lag_h / 24.0;
    let per_vial = viable_cells_per_vial_e6(&s.cell_line);
    let mut results: Vec<StageResult> = Vec::with_capacity(s.seed_train.len());
    for stage in &s.seed_train {
        let v = stage.working_volume_l;
        let (vials, inoculum_needed_l, inoculum_l, x0) = match results.last() {
            None => {
                // The whole content of the vial(s) goes in: enough vials for the target.
                let target_e6 = stage.seeding_density_e6_per_ml * v * 1000.0;
                // `max` then `min`, not `clamp`: a NaN becomes 1 vial, where `clamp` keeps it.
                #[expect(clippy::manual_clamp, reason = "NaN must go to the lower bound")]
                let vials = (target_e6 / per_vial - 1e-9).ceil().max(1.0).min(1000.0);
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
        let duration_exact_days = match stage.end {
            StageEnd::SplitDensity { density_e6_per_ml } => {
                days_to_reach(x0, density_e6_per_ml, mu, lag_days)
            }
            StageEnd::FixedDays { days } => f64::from(days),
        };
        let duration_days = whole_days(duration_exact_days);
        let final_density = density_after(x0, mu, f64::from(duration_days), lag_days);
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

/// Rounds a positive volume up to two significant figures (175 -> 180, 2.875 -> 2.9), the
/// way a scientist would write a working volume.
pub fn round_up_2_significant(volume_l: f64) -> f64 {
    if !(volume_l > 0.0 && volume_l.is_finite()) {
        return volume_l;
    }
    let exponent = volume_l.log10().floor() as i32 - 1;
    if exponent >= 0 {
        let scale = 10f64.powi(exponent);
        (volume_l / scale - 1e-9).ceil() * scale
    } else {
        // Divide rather than multiply by 10^-k so that 29 / 10 prints as 2.9.
        let scale = 10f64.powi(-exponent);
        (volume_l * scale - 1e-9).ceil() / scale
    }
}

/// Designs a seed train backwards from the production bioreactor (DOMAIN.md): cells needed
/// in N -> volume of N-1 at its split density -> the smallest facility seed vessel whose
/// working range holds it -> repeat until one thawed vial can seed the stage at the target
/// density (or the smallest vessel is reached). Every stage is seeded at
/// `seeding_e6_per_ml` and split at `split_e6_per_ml`, in batch mode.
pub fn design_seed_train(
    production: &Production,
    cell_line: &CellLine,
    facility: &FacilityProfile,
    seeding_e6_per_ml: f64,
    split_e6_per_ml: f64,
) -> Vec<SeedStage> {
    let vessels = facility.seed_vessels();
    let per_vial_e6 = viable_cells_per_vial_e6(cell_line);
    let mut cells_needed_e9 = production.seeding_density_e6_per_ml * production.initial_volume_l;
    let mut stages = Vec::new();
    let valid = [seeding_e6_per_ml, split_e6_per_ml, cells_needed_e9, per_vial_e6]
        .iter()
        .all(|x| x.is_finite() && *x > 0.0);
    if !valid || vessels.is_empty() || split_e6_per_ml <= seeding_e6_per_ml {
        return stages;
    }
    let smallest = vessels[0];
    for _ in 0..super::validate::limits::MAX_SEED_STAGES {
        let volume_needed_l = cells_needed_e9 / split_e6_per_ml;
        let vessel = vessels
            .iter()
            .copied()
            .find(|v| v.max_working_volume_l >= volume_needed_l)
            .unwrap_or(vessels[vessels.len() - 1]);
        let working_volume_l = round_up_2_significant(volume_needed_l.max(vessel.min_working_volume_l))
            .min(vessel.max_working_volume_l);
        stages.push(SeedStage {
            vessel_id: vessel.id.clone(),
            working_volume_l,
            seeding_density_e6_per_ml: seeding_e6_per_ml,
            end: StageEnd::SplitDensity { density_e6_per_ml: split_e6_per_ml },
            mode: StageMode::Batch,
        });
        let seeding_cells_e6 = seeding_e6_per_ml * working_volume_l * 1000.0;
        let at_smallest = vessel.id == smallest.id && working_volume_l <= smallest.min_working_volume_l;
        if seeding_cells_e6 <= per_vial_e6 || at_smallest {
            break;
        }
        cells_needed_e9 = seeding_e6_per_ml * working_volume_l;
    }
    stages.reverse();
    stages
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    #[test]
    fn growth_time_between_densities() {
        // Td = 24 h -> mu = ln 2 per day = 0.6931/day.
        let mu = growth_rate_per_day(24.0);
        assert!(close(mu, std::f64::consts::LN_2, 1e-12));
        // 0.5 -> 4.0 x10^6 is 8-fold = 3 doublings = 3 days.
        assert!(close(days_to_reach(0.5, 4.0, mu, 0.0), 3.0, 1e-12));
        // Td = 30 h: mu = ln2 / 1.25 = 0.5545/day; ln(8) / 0.5545 = 3.75 days, +12 h lag = 4.25.
        let mu30 = growth_rate_per_day(30.0);
        assert!(close(days_to_reach(0.5, 4.0, mu30, 0.5), 4.25, 1e-12));
    }

    #[test]
    fn whole_day_rounding_uses_the_density_actually_reached() {
        // Td 30 h, 0.5 -> 4.0 takes 3.75 days -> 4 whole days; density after 4 days is
        // 0.5 x 2^(96/30) = 0.5 x 2^3.2 = 0.5 x 9.1896 = 4.5948.
        let mu = growth_rate_per_day(30.0);
        let exact = days_to_reach(0.5, 4.0, mu, 0.0);
        assert_eq!(whole_days(exact), 4);
        assert!(close(density_after(0.5, mu, 4.0, 0.0), 4.5948, 1e-4));
        // An exact 3.0 (up to rounding noise) stays 3 days.
        assert_eq!(whole_days(3.000_000_000_000_000_4), 3);
        assert_eq!(whole_days(0.2), 1);
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
    fn default_train_runs_as_worked_by_hand() {
        let s = Scenario::default();
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
    fn fixed_days_and_perfusion_stage() {
        let mut s = Scenario::default();
        // Intensified N-1: perfused at 1 VVD for 5 days from 0.5: density 0.5 x 2^5 = 16.
        s.seed_train[4].end = StageEnd::FixedDays { days: 5 };
        s.seed_train[4].mode = StageMode::Perfusion { vvd: 1.0 };
        let r = run_seed_train(&s);
        assert_eq!(r[4].duration_days, 5);
        assert!(close(r[4].final_density_e6_per_ml, 16.0, 1e-9));
        // Perfusion medium = 1 VVD x 180 L x 5 days = 900 L; CSPR = 1 / 16e6 mL = 62.5 pL/cell/day.
        assert!(close(r[4].perfusion_medium_l, 900.0, 1e-9));
        assert!(close(r[4].cspr_pl_per_cell_day.unwrap(), 62.5, 1e-9));
    }

    #[test]
    fn rounding_working_volumes() {
        assert_eq!(round_up_2_significant(175.0), 180.0);
        assert_eq!(round_up_2_significant(22.5), 23.0);
        assert_eq!(round_up_2_significant(2.875), 2.9);
        assert_eq!(round_up_2_significant(0.3625), 0.37);
        assert_eq!(round_up_2_significant(0.046_25), 0.047);
        assert_eq!(round_up_2_significant(180.0), 180.0);
    }

    #[test]
    fn designed_train_for_the_default_process_is_the_default_train() {
        // Worked backwards: N needs 0.5 x 1400 = 700 (1e9 cells) -> 700 / 4 = 175 L -> 200 L
        // SUB at 180 L; 0.5 x 180 / 4 = 22.5 -> 50 L bag at 23 L; 2.875 -> 10 L bag at 2.9 L;
        // 0.3625 -> 1 L flask at 0.37 L; 0.04625 -> 125 mL flask at 47 mL, which one vial
        // (28.5e6 viable >= 0.5e6 x 47 = 23.5e6) can seed.
        let s = Scenario::default();
        let f = FacilityProfile::current();
        let designed = design_seed_train(&s.production, &s.cell_line, &f, 0.5, 4.0);
        assert_eq!(designed, s.seed_train);
    }

    #[test]
    fn design_stops_at_the_smallest_vessel_and_never_loops() {
        let s = Scenario::default();
        let f = FacilityProfile::current();
        let mut cell_line = s.cell_line.clone();
        cell_line.cells_per_vial_e6 = 0.1; // far too few cells for any flask
        let designed = design_seed_train(&s.production, &cell_line, &f, 0.5, 4.0);
        assert!(designed.len() <= crate::validate::limits::MAX_SEED_STAGES);
        assert_eq!(designed[0].vessel_id, "sf125");
        assert!(design_seed_train(&s.production, &cell_line, &f, 4.0, 0.5).is_empty());
    }
}
