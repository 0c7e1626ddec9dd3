//! Adds a party on the way, from the claim form: its name, a short name for the table, the other
//! names the article uses for it, and an id (made from the name unless one is typed).

use yew::prelude::*;

use crate::editor::draft::{aliases_of, new_id, Action};
use super::editor_root::Editor;
use super::text_setter;
use crate::model::Party;

#[derive(Properties, PartialEq)]
pub struct NewPartyProps {
    pub editor: Editor,
    /// Told the new party's id once it is added.
    pub on_added: Callback<String>,
}

#[function_component]
pub fn NewParty(props: &NewPartyProps) -> Html {
    let name = use_state(String::new);
    let short = use_state(String::new);
    let aliases = use_state(String::new);
    let id = use_state(String::new);
    let problem = use_state(|| None::<String>);
    let add = {
        let (name, short, aliases, id, problem) = (name.clone(), short.clone(), aliases.clone(), id.clone(), problem.clone());
        let (editor, on_added) = (props.editor.clone(), props.on_added.clone());
        Callback::from(move |_: MouseEvent| {
            let full = name.trim().to_string();
            if full.is_empty() {
                problem.set(Some("Give the party's name.".into()));
                return;
            }
            match new_id(&id, &full, |taken| editor.parties().iter().any(|p| p.id == taken)) {
                Ok(new) => {
                    let short_name = Some(short.trim().to_string()).filter(|s| !s.is_empty());
                    editor.dispatch(Action::AddParty(Party { id: new.clone(), name: full, short_name, aliases: aliases_of(&aliases) }));
                    on_added.emit(new);
                }
                Err(why) => problem.set(Some(why)),
            }
        })
    };
    html! {
        <fieldset class="ed-new">
            <legend>{ "New party" }</legend>
            <div class="ed-row">
                <div>
                    <label for="ed-party-name">{ "Name" }</label>
                    <input id="ed-party-name" type="text" placeholder="United States" value={(*name).clone()} oninput={text_setter(&name)} />
                </div>
                <div>
                    <label for="ed-party-short">{ "Short name " }<span class="ed-optional">{ "(optional)" }</span></label>
                    <input id="ed-party-short" type="text" placeholder="US" value={(*short).clone()} oninput={text_setter(&short)} />
                </div>
                <div>
                    <label for="ed-party-id">{ "Id " }<span class="ed-optional">{ "(optional)" }</span></label>
                    <input id="ed-party-id" type="text" placeholder="made from the name" value={(*id).clone()} oninput={text_setter(&id)} />
                </div>
            </div>
            <label for="ed-party-aliases">{ "Aliases " }<span class="ed-optional">{ "(optional)" }</span></label>
            <textarea id="ed-party-aliases" rows="2" aria-describedby="ed-party-aliases-hint" value={(*aliases).clone()} oninput={text_setter(&aliases)} />
            <p class="ed-hint" id="ed-party-aliases-hint">{ "Other names the article uses for the party, one a line: “Moscow”, “the Kremlin”." }</p>
            if let Some(why) = &*problem {
                <p class="ed-problem" role="alert">{ why.clone() }</p>
            }
            <button type="button" class="ed-button ed-secondary" onclick={add}>{ "Add party" }</button>
        </fieldset>
    }
}
