//! Every purchase option side by side: the numbers behind the chart, and its
//! text alternative.

use crate::estimate::{self, Estimate};
use crate::format;
use crate::model::ec2::PurchaseOption;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OptionsTableProps {
    pub estimate: Rc<Estimate>,
}

fn percent(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

#[function_component(OptionsTable)]
pub fn options_table(props: &OptionsTableProps) -> Html {
    let e = &props.estimate;
    let ev = &e.evaluation;
    let per_task_hour = |monthly: f64| estimate::ec2_per_task_hour(e, monthly).map_or_else(|| "—".to_string(), format::usd_fine);
    let fargate_rows = estimate::fargate_rows(e).into_iter().map(|row| {
        let id = row.label.to_lowercase().replace(' ', "-");
        html! {
            <tr id={id}>
                <th scope="row">{ row.label }</th>
                <td class="num">{ format::usd(row.monthly) }</td>
                <td class="num">{ format::usd_fine(row.task_hour) }</td>
                <td colspan="4"></td>
            </tr>
        }
    });
    let ec2_rows = PurchaseOption::ALL.into_iter().map(|o| {
        let id = format!("ec2-{}", o.slug());
        match ev.ec2.monthly(o) {
            Some(monthly) => html! {
                <tr id={id}>
                    <th scope="row">{ o.label() }</th>
                    <td class="num">{ format::usd(monthly) }</td>
                    <td class="num">{ per_task_hour(monthly) }</td>
                    <td class="num">{ format!("{} × {}", ev.ec2.instances, ev.ec2.candidate.name) }</td>
                    <td class="num">{ ev.ec2.packing.tasks_per_instance }</td>
                    <td class="num">{ format!("{} / {}", percent(ev.ec2.utilisation.vcpu), percent(ev.ec2.utilisation.memory)) }</td>
                    <td class="num">{ ev.break_even(o).map_or_else(|| "none".to_string(), |h| format!("{} h", h.round())) }</td>
                </tr>
            },
            None => html! {
                <tr id={id} class="unavailable">
                    <th scope="row">{ o.label() }</th>
                    <td colspan="6">{ format!("no {} price for {} here", o.slug(), ev.ec2.candidate.name) }</td>
                </tr>
            },
        }
    });
    html! {
        <div class="table-scroll">
        <table class="costs" id="options">
            <caption>{ format!("At {} h per task, USD", format::quantity(ev.fargate.billed_hours)) }</caption>
            <thead>
                <tr>
                    <th scope="col">{ "Option" }</th>
                    <th scope="col">{ "per month" }</th>
                    <th scope="col">{ "per task-hour" }</th>
                    <th scope="col">{ "instances" }</th>
                    <th scope="col">{ "tasks per instance" }</th>
                    <th scope="col">{ "vCPU / memory used" }</th>
                    <th scope="col">{ "break-even" }</th>
                </tr>
            </thead>
            <tbody>
                { for fargate_rows }
                { for ec2_rows }
            </tbody>
        </table>
        </div>
    }
}
