//! The file's parties and issues as they stand: each party's name, short name, aliases and id,
//! each issue's label, description and id. Each is marked with its JSON path (`data-target`), so
//! that a problem the check finds with one leads to it.

use yew::prelude::*;

use super::editor_root::Editor;

#[derive(Properties, PartialEq)]
pub struct PartiesIssuesProps {
    pub editor: Editor,
}

#[function_component]
pub fn PartiesIssues(props: &PartiesIssuesProps) -> Html {
    let Some(doc) = &props.editor.doc else { return Html::default() };
    let parties = doc.parties.iter().enumerate().map(|(i, party)| {
        let at = |field: &str| format!("parties[{i}].{field}");
        html! {
            <li class="ed-party" data-target={format!("parties[{i}]")}>
                <span class="ed-entry-name" data-target={at("name")}>{ party.name.clone() }</span>
                if let Some(short) = &party.short_name {
                    <span data-target={at("short_name")}>{ format!(" ({short})") }</span>
                }
                <span class="ed-entry-id" data-target={at("id")}>{ format!(" id {}", party.id) }</span>
                if !party.aliases.is_empty() {
                    <span class="ed-entry-more" data-target={at("aliases")}>{ format!("also: {}", party.aliases.join(", ")) }</span>
                }
            </li>
        }
    });
    let issues = doc.issues.iter().enumerate().map(|(i, issue)| {
        let at = |field: &str| format!("issues[{i}].{field}");
        html! {
            <li class="ed-issue" data-target={format!("issues[{i}]")}>
                <span class="ed-entry-name" data-target={at("label")}>{ issue.label.clone() }</span>
                <span class="ed-entry-id" data-target={at("id")}>{ format!(" id {}", issue.id) }</span>
                <span class="ed-entry-more" data-target={at("description")}>{ issue.description.clone() }</span>
            </li>
        }
    });
    html! {
        <div class="ed-entries">
            <section aria-labelledby="ed-parties-title" data-target="parties">
                <h2 id="ed-parties-title">{ format!("Parties ({})", doc.parties.len()) }</h2>
                if doc.parties.is_empty() {
                    <p class="ed-hint">{ "None yet: add one from a claim's form." }</p>
                } else {
                    <ol>{ for parties }</ol>
                }
            </section>
            <section aria-labelledby="ed-issues-title" data-target="issues">
                <h2 id="ed-issues-title">{ format!("Issues ({})", doc.issues.len()) }</h2>
                if doc.issues.is_empty() {
                    <p class="ed-hint">{ "None yet: add one from a claim's form." }</p>
                } else {
                    <ol>{ for issues }</ol>
                }
            </section>
        </div>
    }
}
