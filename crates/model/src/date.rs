//! Calendar dates for the schedule.
//!
//! Written by hand instead of pulling in `chrono` or `time`: the schedule needs only
//! "date + whole days", "day of the week" and ISO 8601 text, and those two crates add tens of
//! kilobytes (time-zone and formatting machinery) to the WebAssembly bundle. The conversion
//! between a proleptic Gregorian date and a day count is Howard Hinnant's public-domain
//! `days_from_civil` / `civil_from_days` algorithm
//! (<https://howardhinnant.github.io/date_algorithms.html>).

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A calendar date (proleptic Gregorian), stored as days since 1970-01-01.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CivilDate {
    days_since_epoch: i64,
}

/// Day of the week, Monday first (ISO 8601).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    pub fn is_weekend(self) -> bool {
        matches!(self, Weekday::Saturday | Weekday::Sunday)
    }
}

/// Years the schedule accepts. Wide enough for any real plan, narrow enough that day
/// arithmetic can never overflow.
pub const MIN_YEAR: i64 = 1900;
pub const MAX_YEAR: i64 = 2200;

impl CivilDate {
    /// The date for a year, month (1-12) and day (1-31), or `None` when no such date exists.
    pub fn from_ymd(year: i64, month: u32, day: u32) -> Option<Self> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Self { days_since_epoch: days_from_civil(year, month, day) })
    }

    /// Parses `YYYY-MM-DD` (the value of an HTML date input and of the scenario file).
    pub fn parse_iso(text: &str) -> Option<Self> {
        let text = text.trim();
        let mut parts = text.splitn(3, '-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if !(all_digits(y) && all_digits(m) && all_digits(d)) {
            return None;
        }
        Self::from_ymd(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// (year, month 1-12, day 1-31).
    pub fn ymd(self) -> (i64, u32, u32) {
        civil_from_days(self.days_since_epoch)
    }

    /// The date `days` later (earlier when negative).
    pub fn add_days(self, days: i64) -> Self {
        Self { days_since_epoch: self.days_since_epoch + days }
    }

    /// Whole days from `self` to `later`.
    pub fn days_until(self, later: Self) -> i64 {
        later.days_since_epoch - self.days_since_epoch
    }

    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday (index 3 with Monday = 0).
        match (self.days_since_epoch + 3).rem_euclid(7) {
            0 => Weekday::Monday,
            1 => Weekday::Tuesday,
            2 => Weekday::Wednesday,
            3 => Weekday::Thursday,
            4 => Weekday::Friday,
            5 => Weekday::Saturday,
            _ => Weekday::Sunday,
        }
    }
}

impl fmt::Display for CivilDate {
    /// ISO 8601, `YYYY-MM-DD`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl Serialize for CivilDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for CivilDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        CivilDate::parse_iso(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("`{text}` is not a date in the form YYYY-MM-DD")))
    }
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Hinnant's `days_from_civil`: days since 1970-01-01 of a proleptic Gregorian date.
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400; // [0, 399]
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy; // [0, 146096]
    era * 146_097 + doe - 719_468
}

/// Hinnant's `civil_from_days`: the inverse of [`days_from_civil`].
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_and_known_dates() {
        assert_eq!(CivilDate::from_ymd(1970, 1, 1).unwrap().days_since_epoch, 0);
        // 2000-03-01 is 11017 days after the epoch: 30 years of 365 days + 7 leap days
        // (72..96 and 2000's Feb 29) = 10957 to 2000-01-01, + 31 + 29 = 11017.
        assert_eq!(CivilDate::from_ymd(2000, 3, 1).unwrap().days_since_epoch, 11_017);
        // 2026-11-26 is a Thursday (a calendar check).
        assert_eq!(CivilDate::from_ymd(2026, 11, 26).unwrap().weekday(), Weekday::Thursday);
        assert_eq!(CivilDate::from_ymd(2027, 3, 6).unwrap().weekday(), Weekday::Saturday);
    }

    #[test]
    fn adding_days_crosses_months_and_leap_years() {
        let d = CivilDate::from_ymd(2028, 2, 27).unwrap();
        assert_eq!(d.add_days(2).to_string(), "2028-02-29");
        assert_eq!(d.add_days(3).to_string(), "2028-03-01");
        let d = CivilDate::from_ymd(2026, 12, 20).unwrap();
        assert_eq!(d.add_days(14).to_string(), "2027-01-03");
        assert_eq!(d.days_until(d.add_days(400)), 400);
    }

    #[test]
    fn parsing_rejects_what_is_not_a_date() {
        assert_eq!(CivilDate::parse_iso("2027-01-15").unwrap().ymd(), (2027, 1, 15));
        for bad in [
            "",
            "2027-1-15",
            "2027-02-29",
            "2027-13-01",
            "20270115",
            "abcd-ef-gh",
            "+027-01-01",
            "2027-01-15x",
            "9999-01-01",
        ] {
            assert!(CivilDate::parse_iso(bad).is_none(), "{bad} should be rejected");
        }
    }

    #[test]
    fn round_trips_every_day_over_four_centuries() {
        let start = CivilDate::from_ymd(1900, 1, 1).unwrap();
        for offset in 0..(365 * 300) {
            let d = start.add_days(offset);
            let (y, m, day) = d.ymd();
            assert_eq!(CivilDate::from_ymd(y, m, day), Some(d));
        }
    }
}
