//! The chosen service's week drawn as bars, one per hour of a weekday and
//! of a weekend day: a pointer dragged across them gives each bar it passes
//! the height under it; by keyboard each bar is a slider (↑ ↓, Page Up and
//! Down, Home, End), ← → move between the hours. Every change is an edit of
//! the service's week (`Edit::Week`, by its place), made once the drawing
//! rests: each step redraws only the bars.

use super::browser;
use super::state::Action;
use crate::i18n::{curve::bar, Lang};
use crate::inputs::Edit;
use crate::model::curve::{Week, HOURS_PER_DAY};
use crate::options::MAX_TASKS;
use wasm_bindgen::JsCast;
use web_sys::{Element, SvgElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The service's place in the workload, and its week.
    pub at: usize,
    pub week: Week,
    pub lang: Lang,
    pub on: Callback<Action>,
}

/// The count at the top of the bars: room above the busiest hour to drag into.
fn top(peak: u32) -> u32 {
    (peak + peak.div_ceil(4)).clamp(4, MAX_TASKS)
}

/// Day `d`'s bars: the weekday curve (0) or the weekend one (1).
fn day(week: &mut Week, d: usize) -> &mut [u32; HOURS_PER_DAY] {
    if d == 0 {
        &mut week.weekday
    } else {
        &mut week.weekend
    }
}

/// A drag under way: the week as it has been drawn so far (the page's copy
/// may not have caught up between two moves), the scale it began on, and
/// the last bar it set.
struct Drag {
    week: Week,
    day: usize,
    top: u32,
    hour: usize,
    tasks: u32,
}

impl Drag {
    /// Sets the bar under the pointer, and those between it and the last
    /// one on a straight line (a fast pointer skips bars).
    fn to(&mut self, hour: usize, tasks: u32) {
        let (from, was) = (self.hour, f64::from(self.tasks));
        let span = hour.abs_diff(from).max(1) as f64;
        let bars = day(&mut self.week, self.day);
        let (low, high) = (from.min(hour), from.max(hour));
        for (h, bar) in bars.iter_mut().enumerate().take(high + 1).skip(low) {
            let along = h.abs_diff(from) as f64 / span;
            *bar = (was + (f64::from(tasks) - was) * along).round() as u32;
        }
        (self.hour, self.tasks) = (hour, tasks);
    }
}

/// The bar and the count a pointer points at in a day's `area`, on a scale
/// of `top` tasks.
fn under(area: &NodeRef, e: &PointerEvent, top: u32) -> Option<(usize, u32)> {
    let area = area.cast::<Element>()?.get_bounding_client_rect();
    if area.width() <= 0.0 || area.height() <= 0.0 {
        return None;
    }
    let along = (f64::from(e.client_x()) - area.left()) / area.width();
    let up = (area.bottom() - f64::from(e.client_y())) / area.height();
    // A float cast to an integer saturates: below 0 is 0, and `min` caps the top.
    let hour = ((along * HOURS_PER_DAY as f64) as usize).min(HOURS_PER_DAY - 1);
    Some((hour, ((up * f64::from(top)).round() as u32).min(top)))
}

/// Gives the keyboard to the bar of `hour` in a day's `area`.
fn focus_bar(area: &Element, hour: usize) {
    if let Some(bar) = area.children().item(hour as u32).and_then(|b| b.dyn_into::<SvgElement>().ok()) {
        let _ = bar.focus();
    }
}

/// The hour a bar stands for (its `data-hour`).
fn hour_of(target: Option<web_sys::EventTarget>) -> Option<usize> {
    target?.dyn_into::<Element>().ok()?.get_attribute("data-hour")?.parse().ok()
}

#[function_component(WeekBars)]
pub fn week_bars(props: &Props) -> Html {
    let w = props.lang.words();
    let drag = use_mut_ref(|| None::<Drag>);
    // The scale while a drag lasts: the bars do not rescale under the pointer.
    let held = use_state(|| None::<u32>);
    // The bar that takes the keyboard (one tab stop for all of them).
    let focus = use_state(|| (0usize, 9usize));
    let refs = [use_node_ref(), use_node_ref()];
    // The week as drawn, ahead of the page's: the page's week it was drawn
    // from, and the bars since. The page gets it once drawing rests, so a
    // step redraws the bars only; the verdict, charts and link follow the pause.
    let drawn = use_mut_ref(|| None::<(Week, Week)>);
    let redraw = use_force_update();
    let current = {
        let (drawn, from) = (drawn.clone(), props.week);
        move || match *drawn.borrow() {
            Some((base, week)) if base == from => week,
            _ => from,
        }
    };
    let shown = current();
    let top = held.unwrap_or_else(|| top(shown.peak()));
    let set = {
        let (on, from, at) = (props.on.clone(), props.week, props.at);
        move |week: Week| {
            // A week without a task is refused by the page, which says why: the bars keep the page's.
            *drawn.borrow_mut() = (week.peak() > 0).then_some((from, week));
            redraw.force_update();
            let on = on.clone();
            browser::when_drawing_rests(move || on.emit(Action::Services(Edit::Week(at, Some(week)))));
        }
    };
    let names = [w.weekdays, w.weekends];

    let row = |d: usize| {
        let onpointerdown = {
            let (drag, held, focus, set, current, area) =
                (drag.clone(), held.clone(), focus.clone(), set.clone(), current.clone(), refs[d].clone());
            // Yew hands events on from the page's root: the day's area is its ref, not the event's current target.
            Callback::from(move |e: PointerEvent| {
                let Some((hour, tasks)) = under(&area, &e, top).filter(|_| e.button() == 0) else { return };
                e.prevent_default();
                if let Some(area) = area.cast::<Element>() {
                    let _ = area.set_pointer_capture(e.pointer_id());
                    focus_bar(&area, hour);
                }
                let mut started = Drag { week: current(), day: d, top, hour, tasks };
                started.to(hour, tasks);
                set(started.week);
                *drag.borrow_mut() = Some(started);
                held.set(Some(top));
                focus.set((d, hour));
            })
        };
        let onpointermove = {
            let (drag, set, area) = (drag.clone(), set.clone(), refs[d].clone());
            Callback::from(move |e: PointerEvent| {
                let mut drag = drag.borrow_mut();
                let Some(d) = drag.as_mut() else { return };
                let Some((hour, tasks)) = under(&area, &e, d.top) else { return };
                if (hour, tasks) != (d.hour, d.tasks) {
                    d.to(hour, tasks);
                    set(d.week);
                }
            })
        };
        let end = {
            let (drag, held) = (drag.clone(), held.clone());
            Callback::from(move |_: PointerEvent| {
                drag.borrow_mut().take();
                held.set(None);
            })
        };
        let onfocusin = {
            let focus = focus.clone();
            Callback::from(move |e: FocusEvent| {
                if let Some(hour) = hour_of(e.target()) {
                    focus.set((d, hour));
                }
            })
        };
        let onkeydown = {
            let (set, current, area) = (set.clone(), current.clone(), refs[d].clone());
            Callback::from(move |e: KeyboardEvent| {
                let Some(hour) = hour_of(e.target()) else { return };
                let week = current();
                let mut next = week;
                let bars = day(&mut next, d);
                let (n, step) = (bars[hour], (top / 10).max(1));
                let moved = match e.key().as_str() {
                    "ArrowLeft" => hour.checked_sub(1),
                    "ArrowRight" => Some(hour + 1).filter(|&h| h < HOURS_PER_DAY),
                    _ => None,
                };
                bars[hour] = match e.key().as_str() {
                    "ArrowUp" => n + 1,
                    "ArrowDown" => n.saturating_sub(1),
                    "PageUp" => n + step,
                    "PageDown" => n.saturating_sub(step),
                    "Home" => 0,
                    "End" => top,
                    "ArrowLeft" | "ArrowRight" => n,
                    _ => return,
                }
                .min(MAX_TASKS);
                e.prevent_default();
                if let Some(h) = moved {
                    if let Some(area) = area.cast::<Element>() {
                        focus_bar(&area, h);
                    }
                } else if next != week {
                    set(next);
                }
            })
        };
        let mut week = shown;
        let bars = *day(&mut week, d);
        html! {
            <div class="bar-day">
                <span class="bar-name" aria-hidden="true">{ names[d] }</span>
                <svg ref={refs[d].clone()} class="bars" role="group" aria-label={names[d]} viewBox={format!("0 0 {HOURS_PER_DAY} 100")}
                    preserveAspectRatio="none" {onpointerdown} {onpointermove} onpointerup={end.clone()} onpointercancel={end}
                    {onfocusin} {onkeydown}>
                    { for bars.iter().enumerate().map(|(h, &n)| {
                        // Percent of the top; an empty hour keeps a sliver, so its focus ring shows.
                        let height = (n.min(top) * 100 / top).max(1);
                        let label = bar(props.lang, names[d], h, n);
                        html! {
                            <rect role="slider" data-hour={h.to_string()} tabindex={if *focus == (d, h) { "0" } else { "-1" }}
                                x={format!("{h}.1")} y={(100 - height).to_string()} width="0.8" height={height.to_string()}
                                aria-label={label} aria-orientation="vertical" aria-valuemin="0" aria-valuemax={top.to_string()}
                                aria-valuenow={n.to_string()} />
                        }
                    }) }
                </svg>
            </div>
        }
    };
    let (d, h) = *focus;
    let value = if d == 0 { shown.weekday[h] } else { shown.weekend[h] };
    html! {
        <div id="week-bars">
            { for (0..2).map(row) }
            <div class="bar-hours" aria-hidden="true"><span>{ "00" }</span><span>{ "06" }</span><span>{ "12" }</span><span>{ "18" }</span><span>{ "24" }</span></div>
            <p class="hint" id="week-bar-value">{ bar(props.lang, names[d], h, value) }</p>
            <p class="hint">
                { w.bars_hint }<br />
                // Key caps are named as printed on the keyboard.
                { w.bars_keys_set }{ " " }
                { for ["↑", "↓", "Page Up", "Page Down", "Home", "End"].into_iter().map(|k| html! { <><kbd lang="en">{ k }</kbd>{ " " }</> }) }
                { " · " }{ w.bars_keys_move }{ " " }<kbd lang="en">{ "←" }</kbd>{ " " }<kbd lang="en">{ "→" }</kbd>
            </p>
        </div>
    }
}
