//! Tech Transfer Calculator: a pure calculation model (`model`) and a thin Leptos UI (`app`,
//! `ui`) that only derives and renders.
pub mod app;
pub mod i18n;
pub mod model;
pub mod tools;
pub mod ui;
