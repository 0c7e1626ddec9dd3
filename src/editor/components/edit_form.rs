//! What the forms that edit a party or an issue ([`super::party_form`], [`super::issue_form`])
//! have in common: the title, the id (claims refer to it, and follow it when it changes), the
//! problem that keeps the changes from being saved, and "Save changes" and "Cancel". The other
//! fields are its children.

use yew::prelude::*;

use super::text_setter;

#[derive(Properties, PartialEq)]
pub struct EditFormProps {
    /// "party" or "issue": in the title and the ids of its elements.
    pub kind: &'static str,
    /// The name it has now, in the title.
    pub name: AttrValue,
    pub id: AttrValue,
    /// Saves the fields as they stand, with the id as typed, or says what they lack.
    pub on_save: Callback<String, Result<(), String>>,
    /// Told when the form is done with, saved or not.
    pub on_done: Callback<()>,
    pub children: Html,
}

#[function_component]
pub fn EditForm(props: &EditFormProps) -> Html {
    let problem = use_state(|| None::<String>);
    let typed_id = use_state(|| props.id.to_string());
    let onsubmit = {
        let (on_save, on_done, problem, typed_id) = (props.on_save.clone(), props.on_done.clone(), problem.clone(), typed_id.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match on_save.emit((*typed_id).clone()) {
                Ok(()) => on_done.emit(()),
                Err(why) => problem.set(Some(why)),
            }
        })
    };
    let cancel = props.on_done.reform(|_: MouseEvent| ());
    let (kind, id) = (props.kind, &props.id);
    let title = format!("ed-edit-{kind}-title");
    let (id_field, id_hint) = (format!("ed-edit-{kind}-id"), format!("ed-edit-{kind}-id-hint"));
    html! {
        <form class="ed-new ed-edit" aria-labelledby={title.clone()} {onsubmit}>
            <h3 id={title} class="ed-edit-title" tabindex="-1">{ format!("Edit {kind} {}", props.name) }</h3>
            { props.children.clone() }
            <label for={id_field.clone()}>{ "Id" }</label>
            <input id={id_field} type="text" aria-describedby={id_hint.clone()} value={(*typed_id).clone()} oninput={text_setter(&typed_id)} />
            <p class="ed-hint" id={id_hint}>{ format!("Claims refer to the {kind} by its id, {id}; changed, they follow it.") }</p>
            if let Some(why) = &*problem {
                <p class="ed-problem" role="alert">{ why.clone() }</p>
            }
            <div class="ed-actions">
                <button type="submit" class="ed-button">{ "Save changes" }</button>
                <button type="button" class="ed-button ed-secondary" onclick={cancel}>{ "Cancel" }</button>
            </div>
        </form>
    }
}
