//! The page's state and its reducer: the single place the state changes.
//!
//! The state is the same `Inputs` the CLI and share links use, so the page, the
//! command line and a link can never mean different things by one name; plus
//! the EC2 price files loaded so far.

use crate::chart::Canvas;
use crate::i18n::zh::{fill, zh, Zh};
use crate::i18n::Lang;
use crate::inputs::{Edit, InputError, Inputs};
use crate::model::ec2::PurchaseOption;
use crate::model::line::Line;
use crate::options::Opt;
use crate::pricing::RegionPrices;
use std::rc::Rc;
use yew::Reducible;

#[derive(Clone, Debug, PartialEq, Default)]
pub struct State {
    pub inputs: Inputs,
    /// What the slower views (the options table, the task-count chart) show:
    /// `inputs` as of the last `Action::Settle`. The app settles a change
    /// that comes after a pause at once, and the changes that follow it
    /// without one (a slider dragged) when they pause, so meanwhile only the
    /// verdict and the hours chart follow each step: the slower views'
    /// layout and redrawing were a third of a step's work (README "Budgets").
    pub settled: Inputs,
    /// A change waits for `Action::Settle` (a drag goes on): the slower
    /// views, and a cluster's auto choice (`answer`), follow when it comes.
    /// Not `settled != inputs`: a drag can come back to where it began.
    pub settling: bool,
    /// Region files and their outclassed companions by path under
    /// `pricing/`, in the order first asked for. (A few per visit: a list is
    /// enough, and smaller in wasm than a map.)
    pub ec2: Vec<(String, Load)>,
    /// A person opened the instance-type picker, which lists every type: the
    /// outclassed companions of the regions they view are loaded too.
    pub every_type_wanted: bool,
    /// Chart lines a person turned off. Not in share links: the link format
    /// has no parameter for it.
    pub hidden: Vec<Line>,
    /// Lines off by default (`off_by_default`) a person turned on.
    pub turned_on: Vec<Line>,
    /// What the opening link carried that could not be used, until the next change.
    pub ignored: Vec<crate::share_link::Ignored>,
    /// How reading the Chinese text ended, once it was asked for (on an
    /// error the page stays in English). In the state, not only in
    /// `i18n::zh`, so that its arrival renders the page again.
    pub chinese: Option<Result<(), LoadError>>,
    /// The opening link is older than the pricing of CPU credits and EBS
    /// (its totals may have moved), until the next change.
    pub older_link: bool,
    /// The compact layout for an iframe in an article (`embed=1`).
    pub embed: bool,
    /// The language the link or the switcher chose; None follows the browser
    /// (and stays out of share links, so each reader gets their own).
    pub lang_choice: Option<Lang>,
    /// The browser's first preferred language that the page has.
    pub browser_lang: Lang,
    /// What the charts are drawn on, for the width they are shown at.
    pub canvas: Canvas,
    /// "Copy link" copied the link to this view (until the view changes).
    pub link_copied: bool,
    /// The iframe code for an article is shown.
    pub embed_code_shown: bool,
    /// Text in a field that is not its option's value: being typed into a
    /// field that sets its option when left (the instance type), or refused
    /// by the option. The field shows it until an option is set, since Yew
    /// puts a field's value back to the state's on any render, and one can
    /// come meanwhile (the picker's list arriving).
    pub draft: Option<Draft>,
    /// What the import box last said, until the next import or language.
    pub import: Option<ImportSaid>,
    /// The week of load's verdict (the page's worker works it out): the
    /// link last asked for, and the verdict or why not (None: asked). An
    /// answer for another link, asked before, is not kept.
    pub week: Option<(String, Option<Result<super::worker::Week, String>>)>,
}

/// The import box's answer (`pasted`, in its worker).
#[derive(Clone, Debug, PartialEq)]
pub enum ImportSaid {
    Busy,
    /// Imported: what a person should know, a sentence each.
    Done(Vec<String>),
    /// Refused, or the worker failed: why; the workload is as it was.
    Refused(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub option: Opt,
    pub text: String,
    /// Why the option refused `text`, if it did (said under the field).
    pub refused: Option<crate::share_link::Ignored>,
}

impl State {
    /// The state a share link describes (a URL or its query string), for a
    /// browser that prefers `browser_lang`.
    pub fn from_link(query: &str, browser_lang: Lang) -> State {
        let (inputs, mut ignored) = crate::share_link::decode(query);
        let lang_choice = crate::share_link::lang(query).unwrap_or_else(|bad| {
            ignored.push(bad);
            None
        });
        State {
            settled: inputs.clone(),
            inputs,
            ignored,
            older_link: crate::share_link::version(query) < crate::share_link::PRICES_BESIDE_COMPUTE,
            embed: crate::share_link::is_embed(query),
            lang_choice,
            browser_lang,
            ..State::default()
        }
    }

    /// The lines the charts leave out: those a person turned off, and those
    /// off by default they did not turn on.
    pub fn hidden_lines(&self) -> Vec<Line> {
        let off = |line: &Line| off_by_default(*line, self.inputs.buy) && !self.turned_on.contains(line);
        Line::ALL.into_iter().filter(|line| self.hidden.contains(line) || off(line)).collect()
    }

    /// The worker's answer for the week last asked for, once it has it.
    pub fn week_answer(&self) -> Option<&Result<super::worker::Week, String>> {
        self.week.as_ref()?.1.as_ref()
    }

    /// The language a person asked for (the link's or switcher's, else the browser's).
    pub fn wanted_lang(&self) -> Lang {
        self.lang_choice.unwrap_or(self.browser_lang)
    }

    /// The language the page speaks: the one wanted, Chinese once its text is
    /// read (`i18n::zh`); English until then, or if it cannot be read.
    pub fn lang(&self) -> Lang {
        match self.wanted_lang() {
            Lang::Zh if crate::i18n::zh::ready() => Lang::Zh,
            _ => Lang::En,
        }
    }

    /// How the EC2 price file at `path` stands, if it was ever asked for.
    pub fn prices_load(&self, path: &str) -> Option<&Load> {
        self.ec2.iter().find(|(p, _)| p == path).map(|(_, load)| load)
    }

    /// After a control changed `option` to `value` (or was refused).
    fn changed(&mut self, result: Result<(), InputError>, option: Opt, value: String) {
        match result {
            Ok(()) => {
                // Whatever this control moved, the whole stays a valid scenario.
                self.inputs.repair();
                self.ignored.clear();
                self.older_link = false;
                self.link_copied = false;
                self.draft = None;
                self.settling = true;
            }
            // The state keeps its value; the field keeps the text, and says why.
            Err(e) => {
                let refused = crate::share_link::Ignored::refused(&value, &e);
                self.draft = Some(Draft { option, text: value, refused: Some(refused) });
            }
        }
    }

    fn set_prices_load(&mut self, path: String, load: Load) {
        match self.ec2.iter_mut().find(|(p, _)| *p == path) {
            Some((_, slot)) => *slot = load,
            None => self.ec2.push((path, load)),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Load {
    Loading,
    Ready(Rc<RegionPrices>),
    Failed(LoadError),
}

/// Why a price file could not be used, said in the page's language.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// No answer: offline, blocked, or the request was refused.
    Network,
    /// The server answered with this HTTP status.
    Status(u16),
    /// An answer whose body could not be read as text.
    Unreadable,
    /// A file that is not valid prices; the reader's own words (technical, English).
    Invalid(String),
}

impl LoadError {
    pub fn explain(&self, lang: Lang) -> String {
        match (self, lang) {
            (LoadError::Network, Lang::En) => "the network request failed".into(),
            (LoadError::Network, Lang::Zh) => zh(Zh::load_network).into(),
            (LoadError::Status(code), _) => format!("HTTP {code}"),
            (LoadError::Unreadable, Lang::En) => "the response could not be read".into(),
            (LoadError::Unreadable, Lang::Zh) => zh(Zh::load_unreadable).into(),
            (LoadError::Invalid(detail), Lang::En) => format!("the file is damaged: {detail}"),
            (LoadError::Invalid(detail), Lang::Zh) => fill(Zh::load_invalid, &[detail]),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Set an option from its text, as a control reports it.
    Set(Opt, String),
    /// An edit of the services list.
    Services(Edit),
    Loading(String),
    Loaded(String, Result<Rc<RegionPrices>, LoadError>),
    /// The instance-type picker was opened.
    WantEveryType,
    /// Show or hide a chart line.
    Show(Line, bool),
    /// The language switcher.
    Lang(Lang),
    /// The charts are shown this wide (CSS pixels).
    ChartWidth(f64),
    /// Whether copying the link to the clipboard worked.
    LinkCopied(bool),
    /// Show or hide the iframe code.
    ShowEmbedCode(bool),
    /// The slower views catch up with the inputs.
    Settle,
    /// Text typed into a field whose option is set when the person leaves it.
    Draft(Opt, String),
    /// The Chinese text arrived (and was installed), or could not be read.
    Chinese(Result<(), LoadError>),
    /// A pasted text was sent to the importer.
    Importing,
    /// The importer's answer: the workload's link and notes, or why not.
    Imported(Result<crate::pasted::Outcome, String>),
    /// The week of load of the settled workload (its link) was asked for, or answered.
    Week(String, Option<Result<super::worker::Week, String>>),
}

/// Managed Instances' lines for the purchase options not chosen: the same
/// fleet as EC2's plus a fee, so four more lines would crowd the charts.
pub fn off_by_default(line: Line, buy: PurchaseOption) -> bool {
    matches!(line, Line::Managed(o) if o != buy)
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Set(option, value) => {
                let set = next.inputs.set(option, &value);
                next.changed(set, option, value);
            }
            Action::Services(edit) => {
                let done = next.inputs.edit(edit);
                let given = done.as_ref().err().map(|e| e.given.clone()).unwrap_or_default();
                next.changed(done, Opt::Service, given);
            }
            Action::Draft(option, text) => {
                next.draft = Some(Draft { option, text, refused: None });
            }
            Action::Settle => {
                // Another workload's week is not this one's, even for the moment before it is asked.
                if next.settled != next.inputs {
                    next.week = None;
                }
                next.settled = next.inputs.clone();
                next.settling = false;
            }
            Action::Loading(path) => {
                next.set_prices_load(path, Load::Loading);
            }
            Action::Loaded(path, result) => {
                next.set_prices_load(path, result.map_or_else(Load::Failed, Load::Ready));
            }
            Action::WantEveryType => {
                next.every_type_wanted = true;
            }
            Action::Show(line, true) => {
                next.hidden.retain(|l| *l != line);
                if !next.turned_on.contains(&line) {
                    next.turned_on.push(line);
                }
            }
            Action::Show(line, false) => {
                next.turned_on.retain(|l| *l != line);
                if !next.hidden.contains(&line) {
                    next.hidden.push(line);
                }
            }
            Action::Chinese(result) => {
                next.chinese = Some(result);
            }
            Action::Importing => {
                next.import = Some(ImportSaid::Busy);
            }
            Action::Imported(Ok(outcome)) => {
                next.inputs = crate::share_link::decode(&outcome.query).0;
                next.changed(Ok(()), Opt::Service, String::new());
                next.import = Some(ImportSaid::Done(outcome.notes));
            }
            Action::Imported(Err(why)) => {
                next.import = Some(ImportSaid::Refused(why));
            }
            Action::Week(query, None) => {
                next.week = Some((query, None));
            }
            Action::Week(query, said) => {
                if next.week.as_ref().is_some_and(|(asked, _)| *asked == query) {
                    next.week = Some((query, said));
                }
            }
            Action::Lang(lang) => {
                // The language is in the link: what was copied is no longer this view's.
                next.lang_choice = Some(lang);
                next.link_copied = false;
                next.import = None;
                // Choosing Chinese again tries its text again.
                if let Some(Err(_)) = next.chinese {
                    next.chinese = None;
                }
            }
            Action::ChartWidth(css_px) => {
                next.canvas = Canvas::fitting(css_px);
            }
            Action::LinkCopied(copied) => {
                next.link_copied = copied;
            }
            Action::ShowEmbedCode(shown) => {
                next.embed_code_shown = shown;
            }
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reduce(state: State, action: Action) -> State {
        (*Rc::new(state).reduce(action)).clone()
    }

    fn set(state: State, name: &str, value: &str) -> State {
        reduce(state, Action::Set(Opt::from_name(name).unwrap(), value.to_string()))
    }

    #[test]
    fn only_the_picker_asks_for_every_type() {
        assert!(!State::from_link("?ec2=m5.large", Lang::En).every_type_wanted);
        let opened = reduce(State::default(), Action::WantEveryType);
        assert!(opened.every_type_wanted && set(opened, "region", "eu-west-1").every_type_wanted, "for every region viewed after");
    }

    #[test]
    fn copied_says_so_only_until_the_view_changes() {
        let copied = reduce(State::default(), Action::LinkCopied(true));
        assert!(copied.link_copied);
        assert!(reduce(copied.clone(), Action::ShowEmbedCode(true)).link_copied, "opening the iframe code keeps the link");
        assert!(!set(copied.clone(), "tasks", "11").link_copied, "another scenario is another link");
        assert!(!reduce(copied.clone(), Action::Lang(Lang::Zh)).link_copied, "the language is in the link");
        assert!(set(copied, "tasks", "not a number").link_copied, "a value the page refuses changes no link");
    }

    #[test]
    fn a_late_answer_for_a_week_asked_before_is_not_shown() {
        let said = |text: &str| Some(Err(text.to_string()));
        let s = reduce(State::default(), Action::Week("a".into(), None));
        let s = reduce(s, Action::Week("b".into(), None));
        let s = reduce(s, Action::Week("a".into(), said("for a")));
        assert_eq!(s.week_answer(), None, "b is still being worked out");
        let s = reduce(s, Action::Week("b".into(), said("for b")));
        assert_eq!(s.week_answer(), Some(&Err("for b".to_string())));
        assert_eq!(set(s, "tasks", "3").week_answer().cloned(), Some(Err("for b".to_string())), "until the change settles");
    }

    #[test]
    fn the_slower_views_follow_the_inputs_when_settled() {
        let s = State::from_link("?hours=100", Lang::En);
        assert_eq!(s.settled.hours, 100.0, "a link opens with every view on its state");
        let s = set(set(s, "hours", "101"), "hours", "102");
        assert_eq!((s.inputs.hours, s.settled.hours, s.settling), (102.0, 100.0, true), "changes wait");
        let back = set(s.clone(), "hours", "100");
        assert!(back.settling, "a drag back to where it began still waits");
        let settled = reduce(s, Action::Settle);
        assert_eq!(settled.settled.hours, 102.0);
        assert_eq!(reduce(settled.clone(), Action::Settle), settled, "settling with nothing waiting changes nothing (no render)");
    }

    #[test]
    fn typed_text_is_shown_until_the_field_sets_its_option() {
        let s = reduce(State::default(), Action::Draft(Opt::Ec2, "m6i.xl".into()));
        let s = reduce(s, Action::Loaded("regions/us-east-1/linux-x86-outclassed.json".into(), Err(LoadError::Network)));
        assert_eq!(s.draft, Some(Draft { option: Opt::Ec2, text: "m6i.xl".into(), refused: None }), "a render meanwhile keeps it");
        let s = set(s, "ec2", "m6i.xlarge");
        assert_eq!((s.inputs.ec2.as_str(), s.draft), ("m6i.xlarge", None), "set: the field shows the option again");
    }

    #[test]
    fn a_refused_value_stays_in_its_field_with_the_reason_and_changes_nothing_else() {
        let s = set(State::default(), "tasks", "");
        assert_eq!(s.inputs, Inputs::default());
        let draft = s.draft.clone().expect("the field keeps its text");
        assert_eq!((draft.option, draft.text.as_str()), (Opt::Tasks, ""));
        assert_eq!(
            draft.refused.map(|r| r.reason_in(Lang::En)),
            Some(format!("expected a whole number from 1 to {}", crate::options::MAX_TASKS))
        );
        assert_eq!(set(s.clone(), "tasks", ""), s, "refused again: no new state, no render");
        let s = set(s, "tasks", "4");
        assert_eq!((s.inputs.service().tasks, s.draft), (4, None));
    }

    #[test]
    fn changing_cpu_keeps_a_valid_size() {
        let s = set(State::default(), "mem", "8");
        assert_eq!(s.inputs.service().mem, 8.0);
        let s = set(s, "cpu", "0.5");
        assert_eq!((s.inputs.service().cpu, s.inputs.service().mem), (0.5, 4.0));
        assert!(s.inputs.scenario().is_ok());
    }

    #[test]
    fn invalid_values_are_ignored_not_applied() {
        let s = State::default();
        assert_eq!(set(s.clone(), "tasks", "0").inputs, s.inputs);
        assert_eq!(set(s.clone(), "cpu", "3").inputs, s.inputs);
    }

    #[test]
    fn windows_and_reservations_stay_valid() {
        let s = set(set(State::default(), "cpu", "0.25"), "platform", "windows");
        assert_eq!((s.inputs.service().cpu, s.inputs.service().mem), (1.0, 2.0));
        let s = set(set(State::default(), "capacity", "follow"), "buy", "reserved-1y");
        assert_eq!(s.inputs.capacity, crate::model::ec2::Capacity::AlwaysOn);
        assert!(s.inputs.scenario().is_ok());
    }

    #[test]
    fn a_link_opens_its_state_and_lists_what_it_ignored() {
        let s = State::from_link("?region=eu-west-1&tasks=0", Lang::En);
        assert_eq!((s.inputs.region.as_str(), s.inputs.service().tasks), ("eu-west-1", 10));
        assert_eq!(s.ignored.len(), 1);
        assert!(set(s, "hours", "100").ignored.is_empty(), "the notice goes with the next change");
    }

    #[test]
    fn the_language_comes_from_the_link_else_the_browser_and_the_switcher_wins() {
        let s = State::from_link("?tasks=3", Lang::Zh);
        assert_eq!((s.lang(), s.lang_choice), (Lang::Zh, None), "the browser's, kept out of links");
        let s = State::from_link("?lang=en", Lang::Zh);
        assert_eq!(s.lang(), Lang::En);
        let s = State::from_link("?lang=klingon", Lang::Zh);
        assert_eq!((s.lang(), s.ignored[0].param), (Lang::Zh, crate::share_link::Param::Lang));
        let s = reduce(s, Action::Lang(Lang::En));
        assert_eq!((s.lang(), s.lang_choice), (Lang::En, Some(Lang::En)));
    }

    #[test]
    fn the_chinese_text_arriving_is_a_new_state_and_a_failure_is_tried_again_when_chosen_again() {
        let s = State::from_link("?lang=zh", Lang::En);
        let arrived = Rc::new(s.clone()).reduce(Action::Chinese(Ok(())));
        assert_eq!(arrived.chinese, Some(Ok(())), "a new state, so the page renders in Chinese");
        let s = reduce(s, Action::Chinese(Err(LoadError::Status(404))));
        assert_eq!(s.chinese, Some(Err(LoadError::Status(404))));
        assert_eq!(reduce(s, Action::Lang(Lang::Zh)).chinese, None);
        assert_eq!(reduce(State::default(), Action::Chinese(Ok(()))).chinese, Some(Ok(())), "read text is kept");
    }

    #[test]
    fn loads_are_recorded_by_path() {
        let s = reduce(State::default(), Action::Loading("regions/us-east-1/linux-x86.json".into()));
        assert_eq!(s.prices_load("regions/us-east-1/linux-x86.json"), Some(&Load::Loading));
        let s = reduce(s, Action::Loaded("regions/us-east-1/linux-x86.json".into(), Err(LoadError::Network)));
        assert_eq!(s.prices_load("regions/us-east-1/linux-x86.json"), Some(&Load::Failed(LoadError::Network)));
        assert_eq!(s.ec2.len(), 1, "one entry per file");
        assert_eq!(s.prices_load("regions/eu-west-1/linux-x86.json"), None);
    }

    #[test]
    fn load_errors_in_each_language() {
        assert_eq!(LoadError::Status(503).explain(Lang::En), "HTTP 503");
        assert_eq!(LoadError::Status(503).explain(Lang::Zh), "HTTP 503");
        assert_eq!(LoadError::Network.explain(Lang::Zh), "网络请求失败");
        assert_eq!(
            LoadError::Invalid("eu-west-2: unterminated string".into()).explain(Lang::En),
            "the file is damaged: eu-west-2: unterminated string"
        );
        for e in [LoadError::Network, LoadError::Unreadable, LoadError::Invalid("x".into())] {
            assert!(!e.explain(Lang::Zh).chars().any(|c| c.is_ascii_alphabetic() && c != 'x'), "{e:?} in Chinese");
        }
    }
}
