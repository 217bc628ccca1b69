//! Validation issues: beside each item, and all together in a summary panel. Computed once
//! per change of the open contract and shared by every component of the screen.

use crate::model::validation::{issues_for, validate_numbered, Issue, Severity, Subject};
use crate::ui::state::AppState;
use leptos::prelude::*;

/// The validation issues of the open contract.
#[derive(Clone, Copy)]
pub struct ContractIssues(pub Memo<Vec<Issue>>);

/// Computes the issues for the components below the caller, numbering the contract with the
/// shared memo (`AppState::numbering`) rather than once more.
pub fn provide_issues() -> ContractIssues {
    let state = AppState::get();
    let issues = ContractIssues(Memo::new(move |_| {
        state
            .numbering
            .with(|numbering| {
                state.with_contract(|contract| validate_numbered(contract, numbering))
            })
            .unwrap_or_default()
    }));
    provide_context(issues);
    issues
}

fn severity_label(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "Erreur",
        Severity::Warning => "À vérifier",
    }
}

fn issue_item(issue: Issue, with_path: bool) -> impl IntoView {
    let class = match issue.severity {
        Severity::Error => "issue issue--error",
        Severity::Warning => "issue issue--warning",
    };
    view! {
        <li class=class>
            <strong>{severity_label(issue.severity)}" : "</strong>
            {with_path.then(|| view! { <span class="issue__path">{issue.path.clone()}" — "</span> })}
            {issue.message}
        </li>
    }
}

/// The issues about one item, right under it.
#[component]
pub fn IssuesFor(subject: Subject) -> impl IntoView {
    let ContractIssues(issues) = expect_context::<ContractIssues>();
    let mine = Memo::new(move |_| {
        issues.with(|all| issues_for(all, subject).cloned().collect::<Vec<_>>())
    });
    move || {
        let list = mine.get();
        (!list.is_empty()).then(|| view! {
            <ul class="issues">{list.into_iter().map(|i| issue_item(i, false)).collect_view()}</ul>
        })
    }
}

/// Every issue of the contract, with its location.
#[component]
pub fn Summary() -> impl IntoView {
    let ContractIssues(issues) = expect_context::<ContractIssues>();
    let counts = Memo::new(move |_| {
        issues.with(|all| {
            let errors = all.iter().filter(|i| i.is_error()).count();
            (errors, all.len() - errors)
        })
    });
    view! {
        <section class="summary-panel" aria-labelledby="points-a-verifier">
            <h2 id="points-a-verifier">"Points à vérifier"</h2>
            <p>{move || {
                let (errors, warnings) = counts.get();
                match (errors, warnings) {
                    (0, 0) => "Aucun problème détecté.".to_string(),
                    _ => format!("{errors} erreur{} et {warnings} point{} à vérifier.",
                        if errors > 1 { "s" } else { "" }, if warnings > 1 { "s" } else { "" }),
                }
            }}</p>
            <details>
                <summary>"Voir la liste"</summary>
                <ul class="issues">{move || issues.get().into_iter().map(|i| issue_item(i, true)).collect_view()}</ul>
            </details>
        </section>
    }
}
