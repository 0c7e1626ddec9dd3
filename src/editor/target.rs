//! Where a diagnostic leads: its JSON path (`claims[3].quote.exact`) read as the thing in the
//! editor it names — a claim and its field, a party, an issue, a paragraph or another field of
//! the article — and the elements of the page that show it, most precise first.
//!
//! The page marks what it shows with `data-target="<JSON path>"` (`data-target="parties[1]"`);
//! a path that no element carries falls back to the nearest enclosing one, so a diagnostic about
//! `claims[3].attribution.via` leads to claim 4 itself while no form shows that field. Claims
//! are found by their place in the list of claims, which numbers them as the file does.

/// A step of a JSON path: a field name or an index into an array.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// What a diagnostic is about, as the editor shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A field of the article (`headline`, `publisher.url`), or the article as a whole (`None`).
    Article(Option<String>),
    /// A paragraph of the article, from 0.
    Paragraph(usize),
    /// A party, from 0, and the field of it named (`name`), if any.
    Party { index: usize, field: Option<String> },
    Issue { index: usize, field: Option<String> },
    /// A claim, from 0, and the field of it named (`quote.exact`), if any.
    Claim { index: usize, field: Option<String> },
    /// A whole list: `parties`, `issues` or `claims`.
    List(&'static str),
}

impl Target {
    /// The target of a diagnostic's path; `None` for the file as a whole (an empty path, its
    /// `format`, a field the format does not know), which has no one place in the editor.
    pub fn of_path(path: &str) -> Option<Target> {
        let steps = steps(path);
        let rest = |from: usize| Some(render(&steps[from..])).filter(|s| !s.is_empty());
        match steps.as_slice() {
            [Step::Key("article"), Step::Key("paragraphs"), Step::Index(p), ..] => Some(Target::Paragraph(*p)),
            [Step::Key("article"), ..] => Some(Target::Article(rest(1))),
            [Step::Key("parties"), Step::Index(i), ..] => Some(Target::Party { index: *i, field: rest(2) }),
            [Step::Key("issues"), Step::Index(i), ..] => Some(Target::Issue { index: *i, field: rest(2) }),
            [Step::Key("claims"), Step::Index(i), ..] => Some(Target::Claim { index: *i, field: rest(2) }),
            [Step::Key("parties"), ..] => Some(Target::List("parties")),
            [Step::Key("issues"), ..] => Some(Target::List("issues")),
            [Step::Key("claims"), ..] => Some(Target::List("claims")),
            _ => None,
        }
    }

    /// The JSON path this target stands for.
    pub fn path(&self) -> String {
        let with = |base: String, field: &Option<String>| match field {
            Some(f) => format!("{base}.{f}"),
            None => base,
        };
        match self {
            Target::Article(field) => with("article".into(), field),
            Target::Paragraph(p) => format!("article.paragraphs[{p}]"),
            Target::Party { index, field } => with(format!("parties[{index}]"), field),
            Target::Issue { index, field } => with(format!("issues[{index}]"), field),
            Target::Claim { index, field } => with(format!("claims[{index}]"), field),
            Target::List(list) => (*list).to_string(),
        }
    }

    /// What it is, for people: "claim 4, its quote.exact", "party 2", "the article's headline".
    pub fn describe(&self) -> String {
        let with = |base: String, field: &Option<String>| match field {
            Some(f) => format!("{base}, its {f}"),
            None => base,
        };
        match self {
            Target::Article(None) => "the article".into(),
            Target::Article(Some(field)) => format!("the article's {field}"),
            Target::Paragraph(p) => format!("paragraph {}", p + 1),
            Target::Party { index, field } => with(format!("party {}", index + 1), field),
            Target::Issue { index, field } => with(format!("issue {}", index + 1), field),
            Target::Claim { index, field } => with(format!("claim {}", index + 1), field),
            Target::List(list) => format!("the {list}"),
        }
    }

    /// CSS selectors of the elements that show it, most precise first: the path and each
    /// enclosing path as a `data-target`, then where the editor lists it.
    pub fn selectors(&self) -> Vec<String> {
        let path = self.path();
        let mut out: Vec<String> = enclosing(&path).into_iter().map(|p| format!("[data-target=\"{}\"]", css_string(&p))).collect();
        match self {
            Target::Paragraph(p) => out.push(format!(".ed-paragraph[data-paragraph=\"{p}\"]")),
            Target::Claim { index, .. } => {
                out.push(format!(".ed-claims li.ed-claim:nth-of-type({})", index + 1));
                out.push("#ed-claims-title".into());
            }
            Target::List("claims") => out.push("#ed-claims-title".into()),
            _ => {}
        }
        out
    }
}

/// The steps of a path as `decode` writes them: `a.b[2].c`. A `[` that opens no index is
/// part of a field's name.
fn steps(path: &str) -> Vec<Step<'_>> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (mut key, mut indices) = (part, Vec::new());
        // Indices at the end of the part, read from the back: `paragraphs[2]`, `x[1][0]`.
        while let Some(open) = key.strip_suffix(']').and_then(|k| k.rfind('[')) {
            match key[open + 1..key.len() - 1].parse::<usize>() {
                Ok(i) => {
                    indices.push(i);
                    key = &key[..open];
                }
                Err(_) => break,
            }
        }
        if !key.is_empty() {
            out.push(Step::Key(key));
        }
        out.extend(indices.into_iter().rev().map(Step::Index));
    }
    out
}

fn render(steps: &[Step]) -> String {
    let mut out = String::new();
    for step in steps {
        match step {
            Step::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// `claims[3].quote.exact`, then `claims[3].quote`, `claims[3]`, `claims`.
fn enclosing(path: &str) -> Vec<String> {
    let steps = steps(path);
    (1..=steps.len()).rev().map(|n| render(&steps[..n])).collect()
}

/// `text` inside a CSS string in double quotes: backslashes and quotes escaped, line breaks
/// as escapes.
fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\a "),
            '\r' => out.push_str("\\d "),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(index: usize, field: &str) -> Target {
        Target::Claim { index, field: Some(field.to_string()) }
    }

    #[test]
    fn paths_name_what_the_editor_shows() {
        assert_eq!(Target::of_path("claims[3].quote.exact"), Some(claim(3, "quote.exact")));
        assert_eq!(Target::of_path("claims[0].party"), Some(claim(0, "party")));
        assert_eq!(Target::of_path("claims[12]"), Some(Target::Claim { index: 12, field: None }));
        assert_eq!(Target::of_path("parties[1].id"), Some(Target::Party { index: 1, field: Some("id".into()) }));
        assert_eq!(Target::of_path("issues[0]"), Some(Target::Issue { index: 0, field: None }));
        assert_eq!(Target::of_path("article.paragraphs[2]"), Some(Target::Paragraph(2)));
        assert_eq!(Target::of_path("article.paragraphs"), Some(Target::Article(Some("paragraphs".into()))));
        assert_eq!(Target::of_path("article.publisher.url"), Some(Target::Article(Some("publisher.url".into()))));
        assert_eq!(Target::of_path("article"), Some(Target::Article(None)));
        assert_eq!(Target::of_path("claims"), Some(Target::List("claims")));
        assert_eq!(Target::of_path("parties"), Some(Target::List("parties")));
        // The file as a whole has no one place.
        for whole in ["", "format", "$schema", "colour"] {
            assert_eq!(Target::of_path(whole), None, "{whole}");
        }
        assert_eq!(Target::of_path("claims.x"), Some(Target::List("claims")));
    }

    #[test]
    fn odd_field_names_stay_names() {
        // Unknown fields are reported by their names, whatever they hold.
        assert_eq!(Target::of_path("claims[1].a[b]"), Some(claim(1, "a[b]")));
        assert_eq!(Target::of_path("claims[1].x[2][0]"), Some(claim(1, "x[2][0]")));
        assert_eq!(Target::of_path("claims[]"), None);
        assert_eq!(Target::of_path("[3]"), None);
        assert_eq!(Target::of_path("claims[99999999999999999999999]"), None);
    }

    #[test]
    fn a_target_is_found_by_its_path_then_the_paths_around_it() {
        assert_eq!(
            claim(3, "quote.exact").selectors(),
            [
                "[data-target=\"claims[3].quote.exact\"]",
                "[data-target=\"claims[3].quote\"]",
                "[data-target=\"claims[3]\"]",
                "[data-target=\"claims\"]",
                ".ed-claims li.ed-claim:nth-of-type(4)",
                "#ed-claims-title",
            ]
        );
        assert_eq!(
            Target::Paragraph(2).selectors(),
            [
                "[data-target=\"article.paragraphs[2]\"]",
                "[data-target=\"article.paragraphs\"]",
                "[data-target=\"article\"]",
                ".ed-paragraph[data-paragraph=\"2\"]",
            ]
        );
        assert_eq!(Target::Party { index: 1, field: None }.selectors(), ["[data-target=\"parties[1]\"]", "[data-target=\"parties\"]"]);
        // Quotes and backslashes in a field's name cannot break out of the selector's string.
        assert_eq!(claim(0, "a\"b\\").selectors()[0], "[data-target=\"claims[0].a\\\"b\\\\\"]");
    }

    #[test]
    fn targets_say_what_they_are_and_give_their_path_back() {
        for path in ["claims[3].quote.exact", "parties[0].name", "issues[6]", "article.headline", "article.paragraphs[4]", "article", "claims"] {
            let target = Target::of_path(path).unwrap_or_else(|| panic!("{path}"));
            assert_eq!(target.path(), path);
        }
        assert_eq!(claim(3, "party").describe(), "claim 4, its party");
        assert_eq!(Target::Paragraph(0).describe(), "paragraph 1");
        assert_eq!(Target::Article(Some("headline".into())).describe(), "the article's headline");
        assert_eq!(Target::Issue { index: 6, field: None }.describe(), "issue 7");
        assert_eq!(Target::List("parties").describe(), "the parties");
    }
}
