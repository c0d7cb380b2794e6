//! Timing: the batch timeline from vial thaw to release, with calendar dates and weekend
//! operations, and the campaign across production lines.

use super::date::CivilDate;
use super::scenario::Schedule;
use super::seed_train::StageResult;
use serde::Serialize;

/// A dated operation that people must be in the suite for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Operation {
    Thaw,
    /// Passage into seed stage `n` (0-based index in the seed train).
    Transfer {
        to_stage: usize,
    },
    InoculateProduction,
    Harvest,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Event {
    pub operation: Operation,
    /// Days after thaw.
    pub day: u32,
    pub date: CivilDate,
    pub on_weekend: bool,
}

/// A span on the timeline chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Activity {
    #[serde(serialize_with = "crate::estimate_file::seed_stage")]
    SeedStage(usize),
    Production,
    Turnaround,
    Downstream,
    BulkHarvestTesting,
    QcRelease,
    QaDisposition,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Span {
    pub activity: Activity,
    pub start_day: u32,
    pub end_day: u32,
    pub start_date: CivilDate,
    pub end_date: CivilDate,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Timeline {
    pub thaw_date: CivilDate,
    pub events: Vec<Event>,
    pub spans: Vec<Span>,
    pub thaw_to_inoculation_days: u32,
    pub production_days: u32,
    pub harvest_day: u32,
    pub harvest_date: CivilDate,
    pub downstream_end_day: u32,
    pub downstream_end_date: CivilDate,
    /// Release = max(harvest + bulk-harvest testing, downstream end + QC release) + QA
    /// disposition.
    pub release_day: u32,
    pub release_date: CivilDate,
    /// Thaw to release (days).
    pub batch_cycle_days: u32,
    /// Days a production line is taken by one batch: production + turnaround.
    pub line_occupancy_days: u32,
}

/// Builds the batch timeline. Expects a validated scenario.
pub fn build_timeline(stages: &[StageResult], production_days: u32, s: &Schedule) -> Timeline {
    let thaw = s.thaw_date;
    let date = |day: u32| thaw.add_days(i64::from(day));
    let event = |operation, day: u32| {
        let d = date(day);
        Event { operation, day, date: d, on_weekend: d.weekday().is_weekend() }
    };
    let span = |activity, start_day: u32, end_day: u32| Span {
        activity,
        start_day,
        end_day,
        start_date: date(start_day),
        end_date: date(end_day),
    };

    let inoculation_day = stages.last().map_or(0, |st| st.end_day);
    let harvest_day = inoculation_day + production_days;
    let downstream_end_day = harvest_day + s.downstream_days;
    let testing_end_day = harvest_day + s.bulk_harvest_testing_days;
    let qc_end_day = downstream_end_day + s.qc_release_days;
    let results_day = testing_end_day.max(qc_end_day);
    let release_day = results_day + s.qa_disposition_days;

    let mut events = vec![event(Operation::Thaw, 0)];
    for (i, st) in stages.iter().enumerate().skip(1) {
        events.push(event(Operation::Transfer { to_stage: i }, st.start_day));
    }
    events.push(event(Operation::InoculateProduction, inoculation_day));
    events.push(event(Operation::Harvest, harvest_day));

    let mut spans: Vec<Span> = stages
        .iter()
        .enumerate()
        .map(|(i, st)| span(Activity::SeedStage(i), st.start_day, st.end_day))
        .collect();
    spans.push(span(Activity::Production, inoculation_day, harvest_day));
    spans.push(span(Activity::Turnaround, harvest_day, harvest_day + s.turnaround_days));
    spans.push(span(Activity::Downstream, harvest_day, downstream_end_day));
    spans.push(span(Activity::BulkHarvestTesting, harvest_day, testing_end_day));
    spans.push(span(Activity::QcRelease, downstream_end_day, qc_end_day));
    spans.push(span(Activity::QaDisposition, results_day, release_day));

    Timeline {
        thaw_date: thaw,
        events,
        spans,
        thaw_to_inoculation_days: inoculation_day,
        production_days,
        harvest_day,
        harvest_date: date(harvest_day),
        downstream_end_day,
        downstream_end_date: date(downstream_end_day),
        release_day,
        release_date: date(release_day),
        batch_cycle_days: release_day,
        line_occupancy_days: production_days + s.turnaround_days,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct CampaignBatch {
    /// 0-based.
    pub index: u32,
    /// 0-based production line.
    pub line: u32,
    pub thaw_date: CivilDate,
    pub inoculation_date: CivilDate,
    pub harvest_date: CivilDate,
    pub release_date: CivilDate,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Campaign {
    pub batches: u32,
    pub lines_used: u32,
    /// Days between successive inoculations, over all lines.
    pub spacing_days: u32,
    pub schedule: Vec<CampaignBatch>,
    pub last_release_date: CivilDate,
    /// First thaw to last release (days).
    pub duration_days: u32,
    /// Busy line-days / available line-days between the first inoculation and the last
    /// line's turnaround end (%).
    pub line_utilisation_pct: f64,
}

/// Spaces the campaign's batches over the lines. A line takes a new batch every
/// `line occupancy / planned utilisation` days; with L lines the inoculations are staggered
/// by that cycle / L; and as there is one downstream train, never closer than the downstream
/// days, so that downstream runs do not overlap.
pub fn plan_campaign(timeline: &Timeline, batches: u32, s: &Schedule) -> Campaign {
    let lines = s.lines_used.max(1);
    let cycle = f64::from(timeline.line_occupancy_days) / (s.line_utilisation_pct / 100.0);
    let spacing_days = ((cycle / f64::from(lines) - 1e-9).ceil() as u32).max(s.downstream_days).max(1);
    let shift = |date: CivilDate, k: u32| date.add_days(i64::from(k) * i64::from(spacing_days));
    let inoculation = timeline.thaw_date.add_days(i64::from(timeline.thaw_to_inoculation_days));
    let schedule: Vec<CampaignBatch> = (0..batches)
        .map(|k| CampaignBatch {
            index: k,
            line: k % lines,
            thaw_date: shift(timeline.thaw_date, k),
            inoculation_date: shift(inoculation, k),
            harvest_date: shift(timeline.harvest_date, k),
            release_date: shift(timeline.release_date, k),
        })
        .collect();
    let last = batches.saturating_sub(1);
    let last_release_date = shift(timeline.release_date, last);
    // Lines in use from the first inoculation to the end of the last batch's turnaround.
    let span_days = last * spacing_days + timeline.line_occupancy_days;
    let busy = f64::from(batches) * f64::from(timeline.line_occupancy_days);
    let available = f64::from(lines.min(batches.max(1))) * f64::from(span_days.max(1));
    Campaign {
        batches,
        lines_used: lines,
        spacing_days,
        schedule,
        last_release_date,
        duration_days: timeline.release_day + last * spacing_days,
        line_utilisation_pct: busy / available * 100.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Scenario;
    use crate::seed_train::run_seed_train;

    #[test]
    fn default_batch_dates_worked_by_hand() {
        // Thaw Monday 2027-03-01; five 3-day seed stages -> N inoculated day 15 (2027-03-16);
        // 14 production days -> harvest day 29 (2027-03-30); downstream 6 days -> day 35;
        // bulk-harvest testing to day 29 + 28 = 57; QC to day 35 + 30 = 65; release
        // max(57, 65) + 7 = day 72 = 2027-05-12.
        let s = Scenario::default();
        let t = build_timeline(&run_seed_train(&s), 14, &s.schedule);
        assert_eq!(t.thaw_to_inoculation_days, 15);
        assert_eq!(t.harvest_day, 29);
        assert_eq!(t.harvest_date.to_string(), "2027-03-30");
        assert_eq!(t.downstream_end_day, 35);
        assert_eq!(t.release_day, 72);
        assert_eq!(t.release_date.to_string(), "2027-05-12");
        assert_eq!(t.line_occupancy_days, 17);
        // Transfers on days 3, 6, 9, 12: day 6 is Sunday 2027-03-07, day 12 Saturday 2027-03-13;
        // inoculation (day 15) and harvest (day 29) fall on Tuesdays.
        let weekend: Vec<u32> = t.events.iter().filter(|e| e.on_weekend).map(|e| e.day).collect();
        assert_eq!(weekend, vec![6, 12]);
    }

    #[test]
    fn campaign_spacing_on_one_and_several_lines() {
        let s = Scenario::default();
        let t = build_timeline(&run_seed_train(&s), 14, &s.schedule);
        // One line: 17 days occupancy / 80 % = 21.25 -> a batch every 22 days.
        let c = plan_campaign(&t, 3, &s.schedule);
        assert_eq!(c.spacing_days, 22);
        // Last release 72 + 2 x 22 = day 116 after thaw.
        assert_eq!(c.duration_days, 116);
        assert_eq!(c.last_release_date, s.schedule.thaw_date.add_days(116));
        // Busy 3 x 17 = 51 line-days over 2 x 22 + 17 = 61 days: 83.6 %.
        assert!((c.line_utilisation_pct - 51.0 / 61.0 * 100.0).abs() < 1e-9);
        // Six lines: 21.25 / 6 = 3.54 -> 4, but one downstream train needs 6 days per batch.
        let mut six = s.schedule.clone();
        six.lines_used = 6;
        let c6 = plan_campaign(&t, 12, &six);
        assert_eq!(c6.spacing_days, 6);
        assert_eq!(c6.schedule[7].line, 1);
    }
}
