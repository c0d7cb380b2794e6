//! The problems validation reports, each tied to its field, and their plain English text for
//! the command line (the page and the CSV say them through `ttc_text::labels::problem_text`).

use crate::scenario::StepKind;
use std::fmt;

/// What is wrong with one input.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// Empty, not a number, or infinite.
    NotANumber,
    OutOfRange {
        value: f64,
        min: f64,
        max: f64,
    },
    /// Must be larger than another field's value (e.g. split density > seeding density).
    MustExceed {
        value: f64,
        other_field: String,
        other_value: f64,
    },
    UnknownVessel {
        id: String,
    },
    /// A production bioreactor chosen for a seed stage, or a seed vessel for production.
    WrongVesselRole {
        id: String,
        production_expected: bool,
    },
    FeedDayAfterHarvest {
        day: u32,
        duration_days: u32,
    },
    RepeatedFeedDay {
        day: u32,
    },
    NoSeedStages,
    TooMany {
        count: usize,
        max: usize,
    },
    TextTooLong {
        chars: usize,
        max: usize,
    },
    /// The campaign would end after the last year the calendar handles.
    BeyondCalendar {
        year: i64,
        max_year: i64,
    },
    /// Samples would remove more than the culture holds.
    SamplesExceedCulture {
        samples_l: f64,
        available_l: f64,
    },
    /// The grams wanted need more batches than a campaign may have.
    TooManyBatchesNeeded {
        needed: f64,
        max: f64,
    },
    /// The plan must list each step once.
    StepListed {
        step: StepKind,
        times: usize,
    },
    /// The step follows itself through its dependencies.
    DependencyCycle {
        step: StepKind,
    },
}

/// One invalid input: `field` is its path in the scenario format, e.g.
/// `seed_train[2].working_volume_l` or `production.feeds[0].days`.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldError {
    pub field: String,
    pub problem: Problem,
}

impl fmt::Display for FieldError {
    /// Plain English, with the numbers (the UI translates from the `Problem` data).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.problem {
            Problem::NotANumber => write!(f, "{}: enter a number", self.field),
            Problem::OutOfRange { value, min, max } => {
                write!(f, "{}: {value} is outside the allowed range {min} to {max}", self.field)
            }
            Problem::MustExceed { value, other_field, other_value } => {
                write!(f, "{}: {value} must be larger than {other_field} ({other_value})", self.field)
            }
            Problem::UnknownVessel { id } => {
                write!(f, "{}: no vessel `{id}` in the facility", self.field)
            }
            Problem::WrongVesselRole { id, production_expected: true } => {
                write!(f, "{}: `{id}` is a seed vessel, not a production bioreactor", self.field)
            }
            Problem::WrongVesselRole { id, production_expected: false } => {
                write!(f, "{}: `{id}` is a production bioreactor, not a seed vessel", self.field)
            }
            Problem::FeedDayAfterHarvest { day, duration_days } => {
                write!(f, "{}: feed on day {day} but harvest is on day {duration_days}", self.field)
            }
            Problem::RepeatedFeedDay { day } => {
                write!(f, "{}: day {day} is listed twice", self.field)
            }
            Problem::NoSeedStages => {
                write!(f, "{}: the seed train needs at least one stage", self.field)
            }
            Problem::TooMany { count, max } => {
                write!(f, "{}: {count} items, at most {max}", self.field)
            }
            Problem::TextTooLong { chars, max } => {
                write!(f, "{}: {chars} characters, at most {max}", self.field)
            }
            Problem::BeyondCalendar { year, max_year } => {
                write!(f, "{}: the campaign would end in {year}, after {max_year}", self.field)
            }
            Problem::SamplesExceedCulture { samples_l, available_l } => write!(
                f,
                "{}: samples remove {samples_l:.1} L but the culture holds {available_l:.1} L",
                self.field
            ),
            Problem::TooManyBatchesNeeded { needed, max } => {
                write!(f, "{}: needs {needed} batches, at most {max}", self.field)
            }
            Problem::StepListed { step, times } => {
                write!(f, "{}: step {step:?} is listed {times} times, each step once", self.field)
            }
            Problem::DependencyCycle { step } => {
                write!(f, "{}: step {step:?} would wait for itself", self.field)
            }
        }
    }
}
