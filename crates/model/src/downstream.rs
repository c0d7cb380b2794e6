//! Downstream processing: masses, yields, column cycles, filter areas and buffer volumes of the
//! typical antibody train (DOMAIN.md): clarification -> Protein A -> low-pH hold -> AEX
//! flow-through -> CEX bind/elute -> virus filtration -> UF/DF.

use super::facility::FilterModules;
use super::scenario::{Chromatography, Downstream};
use serde::Serialize;

/// The steps, in process order. Serialised in snake_case, UF/DF as `ufdf` (its key in the
/// scenario file).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DsStep {
    Clarification,
    ProteinA,
    LowPh,
    Aex,
    Cex,
    VirusFiltration,
    #[serde(rename = "ufdf")]
    UfDf,
}

impl DsStep {
    pub const ALL: [DsStep; 7] = [
        DsStep::Clarification,
        DsStep::ProteinA,
        DsStep::LowPh,
        DsStep::Aex,
        DsStep::Cex,
        DsStep::VirusFiltration,
        DsStep::UfDf,
    ];
}

/// Column sizing and use in one batch.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct ColumnUse {
    pub column_volume_l: f64,
    /// Capacity per cycle = CV x capacity x load fraction (g).
    pub capacity_per_cycle_g: f64,
    /// ceil(mass loaded / capacity per cycle).
    pub cycles: u32,
    pub max_cycles: u32,
    pub lifetime_cycles: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct StepResult {
    pub step: DsStep,
    pub mass_in_g: f64,
    pub yield_pct: f64,
    pub mass_out_g: f64,
    /// Volume of the product stream leaving the step (L).
    pub volume_out_l: f64,
    /// Buffer the step consumes, before overage (L).
    pub buffer_l: f64,
    pub column: Option<ColumnUse>,
    /// Filter area installed, for the depth and virus filters (m2): [`FilterSize`].
    pub filter_area_m2: Option<f64>,
    /// How that area was sized, for the depth and virus filters.
    pub filter: Option<FilterSize>,
}

/// A filter's area: the area the loading needs (volume / loading), times the safety factor,
/// rounded up to whole modules when the filters are bought so (DOMAIN.md: filters are sized
/// with a safety factor, commonly 1.3-2x, and bought as whole modules).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct FilterSize {
    /// Volume / loading capacity (m2).
    pub needed_m2: f64,
    pub safety_factor: f64,
    /// Whole modules installed, `None` for the exact area; the area of one (m2).
    pub modules: Option<u32>,
    pub module_m2: Option<f64>,
    /// The area installed (m2).
    pub installed_m2: f64,
}

impl FilterSize {
    /// Installed = needed x safety factor, rounded up to whole modules of `module_m2` when
    /// given (the 10^-9 tolerance keeps an exact multiple whole).
    pub fn new(needed_m2: f64, safety_factor: f64, module_m2: Option<f64>) -> Self {
        let area = needed_m2 * safety_factor;
        let module_m2 = module_m2.filter(|m| *m > 0.0);
        let modules = module_m2.map(|m| (area / m - 1e-9).ceil().clamp(1.0, 1.0e6) as u32);
        let installed_m2 = match (modules, module_m2) {
            (Some(n), Some(m)) => f64::from(n) * m,
            _ => area,
        };
        FilterSize { needed_m2, safety_factor, modules, module_m2, installed_m2 }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DownstreamResult {
    pub steps: Vec<StepResult>,
    /// Drug substance per batch = titer x harvest volume x product of the step yields (g).
    pub drug_substance_g: f64,
    pub overall_yield_pct: f64,
    /// Drug substance volume at the final concentration (L).
    pub drug_substance_volume_l: f64,
    /// Buffer before overage (L).
    pub total_buffer_l: f64,
    /// Hours on the columns: the sum of cycles x cycle time.
    pub column_time_h: f64,
    /// The days the downstream work takes ([`work_days`]).
    pub work_days: u32,
}

impl DownstreamResult {
    pub fn step(&self, step: DsStep) -> &StepResult {
        // Every step is always present, in `DsStep::ALL` order.
        &self.steps[DsStep::ALL.iter().position(|s| *s == step).unwrap_or(0)]
    }
}

/// Cycles of a column for a load: capacity per cycle = CV x DBC x load fraction;
/// cycles = ceil(mass loaded / capacity per cycle) (DOMAIN.md, bind/elute columns).
pub fn column_use(c: &Chromatography, mass_loaded_g: f64) -> ColumnUse {
    let capacity_per_cycle_g = c.column_volume_l * c.capacity_g_per_l * c.load_fraction_pct / 100.0;
    // `max` then `min`, not `clamp`: a NaN becomes 1 cycle here, where `clamp` would keep it
    // (and `NaN as u32` is 0).
    #[expect(clippy::manual_clamp, reason = "NaN must go to the lower bound")]
    let cycles = (mass_loaded_g / capacity_per_cycle_g - 1e-9).ceil().max(1.0).min(1.0e6) as u32;
    ColumnUse {
        column_volume_l: c.column_volume_l,
        capacity_per_cycle_g,
        cycles,
        max_cycles: c.max_cycles_per_batch,
        lifetime_cycles: c.lifetime_cycles,
    }
}

fn chromatography_step(step: DsStep, c: &Chromatography, mass_in_g: f64) -> StepResult {
    let column = column_use(c, mass_in_g);
    let mass_out_g = mass_in_g * c.yield_pct / 100.0;
    StepResult {
        step,
        mass_in_g,
        yield_pct: c.yield_pct,
        mass_out_g,
        // The pool's volume follows from its concentration.
        volume_out_l: mass_out_g / c.pool_concentration_g_per_l,
        // Buffer = CVs per cycle x column volume x cycles.
        buffer_l: c.buffer_cv_per_cycle * c.column_volume_l * f64::from(column.cycles),
        column: Some(column),
        filter_area_m2: None,
        filter: None,
    }
}

/// The days downstream processing takes: the columns' cycles x cycle times (h) / 24, plus
/// the other steps' days, rounded up to whole days (a part day is a day of the suite):
/// ceil(sum(cycles x h) / 24 + other days), at least 1. With the defaults: Protein A 4 x 4.5 h
/// + AEX 2 x 3 h + CEX 3 x 4.5 h = 37.5 h = 1.5625 days, + 4 = 5.5625 -> 6 days.
pub fn work_days(column_time_h: f64, other_steps_days: f64) -> u32 {
    let days = column_time_h / 24.0 + other_steps_days;
    // At most a year, the longest downstream time a schedule may enter: more comes only from
    // an absurd cycle count, which the fit already fails with its numbers (column cycles).
    (days - 1e-9).ceil().clamp(1.0, MAX_WORK_DAYS) as u32
}

/// The most downstream days the work may take: the schedule's own limit
/// ([`crate::validate::limits::SCHEDULE_DAYS`]).
const MAX_WORK_DAYS: f64 = crate::validate::limits::SCHEDULE_DAYS.max;

/// Whole patient doses in `grams` of drug substance: floor(grams x 1000 / dose mg). A part
/// dose is not a dose; the 10^-9 tolerance keeps an exact multiple whole, as every other
/// whole-number rule here does.
pub fn whole_doses(grams: f64, dose_mg: f64) -> f64 {
    if dose_mg > 0.0 && grams > 0.0 {
        (grams * 1000.0 / dose_mg + 1e-9).floor()
    } else {
        0.0
    }
}

/// Runs the train on a harvest. Expects a validated scenario.
pub fn run_downstream(
    d: &Downstream,
    modules: &FilterModules,
    harvest_volume_l: f64,
    product_at_harvest_g: f64,
) -> DownstreamResult {
    let whole = |m: f64| d.whole_filter_modules.then_some(m);
    let mut steps = Vec::with_capacity(DsStep::ALL.len());

    // Clarification: depth filter area = harvest volume / loading x safety factor, in whole
    // modules; flush = area installed x L/m2.
    let cl = &d.clarification;
    let depth = FilterSize::new(
        harvest_volume_l / cl.filter_loading_l_per_m2,
        cl.safety_factor,
        whole(modules.depth_m2),
    );
    let area = depth.installed_m2;
    steps.push(StepResult {
        step: DsStep::Clarification,
        mass_in_g: product_at_harvest_g,
        yield_pct: cl.yield_pct,
        mass_out_g: product_at_harvest_g * cl.yield_pct / 100.0,
        volume_out_l: harvest_volume_l,
        buffer_l: area * cl.flush_l_per_m2,
        column: None,
        filter_area_m2: Some(area),
        filter: Some(depth),
    });

    let protein_a = chromatography_step(DsStep::ProteinA, &d.protein_a, steps[0].mass_out_g);
    steps.push(protein_a);

    // Low-pH hold: acid and base added as a percentage of the Protein A pool.
    let adjust_l = protein_a.volume_out_l * d.low_ph.adjust_pct_of_volume / 100.0;
    steps.push(StepResult {
        step: DsStep::LowPh,
        mass_in_g: protein_a.mass_out_g,
        yield_pct: d.low_ph.yield_pct,
        mass_out_g: protein_a.mass_out_g * d.low_ph.yield_pct / 100.0,
        volume_out_l: protein_a.volume_out_l + adjust_l,
        buffer_l: adjust_l,
        column: None,
        filter_area_m2: None,
        filter: None,
    });

    let aex = chromatography_step(DsStep::Aex, &d.aex, steps[2].mass_out_g);
    steps.push(aex);
    let cex = chromatography_step(DsStep::Cex, &d.cex, aex.mass_out_g);
    steps.push(cex);

    // Virus filtration: area = volume / loading capacity (L/m2) x safety factor, in whole
    // modules.
    let vf = &d.virus_filtration;
    let virus =
        FilterSize::new(cex.volume_out_l / vf.loading_l_per_m2, vf.safety_factor, whole(modules.virus_m2));
    steps.push(StepResult {
        step: DsStep::VirusFiltration,
        mass_in_g: cex.mass_out_g,
        yield_pct: vf.yield_pct,
        mass_out_g: cex.mass_out_g * vf.yield_pct / 100.0,
        volume_out_l: cex.volume_out_l,
        buffer_l: 0.0,
        column: None,
        filter_area_m2: Some(virus.installed_m2),
        filter: Some(virus),
    });

    // UF/DF: buffer = diavolumes x volume at the diafiltration concentration.
    let uf = &d.ufdf;
    let mass_in_g = steps[5].mass_out_g;
    let diafiltration_volume_l = mass_in_g / uf.diafiltration_concentration_g_per_l;
    let drug_substance_g = mass_in_g * uf.yield_pct / 100.0;
    steps.push(StepResult {
        step: DsStep::UfDf,
        mass_in_g,
        yield_pct: uf.yield_pct,
        mass_out_g: drug_substance_g,
        volume_out_l: drug_substance_g / uf.final_concentration_g_per_l,
        buffer_l: uf.diavolumes * diafiltration_volume_l,
        column: None,
        filter_area_m2: None,
        filter: None,
    });

    let overall_yield_pct = steps.iter().map(|s| s.yield_pct / 100.0).product::<f64>() * 100.0;
    let column_time_h: f64 = [(1, &d.protein_a), (3, &d.aex), (4, &d.cex)]
        .iter()
        .map(|&(i, c)| f64::from(steps[i].column.map_or(0, |col| col.cycles)) * c.cycle_time_h)
        .sum();
    DownstreamResult {
        column_time_h,
        work_days: work_days(column_time_h, d.other_steps_days),
        drug_substance_g,
        overall_yield_pct,
        drug_substance_volume_l: steps[6].volume_out_l,
        total_buffer_l: steps.iter().map(|s| s.buffer_l).sum(),
        steps,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn downstream_days_follow_the_cycles() {
        // Defaults: Protein A 4 cycles x 4.5 h + AEX 2 x 3 h + CEX 3 x 4.5 h = 37.5 h;
        // 37.5 / 24 = 1.5625 days + 4 other days = 5.5625 -> 6 days.
        let d = Downstream::default();
        let r = run_downstream(&d, &FilterModules::default(), 1956.25, 5868.75);
        assert_eq!(r.column_time_h, 37.5);
        assert_eq!(r.work_days, 6);
        // A smaller Protein A column, 7 cycles: 31.5 + 6 + 13.5 = 51 h = 2.125 + 4 -> 7 days.
        // 22 L x 45 g/L x 80 % = 792 g a cycle; 5868.75 x 0.93 = 5457.9 g loaded: 6.9 -> 7.
        let mut small = d.clone();
        small.protein_a.column_volume_l = 22.0;
        let r = run_downstream(&small, &FilterModules::default(), 1956.25, 5868.75);
        assert_eq!(r.steps[1].column.unwrap().cycles, 7);
        assert_eq!(r.column_time_h, 51.0);
        assert_eq!(r.work_days, 7);
        // Exactly whole: 48 h + 4 days = 6 days, not 7.
        assert_eq!(work_days(48.0, 4.0), 6);
        assert_eq!(work_days(0.0, 0.0), 1);
        // 10^6 cycles of 48 h (absurd, a fit failure) stop at a year, not 2 million days.
        assert_eq!(work_days(48.0e6, 4.0), 365);
    }

    #[test]
    fn doses_are_whole() {
        // 4,000.5 g at 500 mg: 8,001 doses; 1.4999 g: 2 doses; exactly 1.5 g: 3.
        assert_eq!(whole_doses(4000.5, 500.0), 8001.0);
        assert_eq!(whole_doses(1.4999, 500.0), 2.0);
        assert_eq!(whole_doses(1.5, 500.0), 3.0);
        assert_eq!(whole_doses(0.3 * 3.0, 300.0), 3.0, "0.8999999999999999 g is 3 doses");
        assert_eq!(whole_doses(10.0, 0.0), 0.0);
    }

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    #[test]
    fn protein_a_cycles_and_buffer() {
        // 50 L column, DBC 45 g/L loaded at 80 %: 50 x 45 x 0.8 = 1800 g per cycle.
        // 5448.87 g loaded -> 5448.87 / 1800 = 3.03 -> 4 cycles; buffer 35 CV x 50 L x 4 = 7000 L.
        let c = Chromatography::default();
        let u = column_use(&c, 5448.87);
        assert!(close(u.capacity_per_cycle_g, 1800.0, 1e-9));
        assert_eq!(u.cycles, 4);
        let s = chromatography_step(DsStep::ProteinA, &c, 5448.87);
        assert!(close(s.buffer_l, 7000.0, 1e-9));
        // Exactly 3600 g is two full cycles, not three.
        assert_eq!(column_use(&c, 3600.0).cycles, 2);
    }

    #[test]
    fn version_3_train_worked_by_hand() {
        // Harvest 1953 L at 3 g/L = 5859 g; filters of the exact area (versions 1 to 3).
        let d = crate::link::baseline_v3().downstream;
        let r = run_downstream(&d, &FilterModules::default(), 1953.0, 5859.0);
        // Yields 0.93 x 0.93 x 0.97 x 0.95 x 0.92 x 0.97 x 0.96 = 0.682 798; 5859 x 0.682 798 = 4000.51 g.
        let y = 0.93 * 0.93 * 0.97 * 0.95 * 0.92 * 0.97 * 0.96;
        assert!(close(r.overall_yield_pct, y * 100.0, 1e-9));
        assert!(close(r.drug_substance_g, 5859.0 * y, 1e-6));
        assert!(close(r.drug_substance_g, 4000.51, 0.01));
        // Depth filter: 1953 / 40 = 48.825 m2; flush 48.825 x 50 = 2441.25 L.
        let cl = r.step(DsStep::Clarification);
        assert!(close(cl.filter_area_m2.unwrap(), 48.825, 1e-9));
        assert!(close(cl.buffer_l, 2441.25, 1e-9));
        // Protein A: 5859 x 0.93 = 5448.87 g -> 4 cycles, 7000 L; pool 5067.45 g at 10 g/L = 506.7 L.
        let pa = r.step(DsStep::ProteinA);
        assert_eq!(pa.column.unwrap().cycles, 4);
        assert!(close(pa.volume_out_l, 506.745, 1e-3));
        // AEX: 20 L x 150 g/L = 3000 g per cycle; 4915.4 g -> 2 cycles; 15 x 20 x 2 = 600 L.
        let aex = r.step(DsStep::Aex);
        assert_eq!(aex.column.unwrap().cycles, 2);
        assert!(close(aex.buffer_l, 600.0, 1e-9));
        // CEX: 40 x 60 x 0.8 = 1920 g per cycle; 4669.7 g -> 3 cycles; 30 x 40 x 3 = 3600 L.
        let cex = r.step(DsStep::Cex);
        assert_eq!(cex.column.unwrap().cycles, 3);
        assert!(close(cex.buffer_l, 3600.0, 1e-9));
        // Virus filter: CEX pool 4296.1 g / 10 g/L = 429.6 L / 200 L/m2 = 2.148 m2.
        assert!(close(r.step(DsStep::VirusFiltration).filter_area_m2.unwrap(), 2.148, 1e-3));
        // UF/DF: 4167.2 g at 50 g/L = 83.34 L x 8 DV = 666.75 L; DS 4000.5 g at 100 g/L = 40.0 L.
        assert!(close(r.step(DsStep::UfDf).buffer_l, 666.75, 0.01));
        assert!(close(r.drug_substance_volume_l, 40.005, 1e-3));
    }

    #[test]
    fn filters_with_a_safety_factor_in_whole_modules() {
        // Today's default harvest, 1956.25 L, 5868.75 g. Depth filter: 1956.25 / 40 = 48.906 m2
        // x 1.5 = 73.36 m2 -> 66.69 pods of 1.1 m2 -> 67 pods, 73.7 m2; flush 73.7 x 50 =
        // 3685 L.
        let d = Downstream::default();
        let r = run_downstream(&d, &FilterModules::default(), 1956.25, 5868.75);
        let cl = r.step(DsStep::Clarification);
        let depth = cl.filter.unwrap();
        assert!(close(depth.needed_m2, 48.906_25, 1e-9));
        assert_eq!((depth.modules, depth.module_m2), (Some(67), Some(1.1)));
        assert!(close(cl.filter_area_m2.unwrap(), 73.7, 1e-9));
        assert!(close(cl.buffer_l, 3685.0, 1e-9));
        // Virus filter: CEX pool 5868.75 x 0.93 x 0.93 x 0.97 x 0.95 x 0.92 = 4303.21 g / 10 g/L
        // = 430.32 L / 200 L/m2 = 2.1516 m2 x 1.5 = 3.2274 -> 4 filters of 1 m2.
        let virus = r.step(DsStep::VirusFiltration).filter.unwrap();
        let cex_g = 5868.75 * 0.93 * 0.93 * 0.97 * 0.95 * 0.92;
        assert!(close(virus.needed_m2, cex_g / 10.0 / 200.0, 1e-9));
        assert_eq!((virus.modules, virus.module_m2), (Some(4), Some(1.0)));
        assert_eq!(r.step(DsStep::VirusFiltration).filter_area_m2, Some(4.0));
        // An exact multiple stays whole: 2.2 m2 in 1.1 m2 pods is 2 pods.
        assert_eq!(FilterSize::new(2.2, 1.0, Some(1.1)).modules, Some(2));
        // Without whole modules: the area x the safety factor.
        let mut exact = d.clone();
        exact.whole_filter_modules = false;
        let r = run_downstream(&exact, &FilterModules::default(), 1956.25, 5868.75);
        assert!(close(r.step(DsStep::Clarification).filter_area_m2.unwrap(), 48.906_25 * 1.5, 1e-9));
    }
}
