//! The file's issues: each can be edited (label, description; the id stays) or deleted.
//! Deleting an issue that claims are on asks first, naming those claims, and takes them too;
//! Undo brings them back.

use yew::prelude::*;

use super::confirm_dialog::ConfirmDialog;
use super::dom;
use super::draft::{deletion_question, Action};
use super::editor_root::Editor;
use super::issue_form::IssueForm;

#[derive(Properties, PartialEq)]
pub struct IssueListProps {
    pub editor: Editor,
}

#[function_component]
pub fn IssueList(props: &IssueListProps) -> Html {
    let editing = use_state(|| None::<String>);
    let asking = use_state(|| None::<String>);
    let editor = &props.editor;
    let issues = editor.issues();
    let items = issues.iter().map(|issue| {
        let id = issue.id.clone();
        let uses = editor.claims_on_issue(&id).len();
        let edit = {
            let (editing, id) = (editing.clone(), id.clone());
            Callback::from(move |_: MouseEvent| {
                editing.set(Some(id.clone()));
                dom::focus_soon("#ed-edit-issue-label");
            })
        };
        let delete = {
            let (editor, asking, id) = (editor.clone(), asking.clone(), id.clone());
            Callback::from(move |_: MouseEvent| {
                if editor.claims_on_issue(&id).is_empty() {
                    editor.dispatch(Action::RemoveIssue(id.clone()));
                    dom::focus_soon("#ed-issues-title");
                } else {
                    asking.set(Some(id.clone()));
                }
            })
        };
        let done = {
            let (editing, id) = (editing.clone(), id.clone());
            Callback::from(move |()| {
                editing.set(None);
                dom::focus_soon(format!("button[data-edit-issue=\"{id}\"]"));
            })
        };
        let head = issue.label.clone();
        html! {
            <li class="ed-entity" data-issue={id.clone()}>
                <span class="ed-entity-head">{ head }</span>
                <span class="ed-entity-detail">
                    { format!("id {id} · {}", if uses == 1 { "1 claim".to_string() } else { format!("{uses} claims") }) }
                    { format!(" · {}", issue.description) }
                </span>
                <button type="button" class="ed-link" data-edit-issue={id.clone()} aria-label={format!("Edit issue {}", issue.label)}
                        aria-expanded={(editing.as_deref() == Some(id.as_str())).to_string()} onclick={edit}>{ "Edit" }</button>
                <button type="button" class="ed-link" data-delete-issue={id.clone()} aria-label={format!("Delete issue {}", issue.label)}
                        onclick={delete}>{ "Delete" }</button>
                if editing.as_deref() == Some(id.as_str()) {
                    <IssueForm editor={editor.clone()} issue={issue.clone()} on_done={done} />
                }
            </li>
        }
    });
    let dialog = asking.as_ref().and_then(|id| {
        let issue = issues.iter().find(|i| &i.id == id)?;
        let question = deletion_question("issue", &issue.label, &editor.claims_on_issue(id))?;
        let on_confirm = {
            let (editor, asking, id) = (editor.clone(), asking.clone(), id.clone());
            Callback::from(move |()| {
                editor.dispatch(Action::RemoveIssue(id.clone()));
                asking.set(None);
                dom::focus_soon("#ed-issues-title");
            })
        };
        let on_cancel = {
            let (asking, id) = (asking.clone(), id.clone());
            Callback::from(move |()| {
                asking.set(None);
                dom::focus_soon(format!("button[data-delete-issue=\"{id}\"]"));
            })
        };
        Some(html! {
            <ConfirmDialog title={format!("Delete the issue {}?", issue.label)} {question}
                           confirm="Delete issue and claims" {on_confirm} {on_cancel} />
        })
    });
    html! {
        <section class="ed-entities" aria-labelledby="ed-issues-title">
            <h2 id="ed-issues-title" tabindex="-1">{ format!("Issues ({})", issues.len()) }</h2>
            if issues.is_empty() {
                <p class="ed-hint">{ "None yet: add one from the claim form." }</p>
            } else {
                <ul>{ for items }</ul>
            }
            { for dialog }
        </section>
    }
}
