//! Amounts in euros: the one reader of what people type in an amount field, and the writers of
//! an amount for screens and documents (« 12 500 € »), for a field (« 12 500 ») and for the
//! CSV files (the plain form, « 12500 »). Every amount field and every total goes through here,
//! so that the same text gives the same amount, or the same message, everywhere.
//!
//! The model holds whole euros (CLS budgets are never to the cent). What the reader accepts:
//! digits grouped by spaces of any kind (the space, U+00A0 and U+202F that French keyboards and
//! spreadsheets produce), a « € » (or « EUR », « euros ») before or after, and cents after a
//! decimal comma or point. What it never does is change the magnitude without a word:
//! - cents are rounded to the nearest euro, 0,50 counting for a whole euro (the rule of French
//!   public accounts, e.g. article 1724 of the Code général des impôts), and the reading says
//!   so (« 15 000,50 € arrondi à 15 001 € »);
//! - a separator followed by three digits or more (« 15.000 », « 15,000 », « 1.234,56 ») is
//!   refused as ambiguous: thousands for an English or German habit, decimals for a French one;
//!   the message shows how to write thousands (« 15 000 »);
//! - a negative amount, an amount over [`MAX_EUROS`] and anything else are refused with a
//!   French sentence, and the stored amount stays as it was.
//!
//! Sums of amounts keep count of the amounts nobody knows yet ([`AmountSum`]): a funding line
//! may name its funder before the amount (« montant à préciser »), and unknown is not 0 €.

use super::text::{group_thousands, shorten};

/// The largest amount accepted: just under a thousand billion euros. No CLS comes near, and
/// every amount below it stays exact in a spreadsheet (15 significant digits) and in
/// JavaScript, which read the exported files.
pub const MAX_EUROS: u64 = 999_999_999_999;

/// How a planned amount reads where it is unknown.
pub const AMOUNT_TO_SPECIFY: &str = "montant à préciser";

/// What an amount field's text says, once read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    /// Nothing typed: no amount (« montant à préciser », or nothing spent entered yet).
    Empty,
    /// Whole euros, exactly as typed (« 15 000 », « 15 000,00 € »).
    Exact(u64),
    /// Cents were typed: `cents` as typed, `euros` the nearest whole euro that is kept.
    Rounded { cents: u64, euros: u64 },
}

impl Reading {
    /// The amount to store.
    pub fn euros(self) -> Option<u64> {
        match self {
            Reading::Empty => None,
            Reading::Exact(euros) | Reading::Rounded { euros, .. } => Some(euros),
        }
    }

    /// What the person is told about the amount kept: only when it is not what they typed.
    pub fn message(self) -> Option<String> {
        match self {
            Reading::Rounded { cents, euros: kept } => Some(format!(
                "{} arrondi à {} : les montants se comptent en euros entiers.",
                euros_and_cents(cents),
                euros(kept)
            )),
            Reading::Empty | Reading::Exact(_) => None,
        }
    }
}

/// Why a typed amount is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Not digits at all (« environ mille », « 12a »).
    NotAnAmount(String),
    Negative,
    /// A point or comma that may stand for thousands; `suggestion` writes them with spaces.
    Ambiguous {
        typed: String,
        suggestion: String,
    },
    TooLarge,
}

impl Refusal {
    /// The French sentence shown under the field; it says that the stored amount is unchanged.
    pub fn message(&self) -> String {
        let reason = match self {
            Refusal::NotAnAmount(typed) => format!(
                "« {} » n’est pas un montant : écrivez des chiffres, par exemple 12 500 ou 12 500,50 €.",
                shorten(typed.trim(), 30)
            ),
            Refusal::Negative => "Un montant ne peut pas être négatif.".to_string(),
            Refusal::Ambiguous { typed, suggestion } => format!(
                "« {} » est ambigu : la virgule ou le point ne sépare que les centimes (deux chiffres au plus) ; pour des milliers, écrivez {suggestion}.",
                shorten(typed.trim(), 30)
            ),
            Refusal::TooLarge => format!("Montant trop grand : {} au plus.", euros(MAX_EUROS)),
        };
        format!("{reason} Le montant enregistré n’a pas changé.")
    }
}

/// Reads an amount as typed in any amount field (see the module's comment for what is
/// accepted and why).
pub fn read_amount(text: &str) -> Result<Reading, Refusal> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(Reading::Empty);
    }
    let number = without_currency(trimmed);
    let (negative, number) = match number.strip_prefix(['-', '\u{2212}']) {
        Some(rest) => (true, rest.trim_start()),
        None => (false, number),
    };
    let not_an_amount = || Refusal::NotAnAmount(trimmed.to_string());
    if number.is_empty()
        || !number.chars().all(|c| c.is_ascii_digit() || c.is_whitespace() || c == ',' || c == '.')
        || !number.starts_with(|c: char| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return Err(not_an_amount());
    }
    let digits = |part: &str| -> String { part.chars().filter(char::is_ascii_digit).collect() };
    let separators = number.matches([',', '.']).count();
    let (whole, fraction) = match number.rsplit_once([',', '.']) {
        Some((whole, fraction)) => (whole, fraction.trim()),
        None => (number, ""),
    };
    if separators > 1 || fraction.len() > 2 {
        let suggestion = match (separators, fraction.len()) {
            (_, 1..=2) => format!("{},{fraction}", group_thousands(&digits(whole))),
            _ => group_thousands(&digits(number)),
        };
        return Err(Refusal::Ambiguous { typed: trimmed.to_string(), suggestion });
    }
    if !fraction.chars().all(|c| c.is_ascii_digit()) || digits(number).is_empty() {
        return Err(not_an_amount());
    }
    if negative {
        return Err(Refusal::Negative);
    }
    let whole = digits(whole);
    let whole = whole.trim_start_matches('0');
    if whole.len() > 12 {
        return Err(Refusal::TooLarge);
    }
    let euros: u64 = whole.parse().unwrap_or(0);
    let cents: u64 = format!("{fraction:0<2}").parse().unwrap_or(0);
    let kept = if cents >= 50 { euros + 1 } else { euros };
    if kept > MAX_EUROS {
        return Err(Refusal::TooLarge);
    }
    Ok(match cents {
        0 => Reading::Exact(euros),
        _ => Reading::Rounded { cents: euros * 100 + cents, euros: kept },
    })
}

/// The number without its currency: « € » before or after, « EUR », « euro(s) » after.
fn without_currency(text: &str) -> &str {
    let ends_with = |suffix: &str| {
        let cut = text.len().wrapping_sub(suffix.len());
        text.len() >= suffix.len()
            && text.is_char_boundary(cut)
            && text[cut..].eq_ignore_ascii_case(suffix)
    };
    let text = match ["euros", "euro", "eur", "€"].into_iter().find(|s| ends_with(s)) {
        Some(suffix) => text[..text.len() - suffix.len()].trim_end(),
        None => text,
    };
    text.strip_prefix('€').unwrap_or(text).trim_start()
}

/// An amount as screens and documents write it: « 12 500 € » (narrow no-break spaces between
/// thousands, a no-break space before the sign).
pub fn euros(amount: u64) -> String {
    format!("{}\u{a0}€", group_thousands(&amount.to_string()))
}

/// An amount as an amount field shows it: « 12 500 » (the label says « (€) »), which
/// [`read_amount`] reads back as the same amount.
pub fn euros_in_field(amount: u64) -> String {
    group_thousands(&amount.to_string())
}

/// An amount in a CSV file, its plain form: bare digits, « 12500 », no thousands separator and
/// no currency sign, so that the spreadsheet reads a number it can add up (the header says
/// « (€) »).
pub fn plain_euros(amount: u64) -> String {
    amount.to_string()
}

/// Cents as typed, written back: « 15 000,50 € ».
fn euros_and_cents(cents: u64) -> String {
    format!("{},{:02}\u{a0}€", group_thousands(&(cents / 100).to_string()), cents % 100)
}

/// A sum of amounts some of which are unknown: the known euros, and how many amounts were
/// known and unknown. A total that hides an unknown amount as 0 € says something nobody said.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AmountSum {
    pub euros: u64,
    pub known: usize,
    pub unknown: usize,
}

impl AmountSum {
    /// Adds one amount, `None` when it is unknown (saturating: imported files may hold any
    /// amount).
    pub fn add(&mut self, amount: Option<u64>) {
        match amount {
            Some(amount) => {
                self.euros = self.euros.saturating_add(amount);
                self.known += 1;
            }
            None => self.unknown += 1,
        }
    }

    /// The sum of both.
    pub fn merge(&mut self, other: AmountSum) {
        self.euros = self.euros.saturating_add(other.euros);
        self.known += other.known;
        self.unknown += other.unknown;
    }

    /// The sum as screens and documents write it: « 12 500 € », « 12 500 € dont 1 montant à
    /// préciser », « 2 montants à préciser » when none is known; « 0 € » for no amount at all.
    pub fn text(self) -> String {
        let unknown = match self.unknown {
            0 => return euros(self.euros),
            1 => AMOUNT_TO_SPECIFY.to_string(),
            n => format!("{n} montants à préciser"),
        };
        match self.known {
            0 => unknown,
            _ if self.unknown == 1 => format!("{} dont 1 {unknown}", euros(self.euros)),
            _ => format!("{} dont {unknown}", euros(self.euros)),
        }
    }

    /// The sum in a CSV cell: its plain form, or an empty cell when no amount of it is known.
    pub fn plain(self) -> String {
        if self.known == 0 && self.unknown > 0 {
            String::new()
        } else {
            plain_euros(self.euros)
        }
    }
}

impl FromIterator<Option<u64>> for AmountSum {
    fn from_iter<I: IntoIterator<Item = Option<u64>>>(amounts: I) -> Self {
        let mut sum = AmountSum::default();
        for amount in amounts {
            sum.add(amount);
        }
        sum
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn read(text: &str) -> Result<Option<u64>, Refusal> {
        read_amount(text).map(Reading::euros)
    }

    #[test]
    fn amounts_typed_the_french_way_keep_their_magnitude() {
        assert_eq!(read("15 000"), Ok(Some(15_000)));
        assert_eq!(read("15\u{202f}000"), Ok(Some(15_000)), "narrow no-break space");
        assert_eq!(read("15\u{a0}000\u{a0}€"), Ok(Some(15_000)), "no-break spaces, euro sign");
        assert_eq!(read("1 234"), Ok(Some(1_234)));
        assert_eq!(read(" 12500€ "), Ok(Some(12_500)));
        assert_eq!(read("€ 300"), Ok(Some(300)));
        assert_eq!(read("300 EUR"), Ok(Some(300)));
        assert_eq!(read("300 euros"), Ok(Some(300)));
        assert_eq!(read("15 000,00 €"), Ok(Some(15_000)));
        assert_eq!(read("0"), Ok(Some(0)));
        assert_eq!(read("007"), Ok(Some(7)));
        assert_eq!(read(""), Ok(None));
        assert_eq!(read("  \u{a0}"), Ok(None));
    }

    #[test]
    fn cents_are_rounded_to_the_nearest_euro_and_the_reading_says_so() {
        let reading = read_amount("15 000,50").unwrap();
        assert_eq!(reading, Reading::Rounded { cents: 1_500_050, euros: 15_001 });
        assert_eq!(
            reading.message().as_deref(),
            Some("15\u{202f}000,50\u{a0}€ arrondi à 15\u{202f}001\u{a0}€ : les montants se comptent en euros entiers.")
        );
        assert_eq!(read_amount("15 000,50 €"), Ok(reading));
        assert_eq!(read_amount("15000.5"), Ok(reading), "a decimal point, one digit of cents");
        assert_eq!(read("15 000,49"), Ok(Some(15_000)));
        assert_eq!(read("0,49"), Ok(Some(0)));
        assert_eq!(read(",5"), Ok(Some(1)));
        assert_eq!(read("12,"), Ok(Some(12)), "a separator with nothing after it");
        assert_eq!(read_amount("12 500").unwrap().message(), None);
        assert_eq!(read_amount("").unwrap().message(), None);
    }

    #[test]
    fn a_separator_that_may_mean_thousands_is_refused() {
        for (typed, suggestion) in [
            ("15.000", "15\u{202f}000"),
            ("15,000", "15\u{202f}000"),
            ("1.234.567", "1\u{202f}234\u{202f}567"),
            ("1.234,56", "1\u{202f}234,56"),
            ("1,234.5", "1\u{202f}234,5"),
            ("12,345 €", "12\u{202f}345"),
        ] {
            assert_eq!(
                read(typed),
                Err(Refusal::Ambiguous { typed: typed.into(), suggestion: suggestion.into() }),
                "{typed}"
            );
        }
        assert_eq!(
            read_amount("15.000").unwrap_err().message(),
            "« 15.000 » est ambigu : la virgule ou le point ne sépare que les centimes (deux \
             chiffres au plus) ; pour des milliers, écrivez 15\u{202f}000. Le montant enregistré \
             n’a pas changé."
        );
    }

    #[test]
    fn garbage_negative_and_huge_amounts_are_refused_in_french() {
        for typed in ["abc", "12a", "1e5", "€", "douze", "1 2 3 x", ",", "+5", "0x10"] {
            assert!(matches!(read(typed), Err(Refusal::NotAnAmount(_))), "{typed}");
        }
        assert_eq!(
            read_amount("environ mille").unwrap_err().message(),
            "« environ mille » n’est pas un montant : écrivez des chiffres, par exemple 12 500 ou \
             12 500,50 €. Le montant enregistré n’a pas changé."
        );
        assert_eq!(read("-500"), Err(Refusal::Negative));
        assert_eq!(read("\u{2212}1 500,50 €"), Err(Refusal::Negative));
        assert_eq!(
            Refusal::Negative.message(),
            "Un montant ne peut pas être négatif. Le montant enregistré n’a pas changé."
        );
        assert_eq!(read("999 999 999 999"), Ok(Some(MAX_EUROS)));
        assert_eq!(read("999 999 999 999,49"), Ok(Some(MAX_EUROS)));
        assert_eq!(read("999 999 999 999,50"), Err(Refusal::TooLarge));
        assert_eq!(read("1 000 000 000 000"), Err(Refusal::TooLarge));
        assert_eq!(read(&"9".repeat(40)), Err(Refusal::TooLarge));
        assert_eq!(
            Refusal::TooLarge.message(),
            "Montant trop grand : 999\u{202f}999\u{202f}999\u{202f}999\u{a0}€ au plus. Le montant \
             enregistré n’a pas changé."
        );
    }

    #[test]
    fn writers_give_the_french_the_field_and_the_plain_forms() {
        assert_eq!(euros(12_500), "12\u{202f}500\u{a0}€");
        assert_eq!(euros(0), "0\u{a0}€");
        assert_eq!(euros_in_field(1_234_500), "1\u{202f}234\u{202f}500");
        assert_eq!(plain_euros(1_234_500), "1234500");
    }

    #[test]
    fn sums_keep_count_of_unknown_amounts() {
        let sum: AmountSum = [Some(1000), None, Some(500)].into_iter().collect();
        assert_eq!(sum, AmountSum { euros: 1500, known: 2, unknown: 1 });
        assert_eq!(sum.text(), "1\u{202f}500\u{a0}€ dont 1 montant à préciser");
        assert_eq!(sum.plain(), "1500");
        let two: AmountSum = [Some(10), None, None].into_iter().collect();
        assert_eq!(two.text(), "10\u{a0}€ dont 2 montants à préciser");
        let none_known: AmountSum = [None].into_iter().collect();
        assert_eq!(none_known.text(), "montant à préciser");
        assert_eq!(none_known.plain(), "", "unknown is an empty cell, never 0");
        let two_unknown: AmountSum = [None, None].into_iter().collect();
        assert_eq!(two_unknown.text(), "2 montants à préciser");
        assert_eq!(AmountSum::default().text(), "0\u{a0}€");
        assert_eq!(AmountSum::default().plain(), "0");
        let mut merged = sum;
        merged.merge(two);
        assert_eq!(merged, AmountSum { euros: 1510, known: 3, unknown: 3 });
        let huge: AmountSum = [Some(u64::MAX), Some(1)].into_iter().collect();
        assert_eq!(huge.euros, u64::MAX);
    }

    #[test]
    fn messages_use_typographic_apostrophes() {
        let refusals =
            ["abc", "-3", "15.000", "1 000 000 000 000"].map(|t| read_amount(t).unwrap_err());
        for refusal in refusals {
            crate::model::typography::assert_typographic("amount", &refusal.message());
        }
        let rounded = read_amount("1,5").unwrap().message().unwrap();
        crate::model::typography::assert_typographic("amount", &rounded);
    }

    fn spaces() -> impl Strategy<Value = String> {
        prop::sample::select(vec!["", " ", "\u{a0}", "\u{202f}"]).prop_map(String::from)
    }

    proptest! {
        /// Whatever the grouping, the currency and the cents, the amount kept is the typed one
        /// rounded to the nearest euro: never a different magnitude.
        #[test]
        fn a_typed_amount_reads_as_its_value_rounded(
            euros_typed in 0u64..=MAX_EUROS - 1,
            cents in proptest::option::of(0u64..100),
            space in spaces(),
            comma in any::<bool>(),
            sign in prop::sample::select(vec!["", " €", "\u{a0}€", "€", " EUR"]),
        ) {
            let grouped = group_thousands(&euros_typed.to_string()).replace('\u{202f}', &space);
            let text = match cents {
                Some(c) => format!("{grouped}{}{c:02}{sign}", if comma { ',' } else { '.' }),
                None => format!("{grouped}{sign}"),
            };
            let reading = read_amount(&text).map_err(|e| TestCaseError::fail(format!("{text}: {e:?}")))?;
            let expected = euros_typed + u64::from(cents.unwrap_or(0) >= 50);
            prop_assert_eq!(reading.euros(), Some(expected));
            prop_assert_eq!(reading.message().is_some(), cents.unwrap_or(0) > 0);
        }

        /// What a field shows reads back as the same amount, without a message.
        #[test]
        fn the_field_form_reads_back_exactly(amount in 0u64..=MAX_EUROS) {
            prop_assert_eq!(read_amount(&euros_in_field(amount)), Ok(Reading::Exact(amount)));
            prop_assert_eq!(read_amount(&euros(amount)), Ok(Reading::Exact(amount)));
            prop_assert_eq!(read_amount(&plain_euros(amount)), Ok(Reading::Exact(amount)));
        }

        /// Any text either reads as an amount no larger than the digits typed allow, or is
        /// refused; it never panics.
        #[test]
        fn any_text_is_read_or_refused(text in "\\PC{0,24}") {
            if let Ok(Reading::Exact(amount) | Reading::Rounded { euros: amount, .. }) = read_amount(&text) {
                prop_assert!(amount <= MAX_EUROS);
                let digits: String = text.chars().filter(char::is_ascii_digit).collect();
                prop_assert!(!digits.is_empty());
            }
        }
    }
}
