//! The article's head as a news page sets it: kicker, headline, subheadline, byline and dates.

use yew::prelude::*;

use super::context::use_reader;

#[function_component]
pub fn ArticleHeader() -> Html {
    let Some(context) = use_reader() else { return Html::default() };
    let article = &context.reader.doc.article;
    let updated = article.updated.as_ref().filter(|u| Some(*u) != article.published.as_ref());
    let dates = [("Published ", article.published.as_ref()), ("Updated ", updated)];
    html! {
        <header class="cr-header">
            if !article.kicker.is_empty() {
                <p class="cr-kicker">
                    { for article.kicker.iter().enumerate().map(|(i, k)| html! { <>
                        if i > 0 { <span class="cr-kicker-sep" aria-hidden="true">{ " / " }</span> }
                        <span>{ k }</span>
                    </> }) }
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
                { for dates.into_iter().filter_map(|(what, date)| date.map(|d| html! {
                    <span class="cr-date">{ what }<time datetime={d.clone()}>{ human_date(d) }</time></span>
                })) }
            </p>
        </header>
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
