//! What the forms that edit a party or an issue ([`super::party_form`], [`super::issue_form`])
//! have in common: the title, the word that the id stays (claims refer to it), the problem that
//! keeps the changes from being saved, and "Save changes" and "Cancel". The fields are its
//! children.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EditFormProps {
    /// "party" or "issue": in the title and the ids of its elements.
    pub kind: &'static str,
    /// The name it has now, in the title.
    pub name: AttrValue,
    pub id: AttrValue,
    /// Saves the fields as they stand, or says what they lack.
    pub on_save: Callback<(), Result<(), String>>,
    /// Told when the form is done with, saved or not.
    pub on_done: Callback<()>,
    pub children: Html,
}

#[function_component]
pub fn EditForm(props: &EditFormProps) -> Html {
    let problem = use_state(|| None::<String>);
    let onsubmit = {
        let (on_save, on_done, problem) = (props.on_save.clone(), props.on_done.clone(), problem.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match on_save.emit(()) {
                Ok(()) => on_done.emit(()),
                Err(why) => problem.set(Some(why)),
            }
        })
    };
    let cancel = props.on_done.reform(|_: MouseEvent| ());
    let (kind, id) = (props.kind, &props.id);
    let title = format!("ed-edit-{kind}-title");
    html! {
        <form class="ed-new ed-edit" aria-labelledby={title.clone()} {onsubmit}>
            <h3 id={title} class="ed-edit-title" tabindex="-1">{ format!("Edit {kind} {}", props.name) }</h3>
            <p class="ed-hint">{ format!("Its id, {id}, stays: claims refer to it.") }</p>
            { props.children.clone() }
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
