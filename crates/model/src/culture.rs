//! The production culture: viable cell density and viability day by day, the integral of
//! viable cell density (IVCD) over the run, and the titer it makes (DOMAIN.md, growth,
//! productivity and additions).
//!
//! Three phases, each integrated in closed form (no numerical steps, so a hand calculation
//! reproduces every figure):
//! - growth, X(t) = X0 exp(mu t), from the seeding density to the peak, reached at
//!   t_peak = ln(X_peak / X0) / mu (mu = ln 2 / Td, the cell line's rate);
//! - a stationary phase at the peak for `stationary_days`;
//! - a decline at the specific death rate kd: X(t) = X_peak exp(-kd (t - t_decline)).
//!   Total cells stay at the peak (no lysis), so viability(t) = viability x X(t) / X_peak.
//!
//! Titer (g/L) = qP (pg/cell/day) x IVCD (10^6 cell-day/mL) / 1000: pg x 10^6 / mL is
//! 10^-6 g / 10^-3 L = 10^-3 g/L. It is the usual approximation that ignores the dilution of
//! the product by the feeds (the same IVCD a publication reports from its measured curve).

use crate::scenario::Culture;

/// CHO mAb processes commonly run a qP of about 10-60 pg/cell/day (DOMAIN.md).
pub const PUBLISHED_QP_PG_PER_CELL_DAY: (f64, f64) = (10.0, 60.0);

/// The curve of one production run.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CultureCurve {
    /// Seeding density (10^6 cells/mL).
    pub x0: f64,
    /// The density the growth stops at: the entered peak, or the seeding density when that is
    /// higher (10^6 cells/mL).
    pub peak_e6_per_ml: f64,
    pub mu_per_day: f64,
    /// Day the peak is reached.
    pub peak_day: f64,
    /// Day the decline starts (peak day + stationary days).
    pub decline_day: f64,
    pub death_rate_per_day: f64,
    pub viability_pct: f64,
}

impl CultureCurve {
    pub fn new(x0: f64, peak_e6_per_ml: f64, mu_per_day: f64, culture: &Culture) -> Self {
        let peak = peak_e6_per_ml.max(x0);
        let peak_day = if mu_per_day > 0.0 { (peak / x0).ln() / mu_per_day } else { f64::INFINITY };
        CultureCurve {
            x0,
            peak_e6_per_ml: peak,
            mu_per_day,
            peak_day,
            decline_day: peak_day + culture.stationary_days.max(0.0),
            death_rate_per_day: culture.death_rate_per_day.max(0.0),
            viability_pct: culture.viability_pct,
        }
    }

    /// Viable cell density on culture day `t` (10^6 cells/mL).
    pub fn viable_density(&self, t: f64) -> f64 {
        if t <= self.peak_day {
            (self.x0 * (self.mu_per_day * t.max(0.0)).exp()).min(self.peak_e6_per_ml)
        } else if t <= self.decline_day {
            self.peak_e6_per_ml
        } else {
            self.peak_e6_per_ml * (-self.death_rate_per_day * (t - self.decline_day)).exp()
        }
    }

    /// Viability on culture day `t` (%): the growth viability until the decline, then
    /// falling with the viable cells (total cells stay at the peak).
    pub fn viability_pct(&self, t: f64) -> f64 {
        if t <= self.decline_day {
            self.viability_pct
        } else {
            self.viability_pct * (-self.death_rate_per_day * (t - self.decline_day)).exp()
        }
    }

    /// IVCD from inoculation to day `t` (10^6 cell-day/mL), each phase in closed form:
    /// growth X0 (exp(mu t) - 1) / mu; stationary X_peak x days; decline
    /// X_peak (1 - exp(-kd days)) / kd (X_peak x days when kd = 0).
    pub fn ivcd(&self, t: f64) -> f64 {
        let t = t.max(0.0);
        let growth_end = t.min(self.peak_day);
        let growth = if self.mu_per_day > 0.0 {
            self.x0 * ((self.mu_per_day * growth_end).exp() - 1.0) / self.mu_per_day
        } else {
            self.x0 * growth_end
        };
        let stationary = self.peak_e6_per_ml * (t.min(self.decline_day) - self.peak_day).max(0.0);
        let decline_days = (t - self.decline_day).max(0.0);
        let k = self.death_rate_per_day;
        let decline = if k > 0.0 {
            self.peak_e6_per_ml * (1.0 - (-k * decline_days).exp()) / k
        } else {
            self.peak_e6_per_ml * decline_days
        };
        growth + stationary + decline
    }
}

/// Titer = qP x IVCD / 1000 (g/L), qP in pg/cell/day and IVCD in 10^6 cell-day/mL.
pub fn titer_g_per_l(qp_pg_per_cell_day: f64, ivcd_e6_cell_day_per_ml: f64) -> f64 {
    qp_pg_per_cell_day * ivcd_e6_cell_day_per_ml / 1000.0
}

/// The qP an entered titer implies: titer x 1000 / IVCD (pg/cell/day).
pub fn implied_qp(titer_g_per_l: f64, ivcd_e6_cell_day_per_ml: f64) -> f64 {
    if ivcd_e6_cell_day_per_ml > 0.0 {
        titer_g_per_l * 1000.0 / ivcd_e6_cell_day_per_ml
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    fn default_curve() -> CultureCurve {
        // Seeded at 0.5, Td 24 h (mu = ln 2 per day), peak 20, 4 days stationary, kd 0.08.
        CultureCurve::new(0.5, 20.0, std::f64::consts::LN_2, &Culture::default())
    }

    #[test]
    fn the_default_curve_by_hand() {
        let c = default_curve();
        // Peak on day log2(40) = 5.3219; decline from day 9.3219.
        assert!(close(c.peak_day, 5.321_928, 1e-6));
        assert!(close(c.decline_day, 9.321_928, 1e-6));
        // Growth: (20 - 0.5) / ln 2 = 28.1326; stationary 20 x 4 = 80;
        // decline over 14 - 9.3219 = 4.6781 days: e^(-0.08 x 4.6781) = e^-0.374246 = 0.687807,
        // 20 x (1 - 0.687807) / 0.08 = 78.048; IVCD 186.18.
        assert!(close(c.ivcd(5.321_928), 28.132_6, 1e-3));
        assert!(close(c.ivcd(9.321_928), 108.132_6, 1e-3));
        assert!(close(c.ivcd(14.0), 186.180_6, 1e-3));
        // Harvest viability 95 x 0.687807 = 65.34 %; viable density 20 x 0.687807 = 13.756.
        assert!(close(c.viability_pct(14.0), 65.342, 1e-2));
        assert!(close(c.viable_density(14.0), 13.756, 1e-2));
        assert!(close(c.viable_density(3.0), 4.0, 1e-9));
        assert_eq!(c.viability_pct(9.0), 95.0);
        // The entered 3 g/L implies 3000 / 186.18 = 16.113 pg/cell/day; 16 makes 2.979 g/L.
        assert!(close(implied_qp(3.0, c.ivcd(14.0)), 16.113, 1e-3));
        assert!(close(titer_g_per_l(16.0, c.ivcd(14.0)), 2.978_9, 1e-3));
    }

    #[test]
    fn a_published_check_titer_from_qp_and_ivcd() {
        // DOMAIN.md: qP 30 pg/cell/day x IVCD 150 x10^6 cell-day/mL = 4.5 g/L.
        assert!(close(titer_g_per_l(30.0, 150.0), 4.5, 1e-12));
    }

    #[test]
    fn without_a_decline_the_curve_stays_at_its_peak() {
        // Version 3's drawn curve: exponential, then flat. IVCD over 14 days:
        // 28.1327 + 20 x (14 - 5.3219) = 201.69.
        let c = CultureCurve::new(0.5, 20.0, std::f64::consts::LN_2, &Culture::flat());
        assert_eq!(c.viable_density(13.0), 20.0);
        assert_eq!(c.viability_pct(14.0), 95.0);
        assert!(close(c.ivcd(14.0), 201.694, 1e-3));
    }

    #[test]
    fn seeded_above_the_peak_the_culture_starts_at_its_peak() {
        let c =
            CultureCurve::new(25.0, 20.0, 0.7, &Culture { death_rate_per_day: 0.0, ..Culture::default() });
        assert_eq!((c.peak_day, c.peak_e6_per_ml), (0.0, 25.0));
        assert!(close(c.ivcd(10.0), 250.0, 1e-9));
    }
}
