//! The editor page (`editor.html`, its own bundle): an editor pastes an article or opens the
//! seed, selects the words of a claim, says who wants what in a form beside them, and exports a
//! claims file that `claim-reader check` accepts. Built from the same pipeline as the reader —
//! the file is written ([`crate::model::write_claims_file`]) and read back through
//! [`crate::reader::Reader`] after every change — so its diagnostics are the command's and its
//! live preview is the reader itself ([`crate::components::ReaderRoot`]).
//!
//! The components are in `components/`, one a file:
//!
//! ```text
//! EditorRoot              editor_root.rs   the state (use_reducer over draft::EditorState), the
//! │                                          autosave (../autosave.rs) and the Ctrl+Z / Ctrl+Y keys
//! ├─ HistoryButtons       history_buttons.rs "Undo", "Redo"
//! ├─ StorageNotice        storage_notice.rs  work not being saved; a saved draft that cannot be read
//! ├─ RestoreOffer         restore_offer.rs   the work saved on an earlier visit: restore or discard
//! ├─ StartPanel           start_panel.rs     paste an article, open a file, or open the seed
//! │  └─ FileOpener        file_opener.rs     a claims file picked (or dropped on the page)
//! ├─ DiagnosticItem       diagnostic_item.rs why a file did not open, problem by problem
//! ├─ ExportButton         export_button.rs   the file as a download
//! ├─ OtherFormats         other_formats.rs   the claims as CSV, the stance table as CSV or Markdown
//! ├─ FileOpener           file_opener.rs     another file, in place of this one
//! ├─ SourceText           source_text.rs     the article's paragraphs, selectable; the selection listener
//! │  └─ ClaimForm         claim_form.rs      under the selected words: party, issue, stance, … (new, or edited)
//! │     ├─ NewParty       new_party.rs       adds a party on the way
//! │     └─ NewIssue       new_issue.rs       adds an issue on the way
//! ├─ ClaimList            claim_list.rs      the claims so far: edit, remove
//! ├─ PartiesIssues        parties_issues.rs  the parties and issues so far
//! │  ├─ PartyList         party_list.rs        the parties as an EntityList, with PartyForm (party_form.rs)
//! │  └─ IssueList         issue_list.rs        the issues as an EntityList, with IssueForm (issue_form.rs)
//! │     └─ EntityList     entity_list.rs         each entry: edit (in its form, on EditForm, edit_form.rs), delete
//! │        └─ ConfirmDialog confirm_dialog.rs    asks before a deletion takes claims with it
//! ├─ CheckPanel           check_panel.rs     the live diagnostics
//! │  └─ DiagnosticItem    diagnostic_item.rs   each; chosen, it leads to what it names (../target.rs)
//! └─ Preview              preview.rs         the reader's components on the file as exported
//! ```
//!
//! Everything that changes the file is in [`draft`], plain Rust tested natively; the components
//! only read the page (`components/dom.rs`: the selection, a download, a fetch, a file read, the element a
//! diagnostic leads to) and dispatch actions. In the browser the module exists only with the
//! `editor` feature, which only the editor's bundle is built with, so the reader's bundle is
//! compiled from the same code as before the editor.

pub mod autosave;
pub mod draft;
pub mod target;

#[cfg(target_arch = "wasm32")]
mod components;

#[cfg(target_arch = "wasm32")]
pub use components::EditorRoot;

/// Mounts the editor into the page's `#claim-reader-editor` element.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    let Some(host) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("claim-reader-editor"))
    else {
        web_sys::console::error_1(&"claim-reader editor: no element with id \"claim-reader-editor\" on the page".into());
        return;
    };
    yew::Renderer::<EditorRoot>::with_root(host).render();
}
