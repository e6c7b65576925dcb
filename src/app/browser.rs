//! The browser's side of the app, in one place: fetching price files, the
//! address bar, timers, the clipboard, the PNG export, and the few reads and
//! writes of the DOM that Yew does not do. Natively (tests, the server-side
//! render) `native.rs` stands in with the same functions doing nothing, as
//! Yew's `function_router` example keeps its `arch_native`.
//!
//! The state outside the reducer lives here, in thread-locals: the page's
//! address (read once), and the two pending timers with their callbacks
//! (ARCHITECTURE.md says why).

use super::state::LoadError;
use super::worker::{Answer, Job};
use crate::chart::Canvas;
use crate::i18n::Lang;
use std::cell::{Cell, RefCell};
use std::future::Future;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// A window event listener, removed when dropped.
pub type Listening = gloo::events::EventListener;

fn spawn(future: impl Future<Output = ()> + 'static) {
    wasm_bindgen_futures::spawn_local(future);
}

/// Fetches `pricing/<path>` relative to the page (so it works under any
/// sub-path), and calls `then` with its text.
pub fn fetch_pricing(path: String, then: impl FnOnce(Result<String, LoadError>) + 'static) {
    spawn(async move { then(fetch_text(&format!("pricing/{path}")).await) });
}

/// Fetches the page's Chinese text (`zh.json`, under this build's key check
/// so a cached file of another build is not asked for), and calls `then`.
pub fn fetch_chinese(then: impl FnOnce(Result<String, LoadError>) + 'static) {
    spawn(async move { then(fetch_text(&format!("zh.json?v={}", crate::i18n::zh::CHECK)).await) });
}

async fn fetch_text(path: &str) -> Result<String, LoadError> {
    let window = web_sys::window().ok_or(LoadError::Network)?;
    let response = JsFuture::from(window.fetch_with_str(path)).await.map_err(|_| LoadError::Network)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| LoadError::Unreadable)?;
    if !response.ok() {
        return Err(LoadError::Status(response.status()));
    }
    let text = response.text().map_err(|_| LoadError::Unreadable)?;
    JsFuture::from(text).await.ok().and_then(|t| t.as_string()).ok_or(LoadError::Unreadable)
}

/// The query the page was opened with, and the browser's preferred languages.
pub fn opening_link() -> Option<(String, Vec<String>)> {
    let window = web_sys::window()?;
    let languages = window.navigator().languages().iter().filter_map(|l| l.as_string()).collect();
    Some((window.location().search().unwrap_or_default(), languages))
}

/// Tells the browser (screen readers, fonts, the tab) which language the page is in.
pub fn set_document_language(lang: Lang) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        if let Some(root) = document.document_element() {
            let _ = root.set_attribute("lang", lang.tag());
        }
        document.set_title(lang.words().title);
    }
}

/// The page's origin and path: asked of the browser once, as they never change
/// while the app runs (the address bar only ever gets a new query), instead of
/// with each of the three addresses every slider step renders.
pub fn page_base() -> &'static str {
    thread_local! {
        static BASE: &'static str = web_sys::window().map_or_else(String::new, |w| {
            let location = w.location();
            location.origin().unwrap_or_default() + &location.pathname().unwrap_or_default()
        }).leak();
    }
    BASE.with(|base| *base)
}

/// Reports the width the element at `selector` is shown at, now and whenever
/// the window resizes. Not after every step: reading a width forces a
/// layout. Listens until dropped.
pub fn watch_width(selector: &'static str, report: impl Fn(f64) + 'static) -> Option<Listening> {
    let measure = move || {
        let shown = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector(selector).ok().flatten());
        if let Some(element) = shown {
            report(f64::from(element.client_width()));
        }
    };
    measure();
    let window = web_sys::window()?;
    Some(gloo::events::EventListener::new(&window, "resize", move |_| measure()))
}

/// How long the state must rest before the address bar and the slower views
/// (`State::settled`) follow it.
const REST_MS: i32 = 150;

/// A pending timer and the callback it will call.
type TimerSlot = RefCell<Option<(i32, Closure<dyn FnMut()>)>>;

/// Calls `then` in `REST_MS`, cancelling what `slot` had pending: called on
/// every change, `then` runs once the changes rest.
fn after_rest(slot: &'static std::thread::LocalKey<TimerSlot>, then: impl FnMut() + 'static) {
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

/// Puts `url` in the address bar once the state has rested for `REST_MS`:
/// replaceState, so dragging a slider does not flood the back button, and
/// not on every step: Chrome's replaceState measured ~8 ms a call, a whole
/// slider step's budget. The share box and "Copy link" are always current.
pub fn replace_address_when_rested(url: String) {
    thread_local! {
        static PENDING: TimerSlot = const { RefCell::new(None) };
    }
    after_rest(&PENDING, move || {
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
        }
    });
}

/// Calls `then` once a week's bars have not been drawn on for `REST_MS`
/// (`week_bars`): the last call's `then` only.
pub fn when_drawing_rests(then: impl FnMut() + 'static) {
    thread_local! {
        static DRAWING: TimerSlot = const { RefCell::new(None) };
    }
    after_rest(&DRAWING, then);
}

thread_local! {
    /// The timer `settle_after_pause` set last.
    static SETTLE_TIMER: TimerSlot = const { RefCell::new(None) };
    /// Whether it has fired: no change since, for `REST_MS`.
    static PAUSED: Cell<bool> = const { Cell::new(true) };
}

/// A change is on its way: (re)starts the timer that calls `settle` once
/// changes pause for `REST_MS`, and says whether this one comes after such a
/// pause.
pub fn settle_after_pause(mut settle: impl FnMut() + 'static) -> bool {
    after_rest(&SETTLE_TIMER, move || {
        PAUSED.with(|paused| paused.set(true));
        settle();
    });
    PAUSED.with(|paused| paused.replace(false))
}

/// Calls `then` in `ms` milliseconds, once.
pub fn after(ms: i32, then: impl FnOnce() + 'static) {
    // dyn FnMut, as the other timers': one wasm-bindgen shim for all.
    let mut then = Some(then);
    let then = Closure::<dyn FnMut()>::new(move || then.take().map_or((), |f| f())).into_js_value();
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(then.unchecked_ref(), ms);
    }
}

/// Copies `text` to the clipboard and calls `then` with whether it worked.
pub fn copy(text: &str, then: impl FnOnce(bool) + 'static) {
    let Some(window) = web_sys::window() else { return };
    let promise = window.navigator().clipboard().write_text(text);
    spawn(async move { then(JsFuture::from(promise).await.is_ok()) });
}

/// Makes the clicked link download `body` as a data URL of type `media`:
/// built when clicked, not on every render.
pub fn point_link_at(link: &web_sys::Element, media: &str, body: &str) {
    let _ = link.set_attribute("href", &format!("data:{media};charset=utf-8,{}", crate::inputs::percent_encode(body)));
}

/// Saves the chart's SVG as a PNG named `name`, drawn on a white canvas at
/// twice its size: the browser renders the text exactly as on screen.
pub fn save_png(svg: String, size: Canvas, name: String) {
    spawn(async move {
        let _ = png(&svg, size, &name).await;
    });
}

async fn png(svg: &str, size: Canvas, name: &str) -> Result<(), JsValue> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let image = web_sys::HtmlImageElement::new()?;
    image.set_src(&format!("data:image/svg+xml;charset=utf-8,{}", crate::inputs::percent_encode(svg)));
    JsFuture::from(image.decode()).await?;
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

/// Places the chart points from their `data-x`/`data-y` (percent) through the
/// CSS object model: the Content-Security-Policy forbids inline `style`
/// attributes, not styles set from script.
pub fn position_points() {
    let Some(points) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector_all(".point[data-x]").ok()) else {
        return;
    };
    for i in 0..points.length() {
        let Some(point) = points.item(i).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) else { continue };
        let style = point.style();
        for (attribute, property) in [("data-x", "left"), ("data-y", "top")] {
            let _ = style.set_property(property, &format!("{}%", point.get_attribute(attribute).unwrap_or_default()));
        }
    }
}

/// What to do with a job's answer (None: the worker could not run), and the
/// query it was asked for.
type Then = Box<dyn FnOnce(Option<Answer>)>;

/// The page's worker (`worker`), started by the first job and kept;
/// started again after it failed.
struct Helper {
    worker: web_sys::Worker,
    ready: bool,
    failed: bool,
    /// Requests made before it listened.
    waiting: Vec<js_sys::Array>,
    /// Jobs asked and not answered yet, each with the query it was for.
    asked: Vec<(Job, String, Then)>,
    _listening: [Closure<dyn FnMut(JsValue)>; 2],
}

thread_local! {
    static HELPER: RefCell<Option<Helper>> = const { RefCell::new(None) };
}

/// Asks the worker for `job` on the workload of `query` (with `text`, the
/// import's), and calls `then` with its answer, or None if it could not run.
pub fn ask(job: Job, lang: Lang, query: &str, text: &str, then: impl FnOnce(Option<Answer>) + 'static) {
    let request = super::worker::request(job, lang, query, text);
    HELPER.with_borrow_mut(|slot| {
        if slot.as_ref().is_none_or(|h| h.failed) {
            *slot = start_helper();
        }
        let Some(helper) = slot else { return then(None) };
        helper.asked.push((job, query.to_string(), Box::new(then)));
        match helper.ready {
            true => {
                let _ = helper.worker.post_message(&request);
            }
            false => helper.waiting.push(request),
        }
    });
}

fn start_helper() -> Option<Helper> {
    // The loader's address as this build versioned it (index.html's meta "worker").
    let document = web_sys::window()?.document()?;
    let loader = document.query_selector("meta[name=worker]").ok().flatten().and_then(|m| m.get_attribute("content"));
    let worker = web_sys::Worker::new(loader.as_deref().unwrap_or("worker_loader.js")).ok()?;
    let heard = Closure::<dyn FnMut(JsValue)>::new(|e: JsValue| {
        let data = e.unchecked_into::<web_sys::MessageEvent>().data();
        let answered = HELPER.with_borrow_mut(|slot| {
            let helper = slot.as_mut()?;
            if data.as_string().as_deref() == Some(super::worker::READY) {
                helper.ready = true;
                for request in helper.waiting.drain(..) {
                    let _ = helper.worker.post_message(&request);
                }
                return None;
            }
            let (job, query, answer) = super::worker::reply(&data)?;
            let at = helper.asked.iter().position(|(j, q, _)| *j == job && *q == query)?;
            Some((helper.asked.remove(at).2, answer))
        });
        if let Some((then, answer)) = answered {
            then(Some(answer));
        }
    });
    // A worker that cannot load (offline, a file missing) or that crashed:
    // every job asked of it is answered None.
    let failed = Closure::<dyn FnMut(JsValue)>::new(|_| {
        let asked = HELPER.with_borrow_mut(|slot| {
            let helper = slot.as_mut()?;
            helper.failed = true;
            helper.worker.terminate();
            Some(std::mem::take(&mut helper.asked))
        });
        for (_, _, then) in asked.unwrap_or_default() {
            then(None);
        }
    });
    worker.set_onmessage(Some(heard.as_ref().unchecked_ref()));
    worker.set_onerror(Some(failed.as_ref().unchecked_ref()));
    Some(Helper { worker, ready: false, failed: false, waiting: Vec::new(), asked: Vec::new(), _listening: [heard, failed] })
}

/// The text in the text field or area `id`.
pub fn text_of(id: &str) -> String {
    let element = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id));
    element.and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok()).map(|e| e.value()).unwrap_or_default()
}
