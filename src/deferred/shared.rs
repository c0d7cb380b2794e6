//! What the deferred module's parts share: the page's state as last read (`Shared`: language,
//! currency, the links on screen, their later copies for what is drawn from them), the panel's
//! notices, and opening a scenario in the page. The page's side is `crate::handover`.

use crate::handover::{self, OpenRequest};
use crate::i18n::*;
use crate::model::file_link::ImportError;
use leptos::prelude::*;
use ttc_text::format::Prefs;

/// What the panel tells the user, inside the panel.
#[derive(Clone, Debug, PartialEq)]
pub enum PanelNotice {
    Imported {
        file: String,
        unknown: Vec<String>,
    },
    /// The reason as data, put in words at each drawing: after a switch of language it is
    /// said in the new one, like the rest of the notice.
    ImportFailed {
        file: String,
        reason: ImportError,
    },
    /// Saved scenarios that could not be read were set aside under [`saved::RECOVERED_KEY`].
    SavedCorrupt {
        raw: String,
    },
    StorageUnavailable,
    /// A published example was opened: its name and its sources.
    ExampleOpened {
        name: String,
        sources: String,
    },
}

/// The page's state as the panel sees it.
#[derive(Clone, Copy)]
pub struct Shared {
    /// The link text of the scenario on the page.
    pub link: RwSignal<String>,
    pub prefs: RwSignal<Prefs>,
    pub locale: RwSignal<Locale>,
    pub notices: RwSignal<Vec<PanelNotice>>,
    /// The link of the results the page shows (the last valid inputs), empty before any.
    pub shown: RwSignal<String>,
    /// [`Shared::link`] and [`Shared::shown`] a task later, for what is drawn from them: the
    /// detailed sections (`Details`), the QR codes and the update offer. After an edit the
    /// browser paints the page's headline before they are redrawn, one frame later at most,
    /// instead of after both (`make bench` (b)). What the user saves, copies or exports, the
    /// model update's button and this module's form follow the page at once, and a printout
    /// brings these up to date first.
    pub link_later: RwSignal<String>,
    pub shown_later: RwSignal<String>,
    /// The page's field-text generation (`PageState::generation`).
    pub generation: RwSignal<u32>,
    /// How many of the detailed sections are drawn, one more per task at start-up (`Details`).
    pub details_drawn: RwSignal<usize>,
}

impl Shared {
    pub fn new() -> Self {
        Self {
            link: RwSignal::new(String::new()),
            prefs: RwSignal::new(Prefs::default()),
            locale: RwSignal::new(Locale::en),
            notices: RwSignal::new(Vec::new()),
            shown: RwSignal::new(String::new()),
            link_later: RwSignal::new(String::new()),
            shown_later: RwSignal::new(String::new()),
            generation: RwSignal::new(0),
            details_drawn: RwSignal::new(0),
        }
    }

    pub fn notify(&self, n: PanelNotice) {
        self.notices.update(|v| {
            v.retain(|x| std::mem::discriminant(x) != std::mem::discriminant(&n));
            v.push(n);
        });
    }

    /// Reads the page's state (`crate::handover`).
    pub(super) fn read_page_state(&self) {
        let Some(page) = handover::window::read_state() else { return };
        // Only what changed is set, so that an edit redraws the details and the QR code but
        // not the comparison or the saved list.
        set_if_changed(self.locale, page.locale);
        set_if_changed(self.prefs, page.prefs);
        set_if_changed(self.link, page.link);
        set_if_changed(self.shown, page.shown_link);
        set_if_changed(self.generation, page.generation);
    }

    /// Brings [`Shared::link_later`] and [`Shared::shown_later`] up to the page's links.
    pub(super) fn follow_later(&self) {
        if let (Some(link), Some(shown)) = (self.link.try_get_untracked(), self.shown.try_get_untracked()) {
            set_if_changed(self.link_later, link);
            set_if_changed(self.shown_later, shown);
        }
    }
}

fn set_if_changed<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
    if signal.with_untracked(|v| *v != value) {
        signal.set(value);
    }
}

impl Default for Shared {
    fn default() -> Self {
        Self::new()
    }
}

/// Opens a scenario's link in the page (which keeps the previous one to go back to).
pub fn open_in_page(link_text: &str) {
    handover::window::request_open(&OpenRequest { link: link_text.to_string() });
}
