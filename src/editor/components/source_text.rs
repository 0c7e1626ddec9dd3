//! The article to annotate: each paragraph a read-only text box, so that words can be selected
//! with the mouse, by touch, or with the keyboard (Tab to a paragraph, then Shift and the arrow
//! keys: a caret needs an editable element, and nothing typed reaches the text). A listener on
//! the document's `selectionchange` turns the selection into the next claim's quote; the claim
//! form opens under the paragraph that holds it.

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::claim_form::ClaimForm;
use crate::editor::draft::Action;
use super::editor_root::Editor;
use super::dom;

#[derive(Properties, PartialEq)]
pub struct SourceTextProps {
    pub editor: Editor,
}

#[function_component]
pub fn SourceText(props: &SourceTextProps) -> Html {
    let pane = use_node_ref();
    {
        let (pane, editor) = (pane.clone(), props.editor.clone());
        use_effect_with((), move |_| {
            let document = web_sys::window().and_then(|w| w.document());
            let on_selection = document.map(|document| {
                let pane = pane.clone();
                EventListener::new(&document, "selectionchange", move |_| {
                    let Some(pane) = pane.cast::<web_sys::Element>() else { return };
                    match dom::selection_in(&pane) {
                        Some(Ok(s)) => editor.dispatch(Action::Select { paragraph: s.paragraph, start: s.start, end: s.end }),
                        Some(Err(why)) => editor.dispatch(Action::Unusable(why)),
                        None => {}
                    }
                })
            });
            // Nothing typed, pasted, dropped or cut changes the article (the claim form, also in
            // the pane, is typed into as usual).
            let no_edits = pane.cast::<web_sys::Element>().map(|pane| {
                EventListener::new_with_options(&pane, "beforeinput", EventListenerOptions::enable_prevent_default(), |e| {
                    let in_article = e
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        .and_then(|t| t.closest(".ed-paragraph").ok().flatten())
                        .is_some();
                    if in_article {
                        e.prevent_default();
                    }
                })
            });
            move || drop((on_selection, no_edits))
        });
    }
    let Some(doc) = &props.editor.doc else { return Html::default() };
    let selected = props.editor.selection.as_ref().and_then(|q| q.paragraph);
    let paragraphs = doc.article.paragraphs.iter().enumerate().map(|(i, text)| {
        let label = format!("Paragraph {} of {}", i + 1, doc.article.paragraphs.len());
        html! {
            <>
                <p class={if selected == Some(i) { "ed-paragraph is-selected" } else { "ed-paragraph" }}
                   data-paragraph={i.to_string()} data-target={format!("article.paragraphs[{i}]")} contenteditable="true" role="textbox" aria-readonly="true"
                   aria-multiline="true" aria-label={label} inputmode="none" spellcheck="false">{ text.clone() }</p>
                if selected == Some(i) {
                    // A new form for each claim edited, filled from it.
                    <ClaimForm key={props.editor.editing.clone().unwrap_or_default()} editor={props.editor.clone()} />
                }
            </>
        }
    });
    let article = &doc.article;
    // The article's other fields, as the file has them, each where a problem with it leads.
    let about = [
        ("author", article.author.clone()),
        ("publisher", article.publisher.as_ref().map(|p| p.name.clone())),
        ("published", article.published.clone()),
        ("language", article.language.clone()),
    ];
    let about = about.into_iter().filter_map(|(field, value)| {
        value.map(|v| html! { <span data-target={format!("article.{field}")}>{ format!("{field}: {v}") }</span> })
    });
    html! {
        <div class="ed-article" ref={pane}>
            <div class="ed-article-head" data-target="article">
                <p class="ed-headline" data-target="article.headline">{ article.headline.clone() }</p>
                <p class="ed-about">{ for about }</p>
            </div>
            { for paragraphs }
        </div>
    }
}
