//! Downloads of the hours chart (SVG, PNG), the numbers behind it (CSV) and
//! the workload (JSON, which the CLI's `--workload` reads), and of a week's
//! split chart and its numbers, named for the scenario. Each file is built
//! when its link is clicked, not on every render.

use super::browser;
use super::worker::Week;
use crate::chart::{Canvas, Layers};
use crate::estimate::Estimate;
use crate::export;
use crate::i18n::Lang;
use std::rc::Rc;
use yew::prelude::*;

/// A link that downloads `body()` as `stem.ext`, built when clicked.
fn link(stem: &str, id: &'static str, ext: &str, label: &'static str, media: &'static str, body: Rc<dyn Fn() -> String>) -> Html {
    let onclick = Callback::from(move |e: MouseEvent| browser::point_link_at(&e.target_unchecked_into(), media, &body()));
    html! { <a id={id} href="#" download={format!("{stem}.{ext}")} {onclick}>{ label }</a> }
}

/// A PNG of `svg` drawn on `canvas`, saved as `name`.
fn png(id: &'static str, label: &'static str, svg: Rc<dyn Fn() -> String>, canvas: Canvas, name: String) -> Html {
    let onclick = Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        browser::save_png(svg(), canvas, name.clone());
    });
    html! { <a id={id} href="#" {onclick}>{ label }</a> }
}

/// A week of load's split chart (SVG, PNG) and its numbers (CSV).
pub fn week_downloads(estimate: &Estimate, week: &Week, canvas: Canvas, lang: Lang) -> Html {
    let stem = format!("{}_week", export::file_stem(estimate));
    let words = lang.words();
    let (svg, csv) = (Rc::new(week.chart.clone()), Rc::new(week.csv.clone()));
    let chart = {
        let svg = svg.clone();
        move || svg.to_string()
    };
    html! {
        <p class="export">
            { words.download }
            { link(&stem, "export-split-svg", "svg", words.chart_svg, "image/svg+xml", Rc::new(chart.clone())) }
            { " · " }
            { png("export-split-png", words.chart_png, Rc::new(chart), canvas, format!("{stem}.png")) }
            { " · " }
            { link(&stem, "export-split-csv", "csv", words.numbers_csv, "text/csv", Rc::new(move || csv.to_string())) }
        </p>
    }
}

pub fn downloads(estimate: &Rc<Estimate>, chart: &Layers, lang: Lang) -> Html {
    let stem = export::file_stem(estimate);
    let words = lang.words();
    let link = |id, ext, label, media, body| link(&stem, id, ext, label, media, body);
    let (estimate, svg) = (estimate.clone(), chart.clone());
    let flat = {
        let svg = chart.clone();
        move || svg.flat()
    };
    html! {
        <p class="export">
            { words.download }
            { link("export-svg", "svg", words.chart_svg, "image/svg+xml", Rc::new(move || svg.flat())) }
            { " · " }
            { png("export-png", words.chart_png, Rc::new(flat), chart.canvas, format!("{stem}.png")) }
            { " · " }
            { link("export-csv", "csv", words.numbers_csv, "text/csv", Rc::new({ let estimate = estimate.clone(); move || export::hours_csv(&estimate) })) }
            { " · " }
            { link("export-workload", "json", words.workload_json, "application/json", Rc::new(move || export::workload_json(&estimate.inputs))) }
        </p>
    }
}
