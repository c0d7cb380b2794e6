//! The reader's preferences kept in the browser: the language chosen here before (else the
//! browser's), and the currency. The first module (`first_result`) and the page
//! (`app::prepare`) read them alike, so that the first figures are in the page's language
//! and currency.

use crate::i18n::{locale_for, Locale};
use ttc_text::format::{Currency, Prefs};

const LANG_KEY: &str = "ttc.lang";
const CURRENCY_KEY: &str = "ttc.currency";

/// The browser's local storage, if it allows it (private mode and settings may block it).
pub fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

fn load(key: &str) -> Option<String> {
    storage().and_then(|s| s.get_item(key).ok().flatten())
}

fn save(key: &str, value: &str) {
    if let Some(s) = storage() {
        // Storage may be full or blocked (private mode): the preference is then not kept.
        let _ = s.set_item(key, value);
    }
}

/// The language chosen here before, else the browser's first English or Chinese one
/// (`navigator.languages`; `index.html`'s shell script chooses the same way).
pub fn initial_locale() -> Locale {
    match load(LANG_KEY).as_deref() {
        Some("zh") => Locale::zh,
        Some("en") => Locale::en,
        _ => {
            let languages: Vec<String> = web_sys::window()
                .map(|w| w.navigator().languages().iter().filter_map(|v| v.as_string()).collect())
                .unwrap_or_default();
            locale_for(&languages)
        }
    }
}

pub fn save_locale(locale: Locale) {
    save(LANG_KEY, if locale == Locale::zh { "zh" } else { "en" });
}

/// The display preferences a page starts with: the currency chosen here before (else USD),
/// the default exchange rates (typed rates are not kept).
pub fn initial_prefs() -> Prefs {
    let mut prefs = Prefs::default();
    if let Some(c) = load(CURRENCY_KEY).and_then(|c| Currency::from_code(&c)) {
        prefs.currency = c;
    }
    prefs
}

pub fn save_currency(currency: Currency) {
    save(CURRENCY_KEY, currency.code());
}
