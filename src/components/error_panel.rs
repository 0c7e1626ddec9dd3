//! Shown instead of the article when the claims file cannot be shown at all: every problem,
//! with where it is.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::Diagnostic;

#[derive(Properties, PartialEq)]
pub struct ErrorPanelProps {
    pub diagnostics: Rc<Vec<Diagnostic>>,
    #[prop_or_default]
    pub theme: Option<AttrValue>,
}

#[function_component]
pub fn ErrorPanel(props: &ErrorPanelProps) -> Html {
    let errors = props.diagnostics.iter().filter(|d| d.is_error()).count();
    html! {
        <div class="claim-reader cr-error-panel" role="alert" data-ready="error" data-theme={props.theme.clone()}>
            <h2>{ "This article's claims could not be shown" }</h2>
            <p>{ format!("The claims file has {errors} error{}:", if errors == 1 { "" } else { "s" }) }</p>
            { diagnostic_list(&props.diagnostics) }
        </div>
    }
}

/// Each problem: its JSON path, line and column when known, what is wrong and how to mend it.
pub fn diagnostic_list(diagnostics: &[Diagnostic]) -> Html {
    html! {
        <ul class="cr-diagnostics">
            { for diagnostics.iter().map(|d| html! {
                <li class={if d.is_error() { "is-error" } else { "is-warning" }}>
                    if !d.path.is_empty() {
                        <code class="cr-path">{ &d.path }</code>{ ": " }
                    }
                    if let Some((line, column)) = d.line_col {
                        <span class="cr-at">{ format!("line {line}, column {column}: ") }</span>
                    }
                    { &d.message }
                    if let Some(hint) = &d.hint {
                        <span class="cr-hint">{ " — " }{ hint }</span>
                    }
                </li>
            }) }
        </ul>
    }
}
