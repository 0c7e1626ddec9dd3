//! The bindings of `static_dom.js`, which builds the parts of the view written as JSON by the
//! wasm side: one call and one parse instead of a call across the boundary per node.

use wasm_bindgen::prelude::*;
use web_sys::{Document, Element};

use crate::view_tree::Tree;

#[wasm_bindgen(module = "/src/components/static_dom.js")]
extern "C" {
    #[wasm_bindgen(js_name = buildParagraphs)]
    pub fn build_paragraphs(container: &Element, json: &str, per_chunk: u32);
    #[wasm_bindgen(js_name = buildNotes)]
    pub fn build_notes(list: &Element, json: &str);
    #[wasm_bindgen(js_name = buildTree)]
    fn build_tree(document: &Document, json: &str, slots: &js_sys::Array) -> Element;
}

/// Builds `tree`, with `slots` put where [`Tree::slot`] marked them.
pub fn build(tree: &Tree, document: &Document, slots: &[&Element]) -> Element {
    let list = js_sys::Array::new();
    for slot in slots {
        list.push(slot);
    }
    build_tree(document, tree.json(), &list)
}
