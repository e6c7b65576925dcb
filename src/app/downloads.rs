//! Downloads of the hours chart (SVG, PNG), the numbers behind it (CSV) and
//! the workload (JSON, which the CLI's `--workload` reads), and of a week's
//! split chart and its numbers, named for the scenario. Each file is built
//! when its link is clicked, not on every render.

use super::browser;
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

/// One of a week's charts (SVG, PNG) and its numbers (CSV); `name` ends
/// the files' names and, with `ids` (SVG, PNG, CSV), says which chart.
pub fn week_downloads(estimate: &Estimate, name: &str, ids: [&'static str; 3], svg: &str, csv: &str, canvas: Canvas, lang: Lang) -> Html {
    let stem = format!("{}_{name}", export::file_stem(estimate));
    let words = lang.words();
    let (svg, csv) = (Rc::<str>::from(svg), Rc::<str>::from(csv));
    let chart: Rc<dyn Fn() -> String> = Rc::new(move || svg.to_string());
    html! {
        <p class="export">
            { words.download }
            { link(&stem, ids[0], "svg", words.chart_svg, "image/svg+xml", chart.clone()) }
            { " · " }
            { png(ids[1], words.chart_png, chart, canvas, format!("{stem}.png")) }
            { " · " }
            { link(&stem, ids[2], "csv", words.numbers_csv, "text/csv", Rc::new(move || csv.to_string())) }
        </p>
    }
}

pub fn downloads(estimate: &Rc<Estimate>, chart: &Layers, lang: Lang) -> Html {
    let stem = export::file_stem(estimate);
    let words = lang.words();
    let link = |id, ext, label, media, body| link(&stem, id, ext, label, media, body);
    let estimate = estimate.clone();
    // The chart as one SVG, for both its files.
    let flat: Rc<dyn Fn() -> String> = {
        let svg = chart.clone();
        Rc::new(move || svg.flat())
    };
    html! {
        <p class="export">
            { words.download }
            { link("export-svg", "svg", words.chart_svg, "image/svg+xml", flat.clone()) }
            { " · " }
            { png("export-png", words.chart_png, flat, chart.canvas, format!("{stem}.png")) }
            { " · " }
            { link("export-csv", "csv", words.numbers_csv, "text/csv", Rc::new({ let estimate = estimate.clone(); move || export::hours_csv(&estimate) })) }
            { " · " }
            { link("export-workload", "json", words.workload_json, "application/json", Rc::new(move || export::workload_json(&estimate.inputs))) }
        </p>
    }
}
