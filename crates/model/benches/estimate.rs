//! Benchmark of a full estimate of the default scenario (validation, seed train, production,
//! downstream, the program from kickoff with its batches on the lines, cost, program price,
//! capacity and fit), of the same with a due date (the program again on 1 to 6 lines), of the
//! scenario file round trip, and of a scenario link's round trip (done on every edit, to keep
//! the address current).
//!
//! A plain timing loop rather than criterion: criterion's dependency tree doubles the cold
//! build for one number. Each sample times a batch of runs; the report gives percentiles of the
//! per-estimate time. Run with `cargo bench` (or `make bench`). Target: under 50 us natively.

use std::hint::black_box;
use std::time::Instant;
use ttc_model::{estimate, link, scenario_file, FacilityProfile, Scenario};

fn percentiles(label: &str, mut per_run_ns: Vec<f64>) {
    per_run_ns.sort_by(f64::total_cmp);
    let at = |q: f64| per_run_ns[((per_run_ns.len() - 1) as f64 * q).round() as usize] / 1000.0;
    println!(
        "{label:<32} median {:>8.2} us   p95 {:>8.2} us   min {:>8.2} us   ({} samples)",
        at(0.5),
        at(0.95),
        at(0.0),
        per_run_ns.len()
    );
}

fn bench(label: &str, runs_per_sample: u32, samples: usize, mut f: impl FnMut()) {
    for _ in 0..runs_per_sample {
        f(); // warm up
    }
    let times = (0..samples)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..runs_per_sample {
                f();
            }
            start.elapsed().as_nanos() as f64 / f64::from(runs_per_sample)
        })
        .collect();
    percentiles(label, times);
}

fn main() {
    let scenario = Scenario::default();
    let facility = FacilityProfile::current();
    bench("estimate(default scenario)", 200, 200, || {
        black_box(estimate(black_box(&scenario), black_box(&facility)).ok());
    });
    let mut due = scenario.clone();
    due.plan.due_date = ttc_model::date::CivilDate::from_ymd(2028, 1, 9);
    bench("estimate(default + due date)", 200, 200, || {
        black_box(estimate(black_box(&due), black_box(&facility)).ok());
    });
    let json = scenario_file::to_json(&scenario, &facility.id);
    bench("scenario file write + read", 100, 100, || {
        let text = scenario_file::to_json(black_box(&scenario), "suzhou-2026-11");
        black_box(scenario_file::from_json(&text).ok());
    });
    bench("parse built-in facility profile", 100, 100, || {
        black_box(FacilityProfile::current());
    });
    let mut custom = scenario.clone();
    custom.name = "苏州工艺转移 mAb-X".into();
    custom.production.titer_g_per_l = 5.35;
    custom.seed_train[2].working_volume_l = 3.1;
    bench("link encode + decode", 200, 200, || {
        let text = link::encode(black_box(&custom), "suzhou-2026-11");
        black_box(link::decode(&text).ok());
    });
    println!("scenario file: {} bytes", json.len());
}
