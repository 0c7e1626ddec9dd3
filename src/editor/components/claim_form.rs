//! The form for one claim, under the words selected: the quote as it will be written (exact
//! words, paragraph, start in code points, and the context when the words repeat), then who
//! wants what — party and issue (picked, or added on the way), stance, certainty and hedge,
//! summary — and who vouches for it. The attribution of the last claim is offered again.
//!
//! The same form edits a claim already made ("Edit" in the list of claims): filled with that
//! claim, its words selected; selecting other words changes the quote, and "Save changes" keeps
//! the claim's id.

use yew::prelude::*;

use crate::editor::draft::{fields_of, missing, Action, NewClaim};
use super::editor_root::Editor;
use super::new_issue::NewIssue;
use super::new_party::NewParty;
use super::{dom, field_setter};
use crate::model::{Certainty, Stance};

#[derive(Properties, PartialEq)]
pub struct ClaimFormProps {
    pub editor: Editor,
}

/// Which of the two "add" forms is open.
#[derive(Clone, Copy, PartialEq)]
enum Adding {
    Nothing,
    Party,
    Issue,
}

#[function_component]
pub fn ClaimForm(props: &ClaimFormProps) -> Html {
    let editor = &props.editor;
    // The claim being edited, if any; the form is keyed by it, so it starts from that claim.
    let editing = editor.editing.clone();
    let fields = {
        let last = editor.last_attribution.clone();
        let claim = editing.as_ref().and_then(|id| editor.doc.as_ref()?.claims.iter().find(|c| &c.id == id)).map(fields_of);
        use_state(move || {
            if let Some(claim) = claim {
                return claim;
            }
            let last = last.unwrap_or_default();
            NewClaim {
                reported_by: last.reported_by,
                basis: last.basis.unwrap_or_default(),
                via: last.via.unwrap_or_default(),
                ..Default::default()
            }
        })
    };
    let adding = use_state(|| Adding::Nothing);
    let lacking = use_state(Vec::<&'static str>::new);
    let Some(quote) = editor.selection.clone() else { return Html::default() };

    let edit = |set: fn(&mut NewClaim, String)| field_setter::<_, Event>(&fields, set);
    let type_in = |set: fn(&mut NewClaim, String)| field_setter::<_, InputEvent>(&fields, set);
    let onsubmit = {
        let (fields, editor, lacking, editing) = (fields.clone(), editor.clone(), lacking.clone(), editing.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let gaps = missing(&fields);
            if gaps.is_empty() {
                match &editing {
                    Some(id) => {
                        editor.dispatch(Action::EditClaim { id: id.clone(), fields: (*fields).clone() });
                        // The form goes; the focus goes back to where the edit began.
                        dom::focus_soon(format!("button[data-edit-claim=\"{id}\"]"));
                    }
                    None => {
                        editor.dispatch(Action::AddClaim((*fields).clone()));
                        // The form goes; the list that now holds the claim says so.
                        dom::focus_soon("#ed-claims-title");
                    }
                }
            }
            lacking.set(gaps);
        })
    };
    let cancel = {
        let (editor, editing) = (editor.clone(), editing.clone());
        Callback::from(move |_: MouseEvent| {
            editor.dispatch(Action::ClearSelection);
            if let Some(id) = &editing {
                dom::focus_soon(format!("button[data-edit-claim=\"{id}\"]"));
            }
        })
    };
    let toggle = |which: Adding| {
        let adding = adding.clone();
        Callback::from(move |_: MouseEvent| adding.set(if *adding == which { Adding::Nothing } else { which }))
    };
    let added = |set: fn(&mut NewClaim, String), select: &'static str| {
        let (fields, adding) = (fields.clone(), adding.clone());
        Callback::from(move |id: String| {
            let mut next = (*fields).clone();
            set(&mut next, id);
            fields.set(next);
            adding.set(Adding::Nothing);
            // The little form goes; the choice it made takes the focus.
            dom::focus_soon(select);
        })
    };

    let party_options = editor.parties().iter().map(|p| {
        html! { <option value={p.id.clone()} selected={fields.party == p.id}>{ p.name.clone() }</option> }
    });
    let issue_options = editor.issues().iter().map(|i| {
        html! { <option value={i.id.clone()} selected={fields.issue == i.id}>{ i.label.clone() }</option> }
    });
    let stance_options = Stance::ALL.iter().map(|s| {
        html! {
            <option value={s.word()} selected={fields.stance == Some(*s)}>
                { format!("{} ({})", s.word(), s.direction().word()) }
            </option>
        }
    });
    let certainty_options = Certainty::ALL.iter().map(|c| {
        html! {
            <option value={c.word()} selected={fields.certainty == Some(*c)}>
                { format!("{} — {}", c.word(), c.describe()) }
            </option>
        }
    });
    let start = quote.start.unwrap_or_default();
    let paragraph = quote.paragraph.unwrap_or_default();
    // Editing, each field carries its JSON path, so that a diagnostic about it leads here.
    let index = editing.as_ref().and_then(|id| editor.doc.as_ref()?.claims.iter().position(|c| &c.id == id));
    let at = |field: &str| index.map(|i| format!("claims[{i}].{field}"));
    let (title, submit) = match &editing {
        Some(id) => (format!("Edit claim {id}"), "Save changes"),
        None => ("New claim".to_string(), "Add claim"),
    };
    html! {
        <form class={if editing.is_some() { "ed-claim-form is-editing" } else { "ed-claim-form" }} aria-labelledby="ed-claim-form-title" {onsubmit}>
            <h3 id="ed-claim-form-title" class="ed-claim-form-title" tabindex="-1">{ title }</h3>
            if editing.is_some() {
                <p class="ed-hint">{ "Select other words in the paragraph to change the quote." }</p>
            }
            <p class="ed-quote" data-target={at("quote")} tabindex={index.map(|_| "-1")}>
                <span class="ed-quote-words">{ format!("“{}”", quote.exact) }</span>
                <span class="ed-quote-where" data-quote-paragraph={paragraph.to_string()} data-quote-start={start.to_string()}>
                    { format!("paragraph {}, from character {} (in the file: paragraph {paragraph}, start {start})", paragraph + 1, start + 1) }
                    if quote.prefix.is_some() || quote.suffix.is_some() {
                        { " — these words occur more than once here, so the words around them are kept" }
                    }
                </span>
            </p>
            <div class="ed-row">
                <div>
                    <label for="ed-party">{ "Party" }</label>
                    <select id="ed-party" data-target={at("party")} onchange={edit(|f, v| f.party = v)}>
                        <option value="" selected={fields.party.is_empty()}>{ "Choose a party" }</option>
                        { for party_options }
                    </select>
                    <button type="button" class="ed-link" aria-expanded={(*adding == Adding::Party).to_string()} onclick={toggle(Adding::Party)}>
                        { "New party" }
                    </button>
                </div>
                <div>
                    <label for="ed-issue">{ "Issue" }</label>
                    <select id="ed-issue" data-target={at("issue")} onchange={edit(|f, v| f.issue = v)}>
                        <option value="" selected={fields.issue.is_empty()}>{ "Choose an issue" }</option>
                        { for issue_options }
                    </select>
                    <button type="button" class="ed-link" aria-expanded={(*adding == Adding::Issue).to_string()} onclick={toggle(Adding::Issue)}>
                        { "New issue" }
                    </button>
                </div>
            </div>
            if *adding == Adding::Party {
                <NewParty editor={editor.clone()} on_added={added(|f, id| f.party = id, "#ed-party")} />
            }
            if *adding == Adding::Issue {
                <NewIssue editor={editor.clone()} on_added={added(|f, id| f.issue = id, "#ed-issue")} />
            }
            <div class="ed-row">
                <div>
                    <label for="ed-stance">{ "Stance" }</label>
                    <select id="ed-stance" data-target={at("stance")} onchange={edit(|f, v| f.stance = Stance::from_word(&v))}>
                        <option value="" selected={fields.stance.is_none()}>{ "Choose a stance" }</option>
                        { for stance_options }
                    </select>
                </div>
                <div>
                    <label for="ed-certainty">{ "Certainty" }</label>
                    <select id="ed-certainty" data-target={at("certainty")} onchange={edit(|f, v| f.certainty = Certainty::from_word(&v))}>
                        <option value="" selected={fields.certainty.is_none()}>{ "Choose how firmly" }</option>
                        { for certainty_options }
                    </select>
                </div>
                <div>
                    <label for="ed-hedge">{ "Hedge " }<span class="ed-optional">{ "(optional)" }</span></label>
                    <input id="ed-hedge" data-target={at("hedge")} type="text" placeholder="reportedly" value={fields.hedge.clone()} oninput={type_in(|f, v| f.hedge = v)} />
                </div>
            </div>
            <label for="ed-summary">{ "Summary" }</label>
            <textarea id="ed-summary" data-target={at("summary")} rows="2" placeholder="One plain sentence: what the party wants." value={fields.summary.clone()} oninput={type_in(|f, v| f.summary = v)} />
            <fieldset class="ed-attribution">
                <legend>{ "Attribution" }</legend>
                <div class="ed-row">
                    <div>
                        <label for="ed-reported-by">{ "Reported by" }</label>
                        <input id="ed-reported-by" data-target={at("attribution.reported_by")} type="text" value={fields.reported_by.clone()} oninput={type_in(|f, v| f.reported_by = v)} />
                    </div>
                    <div>
                        <label for="ed-basis">{ "Basis " }<span class="ed-optional">{ "(optional)" }</span></label>
                        <input id="ed-basis" data-target={at("attribution.basis")} type="text" value={fields.basis.clone()} oninput={type_in(|f, v| f.basis = v)} />
                    </div>
                    <div>
                        <label for="ed-via">{ "Via " }<span class="ed-optional">{ "(optional)" }</span></label>
                        <input id="ed-via" data-target={at("attribution.via")} type="text" value={fields.via.clone()} oninput={type_in(|f, v| f.via = v)} />
                    </div>
                </div>
            </fieldset>
            if !lacking.is_empty() {
                <p class="ed-problem" role="alert">{ format!("Fill in: {}.", lacking.join(", ")) }</p>
            }
            <div class="ed-actions">
                <button type="submit" class="ed-button">{ submit }</button>
                <button type="button" class="ed-button ed-secondary" onclick={cancel}>{ "Cancel" }</button>
            </div>
        </form>
    }
}
