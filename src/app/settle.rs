//! The page's dispatch, which settles the slower views (`State::settled`):
//! a change after a pause (a click, a key press, a drag's first step, an
//! edit of the services list) shows
//! in every view at once; the changes that follow it without one (a slider
//! dragged) show only in the verdict and the hours chart's drawing until they
//! pause (`browser::settle_after_pause`).

use super::browser;
use super::state::{Action, State};
use yew::prelude::*;

#[hook]
pub fn use_settling_dispatch(state: &UseReducerHandle<State>) -> Callback<Action> {
    let state = state.dispatcher();
    let dispatch = use_memo((), move |_| {
        Callback::from(move |action: Action| {
            let settle_now = matches!(action, Action::Set(..) | Action::Services(..)) && {
                let state = state.clone();
                browser::settle_after_pause(move || state.dispatch(Action::Settle))
            };
            state.dispatch(action);
            if settle_now {
                state.dispatch(Action::Settle);
            }
        })
    });
    (*dispatch).clone()
}
