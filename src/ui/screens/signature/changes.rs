//! A list of changes between two versions (`versions::amendment_changes`), one part per item
//! with its heading (« Fiche action n°3 — Atelier cuisine : modifiée ») and a table Champ /
//! Avant / Après whose row headers are the fields, so a screen reader says which field a value
//! belongs to.

use crate::ui::widgets::table_scroll::TableScroll;
use crate::versions::amendment_changes::{Change, ChangeGroup};
use leptos::prelude::*;

/// The changes in `groups`, each item under a heading of `level` (3 or 5); `empty` is said
/// when there are none.
#[component]
pub fn ChangeList(
    #[prop(into)] groups: Signal<Vec<ChangeGroup>>,
    level: u8,
    #[prop(into)] empty: Signal<String>,
) -> impl IntoView {
    move || {
        let groups = groups.get();
        if groups.is_empty() {
            return view! { <p class="muted">{empty.get()}</p> }.into_any();
        }
        groups.into_iter().map(|group| view! { <GroupView group level/> }).collect_view().into_any()
    }
}

#[component]
fn GroupView(group: ChangeGroup, level: u8) -> impl IntoView {
    let title = format!("{} : {}", group.title, group.change.label(group.kind));
    let heading = match level {
        3 => view! { <h3>{title.clone()}</h3> }.into_any(),
        _ => view! { <h5>{title.clone()}</h5> }.into_any(),
    };
    let body = match (group.change, group.fields.is_empty()) {
        (Change::Removed, _) => view! { <p>"Retiré de cette version."</p> }.into_any(),
        (_, true) => view! { <p>"Aucun champ renseigné."</p> }.into_any(),
        // A labelled region that takes the focus: on a phone the table scrolls inside it.
        (_, false) => view! {
            <TableScroll label=format!("Champs modifiés — {title}")>
                <table class="change-table">
                    <caption class="visually-hidden">{format!("Champs modifiés — {title}")}</caption>
                    <thead><tr>
                        <th scope="col">"Champ"</th><th scope="col">"Avant"</th><th scope="col">"Après"</th>
                    </tr></thead>
                    <tbody>
                        {group.fields.into_iter().map(|f| view! {
                            <tr><th scope="row">{f.field}</th><td>{f.mine}</td><td>{f.theirs}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </TableScroll>
        }
        .into_any(),
    };
    view! { <div class="change-group">{heading}{body}</div> }
}
