//! The prices a view needs: its region file, loaded on demand, and the
//! file's outclassed companion only when a named type or the instance picker
//! needs it (see `model::outclassed`); the candidates built once per file.

use super::browser;
use super::state::{Action, Load, LoadError, State};
use super::Shared;
use crate::estimate;
use crate::i18n::{self, Lang};
use crate::model::scenario::Candidate;
use crate::pricing::{self, Manifest, RegionPrices};
use std::rc::Rc;
use yew::prelude::*;

/// The region file of the inputs and what the page has of it.
pub struct RegionData {
    /// Its path under `pricing/`.
    pub path: String,
    pub prices: Option<Rc<RegionPrices>>,
    /// The companion's path, and the companion if loaded.
    pub more_path: String,
    pub more: Option<Rc<RegionPrices>>,
    /// The inputs name a type only the companion can have, and it has not
    /// loaded: no answer from the file alone.
    pub waits_for_type: bool,
    /// Every type loaded, file and companion, built once per file.
    pub candidates: Rc<Option<Vec<Candidate>>>,
}

impl RegionData {
    /// How the file to report on stands: while a named type waits for the
    /// companion, the companion's load.
    pub fn load<'s>(&self, state: &'s State) -> Option<&'s Load> {
        state.prices_load(if self.waits_for_type { &self.more_path } else { &self.path })
    }
}

/// The region file at `path`, if loaded.
pub fn loaded(state: &State, path: &str) -> Option<Rc<RegionPrices>> {
    match state.prices_load(path) {
        Some(Load::Ready(prices)) => Some(prices.clone()),
        _ => None,
    }
}

/// Starts loading a price file unless loaded or loading; `version` is the
/// snapshot's (`Manifest::version`), so a cached file of another snapshot is
/// never used.
fn load(state: &UseReducerHandle<State>, path: String, version: &str) {
    if state.prices_load(&path).is_some() {
        return;
    }
    state.dispatch(Action::Loading(path.clone()));
    let state = state.clone();
    browser::fetch_pricing(format!("{path}?v={version}"), move |result| {
        let result = result.and_then(|text| RegionPrices::parse(&text).map_err(LoadError::Invalid)).map(Rc::new);
        state.dispatch(Action::Loaded(path, result));
    });
}

#[hook]
pub fn use_region_prices(state: &UseReducerHandle<State>, manifest: &Shared<Manifest>) -> RegionData {
    let inputs = &state.inputs;
    let path = estimate::region_file_of(inputs);
    let prices = loaded(state, &path);
    let more_path = pricing::outclassed_file(&inputs.region, inputs.platform);
    let more = loaded(state, &more_path);
    let waits_for_type = more.is_none() && prices.as_ref().is_some_and(|p| estimate::names_an_outclassed_type(inputs, p));
    let wants_more = prices.as_ref().is_some_and(|p| p.outclassed_types > 0) && (waits_for_type || state.every_type_wanted);
    {
        let (state, manifest) = (state.clone(), manifest.clone());
        use_effect_with((path.clone(), wants_more.then_some(more_path.clone())), move |(path, more)| {
            for path in std::iter::once(path).chain(more) {
                load(&state, path.clone(), &manifest.version());
            }
        });
    }
    let candidates = {
        let (prices, more) = (prices.clone(), more.clone());
        use_memo((prices.clone().map(Shared), more.clone().map(Shared)), move |_| {
            prices.map(|p| estimate::every_candidate(&p, more.as_deref()))
        })
    };
    RegionData { path, prices, more_path, more, waits_for_type, candidates }
}

/// The instance picker's suggestions, labelled: built only once the picker
/// has been opened (a load need not label and add hundreds of suggestions
/// nobody has asked for yet), and once per price file and language.
#[hook]
pub fn use_picker_labels(region: &RegionData, wanted: bool, lang: Lang) -> Shared<Vec<(String, String)>> {
    let candidates = region.candidates.clone();
    let key = (region.prices.clone().map(Shared), region.more.clone().map(Shared), lang, wanted);
    let labels = use_memo(key, move |_| {
        let labelled = candidates.as_ref().as_ref().filter(|_| wanted).map_or_else(Vec::new, |c| i18n::fleet::instance_labels(c, lang));
        Shared(Rc::new(labelled))
    });
    (*labels).clone()
}
