//! The Yew front end. Views receive values and callbacks; the one piece of
//! state lives in `state`'s reducer; every number comes from `estimate` (the
//! same path as the CLI), text from `format`. A view that changes with every
//! step anyway (controls, options table, export links, share box) is a plain
//! function: as a component it cost ~1 KB of wasm for its lifecycle and a
//! props comparison that always found a change. Components are kept where
//! skipping a render pays (`Sources`, the instance list). Even the share box's
//! "copied" and "show the iframe code" live in the reducer.

pub mod controls;
pub mod crash;
pub mod options_table;
pub mod sources;
pub mod state;

use crate::chart;
use crate::estimate::{self, Estimate};
use crate::i18n::Lang;
use crate::inputs::Inputs;
use crate::pricing::{Manifest, RegionPrices};
use controls::ControlsProps;
use sources::Sources;
#[cfg(target_arch = "wasm32")]
use state::LoadError;
use state::{Action, Load, State};
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

/// Fetches `pricing/<path>` relative to the page, so it works under any sub-path.
#[cfg(target_arch = "wasm32")]
async fn fetch_text(path: &str) -> Result<String, LoadError> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window().ok_or(LoadError::Network)?;
    let response = JsFuture::from(window.fetch_with_str(&format!("pricing/{path}"))).await.map_err(|_| LoadError::Network)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| LoadError::Unreadable)?;
    if !response.ok() {
        return Err(LoadError::Status(response.status()));
    }
    let text = response.text().map_err(|_| LoadError::Unreadable)?;
    JsFuture::from(text).await.ok().and_then(|t| t.as_string()).ok_or(LoadError::Unreadable)
}

/// Starts loading a region's prices for the platform, unless loaded or
/// loading; `version` is the snapshot's (`Manifest::version`).
fn load_prices(state: &UseReducerHandle<State>, path: String, version: &str) {
    if state.prices_load(&path).is_some() {
        return;
    }
    state.dispatch(Action::Loading(path.clone()));
    #[cfg(target_arch = "wasm32")]
    {
        let (state, address) = (state.clone(), format!("{path}?v={version}"));
        wasm_bindgen_futures::spawn_local(async move {
            let result = fetch_text(&address).await.and_then(|text| RegionPrices::parse(&text).map_err(LoadError::Invalid)).map(Rc::new);
            state.dispatch(Action::Loaded(path, result));
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = version;
}

/// The region file at `path`, if loaded.
fn loaded(state: &State, path: &str) -> Option<Rc<RegionPrices>> {
    match state.prices_load(path) {
        Some(Load::Ready(prices)) => Some(prices.clone()),
        _ => None,
    }
}

/// The state the page opens in: the link's, in the browser's language.
fn initial_state() -> State {
    #[cfg(target_arch = "wasm32")]
    if let Some(window) = web_sys::window() {
        let languages: Vec<String> = window.navigator().languages().iter().filter_map(|l| l.as_string()).collect();
        let browser = Lang::negotiate(languages.iter().map(String::as_str));
        return State::from_link(&window.location().search().unwrap_or_default(), browser);
    }
    State::default()
}

/// Tells the browser (screen readers, fonts, the tab) which language the page is in.
fn sync_document_language(lang: Lang) {
    #[cfg(target_arch = "wasm32")]
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        if let Some(root) = document.document_element() {
            let _ = root.set_attribute("lang", lang.tag());
        }
        document.set_title(lang.words().title);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = lang;
}

/// This page's address for `inputs`: the same path, the state as its query.
/// The language goes in only when someone chose it.
fn page_url(inputs: &Inputs, embed: bool, lang: Option<Lang>) -> String {
    let mut query = crate::share_link::encode(inputs);
    if let Some(lang) = lang {
        query += &format!("&lang={}", lang.slug());
    }
    if embed {
        query += "&embed=1";
    }
    format!("{}?{query}", page_base())
}

/// The page's origin and path: asked of the browser once, as they never change
/// while the app runs (the address bar only ever gets a new query), instead of
/// with each of the three addresses every slider step renders.
fn page_base() -> &'static str {
    #[cfg(target_arch = "wasm32")]
    {
        thread_local! {
            static BASE: &'static str = web_sys::window().map_or_else(String::new, |w| {
                let location = w.location();
                location.origin().unwrap_or_default() + &location.pathname().unwrap_or_default()
            }).leak();
        }
        BASE.with(|base| *base)
    }
    #[cfg(not(target_arch = "wasm32"))]
    ""
}

/// Reports the width the charts are shown at now and whenever the window
/// resizes, so they are drawn at about that width (`chart::Canvas::fitting`).
/// Not after every step: reading a width forces a layout. Listens until dropped.
fn watch_chart_width(dispatch: Callback<Action>) -> Option<Listening> {
    #[cfg(target_arch = "wasm32")]
    {
        let measure = move || {
            let shown =
                web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector("#chart-hours .chart-box").ok().flatten());
            if let Some(chart) = shown {
                dispatch.emit(Action::ChartWidth(f64::from(chart.client_width())));
            }
        };
        measure();
        let window = web_sys::window()?;
        Some(gloo::events::EventListener::new(&window, "resize", move |_| measure()))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = dispatch;
        None
    }
}

/// A window event listener, removed when dropped.
#[cfg(target_arch = "wasm32")]
type Listening = gloo::events::EventListener;
#[cfg(not(target_arch = "wasm32"))]
struct Listening;

/// How long the state must rest before the address bar and the slower views
/// (`State::settled`) follow it.
#[cfg(target_arch = "wasm32")]
const REST_MS: i32 = 150;

/// A pending timer and the callback it will call.
#[cfg(target_arch = "wasm32")]
type TimerSlot = std::cell::RefCell<Option<(i32, wasm_bindgen::closure::Closure<dyn FnMut()>)>>;

/// Calls `then` in `REST_MS`, cancelling what `slot` had pending: called on
/// every change, `then` runs once the changes rest.
#[cfg(target_arch = "wasm32")]
fn after_rest(slot: &'static std::thread::LocalKey<TimerSlot>, then: impl FnMut() + 'static) {
    use wasm_bindgen::{closure::Closure, JsCast};
    let Some(window) = web_sys::window() else { return };
    let then = Closure::<dyn FnMut()>::new(then);
    slot.with(|slot| {
        if let Some((handle, _)) = slot.borrow_mut().take() {
            window.clear_timeout_with_handle(handle);
        }
        if let Ok(handle) = window.set_timeout_with_callback_and_timeout_and_arguments_0(then.as_ref().unchecked_ref(), REST_MS) {
            *slot.borrow_mut() = Some((handle, then));
        }
    });
}

/// Keeps the address bar on the current state: replaceState, so dragging a
/// slider does not flood the back button, and only once the state has rested
/// for `REST_MS`: Chrome's replaceState measured ~8 ms a call, a whole
/// slider step's budget. The share box and "Copy link" are always current.
fn sync_address(inputs: &Inputs, embed: bool, lang: Option<Lang>) {
    #[cfg(target_arch = "wasm32")]
    {
        thread_local! {
            static PENDING: TimerSlot = const { std::cell::RefCell::new(None) };
        }
        let url = page_url(inputs, embed, lang);
        after_rest(&PENDING, move || {
            if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
                let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
            }
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (inputs, embed, lang);
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// The timer `settle_after_pause` set last.
    static SETTLE_TIMER: TimerSlot = const { std::cell::RefCell::new(None) };
    /// Whether it has fired: no change since, for `REST_MS`.
    static PAUSED: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
}

/// A change is on its way: (re)starts the timer that settles the slower views
/// (`Action::Settle`) once changes pause for `REST_MS`, and says whether
/// this one comes after such a pause (natively, always).
fn settle_after_pause(state: &UseReducerDispatcher<State>) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        let state = state.clone();
        after_rest(&SETTLE_TIMER, move || {
            PAUSED.with(|paused| paused.set(true));
            state.dispatch(Action::Settle);
        });
        PAUSED.with(|paused| paused.replace(false))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = state;
        true
    }
}

/// Downloads of the chart (SVG) and the numbers behind it (CSV), named for the
/// scenario. The file is built when the link is clicked, not on every render.
fn export(estimate: &Rc<Estimate>, chart: &chart::Layers, lang: Lang) -> Html {
    let stem = estimate::file_stem(estimate);
    let words = lang.words();
    let link = |id: &'static str, ext: &str, label: &'static str, media: &'static str, body: Rc<dyn Fn() -> String>| {
        let onclick = Callback::from(move |e: MouseEvent| {
            let url = format!("data:{media};charset=utf-8,{}", crate::inputs::percent_encode(&body()));
            let _ = e.target_unchecked_into::<web_sys::Element>().set_attribute("href", &url);
        });
        html! { <a id={id} href="#" download={format!("{stem}.{ext}")} {onclick}>{ label }</a> }
    };
    let estimate = estimate.clone();
    let svg = chart.clone();
    let on_png = {
        let svg = chart.clone();
        let name = format!("{stem}.png");
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            #[cfg(target_arch = "wasm32")]
            {
                let (size, svg, name) = (svg.canvas, svg.flat(), name.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let _ = save_png(&svg, size, &name).await;
                });
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (&svg, &name);
        })
    };
    html! {
        <p class="export">
            { words.download }
            { link("export-svg", "svg", words.chart_svg, "image/svg+xml", Rc::new(move || svg.flat())) }
            { " · " }
            <a id="export-png" href="#" onclick={on_png}>{ words.chart_png }</a>
            { " · " }
            { link("export-csv", "csv", words.numbers_csv, "text/csv", Rc::new(move || estimate::hours_csv(&estimate))) }
        </p>
    }
}

/// Draws the chart's SVG onto a white canvas at twice its size and saves it as
/// a PNG: the browser renders the text exactly as on screen.
#[cfg(target_arch = "wasm32")]
async fn save_png(svg: &str, size: chart::Canvas, name: &str) -> Result<(), wasm_bindgen::JsValue> {
    use wasm_bindgen::JsCast;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let image = web_sys::HtmlImageElement::new()?;
    image.set_src(&format!("data:image/svg+xml;charset=utf-8,{}", crate::inputs::percent_encode(svg)));
    wasm_bindgen_futures::JsFuture::from(image.decode()).await?;
    let canvas: web_sys::HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
    let (width, height) = (size.width * 2, size.height * 2);
    canvas.set_width(width);
    canvas.set_height(height);
    let context: web_sys::CanvasRenderingContext2d = canvas.get_context("2d")?.ok_or("no 2d context")?.dyn_into()?;
    context.set_fill_style_str("#ffffff");
    context.fill_rect(0.0, 0.0, f64::from(width), f64::from(height));
    context.draw_image_with_html_image_element_and_dw_and_dh(&image, 0.0, 0.0, f64::from(width), f64::from(height))?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    anchor.set_href(&canvas.to_data_url_with_type("image/png")?);
    anchor.set_download(name);
    anchor.click();
    Ok(())
}

/// A ready-to-paste iframe for an article: the compact layout, this scenario.
fn iframe_snippet(embed_url: &str, title: &str) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{title}\" width=\"100%\" height=\"900\" style=\"border:0;max-width:900px\" loading=\"lazy\"></iframe>",
        embed_url.replace('&', "&amp;").replace('"', "&quot;")
    )
}

/// The link to this exact view, a button that copies it, and the iframe code
/// for an article.
fn share(state: &State, url: String, embed_url: &str, dispatch: &Callback<Action>) -> Html {
    let words = state.lang().words();
    let toggle_embed = {
        let (dispatch, shown) = (dispatch.clone(), state.embed_code_shown);
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::ShowEmbedCode(!shown)))
    };
    let onclick = {
        let (url, dispatch) = (url.clone(), dispatch.clone());
        Callback::from(move |_: MouseEvent| {
            #[cfg(target_arch = "wasm32")]
            if let Some(window) = web_sys::window() {
                let promise = window.navigator().clipboard().write_text(&url);
                let dispatch = dispatch.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    dispatch.emit(Action::LinkCopied(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()));
                });
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (&url, &dispatch);
        })
    };
    html! {
        <section class="share" aria-label={words.share}>
            <label for="share-url">{ words.link_to_view }</label>
            <div class="share-row">
                <input id="share-url" type="text" readonly=true value={url} />
                <button type="button" id="copy-link" {onclick}>{ if state.link_copied { words.copied } else { words.copy_link } }</button>
                <button type="button" id="embed" aria-expanded={state.embed_code_shown.to_string()} onclick={toggle_embed}>{ words.embed }</button>
            </div>
            if state.embed_code_shown {
                <label for="embed-snippet">{ words.embed_hint }</label>
                <textarea id="embed-snippet" readonly=true rows="3" value={iframe_snippet(embed_url, words.title)} />
            }
        </section>
    }
}

#[function_component(Explorer)]
fn explorer(props: &ExplorerProps) -> Html {
    let state = use_reducer(initial_state);
    let inputs = state.inputs.clone();
    // Test builds only (see Cargo.toml): a bug in the middle of a render.
    #[cfg(feature = "deliberate-panic")]
    if inputs.tasks == 13 {
        panic!("deliberate panic (test build): 13 tasks");
    }
    let lang = state.lang();
    let words = lang.words();
    use_effect_with(lang, |lang| sync_document_language(*lang));
    let path = estimate::region_file_of(&inputs);
    let prices = loaded(&state, &path);
    // The types the file leaves to its companion never answer "auto" (see
    // model::outclassed): the companion loads for a type named that only it
    // can have, or for the picker's full list.
    let more_path = crate::pricing::outclassed_file(&inputs.region, inputs.platform);
    let more = loaded(&state, &more_path);
    let waits_for_type = more.is_none() && prices.as_ref().is_some_and(|p| estimate::names_an_outclassed_type(&inputs, p));
    let wants_more = prices.as_ref().is_some_and(|p| p.outclassed_types > 0) && (waits_for_type || state.every_type_wanted);
    {
        let (state, manifest) = (state.clone(), props.manifest.clone());
        use_effect_with((path.clone(), wants_more.then_some(more_path.clone())), move |(path, more)| {
            for path in std::iter::once(path).chain(more) {
                load_prices(&state, path.clone(), &manifest.version());
            }
        });
    }
    // The last estimate that could be made stays on screen while the next region loads.
    let last = use_mut_ref(|| None::<Rc<Estimate>>);
    let candidates = {
        let (prices, more) = (prices.clone(), more.clone());
        use_memo((prices.clone().map(Shared), more.clone().map(Shared)), move |_| {
            prices.map(|p| estimate::every_candidate(&p, more.as_deref()))
        })
    };
    let result: Option<Result<Rc<Estimate>, estimate::Problem>> = match (&prices, candidates.as_ref()) {
        (Some(prices), Some(c)) if !waits_for_type => Some(estimate::estimate_with(&inputs, &props.manifest, prices, c).map(Rc::new)),
        _ => None,
    };
    if let Some(Ok(e)) = &result {
        *last.borrow_mut() = Some(e.clone());
    }
    let shown = match &result {
        Some(Ok(e)) => Some(e.clone()),
        _ => last.borrow().clone(),
    };
    // Waiting for a type only the companion can have: its load is the one to report.
    let load = state.prices_load(if waits_for_type { &more_path } else { &path });
    let status: Option<(bool, String)> = match (load, &result) {
        (Some(Load::Loading) | None, _) => Some((
            false,
            match lang {
                Lang::En => format!("Loading prices for {}…", inputs.region),
                Lang::Zh => format!("正在加载 {} 的价格…", inputs.region),
            },
        )),
        (Some(Load::Failed(e)), _) => Some((
            true,
            match lang {
                Lang::En => format!("Prices for this region could not be loaded ({})", e.explain(lang)),
                Lang::Zh => format!("无法加载该区域的价格（{}）", e.explain(lang)),
            },
        )),
        (_, Some(Err(problem))) => Some((true, problem.explain(lang))),
        _ => None,
    };
    let instance_types = {
        // The candidates memo is keyed by the same price file: built once for both.
        // Only once the picker has been opened: a load need not label and add
        // hundreds of suggestions nobody has asked for yet.
        let candidates = candidates.clone();
        let wanted = state.every_type_wanted;
        use_memo((prices.clone().map(Shared), more.clone().map(Shared), lang, wanted), move |_| {
            Shared(Rc::new(candidates.as_ref().as_ref().filter(|_| wanted).map_or_else(Vec::new, |c| instance_labels(c, lang))))
        })
    };
    // The charts last drawn, so the next step redraws only the layers it moves.
    let drawn = use_mut_ref(|| [None, None]);
    let chart_key = |e: &Option<Rc<Estimate>>| e.as_ref().map(|e| (e.inputs.clone(), e.evaluation.ec2.candidate.name.clone()));
    let hours_svg = {
        let (shown, hidden, canvas, drawn) = (shown.clone(), state.hidden.clone(), state.canvas, drawn.clone());
        use_memo((chart_key(&shown), state.hidden.clone(), lang, canvas), move |_| {
            shown.as_ref().map(|e| draw_hours(e, &hidden, lang, canvas, &mut drawn.borrow_mut()[0]))
        })
    };
    // The slower views (the options table, the task-count chart, the hours
    // chart's points: buttons seen only when hovered or focused) and their
    // estimate: during a burst of changes, the state's as the burst began
    // (`State::settled`); otherwise, or if that needs another price file,
    // the one shown.
    let busy = state.settled != inputs;
    let slower = {
        let behind = busy && estimate::region_file_of(&state.settled) == path;
        let (settled, shown, prices, candidates, manifest) =
            (state.settled.clone(), shown.clone(), prices.clone(), candidates.clone(), props.manifest.clone());
        let (hidden, canvas) = (state.hidden.clone(), state.canvas);
        let key = (
            behind.then(|| state.settled.clone()),
            (!behind).then(|| chart_key(&shown)),
            state.hidden.clone(),
            lang,
            canvas,
            prices.clone().map(Shared),
            more.clone().map(Shared),
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
    use_effect_with(slower.as_ref().as_ref().map(|(_, c, points)| (points.clone(), c.1.clone())), |_| position_points());
    let dispatch = {
        let state = state.dispatcher();
        Callback::from(move |action: Action| {
            // A change after a pause (a click, a key press) shows in every view
            // at once; those that follow it without one (a slider dragged),
            // only in the verdict and the hours chart until they pause.
            let settle_now = matches!(action, Action::Set(..)) && settle_after_pause(&state);
            state.dispatch(action);
            if settle_now {
                state.dispatch(Action::Settle);
            }
        })
    };
    use_effect_with((inputs.clone(), state.embed, state.lang_choice), |(inputs, embed, choice)| sync_address(inputs, *embed, *choice));
    use_effect_with(hours_svg.is_some(), {
        let dispatch = dispatch.clone();
        // For the warm-up: a slider step's path, run out of sight (`warm_up`).
        #[cfg(target_arch = "wasm32")]
        let warm = (shown.clone(), prices.clone(), candidates.clone(), props.manifest.clone(), lang, state.canvas);
        move |&has_charts| {
            #[cfg(target_arch = "wasm32")]
            if let (true, (Some(estimate), Some(prices), candidates, manifest, lang, canvas)) = (has_charts, warm) {
                let work = WarmUp { estimate, prices, candidates, manifest, lang, canvas, drawn: Default::default() };
                warm_up(Rc::new(std::cell::RefCell::new(Some(work))), 0);
            }
            let watching = has_charts.then(|| watch_chart_width(dispatch)).flatten();
            move || {
                let _removed_now = watching;
            }
        }
    });
    let verdict = match (&shown, &status) {
        (Some(e), _) => estimate::verdict_in(e, lang),
        // Nothing was ever answered here (a link to a region without Fargate
        // prices, a file that failed): not "working", which would never end.
        (None, Some((true, _))) => words.no_answer.to_string(),
        (None, _) => words.working.to_string(),
    };
    // The answer on screen was made for other settings: the new ones are
    // loading or have no answer. Dimmed (by CSS, after a moment) so it is not
    // read as theirs.
    let stale = shown.as_ref().is_some_and(|e| e.inputs != inputs).then_some("");
    if state.embed {
        // The compact layout for an article: the answer, the chart, the key sliders.
        return html! {
            <div class="page embed">
                <p class="lede" id="verdict" aria-live="polite" data-stale={stale}>{ verdict }</p>
                { notices(&state, &status) }
                if let (Some((by_hours, hours_legend, _)), Some((_, _, points))) = (&*hours_svg, &*slower) {
                    <figure class="chart" id="chart-hours" data-stale={stale}>
                        { chart_box(by_hours, points, busy) }
                        { legend(hours_legend) }
                    </figure>
                }
                { controls::controls(&ControlsProps { compact: true, lang, manifest: props.manifest.clone(), inputs: inputs.clone(), draft: state.draft.clone(), instance_types: (*instance_types).clone(), on_action: dispatch }) }
                <p class="embed-foot">
                    <a id="open-full" href={page_url(&inputs, false, state.lang_choice)} target="_blank" rel="noopener">{ words.open_full }</a>
                    { format!(" · {} {}", words.list_prices_newest, lang.date(&props.manifest.date)) }
                </p>
            </div>
        };
    }

    html! {
        <div class="page">
            <header>
                <div class="title-row">
                    <h1>{ words.title }</h1>
                    { language_switch(lang, &dispatch) }
                </div>
                <p class="lede" id="verdict" aria-live="polite" data-stale={stale}>{ verdict }</p>
                { notices(&state, &status) }
            </header>
            <div class="layout">
                { controls::controls(&ControlsProps { compact: false, lang, manifest: props.manifest.clone(), inputs: inputs.clone(), draft: state.draft.clone(), instance_types: (*instance_types).clone(), on_action: dispatch.clone() }) }
                <section class="results" aria-label={words.results} data-stale={stale}>
                    if let (Some(e), Some((by_hours, hours_legend, toggles)), Some((slower, (by_tasks, task_points, tasks_legend), points))) = (&shown, &*hours_svg, &*slower) {
                        <figure class="chart" id="chart-hours">
                            { chart_box(by_hours, points, busy) }
                            { legend(hours_legend) }
                            { show_toggles(&state, toggles) }
                            { export(e, by_hours, lang) }
                            <figcaption>{ caption(e, lang) }</figcaption>
                        </figure>
                        <p class="packing" id="packing">{ packing_text(e, lang) }</p>
                        { options_table::options_table(slower, lang, busy) }
                        <figure class="chart" id="chart-tasks" aria-busy={busy.then_some("true")}>
                            { chart_box(by_tasks, task_points, false) }
                            { legend(tasks_legend) }
                            <figcaption>{ tasks_caption(slower, lang) }</figcaption>
                        </figure>
                        { share(&state, page_url(&inputs, false, state.lang_choice), &page_url(&inputs, true, state.lang_choice), &dispatch) }
                        <Sources {lang} manifest={props.manifest.clone()} prices={loaded(&state, &estimate::region_file_of(&e.inputs)).map(Shared)} />
                    }
                </section>
            </div>
        </div>
    }
}

/// English | 中文: each language named in itself, so a reader finds their own.
fn language_switch(lang: Lang, dispatch: &Callback<Action>) -> Html {
    let onchange = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            if let Some(lang) = Lang::from_tag(&value) {
                dispatch.emit(Action::Lang(lang));
            }
        })
    };
    html! {
        <div class="lang-switch">
            <label for="lang">{ lang.words().language }</label>
            <select id="lang" {onchange}>
                { for Lang::ALL.into_iter().map(|l| html! {
                    <option value={l.slug()} lang={l.tag()} selected={l == lang}>{ l.name() }</option>
                }) }
            </select>
        </div>
    }
}

/// A chart as the page shows it: its layers, the points over it and its legend.
type Chart = (chart::Layers, Vec<Point>, Vec<LegendEntry>);
/// The hours chart's layers and legend, and the toggles for its lines.
type HoursChart = (chart::Layers, Vec<LegendEntry>, Toggles);
/// A checkbox per line a person can turn off: (line id, label).
type Toggles = Vec<(String, String)>;
/// (x %, y %, text) over a chart.
type Point = (f64, f64, String);
/// (label, colour, dash pattern).
type LegendEntry = (String, String, &'static str);

/// The last chart drawn of a kind, and its layers.
type Drawn = Option<(chart::CostChart, chart::Layers)>;

/// The hours chart for `e` without the lines in `hidden`, its lines and
/// break-evens, and the toggles for every line.
fn hours_chart(
    e: &Estimate,
    hidden: &[String],
    lang: Lang,
    canvas: chart::Canvas,
) -> (chart::CostChart, Vec<chart::Series>, Vec<chart::Crossing>, Toggles) {
    let (mut series, mut crossings) = estimate::chart_lines(e, lang);
    let toggles: Toggles = series.iter().filter(|s| s.id != "fargate-on-demand").map(|s| (s.id.clone(), s.label.clone())).collect();
    series.retain(|s| !hidden.contains(&s.id));
    crossings.retain(|c| !hidden.contains(&c.option_id));
    let chart = chart::CostChart::hours(lang, series.clone(), e.evaluation.fargate.billed_hours, crossings.clone()).on(canvas);
    (chart, series, crossings, toggles)
}

/// Draws the hours chart for `e` without the lines in `hidden`, reusing what
/// it shares with the chart last drawn in `drawn`.
fn draw_hours(e: &Estimate, hidden: &[String], lang: Lang, canvas: chart::Canvas, drawn: &mut Drawn) -> HoursChart {
    let (chart, series, _, toggles) = hours_chart(e, hidden, lang, canvas);
    (redraw(drawn, chart), chart::legend(&series), toggles)
}

/// The points over the hours chart `draw_hours` draws for `e`.
fn hours_points(e: &Estimate, hidden: &[String], lang: Lang, canvas: chart::Canvas) -> Vec<Point> {
    let (chart, series, crossings, _) = hours_chart(e, hidden, lang, canvas);
    placed(chart.frame(), estimate::hours_points(e, &series, &crossings, lang))
}

/// Draws the task-count chart for `e`, as `draw_hours` the hours chart.
fn draw_tasks(e: &Estimate, hidden: &[String], lang: Lang, canvas: chart::Canvas, drawn: &mut Drawn) -> Chart {
    let mut tasks_lines = estimate::tasks_lines(e, lang);
    tasks_lines.retain(|s| !hidden.contains(&s.id));
    let max_tasks = f64::from(estimate::max_tasks_shown(e));
    let tasks_chart = chart::CostChart::tasks(lang, tasks_lines.clone(), f64::from(e.inputs.tasks), max_tasks).on(canvas);
    let task_points = placed(tasks_chart.frame(), estimate::tasks_points(e, &tasks_lines, lang));
    let by_tasks = redraw(drawn, tasks_chart);
    (by_tasks, task_points, chart::legend(&tasks_lines))
}

/// What `warm_up` works on: the page's estimate and prices, and charts of its
/// own to redraw.
#[cfg(target_arch = "wasm32")]
struct WarmUp {
    estimate: Rc<Estimate>,
    prices: Rc<RegionPrices>,
    candidates: Rc<Option<Vec<crate::model::scenario::Candidate>>>,
    manifest: Shared<Manifest>,
    lang: Lang,
    canvas: chart::Canvas,
    drawn: [Drawn; 2],
}

/// How many hours values `warm_up` runs a slider step for.
#[cfg(target_arch = "wasm32")]
const WARM_UP_STEPS: u32 = 20;

/// Runs what a slider step runs (the estimate for another hours value, the
/// charts redrawn) for `WARM_UP_STEPS` values, one per timer task, out of
/// sight, starting just after the first chart. V8 optimises a wasm function
/// once it has run enough; without this, that happens at the first step a
/// person takes, whose frame then waits for the compile (README "Budgets":
/// after a rest, its frame was late in 10 rounds of 12; now in 2). Its
/// `WarmUp` is emptied once done, so the timer callbacks keep nothing.
#[cfg(target_arch = "wasm32")]
fn warm_up(warm: Rc<std::cell::RefCell<Option<WarmUp>>>, step: u32) {
    use wasm_bindgen::{closure::Closure, JsCast};
    // dyn FnMut, as sync_address's: one wasm-bindgen shim for both.
    let next = Closure::<dyn FnMut()>::new(move || {
        let mut slot = warm.borrow_mut();
        let Some(work) = slot.as_mut() else { return };
        // Spread over the month (5 to 575 h), so the marker and its labels
        // move as a person's steps would move them.
        let mut inputs = work.estimate.inputs.clone();
        inputs.hours = f64::from(step * 30 + 5);
        if let Some(Ok(estimate)) =
            work.candidates.as_ref().as_ref().map(|c| estimate::estimate_with(&inputs, &work.manifest, &work.prices, c))
        {
            let [hours, tasks] = &mut work.drawn;
            let _ = (draw_hours(&estimate, &[], work.lang, work.canvas, hours), draw_tasks(&estimate, &[], work.lang, work.canvas, tasks));
        }
        if step + 1 < WARM_UP_STEPS {
            drop(slot);
            warm_up(warm.clone(), step + 1);
        } else {
            *slot = None;
        }
    })
    .into_js_value();
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(next.unchecked_ref(), if step == 0 { 100 } else { 20 });
    }
}

/// Draws `chart`, reusing what it shares with the chart last drawn in `last`.
fn redraw(last: &mut Drawn, chart: chart::CostChart) -> chart::Layers {
    let layers = chart.redraw(last.as_ref());
    *last = Some((chart, layers.clone()));
    layers
}

/// A chart's SVG layers with a button over each of its points: hover or focus
/// one for its values (`busy`: the points wait for a burst of changes to
/// end). The SVG, positions and texts come from our own numbers, never from
/// user input. A layer equal to the one in the page is left alone (Yew skips
/// raw HTML equal to what is there).
fn chart_box(svg: &chart::Layers, points: &[Point], busy: bool) -> Html {
    let raw = |layer: &Rc<str>| Html::from_html_unchecked(AttrValue::from(layer.clone()));
    html! {
        <div class="chart-box" aria-busy={busy.then_some("true")}>
            { raw(&svg.axes) }
            <div class="chart-layer">{ raw(&svg.lines) }</div>
            <div class="chart-layer">{ raw(&svg.marker) }</div>
            { for points.iter().map(|(x, y, text)| html! {
                <button type="button" class="point" data-side={(*x > 70.0).then_some("right")}
                    data-x={crate::format::decimals(*x, 2)} data-y={crate::format::decimals(*y, 2)} aria-label={text.clone()} data-tip={text.clone()}></button>
            }) }
        </div>
    }
}

/// Places the chart points from their `data-x`/`data-y` (percent) through the
/// CSS object model: the Content-Security-Policy forbids inline `style`
/// attributes, not styles set from script.
fn position_points() {
    #[cfg(target_arch = "wasm32")]
    if let Some(points) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector_all(".point[data-x]").ok()) {
        use wasm_bindgen::JsCast;
        for i in 0..points.length() {
            let Some(point) = points.item(i).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) else { continue };
            let style = point.style();
            for (attribute, property) in [("data-x", "left"), ("data-y", "top")] {
                let _ = style.set_property(property, &format!("{}%", point.get_attribute(attribute).unwrap_or_default()));
            }
        }
    }
}

/// Chart points as (x %, y %, text) over the SVG.
fn placed(frame: chart::Frame, points: Vec<estimate::ChartPoint>) -> Vec<Point> {
    points
        .into_iter()
        .map(|p| {
            let (x, y) = frame.percent(p.hours, p.usd);
            (x, y, p.text)
        })
        .collect()
}

/// Checkboxes that turn chart lines on and off (Fargate on-demand, the
/// reference every break-even is measured against, always stays).
fn show_toggles(state: &UseReducerHandle<State>, lines: &[(String, String)]) -> Html {
    html! {
        <fieldset class="show">
            <legend>{ state.lang().words().show_on_charts }</legend>
            { for lines.iter().map(|(line, label)| {
                let id = format!("show-{line}");
                let shown = !state.hidden.contains(line);
                let onchange = {
                    let line = line.clone();
                    let state = state.clone();
                    Callback::from(move |ev: Event| {
                        let checked = ev.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
                        state.dispatch(Action::Show(line.clone(), checked));
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

/// What the page has to say about the link it opened and the prices loading.
fn notices(state: &State, status: &Option<(bool, String)>) -> Html {
    let lang = state.lang();
    let (open, close, separator) = match lang {
        Lang::En => (" (", ")", "; "),
        Lang::Zh => ("（", "）", "；"),
    };
    html! {
        <>
            if !state.ignored.is_empty() {
                <p class="status notice" role="status" id="link-notice">
                    { lang.words().link_notice }
                    { state.ignored.iter().map(|i| format!("{}={}{open}{}{close}", i.param, i.value, i.reason_in(lang))).collect::<Vec<_>>().join(separator) }
                </p>
            }
            if let Some((is_error, message)) = status {
                if *is_error {
                    <p class="status error" role="alert">{ message.clone() }</p>
                } else {
                    <p class="status" role="status">{ message.clone() }</p>
                }
            }
        </>
    }
}

/// The chart's key, as HTML so it never covers a line: a sample of each line
/// in its colour and dash pattern, and its name.
fn legend(entries: &[LegendEntry]) -> Html {
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

fn caption(e: &Estimate, lang: Lang) -> String {
    let i = &e.inputs;
    let (cpu, mem, platform) = (crate::format::quantity(i.cpu), crate::format::quantity(i.mem), i.platform.label());
    match lang {
        Lang::En => format!(
            "Monthly cost of {} tasks of {cpu} vCPU / {mem} GiB ({platform}, {}) against hours each task runs per month; crosses mark where Fargate on-demand meets each EC2 option.",
            i.tasks, i.region
        ),
        Lang::Zh => format!(
            "{} 个 {cpu} vCPU / {mem} GiB 任务（{platform}，{}）的月费用随每个任务每月运行小时数的变化；叉号标出 Fargate 按需与各 EC2 方案持平之处。",
            i.tasks, i.region
        ),
    }
}

fn tasks_caption(e: &Estimate, lang: Lang) -> String {
    let hours = crate::format::quantity(e.evaluation.fargate.billed_hours);
    let per = e.evaluation.ec2.packing.tasks_per_instance;
    let name = &e.evaluation.ec2.candidate.name;
    match lang {
        Lang::En => format!(
            "Monthly cost against the number of tasks at {hours} h per task: EC2 steps up each time {per} more task{} need another {name}; Fargate grows in a straight line.",
            lang.plural(per)
        ),
        Lang::Zh => format!("每个任务 {hours} 小时时，月费用随任务数的变化：每多 {per} 个任务，EC2 就要多一台 {name}，费用阶梯上升；Fargate 呈直线增长。"),
    }
}

/// "2 tasks fit per t3a.large (2 vCPU, 8 GiB): CPU-bound. 5 instances."
fn packing_text(e: &Estimate, lang: Lang) -> String {
    let f = &e.evaluation.ec2;
    let min = e.inputs.min;
    let (per, name, vcpu) = (f.packing.tasks_per_instance, &f.candidate.name, f.candidate.shape.vcpu);
    let gib = crate::format::gib(f.candidate.shape.memory_mib);
    let bound = lang.words().bound(f.packing.bound);
    let at_minimum = f.instances == min && e.inputs.tasks.div_ceil(per) < min;
    let (cpu_used, mem_used) = (crate::format::percent(f.utilisation.vcpu), crate::format::percent(f.utilisation.memory));
    match lang {
        Lang::En => format!(
            "{per} task{} fit per {name} ({vcpu} vCPU, {gib} GiB): {bound}. {} instance{}{}; the fleet's vCPU is {cpu_used} and its memory {mem_used} allocated.",
            lang.plural(per),
            f.instances,
            lang.plural(f.instances),
            if at_minimum { format!(" (the minimum of {min})") } else { String::new() },
        ),
        Lang::Zh => format!(
            "每台 {name}（{vcpu} vCPU，{gib} GiB）可容纳 {per} 个任务：{bound}。共 {} 台实例{}；集群的 vCPU 已分配 {cpu_used}，内存已分配 {mem_used}。",
            f.instances,
            if at_minimum { format!("（最少 {min} 台）") } else { String::new() },
        ),
    }
}

/// "2 vCPU · 8 GiB · $0.0752/h" by type, for the instance picker.
fn instance_labels(candidates: &[crate::model::scenario::Candidate], lang: Lang) -> Vec<(String, String)> {
    let per_hour = match lang {
        Lang::En => "/h",
        Lang::Zh => "/小时",
    };
    // In the price file's order, which `RegionPrices::problems` holds sorted by type.
    candidates
        .iter()
        .map(|c| {
            let label = format!(
                "{} vCPU · {} GiB · {}{per_hour}",
                c.shape.vcpu,
                crate::format::gib(c.shape.memory_mib),
                lang.usd_rate(c.hourly.on_demand)
            );
            (c.name.clone(), label)
        })
        .collect()
}
