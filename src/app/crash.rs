//! What a person sees if the app fails anyway: a short apology and two ways
//! out (this view again, or a fresh start), instead of a page that silently
//! stops responding. Every parser of outside input is total and fuzzed, so
//! this is for bugs: the WebAssembly trap a panic ends in (a window `error`
//! listener), and before it the panic hook, in builds that keep panic messages
//! (release builds abort at once: see `./dev`'s `with_wasm_env`).

use crate::i18n::zh::{zh, Zh};
use crate::i18n::Lang;

/// The crash page's text: heading, explanation, "reload this view", "start again".
pub fn text(lang: Lang) -> [&'static str; 4] {
    match lang {
        // The page speaks Chinese only once its text is read.
        Lang::Zh if crate::i18n::zh::ready() => [zh(Zh::crash_title), zh(Zh::crash_text), zh(Zh::crash_reload), zh(Zh::crash_reset)],
        _ => [
            "Something went wrong",
            "The explorer hit a bug and stopped. Nothing was sent anywhere; your scenario is still in the address.",
            "Reload this view",
            "Start again with the defaults",
        ],
    }
}

/// Installs the panic hook and the trap listener. Call before the app mounts.
pub fn install() {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::prelude::*;
        // Builds that abort at once never call a hook (`./dev`'s with_wasm_env).
        #[cfg(not(panic = "immediate-abort"))]
        std::panic::set_hook(Box::new(|info| {
            web_sys::console::error_1(&info.to_string().into());
            show();
        }));
        let on_error = Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(|event: web_sys::ErrorEvent| {
            if event.error().is_instance_of::<js_sys::WebAssembly::RuntimeError>() {
                show();
            }
        });
        if let Some(window) = web_sys::window() {
            let _ = window.add_event_listener_with_callback("error", on_error.as_ref().unchecked_ref());
        }
        // The listener lives as long as the page.
        on_error.forget();
    }
}

/// Replaces the page with the crash message, in the page's language. Built
/// from DOM calls and fixed text only.
#[cfg(target_arch = "wasm32")]
fn show() {
    let Some(window) = web_sys::window() else { return };
    let Some(document) = window.document() else { return };
    let Some(body) = document.body() else { return };
    if document.get_element_by_id("crash").is_some() {
        return;
    }
    let lang = document.document_element().and_then(|e| e.get_attribute("lang")).and_then(|l| Lang::from_tag(&l)).unwrap_or_default();
    let [title, explanation, reload, reset] = text(lang);
    let location = window.location();
    // The share box is always current; the address bar may lag the last change.
    let share = document
        .get_element_by_id("share-url")
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(e).ok())
        .map(|input| input.value());
    let here = share.unwrap_or_else(|| location.href().unwrap_or_default());
    let fresh = location.pathname().unwrap_or_default();
    let element = |tag: &str, text: &str| {
        let e = document.create_element(tag).ok()?;
        e.set_text_content(Some(text));
        Some(e)
    };
    let build = || -> Option<web_sys::Element> {
        let main = document.create_element("main").ok()?;
        main.set_id("crash");
        main.set_class_name("failure");
        main.set_attribute("role", "alert").ok()?;
        for (tag, text) in [("h1", title), ("p", explanation)] {
            let child = element(tag, text)?;
            main.append_child(&child).ok()?;
        }
        let links = document.create_element("p").ok()?;
        for (id, href, label) in [("crash-reload", here.as_str(), reload), ("crash-reset", fresh.as_str(), reset)] {
            let a = element("a", label)?;
            a.set_id(id);
            a.set_attribute("href", href).ok()?;
            links.append_child(&a).ok()?;
            links.append_child(&document.create_text_node(" ")).ok()?;
        }
        main.append_child(&links).ok()?;
        Some(main)
    };
    if let Some(main) = build() {
        body.set_text_content(None);
        let _ = body.append_child(&main);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The crash page is built from these texts alone, in whichever
    /// language the page was in: each must be a full text of its language,
    /// plain (it is set as text, never as markup), and the two must differ
    /// (the browser test checks the English page end to end).
    #[test]
    fn the_crash_page_says_everything_in_each_language() {
        let (en, zh) = (text(Lang::En), text(Lang::Zh));
        for (english, chinese) in en.iter().zip(zh.iter()) {
            assert!(english.len() > 10 && english.is_ascii() && !english.contains('<'), "{english}");
            let han = chinese.chars().filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c)).count();
            assert!(han * 2 > chinese.chars().count() && !chinese.contains('<'), "not Chinese text: {chinese}");
        }
        assert!(en[1].contains("address") && zh[1].contains("地址栏"), "both say the scenario is still in the address");
    }
}
