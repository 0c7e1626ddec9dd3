//! "Undo" and "Redo" for every change to the file, each saying what it would undo or redo.
//! Unavailable, they stay in the tab order (`aria-disabled`), so the focus is not lost when the
//! last change is undone.

use yew::prelude::*;

use crate::editor::draft::{Action, Step};
use super::editor_root::Editor;

#[derive(Properties, PartialEq)]
pub struct HistoryButtonsProps {
    pub editor: Editor,
}

#[function_component]
pub fn HistoryButtons(props: &HistoryButtonsProps) -> Html {
    let button = |label: &'static str, next: Option<&Step>, action: Action, keys: &'static str| {
        let editor = props.editor.clone();
        let available = next.is_some();
        let onclick = Callback::from(move |_: MouseEvent| {
            if available {
                editor.dispatch(action.clone());
            }
        });
        let title = next.map_or_else(|| format!("Nothing to {}", label.to_lowercase()), |s| format!("{label}: {} ({keys})", s.what));
        html! {
            <button type="button" class="ed-button ed-secondary" aria-disabled={(!available).to_string()}
                    aria-keyshortcuts={keys} {title} {onclick}>{ label }</button>
        }
    };
    html! {
        <>
            { button("Undo", props.editor.past.last(), Action::Undo, "Control+Z") }
            { button("Redo", props.editor.future.last(), Action::Redo, "Control+Shift+Z Control+Y") }
        </>
    }
}
