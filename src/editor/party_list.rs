//! The file's parties: each can be edited (name, short name, aliases; the id stays) or deleted.
//! Deleting a party that claims are about asks first, naming those claims, and takes them too;
//! Undo brings them back.

use yew::prelude::*;

use super::confirm_dialog::ConfirmDialog;
use super::dom;
use super::draft::{deletion_question, Action};
use super::editor_root::Editor;
use super::party_form::PartyForm;

#[derive(Properties, PartialEq)]
pub struct PartyListProps {
    pub editor: Editor,
}

#[function_component]
pub fn PartyList(props: &PartyListProps) -> Html {
    let editing = use_state(|| None::<String>);
    let asking = use_state(|| None::<String>);
    let editor = &props.editor;
    let parties = editor.parties();
    let items = parties.iter().enumerate().map(|(i, party)| {
        // Marked with its JSON path, so that a problem the check finds with it leads here.
        let at = |field: &str| format!("parties[{i}].{field}");
        let id = party.id.clone();
        let uses = editor.claims_of_party(&id).len();
        let edit = {
            let (editing, id) = (editing.clone(), id.clone());
            Callback::from(move |_: MouseEvent| {
                editing.set(Some(id.clone()));
                dom::focus_soon("#ed-edit-party-name");
            })
        };
        let delete = {
            let (editor, asking, id) = (editor.clone(), asking.clone(), id.clone());
            Callback::from(move |_: MouseEvent| {
                if editor.claims_of_party(&id).is_empty() {
                    editor.dispatch(Action::RemoveParty(id.clone()));
                    dom::focus_soon("#ed-parties-title");
                } else {
                    asking.set(Some(id.clone()));
                }
            })
        };
        let done = {
            let (editing, id) = (editing.clone(), id.clone());
            Callback::from(move |()| {
                editing.set(None);
                dom::focus_soon(format!("button[data-edit-party=\"{id}\"]"));
            })
        };
        html! {
            <li class="ed-party" data-party={id.clone()} data-target={format!("parties[{i}]")}>
                <span class="ed-entry-name" data-target={at("name")}>{ party.name.clone() }</span>
                if let Some(short) = &party.short_name {
                    <span data-target={at("short_name")}>{ format!(" ({short})") }</span>
                }
                <span class="ed-entry-id" data-target={at("id")}>{ format!(" id {id}") }</span>
                <span class="ed-entry-uses">{ format!(" · {}", if uses == 1 { "1 claim".to_string() } else { format!("{uses} claims") }) }</span>
                if !party.aliases.is_empty() {
                    <span class="ed-entry-more" data-target={at("aliases")}>{ format!("also: {}", party.aliases.join(", ")) }</span>
                }
                <button type="button" class="ed-link" data-edit-party={id.clone()} aria-label={format!("Edit party {}", party.name)}
                        aria-expanded={(editing.as_deref() == Some(id.as_str())).to_string()} onclick={edit}>{ "Edit" }</button>
                <button type="button" class="ed-link" data-delete-party={id.clone()} aria-label={format!("Delete party {}", party.name)}
                        onclick={delete}>{ "Delete" }</button>
                if editing.as_deref() == Some(id.as_str()) {
                    <PartyForm editor={editor.clone()} party={party.clone()} on_done={done} />
                }
            </li>
        }
    });
    let dialog = asking.as_ref().and_then(|id| {
        let party = parties.iter().find(|p| &p.id == id)?;
        let question = deletion_question("party", &party.name, &editor.claims_of_party(id))?;
        let on_confirm = {
            let (editor, asking, id) = (editor.clone(), asking.clone(), id.clone());
            Callback::from(move |()| {
                editor.dispatch(Action::RemoveParty(id.clone()));
                asking.set(None);
                dom::focus_soon("#ed-parties-title");
            })
        };
        let on_cancel = {
            let (asking, id) = (asking.clone(), id.clone());
            Callback::from(move |()| {
                asking.set(None);
                dom::focus_soon(format!("button[data-delete-party=\"{id}\"]"));
            })
        };
        Some(html! {
            <ConfirmDialog title={format!("Delete the party {}?", party.name)} {question}
                           confirm="Delete party and claims" {on_confirm} {on_cancel} />
        })
    });
    html! {
        <section class="ed-entities" aria-labelledby="ed-parties-title" data-target="parties">
            <h2 id="ed-parties-title" tabindex="-1">{ format!("Parties ({})", parties.len()) }</h2>
            if parties.is_empty() {
                <p class="ed-hint">{ "None yet: add one from a claim's form." }</p>
            } else {
                <ol>{ for items }</ol>
            }
            { for dialog }
        </section>
    }
}
