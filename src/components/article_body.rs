//! The article's paragraphs, grouped in chunks.

use std::rc::Rc;

use yew::prelude::*;

use super::chunk::{Chunk, PER_CHUNK};
use super::context::use_reader;
use super::Seg;

#[derive(Properties, PartialEq)]
pub struct ArticleBodyProps {
    /// The passage whose details are open.
    pub open: Option<Seg>,
    /// The passages of the hovered table cell.
    pub linked: Rc<[Seg]>,
    /// Per issue: switched off in the legend.
    pub muted: Rc<Vec<bool>>,
}

/// Hands each chunk only the part of the emphasis that falls in it, so a hover re-renders the
/// one or two chunks it touches and compares the props of the rest.
#[function_component]
pub fn ArticleBody(props: &ArticleBodyProps) -> Html {
    let Some(context) = use_reader() else { return Html::default() };
    let paragraphs = context.reader.paragraphs.len();
    let chunks = paragraphs.div_ceil(PER_CHUNK).max(1);
    html! {
        <div class="cr-paragraphs">
            { for (0..chunks).map(|k| {
                let range = k * PER_CHUNK..((k + 1) * PER_CHUNK).min(paragraphs);
                let open = props.open.filter(|(p, _)| range.contains(p));
                let linked: Vec<Seg> = props.linked.iter().copied().filter(|(p, _)| range.contains(p)).collect();
                html! { <Chunk key={k} index={k} {open} {linked} muted={props.muted.clone()} /> }
            }) }
        </div>
    }
}
