//! Fed-batch production bioreactor (N): volumes, feeds, harvest and the growth curve.

use super::scenario::{Feed, FeedAmount, Production};
use super::seed_train::{density_after, growth_rate_per_day, transfer, StageResult};
use serde::Serialize;

/// Volume one feed adds over the run (L): a fixed-percentage feed adds f x V0 on each feed
/// day; a fixed-volume feed its litres on each feed day (DOMAIN.md, fed-batch production).
pub fn feed_volume_l(feed: &Feed, initial_volume_l: f64) -> f64 {
    feed_volume_per_day_l(feed, initial_volume_l) * feed.days.len() as f64
}

fn feed_volume_per_day_l(feed: &Feed, initial_volume_l: f64) -> f64 {
    match feed.amount {
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
    /// P(d): cumulative percentage feeds, as a fraction of V0.
    pub pct_fraction: f64,
    /// F(d): cumulative fixed-volume feeds (L).
    pub fixed_l: f64,
    /// S(d): cumulative samples (L).
    pub samples_l: f64,
}

/// Day by day from inoculation (day 0) to harvest: feeds on their days (day 0 included), a
/// sample drawn on each culture day 1..=duration. The one place the volume balance is summed,
/// for the run, its checks and validation alike.
pub fn volume_by_day(p: &Production) -> Vec<DayVolume> {
    let v0 = p.initial_volume_l;
    let (mut pct_fraction, mut fixed_l, mut samples_l) = (0.0, 0.0, 0.0);
    (0..=p.duration_days)
        .map(|day| {
            if day > 0 {
                samples_l += p.daily_sample_l;
            }
            let mut fed_l = 0.0;
            for f in p.feeds.iter().filter(|f| f.days.contains(&day)) {
                match f.amount {
                    FeedAmount::PercentOfInitial { pct } => pct_fraction += pct / 100.0,
                    FeedAmount::FixedVolume { litres } => fixed_l += litres,
                }
                fed_l += feed_volume_per_day_l(f, v0);
            }
            let volume_l = v0 * (1.0 + pct_fraction) + fixed_l - samples_l;
            DayVolume { day, volume_l, fed_l, pct_fraction, fixed_l, samples_l }
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
    /// Daily sample x culture days (L).
    pub samples_l: f64,
    /// V_final = V0 + feeds - samples (L).
    pub final_volume_l: f64,
    /// The largest volume during the run (L); must stay within the vessel.
    pub max_volume_l: f64,
    /// The largest V0 for which the run stays within `vessel_max_l` (L).
    pub max_initial_volume_l: f64,
    /// The largest whole-litre V0 that fits: `max_initial_volume_l` rounded down, since a V0
    /// rounded up would overflow. The figure to quote (L).
    pub max_whole_initial_volume_l: f64,
    pub harvest_volume_l: f64,
    /// Product at harvest = titer x harvest volume (g).
    pub product_at_harvest_g: f64,
    pub daily: Vec<DayPoint>,
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
            per_day_l: feed_volume_per_day_l(f, v0),
            days: f.days.clone(),
            total_l: feed_volume_l(f, v0),
        })
        .collect();
    let total_feed_l: f64 = feeds.iter().map(|f| f.total_l).sum();

    // V(d) = V0 (1 + P(d)) + F(d) - S(d) (see `volume_by_day`). The largest V0 that keeps every
    // V(d) <= Vmax is min over d of (Vmax - F(d) + S(d)) / (1 + P(d)).
    let mu = growth_rate_per_day(doubling_time_h);
    let by_day = volume_by_day(p);
    let max_volume_l = by_day.iter().map(|d| d.volume_l).fold(v0, f64::max);
    let max_initial_volume_l = by_day
        .iter()
        .map(|d| (vessel_max_l - d.fixed_l + d.samples_l) / (1.0 + d.pct_fraction))
        .fold(vessel_max_l, f64::min);
    let samples_l = by_day.last().map_or(0.0, |d| d.samples_l);
    // Drawn curve only: exponential growth at the seed-train rate, capped at the peak.
    let daily = by_day
        .iter()
        .map(|d| DayPoint {
            day: d.day,
            volume_l: d.volume_l,
            viable_density_e6_per_ml: density_after(t.seeding_density_e6_per_ml, mu, f64::from(d.day), 0.0)
                .min(p.peak_density_e6_per_ml.max(t.seeding_density_e6_per_ml)),
            fed_l: d.fed_l,
        })
        .collect();
    let final_volume_l = v0 + total_feed_l - samples_l;
    let harvest_volume_l = final_volume_l.max(0.0);
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
        samples_l,
        final_volume_l,
        max_volume_l,
        max_initial_volume_l: max_initial_volume_l.max(0.0),
        max_whole_initial_volume_l: max_initial_volume_l.max(0.0).floor(),
        harvest_volume_l,
        product_at_harvest_g: p.titer_g_per_l * harvest_volume_l,
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

    #[test]
    fn feeding_3_6_pct_on_days_3_to_13_caps_v0_at_1433_l() {
        // DOMAIN.md worked check: 3.6 % of V0 on days 3..13 (11 days) adds 39.6 %, so
        // V0 <= 2000 / 1.396 = 1432.66 L in a 2000 L vessel (no samples).
        let mut s = Scenario::default();
        s.production.daily_sample_l = 0.0;
        let seed = run_seed_train(&s);
        let r = run_production(&s.production, seed.last().unwrap(), 24.0, 2000.0);
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
    fn default_run_volumes_and_product() {
        let s = Scenario::default();
        let seed = run_seed_train(&s);
        let r = run_production(&s.production, seed.last().unwrap(), 24.0, 2000.0);
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
        assert!(r.daily.iter().all(|d| d.viable_density_e6_per_ml <= 20.0));
    }

    #[test]
    fn a_day_0_feed_counts_in_the_peak_volume() {
        // 100 L fixed on day 0 plus the default feed: peak 1400 + 100 + 554.4 - 1.3 = 2053.1 L
        // on day 13, over the 2000 L vessel; V0 may then be at most (2000 - 100 + 1.3) / 1.396.
        let mut s = Scenario::default();
        s.production.feeds.push(crate::scenario::Feed {
            name: "Bolus".into(),
            amount: FeedAmount::FixedVolume { litres: 100.0 },
            days: vec![0],
        });
        let seed = run_seed_train(&s);
        let r = run_production(&s.production, seed.last().unwrap(), 24.0, 2000.0);
        assert!(close(r.max_volume_l, 2053.1, 1e-9));
        assert!(close(r.daily[0].volume_l, 1500.0, 1e-9));
        assert!(close(r.max_initial_volume_l, 1901.3 / 1.396, 1e-9));
    }

    #[test]
    fn fixed_volume_feed() {
        let mut s = Scenario::default();
        s.production.daily_sample_l = 0.0;
        s.production.feeds[0].amount = FeedAmount::FixedVolume { litres: 40.0 };
        let seed = run_seed_train(&s);
        let r = run_production(&s.production, seed.last().unwrap(), 24.0, 2000.0);
        // 40 L x 11 days = 440 L; V0 <= 2000 - 440 = 1560 L.
        assert!(close(r.total_feed_l, 440.0, 1e-9));
        assert!(close(r.max_initial_volume_l, 1560.0, 1e-9));
    }
}
