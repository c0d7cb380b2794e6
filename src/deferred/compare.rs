//! The comparison of two or three saved scenarios, as a results table.

use crate::i18n::*;
use crate::model::downstream::DsStep;
use crate::model::link;
use crate::model::program::MilestoneKind;
use crate::model::scenario::{AdditionKind, FeedAmount, Modality, PlanAnchor, Scenario, StageEnd, StageMode};
use crate::model::{estimate, Estimate, FacilityProfile};
use ttc_text::format::Prefs;
use ttc_text::format::{format_date, format_days, format_money, format_number, format_short};
use ttc_text::labels::{addition_name, lang, local, rate_name, step_kind_name, step_name, vessel_name};
use ttc_text::results::{Cell, Row, Table};

/// What a compared scenario shows.
struct Compared {
    scenario: Scenario,
    facility: FacilityProfile,
    estimate: Option<Estimate>,
}

fn open_for_compare(text: &str) -> Option<Compared> {
    let opened = link::decode(text).ok()?;
    let facility = FacilityProfile::priced_with(&opened.facility_profile).0;
    let estimate = estimate(&opened.scenario, &facility).ok();
    Some(Compared { scenario: opened.scenario, facility, estimate })
}

/// Compares two or three saved scenarios (their links): headline figures with their
/// differences from the first, then every input that differs (rows of class `differs`).
pub fn compare_table(l: Locale, prefs: Prefs, links: &[String]) -> Table {
    let items: Vec<Compared> = links.iter().filter_map(|t| open_for_compare(t)).collect();
    let money = |v: f64| format_money(v * prefs.rate(), prefs.currency);
    let signed = |text: String, positive: bool| if positive { format!("+{text}") } else { text };
    // (label, value of each, text of each): differences in money, grams or days.
    type Figure = (&'static str, Vec<Option<f64>>, fn(f64, &dyn Fn(f64) -> String) -> String);
    let figure =
        |f: fn(&Estimate) -> Option<f64>| items.iter().map(|c| c.estimate.as_ref().and_then(f)).collect();
    let figures: Vec<Figure> = vec![
        (td_string!(l, h_batch_cost), figure(|e| Some(e.cost.per_batch)), |v, m| m(v)),
        (td_string!(l, h_per_gram), figure(|e| e.cost.per_gram), |v, m| m(v)),
        (td_string!(l, h_ds), figure(|e| Some(e.downstream.drug_substance_g)), |v, _| {
            format!("{} g", format_number(v, 0))
        }),
        (td_string!(l, cmp_batches), figure(|e| Some(f64::from(e.cost.batches))), |v, _| format_number(v, 0)),
        (td_string!(l, cmp_campaign), figure(|e| Some(e.cost.campaign)), |v, m| m(v)),
        (td_string!(l, h_program), figure(|e| Some(e.program_cost.price_usd)), |v, m| m(v)),
    ];
    let mut rows: Vec<(String, Vec<String>, bool)> = Vec::new();
    for (label, values, show) in figures {
        let first = values.first().copied().flatten();
        let cells = values
            .iter()
            .enumerate()
            .map(|(i, v)| match (v, first) {
                (Some(v), Some(f)) if i > 0 && *v != f => {
                    let pct = if f != 0.0 {
                        format!(" ({}%)", signed(format_number((v - f) / f * 100.0, 1), v > &f))
                    } else {
                        String::new()
                    };
                    format!("{} · {}{pct}", show(*v, &money), signed(show(v - f, &money), v > &f))
                }
                (Some(v), _) => show(*v, &money),
                (None, _) => "—".to_string(),
            })
            .collect();
        let differ = values.windows(2).any(|w| w[0] != w[1]);
        rows.push((label.to_string(), cells, differ));
    }
    let dates =
        |f: fn(&Estimate) -> crate::model::date::CivilDate| -> Vec<Option<crate::model::date::CivilDate>> {
            items.iter().map(|c| c.estimate.as_ref().map(f)).collect()
        };
    let first_release = |e: &Estimate| {
        e.program.milestone(MilestoneKind::FirstBatchRelease).map_or(e.timeline.release_date, |m| m.date)
    };
    for (label, values) in [
        (td_string!(l, in_kickoff), dates(|e| e.program.kickoff_date)),
        (td_string!(l, h_harvest), dates(|e| e.timeline.harvest_date)),
        (td_string!(l, h_first_release), dates(first_release)),
        (td_string!(l, cmp_last_release), dates(|e| e.campaign.last_release_date)),
    ] {
        let first = values.first().copied().flatten();
        let cells = values
            .iter()
            .enumerate()
            .map(|(i, v)| match (v, first) {
                (Some(d), Some(f)) if i > 0 && *d != f => {
                    let days = f.days_until(*d);
                    format!(
                        "{} · {}",
                        format_date(*d, lang(l)),
                        tf!(l, cmp_days, days = signed(days.to_string(), days > 0))
                    )
                }
                (Some(d), _) => format_date(*d, lang(l)),
                (None, _) => "—".to_string(),
            })
            .collect();
        rows.push((label.to_string(), cells, values.windows(2).any(|w| w[0] != w[1])));
    }
    let texts: Vec<Vec<(&'static str, String)>> =
        items.iter().map(|c| link::field_texts(&c.scenario)).collect();
    let mut inputs: Vec<(String, Vec<String>)> = Vec::new();
    // The rate card is an input too: it explains cost differences no other input does.
    if items.windows(2).any(|w| w[0].facility.id != w[1].facility.id) {
        inputs.push((
            td_string!(l, csv_rate_card).to_string(),
            items.iter().map(|c| local(l, &c.facility.name).to_string()).collect(),
        ));
    }
    if let Some(first) = texts.first() {
        for (k, (path, _)) in first.iter().enumerate() {
            if texts.iter().any(|t| t[k].1 != first[k].1) {
                let cells = items.iter().map(|c| input_value(l, c, path)).collect();
                inputs.push((input_label(l, path), cells));
            }
        }
    }
    let row = |class: &'static str, label: String, cells: Vec<String>, numeric: bool| Row {
        class,
        id: "",
        cells: std::iter::once(Cell::Head(label))
            .chain(cells.into_iter().map(|c| if numeric { Cell::Num(c) } else { Cell::Text(c) }))
            .collect(),
    };
    let mut head = vec![(td_string!(l, compare_field).to_string(), false)];
    head.extend(items.iter().map(|c| (c.scenario.name.clone(), true)));
    let mut table = Table { class: "compare-table", head, rows: Vec::new(), foot: Vec::new() };
    for (label, cells, differ) in rows {
        table.rows.push(row(if differ { "differs" } else { "" }, label, cells, true));
    }
    table.rows.push(row("group", td_string!(l, compare_inputs).to_string(), Vec::new(), false));
    for (label, cells) in inputs {
        table.rows.push(row("differs", label, cells, false));
    }
    table
}

/// A scenario field's name for the comparison: its section and its label on the form.
fn input_label(l: Locale, path: &str) -> String {
    let (group, field) = path.split_once('.').unwrap_or((path, ""));
    let section = match group {
        "program" => td_string!(l, sec_program),
        "cell_line" => td_string!(l, sec_cell_line),
        "production" => td_string!(l, sec_production),
        "downstream" => td_string!(l, sec_downstream),
        "schedule" => td_string!(l, sec_schedule),
        "plan" => td_string!(l, sec_plan),
        "seed_train" => return td_string!(l, sec_seed_train).to_string(),
        "rate_overrides" => return td_string!(l, sec_rates).to_string(),
        _ => return td_string!(l, in_scenario_name).to_string(),
    };
    let name = match field {
        "product_name" => td_string!(l, in_product_name),
        "modality" => td_string!(l, in_modality),
        "phase" => td_string!(l, in_phase),
        "target" => td_string!(l, in_target_kind),
        "doubling_time_h" => td_string!(l, in_doubling_time),
        "lag_h" => td_string!(l, in_lag),
        "cells_per_vial_e6" => td_string!(l, in_cells_per_vial),
        "post_thaw_viability_pct" => td_string!(l, in_viability),
        "vessel_id" => td_string!(l, in_vessel),
        "initial_volume_l" => td_string!(l, in_initial_volume),
        "seeding_density_e6_per_ml" => td_string!(l, in_seeding_density),
        "duration_days" => td_string!(l, in_duration),
        "peak_density_e6_per_ml" => td_string!(l, in_peak_density),
        "feeds" => td_string!(l, cmp_feeds),
        "titer_g_per_l" => td_string!(l, in_titer),
        "daily_sample_l" => td_string!(l, in_daily_sample),
        "protein_a" => step_name(l, DsStep::ProteinA),
        "aex" => step_name(l, DsStep::Aex),
        "cex" => step_name(l, DsStep::Cex),
        "resin_mode" => td_string!(l, in_resin_mode),
        "media_overage_pct" => td_string!(l, in_media_overage),
        "buffer_overage_pct" => td_string!(l, in_buffer_overage),
        "thaw_date" => td_string!(l, in_thaw_date),
        "turnaround_days" => td_string!(l, in_turnaround),
        "downstream_days" => td_string!(l, in_downstream_days),
        "bulk_harvest_testing_days" => td_string!(l, in_bh_testing),
        "qc_release_days" => td_string!(l, in_qc_release),
        "qa_disposition_days" => td_string!(l, in_qa_disposition),
        "weekend_operations_allowed" => td_string!(l, in_weekends),
        "lines_used" => td_string!(l, in_lines_used),
        "line_utilisation_pct" => td_string!(l, in_utilisation),
        "rolling_seed_train" => td_string!(l, in_rolling),
        "max_cell_age_days" => td_string!(l, in_max_age),
        "avoid_closures" => td_string!(l, in_avoid_closures),
        "anchor" => td_string!(l, in_anchor),
        "kickoff_date" => td_string!(l, in_kickoff),
        "steps" => td_string!(l, cmp_steps),
        "analytical_methods" => td_string!(l, in_methods),
        "engineering_runs" => td_string!(l, in_engineering_runs),
        "ppq_batches" => td_string!(l, in_ppq_batches),
        "batch_success_pct" => td_string!(l, in_success),
        "tox_gmp_release" => td_string!(l, in_tox_gmp_release),
        "due_date" => td_string!(l, in_due_date),
        "dose_mg" => td_string!(l, in_dose),
        "headroom_pct" => td_string!(l, in_headroom),
        "other_steps_days" => td_string!(l, in_other_steps_days),
        "whole_filter_modules" => td_string!(l, in_whole_filter_modules),
        "dedicated_resin_over_program" => td_string!(l, in_resin_over_program),
        "downstream_days_from_work" => td_string!(l, in_downstream_days_from_work),
        "additions.base" => addition_name(l, AdditionKind::Base),
        "additions.glucose" => addition_name(l, AdditionKind::Glucose),
        "additions.antifoam" => addition_name(l, AdditionKind::Antifoam),
        "additions.evaporation_pct_per_day" => td_string!(l, in_evaporation),
        "culture.titer_from_qp" => td_string!(l, in_titer_from_qp),
        "culture.qp_pg_per_cell_day" => td_string!(l, in_qp),
        "culture.stationary_days" => td_string!(l, in_stationary_days),
        "culture.death_rate_per_day" => td_string!(l, in_death_rate),
        "culture.viability_pct" => td_string!(l, in_culture_viability),
        f if f.starts_with("protein_a.") => step_name(l, DsStep::ProteinA),
        f if f.starts_with("aex.") => step_name(l, DsStep::Aex),
        f if f.starts_with("cex.") => step_name(l, DsStep::Cex),
        f if f.starts_with("clarification.") => step_name(l, DsStep::Clarification),
        f if f.starts_with("low_ph.") => step_name(l, DsStep::LowPh),
        f if f.starts_with("virus_filtration.") => step_name(l, DsStep::VirusFiltration),
        f if f.starts_with("ufdf.") => step_name(l, DsStep::UfDf),
        _ => field,
    };
    let detail = match field.rsplit_once('.').map(|(_, f)| f) {
        Some("yield_pct") => td_string!(l, in_yield),
        Some("filter_loading_l_per_m2") => td_string!(l, in_depth_loading),
        Some("flush_l_per_m2") => td_string!(l, in_flush),
        Some("adjust_pct_of_volume") => td_string!(l, in_adjust),
        Some("loading_l_per_m2") => td_string!(l, in_vf_loading),
        Some("diafiltration_concentration_g_per_l") => td_string!(l, in_df_concentration),
        Some("diavolumes") => td_string!(l, in_diavolumes),
        Some("final_concentration_g_per_l") => td_string!(l, in_final_concentration),
        Some("safety_factor") => td_string!(l, in_safety_factor),
        Some("cycle_time_h") => td_string!(l, in_cycle_time),
        _ => return format!("{section} · {name}"),
    };
    format!("{section} · {name} · {detail}")
}

/// A scenario field's value for the comparison, in words and numbers a reader checks.
fn input_value(l: Locale, c: &Compared, path: &str) -> String {
    let s = &c.scenario;
    let chrom = |x: &crate::model::scenario::Chromatography| {
        // Every part, in the form's order, so that a row marked as differing shows where.
        format!(
            "{}% · {} g/L × {}% · {} L · ≤{} · {} CV · {} g/L · {}",
            format_short(x.yield_pct),
            format_short(x.capacity_g_per_l),
            format_short(x.load_fraction_pct),
            format_short(x.column_volume_l),
            x.max_cycles_per_batch,
            format_short(x.buffer_cv_per_cycle),
            format_short(x.pool_concentration_g_per_l),
            x.lifetime_cycles
        )
    };
    match path {
        "name" => s.name.clone(),
        "program.product_name" => s.program.product_name.clone(),
        "program.modality" => match s.program.modality {
            Modality::Mab => td_string!(l, modality_mab),
            Modality::Bispecific => td_string!(l, modality_bispecific),
            Modality::FcFusion => td_string!(l, modality_fc_fusion),
            Modality::Other => td_string!(l, modality_other),
        }
        .to_string(),
        "program.phase" => ttc_text::labels::phase_name(l, s.program.phase).to_string(),
        "program.target" => match s.program.target {
            crate::model::scenario::CampaignTarget::Batches { count } => {
                format!("{count} × {}", td_string!(l, cmp_batches))
            }
            crate::model::scenario::CampaignTarget::DrugSubstanceG { grams } => {
                format!("{} g", format_short(grams))
            }
        },
        "downstream.resin_mode" => ttc_text::labels::resin_mode_name(l, s.downstream.resin_mode).to_string(),
        "schedule.thaw_date" => format_date(s.schedule.thaw_date, lang(l)),
        "plan.kickoff_date" => format_date(s.plan.kickoff_date, lang(l)),
        "plan.due_date" => s.plan.due_date.map(|d| format_date(d, lang(l))).unwrap_or_else(|| "—".into()),
        "plan.anchor" => match s.plan.anchor {
            PlanAnchor::Kickoff => td_string!(l, anchor_kickoff),
            PlanAnchor::FirstGmpThaw => td_string!(l, anchor_first_thaw),
        }
        .to_string(),
        "plan.steps" => s
            .plan
            .steps
            .iter()
            .filter(|p| p.included)
            .map(|p| {
                format!(
                    "{} {}",
                    step_kind_name(l, p.step, s.program.phase),
                    tf!(l, cmp_days, days = p.duration_days)
                )
            })
            .collect::<Vec<_>>()
            .join(" · "),
        "schedule.weekend_operations_allowed"
        | "schedule.rolling_seed_train"
        | "schedule.avoid_closures"
        | "plan.tox_gmp_release"
        | "schedule.downstream_days_from_work"
        | "downstream.whole_filter_modules"
        | "downstream.dedicated_resin_over_program"
        | "production.culture.titer_from_qp" => {
            let on = match path {
                "schedule.rolling_seed_train" => s.schedule.rolling_seed_train,
                "schedule.avoid_closures" => s.schedule.avoid_closures,
                "plan.tox_gmp_release" => s.plan.tox_gmp_release,
                "schedule.downstream_days_from_work" => s.schedule.downstream_days_from_work,
                "downstream.whole_filter_modules" => s.downstream.whole_filter_modules,
                "downstream.dedicated_resin_over_program" => s.downstream.dedicated_resin_over_program,
                "production.culture.titer_from_qp" => s.production.culture.titer_from_qp,
                _ => s.schedule.weekend_operations_allowed,
            };
            if on { td_string!(l, yes) } else { td_string!(l, no) }.to_string()
        }
        "production.vessel_id" => vessel_name(l, &c.facility, &s.production.vessel_id),
        "seed_train" => s
            .seed_train
            .iter()
            .map(|st| {
                let end = match st.end {
                    StageEnd::SplitDensity { density_e6_per_ml } => format_short(density_e6_per_ml),
                    StageEnd::FixedDays { days } => tf!(l, cmp_days, days = days),
                };
                let mode = match st.mode {
                    StageMode::Batch => String::new(),
                    StageMode::Perfusion { vvd } => format!(", {} VVD", format_short(vvd)),
                };
                format!(
                    "{} {} L ({}→{end}{mode})",
                    vessel_name(l, &c.facility, &st.vessel_id),
                    format_short(st.working_volume_l),
                    format_short(st.seeding_density_e6_per_ml)
                )
            })
            .collect::<Vec<_>>()
            .join(" → "),
        "production.feeds" => s
            .production
            .feeds
            .iter()
            .map(|f| {
                let amount = match f.amount {
                    FeedAmount::PercentOfInitial { pct } => format!("{}% V0", format_short(pct)),
                    FeedAmount::FixedVolume { litres } => format!("{} L", format_short(litres)),
                };
                let days = tf!(l, cmp_feed_days, days = format_days(&f.days));
                format!("{} {amount} · {days}", f.name)
            })
            .collect::<Vec<_>>()
            .join(", "),
        "production.additions.base" | "production.additions.glucose" | "production.additions.antifoam" => {
            let kind = match path {
                "production.additions.base" => AdditionKind::Base,
                "production.additions.glucose" => AdditionKind::Glucose,
                _ => AdditionKind::Antifoam,
            };
            let addition = s.production.additions.get(kind);
            let amount = match addition.amount {
                FeedAmount::PercentOfInitial { pct } => format!("{}% V0", format_short(pct)),
                FeedAmount::FixedVolume { litres } => format!("{} L", format_short(litres)),
            };
            format!("{amount} · {}", tf!(l, cmp_feed_days, days = format_days(&addition.days)))
        }
        "downstream.protein_a" => chrom(&s.downstream.protein_a),
        "downstream.aex" => chrom(&s.downstream.aex),
        "downstream.cex" => chrom(&s.downstream.cex),
        "rate_overrides" => s
            .rate_overrides
            .iter()
            .map(|(r, v)| format!("{} = {}", rate_name(l, *r), format_short(*v)))
            .collect::<Vec<_>>()
            .join("; "),
        _ => link::field_texts(s)
            .into_iter()
            .find(|(p, _)| *p == path)
            .and_then(|(_, t)| t.parse::<f64>().ok())
            .map(format_short)
            .unwrap_or_default(),
    }
}
