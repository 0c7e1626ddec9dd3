//! The reader of one article: its view state, the context its parts share, and the page
//! listeners it needs while it is shown.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use super::article_body::ArticleBody;
use super::article_header::ArticleHeader;
use super::details::Details;
use super::events::PassageEvents;
use super::hooks::{next_state, use_claim_link, use_dismiss_listeners, use_claim_opened_event, use_printing, use_ready_mark};
use super::legend::Legend;
use super::notices::Notices;
use super::paragraph::shown_claims;
use super::print_notes::PrintNotes;
use super::stance_table::StanceTable;
use super::{ReaderContext, ReaderRef, Seg};
use crate::view_state::{Action, Opener, ViewState};

impl Reducible for ViewState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        next_state(self, |next| next.apply(action))
    }
}

thread_local! {
    static NEXT_INSTANCE: Cell<u32> = const { Cell::new(0) };
}

/// A page-unique prefix for element ids, so several readers can share a page.
fn next_instance_prefix() -> AttrValue {
    NEXT_INSTANCE.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1));
        AttrValue::from(format!("claim-reader-{id}"))
    })
}

#[derive(Properties, PartialEq)]
pub struct ClaimReaderProps {
    pub reader: ReaderRef,
    /// "light" or "dark" to override `prefers-color-scheme`.
    #[prop_or_default]
    pub theme: Option<AttrValue>,
    /// The reader's name in links to its claims.
    #[prop_or_default]
    pub name: Option<AttrValue>,
    /// Rendered ahead as HTML that works with no script.
    #[prop_or_default]
    pub prerender: bool,
    /// Hydrates the reader rendered ahead (see [`super::ReaderRootProps::hydrate`]).
    #[prop_or_default]
    pub hydrate: bool,
    /// The fingerprint of the data, written on a reader rendered ahead
    /// ([`super::reader_root::source_print`]).
    #[prop_or_default]
    pub source_print: Option<AttrValue>,
}

/// Shows one article. New data keeps what the reader has done (issues switched off, details
/// pinned); the details then show the new data's claims.
#[function_component]
pub fn ClaimReader(props: &ClaimReaderProps) -> Html {
    let reader = &props.reader;
    let state = use_reducer({
        let issues = reader.doc.issues.len();
        move || ViewState::new(issues)
    });
    let prefix = use_memo((), |_| next_instance_prefix());
    let root = use_node_ref();
    // Hydrating, the first render is the reader rendered ahead, as it is in the page; the effect
    // after it renders the live one in place, in the same task, before anything is painted.
    let ahead = use_state_eq(|| props.hydrate);
    {
        let ahead = ahead.setter();
        use_effect_with((), move |_| ahead.set(false));
    }
    let is_static = props.prerender || *ahead;
    let context = use_memo((reader.clone(), prefix.clone(), props.name.clone(), is_static, props.hydrate), {
        let (dispatch, root) = (state.dispatcher(), root.clone());
        move |(reader, prefix, name, is_static, hydrated)| ReaderContext {
            reader: reader.clone(),
            dispatch,
            prefix: (**prefix).clone(),
            root,
            name: name.clone(),
            prerendered: *is_static,
            hydrated: *hydrated,
        }
    });
    let muted = use_memo(state.muted.clone(), |muted| muted.clone());
    use_dismiss_listeners(root.clone(), state.dispatcher());
    use_claim_link((*context).clone());
    use_claim_opened_event((*context).clone(), state.open.as_ref().map(|o| (o.trigger, o.opener)), muted.clone());
    let printing = use_printing();
    use_ready_mark();

    // What the open details show, read afresh from the data: new data fills them anew.
    let open = state.open.as_ref().and_then(|o| {
        let segment = reader.paragraphs.get(o.trigger.0)?.get(o.trigger.1)?;
        Some((o.trigger, shown_claims(reader, &segment.claims, &muted)))
    });
    let open_claims: Rc<[usize]> = open.as_ref().map(|(_, c)| c.as_slice().into()).unwrap_or_else(|| Rc::from([]));
    // The table cells linked to what is shown: those of the open claims, and the hovered one.
    let linked_cells: Vec<(usize, usize)> =
        open_claims.iter().map(|&c| reader.cells[c]).chain(state.hovered_cell).collect();
    // The passages of the hovered cell (each chunk and paragraph picks its own).
    let linked: Vec<Seg> = state
        .hovered_cell
        .map(|(p, i)| reader.table.cell(p, i).claims.iter().flat_map(|&c| reader.segments_of[c].iter().copied()).collect())
        .unwrap_or_default();

    let events = PassageEvents { context: (*context).clone(), muted: muted.clone(), back_to: state.return_cell() };
    let article = &reader.doc.article;
    html! {
        <ContextProvider<ReaderContext> context={(*context).clone()}>
            <div
                class="claim-reader"
                ref={root}
                data-ready={(!is_static).then_some("true")}
                data-static={is_static.then_some("true")}
                data-build={is_static.then_some(crate::MARKUP_BUILD)}
                data-source={props.source_print.clone().filter(|_| is_static)}
                data-theme={props.theme.clone()}
                lang={article.language.clone()}
                dir={article.text_direction().map(|d| d.word())}
                id={context.prefix.clone()}
                onmouseover={events.listener()}
                onmouseout={events.listener()}
                onfocusin={events.listener()}
                onfocusout={events.listener()}
                onclick={events.listener()}
                onkeydown={events.on_keydown()}
            >
                <div class="cr-layout">
                    <article class="cr-article">
                        <ArticleHeader />
                        <div class="cr-body">
                            if let Some(dateline) = &article.dateline {
                                <p class="cr-dateline">{ dateline }</p>
                            }
                            <ArticleBody open={open.as_ref().map(|(t, _)| *t)} linked={Rc::<[Seg]>::from(linked)} muted={muted.clone()} />
                        </div>
                        if let Some(note) = &article.footer_note {
                            <footer class="cr-footer-note"><p>{ note }</p></footer>
                        }
                    </article>
                    <aside class="cr-aside" aria-label="Who wants what">
                        <StanceTable linked={Rc::<[(usize, usize)]>::from(linked_cells)} />
                        <Legend muted={muted.clone()} />
                        <Notices />
                    </aside>
                </div>
                <PrintNotes printing={printing || is_static} />
                if !is_static {
                <Details
                    trigger={open.as_ref().map(|(t, _)| *t)}
                    claims={open_claims}
                    back={state.return_cell()}
                    reveal={state.open.as_ref().is_some_and(|o| o.opener == Opener::Link)}
                />
                }
            </div>
        </ContextProvider<ReaderContext>>
    }
}
