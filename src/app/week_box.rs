//! The chosen service's week of load: the same all week (its task count),
//! or a preset's shape with its two counts (`model::curve::preset`). Each
//! change is an edit of the chosen service (`Edit::Week`), as is a bar
//! drawn hour by hour below (`week_bars`); a week no preset makes shows as
//! "hour by hour".

use super::state::Action;
use crate::i18n::Lang;
use crate::inputs::curve::{preset_name, PRESETS};
use crate::inputs::{Edit, Inputs};
use crate::model::curve::preset::Preset;
use crate::model::curve::{Above, Week};
use crate::options::Opt;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The preset a shape starts from: the service's count at its busiest.
fn start(shape: Preset, tasks: u32) -> Preset {
    let quarter = (tasks / 4).max(1);
    shape.with(match shape {
        Preset::BusinessHours { .. } => (tasks, quarter),
        Preset::NightlyBatch { .. } => (tasks, 4),
        Preset::Spiky { .. } => (quarter, tasks),
    })
}

pub fn week_box(i: &Inputs, lang: Lang, on: &Callback<Action>) -> Html {
    let w = lang.words();
    let at = i.at.min(i.services.len() - 1);
    let service = &i.services[at];
    let preset = service.week.and_then(|week| Preset::of(&week));
    let chosen = match (service.week, preset) {
        (None, _) => "steady",
        (Some(_), Some(p)) => preset_name(p),
        (Some(_), None) => "custom",
    };
    let set = |p: Option<Preset>| Action::Services(Edit::Week(p.map(Preset::week)));
    let onchange = {
        let tasks = service.tasks;
        on.reform(move |e: Event| {
            let name = e.target_unchecked_into::<HtmlSelectElement>().value();
            set(PRESETS.iter().find(|(n, _)| *n == name).map(|(_, p)| start(*p, tasks)))
        })
    };
    let count = |k: usize, label: &'static str, p: Preset| {
        let (a, b) = p.counts();
        let onchange = on.reform(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value().trim().parse::<u32>().unwrap_or(0);
            set(Some(p.with(if k == 0 { (value, b) } else { (a, value) })))
        });
        let id = if k == 0 { "week-a" } else { "week-b" };
        html! {
            <>
                <label for={id}>{ label }</label>
                <input {id} type="number" min="0" step="1" value={(if k == 0 { a } else { b }).to_string()} {onchange} />
            </>
        }
    };
    html! {
        <fieldset id="week">
            <legend>{ w.week_of_load }</legend>
            <label for="week-shape">{ format!("{} · {}", w.week_of_load, service.name) }</label>
            <select id="week-shape" {onchange}>
                <option value="steady" selected={chosen == "steady"}>{ w.week_steady }</option>
                { for PRESETS.iter().map(|(name, p)| html! {
                    <option value={*name} selected={chosen == *name}>{ w.preset(*p) }</option>
                }) }
                if chosen == "custom" {
                    <option value="custom" selected=true disabled=true>{ w.week_custom }</option>
                }
            </select>
            if let Some(p) = preset {
                { count(0, w.preset_counts(p).0, p) }
                { count(1, w.preset_counts(p).1, p) }
            }
            <super::week_bars::WeekBars week={service.week.unwrap_or(Week::steady(service.tasks))} {lang} on={on.clone()} />
            // The workload's, not the service's: how every week's peaks are bought.
            { super::controls::choice(Opt::Above, w.above, i, Above::ALL.into_iter().map(|a| (a.slug(), w.above_choice(a).to_string(), false)).collect(), on) }
        </fieldset>
    }
}
