//! Tech Transfer Calculator, the page: a thin Leptos UI (`app`, `ui`, `deferred`) over the
//! pure model crate (`ttc_model`, re-exported as `model`) and its words (`ttc_text`).
pub mod app;
pub mod deferred;
pub mod first_result;
pub mod handover;
pub mod i18n;
pub mod loader;
pub mod prefs;
pub mod steps;
pub mod ui;

pub use ttc_model as model;
