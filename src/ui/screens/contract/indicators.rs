//! « Indicateurs d’évaluation du contrat »: the contract's own indicators (how the contract as
//! a whole works: partnerships, mobilisation), distinct from those of any fiche, with the same
//! editor as the fiche's « Évaluation » step.

use crate::ui::widgets::indicators::IndicatorList;
use leptos::prelude::*;

#[component]
pub fn IndicatorsSection() -> impl IntoView {
    view! {
        <section id="indicateurs" aria-labelledby="indicateurs-titre">
            <h2 id="indicateurs-titre">"Indicateurs d’évaluation du contrat"</h2>
            <p class="muted">"Ils évaluent le contrat dans son ensemble (la dynamique partenariale, la mobilisation des acteurs), à côté des indicateurs propres à chaque fiche action."</p>
            <IndicatorList owner=None/>
        </section>
    }
}
