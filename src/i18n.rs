//! The page's language: a signal shared by every component, over the build-time-checked
//! translations of `ttc_text::i18n` (re-exported here, with `td_string!` and `tf!`).

use leptos::prelude::*;
pub use ttc_text::i18n::{key, locale_for, Locale};
pub use ttc_text::{td_string, tf};

/// The current language, shared by the whole page.
#[derive(Clone, Copy)]
pub struct I18n {
    locale: RwSignal<Locale>,
}

impl I18n {
    pub fn get_locale(&self) -> Locale {
        self.locale.get()
    }

    pub fn set_locale(&self, locale: Locale) {
        self.locale.set(locale);
    }
}

/// Provides the language context, starting in `initial`.
pub fn provide_i18n(initial: Locale) -> I18n {
    let i18n = I18n { locale: RwSignal::new(initial) };
    provide_context(i18n);
    i18n
}

/// Provides the language context following an existing signal (the share panel follows the
/// page's language this way).
pub fn provide_i18n_signal(locale: RwSignal<Locale>) -> I18n {
    let i18n = I18n { locale };
    provide_context(i18n);
    i18n
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// A text in the user's language that follows a language switch.
///
/// `t!` creates a distinct view type (and its rendering code) at every call site, which cost
/// hundreds of kilobytes of WebAssembly over the page's ~200 labels. Every `tr` returns the same
/// closure type, so the rendering code exists once; the key is still checked at compile time.
pub fn tr(key: fn(Locale) -> &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let i18n = use_i18n();
    move || key(i18n.get_locale())
}

/// A label given as data (a translation key, or a rate's name), for components.
pub type Label = std::sync::Arc<dyn Fn(Locale) -> &'static str + Send + Sync>;

/// A [`Label`] from a translation key: `label(|l| td_string!(l, in_titer))`.
pub fn label(key: impl Fn(Locale) -> &'static str + Send + Sync + 'static) -> Label {
    std::sync::Arc::new(key)
}
