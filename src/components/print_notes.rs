//! On paper there is no hover: every claim's details, numbered like footnotes. Hidden on
//! screen by the stylesheet; the numbers also follow each passage in print.

use yew::prelude::*;

use super::details::{attribution_line, certainty_line};
use super::ReaderRef;

#[derive(Properties, PartialEq)]
pub struct PrintNotesProps {
    pub reader: ReaderRef,
}

#[function_component]
pub fn PrintNotes(props: &PrintNotesProps) -> Html {
    let reader = &props.reader;
    let doc = &reader.doc;
    html! {
        <section class="cr-print-notes" aria-hidden="true">
            <h2>{ "Claims in this article" }</h2>
            <ol>
                { for doc.claims.iter().enumerate().map(|(c, claim)| {
                    let (p, i) = reader.cells[c];
                    html! {
                        <li>
                            <strong>{ format!("{} {}", doc.parties[p].name, claim.stance.word()) }</strong>
                            { format!(" — {}. {} {}. {}.", doc.issues[i].label, claim.summary, certainty_line(claim), attribution_line(claim)) }
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}
