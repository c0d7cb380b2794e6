//! API Boundary: what passes between the page (`src/main.rs`) and the deferred module
//! (`src/bin/deferred.rs`), two WebAssembly modules that share no memory.
//!
//! - The page publishes a [`PageState`] in `window[STATE_GLOBAL]` and fires [`STATE_EVENT`]
//!   after every change: the language, the display currency and exchange rates, the link of
//!   the scenario on screen and the link of the results shown (the last valid ones while an
//!   input is invalid).
//! - The deferred module asks the page to open a scenario (a saved one, an imported file)
//!   with an [`OpenRequest`] in `window[OPEN_GLOBAL]` and [`OPEN_EVENT`].
//! - The form sections the deferred module draws (the program plan, the rate card) edit the
//!   page's scenario with an [`EditRequest`] in `window[EDIT_GLOBAL]` and [`EDIT_EVENT`]: the
//!   edited scenario's link, which the page applies as it is (no notice, nothing to go back
//!   to: it is the user's own edit).
//!
//! Both sides build with this one module: the names are constants and the values are typed,
//! encoded and decoded here (a round-trip test below). Numbers travel in Rust's shortest
//! round-trip form, so an exchange rate arrives exactly as typed. The page's service worker
//! script (`pwa/register.js`) uses the `UPDATE_*` names.

use ttc_text::format::Currency;
use ttc_text::format::Prefs;
use ttc_text::Locale;

/// The window property holding the page's [`PageState`].
pub const STATE_GLOBAL: &str = "ttcState";
/// Fired on the window after every change of [`STATE_GLOBAL`].
pub const STATE_EVENT: &str = "ttc-state";
/// The window property holding the deferred module's [`OpenRequest`].
pub const OPEN_GLOBAL: &str = "ttcOpen";
/// Fired on the window after [`OPEN_GLOBAL`] is set.
pub const OPEN_EVENT: &str = "ttc-open";
/// The window property holding the deferred module's [`EditRequest`].
pub const EDIT_GLOBAL: &str = "ttcEdit";
/// Fired on the window after [`EDIT_GLOBAL`] is set.
pub const EDIT_EVENT: &str = "ttc-edit";
/// Set by the deferred module to `"1"` while one of its form fields holds text that is no
/// valid value, `"0"` otherwise: the page then marks its results stale, as for its own fields.
pub const FORM_UNPARSED_GLOBAL: &str = "ttcFormUnparsed";
/// Fired on the window after [`FORM_UNPARSED_GLOBAL`] is set.
pub const FORM_UNPARSED_EVENT: &str = "ttc-form-unparsed";
/// Set to `true` by `pwa/register.js` when a new release waits for a reload.
pub const UPDATE_READY_GLOBAL: &str = "ttcUpdateReady";
/// Fired by `pwa/register.js` when a new release waits for a reload.
pub const UPDATE_READY_EVENT: &str = "ttc-update-ready";
/// Fired by the page to make the waiting release take over (`pwa/register.js` reloads).
pub const APPLY_UPDATE_EVENT: &str = "ttc-apply-update";
/// Fired once by the deferred module when the page and its detailed sections are drawn:
/// `pwa/register.js` registers the service worker then, not at `load` (which comes before the
/// first result), so that its install, which caches the whole build, takes no processor time
/// or bandwidth from the first result and the detailed sections (ARCHITECTURE.md, "Three
/// WebAssembly modules").
pub const DRAWN_EVENT: &str = "ttc-drawn";

/// The first field of an encoded [`PageState`]: a later change of the layout gets a new tag,
/// and a module of another release (a stale cache) is refused instead of misread.
const STATE_TAG: &str = "ttc-state-2";
const SEPARATOR: char = '\t';

/// What the deferred module needs to know of the page.
#[derive(Clone, Debug, PartialEq)]
pub struct PageState {
    pub locale: Locale,
    pub prefs: Prefs,
    /// The link text of the scenario on screen.
    pub link: String,
    /// The link text of the results shown; empty before any valid result.
    pub shown_link: String,
    /// Raised when the page drops the text its fields hold ("reset all", another scenario
    /// opened): the deferred module's form sections drop theirs too.
    pub generation: u32,
}

/// Why a hand-over text cannot be read (a module of another release, or a page script
/// that wrote something else).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HandoverError {
    /// Not the layout of this release.
    UnknownLayout,
    /// A field is not what it must be (its name).
    BadField(&'static str),
}

impl PageState {
    pub fn encode(&self) -> String {
        // Links and language tags never contain a tab: links are URL-safe text.
        [
            STATE_TAG,
            self.locale.tag(),
            self.prefs.currency.code(),
            &self.prefs.cny_per_usd.to_string(),
            &self.prefs.eur_per_usd.to_string(),
            &self.link,
            &self.shown_link,
            &self.generation.to_string(),
        ]
        .join(&SEPARATOR.to_string())
    }

    pub fn decode(text: &str) -> Result<PageState, HandoverError> {
        let parts: Vec<&str> = text.split(SEPARATOR).collect();
        let [tag, lang, currency, cny, eur, link, shown_link, generation] = parts[..] else {
            return Err(HandoverError::UnknownLayout);
        };
        if tag != STATE_TAG {
            return Err(HandoverError::UnknownLayout);
        }
        let rate = |text: &str, name| match text.parse::<f64>() {
            Ok(v) if v.is_finite() && v > 0.0 => Ok(v),
            _ => Err(HandoverError::BadField(name)),
        };
        Ok(PageState {
            locale: Locale::from_tag(lang).ok_or(HandoverError::BadField("locale"))?,
            prefs: Prefs {
                currency: Currency::from_code(currency).ok_or(HandoverError::BadField("currency"))?,
                cny_per_usd: rate(cny, "cny_per_usd")?,
                eur_per_usd: rate(eur, "eur_per_usd")?,
            },
            link: link.to_string(),
            shown_link: shown_link.to_string(),
            generation: generation.parse().map_err(|_| HandoverError::BadField("generation"))?,
        })
    }
}

/// The deferred module asks the page to open a scenario's link (the page keeps the one it
/// replaces, to go back to).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenRequest {
    pub link: String,
}

impl OpenRequest {
    pub fn encode(&self) -> String {
        self.link.clone()
    }

    pub fn decode(text: &str) -> OpenRequest {
        // Any text is a request: the page's link reader refuses a broken link with its reason.
        OpenRequest { link: text.to_string() }
    }
}

/// The deferred module's form sections changed the scenario: the page shows this link's
/// scenario (and rate card) from now on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditRequest {
    pub link: String,
}

impl EditRequest {
    pub fn encode(&self) -> String {
        self.link.clone()
    }

    pub fn decode(text: &str) -> EditRequest {
        // Any text: the page applies only a link it can read.
        EditRequest { link: text.to_string() }
    }
}

/// Browser side: the window's hand-over properties and events.
pub mod window {
    use super::*;

    fn set(name: &str, text: String) {
        if let Some(w) = web_sys::window() {
            let _ = js_sys::Reflect::set(&w, &name.into(), &text.into());
        }
    }

    fn get(name: &str) -> Option<String> {
        let w = web_sys::window()?;
        js_sys::Reflect::get(&w, &name.into()).ok()?.as_string()
    }

    /// Fires a window event by name.
    pub fn fire(event: &str) {
        if let (Some(w), Ok(ev)) = (web_sys::window(), web_sys::Event::new(event)) {
            let _ = w.dispatch_event(&ev);
        }
    }

    /// The page: publishes its state and tells the deferred module.
    pub fn publish_state(state: &PageState) {
        set(STATE_GLOBAL, state.encode());
        fire(STATE_EVENT);
    }

    /// The deferred module: the page's current state, if it has published one this module
    /// can read.
    pub fn read_state() -> Option<PageState> {
        PageState::decode(&get(STATE_GLOBAL)?).ok()
    }

    /// The deferred module: asks the page to open a link.
    pub fn request_open(request: &OpenRequest) {
        set(OPEN_GLOBAL, request.encode());
        fire(OPEN_EVENT);
    }

    /// The page: the last open request.
    pub fn read_open_request() -> Option<OpenRequest> {
        get(OPEN_GLOBAL).map(|t| OpenRequest::decode(&t))
    }

    /// The deferred module: asks the page to show an edited scenario.
    pub fn request_edit(request: &EditRequest) {
        set(EDIT_GLOBAL, request.encode());
        fire(EDIT_EVENT);
    }

    /// The page: the last edit request.
    pub fn read_edit_request() -> Option<EditRequest> {
        get(EDIT_GLOBAL).map(|t| EditRequest::decode(&t))
    }

    /// The deferred module: whether one of its form fields holds text that is no value.
    pub fn report_form_unparsed(bad: bool) {
        set(FORM_UNPARSED_GLOBAL, if bad { "1" } else { "0" }.to_string());
        fire(FORM_UNPARSED_EVENT);
    }

    /// The page: whether a deferred form field holds text that is no value.
    pub fn form_unparsed() -> bool {
        get(FORM_UNPARSED_GLOBAL).as_deref() == Some("1")
    }

    /// Whether `pwa/register.js` says a new release waits.
    pub fn update_ready() -> bool {
        web_sys::window()
            .and_then(|w| js_sys::Reflect::get(&w, &UPDATE_READY_GLOBAL.into()).ok())
            .is_some_and(|v| v.is_truthy())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_state_round_trips_with_full_precision() {
        let state = PageState {
            locale: Locale::zh,
            // A rate typed with more than six decimals arrives exactly.
            prefs: Prefs { currency: Currency::Eur, cny_per_usd: 7.123_456_789_1, eur_per_usd: 0.1 + 0.2 },
            link: "v1&p=suzhou-2026-11&tit=5&c=0123abcd".into(),
            shown_link: String::new(),
            generation: 7,
        };
        assert_eq!(PageState::decode(&state.encode()), Ok(state));
    }

    #[test]
    fn a_state_of_another_layout_or_with_bad_fields_is_refused() {
        assert_eq!(PageState::decode("en\tUSD\t7.1\t0.92\ta\tb"), Err(HandoverError::UnknownLayout));
        assert_eq!(PageState::decode(""), Err(HandoverError::UnknownLayout));
        let good = PageState {
            locale: Locale::en,
            prefs: Prefs::default(),
            link: "x".into(),
            shown_link: "y".into(),
            generation: 0,
        }
        .encode();
        let with = |i: usize, v: &str| {
            let mut p: Vec<&str> = good.split('\t').collect();
            p[i] = v;
            PageState::decode(&p.join("\t"))
        };
        assert_eq!(with(1, "fr"), Err(HandoverError::BadField("locale")));
        assert_eq!(with(2, "GBP"), Err(HandoverError::BadField("currency")));
        assert_eq!(with(3, "NaN"), Err(HandoverError::BadField("cny_per_usd")));
        assert_eq!(with(4, "-1"), Err(HandoverError::BadField("eur_per_usd")));
        assert_eq!(with(7, "x"), Err(HandoverError::BadField("generation")));
    }

    #[test]
    fn open_and_edit_requests_round_trip() {
        let r = OpenRequest { link: "v1&p=suzhou-2026-11&c=4f21c4b9".into() };
        assert_eq!(OpenRequest::decode(&r.encode()), r);
        let e = EditRequest { link: "v2&p=suzhou-2026-12&er=2&c=00000000".into() };
        assert_eq!(EditRequest::decode(&e.encode()), e);
        assert_ne!(EDIT_EVENT, OPEN_EVENT);
    }
}
