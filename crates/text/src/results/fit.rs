//! The facility-fit section: failures first, then warnings; the checks that pass folded.

use super::*;

pub(super) fn fit_block(c: &Ctx) -> Block {
    let mut b = Block::new("fit", td_string!(c.locale, sec_fit));
    let stages = c.e.seed_train.len();
    // Failures first, then warnings, then passes, each in the model's order (three passes over
    // a dozen checks: a sort would add about 3 KB to the deferred module's WebAssembly).
    let (passes, problems): (Vec<_>, Vec<_>) = [FitStatus::Fail, FitStatus::Warning, FitStatus::Pass]
        .into_iter()
        .flat_map(|status| c.e.fit.iter().filter(move |i| i.status == status))
        .map(|i| {
            (
                status_class(i.status),
                status_text(c.locale, i.status).to_string(),
                fit_text(c.locale, &i.check, c.f, stages),
            )
        })
        .partition(|(class, _, _)| *class == "pass");
    b.list = problems;
    // Checks that pass are folded, so that what needs attention stands out.
    if !passes.is_empty() {
        b.folded = Some((tf!(c.locale, fit_passes, count = passes.len()), passes));
    }
    b
}
