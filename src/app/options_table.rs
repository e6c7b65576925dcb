//! Every way of paying side by side: the numbers behind the chart, and its
//! text alternative. The answer first (monthly cost, break-even), then how
//! the fleet gets there: on a phone the table scrolls sideways, and the
//! columns a reader needs most are the ones in view.

use crate::estimate::{self, Estimate};
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
                <td colspan="3"></td>
            </tr>
        }
    });
    let fleet_rows = Line::ALL.into_iter().filter_map(|line| {
        let (launch, option) = line.fleet()?;
        if let Some((missing, first)) = estimate::missing(e, line) {
            return first.then(|| html! {
                <tr id={line.id()} class="unavailable"><td colspan="7">{ w.missing(missing) }</td></tr>
            });
        }
        Some(match ev.monthly(line) {
            Some(monthly) => html! {
                <tr id={line.id()}>
                    <th scope="row">{ w.line(line) }</th>
                    <td class="num">{ lang.usd(monthly) }</td>
                    <td class="num">{ ev.break_even_of(launch, option).map_or_else(|| w.none.to_string(), |b| lang.break_even(&b)) }</td>
                    <td class="num">{ per_task_hour(monthly) }</td>
                    <td class="num">{ format!("{} × {}", ev.ec2.instances, ev.ec2.candidate.name) }</td>
                    <td class="num">{ ev.ec2.packing.tasks_per_instance }</td>
                    <td class="num">{ format!("{} / {}", crate::format::percent(ev.ec2.utilisation.vcpu), crate::format::percent(ev.ec2.utilisation.memory)) }</td>
                </tr>
            },
            None => html! {
                <tr id={line.id()} class="unavailable">
                    <th scope="row">{ w.line(line) }</th>
                    <td colspan="6">{ match lang {
                        Lang::En => format!("no {} price for {} here", option.slug(), ev.ec2.candidate.name),
                        Lang::Zh => format!("此区域没有 {} 的{}价格", ev.ec2.candidate.name, w.line(line)),
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
                Lang::Zh => format!("每个任务 {} 时的费用（美元）", lang.hours(ev.fargate.billed_hours)),
            } }</caption>
            <thead>
                <tr>
                    <th scope="col">{ w.option }</th>
                    <th scope="col">{ w.per_month }</th>
                    <th scope="col">{ w.break_even }</th>
                    <th scope="col">{ w.per_task_hour }</th>
                    <th scope="col">{ w.instances }</th>
                    <th scope="col">{ w.tasks_per_instance }</th>
                    <th scope="col">{ w.used }</th>
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
