//! The editor's components, one a file, and the few helpers their forms share; browser only
//! (the state they show and change is [`super::draft`], tested natively).

mod check_panel;
mod claim_form;
mod claim_list;
mod confirm_dialog;
mod diagnostic_item;
mod dom;
mod edit_form;
mod editor_root;
mod entity_list;
mod export_button;
mod file_opener;
mod history_buttons;
mod issue_form;
mod issue_list;
mod new_issue;
mod new_party;
mod other_formats;
mod parties_issues;
mod party_form;
mod party_list;
mod preview;
mod restore_offer;
mod source_text;
mod start_panel;
mod storage_notice;

pub use editor_root::EditorRoot;

/// The value of the input, text area or select an event came from ("" for anything else).
fn value_of(event: &web_sys::Event) -> String {
    use wasm_bindgen::JsCast;
    let Some(target) = event.target() else { return String::new() };
    if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        input.value()
    } else if let Some(area) = target.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.value()
    } else if let Some(select) = target.dyn_ref::<web_sys::HtmlSelectElement>() {
        select.value()
    } else {
        String::new()
    }
}

/// A listener that keeps a text field's value, as typed, in `state`.
fn text_setter(state: &yew::UseStateHandle<String>) -> yew::Callback<yew::InputEvent> {
    let state = state.clone();
    yew::Callback::from(move |e: yew::InputEvent| state.set(value_of(&e)))
}

/// A listener that puts the value of the control an event came from into one field of a form's
/// state (`set` says which), the rest of the form as it is.
fn field_setter<T, E>(state: &yew::UseStateHandle<T>, set: fn(&mut T, String)) -> yew::Callback<E>
where
    T: Clone + 'static,
    E: AsRef<web_sys::Event> + 'static,
{
    let state = state.clone();
    yew::Callback::from(move |e: E| {
        let mut next = (*state).clone();
        set(&mut next, value_of(e.as_ref()));
        state.set(next);
    })
}
