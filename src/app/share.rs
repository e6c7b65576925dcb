//! The link to this exact view, a button that copies it, and the iframe code
//! for an article.

use super::browser;
use super::state::{Action, State};
use crate::i18n::Lang;
use crate::inputs::Inputs;
use yew::prelude::*;

/// This page's address for `inputs`: the same path, the state as its query.
/// The language goes in only when someone chose it.
pub fn page_url(inputs: &Inputs, embed: bool, lang: Option<Lang>) -> String {
    let mut query = crate::share_link::encode(inputs);
    if let Some(lang) = lang {
        query += &format!("&lang={}", lang.slug());
    }
    if embed {
        query += "&embed=1";
    }
    format!("{}?{query}", browser::page_base())
}

/// A ready-to-paste iframe for an article: the compact layout, this scenario.
pub fn iframe_snippet(embed_url: &str, title: &str) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{title}\" width=\"100%\" height=\"900\" style=\"border:0;max-width:900px\" loading=\"lazy\"></iframe>",
        embed_url.replace('&', "&amp;").replace('"', "&quot;")
    )
}

/// `url`: the page's link (`page_url`, not embedded).
pub fn share(state: &State, dispatch: &Callback<Action>, url: &str) -> Html {
    let words = state.lang().words();
    let url = url.to_string();
    let toggle_embed = {
        let (dispatch, shown) = (dispatch.clone(), state.embed_code_shown);
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::ShowEmbedCode(!shown)))
    };
    let onclick = {
        let (url, dispatch) = (url.clone(), dispatch.clone());
        Callback::from(move |_: MouseEvent| {
            let dispatch = dispatch.clone();
            browser::copy(&url, move |copied| dispatch.emit(Action::LinkCopied(copied)));
        })
    };
    html! {
        <section class="share" aria-label={words.share}>
            <label for="share-url">{ words.link_to_view }</label>
            <div class="share-row">
                <input id="share-url" type="text" readonly=true value={url} />
                <button type="button" id="copy-link" {onclick}>{ if state.link_copied { words.copied } else { words.copy_link } }</button>
                <button type="button" id="embed" aria-expanded={state.embed_code_shown.to_string()} onclick={toggle_embed}>{ words.embed }</button>
            </div>
            if state.embed_code_shown {
                <label for="embed-snippet">{ words.embed_hint }</label>
                // Worked out only while shown: a slider step need not.
                <textarea id="embed-snippet" readonly=true rows="3" value={iframe_snippet(&page_url(&state.inputs, true, state.lang_choice), words.title)} />
            }
        </section>
    }
}
