//! The choices the form offers as `<select>`s, each with a stable key (`Choice`), and what a
//! value becomes when the user picks another kind (`with_kind`: a target in batches or
//! grams, a stage ending at a density or after days, batch or perfusion, a feed in percent or
//! litres). Only the form reads them (the links and files have keys of their own); the rules
//! for the scenario itself are in [`crate::edit`].

use crate::scenario::{
    CampaignTarget, FeedAmount, Modality, Phase, PlanAnchor, ResinMode, StageEnd, StageMode,
};

/// A closed set of choices (a `<select>`): each has a stable key, used in the form and in
/// tests. An unknown key is refused (`None`), never mapped to some default.
pub trait Choice: Copy + PartialEq + Sized + 'static {
    const ALL: &'static [Self];
    fn key(self) -> &'static str;
    fn from_key(key: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.key() == key)
    }
}

macro_rules! choices {
    ($ty:ty { $($variant:ident => $key:literal),+ $(,)? }) => {
        impl Choice for $ty {
            const ALL: &'static [Self] = &[$(<$ty>::$variant),+];
            fn key(self) -> &'static str {
                match self {
                    $(<$ty>::$variant => $key),+
                }
            }
        }
    };
}

choices!(Modality { Mab => "mab", Bispecific => "bispecific", FcFusion => "fc_fusion", Other => "other" });
choices!(Phase { Tox => "tox", Clinical => "clinical", PpqCommercial => "ppq_commercial" });
choices!(ResinMode { Amortised => "amortised", DedicatedToCampaign => "dedicated" });
choices!(PlanAnchor { Kickoff => "kickoff", FirstGmpThaw => "first_thaw" });

/// What a campaign target counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TargetKind {
    Batches,
    DrugSubstanceG,
}
choices!(TargetKind { Batches => "batches", DrugSubstanceG => "grams" });

/// How a seed stage ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StageEndKind {
    SplitDensity,
    FixedDays,
}
choices!(StageEndKind { SplitDensity => "split_density", FixedDays => "fixed_days" });

/// How a seed stage is run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StageModeKind {
    Batch,
    Perfusion,
}
choices!(StageModeKind { Batch => "batch", Perfusion => "perfusion" });

/// How a feed's amount is given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FeedAmountKind {
    PercentOfInitial,
    FixedVolume,
}
choices!(FeedAmountKind { PercentOfInitial => "pct", FixedVolume => "fixed" });

impl CampaignTarget {
    pub fn kind(self) -> TargetKind {
        match self {
            CampaignTarget::Batches { .. } => TargetKind::Batches,
            CampaignTarget::DrugSubstanceG { .. } => TargetKind::DrugSubstanceG,
        }
    }

    /// The target after the user picks `kind`: unchanged when it already is of that kind,
    /// otherwise the kind's starting value (3 batches, a common first GMP campaign; or 10 kg,
    /// illustrative: about three default batches).
    pub fn with_kind(self, kind: TargetKind) -> Self {
        match (kind, self) {
            (TargetKind::Batches, CampaignTarget::DrugSubstanceG { .. }) => {
                CampaignTarget::Batches { count: 3 }
            }
            (TargetKind::DrugSubstanceG, CampaignTarget::Batches { .. }) => {
                CampaignTarget::DrugSubstanceG { grams: 10_000.0 }
            }
            (_, same) => same,
        }
    }
}

impl StageEnd {
    pub fn kind(self) -> StageEndKind {
        match self {
            StageEnd::SplitDensity { .. } => StageEndKind::SplitDensity,
            StageEnd::FixedDays { .. } => StageEndKind::FixedDays,
        }
    }

    /// The stage end after the user picks `kind`: unchanged when already of that kind,
    /// otherwise 3 days (passages every 2-4 days) or a split at 4.0 x10^6 cells/mL (seed
    /// splits at 2-5 x10^6; DOMAIN.md).
    pub fn with_kind(self, kind: StageEndKind) -> Self {
        match (kind, self) {
            (StageEndKind::FixedDays, StageEnd::SplitDensity { .. }) => StageEnd::FixedDays { days: 3 },
            (StageEndKind::SplitDensity, StageEnd::FixedDays { .. }) => {
                StageEnd::SplitDensity { density_e6_per_ml: 4.0 }
            }
            (_, same) => same,
        }
    }
}

impl StageMode {
    pub fn kind(self) -> StageModeKind {
        match self {
            StageMode::Batch => StageModeKind::Batch,
            StageMode::Perfusion { .. } => StageModeKind::Perfusion,
        }
    }

    /// The mode after the user picks `kind`: perfusion starts at 1 VVD (commonly 0.5-2).
    pub fn with_kind(self, kind: StageModeKind) -> Self {
        match (kind, self) {
            (StageModeKind::Perfusion, StageMode::Batch) => StageMode::Perfusion { vvd: 1.0 },
            (StageModeKind::Batch, StageMode::Perfusion { .. }) => StageMode::Batch,
            (_, same) => same,
        }
    }
}

impl FeedAmount {
    pub fn kind(self) -> FeedAmountKind {
        match self {
            FeedAmount::PercentOfInitial { .. } => FeedAmountKind::PercentOfInitial,
            FeedAmount::FixedVolume { .. } => FeedAmountKind::FixedVolume,
        }
    }

    /// The amount after the user picks `kind`: 3.6 % of V0 per feed day (Xu et al. 2020,
    /// Table 2), or 50 L per feed day (illustrative, about 3.6 % of a 1400 L V0).
    pub fn with_kind(self, kind: FeedAmountKind) -> Self {
        match (kind, self) {
            (FeedAmountKind::FixedVolume, FeedAmount::PercentOfInitial { .. }) => {
                FeedAmount::FixedVolume { litres: 50.0 }
            }
            (FeedAmountKind::PercentOfInitial, FeedAmount::FixedVolume { .. }) => {
                FeedAmount::PercentOfInitial { pct: 3.6 }
            }
            (_, same) => same,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trips<C: Choice + std::fmt::Debug>() {
        for &c in C::ALL {
            assert_eq!(C::from_key(c.key()), Some(c));
        }
        assert_eq!(C::from_key("no such choice"), None);
    }

    #[test]
    fn every_choice_has_a_unique_key_and_unknown_keys_are_refused() {
        round_trips::<Modality>();
        round_trips::<Phase>();
        round_trips::<ResinMode>();
        round_trips::<TargetKind>();
        round_trips::<StageEndKind>();
        round_trips::<StageModeKind>();
        round_trips::<FeedAmountKind>();
        round_trips::<PlanAnchor>();
    }

    #[test]
    fn changing_a_kind_starts_from_its_default_and_keeps_a_value_of_the_same_kind() {
        let five = CampaignTarget::Batches { count: 5 };
        assert_eq!(five.with_kind(TargetKind::Batches), five);
        assert_eq!(
            five.with_kind(TargetKind::DrugSubstanceG),
            CampaignTarget::DrugSubstanceG { grams: 10_000.0 }
        );
        assert_eq!(
            CampaignTarget::DrugSubstanceG { grams: 1.0 }.with_kind(TargetKind::Batches),
            CampaignTarget::Batches { count: 3 }
        );
        let split = StageEnd::SplitDensity { density_e6_per_ml: 3.0 };
        assert_eq!(split.with_kind(StageEndKind::SplitDensity), split);
        assert_eq!(split.with_kind(StageEndKind::FixedDays), StageEnd::FixedDays { days: 3 });
        assert_eq!(
            StageEnd::FixedDays { days: 4 }.with_kind(StageEndKind::SplitDensity),
            StageEnd::SplitDensity { density_e6_per_ml: 4.0 }
        );
        assert_eq!(StageMode::Batch.with_kind(StageModeKind::Perfusion), StageMode::Perfusion { vvd: 1.0 });
        assert_eq!(
            StageMode::Perfusion { vvd: 2.0 }.with_kind(StageModeKind::Perfusion),
            StageMode::Perfusion { vvd: 2.0 }
        );
        assert_eq!(StageMode::Perfusion { vvd: 2.0 }.with_kind(StageModeKind::Batch), StageMode::Batch);
        let pct = FeedAmount::PercentOfInitial { pct: 2.0 };
        assert_eq!(pct.with_kind(FeedAmountKind::FixedVolume), FeedAmount::FixedVolume { litres: 50.0 });
        assert_eq!(
            FeedAmount::FixedVolume { litres: 9.0 }.with_kind(FeedAmountKind::PercentOfInitial),
            FeedAmount::PercentOfInitial { pct: 3.6 }
        );
        assert_eq!(pct.with_kind(FeedAmountKind::PercentOfInitial), pct);
    }
}
