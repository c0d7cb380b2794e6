//! The two text encodings a link's values use beside plain numbers: culture days as runs
//! (`3-5.7.9-13`) and text as unpadded base64url.

use super::values::LinkValue;
use std::fmt::Write as _;

/// Most culture days a feed may list.
const MAX_FEED_DAYS: usize = 1_000;

/// Days as runs: `3-13` for 3, 4, ..., 13; single days as themselves; runs joined by `.`.
pub(super) fn write_days(days: &[u32], out: &mut String) {
    let mut i = 0;
    while i < days.len() {
        let start = days[i];
        let mut end = i;
        while end + 1 < days.len() && days[end + 1] == days[end].wrapping_add(1) && days[end] != u32::MAX {
            end += 1;
        }
        if i > 0 {
            out.push('.');
        }
        let _ = if end > i { write!(out, "{start}-{}", days[end]) } else { write!(out, "{start}") };
        i = end + 1;
    }
}

pub(super) fn read_days(text: &str) -> Option<Vec<u32>> {
    let mut days = Vec::new();
    if text.is_empty() {
        return Some(days);
    }
    for run in text.split('.') {
        let (first, last) = match run.split_once('-') {
            Some((a, b)) => (u32::read(a)?, u32::read(b)?),
            None => (u32::read(run)?, u32::read(run)?),
        };
        if last < first || (last - first) as usize >= MAX_FEED_DAYS || days.len() > MAX_FEED_DAYS {
            return None;
        }
        days.extend(first..=last);
    }
    (days.len() <= MAX_FEED_DAYS).then_some(days)
}

const BASE64URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Unpadded base64url (RFC 4648 section 5). Hand-written: 30 lines instead of a dependency
/// for the two short names a link carries.
pub(super) fn base64url_encode(bytes: &[u8], out: &mut String) {
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(BASE64URL[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
}

pub(super) fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    if text.len() % 4 == 1 {
        return None;
    }
    let mut bytes = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            let v = BASE64URL.iter().position(|b| b == c)? as u32;
            n |= v << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            bytes.push((n >> (16 - 8 * i)) as u8);
        }
        // Refuse non-canonical text (stray low bits), so one name has exactly one encoding.
        if chunk.len() < 4 && n & ((1 << (8 * (3 - (chunk.len() - 1)))) - 1) != 0 {
            return None;
        }
    }
    Some(bytes)
}
