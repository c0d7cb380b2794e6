//! Link version 3, frozen: the seed train's rules it added to version 2's fields, and its
//! baseline, the default scenario as it was when version 3 was defined (the seed train
//! designed with a 12 % transfer excess, passaged within a density window, growth stopping
//! at a maximum viable density). Version 3 keeps every key of versions 1 and 2; each
//! version is decoded against its own baseline forever (`tests/corpus/links-v3.json`).

use super::v1::{conventional_stage, link_fields, Entry};
use super::v2::baseline_v2;
use crate::scenario::{Scenario, SeedRules};

/// The default scenario when link version 3 was defined: version 2's, with the seed train
/// of six stages each 12 % larger than the inoculum the next takes, and the seed train's
/// rules on.
pub fn baseline_v3() -> Scenario {
    let mut s = baseline_v2();
    let stage = conventional_stage;
    s.seed_train = vec![
        stage("sf125", 0.025),
        stage("sf250", 0.084),
        stage("sf3000", 0.6),
        stage("rb10", 4.0),
        stage("sub50", 28.0),
        stage("sub200", 200.0),
    ];
    s.seed_rules = SeedRules {
        passage_window: true,
        window_low_e6_per_ml: 2.0,
        window_high_e6_per_ml: 5.0,
        growth_ceiling: true,
        max_density_batch_e6_per_ml: 10.0,
        max_density_perfusion_e6_per_ml: 100.0,
        transfer_excess_pct: 12.0,
    };
    s
}

/// [`baseline_v3`], built once.
pub(super) fn baseline() -> &'static Scenario {
    static BASELINE: std::sync::OnceLock<Scenario> = std::sync::OnceLock::new();
    BASELINE.get_or_init(baseline_v3)
}

// The fields version 3 added, after version 2's. Keys are frozen for version 3.
link_fields! { V3_FIELDS {
    "pw" => seed_rules.passage_window;
    "wl" => seed_rules.window_low_e6_per_ml;
    "wh" => seed_rules.window_high_e6_per_ml;
    "gc" => seed_rules.growth_ceiling;
    "mxb" => seed_rules.max_density_batch_e6_per_ml;
    "mxp" => seed_rules.max_density_perfusion_e6_per_ml;
    "tx" => seed_rules.transfer_excess_pct;
} }

/// Every field of a version-3 link: version 2's, then version 3's.
pub(super) fn fields() -> impl Iterator<Item = &'static Entry> {
    super::v2::fields().chain(V3_FIELDS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_3_added_the_seed_rules_to_version_2() {
        let (v2, v3) = (baseline_v2(), baseline_v3());
        assert_eq!(
            Scenario { seed_rules: v2.seed_rules, seed_train: v2.seed_train.clone(), ..v3.clone() },
            v2
        );
        assert!(v3.seed_rules.passage_window && v3.seed_rules.growth_ceiling);
    }
}
