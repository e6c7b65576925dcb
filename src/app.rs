//! The Yew front end. Components receive values and callbacks; the one piece of
//! state lives in `state`'s reducer; numbers come from `model`, text from `format`.

mod controls;
mod cost_table;
mod sources;
pub mod state;

use crate::chart;
use crate::pricing::{Manifest, MANIFEST_JSON};
use controls::Controls;
use cost_table::CostTable;
use sources::Sources;
use state::{Action, State};
use std::rc::Rc;
use yew::prelude::*;

/// Data shared by reference between components. Props compare it by
/// pointer: it never changes after load, and a deep comparison of the whole
/// manifest on every render would put that work on the slider's hot path.
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

#[function_component(App)]
pub fn app() -> Html {
    // Parsed once per page load. It was validated when it was built and by the
    // tests; a parse error still shows a message rather than a blank page.
    let manifest = use_memo((), |_| Manifest::parse_unchecked(MANIFEST_JSON).map(Rc::new));
    match &*manifest {
        Ok(manifest) => html! { <Explorer manifest={Shared(manifest.clone())} /> },
        Err(message) => html! {
            <main class="failure" role="alert">
                <h1>{ "The price data could not be read" }</h1>
                <p>{ message.clone() }</p>
                <p>{ "Reload the page; if this stays, the published site is broken and we would like to hear about it." }</p>
            </main>
        },
    }
}

#[derive(Properties, PartialEq)]
struct ExplorerProps {
    manifest: Shared<Manifest>,
}

#[function_component(Explorer)]
fn explorer(props: &ExplorerProps) -> Html {
    let state = use_reducer(State::default);
    let dispatch = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };
    let manifest = &props.manifest;
    let quotes = state.quotes(manifest);
    let svg = {
        let series = state::chart_series(&quotes);
        let hours = f64::from(state.hours);
        use_memo((series, state.hours), move |(series, _)| chart::cost_by_hours(series, hours))
    };
    let region_name = manifest.region(&state.region).map_or(state.region.clone(), |r| format!("{} {}", r.name, r.code));

    html! {
        <div class="page">
            <header>
                <h1>{ "Fargate cost by hours of use" }</h1>
                <p class="lede">{ state.summary(&quotes) }</p>
            </header>
            <div class="layout">
                <Controls
                    manifest={manifest.clone()}
                    region={state.region.clone()}
                    size={state.size}
                    tasks={state.tasks}
                    hours={state.hours}
                    on_action={dispatch}
                />
                <section class="results" aria-label="Results">
                    <figure class="chart" id="chart-hours">
                        { Html::from_html_unchecked(AttrValue::from((*svg).clone())) }
                        <figcaption>
                            { format!("Monthly Fargate cost of {} in {region_name}, on-demand, against hours each task runs per month.", state.workload()) }
                        </figcaption>
                    </figure>
                    <CostTable quotes={quotes.clone()} />
                    <Sources manifest={manifest.clone()} quotes={quotes} />
                </section>
            </div>
        </div>
    }
}
