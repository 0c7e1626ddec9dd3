//! The file's issues: each can be edited (label, description, id: its claims follow) or deleted.
//! Deleting an issue that claims are on asks first, naming those claims, and takes them too;
//! Undo brings them back.

use yew::prelude::*;

use crate::editor::draft::Action;
use super::editor_root::Editor;
use super::entity_list::{Entry, EntityList, Kind, Shown};
use super::issue_form::IssueForm;

const ISSUES: Kind = Kind {
    one: "issue",
    array: "issues",
    heading: "Issues",
    entry_attribute: "data-issue",
    edit_attribute: "data-edit-issue",
    delete_attribute: "data-delete-issue",
    first_field: "#ed-edit-issue-label",
};

#[derive(Properties, PartialEq)]
pub struct IssueListProps {
    pub editor: Editor,
}

#[function_component]
pub fn IssueList(props: &IssueListProps) -> Html {
    let editor = &props.editor;
    let entries = editor.issues().iter().map(|issue| Entry {
        id: issue.id.clone(),
        name: Shown { field: "label", text: issue.label.clone() },
        aside: None,
        more: Some(Shown { field: "description", text: issue.description.clone() }),
        claims: editor.claims_on_issue(&issue.id),
    });
    let edit_form = {
        let editor = editor.clone();
        Callback::from(move |(index, on_done): (usize, Callback<()>)| {
            let issue = editor.issues().get(index).cloned();
            issue.map(|issue| html! { <IssueForm editor={editor.clone()} {issue} {on_done} /> }).unwrap_or_default()
        })
    };
    let on_delete = editor.dispatcher().to_callback().reform(Action::RemoveIssue);
    html! { <EntityList kind={ISSUES} entries={entries.collect::<Vec<_>>()} {edit_form} {on_delete} /> }
}
