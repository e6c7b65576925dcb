//! The workload's services, as a list to choose from and edit: the size and
//! count controls below it set the chosen one. Every edit is an
//! `Action::Services`; one the list refuses (removing the last service, a
//! name in use) is said under it, as a refused field's value is.

use super::state::{Action, Draft};
use crate::format;
use crate::i18n::Lang;
use crate::inputs::{Edit, Inputs};
use crate::options::Opt;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// A callback of any event that makes `edit`.
fn edit<E: 'static>(on: &Callback<Action>, edit: Edit) -> Callback<E> {
    on.reform(move |_| Action::Services(edit.clone()))
}

pub fn service_list(i: &Inputs, draft: &Option<Draft>, lang: Lang, on: &Callback<Action>) -> Html {
    let w = lang.words();
    let at = i.at.min(i.services.len() - 1);
    let refused = draft.as_ref().filter(|d| d.option == Opt::Service).and_then(|d| d.refused.as_ref());
    let chosen = &i.services[at];
    // The name field shows a refused name until the next edit.
    let name = refused.map_or_else(|| chosen.name.clone(), |r| r.value.clone());
    html! {
        <fieldset id="services">
            <legend>{ w.services }</legend>
            <ul class="services">
                { for i.services.iter().enumerate().map(|(k, s)| {
                    let size = format!("{} × {} vCPU / {} GiB", s.tasks, format::quantity(s.cpu), format::quantity(s.mem));
                    html! {
                        <li>
                            <label class="check">
                                <input type="radio" name="service" id={format!("service-{k}")} checked={k == at} onchange={edit(on, Edit::Select(k))} />
                                { format!(" {} ", s.name) }<span class="hint">{ size }</span>
                            </label>
                            <button type="button" class="service-copy" aria-label={format!("{} {}", w.duplicate, s.name)} onclick={edit(on, Edit::Duplicate(k))}>{ w.duplicate }</button>
                            <button type="button" class="service-remove" aria-label={format!("{} {}", w.remove, s.name)} onclick={edit(on, Edit::Remove(k))}>{ w.remove }</button>
                        </li>
                    }
                }) }
            </ul>
            <button type="button" id="service-add" onclick={edit(on, Edit::Add)}>{ w.add_service }</button>
            <label for="service-name">{ w.service_name }</label>
            <input id="service-name" type="text" autocomplete="off" spellcheck="false" value={name}
                aria-invalid={refused.map(|_| "true")} aria-describedby={refused.map(|_| "service-refused")}
                onchange={on.reform(|e: Event| Action::Services(Edit::Rename(e.target_unchecked_into::<HtmlInputElement>().value())))} />
            if let Some(r) = refused {
                <p class="refused" id="service-refused">{ w.refused }{ r.reason_in(lang) }</p>
            }
            <label class="check">
                <input id="sidecars" type="checkbox" checked={chosen.sidecars}
                    onchange={on.reform(|e: Event| Action::Services(Edit::Sidecars(e.target_unchecked_into::<HtmlInputElement>().checked())))} />
                { w.sidecars }
            </label>
            if i.services.len() > 1 {
                <p class="hint">{ w.chosen_service }</p>
            }
        </fieldset>
    }
}
