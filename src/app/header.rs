//! The top of the page besides the verdict: the language switcher, and what
//! the page has to say about the link it opened, its Chinese text and the
//! prices loading.

use super::state::{Action, State};
use crate::estimate::Estimate;
use crate::i18n::zh::{zh, Zh};
use crate::i18n::{self, Lang};
use yew::prelude::*;

/// English | 中文: each language named in itself, so a reader finds their own.
pub fn language_switch(lang: Lang, dispatch: &Callback<Action>) -> Html {
    let onchange = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            if let Some(lang) = Lang::from_tag(&value) {
                dispatch.emit(Action::Lang(lang));
            }
        })
    };
    html! {
        <div class="lang-switch">
            <label for="lang">{ lang.words().language }</label>
            <select id="lang" {onchange}>
                { for Lang::ALL.into_iter().map(|l| html! {
                    <option value={l.slug()} lang={l.tag()} selected={l == lang}>{ l.name() }</option>
                }) }
            </select>
        </div>
    }
}

/// A line under the verdict: (is it an error, what it says).
pub type Status = Option<(bool, String)>;

/// The week of load's verdict for the settled workload, once the worker has it.
fn week_verdict(state: &State, lang: Lang) -> Html {
    let (text, busy) = match state.week_answer() {
        Some(Ok(week)) => (week.verdict.clone(), None),
        Some(Err(why)) => (why.clone(), None),
        None => (lang.words().working_week.to_string(), Some("true")),
    };
    html! { <p class="lede" id="week-verdict" aria-live="polite" aria-busy={busy}>{ text }</p> }
}

/// What the page has to say about the link it opened and the prices loading;
/// `shown`: the answer on screen.
pub fn notices(state: &State, status: &Status, shown: Option<&Estimate>) -> Html {
    let lang = state.lang();
    let (open, close, separator) = match lang {
        Lang::En => (" (", ")", "; "),
        Lang::Zh => (zh(Zh::open_paren), zh(Zh::close_paren), zh(Zh::clause_sep)),
    };
    html! {
        <>
            if !state.ignored.is_empty() {
                <p class="status notice" role="status" id="link-notice">
                    { lang.words().link_notice }
                    { state.ignored.iter().map(|i| format!("{}={}{open}{}{close}", i.param.name(), i.value, i.reason_in(lang))).collect::<Vec<_>>().join(separator) }
                </p>
            }
            if state.inputs.services.iter().any(|s| s.week.is_some()) {
                <p class="status notice" id="curve-notice">{ lang.words().curve_notice }</p>
                { week_verdict(state, lang) }
            }
            if let Some(moved) = shown.filter(|_| state.older_link).and_then(|e| i18n::fleet::older_link(e, lang)) {
                <p class="status notice" role="status" id="older-link">{ moved }</p>
            }
            if let (Some(Err(why)), Lang::Zh) = (&state.chinese, state.wanted_lang()) {
                // Said in both languages: the Chinese words are what failed to arrive.
                <p class="status notice" role="status" id="chinese-failed">
                    { format!("The Chinese text could not be loaded ({}), so the page is in English. ", why.explain(Lang::En)) }
                    <span lang="zh-CN">{ "中文文本未能加载，页面以英文显示。" }</span>
                </p>
            }
            if let Some((is_error, message)) = status {
                if *is_error {
                    <p class="status error" role="alert">{ message.clone() }</p>
                } else {
                    <p class="status" role="status">{ message.clone() }</p>
                }
            }
        </>
    }
}
