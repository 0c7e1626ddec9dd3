//! What the editor must say about the browser's storage: that the work is not being saved (and to
//! export it), and a saved draft that could not be read back, with its text to save so nothing
//! is lost unseen.

use yew::prelude::*;

use super::dom;
use crate::editor::draft::Action;
use super::editor_root::Editor;

#[derive(Properties, PartialEq)]
pub struct StorageNoticeProps {
    pub editor: Editor,
}

#[function_component]
pub fn StorageNotice(props: &StorageNoticeProps) -> Html {
    let editor = &props.editor;
    let problem = use_state(|| None::<String>);
    let unreadable = editor.unreadable_draft.as_ref().map(|(why, text)| {
        let save = {
            let (text, problem) = (text.clone(), problem.clone());
            Callback::from(move |_: MouseEvent| problem.set(dom::download("unreadable-draft.txt", "text/plain", &text).err()))
        };
        let dismiss = {
            let editor = editor.clone();
            Callback::from(move |_: MouseEvent| editor.dispatch(Action::DismissDraft))
        };
        html! {
            <div class="ed-storage ed-unreadable" role="alert">
                <p>{ why.clone() }</p>
                if let Some(why) = &*problem {
                    <p class="ed-problem">{ why.clone() }</p>
                }
                <div class="ed-actions">
                    <button type="button" class="ed-button ed-secondary" onclick={save}>{ "Save its text" }</button>
                    <button type="button" class="ed-button ed-secondary" onclick={dismiss}>{ "Dismiss" }</button>
                </div>
            </div>
        }
    });
    html! {
        <>
            // An alert region that is always there, so that the warning is read out when it comes.
            <div class="ed-storage-warning" role="alert">
                if let Some(warning) = &editor.storage_warning {
                    <p class="ed-storage">{ warning.clone() }</p>
                }
            </div>
            { for unreadable }
        </>
    }
}
