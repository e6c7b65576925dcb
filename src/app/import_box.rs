//! The import box: ECS's JSON or a saved workload, pasted and sent to the
//! page's worker (`browser::ask`, `pasted`); what it says shows under it.
//! On a problem the workload and the pasted text stay as they were.

use super::browser;
use super::state::{Action, ImportSaid};
use super::worker::{Answer, Job};
use crate::i18n::Lang;
use crate::inputs::Inputs;
use yew::prelude::*;

pub fn import_box(i: &Inputs, lang: Lang, said: &Option<ImportSaid>, on: &Callback<Action>) -> Html {
    let w = lang.words();
    let onclick = {
        let (on, inputs) = (on.clone(), i.clone());
        Callback::from(move |_: MouseEvent| {
            on.emit(Action::Importing);
            let on = on.clone();
            let query = crate::share_link::encode(&inputs);
            browser::ask(Job::Import, lang, &query, &browser::text_of("import-text"), move |answer| {
                on.emit(Action::Imported(match answer {
                    Some(Answer::Imported(imported)) => imported,
                    _ => Err(lang.words().import_failed.into()),
                }));
            });
        })
    };
    let said = match said {
        None => html! {},
        Some(ImportSaid::Busy) => html! { <p>{ w.importing }</p> },
        Some(ImportSaid::Done(notes)) => html! {
            <>
                <p>{ w.imported }</p>
                { for notes.iter().map(|n| html! { <p>{ n }</p> }) }
            </>
        },
        Some(ImportSaid::Refused(why)) => html! { <p class="refused">{ why }</p> },
    };
    html! {
        <details id="import">
            <summary>{ w.import_title }</summary>
            <p class="hint" id="import-hint">{ w.import_hint }</p>
            <label for="import-text">{ w.import_text }</label>
            <textarea id="import-text" rows="6" spellcheck="false" autocomplete="off" aria-describedby="import-hint" />
            <button type="button" id="import-button" onclick={onclick}>{ w.import_button }</button>
            <div id="import-said" role="status">{ said }</div>
        </details>
    }
}
