//! The seed train designed backwards from the production bioreactor, stage volumes rounded
//! the way a scientist writes them.

use super::viable_cells_per_vial_e6;
use crate::facility::FacilityProfile;
use crate::scenario::{CellLine, Production, SeedStage, StageEnd, StageMode};

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
/// `seeding_e6_per_ml` and split at `split_e6_per_ml`, in batch mode, and holds
/// `transfer_excess_pct` more culture than the next stage's inoculum (for hold-up, samples
/// and a density shortfall: DOMAIN.md, commonly 10-20 %).
pub fn design_seed_train(
    production: &Production,
    cell_line: &CellLine,
    facility: &FacilityProfile,
    seeding_e6_per_ml: f64,
    split_e6_per_ml: f64,
    transfer_excess_pct: f64,
) -> Vec<SeedStage> {
    let vessels = facility.seed_vessels();
    let per_vial_e6 = viable_cells_per_vial_e6(cell_line);
    let mut cells_needed_e9 = production.seeding_density_e6_per_ml * production.initial_volume_l;
    let mut stages = Vec::new();
    let excess = 1.0 + transfer_excess_pct / 100.0;
    let valid = [seeding_e6_per_ml, split_e6_per_ml, cells_needed_e9, per_vial_e6, excess]
        .iter()
        .all(|x| x.is_finite() && *x > 0.0);
    if !valid || vessels.is_empty() || split_e6_per_ml <= seeding_e6_per_ml {
        return stages;
    }
    let smallest = vessels[0];
    for _ in 0..crate::validate::limits::MAX_SEED_STAGES {
        let volume_needed_l = cells_needed_e9 * excess / split_e6_per_ml;
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
    use crate::scenario::Scenario;
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
        // Worked backwards with a 12 % excess: N needs 0.5 x 1350 = 675 (1e9 cells) ->
        // 675 x 1.12 / 4 = 189 L -> 200 L SUB at 190 L; 0.5 x 190 x 1.12 / 4 = 26.6 -> 50 L SUB
        // (the 50 L bag holds 25) at 27 L; 3.78 -> 10 L bag at 3.8 L; 0.532 -> 3 L flask at its
        // 0.6 L minimum; 0.084 -> 250 mL flask at 84 mL, which one vial cannot seed
        // (0.5 x 84 = 42e6 > 28.5e6); 0.01176 -> 125 mL flask at its 25 mL minimum.
        let s = Scenario::default();
        let f = FacilityProfile::current();
        let designed = design_seed_train(&s.production, &s.cell_line, &f, 0.5, 4.0, 12.0);
        assert_eq!(designed, s.seed_train);
        // Versions 1 and 2 designed without excess: the 5-stage train of their default (for
        // their 1400 L V0); version 3 with 12 %: its 6-stage train.
        let (v2, v3) = (crate::link::baseline_v2(), crate::link::baseline_v3());
        assert_eq!(design_seed_train(&v2.production, &s.cell_line, &f, 0.5, 4.0, 0.0), v2.seed_train);
        assert_eq!(design_seed_train(&v3.production, &s.cell_line, &f, 0.5, 4.0, 12.0), v3.seed_train);
    }

    #[test]
    fn design_stops_at_the_smallest_vessel_and_never_loops() {
        let s = Scenario::default();
        let f = FacilityProfile::current();
        let mut cell_line = s.cell_line.clone();
        cell_line.cells_per_vial_e6 = 0.1; // far too few cells for any flask
        let designed = design_seed_train(&s.production, &cell_line, &f, 0.5, 4.0, 12.0);
        assert!(designed.len() <= crate::validate::limits::MAX_SEED_STAGES);
        assert_eq!(designed[0].vessel_id, "sf125");
        assert!(design_seed_train(&s.production, &cell_line, &f, 4.0, 0.5, 12.0).is_empty());
        assert!(design_seed_train(&s.production, &cell_line, &f, 0.5, 4.0, f64::NAN).is_empty());
    }
}
