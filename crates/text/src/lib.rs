//! The calculator's words and numbers, shared by the page and the `ttc` command line: the
//! translations (English and Simplified Chinese, checked at build time), number, money and
//! date formatting in either language, and the model's data in words (units, problems, fit
//! items, cost lines), so that both say the very same thing.
//!
//! Plain Rust over `ttc_model`: no Leptos, no web APIs.

pub mod format;
pub mod i18n;
pub mod labels;
pub mod messages;
pub mod results;

pub use i18n::Locale;
