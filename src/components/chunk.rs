//! Up to [`PER_CHUNK`] paragraphs in one box. A long article's chunks off screen are neither laid
//! out nor painted until scrolled near (`content-visibility: auto` in the stylesheet), and the
//! browser's hit testing deals with tens of chunks rather than hundreds of paragraphs.

use std::rc::Rc;

use gloo_events::EventListener;
use yew::prelude::*;

use super::context::use_reader;
use super::paragraph::Paragraph;
use super::Seg;

/// Paragraphs per chunk.
pub const PER_CHUNK: usize = 16;

#[derive(Properties, PartialEq)]
pub struct ChunkProps {
    pub index: usize,
    /// Its paragraphs are built; until then it is an empty box (see `ArticleBody`).
    pub filled: bool,
    /// The open passage, when it is in this chunk.
    pub open: Option<Seg>,
    /// The linked passages in this chunk.
    pub linked: Vec<Seg>,
    pub muted: Rc<Vec<bool>>,
}

#[function_component]
pub fn Chunk(props: &ChunkProps) -> Html {
    let node = use_node_ref();
    let context = use_reader();
    let reader = context.as_ref().map(|c| c.reader.clone());
    // Off screen the browser skips the chunk (content-visibility: auto) and says so: linking a
    // hovered cell's passages waits until the chunk is shown, so a hover re-renders only what
    // can be seen (a cell's passages run through the whole of a long article).
    let on_screen = use_state_eq(|| true);
    use_effect_with((reader.clone(), props.index), {
        let (node, on_screen) = (node.clone(), on_screen.setter());
        move |(reader, index)| {
            let chunk = node.cast::<web_sys::HtmlElement>();
            // Until a chunk off screen is first laid out, it stands as tall as its text suggests,
            // so the page does not jump when it appears. Set through the CSSOM, which a strict
            // style-src allows.
            if let (Some(reader), Some(chunk)) = (reader, &chunk) {
                let em: f64 = paragraphs_of(reader.paragraphs.len(), *index)
                    .map(|p| 1.1 + 1.65 * reader.doc.article.paragraphs[p].chars().count().div_ceil(75).max(1) as f64)
                    .sum();
                let _ = chunk.style().set_property("contain-intrinsic-size", &format!("auto {}em", em.ceil() as u32));
            }
            let listener = chunk.map(|chunk| {
                EventListener::new(&chunk, "contentvisibilityautostatechange", move |e| {
                    let skipped = js_sys::Reflect::get(e, &"skipped".into()).ok().and_then(|v| v.as_bool());
                    on_screen.set(!skipped.unwrap_or(false));
                })
            });
            move || drop(listener)
        }
    });
    let Some(reader) = reader else { return Html::default() };
    let paragraphs = paragraphs_of(reader.paragraphs.len(), props.index);
    let linked: &[Seg] = if *on_screen { &props.linked } else { &[] };
    if !props.filled {
        return html! { <div class="cr-chunk" ref={node}></div> };
    }
    html! {
        <div class="cr-chunk" ref={node}>
            { for paragraphs.map(|p| {
                let open = props.open.filter(|(q, _)| *q == p).map(|(_, s)| s);
                let linked: Vec<usize> = linked.iter().filter(|(q, _)| *q == p).map(|(_, s)| *s).collect();
                html! { <Paragraph key={p} index={p} {open} {linked} muted={props.muted.clone()} /> }
            }) }
        </div>
    }
}

/// The paragraphs of chunk `index` in an article of `count`.
fn paragraphs_of(count: usize, index: usize) -> std::ops::Range<usize> {
    (index * PER_CHUNK).min(count)..((index + 1) * PER_CHUNK).min(count)
}
