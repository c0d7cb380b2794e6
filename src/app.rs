//! Placeholder user interface: one input and one derived output, so the build, the component
//! tests and the end-to-end tests have something real to exercise. The full calculator
//! (driven by `crate::model`) replaces it later.

use leptos::prelude::*;

/// Working volume of the production bioreactor, in litres.
pub const BIOREACTOR_VOLUME_L: f64 = 2000.0;

/// Titer shown when the page opens, in g/L.
pub const DEFAULT_TITER_G_PER_L: f64 = 3.0;

/// Product mass at harvest, in kg, for a titer in g/L in the 2000 L bioreactor.
pub fn product_at_harvest_kg(titer_g_per_l: f64) -> f64 {
    titer_g_per_l * BIOREACTOR_VOLUME_L / 1000.0
}

/// Parses the text of the titer field. `None` for empty, non-numeric, negative or
/// non-finite input.
pub fn parse_titer(text: &str) -> Option<f64> {
    text.trim()
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && *v >= 0.0)
}

/// The sentence shown under the input.
pub fn harvest_sentence(titer_g_per_l: Option<f64>) -> String {
    match titer_g_per_l {
        Some(t) => format!(
            "Product at harvest in a 2000 L bioreactor: {:.1} kg",
            product_at_harvest_kg(t)
        ),
        None => "Enter a titer of 0 g/L or more.".to_string(),
    }
}

#[component]
pub fn App() -> impl IntoView {
    // The raw text of the field is the source of truth; the input is not written back to
    // (rewriting a number input while the user types would fight their cursor).
    let (titer_text, set_titer_text) = signal(format!("{DEFAULT_TITER_G_PER_L:.1}"));
    let titer = Memo::new(move |_| parse_titer(&titer_text.get()));
    let sentence = move || harvest_sentence(titer.get());

    view! {
        <main>
            <h1>"Tech Transfer Calculator"</h1>
            <p class="lead">
                "Plan the transfer of a cell-culture process into a 2000 L single-use facility."
            </p>
            <label for="titer">"Titer at harvest (g/L)"</label>
            <input
                id="titer"
                name="titer"
                type="number"
                inputmode="decimal"
                min="0"
                step="0.1"
                value=titer_text.get_untracked()
                aria-invalid=move || if titer.get().is_none() { "true" } else { "false" }
                on:input=move |ev| set_titer_text.set(event_target_value(&ev))
            />
            <output id="product" for="titer">{sentence}</output>
        </main>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_titer_gives_six_kg() {
        assert_eq!(product_at_harvest_kg(DEFAULT_TITER_G_PER_L), 6.0);
        assert_eq!(
            harvest_sentence(Some(DEFAULT_TITER_G_PER_L)),
            "Product at harvest in a 2000 L bioreactor: 6.0 kg"
        );
    }

    #[test]
    fn five_g_per_l_gives_ten_kg() {
        assert_eq!(
            harvest_sentence(parse_titer("5")),
            "Product at harvest in a 2000 L bioreactor: 10.0 kg"
        );
    }

    #[test]
    fn invalid_titer_is_rejected() {
        for text in ["", "abc", "-1", "NaN", "inf"] {
            assert_eq!(parse_titer(text), None, "{text:?}");
        }
        assert_eq!(harvest_sentence(None), "Enter a titer of 0 g/L or more.");
    }
}
