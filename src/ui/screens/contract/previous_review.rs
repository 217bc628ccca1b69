//! The previous contract's bilan, a section of the diagnostic: what the consultation of the
//! partners said, each former fiche with its actions (status, what was done, why not, what
//! comes next), and the recommendations.

use crate::model::previous_review::FORMER_STATUSES;
use crate::model::review::NOT_FILLED_LABEL;
use crate::model::validation::Subject;
use crate::model::{FormerItem, FormerSheet, Id, ReviewStatus};
use crate::ui::row_lens::{row_ids, RowLens};
use crate::ui::state::AppState;
use crate::ui::widgets::add_by_name::AddByName;
use crate::ui::widgets::fields::{SelectField, TextField};
use crate::ui::widgets::issues::IssuesFor;
use crate::ui::widgets::row_buttons::RemoveButton;
use leptos::prelude::*;

#[component]
pub fn PreviousReviewSection() -> impl IntoView {
    let state = AppState::get();
    let text = move |read: fn(&crate::model::PreviousReview) -> String| {
        Signal::derive(move || {
            state.with_contract(|c| read(&c.previous_review)).unwrap_or_default()
        })
    };
    let edit = move |write: fn(&mut crate::model::PreviousReview, String)| {
        Callback::new(move |v: String| state.edit_contract(|c, _| write(&mut c.previous_review, v)))
    };
    let ids = row_ids::<FormerSheet>(state, None);
    let add = move |title: String| {
        state.edit_contract(|c, now| {
            c.previous_review.sheets.push(FormerSheet::new(Id::random(), title, now))
        })
    };
    view! {
        <section id="bilan-precedent" aria-labelledby="bilan-precedent-titre">
            <h2 id="bilan-precedent-titre">"Bilan du précédent contrat"</h2>
            <TextField label="Retour des partenaires" multiline=true
                help="Comment le bilan a été recueilli (questionnaire, focus groupes…) et ce que les partenaires en disent"
                value=text(|r| r.consultation.clone()) on_input=edit(|r, v| r.consultation = v)/>
            <ul class="rows">
                <For each=move || ids.get() key=|id| *id let:id>
                    <FormerSheetRow id/>
                </For>
            </ul>
            <AddByName label="Fiche du précédent contrat" help="Par exemple : Fiche action n°1 : Renforcer la démographie médicale"
                button="Ajouter la fiche" secondary=true on_add=add/>
            <TextField label="Recommandations" multiline=true
                help="Les recommandations du rapport d’évaluation pour le nouveau contrat, une par ligne"
                value=text(|r| r.recommendations.clone()) on_input=edit(|r, v| r.recommendations = v)/>
        </section>
    }
}

#[component]
fn FormerSheetRow(id: Id) -> impl IntoView {
    let state = AppState::get();
    let row = RowLens::<FormerSheet>::of_contract(state, id);
    let title = row.read(|s| s.title.clone());
    let items = row_ids::<FormerItem>(state, Some(id));
    let add = move |action: String| {
        state.edit_contract(|c, now| {
            if let Some(sheet) = c.previous_review.sheets.iter_mut().find(|s| s.id == id) {
                sheet.items.push(FormerItem::new(Id::random(), action, now));
            }
        })
    };
    view! {
        <li class="row">
            <fieldset>
                <legend>{move || title.get()}</legend>
                <TextField label="Intitulé de la fiche" value=title on_input=row.write(|s, v| s.title = v)/>
                <ol class="rows">
                    <For each=move || items.get() key=|id| *id let:item>
                        <FormerItemRow sheet=id id=item/>
                    </For>
                </ol>
                <AddByName label="Action de cette fiche" help="L’action telle que le bilan la nomme"
                    button="Ajouter l’action" secondary=true on_add=add/>
                <RemoveButton name=Signal::derive(move || format!("la fiche « {} »", title.get()))
                    on_remove=move || row.remove_with_undo(format!("La fiche « {} »", title.get_untracked()))/>
            </fieldset>
        </li>
    }
}

#[component]
fn FormerItemRow(sheet: Id, id: Id) -> impl IntoView {
    let state = AppState::get();
    let row = RowLens::<FormerItem>::new(state, sheet, id);
    let action = row.read(|i| i.action.clone());
    let statuses = Signal::derive(|| {
        std::iter::once((String::new(), NOT_FILLED_LABEL.to_string()))
            .chain(FORMER_STATUSES.iter().map(|s| (s.key().to_string(), s.label().to_string())))
            .collect()
    });
    view! {
        <li class="row">
            <fieldset>
                <legend>{move || action.get()}</legend>
                <TextField label="Action" value=action on_input=row.write(|i, v| i.action = v)/>
                <SelectField label="Réalisé / non réalisé" options=statuses
                    value=row.read(|i| i.status.map(|s| s.key().to_string()).unwrap_or_default())
                    on_change=row.write(|i, v: String| i.status = ReviewStatus::from_key(&v))/>
                <TextField label="Ce qui a été fait" multiline=true value=row.read(|i| i.comment.clone())
                    on_input=row.write(|i, v| i.comment = v)/>
                <TextField label="Si non réalisé, pourquoi ?" multiline=true value=row.read(|i| i.reason.clone())
                    on_input=row.write(|i, v| i.reason = v)/>
                <TextField label="Actions prévues dans le prochain contrat" multiline=true value=row.read(|i| i.next_steps.clone())
                    on_input=row.write(|i, v| i.next_steps = v)/>
                <IssuesFor subject=Subject::FormerItem { sheet, id }/>
                <RemoveButton name=Signal::derive(move || format!("l’action « {} »", action.get()))
                    on_remove=move || row.remove_with_undo(format!("L’action « {} »", action.get_untracked()))/>
            </fieldset>
        </li>
    }
}
