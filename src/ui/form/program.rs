//! The program section: scenario and product names, modality, phase, and what the campaign must deliver.

use super::{Section, TextField};
use crate::i18n::label;
use crate::i18n::*;
use crate::model::scenario::CampaignTarget;
use crate::model::validate::limits;
use crate::ui::field::{choice, form_items, num, opts, whole, NumLens, SelectField};
use leptos::prelude::*;
use ttc_text::labels::Unit;

#[component]
pub(super) fn ProgramSection() -> impl IntoView {
    let modality = opts(&[
        ("mab", |l| td_string!(l, modality_mab)),
        ("bispecific", |l| td_string!(l, modality_bispecific)),
        ("fc_fusion", |l| td_string!(l, modality_fc_fusion)),
        ("other", |l| td_string!(l, modality_other)),
    ]);
    let phase = opts(&[
        ("tox", |l| td_string!(l, phase_tox)),
        ("clinical", |l| td_string!(l, phase_clinical)),
        ("ppq_commercial", |l| td_string!(l, phase_ppq)),
    ]);
    let target =
        opts(&[("batches", |l| td_string!(l, target_batches)), ("grams", |l| td_string!(l, target_grams))]);
    let (modality_get, modality_set) = choice(|s| Some(s.program.modality), |s, m| s.program.modality = m);
    let (phase_get, phase_set) = choice(|s| Some(s.program.phase), |s, p| s.set_phase(p));
    let (target_get, target_set) =
        choice(|s| Some(s.program.target.kind()), |s, k| s.program.target = s.program.target.with_kind(k));
    view! {
        <Section id="sec-program" title=label(|l| td_string!(l, sec_program))>
            <TextField path="name" get=|s| s.name.clone() set=|s, v| s.name = v label=label(|l| td_string!(l, in_scenario_name)) />
            <TextField path="program.product_name" get=|s| s.program.product_name.clone() set=|s, v| s.program.product_name = v label=label(|l| td_string!(l, in_product_name)) />
            <SelectField path="program.modality" label=label(|l| td_string!(l, in_modality)) options=modality
                get=modality_get set=modality_set />
            <SelectField path="program.phase" label=label(|l| td_string!(l, in_phase)) options=phase
                get=phase_get set=phase_set />
            <SelectField path="program.target.kind" label=label(|l| td_string!(l, in_target_kind)) options=target
                get=target_get set=target_set />
            {form_items(vec![
                whole("program.target.count", Unit::Batches, limits::BATCHES, label(|l| td_string!(l, in_batches)), NumLens::new(
                        |s| match s.program.target { CampaignTarget::Batches { count } => Some(f64::from(count)), _ => None },
                        |s, v| s.program.target = CampaignTarget::Batches { count: v as u32 })),
                num("program.target.grams", Unit::Grams, limits::DRUG_SUBSTANCE_G, label(|l| td_string!(l, in_grams)), NumLens::new(
                        |s| match s.program.target { CampaignTarget::DrugSubstanceG { grams } => Some(grams), _ => None },
                        |s, v| s.program.target = CampaignTarget::DrugSubstanceG { grams: v })),
            ])}
        </Section>
    }
}
