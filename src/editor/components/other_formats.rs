//! "Other formats": the file as checked, exported as the command's `export` writes it — the claims
//! as CSV, the stance table as CSV or Markdown, the claims as W3C Web Annotations — for a data
//! desk's spreadsheet, a newsletter or another annotation tool, without a trip through the
//! command. Offered, like the claims file, only when the check finds no errors.

use std::rc::Rc;

use yew::prelude::*;

use super::dom;
use crate::editor::draft::slug;
use crate::export::{csv, markdown, w3c};
use crate::reader::Reader;

#[derive(Properties, PartialEq)]
pub struct OtherFormatsProps {
    pub file: Rc<str>,
    pub errors: usize,
    pub headline: AttrValue,
}

/// One format: its button's words, the file name's ending, its media type, and the writer.
struct Format {
    label: &'static str,
    ending: &'static str,
    mime: &'static str,
    write: fn(&Reader) -> String,
}

const FORMATS: [Format; 4] = [
    Format { label: "Claims as CSV", ending: "claims.csv", mime: "text/csv", write: csv::claims },
    Format { label: "Stance table as CSV", ending: "stance-table.csv", mime: "text/csv", write: csv::stance_table },
    Format { label: "Stance table as Markdown", ending: "stance-table.md", mime: "text/markdown", write: markdown::stance_table },
    Format { label: "Claims as W3C Web Annotations", ending: "annotations.jsonld", mime: "application/ld+json", write: w3c::collection },
];

#[function_component]
pub fn OtherFormats(props: &OtherFormatsProps) -> Html {
    let problem = use_state(|| None::<String>);
    let base = slug(&props.headline);
    let blocked = props.errors > 0;
    let buttons = FORMATS.iter().map(|format| {
        let (file, problem, name) = (props.file.clone(), problem.clone(), format!("{base}-{}", format.ending));
        let (mime, write) = (format.mime, format.write);
        let onclick = Callback::from(move |_: MouseEvent| {
            // The file as checked is read as the command reads it; a file the check passed reads.
            let saved = match Reader::from_json(&file) {
                Ok(reader) => dom::download(&name, mime, &write(&reader)),
                Err(_) => Err("The file has errors: the check lists them.".to_string()),
            };
            problem.set(saved.err());
        });
        html! { <li><button type="button" class="ed-button ed-secondary" {onclick} disabled={blocked}>{ format.label }</button></li> }
    });
    html! {
        <details class="ed-formats">
            <summary class="ed-button ed-secondary">{ "Other formats" }</summary>
            <div class="ed-formats-list">
                <ul aria-label="Export as">{ for buttons }</ul>
                if let Some(why) = &*problem {
                    <p class="ed-problem" role="alert">{ why.clone() }</p>
                } else if blocked {
                    <p class="ed-hint">{ "Fix the errors the check lists to export." }</p>
                }
            </div>
        </details>
    }
}
