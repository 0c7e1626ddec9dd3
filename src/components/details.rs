//! The details of the claims over a passage: a WAI-ARIA tooltip that is also a tap target.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::{dom, issue_class, ReaderRef};
use crate::model::Claim;
use crate::view_state::{Action, OpenDetails, Opener};

#[derive(Properties, PartialEq)]
pub struct DetailsProps {
    pub reader: ReaderRef,
    pub open: Option<OpenDetails>,
    /// The table cell the reader came from, offered as the way back.
    pub back_to: Option<(usize, usize)>,
    pub id: AttrValue,
    pub on_action: Callback<Action>,
    pub root: NodeRef,
}

#[function_component]
pub fn Details(props: &DetailsProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        let root = props.root.clone();
        // Placed again whenever what it shows changes, since its height decides above or below.
        use_effect_with((props.open.clone(), props.back_to), move |(open, _)| {
            if let (Some(open), Some(el)) = (open, node.cast::<web_sys::HtmlElement>()) {
                dom::place_details(&el, open.rect, &root);
            }
        });
    }
    let onmouseleave = {
        let on_action = props.on_action.clone();
        let root = props.root.clone();
        Callback::from(move |e: MouseEvent| {
            // Back onto the passage keeps them open; anywhere else closes hover-opened details.
            if !dom::is_within(e.related_target(), &root, ".cr-passage.is-open") {
                on_action.emit(Action::Leave(Opener::Hover));
            }
        })
    };
    let on_close = {
        let on_action = props.on_action.clone();
        let root = props.root.clone();
        Callback::from(move |e: MouseEvent| {
            on_action.emit(Action::Dismiss { pointer: (e.client_x(), e.client_y()) });
            // Return focus to the passage, as a dialog's close would.
            if let Some(mark) = root
                .cast::<web_sys::Element>()
                .and_then(|r| r.query_selector(".cr-passage.is-open").ok().flatten())
                .and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = mark.blur();
            }
        })
    };
    let reader = &props.reader;
    let claims: &[usize] = props.open.as_ref().map(|o| o.claims.as_slice()).unwrap_or_default();
    let back = props.back_to.map(|(p, i)| {
        let (party, issue) = (reader.doc.parties[p].id.clone(), reader.doc.issues[i].id.clone());
        let root = props.root.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            dom::focus_cell(&root, &party, &issue);
        });
        html! {
            <button type="button" class="cr-details-back" {onclick}>{ "Back to the table (Esc)" }</button>
        }
    });
    html! {
        <div
            class="cr-details"
            role="tooltip"
            id={props.id.clone()}
            ref={node}
            hidden={props.open.is_none()}
            {onmouseleave}
        >
            <div class="cr-details-card">
                <button type="button" class="cr-details-close" aria-label="Close details" onclick={on_close}>
                    <span aria-hidden="true">{ "×" }</span>
                </button>
                { for claims.iter().map(|&c| claim_details(reader, c)) }
                { for back }
            </div>
        </div>
    }
}

fn claim_details(reader: &ReaderRef, c: usize) -> Html {
    let claim = &reader.doc.claims[c];
    let (p, i) = reader.cells[c];
    let party = &reader.doc.parties[p];
    let issue = &reader.doc.issues[i];
    let direction = claim.stance.direction();
    html! {
        <section class="cr-claim" data-claim={claim.id.clone()}>
            <p class="cr-details-head">
                <span class="cr-details-party">{ &party.name }</span>
                { " " }
                <span class={format!("cr-details-stance is-{}", direction.word())}>
                    <span aria-hidden="true">{ direction.icon() }{ " " }</span>{ claim.stance.word() }
                </span>
            </p>
            <p class={format!("cr-details-issue {}", issue_class(i))}>
                <span class="cr-swatch" aria-hidden="true"></span>
                <span class="cr-details-issue-label">{ &issue.label }</span>
                <span class="cr-details-issue-description">{ &issue.description }</span>
            </p>
            <p class="cr-details-summary">{ &claim.summary }</p>
            <p class="cr-details-certainty">{ certainty_line(claim) }</p>
            <p class="cr-details-attribution">{ attribution_line(claim) }</p>
        </section>
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
