//! Why a link or a scenario file cannot be opened, in the user's language: the page, the
//! share panel and the command line give the same reasons.

use crate::i18n::*;
use ttc_model::file_link::ImportError;
use ttc_model::link::LinkError;
use ttc_model::scenario_file::FileError;

/// Why a scenario link cannot be opened.
pub fn link_error_text(l: Locale, e: &LinkError) -> String {
    match e {
        LinkError::TooLong { chars, max } => {
            tf!(l, link_err_too_long, chars = chars, max = max)
        }
        LinkError::NotALink => td_string!(l, link_err_not_a_link).to_string(),
        LinkError::NewerVersion { version, .. } => {
            tf!(l, link_err_newer, version = version)
        }
        LinkError::Truncated => td_string!(l, link_err_truncated).to_string(),
        LinkError::ChecksumMismatch => td_string!(l, link_err_checksum).to_string(),
        LinkError::UnknownField { key } => tf!(l, link_err_unknown_field, key = key),
        LinkError::RepeatedField { key } => tf!(l, link_err_repeated, key = key),
        LinkError::BadValue { key } => tf!(l, link_err_bad_value, key = key),
    }
}

/// Why a scenario file cannot be opened (or cannot become a link).
pub fn import_error_text(l: Locale, e: &ImportError) -> String {
    match e {
        ImportError::File(FileError::TooLarge { max, .. }) => {
            tf!(l, import_err_too_large, max = max)
        }
        ImportError::File(FileError::NotJson(detail)) => {
            tf!(l, import_err_not_json, detail = detail)
        }
        ImportError::File(FileError::NotAScenarioFile) => td_string!(l, import_err_not_scenario).to_string(),
        ImportError::File(FileError::NewerVersion { version, .. }) => {
            tf!(l, import_err_newer, version = version)
        }
        ImportError::File(FileError::InvalidField { path, message }) => {
            tf!(l, import_err_invalid, path = path, detail = message)
        }
        ImportError::Profile(id) => tf!(l, import_err_profile, id = id),
        ImportError::TooBig(key) => tf!(l, import_err_too_big, key = key),
        ImportError::LinkTooLong { chars, max } => tf!(l, import_err_link_too_long, chars = chars, max = max),
    }
}
