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

/// Whether a batch goes through GMP release (bulk-harvest safety testing, QC release, QA
/// disposition) or ships after downstream (engineering runs; tox batches unless chosen).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Release {
    Gmp,
    /// No GMP release: the material is available at the end of downstream.
    None,
}

/// Builds the batch timeline of a batch thawed on `thaw`. Expects a validated scenario.
pub fn build_timeline(
    stages: &[StageResult],
    production_days: u32,
    s: &Schedule,
    thaw: CivilDate,
    release: Release,
) -> Timeline {
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
    let (testing_days, qc_days, qa_days) = match release {
        Release::Gmp => (s.bulk_harvest_testing_days, s.qc_release_days, s.qa_disposition_days),
        Release::None => (0, 0, 0),
    };
    let testing_end_day = harvest_day + testing_days;
    let qc_end_day = downstream_end_day + qc_days;
    let results_day = testing_end_day.max(qc_end_day);
    let release_day = results_day + qa_days;

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
    if release == Release::Gmp {
        spans.push(span(Activity::BulkHarvestTesting, harvest_day, testing_end_day));
        spans.push(span(Activity::QcRelease, downstream_end_day, qc_end_day));
        spans.push(span(Activity::QaDisposition, results_day, release_day));
    }

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

impl Timeline {
    /// The same batch thawed on `thaw` instead.
    pub fn moved_to(&self, thaw: CivilDate) -> Timeline {
        let shift = self.thaw_date.days_until(thaw);
        let mut t = self.clone();
        t.thaw_date = thaw;
        for e in &mut t.events {
            e.date = e.date.add_days(shift);
            e.on_weekend = e.date.weekday().is_weekend();
        }
        for sp in &mut t.spans {
            sp.start_date = sp.start_date.add_days(shift);
            sp.end_date = sp.end_date.add_days(shift);
        }
        t.harvest_date = t.harvest_date.add_days(shift);
        t.downstream_end_date = t.downstream_end_date.add_days(shift);
        t.release_date = t.release_date.add_days(shift);
        t
    }
}

/// Days between successive inoculations over all lines: a line takes a new batch every
/// `line occupancy / planned utilisation` days, so L lines staggered take one every
/// cycle / L days; and the downstream trains must keep up, so never closer than downstream
/// days / trains. Whole days, at least one.
pub fn spacing_days(
    occupancy_days: u32,
    utilisation_pct: f64,
    lines: u32,
    downstream_days: u32,
    trains: u32,
) -> u32 {
    let cycle = f64::from(occupancy_days) / (utilisation_pct / 100.0);
    let per_lines = (cycle / f64::from(lines.max(1)) - 1e-9).ceil() as u32;
    let per_trains = (f64::from(downstream_days) / f64::from(trains.max(1)) - 1e-9).ceil() as u32;
    per_lines.max(per_trains).max(1)
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct CampaignBatch {
    /// 0-based.
    pub index: u32,
    /// 0-based production line.
    pub line: u32,
    /// The thaw of this batch's culture (for a batch from a rolling seed train, the thaw of
    /// the culture it comes from).
    pub thaw_date: CivilDate,
    /// False when the batch is seeded from a culture kept going since an earlier thaw.
    pub own_thaw: bool,
    pub inoculation_date: CivilDate,
    pub harvest_date: CivilDate,
    pub downstream_end_date: CivilDate,
    pub release_date: CivilDate,
    /// Days the facility calendar moved the batch (operations off closures and weekends).
    pub moved_days: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Campaign {
    pub batches: u32,
    pub lines_used: u32,
    /// Days between successive inoculations, over all lines, before the calendar moves any.
    pub spacing_days: u32,
    pub schedule: Vec<CampaignBatch>,
    pub last_release_date: CivilDate,
    /// First thaw to last release (days).
    pub duration_days: u32,
    /// Busy line-days / available line-days between the first inoculation and the last
    /// line's turnaround end (%): over this campaign's own span, so a short campaign reads
    /// high (one batch: 100 %).
    pub line_utilisation_pct: f64,
    /// Each line's busy share once batches follow each other at the spacing (%):
    /// occupancy / (spacing x lines). What a line runs at in a long campaign.
    pub steady_state_utilisation_pct: f64,
    /// Batches seeded from a rolling seed train (no thaw of their own).
    pub rolling_batches: u32,
}

impl Campaign {
    /// The campaign of the batches placed by the line planner ([`crate::lines`]).
    pub fn from_batches(
        timeline: &Timeline,
        schedule: Vec<CampaignBatch>,
        lines: u32,
        spacing_days: u32,
    ) -> Self {
        let batches = schedule.len() as u32;
        let first = schedule.first().copied();
        let first_thaw = first.map_or(timeline.thaw_date, |b| b.thaw_date);
        let first_inoculation = first.map_or(timeline.thaw_date, |b| b.inoculation_date);
        let last_inoculation = schedule.iter().map(|b| b.inoculation_date).max().unwrap_or(first_inoculation);
        let last_release_date =
            schedule.iter().map(|b| b.release_date).max().unwrap_or(timeline.release_date);
        let occupancy = timeline.line_occupancy_days;
        // Lines in use from the first inoculation to the end of the last batch's turnaround.
        let span_days = first_inoculation.days_until(last_inoculation).max(0) as f64 + f64::from(occupancy);
        let busy = f64::from(batches) * f64::from(occupancy);
        let available = f64::from(lines.min(batches.max(1))) * span_days.max(1.0);
        Campaign {
            batches,
            lines_used: lines,
            spacing_days,
            rolling_batches: schedule.iter().filter(|b| !b.own_thaw).count() as u32,
            schedule,
            last_release_date,
            duration_days: first_thaw.days_until(last_release_date).max(0) as u32,
            line_utilisation_pct: busy / available * 100.0,
            steady_state_utilisation_pct: (f64::from(occupancy)
                / (f64::from(spacing_days) * f64::from(lines.max(1)))
                * 100.0)
                .min(100.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Scenario;
    use crate::seed_train::run_seed_train;

    #[test]
    fn default_batch_dates_worked_by_hand() {
        // Thaw Monday 2027-03-01; a 2-day first flask and five 3-day stages -> N inoculated
        // day 17 (2027-03-18); 14 production days -> harvest day 31 (2027-04-01); downstream
        // 6 days -> day 37; bulk-harvest testing to day 31 + 28 = 59; QC to day 37 + 30 = 67;
        // release max(59, 67) + 7 = day 74 = 2027-05-14.
        let s = Scenario::default();
        let t = build_timeline(&run_seed_train(&s), 14, &s.schedule, s.schedule.thaw_date, Release::Gmp);
        assert_eq!(t.thaw_to_inoculation_days, 17);
        assert_eq!(t.harvest_day, 31);
        assert_eq!(t.harvest_date.to_string(), "2027-04-01");
        assert_eq!(t.downstream_end_day, 37);
        assert_eq!(t.release_day, 74);
        assert_eq!(t.release_date.to_string(), "2027-05-14");
        assert_eq!(t.line_occupancy_days, 17);
        // Transfers on days 2, 5, 8, 11, 14: day 5 is Saturday 2027-03-06; inoculation
        // (day 17) and harvest (day 31) fall on Thursdays.
        let weekend: Vec<u32> = t.events.iter().filter(|e| e.on_weekend).map(|e| e.day).collect();
        assert_eq!(weekend, vec![5]);
    }

    #[test]
    fn spacing_on_one_and_several_lines() {
        // One line: 17 days occupancy / 80 % = 21.25 -> a batch every 22 days.
        assert_eq!(spacing_days(17, 80.0, 1, 6, 1), 22);
        // Two lines: 21.25 / 2 = 10.6 -> 11.
        assert_eq!(spacing_days(17, 80.0, 2, 6, 1), 11);
        // Six lines: 21.25 / 6 = 3.54 -> 4, but one downstream train needs 6 days per batch;
        // two trains 3 days, so the lines set the pace again.
        assert_eq!(spacing_days(17, 80.0, 6, 6, 1), 6);
        assert_eq!(spacing_days(17, 80.0, 6, 6, 2), 4);
        // 20 days at 100 % on one line: exactly 20, not 21 (no rounding up of a whole number).
        assert_eq!(spacing_days(20, 100.0, 1, 6, 1), 20);
    }

    #[test]
    fn a_gmp_release_waits_for_testing_and_a_non_gmp_batch_does_not() {
        let s = Scenario::default();
        let stages = run_seed_train(&s);
        let none = build_timeline(&stages, 14, &s.schedule, s.schedule.thaw_date, Release::None);
        // Harvest day 31 + 6 days of downstream = day 37, and nothing after it.
        assert_eq!((none.downstream_end_day, none.release_day), (37, 37));
        assert!(!none.spans.iter().any(|sp| sp.activity == Activity::QcRelease));
        // Moved 10 days: released on 2027-03-01 + 47 days.
        let later = none.moved_to(s.schedule.thaw_date.add_days(10));
        assert_eq!(later.release_date.to_string(), "2027-04-17");
        assert_eq!(later.harvest_day, 31);
    }
}
