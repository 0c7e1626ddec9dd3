//! Edits an issue: its label, the one line that says what a "for" stance wants, and its id, which
//! the claims on it follow.

use yew::prelude::*;

use crate::editor::draft::{renamed_id, Action};
use super::edit_form::EditForm;
use super::editor_root::Editor;
use super::text_setter;
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
    let on_save = {
        let (label, description) = (label.clone(), description.clone());
        let (editor, was) = (props.editor.clone(), issue.id.clone());
        Callback::from(move |id: String| {
            let (label, description) = (label.trim().to_string(), description.trim().to_string());
            if label.is_empty() || description.is_empty() {
                return Err("Give the issue's label and description.".to_string());
            }
            let id = renamed_id(&id, &was, |taken| editor.issues().iter().any(|i| i.id == taken))?;
            editor.dispatch(Action::EditIssue { was: was.clone(), issue: Issue { id, label, description } });
            Ok(())
        })
    };
    html! {
        <EditForm kind="issue" name={issue.label.clone()} id={issue.id.clone()} {on_save} on_done={props.on_done.clone()}>
            <label for="ed-edit-issue-label">{ "Label" }</label>
            <input id="ed-edit-issue-label" type="text" value={(*label).clone()} oninput={text_setter(&label)} />
            <label for="ed-edit-issue-description">{ "Description" }</label>
            <input id="ed-edit-issue-description" type="text" aria-describedby="ed-edit-issue-description-hint"
                   value={(*description).clone()} oninput={text_setter(&description)} />
            <p class="ed-hint" id="ed-edit-issue-description-hint">{ "What a “for” stance wants, as one line." }</p>
        </EditForm>
    }
}
