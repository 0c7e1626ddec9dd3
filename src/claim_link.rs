//! Links to one claim: the URL fragment `#claim=<claim id>`, or `#claim=<reader>/<claim id>`
//! where a page has several readers (`<reader>` is the id of the element the reader was mounted
//! into). Claim ids never hold a `/` (docs/data-format.md), so the last one splits the two.
//!
//! Plain text in, plain text out: the browser boundary percent-decodes the fragment before
//! [`ClaimLink::parse`] and percent-encodes the reader's name for [`ClaimLink::fragment`].

/// What a `#claim=` fragment names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimLink<'a> {
    /// The reader it is for; `None` for any reader that has the claim.
    pub reader: Option<&'a str>,
    pub claim: &'a str,
}

impl<'a> ClaimLink<'a> {
    /// Reads a fragment (with or without its `#`, percent-decoded); `None` when it is not a
    /// claim link.
    pub fn parse(fragment: &'a str) -> Option<ClaimLink<'a>> {
        let value = fragment.strip_prefix('#').unwrap_or(fragment).strip_prefix("claim=")?;
        let (reader, claim) = match value.rsplit_once('/') {
            Some((reader, claim)) => (Some(reader).filter(|r| !r.is_empty()), claim),
            None => (None, value),
        };
        (!claim.is_empty()).then_some(ClaimLink { reader, claim })
    }

    /// True when the link is for the reader named `name` (see [`ClaimLink::reader`]).
    pub fn is_for(&self, name: Option<&str>) -> bool {
        self.reader.is_none() || self.reader == name
    }

    /// The fragment, `#` included, linking to `claim` in the reader named `reader` (already
    /// percent-encoded by the caller).
    pub fn fragment(reader: Option<&str>, claim: &str) -> String {
        match reader {
            Some(reader) => format!("#claim={reader}/{claim}"),
            None => format!("#claim={claim}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ClaimLink;

    #[test]
    fn reads_a_link_to_a_claim_in_any_reader_or_one_named_reader() {
        assert_eq!(ClaimLink::parse("#claim=us-crimea"), Some(ClaimLink { reader: None, claim: "us-crimea" }));
        assert_eq!(ClaimLink::parse("claim=talks/us-crimea"), Some(ClaimLink { reader: Some("talks"), claim: "us-crimea" }));
        // An element id may hold a slash; a claim id may not.
        assert_eq!(ClaimLink::parse("#claim=a/b/c.1"), Some(ClaimLink { reader: Some("a/b"), claim: "c.1" }));
    }

    #[test]
    fn other_fragments_are_no_claim_link() {
        for fragment in ["", "#", "#top", "#claim=", "#claim=talks/", "#claims=x", "#Claim=x"] {
            assert_eq!(ClaimLink::parse(fragment), None, "{fragment:?}");
        }
    }

    #[test]
    fn a_named_link_is_only_for_its_reader() {
        let link = ClaimLink::parse("#claim=second/ru-sanctions").unwrap();
        assert!(link.is_for(Some("second")));
        assert!(!link.is_for(Some("first")));
        assert!(!link.is_for(None));
        assert!(ClaimLink::parse("#claim=ru-sanctions").unwrap().is_for(Some("first")));
    }

    #[test]
    fn writes_what_it_reads() {
        for (reader, claim) in [(None, "us-crimea"), (Some("second"), "ru-sanctions"), (Some("a/b"), "c:1")] {
            let fragment = ClaimLink::fragment(reader, claim);
            assert_eq!(ClaimLink::parse(&fragment), Some(ClaimLink { reader, claim }));
        }
    }
}
