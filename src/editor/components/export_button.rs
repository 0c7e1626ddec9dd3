//! Exports the claims file: a download of the file as checked, named after the headline. A file
//! with errors is not offered; the check says what to fix.

use std::rc::Rc;

use yew::prelude::*;

use super::dom;
use crate::editor::draft::slug;

#[derive(Properties, PartialEq)]
pub struct ExportButtonProps {
    pub file: Rc<str>,
    pub errors: usize,
    pub headline: AttrValue,
}

#[function_component]
pub fn ExportButton(props: &ExportButtonProps) -> Html {
    let problem = use_state(|| None::<String>);
    let name = format!("{}.json", slug(&props.headline));
    let onclick = {
        let (file, name, problem) = (props.file.clone(), name.clone(), problem.clone());
        Callback::from(move |_: MouseEvent| problem.set(dom::download(&name, "application/json", &file).err()))
    };
    let blocked = props.errors > 0;
    html! {
        <>
            <button type="button" class="ed-button" {onclick} disabled={blocked} aria-describedby="ed-export-note">
                { "Export claims file" }
            </button>
            <span id="ed-export-note" class="ed-export-note">
                { match (&*problem, blocked) {
                    (Some(why), _) => why.clone(),
                    (None, true) => "Fix the errors the check lists to export.".to_string(),
                    (None, false) => name,
                } }
            </span>
        </>
    }
}
