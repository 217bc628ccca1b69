//! The whole sheet on one page, read-only: the review step, the print of one sheet, and the
//! annexes of the printed contract all show this, down to its yearly follow-up (« Suivi
//! annuel »: the sheet's and each action's review of every year of the period).

use crate::model::amount::{euros, AMOUNT_TO_SPECIFY};
use crate::model::follow_up::history::{sheet_history, History};
use crate::model::funding::planned_total;
use crate::model::numbering::Numbering;
use crate::model::review::status_label;
use crate::model::{ActionSheet, Contract, FundingKind, Id, Indicator};
use crate::ui::state::AppState;
use crate::ui::widgets::table_scroll::TableScroll;
use leptos::prelude::*;

fn or_dash(text: &str) -> String {
    if text.trim().is_empty() {
        "—".to_string()
    } else {
        text.trim().to_string()
    }
}

fn join_or_dash(items: impl Iterator<Item = String>) -> String {
    let items: Vec<String> = items.filter(|s| !s.trim().is_empty()).collect();
    if items.is_empty() {
        "—".to_string()
    } else {
        items.join(", ")
    }
}

/// Everything the summary shows, computed from the contract in one pass.
#[derive(Clone, PartialEq, Default)]
struct SheetView {
    number: String,
    /// « Fiche action n°3 – Titre » (`ActionSheet::label`).
    label: String,
    placement: Vec<(&'static str, String)>,
    general_objective: String,
    specific: Vec<(String, String)>,
    expected_results: String,
    actions: Vec<String>,
    actors: Vec<(&'static str, String)>,
    means: Vec<(&'static str, String)>,
    funding: Vec<String>,
    indicators: IndicatorTable,
    history: History,
}

impl SheetView {
    fn of(c: &Contract, n: &Numbering, s: &ActionSheet) -> Self {
        let org =
            |id: Option<Id>| id.map_or("—".to_string(), |id| c.organisation_name(id).to_string());
        let axis = s.axis_id.and_then(|a| c.axis(a));
        SheetView {
            number: n.label(s.id).to_string(),
            label: s.label(n),
            placement: vec![
                ("Axe", axis.map_or("—".into(), |a| format!("{} – {}", n.label(a.id), a.title))),
                (
                    "Objectif stratégique",
                    axis.and_then(|a| s.objective_id.and_then(|o| a.objective(o)))
                        .map_or("—".into(), |o| format!("{} – {}", n.label(o.id), o.title)),
                ),
                ("Type", s.kind.label().to_string()),
                ("Priorité", s.priority.label().to_string()),
                ("Volet santé mentale", if s.mental_health { "Oui".into() } else { "Non".into() }),
                ("Champs", join_or_dash(s.health_fields.iter().map(|f| f.label().to_string()))),
                (
                    "Déterminants",
                    join_or_dash(s.determinants.iter().map(|f| f.label().to_string())),
                ),
                (
                    "Liens avec d’autres plans",
                    join_or_dash(s.plan_links.iter().map(|f| f.label().to_string())),
                ),
                (
                    "Constats",
                    join_or_dash(
                        s.finding_ids
                            .iter()
                            .filter_map(|f| c.diagnostic.iter().find(|d| d.id == *f))
                            .map(|d| d.text.clone())
                            .chain(std::iter::once(s.local_findings.clone())),
                    ),
                ),
            ],
            general_objective: or_dash(&s.general_objective),
            specific: s
                .specific_objectives
                .iter()
                .map(|o| (n.get(o.id).unwrap_or("–").to_string(), or_dash(&o.text)))
                .collect(),
            expected_results: or_dash(&s.expected_results),
            actions: s
                .actions
                .iter()
                .map(|a| {
                    let when = a.calendar_label();
                    let lead = a
                        .lead_id
                        .map(|l| format!(" – porteur : {}", c.organisation_name(l)))
                        .unwrap_or_default();
                    format!(
                        "{}{} ({when}){lead}",
                        if a.milestone { "◆ " } else { "" },
                        or_dash(&a.description)
                    )
                })
                .collect(),
            actors: vec![
                ("Pilote", crate::document::lead_text(c, s)),
                (
                    "Partenaires",
                    join_or_dash(s.partner_ids.iter().map(|p| c.organisation_name(*p).to_string())),
                ),
                ("Publics cibles", join_or_dash(s.audiences.iter().cloned())),
                (
                    "Territoire",
                    if s.coverage.whole_territory {
                        "Tout le territoire du contrat".into()
                    } else {
                        join_or_dash(s.coverage.places.iter().cloned())
                    },
                ),
                ("Participation des habitants", s.participation.label().to_string()),
            ],
            means: vec![
                ("Moyens humains", or_dash(&s.human_means)),
                ("Moyens matériels", or_dash(&s.material_means)),
            ],
            funding: if s.funding.is_empty() {
                vec![if s.no_funding_needed {
                    "Aucun financement nécessaire".into()
                } else {
                    "Financement à préciser".into()
                }]
            } else {
                let mut lines: Vec<String> = s
                    .funding
                    .iter()
                    .map(|f| {
                        // « Non renseigné » says nothing about the nature: left out.
                        let kind = match f.kind {
                            FundingKind::NotStated => String::new(),
                            kind => format!(" – {}", kind.label()),
                        };
                        let planned =
                            f.planned_euros.map_or(AMOUNT_TO_SPECIFY.to_string(), |amount| {
                                format!("{} prévus", euros(amount))
                            });
                        let spent = f.actual_euros.map_or(String::new(), |amount| {
                            format!(", {} réalisés", euros(amount))
                        });
                        format!("{} – {}{kind} : {planned}{spent}", f.year, org(f.funder_id))
                    })
                    .collect();
                lines.push(format!("Total prévu : {}", planned_total(&s.funding).text()));
                lines
            },
            indicators: IndicatorTable::of(&s.indicators),
            history: sheet_history(s, c.period),
        }
    }
}

/// The sheet's indicators as a table: one row each, its kind, name, final target, source and
/// frequency, then « cible / résultat » for each year that any of them fills in.
#[derive(Clone, PartialEq, Default)]
struct IndicatorTable {
    years: Vec<i32>,
    rows: Vec<IndicatorLine>,
}

#[derive(Clone, PartialEq)]
struct IndicatorLine {
    cells: [String; 5],
    per_year: Vec<String>,
}

impl IndicatorTable {
    fn of(indicators: &[Indicator]) -> Self {
        let mut years: Vec<i32> = indicators
            .iter()
            .flat_map(|i| &i.values)
            .filter(|v| !v.target.trim().is_empty() || !v.result.trim().is_empty())
            .filter_map(|v| v.year)
            .collect();
        years.sort_unstable();
        years.dedup();
        let rows = indicators
            .iter()
            .map(|i| IndicatorLine {
                cells: [
                    i.kind.label().to_string(),
                    or_dash(&i.name),
                    or_dash(&i.target),
                    or_dash(&i.source),
                    i.frequency.label().to_string(),
                ],
                per_year: years
                    .iter()
                    .map(|year| match i.value_of(*year) {
                        Some(v) if !v.target.trim().is_empty() || !v.result.trim().is_empty() => {
                            format!("{} / {}", or_dash(&v.target), or_dash(&v.result))
                        }
                        _ => "—".to_string(),
                    })
                    .collect(),
            })
            .collect();
        IndicatorTable { years, rows }
    }
}

fn indicator_table(table: IndicatorTable) -> impl IntoView {
    if table.rows.is_empty() {
        return view! { <p>"—"</p> }.into_any();
    }
    let IndicatorTable { years, rows } = table;
    let head = view! {
        <th scope="col">"Type"</th><th scope="col">"Indicateur"</th><th scope="col">"Cible"</th>
        <th scope="col">"Source"</th><th scope="col">"Fréquence"</th>
        {years.into_iter().map(|year| view! { <th scope="col">{format!("{year} (cible / résultat)")}</th> }).collect_view()}
    };
    let body = rows.into_iter().map(|row| {
        let [kind, name, target, source, frequency] = row.cells;
        view! {
            <tr>
                <td>{kind}</td><th scope="row">{name}</th><td>{target}</td><td>{source}</td><td>{frequency}</td>
                {row.per_year.into_iter().map(|value| view! { <td>{value}</td> }).collect_view()}
            </tr>
        }
    }).collect_view();
    scrolling_table("summary-indicators", "Indicateurs", head, body)
}

/// A table with its caption, in a box that scrolls sideways on a narrow screen, named after the
/// caption.
fn scrolling_table(
    class: &'static str,
    caption: &'static str,
    head: impl IntoView + 'static,
    body: impl IntoView + 'static,
) -> AnyView {
    view! {
        <TableScroll label=format!("{caption} (tableau)")>
            <table class=class>
                <caption>{caption}</caption>
                <thead><tr>{head}</tr></thead>
                <tbody>{body}</tbody>
            </table>
        </TableScroll>
    }
    .into_any()
}

fn pairs(items: Vec<(&'static str, String)>) -> impl IntoView {
    view! { <dl class="summary-list">{items.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}</dl> }
}

fn bullets(items: Vec<String>) -> impl IntoView {
    if items.is_empty() {
        view! { <p>"—"</p> }.into_any()
    } else {
        view! { <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul> }
            .into_any()
    }
}

/// « Suivi annuel »: a row for the sheet and one per action, a column per year; each cell
/// says the status (« Non renseigné » when none, « à confirmer » when carried over from the
/// year before) and what was written. Years as columns read like the seed's bilan and keep
/// the table as short as the sheet has actions.
fn history_table(history: History) -> impl IntoView {
    if history.is_blank() {
        return view! { <p>"Aucun bilan annuel n’a encore été saisi pour cette fiche."</p> }
            .into_any();
    }
    let History { years, rows } = history;
    let head = view! {
        <th scope="col">"Fiche ou action"</th>
        {years.into_iter().map(|year| view! { <th scope="col">{year}</th> }).collect_view()}
    };
    let body = rows.into_iter().map(|row| view! {
        <tr>
            <th scope="row">{row.label}</th>
            {row.years.into_iter().map(|review| {
                let class = format!("history__cell history__cell--{}", review.status.map_or("none", |s| s.key()));
                let line = |label: &'static str, text: String| (!text.trim().is_empty()).then(|| view! {
                    <p><span class="history__label">{label}</span>" "{text}</p>
                });
                view! {
                    <td class=class>
                        <strong class="history__status">{status_label(review.status)}</strong>
                        {review.to_confirm.then(|| view! { " " <em class="history__to-confirm">"(à confirmer)"</em> })}
                        {line("Fait :", review.comment)}
                        {line("Pourquoi :", review.reason)}
                        {line("Suite prévue :", review.next_steps)}
                    </td>
                }
            }).collect_view()}
        </tr>
    }).collect_view();
    scrolling_table("history", "Suivi annuel", head, body)
}

/// The sheet as a document. `heading_level` 2 on its own page, 3 inside the contract print.
#[component]
pub fn SheetSummary(id: Id) -> impl IntoView {
    let state = AppState::get();
    let view_model = Memo::new(move |_| {
        let numbering = state.numbering.read();
        state
            .with_contract(|c| c.sheet(id).map(|s| SheetView::of(c, &numbering, s)))
            .flatten()
            .unwrap_or_default()
    });
    move || {
        let v = view_model.get();
        view! {
            <article class="sheet-summary" aria-label=format!("Fiche action n°{}", v.number)>
                <h2 class="sheet-summary__title">{v.label.clone()}</h2>
                {pairs(v.placement)}
                <h3>"Objectifs"</h3>
                <dl class="summary-list"><dt>"Objectif général"</dt><dd>{v.general_objective}</dd></dl>
                <ul>{v.specific.into_iter().map(|(n, t)| view! { <li><strong>{n}</strong>" "{t}</li> }).collect_view()}</ul>
                <dl class="summary-list"><dt>"Résultats attendus"</dt><dd>{v.expected_results}</dd></dl>
                <h3>"Actions et calendrier"</h3>
                {bullets(v.actions)}
                <h3>"Acteurs"</h3>
                {pairs(v.actors)}
                <h3>"Moyens et financement"</h3>
                {pairs(v.means)}
                {bullets(v.funding)}
                <h3>"Évaluation"</h3>
                {indicator_table(v.indicators)}
                <h3>"Suivi annuel"</h3>
                {history_table(v.history)}
            </article>
        }
    }
}
