//! Placeholder: replaced by the foundation work.
