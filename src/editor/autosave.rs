//! The draft kept in the browser's storage after every change, so that closing the tab or a
//! reload loses nothing: what is saved and how it is read back (plain Rust, tested natively),
//! and, in the browser only, the few calls to `localStorage`.
//!
//! A saved draft is two header lines and the claims file as it would be exported:
//!
//! ```text
//! claim-reader-editor draft 1
//! saved-at 1764543600000
//! {
//!   "format": "claim-reader/1",
//!   …
//! ```
//!
//! The file is the whole document (the history of changes is not kept across visits), and it is
//! read back by the same reader as an opened file. A draft that cannot be read back is never
//! overwritten silently: the editor says why and offers its text to save.

use super::draft::open;
use crate::model::Document;

/// Where the draft is kept in `localStorage`.
pub const KEY: &str = "claim-reader-editor/draft";
/// Where a draft that could not be read back is moved, so the next save does not overwrite it.
pub const UNREADABLE_KEY: &str = "claim-reader-editor/unreadable-draft";

const HEADER: &str = "claim-reader-editor draft ";
const VERSION: u32 = 1;

/// A draft read back: the document and when it was saved (milliseconds since 1970, as
/// JavaScript's `Date.now()`).
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub doc: Document,
    pub saved_at: f64,
}

/// The text to keep for `file` (a claims file as exported) saved at `saved_at`.
pub fn encode(file: &str, saved_at: f64) -> String {
    format!("{HEADER}{VERSION}\nsaved-at {saved_at}\n{file}")
}

/// Reads a saved draft back, or says why it cannot be.
pub fn decode(text: &str) -> Result<Draft, String> {
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    let Some(version) = first.strip_prefix(HEADER) else {
        return Err("it is not a draft this editor saved".into());
    };
    match version.trim().parse::<u32>() {
        Ok(VERSION) => {}
        Ok(newer) if newer > VERSION => {
            return Err(format!("it was saved by a newer editor (draft format {newer}; this one reads format {VERSION})"));
        }
        _ => return Err(format!("its draft format \"{}\" is not one this editor reads", version.trim())),
    }
    let (second, file) = rest.split_once('\n').unwrap_or((rest, ""));
    let saved_at = second
        .strip_prefix("saved-at ")
        .and_then(|t| t.trim().parse::<f64>().ok())
        .filter(|t| t.is_finite())
        .ok_or_else(|| "its second line, the time it was saved, is damaged".to_string())?;
    // Read as an opened file is, so that a draft whose file the check finds errors in (a claim
    // naming a party no one declared) comes back with them, as it was.
    let doc = open(file).map_err(|refused| format!("its claims file does not read: {}", refused.why))?.doc;
    Ok(Draft { doc, saved_at })
}

/// What the editor says when a saved draft cannot be restored, and why.
pub fn unreadable(why: &str) -> String {
    format!(
        "Work saved in this browser could not be restored: {why}. It is kept as it is; save its text to look at it, or dismiss it."
    )
}

/// The warning while the work is not being saved, from the error `localStorage` gave.
pub fn not_saving(error_name: &str) -> String {
    let why = match error_name {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => "the browser's storage for this page is full",
        _ => "this browser does not let the page use its storage (private browsing, or storage blocked)",
    };
    format!("Your work is not being saved: {why}. Export the claims file to keep it.")
}

/// The browser's side: `localStorage`, each call saying what went wrong by the error's name.
#[cfg(target_arch = "wasm32")]
pub mod browser {
    use wasm_bindgen::{JsCast, JsValue};

    fn storage() -> Result<web_sys::Storage, String> {
        let window = web_sys::window().ok_or_else(|| "NoWindow".to_string())?;
        window.local_storage().map_err(|e| name_of(&e))?.ok_or_else(|| "NoStorage".to_string())
    }

    /// The error's name ("QuotaExceededError", "SecurityError"), for [`super::not_saving`].
    fn name_of(error: &JsValue) -> String {
        error.dyn_ref::<web_sys::DomException>().map(|e| e.name()).unwrap_or_else(|| "Error".into())
    }

    /// The saved draft's text, if there is one; `Err` names why storage cannot be read.
    pub fn load() -> Result<Option<String>, String> {
        storage()?.get_item(super::KEY).map_err(|e| name_of(&e))
    }

    /// Keeps `file` as the draft, or removes the draft when there is no file.
    pub fn save(file: &str) -> Result<(), String> {
        let storage = storage()?;
        if file.is_empty() {
            return storage.remove_item(super::KEY).map_err(|e| name_of(&e));
        }
        storage.set_item(super::KEY, &super::encode(file, js_sys::Date::now())).map_err(|e| name_of(&e))
    }

    /// Removes the draft.
    pub fn discard() -> Result<(), String> {
        storage()?.remove_item(super::KEY).map_err(|e| name_of(&e))
    }

    /// Moves a draft that could not be read back out of the way of the next save.
    pub fn keep_unreadable(text: &str) -> Result<(), String> {
        storage()?.set_item(super::UNREADABLE_KEY, text).map_err(|e| name_of(&e))
    }

    /// The draft's time as the editor's reader reads times ("30 Nov, 23:10").
    pub fn when(saved_at: f64) -> String {
        let date = js_sys::Date::new(&JsValue::from_f64(saved_at));
        let options = js_sys::Object::new();
        for (k, v) in [("day", "numeric"), ("month", "short"), ("hour", "2-digit"), ("minute", "2-digit")] {
            let _ = js_sys::Reflect::set(&options, &k.into(), &v.into());
        }
        String::from(date.to_locale_string("default", &options))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::Reader;

    #[test]
    fn a_draft_reads_back_as_the_file_it_saved() {
        let seed = Reader::from_json(crate::SEED_JSON).unwrap_or_else(|d| panic!("{d:?}")).doc;
        let file = crate::model::write_claims_file(&seed);
        let text = encode(&file, 1_764_543_600_000.0);
        assert!(text.starts_with("claim-reader-editor draft 1\nsaved-at 1764543600000\n{\n"), "{}", &text[..80]);
        let draft = decode(&text).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(draft.saved_at, 1_764_543_600_000.0);
        assert_eq!(draft.doc.claims, seed.claims);
        assert_eq!(crate::model::write_claims_file(&draft.doc), file);
    }

    #[test]
    fn a_draft_with_errors_comes_back_with_them() {
        // A claim naming a party no one declared: the editor opens such a file and keeps the
        // error for the check to show, so its draft must come back as it was too.
        let mut seed = Reader::from_json(crate::SEED_JSON).unwrap_or_else(|d| panic!("{d:?}")).doc;
        seed.claims[3].party = "moscow".into();
        let file = crate::model::write_claims_file(&seed);
        let draft = decode(&encode(&file, 0.0)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(draft.doc.claims[3].party, "moscow");
        assert_eq!(crate::model::write_claims_file(&draft.doc), file);
    }

    #[test]
    fn a_damaged_or_foreign_draft_says_why() {
        let file = crate::model::write_claims_file(&Reader::from_json(crate::SEED_JSON).unwrap_or_else(|d| panic!("{d:?}")).doc);
        assert_eq!(decode("{\"format\": \"claim-reader/1\"}"), Err("it is not a draft this editor saved".into()));
        assert_eq!(
            decode(&format!("claim-reader-editor draft 2\nsaved-at 1\n{file}")),
            Err("it was saved by a newer editor (draft format 2; this one reads format 1)".into())
        );
        assert_eq!(
            decode(&format!("claim-reader-editor draft x\nsaved-at 1\n{file}")),
            Err("its draft format \"x\" is not one this editor reads".into())
        );
        assert_eq!(decode(&format!("claim-reader-editor draft 1\nsaved at\n{file}")), Err("its second line, the time it was saved, is damaged".into()));
        let cut = decode(&format!("claim-reader-editor draft 1\nsaved-at 1\n{}", &file[..file.len() / 2]));
        assert!(cut.as_ref().is_err_and(|e| e.starts_with("its claims file does not read: error")), "{cut:?}");
        assert!(unreadable("it is not a draft this editor saved").contains("could not be restored: it is not a draft"));
    }

    #[test]
    fn the_warning_says_why_and_what_to_do() {
        assert_eq!(
            not_saving("QuotaExceededError"),
            "Your work is not being saved: the browser's storage for this page is full. Export the claims file to keep it."
        );
        assert!(not_saving("SecurityError").contains("private browsing, or storage blocked"));
    }
}
