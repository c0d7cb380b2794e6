//! What editing a scenario does, as rules on the data (Leptos's `todomvc` keeps them as
//! methods on its data type): rate overrides, what follows the phase, the plan's
//! dependencies, adding, removing and moving seed stages and feeds, and the seed-train
//! redesign. The form only calls these, so each rule is tested natively here. The keys of
//! every choice the form offers, and the value a field takes when its kind changes, are in
//! [`choice`] (re-exported here).

mod choice;
pub use choice::*;

use crate::facility::{FacilityProfile, Rate};
use crate::scenario::{
    default_resin_mode, default_success_pct, Feed, FeedAmount, Phase, Scenario, StageEnd, StepKind,
};
use crate::seed_train::design_seed_train;
use crate::validate::limits;

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

    /// Makes the plan's step `step` start (or no longer start) after `other`. False when the
    /// added dependency would make `step` wait for itself (then nothing changes) or a step is
    /// not in the plan. Taking a dependency away always works, even one the form would not
    /// have made: a step that follows itself (from a link or a file) can then be mended.
    pub fn set_step_after(&mut self, step: StepKind, other: StepKind, after: bool) -> bool {
        let Some(i) = self.plan.steps.iter().position(|p| p.step == step) else { return false };
        if !after {
            self.plan.steps[i].after.retain(|k| *k != other);
            return true;
        }
        if step == other || self.plan.step(other).is_none() {
            return false;
        }
        let list = &mut self.plan.steps[i].after;
        if list.contains(&other) {
            return true;
        }
        list.push(other);
        // Kept in plan order, so that the link and the file read the same way.
        crate::small_sort::sort_small_by(list, |a, b| a.index() > b.index());
        if crate::validate::leads_back_to(&self.plan, step) {
            self.plan.steps[i].after.retain(|k| *k != other);
            return false;
        }
        true
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
    fn a_step_that_follows_itself_can_be_mended() {
        // As a link or a file can carry it: the review waits for itself.
        let mut s = Scenario::default();
        s.plan.steps[0].after = vec![StepKind::TransferReview];
        let f = FacilityProfile::current();
        let cycle = |s: &Scenario| {
            crate::validate::validate(s, &f).iter().any(|e| {
                e.field == "plan.steps[0].after"
                    && matches!(e.problem, crate::Problem::DependencyCycle { .. })
            })
        };
        assert!(cycle(&s));
        // While it does, no other dependency can be added to it (that would keep the loop).
        assert!(!s.set_step_after(StepKind::TransferReview, StepKind::RawMaterials, true));
        // Unticked, the loop and its message are gone.
        assert!(s.set_step_after(StepKind::TransferReview, StepKind::TransferReview, false));
        assert!(s.plan.steps[0].after.is_empty());
        assert!(!cycle(&s));
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
