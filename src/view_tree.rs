//! Parts of the view that only change with the data (article, table, legend, notices), written
//! as one JSON tree for `src/components/static_dom.js` to build in one call.
//!
//! Why not `html!`: each element of the macro compiles to its own construction code, which made
//! these parts about 7 KB of the gzipped wasm; a tree written through four small functions costs
//! a fraction of that, and the parts never take part in a re-render anyway. What changes on
//! hover or with the legend is set on the built elements afterwards (`components/emphasis.rs`).
//!
//! Only elements, attributes and text can be written: tag and attribute names are `&'static
//! str`s of this crate, never data, and data only ever becomes text or an attribute's value.

use crate::model::json::push_string;

/// An element tree as JSON: `[tag, {attribute: value}, ...children]`, where a child is a text,
/// an element, or the number of a node handed to the builder with it (see [`Tree::slot`]).
#[derive(Default)]
pub struct Tree {
    json: String,
    /// The next item is not the first in its list, so a comma goes before it.
    follows: bool,
}

impl Tree {
    fn item(&mut self) {
        if self.follows {
            self.json.push(',');
        }
        self.follows = true;
    }

    /// Opens an element; attributes with an empty value are left out.
    pub fn open(&mut self, tag: &'static str, attributes: &[(&'static str, &str)]) -> &mut Self {
        self.item();
        self.json.push('[');
        push_string(&mut self.json, tag);
        self.json.push_str(",{");
        let mut first = true;
        for (name, value) in attributes.iter().filter(|(_, v)| !v.is_empty()) {
            if !first {
                self.json.push(',');
            }
            first = false;
            push_string(&mut self.json, name);
            self.json.push(':');
            push_string(&mut self.json, value);
        }
        self.json.push('}');
        self
    }

    pub fn close(&mut self) -> &mut Self {
        self.json.push(']');
        self.follows = true;
        self
    }

    /// A text; an empty one is no node at all.
    pub fn text(&mut self, text: &str) -> &mut Self {
        if text.is_empty() {
            return self;
        }
        self.item();
        push_string(&mut self.json, text);
        self
    }

    /// An element holding only `text`.
    pub fn leaf(&mut self, tag: &'static str, attributes: &[(&'static str, &str)], text: &str) -> &mut Self {
        self.open(tag, attributes).text(text).close()
    }

    /// The place of node `n` of those handed to the builder with the tree.
    pub fn slot(&mut self, n: u8) -> &mut Self {
        self.item();
        self.json.push(char::from(b'0' + n % 10));
        self
    }

    pub fn json(&self) -> &str {
        &self.json
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_elements_attributes_text_and_slots() {
        let mut t = Tree::default();
        t.open("p", &[("class", "a"), ("title", ""), ("data-x", "\"q\"")]).text("1 < 2").text("").slot(0).leaf("b", &[], "x").close();
        assert_eq!(t.json(), r#"["p",{"class":"a","data-x":"\"q\""},"1 < 2",0,["b",{},"x"]]"#);
    }
}
