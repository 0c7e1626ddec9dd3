//! The article as a news page sets it: kicker, headline, byline, dateline, body, footer note.

use crate::reader::Reader;
use crate::view_tree::Tree;

/// The article, around its paragraphs (slot 0, built by `paragraph.rs`).
pub fn article(t: &mut Tree, reader: &Reader) {
    let article = &reader.doc.article;
    t.open("article", &[("class", "cr-article")]).open("header", &[("class", "cr-header")]);
    if !article.kicker.is_empty() {
        t.open("p", &[("class", "cr-kicker")]);
        for (i, k) in article.kicker.iter().enumerate() {
            if i > 0 {
                t.leaf("span", &[("class", "cr-kicker-sep"), ("aria-hidden", "true")], " / ");
            }
            t.leaf("span", &[], k);
        }
        t.close();
    }
    t.leaf("h1", &[("class", "cr-headline")], &article.headline);
    if let Some(sub) = &article.subheadline {
        t.leaf("p", &[("class", "cr-subheadline")], sub);
    }
    t.open("p", &[("class", "cr-byline")]);
    if let Some(author) = &article.author {
        t.open("span", &[("class", "cr-author")]).text("By ").text(author).close();
    }
    if let Some(publisher) = &article.publisher {
        t.leaf("span", &[("class", "cr-publisher")], &publisher.name);
    }
    let updated = article.updated.as_ref().filter(|u| Some(*u) != article.published.as_ref());
    for (what, date) in [("Published ", &article.published), ("Updated ", &updated.cloned())] {
        if let Some(date) = date {
            t.open("span", &[("class", "cr-date")]).text(what);
            t.leaf("time", &[("datetime", date)], &human_date(date)).close();
        }
    }
    t.close().close().open("div", &[("class", "cr-body")]);
    if let Some(dateline) = &article.dateline {
        t.leaf("p", &[("class", "cr-dateline")], dateline);
    }
    t.slot(0).close();
    if let Some(note) = &article.footer_note {
        t.open("footer", &[("class", "cr-footer-note")]).leaf("p", &[], note).close();
    }
    t.close();
}

/// "2025-04-24" → "24 April 2025"; anything else is shown as written.
pub fn human_date(date: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ];
    let day_part = date.get(..10).unwrap_or(date);
    let mut parts = day_part.split('-');
    let parsed = (|| {
        let y: u32 = parts.next()?.parse().ok()?;
        let m: usize = parts.next()?.parse().ok()?;
        let d: u32 = parts.next()?.parse().ok()?;
        let month = MONTHS.get(m.checked_sub(1)?)?;
        (1..=31).contains(&d).then(|| format!("{d} {month} {y}"))
    })();
    parsed.unwrap_or_else(|| date.to_string())
}
