//! JSON syntax errors: serde_json's message in plain French, and where it is in the file as
//! « ligne L, colonne C » with the column counted in characters, as an editor shows it.

use super::ImportProblem;

pub(super) fn syntax_problem(text: &str, error: &serde_json::Error) -> ImportProblem {
    let detail = translate_syntax(&raw_message(error));
    ImportProblem::new(
        line_column(text, error.line(), error.column()),
        format!("Le fichier n’est pas du JSON valide : {detail}."),
    )
}

/// The error text without serde_json's " at line L column C" suffix.
pub(super) fn raw_message(error: &serde_json::Error) -> String {
    let full = error.to_string();
    match full.rfind(" at line ") {
        Some(at) => full[..at].to_string(),
        None => full,
    }
}

pub(super) fn translate_syntax(raw: &str) -> String {
    let known: &[(&str, &str)] = &[
        ("EOF while parsing", "le fichier est coupé avant la fin"),
        ("expected value", "une valeur est attendue à cet endroit"),
        ("trailing characters", "il reste du texte après la fin des données"),
        ("trailing comma", "il y a une virgule en trop avant la fermeture"),
        ("expected `,` or `}`", "une virgule « , » ou une accolade fermante « } » est attendue"),
        ("expected `,` or `]`", "une virgule « , » ou un crochet fermant « ] » est attendu"),
        ("expected `:`", "le deux-points « : » est attendu après un nom de champ"),
        ("key must be a string", "un nom de champ doit être un texte entre guillemets"),
        ("expected ident", "mot inattendu (true, false ou null attendu)"),
        ("expected `\"`", "un guillemet « \" » est attendu"),
        (
            "control character",
            "un texte contient un caractère de contrôle (retour à la ligne non échappé ?)",
        ),
        ("invalid escape", "séquence d’échappement invalide dans un texte"),
        ("invalid unicode code point", "caractère Unicode invalide dans un texte"),
        ("lone leading surrogate", "caractère Unicode invalide dans un texte"),
        ("unexpected end of hex escape", "caractère Unicode invalide dans un texte"),
        ("invalid number", "nombre invalide"),
        ("number out of range", "nombre trop grand"),
        ("recursion limit exceeded", "les données sont imbriquées trop profondément"),
    ];
    known
        .iter()
        .find(|(pattern, _)| raw.contains(pattern))
        .map_or_else(|| raw.to_string(), |(_, french)| french.to_string())
}

/// "ligne L, colonne C", the column counted in characters (serde_json counts bytes).
pub(super) fn line_column(text: &str, line: usize, column: usize) -> String {
    let start = line_start(text, line);
    let end = start.saturating_add(column).min(text.len());
    let column = text.get(start..end).map_or(column, |s| s.chars().count());
    format!("ligne {line}, colonne {column}")
}

/// Byte offset of the start of 1-based `line` (the end of the text when there is no such line).
pub(super) fn line_start(text: &str, line: usize) -> usize {
    if line <= 1 {
        return 0;
    }
    text.bytes()
        .enumerate()
        .filter(|&(_, b)| b == b'\n')
        .nth(line - 2)
        .map_or(text.len(), |(i, _)| i + 1)
}
