//! `ttc`: the tech-transfer calculator on the command line, for engineers who script and for
//! checking the page's figures outside the browser. The same model, the same messages.
//!
//! - `ttc estimate FILE [--csv]`: the estimate of a scenario file, as JSON
//!   (`ttc_model::estimate_file`, docs/estimate-format.md) or the result tables as CSV, exactly
//!   as the page's "Export CSV" writes them (`ttc_text::results`).
//! - `ttc link FILE`: the scenario link of a file; `ttc open LINK [-o FILE]`: the file of a link.
//! - `ttc examples`: the published examples; `ttc example ID [-o FILE]`: the file of one.
//!
//! Exit status: 0 done, 1 the input cannot be used, 2 the command line is wrong. Every message
//! about an input comes from `ttc_text`, in the language of `--lang`.

mod args;

use args::{Args, Command, Source, UsageError};
use std::ffi::OsString;
use std::io::{self, Read, Write};
use std::path::Path;
use std::process::ExitCode;
use ttc_model::examples::published_examples;
use ttc_model::facility::RateCardFound;
use ttc_model::file_link::{self, ImportError};
use ttc_model::scenario_file::{self, LoadedScenario, MAX_FILE_BYTES};
use ttc_model::{estimate, estimate_file, FacilityProfile};
use ttc_text::format::Prefs;
use ttc_text::i18n::{td_string, tf};
use ttc_text::labels::{local, problem_text};
use ttc_text::messages::{import_error_text, link_error_text};
use ttc_text::results::results_csv;
use ttc_text::Locale;

/// Why a command stopped.
#[derive(Debug)]
enum Failure {
    /// The command line is wrong (exit 2): what, shown with the usage.
    Usage(UsageError),
    /// A file or link cannot be used (exit 1): the message, in the user's language.
    Input(String),
    /// Standard output was closed by the reader (`ttc estimate f | head`): nothing to say.
    Closed,
}

fn main() -> ExitCode {
    let (stdin, stdout, stderr) = (io::stdin(), io::stdout(), io::stderr());
    ExitCode::from(run(
        std::env::args_os().skip(1),
        &mut stdin.lock(),
        &mut stdout.lock(),
        &mut stderr.lock(),
    ))
}

/// Runs one command line; the exit status.
fn run(
    args: impl IntoIterator<Item = OsString>,
    stdin: &mut dyn Read,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let args: Vec<OsString> = args.into_iter().collect();
    let locale = args::requested_locale(&args);
    let result = args::parse(args).map_err(Failure::Usage).and_then(|a| command(&a, stdin, out, err));
    // Nothing useful can be done when standard error itself cannot be written.
    match result {
        Ok(()) => 0,
        Err(Failure::Usage(what)) => {
            let _ =
                write!(err, "ttc: {}\n\n{}", usage_error_text(locale, &what), td_string!(locale, cli_usage));
            2
        }
        Err(Failure::Input(message)) => {
            let _ = writeln!(err, "{message}");
            1
        }
        Err(Failure::Closed) => 1,
    }
}

fn command(a: &Args, stdin: &mut dyn Read, out: &mut dyn Write, err: &mut dyn Write) -> Result<(), Failure> {
    let l = a.locale;
    match &a.command {
        Command::Help => emit(out, td_string!(l, cli_usage)),
        Command::Version => emit(out, &format!("ttc {}\n", env!("CARGO_PKG_VERSION"))),
        Command::Estimate { file, csv } => {
            let text = read_source(file, stdin, l)?;
            let loaded =
                scenario_file::from_json(&text).map_err(|e| file_failed(l, file, &ImportError::File(e)))?;
            warn_unknown_fields(err, l, &loaded.unknown_fields);
            let facility = rate_card(err, l, &loaded);
            let e = estimate(&loaded.scenario, &facility).map_err(|errors| {
                let mut message = tf!(l, cli_input_errors, file = source_name(l, file));
                for fe in &errors {
                    // The path in the file: the problems' paths start inside `scenario`.
                    message.push_str(&format!("\n  scenario.{}: {}", fe.field, problem_text(l, &fe.problem)));
                }
                Failure::Input(message)
            })?;
            if *csv {
                // The page's own CSV export: the same tables in the same words and format.
                let link = ttc_model::link::encode(&loaded.scenario, &facility.id);
                emit(out, &results_csv(&e, &loaded.scenario, &facility, l, Prefs::default(), &link))
            } else {
                emit(out, &(estimate_file::to_json(&loaded.scenario.name, &facility, &e) + "\n"))
            }
        }
        Command::Link { file } => {
            let text = read_source(file, stdin, l)?;
            let (link, unknown) = file_link::import_json(&text).map_err(|e| file_failed(l, file, &e))?;
            warn_unknown_fields(err, l, &unknown);
            emit(out, &(link + "\n"))
        }
        Command::Open { link, output } => {
            let text = match link {
                Some(text) => text.clone(),
                None => read_source(&Source::Stdin, stdin, l)?,
            };
            let json = file_link::export_json(link_text(&text))
                .map_err(|e| Failure::Input(tf!(l, cli_link_failed, reason = link_error_text(l, &e))))?;
            write_output(l, out, output.as_deref(), json)
        }
        Command::Examples => {
            let mut list = String::new();
            for x in published_examples(&FacilityProfile::current()) {
                let sources =
                    x.citations.iter().map(|c| format!("    {} {}\n", c.text, c.url)).collect::<String>();
                list.push_str(&format!("{}  {}\n{sources}", x.id, local(l, &x.name)));
            }
            emit(out, &list)
        }
        Command::Example { id, output } => {
            let facility = FacilityProfile::current();
            let examples = published_examples(&facility);
            let Some(x) = examples.iter().find(|x| x.id == id) else {
                let ids = examples.iter().map(|x| x.id).collect::<Vec<_>>().join(", ");
                return Err(Failure::Input(tf!(l, cli_no_example, id = id, ids = ids)));
            };
            // Named in the language asked for, as the page names an example it opens.
            let scenario =
                ttc_model::scenario::Scenario { name: local(l, &x.name).to_string(), ..x.scenario.clone() };
            write_output(l, out, output.as_deref(), scenario_file::to_json(&scenario, &facility.id))
        }
    }
}

/// Writes a scenario file to standard output or into `path`.
fn write_output(l: Locale, out: &mut dyn Write, path: Option<&Path>, json: String) -> Result<(), Failure> {
    match path {
        None => emit(out, &(json + "\n")),
        Some(path) => std::fs::write(path, json + "\n")
            .map_err(|e| Failure::Input(tf!(l, cli_write_failed, file = path.display(), detail = e))),
    }
}

/// What is wrong with a command line, in the user's language.
fn usage_error_text(l: Locale, e: &UsageError) -> String {
    match e {
        UsageError::NeedsValue { option, language: true } => tf!(l, cli_err_needs_language, option = option),
        UsageError::NeedsValue { option, language: false } => {
            tf!(l, cli_err_needs_file_name, option = option)
        }
        UsageError::BadLanguage { tag } => tf!(l, cli_err_bad_language, tag = tag),
        UsageError::UnknownOption { option } => tf!(l, cli_err_unknown_option, option = option),
        UsageError::NoCommand => td_string!(l, cli_err_no_command).to_string(),
        UsageError::OneOperandOnly { operand, extra } => {
            tf!(l, cli_err_one_operand, operand = operand, extra = extra)
        }
        UsageError::NeedsOperand { command, operand } => {
            tf!(l, cli_err_needs_operand, command = command, operand = operand)
        }
        UsageError::CsvOnlyForEstimate => td_string!(l, cli_err_csv_only_estimate).to_string(),
        UsageError::OutputOnlyForOpen => td_string!(l, cli_err_output_only_open).to_string(),
        UsageError::UnknownCommand { command } => tf!(l, cli_err_unknown_command, command = command),
    }
}

/// The link in what the user gave: the text after the `#` of a whole URL, or the bare link,
/// without the spaces and line breaks around it.
fn link_text(text: &str) -> &str {
    let text = text.trim();
    match text.split_once('#') {
        Some((_, fragment)) => fragment.trim(),
        None => text,
    }
}

/// The built-in profile that prices the file: its own rate card when this build has it, else
/// the current one, with the page's warning.
fn rate_card(err: &mut dyn Write, l: Locale, loaded: &LoadedScenario) -> FacilityProfile {
    let (profile, found) = FacilityProfile::priced_with(&loaded.facility_profile);
    let notice = match found {
        RateCardFound::Current => None,
        RateCardFound::Older => Some(tf!(
            l,
            notice_old_rate_card,
            quoted = local(l, &profile.name),
            current = local(l, &FacilityProfile::current().name)
        )),
        RateCardFound::Unknown => Some(tf!(l, notice_unknown_rate_card, id = loaded.facility_profile)),
    };
    if let Some(notice) = notice {
        let _ = writeln!(err, "{notice}");
    }
    profile
}

fn warn_unknown_fields(err: &mut dyn Write, l: Locale, unknown: &[String]) {
    if !unknown.is_empty() {
        let _ = writeln!(err, "{}", tf!(l, notice_unknown_fields, fields = unknown.join(", ")));
    }
}

fn source_name(l: Locale, source: &Source) -> String {
    match source {
        Source::Stdin => td_string!(l, cli_stdin).to_string(),
        Source::Path(p) => p.display().to_string(),
    }
}

fn file_failed(l: Locale, source: &Source, e: &ImportError) -> Failure {
    Failure::Input(tf!(l, cli_file_failed, file = source_name(l, source), reason = import_error_text(l, e)))
}

/// The text of a file or of standard input. At most one byte more than a scenario file may
/// hold is read, so that an endless or huge input is refused as too large, not read whole.
fn read_source(source: &Source, stdin: &mut dyn Read, l: Locale) -> Result<String, Failure> {
    let limit = u64::try_from(MAX_FILE_BYTES).unwrap_or(u64::MAX).saturating_add(1);
    let mut bytes = Vec::new();
    let read = match source {
        Source::Stdin => stdin.take(limit).read_to_end(&mut bytes),
        Source::Path(path) => open(path).and_then(|f| f.take(limit).read_to_end(&mut bytes)),
    };
    read.map_err(|e| Failure::Input(tf!(l, cli_read_failed, file = source_name(l, source), detail = e)))?;
    // Not UTF-8 cannot be JSON; said the way every other unreadable file is.
    String::from_utf8(bytes).map_err(|e| {
        let not_json = scenario_file::FileError::NotJson(e.utf8_error().to_string());
        file_failed(l, source, &ImportError::File(not_json))
    })
}

fn open(path: &Path) -> io::Result<std::fs::File> {
    let file = std::fs::File::open(path)?;
    // Reading a directory fails only at the first read on some systems, with a less clear error.
    if file.metadata()?.is_dir() {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, "it is a directory"));
    }
    Ok(file)
}

fn emit(out: &mut dyn Write, text: &str) -> Result<(), Failure> {
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Err(Failure::Closed),
        Err(e) => Err(Failure::Input(format!("ttc: {e}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_link_is_what_follows_the_hash() {
        assert_eq!(link_text("https://example.com/calc/#v1&p=x&c=1\n"), "v1&p=x&c=1");
        assert_eq!(link_text("  v1&p=x&c=1 "), "v1&p=x&c=1");
        assert_eq!(link_text("#v1&c=1"), "v1&c=1");
    }

    #[test]
    fn input_larger_than_a_scenario_file_is_refused_without_reading_it_all() {
        // An endless input: only MAX_FILE_BYTES + 1 bytes are read, then it is too large.
        let mut endless = io::repeat(b' ');
        match read_source(&Source::Stdin, &mut endless, Locale::en) {
            Ok(text) => {
                assert_eq!(text.len(), MAX_FILE_BYTES + 1);
                assert!(matches!(
                    scenario_file::from_json(&text),
                    Err(scenario_file::FileError::TooLarge { .. })
                ));
            }
            Err(f) => panic!("{f:?}"),
        }
    }

    #[test]
    fn a_closed_output_is_a_quiet_failure() {
        struct Closed;
        impl Write for Closed {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Err(io::ErrorKind::BrokenPipe.into())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let mut err = Vec::new();
        let code = run([OsString::from("help")], &mut io::empty(), &mut Closed, &mut err);
        assert_eq!(code, 1);
        assert!(err.is_empty());
    }
}
