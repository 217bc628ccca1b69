//! Figures as people type them in French (« 1 200 », « 12,5 », « 45 % », « -3 »): read once
//! into a sign and digits, then either turned into a number to compare with a target
//! (`indicator::parse_number`) or subtracted exactly to write the gap between a result and its
//! target (« +3 », « −2,5 »), which documents show and which must not read « 2,4999999 ».

use super::text::group_thousands;

/// The most digits a figure may have for [`gap`]: what an `i128` holds with room to subtract.
const MAX_DIGITS: usize = 36;

/// A figure's sign and digits, spaces, the percent sign and the decimal comma taken out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figure {
    pub negative: bool,
    /// ASCII digits before the decimal separator (may be empty: « ,5 »).
    pub whole: String,
    /// ASCII digits after it (empty when there is none).
    pub fraction: String,
}

impl Figure {
    /// Reads a figure; `None` for anything that is not one (« une dizaine », « 1e5 »).
    pub fn read(text: &str) -> Option<Figure> {
        let cleaned: String = text
            .trim()
            .trim_end_matches('%')
            .chars()
            .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
            .map(|c| if c == ',' { '.' } else { c })
            .collect();
        let (negative, digits) = match cleaned.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, cleaned.strip_prefix('+').unwrap_or(&cleaned)),
        };
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
        let all_digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
        if whole.len() + fraction.len() == 0 || !all_digits(whole) || !all_digits(fraction) {
            return None;
        }
        Some(Figure { negative, whole: whole.into(), fraction: fraction.into() })
    }

    /// The figure times 10^`scale`, as a whole number (`scale` at least its own decimals).
    fn scaled(&self, scale: usize) -> Option<i128> {
        let digits = format!("{}{:0<scale$}", self.whole, self.fraction);
        if digits.len() > MAX_DIGITS {
            return None;
        }
        let value = digits.bytes().fold(0i128, |value, b| value * 10 + i128::from(b - b'0'));
        Some(if self.negative { -value } else { value })
    }
}

/// `result − target`, exact, written the French way with its sign: « +3 », « −2,5 », « 0 »,
/// thousands grouped. `None` when either is not a figure.
pub fn gap(result: &str, target: &str) -> Option<String> {
    let (result, target) = (Figure::read(result)?, Figure::read(target)?);
    let scale = result.fraction.len().max(target.fraction.len());
    let difference = result.scaled(scale)? - target.scaled(scale)?;
    let digits = format!("{:0>width$}", difference.unsigned_abs(), width = scale + 1);
    let (whole, fraction) = digits.split_at(digits.len() - scale);
    let fraction = fraction.trim_end_matches('0');
    let sign = match difference.signum() {
        1 => "+",
        -1 => "−",
        _ => "",
    };
    let mut text = format!("{sign}{}", group_thousands(whole));
    if !fraction.is_empty() {
        text.push(',');
        text.push_str(fraction);
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_gap_is_exact_and_signed() {
        assert_eq!(gap("58", "55").as_deref(), Some("+3"));
        assert_eq!(gap("13", "15").as_deref(), Some("−2"));
        assert_eq!(gap("8,5 %", "10 %").as_deref(), Some("−1,5"));
        assert_eq!(gap("0,1", "0,3").as_deref(), Some("−0,2"));
        assert_eq!(gap("12,50", "12,5").as_deref(), Some("0"));
        assert_eq!(gap("1 250", "-50").as_deref(), Some("+1\u{202f}300"));
        assert_eq!(gap("une dizaine", "10"), None);
        assert_eq!(gap("3", ""), None);
        assert_eq!(gap(&"9".repeat(40), "1"), None, "too long to subtract exactly");
    }

    proptest! {
        #[test]
        fn the_gap_of_whole_numbers_is_their_difference(result in -100_000i64..100_000, target in -100_000i64..100_000) {
            let written = gap(&result.to_string(), &target.to_string()).unwrap();
            let read = written.replace('−', "-").replace('\u{202f}', "");
            prop_assert_eq!(read.parse::<i64>().unwrap(), result - target);
        }
    }
}
