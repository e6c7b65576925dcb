//! The import box's worker: a program of its own (`src/bin/importer.rs`,
//! built by Trunk beside the page as `importer_loader.js`), so the ECS
//! import's code (`pasted`, `ecs_import`) is fetched only by a person who
//! imports, not with the page's first load. The page posts a request and
//! hears one reply (`browser::import`); both are arrays of strings, written
//! and read here only.

use crate::i18n::Lang;
use crate::pasted::Outcome;
use js_sys::Array;
use wasm_bindgen::{JsCast, JsValue};

/// What the worker posts once it listens: requests sent before would be lost.
pub const READY: &str = "ready";

/// The page's side: the page's language, its workload's link query, the pasted text.
pub fn request(lang: Lang, query: &str, pasted: &str) -> Array {
    [lang.tag(), query, pasted].iter().map(|s| JsValue::from_str(s)).collect()
}

/// The page's side: the worker's reply, or None if it is not one.
pub fn reply(data: &JsValue) -> Option<Result<Outcome, String>> {
    let parts: Vec<String> = data.dyn_ref::<Array>()?.iter().map(|v| v.as_string()).collect::<Option<_>>()?;
    match parts.split_first()? {
        (kind, [query, notes @ ..]) if kind == "ok" => Some(Ok(Outcome { query: query.clone(), notes: notes.to_vec() })),
        (kind, [why]) if kind == "no" => Some(Err(why.clone())),
        _ => None,
    }
}

/// The worker: listens, answers each request with `pasted::apply`, in
/// Chinese once it has fetched the Chinese text (in English if it cannot).
#[cfg(target_arch = "wasm32")]
pub fn serve() {
    use wasm_bindgen::closure::Closure;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replying = scope.clone();
    let on = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let scope = replying.clone();
        let asked: Vec<String> = e.data().dyn_ref::<Array>().map(|a| a.iter().filter_map(|v| v.as_string()).collect()).unwrap_or_default();
        let [lang, query, pasted] = <[String; 3]>::try_from(asked).unwrap_or_default();
        wasm_bindgen_futures::spawn_local(async move {
            let lang = match Lang::from_tag(&lang) {
                Some(Lang::Zh) if chinese(&scope).await => Lang::Zh,
                _ => Lang::En,
            };
            let answer: Vec<String> = match crate::pasted::apply(lang, &query, &pasted) {
                Ok(o) => ["ok".to_string(), o.query].into_iter().chain(o.notes).collect(),
                Err(why) => vec!["no".into(), why],
            };
            let _ = scope.post_message(&answer.iter().map(|s| JsValue::from_str(s)).collect::<Array>());
        });
    });
    scope.set_onmessage(Some(on.as_ref().unchecked_ref()));
    on.forget();
    let _ = scope.post_message(&JsValue::from_str(READY));
}

/// Fetches and installs the Chinese text (beside the worker, as the page's),
/// once; whether it is there.
#[cfg(target_arch = "wasm32")]
async fn chinese(scope: &web_sys::DedicatedWorkerGlobalScope) -> bool {
    use crate::i18n::zh;
    use wasm_bindgen_futures::JsFuture;
    if zh::ready() {
        return true;
    }
    let url = format!("zh.json?v={}", zh::CHECK);
    let Ok(response) = JsFuture::from(scope.fetch_with_str(&url)).await else { return false };
    let Ok(response) = response.dyn_into::<web_sys::Response>() else { return false };
    let Ok(text) = response.text() else { return false };
    let Some(text) = JsFuture::from(text).await.ok().and_then(|t| t.as_string()) else { return false };
    match zh::parse(&text) {
        Ok(table) if response.ok() => {
            zh::install(table);
            true
        }
        _ => false,
    }
}
