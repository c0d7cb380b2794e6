//! A scenario file (JSON, `docs/scenario-format.md`) and its link (`docs/scenario-links.md`):
//! the share panel's export and import and the command line's `ttc link` / `ttc open` go
//! through here, so a file that cannot become a link is refused with the same reason
//! everywhere.

use crate::link::{self, LinkError};
use crate::scenario_file::{self, FileError};

/// Why a scenario file cannot be opened.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    File(FileError),
    /// The rate card name cannot be carried in a link (see [`link::is_profile_id`]).
    Profile(String),
    /// The scenario is beyond what a link carries (e.g. more than 100 seed stages, a feed on
    /// more than 1,000 days): the field's key.
    TooBig(String),
    /// Its link would be longer than a link is read ([`link::MAX_LINK_CHARS`]): very long
    /// names.
    LinkTooLong {
        chars: usize,
        max: usize,
    },
}

/// The scenario file of a link.
pub fn export_json(link_text: &str) -> Result<String, LinkError> {
    let opened = link::decode(link_text)?;
    Ok(scenario_file::to_json(&opened.scenario, &opened.facility_profile))
}

/// A scenario file's link, and the paths of fields this version does not know.
pub fn import_json(file_text: &str) -> Result<(String, Vec<String>), ImportError> {
    let loaded = scenario_file::from_json(file_text).map_err(ImportError::File)?;
    if !link::is_profile_id(&loaded.facility_profile) {
        return Err(ImportError::Profile(loaded.facility_profile));
    }
    let text = link::encode(&loaded.scenario, &loaded.facility_profile);
    match link::decode(&text) {
        Ok(_) => Ok((text, loaded.unknown_fields)),
        Err(LinkError::TooLong { chars, max }) => Err(ImportError::LinkTooLong { chars, max }),
        Err(
            LinkError::BadValue { key } | LinkError::UnknownField { key } | LinkError::RepeatedField { key },
        ) => Err(ImportError::TooBig(key)),
        // A link this build has just written has its version, its checksum and no key twice.
        Err(
            LinkError::NotALink
            | LinkError::NewerVersion { .. }
            | LinkError::Truncated
            | LinkError::ChecksumMismatch,
        ) => Err(ImportError::TooBig(String::new())),
    }
}
