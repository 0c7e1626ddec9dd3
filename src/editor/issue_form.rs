//! Edits an issue: its label and the one line that says what a "for" stance wants. Its id stays,
//! since claims refer to it.

use yew::prelude::*;

use super::draft::Action;
use super::editor_root::Editor;
use super::value_of;
use crate::model::Issue;

#[derive(Properties, PartialEq)]
pub struct IssueFormProps {
    pub editor: Editor,
    pub issue: Issue,
    /// Told when the form is done with, saved or not.
    pub on_done: Callback<()>,
}

#[function_component]
pub fn IssueForm(props: &IssueFormProps) -> Html {
    let issue = &props.issue;
    let label = use_state(|| issue.label.clone());
    let description = use_state(|| issue.description.clone());
    let problem = use_state(|| None::<String>);
    let set = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |e: InputEvent| state.set(value_of(&e)))
    };
    let onsubmit = {
        let (label, description, problem) = (label.clone(), description.clone(), problem.clone());
        let (editor, on_done, id) = (props.editor.clone(), props.on_done.clone(), issue.id.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (label, description) = (label.trim().to_string(), description.trim().to_string());
            if label.is_empty() || description.is_empty() {
                problem.set(Some("Give the issue's label and description.".into()));
                return;
            }
            editor.dispatch(Action::EditIssue(Issue { id: id.clone(), label, description }));
            on_done.emit(());
        })
    };
    let cancel = props.on_done.reform(|_: MouseEvent| ());
    let id = &issue.id;
    html! {
        <form class="ed-new ed-edit" aria-labelledby="ed-edit-issue-title" {onsubmit}>
            <h3 id="ed-edit-issue-title" class="ed-edit-title" tabindex="-1">{ format!("Edit issue {}", issue.label) }</h3>
            <p class="ed-hint">{ format!("Its id, {id}, stays: claims refer to it.") }</p>
            <label for="ed-edit-issue-label">{ "Label" }</label>
            <input id="ed-edit-issue-label" type="text" value={(*label).clone()} oninput={set(&label)} />
            <label for="ed-edit-issue-description">{ "Description" }</label>
            <input id="ed-edit-issue-description" type="text" aria-describedby="ed-edit-issue-description-hint"
                   value={(*description).clone()} oninput={set(&description)} />
            <p class="ed-hint" id="ed-edit-issue-description-hint">{ "What a “for” stance wants, as one line." }</p>
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
