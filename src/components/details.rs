//! The details of the claims over the open passage: a WAI-ARIA tooltip that is also a tap
//! target. Every claim over the passage is listed, with its party, stance and issue, and a link
//! to it that the reader can copy.

use std::rc::Rc;

use yew::prelude::*;

use wasm_bindgen_futures::JsFuture;

use super::context::{use_reader, ReaderContext};
use super::stance_table::swatch;
use super::{class_list, dom, issue_class, Seg};
use crate::embed::page_link;
use crate::model::Claim;
use crate::view_state::Action;

#[derive(Properties, PartialEq)]
pub struct DetailsProps {
    /// The passage the details belong to; none when closed.
    pub trigger: Option<Seg>,
    pub claims: Rc<[usize]>,
    /// The table cell the passage was reached from: the details offer the way back to it.
    pub back: Option<crate::view_state::Cell>,
    /// Opened by a link in the page's URL: the passage is first scrolled into view.
    #[prop_or_default]
    pub reveal: bool,
}

/// What became of the last "Copy link" in these details.
#[derive(Clone, PartialEq)]
enum Copied {
    /// The claim's link is on the clipboard.
    Done(usize),
    /// The clipboard refused (an insecure page, or permission denied): the link is shown to copy
    /// by hand.
    Refused(usize, String),
}

#[function_component]
pub fn Details(props: &DetailsProps) -> Html {
    let node = use_node_ref();
    let context = use_reader();
    // Placed from the passage's box once the change is rendered: one layout.
    use_effect_with((props.trigger, props.claims.clone(), props.back, props.reveal), {
        let (node, context) = (node.clone(), context.clone());
        move |(trigger, _, _, reveal)| {
            let (Some(trigger), Some(context), Some(details)) = (trigger, context, node.cast::<web_sys::HtmlElement>())
            else {
                return;
            };
            if let Some(mark) = dom::passage(&context.root, *trigger) {
                if *reveal {
                    dom::reveal_passage(&mark);
                }
                dom::place_details(&details, &mark, &context.root);
            }
        }
    });
    let copied = use_state_eq(|| None::<Copied>);
    {
        let copied = copied.setter();
        use_effect_with(props.trigger, move |_| copied.set(None));
    }
    let Some(context) = context else { return Html::default() };
    let reader = &context.reader;
    let onmouseout = {
        let (dispatch, root) = (context.dispatch.clone(), context.root.clone());
        Callback::from(move |e: MouseEvent| {
            // Back onto the passage keeps them open; anywhere else closes hover-opened details.
            let to = e.related_target();
            if !dom::is_within(to.clone(), &root, ".cr-details, .cr-passage.is-open") {
                dispatch.dispatch(Action::Leave(crate::view_state::Opener::Hover));
            }
        })
    };
    let close = {
        let (dispatch, root) = (context.dispatch.clone(), context.root.clone());
        Callback::from(move |e: MouseEvent| {
            dispatch.dispatch(Action::Dismiss { pointer: (e.client_x(), e.client_y()) });
            // Focus leaves the passage, as a dialog's close would.
            dom::blur_open_passage(&root);
        })
    };
    let back = props.back.map(|cell| {
        let context = context.clone();
        Callback::from(move |_: MouseEvent| {
            dom::focus_cell(&context, cell);
        })
    });
    html! {
        <div class="cr-details" role="tooltip" id={context.details_id()} ref={node} hidden={props.trigger.is_none()} {onmouseout}>
            if props.trigger.is_some() {
                <div class="cr-details-card">
                    <button type="button" class="cr-details-close" aria-label="Close details" lang="en" onclick={close}>
                        <span aria-hidden="true">{ "×" }</span>
                    </button>
                    { for props.claims.iter().map(|&c| {
                        let claim = &reader.doc.claims[c];
                        let (p, i) = reader.cells[c];
                        let (party, issue) = (&reader.doc.parties[p], &reader.doc.issues[i]);
                        let direction = claim.stance.direction();
                        html! {
                            <section class="cr-claim" key={c} data-claim={claim.id.clone()}>
                                <p class="cr-details-head">
                                    <span class="cr-details-party" dir="auto">{ &party.name }</span>
                                    { " " }
                                    <span class={format!("cr-details-stance is-{}", direction.word())} lang="en" dir="ltr">
                                        <span aria-hidden="true">{ direction.icon() }{ " " }</span>
                                        { claim.stance.word() }
                                    </span>
                                </p>
                                <p class={class_list([Some("cr-details-issue"), Some(issue_class(i))])}>
                                    { swatch() }
                                    <span class="cr-details-issue-label" dir="auto">{ &issue.label }</span>
                                    <span class="cr-details-issue-description" dir="auto">{ &issue.description }</span>
                                </p>
                                <p class="cr-details-summary" dir="auto">{ &claim.summary }</p>
                                <p class="cr-details-certainty" lang="en" dir="ltr">{ certainty_line(claim) }</p>
                                <p class="cr-details-attribution" lang="en" dir="ltr">{ attribution_line(claim) }</p>
                                { copy_link(&context, c, (*copied).clone(), copied.setter()) }
                            </section>
                        }
                    }) }
                    if back.is_some() {
                        <button type="button" class="cr-details-back" lang="en" dir="ltr" onclick={back}>{ "Back to the table (Esc)" }</button>
                    }
                </div>
            }
        </div>
    }
}

/// "Copy link" for claim `c`, with what became of the last copy. Its state is announced.
fn copy_link(context: &ReaderContext, c: usize, copied: Option<Copied>, set: UseStateSetter<Option<Copied>>) -> Html {
    // The page's URL is read when the button is pressed, not at every render of the details.
    let onclick = {
        let context = context.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(url) = page_link::url_to(context.name.as_deref(), &context.reader.doc.claims[c].id) else { return };
            let set = set.clone();
            let clipboard = web_sys::window().map(|w| w.navigator().clipboard());
            yew::platform::spawn_local(async move {
                let written = match clipboard {
                    Some(clipboard) => JsFuture::from(clipboard.write_text(&url)).await.is_ok(),
                    None => false,
                };
                set.set(Some(if written { Copied::Done(c) } else { Copied::Refused(c, url) }));
            });
        })
    };
    let status = match copied {
        Some(Copied::Done(of)) if of == c => html! { { "Link copied." } },
        Some(Copied::Refused(of, url)) if of == c => html! {
            <>{ "Copy this link: " }<a href={url.clone()}>{ url }</a></>
        },
        _ => Html::default(),
    };
    html! {
        <p class="cr-details-link" lang="en" dir="ltr">
            <button type="button" class="cr-details-copy" {onclick}>{ "Copy link to this claim" }</button>
            <span class="cr-details-link-status" role="status">{ status }</span>
        </p>
    }
}

/// "Reported, not confirmed: “reportedly”".
pub fn certainty_line(claim: &Claim) -> String {
    match &claim.hedge {
        Some(h) if !h.trim().is_empty() => format!("{}: “{}”", claim.certainty.describe(), h.trim()),
        _ => claim.certainty.describe().to_string(),
    }
}

/// "Reported by Bloomberg, citing sources familiar with the matter; via Anadolu Agency".
pub fn attribution_line(claim: &Claim) -> String {
    let a = &claim.attribution;
    let mut line = format!("Reported by {}", a.reported_by);
    if let Some(basis) = a.basis.as_deref().filter(|b| !b.trim().is_empty()) {
        line.push_str(", citing ");
        line.push_str(basis);
    }
    if let Some(via) = a.via.as_deref().filter(|v| !v.trim().is_empty()) {
        line.push_str("; via ");
        line.push_str(via);
    }
    line
}
