//! Asks before a deletion that takes claims with it: a modal dialog (the page's own `<dialog>`,
//! so the rest of the page is out of reach and Escape cancels) that says what will go, with
//! "Delete" and "Cancel" buttons. The focus starts on "Cancel", the choice that loses nothing.

use gloo_events::{EventListener, EventListenerOptions};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ConfirmDialogProps {
    /// "Delete the party Russia?"
    pub title: AttrValue,
    /// "2 claims use Russia: ru-demilitarize, ru-recognition. Delete the party and these claims?"
    pub question: AttrValue,
    /// "Delete party and claims"
    pub confirm: AttrValue,
    pub on_confirm: Callback<()>,
    pub on_cancel: Callback<()>,
}

#[function_component]
pub fn ConfirmDialog(props: &ConfirmDialogProps) -> Html {
    let dialog = use_node_ref();
    {
        let (dialog, on_cancel) = (dialog.clone(), props.on_cancel.clone());
        use_effect_with((), move |_| {
            let element = dialog.cast::<web_sys::HtmlDialogElement>();
            // Escape: the dialog is the parent's to close, as with "Cancel".
            let escape = element.as_ref().map(|element| {
                EventListener::new_with_options(element, "cancel", EventListenerOptions::enable_prevent_default(), move |e| {
                    e.prevent_default();
                    on_cancel.emit(());
                })
            });
            if let Some(element) = &element {
                if element.show_modal().is_err() {
                    element.set_open(true);
                }
            }
            move || drop(escape)
        });
    }
    let confirm = props.on_confirm.reform(|_: MouseEvent| ());
    let cancel = props.on_cancel.reform(|_: MouseEvent| ());
    html! {
        <dialog class="ed-dialog" ref={dialog} role="alertdialog" aria-modal="true"
                aria-labelledby="ed-dialog-title" aria-describedby="ed-dialog-question">
            <h2 id="ed-dialog-title">{ props.title.clone() }</h2>
            <p id="ed-dialog-question">{ props.question.clone() }</p>
            <div class="ed-actions">
                <button type="button" class="ed-button ed-danger" onclick={confirm}>{ props.confirm.clone() }</button>
                <button type="button" class="ed-button ed-secondary" autofocus=true onclick={cancel}>{ "Cancel" }</button>
            </div>
        </dialog>
    }
}
