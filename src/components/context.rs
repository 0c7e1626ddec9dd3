//! What every component of one reader shares: the model, the way to change the view state, and
//! the reader's ids and root element.

use std::ops::Deref;
use std::rc::Rc;

use yew::prelude::*;

use crate::reader::Reader;
use crate::view_state::ViewState;

/// A shared [`Reader`] compared by identity, so props and context comparisons stay O(1).
#[derive(Clone, Debug)]
pub struct ReaderRef(pub Rc<Reader>);

impl PartialEq for ReaderRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for ReaderRef {
    type Target = Reader;
    fn deref(&self) -> &Reader {
        &self.0
    }
}

/// Provided by [`super::claim_reader::ClaimReader`] to everything inside it. Changes only with
/// the data, so hovering never re-renders a component for its context's sake.
#[derive(Clone, PartialEq)]
pub struct ReaderContext {
    pub reader: ReaderRef,
    pub dispatch: UseReducerDispatcher<ViewState>,
    /// Prefixes the ids of this reader's elements, unique on the page.
    pub prefix: AttrValue,
    /// The reader's root element, for what must be found, measured or focused in it.
    pub root: NodeRef,
    /// The name links to this reader's claims use on a page with several readers: the id of
    /// the element it was mounted into.
    pub name: Option<AttrValue>,
    /// Rendered ahead as HTML for pages read without script; see [`ReaderContext::is_static`].
    pub prerendered: bool,
    /// Took over a reader rendered ahead (hydrated it in place): what that one laid out stays
    /// where it was, so that nothing on the screen moves when the live reader takes over (its
    /// note markers stay, every chunk of the article stays built).
    pub hydrated: bool,
}

impl ReaderContext {
    /// The id of the details tooltip, which the open passage points at.
    pub fn details_id(&self) -> String {
        format!("{}-details", self.prefix)
    }

    /// Rendered ahead as HTML for pages read without script (`claim-reader render`): plain
    /// links where the live reader has buttons, and every claim's details as numbered notes.
    /// The browser renders this form too, once: a reader hydrating one rendered ahead first
    /// renders exactly what is in the page (yew's hydration adopts the nodes only when they
    /// match), then the live form in place.
    pub fn is_static(&self) -> bool {
        // A browser build that cannot hydrate never renders this form: compiled out of it.
        cfg!(any(feature = "hydrate", not(target_arch = "wasm32"))) && self.prerendered
    }

    /// The id of claim `c`'s numbered note (static rendering).
    pub fn note_id(&self, c: usize) -> String {
        format!("{}-note-{}", self.prefix, c + 1)
    }

    /// The id of the link to claim `c`'s note, after its passage (static rendering).
    pub fn note_ref_id(&self, c: usize) -> String {
        format!("{}-ref-{}", self.prefix, c + 1)
    }
}

/// The context of the reader a component is in. Every component that calls it is rendered
/// inside [`super::claim_reader::ClaimReader`], which provides it; outside one, it renders
/// nothing rather than fail.
#[hook]
pub fn use_reader() -> Option<ReaderContext> {
    use_context::<ReaderContext>()
}
