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
    let items = issues.iter().enumerate().map(|(i, issue)| {
        // Marked with its JSON path, so that a problem the check finds with it leads here.
        let at = |field: &str| format!("issues[{i}].{field}");
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
        html! {
            <li class="ed-issue" data-issue={id.clone()} data-target={format!("issues[{i}]")}>
                <span class="ed-entry-name" data-target={at("label")}>{ issue.label.clone() }</span>
                <span class="ed-entry-id" data-target={at("id")}>{ format!(" id {id}") }</span>
                <span class="ed-entry-uses">{ format!(" · {}", if uses == 1 { "1 claim".to_string() } else { format!("{uses} claims") }) }</span>
                <span class="ed-entry-more" data-target={at("description")}>{ issue.description.clone() }</span>
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
        <section class="ed-entities" aria-labelledby="ed-issues-title" data-target="issues">
            <h2 id="ed-issues-title" tabindex="-1">{ format!("Issues ({})", issues.len()) }</h2>
            if issues.is_empty() {
                <p class="ed-hint">{ "None yet: add one from a claim's form." }</p>
            } else {
                <ol>{ for items }</ol>
            }
            { for dialog }
        </section>
    }
}
