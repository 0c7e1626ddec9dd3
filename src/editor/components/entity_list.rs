//! A list of the file's parties or of its issues ([`super::party_list`], [`super::issue_list`]):
//! each entry can be edited in its form (its id too: its claims follow) or deleted. Deleting one that claims use
//! asks first, naming those claims, and takes them too; Undo brings them back.

use yew::prelude::*;

use super::confirm_dialog::ConfirmDialog;
use super::dom;
use crate::editor::draft::deletion_question;

/// What a list holds, as the page names it in its words, ids and attributes.
#[derive(Clone, Copy, PartialEq)]
pub struct Kind {
    /// "party": in the entries' class (`ed-party`), the buttons' labels and the dialog.
    pub one: &'static str,
    /// "parties": the file's array, in the paths (`parties[0]`) and the heading's id.
    pub array: &'static str,
    /// "Parties", the heading.
    pub heading: &'static str,
    /// The attributes that carry an entry's id, on the entry and on its two buttons:
    /// `data-party`, `data-edit-party`, `data-delete-party`.
    pub entry_attribute: &'static str,
    pub edit_attribute: &'static str,
    pub delete_attribute: &'static str,
    /// The edit form's first field, which has the focus when the form opens.
    pub first_field: &'static str,
}

/// A field of an entry as the list shows it, with the field's name in the file: the list marks
/// it with its JSON path (`data-target`), so that a problem the check finds with it leads here.
#[derive(Clone, PartialEq)]
pub struct Shown {
    pub field: &'static str,
    pub text: String,
}

/// One party or issue as the list shows it.
#[derive(Clone, PartialEq)]
pub struct Entry {
    pub id: String,
    /// Its name or label: first, and in the buttons' labels and the dialog.
    pub name: Shown,
    /// Right after the name: a party's short name.
    pub aside: Option<Shown>,
    /// On a line of its own: a party's aliases, an issue's description.
    pub more: Option<Shown>,
    /// The ids of the claims that use it, which its deletion takes too.
    pub claims: Vec<String>,
}

#[derive(Properties, PartialEq)]
pub struct EntityListProps {
    pub kind: Kind,
    /// In the file's order.
    pub entries: Vec<Entry>,
    /// The edit form of the entry at this index, with what it tells when it is done with.
    pub edit_form: Callback<(usize, Callback<()>), Html>,
    /// Deletes the entry with this id, and the claims that use it.
    pub on_delete: Callback<String>,
}

/// `element` with one more attribute, named by the kind: the `html!` macro takes only names
/// written out.
fn with_attribute(mut element: Html, name: &'static str, value: &str) -> Html {
    if let Html::VTag(tag) = &mut element {
        std::rc::Rc::make_mut(tag).add_attribute(name, value.to_string());
    }
    element
}

#[function_component]
pub fn EntityList(props: &EntityListProps) -> Html {
    let editing = use_state(|| None::<String>);
    let asking = use_state(|| None::<String>);
    let kind = props.kind;
    let (one, array) = (kind.one, kind.array);
    let heading = format!("ed-{array}-title");
    let items = props.entries.iter().enumerate().map(|(i, entry)| {
        let at = |field: &str| format!("{array}[{i}].{field}");
        let id = entry.id.clone();
        let uses = entry.claims.len();
        let edit = {
            let (editing, id) = (editing.clone(), id.clone());
            Callback::from(move |_: MouseEvent| {
                editing.set(Some(id.clone()));
                dom::focus_soon(kind.first_field);
            })
        };
        let delete = {
            let (on_delete, asking, id) = (props.on_delete.clone(), asking.clone(), id.clone());
            let unused = entry.claims.is_empty();
            Callback::from(move |_: MouseEvent| {
                if unused {
                    on_delete.emit(id.clone());
                    dom::focus_soon(format!("#ed-{array}-title"));
                } else {
                    asking.set(Some(id.clone()));
                }
            })
        };
        let done = {
            let (editing, id) = (editing.clone(), id.clone());
            Callback::from(move |()| {
                editing.set(None);
                dom::focus_soon(format!("button[{}=\"{id}\"]", kind.edit_attribute));
            })
        };
        let open = editing.as_deref() == Some(id.as_str());
        let name = &entry.name.text;
        let edit_button = html! {
            <button type="button" class="ed-link" aria-label={format!("Edit {one} {name}")}
                    aria-expanded={open.to_string()} onclick={edit}>{ "Edit" }</button>
        };
        let delete_button = html! {
            <button type="button" class="ed-link" aria-label={format!("Delete {one} {name}")} onclick={delete}>{ "Delete" }</button>
        };
        let item = html! {
            <li class={format!("ed-{one}")} data-target={format!("{array}[{i}]")}>
                <span class="ed-entry-name" data-target={at(entry.name.field)}>{ name.clone() }</span>
                if let Some(aside) = &entry.aside {
                    <span data-target={at(aside.field)}>{ aside.text.clone() }</span>
                }
                <span class="ed-entry-id" data-target={at("id")}>{ format!(" id {id}") }</span>
                <span class="ed-entry-uses">{ format!(" · {}", if uses == 1 { "1 claim".to_string() } else { format!("{uses} claims") }) }</span>
                if let Some(more) = &entry.more {
                    <span class="ed-entry-more" data-target={at(more.field)}>{ more.text.clone() }</span>
                }
                { with_attribute(edit_button, kind.edit_attribute, &id) }
                { with_attribute(delete_button, kind.delete_attribute, &id) }
                if open {
                    { props.edit_form.emit((i, done)) }
                }
            </li>
        };
        with_attribute(item, kind.entry_attribute, &id)
    });
    let dialog = asking.as_ref().and_then(|id| {
        let entry = props.entries.iter().find(|e| &e.id == id)?;
        let name = &entry.name.text;
        let question = deletion_question(one, name, &entry.claims)?;
        let on_confirm = {
            let (on_delete, asking, id) = (props.on_delete.clone(), asking.clone(), id.clone());
            Callback::from(move |()| {
                on_delete.emit(id.clone());
                asking.set(None);
                dom::focus_soon(format!("#ed-{array}-title"));
            })
        };
        let on_cancel = {
            let (asking, id) = (asking.clone(), id.clone());
            Callback::from(move |()| {
                asking.set(None);
                dom::focus_soon(format!("button[{}=\"{id}\"]", kind.delete_attribute));
            })
        };
        Some(html! {
            <ConfirmDialog title={format!("Delete the {one} {name}?")} {question}
                           confirm={format!("Delete {one} and claims")} {on_confirm} {on_cancel} />
        })
    });
    let entries = &props.entries;
    html! {
        <section class="ed-entities" aria-labelledby={heading.clone()} data-target={array}>
            <h2 id={heading} tabindex="-1">{ format!("{} ({})", kind.heading, entries.len()) }</h2>
            if entries.is_empty() {
                <p class="ed-hint">{ "None yet: add one from a claim's form." }</p>
            } else {
                <ol>{ for items }</ol>
            }
            { for dialog }
        </section>
    }
}
