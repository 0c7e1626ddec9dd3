//! Claim links in the page's URL (see [`crate::claim_link`]): reading the one the page was opened
//! with, and making one for the reader to copy. Percent-encoding is the platform's.

use crate::claim_link::ClaimLink;

/// The page's URL fragment, percent-decoded (`#` included); `None` when there is none or it is
/// not valid percent-encoding.
pub fn fragment() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    if hash.is_empty() {
        return None;
    }
    js_sys::decode_uri_component(&hash).ok().map(String::from)
}

/// The page's URL with a link to `claim` in the reader named `name` as its fragment.
pub fn url_to(name: Option<&str>, claim: &str) -> Option<String> {
    let href = web_sys::window()?.location().href().ok()?;
    let page = href.split_once('#').map_or(href.as_str(), |(page, _)| page);
    let name = name.map(|n| String::from(js_sys::encode_uri_component(n)));
    Some(format!("{page}{}", ClaimLink::fragment(name.as_deref(), claim)))
}
