//! Native tests of the program and the campaign on the lines, worked by hand: the default
//! program's dates (overlapping steps, a closure), its price, phase-dependent testing, PPQ,
//! a rolling seed train, success rates and "kilograms by a date".
#![cfg(not(target_arch = "wasm32"))]

use ttc_model::cost::CostItem;
use ttc_model::date::CivilDate;
use ttc_model::fit::FitCheck;
use ttc_model::link::baseline_v2;
use ttc_model::program::MilestoneKind as M;
use ttc_model::scenario::{CampaignTarget, Phase, PlanAnchor, StepKind};
use ttc_model::{estimate, Estimate, FacilityProfile, Scenario};

// The program's figures below were worked by hand on the default scenario of version 2
// (`baseline_v2`: a 15-day seed train), which links and files of version 2 still open as;
// today's default (a 17-day train) is worked at the end. They are priced with the rate card
// of those versions (`run`).

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

fn date(y: i64, m: u32, d: u32) -> CivilDate {
    CivilDate::from_ymd(y, m, d).unwrap()
}

/// The estimate with the rate card of versions 2 to 4 (one shift a day, no preparation or
/// support staff), as a link of version 2 opens.
fn run(s: &Scenario) -> Estimate {
    estimate(s, &FacilityProfile::priced_with("suzhou-2026-12").0).expect("valid scenario")
}

fn milestone(e: &Estimate, kind: M) -> String {
    e.program.milestone(kind).map(|m| m.date.to_string()).unwrap_or_default()
}

/// Price of the default batch (`tests/cost.rs`): $800,997.42, of which direct cost
/// $557,215.60 (= 800,997.42 / 1.4375), QC release $60,000, bulk-harvest testing $40,000 and
/// QA review $15,000 included.
const GMP_PRICE: f64 = 800_997.42;
const GMP_DIRECT: f64 = 800_997.42 / 1.4375;
const RELEASE_TESTING: f64 = 60_000.0 + 40_000.0 + 15_000.0;

#[test]
fn default_program_dates_worked_by_hand() {
    // Kickoff Fri 2027-01-15 (day 0). Transfer review days 0-42. Method transfer starts 14
    // days before the review ends, day 28, and takes 210 days: ends day 238. Raw materials
    // 42-162, batch record 42-132; small-scale runs excluded (end at 42).
    let e = run(&baseline_v2());
    let p = &e.program;
    let step = |k| p.step(k).unwrap();
    assert_eq!((step(StepKind::TransferReview).start_day, step(StepKind::TransferReview).end_day), (0, 42));
    assert_eq!((step(StepKind::MethodTransfer).start_day, step(StepKind::MethodTransfer).end_day), (28, 238));
    assert_eq!(step(StepKind::RawMaterials).end_day, 162);
    assert!(!step(StepKind::SmallScale).active);
    // Engineering run after raw materials (day 162 = Sat 2027-06-26): thaw to downstream end
    // 15 + 14 + 6 = 35 days (day 197), then 28 days of report and approval: ends day 225.
    assert_eq!(milestone(&e, M::FirstEngineeringThaw), "2027-06-26");
    assert_eq!(step(StepKind::EngineeringRuns).end_day, 225);
    // PPQ is not in a clinical program. The campaign waits for methods (238) rather than the
    // engineering run (225): first thaw day 238 = Fri 2027-09-10, on the critical path with
    // the method transfer and the review.
    assert!(!step(StepKind::Ppq).active);
    assert_eq!(milestone(&e, M::FirstBatchThaw), "2027-09-10");
    let critical: Vec<StepKind> = p.steps.iter().filter(|r| r.critical).map(|r| r.step).collect();
    assert_eq!(critical, [StepKind::TransferReview, StepKind::MethodTransfer, StepKind::GmpCampaign]);
    // Batch 1: inoculated day 15 (Sep 25), released 72 days after thaw: 2027-11-21, day 310
    // from kickoff (10.2 months, inside the 9-15 months of clinical programs).
    assert_eq!(milestone(&e, M::FirstBatchRelease), "2027-11-21");
    assert_eq!(p.milestone(M::FirstBatchRelease).unwrap().from_kickoff_days, 310);
    // Batch 2 would be inoculated 22 days later, Oct 17, thawed Oct 2: inside National Day
    // week (Oct 1-7, illustrative calendar). Its operations come every 3 days from thaw to
    // inoculation, so the thaw must wait for Oct 8: inoculation Oct 23, moved 6 days.
    let b = &e.campaign.schedule;
    assert_eq!(b[1].thaw_date, date(2027, 10, 8));
    assert_eq!(b[1].moved_days, 6);
    assert_eq!(b[1].release_date, date(2027, 12, 19));
    // Batch 3: 22 days after batch 2, Nov 14 (thaw Oct 30), released Jan 10, 2028.
    assert_eq!(b[2].inoculation_date, date(2027, 11, 14));
    assert_eq!(milestone(&e, M::LastRelease), "2028-01-10");
    assert_eq!(p.duration_days, 360);
    // Nothing is left on a closure: the option moved it.
    assert!(!e.fit.iter().any(|i| matches!(i.check, FitCheck::ClosureOperation { .. })));
}

#[test]
fn default_program_price_worked_by_hand() {
    let e = run(&baseline_v2());
    let c = &e.program_cost;
    // Fees: review $150,000; 8 methods x $40,000; raw materials $80,000; batch record
    // $60,000 (illustrative rate card). Engineering run: a batch without GMP release,
    // (557,215.60 - 115,000) x 1.4375 = $635,684.92. Campaign: 3 x $800,997.42.
    let engineering = (GMP_DIRECT - RELEASE_TESTING) * 1.4375;
    assert!(close(c.step_price_usd(StepKind::EngineeringRuns), engineering, 0.01));
    assert!(close(c.step_price_usd(StepKind::MethodTransfer), 320_000.0, 1e-9));
    let total = 150_000.0 + 320_000.0 + 80_000.0 + 60_000.0 + engineering + 3.0 * GMP_PRICE;
    assert!(close(c.price_usd, total, 0.05), "{} vs {total}", c.price_usd);
    assert!(close(c.price_usd, 3_648_677.18, 0.05));
    // Per gram of the 3 x 4000.51 g delivered: $304.02; per expected released gram at 90 %:
    // $337.80.
    assert!(close(c.price_per_gram_usd.unwrap(), total / (3.0 * 4000.5116), 0.01));
    assert!(close(c.price_per_expected_gram_usd.unwrap(), total / (3.0 * 4000.5116 * 0.9), 0.01));
    // Direct cost beside the price: the batches' only (fees are prices).
    assert!(close(c.batches_direct_cost_usd, GMP_DIRECT - RELEASE_TESTING + 3.0 * GMP_DIRECT, 0.05));
}

#[test]
fn tox_batches_skip_gmp_release_unless_chosen() {
    let mut s = baseline_v2();
    s.program.phase = Phase::Tox;
    let e = run(&s);
    // No QC release, bulk-harvest testing or QA disposition: released when downstream ends,
    // day 29 + 6 = 35 after thaw, and priced like an engineering run.
    assert_eq!(e.timeline.release_day, 35);
    assert!(!e.cost.lines.iter().any(|l| matches!(l.item, CostItem::QcRelease | CostItem::QaReview)));
    assert!(close(e.cost.per_batch, (GMP_DIRECT - RELEASE_TESTING) * 1.4375, 0.01));
    s.plan.tox_gmp_release = true;
    let gmp = run(&s);
    assert_eq!(gmp.timeline.release_day, 72);
    assert!(close(gmp.cost.per_batch, GMP_PRICE, 0.01));
}

#[test]
fn ppq_batches_carry_their_testing_and_come_before_the_campaign() {
    let mut s = baseline_v2();
    s.program.phase = Phase::PpqCommercial;
    let e = run(&s);
    // A PPQ batch: the GMP batch plus $120,000 of PPQ testing, x 1.4375 = $973,497.42.
    assert!(close(e.ppq_cost.per_batch, (GMP_DIRECT + 120_000.0) * 1.4375, 0.01));
    assert_eq!(e.program.ppq.batches.len(), 3);
    // PPQ starts where the campaign started before (first thaw 2027-09-10) and the campaign
    // waits for the third PPQ release.
    assert_eq!(milestone(&e, M::FirstBatchThaw), "2027-09-10");
    let ppq_done = e.program.milestone(M::PpqComplete).unwrap().date;
    assert!(e.campaign.schedule[0].thaw_date >= ppq_done);
    assert!(close(e.program_cost.step_price_usd(StepKind::Ppq), 3.0 * e.ppq_cost.per_batch, 1e-6));
}

#[test]
fn later_batches_of_a_rolling_seed_train_skip_the_seed_train() {
    let mut s = baseline_v2();
    s.schedule.rolling_seed_train = true;
    s.schedule.avoid_closures = false;
    s.plan.anchor = PlanAnchor::FirstGmpThaw;
    let e = run(&s);
    // One line, a batch every 22 days: inoculations on days 15, 37, 59 after the thaw, all
    // within the 60-day cell age: one thaw seeds all three.
    let own: Vec<bool> = e.campaign.schedule.iter().map(|b| b.own_thaw).collect();
    assert_eq!(own, [true, false, false]);
    assert_eq!(e.campaign.rolling_batches, 2);
    // A later batch pays for its N-1 alone: 157.5 L of fresh medium instead of 180.54 L, the
    // 200 L bag but not the four smaller vessels ($1,400), 3 seed-suite days instead of 15,
    // and 17 upstream operator days x 2 instead of 29 x 2:
    // 23.04 x 1.1 x $8 + $1,400 + 12 x $2,000 + 12 x 2 x $400 = $35,202.76 less direct cost.
    let rolling = e.rolling_cost.as_ref().unwrap();
    let saved = 23.041_4 * 1.1 * 8.0 + 1400.0 + 24_000.0 + 9_600.0;
    assert!(close(e.cost.direct - rolling.direct, saved, 0.05), "{}", e.cost.direct - rolling.direct);
    assert!(close(e.cost.campaign, e.cost.per_batch + 2.0 * rolling.per_batch, 1e-6));
    // With a 40-day age limit the third batch (day 59) needs a new thaw, 15 days before
    // its inoculation.
    s.schedule.max_cell_age_days = 40;
    let e = run(&s);
    let own: Vec<bool> = e.campaign.schedule.iter().map(|b| b.own_thaw).collect();
    assert_eq!(own, [true, false, true]);
    assert_eq!(e.campaign.schedule[2].thaw_date, s.schedule.thaw_date.add_days(59 - 15));
}

#[test]
fn a_grams_target_plans_spares_for_the_success_rate() {
    let mut s = baseline_v2();
    // 4000.51 g a batch. 10 kg at 100 %: ceil(2.50) = 3 batches; at 90 %, 3600.46 g
    // expected a batch: ceil(2.78) = 3; at 70 %, 2800.36 g: ceil(3.57) = 4.
    s.program.target = CampaignTarget::DrugSubstanceG { grams: 10_000.0 };
    for (pct, batches) in [(100.0, 3), (90.0, 3), (70.0, 4)] {
        s.plan.batch_success_pct = pct;
        assert_eq!(run(&s).campaign.batches, batches, "{pct} %");
    }
    // The edge: 3 x 3600.46 = 10,801.38 g is three batches; a gram more is four.
    s.plan.batch_success_pct = 90.0;
    let per = 4_000.511_556_5 * 0.9;
    s.program.target = CampaignTarget::DrugSubstanceG { grams: 3.0 * per - 1.0 };
    assert_eq!(run(&s).campaign.batches, 3);
    s.program.target = CampaignTarget::DrugSubstanceG { grams: 3.0 * per + 1.0 };
    assert_eq!(run(&s).campaign.batches, 4);
}

#[test]
fn kilograms_by_a_date_needs_the_fewest_lines_that_make_it() {
    let mut s = baseline_v2();
    s.program.target = CampaignTarget::DrugSubstanceG { grams: 10_000.0 };
    // Three batches. One line: last release 2028-01-10 (default_program_dates_worked_by_hand).
    // Two lines, a batch every 11 days: batch 2 (inoculated Oct 6 at the earliest) has
    // operations every 3 days from 15 days before, in National Day week, so it waits for a
    // thaw on Oct 8: inoculation Oct 23; batch 3 on Nov 3 (thaw Oct 19), released Nov 3 +
    // 57 = Dec 30.
    s.plan.due_date = Some(date(2028, 1, 10));
    let d = run(&s).deliver_by.unwrap();
    assert_eq!(d.batches, 3);
    assert_eq!(d.fewest_lines, Some(1), "on the due date is in time");
    assert!(d.met_with_chosen_lines());
    s.plan.due_date = Some(date(2028, 1, 9));
    let d = run(&s).deliver_by.unwrap();
    assert_eq!(d.fewest_lines, Some(2));
    assert_eq!(d.last_release_by_lines[1].last_release_date, date(2027, 12, 30));
    assert!(!d.met_with_chosen_lines());
    // Before the first release nothing can be done, even on six lines.
    s.plan.due_date = Some(date(2027, 11, 1));
    let d = run(&s).deliver_by.unwrap();
    assert_eq!(d.fewest_lines, None);
    assert_eq!(d.last_release_by_lines.len(), 6);
}

#[test]
fn capacity_of_the_default_process_on_one_two_and_six_lines() {
    let e = run(&baseline_v2());
    let c = &e.capacity;
    assert_eq!(c.len(), 6);
    // 4000.51 g a batch, 90 % success: 3.6005 kg expected a batch.
    let kg = 4.000_511_556_5 * 0.9;
    // One line every 22 days: 16.59 batches, 59.7 kg a year.
    assert!(close(c[0].released_kg_per_year, 365.0 / 22.0 * kg, 1e-6));
    // Two lines every 11 days: 119.5 kg.
    assert!(close(c[1].released_kg_per_year, 365.0 / 11.0 * kg, 1e-6));
    // Six lines: the one downstream train (6 days a batch) sets the pace: 219.0 kg.
    assert_eq!(c[5].spacing_days, 6);
    assert!(close(c[5].released_kg_per_year, 365.0 / 6.0 * kg, 1e-6));
    // The campaign reports each line's steady-state use, 17 / 22 = 77 %, not the 100 % a
    // one-batch campaign would show over its own span.
    assert!(close(e.campaign.steady_state_utilisation_pct, 17.0 / 22.0 * 100.0, 1e-9));
}

#[test]
fn the_kickoff_a_first_thaw_needs() {
    // Anchored on the first thaw (2027-03-01), the plan runs backwards: the campaign waits
    // 238 days after kickoff (default_program_dates_worked_by_hand), so kickoff 2026-07-06.
    let mut s = baseline_v2();
    s.plan.anchor = PlanAnchor::FirstGmpThaw;
    s.schedule.avoid_closures = false;
    let e = run(&s);
    assert_eq!(e.program.kickoff_date, date(2026, 7, 6));
    assert_eq!(e.campaign.schedule[0].thaw_date, date(2027, 3, 1));
}

#[test]
fn a_dependency_cycle_is_an_error_at_its_step() {
    let mut s = baseline_v2();
    s.plan.steps[0].after = vec![StepKind::MethodTransfer];
    let errors = estimate(&s, &FacilityProfile::current()).unwrap_err();
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["plan.steps[0].after", "plan.steps[1].after"]);
}

#[test]
fn todays_default_program_worked_by_hand() {
    // The campaign may start on day 238 as before (review 42 + methods 210 - 14 overlap),
    // Fri 10 Sep 2027. The seed train now takes 17 days (a 2-day first flask and five 3-day
    // stages): operations on days 0, 2, 5, 8, 11, 14, 17 (inoculation) and 31 (harvest).
    // From Sep 10, day 5 is Wed 15 Sep, the Mid-Autumn Festival closure: the thaw moves one
    // day, to Sat 11 Sep (operations Sep 11, 13, 16, 19, 22, 25, 28 and Oct 12, after
    // National Day week). Release is day 74 from thaw (max(31 + 28, 37 + 30) + 7):
    // Wed 24 Nov 2027, day 313 from kickoff.
    let mut v4 = Scenario::default();
    ttc_model::legacy::fill_v4(&mut v4);
    v4.downstream.resin_mode = ttc_model::scenario::ResinMode::Amortised;
    let e = run(&v4);
    assert_eq!(milestone(&e, M::FirstBatchThaw), "2027-09-11");
    assert_eq!(milestone(&e, M::FirstBatchRelease), "2027-11-24");
    assert_eq!(e.timeline.thaw_to_inoculation_days, 17);
    // Price: fees $610,000 + the engineering run + 3 batches. Version 3's were $646,391.61 and
    // $811,704.11; today's production run costs $480.07 less direct cost a batch and its
    // filters $17,558.98 more (`cost.rs`, v4_default_batch_cost_worked_by_hand), x 1.4375 =
    // $24,550.92 more price, the engineering run too (the same materials, no release testing).
    let more = (17_558.975 - 480.073) * 1.4375;
    assert!(close(e.engineering_cost.per_batch, 646_391.61 + more, 0.03), "{}", e.engineering_cost.per_batch);
    let price = 610_000.0 + (646_391.61 + more) + 3.0 * (811_704.11 + more);
    assert!(close(e.program_cost.price_usd, price, 0.1), "{} vs {price}", e.program_cost.price_usd);
    assert!(close(e.program_cost.price_usd, 3_789_707.64, 0.01));
    // Version 5: resin dedicated to the program and labour by shift add $403,362.50 to every
    // batch, the engineering run too (`cost.rs`, default_batch_cost_worked_by_hand: the same
    // resin share and staff days): 4 x $403,362.50 = $1,613,450 more. Its dates are the same.
    let today = estimate(&Scenario::default(), &FacilityProfile::current()).unwrap();
    assert_eq!(milestone(&today, M::FirstBatchRelease), "2027-11-24");
    assert_eq!(today.campaign.last_release_date, e.campaign.last_release_date);
    assert!(close(today.engineering_cost.per_batch, e.engineering_cost.per_batch + 403_362.5, 0.01));
    assert!(close(today.program_cost.price_usd, 3_789_707.64 + 4.0 * 403_362.5, 0.01));
    assert!(close(today.program_cost.price_usd, 5_403_157.64, 0.01));
}

#[test]
fn the_headline_estimate_is_the_estimate_without_capacity_and_the_date_answer() {
    let mut s = Scenario::default();
    s.plan.due_date = Some(date(2028, 1, 9));
    let f = FacilityProfile::current();
    let full = estimate(&s, &f).unwrap();
    let headline = ttc_model::estimate_headline(&s, &f).unwrap();
    assert!(!full.capacity.is_empty() && full.deliver_by.is_some());
    assert!(headline.capacity.is_empty() && headline.deliver_by.is_none());
    assert_eq!(Estimate { capacity: Vec::new(), deliver_by: None, ..full }, headline);
}
