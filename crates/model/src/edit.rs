//! What editing a scenario does, as rules on the data (Leptos's `todomvc` keeps them as
//! methods on its data type): the value a field takes when its kind changes, the keys of
//! every choice the form offers, rate overrides, and the seed-train redesign. The form only
//! calls these, so each rule is tested natively here.
//!
//! Why one file: these are all methods of `Scenario` and the `Choice` keys they read, about
//! 300 lines, the rest their tests; a form section's edits are found in one place, and the
//! tests beside the rules they check (what follows the phase, the success rate and the resin
//! mode, is one method, `set_phase`).

use crate::facility::{FacilityProfile, Rate};
use crate::scenario::{
    default_resin_mode, default_success_pct, CampaignTarget, Feed, FeedAmount, Modality, Phase, PlanAnchor,
    ResinMode, Scenario, StageEnd, StageMode, StepKind,
};
use crate::seed_train::design_seed_train;
use crate::validate::limits;

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

impl Scenario {
    /// The value the scenario prices `rate` at: its own override, or the rate card's.
    pub fn rate(&self, rate: Rate, facility: &FacilityProfile) -> f64 {
        self.rate_overrides.get(&rate).copied().unwrap_or_else(|| facility.rates.get(rate))
    }

    /// Sets the scenario's value of `rate`. A value equal to the rate card's is no override:
    /// the scenario then follows the card (and its link stays short).
    pub fn set_rate(&mut self, rate: Rate, value: f64, facility: &FacilityProfile) {
        if facility.rates.get(rate) == value {
            self.rate_overrides.remove(&rate);
        } else {
            self.rate_overrides.insert(rate, value);
        }
    }

    /// Adds a seed stage after the last, a copy of it (the user then adjusts it), or the
    /// default train's first stage when the train is empty. False at the most stages allowed.
    pub fn add_seed_stage(&mut self) -> bool {
        if self.seed_train.len() >= limits::MAX_SEED_STAGES {
            return false;
        }
        let next = match self.seed_train.last() {
            Some(last) => last.clone(),
            None => Scenario::default().seed_train.swap_remove(0),
        };
        self.seed_train.push(next);
        true
    }

    /// Removes seed stage `i`; a train keeps at least one stage. False when nothing changed.
    pub fn remove_seed_stage(&mut self, i: usize) -> bool {
        if i >= self.seed_train.len() || self.seed_train.len() <= 1 {
            return false;
        }
        self.seed_train.remove(i);
        true
    }

    /// Swaps seed stages `i` and `j` (moving a stage up or down). False when either is out of
    /// the train.
    pub fn swap_seed_stages(&mut self, i: usize, j: usize) -> bool {
        if i >= self.seed_train.len() || j >= self.seed_train.len() {
            return false;
        }
        self.seed_train.swap(i, j);
        true
    }

    /// Adds a feed named `name` (the user's language's "Feed N"): 0.5 % of V0 per feed day
    /// (illustrative, a small supplement) on no day yet. False at the most feeds allowed.
    pub fn add_feed(&mut self, name: String) -> bool {
        if self.production.feeds.len() >= limits::MAX_FEEDS {
            return false;
        }
        self.production.feeds.push(Feed {
            name,
            amount: FeedAmount::PercentOfInitial { pct: 0.5 },
            days: vec![],
        });
        true
    }

    /// Removes feed `i`. False when there is no such feed.
    pub fn remove_feed(&mut self, i: usize) -> bool {
        if i >= self.production.feeds.len() {
            return false;
        }
        self.production.feeds.remove(i);
        true
    }

    /// Sets the phase. A batch success rate still at the old phase's illustrative default
    /// follows to the new phase's, and so does a resin mode still at the old phase's
    /// (dedicated for tox and clinical supply, amortised for commercial); what the client
    /// chose stays.
    pub fn set_phase(&mut self, phase: Phase) {
        if self.plan.batch_success_pct == default_success_pct(self.program.phase) {
            self.plan.batch_success_pct = default_success_pct(phase);
        }
        if self.downstream.resin_mode == default_resin_mode(self.program.phase) {
            self.downstream.resin_mode = default_resin_mode(phase);
        }
        self.program.phase = phase;
    }

    /// Makes the plan's step `step` start (or no longer start) after `other`. False when it
    /// would wait for itself (then nothing changes) or either step is not in the plan.
    pub fn set_step_after(&mut self, step: StepKind, other: StepKind, after: bool) -> bool {
        if step == other || self.plan.step(other).is_none() {
            return false;
        }
        let Some(i) = self.plan.steps.iter().position(|p| p.step == step) else { return false };
        let list = &mut self.plan.steps[i].after;
        match (after, list.contains(&other)) {
            (true, false) => {
                list.push(other);
                // Kept in plan order, so that the link and the file read the same way.
                crate::small_sort::sort_small_by(list, |a, b| a.index() > b.index());
                if crate::validate::leads_back_to(&self.plan, step) {
                    self.plan.steps[i].after.retain(|k| *k != other);
                    return false;
                }
                true
            }
            (false, true) => {
                list.retain(|k| *k != other);
                true
            }
            _ => true,
        }
    }

    /// Replaces the seed train with one designed backwards from the production bioreactor
    /// ([`design_seed_train`]). It keeps the client's own seeding and split densities when
    /// the last stage ends on a split density above its seeding; otherwise it uses the
    /// published conventional 0.5 -> 4.0 x10^6 cells/mL. False (nothing changed) when no
    /// train of the facility's vessels fits.
    pub fn redesign_seed_train(&mut self, facility: &FacilityProfile) -> bool {
        let (seeding, split) = match self.seed_train.last().map(|st| (st.seeding_density_e6_per_ml, st.end)) {
            Some((x0, StageEnd::SplitDensity { density_e6_per_ml })) if density_e6_per_ml > x0 => {
                (x0, density_e6_per_ml)
            }
            _ => (0.5, 4.0),
        };
        let excess = self.seed_rules.transfer_excess_pct;
        let designed = design_seed_train(&self.production, &self.cell_line, facility, seeding, split, excess);
        if designed.is_empty() {
            return false;
        }
        self.seed_train = designed;
        true
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
    fn the_success_rate_follows_the_phase_until_the_client_enters_one() {
        let mut s = Scenario::default();
        assert_eq!(s.plan.batch_success_pct, 90.0);
        s.set_phase(Phase::PpqCommercial);
        assert_eq!(s.plan.batch_success_pct, 95.0);
        s.plan.batch_success_pct = 97.5;
        s.set_phase(Phase::Tox);
        assert_eq!((s.program.phase, s.plan.batch_success_pct), (Phase::Tox, 97.5));
    }

    #[test]
    fn a_dependency_that_would_close_a_loop_is_refused() {
        let mut s = Scenario::default();
        // Methods follow the review; the review cannot then follow methods.
        assert!(!s.set_step_after(StepKind::TransferReview, StepKind::MethodTransfer, true));
        assert!(s.plan.steps[0].after.is_empty());
        assert!(!s.set_step_after(StepKind::Ppq, StepKind::Ppq, true));
        // Small-scale runs after raw materials, in plan order in the list.
        assert!(s.set_step_after(StepKind::SmallScale, StepKind::RawMaterials, true));
        assert_eq!(s.plan.steps[4].after, [StepKind::TransferReview, StepKind::RawMaterials]);
        assert!(s.set_step_after(StepKind::SmallScale, StepKind::TransferReview, false));
        assert_eq!(s.plan.steps[4].after, [StepKind::RawMaterials]);
        // Added back after a later step, it still comes first in the list.
        assert!(s.set_step_after(StepKind::SmallScale, StepKind::TransferReview, true));
        assert_eq!(s.plan.steps[4].after, [StepKind::TransferReview, StepKind::RawMaterials]);
        // A list out of plan order (a file written by hand) comes back in plan order.
        s.plan.steps[4].after = vec![StepKind::RawMaterials, StepKind::TransferReview];
        assert!(s.set_step_after(StepKind::SmallScale, StepKind::MethodTransfer, true));
        assert_eq!(
            s.plan.steps[4].after,
            [StepKind::TransferReview, StepKind::MethodTransfer, StepKind::RawMaterials]
        );
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

    #[test]
    fn a_rate_equal_to_the_card_is_no_override() {
        let f = FacilityProfile::current();
        let mut s = Scenario::default();
        let card = f.rates.get(Rate::BufferPerL);
        s.set_rate(Rate::BufferPerL, card + 1.0, &f);
        assert_eq!(s.rate(Rate::BufferPerL, &f), card + 1.0);
        assert_eq!(s.rate_overrides.len(), 1);
        s.set_rate(Rate::BufferPerL, card, &f);
        assert!(s.rate_overrides.is_empty());
        assert_eq!(s.rate(Rate::BufferPerL, &f), card);
    }

    #[test]
    fn seed_stages_and_feeds_are_added_removed_and_moved_within_limits() {
        let mut s = Scenario::default();
        let n = s.seed_train.len();
        assert!(s.add_seed_stage());
        assert_eq!(s.seed_train.len(), n + 1);
        assert_eq!(s.seed_train[n], s.seed_train[n - 1], "a copy of the last stage");
        let (first, second) = (s.seed_train[0].clone(), s.seed_train[1].clone());
        assert!(s.swap_seed_stages(0, 1));
        assert_eq!((&s.seed_train[0], &s.seed_train[1]), (&second, &first));
        assert!(!s.swap_seed_stages(0, n + 1));
        assert!(s.remove_seed_stage(0));
        assert!(!s.remove_seed_stage(99));
        while s.seed_train.len() > 1 {
            assert!(s.remove_seed_stage(0));
        }
        assert!(!s.remove_seed_stage(0), "a train keeps one stage");
        while s.seed_train.len() < limits::MAX_SEED_STAGES {
            assert!(s.add_seed_stage());
        }
        assert!(!s.add_seed_stage(), "no more than the most stages allowed");
        s.seed_train.clear();
        assert!(s.add_seed_stage());
        assert_eq!(s.seed_train, Scenario::default().seed_train[..1]);

        let feeds = s.production.feeds.len();
        assert!(s.add_feed("Feed 2".into()));
        assert_eq!(s.production.feeds[feeds].name, "Feed 2");
        assert_eq!(s.production.feeds[feeds].amount, FeedAmount::PercentOfInitial { pct: 0.5 });
        assert!(s.remove_feed(feeds));
        assert!(!s.remove_feed(feeds));
        while s.production.feeds.len() < limits::MAX_FEEDS {
            assert!(s.add_feed("x".into()));
        }
        assert!(!s.add_feed("one too many".into()));
    }

    #[test]
    fn redesign_keeps_the_clients_densities_of_a_split_density_train() {
        let f = FacilityProfile::current();
        let mut s = Scenario::default();
        // The default N-1 seeds at 0.5 and splits at 4.0 x10^6/mL: the redesigned train
        // keeps them, so every stage but the first (seeded from a vial) seeds at 0.5.
        assert!(s.redesign_seed_train(&f));
        assert!(s.seed_train.iter().skip(1).all(|st| st.seeding_density_e6_per_ml == 0.5));
        assert!(s.seed_train.iter().all(|st| st.end == StageEnd::SplitDensity { density_e6_per_ml: 4.0 }));
        // A train ending on fixed days falls back to the published 0.5 -> 4.0.
        let mut fixed = Scenario::default();
        if let Some(last) = fixed.seed_train.last_mut() {
            last.seeding_density_e6_per_ml = 0.8;
            last.end = StageEnd::FixedDays { days: 4 };
        }
        assert!(fixed.redesign_seed_train(&f));
        assert!(fixed
            .seed_train
            .iter()
            .all(|st| st.end == StageEnd::SplitDensity { density_e6_per_ml: 4.0 }));
    }
}
