//! On opening the editor, the work saved in this browser on an earlier visit: what it is and from
//! when, with "Restore it" and "Discard". Starting another article or opening a file instead
//! replaces it (the next save writes over it).

use yew::prelude::*;

use crate::editor::autosave;
use super::dom;
use crate::editor::draft::Action;
use super::editor_root::Editor;

#[derive(Properties, PartialEq)]
pub struct RestoreOfferProps {
    pub editor: Editor,
}

#[function_component]
pub fn RestoreOffer(props: &RestoreOfferProps) -> Html {
    let Some(offered) = &props.editor.offered else { return Html::default() };
    let restore = {
        let editor = props.editor.clone();
        Callback::from(move |_: MouseEvent| {
            editor.dispatch(Action::Restore);
            dom::focus_soon("#ed-source-title");
        })
    };
    let discard = {
        let editor = props.editor.clone();
        Callback::from(move |_: MouseEvent| {
            let gone = autosave::browser::discard().map_err(|name| autosave::not_saving(&name));
            editor.dispatch(Action::DiscardDraft);
            if gone.is_err() {
                editor.dispatch(Action::Saved(gone));
            }
            dom::focus_soon("#ed-headline");
        })
    };
    let claims = offered.doc.claims.len();
    html! {
        <section class="ed-offer" aria-labelledby="ed-offer-title">
            <h2 id="ed-offer-title">{ format!("Restore your unsaved work from {}?", offered.when) }</h2>
            <p>
                { format!("“{}”, with {}. ", offered.doc.article.headline, if claims == 1 { "1 claim".to_string() } else { format!("{claims} claims") }) }
                { "Starting another article or opening a file instead replaces it." }
            </p>
            <div class="ed-actions">
                <button type="button" class="ed-button" onclick={restore}>{ "Restore it" }</button>
                <button type="button" class="ed-button ed-secondary" onclick={discard}>{ "Discard" }</button>
            </div>
        </section>
    }
}
