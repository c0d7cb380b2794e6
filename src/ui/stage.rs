//! Start-up in steps: the first drawing task draws the page's frame and toolbar, the next its
//! headline, and the rest of the page (the footer, then the form one section at a time)
//! follows in tasks of its own, after the frame that shows the headline. On a slow phone one
//! task that built the whole page blocked input for several hundred milliseconds
//! (scripts/bench-page.mjs (f), Lighthouse's total blocking time); short tasks let the browser
//! paint the first result and answer a tap in between. ARCHITECTURE.md, "Start-up in short
//! tasks".

use crate::steps::step_per_task;
use leptos::prelude::*;
use std::time::Duration;

/// How far start-up has come: 0 while the page's frame and toolbar are drawn, then one more
/// per task, up to [`Stage::LAST`].
#[derive(Clone, Copy)]
pub struct Stage(RwSignal<usize>);

impl Stage {
    /// The headline figures, in the task after the one that draws the page's frame and
    /// toolbar: together they were the longest task of start-up (about 165 ms with the CPU
    /// slowed 4x, Lighthouse), and drawn below the toolbar they move nothing.
    pub const HEADLINE: usize = 1;
    /// The footer, and the address's link kept in step with the scenario (`app::AddressSync`).
    pub const PAGE: usize = 2;
    /// The form's first section; its five sections follow one per step, up to [`Stage::LAST`]
    /// (the plan, the downstream section and the rate card come with the deferred module),
    /// the seed train's stages over [`Stage::SEED_STAGE_STEPS`] steps.
    pub const FORM: usize = 3;
    /// The seed-train section, with its first stages.
    pub const SEED_TRAIN: usize = Self::FORM + 2;
    /// The steps the seed train's stages are drawn in, [`Stage::STAGES_PER_STEP`] a step (the
    /// rest in the last): a train of six stages drawn in one task was the longest task of the
    /// form (about 90 ms with the CPU slowed down 4x, scripts/bench-page.mjs (f)).
    pub const SEED_STAGE_STEPS: usize = 3;
    pub const STAGES_PER_STEP: usize = 2;
    pub const PRODUCTION: usize = Self::SEED_TRAIN + Self::SEED_STAGE_STEPS;
    pub const LAST: usize = Self::PRODUCTION + 1;

    /// Draws the headline in the next task, then starts the other steps
    /// (`crate::steps::step_per_task`) once the first result has been painted: the first waits
    /// for the frame that shows the headline (a task queued now would run before that frame
    /// and delay it), or for a timer in a tab opened in the background, where no frame comes:
    /// whichever is first.
    pub fn start() -> Self {
        let counter = RwSignal::new(0);
        let begun = StoredValue::new(false);
        let begin = move || {
            if begun.try_update_value(|b| std::mem::replace(b, true)) == Some(false) {
                step_per_task(counter, Self::LAST);
            }
        };
        set_timeout(
            move || {
                if counter.try_set(Self::HEADLINE).is_none() {
                    request_animation_frame(begin);
                    set_timeout(begin, Duration::from_millis(100));
                }
            },
            Duration::ZERO,
        );
        Self(counter)
    }

    /// A stage already at its end: for a part of the page mounted on its own (tests).
    pub fn done() -> Self {
        Self(RwSignal::new(Self::LAST))
    }

    /// How many of the seed train's stages are drawn by now (reactive): none before its
    /// section, then [`Stage::STAGES_PER_STEP`] more a step, all in the last.
    pub fn seed_stages_drawn(self) -> impl Fn() -> usize + Copy + Send + Sync + 'static {
        move || match self.0.get().checked_sub(Self::SEED_TRAIN) {
            None => 0,
            Some(n) if n + 1 < Self::SEED_STAGE_STEPS => (n + 1) * Self::STAGES_PER_STEP,
            Some(_) => usize::MAX,
        }
    }

    /// Whether the part drawn at `step` is drawn yet (reactive).
    pub fn reached(self, step: usize) -> impl Fn() -> bool + Copy + Send + Sync + 'static {
        move || self.0.get() >= step
    }
}
