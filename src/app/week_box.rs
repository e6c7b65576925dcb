//! The chosen service's week of load: the same all week (its task count),
//! a preset's shape with its two counts (`model::curve::preset`), or the
//! workload's scheduled jobs (runs × minutes a month). Each
//! change is an edit of the chosen service's week (`Edit::Week`), as is a bar
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

/// The week control's entry for today's scheduled jobs (`--runs`, `--minutes`).
const SCHEDULED: &str = "scheduled";

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
    let scheduled = i.runs.is_some();
    let chosen = match (service.week, preset) {
        _ if scheduled => SCHEDULED,
        (None, _) => "steady",
        (Some(_), Some(p)) => preset_name(p),
        (Some(_), None) => "custom",
    };
    // A schedule runs every service so; a week of load runs all month.
    let others_have_weeks = i.services.iter().enumerate().any(|(k, s)| k != at && s.week.is_some());
    let set = move |p: Option<Preset>| Action::Services(Edit::Week(at, p.map(Preset::week)));
    let onchange = {
        let (tasks, on) = (service.tasks, on.clone());
        Callback::from(move |e: Event| {
            let name = e.target_unchecked_into::<HtmlSelectElement>().value();
            if name == SCHEDULED {
                // The workload's runs × minutes, one 5-minute run an hour to start, as its checkbox does.
                on.emit(set(None));
                on.emit(Action::Set(Opt::Runs, "730".into()));
                return;
            }
            if scheduled {
                on.emit(Action::Set(Opt::Hours, "730".into()));
            }
            on.emit(set(PRESETS.iter().find(|(n, _)| *n == name).map(|(_, p)| start(*p, tasks))));
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
                <option value={SCHEDULED} selected={scheduled} disabled={others_have_weeks}>{ w.week_scheduled }</option>
                if chosen == "custom" {
                    <option value="custom" selected=true disabled=true>{ w.week_custom }</option>
                }
            </select>
            if let Some(p) = preset {
                { count(0, w.preset_counts(p).0, p) }
                { count(1, w.preset_counts(p).1, p) }
            }
            if !scheduled {
                <super::week_bars::WeekBars {at} week={service.week.unwrap_or(Week::steady(service.tasks))} {lang} on={on.clone()} />
            }
            // The workload's, not the service's: how every week's peaks are bought, once there is a week.
            if i.weeks().is_some() {
                { super::controls::choice(Opt::Above, w.above, i, Above::ALL.into_iter().map(|a| (a.slug(), w.above_choice(a).to_string(), false)).collect(), on) }
            }
        </fieldset>
    }
}
