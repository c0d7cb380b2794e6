//! The results as CSV: every section's table (and fit list) as shown on screen, with its
//! introduction and note, in the user's language and currency. The page's "Export CSV" and
//! `ttc estimate --csv` write it.

use super::*;

/// One CSV record: every field quoted (RFC 4180), and text that a spreadsheet would run as a
/// formula prefixed with `'` (OWASP, CSV injection): a field starting with `=`, `+`, `@`, tab
/// or return, or with `-` unless it is a formatted negative figure (`-` then a digit or a
/// currency sign, then only digits, separators, spaces, letters of units, `%`). Feed and
/// scenario names are the user's free text.
fn csv_record<'a>(out: &mut String, fields: impl IntoIterator<Item = &'a str>) {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('"');
        let mut chars = field.chars();
        let risky = match (chars.next(), chars.next()) {
            (Some('=' | '+' | '@' | '\t' | '\r'), _) => true,
            (Some('-'), next) => {
                !next.is_some_and(|c| c.is_ascii_digit() || "$¥€".contains(c))
                    || !chars.all(|c| c.is_alphanumeric() || " ,.%/$¥€".contains(c))
            }
            _ => false,
        };
        if risky {
            out.push('\'');
        }
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    }
    out.push_str("\r\n");
}

fn csv_cell(cell: &Cell) -> Option<&str> {
    match cell {
        Cell::Head(t) | Cell::Text(t) | Cell::Num(t) | Cell::Source(t) => Some(t),
        Cell::How(_) => None,
    }
}

/// The results tables as CSV, the figures as shown on screen (language, currency), UTF-8
/// with a byte-order mark so that Excel reads Chinese text correctly.
pub fn results_csv(
    e: &Estimate,
    s: &Scenario,
    f: &FacilityProfile,
    locale: Locale,
    prefs: Prefs,
    link: &str,
) -> String {
    let c = Ctx { e, s, f, locale, prefs };
    let mut out = String::from("\u{feff}");
    csv_record(&mut out, [td_string!(locale, in_scenario_name), s.name.as_str()]);
    csv_record(&mut out, [td_string!(locale, share_link_label), link]);
    csv_record(&mut out, [td_string!(locale, csv_rate_card), local(locale, &f.name)]);
    csv_record(&mut out, [td_string!(locale, currency_label), prefs.currency.code()]);
    for b in detail_blocks(&c) {
        out.push_str("\r\n");
        csv_record(&mut out, [b.title.as_str()]);
        // The section's explanations, where the page shows them: its introduction under the
        // title, its note (how a figure was worked out: the line days billed, the resin's write-off,
        // the labour) after its tables. A figure in a file sent on must stay traceable.
        if let Some(intro) = &b.intro {
            csv_record(&mut out, [intro.as_str()]);
        }
        let folded = b.folded.iter().flat_map(|(_, items)| items.iter());
        for (_, status, text) in b.list.iter().chain(folded) {
            csv_record(&mut out, [status.as_str(), text.as_str()]);
        }
        for t in b.table.iter().chain(&b.more) {
            // A column without a heading holds "how was this computed?" (not exported): every
            // record then has as many fields as the heading row.
            let kept = |j: usize| t.head.get(j).is_none_or(|(h, _)| !h.is_empty());
            csv_record(&mut out, t.head.iter().map(|(h, _)| h.as_str()).filter(|h| !h.is_empty()));
            for r in t.rows.iter().chain(&t.foot) {
                csv_record(
                    &mut out,
                    r.cells.iter().enumerate().filter(|&(j, _)| kept(j)).filter_map(|(_, c)| csv_cell(c)),
                );
            }
        }
        if let Some(note) = &b.note {
            csv_record(&mut out, [note.as_str()]);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::csv_record;

    fn record(fields: &[&str]) -> String {
        let mut out = String::new();
        csv_record(&mut out, fields.iter().copied());
        out
    }

    #[test]
    fn csv_quotes_every_field_and_defuses_formulas() {
        assert_eq!(record(&["a", "say \"hi\""]), "\"a\",\"say \"\"hi\"\"\"\r\n");
        // Formatted negative figures stay numbers; anything else starting like a formula is text.
        assert_eq!(record(&["-1,234.5", "-$800", "-3 d"]), "\"-1,234.5\",\"-$800\",\"-3 d\"\r\n");
        for bad in ["=1+1", "+1", "@SUM(A1)", "-A1", "-1+HYPERLINK(\"http://x\")", "-2*3"] {
            assert!(record(&[bad]).starts_with("\"'"), "{bad} not defused");
        }
    }
}
