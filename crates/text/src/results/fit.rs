//! The facility-fit section: failures first, then warnings; the checks that pass folded.

use super::*;

pub(super) fn fit_block(c: &Ctx) -> Block {
    let mut b = Block::new("fit", td_string!(c.locale, sec_fit));
    let stages = c.e.seed_train.len();
    // Failures first, then warnings, then passes, each in the model's order: one pass per
    // rank over a dozen checks (a sort would add about 3 KB to the deferred module's
    // WebAssembly). The match makes a new status take a rank.
    let rank = |status: FitStatus| match status {
        FitStatus::Fail => 0,
        FitStatus::Warning => 1,
        FitStatus::Pass => 2,
    };
    let (passes, problems): (Vec<_>, Vec<_>) = (0..3)
        .flat_map(|r| c.e.fit.iter().filter(move |i| rank(i.status) == r))
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

#[cfg(test)]
mod tests {
    use super::*;
    use ttc_model::estimate;

    #[test]
    fn failures_come_first_then_warnings_each_in_the_models_order_and_passes_are_folded() {
        let s = Scenario::default();
        let f = &FacilityProfile::current();
        let mut e = estimate(&s, f).expect("the default scenario is valid");
        assert!(e.fit.len() >= 4, "the default has at least four fit checks");
        // The first four checks, given the statuses pass, warning, fail, warning.
        e.fit.truncate(4);
        for (item, status) in
            e.fit.iter_mut().zip([FitStatus::Pass, FitStatus::Warning, FitStatus::Fail, FitStatus::Warning])
        {
            item.status = status;
        }
        let text = |i: usize| fit_text(Locale::en, &e.fit[i].check, f, e.seed_train.len());
        let c = Ctx { e: &e, s: &s, f, locale: Locale::en, prefs: Prefs::default() };
        let b = fit_block(&c);
        let listed: Vec<(&str, &str)> = b.list.iter().map(|(class, _, t)| (*class, t.as_str())).collect();
        assert_eq!(
            listed,
            [("fail", text(2).as_str()), ("warning", text(1).as_str()), ("warning", text(3).as_str())]
        );
        let (_, folded) = b.folded.expect("the passing check is folded");
        assert_eq!(
            folded.iter().map(|(class, _, t)| (*class, t.clone())).collect::<Vec<_>>(),
            [("pass", text(0))]
        );
    }
}
