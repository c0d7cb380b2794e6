//! Media and buffer volumes of a batch, by use and by step, before and with the preparation
//! overage: what the volumes section and the medium headline figure show.

use crate::downstream::{DownstreamResult, DsStep};
use crate::estimate_file;
use crate::fed_batch::ProductionResult;
use crate::scenario::Scenario;
use crate::seed_train::StageResult;
use serde::Serialize;

/// What a medium volume is used for.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MediumUse {
    SeedTrain,
    Perfusion,
    Basal,
    #[serde(serialize_with = "estimate_file::feed_name")]
    Feed(String),
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Volumes {
    /// Medium by use, before overage (L).
    #[serde(serialize_with = "estimate_file::medium_volumes")]
    pub media: Vec<(MediumUse, f64)>,
    /// Buffer by downstream step, before overage (L).
    #[serde(serialize_with = "estimate_file::buffer_volumes")]
    pub buffers: Vec<(DsStep, f64)>,
    pub total_medium_l: f64,
    pub total_medium_with_overage_l: f64,
    pub total_buffer_l: f64,
    pub total_buffer_with_overage_l: f64,
    /// Medium and buffer prepared beyond the volumes used (hold-up, priming, losses) (%).
    pub media_overage_pct: f64,
    pub buffer_overage_pct: f64,
}

impl Volumes {
    /// A medium volume as prepared: litres x (1 + medium overage / 100) (L).
    pub fn medium_with_overage_l(&self, litres: f64) -> f64 {
        litres * (1.0 + self.media_overage_pct / 100.0)
    }

    /// A buffer volume as prepared: litres x (1 + buffer overage / 100) (L).
    pub fn buffer_with_overage_l(&self, litres: f64) -> f64 {
        litres * (1.0 + self.buffer_overage_pct / 100.0)
    }
}

/// The batch's media by use and buffers by step, with their totals.
pub(crate) fn summarise_volumes(
    s: &Scenario,
    stages: &[StageResult],
    production: &ProductionResult,
    downstream: &DownstreamResult,
) -> Volumes {
    let mut media = vec![(MediumUse::SeedTrain, stages.iter().map(|st| st.fresh_medium_l).sum())];
    let perfusion: f64 = stages.iter().map(|st| st.perfusion_medium_l).sum();
    if perfusion > 0.0 {
        media.push((MediumUse::Perfusion, perfusion));
    }
    media.push((MediumUse::Basal, production.basal_medium_l));
    media.extend(production.feeds.iter().map(|f| (MediumUse::Feed(f.name.clone()), f.total_l)));
    let buffers: Vec<(DsStep, f64)> = downstream.steps.iter().map(|st| (st.step, st.buffer_l)).collect();
    let total_medium_l: f64 = media.iter().map(|(_, l)| l).sum();
    let total_buffer_l = downstream.total_buffer_l;
    let mut v = Volumes {
        media,
        buffers,
        total_medium_l,
        total_medium_with_overage_l: 0.0,
        total_buffer_l,
        total_buffer_with_overage_l: 0.0,
        media_overage_pct: s.downstream.media_overage_pct,
        buffer_overage_pct: s.downstream.buffer_overage_pct,
    };
    v.total_medium_with_overage_l = v.medium_with_overage_l(total_medium_l);
    v.total_buffer_with_overage_l = v.buffer_with_overage_l(total_buffer_l);
    v
}
