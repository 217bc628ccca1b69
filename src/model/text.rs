//! Helpers for the users' own text: folding it to compare titles and search, and shortening it
//! to quote it in a location, a message or a list. Used by validation, the planning, the sheet
//! filter, the exchanges and the screens.

/// Folds a title for comparison: trimmed, runs of whitespace collapsed to one space, lowercased,
/// common French accented letters mapped to ASCII (é → e, œ → oe...) and the typographic
/// apostrophe (’) to the plain one, since word processors swap them silently.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !folded.is_empty() {
            folded.push(' ');
        }
        for c in word.chars().flat_map(char::to_lowercase) {
            match c {
                'é' | 'è' | 'ê' | 'ë' => folded.push('e'),
                'à' | 'â' | 'ä' => folded.push('a'),
                'î' | 'ï' => folded.push('i'),
                'ô' | 'ö' => folded.push('o'),
                'ù' | 'û' | 'ü' => folded.push('u'),
                'ÿ' => folded.push('y'),
                'ç' => folded.push('c'),
                'œ' => folded.push_str("oe"),
                'æ' => folded.push_str("ae"),
                '’' | 'ʼ' => folded.push('\''),
                other => folded.push(other),
            }
        }
    }
    folded
}

/// At most `max` characters of `text` (cut on a character boundary), with "…" when cut: for
/// quoting a user's text in a location, a message or a list.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max).collect();
        format!("{}…", cut.trim_end())
    }
}

/// ASCII digits grouped by three the French way, with narrow no-break spaces (« 12 500 »), for
/// amounts and figures alike.
pub fn group_thousands(digits: &str) -> String {
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push('\u{202f}');
        }
        grouped.push(c);
    }
    grouped
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn fold_lowercases_removes_accents_and_collapses_spaces() {
        assert_eq!(fold("  Santé   MENTALE\tÉlèves "), "sante mentale eleves");
        assert_eq!(
            fold("Cœur, Ælia, ça, où, maïs, Noël, île, rôle"),
            "coeur, aelia, ca, ou, mais, noel, ile, role"
        );
        assert_eq!(fold("L’accès"), fold("l'acces"));
        assert_eq!(fold(" \n "), "");
    }

    #[test]
    fn long_texts_are_shortened() {
        let long = "é".repeat(100);
        let short = shorten(&long, 70);
        assert_eq!(short.chars().count(), 71);
        assert!(short.ends_with('…'));
        assert_eq!(shorten("court", 70), "court");
    }

    #[test]
    fn shorten_cuts_between_accented_characters_never_inside_one() {
        // "é" and "œ" take two bytes each: a byte cut would split them.
        assert_eq!(shorten("Santé mentale", 5), "Santé…");
        assert_eq!(shorten("cœur", 2), "cœ…");
        assert_eq!(shorten("éèê", 3), "éèê", "exactly at the limit: kept whole");
        assert_eq!(shorten("éèêë", 3), "éèê…");
    }

    #[test]
    fn shorten_drops_the_space_before_the_ellipsis() {
        assert_eq!(shorten("Accès aux soins", 6), "Accès…");
        assert_eq!(shorten("abc", 0), "…");
        assert_eq!(shorten("", 0), "");
    }

    fn french_text() -> impl Strategy<Value = String> {
        "[a-zA-Z0-9éèêëàâäîïôöùûüçœæÉÈÊÀÂÎÔÙÛÇŒÆ' ,-]{0,30}"
    }

    proptest! {
        #[test]
        fn fold_ignores_case_and_spacing_and_is_idempotent(text in french_text()) {
            let folded = fold(&text);
            prop_assert!(folded.is_ascii(), "{folded}");
            prop_assert_eq!(fold(&folded), folded.clone());
            prop_assert_eq!(fold(&text.to_uppercase()), folded.clone());
            prop_assert_eq!(fold(&format!("  {}\t", text.replace(' ', "  "))), folded);
        }

        #[test]
        fn shorten_keeps_a_prefix_of_at_most_max_characters(text in "\\PC{0,60}", max in 0usize..50) {
            let short = shorten(&text, max);
            let kept = short.strip_suffix('…').unwrap_or(&short);
            prop_assert!(text.starts_with(kept));
            prop_assert!(kept.chars().count() <= max || short == text);
        }
    }
}
