//! The Yew front end. Views receive values and callbacks; the state lives in
//! `state`'s reducer; every number comes from `estimate` (the same path as the
//! CLI), text from `i18n` and `format`. The explorer is its hooks: the prices
//! a view needs (`prices`), the answer (`answer`), the charts (`charts`) and
//! the dispatch that settles the slower views (`settle`). Everything that
//! touches the browser is in `browser` (natively, `native`).
//!
//! A view that changes with every step anyway (controls, options table,
//! downloads, share box) is a plain function: as a component it cost ~1 KB of
//! wasm for its lifecycle and a props comparison that always found a change.
//! Components are kept where skipping a render pays (`Sources`, the instance
//! list).

mod answer;
// The browser's side; natively the same functions doing nothing.
#[cfg_attr(not(target_arch = "wasm32"), path = "app/native.rs")]
mod browser;
mod charts;
pub mod controls;
pub mod crash;
mod downloads;
mod header;
mod import_box;
pub mod options_table;
mod prices;
mod service_costs;
mod service_list;
mod settle;
mod share;
pub mod sources;
pub mod state;
mod week_bars;
mod week_box;
// The page's worker: a program of its own, the import and a week of load.
pub mod worker;

use crate::i18n::{self, Lang};
use crate::model::line::Line;
use crate::pricing::Manifest;
use charts::WarmUp;
use controls::ControlsProps;
use sources::Sources;
use state::{Action, State};
use std::cell::RefCell;
use std::rc::Rc;
use worker::{Answer, Job};
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

/// The bundled manifest, built once per page load from its tables (validated
/// when they were generated and by the tests).
#[function_component(App)]
pub fn app() -> Html {
    let manifest = use_memo((), |_| Shared(Rc::new(crate::pricing::tables::bundled())));
    html! { <Explorer manifest={(*manifest).clone()} /> }
}

#[derive(Properties, PartialEq)]
struct ExplorerProps {
    manifest: Shared<Manifest>,
}

/// The state the page opens in: the link's, in the browser's language.
fn initial_state() -> State {
    match browser::opening_link() {
        Some((query, languages)) => State::from_link(&query, Lang::negotiate(languages.iter().map(String::as_str))),
        None => State::default(),
    }
}

#[function_component(Explorer)]
fn explorer(props: &ExplorerProps) -> Html {
    let state = use_reducer(initial_state);
    // Test builds only (see Cargo.toml): a bug in the middle of a render.
    #[cfg(feature = "deliberate-panic")]
    if state.inputs.service().tasks == 13 {
        panic!("deliberate panic (test build): 13 tasks");
    }
    let lang = state.lang();
    use_effect_with(lang, |lang| browser::set_document_language(*lang));
    // Chinese is wanted and its text not yet read: fetch it (once, or again when chosen again after a failure).
    let fetching_chinese = state.wanted_lang() == Lang::Zh && !i18n::zh::ready() && state.chinese.is_none();
    use_effect_with(fetching_chinese, {
        let dispatch = state.dispatcher();
        move |&fetching| {
            if fetching {
                browser::fetch_chinese(move |text| {
                    let read = text.and_then(|t| i18n::zh::parse(&t).map_err(state::LoadError::Invalid));
                    dispatch.dispatch(Action::Chinese(read.map(i18n::zh::install)));
                });
            }
        }
    });
    let region = prices::use_region_prices(&state, &props.manifest);
    let answer = answer::use_answer(&state, &region, &props.manifest);
    let instance_types = prices::use_picker_labels(&region, state.every_type_wanted, lang);
    let charts = charts::use_charts(&state, &answer.shown, &region, &props.manifest);
    let dispatch = settle::use_settling_dispatch(&state);
    // A week of load is worked out by the page's worker once the workload settles.
    // Its charts are drawn as wide as the page's (the canvas, as "720x420").
    let week = state.settled.weeks().is_some().then(|| crate::share_link::encode(&state.settled));
    use_effect_with((week, lang, state.canvas), {
        let dispatch = state.dispatcher();
        move |(week, lang, canvas)| {
            if let Some(query) = week.clone() {
                let lang = *lang;
                dispatch.dispatch(Action::Week(query.clone(), None));
                let answered = dispatch.clone();
                browser::ask(Job::Week, lang, &query.clone(), &format!("{}x{}", canvas.width, canvas.height), move |answer| {
                    let said = match answer {
                        Some(Answer::Week(said)) => said,
                        _ => Err(lang.words().week_failed.to_string()),
                    };
                    answered.dispatch(Action::Week(query, Some(said)));
                });
            }
        }
    });
    // The full page's link: the share box's, the embed's "open the full
    // explorer", and the address bar's outside an embed. Worked out once a render.
    let page_link = share::page_url(&state.inputs, false, state.lang_choice);
    let address = if state.embed { share::page_url(&state.inputs, true, state.lang_choice) } else { page_link.clone() };
    use_effect_with(address, |url| browser::replace_address_when_rested(url.clone()));
    use_effect_with(charts.hours.is_some(), {
        let dispatch = dispatch.clone();
        let warm = (answer.shown.clone(), region.prices.clone(), region.candidates.clone(), props.manifest.clone(), lang, state.canvas);
        move |&has_charts| {
            // A slider step's path, run out of sight so V8 has optimised it before a person slides.
            if let (true, (Some(estimate), Some(prices), candidates, manifest, lang, canvas)) = (has_charts, warm) {
                let work = WarmUp { estimate, prices, candidates, manifest, lang, canvas, drawn: Default::default() };
                charts::warm_up(Rc::new(RefCell::new(Some(work))), 0);
            }
            // The charts are drawn at about the width they are shown at.
            let watching = has_charts
                .then(|| browser::watch_width("#chart-hours .chart-box", move |w| dispatch.emit(Action::ChartWidth(w))))
                .flatten();
            move || {
                let _removed_now = watching;
            }
        }
    });
    let words = lang.words();
    let verdict = match (&answer.shown, &answer.status) {
        (Some(e), _) => i18n::verdict::verdict(e, lang),
        // Nothing was ever answered here (a link to a region without Fargate
        // prices, a file that failed): not "working", which would never end.
        (None, Some((true, _))) => words.no_answer.to_string(),
        (None, _) => words.working.to_string(),
    };
    // The answer on screen was made for other settings: the new ones are
    // loading or have no answer. Dimmed (by CSS, after a moment) so it is not
    // read as theirs.
    let stale = answer.shown.as_ref().is_some_and(|e| e.inputs != state.inputs).then_some("");
    let controls = |compact: bool| {
        let props = ControlsProps {
            compact,
            lang,
            manifest: props.manifest.clone(),
            inputs: state.inputs.clone(),
            draft: state.draft.clone(),
            import: state.import.clone(),
            instance_types: instance_types.clone(),
            on_action: dispatch.clone(),
            savings_plans: answer.shown.as_ref().is_some_and(|e| e.savings_plans_known),
        };
        controls::controls(&props)
    };
    if fetching_chinese && answer.shown.is_none() {
        // A Chinese page's first view waits for its text (the prices load meanwhile), not to flash English.
        return html! { <main class="page"><p class="lede" id="verdict" aria-busy="true">{ "…" }</p></main> };
    }
    if state.embed {
        // The compact layout for an article: the answer, the chart, the key sliders.
        return html! {
            <main class="page embed">
                <h1 class="embed-title">{ words.title }</h1>
                <p class="lede" id="verdict" aria-live="polite" data-stale={stale}>{ verdict }</p>
                { header::notices(&state, &answer.status, answer.shown.as_deref()) }
                if let (Some((by_hours, hours_legend, _)), Some((_, _, points))) = (&*charts.hours, &*charts.slower) {
                    <figure class="chart" id="chart-hours" data-stale={stale}>
                        { charts::chart_box(by_hours, points, charts.busy) }
                        { charts::legend(hours_legend) }
                    </figure>
                }
                if let Some(Ok(week)) = state.week_answer() {
                    // A week of load's answer, in the article too.
                    <figure class="chart" id="chart-split">{ charts::drawn(&week.chart, &week.legend) }</figure>
                }
                { controls(true) }
                <p class="embed-foot">
                    <a id="open-full" href={page_link.clone()} target="_blank" rel="noopener">{ words.open_full }</a>
                    { format!(" · {} {}", words.list_prices_newest, lang.date(&props.manifest.date)) }
                </p>
            </main>
        };
    }

    html! {
        <div class="page">
            <header>
                <div class="title-row">
                    <h1>{ words.title }</h1>
                    { header::language_switch(lang, &dispatch) }
                </div>
                <p class="lede" id="verdict" aria-live="polite" data-stale={stale}>{ verdict }</p>
                { header::notices(&state, &answer.status, answer.shown.as_deref()) }
            </header>
            <main class="layout">
                { controls(false) }
                <section class="results" aria-label={words.results} data-stale={stale}>
                    if let (Some(e), Some((by_hours, hours_legend, toggles)), Some((slower, (by_tasks, task_points, tasks_legend), points))) = (&answer.shown, &*charts.hours, &*charts.slower) {
                        <figure class="chart" id="chart-hours">
                            { charts::chart_box(by_hours, points, charts.busy) }
                            { charts::legend(hours_legend) }
                            { charts::show_toggles(&state, toggles, &dispatch) }
                            { downloads::downloads(e, by_hours, lang) }
                            <figcaption>{ i18n::charts::hours_caption(e, lang) }</figcaption>
                        </figure>
                        if let Some(Ok(week)) = state.week_answer() {
                            // Drawn by the page's worker: a week of load's cost against its EC2 baseline.
                            <figure class="chart" id="chart-split">
                                { charts::drawn(&week.chart, &week.legend) }
                                { downloads::week_downloads(e, "split", ["export-split-svg", "export-split-png", "export-split-csv"], &week.chart, &week.csv, state.canvas, lang) }
                                <figcaption>{ words.split_caption }</figcaption>
                            </figure>
                            <figure class="chart" id="chart-week">
                                { charts::drawn(&week.week_chart, &crate::chart::week::week_legend(lang)) }
                                { downloads::week_downloads(e, "week", ["export-week-svg", "export-week-png", "export-week-csv"], &week.week_chart, &week.week_csv, state.canvas, lang) }
                                <figcaption>{ words.week_caption }</figcaption>
                            </figure>
                        }
                        // Each service's bill and the idle capacity follow a drag when it pauses, as the table does.
                        { service_costs::service_costs(slower, lang) }
                        <p class="packing" id="packing">{ i18n::fleet::packing(e, lang) }</p>
                        if let Some(idle) = i18n::fleet::idle(slower, lang) {
                            <p class="packing" id="idle" aria-busy={charts.busy.then_some("true")}>{ idle }</p>
                        }
                        if let Some(credits) = i18n::fleet::credits(e, lang) {
                            <p class="packing" id="cpu-credits">{ credits }</p>
                        }
                        <ul class="bills" id="bills">
                            { for [Line::Ec2(e.inputs.buy), Line::Managed(e.inputs.buy)].into_iter().filter_map(|line| {
                                let bill = i18n::fleet::bill(e, lang, line)?;
                                Some(html! { <li id={format!("bill-{}", line.id())}>{ bill }</li> })
                            }) }
                        </ul>
                        { options_table::options_table(slower, lang, charts.busy) }
                        <figure class="chart" id="chart-tasks" aria-busy={charts.busy.then_some("true")}>
                            { charts::chart_box(by_tasks, task_points, false) }
                            { charts::legend(tasks_legend) }
                            <figcaption>{ i18n::charts::tasks_caption(slower, lang) }</figcaption>
                        </figure>
                        { share::share(&state, &dispatch, &page_link) }
                        <Sources {lang} manifest={props.manifest.clone()} prices={prices::loaded(&state, &crate::estimate::region_file_of(&e.inputs)).map(Shared)} />
                    }
                </section>
            </main>
        </div>
    }
}
