//! The page's worker: a program of its own (`src/bin/worker.rs`, built by
//! Trunk beside the page as `worker_loader.js`) for work the first load need
//! not carry: the import box (`pasted`) and a week of load's answer
//! (`estimate` with its week, on the region's prices it fetches itself, as
//! the page's are fetched). The page posts a job and hears one reply for it
//! (`browser::ask`); both are arrays of strings, written and read here only.

use crate::pasted::Outcome;
#[cfg(target_arch = "wasm32")]
use {
    crate::i18n::Lang,
    js_sys::Array,
    wasm_bindgen::{JsCast, JsValue},
};

/// What the worker posts once it listens: requests sent before would be lost.
pub const READY: &str = "ready";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Job {
    /// Apply a pasted text to the workload (`pasted::apply`).
    Import,
    /// The workload's week of load in words (`i18n::curve::verdict`).
    Week,
}

#[cfg(target_arch = "wasm32")]
impl Job {
    const ALL: [Job; 2] = [Job::Import, Job::Week];

    fn name(self) -> &'static str {
        match self {
            Job::Import => "import",
            Job::Week => "week",
        }
    }
}

/// A job's answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    Imported(Result<Outcome, String>),
    /// The week's verdict, or why there is none.
    Week(Result<Week, String>),
}

/// A week of load's answer as the page shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Week {
    pub verdict: String,
    /// The split chart (`chart::CostChart::baseline`) as one SVG, and its legend.
    pub chart: String,
    pub legend: Vec<(String, String, &'static str)>,
    /// The numbers behind the chart (`export::split_csv`).
    pub csv: String,
    /// The week hour by hour with the cheapest split (`chart::week`), and its numbers.
    pub week_chart: String,
    pub week_csv: String,
}

#[cfg(target_arch = "wasm32")]
/// The page's side: a job for the workload of the link `query`, in the
/// page's language, with its text: the import's pasted text, or the week's
/// canvas ("720x420").
pub fn request(job: Job, lang: Lang, query: &str, text: &str) -> Array {
    [job.name(), lang.tag(), query, text].iter().map(|s| JsValue::from_str(s)).collect()
}

#[cfg(target_arch = "wasm32")]
/// The page's side: a reply's job, the query it was asked for, and the
/// answer; None if it is not a reply.
pub fn reply(data: &JsValue) -> Option<(Job, String, Answer)> {
    let parts: Vec<String> = data.dyn_ref::<Array>()?.iter().map(|v| v.as_string()).collect::<Option<_>>()?;
    let [job, asked, status, rest @ ..] = parts.as_slice() else { return None };
    let job = Job::ALL.into_iter().find(|j| j.name() == job)?;
    let answer = match (job, status.as_str(), rest) {
        (Job::Import, "ok", [query, notes @ ..]) => Answer::Imported(Ok(Outcome { query: query.clone(), notes: notes.to_vec() })),
        (Job::Import, "no", [why]) => Answer::Imported(Err(why.clone())),
        (Job::Week, "ok", [verdict, chart, csv, week_chart, week_csv, legend @ ..]) => Answer::Week(Ok(Week {
            week_csv: week_csv.clone(),
            verdict: verdict.clone(),
            chart: chart.clone(),
            csv: csv.clone(),
            week_chart: week_chart.clone(),
            legend: legend
                .chunks(3)
                .filter_map(|e| match e {
                    [label, color, dash] => Some((label.clone(), color.clone(), crate::chart::dasharray_of(dash))),
                    _ => None,
                })
                .collect(),
        })),
        (Job::Week, "no", [why]) => Answer::Week(Err(why.clone())),
        _ => return None,
    };
    Some((job, asked.clone(), answer))
}

/// The worker: listens, and answers each job, in Chinese once it has
/// fetched the Chinese text (in English if it cannot).
#[cfg(target_arch = "wasm32")]
pub fn serve() {
    use wasm_bindgen::closure::Closure;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replying = scope.clone();
    let on = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let scope = replying.clone();
        let asked: Vec<String> = e.data().dyn_ref::<Array>().map(|a| a.iter().filter_map(|v| v.as_string()).collect()).unwrap_or_default();
        let [job, lang, query, text] = <[String; 4]>::try_from(asked).unwrap_or_default();
        let Some(job) = Job::ALL.into_iter().find(|j| j.name() == job) else { return };
        wasm_bindgen_futures::spawn_local(async move {
            let lang = match Lang::from_tag(&lang) {
                Some(Lang::Zh) if chinese(&scope).await => Lang::Zh,
                _ => Lang::En,
            };
            let said: Vec<String> = match job {
                Job::Import => match crate::pasted::apply(lang, &query, &text) {
                    Ok(o) => ["ok".to_string(), o.query].into_iter().chain(o.notes).collect(),
                    Err(why) => vec!["no".into(), why],
                },
                Job::Week => match week(&scope, lang, &query, &text).await {
                    Ok(w) => {
                        let legend = w.legend.into_iter().flat_map(|(label, color, dash)| [label, color, dash.to_string()]);
                        ["ok".to_string(), w.verdict, w.chart, w.csv, w.week_chart, w.week_csv].into_iter().chain(legend).collect()
                    }
                    Err(why) => vec!["no".into(), why],
                },
            };
            let reply: Array = [job.name().to_string(), query].into_iter().chain(said).map(|s| JsValue::from_str(&s)).collect();
            let _ = scope.post_message(&reply);
        });
    });
    scope.set_onmessage(Some(on.as_ref().unchecked_ref()));
    on.forget();
    let _ = scope.post_message(&JsValue::from_str(READY));
}

/// The week of the workload of `query`, on its region's every type (the
/// region file and its outclassed companion, as the CLI reads them).
#[cfg(target_arch = "wasm32")]
async fn week(scope: &web_sys::DedicatedWorkerGlobalScope, lang: Lang, query: &str, canvas: &str) -> Result<Week, String> {
    use crate::chart::Canvas;
    use crate::pricing::{self, Manifest, RegionPrices};
    let size = canvas.split_once('x').and_then(|(w, h)| Some((w.parse().ok()?, h.parse().ok()?)));
    let canvas = size.map_or(Canvas::WIDE, |(width, height)| Canvas { width, height });
    let inputs = crate::share_link::decode(query).0;
    let manifest = Manifest::bundled()?;
    // Both files, fetched as they are: `read_all` parses the region file once
    // and reads the companion only where it counts outclassed types (every
    // committed file does; where one would not, the companion's fetch goes unread).
    let mut files = Vec::new();
    for path in [pricing::region_file(&inputs.region, inputs.platform), pricing::outclassed_file(&inputs.region, inputs.platform)] {
        let text = fetch_text(scope, &format!("pricing/{path}?v={}", manifest.version())).await;
        files.push((path, text));
    }
    let read = |path: &str| {
        files.iter().find(|(p, _)| p == path).and_then(|(_, t)| t.clone()).ok_or_else(|| format!("{path} could not be fetched"))
    };
    let prices = RegionPrices::read_all(read, &inputs.region, inputs.platform)?;
    let e = crate::estimate::estimate(&inputs, &manifest, &prices).map_err(|p| p.explain(lang))?;
    let curve = e.curve.as_ref().ok_or("no week of load")?;
    let (lines, best) = crate::chart::lines::baseline_lines(&e, curve, lang);
    let peak = lines.iter().flat_map(|s| s.points.last()).map(|p| p.0).fold(0.0, f64::max);
    let legend = crate::chart::legend(&lines);
    let chart = crate::chart::CostChart::baseline(lang, lines, best, peak).on(canvas).draw().flat();
    let csv = crate::export::split_csv(&e, curve);
    let weeks = inputs.weeks().unwrap_or_default();
    let by_hour = crate::model::curve::split::hours(&weeks, best as u32);
    let week_chart = crate::chart::week::week(lang, &by_hour, &curve.cost.running, canvas);
    let week_csv = crate::export::week_csv(&by_hour, &curve.cost.running);
    Ok(Week { verdict: crate::i18n::curve::verdict(&e, curve, lang), chart, legend, csv, week_chart, week_csv })
}

/// A file beside the worker, as text; None where it could not be fetched.
#[cfg(target_arch = "wasm32")]
async fn fetch_text(scope: &web_sys::DedicatedWorkerGlobalScope, url: &str) -> Option<String> {
    use wasm_bindgen_futures::JsFuture;
    let response = JsFuture::from(scope.fetch_with_str(url)).await.ok()?.dyn_into::<web_sys::Response>().ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?).await.ok()?.as_string()
}

/// Fetches and installs the Chinese text (beside the worker, as the page's),
/// once; whether it is there.
#[cfg(target_arch = "wasm32")]
async fn chinese(scope: &web_sys::DedicatedWorkerGlobalScope) -> bool {
    use crate::i18n::zh;
    if zh::ready() {
        return true;
    }
    let Some(text) = fetch_text(scope, &format!("zh.json?v={}", zh::CHECK)).await else { return false };
    match zh::parse(&text) {
        Ok(table) => {
            zh::install(table);
            true
        }
        Err(_) => false,
    }
}
