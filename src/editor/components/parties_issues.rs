//! The file's parties and issues as they stand, each marked with its JSON path (`data-target`),
//! so that a problem the check finds with one leads to it; each can be edited or deleted there
//! ([`PartyList`], [`IssueList`]).

use yew::prelude::*;

use super::editor_root::Editor;
use super::issue_list::IssueList;
use super::party_list::PartyList;

#[derive(Properties, PartialEq)]
pub struct PartiesIssuesProps {
    pub editor: Editor,
}

#[function_component]
pub fn PartiesIssues(props: &PartiesIssuesProps) -> Html {
    if props.editor.doc.is_none() {
        return Html::default();
    }
    html! {
        <div class="ed-entries">
            <PartyList editor={props.editor.clone()} />
            <IssueList editor={props.editor.clone()} />
        </div>
    }
}
