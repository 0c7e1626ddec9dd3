//! The file's parties: each can be edited (name, short name, aliases, id: its claims follow) or deleted.
//! Deleting a party that claims are about asks first, naming those claims, and takes them too;
//! Undo brings them back.

use yew::prelude::*;

use crate::editor::draft::Action;
use super::editor_root::Editor;
use super::entity_list::{Entry, EntityList, Kind, Shown};
use super::party_form::PartyForm;

const PARTIES: Kind = Kind {
    one: "party",
    array: "parties",
    heading: "Parties",
    entry_attribute: "data-party",
    edit_attribute: "data-edit-party",
    delete_attribute: "data-delete-party",
    first_field: "#ed-edit-party-name",
};

#[derive(Properties, PartialEq)]
pub struct PartyListProps {
    pub editor: Editor,
}

#[function_component]
pub fn PartyList(props: &PartyListProps) -> Html {
    let editor = &props.editor;
    let entries = editor.parties().iter().map(|party| Entry {
        id: party.id.clone(),
        name: Shown { field: "name", text: party.name.clone() },
        aside: party.short_name.as_ref().map(|short| Shown { field: "short_name", text: format!(" ({short})") }),
        more: (!party.aliases.is_empty()).then(|| Shown { field: "aliases", text: format!("also: {}", party.aliases.join(", ")) }),
        claims: editor.claims_of_party(&party.id),
    });
    let edit_form = {
        let editor = editor.clone();
        Callback::from(move |(index, on_done): (usize, Callback<()>)| {
            let party = editor.parties().get(index).cloned();
            party.map(|party| html! { <PartyForm editor={editor.clone()} {party} {on_done} /> }).unwrap_or_default()
        })
    };
    let on_delete = editor.dispatcher().to_callback().reform(Action::RemoveParty);
    html! { <EntityList kind={PARTIES} entries={entries.collect::<Vec<_>>()} {edit_form} {on_delete} /> }
}
