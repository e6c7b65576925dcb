//! The two charts as the page shows them: drawn from the model's lines
//! (`chart::lines`), each step redrawing only the layers it moves; the points
//! a person can hover placed over them; their legends and line toggles.
//!
//! The hours chart's drawing follows every step. The task-count chart and
//! the hours chart's hover points are slower views: during a burst of changes
//! (a slider dragged) they show the state as the burst began
//! (`State::settled`), marked `aria-busy`, and follow when it pauses.

use super::browser;
use super::prices::RegionData;
use super::state::{Action, State};
use super::Shared;
use crate::chart::lines::{self as chart_lines, ChartPoint};
use crate::chart::{self, CostChart, Layers, Series};
use crate::estimate::{self, Estimate};
use crate::i18n::Lang;
use crate::model::line::Line;
use crate::pricing::Manifest;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// A chart as the page shows it: its layers, the points over it and its legend.
pub type Chart = (Layers, Vec<Point>, Vec<LegendEntry>);
/// The hours chart's layers and legend, and the toggles for its lines.
pub type HoursChart = (Layers, Vec<LegendEntry>, Toggles);
/// A checkbox per line a person can turn off, with its label.
pub type Toggles = Vec<(Line, String)>;
/// (x %, y %, text) over a chart.
pub type Point = (f64, f64, String);
/// (label, colour, dash pattern).
pub type LegendEntry = (String, String, &'static str);
/// The last chart drawn of a kind, and its layers.
pub type Drawn = Option<(CostChart, Layers)>;
/// What the slower views show: their estimate, the task-count chart and the
/// hours chart's points.
pub type Slower = (Rc<Estimate>, Chart, Vec<Point>);

/// The hours chart for `e` without the lines in `hidden`, its lines and
/// break-evens, and the toggles for every line.
fn hours_chart(
    e: &Estimate,
    hidden: &[Line],
    lang: Lang,
    canvas: chart::Canvas,
) -> (CostChart, Vec<Series>, Vec<chart::Crossing>, Toggles) {
    let (mut lines, mut crossings) = chart_lines::hours_lines(e, lang);
    let toggles: Toggles = lines.iter().filter(|s| s.id != Line::REFERENCE).map(|s| (s.id, s.label.clone())).collect();
    lines.retain(|s| !hidden.contains(&s.id));
    crossings.retain(|c| !hidden.contains(&c.line));
    let chart = CostChart::hours(lang, lines.clone(), e.evaluation.fargate.billed_hours, crossings.clone()).on(canvas);
    (chart, lines, crossings, toggles)
}

/// Draws the hours chart for `e` without the lines in `hidden`, reusing what
/// it shares with the chart last drawn in `drawn`.
pub fn draw_hours(e: &Estimate, hidden: &[Line], lang: Lang, canvas: chart::Canvas, drawn: &mut Drawn) -> HoursChart {
    let (chart, lines, _, toggles) = hours_chart(e, hidden, lang, canvas);
    (redraw(drawn, chart), chart::legend(&lines), toggles)
}

/// The points over the hours chart `draw_hours` draws for `e`.
fn hours_points(e: &Estimate, hidden: &[Line], lang: Lang, canvas: chart::Canvas) -> Vec<Point> {
    let (chart, lines, crossings, _) = hours_chart(e, hidden, lang, canvas);
    placed(chart.frame(), chart_lines::hours_points(e, &lines, &crossings, lang))
}

/// Draws the task-count chart for `e`, as `draw_hours` the hours chart.
pub fn draw_tasks(e: &Estimate, hidden: &[Line], lang: Lang, canvas: chart::Canvas, drawn: &mut Drawn) -> Chart {
    let mut lines = chart_lines::tasks_lines(e, lang);
    lines.retain(|s| !hidden.contains(&s.id));
    let max_tasks = f64::from(chart_lines::max_tasks_shown(e));
    let chart = CostChart::tasks(lang, lines.clone(), f64::from(e.inputs.service().tasks), max_tasks).on(canvas);
    let points = placed(chart.frame(), chart_lines::tasks_points(e, &lines, lang));
    (redraw(drawn, chart), points, chart::legend(&lines))
}

/// Draws `chart`, reusing what it shares with the chart last drawn in `last`.
fn redraw(last: &mut Drawn, chart: CostChart) -> Layers {
    let layers = chart.redraw(last.as_ref());
    *last = Some((chart, layers.clone()));
    layers
}

/// Chart points as (x %, y %, text) over the SVG.
fn placed(frame: chart::Frame, points: Vec<ChartPoint>) -> Vec<Point> {
    points
        .into_iter()
        .map(|p| {
            let (x, y) = frame.percent(p.x, p.usd);
            (x, y, p.text)
        })
        .collect()
}

/// The charts of the estimate on screen.
pub struct Charts {
    pub hours: Rc<Option<HoursChart>>,
    pub slower: Rc<Option<Slower>>,
    /// The slower views are behind the inputs, waiting for a burst to end.
    pub busy: bool,
}

#[hook]
pub fn use_charts(state: &State, shown: &Option<Rc<Estimate>>, region: &RegionData, manifest: &Shared<Manifest>) -> Charts {
    let lang = state.lang();
    // The charts last drawn, so the next step redraws only the layers it moves.
    let drawn = use_mut_ref(|| [None, None]);
    let chart_key = |e: &Option<Rc<Estimate>>| e.as_ref().map(|e| (e.inputs.clone(), e.evaluation.ec2.candidate.name.clone()));
    let hours = {
        let (shown, hidden, canvas, drawn) = (shown.clone(), state.hidden_lines(), state.canvas, drawn.clone());
        use_memo((chart_key(&shown), hidden.clone(), lang, canvas), move |_| {
            shown.as_ref().map(|e| draw_hours(e, &hidden, lang, canvas, &mut drawn.borrow_mut()[0]))
        })
    };
    // The slower views' estimate: during a burst of changes, the state's as
    // the burst began; otherwise, or if that needs another price file, the
    // one shown.
    let busy = state.settling;
    let slower = {
        let behind = busy && estimate::region_file_of(&state.settled) == region.path;
        let (settled, shown, prices, candidates, manifest) =
            (state.settled.clone(), shown.clone(), region.prices.clone(), region.candidates.clone(), manifest.clone());
        let (hidden, canvas) = (state.hidden_lines(), state.canvas);
        let key = (
            behind.then(|| state.settled.clone()),
            (!behind).then(|| chart_key(&shown)),
            hidden.clone(),
            lang,
            canvas,
            region.prices.clone().map(Shared),
            region.more.clone().map(Shared),
        );
        use_memo(key, move |_| {
            let settled = match (behind, prices, candidates.as_ref()) {
                (true, Some(prices), Some(c)) => estimate::estimate_with(&settled, &manifest, &prices, c).ok().map(Rc::new),
                _ => None,
            };
            let e = settled.or(shown)?;
            let chart = draw_tasks(&e, &hidden, lang, canvas, &mut drawn.borrow_mut()[1]);
            let points = hours_points(&e, &hidden, lang, canvas);
            Some((e, chart, points))
        })
    };
    // Points are placed once they are in the page, and again only when they move.
    // (Keyed by the points, not the memo's address: a new memo can reuse the old one's.)
    use_effect_with(slower.as_ref().as_ref().map(|(_, c, points)| (points.clone(), c.1.clone())), |_| browser::position_points());
    Charts { hours, slower, busy }
}

/// A chart's SVG layers with a button over each of its points: hover or focus
/// one for its values (`busy`: the points wait for a burst of changes to
/// end). The SVG, positions and texts come from our own numbers, never from
/// user input. A layer equal to the one in the page is left alone (Yew skips
/// raw HTML equal to what is there).
pub fn chart_box(svg: &Layers, points: &[Point], busy: bool) -> Html {
    let raw = |layer: &Rc<str>| Html::from_html_unchecked(AttrValue::from(layer.clone()));
    html! {
        <div class="chart-box" aria-busy={busy.then_some("true")}>
            { raw(&svg.axes) }
            <div class="chart-layer scale">{ raw(&svg.scale) }</div>
            <div class="chart-layer lines">{ raw(&svg.lines) }</div>
            <div class="chart-layer marker">{ raw(&svg.marker) }</div>
            { for points.iter().map(|(x, y, text)| html! {
                <button type="button" class="point" data-side={(*x > 70.0).then_some("right")}
                    data-x={crate::format::decimals(*x, 2)} data-y={crate::format::decimals(*y, 2)} aria-label={text.clone()} data-tip={text.clone()}></button>
            }) }
        </div>
    }
}

/// A chart the page's worker drew (one SVG) and its key.
pub fn drawn(svg: &str, legend_entries: &[LegendEntry]) -> Html {
    html! {
        <>
            <div class="chart-box">{ Html::from_html_unchecked(AttrValue::from(svg.to_string())) }</div>
            { legend(legend_entries) }
        </>
    }
}

/// The chart's key, as HTML so it never covers a line: a sample of each line
/// in its colour and dash pattern, and its name.
pub fn legend(entries: &[LegendEntry]) -> Html {
    html! {
        <ul class="legend">
            { for entries.iter().map(|(label, color, dash)| html! {
                <li>
                    <svg width="28" height="10" aria-hidden="true">
                        <line x1="0" y1="5" x2="28" y2="5" stroke={color.clone()} stroke-width="3" stroke-dasharray={*dash} />
                    </svg>
                    { label.clone() }
                </li>
            }) }
        </ul>
    }
}

/// Checkboxes that turn chart lines on and off (Fargate on-demand, the
/// reference every break-even is measured against, always stays).
pub fn show_toggles(state: &State, lines: &Toggles, dispatch: &Callback<Action>) -> Html {
    let hidden = state.hidden_lines();
    html! {
        <fieldset class="show">
            <legend>{ state.lang().words().show_on_charts }</legend>
            { for lines.iter().map(|(line, label)| {
                let id = format!("show-{}", line.id());
                let shown = !hidden.contains(line);
                let onchange = {
                    let (line, dispatch) = (*line, dispatch.clone());
                    Callback::from(move |ev: Event| {
                        let checked = ev.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
                        dispatch.emit(Action::Show(line, checked));
                    })
                };
                html! {
                    <label for={id.clone()}>
                        <input type="checkbox" id={id} checked={shown} {onchange} />
                        { format!(" {label}") }
                    </label>
                }
            }) }
        </fieldset>
    }
}

/// A slider step's drawing work, run for `warm_up`: the estimate for
/// another hours value and both charts redrawn on charts of its own.
pub struct WarmUp {
    pub estimate: Rc<Estimate>,
    pub candidates: Rc<Option<Vec<crate::model::scenario::Candidate>>>,
    pub prices: Rc<crate::pricing::RegionPrices>,
    pub manifest: Shared<Manifest>,
    pub lang: Lang,
    pub canvas: chart::Canvas,
    pub drawn: [Drawn; 2],
}

/// How many hours values `warm_up` runs a slider step for.
const WARM_UP_STEPS: u32 = 20;

/// Runs what a slider step runs for `WARM_UP_STEPS` hours values, one per
/// timer task, out of sight, starting just after the first chart. V8
/// optimises a wasm function once it has run enough; without this, that
/// happens at the first step a person takes, whose frame then waits for the
/// compile (docs/performance.md). Its `WarmUp` is emptied once done, so the
/// timer callbacks keep nothing.
pub fn warm_up(work: Rc<RefCell<Option<WarmUp>>>, step: u32) {
    browser::after(if step == 0 { 100 } else { 20 }, move || {
        let mut slot = work.borrow_mut();
        let Some(w) = slot.as_mut() else { return };
        // Spread over the month (5 to 575 h), so the marker and its labels
        // move as a person's steps would move them.
        let mut inputs = w.estimate.inputs.clone();
        inputs.hours = f64::from(step * 30 + 5);
        if let Some(Ok(e)) = w.candidates.as_ref().as_ref().map(|c| estimate::estimate_with(&inputs, &w.manifest, &w.prices, c)) {
            let [hours, tasks] = &mut w.drawn;
            let _ = (draw_hours(&e, &[], w.lang, w.canvas, hours), draw_tasks(&e, &[], w.lang, w.canvas, tasks));
        }
        if step + 1 < WARM_UP_STEPS {
            drop(slot);
            warm_up(work.clone(), step + 1);
        } else {
            *slot = None;
        }
    });
}
