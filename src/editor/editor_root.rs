//! The editor's root: holds the state (a reducer over [`EditorState`]) and lays the page out —
//! the start form until there is an article, then the article to annotate beside the check and
//! the live preview.

use std::rc::Rc;

use yew::prelude::*;

use super::check_panel::CheckPanel;
use super::claim_list::ClaimList;
use super::draft::{Action, EditorState};
use super::export_button::ExportButton;
use super::preview::Preview;
use super::source_text::SourceText;
use super::start_panel::StartPanel;

impl Reducible for EditorState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

/// The editor's state handle, as the components receive it: they read it and dispatch to it.
pub type Editor = UseReducerHandle<EditorState>;

#[function_component]
pub fn EditorRoot() -> Html {
    let editor = use_reducer(EditorState::default);
    let start_over = {
        let editor = editor.clone();
        Callback::from(move |_: MouseEvent| {
            let sure = web_sys::window()
                .and_then(|w| w.confirm_with_message("Start over? The claims not exported are lost.").ok())
                .unwrap_or(false);
            if sure {
                editor.dispatch(Action::StartOver);
            }
        })
    };
    // Read by screen readers as it changes; empty when there is nothing to say.
    let notice = html! {
        <p class="ed-notice" role="status" aria-live="polite">
            { editor.notice.clone().unwrap_or_default() }
        </p>
    };
    let Some(doc) = &editor.doc else {
        return html! {
            <div class="ed">
                <header class="ed-bar"><h1>{ "Claims editor" }</h1></header>
                { notice }
                <StartPanel editor={editor.clone()} />
            </div>
        };
    };
    html! {
        <div class="ed" data-ready="true">
            <header class="ed-bar">
                <h1>{ "Claims editor" }</h1>
                <div class="ed-actions">
                    <ExportButton file={editor.file.clone()} errors={editor.check.errors} headline={AttrValue::from(doc.article.headline.clone())} />
                    <button type="button" class="ed-button ed-secondary" onclick={start_over}>{ "Start over" }</button>
                </div>
            </header>
            { notice }
            <div class="ed-columns">
                <section class="ed-source" aria-labelledby="ed-source-title">
                    <h2 id="ed-source-title">{ "Article" }</h2>
                    <p class="ed-hint">
                        { "Select the words that state a claim — with the mouse, or with the keyboard: Tab to a paragraph, then Shift and the arrow keys. A form opens under them." }
                    </p>
                    <SourceText editor={editor.clone()} />
                    <ClaimList editor={editor.clone()} />
                </section>
                <div class="ed-side">
                    <CheckPanel check={editor.check.clone()} />
                    <Preview file={editor.file.clone()} />
                </div>
            </div>
        </div>
    }
}
