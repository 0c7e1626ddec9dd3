//! Edits a party: its name, the short name for the table, its aliases (the other names the
//! text uses, one a line) and its id, which the claims about it follow.

use yew::prelude::*;

use crate::editor::draft::{aliases_of, renamed_id, Action};
use super::edit_form::EditForm;
use super::editor_root::Editor;
use super::text_setter;
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
    let on_save = {
        let (name, short, aliases) = (name.clone(), short.clone(), aliases.clone());
        let (editor, was) = (props.editor.clone(), party.id.clone());
        Callback::from(move |id: String| {
            if name.trim().is_empty() {
                return Err("Give the party's name.".to_string());
            }
            let short_name = Some(short.trim().to_string()).filter(|s| !s.is_empty());
            let id = renamed_id(&id, &was, |taken| editor.parties().iter().any(|p| p.id == taken))?;
            let party = Party { id, name: name.trim().to_string(), short_name, aliases: aliases_of(&aliases) };
            editor.dispatch(Action::EditParty { was: was.clone(), party });
            Ok(())
        })
    };
    html! {
        <EditForm kind="party" name={party.name.clone()} id={party.id.clone()} {on_save} on_done={props.on_done.clone()}>
            <div class="ed-row">
                <div>
                    <label for="ed-edit-party-name">{ "Name" }</label>
                    <input id="ed-edit-party-name" type="text" value={(*name).clone()} oninput={text_setter(&name)} />
                </div>
                <div>
                    <label for="ed-edit-party-short">{ "Short name " }<span class="ed-optional">{ "(optional)" }</span></label>
                    <input id="ed-edit-party-short" type="text" value={(*short).clone()} oninput={text_setter(&short)} />
                </div>
            </div>
            <label for="ed-edit-party-aliases">{ "Aliases " }<span class="ed-optional">{ "(optional)" }</span></label>
            <textarea id="ed-edit-party-aliases" rows="3" aria-describedby="ed-edit-party-aliases-hint" value={(*aliases).clone()} oninput={text_setter(&aliases)} />
            <p class="ed-hint" id="ed-edit-party-aliases-hint">{ "Other names the article uses for the party, one a line: “Moscow”, “the Kremlin”." }</p>
        </EditForm>
    }
}
