//! Editing the workload's list of services, as the page's services list
//! does: choose the one the per-task options set, add, duplicate, rename,
//! remove. Each keeps the list valid, or refuses with what it accepts.

use super::service::{is_service_name, ServiceInputs, FIRST_NAME};
use super::{InputError, Inputs};
use crate::model::curve::Week;
use crate::options::{Opt, MAX_SERVICES, MAX_TASKS};

/// One edit of the services list.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// The service the per-task options read and set.
    Select(usize),
    /// A new service of the default size, chosen.
    Add,
    /// A copy of a service under a new name, chosen.
    Duplicate(usize),
    /// The chosen service's new name.
    Rename(String),
    /// Whether the chosen service's Fargate tasks carry the daemons.
    Sidecars(bool),
    /// Service k's week of load (None: its count all the time): named by
    /// its place, as a drawing that lands after another service was chosen
    /// still belongs to the one it was drawn on.
    Week(usize, Option<Week>),
    Remove(usize),
}

impl Inputs {
    /// Applies `edit`; a refused one changes nothing.
    pub fn edit(&mut self, edit: Edit) -> Result<(), InputError> {
        let refused = |given: &str, accepted: &str| InputError { option: Opt::Service, given: given.into(), accepted: accepted.into() };
        match edit {
            Edit::Select(k) if k < self.services.len() => self.at = k,
            Edit::Select(_) => {}
            Edit::Add | Edit::Duplicate(_) if self.services.len() >= MAX_SERVICES => {
                return Err(refused(&format!("{} services", self.services.len() + 1), &format!("at most {MAX_SERVICES} services")));
            }
            Edit::Add => {
                let name = self.free_name(FIRST_NAME);
                self.services.push(ServiceInputs { name, ..ServiceInputs::default() });
                self.at = self.services.len() - 1;
            }
            Edit::Duplicate(k) => {
                let Some(copy) = self.services.get(k).cloned() else { return Ok(()) };
                let name = self.free_name(&copy.name);
                self.services.insert(k + 1, ServiceInputs { name, ..copy });
                self.at = k + 1;
            }
            Edit::Rename(name) => {
                let name = name.trim();
                let taken = self.services.iter().enumerate().any(|(k, s)| k != self.at && s.name == name);
                if !is_service_name(name) || taken {
                    return Err(refused(name, "a name not used by another service: 1 to 64 letters, digits, - and _"));
                }
                let at = self.at.min(self.services.len() - 1);
                self.services[at].name = name.to_string();
            }
            Edit::Sidecars(on) => {
                let at = self.at.min(self.services.len() - 1);
                self.services[at].sidecars = on;
            }
            Edit::Week(_, Some(week)) if !(1..=MAX_TASKS).contains(&week.peak()) => {
                return Err(InputError {
                    option: Opt::Curve,
                    given: week.peak().to_string(),
                    accepted: format!("a week with 1 to {MAX_TASKS} tasks at its busiest hour"),
                });
            }
            Edit::Week(k, week) => {
                if let Some(service) = self.services.get_mut(k) {
                    service.set_week(week);
                }
            }
            Edit::Remove(k) if self.services.len() == 1 => {
                let name = self.services.get(k).map_or(FIRST_NAME, |s| s.name.as_str()).to_string();
                return Err(refused(&name, "at least one service in the workload"));
            }
            Edit::Remove(k) if k < self.services.len() => {
                self.services.remove(k);
                if self.at >= k && self.at > 0 {
                    self.at -= 1;
                }
            }
            Edit::Remove(_) => {}
        }
        Ok(())
    }

    /// `base` without a number it ends in, then `-2`, `-3`…: the first no
    /// service has.
    fn free_name(&self, base: &str) -> String {
        let base = base.rsplit_once('-').filter(|(_, n)| n.parse::<u32>().is_ok()).map_or(base, |(b, _)| b);
        let free = |name: &str| !self.services.iter().any(|s| s.name == name);
        (2..).map(|n| format!("{base}-{n}")).find(|name| free(name) && is_service_name(name)).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(i: &Inputs) -> Vec<&str> {
        i.services.iter().map(|s| s.name.as_str()).collect()
    }

    #[test]
    fn add_duplicate_rename_and_remove_keep_a_valid_list() {
        let mut i = Inputs::default();
        i.edit(Edit::Add).unwrap();
        assert_eq!((names(&i), i.at), (vec!["svc-1", "svc-2"], 1));
        i.set(Opt::Tasks, "3").unwrap();
        i.edit(Edit::Duplicate(1)).unwrap();
        assert_eq!((names(&i), i.at, i.service().tasks), (vec!["svc-1", "svc-2", "svc-3"], 2, 3));
        i.edit(Edit::Select(0)).unwrap();
        i.edit(Edit::Rename("web".into())).unwrap();
        i.edit(Edit::Duplicate(0)).unwrap();
        assert_eq!(names(&i), ["web", "web-2", "svc-2", "svc-3"]);
        i.edit(Edit::Select(3)).unwrap();
        i.edit(Edit::Rename(" worker ".into())).unwrap();
        assert_eq!(names(&i)[3], "worker");
        let e = i.edit(Edit::Rename("web".into())).unwrap_err();
        assert_eq!((e.option, e.given.as_str()), (Opt::Service, "web"), "a name another service has");
        assert!(i.edit(Edit::Rename("no spaces".into())).is_err());
        i.edit(Edit::Select(0)).unwrap();
        i.edit(Edit::Remove(1)).unwrap();
        assert_eq!((names(&i), i.at), (vec!["web", "svc-2", "worker"], 0));
        i.edit(Edit::Select(2)).unwrap();
        i.edit(Edit::Remove(0)).unwrap();
        assert_eq!((names(&i), i.at, i.service().name.as_str()), (vec!["svc-2", "worker"], 1, "worker"));
        i.edit(Edit::Remove(1)).unwrap();
        let before = i.clone();
        let e = i.edit(Edit::Remove(0)).unwrap_err();
        assert_eq!((e.accepted.as_str(), &i), ("at least one service in the workload", &before));
        assert!(i.scenario().is_ok());
    }

    #[test]
    fn a_service_week_sets_its_count_and_the_curve_option() {
        use crate::model::curve::preset::business_hours;
        let mut i = Inputs::default();
        i.edit(Edit::Add).unwrap();
        i.edit(Edit::Week(1, Some(business_hours(8, 2)))).unwrap();
        assert_eq!((i.service().tasks, i.text(Opt::Curve).as_str()), (8, "svc-2:2x9.8x9.2x6/2x24"));
        let before = i.clone();
        assert_eq!(i.edit(Edit::Week(1, Some(business_hours(0, 0)))).unwrap_err().option, Opt::Curve);
        assert!(i.edit(Edit::Week(1, Some(business_hours(10_001, 1)))).is_err());
        assert_eq!(i, before, "a refused week changes nothing");
        i.edit(Edit::Week(1, None)).unwrap();
        assert_eq!((i.service().tasks, i.text(Opt::Curve).as_str()), (8, ""));
        // Another service's week, whichever is chosen.
        i.edit(Edit::Week(0, Some(business_hours(4, 1)))).unwrap();
        assert_eq!((i.at, i.services[0].tasks, i.text(Opt::Curve).as_str()), (1, 4, "svc-1:1x9.4x9.1x6/1x24"));
    }

    #[test]
    fn the_list_stops_at_its_most_services() {
        let mut i = Inputs::default();
        for _ in 1..MAX_SERVICES {
            i.edit(Edit::Add).unwrap();
        }
        assert_eq!(i.services.len(), MAX_SERVICES);
        assert!(i.edit(Edit::Add).is_err() && i.edit(Edit::Duplicate(0)).is_err());
        assert!(i.scenario().is_ok(), "50 services of 10 tasks: 500 tasks");
    }
}
