//! The live preview: the reader's own components on the file as it would be exported, so the
//! editor sees the highlights, the details and the stance table a reader will.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::{ReaderRoot, Source};

#[derive(Properties, PartialEq)]
pub struct PreviewProps {
    pub file: Rc<str>,
}

#[function_component]
pub fn Preview(props: &PreviewProps) -> Html {
    let source = Source::Json(AttrValue::Rc(props.file.clone()));
    html! {
        <section class="ed-preview" aria-labelledby="ed-preview-title">
            <h2 id="ed-preview-title">{ "Preview" }</h2>
            <div class="ed-preview-frame">
                <ReaderRoot {source} />
            </div>
        </section>
    }
}
