//! The answer the page shows: the estimate for the inputs, or while the next
//! region loads (or when the inputs have none) the last one it could make,
//! dimmed; and the status line that says why.

use super::header::Status;
use super::prices::RegionData;
use super::state::{Load, State};
use super::Shared;
use crate::estimate::{self, Estimate};
use crate::i18n::zh::{fill, Zh};
use crate::i18n::Lang;
use crate::pricing::Manifest;
use std::rc::Rc;
use yew::prelude::*;

pub struct Answer {
    /// The estimate on screen: the inputs', or the last one made.
    pub shown: Option<Rc<Estimate>>,
    pub status: Status,
}

#[hook]
pub fn use_answer(state: &State, region: &RegionData, manifest: &Shared<Manifest>) -> Answer {
    let (inputs, lang) = (&state.inputs, state.lang());
    // The last estimate made (a cache of the reducer's inputs, not state:
    // see ARCHITECTURE.md), kept on screen while the next region loads.
    let last = use_mut_ref(|| None::<Rc<Estimate>>);
    let result = match (&region.prices, region.candidates.as_ref()) {
        (Some(prices), Some(c)) if !region.waits_for_type => Some(estimate::estimate_with(inputs, manifest, prices, c).map(Rc::new)),
        _ => None,
    };
    if let Some(Ok(e)) = &result {
        *last.borrow_mut() = Some(e.clone());
    }
    let shown = match &result {
        Some(Ok(e)) => Some(e.clone()),
        _ => last.borrow().clone(),
    };
    let status = match (region.load(state), &result) {
        (Some(Load::Loading) | None, _) => Some((
            false,
            match lang {
                Lang::En => format!("Loading prices for {}…", inputs.region),
                Lang::Zh => fill(Zh::loading_prices, &[&inputs.region]),
            },
        )),
        (Some(Load::Failed(e)), _) => Some((
            true,
            match lang {
                Lang::En => format!("Prices for this region could not be loaded ({})", e.explain(lang)),
                Lang::Zh => fill(Zh::load_failed, &[&e.explain(lang)]),
            },
        )),
        (_, Some(Err(problem))) => Some((true, problem.explain(lang))),
        _ => None,
    };
    Answer { shown, status }
}
