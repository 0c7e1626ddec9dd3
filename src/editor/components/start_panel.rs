//! The start: the article's text pasted (paragraphs separated by blank lines) with its headline,
//! byline, publisher and date, a claims file opened (picked, or dropped on the page), or the
//! seed article opened as it is.

use yew::prelude::*;

use crate::editor::draft::{Action, ArticleFields};
use super::editor_root::Editor;
use super::file_opener::FileOpener;
use super::{dom, field_setter};

#[derive(Properties, PartialEq)]
pub struct StartPanelProps {
    pub editor: Editor,
}

#[function_component]
pub fn StartPanel(props: &StartPanelProps) -> Html {
    let fields = use_state(ArticleFields::default);
    let loading = use_state(|| false);
    let edit = |set: fn(&mut ArticleFields, String)| field_setter::<_, InputEvent>(&fields, set);
    let onsubmit = {
        let (fields, editor) = (fields.clone(), props.editor.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            editor.dispatch(Action::StartFromText((*fields).clone()));
        })
    };
    let open_seed = {
        let (editor, loading) = (props.editor.clone(), loading.clone());
        Callback::from(move |_: MouseEvent| {
            let (editor, loading) = (editor.clone(), loading.clone());
            loading.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                match dom::fetch_text("seed.json").await {
                    Ok(text) => editor.dispatch(Action::Open(text)),
                    Err(why) => editor.dispatch(Action::Unusable(why)),
                }
                loading.set(false);
            });
        })
    };
    html! {
        <section class="ed-start" aria-labelledby="ed-start-title">
            <h2 id="ed-start-title">{ "Start from an article" }</h2>
            <form class="ed-form" {onsubmit}>
                <label for="ed-headline">{ "Headline" }</label>
                <input id="ed-headline" type="text" required=true value={fields.headline.clone()} oninput={edit(|f, v| f.headline = v)} />
                <div class="ed-row">
                    <div>
                        <label for="ed-author">{ "Byline " }<span class="ed-optional">{ "(optional)" }</span></label>
                        <input id="ed-author" type="text" value={fields.author.clone()} oninput={edit(|f, v| f.author = v)} />
                    </div>
                    <div>
                        <label for="ed-publisher">{ "Publisher " }<span class="ed-optional">{ "(optional)" }</span></label>
                        <input id="ed-publisher" type="text" value={fields.publisher.clone()} oninput={edit(|f, v| f.publisher = v)} />
                    </div>
                    <div>
                        <label for="ed-published">{ "Published " }<span class="ed-optional">{ "(optional)" }</span></label>
                        <input id="ed-published" type="date" value={fields.published.clone()} oninput={edit(|f, v| f.published = v)} />
                    </div>
                </div>
                <label for="ed-text">{ "The article's text" }</label>
                <p class="ed-hint" id="ed-text-hint">{ "Paste it as published; a blank line between paragraphs." }</p>
                <textarea id="ed-text" rows="14" required=true aria-describedby="ed-text-hint" value={fields.text.clone()} oninput={edit(|f, v| f.text = v)} />
                <div class="ed-actions">
                    <button type="submit" class="ed-button">{ "Start annotating" }</button>
                    <button type="button" class="ed-button ed-secondary" onclick={open_seed} disabled={*loading}>
                        { if *loading { "Opening the seed article…" } else { "Open the seed article instead" } }
                    </button>
                </div>
            </form>
            <h2 id="ed-open-title">{ "Or open a claims file" }</h2>
            <FileOpener editor={props.editor.clone()} id="ed-open-file" />
        </section>
    }
}
