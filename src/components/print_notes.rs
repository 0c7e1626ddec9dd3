//! On paper there is no hover: every claim's details, numbered like footnotes. Hidden on screen
//! by the stylesheet; the numbers also follow each passage in print. Rendered ahead for pages
//! read without script, they are shown, and each note links back to its passage.

use yew::prelude::*;

use super::context::use_reader;
use super::details::{attribution_line, certainty_line};

#[derive(Properties, PartialEq)]
pub struct PrintNotesProps {
    /// Printing is about to start: only then are the notes built (see `hooks::use_printing`).
    pub printing: bool,
}

#[function_component]
pub fn PrintNotes(props: &PrintNotesProps) -> Html {
    let Some(context) = use_reader() else { return Html::default() };
    let reader = &context.reader;
    html! {
        <section class="cr-print-notes" aria-hidden={(!context.is_static()).then_some("true")}>
            <h2 lang="en" dir="ltr">{ "Claims in this article" }</h2>
            <ol>
                if props.printing {
                    { for reader.doc.claims.iter().enumerate().map(|(c, claim)| {
                        let (p, i) = reader.cells[c];
                        html! {
                            <li key={c} id={context.is_static().then(|| context.note_id(c))}>
                                <strong>{ format!("{} {}", reader.doc.parties[p].name, claim.stance.word()) }</strong>
                                { format!(" — {}. {} {}. {}.", reader.doc.issues[i].label, claim.summary, certainty_line(claim), attribution_line(claim)) }
                                if context.is_static() && reader.anchors[c].is_some() {
                                    { " " }
                                    <a class="cr-note-back" href={format!("#{}", context.note_ref_id(c))} lang="en" dir="ltr">{ "Back to the passage" }</a>
                                }
                            </li>
                        }
                    }) }
                }
            </ol>
        </section>
    }
}
