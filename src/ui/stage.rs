//! Start-up in steps: the first drawing task draws the page's frame, toolbar and headline, and
//! the rest of the page (the print header and footer, then the form one section at a time)
//! follows in tasks of its own, after the frame that shows the headline. On a slow phone one
//! task that built the whole page blocked input for several hundred milliseconds
//! (scripts/bench-page.mjs (f), Lighthouse's total blocking time); short tasks let the browser
//! paint the first result and answer a tap in between. ARCHITECTURE.md, "Start-up in short
//! tasks".

use leptos::prelude::*;
use std::time::Duration;

/// How far start-up has come: 0 while the headline is drawn, then one more per task, up to
/// [`Stage::LAST`].
#[derive(Clone, Copy)]
pub struct Stage(RwSignal<u8>);

impl Stage {
    /// The print header and footer (1), then the form's seven sections (2 to 8).
    pub const LAST: u8 = 8;

    /// Starts the steps once the first result has been painted: each step's task schedules
    /// the next one, so that they run in order, one per task, whatever else the page has
    /// queued.
    pub fn start() -> Self {
        let stage = Self(RwSignal::new(0));
        fn next(stage: Stage) {
            set_timeout(
                move || {
                    // (`try_update`: nothing, rather than a panic, once the page is gone.)
                    let now = stage.0.try_update(|s| {
                        *s += 1;
                        *s
                    });
                    if matches!(now, Some(done) if done < Stage::LAST) {
                        next(stage);
                    }
                },
                Duration::ZERO,
            );
        }
        // The first step waits for the frame that shows the headline (a task queued now
        // would run before that frame and delay it), or for a timer in a tab opened in the
        // background, where no frame comes: whichever is first.
        let begun = StoredValue::new(false);
        let begin = move || {
            if begun.try_update_value(|b| std::mem::replace(b, true)) == Some(false) {
                next(stage);
            }
        };
        request_animation_frame(begin);
        set_timeout(begin, Duration::from_millis(100));
        stage
    }

    /// A stage already at its end: for a part of the page mounted on its own (tests).
    pub fn done() -> Self {
        Self(RwSignal::new(Self::LAST))
    }

    /// Whether the part drawn at `step` is drawn yet (reactive).
    pub fn reached(self, step: u8) -> impl Fn() -> bool + Copy + Send + Sync + 'static {
        move || self.0.get() >= step
    }
}
