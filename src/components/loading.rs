//! Shown while the claims file is on its way.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LoadingProps {
    #[prop_or_default]
    pub theme: Option<AttrValue>,
}

#[function_component]
pub fn Loading(props: &LoadingProps) -> Html {
    html! {
        <div class="claim-reader cr-loading" data-theme={props.theme.clone()} role="status">
            <p>{ "Loading the article's claims…" }</p>
        </div>
    }
}
