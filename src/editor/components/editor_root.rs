//! The editor's root: holds the state (a reducer over [`EditorState`]) and lays the page out —
//! the start form until there is an article, then the article to annotate beside the check and
//! the live preview. A claims file dropped anywhere on the page opens (in place of the article
//! being annotated, if any). It offers the draft saved in the browser when the page opens, saves
//! the file after every change, and takes Ctrl+Z (undo), Ctrl+Shift+Z and Ctrl+Y (redo)
//! anywhere but in a text field, where the browser's own undo applies.

use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::editor::autosave;
use super::check_panel::CheckPanel;
use super::claim_list::ClaimList;
use super::diagnostic_item::DiagnosticItem;
use crate::editor::draft::{Action, EditorState};
use super::export_button::ExportButton;
use super::other_formats::OtherFormats;
use super::file_opener::{open_dropped, FileOpener};
use super::history_buttons::HistoryButtons;
use super::parties_issues::PartiesIssues;
use super::preview::Preview;
use super::source_text::SourceText;
use super::start_panel::StartPanel;
use super::restore_offer::RestoreOffer;
use super::storage_notice::StorageNotice;
use crate::editor::target::Target;
use super::dom;
use crate::components::hooks::next_state;

impl Reducible for EditorState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        next_state(self, |next| next.apply(action))
    }
}

/// The editor's state handle, as the components receive it: they read it and dispatch to it.
pub type Editor = UseReducerHandle<EditorState>;

/// The state the page opens with: the draft saved in this browser offered, if there is one.
fn restored() -> EditorState {
    let mut state = EditorState::default();
    match autosave::browser::load() {
        Ok(None) => {}
        Ok(Some(text)) => match autosave::decode(&text) {
            Ok(draft) => state.apply(Action::Offer { doc: Box::new(draft.doc), when: autosave::browser::when(draft.saved_at) }),
            Err(why) => {
                // Out of the way of the next save, and said: never dropped unseen.
                let _ = autosave::browser::keep_unreadable(&text);
                state.apply(Action::DraftUnreadable { why: autosave::unreadable(&why), text });
            }
        },
        Err(name) => state.apply(Action::Saved(Err(autosave::not_saving(&name)))),
    }
    state
}

/// Whether a key press is the browser's own business: typing in a text field or list box, where
/// Ctrl+Z undoes the typing. The article's paragraphs take no typing, so the editor's undo
/// applies there.
fn in_text_field(event: &web_sys::KeyboardEvent) -> bool {
    let Some(target) = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return false };
    if target.closest(".ed-paragraph").ok().flatten().is_some() {
        return false;
    }
    let text_input = target.dyn_ref::<web_sys::HtmlInputElement>().is_some_and(|i| {
        !matches!(i.type_().as_str(), "button" | "checkbox" | "radio" | "submit" | "reset" | "file" | "image" | "range" | "color")
    });
    text_input || target.dyn_ref::<web_sys::HtmlTextAreaElement>().is_some() || target.dyn_ref::<web_sys::HtmlElement>().is_some_and(|e| e.is_content_editable())
}

#[function_component]
pub fn EditorRoot() -> Html {
    let editor = use_reducer(restored);
    // Every change to the file is saved; nothing is written before the first change of the visit,
    // so a restored draft keeps the time it was saved.
    {
        let dispatcher = editor.dispatcher();
        let changed = !editor.past.is_empty() || !editor.future.is_empty();
        use_effect_with((editor.file.clone(), changed), move |(file, changed)| {
            if *changed {
                dispatcher.dispatch(Action::Saved(autosave::browser::save(file).map_err(|name| autosave::not_saving(&name))));
            }
        });
    }
    {
        let dispatcher = editor.dispatcher();
        use_effect_with((), move |_| {
            let document = web_sys::window().and_then(|w| w.document());
            let keys = document.map(|document| {
                EventListener::new_with_options(&document, "keydown", EventListenerOptions::enable_prevent_default(), move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else { return };
                    if !(e.ctrl_key() || e.meta_key()) || e.alt_key() || e.default_prevented() || in_text_field(e) {
                        return;
                    }
                    let action = match (e.key().to_lowercase().as_str(), e.shift_key()) {
                        ("z", false) => Action::Undo,
                        ("z", true) | ("y", false) => Action::Redo,
                        _ => return,
                    };
                    e.prevent_default();
                    dispatcher.dispatch(action);
                })
            });
            move || drop(keys)
        });
    }
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
                .and_then(|w| w.confirm_with_message("Start over? This file stops being kept in this browser; Undo brings it back while the page is open.").ok())
                .unwrap_or(false);
            if sure {
                editor.dispatch(Action::StartOver);
            }
        })
    };
    // A diagnostic about a field of a claim opens that claim's form, whose fields carry their
    // paths; the page is searched once that render is in it.
    let on_follow = {
        let editor = editor.clone();
        Callback::from(move |target: Target| {
            let opens = match &target {
                Target::Claim { index, field: Some(_) } => editor.doc.as_ref().and_then(|d| d.claims.get(*index)).map(|c| c.id.clone()),
                _ => None,
            };
            let locate = move || {
                // Every target falls back to a list or heading the started editor always shows.
                if !dom::locate(&target.selectors()) {
                    web_sys::console::warn_1(&format!("claim-reader editor: nothing on the page shows {}", target.path()).into());
                }
            };
            match opens.filter(|id| editor.editing.as_ref() != Some(id)) {
                Some(id) => {
                    editor.dispatch(Action::StartEdit(id));
                    gloo_timers::callback::Timeout::new(0, locate).forget();
                }
                None => locate(),
            }
        })
    };
    // Read by screen readers as they change; empty when there is nothing to say.
    let notice = html! {
        <>
            <StorageNotice editor={editor.clone()} />
            <p class="ed-notice" role="status" aria-live="polite">
                { editor.notice.clone().unwrap_or_default() }
            </p>
            <p class="ed-said" role="status" aria-live="polite">
                { editor.said.clone().unwrap_or_default() }
            </p>
        </>
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
                <header class="ed-bar">
                    <h1>{ "Claims editor" }</h1>
                    if !editor.past.is_empty() || !editor.future.is_empty() {
                        <div class="ed-actions"><HistoryButtons editor={editor.clone()} /></div>
                    }
                </header>
                { notice }
                { refused.unwrap_or_default() }
                <RestoreOffer editor={editor.clone()} />
                <StartPanel editor={editor.clone()} />
            </div>
        };
    };
    html! {
        <div {class} data-ready="true">
            <header class="ed-bar">
                <h1>{ "Claims editor" }</h1>
                <div class="ed-actions">
                    <HistoryButtons editor={editor.clone()} />
                    <ExportButton file={editor.file.clone()} errors={editor.check.errors} headline={AttrValue::from(doc.article.headline.clone())} />
                    <OtherFormats file={editor.file.clone()} errors={editor.check.errors} headline={AttrValue::from(doc.article.headline.clone())} />
                    <FileOpener editor={editor.clone()} id="ed-open-bar" compact=true />
                    <button type="button" class="ed-button ed-secondary" onclick={start_over}>{ "Start over" }</button>
                </div>
            </header>
            { notice }
            { refused.unwrap_or_default() }
            <div class="ed-columns">
                <section class="ed-source" aria-labelledby="ed-source-title">
                    <h2 id="ed-source-title" tabindex="-1">{ "Article" }</h2>
                    <p class="ed-hint">
                        { "Select the words that state a claim — with the mouse, or with the keyboard: Tab to a paragraph, then Shift and the arrow keys. A form opens under them." }
                    </p>
                    <SourceText editor={editor.clone()} />
                    <ClaimList editor={editor.clone()} />
                    <PartiesIssues editor={editor.clone()} />
                </section>
                <div class="ed-side">
                    <CheckPanel check={editor.check.clone()} {on_follow} />
                    <Preview file={editor.file.clone()} />
                </div>
            </div>
        </div>
    }
}
