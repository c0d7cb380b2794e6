//! Numbers as people type them and as the page writes them, and lists of culture days.

/// Reads a number typed in either language's style: `1234.5`, `1,234.5`, `1 234,5`, `1,5`
/// (decimal comma), full-width digits and punctuation from a Chinese input method
/// (`１２３４．５`), and exponents (`2e6`). `None` for anything else, including `inf`/`NaN`.
pub fn parse_number(text: &str) -> Option<f64> {
    let mut s = String::with_capacity(text.len());
    for c in text.trim().chars() {
        let c = match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32)?,
            '．' | '。' => '.',
            '，' => ',',
            '－' | '−' => '-',
            '＋' => '+',
            'ｅ' | 'Ｅ' => 'e',
            ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '_' | '\'' => continue,
            c => c,
        };
        s.push(c);
    }
    if s.is_empty()
        || !s.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '+' | 'e' | 'E'))
    {
        return None;
    }
    let normalised = match (s.rfind(','), s.rfind('.')) {
        // Both: the later one is the decimal separator.
        (Some(comma), Some(point)) if comma > point => s.replace('.', "").replace(',', "."),
        (Some(_), Some(_)) => s.replace(',', ""),
        // Only commas: thousands when every group after a comma has exactly three digits.
        (Some(_), None) => {
            let mut groups = s.split(',');
            let head = groups.next().unwrap_or("");
            // A lone leading zero ("0,047") is a decimal comma: nobody groups thousands after 0.
            let unsigned = head.trim_start_matches(['-', '+']);
            let thousands = !unsigned.is_empty()
                && !unsigned.starts_with('0')
                && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()));
            if thousands && s.matches(',').count() >= 1 && !head.contains(['e', 'E']) {
                s.replace(',', "")
            } else if s.matches(',').count() == 1 {
                s.replace(',', ".")
            } else {
                return None;
            }
        }
        _ => s,
    };
    normalised.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Groups the integer part by thousands: `1234567.891` with 2 decimals -> `1,234,567.89`.
pub fn format_number(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return "–".into();
    }
    let text = format!("{:.*}", decimals, value.abs());
    let (int, frac) = text.split_once('.').map_or((text.as_str(), None), |(i, f)| (i, Some(f)));
    let mut out = String::with_capacity(text.len() + text.len() / 3 + 1);
    let rounds_to_zero = text.bytes().all(|b| b == b'0' || b == b'.');
    if value < 0.0 && !rounds_to_zero {
        out.push('-');
    }
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// A number with as many decimals as make sense for its size: 3 significant figures below
/// 100, whole numbers above. Used for volumes, densities and masses in tables.
pub fn format_auto(value: f64) -> String {
    let a = value.abs();
    let decimals = if a == 0.0 || a >= 100.0 {
        0
    } else if a >= 10.0 {
        1
    } else if a >= 1.0 {
        2
    } else if a >= 0.1 {
        3
    } else {
        4
    };
    format_number(value, decimals)
}

/// Like [`format_auto`] without trailing zeros (`0.0100` -> `0.01`), for numbers in sentences.
pub fn format_short(value: f64) -> String {
    let mut s = format_auto(value);
    if s.contains('.') {
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
    }
    s
}

/// The plain text put in an input for a value: no grouping, so it reads back the same, and
/// no trailing zeros.
pub fn input_text(value: f64) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let mut s = format!("{:.6}", value);
    while s.contains('.') && (s.ends_with('0') || s.ends_with('.')) {
        s.pop();
    }
    if s == "-0" {
        s = "0".into();
    }
    s
}

/// Reads a list of culture days: `3-13`, `3, 5, 7`, `3-5, 9` (full-width forms accepted).
/// `None` when a part is not a day number or a range runs backwards; at most 366 days.
pub fn parse_days(text: &str) -> Option<Vec<u32>> {
    let text: String = text
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '，' | '、' | ';' | '；' => ',',
            '－' | '–' | '~' | '～' => '-',
            c => c,
        })
        .collect();
    let mut days = Vec::new();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        match part.split_once('-') {
            Some((a, b)) => {
                let (a, b): (u32, u32) = (a.trim().parse().ok()?, b.trim().parse().ok()?);
                if a > b || b - a > 366 {
                    return None;
                }
                days.extend(a..=b);
            }
            None => days.push(part.parse().ok()?),
        }
        if days.len() > 366 {
            return None;
        }
    }
    Some(days)
}

/// Writes days back compactly: `[3, 4, 5, 9]` -> `3-5, 9`.
pub fn format_days(days: &[u32]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < days.len() {
        let start = days[i];
        let mut end = start;
        while i + 1 < days.len() && end.checked_add(1) == Some(days[i + 1]) {
            i += 1;
            end = days[i];
        }
        parts.push(if end > start { format!("{start}-{end}") } else { start.to_string() });
        i += 1;
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_either_style() {
        for (text, value) in [
            ("3", 3.0),
            ("3.5", 3.5),
            (" 1,234.5 ", 1234.5),
            ("1.234,5", 1234.5),
            ("1 234,5", 1234.5),
            ("1,5", 1.5),
            ("12,345,678", 12_345_678.0),
            ("１２３４．５", 1234.5),
            ("２，５", 2.5),
            ("2e6", 2.0e6),
            ("-0.5", -0.5),
            ("0,25", 0.25),
            ("0,047", 0.047),
            ("-0,100", -0.1),
        ] {
            assert_eq!(parse_number(text), Some(value), "{text:?}");
        }
        for bad in ["", "abc", "inf", "NaN", "1,2,3", "1..2", "1e999", "--1", "3 g/L", "<img src=x>"] {
            assert_eq!(parse_number(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn feed_day_lists() {
        assert_eq!(parse_days("3-13"), Some((3..=13).collect()));
        assert_eq!(parse_days("3, 5，7"), Some(vec![3, 5, 7]));
        assert_eq!(parse_days(""), Some(vec![]));
        assert_eq!(parse_days("5-3"), None);
        assert_eq!(parse_days("x"), None);
        assert_eq!(parse_days("0-4000000000"), None);
        assert_eq!(format_days(&[3, 4, 5, 9, 11, 12]), "3-5, 9, 11-12");
        // A link or file can carry any day: the largest one ends a run, it does not wrap.
        assert_eq!(format_days(&[u32::MAX, 0, 1]), "4294967295, 0-1");
    }

    #[test]
    fn grouping_and_rounding() {
        assert_eq!(format_number(1_234_567.891, 2), "1,234,567.89");
        assert_eq!(format_number(999.5, 0), "1,000");
        assert_eq!(format_number(-1234.0, 0), "-1,234");
        assert_eq!(format_number(-0.0001, 2), "0.00");
        assert_eq!(format_auto(4000.5116), "4,001");
        assert_eq!(format_auto(0.0381), "0.0381");
        assert_eq!(format_short(0.01), "0.01");
        assert_eq!(format_short(4.0), "4");
        assert_eq!(format_short(1234.0), "1,234");
        assert_eq!(input_text(0.047), "0.047");
        assert_eq!(input_text(1400.0), "1400");
        assert_eq!(input_text(2.9000000000000004), "2.9");
    }
}
