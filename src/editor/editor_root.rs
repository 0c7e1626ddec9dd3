//! The editor's root: holds the state (a reducer over [`EditorState`]) and lays the page out —
//! the start form until there is an article, then the article to annotate beside the check and
//! the live preview. A claims file dropped anywhere on the page opens (in place of the article
//! being annotated, if any).

use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::check_panel::CheckPanel;
use super::claim_list::ClaimList;
use super::diagnostic_item::DiagnosticItem;
use super::draft::{Action, EditorState};
use super::export_button::ExportButton;
use super::file_opener::{open_dropped, FileOpener};
use super::parties_issues::PartiesIssues;
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
    let dropping = use_state_eq(|| false);
    {
        let (editor, dropping) = (editor.clone(), dropping.clone());
        use_effect_with((), move |_| {
            let document = web_sys::window().and_then(|w| w.document());
            let listeners = document.map(|document| {
                let options = EventListenerOptions::enable_prevent_default();
                let over = {
                    let dropping = dropping.clone();
                    EventListener::new_with_options(&document, "dragover", options, move |e| {
                        let Some(drag) = e.dyn_ref::<web_sys::DragEvent>() else { return };
                        // Only files: words dragged inside the page are left to the browser.
                        if let Some(data) = drag.data_transfer().filter(|d| d.types().includes(&"Files".into(), 0)) {
                            e.prevent_default();
                            data.set_drop_effect("copy");
                            dropping.set(true);
                        }
                    })
                };
                let leave = {
                    let dropping = dropping.clone();
                    EventListener::new(&document, "dragleave", move |e| {
                        // Out of the window: no element is entered.
                        if e.dyn_ref::<web_sys::MouseEvent>().is_some_and(|m| m.related_target().is_none()) {
                            dropping.set(false);
                        }
                    })
                };
                let on_drop = EventListener::new_with_options(&document, "drop", options, move |e| {
                    let Some(drag) = e.dyn_ref::<web_sys::DragEvent>() else { return };
                    let Some(data) = drag.data_transfer().filter(|d| d.types().includes(&"Files".into(), 0)) else { return };
                    // The browser would otherwise leave the page to show the file.
                    e.prevent_default();
                    dropping.set(false);
                    open_dropped(editor.clone(), data.files());
                });
                [over, leave, on_drop]
            });
            move || drop(listeners)
        });
    }
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
    // Why the last file offered did not open: each of its problems, as the command words them.
    let refused = (!editor.refused.is_empty()).then(|| {
        let items = editor.refused.iter().map(|d| html! { <DiagnosticItem diagnostic={d.clone()} /> });
        html! {
            <section class="ed-refused" aria-labelledby="ed-refused-title">
                <h2 id="ed-refused-title">{ "What the check finds in the file that did not open" }</h2>
                <ul class="ed-diagnostics">{ for items }</ul>
            </section>
        }
    });
    let class = classes!("ed", dropping.then_some("is-dropping"));
    let Some(doc) = &editor.doc else {
        return html! {
            <div {class}>
                <header class="ed-bar"><h1>{ "Claims editor" }</h1></header>
                { notice }
                { refused.unwrap_or_default() }
                <StartPanel editor={editor.clone()} />
            </div>
        };
    };
    html! {
        <div {class} data-ready="true">
            <header class="ed-bar">
                <h1>{ "Claims editor" }</h1>
                <div class="ed-actions">
                    <ExportButton file={editor.file.clone()} errors={editor.check.errors} headline={AttrValue::from(doc.article.headline.clone())} />
                    <FileOpener editor={editor.clone()} id="ed-open-bar" compact=true />
                    <button type="button" class="ed-button ed-secondary" onclick={start_over}>{ "Start over" }</button>
                </div>
            </header>
            { notice }
            { refused.unwrap_or_default() }
            <div class="ed-columns">
                <section class="ed-source" aria-labelledby="ed-source-title">
                    <h2 id="ed-source-title">{ "Article" }</h2>
                    <p class="ed-hint">
                        { "Select the words that state a claim — with the mouse, or with the keyboard: Tab to a paragraph, then Shift and the arrow keys. A form opens under them." }
                    </p>
                    <SourceText editor={editor.clone()} />
                    <ClaimList editor={editor.clone()} />
                    <PartiesIssues editor={editor.clone()} />
                </section>
                <div class="ed-side">
                    <CheckPanel check={editor.check.clone()} />
                    <Preview file={editor.file.clone()} />
                </div>
            </div>
        </div>
    }
}
