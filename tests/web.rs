#![cfg(target_arch = "wasm32")]
//! The reader in a real browser: what a user sees and what their pointer, keyboard and taps do.
//!
//! Each test mounts `ReaderRoot` into its own element on the page, drives it with real DOM events
//! (Yew delegates them to its root), flushes Yew's scheduler, and reads the DOM back.

use std::collections::BTreeSet;

use claim_reader::components::{ReaderRoot, ReaderRootProps, Source};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Document, Element, EventTarget, HtmlElement, KeyboardEvent, KeyboardEventInit, MouseEvent, MouseEventInit};
use yew::AttrValue;

wasm_bindgen_test_configure!(run_in_browser);

/// The seed article's claims, as the seed page carries them.
const SEED_JSON: &str = include_str!("../static/seed.json");

const SEED_IDS: [&str; 12] = [
    "us-army-push",
    "us-army-witkoff",
    "us-concessions",
    "ru-demilitarize",
    "us-zaporizhzhia",
    "us-dnieper",
    "us-kharkiv",
    "ru-recognition",
    "us-crimea",
    "ua-no-concessions",
    "us-guarantees",
    "us-deal-soon",
];

const PARTIES: [&str; 3] = ["us", "russia", "ukraine"];

const ISSUES: [&str; 7] = [
    "ukraine-military",
    "zaporizhzhia-plant",
    "land-and-access",
    "territorial-recognition",
    "security-guarantees",
    "mutual-concessions",
    "quick-deal",
];

/// The seed's stance table, per docs/seed-annotation.md; every other cell is not stated.
const STATED: [(&str, &str, &str); 10] = [
    ("us", "ukraine-military", "demands"),
    ("us", "zaporizhzhia-plant", "demands"),
    ("us", "land-and-access", "proposes"),
    ("us", "territorial-recognition", "proposes"),
    ("us", "security-guarantees", "undecided"),
    ("us", "mutual-concessions", "demands"),
    ("us", "quick-deal", "demands"),
    ("russia", "ukraine-military", "opposes"),
    ("russia", "territorial-recognition", "demands"),
    ("ukraine", "territorial-recognition", "rejects"),
];

const XSS_IMG: &str = "<img src=x onerror=alert(1)>";
const XSS_SCRIPT: &str = "<script>alert(2)</script>";

// ---------------------------------------------------------------------------------------------
// Mounting and reading the DOM

/// A reader mounted into its own element on the page; unmounted and removed when dropped.
struct Mounted {
    host: Element,
    app: Option<yew::AppHandle<ReaderRoot>>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.host.remove();
    }
}

impl Mounted {
    fn q(&self, selector: &str) -> Element {
        q(&self.host, selector)
    }

    fn find(&self, selector: &str) -> Option<Element> {
        find(&self.host, selector)
    }

    fn all(&self, selector: &str) -> Vec<Element> {
        all(&self.host, selector)
    }

    fn mark(&self, claim: &str) -> Element {
        self.q(&format!("mark.cr-passage[data-claim~=\"{claim}\"]"))
    }

    fn tooltip(&self) -> Element {
        self.q("[role=tooltip]")
    }

    fn tooltip_open(&self) -> bool {
        !self.tooltip().has_attribute("hidden")
    }

    /// Claim ids of the sections shown in the details.
    fn tooltip_claims(&self) -> Vec<String> {
        all(&self.tooltip(), "section.cr-claim").iter().filter_map(|s| s.get_attribute("data-claim")).collect()
    }

    /// A cell of the table as it is set in a wide column (parties down, issues across).
    fn cell(&self, party: &str, issue: &str) -> Element {
        self.q(&format!("table.cr-wide td[data-party=\"{party}\"][data-issue=\"{issue}\"]"))
    }

    /// (party, issue) of the cells linked to what is shown, in the given orientation.
    fn linked_cells(&self, table: &str) -> Vec<(String, String)> {
        self.all(&format!("table.{table} td.is-linked"))
            .iter()
            .map(|td| (td.get_attribute("data-party").unwrap_or_default(), td.get_attribute("data-issue").unwrap_or_default()))
            .collect()
    }

    fn text(&self) -> String {
        text(&self.host)
    }
}

fn document() -> Document {
    web_sys::window().expect("window").document().expect("document")
}

async fn mount(json: impl Into<AttrValue>) -> Mounted {
    let document = document();
    let host = document.create_element("div").expect("create the mount element");
    document.body().expect("body").append_child(&host).expect("attach the mount element");
    let json: AttrValue = json.into();
    let props = yew::props!(ReaderRootProps { source: Source::Json(json) });
    let app = yew::Renderer::<ReaderRoot>::with_root_and_props(host.clone(), props).render();
    yew::scheduler::flush().await;
    Mounted { host, app: Some(app) }
}

async fn mount_seed() -> Mounted {
    mount(AttrValue::Static(SEED_JSON)).await
}

fn find(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).unwrap_or_else(|_| panic!("bad selector {selector}"))
}

fn q(root: &Element, selector: &str) -> Element {
    find(root, selector).unwrap_or_else(|| panic!("nothing matches {selector}"))
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap_or_else(|_| panic!("bad selector {selector}"));
    (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into::<Element>().ok()).collect()
}

fn text(el: &Element) -> String {
    el.text_content().unwrap_or_default()
}

fn classes(el: &Element) -> Vec<String> {
    el.get_attribute("class").unwrap_or_default().split_whitespace().map(String::from).collect()
}

fn has_class(el: &Element, class: &str) -> bool {
    classes(el).iter().any(|c| c == class)
}

fn active_element() -> Option<Element> {
    document().active_element()
}

// ---------------------------------------------------------------------------------------------
// Events

/// A mouse event that does not bubble, as the browser sends mouseenter and mouseleave.
fn mouse(el: &Element, kind: &str, related: Option<&EventTarget>) {
    let init = MouseEventInit::new();
    init.set_related_target(related);
    let event = MouseEvent::new_with_mouse_event_init_dict(kind, &init).expect("mouse event");
    el.dispatch_event(&event).expect("dispatch");
}

/// A mouse event that bubbles, as the browser sends mouseover and mouseout.
fn mouse_bubbling(el: &Element, kind: &str, related: Option<&EventTarget>) {
    let init = MouseEventInit::new();
    init.set_related_target(related);
    init.set_bubbles(true);
    let event = MouseEvent::new_with_mouse_event_init_dict(kind, &init).expect("mouse event");
    el.dispatch_event(&event).expect("dispatch");
}

/// The pointer arrives on `el` from the page: mouseover (bubbling), then mouseenter.
async fn enter(el: &Element) {
    let body: EventTarget = document().body().expect("body").into();
    mouse_bubbling(el, "mouseover", Some(&body));
    mouse(el, "mouseenter", Some(&body));
    yew::scheduler::flush().await;
}

/// The pointer leaves `el` for `to` (the page by default): mouseout (bubbling), then mouseleave.
async fn leave(el: &Element, to: Option<&Element>) {
    let body: EventTarget = document().body().expect("body").into();
    let to: &EventTarget = to.map(|e| e.as_ref()).unwrap_or(&body);
    mouse_bubbling(el, "mouseout", Some(to));
    mouse(el, "mouseleave", Some(to));
    yew::scheduler::flush().await;
}

/// A click as a tap or mouse button produces it: bubbling, from the element itself.
async fn click(el: &Element) {
    el.dyn_ref::<HtmlElement>().expect("an HTML element").click();
    yew::scheduler::flush().await;
}

async fn focus(el: &Element) {
    el.dyn_ref::<HtmlElement>().expect("an HTML element").focus().expect("focus");
    yew::scheduler::flush().await;
}

async fn escape() {
    let init = KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("keyboard event");
    document().dispatch_event(&event).expect("dispatch");
    yew::scheduler::flush().await;
}

// ---------------------------------------------------------------------------------------------
// 1. The seed as mounted

#[wasm_bindgen_test]
async fn seed_mounts_with_every_claim_highlighted_and_focusable() {
    let r = mount_seed().await;
    assert!(r.find(".claim-reader[data-ready=\"true\"]").is_some(), "reader not marked ready:\n{}", r.host.inner_html());
    assert_eq!(
        text(&r.q("h1.cr-headline")),
        "US to push Russia to accept Ukraine's military rights in peace talks: Report"
    );
    assert_eq!(r.all("p.cr-paragraph").len(), 9);

    let marks = r.all("mark.cr-passage");
    let mut seen = BTreeSet::new();
    for mark in &marks {
        assert_eq!(mark.get_attribute("tabindex").as_deref(), Some("0"), "mark {}", mark.outer_html());
        let ids = mark.get_attribute("data-claim").unwrap_or_default();
        seen.extend(ids.split_whitespace().map(String::from));
    }
    let expected: BTreeSet<String> = SEED_IDS.iter().map(|s| s.to_string()).collect();
    assert_eq!(seen, expected);

    // Each passage carries its own quote's words.
    assert!(text(&r.mark("us-dnieper")).contains("restoring Ukraine\u{2019}s access to the Dnieper River"));
    assert!(!r.tooltip_open(), "details open before anything was done");
}

// ---------------------------------------------------------------------------------------------
// 2–5. The details tooltip

#[wasm_bindgen_test]
async fn hovering_a_passage_shows_its_details_and_links_its_cell() {
    let r = mount_seed().await;
    let mark = r.mark("us-crimea");
    assert!(!has_class(&r.cell("us", "territorial-recognition"), "is-linked"));
    enter(&mark).await;

    let tooltip = r.tooltip();
    assert!(r.tooltip_open(), "tooltip still hidden: {}", tooltip.outer_html());
    let shown = text(&tooltip);
    for expected in [
        "United States",
        "proposes",
        "Recognising Russian-held land",
        "Reported, not confirmed",
        "reportedly",
        "Anadolu Agency",
    ] {
        assert!(shown.contains(expected), "details lack {expected:?}: {shown:?}");
    }
    assert_eq!(r.tooltip_claims(), ["us-crimea"]);
    let tooltip_id = tooltip.id();
    assert!(!tooltip_id.is_empty());
    assert_eq!(mark.get_attribute("aria-describedby"), Some(tooltip_id));
    assert!(has_class(&mark, "is-open"));

    let linked = r.linked_cells("cr-wide");
    assert_eq!(linked, [("us".to_string(), "territorial-recognition".to_string())]);
    assert_eq!(r.linked_cells("cr-turned"), linked, "the turned table links the same cell");
}

#[wasm_bindgen_test]
async fn leaving_a_passage_closes_its_details_unless_the_pointer_moves_onto_them() {
    let r = mount_seed().await;
    let mark = r.mark("us-crimea");

    enter(&mark).await;
    assert!(r.tooltip_open());
    leave(&mark, None).await;
    assert!(!r.tooltip_open(), "details stay open after the pointer left for the page");
    assert_eq!(mark.get_attribute("aria-describedby"), None);
    assert!(r.all("td.is-linked").is_empty());

    enter(&mark).await;
    assert!(r.tooltip_open());
    let card = r.q("[role=tooltip] .cr-details-card");
    leave(&mark, Some(&card)).await;
    assert!(r.tooltip_open(), "details closed as the pointer moved onto them");
    assert_eq!(r.tooltip_claims(), ["us-crimea"]);

    // And leaving the details for the page closes them.
    let tooltip = r.tooltip();
    leave(&tooltip, None).await;
    assert!(!r.tooltip_open(), "details stay open after the pointer left them");
}

#[wasm_bindgen_test]
async fn focusing_a_passage_shows_its_details_and_escape_closes_them() {
    let r = mount_seed().await;
    let mark = r.mark("us-guarantees");
    focus(&mark).await;
    assert!(active_element().is_some_and(|a| a.is_same_node(Some(&mark))), "the passage did not take focus");
    assert!(r.tooltip_open(), "focus did not open the details");
    assert_eq!(r.tooltip_claims(), ["us-guarantees"]);
    assert!(text(&r.tooltip()).contains("undecided"));
    assert_eq!(mark.get_attribute("aria-describedby"), Some(r.tooltip().id()));

    escape().await;
    assert!(!r.tooltip_open(), "Escape did not close the details");

    // Focus moving to the next passage shows its details; focus leaving the passages closes them.
    let other = r.mark("us-deal-soon");
    focus(&other).await;
    assert!(r.tooltip_open());
    assert_eq!(r.tooltip_claims(), ["us-deal-soon"]);
    assert_eq!(mark.get_attribute("aria-describedby"), None);
    other.dyn_ref::<HtmlElement>().expect("html").blur().expect("blur");
    yew::scheduler::flush().await;
    assert!(!r.tooltip_open(), "details stay open after focus left the passage");
}

#[wasm_bindgen_test]
async fn a_tap_pins_the_details_until_they_are_closed() {
    let r = mount_seed().await;
    let mark = r.mark("us-zaporizhzhia");
    enter(&mark).await;
    click(&mark).await;
    assert!(r.tooltip_open(), "a tap did not open the details");
    assert_eq!(r.tooltip_claims(), ["us-zaporizhzhia"]);

    leave(&mark, None).await;
    assert!(r.tooltip_open(), "a tapped passage's details closed when the pointer left");

    let close = r.q("[role=tooltip] button.cr-details-close");
    assert_eq!(close.get_attribute("aria-label").as_deref(), Some("Close details"));
    click(&close).await;
    assert!(!r.tooltip_open(), "the close button did not close the details");
    assert_eq!(mark.get_attribute("aria-describedby"), None);
    assert!(!has_class(&mark, "is-open"));
}

#[wasm_bindgen_test]
async fn new_data_while_details_are_pinned_shows_the_new_details() {
    let mut r = mount_seed().await;
    let mark = r.mark("us-zaporizhzhia");
    enter(&mark).await;
    click(&mark).await;
    let before = text(&r.q("[role=tooltip] .cr-details-summary"));

    let mut doc: serde_json::Value = serde_json::from_str(SEED_JSON).expect("seed");
    let claims = doc["claims"].as_array_mut().expect("claims");
    let claim = claims.iter_mut().find(|c| c["id"] == "us-zaporizhzhia").expect("the claim");
    claim["summary"] = "The US wants the plant run by the US (revised).".into();
    let app = r.app.as_mut().expect("mounted");
    app.update(yew::props!(ReaderRootProps { source: Source::Json(doc.to_string().into()) }));
    yew::scheduler::flush().await;

    assert!(r.tooltip_open(), "the pinned details closed when the data changed");
    assert_eq!(r.tooltip_claims(), ["us-zaporizhzhia"]);
    let after = text(&r.q("[role=tooltip] .cr-details-summary"));
    assert_ne!(after, before);
    assert_eq!(after, "The US wants the plant run by the US (revised).");
}

// ---------------------------------------------------------------------------------------------
// 6–8. The stance table

#[wasm_bindgen_test]
async fn stance_table_reads_as_the_article_does() {
    let r = mount_seed().await;
    let table = r.q("table.cr-stance-table");
    assert!(text(&q(&table, "caption")).contains("Who wants what"));

    let row_heads: Vec<String> = all(&table, "th[scope=row]").iter().map(|th| th.get_attribute("data-party").unwrap_or_default()).collect();
    assert_eq!(row_heads, PARTIES);
    let col_heads: Vec<String> =
        all(&table, "th[scope=col][data-issue]").iter().map(|th| th.get_attribute("data-issue").unwrap_or_default()).collect();
    assert_eq!(col_heads, ISSUES);

    let cells = all(&table, "td[data-party][data-issue]");
    assert_eq!(cells.len(), 21);
    for party in PARTIES {
        for issue in ISSUES {
            let td = r.cell(party, issue);
            let stance = STATED.iter().find(|(p, i, _)| *p == party && *i == issue).map(|(_, _, s)| *s);
            let shown = text(&td);
            match stance {
                Some(word) => {
                    assert_eq!(td.get_attribute("data-stance").as_deref(), Some(word), "{party} × {issue}");
                    assert!(shown.contains(word), "{party} × {issue} shows {shown:?}");
                    let icon = match word {
                        "demands" | "proposes" | "supports" => '▲',
                        "opposes" | "rejects" => '▼',
                        _ => '◆',
                    };
                    assert!(shown.contains(icon), "{party} × {issue} lacks its icon {icon}: {shown:?}");
                    assert!(find(&td, "button.cr-cell").is_some(), "{party} × {issue} has no button");
                }
                None => {
                    assert_eq!(td.get_attribute("data-stance").as_deref(), Some("not-stated"), "{party} × {issue}");
                    assert!(shown.contains("not stated"), "{party} × {issue} shows {shown:?}");
                    assert!(find(&td, "button").is_none(), "{party} × {issue} has a button but no passage");
                }
            }
        }
    }
    // Two passages back the US's demand on Ukraine's military and its proposal on land.
    assert!(text(&r.cell("us", "ukraine-military")).contains("2 passages"));
    assert!(text(&r.cell("us", "land-and-access")).contains("2 passages"));
    assert!(text(&r.cell("russia", "ukraine-military")).contains("1 passage"));
}

#[wasm_bindgen_test]
async fn hovering_a_cell_emphasises_its_passages() {
    let r = mount_seed().await;
    let button = q(&r.cell("us", "land-and-access"), "button");
    enter(&button).await;

    let linked: BTreeSet<String> =
        r.all("mark.is-linked").iter().filter_map(|m| m.get_attribute("data-claim")).collect();
    let expected: BTreeSet<String> = ["us-dnieper", "us-kharkiv"].iter().map(|s| s.to_string()).collect();
    assert_eq!(linked, expected);
    for id in SEED_IDS {
        let mark = r.mark(id);
        assert_eq!(has_class(&mark, "is-linked"), expected.contains(id), "{id}: {:?}", classes(&mark));
    }
    assert!(has_class(&r.cell("us", "land-and-access"), "is-linked"));

    leave(&button, None).await;
    assert!(r.all("mark.is-linked").is_empty(), "passages stay emphasised after the pointer left the cell");
    assert!(r.all("td.is-linked").is_empty());
}

#[wasm_bindgen_test]
async fn clicking_a_cell_focuses_its_first_passage_and_shows_its_details() {
    let r = mount_seed().await;
    let button = q(&r.cell("us", "land-and-access"), "button");
    click(&button).await;

    let first = r.mark("us-dnieper");
    let active = active_element();
    assert!(
        active.as_ref().is_some_and(|a| a.is_same_node(Some(&first))),
        "focus is on {:?}",
        active.map(|a| a.outer_html())
    );
    assert!(r.tooltip_open(), "the passage's details did not open");
    assert_eq!(r.tooltip_claims(), ["us-dnieper"]);
    assert_eq!(first.get_attribute("aria-describedby"), Some(r.tooltip().id()));
}

// ---------------------------------------------------------------------------------------------
// 9. The legend

#[wasm_bindgen_test]
async fn legend_switches_an_issue_off_and_on() {
    let r = mount_seed().await;
    let button = r.q(".cr-legend button[data-issue=\"zaporizhzhia-plant\"]");
    let mark = r.mark("us-zaporizhzhia");
    assert_eq!(button.get_attribute("aria-pressed").as_deref(), Some("true"));
    assert!(!has_class(&mark, "is-muted"));

    click(&button).await;
    assert_eq!(button.get_attribute("aria-pressed").as_deref(), Some("false"));
    let mark = r.mark("us-zaporizhzhia");
    assert!(has_class(&mark, "is-muted"), "{:?}", classes(&mark));
    assert_eq!(r.all("mark.is-muted").len(), 1, "other issues were muted too");
    let status = text(&r.q(".cr-legend-box [aria-live]"));
    assert!(status.contains("Zaporizhzhia plant"), "{status:?}");

    click(&button).await;
    assert_eq!(button.get_attribute("aria-pressed").as_deref(), Some("true"));
    let mark = r.mark("us-zaporizhzhia");
    assert!(!has_class(&mark, "is-muted"), "{:?}", classes(&mark));
    assert_eq!(mark.get_attribute("tabindex").as_deref(), Some("0"));
}

/// On paper every claim is listed; the list is filled when printing starts, not on load.
#[wasm_bindgen_test]
async fn printing_lists_every_claim_with_its_party_and_stance() {
    let r = mount_seed().await;
    assert_eq!(r.all(".cr-print-notes li").len(), 0, "the list is filled only for print");
    let window = web_sys::window().expect("window");
    window.dispatch_event(&web_sys::Event::new("beforeprint").expect("an event")).expect("dispatched");
    yew::scheduler::flush().await;
    let items = r.all(".cr-print-notes li");
    assert_eq!(items.len(), 12);
    assert_eq!(text(&q(&items[0], "strong")), "United States demands");
    assert!(text(&items[3]).starts_with("Russia opposes — Ukraine's military."), "{}", text(&items[3]));
    window.dispatch_event(&web_sys::Event::new("beforeprint").expect("an event")).expect("dispatched");
    yew::scheduler::flush().await;
    assert_eq!(r.all(".cr-print-notes li").len(), 12, "a second print keeps one list");
}

// ---------------------------------------------------------------------------------------------
// 10. Problems in the claims file

#[wasm_bindgen_test]
async fn invalid_json_shows_the_error_panel_and_no_article() {
    let r = mount("{ \"format\": \"claim-reader/1\", ").await;
    let alert = r.q("[role=alert]");
    assert!(!all(&alert, "li.is-error").is_empty(), "no problem listed: {}", alert.outer_html());
    assert!(text(&alert).contains("not valid JSON"), "{}", text(&alert));
    assert!(r.find("article").is_none() && r.find(".cr-article").is_none(), "an article was shown");
    assert!(r.find("mark").is_none());
}

#[wasm_bindgen_test]
async fn an_unknown_issue_is_reported_with_its_json_path() {
    let r = mount(AttrValue::Static(include_str!("broken/unknown-issue.json"))).await;
    let alert = r.q("[role=alert]");
    let items = all(&alert, "li");
    assert_eq!(items.len(), 1, "{}", alert.outer_html());
    let item = &items[0];
    assert_eq!(text(&q(item, "code.cr-path")), "claims[1].issue");
    assert!(text(item).contains("terittory"), "{}", text(item));
    assert!(r.find("article").is_none(), "an article was shown");
    assert!(r.find("table").is_none(), "a stance table was shown");
}

#[wasm_bindgen_test]
async fn a_quote_not_in_the_text_is_listed_and_still_counted() {
    let r = mount(AttrValue::Static(include_str!("broken/quote-not-in-text.json"))).await;
    assert!(r.find("[role=alert]").is_none(), "a warning stopped the article");
    assert_eq!(text(&r.q("h1.cr-headline")), "Talks resume in Geneva");
    assert!(r.find("mark[data-claim~=\"ua-army\"]").is_some());
    assert!(r.find("mark[data-claim~=\"ru-army\"]").is_none());

    let section = r.q("section.cr-unplaced");
    assert!(text(&section).contains("Claims not found in the text"));
    let item = q(&section, "li[data-claim=\"ru-army\"]");
    assert!(text(&item).contains("Russia wants a ceasefire by May"), "{}", text(&item));

    let cell = r.cell("russia", "military");
    assert_eq!(cell.get_attribute("data-stance").as_deref(), Some("rejects"));
    assert!(text(&cell).contains("1 passage"), "{}", text(&cell));
}

// ---------------------------------------------------------------------------------------------
// 11. Several readers on one page

#[wasm_bindgen_test]
async fn two_readers_keep_their_details_apart() {
    let a = mount_seed().await;
    let b = mount_seed().await;
    let (tip_a, tip_b) = (a.tooltip(), b.tooltip());
    assert_ne!(tip_a.id(), tip_b.id());
    assert_ne!(a.q(".claim-reader").id(), b.q(".claim-reader").id());

    enter(&a.mark("us-crimea")).await;
    assert!(a.tooltip_open());
    assert!(!b.tooltip_open(), "hovering one reader opened the other's details");
    assert!(b.find("mark.is-open").is_none());
    assert!(b.all("td.is-linked").is_empty());
    assert_eq!(a.mark("us-crimea").get_attribute("aria-describedby"), Some(tip_a.id()));

    leave(&a.mark("us-crimea"), None).await;
    enter(&b.mark("us-dnieper")).await;
    assert!(b.tooltip_open());
    assert!(!a.tooltip_open());
    assert_eq!(b.mark("us-dnieper").get_attribute("aria-describedby"), Some(tip_b.id()));
}

// ---------------------------------------------------------------------------------------------
// 12. Text from the claims file stays text

#[wasm_bindgen_test]
async fn markup_in_the_claims_file_is_shown_as_text() {
    let headline = format!("Talks {XSS_IMG} resume {XSS_SCRIPT}");
    let party = format!("Ukraine {XSS_IMG}");
    let summary = format!("{XSS_SCRIPT} Ukraine wants {XSS_IMG} its army.");
    let json = serde_json::json!({
        "format": "claim-reader/1",
        "article": {
            "headline": headline,
            "paragraphs": ["Ukraine wants its army kept intact, officials said."]
        },
        "parties": [{ "id": "ukraine", "name": party }],
        "issues": [{ "id": "military", "label": "Ukraine's military", "description": "Ukraine keeps its army." }],
        "claims": [{
            "id": "ua-army",
            "party": "ukraine",
            "issue": "military",
            "stance": "demands",
            "quote": { "exact": "Ukraine wants its army kept intact", "paragraph": 0, "start": 0 },
            "summary": summary,
            "attribution": { "reported_by": "officials" },
            "certainty": "certain"
        }]
    })
    .to_string();
    let r = mount(json).await;
    assert!(r.find("[role=alert]").is_none(), "the file was refused:\n{}", r.text());

    assert_eq!(text(&r.q("h1.cr-headline")), headline);
    assert!(text(&r.q("th[scope=row][data-party=\"ukraine\"]")).contains(&party));
    enter(&r.mark("ua-army")).await;
    assert!(r.tooltip_open());
    assert!(text(&r.q("[role=tooltip] .cr-details-summary")).contains(&summary));
    assert!(text(&r.tooltip()).contains(&party));

    let page = r.text();
    assert!(page.contains(XSS_IMG) && page.contains(XSS_SCRIPT));
    let reader = r.q(".claim-reader");
    assert!(find(&reader, "img").is_none(), "an img element was made: {}", reader.inner_html());
    assert!(find(&reader, "script").is_none(), "a script element was made: {}", reader.inner_html());
}

// 13. Markup, event handlers, javascript: URLs and CSS in every string field stay text

/// Strings that would do something if they ever reached the page as markup.
const PAYLOADS: [&str; 5] = [
    "<img src=x onerror=\"window.__injected=1\">",
    "<script>window.__injected=2</script>",
    "\" onmouseover=\"window.__injected=3\" x=\"",
    "<a href=\"javascript:window.__injected=4\">link</a>",
    "</style><style>*{display:none!important}</style>",
];

#[wasm_bindgen_test]
async fn no_string_field_can_inject_markup() {
    for (n, payload) in PAYLOADS.iter().enumerate() {
        let t = |field: &str| format!("{field} {payload}");
        let paragraph = format!("Officials said {payload} and nothing more.");
        let json = serde_json::json!({
            "format": "claim-reader/1",
            "article": {
                "kicker": [t("kicker")], "headline": t("headline"), "subheadline": t("subheadline"),
                "author": t("author"), "publisher": { "name": t("publisher") }, "dateline": t("dateline"),
                "published": t("published"), "updated": t("updated"),
                "paragraphs": [paragraph], "footer_note": t("footer")
            },
            "parties": [{ "id": "p", "name": t("party"), "short_name": t("short"), "aliases": [t("alias")] }],
            "issues": [{ "id": "i", "label": t("label"), "description": t("description") }],
            "claims": [{
                "id": "c", "party": "p", "issue": "i", "stance": "demands",
                "quote": { "exact": payload, "prefix": "said ", "suffix": " and" },
                "summary": t("summary"),
                "attribution": { "reported_by": t("reporter"), "basis": t("basis"), "via": t("via") },
                "certainty": "probable", "hedge": t("hedge")
            }, {
                "id": "lost", "party": "p", "issue": "i", "stance": "rejects",
                "quote": { "exact": t("a quote that is not in the text") },
                "summary": t("lost summary"),
                "attribution": { "reported_by": t("reporter") }, "certainty": "certain"
            }]
        })
        .to_string();
        let r = mount(json).await;
        assert!(r.find("[role=alert]").is_none(), "payload {n} was refused:\n{}", r.text());
        enter(&r.mark("c")).await;
        assert!(r.tooltip_open(), "payload {n}: details did not open");
        let reader = r.q(".claim-reader");
        for tag in ["img", "script", "style", "a", "iframe", "object"] {
            assert!(find(&reader, tag).is_none(), "payload {n} made a <{tag}>: {}", reader.inner_html());
        }
        assert!(all(&reader, "*").iter().all(|e| !e.has_attribute("onmouseover") && !e.has_attribute("onerror")));
        let shown = r.text();
        for field in ["kicker", "headline", "subheadline", "author", "publisher", "dateline", "footer", "party", "label",
            "description", "summary", "reporter", "basis", "via", "hedge", "lost summary"]
        {
            assert!(shown.contains(&t(field)), "payload {n}: {field} is not shown as written");
        }
        assert!(text(&r.mark("c")).ends_with(payload), "payload {n}: the passage reads {:?}", text(&r.mark("c")));
        let injected = js_sys::Reflect::get(&web_sys::window().expect("window"), &"__injected".into()).expect("read");
        assert!(injected.is_undefined(), "payload {n} ran: {injected:?}");
        assert_eq!(
            web_sys::window().expect("window").get_computed_style(&reader).expect("style").expect("style").get_property_value("display").expect("display"),
            "block",
            "payload {n} restyled the reader"
        );
    }
}

// 14. Warnings: the article shows, with the notes folded away

#[wasm_bindgen_test]
async fn warnings_show_the_article_and_a_notice_listing_them() {
    let mut doc: serde_json::Value = serde_json::from_str(SEED_JSON).expect("seed");
    doc["claims"][8]["quote"]["exact"] = "the Trump administration reportedly proposed recognising Crimea as Russian territory".into();
    doc["claims"][8]["quote"]["start"] = serde_json::Value::Null;
    doc["claims"][0]["confidence"] = "high".into();
    let r = mount(doc.to_string()).await;
    assert!(r.find("[role=alert]").is_none());
    assert_eq!(all(&r.host, "p.cr-paragraph").len(), 9, "the article is shown");
    let notice = r.q("details.cr-notice");
    assert_eq!(text(&r.q("details.cr-notice > summary")), "2 notes on this article's claims data");
    assert!(!notice.has_attribute("open"), "the notes start folded");
    let items: Vec<String> = all(&notice, "li").iter().map(text).collect();
    assert_eq!(items.len(), 2, "{items:?}");
    // Each note names where it is: path, then line and column.
    assert!(items.iter().any(|i| i.starts_with("claims[0].confidence: line 1, column ") && i.contains(": unknown field \"confidence\", ignored")), "{items:?}");
    assert!(
        items.iter().any(|i| i.starts_with("claims[8].quote.exact: line 1, column ") && i.contains(": the quote is not in the text word for word; it was placed on \"the Trump administration reportedly proposed recognizing Crimea as Russian territory\"")),
        "{items:?}"
    );
    // The approximately placed claim is still highlighted where the text says it.
    assert!(text(&r.mark("us-crimea")).contains("recognizing Crimea"));
}

// 15. Overlapping, nested and adjacent passages

#[wasm_bindgen_test]
async fn overlapping_nested_and_adjacent_passages_render_as_flat_segments() {
    let paragraph = "Moscow insists on recognition of four regions while Kyiv rejects any concessions at all.";
    // Two passages can meet with nothing between them: "…while Ky" and "iv rejects…". (White space
    // at a quote's edges is never highlighted, so they meet inside a word.)
    let claim = |id: &str, exact: &str| serde_json::json!({
        "id": id, "party": "p", "issue": "i", "stance": "demands",
        "quote": { "exact": exact, "paragraph": 0, "start": paragraph.find(exact).expect("in the text") },
        "summary": "s", "attribution": { "reported_by": "r" }, "certainty": "certain"
    });
    let json = serde_json::json!({
        "article": { "headline": "h", "paragraphs": [paragraph] },
        "parties": [{ "id": "p", "name": "P" }],
        "issues": [{ "id": "i", "label": "I", "description": "d" }],
        "claims": [
            claim("outer", "Moscow insists on recognition of four regions"),
            claim("nested", "recognition of four"),
            claim("overlap", "four regions while Ky"),
            claim("adjacent", "iv rejects any concessions"),
        ]
    })
    .to_string();
    let r = mount(json).await;
    let marks: Vec<(String, String)> = all(&r.host, "mark.cr-passage")
        .iter()
        .map(|m| (m.get_attribute("data-claim").unwrap_or_default(), text(m).split(". ").last().unwrap_or_default().to_string()))
        .collect();
    let expected = [
        ("outer", "Moscow insists on "),
        ("outer nested", "recognition of "),
        ("outer nested overlap", "four"),
        ("outer overlap", " regions"),
        ("overlap", " while Ky"),
        ("adjacent", "iv rejects any concessions"),
    ];
    assert_eq!(marks.len(), expected.len(), "{marks:?}");
    for ((ids, t), (want_ids, want_t)) in marks.iter().zip(expected) {
        assert_eq!(ids, want_ids);
        assert!(t.ends_with(want_t), "{t:?} should end with {want_t:?}");
    }
    assert!(all(&r.host, "mark mark").is_empty(), "marks are never nested");
    assert_eq!(text(&r.q("p.cr-paragraph")).replace("Claim: P demands, on I. ", ""), paragraph, "the text reads as written");
}

// 16. The browser's JSON parser: deep nesting and empty files are reported, never a crash

#[wasm_bindgen_test]
async fn deeply_nested_or_empty_data_is_reported_in_the_panel() {
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let r = mount(deep).await;
    assert!(text(&r.q("[role=alert]")).contains("nested more than 64 levels deep"), "{}", r.text());
    drop(r);
    let r = mount("   ").await;
    assert!(text(&r.q("[role=alert]")).contains("the file is empty"), "{}", r.text());
    drop(r);
    let r = mount("{\"article\": }").await;
    assert!(text(&r.q("[role=alert]")).contains("not valid JSON: "), "{}", r.text());
}

// 17. Overlapping passages of several parties and issues

#[wasm_bindgen_test]
async fn overlapping_passages_list_every_claim_and_link_every_cell() {
    let paragraph = "Washington and Moscow both want a ceasefire by May, while Kyiv wants guarantees first.";
    let claim = |id: &str, party: &str, issue: &str, stance: &str, exact: &str| serde_json::json!({
        "id": id, "party": party, "issue": issue, "stance": stance,
        "quote": { "exact": exact, "paragraph": 0, "start": paragraph.find(exact).expect("in the text") },
        "summary": format!("summary of {id}"), "attribution": { "reported_by": "Agency" }, "certainty": "probable"
    });
    let json = serde_json::json!({
        "article": { "headline": "h", "paragraphs": [paragraph] },
        "parties": [{ "id": "us", "name": "United States" }, { "id": "ru", "name": "Russia" }, { "id": "ua", "name": "Ukraine" }],
        "issues": [
            { "id": "ceasefire", "label": "Ceasefire", "description": "d" },
            { "id": "timing", "label": "Timing", "description": "d" },
            { "id": "guarantees", "label": "Guarantees", "description": "d" }
        ],
        "claims": [
            claim("us-ceasefire", "us", "ceasefire", "demands", "Washington and Moscow both want a ceasefire"),
            claim("ru-ceasefire", "ru", "ceasefire", "supports", "Moscow both want a ceasefire by May"),
            claim("ru-timing", "ru", "timing", "proposes", "a ceasefire by May"),
            claim("ua-guarantees", "ua", "guarantees", "demands", "Kyiv wants guarantees first"),
        ]
    })
    .to_string();
    let r = mount(json).await;
    // "a ceasefire" lies under three claims of two parties and two issues.
    let mark = r
        .all("mark.cr-passage")
        .into_iter()
        .find(|m| m.get_attribute("data-claim").as_deref() == Some("us-ceasefire ru-ceasefire ru-timing"))
        .expect("a passage under three claims");
    assert!(has_class(&mark, "is-multi"), "overlaps keep their non-colour cue");
    enter(&mark).await;
    assert_eq!(r.tooltip_claims(), ["us-ceasefire", "ru-ceasefire", "ru-timing"]);
    let heads: Vec<String> = r.all("[role=tooltip] section.cr-claim").iter().map(|s| {
        let head = text(&q(s, ".cr-details-head"));
        let issue = text(&q(s, ".cr-details-issue-label"));
        format!("{head} | {issue}")
    }).collect();
    assert_eq!(heads, [
        "United States ▲ demands | Ceasefire",
        "Russia ▲ supports | Ceasefire",
        "Russia ▲ proposes | Timing",
    ]);
    let mut linked = r.linked_cells("cr-wide");
    linked.sort();
    let want = [("ru", "ceasefire"), ("ru", "timing"), ("us", "ceasefire")].map(|(p, i)| (p.to_string(), i.to_string()));
    assert_eq!(linked, want, "the table links the cell of every claim shown");
    leave(&mark, None).await;
    assert!(r.all("td.is-linked").is_empty());
}

// 18. The JavaScript API: options are read through serde, and wrong types are reported

fn mount_error(options: wasm_bindgen::JsValue) -> String {
    let host = document().create_element("div").expect("element");
    let _ = document().body().expect("body").append_child(&host);
    let result = claim_reader::embed::mount(host.clone(), wasm_bindgen::JsValue::NULL, options);
    host.remove();
    match result {
        Ok(mut handle) => {
            handle.destroy();
            String::new()
        }
        Err(e) => js_sys::Error::from(wasm_bindgen::JsValue::from(e)).message().into(),
    }
}

fn js_object(json: &str) -> wasm_bindgen::JsValue {
    js_sys::JSON::parse(json).expect("JSON")
}

#[wasm_bindgen_test]
async fn wrong_typed_mount_options_are_reported() {
    let message = mount_error(js_object(r#"{"theme": 3}"#));
    assert!(message.contains("mount options") && message.contains("theme"), "{message}");
    assert!(message.contains("\"light\" or \"dark\""), "{message}");
    let message = mount_error(js_object(r#"{"theme": "sepia"}"#));
    assert!(message.contains("theme") && message.contains("sepia"), "{message}");
    let message = mount_error(js_object(r#"{"stylesheet": false}"#));
    assert!(message.contains("stylesheet") && message.contains("boolean"), "{message}");
    let message = mount_error(js_object(r#"{"them": "dark"}"#));
    assert!(message.contains("unknown field") && message.contains("them"), "{message}");
    assert_eq!(mount_error(js_object(r#"{"theme": "dark", "stylesheet": "x.css"}"#)), "");
    assert_eq!(mount_error(wasm_bindgen::JsValue::UNDEFINED), "");
}

#[wasm_bindgen_test]
async fn a_theme_option_reaches_the_reader() {
    let host = document().create_element("div").expect("element");
    let _ = document().body().expect("body").append_child(&host);
    let mut handle = claim_reader::embed::mount(host.clone(), SEED_JSON.into(), js_object(r#"{"theme": "dark"}"#))
        .unwrap_or_else(|_| panic!("mounted"));
    yew::scheduler::flush().await;
    let shadow = host.query_selector(".claim-reader-host").ok().flatten().and_then(|c| c.shadow_root()).expect("shadow root");
    let reader = shadow.query_selector(".claim-reader").ok().flatten().expect("reader");
    assert_eq!(reader.get_attribute("data-theme").as_deref(), Some("dark"));
    handle.destroy();
    host.remove();
}

// 19. A long article: the first screen at once, the rest a chunk per task

#[wasm_bindgen_test]
async fn a_long_article_shows_its_top_at_once_and_the_rest_soon_after() {
    let mut doc: serde_json::Value = serde_json::from_str(SEED_JSON).expect("seed");
    let paragraphs = doc["article"]["paragraphs"].as_array().expect("paragraphs").clone();
    let long: Vec<serde_json::Value> = (0..8).flat_map(|_| paragraphs.iter().cloned()).collect();
    let last = long.last().and_then(|p| p.as_str()).unwrap_or_default().to_string();
    doc["article"]["paragraphs"] = serde_json::Value::Array(long);
    let r = mount(doc.to_string()).await;
    // 72 paragraphs in chunks of 16: the first chunk is built with the first render.
    assert_eq!(r.all(".cr-chunk").len(), 5);
    assert_eq!(r.all("p.cr-paragraph").len(), 16, "the first chunk comes first");
    assert_eq!(r.all("mark.cr-passage[data-claim~=\"us-crimea\"]").len(), 1, "with its passages");
    for _ in 0..200 {
        if r.all("p.cr-paragraph").len() == 72 {
            break;
        }
        yew::platform::time::sleep(std::time::Duration::from_millis(5)).await;
        yew::scheduler::flush().await;
    }
    let built = r.all("p.cr-paragraph");
    assert_eq!(built.len(), 72, "every chunk is built soon after");
    assert_eq!(text(&built[71]), last, "in order");
}

/// In the browser a claims file is written through `JSON.stringify`; it must be the very text the
/// command's `serde_json` writes, escapes and field order included. (The writer is the editor's:
/// ./scripts/test runs these tests with `--features editor`.)
#[cfg(feature = "editor")]
#[wasm_bindgen_test]
fn a_claims_file_is_written_in_the_browser_as_the_command_writes_it() {
    use claim_reader::model::write::ClaimsFile;
    use claim_reader::model::write_claims_file;
    let mut doc = claim_reader::reader::Reader::from_json(SEED_JSON).expect("the seed").doc;
    doc.article.headline = "Quotes \" and \\ slashes / tabs\t and \u{1} \u{7f} \u{2028} «ü»".into();
    doc.parties[0].aliases.clear();
    doc.claims[0].quote.prefix = Some("\n".into());
    let expected = serde_json::to_string_pretty(&ClaimsFile::from(&doc)).expect("serde_json") + "\n";
    assert_eq!(write_claims_file(&doc), expected);
}

/// A paragraph or start written as a whole float (`1.0`, `1.04e2`) reads as that number in the
/// browser too, where the platform's `Number.parseFloat` reads it; `7.5` is still an error.
#[wasm_bindgen_test]
fn whole_floats_read_as_numbers_in_the_browser() {
    use claim_reader::reader::Reader;
    let reader = Reader::from_json(SEED_JSON).expect("the seed");
    let quote = &reader.doc.claims[0].quote;
    let (paragraph, start) = (quote.paragraph.expect("a paragraph"), quote.start.expect("a start"));
    let written = |p: &str, s: &str| {
        let mut doc: serde_json::Value = serde_json::from_str(SEED_JSON).expect("seed");
        doc["claims"][0]["quote"]["paragraph"] = serde_json::Value::String(p.into());
        doc["claims"][0]["quote"]["start"] = serde_json::Value::String(s.into());
        // Numbers as written, not as serde_json would write them.
        doc.to_string().replace(&format!("\"{p}\""), p).replace(&format!("\"{s}\""), s)
    };
    let floats = Reader::from_json(&written(&format!("{paragraph}.0"), &format!("{}e0", start))).expect("whole floats load");
    assert_eq!(floats.anchors[0], reader.anchors[0]);
    assert_eq!((floats.doc.claims[0].quote.paragraph, floats.doc.claims[0].quote.start), (Some(paragraph), Some(start)));
    let errors = Reader::from_json(&written("7.5", &start.to_string())).expect_err("7.5 is no paragraph");
    assert!(errors.iter().any(|d| d.path == "claims[0].quote.paragraph"), "{errors:?}");
}
