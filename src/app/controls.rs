//! The controls. Every one reports `Action::Set(option, text)`: the options
//! share links and the CLI use (`options::Opt`). Sliders step through valid values only,
//! so a person can never pick a task size Fargate would refuse.

use super::state::{Action, Draft, ImportSaid};
use super::Shared;
use crate::format;
use crate::i18n::zh::{fill, Zh};
use crate::i18n::{regions, Lang};
use crate::inputs::Inputs;
use crate::model::credits::CreditMode;
use crate::model::ec2::{Capacity, PurchaseOption};
use crate::model::packing::NetworkMode;
use crate::model::platform::Platform;
use crate::model::task_size::{cpu_units_of, mib_of, TaskSize};
use crate::model::HOURS_PER_MONTH;
use crate::options::{Opt, IP_CHOICES, MAX_TASKS};
use crate::pricing::Manifest;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

pub struct ControlsProps {
    pub manifest: Shared<Manifest>,
    pub inputs: Inputs,
    /// Text in a field that is not its option's value (`State::draft`).
    pub draft: Option<Draft>,
    /// What the import box last said (`State::import`).
    pub import: Option<ImportSaid>,
    /// (type, label) of every instance type the fleet may use, cheapest first.
    pub instance_types: Shared<Vec<(String, String)>>,
    pub on_action: Callback<Action>,
    /// The region file has EC2 Savings Plans rates: their purchase options can be chosen.
    pub savings_plans: bool,
    /// Only the key sliders (task size, count, hours), for the embedded layout.
    pub compact: bool,
    pub lang: Lang,
}

fn value_of(e: &Event) -> String {
    let target = e.target();
    if let Some(select) = target.as_ref().and_then(|t| wasm_bindgen::JsCast::dyn_ref::<HtmlSelectElement>(t)) {
        return select.value();
    }
    e.target_unchecked_into::<HtmlInputElement>().value()
}

/// A callback that sets `option` to the control's value, mapped through `map`
/// (for sliders whose position is an index into valid values).
fn setter(on_action: &Callback<Action>, option: Opt, map: impl Fn(String) -> Option<String> + 'static) -> Callback<Event> {
    let on_action = on_action.clone();
    Callback::from(move |e: Event| {
        if let Some(value) = map(value_of(&e)) {
            on_action.emit(Action::Set(option, value));
        }
    })
}

fn as_is(v: String) -> Option<String> {
    Some(v)
}

/// `input` events (fired while dragging) as `Event`s for `setter`.
fn live(cb: Callback<Event>) -> Callback<InputEvent> {
    Callback::from(move |e: InputEvent| cb.emit(e.into()))
}

pub fn controls(props: &ControlsProps) -> Html {
    let i = &props.inputs;
    let service = i.service();
    let on = &props.on_action;
    let lang = props.lang;
    let w = lang.words();
    let cpus: Vec<u32> = TaskSize::cpu_choices().collect();
    let cpu_units = cpu_units_of(service.cpu);
    let memories = TaskSize::memory_choices(cpu_units);
    let cpu_index = cpus.iter().position(|&c| c == cpu_units).unwrap_or(0);
    let memory_index = memories.iter().position(|&m| m == mib_of(service.mem)).unwrap_or(0);
    let vcpu = format::quantity(service.cpu);
    let gib = format::quantity(service.mem);
    let cpu_text = move |index: String| index.parse::<usize>().ok().and_then(|k| cpus.get(k)).map(|&c| format::vcpu(c));
    let mems = memories.clone();
    let mem_text = move |index: String| index.parse::<usize>().ok().and_then(|k| mems.get(k)).map(|&m| format::gib(m));
    let scheduled = i.runs.is_some();
    let hours = i.hours;
    let field = |option: Opt, value: String| Field::of(option, value, &props.draft, lang);
    let (disk, tasks, ec2) =
        (field(Opt::Disk, service.disk.to_string()), field(Opt::Tasks, service.tasks.to_string()), field(Opt::Ec2, i.ec2.clone()));
    let on_scheduled = {
        let on = on.clone();
        Callback::from(move |e: Event| {
            let checked = e.target_unchecked_into::<HtmlInputElement>().checked();
            // A schedule starts at one 5-minute run an hour; unticking returns to hours.
            on.emit(if checked { Action::Set(Opt::Runs, "730".into()) } else { Action::Set(Opt::Hours, format::quantity(hours)) });
        })
    };

    html! {
        <form class="controls" aria-label={w.controls} onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            if !props.compact {
            <fieldset>
                <legend>{ w.where_ }</legend>
                <label for="region">{ w.region }</label>
                <select id="region" onchange={setter(on, Opt::Region, as_is)}>
                    { for geographies(&props.manifest).into_iter().map(|geography| html! {
                        <optgroup label={regions::geography(lang, &geography).to_string()}>
                            { for props.manifest.regions.iter().filter(|r| r.geography == geography).map(|r| html! {
                                <option value={r.code.clone()} selected={r.code == i.region}>
                                    { format!("{} {}{}", regions::region_name(lang, &r.code, &r.name), r.code, if r.fargate.is_empty() { w.no_fargate_prices } else { "" }) }
                                </option>
                            }) }
                        </optgroup>
                    }) }
                </select>
                { choice(Opt::Platform, w.platform, i, Platform::ALL.into_iter().map(|p| {
                    let text = format!("{}{}", crate::i18n::platform(p), if props.manifest.has_fargate(&i.region, p) { "" } else { w.no_fargate_prices });
                    (p.slug(), text, false)
                }).collect(), on) }
            </fieldset>
            }
            if !props.compact {
                { super::service_list::service_list(i, &props.draft, lang, on) }
                { super::week_box::week_box(i, lang, on) }
                { super::import_box::import_box(i, lang, &props.import, on) }
            } else if i.services.len() > 1 {
                // The embed's sliders set one service of several: say which.
                <p class="hint" id="chosen-service">{ match lang {
                    Lang::En => format!("{}: {}", w.service, service.name),
                    Lang::Zh => format!("{}{}{}", w.service, crate::i18n::zh::zh(Zh::colon), service.name),
                } }</p>
            }
            <fieldset>
                <legend>{ w.task_size }</legend>
                { slider("cpu", w.vcpu_per_task, format!("{vcpu} vCPU"), (0, TaskSize::cpu_choices().count() - 1), cpu_index, setter(on, Opt::Cpu, cpu_text)) }
                { slider("memory", w.memory_per_task, format!("{gib} GiB"), (0, memories.len().max(1) - 1), memory_index, setter(on, Opt::Mem, mem_text)) }
                <p class="hint">{ match lang {
                    Lang::En => format!("Fargate allows {} with {vcpu} vCPU.", memory_range(&memories, lang)),
                    Lang::Zh => fill(Zh::memory_hint, &[&vcpu, &memory_range(&memories, lang)]),
                } }</p>
                if !props.compact {
                    { slider("cpu-use", w.cpu_use, format!("{}%", format::quantity(service.cpu_use)), (1, 100), service.cpu_use.round() as usize, setter(on, Opt::CpuUse, as_is)) }
                    <label for="disk">{ w.disk }</label>
                    <input id="disk" type="number" min="20" max="200" step="1" value={disk.value} aria-invalid={disk.invalid} aria-describedby={disk.described_by} onchange={setter(on, Opt::Disk, as_is)} />
                    { disk.note }
                }
            </fieldset>
            <fieldset>
                <legend>{ w.workload }</legend>
                <label for="tasks">{ w.tasks_running }</label>
                <input id="tasks" type="number" min="1" max={MAX_TASKS.to_string()} step="1" inputmode="numeric"
                    value={tasks.value} aria-invalid={tasks.invalid} aria-describedby={tasks.described_by} oninput={live(setter(on, Opt::Tasks, as_is))} />
                { tasks.note }
                if !props.compact {
                    <label class="check"><input id="scheduled" type="checkbox" checked={scheduled} onchange={on_scheduled} />{ w.scheduled }</label>
                }
                if let (Some(runs), minutes) = (i.runs.map(|r| field(Opt::Runs, r.to_string())), field(Opt::Minutes, format::quantity(i.minutes))) {
                    <label for="runs">{ w.runs }</label>
                    <input id="runs" type="number" min="1" step="1" value={runs.value} aria-invalid={runs.invalid} aria-describedby={runs.described_by} oninput={live(setter(on, Opt::Runs, as_is))} />
                    { runs.note }
                    <label for="minutes">{ w.minutes }</label>
                    <input id="minutes" type="number" min="0" max="1440" step="any" value={minutes.value} aria-invalid={minutes.invalid} aria-describedby={minutes.described_by} onchange={setter(on, Opt::Minutes, as_is)} />
                    { minutes.note }
                    <p class="hint">{ billed_hint(lang, i.usage().billed_hours()) }</p>
                } else {
                    { slider("hours", w.hours_per_task, hours_output(lang, i.hours), (0, HOURS_PER_MONTH as usize), i.hours.round() as usize, setter(on, Opt::Hours, as_is)) }
                }
            </fieldset>
            if !props.compact {
            <fieldset>
                <legend>{ w.fleet }</legend>
                <label for="ec2">{ w.instance_type }</label>
                <input id="ec2" type="text" list="ec2-types" autocomplete="off" spellcheck="false"
                    value={ec2.value} aria-invalid={ec2.invalid} aria-describedby={ec2.described_by}
                    oninput={on.reform(|e: InputEvent| Action::Draft(Opt::Ec2, e.target_unchecked_into::<HtmlInputElement>().value()))}
                    onchange={setter(on, Opt::Ec2, |v: String| Some(if v.trim().is_empty() { "auto".into() } else { v }))}
                    onfocus={on.reform(|_| Action::WantEveryType)} />
                { ec2.note }
                <InstanceTypes instance_types={props.instance_types.clone()} auto_hint={w.auto_hint} />
                { choice(Opt::Buy, w.purchase_option, i, PurchaseOption::ALL.into_iter().map(|o| {
                    (o.slug(), w.purchase(o).to_string(), o.is_savings_plan() && !props.savings_plans)
                }).collect(), on) }
                { choice(Opt::Capacity, w.capacity, i, vec![
                    (Capacity::AlwaysOn.slug(), w.always_on.to_string(), false),
                    (Capacity::FollowTasks.slug(), w.follows_tasks.to_string(), !i.buy.can_follow_tasks()),
                ], on) }
                { choice(Opt::Net, w.network_mode, i, NetworkMode::ALL.into_iter().map(|m| (m.slug(), m.slug().to_string(), false)).collect(), on) }
                { choice(Opt::Credits, w.credits, i, vec![
                    (CreditMode::Unlimited.slug(), w.credits_unlimited.to_string(), false),
                    (CreditMode::Standard.slug(), w.credits_standard.to_string(), false),
                ], on) }
                { choice(Opt::Ip, w.public_ip, i, vec![(IP_CHOICES[0], w.ip_none.to_string(), false), (IP_CHOICES[1], w.ip_public.to_string(), false)], on) }
                { number(Opt::Ebs, w.ebs, "1", field(Opt::Ebs, i.ebs.to_string()), on) }
                { number(Opt::Min, w.min_instances, "1", field(Opt::Min, i.min.to_string()), on) }
                { number(Opt::Reserve, w.reserve, "64", field(Opt::Reserve, i.reserve.to_string()), on) }
                { number(Opt::DaemonCpu, w.daemon_cpu, "0.25", field(Opt::DaemonCpu, format::quantity(i.daemon_cpu)), on) }
                { number(Opt::DaemonMem, w.daemon_mem, "64", field(Opt::DaemonMem, i.daemon_mem.to_string()), on) }
                { number(Opt::Headroom, w.headroom, "1", field(Opt::Headroom, i.headroom.to_string()), on) }
                { number(Opt::Extra, w.extra, "any", field(Opt::Extra, format::quantity(i.extra)), on) }
                { number(Opt::Ops, w.ops, "any", field(Opt::Ops, format::quantity(i.ops)), on) }
                { number(Opt::Rate, w.rate, "any", field(Opt::Rate, format::quantity(i.rate)), on) }
            </fieldset>
            }
        </form>
    }
}

/// A labelled slider over whole steps `range`, its value shown (and read out)
/// as `shown`; `set` takes the position while it is dragged.
fn slider(id: &'static str, label: &'static str, shown: String, range: (usize, usize), at: usize, set: Callback<Event>) -> Html {
    html! {
        <>
            <label for={id}>{ label } <output for={id}>{ shown.clone() }</output></label>
            <input {id} type="range" min={range.0.to_string()} max={range.1.to_string()} step="1" value={at.to_string()} aria-valuetext={shown} oninput={live(set)} />
        </>
    }
}

/// A labelled select that sets `option` (its id is the option's name): each
/// choice as (value, text, disabled), the one that is the option's value selected.
pub(super) fn choice(
    option: Opt,
    label: &'static str,
    i: &Inputs,
    choices: Vec<(&'static str, String, bool)>,
    on: &Callback<Action>,
) -> Html {
    let (id, current) = (option.name(), i.text(option));
    html! {
        <>
            <label for={id}>{ label }</label>
            <select {id} onchange={setter(on, option, as_is)}>
                { for choices.into_iter().map(|(value, text, disabled)| html! {
                    <option {value} selected={value == current} {disabled}>{ text }</option>
                }) }
            </select>
        </>
    }
}

/// A labelled box for a number of at least 0 that sets `option` when changed
/// (its id is the option's name).
fn number(option: Opt, label: &'static str, step: &'static str, field: Field, on: &Callback<Action>) -> Html {
    let id = option.name();
    html! {
        <>
            <label for={id}>{ label }</label>
            <input {id} type="number" min="0" {step} value={field.value} aria-invalid={field.invalid} aria-describedby={field.described_by} onchange={setter(on, option, as_is)} />
            { field.note }
        </>
    }
}

/// A text or number field as shown: the text typed or refused there
/// (`State::draft`), else its option's value; if the option refused it, why,
/// in a line under the field that the field names as its description.
struct Field {
    value: String,
    invalid: Option<&'static str>,
    described_by: Option<String>,
    note: Html,
}

impl Field {
    fn of(option: Opt, value: String, draft: &Option<Draft>, lang: Lang) -> Field {
        let Some(draft) = draft.as_ref().filter(|d| d.option == option) else {
            return Field { value, invalid: None, described_by: None, note: Html::default() };
        };
        let Some(refused) = &draft.refused else {
            return Field { value: draft.text.clone(), invalid: None, described_by: None, note: Html::default() };
        };
        let id = format!("{}-refused", option.name());
        let note = html! { <p class="refused" id={id.clone()}>{ lang.words().refused }{ refused.reason_in(lang) }</p> };
        Field { value: draft.text.clone(), invalid: Some("true"), described_by: Some(id), note }
    }
}

#[derive(Properties, PartialEq)]
struct InstanceTypesProps {
    instance_types: Shared<Vec<(String, String)>>,
    auto_hint: &'static str,
}

/// The instance picker's suggestions: hundreds of options, so a component of
/// their own that re-renders only when the list changes (props compare the
/// list by pointer), not on every slider step.
#[function_component(InstanceTypes)]
fn instance_types(props: &InstanceTypesProps) -> Html {
    html! {
        <datalist id="ec2-types">
            <option value="auto">{ props.auto_hint }</option>
            { for props.instance_types.iter().map(|(t, label)| html! {
                <option value={t.clone()}>{ label.clone() }</option>
            }) }
        </datalist>
    }
}

/// Geographies in the order the manifest first lists them.
fn geographies(manifest: &Manifest) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for r in &manifest.regions {
        if !out.contains(&r.geography) {
            out.push(r.geography.clone());
        }
    }
    out
}

/// "2–8 GiB in 1 GiB steps", or the list when the steps are uneven.
fn memory_range(memories: &[u32], lang: Lang) -> String {
    let gib = format::gib;
    match (memories, lang) {
        ([a, b, c], Lang::En) if b - a != c - b => format!("{}, {} or {} GiB", gib(*a), gib(*b), gib(*c)),
        ([a, b, c], Lang::Zh) if b - a != c - b => fill(Zh::memory_three, &[&gib(*a), &gib(*b), &gib(*c)]),
        ([first, second, .., last], Lang::En) => format!("{}–{} GiB in {} GiB steps", gib(*first), gib(*last), gib(second - first)),
        ([first, second, .., last], Lang::Zh) => fill(Zh::memory_steps, &[&gib(*first), &gib(*last), &gib(second - first)]),
        _ => memories.iter().map(|&m| format!("{} GiB", gib(m))).collect::<Vec<_>>().join(", "),
    }
}

/// "365 h (50% of the month)": the hours slider's value.
fn hours_output(lang: Lang, hours: f64) -> String {
    match lang {
        Lang::En => format!("{} ({} of the month)", lang.hours(hours), format::percent_of_month(hours)),
        Lang::Zh => fill(Zh::hours_output, &[&lang.hours(hours), &format::percent_of_month(hours)]),
    }
}

/// What a schedule bills per task a month.
fn billed_hint(lang: Lang, billed: f64) -> String {
    match lang {
        Lang::En => format!("Billed {} per task a month ({}).", lang.hours(billed), format::percent_of_month(billed)),
        Lang::Zh => fill(Zh::billed_hint, &[&lang.hours(billed), &format::percent_of_month(billed)]),
    }
}
