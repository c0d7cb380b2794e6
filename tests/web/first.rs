//! The first module's frame (`first_result`, written as HTML before the page's module comes)
//! against the page's: the page draws its own in the same place, so any difference in the
//! toolbar (an element, a class, a text) would move the page as it arrives.

use super::*;
use tech_transfer_calc::first_result::toolbar_html;
use tech_transfer_calc::i18n::Locale;
use ttc_text::format::Prefs;
use web_sys::{HtmlSelectElement, Node};

/// Every element under and including `root`, in document order: its tag, id, class, `lang`,
/// its own text and, for inputs and selects, the value shown.
fn outline(root: &Element) -> Vec<String> {
    let all = root.query_selector_all("*").unwrap();
    let elements =
        std::iter::once(root.clone()).chain((0..all.length()).map(|i| all.item(i).unwrap().unchecked_into()));
    elements
        .map(|el: Element| {
            let nodes = el.child_nodes();
            let text: String = (0..nodes.length())
                .filter_map(|i| nodes.item(i))
                .filter(|n| n.node_type() == Node::TEXT_NODE)
                .filter_map(|n| n.text_content())
                .collect();
            let value = match el.tag_name().as_str() {
                "INPUT" => el.unchecked_ref::<HtmlInputElement>().value(),
                "SELECT" => el.unchecked_ref::<HtmlSelectElement>().value(),
                _ => String::new(),
            };
            format!(
                "{} id={:?} class={:?} lang={:?} text={text:?} value={value:?}",
                el.tag_name(),
                el.id(),
                el.class_name(),
                el.get_attribute("lang").unwrap_or_default()
            )
        })
        .collect()
}

#[wasm_bindgen_test]
async fn the_first_modules_toolbar_is_the_pages_in_both_languages() {
    let c = Container::new();
    let _handle = leptos::mount::mount_to(c.0.clone(), App);
    tick().await;
    let document = web_sys::window().unwrap().document().unwrap();
    // The page opens in English here (no remembered language; the browser's is English).
    for locale in [Locale::en, Locale::zh] {
        let mut html = String::new();
        toolbar_html(locale, &Prefs::default(), &mut html);
        let first = document.create_element("div").unwrap();
        first.set_inner_html(&html);
        let toolbar = first.first_element_child().unwrap();
        assert_eq!(toolbar.tag_name(), "NAV");
        assert_eq!(outline(&toolbar), outline(&c.find("nav.toolbar")), "{locale:?}");
        c.click("#lang-switch");
        tick().await;
    }
}
