//! Tech Transfer Calculator: a pure calculation model (`model`) and a thin Leptos UI (`app`,
//! `ui`) that only derives and renders.
pub mod app;
pub mod deferred;
pub mod i18n;
pub mod model;
pub mod ui;
