//! Link version 5, frozen: dedicated resin written off over the whole program (the
//! engineering, PPQ and campaign batches), dedicated resin the default for clinical supply,
//! and rates for labour by shift (shifts a day upstream and downstream, preparation and
//! support staff). Version 5 keeps every key of versions 1 to 4; each version is decoded
//! against its own baseline forever (`tests/corpus/links-v5.json`).

use super::v1::{link_fields, Entry};
use super::v4::baseline_v4;
use crate::scenario::{ResinMode, Scenario};

/// The default scenario when link version 5 was defined: version 4's, with resin dedicated
/// to the (clinical) program and written off over every batch run on it.
pub fn baseline_v5() -> Scenario {
    let mut s = baseline_v4();
    // Written out, not taken from `default_resin_mode`: a frozen baseline never follows code.
    s.downstream.resin_mode = ResinMode::DedicatedToCampaign;
    s.downstream.dedicated_resin_over_program = true;
    s
}

/// [`baseline_v5`], built once.
pub(super) fn baseline() -> &'static Scenario {
    static BASELINE: std::sync::OnceLock<Scenario> = std::sync::OnceLock::new();
    BASELINE.get_or_init(baseline_v5)
}

// The fields version 5 added, after version 4's. Keys are frozen for version 5. (The rates
// version 5 added travel in version 1's `r` key, by their indices in `LINK_RATES`.)
link_fields! { V5_FIELDS {
    "rop" => downstream.dedicated_resin_over_program;
} }

/// Every field of a version-5 link: version 4's, then version 5's.
pub(super) fn fields() -> impl Iterator<Item = &'static Entry> {
    super::v4::fields().chain(V5_FIELDS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{default_resin_mode, Phase};

    #[test]
    fn the_baseline_is_the_default_scenario_of_version_5() {
        // Today's defaults are version 5's: the default scenario's link carries no field.
        // When a default changes, this fails: a new version then freezes the new baseline.
        assert_eq!(baseline_v5(), Scenario::default());
    }

    #[test]
    fn version_5_made_resin_dedicated_to_the_program_after_version_4() {
        let (v4, v5) = (baseline_v4(), baseline_v5());
        assert_eq!(v4.downstream.resin_mode, ResinMode::Amortised);
        assert_eq!(v5.downstream.resin_mode, default_resin_mode(Phase::Clinical));
        let mut back = v5.clone();
        crate::legacy::fill_v4(&mut back);
        back.downstream.resin_mode = ResinMode::Amortised;
        assert_eq!(back, v4);
    }
}
