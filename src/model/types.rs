//! The claims file as typed data: what an editor writes, after decoding.
//!
//! Every field here is documented for editors in `docs/data-format.md`; the JSON Schema in
//! `docs/claims.schema.json` states the same contract for tools.

/// A whole claims file: one article, the parties and issues it speaks of, and the claims.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub article: Article,
    pub parties: Vec<Party>,
    pub issues: Vec<Issue>,
    pub claims: Vec<Claim>,
    /// Where the values that checks after decoding speak of were written.
    pub offsets: Offsets,
}

/// Byte offsets in the JSON text of the values that checks after decoding (ids, references,
/// quotes) report problems about, kept from the one parse so that those problems get a line and
/// column too. Only these few per item, not every value: a long article has tens of thousands.
/// A missing value has the offset of the object it should be in.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Offsets {
    /// `article.paragraphs`
    pub paragraphs: u32,
    /// `article.publisher.url`
    pub publisher_url: u32,
    /// `article.language`, `article.direction`
    pub language: u32,
    pub direction: u32,
    /// The `parties`, `issues` and `claims` lists.
    pub parties: u32,
    pub issues: u32,
    pub claims: u32,
    /// Per party, its `id`; likewise per issue.
    pub party_ids: Vec<u32>,
    pub issue_ids: Vec<u32>,
    /// Per claim.
    pub claim: Vec<ClaimOffsets>,
}

/// Where one claim's checked values start; see [`Offsets`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ClaimOffsets {
    pub id: u32,
    pub party: u32,
    pub issue: u32,
    /// `quote.exact`, `quote.paragraph`, `quote.start`.
    pub exact: u32,
    pub paragraph: u32,
    pub start: u32,
}

impl ClaimOffsets {
    /// Every value at one offset: a claim or quote too broken to read further.
    pub fn all(at: u32) -> Self {
        ClaimOffsets { id: at, party: at, issue: at, exact: at, paragraph: at, start: at }
    }
}

impl Offsets {
    /// Claim `i`'s offsets (all 0 for a document not read from text).
    pub fn claim(&self, i: usize) -> ClaimOffsets {
        self.claim.get(i).copied().unwrap_or_default()
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Article {
    /// Section labels shown above the headline ("Americas", "Russia-Ukraine War").
    pub kicker: Vec<String>,
    pub headline: String,
    pub subheadline: Option<String>,
    pub author: Option<String>,
    pub publisher: Option<Publisher>,
    /// Where the story was filed from ("HAMILTON, Canada").
    pub dateline: Option<String>,
    /// ISO 8601 date or date-time, shown as written.
    pub published: Option<String>,
    pub updated: Option<String>,
    pub paragraphs: Vec<String>,
    /// The publisher's note printed under the story.
    pub footer_note: Option<String>,
    /// The article's language, a BCP 47 tag ("en", "ar", "pt-BR").
    pub language: Option<String>,
    /// How its script is written, when the editor says so; else see [`Article::text_direction`].
    pub direction: Option<TextDirection>,
}

impl Article {
    /// The direction the reader lays the article out in: as stated, else the language's; none
    /// when neither is known (the page's own direction then applies).
    pub fn text_direction(&self) -> Option<TextDirection> {
        self.direction.or_else(|| self.language.as_deref().map(super::language::direction_of))
    }
}

/// The direction a script is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextDirection {
    Ltr,
    Rtl,
}

impl TextDirection {
    pub const ALL: [TextDirection; 2] = [TextDirection::Ltr, TextDirection::Rtl];

    /// The word in data files, and the value of HTML's `dir`.
    pub fn word(self) -> &'static str {
        match self {
            TextDirection::Ltr => "ltr",
            TextDirection::Rtl => "rtl",
        }
    }

    pub fn from_word(word: &str) -> Option<TextDirection> {
        TextDirection::ALL.into_iter().find(|d| d.word() == word)
    }

    /// "left to right", for messages.
    pub fn describe(self) -> &'static str {
        match self {
            TextDirection::Ltr => "left to right",
            TextDirection::Rtl => "right to left",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Publisher {
    pub name: String,
    /// Only `http:` and `https:` URLs are accepted.
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Party {
    pub id: String,
    pub name: String,
    pub short_name: Option<String>,
    /// Other names the text uses for the party ("Moscow", "Trump administration").
    pub aliases: Vec<String>,
}

impl Party {
    /// The name to print where room is short.
    pub fn short(&self) -> &str {
        self.short_name.as_deref().unwrap_or(&self.name)
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Issue {
    pub id: String,
    pub label: String,
    /// One line stating what a "for" stance on this issue wants.
    pub description: String,
}

/// `Default` only stands in for a claim too broken to read, whose problems are reported.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Claim {
    pub id: String,
    pub party: String,
    pub issue: String,
    pub stance: Stance,
    pub quote: Quote,
    pub summary: String,
    pub attribution: Attribution,
    pub certainty: Certainty,
    /// The hedging words of the text, as written ("reportedly", "is expected to").
    pub hedge: Option<String>,
}

/// Where a claim stands in the text: the exact words, with optional context and position.
///
/// Positions count Unicode scalar values (code points) of one paragraph, the unit of Python's
/// `len()` and JavaScript's `[...s].length`, so they do not depend on an encoding.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Quote {
    pub exact: String,
    pub prefix: Option<String>,
    pub suffix: Option<String>,
    /// Zero-based index into `article.paragraphs`.
    pub paragraph: Option<usize>,
    /// Code-point offset of the quote's first character within its paragraph.
    pub start: Option<usize>,
}

/// Who vouches for a claim, kept apart from what the party wants.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Attribution {
    /// Who reports the position ("Bloomberg").
    pub reported_by: String,
    /// On what basis ("sources familiar with the matter").
    pub basis: Option<String>,
    /// Who relays the report to the reader ("Anadolu Agency").
    pub via: Option<String>,
}

/// What a party's position is towards an issue. A closed vocabulary, so tables stay comparable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Stance {
    Supports,
    Demands,
    Proposes,
    Opposes,
    Rejects,
    #[default]
    Undecided,
}

/// The three-way reading of a stance (as in SemEval-2016 task 6: FAVOR / AGAINST / NONE).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    For,
    Against,
    Neither,
}

impl Stance {
    pub const ALL: [Stance; 6] = [
        Stance::Supports,
        Stance::Demands,
        Stance::Proposes,
        Stance::Opposes,
        Stance::Rejects,
        Stance::Undecided,
    ];

    /// The word used in data files, `data-stance` attributes and the table.
    pub fn word(self) -> &'static str {
        match self {
            Stance::Supports => "supports",
            Stance::Demands => "demands",
            Stance::Proposes => "proposes",
            Stance::Opposes => "opposes",
            Stance::Rejects => "rejects",
            Stance::Undecided => "undecided",
        }
    }

    pub fn from_word(word: &str) -> Option<Stance> {
        Stance::ALL.into_iter().find(|s| s.word() == word)
    }

    pub fn direction(self) -> Direction {
        match self {
            Stance::Supports | Stance::Demands | Stance::Proposes => Direction::For,
            Stance::Opposes | Stance::Rejects => Direction::Against,
            Stance::Undecided => Direction::Neither,
        }
    }
}

impl Direction {
    pub fn word(self) -> &'static str {
        match self {
            Direction::For => "for",
            Direction::Against => "against",
            Direction::Neither => "neither",
        }
    }

    /// A text glyph that tells the direction without colour.
    pub fn icon(self) -> &'static str {
        match self {
            Direction::For => "▲",
            Direction::Against => "▼",
            Direction::Neither => "◆",
        }
    }
}

/// How firmly the text reports a claim: a separate axis from stance (after FactBank).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Certainty {
    /// Stated as fact.
    #[default]
    Certain,
    /// Hedged as likely ("is expected to").
    Probable,
    /// Hedged as possible ("may", "could").
    Possible,
    /// Passed on without the reporter committing to it ("reportedly").
    Uncommitted,
}

impl Certainty {
    pub const ALL: [Certainty; 4] = [
        Certainty::Certain,
        Certainty::Probable,
        Certainty::Possible,
        Certainty::Uncommitted,
    ];

    pub fn word(self) -> &'static str {
        match self {
            Certainty::Certain => "certain",
            Certainty::Probable => "probable",
            Certainty::Possible => "possible",
            Certainty::Uncommitted => "uncommitted",
        }
    }

    pub fn from_word(word: &str) -> Option<Certainty> {
        Certainty::ALL.into_iter().find(|c| c.word() == word)
    }

    /// How a reader is told the firmness.
    pub fn describe(self) -> &'static str {
        match self {
            Certainty::Certain => "Stated as fact",
            Certainty::Probable => "Reported as likely",
            Certainty::Possible => "Reported as possible",
            Certainty::Uncommitted => "Reported, not confirmed",
        }
    }
}
