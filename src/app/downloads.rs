//! Downloads of the hours chart (SVG, PNG), the numbers behind it (CSV) and
//! the workload (JSON, which the CLI's `--workload` reads), named for the scenario. Each file is built when its link is clicked, not
//! on every render.

use super::browser;
use crate::chart::Layers;
use crate::estimate::Estimate;
use crate::export;
use crate::i18n::Lang;
use std::rc::Rc;
use yew::prelude::*;

pub fn downloads(estimate: &Rc<Estimate>, chart: &Layers, lang: Lang) -> Html {
    let stem = export::file_stem(estimate);
    let words = lang.words();
    let link = |id: &'static str, ext: &str, label: &'static str, media: &'static str, body: Rc<dyn Fn() -> String>| {
        let onclick = Callback::from(move |e: MouseEvent| browser::point_link_at(&e.target_unchecked_into(), media, &body()));
        html! { <a id={id} href="#" download={format!("{stem}.{ext}")} {onclick}>{ label }</a> }
    };
    let (estimate, svg) = (estimate.clone(), chart.clone());
    let on_png = {
        let (svg, name) = (chart.clone(), format!("{stem}.png"));
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            browser::save_png(svg.flat(), svg.canvas, name.clone());
        })
    };
    html! {
        <p class="export">
            { words.download }
            { link("export-svg", "svg", words.chart_svg, "image/svg+xml", Rc::new(move || svg.flat())) }
            { " · " }
            <a id="export-png" href="#" onclick={on_png}>{ words.chart_png }</a>
            { " · " }
            { link("export-csv", "csv", words.numbers_csv, "text/csv", Rc::new({ let estimate = estimate.clone(); move || export::hours_csv(&estimate) })) }
            { " · " }
            { link("export-workload", "json", words.workload_json, "application/json", Rc::new(move || export::workload_json(&estimate.inputs))) }
        </p>
    }
}
