//! Edits a party: its name, the short name for the table, and its aliases (the other names the
//! text uses, one a line). Its id stays, since claims refer to it.

use yew::prelude::*;

use super::draft::{aliases_of, Action};
use super::editor_root::Editor;
use super::value_of;
use crate::model::Party;

#[derive(Properties, PartialEq)]
pub struct PartyFormProps {
    pub editor: Editor,
    pub party: Party,
    /// Told when the form is done with, saved or not.
    pub on_done: Callback<()>,
}

#[function_component]
pub fn PartyForm(props: &PartyFormProps) -> Html {
    let party = &props.party;
    let name = use_state(|| party.name.clone());
    let short = use_state(|| party.short_name.clone().unwrap_or_default());
    let aliases = use_state(|| party.aliases.join("\n"));
    let problem = use_state(|| None::<String>);
    let set = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |e: InputEvent| state.set(value_of(&e)))
    };
    let onsubmit = {
        let (name, short, aliases, problem) = (name.clone(), short.clone(), aliases.clone(), problem.clone());
        let (editor, on_done, id) = (props.editor.clone(), props.on_done.clone(), party.id.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if name.trim().is_empty() {
                problem.set(Some("Give the party's name.".into()));
                return;
            }
            let short_name = Some(short.trim().to_string()).filter(|s| !s.is_empty());
            let party = Party { id: id.clone(), name: name.trim().to_string(), short_name, aliases: aliases_of(&aliases) };
            editor.dispatch(Action::EditParty(party));
            on_done.emit(());
        })
    };
    let cancel = props.on_done.reform(|_: MouseEvent| ());
    let id = &party.id;
    html! {
        <form class="ed-new ed-edit" aria-labelledby="ed-edit-party-title" {onsubmit}>
            <h3 id="ed-edit-party-title" class="ed-edit-title" tabindex="-1">{ format!("Edit party {}", party.name) }</h3>
            <p class="ed-hint">{ format!("Its id, {id}, stays: claims refer to it.") }</p>
            <div class="ed-row">
                <div>
                    <label for="ed-edit-party-name">{ "Name" }</label>
                    <input id="ed-edit-party-name" type="text" value={(*name).clone()} oninput={set(&name)} />
                </div>
                <div>
                    <label for="ed-edit-party-short">{ "Short name " }<span class="ed-optional">{ "(optional)" }</span></label>
                    <input id="ed-edit-party-short" type="text" value={(*short).clone()} oninput={set(&short)} />
                </div>
            </div>
            <label for="ed-edit-party-aliases">{ "Aliases " }<span class="ed-optional">{ "(optional)" }</span></label>
            <textarea id="ed-edit-party-aliases" rows="3" aria-describedby="ed-edit-party-aliases-hint" value={(*aliases).clone()} oninput={set(&aliases)} />
            <p class="ed-hint" id="ed-edit-party-aliases-hint">{ "Other names the article uses for the party, one a line: “Moscow”, “the Kremlin”." }</p>
            if let Some(why) = &*problem {
                <p class="ed-problem" role="alert">{ why.clone() }</p>
            }
            <div class="ed-actions">
                <button type="submit" class="ed-button">{ "Save changes" }</button>
                <button type="button" class="ed-button ed-secondary" onclick={cancel}>{ "Cancel" }</button>
            </div>
        </form>
    }
}
