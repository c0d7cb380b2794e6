//! QR codes for the share panel: the encoder is why this lives in the panel's module, loaded
//! after the first result, and not in the page's. Plain Rust: tested natively.

use qrcodegen::{QrCode, QrCodeEcc};
use std::fmt::Write as _;

/// A QR code (ISO/IEC 18004, medium error correction) of `text`: its size in modules and an
/// SVG path drawing the dark modules, one `M x y h n v 1 h -n z` rectangle per run of dark
/// modules in a row, in module units (the page adds the 4-module quiet zone).
pub fn qr_path(text: &str) -> Option<(u32, String)> {
    let qr = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let n = qr.size();
    let mut out = String::new();
    for y in 0..n {
        let mut x = 0;
        while x < n {
            if qr.get_module(x, y) {
                let start = x;
                while x < n && qr.get_module(x, y) {
                    x += 1;
                }
                let run = x - start;
                let _ = write!(out, "M{start} {y}h{run}v1h-{run}z");
            } else {
                x += 1;
            }
        }
    }
    Some((n.unsigned_abs(), out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deferred::compare::compare_table;
    use crate::i18n::Locale;
    use crate::model::link;
    use crate::model::Scenario;
    use ttc_text::format::Currency;
    use ttc_text::format::Prefs;
    use ttc_text::results::Cell;

    /// Reads a QR path back into a module grid.
    fn grid(n: u32, path: &str) -> Vec<Vec<bool>> {
        let n = n as usize;
        let mut g = vec![vec![false; n]; n];
        for rect in path.split('M').filter(|r| !r.is_empty()) {
            let (xy, rest) = rect.split_once('h').unwrap();
            let (x, y) = xy.split_once(' ').unwrap();
            let run: usize = rest.split_once('v').unwrap().0.parse().unwrap();
            let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
            for cell in &mut g[y][x..x + run] {
                *cell = true;
            }
        }
        g
    }

    #[test]
    fn qr_path_draws_exactly_the_dark_modules_with_the_three_finder_patterns() {
        let text = "https://example.com/calc/#v1&p=suzhou-2026-11&c=4f21c4b9";
        let (n, path) = qr_path(text).unwrap();
        let g = grid(n, &path);
        let qr = QrCode::encode_text(text, QrCodeEcc::Medium).unwrap();
        for (y, row) in g.iter().enumerate() {
            for (x, &dark) in row.iter().enumerate() {
                assert_eq!(dark, qr.get_module(x as i32, y as i32), "module ({x}, {y})");
            }
        }
        // ISO/IEC 18004 finder pattern: a 7x7 dark ring, light ring, 3x3 dark centre, at
        // three corners.
        let n = g.len();
        for (ox, oy) in [(0, 0), (n - 7, 0), (0, n - 7)] {
            for i in 0..7 {
                assert!(g[oy][ox + i] && g[oy + 6][ox + i] && g[oy + i][ox] && g[oy + i][ox + 6]);
            }
            assert!(!g[oy + 1][ox + 1] && g[oy + 3][ox + 3]);
        }
        // Version 3 (29 modules) holds up to 44 bytes at level M; this 58-byte URL needs
        // version 4 (33 modules), which holds 62.
        assert_eq!(n, 33);
    }

    #[test]
    fn compare_lists_differences_worked_by_hand() {
        let a = Scenario::default();
        let mut b = a.clone();
        b.name = "Titer 5".into();
        b.production.titer_g_per_l = 5.0;
        let links = [link::encode(&a, "suzhou-2026-11"), link::encode(&b, "suzhou-2026-11")];
        let prefs = Prefs { currency: Currency::Usd, cny_per_usd: 7.1, eur_per_usd: 0.92 };
        let t = compare_table(Locale::en, prefs, &links);
        let text = |c: &Cell| match c {
            Cell::Head(t) | Cell::Text(t) | Cell::Num(t) | Cell::Source(t) | Cell::How(t) => t.clone(),
        };
        let rows: Vec<(String, Vec<String>)> =
            t.rows.iter().map(|r| (r.class.to_string(), r.cells.iter().map(text).collect())).collect();
        assert_eq!(t.head[1].0, "Typical CHO mAb fed-batch, 2000 L");
        assert_eq!(t.head[2].0, "Titer 5");
        // 3 g/L vs 5 g/L x 1956.25 L x 0.682 798: 4,007 g vs 6,679 g, +2,671 g (+66.7 %).
        let ds = rows.iter().find(|(_, c)| c[0] == "Drug substance per batch").unwrap();
        assert_eq!(ds.0, "differs");
        assert_eq!(ds.1[1..], ["4,007 g".to_string(), "6,679 g · +2,671 g (+66.7%)".to_string()]);
        // Same dates: the titer does not move the schedule.
        let harvest = rows.iter().find(|(_, c)| c[0] == "Harvest date").unwrap();
        assert_eq!(harvest.0, "");
        // Inputs that differ: the name and the titer, nothing else.
        let group = rows.iter().position(|(class, _)| class == "group").unwrap();
        let inputs = &rows[group + 1..];
        assert_eq!(inputs.len(), 2, "{inputs:?}");
        assert_eq!(inputs[1].1, ["Production bioreactor (N) · Titer at harvest", "3", "5"]);
    }
}
