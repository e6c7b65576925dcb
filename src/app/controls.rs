//! The workload controls. Sliders step through valid values only, so a person
//! can never pick a task size Fargate would refuse.

use super::state::{Action, MAX_HOURS, MAX_TASKS};
use crate::format;
use crate::model::task_size::TaskSize;
use super::Shared;
use crate::pricing::Manifest;
use yew::prelude::*;
use web_sys::{HtmlInputElement, HtmlSelectElement};

#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    pub manifest: Shared<Manifest>,
    pub region: String,
    pub size: TaskSize,
    pub tasks: u32,
    pub hours: u32,
    pub on_action: Callback<Action>,
}

/// The input's value as a whole number, or None while it is being edited.
fn input_u32(e: &InputEvent) -> Option<u32> {
    e.target_unchecked_into::<HtmlInputElement>().value().trim().parse().ok()
}

#[function_component(Controls)]
pub fn controls(props: &ControlsProps) -> Html {
    let cpus: Vec<u32> = TaskSize::cpu_choices().collect();
    let memories = TaskSize::memory_choices(props.size.cpu_units());
    let cpu_index = cpus.iter().position(|&c| c == props.size.cpu_units()).unwrap_or(0);
    let memory_index = memories.iter().position(|&m| m == props.size.memory_mib()).unwrap_or(0);
    let vcpu = format::quantity(props.size.vcpu());
    let gib = format::quantity(props.size.memory_gib());

    let on_cpu = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(cpu) = input_u32(&e).and_then(|i| cpus.get(i as usize).copied()) {
                on_action.emit(Action::SetCpu(cpu));
            }
        })
    };
    let on_memory = {
        let on_action = props.on_action.clone();
        let memories = memories.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(mib) = input_u32(&e).and_then(|i| memories.get(i as usize).copied()) {
                on_action.emit(Action::SetMemory(mib));
            }
        })
    };
    let on_region = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: Event| {
            on_action.emit(Action::SetRegion(e.target_unchecked_into::<HtmlSelectElement>().value()));
        })
    };
    let on_tasks = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(tasks) = input_u32(&e) {
                on_action.emit(Action::SetTasks(tasks));
            }
        })
    };
    let on_hours = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(hours) = input_u32(&e) {
                on_action.emit(Action::SetHours(hours));
            }
        })
    };

    html! {
        <form class="controls" aria-label="Workload" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <fieldset>
                <legend>{ "Where" }</legend>
                <label for="region">{ "AWS region" }</label>
                <select id="region" onchange={on_region}>
                    { for geographies(&props.manifest).into_iter().map(|geography| html! {
                        <optgroup label={geography.clone()}>
                            { for props.manifest.regions.iter().filter(|r| r.geography == geography).map(|r| html! {
                                <option value={r.code.clone()} selected={r.code == props.region}>
                                    { format!("{} {}{}", r.name, r.code, if r.fargate.is_empty() { " (no Fargate prices)" } else { "" }) }
                                </option>
                            }) }
                        </optgroup>
                    }) }
                </select>
            </fieldset>
            <fieldset>
                <legend>{ "Task size" }</legend>
                <label for="cpu">{ "vCPU per task" } <output for="cpu">{ format!("{vcpu} vCPU") }</output></label>
                <input id="cpu" type="range" min="0" max={(TaskSize::cpu_choices().count() - 1).to_string()} step="1"
                    value={cpu_index.to_string()} aria-valuetext={format!("{vcpu} vCPU")} oninput={on_cpu} />
                <label for="memory">{ "Memory per task" } <output for="memory">{ format!("{gib} GiB") }</output></label>
                <input id="memory" type="range" min="0" max={(memories.len() - 1).to_string()} step="1"
                    value={memory_index.to_string()} aria-valuetext={format!("{gib} GiB")} oninput={on_memory} />
                <p class="hint">{ format!("Fargate allows {} with {vcpu} vCPU.", memory_range(&memories)) }</p>
            </fieldset>
            <fieldset>
                <legend>{ "Workload" }</legend>
                <label for="tasks">{ "Tasks running" }</label>
                <input id="tasks" type="number" min="1" max={MAX_TASKS.to_string()} step="1" inputmode="numeric"
                    value={props.tasks.to_string()} oninput={on_tasks} />
                <label for="hours">{ "Hours per month per task" }
                    <output for="hours">{ format!("{} h ({} of the month)", props.hours, format::percent_of_month(f64::from(props.hours))) }</output>
                </label>
                <input id="hours" type="range" min="0" max={MAX_HOURS.to_string()} step="1"
                    value={props.hours.to_string()}
                    aria-valuetext={format!("{} hours per month", props.hours)} oninput={on_hours} />
            </fieldset>
        </form>
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
fn memory_range(memories: &[u32]) -> String {
    let gib = |mib: u32| format::quantity(f64::from(mib) / 1024.0);
    match memories {
        [a, b, c] if b - a != c - b => format!("{}, {} or {} GiB", gib(*a), gib(*b), gib(*c)),
        [first, second, .., last] => format!("{}–{} GiB in {} GiB steps", gib(*first), gib(*last), gib(second - first)),
        _ => memories.iter().map(|&m| format!("{} GiB", gib(m))).collect::<Vec<_>>().join(", "),
    }
}
