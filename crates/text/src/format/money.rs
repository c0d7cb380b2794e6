//! Display currencies, money with its symbol, and the reader's display preferences (the
//! currency and the exchange rates, which are not part of the scenario).

use super::numbers::{format_number, parse_number};

/// Display currencies. Money is computed in the facility's currency (USD) and converted at
/// the user's exchange rates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Currency {
    Usd,
    Cny,
    Eur,
}

impl Currency {
    pub const ALL: [Currency; 3] = [Currency::Usd, Currency::Cny, Currency::Eur];

    pub fn code(self) -> &'static str {
        match self {
            Currency::Usd => "USD",
            Currency::Cny => "CNY",
            Currency::Eur => "EUR",
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            Currency::Usd => "$",
            Currency::Cny => "¥",
            Currency::Eur => "€",
        }
    }

    pub fn from_code(code: &str) -> Option<Currency> {
        Currency::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// Money with its symbol: whole units from 100 up, cents below.
pub fn format_money(amount: f64, currency: Currency) -> String {
    let decimals = if amount.abs() >= 100.0 { 0 } else { 2 };
    let n = format_number(amount, decimals);
    match n.strip_prefix('-') {
        Some(rest) => format!("-{}{rest}", currency.symbol()),
        None => format!("{}{n}", currency.symbol()),
    }
}

/// Display preferences: not part of the scenario's inputs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Prefs {
    pub currency: Currency,
    /// Units of each display currency per 1 USD (the facility's currency), user-editable;
    /// no live lookup. Defaults are illustrative round figures.
    pub cny_per_usd: f64,
    pub eur_per_usd: f64,
}

impl Default for Prefs {
    fn default() -> Self {
        Self { currency: Currency::Usd, cny_per_usd: 7.1, eur_per_usd: 0.92 }
    }
}

impl Prefs {
    /// The exchange rates a reader may type: units of a display currency per 1 USD, positive
    /// and at most a million (no currency of [`Currency`] comes near either end).
    pub const RATE_MIN: f64 = 0.0001;
    pub const RATE_MAX: f64 = 1.0e6;

    /// Reads an exchange rate as typed, or says what is wrong with it in the model's words
    /// (shown next to the rate, which keeps the text; the rate in use stays as it was).
    pub fn parse_rate(text: &str) -> Result<f64, ttc_model::Problem> {
        use ttc_model::Problem;
        match parse_number(text) {
            None => Err(Problem::NotANumber),
            Some(v) if (Self::RATE_MIN..=Self::RATE_MAX).contains(&v) => Ok(v),
            Some(v) => Err(Problem::OutOfRange { value: v, min: Self::RATE_MIN, max: Self::RATE_MAX }),
        }
    }

    /// Multiplies an amount in the facility's currency into the display currency.
    pub fn rate(&self) -> f64 {
        match self.currency {
            Currency::Usd => 1.0,
            Currency::Cny => self.cny_per_usd,
            Currency::Eur => self.eur_per_usd,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_exchange_rate_is_a_positive_number_up_to_a_million() {
        use ttc_model::Problem;
        assert_eq!(Prefs::parse_rate("7.25"), Ok(7.25));
        assert_eq!(Prefs::parse_rate("1000000"), Ok(1.0e6));
        for text in ["", "abc", "NaN", "1e999"] {
            assert_eq!(Prefs::parse_rate(text), Err(Problem::NotANumber), "{text:?}");
        }
        for (text, value) in [("0", 0.0), ("-7", -7.0), ("1e9", 1.0e9)] {
            assert_eq!(
                Prefs::parse_rate(text),
                Err(Problem::OutOfRange { value, min: 0.0001, max: 1.0e6 }),
                "{text:?}"
            );
        }
    }

    #[test]
    fn money_with_its_symbol() {
        assert_eq!(format_money(800_997.42, Currency::Usd), "$800,997");
        assert_eq!(format_money(200.22, Currency::Cny), "¥200");
        assert_eq!(format_money(12.5, Currency::Eur), "€12.50");
    }
}
