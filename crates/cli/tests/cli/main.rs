//! The `ttc` binary as a user runs it: figures checked against the corpus recorded when the
//! link format was defined (tests/corpus/README.md), messages against the page's.
//!
//! One test binary (cargo builds and links one per target, on a two-core machine), its tests
//! by concern in the modules below; each runs the built binary the way a user does, through
//! the helpers here (run it, read JSON, the corpus and its links, a link's checksum).

mod csv;
mod estimate;
mod examples;
mod links;
mod usage;

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Stdio};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/corpus");

fn corpus(name: &str) -> String {
    format!("{CORPUS}/{name}")
}

struct Run {
    code: i32,
    out: String,
    err: String,
}

fn ttc_bytes(args: &[&str], stdin: &[u8]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ttc"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("ttc runs");
    // A command that does not read its input may exit before it is written.
    let _ = child.stdin.take().expect("stdin").write_all(stdin);
    let output = child.wait_with_output().expect("ttc finishes");
    let run = Run {
        code: output.status.code().expect("ttc exits, not killed by a signal"),
        out: String::from_utf8(output.stdout).expect("UTF-8 output"),
        err: String::from_utf8(output.stderr).expect("UTF-8 messages"),
    };
    assert!(!run.err.contains("panicked"), "ttc {args:?} panicked: {}", run.err);
    run
}

fn ttc(args: &[&str]) -> Run {
    ttc_bytes(args, b"")
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

fn rel_eq(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

/// The links of the corpus, every version, with the figures recorded for them.
fn corpus_links() -> Vec<Value> {
    ["links-v1.json", "links-v2.json", "links-v3.json", "links-v4.json", "links-v5.json"]
        .iter()
        .flat_map(|f| json(&std::fs::read_to_string(corpus(f)).unwrap()).as_array().unwrap().clone())
        .collect()
}

/// Version 2's default scenario as its link recorded it: only the version, the rate card and
/// the checksum.
const DEFAULT_LINK: &str = "v2&p=suzhou-2026-12&c=35bd2753";

/// Version 2's default seed train in a link: sf125, sf1000, rb10, rb50 and sub200 (base64url
/// of the vessel ids), their volumes, seeded at 0.5 and split at 4.
const V2_TRAIN: &str =
    "c2YxMjU:0.047:0.5:s4:b,c2YxMDAw:0.37:0.5:s4:b,cmIxMA:2.9:0.5:s4:b,cmI1MA:23:0.5:s4:b,c3ViMjAw:180:0.5:s4:b";

/// What a link of versions 1 to 3 carries, written as version 4, to keep its production run
/// and downstream: no base, glucose or antifoam (`ab ag af`: 0 L on no day), no evaporation,
/// no headroom, no decline of the culture, the downstream days entered (`ddw=0`), filters of
/// the exact area (safety factors 1, no whole modules).
const V3_PRODUCTION: &str = "ab=l0:&ag=l0:&af=l0:&ev=0&hr=0&kd=0&ddw=0&csf=1&vsf=1&wfm=0";
/// Version 4's resin accounting in a version-5 link: dedicated resin written off over the
/// campaign alone.
const V4_RESIN: &str = "rop=0";

/// The link this release writes for version 2's default scenario: a version-5 link that
/// carries what differs from today's default: its seed train, its V0 of 1400 L, amortised
/// resin, the seed train's rules off (no window, no ceiling, no transfer excess), version 3's
/// production and version 4's resin accounting.
fn v2_default_as_v5_link() -> String {
    let body = format!(
        "v5&p=suzhou-2026-12&st={V2_TRAIN}&v0=1400&rm=amortised&pw=0&gc=0&tx=0&{V3_PRODUCTION}&{V4_RESIN}"
    );
    format!("{body}&c={:08x}", fnv(body.as_bytes()))
}

/// FNV-1a 32 (the links' checksum), to write a test link by hand.
fn fnv(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5_u32, |h, &b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

/// The default corpus file with the titer set to `titer`.
fn default_with_titer(titer: f64) -> String {
    let mut file = json(&std::fs::read_to_string(corpus("v2-default.json")).unwrap());
    file["scenario"]["production"]["titer_g_per_l"] = titer.into();
    // Priced with the current rate card: no warning about an older one.
    file["facility_profile"] = "suzhou-2026-12b".into();
    file.to_string()
}
