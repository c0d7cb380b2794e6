//! Reading numbers as people type them and writing numbers, money and dates for each
//! language. Plain functions, tested natively: numbers and day lists (`numbers`), money,
//! currencies and exchange rates (`money`), dates (`dates`), all re-exported here.
//!
//! Written by hand rather than with ICU formatting (`leptos_i18n`'s `format_nums` feature
//! pulls in ICU data): English and Simplified Chinese both write 1,234.5, so grouping by
//! thousands with a point for decimals covers both, for a fraction of the bundle size.

mod dates;
mod money;
mod numbers;

pub use dates::*;
pub use money::*;
pub use numbers::*;
