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
use crate::inputs::Inputs;
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
    // A cluster's auto choice places every service on every type, more than a
    // step's budget: while a drag goes on, the type last chosen carries the
    // steps, and the auto choice runs when the drag pauses (the page says so).
    let quick = (state.settling && inputs.services.len() > 1 && inputs.ec2 == "auto")
        .then(|| last.borrow().as_ref().map(|e| e.evaluation.ec2.candidate.name.clone()))
        .flatten();
    // Worked out again only when what it depends on changes, not on every
    // render (a cluster's auto choice is tens of milliseconds).
    let key = (inputs.clone(), quick, region.prices.clone().map(Shared), Shared(region.candidates.clone()), region.waits_for_type);
    let computed = use_memo(key, |(inputs, quick, prices, candidates, waits_for_type)| match (prices, candidates.0.as_ref()) {
        (Some(prices), Some(c)) if !waits_for_type => {
            let on_last = quick.as_ref().and_then(|name| {
                let mut e = estimate::estimate_with(&Inputs { ec2: name.clone(), ..inputs.clone() }, manifest, &prices.0, c).ok()?;
                e.inputs.ec2 = inputs.ec2.clone();
                Some(Rc::new(e))
            });
            let deferred = on_last.is_some();
            let result = match on_last {
                Some(e) => Ok(e),
                None => estimate::estimate_with(inputs, manifest, &prices.0, c).map(Rc::new),
            };
            (Some(result), deferred)
        }
        _ => (None, false),
    });
    let (result, deferred) = (&computed.0, computed.1);
    if let Some(Ok(e)) = result {
        *last.borrow_mut() = Some(e.clone());
    }
    let shown = match result {
        Some(Ok(e)) => Some(e.clone()),
        _ => last.borrow().clone(),
    };
    let status = match (region.load(state), result) {
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
        _ if deferred => Some((false, lang.words().working.to_string())),
        _ => None,
    };
    Answer { shown, status }
}
