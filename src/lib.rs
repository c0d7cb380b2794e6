//! Tech Transfer Calculator: a pure calculation model (`model`) and a thin Leptos UI (`app`).
pub mod app;
pub mod model;
