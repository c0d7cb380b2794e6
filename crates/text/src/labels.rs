//! Words for the model's data in the user's language: units, problems, fit items, cost
//! lines, steps. Each takes the `Locale`, so the text follows a language switch.
//!
//! One file on purpose: every function here is a `match` from one model type to its words,
//! short and independent; kept together they are the one place to check that every variant a
//! model type gains has its words in both languages (the compiler points here).

use crate::format::{format_date, format_number, format_short, Lang};
use crate::i18n::*;
use ttc_model::cost::{CostCategory, CostItem, QuantityUnit};
use ttc_model::downstream::DsStep;
use ttc_model::facility::{Bilingual, FacilityProfile, Rate, VesselKind};
use ttc_model::fit::{FitCheck, PublishedRange};
use ttc_model::scenario::{AdditionKind, Phase, ResinMode, StepKind};
use ttc_model::schedule::{Activity, Operation};
use ttc_model::validate::Problem;

/// A text of the facility's data in the user's language.
pub fn local(locale: Locale, text: &Bilingual) -> &str {
    match locale {
        Locale::en => &text.en,
        Locale::zh => &text.zh,
    }
}

pub fn lang(locale: Locale) -> Lang {
    match locale {
        Locale::en => Lang::En,
        Locale::zh => Lang::Zh,
    }
}

/// Units shown next to inputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Hours,
    Days,
    Litres,
    Percent,
    E6CellsPerMl,
    E6Cells,
    GPerL,
    Vvd,
    LPerM2,
    ColumnVolumes,
    Cycles,
    Batches,
    Grams,
    Lines,
    Diavolumes,
    Methods,
    MoneyPerL,
    MoneyPerM2,
    MoneyPerBatch,
    MoneyPerDay,
    /// A one-time fee.
    Money,
    MoneyPerMethod,
    People,
    ShiftsPerDay,
    PgPerCellDay,
    PerDay,
    Milligrams,
    /// A factor ("1.5 ×").
    Times,
}

pub fn unit_text(locale: Locale, unit: Unit) -> String {
    use Unit::*;
    let s = match unit {
        Hours => td_string!(locale, unit_h),
        Days => td_string!(locale, unit_days),
        Litres => "L",
        Percent => "%",
        E6CellsPerMl => td_string!(locale, unit_e6_per_ml),
        E6Cells => td_string!(locale, unit_e6_cells),
        GPerL => "g/L",
        Vvd => "VVD",
        LPerM2 => "L/m²",
        ColumnVolumes => "CV",
        Cycles => td_string!(locale, unit_cycles),
        Batches => td_string!(locale, unit_batches),
        Grams => "g",
        Lines => td_string!(locale, unit_lines),
        Diavolumes => "DV",
        Methods => td_string!(locale, unit_methods),
        MoneyPerL => "USD/L",
        MoneyPerM2 => "USD/m²",
        MoneyPerBatch => td_string!(locale, unit_usd_per_batch),
        MoneyPerDay => td_string!(locale, unit_usd_per_day),
        Money => td_string!(locale, unit_usd),
        MoneyPerMethod => td_string!(locale, unit_usd_per_method),
        People => td_string!(locale, unit_people),
        ShiftsPerDay => td_string!(locale, unit_shifts_per_day),
        PgPerCellDay => td_string!(locale, unit_pg_per_cell_day),
        PerDay => td_string!(locale, unit_per_day),
        Milligrams => "mg",
        Times => td_string!(locale, unit_times),
    };
    s.to_string()
}

/// A number in a problem's sentence: grouped and rounded ([`format_short`]), or in exponent
/// form, to three digits, where that would write more than 15 digits or round a value that is
/// not zero to `0` (`1e308`, `-2.5e20`, `1e-5`): a value from a link or a file can be anything
/// a binary64 holds. By hand: `format!("{:e}")` put 740 bytes of the standard library's
/// exponent formatting into the page's first load, for a message.
fn n(v: f64) -> String {
    let a = v.abs();
    if !a.is_finite() || (a < 1e15 && (a == 0.0 || a >= 5e-5)) {
        return format_short(v);
    }
    // a = m × 10^e with 1 <= m < 10 (the divisions round the mantissa, not its three digits).
    let (mut m, mut e) = (a, 0);
    while m >= 10.0 {
        m /= 10.0;
        e += 1;
    }
    while m < 1.0 {
        m *= 10.0;
        e -= 1;
    }
    let sign = if v < 0.0 { "-" } else { "" };
    format!("{sign}{}e{e}", format_short(m))
}

/// A field's problem in plain words, with the numbers.
pub fn problem_text(locale: Locale, p: &Problem) -> String {
    match p {
        Problem::NotANumber => td_string!(locale, err_not_a_number).to_string(),
        Problem::OutOfRange { value, min, max } => {
            tf!(locale, err_range, value = n(*value), min = n(*min), max = n(*max))
        }
        Problem::MustExceed { value, other_value, .. } => {
            tf!(locale, err_must_exceed, value = n(*value), other = n(*other_value))
        }
        Problem::UnknownVessel { id } => {
            tf!(locale, err_unknown_vessel, id = id.clone())
        }
        Problem::WrongVesselRole { production_expected: true, .. } => {
            td_string!(locale, err_not_production_vessel).to_string()
        }
        Problem::WrongVesselRole { production_expected: false, .. } => {
            td_string!(locale, err_not_seed_vessel).to_string()
        }
        Problem::FeedDayAfterHarvest { day, duration_days } => {
            tf!(locale, err_feed_after_harvest, day = *day, harvest = *duration_days)
        }
        Problem::RepeatedFeedDay { day } => {
            tf!(locale, err_repeated_day, day = *day)
        }
        Problem::NoSeedStages => td_string!(locale, err_no_stages).to_string(),
        Problem::TooMany { count, max } => tf!(locale, err_too_many, count = *count, max = *max),
        Problem::TextTooLong { chars, max } => tf!(locale, err_text_long, count = *chars, max = *max),
        Problem::BeyondCalendar { year, max_year } => {
            tf!(locale, err_beyond_calendar, year = year, max = max_year)
        }
        Problem::SamplesExceedCulture { samples_l, available_l } => {
            tf!(locale, err_samples, samples = n(*samples_l), available = n(*available_l))
        }
        Problem::TooManyBatchesNeeded { needed, max } => {
            tf!(locale, err_batches_needed, needed = n(*needed), max = n(*max))
        }
        Problem::StepListed { step, times } => {
            tf!(
                locale,
                err_step_listed,
                step = step_kind_name(locale, *step, Phase::Clinical),
                times = *times
            )
        }
        Problem::DependencyCycle { step } => {
            tf!(locale, err_dependency_cycle, step = step_kind_name(locale, *step, Phase::Clinical))
        }
    }
}

/// A program step's name (the campaign's follows the phase: tox batches are not GMP).
pub fn step_kind_name(locale: Locale, step: StepKind, phase: Phase) -> &'static str {
    match step {
        StepKind::TransferReview => td_string!(locale, step_review),
        StepKind::MethodTransfer => td_string!(locale, step_methods),
        StepKind::RawMaterials => td_string!(locale, step_materials),
        StepKind::BatchRecord => td_string!(locale, step_mbr),
        StepKind::SmallScale => td_string!(locale, step_small_scale),
        StepKind::EngineeringRuns => td_string!(locale, step_engineering),
        StepKind::Ppq => td_string!(locale, step_ppq),
        StepKind::GmpCampaign if phase == Phase::Tox => td_string!(locale, step_tox_campaign),
        StepKind::GmpCampaign => td_string!(locale, step_gmp_campaign),
    }
}

/// A vessel's name in the user's language, from its kind and nominal volume.
pub fn vessel_name(locale: Locale, facility: &FacilityProfile, id: &str) -> String {
    let Some(v) = facility.vessel(id) else {
        return id.to_string();
    };
    let size = if v.nominal_volume_l < 1.0 {
        format!("{} mL", format_number(v.nominal_volume_l * 1000.0, 0))
    } else {
        format!("{} L", format_number(v.nominal_volume_l, 0))
    };
    let kind = match v.kind {
        VesselKind::ShakeFlask => td_string!(locale, vessel_shake_flask),
        VesselKind::RockingBag => td_string!(locale, vessel_rocking_bag),
        VesselKind::StirredSub => td_string!(locale, vessel_sub),
    };
    format!("{kind} {size}")
}

pub fn phase_name(locale: Locale, phase: Phase) -> &'static str {
    match phase {
        Phase::Tox => td_string!(locale, phase_tox),
        Phase::Clinical => td_string!(locale, phase_clinical),
        Phase::PpqCommercial => td_string!(locale, phase_ppq),
    }
}

pub fn resin_mode_name(locale: Locale, mode: ResinMode) -> &'static str {
    match mode {
        ResinMode::Amortised => td_string!(locale, resin_amortised),
        ResinMode::DedicatedToCampaign => td_string!(locale, resin_dedicated),
    }
}

pub fn step_name(locale: Locale, step: DsStep) -> &'static str {
    match step {
        DsStep::Clarification => td_string!(locale, step_clarification),
        DsStep::ProteinA => td_string!(locale, step_protein_a),
        DsStep::LowPh => td_string!(locale, step_low_ph),
        DsStep::Aex => td_string!(locale, step_aex),
        DsStep::Cex => td_string!(locale, step_cex),
        DsStep::VirusFiltration => td_string!(locale, step_virus_filtration),
        DsStep::UfDf => td_string!(locale, step_ufdf),
    }
}

pub fn stage_name(locale: Locale, index: usize, count: usize) -> String {
    // N-1 is the last seed stage; N-k counts back from it.
    let from_n = count.saturating_sub(index);
    tf!(locale, stage_label, number = index + 1, n = from_n)
}

pub fn category_name(locale: Locale, c: CostCategory) -> &'static str {
    use CostCategory::*;
    match c {
        Media => td_string!(locale, cat_media),
        Buffers => td_string!(locale, cat_buffers),
        SingleUse => td_string!(locale, cat_single_use),
        Filters => td_string!(locale, cat_filters),
        Resins => td_string!(locale, cat_resins),
        Labour => td_string!(locale, cat_labour),
        FacilityTime => td_string!(locale, cat_facility_time),
        Qc => td_string!(locale, cat_qc),
        Qa => td_string!(locale, cat_qa),
        Overhead => td_string!(locale, cat_overhead),
        Margin => td_string!(locale, cat_margin),
    }
}

/// An addition to the production bioreactor.
pub fn addition_name(locale: Locale, kind: AdditionKind) -> &'static str {
    match kind {
        AdditionKind::Base => td_string!(locale, add_base),
        AdditionKind::Glucose => td_string!(locale, add_glucose),
        AdditionKind::Antifoam => td_string!(locale, add_antifoam),
    }
}

pub fn cost_item_name(locale: Locale, facility: &FacilityProfile, item: &CostItem) -> String {
    use CostItem::*;
    match item {
        SeedTrainMedium => td_string!(locale, item_seed_medium).to_string(),
        BasalMedium => td_string!(locale, item_basal_medium).to_string(),
        FeedMedium(name) => {
            tf!(locale, item_feed_medium, name = name.clone())
        }
        PerfusionMedium => td_string!(locale, item_perfusion_medium).to_string(),
        Buffer => td_string!(locale, item_buffer).to_string(),
        Additions => td_string!(locale, item_additions).to_string(),
        VesselKit(id) => tf!(locale, item_vessel_kit, vessel = vessel_name(locale, facility, id)),
        DspSingleUse => td_string!(locale, item_dsp_single_use).to_string(),
        DepthFilter => td_string!(locale, item_depth_filter).to_string(),
        VirusFilter => td_string!(locale, item_virus_filter).to_string(),
        SterileFilters => td_string!(locale, item_sterile_filters).to_string(),
        Resin(step) => tf!(locale, item_resin, step = step_name(locale, *step)),
        UspLabour => td_string!(locale, item_usp_labour).to_string(),
        DspLabour => td_string!(locale, item_dsp_labour).to_string(),
        PrepLabour => td_string!(locale, item_prep_labour).to_string(),
        SupportLabour => td_string!(locale, item_support_labour).to_string(),
        SeedSuite => td_string!(locale, item_seed_suite).to_string(),
        ProductionLine => td_string!(locale, item_production_line).to_string(),
        DspSuite => td_string!(locale, item_dsp_suite).to_string(),
        QcRelease => td_string!(locale, item_qc_release).to_string(),
        BulkHarvestTesting => td_string!(locale, item_bulk_harvest_testing).to_string(),
        QaReview => td_string!(locale, item_qa_review).to_string(),
        PpqTesting => td_string!(locale, item_ppq_testing).to_string(),
        Overhead => td_string!(locale, item_overhead).to_string(),
        Margin => td_string!(locale, item_margin).to_string(),
    }
}

pub fn quantity_unit(locale: Locale, u: QuantityUnit) -> &'static str {
    use QuantityUnit::*;
    match u {
        Litre => "L",
        ResinLitre => td_string!(locale, qty_resin_l),
        SquareMetre => "m²",
        Each => td_string!(locale, qty_each),
        Batch => td_string!(locale, qty_batch),
        OperatorDay => td_string!(locale, qty_operator_day),
        SuiteDay => td_string!(locale, qty_suite_day),
        Money => "",
    }
}

pub fn rate_name(locale: Locale, rate: Rate) -> &'static str {
    use Rate::*;
    match rate {
        SeedMediumPerL => td_string!(locale, rate_seed_medium_per_l),
        BasalMediumPerL => td_string!(locale, rate_basal_medium_per_l),
        FeedMediumPerL => td_string!(locale, rate_feed_medium_per_l),
        PerfusionMediumPerL => td_string!(locale, rate_perfusion_medium_per_l),
        BufferPerL => td_string!(locale, rate_buffer_per_l),
        DepthFilterPerM2 => td_string!(locale, rate_depth_filter_per_m2),
        VirusFilterPerM2 => td_string!(locale, rate_virus_filter_per_m2),
        SterileFiltersPerBatch => td_string!(locale, rate_sterile_filters_per_batch),
        DspSingleUsePerBatch => td_string!(locale, rate_dsp_single_use_per_batch),
        ProteinAResinPerL => td_string!(locale, rate_protein_a_resin_per_l),
        AexResinPerL => td_string!(locale, rate_aex_resin_per_l),
        CexResinPerL => td_string!(locale, rate_cex_resin_per_l),
        OperatorDay => td_string!(locale, rate_operator_day),
        UspOperators => td_string!(locale, rate_usp_operators),
        DspOperators => td_string!(locale, rate_dsp_operators),
        SeedSuiteDay => td_string!(locale, rate_seed_suite_day),
        ProductionLineDay => td_string!(locale, rate_production_line_day),
        DspSuiteDay => td_string!(locale, rate_dsp_suite_day),
        QcReleasePerBatch => td_string!(locale, rate_qc_release_per_batch),
        BulkHarvestTestingPerBatch => td_string!(locale, rate_bulk_harvest_testing_per_batch),
        QaReviewPerBatch => td_string!(locale, rate_qa_review_per_batch),
        OverheadPct => td_string!(locale, rate_overhead_pct),
        MarginPct => td_string!(locale, rate_margin_pct),
        TransferReviewFee => td_string!(locale, rate_transfer_review_fee),
        MethodTransferPerMethod => td_string!(locale, rate_method_transfer_per_method),
        RawMaterialsFee => td_string!(locale, rate_raw_materials_fee),
        BatchRecordFee => td_string!(locale, rate_batch_record_fee),
        SmallScaleFee => td_string!(locale, rate_small_scale_fee),
        PpqTestingPerBatch => td_string!(locale, rate_ppq_testing_per_batch),
        UspShiftsPerDay => td_string!(locale, rate_usp_shifts_per_day),
        DspShiftsPerDay => td_string!(locale, rate_dsp_shifts_per_day),
        PrepStaff => td_string!(locale, rate_prep_staff),
        SupportStaff => td_string!(locale, rate_support_staff),
    }
}

pub fn activity_name(locale: Locale, a: Activity, stages: usize) -> String {
    match a {
        Activity::SeedStage(i) => stage_name(locale, i, stages),
        Activity::Production => td_string!(locale, act_production).to_string(),
        Activity::Turnaround => td_string!(locale, act_turnaround).to_string(),
        Activity::Downstream => td_string!(locale, act_downstream).to_string(),
        Activity::BulkHarvestTesting => td_string!(locale, act_bulk_harvest_testing).to_string(),
        Activity::QcRelease => td_string!(locale, act_qc_release).to_string(),
        Activity::QaDisposition => td_string!(locale, act_qa_disposition).to_string(),
    }
}

pub fn operation_name(locale: Locale, op: Operation, stages: usize) -> String {
    match op {
        Operation::Thaw => td_string!(locale, op_thaw).to_string(),
        Operation::Transfer { to_stage } => {
            tf!(locale, op_transfer, stage = stage_name(locale, to_stage, stages))
        }
        Operation::InoculateProduction => td_string!(locale, op_inoculate).to_string(),
        Operation::Harvest => td_string!(locale, op_harvest).to_string(),
    }
}

fn published_name(locale: Locale, r: PublishedRange) -> &'static str {
    use PublishedRange::*;
    match r {
        SeedSeedingDensity => td_string!(locale, pub_seed_seeding),
        SeedSplitDensity => td_string!(locale, pub_seed_split),
        NMinus1FinalDensity => td_string!(locale, pub_n1_final),
        PerfusionFinalDensity => td_string!(locale, pub_perfusion_final),
        ProductionSeedingDensity => td_string!(locale, pub_n_seeding),
        DoublingTime => td_string!(locale, pub_doubling_time),
        ProductionDays => td_string!(locale, pub_production_days),
        Titer => td_string!(locale, pub_titer),
        DownstreamYield => td_string!(locale, pub_dsp_yield),
        BulkHarvestTesting => td_string!(locale, pub_bulk_harvest_testing),
        ProteinADbc => td_string!(locale, pub_protein_a_dbc),
        ProteinALoadFraction => td_string!(locale, pub_protein_a_load),
        ProteinABufferCv => td_string!(locale, pub_protein_a_buffer),
        SpecificProductivity => td_string!(locale, pub_qp),
    }
}

/// A facility-fit item in plain words, with its numbers.
pub fn fit_text(locale: Locale, check: &FitCheck, facility: &FacilityProfile, stages: usize) -> String {
    let stage = |s: Option<usize>| match s {
        Some(i) => stage_name(locale, i, stages),
        None => td_string!(locale, production_bioreactor).to_string(),
    };
    match check {
        FitCheck::StageVolume { stage: i, vessel_id, volume_l, min_l, max_l } => tf!(
            locale,
            fit_stage_volume,
            stage = stage_name(locale, *i, stages),
            volume = n(*volume_l),
            vessel = vessel_name(locale, facility, vessel_id),
            min = n(*min_l),
            max = n(*max_l)
        ),
        FitCheck::InoculumAvailable { stage: s, needed_l, available_l } => {
            tf!(locale, fit_inoculum, stage = stage(*s), needed = n(*needed_l), available = n(*available_l))
        }
        FitCheck::InoculumShare { stage: s, inoculum_l, previous_l } => tf!(
            locale,
            fit_inoculum_share,
            stage = stage(*s),
            inoculum = n(*inoculum_l),
            previous = n(*previous_l),
            share = n(inoculum_l / previous_l * 100.0)
        ),
        FitCheck::PassageDensity { stage: i, density_e6_per_ml, low_e6_per_ml, high_e6_per_ml, window } => {
            let (stage, density, low, high) = (
                stage_name(locale, *i, stages),
                n(*density_e6_per_ml),
                n(*low_e6_per_ml),
                n(*high_e6_per_ml),
            );
            if *window {
                tf!(locale, fit_passage_window, stage = stage, density = density, low = low, high = high)
            } else {
                tf!(locale, fit_passage_published, stage = stage, density = density, low = low, high = high)
            }
        }
        FitCheck::Overgrown { stage: i, ceiling_e6_per_ml, reached_after_days, duration_days } => tf!(
            locale,
            fit_overgrown,
            stage = stage_name(locale, *i, stages),
            ceiling = n(*ceiling_e6_per_ml),
            reached = n(*reached_after_days),
            days = duration_days
        ),
        FitCheck::VialCount { needed, max } => tf!(locale, fit_vials, needed = n(*needed), max = n(*max)),
        FitCheck::SeedingReachable { stage: s, target_e6_per_ml, previous_final_e6_per_ml } => tf!(
            locale,
            fit_seeding_reachable,
            stage = stage(*s),
            target = n(*target_e6_per_ml),
            previous = n(*previous_final_e6_per_ml)
        ),
        FitCheck::ProductionInitialVolume { volume_l, min_l, max_l } => {
            tf!(locale, fit_initial_volume, volume = n(*volume_l), min = n(*min_l), max = n(*max_l))
        }
        FitCheck::FeedOverflow { max_volume_l, vessel_max_l, max_whole_initial_volume_l, .. } => tf!(
            locale,
            fit_feed_overflow,
            peak = n(*max_volume_l),
            max = n(*vessel_max_l),
            v0 = format_number(*max_whole_initial_volume_l, 0)
        ),
        FitCheck::Headroom { max_volume_l, limit_l, headroom_pct, max_whole_initial_volume_l } => tf!(
            locale,
            fit_headroom,
            peak = n(*max_volume_l),
            limit = n(*limit_l),
            pct = n(*headroom_pct),
            v0 = format_number(*max_whole_initial_volume_l, 0)
        ),
        FitCheck::ColumnCycles { step, cycles, max_cycles } => {
            tf!(locale, fit_cycles, step = step_name(locale, *step), cycles = *cycles, max = *max_cycles)
        }
        FitCheck::WeekendOperation { operation, date } => tf!(
            locale,
            fit_weekend,
            operation = operation_name(locale, *operation, stages),
            date = format_date(*date, lang(locale))
        ),
        FitCheck::ClosureOperation { series, batch, operation, date } => tf!(
            locale,
            fit_closure,
            operation = operation_name(locale, *operation, stages),
            series = match series {
                StepKind::EngineeringRuns => td_string!(locale, series_engineering),
                StepKind::Ppq => td_string!(locale, series_ppq),
                _ => td_string!(locale, series_campaign),
            },
            batch = batch + 1,
            closure = facility.closure_on(*date).map_or("", |c| local(locale, &c.name)).to_string(),
            date = format_date(*date, lang(locale))
        ),
        FitCheck::LinesNotInstalled { lines_used, lines_installed } => {
            tf!(locale, fit_lines, used = *lines_used, installed = *lines_installed)
        }
        FitCheck::OutsidePublished { range, value } => {
            let (low, high) = range.bounds();
            tf!(
                locale,
                fit_published,
                what = published_name(locale, *range),
                value = n(*value),
                low = n(low),
                high = n(high)
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_writes_any_value_in_a_few_characters() {
        let range = |value| problem_text(Locale::en, &Problem::OutOfRange { value, min: 0.01, max: 100.0 });
        assert_eq!(range(-5.0), "-5 is outside the allowed range 0.01 to 100.");
        assert_eq!(range(1e308), "1e308 is outside the allowed range 0.01 to 100.");
        assert_eq!(range(-2.5e20), "-2.5e20 is outside the allowed range 0.01 to 100.");
        // 0.00001 rounded to four decimals would read "0", which is not the value entered.
        assert_eq!(range(0.00001), "1e-5 is outside the allowed range 0.01 to 100.");
        assert_eq!(range(0.0), "0 is outside the allowed range 0.01 to 100.");
        assert_eq!(range(123_456_789.0), "123,456,789 is outside the allowed range 0.01 to 100.");
        assert_eq!(range(1.2345e17), "1.23e17 is outside the allowed range 0.01 to 100.");
        assert_eq!(range(f64::MAX), "1.8e308 is outside the allowed range 0.01 to 100.");
        assert_eq!(range(5e-324), "4.94e-324 is outside the allowed range 0.01 to 100.");
    }
}
