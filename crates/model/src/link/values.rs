//! How each kind of value is written in a link and read back (numbers in Rust's shortest
//! round-trip form, lists, the model's types; text and days through `encodings.rs`), and
//! the [`Field`] view of a scenario field the codec reads and writes through.

use super::encodings::{base64url_decode, base64url_encode, read_days, write_days};
use super::v1::{link_rate_index, LINK_RATES};
use crate::date::CivilDate;
use crate::facility::Rate;
use crate::scenario::{
    Addition, CampaignTarget, Chromatography, Feed, FeedAmount, Modality, Phase, PlanAnchor, PlanStep,
    ResinMode, SeedStage, StageEnd, StageMode, StepKind,
};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Most items a list in a link may hold.
const MAX_ITEMS: usize = 100;

/// A value as it is written in a link.
pub(super) trait LinkValue: Sized + PartialEq {
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

impl LinkValue for i32 {
    fn write(&self, out: &mut String) {
        let _ = write!(out, "{self}");
    }
    fn read(text: &str) -> Option<Self> {
        let digits = text.strip_prefix('-').unwrap_or(text);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) || text == "-0" {
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

/// An optional date: the date, or `-` for none.
impl LinkValue for Option<CivilDate> {
    fn write(&self, out: &mut String) {
        match self {
            Some(d) => d.write(out),
            None => out.push('-'),
        }
    }
    fn read(text: &str) -> Option<Self> {
        if text == "-" {
            Some(None)
        } else {
            CivilDate::read(text).map(Some)
        }
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
word_enum!(PlanAnchor { PlanAnchor::Kickoff => "kickoff", PlanAnchor::FirstGmpThaw => "thaw" });
word_enum!(StepKind {
    StepKind::TransferReview => "rev",
    StepKind::MethodTransfer => "met",
    StepKind::RawMaterials => "raw",
    StepKind::BatchRecord => "mbr",
    StepKind::SmallScale => "ssr",
    StepKind::EngineeringRuns => "eng",
    StepKind::Ppq => "ppq",
    StepKind::GmpCampaign => "gmp",
});

/// `step:included:duration:after:lag`, e.g. `met:1:210:rev:-14`; `after` the step words
/// joined by `.`.
impl LinkValue for PlanStep {
    fn write(&self, out: &mut String) {
        self.step.write(out);
        out.push(':');
        self.included.write(out);
        out.push(':');
        self.duration_days.write(out);
        out.push(':');
        for (i, a) in self.after.iter().enumerate() {
            if i > 0 {
                out.push('.');
            }
            a.write(out);
        }
        out.push(':');
        self.lag_days.write(out);
    }
    fn read(text: &str) -> Option<Self> {
        let p: Vec<&str> = text.split(':').collect();
        let [step, included, duration, after, lag] = p[..] else { return None };
        let after = if after.is_empty() {
            Vec::new()
        } else {
            after.split('.').map(StepKind::read).collect::<Option<Vec<_>>>()?
        };
        (after.len() <= StepKind::ALL.len()).then_some(())?;
        Some(PlanStep {
            step: LinkValue::read(step)?,
            included: LinkValue::read(included)?,
            duration_days: LinkValue::read(duration)?,
            after,
            lag_days: LinkValue::read(lag)?,
        })
    }
}

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

/// `yield:capacity:load:cv:max_cycles:buffer_cv:pool:lifetime`: version 1's parts. The cycle
/// time came with version 4 under a key of its own, so reading these parts keeps it.
impl Field for Chromatography {
    fn write_text(&self, out: &mut String) {
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
    fn read_text(&mut self, text: &str) -> bool {
        let p: Vec<&str> = text.split(':').collect();
        let [y, cap, load, cv, max, buf, pool, life] = p[..] else { return false };
        let read = || {
            Some(Chromatography {
                yield_pct: LinkValue::read(y)?,
                capacity_g_per_l: LinkValue::read(cap)?,
                load_fraction_pct: LinkValue::read(load)?,
                column_volume_l: LinkValue::read(cv)?,
                max_cycles_per_batch: LinkValue::read(max)?,
                buffer_cv_per_cycle: LinkValue::read(buf)?,
                pool_concentration_g_per_l: LinkValue::read(pool)?,
                lifetime_cycles: LinkValue::read(life)?,
                cycle_time_h: self.cycle_time_h,
            })
        };
        read().map(|c| *self = c).is_some()
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
impl LinkValue for FeedAmount {
    fn write(&self, out: &mut String) {
        match *self {
            FeedAmount::PercentOfInitial { pct } => tagged(out, 'p', &pct),
            FeedAmount::FixedVolume { litres } => tagged(out, 'l', &litres),
        }
    }
    fn read(text: &str) -> Option<Self> {
        match split_tag(text)? {
            ('p', v) => Some(FeedAmount::PercentOfInitial { pct: LinkValue::read(v)? }),
            ('l', v) => Some(FeedAmount::FixedVolume { litres: LinkValue::read(v)? }),
            _ => None,
        }
    }
}

impl LinkValue for Feed {
    fn write(&self, out: &mut String) {
        self.name.write(out);
        out.push(':');
        self.amount.write(out);
        out.push(':');
        write_days(&self.days, out);
    }
    fn read(text: &str) -> Option<Self> {
        let p: Vec<&str> = text.split(':').collect();
        let [name, amount, days] = p[..] else { return None };
        Some(Feed { name: LinkValue::read(name)?, amount: LinkValue::read(amount)?, days: read_days(days)? })
    }
}

/// An addition as a feed without its name: `amount:days`.
impl LinkValue for Addition {
    fn write(&self, out: &mut String) {
        self.amount.write(out);
        out.push(':');
        write_days(&self.days, out);
    }
    fn read(text: &str) -> Option<Self> {
        let (amount, days) = text.split_once(':')?;
        Some(Addition { amount: LinkValue::read(amount)?, days: read_days(days)? })
    }
}

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

/// Rate overrides: `index:value` pairs joined by `,`, the index into [`LINK_RATES`] (a
/// version-1 link is held to the rates version 1 knew when it is decoded).
impl LinkValue for BTreeMap<Rate, f64> {
    fn write(&self, out: &mut String) {
        for (i, (rate, value)) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            let index = link_rate_index(*rate);
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
            let rate = *LINK_RATES.get(usize::try_from(u32::read(index)?).ok()?)?;
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

/// A scenario field as the codec sees it, whatever its type (one copy of the reading and
/// writing code per type, not per field: this keeps the page's WebAssembly small).
pub(super) trait Field {
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
