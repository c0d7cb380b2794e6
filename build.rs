//! Generates the `i18n` module (typed translation keys) from `locales/*.json` at compile time,
//! so that a missing or misspelt key is a build error.
use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?);
    // `interpolate_display` lets `td_string!` fill in numbers, for text built in Rust
    // (attributes, chart labels, messages).
    let cfg = Config::new("en")?
        .add_locale("zh")?
        .parse_options(ParseOptions::new().interpolate_display(true));
    let translations = TranslationsInfos::parse(cfg)?;
    translations.rerun_if_locales_changed();
    translations.emit_diagnostics();
    translations.generate_i18n_module(out_dir.join("i18n"))?;
    Ok(())
}
