//! Adds an issue on the way, from the claim form: its label, the one line that says what a "for"
//! stance wants, and an id (made from the label unless one is typed).

use yew::prelude::*;

use crate::editor::draft::{new_id, Action};
use super::editor_root::Editor;
use super::text_setter;
use crate::model::Issue;

#[derive(Properties, PartialEq)]
pub struct NewIssueProps {
    pub editor: Editor,
    /// Told the new issue's id once it is added.
    pub on_added: Callback<String>,
}

#[function_component]
pub fn NewIssue(props: &NewIssueProps) -> Html {
    let label = use_state(String::new);
    let description = use_state(String::new);
    let id = use_state(String::new);
    let problem = use_state(|| None::<String>);
    let add = {
        let (label, description, id, problem) = (label.clone(), description.clone(), id.clone(), problem.clone());
        let (editor, on_added) = (props.editor.clone(), props.on_added.clone());
        Callback::from(move |_: MouseEvent| {
            let (name, what) = (label.trim().to_string(), description.trim().to_string());
            if name.is_empty() || what.is_empty() {
                problem.set(Some("Give the issue's label and description.".into()));
                return;
            }
            match new_id(&id, &name, |taken| editor.issues().iter().any(|i| i.id == taken)) {
                Ok(new) => {
                    editor.dispatch(Action::AddIssue(Issue { id: new.clone(), label: name, description: what }));
                    on_added.emit(new);
                }
                Err(why) => problem.set(Some(why)),
            }
        })
    };
    html! {
        <fieldset class="ed-new">
            <legend>{ "New issue" }</legend>
            <div class="ed-row">
                <div>
                    <label for="ed-issue-label">{ "Label" }</label>
                    <input id="ed-issue-label" type="text" placeholder="Security guarantees" value={(*label).clone()} oninput={text_setter(&label)} />
                </div>
                <div>
                    <label for="ed-issue-id">{ "Id " }<span class="ed-optional">{ "(optional)" }</span></label>
                    <input id="ed-issue-id" type="text" placeholder="made from the label" value={(*id).clone()} oninput={text_setter(&id)} />
                </div>
            </div>
            <label for="ed-issue-description">{ "Description" }</label>
            <input id="ed-issue-description" type="text" aria-describedby="ed-issue-description-hint"
                   value={(*description).clone()} oninput={text_setter(&description)} />
            <p class="ed-hint" id="ed-issue-description-hint">{ "What a “for” stance wants, as one line: “Outside powers guarantee Ukraine's security.”" }</p>
            if let Some(why) = &*problem {
                <p class="ed-problem" role="alert">{ why.clone() }</p>
            }
            <button type="button" class="ed-button ed-secondary" onclick={add}>{ "Add issue" }</button>
        </fieldset>
    }
}
