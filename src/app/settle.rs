//! The page's dispatch, which settles the slower views (`State::settled`):
//! a change after a pause (a click, a key press, a drag's first step, an
//! edit of the services list) shows
//! in every view at once; the changes that follow it without one (a slider
//! dragged) show only in the verdict and the hours chart's drawing until they
//! pause (`browser::settle_after_pause`). For a cluster on auto every change
//! waits for the pause.

use super::browser;
use super::state::{Action, State};
use yew::prelude::*;

#[hook]
pub fn use_settling_dispatch(state: &UseReducerHandle<State>) -> Callback<Action> {
    // A cluster's auto choice (every service placed on every type) takes
    // more than a frame: even a change after a pause waits for the next one,
    // the type last chosen answering meanwhile (`answer`).
    let cluster = state.inputs.services.len() > 1 && state.inputs.ec2 == "auto";
    let state = state.dispatcher();
    let dispatch = use_memo(cluster, move |&cluster| {
        Callback::from(move |action: Action| {
            let settle_now = matches!(action, Action::Set(..) | Action::Services(..) | Action::Imported(Ok(_)))
                && {
                    let state = state.clone();
                    browser::settle_after_pause(move || state.dispatch(Action::Settle))
                }
                && !cluster;
            state.dispatch(action);
            if settle_now {
                state.dispatch(Action::Settle);
            }
        })
    });
    (*dispatch).clone()
}
