//! Work spread over tasks: a counter that goes up by one per main-thread task, for parts of
//! the page drawn one per task at start-up (`ui::stage` in the page, `deferred::Details` in the
//! deferred module). Several short tasks instead of one long one let the browser paint and
//! answer a tap in between (ARCHITECTURE.md, "Start-up in short tasks").

use leptos::prelude::*;
use std::time::Duration;

/// Raises `counter` by one per task until it reaches `last`. Each step's task schedules the
/// next, so the steps run in order, one per task, whatever else is queued. Once the counter is
/// disposed (its part of the page gone), the steps stop instead of panicking.
pub fn step_per_task(counter: RwSignal<usize>, last: usize) {
    set_timeout(
        move || {
            let now = counter.try_update(|n| {
                *n += 1;
                *n
            });
            if matches!(now, Some(n) if n < last) {
                step_per_task(counter, last);
            }
        },
        Duration::ZERO,
    );
}
