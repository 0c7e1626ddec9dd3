//! Opens a claims file of the editor's own: a file picker (a `.json` file), and what dropping a
//! file on the page does ([`open_dropped`]). The file is read by the browser and opened by the
//! reducer ([`Action::Open`]), which opens nothing from a file it cannot show as written and
//! says why. Opening replaces the article being annotated; W3C Web Annotations (`.jsonld`, as
//! `claim-reader export --to w3c` writes them) and a claims CSV (`.csv`, `--to csv-claims`) open
//! over it, in place of its claims.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::dom;
use crate::editor::draft::Action;
use super::editor_root::Editor;

#[derive(Properties, PartialEq)]
pub struct FileOpenerProps {
    pub editor: Editor,
    /// The input's id (the start panel and the bar each have one).
    pub id: AttrValue,
    /// In the bar: a button-like label, the input hidden behind it.
    #[prop_or_default]
    pub compact: bool,
}

#[function_component]
pub fn FileOpener(props: &FileOpenerProps) -> Html {
    let reading = use_state(|| None::<String>);
    let onchange = {
        let (editor, reading) = (props.editor.clone(), reading.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
            let file = input.files().and_then(|files| files.get(0));
            // The same file can be picked again, e.g. after fixing it.
            input.set_value("");
            if let Some(file) = file {
                reading.set(Some(file.name()));
                let reading = reading.clone();
                open_file(editor.clone(), file, Callback::from(move |()| reading.set(None)));
            }
        })
    };
    let status = reading.as_ref().map(|name| format!("Opening “{name}”…"));
    let hint_id = format!("{}-hint", props.id);
    if props.compact {
        return html! {
            <label class="ed-button ed-secondary ed-file-button" title="Open a claims file (.json) in place of this one, or W3C Web Annotations (.jsonld) or a claims CSV (.csv) over this article">
                { status.unwrap_or_else(|| "Open a file".into()) }
                <input id={props.id.clone()} class="ed-visually-hidden" type="file" accept=".json,application/json,.jsonld,application/ld+json,.csv,text/csv" {onchange} />
            </label>
        };
    }
    html! {
        <div class="ed-open">
            <label for={props.id.clone()}>{ "A claims file (.json)" }</label>
            <input id={props.id.clone()} type="file" accept=".json,application/json" aria-describedby={hint_id.clone()} {onchange} />
            <p class="ed-hint" id={hint_id}>
                { status.unwrap_or_else(|| {
                    "A .json claims file, or drop one anywhere on this page. A file with problems opens with the check listing them; one that cannot be opened as written opens nothing and says why.".into()
                }) }
            </p>
        </div>
    }
}

/// Reads `file` and opens it; `done` is called once it has been read or could not be.
pub fn open_file(editor: Editor, file: web_sys::File, done: Callback<()>) {
    wasm_bindgen_futures::spawn_local(async move {
        match dom::read_file(&file).await {
            Ok(text) if is_csv(&file) => editor.dispatch(Action::OpenClaimsCsv(text)),
            Ok(text) => editor.dispatch(Action::Open(text)),
            Err(why) => editor.dispatch(Action::Unusable(why)),
        }
        done.emit(());
    });
}

/// Whether a file is CSV, by its type or, as spreadsheets often leave the type out, its name.
fn is_csv(file: &web_sys::File) -> bool {
    file.type_() == "text/csv" || file.name().to_ascii_lowercase().ends_with(".csv")
}

/// Opens the file of a drop on the page: one file; more than one opens none and says so.
pub fn open_dropped(editor: Editor, files: Option<web_sys::FileList>) {
    let count = files.as_ref().map_or(0, |f| f.length());
    match (count, files.and_then(|f| f.get(0))) {
        (1, Some(file)) => open_file(editor, file, Callback::noop()),
        (0, _) | (_, None) => editor.dispatch(Action::Unusable("Nothing to open: drop a claims file (.json).".into())),
        (n, _) => editor.dispatch(Action::Unusable(format!("Drop one claims file at a time: {n} were dropped, none opened."))),
    }
}
