//! The article as a news page sets it: kicker, headline, byline, dateline, body, footer note.

use std::rc::Rc;

use yew::prelude::*;

use wasm_bindgen::JsCast;
use web_sys::Element;

use super::emphasis::use_passage_emphasis;
use super::paragraph::{render_paragraphs, shown_claims};
use super::{dom, ReaderRef};
use crate::view_state::{Action, OpenDetails, Opener};

#[derive(Properties, PartialEq)]
pub struct ArticleProps {
    pub reader: ReaderRef,
    /// Claims to emphasise (those of the hovered table cell).
    pub linked: Rc<Vec<usize>>,
    pub open_trigger: Option<(usize, usize)>,
    pub tooltip_id: AttrValue,
    pub muted: Rc<Vec<bool>>,
    pub on_action: Callback<Action>,
    pub root: NodeRef,
}

#[function_component]
pub fn Article(props: &ArticleProps) -> Html {
    let reader = &props.reader;
    let article = &reader.doc.article;
    let paragraphs = use_node_ref();
    {
        // Before the emphasis below, which finds its marks in what this builds.
        let paragraphs = paragraphs.clone();
        use_effect_with((reader.clone(), props.muted.clone()), move |(reader, muted)| {
            if let Some(container) = paragraphs.cast::<Element>() {
                render_paragraphs(&container, reader, muted);
            }
        });
    }
    use_passage_emphasis(paragraphs.clone(), reader.clone(), props.open_trigger, props.linked.clone(), props.tooltip_id.clone(), props.muted.clone());
    let listeners = PassageListeners { reader: reader.clone(), muted: props.muted.clone(), on_action: props.on_action.clone(), root: props.root.clone() };
    html! {
        <article
            class="cr-article"
            onmouseover={listeners.open_on(Opener::Hover)}
            onfocusin={listeners.open_on(Opener::Focus)}
            onclick={listeners.open_on(Opener::Tap)}
            onmouseout={listeners.leave_on(Opener::Hover)}
            onfocusout={listeners.leave_on(Opener::Focus)}
        >
            <header class="cr-header">
                if !article.kicker.is_empty() {
                    <p class="cr-kicker">
                        { for article.kicker.iter().enumerate().map(|(i, k)| html! {
                            <>
                                if i > 0 { <span class="cr-kicker-sep" aria-hidden="true">{ " / " }</span> }
                                <span>{ k }</span>
                            </>
                        }) }
                    </p>
                }
                <h1 class="cr-headline">{ &article.headline }</h1>
                if let Some(sub) = &article.subheadline {
                    <p class="cr-subheadline">{ sub }</p>
                }
                <p class="cr-byline">
                    if let Some(author) = &article.author {
                        <span class="cr-author">{ "By " }{ author }</span>
                    }
                    if let Some(publisher) = &article.publisher {
                        <span class="cr-publisher">{ &publisher.name }</span>
                    }
                    if let Some(date) = &article.published {
                        <span class="cr-date">{ "Published " }<time datetime={date.clone()}>{ human_date(date) }</time></span>
                    }
                    if let Some(date) = article.updated.as_ref().filter(|u| Some(*u) != article.published.as_ref()) {
                        <span class="cr-date">{ "Updated " }<time datetime={date.clone()}>{ human_date(date) }</time></span>
                    }
                </p>
            </header>
            <div class="cr-body">
                if let Some(dateline) = &article.dateline {
                    <p class="cr-dateline">{ dateline }</p>
                }
                <div class="cr-paragraphs" ref={paragraphs}></div>
            </div>
            if let Some(note) = &article.footer_note {
                <footer class="cr-footer-note"><p>{ note }</p></footer>
            }
        </article>
    }
}

/// One set of listeners for every passage of the article (events bubble up to it).
#[derive(Clone)]
struct PassageListeners {
    reader: ReaderRef,
    muted: Rc<Vec<bool>>,
    on_action: Callback<Action>,
    root: NodeRef,
}

/// The passage an event concerns, with its (paragraph, segment) from `data-seg`.
fn passage_of(target: Option<web_sys::EventTarget>) -> Option<(Element, (usize, usize))> {
    let mark = target?.dyn_into::<Element>().ok()?.closest("mark[data-seg]").ok()??;
    let seg = mark.get_attribute("data-seg")?;
    let (p, s) = seg.split_once('-')?;
    Some((mark, (p.parse().ok()?, s.parse().ok()?)))
}

/// True when `other` is `mark` or inside it: a move within one passage is no enter or leave.
fn same_passage(mark: &Element, other: Option<web_sys::EventTarget>) -> bool {
    other.and_then(|o| o.dyn_into::<web_sys::Node>().ok()).is_some_and(|o| mark.contains(Some(&o)))
}

impl PassageListeners {
    fn open_on<E: AsRef<web_sys::Event> + 'static>(&self, opener: Opener) -> Callback<E> {
        let this = self.clone();
        Callback::from(move |e: E| this.open(e.as_ref(), opener))
    }

    fn leave_on<E: AsRef<web_sys::Event> + 'static>(&self, how: Opener) -> Callback<E> {
        let this = self.clone();
        Callback::from(move |e: E| this.leave(e.as_ref(), how))
    }

    fn open(&self, event: &web_sys::Event, opener: Opener) {
        let Some((mark, trigger)) = passage_of(dom::event_origin(event)) else { return };
        let mouse = event.dyn_ref::<web_sys::MouseEvent>();
        if opener == Opener::Hover && same_passage(&mark, mouse.and_then(|m| m.related_target())) {
            return;
        }
        let Some(segment) = self.reader.paragraphs.get(trigger.0).and_then(|p| p.get(trigger.1)) else { return };
        let claims = shown_claims(&self.reader, &segment.claims, &self.muted);
        let rect = dom::rect_within(&mark, &self.root);
        let pointer = mouse.filter(|_| opener == Opener::Hover).map(|m| (m.client_x(), m.client_y()));
        self.on_action.emit(Action::Open(OpenDetails { trigger, claims, rect, opener, pointer }));
    }

    fn leave(&self, event: &web_sys::Event, how: Opener) {
        let Some((mark, _)) = passage_of(dom::event_origin(event)) else { return };
        let related = if let Some(m) = event.dyn_ref::<web_sys::MouseEvent>() {
            m.related_target()
        } else {
            event.dyn_ref::<web_sys::FocusEvent>().and_then(|f| f.related_target())
        };
        // Moving within the passage, or onto the details, keeps them open (WCAG 1.4.13).
        if same_passage(&mark, related.clone()) || dom::is_within(related, &self.root, ".cr-details") {
            return;
        }
        self.on_action.emit(Action::Leave(how));
    }
}

/// "2025-04-24" → "24 April 2025"; anything else is shown as written.
pub fn human_date(date: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ];
    let day_part = date.get(..10).unwrap_or(date);
    let mut parts = day_part.split('-');
    let parsed = (|| {
        let y: u32 = parts.next()?.parse().ok()?;
        let m: usize = parts.next()?.parse().ok()?;
        let d: u32 = parts.next()?.parse().ok()?;
        let month = MONTHS.get(m.checked_sub(1)?)?;
        (1..=31).contains(&d).then(|| format!("{d} {month} {y}"))
    })();
    parsed.unwrap_or_else(|| date.to_string())
}
