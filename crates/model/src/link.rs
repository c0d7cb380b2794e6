//! Scenario links: the whole scenario in a URL fragment, compact, versioned and permanent.
//!
//! ```text
//! v1&p=suzhou-2026-11&tit=5&dur=16&c=1a2b3c4d
//! ```
//!
//! * `v1`: the link format version. A link is decoded by the rules of its own version
//!   forever, so a link made today opens with identical inputs after any later release.
//! * `p=`: the facility profile (rate card) the scenario was priced with.
//! * `key=value` pairs: only the fields that differ from [`baseline_v1`], a frozen copy of the
//!   default scenario as it was when version 1 was defined. The baseline never changes when
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

use super::date::CivilDate;
use super::facility::Rate;
use super::scenario::{
    CampaignTarget, CellLine, Chromatography, Clarification, Downstream, Feed, FeedAmount, LowPh, Modality,
    Phase, Production, Program, ResinMode, Scenario, Schedule, SeedStage, StageEnd, StageMode, UfDf,
    VirusFiltration,
};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The version this build writes. History: 1 (first release).
pub const LINK_VERSION: u32 = 1;
/// Longer text is refused before decoding (a fully customised scenario is well under 2,000
/// characters; this only bounds the work an absurd input can cause).
pub const MAX_LINK_CHARS: usize = 20_000;
/// Most items a list in a link may hold, and most culture days a feed may list.
const MAX_ITEMS: usize = 100;
const MAX_FEED_DAYS: usize = 1_000;

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
    /// A `key=value` pair this version does not know, or one that appears twice.
    UnknownField {
        key: String,
    },
    /// A known field whose value cannot be read.
    BadValue {
        key: String,
    },
}

/// The default scenario as it was when link version 1 was defined. Frozen: do not edit it when
/// the defaults in [`super::scenario`] change (a test compares it with the version-1 corpus
/// file, not with today's defaults).
pub fn baseline_v1() -> Scenario {
    let stage = |vessel: &str, volume_l: f64| SeedStage {
        vessel_id: vessel.into(),
        working_volume_l: volume_l,
        seeding_density_e6_per_ml: 0.5,
        end: StageEnd::SplitDensity { density_e6_per_ml: 4.0 },
        mode: StageMode::Batch,
    };
    Scenario {
        name: "Typical CHO mAb fed-batch, 2000 L".into(),
        program: Program {
            product_name: "mAb-001".into(),
            modality: Modality::Mab,
            phase: Phase::Clinical,
            target: CampaignTarget::Batches { count: 3 },
        },
        cell_line: CellLine {
            doubling_time_h: 24.0,
            lag_h: 0.0,
            cells_per_vial_e6: 30.0,
            post_thaw_viability_pct: 95.0,
        },
        seed_train: vec![
            stage("sf125", 0.047),
            stage("sf1000", 0.37),
            stage("rb10", 2.9),
            stage("rb50", 23.0),
            stage("sub200", 180.0),
        ],
        production: Production {
            vessel_id: "sub2000".into(),
            initial_volume_l: 1400.0,
            seeding_density_e6_per_ml: 0.5,
            duration_days: 14,
            peak_density_e6_per_ml: 20.0,
            feeds: vec![Feed {
                name: "Feed A".into(),
                amount: FeedAmount::PercentOfInitial { pct: 3.6 },
                days: (3..=13).collect(),
            }],
            titer_g_per_l: 3.0,
            daily_sample_l: 0.1,
        },
        downstream: Downstream {
            clarification: Clarification {
                yield_pct: 93.0,
                filter_loading_l_per_m2: 40.0,
                flush_l_per_m2: 50.0,
            },
            protein_a: Chromatography {
                yield_pct: 93.0,
                capacity_g_per_l: 45.0,
                load_fraction_pct: 80.0,
                column_volume_l: 50.0,
                max_cycles_per_batch: 6,
                buffer_cv_per_cycle: 35.0,
                pool_concentration_g_per_l: 10.0,
                lifetime_cycles: 200,
            },
            low_ph: LowPh { yield_pct: 97.0, adjust_pct_of_volume: 10.0 },
            aex: Chromatography {
                yield_pct: 95.0,
                capacity_g_per_l: 150.0,
                load_fraction_pct: 100.0,
                column_volume_l: 20.0,
                max_cycles_per_batch: 4,
                buffer_cv_per_cycle: 15.0,
                pool_concentration_g_per_l: 8.0,
                lifetime_cycles: 100,
            },
            cex: Chromatography {
                yield_pct: 92.0,
                capacity_g_per_l: 60.0,
                load_fraction_pct: 80.0,
                column_volume_l: 40.0,
                max_cycles_per_batch: 4,
                buffer_cv_per_cycle: 30.0,
                pool_concentration_g_per_l: 10.0,
                lifetime_cycles: 100,
            },
            virus_filtration: VirusFiltration { yield_pct: 97.0, loading_l_per_m2: 200.0 },
            ufdf: UfDf {
                yield_pct: 96.0,
                diafiltration_concentration_g_per_l: 50.0,
                diavolumes: 8.0,
                final_concentration_g_per_l: 100.0,
            },
            resin_mode: ResinMode::Amortised,
            media_overage_pct: 10.0,
            buffer_overage_pct: 10.0,
        },
        schedule: Schedule {
            thaw_date: CivilDate::from_ymd(2027, 3, 1).expect("valid date"),
            turnaround_days: 3,
            downstream_days: 6,
            bulk_harvest_testing_days: 28,
            qc_release_days: 30,
            qa_disposition_days: 7,
            weekend_operations_allowed: true,
            lines_used: 1,
            line_utilisation_pct: 80.0,
        },
        rate_overrides: BTreeMap::new(),
    }
}

/// Rates in link version 1, by their index in this list. Frozen: a rate added later needs a
/// new link version (an older release would refuse the unknown index).
const V1_RATES: [Rate; 23] = {
    use Rate::*;
    [
        SeedMediumPerL,
        BasalMediumPerL,
        FeedMediumPerL,
        PerfusionMediumPerL,
        BufferPerL,
        DepthFilterPerM2,
        VirusFilterPerM2,
        SterileFiltersPerBatch,
        DspSingleUsePerBatch,
        ProteinAResinPerL,
        AexResinPerL,
        CexResinPerL,
        OperatorDay,
        UspOperators,
        DspOperators,
        SeedSuiteDay,
        ProductionLineDay,
        DspSuiteDay,
        QcReleasePerBatch,
        BulkHarvestTestingPerBatch,
        QaReviewPerBatch,
        OverheadPct,
        MarginPct,
    ]
};

/// A value as it is written in a link.
trait LinkValue: Sized + PartialEq {
    fn write(&self, out: &mut String);
    fn read(text: &str) -> Option<Self>;
}

impl LinkValue for f64 {
    fn write(&self, out: &mut String) {
        // Display is the shortest text that parses back to the same f64.
        let _ = write!(out, "{self}");
    }
    fn read(text: &str) -> Option<Self> {
        // Only what `write` produces: digits, one '.', an optional leading '-'. Refuses "inf",
        // "NaN", exponents and '+', which the encoder never writes.
        let digits = text.strip_prefix('-').unwrap_or(text);
        let ok = !digits.is_empty()
            && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.')
            && digits.bytes().filter(|&b| b == b'.').count() <= 1;
        ok.then(|| text.parse::<f64>().ok()).flatten().filter(|v| v.is_finite())
    }
}

impl LinkValue for u32 {
    fn write(&self, out: &mut String) {
        let _ = write!(out, "{self}");
    }
    fn read(text: &str) -> Option<Self> {
        if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        text.parse().ok()
    }
}

impl LinkValue for bool {
    fn write(&self, out: &mut String) {
        out.push(if *self { '1' } else { '0' });
    }
    fn read(text: &str) -> Option<Self> {
        match text {
            "1" => Some(true),
            "0" => Some(false),
            _ => None,
        }
    }
}

impl LinkValue for String {
    fn write(&self, out: &mut String) {
        base64url_encode(self.as_bytes(), out);
    }
    fn read(text: &str) -> Option<Self> {
        String::from_utf8(base64url_decode(text)?).ok()
    }
}

impl LinkValue for CivilDate {
    fn write(&self, out: &mut String) {
        let _ = write!(out, "{self}");
    }
    fn read(text: &str) -> Option<Self> {
        CivilDate::parse_iso(text)
    }
}

/// Enums written as fixed words (the words of the scenario file format).
macro_rules! word_enum {
    ($ty:ty { $($variant:path => $word:literal),+ $(,)? }) => {
        impl LinkValue for $ty {
            fn write(&self, out: &mut String) {
                out.push_str(match self { $($variant => $word),+ });
            }
            fn read(text: &str) -> Option<Self> {
                match text { $($word => Some($variant),)+ _ => None }
            }
        }
    };
}
word_enum!(Modality { Modality::Mab => "mab", Modality::Bispecific => "bispecific", Modality::FcFusion => "fc_fusion", Modality::Other => "other" });
word_enum!(Phase { Phase::Tox => "tox", Phase::Clinical => "clinical", Phase::PpqCommercial => "ppq_commercial" });
word_enum!(ResinMode { ResinMode::Amortised => "amortised", ResinMode::DedicatedToCampaign => "dedicated" });

/// `b3` (3 batches) or `g10000` (10,000 g of drug substance).
impl LinkValue for CampaignTarget {
    fn write(&self, out: &mut String) {
        match self {
            CampaignTarget::Batches { count } => tagged(out, 'b', count),
            CampaignTarget::DrugSubstanceG { grams } => tagged(out, 'g', grams),
        }
    }
    fn read(text: &str) -> Option<Self> {
        match split_tag(text)? {
            ('b', rest) => Some(CampaignTarget::Batches { count: LinkValue::read(rest)? }),
            ('g', rest) => Some(CampaignTarget::DrugSubstanceG { grams: LinkValue::read(rest)? }),
            _ => None,
        }
    }
}

/// `yield:capacity:load:cv:max_cycles:buffer_cv:pool:lifetime`.
impl LinkValue for Chromatography {
    fn write(&self, out: &mut String) {
        self.yield_pct.write(out);
        for part in [self.capacity_g_per_l, self.load_fraction_pct, self.column_volume_l] {
            out.push(':');
            part.write(out);
        }
        out.push(':');
        self.max_cycles_per_batch.write(out);
        for part in [self.buffer_cv_per_cycle, self.pool_concentration_g_per_l] {
            out.push(':');
            part.write(out);
        }
        out.push(':');
        self.lifetime_cycles.write(out);
    }
    fn read(text: &str) -> Option<Self> {
        let p: Vec<&str> = text.split(':').collect();
        let [y, cap, load, cv, max, buf, pool, life] = p[..] else { return None };
        Some(Chromatography {
            yield_pct: LinkValue::read(y)?,
            capacity_g_per_l: LinkValue::read(cap)?,
            load_fraction_pct: LinkValue::read(load)?,
            column_volume_l: LinkValue::read(cv)?,
            max_cycles_per_batch: LinkValue::read(max)?,
            buffer_cv_per_cycle: LinkValue::read(buf)?,
            pool_concentration_g_per_l: LinkValue::read(pool)?,
            lifetime_cycles: LinkValue::read(life)?,
        })
    }
}

/// `vessel:volume:seeding:end:mode`; end `s4` (split at 4 x 10^6/mL) or `d3` (3 days); mode
/// `b` (batch) or `p1.5` (perfusion at 1.5 VVD).
impl LinkValue for SeedStage {
    fn write(&self, out: &mut String) {
        self.vessel_id.write(out);
        out.push(':');
        self.working_volume_l.write(out);
        out.push(':');
        self.seeding_density_e6_per_ml.write(out);
        out.push(':');
        match self.end {
            StageEnd::SplitDensity { density_e6_per_ml } => tagged(out, 's', &density_e6_per_ml),
            StageEnd::FixedDays { days } => tagged(out, 'd', &days),
        }
        out.push(':');
        match self.mode {
            StageMode::Batch => out.push('b'),
            StageMode::Perfusion { vvd } => tagged(out, 'p', &vvd),
        }
    }
    fn read(text: &str) -> Option<Self> {
        let p: Vec<&str> = text.split(':').collect();
        let [vessel, volume, seeding, end, mode] = p[..] else { return None };
        Some(SeedStage {
            vessel_id: LinkValue::read(vessel)?,
            working_volume_l: LinkValue::read(volume)?,
            seeding_density_e6_per_ml: LinkValue::read(seeding)?,
            end: match split_tag(end)? {
                ('s', v) => StageEnd::SplitDensity { density_e6_per_ml: LinkValue::read(v)? },
                ('d', v) => StageEnd::FixedDays { days: LinkValue::read(v)? },
                _ => return None,
            },
            mode: match split_tag(mode)? {
                ('b', "") => StageMode::Batch,
                ('p', v) => StageMode::Perfusion { vvd: LinkValue::read(v)? },
                _ => return None,
            },
        })
    }
}

/// `name:amount:days`; amount `p3.6` (% of V0) or `l50` (litres); days as ranges joined by
/// `.`, e.g. `3-5.7.9-13`.
impl LinkValue for Feed {
    fn write(&self, out: &mut String) {
        self.name.write(out);
        out.push(':');
        match self.amount {
            FeedAmount::PercentOfInitial { pct } => tagged(out, 'p', &pct),
            FeedAmount::FixedVolume { litres } => tagged(out, 'l', &litres),
        }
        out.push(':');
        write_days(&self.days, out);
    }
    fn read(text: &str) -> Option<Self> {
        let p: Vec<&str> = text.split(':').collect();
        let [name, amount, days] = p[..] else { return None };
        Some(Feed {
            name: LinkValue::read(name)?,
            amount: match split_tag(amount)? {
                ('p', v) => FeedAmount::PercentOfInitial { pct: LinkValue::read(v)? },
                ('l', v) => FeedAmount::FixedVolume { litres: LinkValue::read(v)? },
                _ => return None,
            },
            days: read_days(days)?,
        })
    }
}

/// Lists: items joined by `,`; the empty text is the empty list.
impl<T: LinkValue> LinkValue for Vec<T> {
    fn write(&self, out: &mut String) {
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            item.write(out);
        }
    }
    fn read(text: &str) -> Option<Self> {
        if text.is_empty() {
            return Some(Vec::new());
        }
        if text.split(',').count() > MAX_ITEMS {
            return None;
        }
        text.split(',').map(T::read).collect()
    }
}

/// Rate overrides: `index:value` pairs joined by `,`, the index into [`V1_RATES`].
impl LinkValue for BTreeMap<Rate, f64> {
    fn write(&self, out: &mut String) {
        for (i, (rate, value)) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            let index = V1_RATES.iter().position(|r| r == rate).unwrap_or(0);
            let _ = write!(out, "{index}:");
            value.write(out);
        }
    }
    fn read(text: &str) -> Option<Self> {
        let mut map = BTreeMap::new();
        if text.is_empty() {
            return Some(map);
        }
        for pair in text.split(',') {
            let (index, value) = pair.split_once(':')?;
            let rate = *V1_RATES.get(usize::try_from(u32::read(index)?).ok()?)?;
            if map.insert(rate, f64::read(value)?).is_some() {
                return None;
            }
        }
        Some(map)
    }
}

fn tagged(out: &mut String, tag: char, value: &impl LinkValue) {
    out.push(tag);
    value.write(out);
}

fn split_tag(text: &str) -> Option<(char, &str)> {
    let tag = text.chars().next()?;
    Some((tag, &text[tag.len_utf8()..]))
}

/// Days as runs: `3-13` for 3, 4, ..., 13; single days as themselves; runs joined by `.`.
fn write_days(days: &[u32], out: &mut String) {
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

fn read_days(text: &str) -> Option<Vec<u32>> {
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

/// A scenario field as the codec sees it, whatever its type (one copy of the reading and
/// writing code per type, not per field: this keeps the page's WebAssembly small).
trait Field {
    fn write_text(&self, out: &mut String);
    /// Replaces the value from its text; false (value unchanged) when it cannot be read.
    fn read_text(&mut self, text: &str) -> bool;
}

impl<T: LinkValue> Field for T {
    fn write_text(&self, out: &mut String) {
        self.write(out);
    }
    fn read_text(&mut self, text: &str) -> bool {
        T::read(text).map(|v| *self = v).is_some()
    }
}

/// One field of a link version: its key, its path in the scenario (as validation and the
/// scenario file name it), and where it lives.
struct Entry {
    key: &'static str,
    path: &'static str,
    get: fn(&Scenario) -> &dyn Field,
    get_mut: fn(&mut Scenario) -> &mut dyn Field,
}

impl Entry {
    fn text(&self, s: &Scenario) -> String {
        let mut out = String::new();
        (self.get)(s).write_text(&mut out);
        out
    }
}

/// Every field of link version 1, in the order the encoder writes them. Keys are frozen for
/// version 1.
macro_rules! link_fields {
    ($($key:literal => $($place:ident).+;)+) => {
        const V1_FIELDS: &[Entry] = &[$(Entry {
            key: $key,
            path: stringify!($($place).+),
            get: |s| &s.$($place).+,
            get_mut: |s| &mut s.$($place).+,
        }),+];
    };
}

/// Each field's scenario path and its text in a link, whether or not it differs from the
/// baseline (for comparisons).
pub fn field_texts(s: &Scenario) -> Vec<(&'static str, String)> {
    V1_FIELDS.iter().map(|e| (e.path, e.text(s))).collect()
}

link_fields! {
    "n" => name;
    "pn" => program.product_name;
    "mod" => program.modality;
    "ph" => program.phase;
    "t" => program.target;
    "td" => cell_line.doubling_time_h;
    "lag" => cell_line.lag_h;
    "vc" => cell_line.cells_per_vial_e6;
    "via" => cell_line.post_thaw_viability_pct;
    "st" => seed_train;
    "pv" => production.vessel_id;
    "v0" => production.initial_volume_l;
    "x0" => production.seeding_density_e6_per_ml;
    "dur" => production.duration_days;
    "pk" => production.peak_density_e6_per_ml;
    "fd" => production.feeds;
    "tit" => production.titer_g_per_l;
    "smp" => production.daily_sample_l;
    "cy" => downstream.clarification.yield_pct;
    "cfl" => downstream.clarification.filter_loading_l_per_m2;
    "cff" => downstream.clarification.flush_l_per_m2;
    "pa" => downstream.protein_a;
    "ly" => downstream.low_ph.yield_pct;
    "la" => downstream.low_ph.adjust_pct_of_volume;
    "aex" => downstream.aex;
    "cex" => downstream.cex;
    "vy" => downstream.virus_filtration.yield_pct;
    "vl" => downstream.virus_filtration.loading_l_per_m2;
    "uy" => downstream.ufdf.yield_pct;
    "udc" => downstream.ufdf.diafiltration_concentration_g_per_l;
    "udv" => downstream.ufdf.diavolumes;
    "ufc" => downstream.ufdf.final_concentration_g_per_l;
    "rm" => downstream.resin_mode;
    "mo" => downstream.media_overage_pct;
    "bo" => downstream.buffer_overage_pct;
    "th" => schedule.thaw_date;
    "ta" => schedule.turnaround_days;
    "dd" => schedule.downstream_days;
    "bh" => schedule.bulk_harvest_testing_days;
    "qc" => schedule.qc_release_days;
    "qa" => schedule.qa_disposition_days;
    "we" => schedule.weekend_operations_allowed;
    "ln" => schedule.lines_used;
    "ut" => schedule.line_utilisation_pct;
    "r" => rate_overrides;
}

/// The link text (without `#`) of a scenario priced with `facility_profile`.
pub fn encode(scenario: &Scenario, facility_profile: &str) -> String {
    let mut out = format!("v{LINK_VERSION}&p={facility_profile}");
    let base = baseline_v1();
    for e in V1_FIELDS {
        let text = e.text(scenario);
        if text != e.text(&base) {
            let _ = write!(out, "&{}={text}", e.key);
        }
    }
    let checksum = fnv1a32(out.as_bytes());
    let _ = write!(out, "&c={checksum:08x}");
    out
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
    // Version 1 is the only version so far; a later version adds its own reader here and
    // keeps this one.
    let mut scenario = baseline_v1();
    let mut facility_profile = None;
    let mut seen: Vec<&str> = Vec::new();
    for pair in body.split('&').skip(1) {
        let (key, value) =
            pair.split_once('=').ok_or_else(|| LinkError::UnknownField { key: pair.into() })?;
        if seen.contains(&key) {
            return Err(LinkError::UnknownField { key: key.into() });
        }
        seen.push(key);
        let ok = if key == "p" {
            facility_profile = Some(value.to_string());
            is_profile_id(value)
        } else {
            let e = V1_FIELDS
                .iter()
                .find(|e| e.key == key)
                .ok_or_else(|| LinkError::UnknownField { key: key.into() })?;
            (e.get_mut)(&mut scenario).read_text(value)
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

const BASE64URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Unpadded base64url (RFC 4648 section 5). Hand-written: 30 lines instead of a dependency
/// for the two short names a link carries.
fn base64url_encode(bytes: &[u8], out: &mut String) {
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(BASE64URL[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
}

fn base64url_decode(text: &str) -> Option<Vec<u8>> {
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
    use super::*;

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
    fn field_paths_are_scenario_paths() {
        let paths: Vec<&str> = field_texts(&baseline_v1()).into_iter().map(|(p, _)| p).collect();
        assert!(paths.contains(&"production.titer_g_per_l"));
        assert!(paths.contains(&"downstream.protein_a"));
    }

    #[test]
    fn saved_lists_keep_unreadable_lines_apart() {
        let a = encode(&baseline_v1(), "suzhou-2026-11");
        // A line saved by a newer release (another tab) is kept, not set aside.
        let newer = "v2&x=1&c=00000000";
        let text = format!("{a}\n\n  garbage  \n{}\n{a}\n{newer}", &a[..a.len() - 2]);
        let (good, bad) = split_saved(&text);
        assert_eq!(good, vec![a.clone(), a.clone(), newer.to_string()]);
        assert_eq!(bad, vec!["garbage".to_string(), a[..a.len() - 2].to_string()]);
    }

    #[test]
    fn every_rate_has_a_v1_index() {
        for rate in Rate::ALL {
            assert!(V1_RATES.contains(&rate), "{rate:?} missing from V1_RATES");
        }
    }
}
