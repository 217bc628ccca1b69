//! Step 7 – Évaluation: process and outcome indicators, each with its definition, unit,
//! baseline, target, kind of value, source, collection frequency, the person who collects it,
//! and its cible and résultat for each year (the editor is shared with the contract's own
//! indicators: `screens::indicators`).

use crate::model::Id;
use crate::ui::widgets::indicators::IndicatorList;
use leptos::prelude::*;

#[component]
pub fn Evaluation(id: Id) -> impl IntoView {
    view! {
        <p class="muted">"Un indicateur de processus dit si l’action a été faite (nombre d’ateliers) ; un indicateur de résultat dit si elle a changé quelque chose (part des participants qui pratiquent une activité physique six mois après)."</p>
        <IndicatorList owner=Some(id)/>
    }
}
