//! Scenario links: the whole scenario in a URL fragment, compact, versioned and permanent.
//!
//! ```text
//! v4&p=suzhou-2026-12&tit=5&dur=16&c=1a2b3c4d
//! ```
//!
//! * `v2`: the link format version. A link is decoded by the rules of its own version
//!   forever, so a link made today opens with identical inputs after any later release.
//! * `p=`: the facility profile (rate card) the scenario was priced with.
//! * `key=value` pairs: only the fields that differ from the version's baseline
//!   ([`baseline_v1`] to [`baseline_v4`]), a frozen copy of the default scenario as it was when
//!   that version was defined. The baseline never changes when
//!   the app's defaults change (a new baseline needs a new version), so the default scenario's
//!   link is short and an old link never silently picks up new defaults.
//! * `c=`: FNV-1a 32-bit checksum of everything before it, in hex. A link cut short (no
//!   checksum) or edited by hand (wrong checksum) is refused as a whole, with the reason,
//!   instead of opening a scenario that differs from the one sent.
//!
//! Values: numbers in Rust's shortest round-trip decimal form (lossless); text (names, vessel
//! ids) as unpadded base64url of its UTF-8, so that Chinese names cost 4 characters per
//! character instead of 9 percent-encoded; lists separated by `,`, list item parts by `:`.
//! Every character used is allowed unescaped in a URL fragment and ends a link on an
//! alphanumeric, so chat apps and mail clients do not cut it.
//!
//! The format was chosen over JSON + compression for the bundle size: it needs no JSON
//! parser or deflate implementation in the page (about 30 KB of WebAssembly), and the
//! typical link is shorter than compressed JSON would be.

mod encodings;
mod v1;
mod v2;
mod v3;
mod v4;
mod v5;
mod values;

pub use v1::baseline_v1;
pub use v2::baseline_v2;
pub use v3::baseline_v3;
pub use v4::baseline_v4;
pub use v5::baseline_v5;

use crate::scenario::Scenario;
use std::fmt::Write as _;
use v1::{Entry, V1_FIELDS};
// Every field of a link of the version this build writes (each version's keys, in order).
use v5::fields as current_fields;
use values::LinkValue;

/// The version this build writes. History: 1 (first release); 2 (the program: plan,
/// PPQ, success rate, due date, rolling seed train, calendar; program fees as rates);
/// 3 (the seed train's rules: passage window, growth ceilings, transfer excess); 4 (the
/// production model: additions and evaporation, headroom, the culture curve and the titer
/// from qP x IVCD; the dose); 5 (dedicated resin over the whole program and the clinical
/// default; the rates of labour by shift).
pub const LINK_VERSION: u32 = 5;
/// Longer text is refused before decoding (a fully customised scenario is well under 2,000
/// characters; this only bounds the work an absurd input can cause).
pub const MAX_LINK_CHARS: usize = 20_000;

/// A scenario read from a link.
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    pub scenario: Scenario,
    /// The facility profile (rate card) the scenario was priced with.
    pub facility_profile: String,
}

/// Why a link cannot be opened. The page shows it, opens the default scenario, and keeps the
/// link's text for the user.
#[derive(Clone, Debug, PartialEq)]
pub enum LinkError {
    TooLong {
        chars: usize,
        max: usize,
    },
    /// Not a scenario link at all (no `v<number>` at the start).
    NotALink,
    /// Made by a newer release of the calculator.
    NewerVersion {
        version: u32,
        newest: u32,
    },
    /// No checksum at the end: the link was probably cut short when it was copied.
    Truncated,
    /// The checksum does not match: the link was changed after it was made.
    ChecksumMismatch,
    /// A `key=value` pair this version does not know.
    UnknownField {
        key: String,
    },
    /// A field that appears more than once: which of its values was meant is unknown.
    RepeatedField {
        key: String,
    },
    /// A known field whose value cannot be read, or that has no `=value` at all.
    BadValue {
        key: String,
    },
}

/// Each field's scenario path and its text in a link, whether or not it differs from the
/// baseline (for comparisons).
pub fn field_texts(s: &Scenario) -> Vec<(&'static str, String)> {
    current_fields().map(|e| (e.path, e.text(s))).collect()
}

/// The link text (without `#`) of a scenario priced with `facility_profile`.
pub fn encode(scenario: &Scenario, facility_profile: &str) -> String {
    let mut out = format!("v{LINK_VERSION}&p={facility_profile}");
    let base = v5::baseline();
    for e in current_fields() {
        let text = e.text(scenario);
        if text != e.text(base) {
            let _ = write!(out, "&{}={text}", e.key);
        }
    }
    let checksum = fnv1a32(out.as_bytes());
    let _ = write!(out, "&c={checksum:08x}");
    out
}

/// The frozen baseline of a format version (links and scenario files share them): what a
/// field the scenario lacks holds in that version.
pub fn baseline_of(version: u32) -> Scenario {
    match version {
        1 => baseline_v1(),
        2 => baseline_v2(),
        3 => baseline_v3(),
        4 => baseline_v4(),
        _ => baseline_v5(),
    }
}

/// Reads a link's text (with or without the leading `#`).
pub fn decode(text: &str) -> Result<Link, LinkError> {
    let text = text.trim().trim_start_matches('#');
    let chars = text.chars().count();
    if chars > MAX_LINK_CHARS {
        return Err(LinkError::TooLong { chars, max: MAX_LINK_CHARS });
    }
    let (head, _) = text.split_once('&').unwrap_or((text, ""));
    let version = head.strip_prefix('v').and_then(u32::read).ok_or(LinkError::NotALink)?;
    if version == 0 {
        return Err(LinkError::NotALink);
    }
    if version > LINK_VERSION {
        return Err(LinkError::NewerVersion { version, newest: LINK_VERSION });
    }
    let (body, checksum) = text.rsplit_once("&c=").ok_or(LinkError::Truncated)?;
    if checksum.len() != 8 || u32::from_str_radix(checksum, 16).ok() != Some(fnv1a32(body.as_bytes())) {
        return Err(LinkError::ChecksumMismatch);
    }
    // Each version reads against its own baseline and keys, forever.
    let mut scenario = match version {
        1 => v1::baseline().clone(),
        2 => v2::baseline().clone(),
        3 => v3::baseline().clone(),
        4 => v4::baseline().clone(),
        _ => v5::baseline().clone(),
    };
    // Version 1's keys, then the keys each later version added, up to the link's.
    let v2_added: &[Entry] = if version >= 2 { v2::V2_FIELDS } else { &[] };
    let v3_added: &[Entry] = if version >= 3 { v3::V3_FIELDS } else { &[] };
    let v4_added: &[Entry] = if version >= 4 { v4::V4_FIELDS } else { &[] };
    let v5_added: &[Entry] = if version >= 5 { v5::V5_FIELDS } else { &[] };
    let mut facility_profile = None;
    let mut seen: Vec<&str> = Vec::new();
    for pair in body.split('&').skip(1) {
        // A key without `=value` is a field whose value is missing (when the key is known).
        let (key, value) = pair.split_once('=').map_or((pair, None), |(k, v)| (k, Some(v)));
        if seen.contains(&key) {
            return Err(LinkError::RepeatedField { key: key.into() });
        }
        seen.push(key);
        let ok = if key == "p" {
            facility_profile = value.map(str::to_string);
            value.is_some_and(is_profile_id)
        } else {
            let e = V1_FIELDS
                .iter()
                .chain(v2_added)
                .chain(v3_added)
                .chain(v4_added)
                .chain(v5_added)
                .find(|e| e.key == key)
                .ok_or_else(|| LinkError::UnknownField { key: key.into() })?;
            value.is_some_and(|value| (e.get_mut)(&mut scenario).read_text(value))
                && (key != "r" || scenario.rate_overrides.keys().all(|r| v1::rate_in_version(*r, version)))
        };
        if !ok {
            return Err(LinkError::BadValue { key: key.into() });
        }
    }
    let facility_profile = facility_profile.ok_or(LinkError::BadValue { key: "p".into() })?;
    Ok(Link { scenario, facility_profile })
}

/// A facility profile id as links carry it, unescaped: `[A-Za-z0-9._-]`, 1 to 64 characters
/// (`build.rs` holds the built-in profiles to this).
pub fn is_profile_id(id: &str) -> bool {
    (1..=64).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b))
}

/// FNV-1a, 32 bits (Fowler, Noll, Vo; IETF draft-eastlake-fnv): detects truncation and
/// hand edits; not a security measure (anyone can recompute it).
fn fnv1a32(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5_u32, |h, &b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

/// silently dropped.
/// Saved scenarios as the browser keeps them: one link a line. Returns the lines to keep
/// (those that open, and those made by a newer release, which a tab still on this release must
/// not throw away) and, apart, the unreadable ones (corrupted storage), so that nothing is
/// silently dropped.
pub fn split_saved(text: &str) -> (Vec<String>, Vec<String>) {
    let mut good = Vec::new();
    let mut bad = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if matches!(decode(line), Ok(_) | Err(LinkError::NewerVersion { .. })) {
            good.push(line.to_string());
        } else {
            bad.push(line.to_string());
        }
    }
    (good, bad)
}

#[cfg(test)]
mod tests {
    use super::encodings::{base64url_decode, base64url_encode, read_days, write_days};
    use super::v1::LINK_RATES;
    use super::*;
    use crate::facility::Rate;

    #[test]
    fn base64url_matches_rfc4648_test_vectors() {
        // RFC 4648 section 10, without padding.
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            let mut out = String::new();
            base64url_encode(plain.as_bytes(), &mut out);
            assert_eq!(out, coded);
            assert_eq!(base64url_decode(coded).as_deref(), Some(plain.as_bytes()));
        }
        assert_eq!(base64url_decode("Zh"), None, "non-canonical trailing bits");
        assert_eq!(base64url_decode("Z"), None);
        assert_eq!(base64url_decode("Zm9v!"), None);
    }

    #[test]
    fn fnv1a32_matches_published_vectors() {
        // From the FNV reference test suite: "" and "a".
        assert_eq!(fnv1a32(b""), 0x811c_9dc5);
        assert_eq!(fnv1a32(b"a"), 0xe40c_292c);
        assert_eq!(fnv1a32(b"foobar"), 0xbf9c_f968);
    }

    #[test]
    fn days_are_written_as_runs() {
        let mut out = String::new();
        write_days(&[3, 4, 5, 7, 9, 10, 11, 12, 13], &mut out);
        assert_eq!(out, "3-5.7.9-13");
        assert_eq!(read_days("3-5.7.9-13"), Some(vec![3, 4, 5, 7, 9, 10, 11, 12, 13]));
        assert_eq!(read_days("5-3"), None);
        assert_eq!(read_days("0-4000000000"), None, "a huge run is refused, not expanded");
    }

    #[test]
    fn keys_are_unique_across_versions() {
        // The newest version's fields are every version's: one key never names two fields.
        let keys: Vec<&str> = current_fields().map(|e| e.key).collect();
        for (i, k) in keys.iter().enumerate() {
            assert!(!keys[..i].contains(k), "key {k} twice");
            assert!(*k != "p" && *k != "c", "{k} is the envelope's");
        }
    }

    #[test]
    fn field_paths_are_scenario_paths() {
        let paths: Vec<&str> = field_texts(&baseline_v1()).into_iter().map(|(p, _)| p).collect();
        assert!(paths.contains(&"production.titer_g_per_l"));
        assert!(paths.contains(&"downstream.protein_a"));
    }

    #[test]
    fn saved_lists_keep_unreadable_lines_apart() {
        let a = encode(&baseline_v1(), "suzhou-2026-11");
        // A line saved by a newer release (another tab) is kept, not set aside.
        let newer = "v6&x=1&c=00000000";
        let text = format!("{a}\n\n  garbage  \n{}\n{a}\n{newer}", &a[..a.len() - 2]);
        let (good, bad) = split_saved(&text);
        assert_eq!(good, vec![a.clone(), a.clone(), newer.to_string()]);
        assert_eq!(bad, vec!["garbage".to_string(), a[..a.len() - 2].to_string()]);
    }

    #[test]
    fn every_rate_has_a_v1_index() {
        for rate in Rate::ALL {
            assert!(LINK_RATES.contains(&rate), "{rate:?} missing from LINK_RATES");
        }
    }
}
