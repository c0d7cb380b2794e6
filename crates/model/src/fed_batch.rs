//! Fed-batch production bioreactor (N): volumes (feeds, additions, evaporation, samples),
//! the headroom, harvest, and the culture that makes the titer.

use super::culture::{implied_qp, titer_g_per_l, CultureCurve};
use super::scenario::{AdditionKind, Feed, FeedAmount, Production};
use super::seed_train::{growth_rate_per_day, transfer, StageResult};
use serde::Serialize;

/// Volume one feed adds over the run (L): a fixed-percentage feed adds f x V0 on each feed
/// day; a fixed-volume feed its litres on each feed day (DOMAIN.md, fed-batch production).
pub fn feed_volume_l(feed: &Feed, initial_volume_l: f64) -> f64 {
    amount_l(feed.amount, initial_volume_l) * feed.days.len() as f64
}

/// Litres of a feed or an addition on one of its days.
fn amount_l(amount: FeedAmount, initial_volume_l: f64) -> f64 {
    match amount {
        FeedAmount::PercentOfInitial { pct } => pct / 100.0 * initial_volume_l,
        FeedAmount::FixedVolume { litres } => litres,
    }
}

/// The working volume at the end of one culture day and what made it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DayVolume {
    pub day: u32,
    /// V(d) = V0 (1 + P(d)) + F(d) - S(d) (L).
    pub volume_l: f64,
    /// Feed added that day (L).
    pub fed_l: f64,
    /// Base, glucose and antifoam added that day (L).
    pub added_l: f64,
    /// P(d): cumulative percentage feeds and additions less evaporation, as a fraction of V0.
    pub pct_fraction: f64,
    /// F(d): cumulative fixed-volume feeds and additions (L).
    pub fixed_l: f64,
    /// S(d): cumulative samples (L).
    pub samples_l: f64,
}

/// Day by day from inoculation (day 0) to harvest: feeds and additions on their days (day 0
/// included); a sample drawn and e x V0 evaporated on each culture day 1..=duration. The one
/// place the volume balance is summed, for the run, its checks and validation alike.
pub fn volume_by_day(p: &Production) -> Vec<DayVolume> {
    let v0 = p.initial_volume_l;
    let (mut pct_fraction, mut fixed_l, mut samples_l) = (0.0, 0.0, 0.0);
    let add = |amount: FeedAmount| match amount {
        FeedAmount::PercentOfInitial { pct } => (pct / 100.0, 0.0),
        FeedAmount::FixedVolume { litres } => (0.0, litres),
    };
    (0..=p.duration_days)
        .map(|day| {
            if day > 0 {
                samples_l += p.daily_sample_l;
                pct_fraction -= p.additions.evaporation_pct_per_day / 100.0;
            }
            let (mut fed_l, mut added_l) = (0.0, 0.0);
            for f in p.feeds.iter().filter(|f| f.days.contains(&day)) {
                let (pct, litres) = add(f.amount);
                (pct_fraction, fixed_l) = (pct_fraction + pct, fixed_l + litres);
                fed_l += amount_l(f.amount, v0);
            }
            for (_, a) in p.additions.each().into_iter().filter(|(_, a)| a.days.contains(&day)) {
                let (pct, litres) = add(a.amount);
                (pct_fraction, fixed_l) = (pct_fraction + pct, fixed_l + litres);
                added_l += amount_l(a.amount, v0);
            }
            let volume_l = v0 * (1.0 + pct_fraction) + fixed_l - samples_l;
            DayVolume { day, volume_l, fed_l, added_l, pct_fraction, fixed_l, samples_l }
        })
        .collect()
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FeedResult {
    pub name: String,
    pub per_day_l: f64,
    pub days: Vec<u32>,
    pub total_l: f64,
}

/// One culture day of the production run: volume at the end of the day (after that day's
/// sample and feeds) and the drawn viable cell density.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct DayPoint {
    pub day: u32,
    pub volume_l: f64,
    pub viable_density_e6_per_ml: f64,
    pub viability_pct: f64,
    /// Feed added that day (L).
    pub fed_l: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ProductionResult {
    pub vessel_id: String,
    pub initial_volume_l: f64,
    pub inoculum_needed_l: f64,
    pub inoculum_l: f64,
    pub seeding_density_e6_per_ml: f64,
    pub split_ratio: f64,
    /// Basal medium to fill the bioreactor: V0 - inoculum (L).
    pub basal_medium_l: f64,
    pub feeds: Vec<FeedResult>,
    pub total_feed_l: f64,
    /// Base, glucose and antifoam with something added (L per day and in all).
    pub additions: Vec<AdditionResult>,
    pub total_additions_l: f64,
    /// Evaporation: e x V0 on each culture day (L).
    pub evaporated_l: f64,
    /// Daily sample x culture days (L).
    pub samples_l: f64,
    /// V_final = V0 + feeds + additions - samples - evaporation (L).
    pub final_volume_l: f64,
    /// The largest volume during the run (L); must stay within the vessel.
    pub max_volume_l: f64,
    /// The vessel's maximum working volume less the headroom: max x (1 - headroom / 100) (L).
    pub headroom_limit_l: f64,
    /// The largest V0 for which the run stays within `headroom_limit_l` (L).
    pub max_initial_volume_l: f64,
    /// The largest whole-litre V0 that fits: `max_initial_volume_l` rounded down, since a V0
    /// rounded up would overflow. The figure to quote (L).
    pub max_whole_initial_volume_l: f64,
    pub harvest_volume_l: f64,
    /// The culture's integral of viable cell density to harvest (10^6 cell-day/mL).
    pub ivcd_e6_cell_day_per_ml: f64,
    /// Day the culture reaches its peak density, and the day its decline starts.
    pub peak_day: f64,
    pub decline_day: f64,
    pub harvest_viability_pct: f64,
    /// Whether the titer is qP x IVCD (else entered).
    pub titer_from_qp: bool,
    /// The titer used: entered, or qP x IVCD / 1000 (g/L).
    pub titer_g_per_l: f64,
    /// The qP used, or the one the entered titer implies: titer x 1000 / IVCD (pg/cell/day).
    pub qp_pg_per_cell_day: f64,
    /// Product at harvest = titer x harvest volume (g).
    pub product_at_harvest_g: f64,
    pub daily: Vec<DayPoint>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AdditionResult {
    pub kind: AdditionKind,
    pub per_day_l: f64,
    pub days: Vec<u32>,
    pub total_l: f64,
}

/// Runs production from the N-1 culture. `vessel_max_l` is the bioreactor's maximum working
/// volume. Expects a validated scenario and at least one seed stage.
pub fn run_production(
    p: &Production,
    n_minus_1: &StageResult,
    doubling_time_h: f64,
    vessel_max_l: f64,
) -> ProductionResult {
    let v0 = p.initial_volume_l;
    let t = transfer(
        p.seeding_density_e6_per_ml,
        v0,
        n_minus_1.final_density_e6_per_ml,
        n_minus_1.working_volume_l,
    );
    let feeds: Vec<FeedResult> = p
        .feeds
        .iter()
        .map(|f| FeedResult {
            name: f.name.clone(),
            per_day_l: amount_l(f.amount, v0),
            days: f.days.clone(),
            total_l: feed_volume_l(f, v0),
        })
        .collect();
    let total_feed_l: f64 = feeds.iter().map(|f| f.total_l).sum();

    let additions: Vec<AdditionResult> = p
        .additions
        .each()
        .into_iter()
        .filter(|(_, a)| !a.days.is_empty() && amount_l(a.amount, v0) != 0.0)
        .map(|(kind, a)| AdditionResult {
            kind,
            per_day_l: amount_l(a.amount, v0),
            days: a.days.clone(),
            total_l: amount_l(a.amount, v0) * a.days.len() as f64,
        })
        .collect();
    let total_additions_l: f64 = additions.iter().map(|a| a.total_l).sum();
    let evaporated_l = p.additions.evaporation_pct_per_day / 100.0 * v0 * f64::from(p.duration_days);

    // V(d) = V0 (1 + P(d)) + F(d) - S(d) (see `volume_by_day`). The largest V0 that keeps every
    // V(d) <= the headroom limit L is min over d of (L - F(d) + S(d)) / (1 + P(d)).
    let by_day = volume_by_day(p);
    let max_volume_l = by_day.iter().map(|d| d.volume_l).fold(v0, f64::max);
    let headroom_limit_l = vessel_max_l * (1.0 - p.headroom_pct / 100.0);
    // A day whose percentage terms have evaporated the whole V0 (1 + P(d) <= 0) bounds V0
    // from below, not above: it says nothing about overflow.
    let max_initial_volume_l = by_day
        .iter()
        .filter(|d| 1.0 + d.pct_fraction > 1e-9)
        .map(|d| (headroom_limit_l - d.fixed_l + d.samples_l) / (1.0 + d.pct_fraction))
        .fold(headroom_limit_l, f64::min);
    let samples_l = by_day.last().map_or(0.0, |d| d.samples_l);
    let curve = CultureCurve::new(
        t.seeding_density_e6_per_ml,
        p.peak_density_e6_per_ml,
        growth_rate_per_day(doubling_time_h),
        &p.culture,
    );
    let daily = by_day
        .iter()
        .map(|d| DayPoint {
            day: d.day,
            volume_l: d.volume_l,
            viable_density_e6_per_ml: curve.viable_density(f64::from(d.day)),
            viability_pct: curve.viability_pct(f64::from(d.day)),
            fed_l: d.fed_l,
        })
        .collect();
    let final_volume_l = v0 + total_feed_l + total_additions_l - samples_l - evaporated_l;
    let harvest_volume_l = final_volume_l.max(0.0);
    let harvest_day = f64::from(p.duration_days);
    let ivcd = curve.ivcd(harvest_day);
    let (titer, qp) = if p.culture.titer_from_qp {
        (titer_g_per_l(p.culture.qp_pg_per_cell_day, ivcd), p.culture.qp_pg_per_cell_day)
    } else {
        (p.titer_g_per_l, implied_qp(p.titer_g_per_l, ivcd))
    };
    ProductionResult {
        vessel_id: p.vessel_id.clone(),
        initial_volume_l: v0,
        inoculum_needed_l: t.needed_l,
        inoculum_l: t.transferred_l,
        seeding_density_e6_per_ml: t.seeding_density_e6_per_ml,
        split_ratio: v0 / t.transferred_l,
        basal_medium_l: v0 - t.transferred_l,
        feeds,
        total_feed_l,
        additions,
        total_additions_l,
        evaporated_l,
        samples_l,
        final_volume_l,
        max_volume_l,
        headroom_limit_l,
        max_initial_volume_l: max_initial_volume_l.max(0.0),
        max_whole_initial_volume_l: max_initial_volume_l.max(0.0).floor(),
        harvest_volume_l,
        ivcd_e6_cell_day_per_ml: ivcd,
        peak_day: curve.peak_day,
        decline_day: curve.decline_day,
        harvest_viability_pct: curve.viability_pct(harvest_day),
        titer_from_qp: p.culture.titer_from_qp,
        titer_g_per_l: titer,
        qp_pg_per_cell_day: qp,
        product_at_harvest_g: titer * harvest_volume_l,
        daily,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Scenario;
    use crate::seed_train::run_seed_train;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    /// The default feed alone, at V0 1400 L (version 3's production: no additions, no
    /// evaporation, no headroom).
    fn feed_only() -> Scenario {
        crate::link::baseline_v3()
    }

    fn run(s: &Scenario) -> ProductionResult {
        let seed = run_seed_train(s);
        run_production(&s.production, seed.last().unwrap(), 24.0, 2000.0)
    }

    #[test]
    fn feeding_3_6_pct_on_days_3_to_13_caps_v0_at_1433_l() {
        // DOMAIN.md worked check: 3.6 % of V0 on days 3..13 (11 days) adds 39.6 %, so
        // V0 <= 2000 / 1.396 = 1432.66 L in a 2000 L vessel (no samples).
        let mut s = feed_only();
        s.production.daily_sample_l = 0.0;
        let r = run(&s);
        assert!(close(r.max_initial_volume_l, 2000.0 / 1.396, 1e-9));
        assert!(r.max_initial_volume_l < 1433.0 && r.max_initial_volume_l > 1432.0);
        // Quoted as a whole litre, rounded down: 1432.66 L -> 1432 L (1433 L would overflow).
        assert_eq!(r.max_whole_initial_volume_l, 1432.0);
        // At V0 = 1400: feeds 0.036 x 1400 x 11 = 554.4 L; final 1954.4 L.
        assert!(close(r.total_feed_l, 554.4, 1e-9));
        assert!(close(r.final_volume_l, 1954.4, 1e-9));
        assert!(close(r.max_volume_l, 1954.4, 1e-9));
    }

    #[test]
    fn version_3_run_volumes_and_product() {
        let r = run(&feed_only());
        // Inoculum 0.5 x 1400 / 4.0 = 175 L; basal 1400 - 175 = 1225 L.
        assert!(close(r.inoculum_l, 175.0, 1e-6));
        assert!(close(r.basal_medium_l, 1225.0, 1e-6));
        // Samples 0.1 L x 14 days = 1.4 L; final = 1400 + 554.4 - 1.4 = 1953.0 L.
        assert!(close(r.samples_l, 1.4, 1e-9));
        assert!(close(r.harvest_volume_l, 1953.0, 1e-9));
        // Product = 3.0 g/L x 1953.0 L = 5859 g.
        assert!(close(r.product_at_harvest_g, 5859.0, 1e-6));
        assert_eq!(r.daily.len(), 15);
        assert!(close(r.daily[14].volume_l, 1953.0, 1e-9));
        // Day 3 adds 50.4 L after three 0.1 L samples: 1400 - 0.3 + 50.4.
        assert!(close(r.daily[3].volume_l, 1450.1, 1e-9));
        // Growth to the peak, then flat: 0.5 x 2^5 = 16 on day 5, 20 from day 6 on.
        assert!(close(r.daily[5].viable_density_e6_per_ml, 16.0, 1e-9));
        assert!(r.daily[6..].iter().all(|d| d.viable_density_e6_per_ml == 20.0 && d.viability_pct == 95.0));
    }

    #[test]
    fn default_run_with_additions_evaporation_and_headroom() {
        let r = run(&Scenario::default());
        // Inoculum 0.5 x 1350 / 4.0 = 168.75 L; basal 1350 - 168.75 = 1181.25 L.
        assert!(close(r.inoculum_l, 168.75, 1e-6));
        assert!(close(r.basal_medium_l, 1181.25, 1e-6));
        // Feed 0.036 x 1350 = 48.6 L x 11 = 534.6 L. Base 0.002 x 1350 = 2.7 L x 11 = 29.7 L;
        // glucose 0.005 x 1350 = 6.75 L x 9 = 60.75 L; antifoam 0.5 L x 3 = 1.5 L: 91.95 L.
        assert!(close(r.total_feed_l, 534.6, 1e-9));
        let totals: Vec<(AdditionKind, f64)> = r.additions.iter().map(|a| (a.kind, a.total_l)).collect();
        assert_eq!(totals.len(), 3);
        for ((kind, total), (k, t)) in totals.iter().zip([
            (AdditionKind::Base, 29.7),
            (AdditionKind::Glucose, 60.75),
            (AdditionKind::Antifoam, 1.5),
        ]) {
            assert!(*kind == k && close(*total, t, 1e-9), "{kind:?} {total}");
        }
        assert!(close(r.total_additions_l, 91.95, 1e-9));
        // Evaporation 0.001 x 1350 x 14 = 18.9 L; samples 1.4 L.
        assert!(close(r.evaporated_l, 18.9, 1e-9));
        // Final 1350 + 534.6 + 91.95 - 1.4 - 18.9 = 1956.25 L, the last day's balance too.
        assert!(close(r.final_volume_l, 1956.25, 1e-9));
        assert!(close(r.daily[14].volume_l, 1956.25, 1e-9));
        // Peak on day 13: 1350 x (1 + 0.396 + 0.022 + 0.045 - 0.013) + 1.5 - 1.3 = 1957.7 L,
        // under the headroom limit 2000 x 0.98 = 1960 L.
        assert!(close(r.max_volume_l, 1957.7, 1e-9));
        assert!(close(r.headroom_limit_l, 1960.0, 1e-9));
        // Largest V0: day 13 binds, (1960 - 1.5 + 1.3) / 1.45 = 1351.59 L -> 1351 L.
        assert!(close(r.max_initial_volume_l, 1959.8 / 1.45, 1e-9));
        assert_eq!(r.max_whole_initial_volume_l, 1351.0);
        // Product 3 g/L x 1956.25 L = 5868.75 g; qP implied 3000 / 186.18 = 16.11.
        assert!(close(r.product_at_harvest_g, 5868.75, 1e-6));
        assert!(close(r.ivcd_e6_cell_day_per_ml, 186.1806, 1e-3));
        assert!(close(r.qp_pg_per_cell_day, 16.1134, 1e-3));
        assert!(close(r.harvest_viability_pct, 65.342, 1e-2));
    }

    #[test]
    fn titer_from_qp_times_ivcd() {
        // qP 20 x IVCD 186.18 / 1000 = 3.7236 g/L; x 1956.25 L = 7284.3 g.
        let mut s = Scenario::default();
        s.production.culture.titer_from_qp = true;
        s.production.culture.qp_pg_per_cell_day = 20.0;
        let r = run(&s);
        assert!(close(r.titer_g_per_l, 3.723_61, 1e-4));
        assert!(close(r.product_at_harvest_g, 3.723_61 * 1956.25, 0.2));
        assert_eq!(r.qp_pg_per_cell_day, 20.0);
    }

    #[test]
    fn a_day_0_feed_counts_in_the_peak_volume() {
        // 100 L fixed on day 0 plus the default feed: peak 1400 + 100 + 554.4 - 1.3 = 2053.1 L
        // on day 13, over the 2000 L vessel; V0 may then be at most (2000 - 100 + 1.3) / 1.396.
        let mut s = feed_only();
        s.production.feeds.push(crate::scenario::Feed {
            name: "Bolus".into(),
            amount: FeedAmount::FixedVolume { litres: 100.0 },
            days: vec![0],
        });
        let r = run(&s);
        assert!(close(r.max_volume_l, 2053.1, 1e-9));
        assert!(close(r.daily[0].volume_l, 1500.0, 1e-9));
        assert!(close(r.max_initial_volume_l, 1901.3 / 1.396, 1e-9));
    }

    #[test]
    fn fixed_volume_feed() {
        let mut s = feed_only();
        s.production.daily_sample_l = 0.0;
        s.production.feeds[0].amount = FeedAmount::FixedVolume { litres: 40.0 };
        let r = run(&s);
        // 40 L x 11 days = 440 L; V0 <= 2000 - 440 = 1560 L.
        assert!(close(r.total_feed_l, 440.0, 1e-9));
        assert!(close(r.max_initial_volume_l, 1560.0, 1e-9));
    }
}
