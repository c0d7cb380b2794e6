//! Dates in each language: in full, as month ticks, and short for chart labels.

use ttc_model::date::{CivilDate, Weekday};

/// The interface languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    En,
    Zh,
}

const MONTHS_EN: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// `Wed 12 May 2027` / `2027年5月12日 周三`.
pub fn format_date(date: CivilDate, lang: Lang) -> String {
    let (y, m, d) = date.ymd();
    match lang {
        Lang::En => format!("{} {d} {} {y}", weekday_name(date.weekday(), lang), MONTHS_EN[(m - 1) as usize]),
        Lang::Zh => format!("{y}年{m}月{d}日 {}", weekday_name(date.weekday(), lang)),
    }
}

/// `May 2027` / `2027年5月`: for month ticks.
pub fn format_month(date: CivilDate, lang: Lang) -> String {
    let (y, m, _) = date.ymd();
    match lang {
        Lang::En => format!("{} {y}", MONTHS_EN[(m - 1) as usize]),
        Lang::Zh => format!("{y}年{m}月"),
    }
}

/// `May` / `5月`: for month ticks after the first of a year.
pub fn format_month_short(date: CivilDate, lang: Lang) -> String {
    let (_, m, _) = date.ymd();
    match lang {
        Lang::En => MONTHS_EN[(m - 1) as usize].to_string(),
        Lang::Zh => format!("{m}月"),
    }
}

/// `12 May` / `5月12日`: for chart labels.
pub fn format_date_short(date: CivilDate, lang: Lang) -> String {
    let (_, m, d) = date.ymd();
    match lang {
        Lang::En => format!("{d} {}", MONTHS_EN[(m - 1) as usize]),
        Lang::Zh => format!("{m}月{d}日"),
    }
}

pub fn weekday_name(w: Weekday, lang: Lang) -> &'static str {
    let i = w as usize;
    match lang {
        Lang::En => ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][i],
        Lang::Zh => ["周一", "周二", "周三", "周四", "周五", "周六", "周日"][i],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_each_language() {
        let d = CivilDate::from_ymd(2027, 5, 12).unwrap();
        assert_eq!(format_date(d, Lang::En), "Wed 12 May 2027");
        assert_eq!(format_date(d, Lang::Zh), "2027年5月12日 周三");
        assert_eq!(format_date_short(d, Lang::Zh), "5月12日");
    }
}
