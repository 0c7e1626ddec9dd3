//! The claims so far, in file order: who, on what, which stance, on which words; each can be
//! edited (the claim form opens under its words) or removed (and brought back with Undo).

use yew::prelude::*;

use super::dom;
use crate::editor::draft::Action;
use super::editor_root::Editor;

#[derive(Properties, PartialEq)]
pub struct ClaimListProps {
    pub editor: Editor,
}

#[function_component]
pub fn ClaimList(props: &ClaimListProps) -> Html {
    let Some(doc) = &props.editor.doc else { return Html::default() };
    let name_of = |id: &str| doc.parties.iter().find(|p| p.id == id).map_or(id.to_string(), |p| p.short().to_string());
    let label_of = |id: &str| doc.issues.iter().find(|i| i.id == id).map_or(id.to_string(), |i| i.label.clone());
    let items = doc.claims.iter().enumerate().map(|(i, claim)| {
        let remove = {
            let editor = props.editor.clone();
            Callback::from(move |_: MouseEvent| editor.dispatch(Action::RemoveClaim(i)))
        };
        let edit = {
            let (editor, id) = (props.editor.clone(), claim.id.clone());
            Callback::from(move |_: MouseEvent| {
                editor.dispatch(Action::StartEdit(id.clone()));
                // The form opens under the claim's words, up the page: its title takes the focus.
                dom::focus_soon("#ed-claim-form-title");
            })
        };
        let editing = props.editor.editing.as_deref() == Some(claim.id.as_str());
        html! {
            <li class={if editing { "ed-claim is-editing" } else { "ed-claim" }} data-claim={claim.id.clone()}>
                <span class="ed-claim-head">
                    { format!("{} {} on {}", name_of(&claim.party), claim.stance.word(), label_of(&claim.issue)) }
                </span>
                <span class="ed-claim-quote">{ format!("“{}”", claim.quote.exact) }</span>
                <button type="button" class="ed-link" aria-label={format!("Edit claim {}", claim.id)} data-edit-claim={claim.id.clone()}
                        onclick={edit}>{ "Edit" }</button>
                <button type="button" class="ed-link" aria-label={format!("Remove claim {}", claim.id)} onclick={remove}>{ "Remove" }</button>
            </li>
        }
    });
    html! {
        <section class="ed-claims" aria-labelledby="ed-claims-title">
            <h2 id="ed-claims-title" tabindex="-1">{ format!("Claims ({})", doc.claims.len()) }</h2>
            if doc.claims.is_empty() {
                <p class="ed-hint">{ "None yet." }</p>
            } else {
                <ol>{ for items }</ol>
            }
        </section>
    }
}
