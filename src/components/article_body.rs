//! The article's paragraphs, grouped in chunks.

use std::rc::Rc;

use yew::prelude::*;

use super::chunk::{Chunk, PER_CHUNK};
use super::context::use_reader;
use super::hooks::when_idle;
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

/// Chunks whose passages are built in the first render: the top of the article (16 paragraphs,
/// more than a screen), so that what a reader sees first is shown at once, whatever the
/// article's length.
const FIRST_CHUNKS: usize = 1;

/// Hands each chunk only the part of the emphasis that falls in it, so a hover re-renders the
/// one or two chunks it touches and compares the props of the rest.
///
/// A long article's paragraphs are built a chunk at a time, whenever the browser is idle, after
/// the first render (the chunks not yet built are empty boxes below the first screen): the first
/// screen shows in about the time a short article takes, and no task keeps the page busy long. Measured at 100× the seed (900
/// paragraphs, 3,300 passages): building every passage in the first render made it about three
/// times as slow to show as the old renderer; the chunks after the first as plain text still made
/// the first render's task 110 ms at 10× the seed, against 52 ms with them empty; chunks of 16
/// paragraphs rather than 32 halve what the first render builds.
#[function_component]
pub fn ArticleBody(props: &ArticleBodyProps) -> Html {
    let context = use_reader();
    let paragraphs = context.as_ref().map_or(0, |c| c.reader.paragraphs.len());
    let chunks = paragraphs.div_ceil(PER_CHUNK).max(1);
    // A reader that took over one rendered ahead keeps every chunk it found built.
    let hydrated = context.as_ref().is_some_and(|c| c.hydrated);
    let filled = use_state_eq(|| if hydrated { chunks } else { FIRST_CHUNKS });
    {
        let filled = filled.clone();
        use_effect_with((*filled, chunks), move |&(n, chunks)| {
            let next = (n < chunks).then(|| when_idle(move || filled.set(n + 1))).flatten();
            move || drop(next)
        });
    }
    // The chunk of the open passage is built now, whatever the idle work has reached: a link to
    // a claim far down a long article opens at once.
    // Rendered ahead, every chunk is built: there is no idle time to wait for.
    let filled_now = match context.as_ref().is_some_and(|c| c.is_static()) {
        true => chunks,
        false => (*filled).max(props.open.map_or(0, |(p, _)| p / PER_CHUNK + 1)),
    };
    html! {
        <div class="cr-paragraphs">
            { for (0..chunks).map(|k| {
                let range = k * PER_CHUNK..((k + 1) * PER_CHUNK).min(paragraphs);
                let open = props.open.filter(|(p, _)| range.contains(p));
                let linked: Vec<Seg> = props.linked.iter().copied().filter(|(p, _)| range.contains(p)).collect();
                html! { <Chunk key={k} index={k} filled={k < filled_now} {open} {linked} muted={props.muted.clone()} /> }
            }) }
        </div>
    }
}
