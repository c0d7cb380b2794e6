//! The production bioreactor's inputs: volumes, feeds, additions and evaporation, the
//! headroom kept under the vessel's maximum, and the culture that makes the titer, each with
//! its sourced or illustrative default.

use serde::{Deserialize, Serialize};

/// How much of a feed medium (or an addition) goes in on each of its days.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FeedAmount {
    /// A percentage of the initial volume V0 on each feed day.
    PercentOfInitial { pct: f64 },
    /// A fixed volume (L) on each feed day.
    FixedVolume { litres: f64 },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Feed {
    pub name: String,
    pub amount: FeedAmount,
    /// Culture days (day 0 = inoculation of N) on which the feed is added.
    pub days: Vec<u32>,
}

/// A solution added to N for control, not nutrition: an amount on each of its days.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Addition {
    pub amount: FeedAmount,
    /// Culture days (day 0 = inoculation of N) on which it is added.
    pub days: Vec<u32>,
}

impl Addition {
    /// Nothing added: what links and files made before additions were modelled hold.
    pub fn none() -> Self {
        Addition { amount: FeedAmount::FixedVolume { litres: 0.0 }, days: Vec::new() }
    }
}

/// Base, glucose and antifoam added to N, and the water lost by evaporation: all enter the
/// volume balance (DOMAIN.md, growth, productivity and additions). The defaults are
/// illustrative: the amounts depend on the medium, the pH and CO2 control and the gassing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Additions {
    /// Base for pH control (e.g. 1 M sodium carbonate). Default 0.2 % of V0 on days 3-13
    /// (illustrative: 2.2 % of V0 over the run, within the 1-3 % commonly seen).
    pub base: Addition,
    /// Concentrated glucose (e.g. 400 g/L). Default 0.5 % of V0 on days 5-13 (illustrative:
    /// at 400 g/L, about 2 g/L of glucose a day on top of the feed's).
    pub glucose: Addition,
    /// Antifoam emulsion. Default 0.5 L on days 3, 7 and 11 (illustrative).
    pub antifoam: Addition,
    /// Water lost by evaporation through the exhaust gas, % of V0 per culture day. Default
    /// 0.1 (illustrative; more with high gas flows, less with an exhaust condenser).
    pub evaporation_pct_per_day: f64,
}

impl Additions {
    /// No additions and no evaporation: the volume balance of links and files made before
    /// they were modelled.
    pub fn none() -> Self {
        Additions {
            base: Addition::none(),
            glucose: Addition::none(),
            antifoam: Addition::none(),
            evaporation_pct_per_day: 0.0,
        }
    }

    /// The three additions with their names, in the order they are shown.
    pub fn each(&self) -> [(AdditionKind, &Addition); 3] {
        [AdditionKind::Base, AdditionKind::Glucose, AdditionKind::Antifoam].map(|k| (k, self.get(k)))
    }

    pub fn get(&self, kind: AdditionKind) -> &Addition {
        match kind {
            AdditionKind::Base => &self.base,
            AdditionKind::Glucose => &self.glucose,
            AdditionKind::Antifoam => &self.antifoam,
        }
    }

    pub fn get_mut(&mut self, kind: AdditionKind) -> &mut Addition {
        match kind {
            AdditionKind::Base => &mut self.base,
            AdditionKind::Glucose => &mut self.glucose,
            AdditionKind::Antifoam => &mut self.antifoam,
        }
    }
}

/// Which addition.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AdditionKind {
    Base,
    Glucose,
    Antifoam,
}

/// The production culture: the viable cell density curve that gives the integral of viable
/// cell density (IVCD), and the titer it makes.
///
/// The curve (DOMAIN.md, growth): exponential growth at the cell line's rate from the
/// seeding density to the peak, a stationary phase at the peak, then a decline of the viable
/// cells at a constant specific death rate. Total cells stay at the peak (no lysis), so the
/// viability falls with the viable cells: viability(t) = viability x exp(-kd (t - t_decline)).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Culture {
    /// Titer from the culture, qP x IVCD / 1000 (g/L). Off: the entered titer, and the page
    /// shows the qP it implies.
    pub titer_from_qp: bool,
    /// Cell-specific productivity, qP (pg/cell/day). CHO mAb processes commonly run about
    /// 10-60 (DOMAIN.md). Default 16 (illustrative): with the default curve it makes about
    /// the default 3 g/L.
    pub qp_pg_per_cell_day: f64,
    /// Days the culture stays at its peak before the decline. Default 4 (illustrative).
    pub stationary_days: f64,
    /// Specific death rate of the viable cells in the decline, kd (1/day). Default 0.08
    /// (illustrative): harvest viability 95 % x exp(-0.08 x 4.68) = 65 % on day 14, within
    /// the 50-80 % commonly seen at harvest (DOMAIN.md). 0: no decline.
    pub death_rate_per_day: f64,
    /// Viability during growth and the stationary phase (%). Default 95 (illustrative;
    /// fed-batch cultures commonly stay above 90-95 % until the decline).
    pub viability_pct: f64,
}

impl Default for Culture {
    fn default() -> Self {
        Culture {
            titer_from_qp: false,
            qp_pg_per_cell_day: 16.0,
            stationary_days: 4.0,
            death_rate_per_day: 0.08,
            viability_pct: 95.0,
        }
    }
}

impl Culture {
    /// The curve of links and files made before the culture was modelled: growth to the
    /// peak, then flat (no decline), and the entered titer.
    pub fn flat() -> Self {
        Culture { death_rate_per_day: 0.0, ..Culture::default() }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Production {
    /// The production bioreactor, from the facility catalogue.
    pub vessel_id: String,
    /// Working volume right after inoculation, V0 (L). Default 1350 L: the largest multiple
    /// of 10 L that keeps the default run (feed, additions, evaporation, samples) under the
    /// headroom limit of 1960 L in a 2000 L vessel (V0 <= 1351.6 L).
    pub initial_volume_l: f64,
    /// Seeding density of N (10^6 cells/mL). Conventional N-1: N seeded at 0.3-0.6
    /// (Xu et al. 2019, mAbs). Default 0.5.
    pub seeding_density_e6_per_ml: f64,
    /// Days from inoculation to harvest. 12-16 typical, 14 default (Xu et al. 2020).
    pub duration_days: u32,
    /// Peak viable cell density (10^6 cells/mL). Fed-batch production peaks around 15-30
    /// (DOMAIN.md, growth); default 20.
    pub peak_density_e6_per_ml: f64,
    pub feeds: Vec<Feed>,
    /// Base, glucose, antifoam and evaporation.
    pub additions: Additions,
    /// Margin kept under the vessel's maximum working volume (% of it): the run's peak
    /// volume should stay below max x (1 - headroom). Default 2 (illustrative: 40 L of a
    /// 2000 L bag, for foam and a late correction).
    pub headroom_pct: f64,
    /// The culture curve and, when chosen, the titer from it.
    pub culture: Culture,
    /// Product concentration at harvest (g/L), when it is entered. 1-10 g/L; ~2.5-3
    /// commercial average (Rader & Langer 2015). Default 3.
    pub titer_g_per_l: f64,
    /// Volume removed for samples each culture day (L). Default 0.1 (illustrative).
    pub daily_sample_l: f64,
}

impl Default for Additions {
    fn default() -> Self {
        Additions {
            base: Addition { amount: FeedAmount::PercentOfInitial { pct: 0.2 }, days: (3..=13).collect() },
            glucose: Addition { amount: FeedAmount::PercentOfInitial { pct: 0.5 }, days: (5..=13).collect() },
            antifoam: Addition { amount: FeedAmount::FixedVolume { litres: 0.5 }, days: vec![3, 7, 11] },
            evaporation_pct_per_day: 0.1,
        }
    }
}

impl Default for Production {
    fn default() -> Self {
        Self {
            vessel_id: "sub2000".into(),
            initial_volume_l: 1350.0,
            seeding_density_e6_per_ml: 0.5,
            duration_days: 14,
            peak_density_e6_per_ml: 20.0,
            // Xu et al. 2020, Table 2: 3.6 % of V0 per day from day 3.
            feeds: vec![Feed {
                name: "Feed A".into(),
                amount: FeedAmount::PercentOfInitial { pct: 3.6 },
                days: (3..=13).collect(),
            }],
            additions: Additions::default(),
            headroom_pct: 2.0,
            culture: Culture::default(),
            titer_g_per_l: 3.0,
            daily_sample_l: 0.1,
        }
    }
}
