//! Property tests of the whole model over random valid scenarios (mass and volume balances,
//! cost parts sum to the total, monotonic where physics says so, never NaN), and robustness
//! against malformed input: arbitrary JSON never panics the file reader or the model.
//!
//! Why one file: every property draws from the one generator of valid scenarios below
//! (`valid_scenario`, about 70 lines), and proptest keeps the cases that once failed in this
//! file's `properties.proptest-regressions`, replayed for every property in it first: split,
//! each file would need its own copy of the generator (or a shared module) and the recorded
//! cases would no longer run against the properties moved out.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use ttc_model::downstream::DsStep;
use ttc_model::scenario::{Addition, CampaignTarget, FeedAmount, Phase, PlanAnchor, ResinMode, StepKind};
use ttc_model::scenario_file;
use ttc_model::seed_train::design_seed_train;
use ttc_model::{estimate, Estimate, FacilityProfile, Scenario};

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

prop_compose! {
    /// A random scenario inside published ranges, with a seed train designed for it.
    fn valid_scenario()(
        doubling_time_h in 16.0..40.0f64,
        lag_h in 0.0..12.0f64,
        cells_per_vial_e6 in 5.0..100.0f64,
        viability in 70.0..100.0f64,
        seeding in 0.3..0.6f64,
        split in 2.0..5.0f64,
        v0 in 400.0..1400.0f64,
        n_seeding in 0.3..0.6f64,
        duration in 10u32..18,
        feed_pct in 0.0..3.6f64,
        titer in 0.5..10.0f64,
        sample in 0.0..0.5f64,
        yield_pct in 80.0..100.0f64,
        protein_a_cv in 20.0..200.0f64,
        batches in 1u32..12,
        dedicated in any::<bool>(),
        thaw_offset in 0i64..3650,
        lines in 1u32..7,
        weekends in any::<bool>(),
        program in (any::<bool>(), 0i64..3650, any::<bool>(), any::<bool>(), 0u32..3, 0u32..3, 50.0..100.0f64),
        culture in (0.0..1.0f64, 0.0..1.0f64, 0.0..5.0f64, 0.0..0.5f64, 0.0..0.4f64, any::<bool>(), 1.0..80.0f64, 0.0..8.0f64),
    ) -> Scenario {
        let (kickoff_anchor, kickoff_offset, avoid, rolling, engineering, phase, success) = program;
        let (base_pct, glucose_pct, antifoam_l, evaporation_pct, kd, from_qp, qp, stationary) = culture;
        let mut s = Scenario::default();
        let f = FacilityProfile::current();
        s.cell_line.doubling_time_h = doubling_time_h;
        s.cell_line.lag_h = lag_h;
        s.cell_line.cells_per_vial_e6 = cells_per_vial_e6;
        s.cell_line.post_thaw_viability_pct = viability;
        s.production.initial_volume_l = v0;
        s.production.seeding_density_e6_per_ml = n_seeding;
        s.production.duration_days = duration;
        s.production.feeds[0].amount = FeedAmount::PercentOfInitial { pct: feed_pct };
        s.production.feeds[0].days = (3..duration.min(14)).collect();
        s.production.titer_g_per_l = titer;
        s.production.daily_sample_l = sample;
        let a = &mut s.production.additions;
        a.base = Addition { amount: FeedAmount::PercentOfInitial { pct: base_pct }, days: (3..duration.min(14)).collect() };
        a.glucose = Addition { amount: FeedAmount::PercentOfInitial { pct: glucose_pct }, days: (5..duration.min(14)).collect() };
        a.antifoam = Addition { amount: FeedAmount::FixedVolume { litres: antifoam_l }, days: vec![3, 7] };
        a.evaporation_pct_per_day = evaporation_pct;
        s.production.culture.death_rate_per_day = kd;
        s.production.culture.titer_from_qp = from_qp;
        s.production.culture.qp_pg_per_cell_day = qp;
        s.production.culture.stationary_days = stationary;
        s.downstream.clarification.yield_pct = yield_pct;
        s.downstream.cex.yield_pct = yield_pct;
        s.downstream.protein_a.column_volume_l = protein_a_cv;
        s.downstream.resin_mode = if dedicated { ResinMode::DedicatedToCampaign } else { ResinMode::Amortised };
        s.program.target = CampaignTarget::Batches { count: batches };
        s.schedule.thaw_date = s.schedule.thaw_date.add_days(thaw_offset);
        s.schedule.lines_used = lines;
        s.schedule.weekend_operations_allowed = weekends;
        s.schedule.avoid_closures = avoid;
        s.schedule.rolling_seed_train = rolling;
        s.plan.anchor = if kickoff_anchor { PlanAnchor::Kickoff } else { PlanAnchor::FirstGmpThaw };
        s.plan.kickoff_date = s.plan.kickoff_date.add_days(kickoff_offset);
        s.plan.engineering_runs = engineering;
        s.program.phase = [Phase::Tox, Phase::Clinical, Phase::PpqCommercial][phase as usize];
        s.plan.batch_success_pct = success;
        s.seed_train = design_seed_train(&s.production, &s.cell_line, &f, seeding, split, s.seed_rules.transfer_excess_pct);
        s
    }
}

fn all_finite_and_non_negative(e: &Estimate) -> Result<(), String> {
    let mut values: Vec<(&str, f64)> = Vec::new();
    for st in &e.seed_train {
        values.extend([
            ("stage volume", st.working_volume_l),
            ("stage exact days", st.duration_exact_days),
            ("stage seeding", st.seeding_density_e6_per_ml),
            ("stage final", st.final_density_e6_per_ml),
            ("stage inoculum", st.inoculum_l),
            ("stage inoculum needed", st.inoculum_needed_l),
            ("stage fresh", st.fresh_medium_l),
            ("stage perfusion", st.perfusion_medium_l),
            ("stage cells", st.cells_final_e9),
        ]);
        values.extend(st.split_ratio.map(|r| ("split ratio", r)));
    }
    let p = &e.production;
    values.extend([
        ("v0", p.initial_volume_l),
        ("basal", p.basal_medium_l),
        ("feeds", p.total_feed_l),
        ("final", p.final_volume_l),
        ("max", p.max_volume_l),
        ("max v0", p.max_initial_volume_l),
        ("product", p.product_at_harvest_g),
        ("split", p.split_ratio),
        ("additions", p.total_additions_l),
        ("evaporated", p.evaporated_l),
        ("ivcd", p.ivcd_e6_cell_day_per_ml),
        ("titer", p.titer_g_per_l),
        ("qp", p.qp_pg_per_cell_day),
        ("harvest viability", p.harvest_viability_pct),
    ]);
    for d in &p.daily {
        values.extend([
            ("day volume", d.volume_l),
            ("day vcd", d.viable_density_e6_per_ml),
            ("day viability", d.viability_pct),
        ]);
    }
    for st in &e.downstream.steps {
        values.extend([
            ("mass in", st.mass_in_g),
            ("mass out", st.mass_out_g),
            ("volume", st.volume_out_l),
            ("buffer", st.buffer_l),
        ]);
    }
    values.extend([("ds", e.downstream.drug_substance_g), ("medium", e.volumes.total_medium_with_overage_l)]);
    for l in &e.cost.lines {
        values.extend([("quantity", l.quantity), ("unit price", l.unit_price), ("amount", l.amount)]);
    }
    values.extend([
        ("per batch", e.cost.per_batch),
        ("campaign", e.cost.campaign),
        ("utilisation", e.campaign.line_utilisation_pct),
    ]);
    values.extend(e.cost.per_gram.map(|g| ("per gram", g)));
    match values.iter().find(|(_, v)| !v.is_finite() || *v < 0.0) {
        Some((name, v)) => Err(format!("{name} = {v}")),
        None => Ok(()),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn a_slower_cell_line_never_passages_earlier(s in valid_scenario(), slower_h in 0.0..6.0f64, window in any::<bool>()) {
        // Every stage's passage day, and so the days from thaw to N, never come earlier when
        // the doubling time is longer (with or without the passage window).
        let mut s = s;
        s.seed_rules.passage_window = window;
        let mut slow = s.clone();
        slow.cell_line.doubling_time_h += slower_h;
        let f = FacilityProfile::current();
        let (Ok(a), Ok(b)) = (estimate(&s, &f), estimate(&slow, &f)) else { return Ok(()) };
        prop_assert!(b.timeline.thaw_to_inoculation_days >= a.timeline.thaw_to_inoculation_days);
        for (x, y) in a.seed_train.iter().zip(&b.seed_train) {
            prop_assert!(y.end_day >= x.end_day, "stage ends day {} vs {}", y.end_day, x.end_day);
        }
    }

    #[test]
    fn every_output_is_finite_and_non_negative(s in valid_scenario()) {
        let e = estimate(&s, &FacilityProfile::current()).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        all_finite_and_non_negative(&e).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn volumes_balance(s in valid_scenario()) {
        let e = estimate(&s, &FacilityProfile::current()).unwrap();
        for st in &e.seed_train {
            // inoculum + fresh medium = stage volume
            prop_assert!(close(st.inoculum_l + st.fresh_medium_l, st.working_volume_l, 1e-9 * st.working_volume_l.max(1.0)));
        }
        let p = &e.production;
        prop_assert!(close(p.inoculum_l + p.basal_medium_l, p.initial_volume_l, 1e-9 * p.initial_volume_l));
        // initial + feeds + additions - samples - evaporation = final, also day by day
        let added: f64 = p.additions.iter().map(|a| a.total_l).sum();
        prop_assert!(close(added, p.total_additions_l, 1e-9 * added.max(1.0)));
        let balance = p.initial_volume_l + p.total_feed_l + added - p.samples_l - p.evaporated_l;
        prop_assert!(close(balance, p.final_volume_l, 1e-9 * p.final_volume_l));
        prop_assert!(close(p.daily.last().unwrap().volume_l, p.final_volume_l, 1e-9 * p.final_volume_l));
        prop_assert!(p.daily.iter().all(|d| d.volume_l <= p.max_volume_l));
        // a filter installs at least the area needed x its safety factor, less than a module more
        for f in e.downstream.steps.iter().filter_map(|st| st.filter) {
            let wanted = f.needed_m2 * f.safety_factor;
            prop_assert!(f.installed_m2 >= wanted * (1.0 - 1e-9));
            prop_assert!(f.installed_m2 < wanted + f.module_m2.unwrap_or(0.0) + 1e-9 * wanted.max(1.0));
        }
        // drug substance = product at harvest x product of the step yields
        let yields: f64 = e.downstream.steps.iter().map(|st| st.yield_pct / 100.0).product();
        prop_assert!(close(e.downstream.drug_substance_g, p.product_at_harvest_g * yields, 1e-9 * p.product_at_harvest_g));
    }

    #[test]
    fn titer_from_qp_is_never_negative_and_grows_with_qp(mut s in valid_scenario(), qp in 0.01..200.0f64, more in 0.001..50.0f64) {
        let f = FacilityProfile::current();
        s.production.culture.titer_from_qp = true;
        s.production.culture.qp_pg_per_cell_day = qp;
        let mut higher = s.clone();
        higher.production.culture.qp_pg_per_cell_day = qp + more;
        let (a, b) = (estimate(&s, &f).unwrap(), estimate(&higher, &f).unwrap());
        prop_assert!(a.production.titer_g_per_l >= 0.0 && a.production.ivcd_e6_cell_day_per_ml > 0.0);
        prop_assert!(b.production.titer_g_per_l > a.production.titer_g_per_l);
        prop_assert!(b.production.product_at_harvest_g >= a.production.product_at_harvest_g);
        // titer = qP x IVCD / 1000, as published (DOMAIN.md)
        prop_assert!(close(a.production.titer_g_per_l, qp * a.production.ivcd_e6_cell_day_per_ml / 1000.0, 1e-12 * (1.0 + a.production.titer_g_per_l)));
        for d in &a.production.daily {
            prop_assert!(d.viability_pct > 0.0 && d.viability_pct <= s.production.culture.viability_pct);
        }
    }

    #[test]
    fn cost_lines_sum_to_the_total(s in valid_scenario()) {
        let e = estimate(&s, &FacilityProfile::current()).unwrap();
        let lines: f64 = e.cost.lines.iter().map(|l| l.amount).sum();
        let categories: f64 = e.cost.by_category.iter().map(|(_, a)| a).sum();
        prop_assert!(close(lines, e.cost.per_batch, 1e-9 * e.cost.per_batch));
        prop_assert!(close(categories, e.cost.per_batch, 1e-9 * e.cost.per_batch));
        for l in &e.cost.lines {
            prop_assert!(close(l.quantity * l.unit_price, l.amount, 1e-9 * l.amount.max(1.0)));
        }
        if e.campaign.rolling_batches == 0 {
            prop_assert!(close(e.cost.campaign, e.cost.per_batch * f64::from(e.campaign.batches), 1e-9 * e.cost.campaign));
        }
    }

    #[test]
    fn more_titer_never_raises_cost_per_gram_at_equal_cycles(s in valid_scenario(), factor in 1.0..3.0f64) {
        let f = FacilityProfile::current();
        let mut higher = s.clone();
        higher.production.titer_g_per_l = (s.production.titer_g_per_l * factor).min(100.0);
        let (a, b) = (estimate(&s, &f).unwrap(), estimate(&higher, &f).unwrap());
        let cycles = |e: &Estimate| [DsStep::ProteinA, DsStep::Aex, DsStep::Cex].map(|st| e.downstream.step(st).column.unwrap().cycles);
        if cycles(&a) == cycles(&b) {
            prop_assert!(b.cost.per_gram.unwrap() <= a.cost.per_gram.unwrap() * (1.0 + 1e-12));
        }
    }

    #[test]
    fn longer_doubling_time_never_brings_harvest_earlier(mut s in valid_scenario(), extra_h in 0.0..20.0f64) {
        // Without moving batches around closures: a slower culture can move its operations
        // off a closure that held a faster one back (that is a calendar effect, not growth).
        s.schedule.avoid_closures = false;
        // And with the downstream days entered: a slower culture's smaller IVCD makes less
        // product from a qP, fewer column cycles and shorter downstream work, which can free
        // the downstream train for an earlier campaign (a capacity effect, not growth).
        s.schedule.downstream_days_from_work = false;
        let f = FacilityProfile::current();
        let mut slower = s.clone();
        slower.cell_line.doubling_time_h += extra_h;
        let (a, b) = (estimate(&s, &f).unwrap(), estimate(&slower, &f).unwrap());
        prop_assert!(b.timeline.harvest_day >= a.timeline.harvest_day);
        prop_assert!(b.timeline.harvest_date >= a.timeline.harvest_date);
    }

    #[test]
    fn more_lines_never_release_later(mut s in valid_scenario(), extra in 1u32..6) {
        // Without moving batches off closed days: with it, a batch placed earlier on another
        // line can land its transfers in a closure and wait longer than it gained (as a
        // later kickoff can release earlier, below).
        s.schedule.avoid_closures = false;
        let f = FacilityProfile::current();
        let mut more = s.clone();
        more.schedule.lines_used = (s.schedule.lines_used + extra).min(f.lines_possible);
        let (a, b) = (estimate(&s, &f).unwrap(), estimate(&more, &f).unwrap());
        prop_assert!(b.campaign.last_release_date <= a.campaign.last_release_date);
        prop_assert!(b.program.duration_days <= a.program.duration_days || s.plan.anchor == PlanAnchor::FirstGmpThaw);
    }

    #[test]
    fn a_later_kickoff_never_releases_earlier(mut s in valid_scenario(), later in 0i64..400) {
        s.plan.anchor = PlanAnchor::Kickoff;
        // With batches moved off closed days this does not hold, and should not: a program
        // whose first thaw would put its seed train's transfers into Spring Festival (with
        // weekends closed, a slow line's many transfers) waits until they all fall on working
        // days, and a cascade of such waits can outlast a later kickoff that misses the
        // holiday (the regression file's case: a 70-day later kickoff released 24 days
        // earlier). Without moving batches the plan is a translation of the calendar: it must
        // keep every date's order.
        s.schedule.avoid_closures = false;
        let f = FacilityProfile::current();
        let mut late = s.clone();
        late.plan.kickoff_date = s.plan.kickoff_date.add_days(later);
        let (a, b) = (estimate(&s, &f).unwrap(), estimate(&late, &f).unwrap());
        for (x, y) in a.program.milestones.iter().zip(&b.program.milestones) {
            prop_assert_eq!(x.kind, y.kind);
            prop_assert!(y.date >= x.date, "{:?}: {} then {}", x.kind, x.date, y.date);
        }
        prop_assert!(b.campaign.last_release_date >= a.campaign.last_release_date);
    }

    #[test]
    fn program_price_is_the_sum_of_its_steps_and_the_campaign_of_its_batches(s in valid_scenario()) {
        let e = estimate(&s, &FacilityProfile::current()).unwrap();
        let c = &e.program_cost;
        let by_step: f64 = StepKind::ALL.iter().map(|&k| c.step_price_usd(k)).sum();
        prop_assert!(close(by_step, c.price_usd, 1e-9 * c.price_usd));
        for l in &c.lines {
            prop_assert!(close(l.price_usd, l.quantity * l.unit_price_usd, 1e-9 * l.price_usd.max(1.0)));
        }
        // The campaign: each batch at its own price (a rolling batch costs less).
        let rolling = e.rolling_cost.as_ref().map_or(0.0, |r| r.per_batch);
        let sum: f64 = e.campaign.schedule.iter().map(|b| if b.own_thaw { e.cost.per_batch } else { rolling }).sum();
        prop_assert!(close(c.step_price_usd(StepKind::GmpCampaign), sum, 1e-9 * sum));
        prop_assert!(close(e.cost.campaign, sum, 1e-9 * sum));
        // Every step the critical path marks is in the program and ends before the next
        // starts (plus its lag), back from the campaign.
        for r in e.program.steps.iter().filter(|r| r.critical) {
            prop_assert!(r.active);
        }
    }

    #[test]
    fn a_program_pays_for_each_dedicated_resin_set_once(mut s in valid_scenario()) {
        // Every batch the program runs (engineering, PPQ, campaign) pays CV x sets / batches of
        // each column: together, exactly the sets they need, ceil(cycles x batches / lifetime).
        s.downstream.resin_mode = ResinMode::DedicatedToCampaign;
        s.downstream.dedicated_resin_over_program = true;
        let e = estimate(&s, &FacilityProfile::current()).unwrap();
        let runs = e.program.engineering.batches.len() + e.program.ppq.batches.len();
        prop_assert_eq!(e.cost.resin_batches as usize, e.campaign.batches as usize + runs);
        let d = &s.downstream;
        for (step, column) in [(DsStep::ProteinA, &d.protein_a), (DsStep::Aex, &d.aex), (DsStep::Cex, &d.cex)] {
            let cycles = e.downstream.step(step).column.map_or(0, |c| c.cycles);
            let litres = |c: &ttc_model::cost::CostBreakdown| {
                c.lines.iter().find(|l| l.item == ttc_model::cost::CostItem::Resin(step)).map_or(0.0, |l| l.quantity)
            };
            let paid = litres(&e.cost) * f64::from(e.campaign.batches)
                + litres(&e.engineering_cost) * e.program.engineering.batches.len() as f64
                + litres(&e.ppq_cost) * e.program.ppq.batches.len() as f64;
            let sets = (u64::from(cycles) * u64::from(e.cost.resin_batches)).div_ceil(u64::from(column.lifetime_cycles.max(1))).max(1);
            let bought = column.column_volume_l * sets as f64;
            prop_assert!(close(paid, bought, 1e-9 * bought.max(1.0)), "{:?}: paid {} L, the sets hold {} L", step, paid, bought);
        }
    }

    #[test]
    fn file_round_trip(s in valid_scenario()) {
        let loaded = scenario_file::from_json(&scenario_file::to_json(&s, "suzhou-2026-11")).unwrap();
        prop_assert_eq!(loaded.scenario, s);
    }

    #[test]
    fn absurd_numbers_are_errors_never_panics(
        values in proptest::collection::vec(prop_oneof![
            Just(f64::NAN), Just(f64::INFINITY), Just(f64::NEG_INFINITY), Just(-0.0), Just(0.0),
            Just(f64::MAX), Just(f64::MIN_POSITIVE), any::<f64>(), -1e6..1e6f64,
        ], 12),
        days in proptest::collection::vec(any::<u32>(), 0..5),
    ) {
        let mut s = Scenario::default();
        s.cell_line.doubling_time_h = values[0];
        s.cell_line.cells_per_vial_e6 = values[1];
        s.seed_train[0].working_volume_l = values[2];
        s.seed_train[1].seeding_density_e6_per_ml = values[3];
        s.production.initial_volume_l = values[4];
        s.production.titer_g_per_l = values[5];
        s.production.daily_sample_l = values[6];
        s.production.feeds[0].amount = FeedAmount::FixedVolume { litres: values[7] };
        s.production.feeds[0].days = days;
        s.downstream.protein_a.column_volume_l = values[8];
        s.downstream.ufdf.diavolumes = values[9];
        s.schedule.line_utilisation_pct = values[10];
        s.program.target = CampaignTarget::DrugSubstanceG { grams: values[11] };
        if let Ok(e) = estimate(&s, &FacilityProfile::current()) {
            all_finite_and_non_negative(&e).map_err(TestCaseError::fail)?;
        }
    }

    #[test]
    fn arbitrary_text_never_panics_the_file_reader(text in ".{0,400}") {
        let _ = scenario_file::from_json(&text);
    }

    #[test]
    fn arbitrary_json_never_panics_the_file_reader_or_the_model(value in arb_json()) {
        let wrapped = serde_json::json!({"format": "tech-transfer-scenario", "version": 1, "scenario": value});
        for v in [value, wrapped] {
            if let Ok(loaded) = scenario_file::from_value(v) {
                let _ = estimate(&loaded.scenario, &FacilityProfile::current());
            }
        }
    }
}

/// Arbitrary JSON, biased towards the scenario's own keys so that the reader goes deep.
fn arb_json() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let keys = prop_oneof![
        Just("name".to_string()),
        Just("cell_line".to_string()),
        Just("doubling_time_h".to_string()),
        Just("seed_train".to_string()),
        Just("production".to_string()),
        Just("feeds".to_string()),
        Just("days".to_string()),
        Just("kind".to_string()),
        Just("schedule".to_string()),
        Just("thaw_date".to_string()),
        Just("rate_overrides".to_string()),
        Just("end".to_string()),
        "[a-z_]{1,12}",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        any::<i64>().prop_map(|i| Value::Number(i.into())),
        prop_oneof![Just("split_density".to_string()), Just("2027-02-29".to_string()), ".{0,12}"]
            .prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 64, 8, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map(keys.clone(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}
