//! Published processes as loadable examples: a platform fed-batch, an intensified fed-batch
//! seeded from an enriched batch N-1, and an intensified fed-batch seeded from a perfusion
//! N-1. Each takes from its publications the figures they report (seeding and N-1 densities,
//! the feed, the run length) and keeps today's defaults, marked
//! illustrative, for what they do not report (absolute titers, qP, peak densities, growth
//! rates, the downstream train). `tests/examples.rs` checks that the model reproduces the
//! published figures from them.
//!
//! The seed trains are designed with the model's own rule (`design_seed_train`): the stages
//! before N-1 conventionally (seeded at 0.5, split at 4 x 10^6 cells/mL), the N-1 at the
//! example's own densities.

use crate::facility::{Bilingual, FacilityProfile};
use crate::scenario::{Scenario, SeedStage, StageEnd, StageMode};
use crate::seed_train::design_seed_train;

/// A publication an example draws on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Citation {
    /// Authors, year, title, journal, volume and pages (or article number).
    pub text: &'static str,
    /// Where to read it (DOI or PubMed Central).
    pub url: &'static str,
}

/// Xu et al. 2020, Table 2: processes A (conventional), B (enriched N-1) and C (perfusion N-1).
pub const XU_2020: Citation = Citation {
    text: "Xu J, Rehmann MS, Xu M, Zheng S, Hill C, He Q, Borys MC, Li ZJ (2020). Development of an intensified fed-batch production platform with doubled titers using N-1 perfusion seed for cell culture manufacturing. Bioresources and Bioprocessing 7:17",
    url: "https://doi.org/10.1186/s40643-020-00304-y",
};

/// Yongky et al. 2019 (the "previous study" of Xu et al. 2020): non-perfusion N-1 seeds. Its
/// abstract (PubMed Central) is the source used here; the citation gives only what was
/// checked against it: first author, year, journal and where to read it.
pub const YONGKY_2019: Citation = Citation {
    text: "Yongky A et al. (2019). mAbs. PubMed Central PMC6816350",
    url: "https://pmc.ncbi.nlm.nih.gov/articles/PMC6816350",
};

/// Stepper et al. 2020: pre-stage perfusion to 45 x 10^6 cells/mL, ultra-high seeding.
pub const STEPPER_2020: Citation = Citation {
    text: "Stepper L, Filser FA, Fischer S, Schaub J, Gorr I, Voges R (2020). Pre-stage perfusion and ultra-high seeding cell density in CHO fed-batch culture: a case study for process intensification guided by systems biotechnology. Bioprocess and Biosystems Engineering 43:1431-1443",
    url: "https://doi.org/10.1007/s00449-020-02337-1",
};

/// A published process, ready to open.
#[derive(Clone, Debug, PartialEq)]
pub struct PublishedExample {
    /// Stable identifier (`platform-fed-batch`, ...).
    pub id: &'static str,
    pub name: Bilingual,
    /// What the example takes from its publications, and what is illustrative.
    pub basis: Bilingual,
    pub citations: Vec<Citation>,
    /// The scenario, named in English (the page names it in the reader's language).
    pub scenario: Scenario,
}

/// The train for an N-1 of `n1_volume`: conventional stages (seeded at 0.5, split at 4) that
/// seed it at `n1_seeding` x 10^6 cells/mL, then the N-1 itself.
fn train_to(n1: SeedStage, s: &Scenario, facility: &FacilityProfile) -> Vec<SeedStage> {
    let mut n2_needs = s.production.clone();
    n2_needs.initial_volume_l = n1.working_volume_l;
    n2_needs.seeding_density_e6_per_ml = n1.seeding_density_e6_per_ml;
    let excess = s.seed_rules.transfer_excess_pct;
    let mut train = design_seed_train(&n2_needs, &s.cell_line, facility, 0.5, 4.0, excess);
    train.push(n1);
    train
}

/// The N-1 the production bioreactor needs, seeded at `seeding` and split at `split`
/// (10^6 cells/mL), in the facility's smallest vessel that holds it with the transfer excess.
fn n1_stage(
    s: &Scenario,
    facility: &FacilityProfile,
    seeding: f64,
    split: f64,
    mode: StageMode,
) -> SeedStage {
    let excess = s.seed_rules.transfer_excess_pct;
    let designed = design_seed_train(&s.production, &s.cell_line, facility, seeding, split, excess);
    let last = designed.last().cloned();
    SeedStage {
        mode,
        ..last.unwrap_or(SeedStage {
            vessel_id: String::new(),
            working_volume_l: 0.0,
            seeding_density_e6_per_ml: seeding,
            end: StageEnd::SplitDensity { density_e6_per_ml: split },
            mode,
        })
    }
}

/// Xu et al. 2020, Process A: N seeded at about 0.6 x 10^6 cells/mL from a batch N-1 (Table
/// 2: 0.3-1.5), a feed fixed at 3.6 % of the initial volume a day from day 3, no temperature
/// shift, harvest on day 14. The titer entered (3 g/L) is illustrative: the paper gives
/// normalized titers only (0.1-0.3 of Process C's).
fn platform_fed_batch(facility: &FacilityProfile) -> PublishedExample {
    let mut s =
        Scenario { name: "Platform fed-batch (Xu et al. 2020, Process A)".into(), ..Scenario::default() };
    s.production.seeding_density_e6_per_ml = 0.6;
    let excess = s.seed_rules.transfer_excess_pct;
    s.seed_train = design_seed_train(&s.production, &s.cell_line, facility, 0.5, 4.0, excess);
    PublishedExample {
        id: "platform-fed-batch",
        name: Bilingual::new(
            "Platform fed-batch (Xu et al. 2020, Process A)",
            "平台补料分批工艺（Xu 等 2020，工艺 A）",
        ),
        basis: Bilingual::new(
            "Published: N seeded at about 0.6 × 10⁶ cells/mL from a batch N-1, a feed of 3.6 % of the initial volume a day from day 3, harvest on day 14. Illustrative: the titer (3 g/L; the paper gives titers relative to its Process C only), growth, the peak density and the downstream train.",
            "已发表：由分批 N-1 以约 0.6 × 10⁶ 细胞/mL 接种 N，自第 3 天起每天补料初始体积的 3.6 %，第 14 天收获。示意：滴度（3 g/L；文中仅给出相对于工艺 C 的滴度）、生长、峰值密度和下游工艺。",
        ),
        citations: vec![XU_2020],
        scenario: s,
    }
}

/// Yongky et al. 2019 (Xu et al. 2020, Process B): an N-1 in batch with enriched medium ends
/// at 22-34 x 10^6 cells/mL and seeds N at 3-6 x 10^6 cells/mL, for the same 14-day run. Here
/// the N-1 is seeded at 2 (illustrative) and passaged within the published 22-34 window (the
/// batch growth ceiling raised to 35 for the enriched medium), N seeded at 4.5. The titer
/// comes from the culture (qP 16 pg/cell/day, illustrative) with a peak of 25 x 10^6
/// cells/mL (illustrative): the paper reports titers relative to its controls only.
fn enriched_n1(facility: &FacilityProfile) -> PublishedExample {
    let mut s = Scenario {
        name: "Intensified fed-batch, enriched batch N-1 (Yongky et al. 2019)".into(),
        ..Scenario::default()
    };
    s.production.seeding_density_e6_per_ml = 4.5;
    s.production.peak_density_e6_per_ml = 25.0;
    s.production.culture.titer_from_qp = true;
    let rules = &mut s.seed_rules;
    rules.passage_window = true;
    (rules.window_low_e6_per_ml, rules.window_high_e6_per_ml) = (22.0, 34.0);
    rules.max_density_batch_e6_per_ml = 35.0;
    let n1 = n1_stage(&s, facility, 2.0, 28.0, StageMode::Batch);
    s.seed_train = train_to(n1, &s, facility);
    PublishedExample {
        id: "enriched-n1",
        name: Bilingual::new(
            "Intensified fed-batch, enriched batch N-1 (Yongky et al. 2019)",
            "强化补料分批，富集培养基分批 N-1（Yongky 等 2019）",
        ),
        basis: Bilingual::new(
            "Published: an N-1 in batch with enriched medium ends at 22-34 × 10⁶ cells/mL (the passage window) and seeds N at 3-6 × 10⁶ cells/mL (4.5 here) for the same 14-day run. Illustrative: the N-1 seeded at 2 × 10⁶ cells/mL, the titer from the culture at qP 16 pg/cell/day with a peak of 25 × 10⁶ cells/mL, the feed and the downstream train. The passage window and the batch growth ceiling (35 × 10⁶ cells/mL, for the enriched medium) are the train's, so they hold for the earlier stages too.",
            "已发表：富集培养基分批 N-1 结束于 22-34 × 10⁶ 细胞/mL（传代窗口），以 3-6 × 10⁶ 细胞/mL 接种 N（此处 4.5），生产同为 14 天。示意：N-1 接种 2 × 10⁶ 细胞/mL，滴度按 qP 16 pg/细胞/天 与峰值 25 × 10⁶ 细胞/mL 由培养曲线计算，补料和下游工艺。传代窗口和分批生长上限（35 × 10⁶ 细胞/mL，适用于富集培养基）属于整个种子链，因此也适用于前面的各级。",
        ),
        citations: vec![YONGKY_2019, XU_2020],
        scenario: s,
    }
}

/// Xu et al. 2020, Process C, with Stepper et al. 2020: a perfusion N-1 (Stepper: up to
/// 45 x 10^6 cells/mL; here seeded at 2.5, illustrative, and split at 40) at 1.6 vessel
/// volumes a day (illustrative, within the common 0.5-2), N seeded at 10 x 10^6 cells/mL
/// (Xu, Table 2: 10-20) and harvested on day 12 (10-14). The feed keeps 3.6 % of V0
/// a day from day 3 (the paper's is "variable"); the titer comes from the culture (qP 16,
/// peak 35 x 10^6 cells/mL, illustrative), and the cation exchanger may cycle 6 times.
fn perfusion_n1(facility: &FacilityProfile) -> PublishedExample {
    let mut s = Scenario {
        name: "Intensified fed-batch, perfusion N-1 (Xu et al. 2020, Process C)".into(),
        ..Scenario::default()
    };
    let p = &mut s.production;
    p.seeding_density_e6_per_ml = 10.0;
    p.peak_density_e6_per_ml = 35.0;
    p.duration_days = 12;
    p.culture.titer_from_qp = true;
    // Feeds and additions end the day before harvest, as in the default 14-day run.
    let before_harvest = |days: &mut Vec<u32>| days.retain(|d| *d < 12);
    for feed in &mut p.feeds {
        before_harvest(&mut feed.days);
    }
    let a = &mut p.additions;
    for days in [&mut a.base.days, &mut a.glucose.days, &mut a.antifoam.days] {
        before_harvest(days);
    }
    // About twice the platform's product: the cation exchanger cycles up to 6 times a batch
    // (5 at this titer) rather than the default 4.
    s.downstream.cex.max_cycles_per_batch = 6;
    let n1 = n1_stage(&s, facility, 2.5, 40.0, StageMode::Perfusion { vvd: 1.6 });
    s.seed_train = train_to(n1, &s, facility);
    PublishedExample {
        id: "perfusion-n1",
        name: Bilingual::new(
            "Intensified fed-batch, perfusion N-1 (Xu et al. 2020, Process C)",
            "强化补料分批，灌流 N-1（Xu 等 2020，工艺 C）",
        ),
        basis: Bilingual::new(
            "Published: a perfusion N-1 (up to 45 × 10⁶ cells/mL, Stepper et al. 2020; 40 here), N seeded at 10-20 × 10⁶ cells/mL (10 here) and harvested on day 10-14 (12 here; Xu et al. 2020, Process C). Illustrative: the N-1 seeded at 2.5 × 10⁶ cells/mL and perfused at 1.6 vessel volumes a day, the titer from the culture at qP 16 pg/cell/day with a peak of 35 × 10⁶ cells/mL, the feed and the downstream train (its cation exchanger cycled up to 6 times a batch).",
            "已发表：灌流 N-1（最高 45 × 10⁶ 细胞/mL，Stepper 等 2020；此处 40），以 10-20 × 10⁶ 细胞/mL 接种 N（此处 10），第 10-14 天收获（此处 12；Xu 等 2020，工艺 C）。示意：N-1 接种 2.5 × 10⁶ 细胞/mL、每天灌流 1.6 个罐体积，滴度按 qP 16 pg/细胞/天 与峰值 35 × 10⁶ 细胞/mL 由培养曲线计算，补料和下游工艺（阳离子交换柱每批最多循环 6 次）。",
        ),
        citations: vec![XU_2020, STEPPER_2020],
        scenario: s,
    }
}

/// The published examples, their seed trains designed with `facility`'s vessels.
pub fn published_examples(facility: &FacilityProfile) -> Vec<PublishedExample> {
    vec![platform_fed_batch(facility), enriched_n1(facility), perfusion_n1(facility)]
}
