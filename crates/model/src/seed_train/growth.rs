//! How a seed culture grows and when it is passaged: exponential growth after a lag up to a
//! maximum viable density, the whole-day rule and its passage window.

use crate::scenario::SeedRules;

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

/// How a culture grows: exponentially from its seeding density after the lag, up to a
/// maximum viable density where growth stops (DOMAIN.md, growth: batch seed cultures stop
/// around 5-10 x10^6 cells/mL, perfusion 40-100+). `ceiling` is infinite when the rule is
/// off; a culture seeded above its ceiling does not grow.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Growth {
    pub x0: f64,
    pub mu_per_day: f64,
    pub lag_days: f64,
    pub ceiling: f64,
}

impl Growth {
    /// X(t) = min(X0 exp(mu (t - lag)), max(ceiling, X0)).
    pub fn density(&self, days: f64) -> f64 {
        density_after(self.x0, self.mu_per_day, days, self.lag_days).min(self.ceiling.max(self.x0))
    }

    /// Exact days to reach `x`, or `None` when growth stops below it.
    pub fn days_to(&self, x: f64) -> Option<f64> {
        (x <= self.ceiling.max(self.x0)).then(|| days_to_reach(self.x0, x, self.mu_per_day, self.lag_days))
    }

    /// Exact days to `x`, or to the ceiling when growth stops below `x` (0 for a culture
    /// seeded at or above both): how long a stage aiming at `x` grows.
    pub fn days_aiming_at(&self, x: f64) -> f64 {
        self.days_to(x).or(self.ceiling_day()).unwrap_or(0.0)
    }

    /// The day the culture reaches its ceiling, when it has one above the seeding density.
    pub fn ceiling_day(&self) -> Option<f64> {
        (self.ceiling.is_finite() && self.ceiling > self.x0)
            .then(|| days_to_reach(self.x0, self.ceiling, self.mu_per_day, self.lag_days))
    }
}

/// The whole day a batch stage is passaged on, aiming at `target` (10^6 cells/mL):
/// the first whole day that reaches it (or, when growth stops below it, the first whole day
/// at the ceiling). With the passage window on and the target inside the window, one day
/// earlier when the day that reaches the target would overshoot the window's highest density
/// and the day before is already in the window: the whole-day rule then has no cliff (a
/// doubling time of 24.1 h passages a 0.5 -> 4.0 culture on day 3 at 3.97, not on day 4
/// at 7.9).
/// `exact_days` is [`Growth::days_aiming_at`] the target, which the caller has at hand.
pub fn passage_day(growth: &Growth, exact_days: f64, target: f64, rules: &SeedRules, batch: bool) -> u32 {
    let day = whole_days(exact_days);
    let (low, high) = (rules.window_low_e6_per_ml, rules.window_high_e6_per_ml);
    let in_window = rules.passage_window && batch && (low..=high).contains(&target);
    if in_window
        && day > 1
        && growth.density(f64::from(day)) > high
        && growth.density(f64::from(day - 1)) >= low
    {
        day - 1
    } else {
        day
    }
}

/// Operations happen on whole days: a stage lasts the exact time rounded up, at least one
/// day. A tolerance of 10^-9 day keeps 3.0000000000000004 from becoming 4.
pub fn whole_days(exact_days: f64) -> u32 {
    let whole = (exact_days - 1e-9).ceil().max(1.0);
    // Bounded by validation (densities 0.01-200, Td <= 240 h, lag <= 96 h): under 400 days.
    whole.min(10_000.0) as u32
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
    fn the_window_never_passages_below_its_low_end_or_a_target_outside_it() {
        let rules = SeedRules::default();
        let mu = growth_rate_per_day(40.0);
        // Td 40 h, 0.5 -> 4.0: exact 5 days; day 5 reaches 4.0 exactly (not over 5): day 5.
        let g = Growth { x0: 0.5, mu_per_day: mu, lag_days: 0.0, ceiling: 10.0 };
        assert_eq!(passage_day(&g, g.days_aiming_at(4.0), 4.0, &rules, true), 5);
        // Td 20 h, 0.5 -> 4.0: exact 2.5 days. Day 3: 0.5 x 2^3.6 = 6.06 > 5; day 2:
        // 0.5 x 2^2.4 = 2.64 >= 2: passaged on day 2.
        let g = Growth { x0: 0.5, mu_per_day: growth_rate_per_day(20.0), lag_days: 0.0, ceiling: 10.0 };
        assert_eq!(passage_day(&g, g.days_aiming_at(4.0), 4.0, &rules, true), 2);
        // Seeded at 0.2: day 2 reaches 0.2 x 2^2.4 = 1.06, under 2: day 3 at 2.43.
        let low = Growth { x0: 0.2, ..g };
        assert_eq!(passage_day(&low, low.days_aiming_at(2.2), 2.2, &rules, true), 3);
        // An enriched N-1 aiming at 22 (outside the window) and a perfusion stage follow
        // their target.
        let ceiling = Growth { ceiling: 100.0, ..g };
        assert_eq!(
            passage_day(&ceiling, ceiling.days_aiming_at(22.0), 22.0, &rules, true),
            whole_days(ceiling.days_to(22.0).unwrap())
        );
        assert_eq!(passage_day(&g, g.days_aiming_at(4.0), 4.0, &rules, false), 3);
    }
}
