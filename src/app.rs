//! The Yew front end. Components receive values and callbacks; the one piece of
//! state lives in `state`'s reducer; numbers come from `model`, text from `format`.

mod controls;
mod cost_table;
pub mod state;

use crate::chart;
use crate::pricing::Snapshot;
use controls::Controls;
use cost_table::CostTable;
use state::{Action, State};
use std::rc::Rc;
use yew::prelude::*;

/// The region this first slice prices; region choice comes with the full snapshot.
pub const REGION: &str = "us-east-1";

#[function_component(App)]
pub fn app() -> Html {
    // Parsed once per page load: the snapshot is bundled, so this cannot be stale.
    let snapshot = use_memo((), |_| Snapshot::bundled());
    match &*snapshot {
        Ok(snapshot) => html! { <Explorer snapshot={Rc::new(snapshot.clone())} /> },
        Err(message) => html! {
            <main class="failure" role="alert">
                <h1>{ "The price data could not be read" }</h1>
                <p>{ message.clone() }</p>
                <p>{ "Reload the page; if this stays, the published site is broken and we would like to hear about it." }</p>
            </main>
        },
    }
}

#[derive(Properties)]
struct ExplorerProps {
    snapshot: Rc<Snapshot>,
}

impl PartialEq for ExplorerProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.snapshot, &other.snapshot)
    }
}

#[function_component(Explorer)]
fn explorer(props: &ExplorerProps) -> Html {
    let state = use_reducer(State::default);
    let dispatch = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };
    let quotes = state.quotes(&props.snapshot, REGION);
    let svg = {
        let series = state::chart_series(&quotes);
        let hours = f64::from(state.hours);
        use_memo((series, state.hours), move |(series, _)| chart::cost_by_hours(series, hours))
    };
    let source = props.snapshot.sources.first();

    html! {
        <div class="page">
            <header>
                <h1>{ "Fargate cost by hours of use" }</h1>
                <p class="lede">{ state.summary(&quotes) }</p>
            </header>
            <div class="layout">
                <Controls
                    size={state.size}
                    tasks={state.tasks}
                    hours={state.hours}
                    on_action={dispatch}
                />
                <section class="results" aria-label="Results">
                    <figure class="chart" id="chart-hours">
                        { Html::from_html_unchecked(AttrValue::from((*svg).clone())) }
                        <figcaption>
                            { format!("Monthly Fargate cost of {} in {REGION}, on-demand, against hours each task runs per month.", state.workload()) }
                        </figcaption>
                    </figure>
                    <CostTable quotes={quotes.clone()} />
                </section>
            </div>
            <footer>
                <p>
                    { format!("Prices: {REGION}, pricing snapshot of {}", props.snapshot.date) }
                    if let Some(source) = source {
                        { format!(" — {} (published {}).", source.title, source.date) }
                    }
                </p>
            </footer>
        </div>
    }
}
