//! The first result, before the page: a small module of its own (`src/bin/first.rs`, no
//! Leptos) reads the address's link, makes the headline estimate and writes the page's frame
//! with the headline figures into `#app`, then loads the page's module, which draws the same
//! frame apart and moves it in, in place of this one (`src/main.rs`), and makes it work. On
//! this machine the first result was painted at 2.3-2.8x the static floor this way, against
//! 3.0x when the page's module (Leptos and the whole form, 200 KB brotli) drew it, and at
//! 1.9-2.2x once the service worker waited for the page (ARCHITECTURE.md, "Start-up in short
//! tasks").
//!
//! The frame written here is inert (nothing in it answers a click or takes the focus until
//! the page's module has drawn its own) and has the page's layout: the toolbar, the empty
//! places of the share panel, the notices and the form, the results with the headline
//! figures. So the page's frame moves nothing when it replaces it; the e2e test of layout
//! shifts measures that, and a component test compares this toolbar with the page's.
//!
//! Nothing is written when the page would show something above the figures (a link that
//! cannot be opened, a link priced with another rate card: a notice) or no figures (invalid
//! values): the page draws those as it always did.

use crate::i18n::Locale;
use crate::model::{estimate_headline, link, Estimate, FacilityProfile, Scenario};
use crate::prefs;
use ttc_text::format::{format_short, Currency, Prefs};
use ttc_text::results::headline::headline_figures;
use ttc_text::results::Ctx;
use ttc_text::td_string;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Writes the first result, if the page would show it as it is, then loads the page's module
/// once that result is painted: its instantiation and first tasks, queued before the next
/// frame, would hold the paint back. In tasks, as the page starts (ARCHITECTURE.md, "Start-up
/// in short tasks"): the module's instantiation; the estimate (the model's code is compiled
/// at its first call); the figures' words and the frame written. In one task they were the
/// longest of a load with the CPU slowed 4x (about 160 ms, `make bench` (f)).
pub fn start() {
    // After 300 ms in any case: in a tab opened in the background no frame comes, and set
    // first, it loads the page's module even if this module failed on the way (a trap ends
    // the task, not the timers set before).
    set_timeout(load_page_module, 300);
    set_timeout(
        move || {
            let Some(first) = first_estimate() else { return load_page_module() };
            set_timeout(
                move || {
                    if !write_frame(&first) {
                        return load_page_module();
                    }
                    // In the task after the frame that shows it: a timer set in an animation
                    // frame callback runs after that frame is painted.
                    let after_frame = Closure::once_into_js(|| set_timeout(load_page_module, 0));
                    let _ = web_sys::window().map(|w| w.request_animation_frame(after_frame.unchecked_ref()));
                },
                0,
            )
        },
        0,
    );
}

/// Runs `f` in a task of its own after `ms` milliseconds (a plain timer: this module has no
/// Leptos, whose `set_timeout` the page uses).
fn set_timeout(f: impl FnOnce() + 'static, ms: i32) {
    let f = Closure::once_into_js(f);
    let _ = web_sys::window()
        .map(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(f.unchecked_ref(), ms));
}

/// Loads the page's module (once: `loader::load_module`). Without it nothing works: if it
/// cannot be loaded, that is said in place of the loading line, or above the first result.
fn load_page_module() {
    crate::loader::load_module("ttc-page", || {
        let Some(app) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app"))
        else {
            return;
        };
        let mut html = String::from("<p class=\"loading\" role=\"alert\">");
        text(td_string!(prefs::initial_locale(), notice_page_failed), &mut html);
        html.push_str("</p>");
        if let Ok(Some(loading)) = app.query_selector(".loading") {
            loading.remove();
        }
        let _ = app.insert_adjacent_html("afterbegin", &html);
    });
}

/// The scenario of the address's link, its rate card and its headline estimate, when the page
/// would show its figures with nothing above them.
struct FirstEstimate {
    scenario: Scenario,
    facility: FacilityProfile,
    estimate: Estimate,
}

fn first_estimate() -> Option<FirstEstimate> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let facility = FacilityProfile::current();
    // As `ui::address::open_address_link` reads it.
    let scenario = if hash.len() > 1 {
        let opened = link::decode(&hash).ok()?;
        // Another rate card brings a notice above the figures.
        (opened.facility_profile == facility.id).then_some(opened.scenario)?
    } else {
        Scenario::default()
    };
    let estimate = estimate_headline(&scenario, &facility).ok()?;
    Some(FirstEstimate { scenario, facility, estimate })
}

/// Writes the frame with the first result into `#app`, inert, unless the page's module has
/// replaced the loading line already (it was loaded by the timer, on a slow phone).
fn write_frame(first: &FirstEstimate) -> bool {
    let Some(app) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app"))
    else {
        return false;
    };
    if !matches!(app.query_selector(".loading"), Ok(Some(_))) {
        return false;
    }
    let c = Ctx {
        e: &first.estimate,
        s: &first.scenario,
        f: &first.facility,
        locale: prefs::initial_locale(),
        prefs: prefs::initial_prefs(),
    };
    app.set_inner_html(&frame_html(&c));
    let _ = app.set_attribute("inert", "");
    true
}

/// The page's frame as `app::Page` draws it before its form (the same elements, classes and
/// texts), with the headline figures of `c`.
pub fn frame_html(c: &Ctx) -> String {
    let l = c.locale;
    let mut h = String::with_capacity(8 * 1024);
    h.push_str("<header class=\"top\">");
    toolbar_html(l, &c.prefs, &mut h);
    h.push_str("<div id=\"panel-root\" class=\"panel-root\"></div></header>");
    h.push_str("<div class=\"notices\" aria-live=\"polite\"></div>");
    h.push_str("<div id=\"model-update-root\" class=\"notices\" aria-live=\"polite\"></div>");
    h.push_str("<main class=\"layout\"><div class=\"col-inputs\"><h2 class=\"visually-hidden\">");
    text(td_string!(l, inputs_title), &mut h);
    h.push_str(
        "</h2></div><div class=\"col-results\"><div id=\"print-header-root\" class=\"print-only\"></div>",
    );
    h.push_str("<section class=\"results\" aria-labelledby=\"results-title\"><h2 id=\"results-title\" class=\"visually-hidden\">");
    text(td_string!(l, results_title), &mut h);
    h.push_str("</h2><div class=\"headline\">");
    for f in headline_figures(c) {
        h.push_str("<div class=\"figure fit-");
        text(f.class, &mut h);
        h.push_str("\" id=\"");
        text(f.id, &mut h);
        h.push_str("\"><span class=\"figure-label\">");
        text(f.label, &mut h);
        h.push_str("</span><span class=\"figure-value\">");
        text(&f.value, &mut h);
        h.push_str("</span><details class=\"how\"><summary>");
        text(td_string!(l, how_computed), &mut h);
        h.push_str("</summary><p>");
        text(&f.how, &mut h);
        h.push_str("</p></details></div>");
    }
    h.push_str("</div><div id=\"result-details\"></div></section></div></main><footer class=\"disclaimer\"></footer>");
    h
}

/// The toolbar as `app::Toolbar` draws it, in language `l` with the rates of `p`.
pub fn toolbar_html(l: Locale, p: &Prefs, h: &mut String) {
    h.push_str("<nav class=\"toolbar\" aria-label=\"");
    text(td_string!(l, toolbar_label), h);
    h.push_str("\"><button type=\"button\" id=\"lang-switch\" lang=\"");
    h.push_str(if l == Locale::en { "zh-CN" } else { "en" });
    h.push_str("\">");
    text(td_string!(l, lang_switch), h);
    h.push_str("</button><label for=\"currency\">");
    text(td_string!(l, currency_label), h);
    h.push_str("</label><select id=\"currency\">");
    for c in Currency::ALL {
        h.push_str("<option value=\"");
        h.push_str(c.code());
        h.push_str(if c == p.currency { "\" selected>" } else { "\">" });
        h.push_str(c.code());
        h.push_str("</option>");
    }
    h.push_str("</select>");
    for (id, label, rate) in [
        ("rate-cny", td_string!(l, rate_cny), p.cny_per_usd),
        ("rate-eur", td_string!(l, rate_eur), p.eur_per_usd),
    ] {
        h.push_str("<label for=\"");
        h.push_str(id);
        h.push_str("\">");
        text(label, h);
        h.push_str("</label><input id=\"");
        h.push_str(id);
        h.push_str("\" class=\"small\" type=\"text\" inputmode=\"decimal\" value=\"");
        text(&format_short(rate), h);
        h.push_str("\"><span id=\"");
        h.push_str(id);
        h.push_str("-err\" class=\"error\"></span>");
    }
    h.push_str("<button type=\"button\" id=\"reset-all\">");
    text(td_string!(l, btn_reset_all), h);
    h.push_str("</button><button type=\"button\" id=\"print\">");
    text(td_string!(l, btn_print), h);
    h.push_str("</button></nav>");
}

/// `s` as HTML text or attribute value: a scenario's own words (a stage's name in a figure's
/// explanation) come from a link, which anyone can write.
fn text(s: &str, h: &mut String) {
    for ch in s.chars() {
        match ch {
            '&' => h.push_str("&amp;"),
            '<' => h.push_str("&lt;"),
            '>' => h.push_str("&gt;"),
            '"' => h.push_str("&quot;"),
            '\'' => h.push_str("&#39;"),
            ch => h.push(ch),
        }
    }
}
