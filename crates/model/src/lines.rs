//! The line planner: places a series of batches (engineering runs, PPQ batches, the GMP
//! campaign) on the production lines, one after the other.
//!
//! Each batch is inoculated at the earliest day that (1) keeps the planned spacing after the
//! previous inoculation ([`crate::schedule::spacing_days`]), (2) finds a line free (its
//! previous batch harvested and turned around), (3) finds a downstream train free at harvest,
//! and, when the scenario asks for it, (4) puts thaw, transfers, inoculation and harvest on
//! working days of the facility calendar (no closure; no weekend unless allowed), moving the
//! batch later a day at a time. Without the calendar option and without a rolling seed train
//! this is the uniform stagger of earlier releases: inoculation k = first + k x spacing on
//! line k mod L (the corpus of version-1 links checks it).
//!
//! Rolling seed train (DOMAIN.md): one thaw keeps a seed culture going; a later batch takes
//! only a fresh N-1 expansion from it, while the culture's age at inoculation (days from its
//! thaw) stays within the validated limit; past it, the batch thaws a new vial.

use crate::date::CivilDate;
use crate::facility::FacilityProfile;
use crate::schedule::{CampaignBatch, Operation, Timeline};
use serde::Serialize;

/// Most days the calendar may move one batch: past it (a calendar with no working days) the
/// batch stays where it was and its operations are flagged instead.
const MAX_CALENDAR_SHIFT_DAYS: u32 = 60;

/// An operation that falls on a day the facility does not work.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct BlockedOperation {
    /// The batch, 0-based within its series.
    pub batch: u32,
    pub operation: Operation,
    pub date: CivilDate,
    /// In a facility closure (otherwise on a weekend while weekends are not allowed).
    pub closure: bool,
}

/// The facility's working days as the scenario sees them.
#[derive(Clone, Copy)]
pub struct Calendar<'a> {
    pub facility: &'a FacilityProfile,
    pub weekends_allowed: bool,
    /// Move batches off non-working days (otherwise only flag them).
    pub avoid: bool,
}

impl Calendar<'_> {
    /// Why `date` is not a working day: `Some(true)` a closure, `Some(false)` a weekend.
    pub fn blocked(&self, date: CivilDate) -> Option<bool> {
        if self.facility.closure_on(date).is_some() {
            Some(true)
        } else if !self.weekends_allowed && date.weekday().is_weekend() {
            Some(false)
        } else {
            None
        }
    }
}

/// How a series of batches is placed.
pub struct LinePlan<'a> {
    /// One batch from thaw to release; its day offsets are every batch's.
    pub timeline: &'a Timeline,
    /// Days from thaw to the start of the last seed stage (N-1): a batch from a rolling seed
    /// train starts there.
    pub n_minus_1_start_day: u32,
    pub lines: u32,
    pub spacing_days: u32,
    pub downstream_trains: u32,
    pub downstream_days: u32,
    /// `Some(max age in days)` for a rolling seed train.
    pub rolling_max_age_days: Option<u32>,
    pub calendar: Calendar<'a>,
}

/// Where the lines and downstream trains stand between series: a series placed after
/// another waits for the lines and trains it leaves busy.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LineState {
    line_free: Vec<Option<CivilDate>>,
    train_free: Vec<Option<CivilDate>>,
}

/// A placed series.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Placed {
    pub batches: Vec<CampaignBatch>,
    /// Operations left on non-working days (all of them when the calendar is not avoided).
    pub blocked: Vec<BlockedOperation>,
}

impl LinePlan<'_> {
    /// The operations of a batch inoculated on `inoculation` (with or without its own thaw).
    fn operations(&self, inoculation: CivilDate, own_thaw: bool) -> Vec<(Operation, CivilDate)> {
        let t = self.timeline;
        let at = |day: u32| inoculation.add_days(i64::from(day) - i64::from(t.thaw_to_inoculation_days));
        if own_thaw {
            t.events.iter().map(|e| (e.operation, at(e.day))).collect()
        } else {
            // A one-stage train has no transfer into N-1: its N-1 starts at the thaw.
            let start = t
                .events
                .iter()
                .find(|e| {
                    matches!(e.operation, Operation::Transfer { .. }) && e.day == self.n_minus_1_start_day
                })
                .map_or(Operation::Thaw, |e| e.operation);
            vec![
                (start, at(self.n_minus_1_start_day)),
                (Operation::InoculateProduction, inoculation),
                (Operation::Harvest, at(t.harvest_day)),
            ]
        }
    }

    /// Places `count` batches on free lines, the first thawed no earlier than `earliest_thaw`.
    pub fn place(&self, count: u32, earliest_thaw: CivilDate) -> Placed {
        self.place_after(count, earliest_thaw, &mut LineState::default())
    }

    /// Places `count` batches after what `state` holds busy, and leaves the lines and
    /// trains they take in `state`.
    pub fn place_after(&self, count: u32, earliest_thaw: CivilDate, state: &mut LineState) -> Placed {
        let t = self.timeline;
        let s = i64::from(t.thaw_to_inoculation_days);
        let offset = |day: u32| i64::from(day) - s;
        let lines = self.lines.max(1) as usize;
        let trains = self.downstream_trains.max(1) as usize;
        state.line_free.resize(lines, None);
        state.train_free.resize(trains, None);
        let LineState { line_free, train_free } = state;
        let mut culture_thaw: Option<CivilDate> = None;
        let mut previous: Option<CivilDate> = None;
        let mut batches = Vec::with_capacity(count as usize);
        let mut blocked = Vec::new();
        for k in 0..count {
            let mut earliest = match previous {
                None => earliest_thaw.add_days(s),
                Some(p) => p.add_days(i64::from(self.spacing_days)),
            };
            // The line free longest (one never used first; the lowest number among equals): a
            // line that just ran an engineering run turns around while another takes the batch.
            let line = (0..lines).min_by_key(|&l| (line_free[l], l)).unwrap_or(0);
            if let Some(free) = line_free[line] {
                earliest = earliest.max(free);
            }
            let train = (0..trains).min_by_key(|&i| (train_free[i], i)).unwrap_or(0);
            if let Some(free) = train_free[train] {
                earliest = earliest.max(free.add_days(-offset(t.harvest_day)));
            }
            let own_thaw_at = |inoculation: CivilDate| match (self.rolling_max_age_days, culture_thaw) {
                (Some(max_age), Some(thaw)) => thaw.days_until(inoculation) > i64::from(max_age),
                _ => true,
            };
            let mut inoculation = earliest;
            let mut moved_days = 0;
            if self.calendar.avoid {
                // Every operation on a working day; when no day within reach gives that (a
                // batch whose operations fall on every weekday cannot keep off weekends too),
                // at least off the closures: weekend operations are then flagged.
                let fits = |closures_only: bool| {
                    (0..=MAX_CALENDAR_SHIFT_DAYS).find(|&shift| {
                        let candidate = earliest.add_days(i64::from(shift));
                        self.operations(candidate, own_thaw_at(candidate)).iter().all(|&(_, d)| {
                            self.calendar.blocked(d).is_none_or(|closure| closures_only && !closure)
                        })
                    })
                };
                if let Some(shift) = fits(false).or_else(|| fits(true)) {
                    inoculation = earliest.add_days(i64::from(shift));
                    moved_days = shift;
                }
            }
            let own_thaw = own_thaw_at(inoculation);
            if own_thaw {
                culture_thaw = Some(inoculation.add_days(-s));
            }
            for (operation, date) in self.operations(inoculation, own_thaw) {
                if let Some(closure) = self.calendar.blocked(date) {
                    blocked.push(BlockedOperation { batch: k, operation, date, closure });
                }
            }
            let harvest = inoculation.add_days(offset(t.harvest_day));
            line_free[line] = Some(harvest.add_days(i64::from(t.line_occupancy_days - t.production_days)));
            train_free[train] = Some(harvest.add_days(i64::from(self.downstream_days)));
            previous = Some(inoculation);
            batches.push(CampaignBatch {
                index: k,
                line: line as u32,
                thaw_date: culture_thaw.unwrap_or(inoculation.add_days(-s)),
                own_thaw,
                inoculation_date: inoculation,
                harvest_date: harvest,
                downstream_end_date: inoculation.add_days(offset(t.downstream_end_day)),
                release_date: inoculation.add_days(offset(t.release_day)),
                moved_days,
            });
        }
        Placed { batches, blocked }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::{build_timeline, spacing_days, Release};
    use crate::seed_train::run_seed_train;

    fn plan<'a>(t: &'a Timeline, f: &'a FacilityProfile, lines: u32, avoid: bool) -> LinePlan<'a> {
        LinePlan {
            timeline: t,
            n_minus_1_start_day: 12,
            lines,
            spacing_days: spacing_days(17, 80.0, lines, 6, 1),
            downstream_trains: 1,
            downstream_days: 6,
            rolling_max_age_days: None,
            calendar: Calendar { facility: f, weekends_allowed: true, avoid },
        }
    }

    /// The default batch of versions 1 and 2 (a 15-day seed train), as worked by hand below.
    fn default_timeline() -> Timeline {
        let s = crate::link::baseline_v2();
        build_timeline(&run_seed_train(&s), 14, &s.schedule, s.schedule.thaw_date, Release::Gmp)
    }

    #[test]
    fn without_calendar_or_rolling_batches_follow_the_uniform_stagger() {
        let t = default_timeline();
        let f = FacilityProfile::current();
        let thaw = CivilDate::from_ymd(2027, 3, 1).unwrap();
        // Two lines: one inoculation every 11 days, lines alternating.
        let placed = plan(&t, &f, 2, false).place(4, thaw);
        let inoc: Vec<String> = placed.batches.iter().map(|b| b.inoculation_date.to_string()).collect();
        // Day 15 = 2027-03-16, then + 11, + 22, + 33.
        assert_eq!(inoc, ["2027-03-16", "2027-03-27", "2027-04-07", "2027-04-18"]);
        let lines: Vec<u32> = placed.batches.iter().map(|b| b.line).collect();
        assert_eq!(lines, [0, 1, 0, 1]);
        // Release 72 days after each thaw: 2027-03-01 + 72 = 2027-05-12.
        assert_eq!(placed.batches[0].release_date.to_string(), "2027-05-12");
    }

    #[test]
    fn the_calendar_moves_a_batch_off_a_closure_and_says_by_how_much() {
        let t = default_timeline();
        let f = FacilityProfile::current();
        // Operations on days 0, 3, 6, 9, 12 (thaw, transfers), 15 (inoculation) and 29
        // (harvest); the illustrative profile closes for Spring Festival 2027-02-05..12.
        // Thawed on 2027-01-26: days 12 and 15 fall on Feb 7 and Feb 10, in the closure.
        // Ops every 3 days from day 0 to 15 leave no gap an 8-day closure fits in, and the
        // gap from day 15 to 29 needs a thaw from Jan 15 to 20: so after Jan 26 the first
        // thaw with every operation open is the first after the closure, Feb 13, 18 days on.
        let thaw = CivilDate::from_ymd(2027, 1, 26).unwrap();
        let placed = plan(&t, &f, 1, true).place(1, thaw);
        let b = placed.batches[0];
        assert_eq!(b.thaw_date.to_string(), "2027-02-13");
        assert_eq!(b.moved_days, 18);
        assert!(placed.blocked.is_empty());
        // Without the option, the batch stays and the closed operation is flagged.
        let flagged = plan(&t, &f, 1, false).place(1, thaw);
        assert_eq!(flagged.batches[0].moved_days, 0);
        let dates: Vec<String> = flagged.blocked.iter().map(|o| o.date.to_string()).collect();
        assert_eq!(dates, ["2027-02-07", "2027-02-10"]);
        assert!(flagged.blocked[0].closure);
    }

    #[test]
    fn without_weekends_a_batch_still_keeps_off_a_closure() {
        // Operations on days 0, 3, 6, 9, 12, 15 and 29 fall on six weekdays: no shift puts
        // them all on Monday to Friday. The batch thawed on 2027-01-26 still moves off Spring
        // Festival (Feb 5-12) to Feb 13, as with weekends allowed, and its weekend operations
        // are flagged (the thaw on Saturday Feb 13 among them).
        let t = default_timeline();
        let f = FacilityProfile::current();
        let mut p = plan(&t, &f, 1, true);
        p.calendar.weekends_allowed = false;
        let placed = p.place(1, CivilDate::from_ymd(2027, 1, 26).unwrap());
        assert_eq!(placed.batches[0].thaw_date.to_string(), "2027-02-13");
        assert!(placed.blocked.iter().all(|o| !o.closure));
        assert!(placed.blocked.iter().any(|o| o.date.to_string() == "2027-02-13"));
    }

    #[test]
    fn a_rolling_seed_train_seeds_later_batches_until_the_culture_is_too_old() {
        let t = default_timeline();
        let f = FacilityProfile::current();
        let mut p = plan(&t, &f, 1, false);
        p.rolling_max_age_days = Some(60);
        let thaw = CivilDate::from_ymd(2027, 3, 1).unwrap();
        let placed = p.place(4, thaw);
        // Inoculations on days 15, 37, 59, 81 after the first thaw (one line, every 22 days).
        // Ages 15, 37 and 59 <= 60: one thaw seeds three batches; day 81 > 60: a new thaw on
        // day 81 - 15 = 66.
        let own: Vec<bool> = placed.batches.iter().map(|b| b.own_thaw).collect();
        assert_eq!(own, [true, false, false, true]);
        assert_eq!(placed.batches[2].thaw_date, thaw);
        assert_eq!(placed.batches[3].thaw_date, thaw.add_days(66));
        // The dates of inoculation do not change: the lines set the pace.
        assert_eq!(placed.batches[3].inoculation_date, thaw.add_days(81));
    }
}
