//! `browser.rs` natively: the same functions, doing nothing, so the app
//! compiles and renders in native tests (Yew's server-side render). Nothing
//! here runs in the page.

use super::state::LoadError;
use crate::chart::Canvas;
use crate::i18n::Lang;

/// A listener that never hears anything.
pub struct Listening;

pub fn fetch_pricing(_path: String, _then: impl FnOnce(Result<String, LoadError>) + 'static) {}

pub fn fetch_chinese(_then: impl FnOnce(Result<String, LoadError>) + 'static) {}

pub fn opening_link() -> Option<(String, Vec<String>)> {
    None
}

pub fn set_document_language(_lang: Lang) {}

pub fn page_base() -> &'static str {
    ""
}

pub fn watch_width(_selector: &'static str, _report: impl Fn(f64) + 'static) -> Option<Listening> {
    None
}

pub fn replace_address_when_rested(_url: String) {}

/// Natively every change comes after a pause: the views settle at once.
pub fn settle_after_pause(_settle: impl FnMut() + 'static) -> bool {
    true
}

pub fn after(_ms: i32, _then: impl FnOnce() + 'static) {}

pub fn when_drawing_rests(_then: impl FnMut() + 'static) {}

pub fn copy(_text: &str, _then: impl FnOnce(bool) + 'static) {}

pub fn point_link_at(_link: &web_sys::Element, _media: &str, _body: &str) {}

pub fn save_png(_svg: String, _size: Canvas, _name: String) {}

pub fn position_points() {}

pub fn ask(_job: super::worker::Job, _lang: Lang, _query: &str, _text: &str, _then: impl FnOnce(Option<super::worker::Answer>) + 'static) {}

pub fn text_of(_id: &str) -> String {
    String::new()
}
