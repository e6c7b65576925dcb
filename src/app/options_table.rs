//! Every way of paying side by side: the numbers behind the chart, and its
//! text alternative: monthly cost, break-even, cost per task-hour. The fleet
//! they price is the packing sentence's, one for every row.

use crate::estimate::{self, Estimate};
use crate::i18n::zh::{fill, Zh};
use crate::i18n::Lang;
use crate::model::line::Line;
use yew::prelude::*;

/// `busy`: it is waiting for a burst of changes to end (`State::settled`),
/// so assistive technology waits too.
pub fn options_table(e: &Estimate, lang: Lang, busy: bool) -> Html {
    let ev = &e.evaluation;
    let w = lang.words();
    let per_task_hour = |monthly: f64| estimate::ec2_per_task_hour(e, monthly).map_or_else(|| "—".to_string(), |usd| lang.usd_fine(usd));
    let fargate_rows = estimate::fargate_rows(e).into_iter().map(|row| {
        let line = Line::Fargate(row.option);
        html! {
            <tr id={line.id()}>
                <th scope="row">{ w.line(line) }</th>
                <td class="num">{ lang.usd(row.monthly) }</td>
                <td></td>
                <td class="num">{ lang.usd_fine(row.task_hour) }</td>
            </tr>
        }
    });
    let fleet_rows = Line::ALL.into_iter().filter_map(|line| {
        let (launch, option) = line.fleet()?;
        if let Some((missing, first)) = estimate::missing(e, line) {
            return first.then(|| {
                html! {
                    <tr id={line.id()} class="unavailable"><td colspan="4">{ w.missing(missing) }</td></tr>
                }
            });
        }
        Some(match ev.monthly(line) {
            Some(monthly) => html! {
                <tr id={line.id()}>
                    <th scope="row">{ w.line(line) }</th>
                    <td class="num">{ lang.usd(monthly) }</td>
                    <td class="num">{ ev.break_even_of(launch, option).map_or_else(|| w.none.to_string(), |b| lang.break_even(&b)) }</td>
                    <td class="num">{ per_task_hour(monthly) }</td>
                </tr>
            },
            None => html! {
                <tr id={line.id()} class="unavailable">
                    <th scope="row">{ w.line(line) }</th>
                    <td colspan="3">{ match lang {
                        Lang::En => format!("no {} price for {} here", option.slug(), ev.ec2.candidate.name),
                        Lang::Zh => fill(Zh::no_price_for, &[&ev.ec2.candidate.name, w.line(line)]),
                    } }</td>
                </tr>
            },
        })
    });
    html! {
        <div class="table-scroll" aria-busy={busy.then_some("true")}>
        <table class="costs" id="options">
            <caption>{ match lang {
                Lang::En => format!("At {} per task, USD", lang.hours(ev.fargate.billed_hours)),
                Lang::Zh => fill(Zh::table_caption, &[&lang.hours(ev.fargate.billed_hours)]),
            } }</caption>
            <thead>
                <tr>
                    <th scope="col">{ w.option }</th>
                    <th scope="col">{ w.per_month }</th>
                    <th scope="col">{ w.break_even }</th>
                    <th scope="col">{ w.per_task_hour }</th>
                </tr>
            </thead>
            <tbody>
                { for fargate_rows }
                { for fleet_rows }
            </tbody>
        </table>
        </div>
    }
}
