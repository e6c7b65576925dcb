//! The numbers behind the chart, as a table (also the chart's text alternative).

use super::state::{Quote, Unavailable};
use crate::format;
use crate::model::fargate::Unsupported;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CostTableProps {
    pub quotes: Vec<Quote>,
}

#[function_component(CostTable)]
pub fn cost_table(props: &CostTableProps) -> Html {
    html! {
        <table class="costs">
            <caption>{ "Fargate on-demand, USD" }</caption>
            <thead>
                <tr><th scope="col">{ "Platform" }</th><th scope="col">{ "per task-hour" }</th><th scope="col">{ "per month" }</th></tr>
            </thead>
            <tbody>
                { for props.quotes.iter().map(|q| {
                    let slug = q.platform.slug();
                    match &q.cost {
                        Ok(cost) => html! {
                            <tr id={format!("row-{slug}")}>
                                <th scope="row">{ q.platform.label() }</th>
                                <td class="num" id={format!("task-hour-{slug}")}>{ format::usd_rate(cost.task_hour) }</td>
                                <td class="num" id={format!("monthly-{slug}")}>{ format::usd(cost.monthly) }</td>
                            </tr>
                        },
                        Err(why) => html! {
                            <tr id={format!("row-{slug}")} class="unavailable">
                                <th scope="row">{ q.platform.label() }</th>
                                <td colspan="2">{ reason(why) }</td>
                            </tr>
                        },
                    }
                }) }
            </tbody>
        </table>
    }
}

fn reason(why: &Unavailable) -> String {
    match why {
        Unavailable::Unsupported(Unsupported::WindowsBelowOneVcpu(_)) => "not offered below 1 vCPU".to_string(),
        Unavailable::Unsupported(other) => other.to_string(),
        Unavailable::NoPrice => "no published price in this region".to_string(),
    }
}
