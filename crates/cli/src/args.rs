//! The command line, parsed by hand.
//!
//! Why not clap: three commands and three flags are about a hundred lines, while clap and its
//! dependencies would be most of this crate's build on a two-core machine that also builds
//! the page, and its generated errors and help are English only and would not follow
//! `--lang`. The rules are the usual ones: options anywhere after `ttc`, `--lang zh` or
//! `--lang=zh`, `--` ends the options, `-` is a positional (standard input).

use std::ffi::OsString;
use std::path::PathBuf;
use ttc_text::Locale;

/// What is wrong with a command line (shown with the usage, in the language of `--lang`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UsageError {
    /// An option given without its value: the option, and whether it takes a language.
    NeedsValue {
        option: String,
        language: bool,
    },
    BadLanguage {
        tag: String,
    },
    UnknownOption {
        option: String,
    },
    NoCommand,
    /// More than one FILE or LINK.
    OneOperandOnly {
        operand: &'static str,
        extra: String,
    },
    NeedsOperand {
        command: String,
        operand: &'static str,
    },
    CsvOnlyForEstimate,
    OutputOnlyForOpen,
    UnknownCommand {
        command: String,
    },
}

/// Where a scenario file comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    Stdin,
    Path(PathBuf),
}

impl Source {
    fn from_arg(arg: OsString) -> Self {
        if arg == "-" {
            Source::Stdin
        } else {
            Source::Path(PathBuf::from(arg))
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    Estimate {
        file: Source,
        csv: bool,
    },
    Link {
        file: Source,
    },
    /// `link` is `None` for standard input; `output` `None` for standard output.
    Open {
        link: Option<String>,
        output: Option<PathBuf>,
    },
    /// The published examples: their ids, names and sources.
    Examples,
    /// The scenario file of published example `id`; `output` `None` for standard output.
    Example {
        id: String,
        output: Option<PathBuf>,
    },
    Help,
    Version,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Args {
    pub command: Command,
    pub locale: Locale,
}

/// The language a command line asks for, read before anything else so that even a mistake on
/// it is explained in that language (English when there is none, or it is not en or zh).
pub fn requested_locale(args: &[OsString]) -> Locale {
    let mut it = args.iter().map(|a| a.to_string_lossy());
    while let Some(arg) = it.next() {
        if arg == "--" {
            break;
        }
        let tag = match arg.strip_prefix("--lang") {
            Some("") => it.next().map(|t| t.into_owned()),
            Some(rest) => rest.strip_prefix('=').map(str::to_string),
            None => continue,
        };
        if let Some(l) = tag.as_deref().and_then(Locale::from_tag) {
            return l;
        }
    }
    Locale::en
}

/// The command line after `ttc`, or what is wrong with it.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Args, UsageError> {
    let mut locale = Locale::en;
    let (mut csv, mut help, mut version) = (false, false, false);
    let mut output: Option<OsString> = None;
    let mut positional: Vec<OsString> = Vec::new();
    let mut options_ended = false;
    let mut it = args.into_iter();
    while let Some(arg) = it.next() {
        // A path that is not UTF-8 is never an option.
        let text = match arg.to_str() {
            Some(t) if !options_ended && t.starts_with('-') && t != "-" => t.to_string(),
            _ => {
                positional.push(arg);
                continue;
            }
        };
        let (name, inline) = match text.split_once('=') {
            Some((name, value)) if name.starts_with("--") => (name, Some(value.to_string())),
            _ => (text.as_str(), None),
        };
        let mut value = |language: bool| -> Result<OsString, UsageError> {
            match inline.clone().map(OsString::from).or_else(|| it.next()) {
                Some(v) => Ok(v),
                None => Err(UsageError::NeedsValue { option: name.to_string(), language }),
            }
        };
        match name {
            "--" if inline.is_none() => options_ended = true,
            "-h" | "--help" => help = true,
            "-V" | "--version" => version = true,
            "--csv" if inline.is_none() => csv = true,
            "--lang" => {
                let v = value(true)?;
                let tag = v.to_string_lossy();
                locale =
                    Locale::from_tag(&tag).ok_or_else(|| UsageError::BadLanguage { tag: tag.to_string() })?;
            }
            "-o" | "--output" => output = Some(value(false)?),
            _ => return Err(UsageError::UnknownOption { option: text.clone() }),
        }
    }
    if help {
        return Ok(Args { command: Command::Help, locale });
    }
    if version {
        return Ok(Args { command: Command::Version, locale });
    }
    let mut positional = positional.into_iter();
    let Some(command) = positional.next() else {
        return Err(UsageError::NoCommand);
    };
    let command = command.to_string_lossy().into_owned();
    let operand = positional.next();
    if let Some(extra) = positional.next() {
        return Err(UsageError::OneOperandOnly {
            operand: operand_name(&command),
            extra: extra.to_string_lossy().into_owned(),
        });
    }
    let need = |operand: Option<OsString>| {
        operand.ok_or_else(|| UsageError::NeedsOperand {
            command: command.clone(),
            operand: operand_name(&command),
        })
    };
    if csv && command != "estimate" {
        return Err(UsageError::CsvOnlyForEstimate);
    }
    if output.is_some() && command != "open" && command != "example" {
        return Err(UsageError::OutputOnlyForOpen);
    }
    let command = match command.as_str() {
        "estimate" => Command::Estimate { file: Source::from_arg(need(operand)?), csv },
        "link" => Command::Link { file: Source::from_arg(need(operand)?) },
        "open" => {
            let link = need(operand)?;
            Command::Open {
                link: (link != "-").then(|| link.to_string_lossy().into_owned()),
                output: output.filter(|o| o != "-").map(PathBuf::from),
            }
        }
        "examples" => Command::Examples,
        "example" => Command::Example {
            id: need(operand)?.to_string_lossy().into_owned(),
            output: output.filter(|o| o != "-").map(PathBuf::from),
        },
        "help" => Command::Help,
        other => return Err(UsageError::UnknownCommand { command: other.to_string() }),
    };
    Ok(Args { command, locale })
}

fn operand_name(command: &str) -> &'static str {
    match command {
        "open" => "LINK",
        "example" => "ID",
        _ => "FILE",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Result<Args, UsageError> {
        parse(args.iter().map(OsString::from))
    }

    fn command(args: &[&str]) -> Command {
        p(args).unwrap().command
    }

    #[test]
    fn commands_with_their_operand_and_options_anywhere() {
        assert_eq!(
            command(&["estimate", "a.json"]),
            Command::Estimate { file: Source::Path("a.json".into()), csv: false }
        );
        assert_eq!(
            p(&["--lang", "zh", "estimate", "--csv", "-"]).unwrap(),
            Args { command: Command::Estimate { file: Source::Stdin, csv: true }, locale: Locale::zh }
        );
        assert_eq!(p(&["link", "a.json", "--lang=zh"]).unwrap().locale, Locale::zh);
        assert_eq!(command(&["link", "-"]), Command::Link { file: Source::Stdin });
        assert_eq!(
            command(&["open", "v1&c=1", "-o", "out.json"]),
            Command::Open { link: Some("v1&c=1".into()), output: Some("out.json".into()) }
        );
        assert_eq!(command(&["open", "--output=-", "-"]), Command::Open { link: None, output: None });
        // After `--`, a name starting with `-` is a file.
        assert_eq!(
            command(&["estimate", "--", "-odd.json"]),
            Command::Estimate { file: Source::Path("-odd.json".into()), csv: false }
        );
    }

    #[test]
    fn help_and_version_win() {
        assert_eq!(command(&["help"]), Command::Help);
        assert_eq!(command(&["--help"]), Command::Help);
        assert_eq!(command(&["estimate", "-h"]), Command::Help);
        assert_eq!(command(&["-V"]), Command::Version);
    }

    #[test]
    fn mistakes_are_usage_errors() {
        for bad in [
            &[][..],
            &["estimate"],
            &["estimate", "a.json", "b.json"],
            &["frobnicate", "a.json"],
            &["estimate", "a.json", "--lang"],
            &["estimate", "a.json", "--lang", "fr"],
            &["estimate", "a.json", "--colour"],
            &["estimate", "a.json", "-o", "x"],
            &["link", "a.json", "--csv"],
            &["estimate", "a.json", "--csv=yes"],
            &["open"],
            &["open", "v1", "-o"],
        ] {
            assert!(p(bad).is_err(), "{bad:?} was accepted");
        }
        assert_eq!(
            p(&["frobnicate"]).unwrap_err(),
            UsageError::UnknownCommand { command: "frobnicate".into() }
        );
        assert_eq!(
            p(&["estimate", "--lang", "fr"]).unwrap_err(),
            UsageError::BadLanguage { tag: "fr".into() }
        );
    }

    #[test]
    fn the_language_is_read_first() {
        let l = |v: &[&str]| requested_locale(&v.iter().map(OsString::from).collect::<Vec<_>>());
        assert_eq!(l(&["frobnicate", "--lang", "zh"]), Locale::zh);
        assert_eq!(l(&["--lang=zh", "estimate"]), Locale::zh);
        assert_eq!(l(&["--lang", "fr"]), Locale::en);
        assert_eq!(l(&["--", "--lang", "zh"]), Locale::en);
    }

    #[cfg(unix)]
    #[test]
    fn a_path_that_is_not_utf8_is_a_file() {
        use std::os::unix::ffi::OsStringExt;
        let odd = OsString::from_vec(vec![b'-', 0xff]);
        let args = vec![OsString::from("estimate"), OsString::from("--"), odd.clone()];
        assert_eq!(
            parse(args).unwrap().command,
            Command::Estimate { file: Source::Path(PathBuf::from(odd)), csv: false }
        );
    }
}
