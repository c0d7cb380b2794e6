//! Key assumptions for the printed one-page summary: which groups of inputs the client
//! entered and which are still the defaults.

use crate::i18n::*;
use crate::model::Scenario;

/// The groups of inputs, in the order of the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputGroup {
    Program,
    Plan,
    CellLine,
    SeedTrain,
    Production,
    Downstream,
    Schedule,
    Rates,
}

/// The groups in which any input differs from the defaults (the scenario's name is not an
/// assumption and is left out).
pub fn changed_groups(s: &Scenario, d: &Scenario) -> Vec<InputGroup> {
    use InputGroup::*;
    [
        (Program, s.program != d.program),
        (Plan, s.plan != d.plan),
        (CellLine, s.cell_line != d.cell_line),
        (SeedTrain, s.seed_train != d.seed_train),
        (Production, s.production != d.production),
        (Downstream, s.downstream != d.downstream),
        (Schedule, s.schedule != d.schedule),
        (Rates, s.rate_overrides != d.rate_overrides),
    ]
    .into_iter()
    .filter_map(|(g, changed)| changed.then_some(g))
    .collect()
}

pub fn group_name(locale: Locale, g: InputGroup) -> &'static str {
    match g {
        InputGroup::Program => td_string!(locale, sec_program),
        InputGroup::Plan => td_string!(locale, sec_plan),
        InputGroup::CellLine => td_string!(locale, sec_cell_line),
        InputGroup::SeedTrain => td_string!(locale, sec_seed_train),
        InputGroup::Production => td_string!(locale, sec_production),
        InputGroup::Downstream => td_string!(locale, sec_downstream),
        InputGroup::Schedule => td_string!(locale, sec_schedule),
        InputGroup::Rates => td_string!(locale, sec_rates),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_exactly_the_changed_groups() {
        let d = Scenario::default();
        assert!(changed_groups(&d, &d).is_empty());
        let mut s = d.clone();
        s.name = "Client X".into();
        assert!(changed_groups(&s, &d).is_empty());
        s.production.titer_g_per_l = 5.0;
        s.seed_train[2].working_volume_l = 3.0;
        assert_eq!(changed_groups(&s, &d), vec![InputGroup::SeedTrain, InputGroup::Production]);
    }
}
