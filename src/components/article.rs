//! The article as a news page sets it: kicker, headline, byline, dateline, body, footer note.

use yew::prelude::*;

use crate::reader::Reader;

/// The article, around its `paragraphs` (built by `paragraph.rs`).
pub fn article(reader: &Reader, paragraphs: Html) -> Html {
    let article = &reader.doc.article;
    html! {
        <article class="cr-article">
            <header class="cr-header">
                if !article.kicker.is_empty() {
                    <p class="cr-kicker">
                        { for article.kicker.iter().enumerate().map(|(i, k)| html! {
                            <>
                                if i > 0 { <span class="cr-kicker-sep" aria-hidden="true">{ " / " }</span> }
                                <span>{ k }</span>
                            </>
                        }) }
                    </p>
                }
                <h1 class="cr-headline">{ &article.headline }</h1>
                if let Some(sub) = &article.subheadline {
                    <p class="cr-subheadline">{ sub }</p>
                }
                <p class="cr-byline">
                    if let Some(author) = &article.author {
                        <span class="cr-author">{ "By " }{ author }</span>
                    }
                    if let Some(publisher) = &article.publisher {
                        <span class="cr-publisher">{ &publisher.name }</span>
                    }
                    if let Some(date) = &article.published {
                        <span class="cr-date">{ "Published " }<time datetime={date.clone()}>{ human_date(date) }</time></span>
                    }
                    if let Some(date) = article.updated.as_ref().filter(|u| Some(*u) != article.published.as_ref()) {
                        <span class="cr-date">{ "Updated " }<time datetime={date.clone()}>{ human_date(date) }</time></span>
                    }
                </p>
            </header>
            <div class="cr-body">
                if let Some(dateline) = &article.dateline {
                    <p class="cr-dateline">{ dateline }</p>
                }
                { paragraphs }
            </div>
            if let Some(note) = &article.footer_note {
                <footer class="cr-footer-note"><p>{ note }</p></footer>
            }
        </article>
    }
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
