//! Each service's Fargate bill and the cluster's, for a workload of several
//! services (one service's is the verdict's).

use crate::estimate::Estimate;
use crate::format;
use crate::i18n::Lang;
use crate::model::fargate::FargateOption;
use yew::prelude::*;

pub fn service_costs(e: &Estimate, lang: Lang) -> Html {
    if e.inputs.services.len() < 2 {
        return Html::default();
    }
    let w = lang.words();
    let fargate = &e.evaluation.fargate;
    let usd = |x: Option<f64>| x.map_or_else(|| "—".to_string(), |x| lang.usd(x));
    html! {
        <table class="costs" id="service-costs">
            <thead><tr><th scope="col">{ w.service }</th><th scope="col">{ w.tasks }</th><th scope="col">{ w.task_size }</th><th scope="col">{ w.fargate_month }</th></tr></thead>
            <tbody>
                { for e.inputs.services.iter().enumerate().map(|(k, s)| html! {
                    <tr>
                        <th scope="row">{ s.name.clone() }</th>
                        <td>{ s.tasks }</td>
                        <td>{ format!("{} vCPU / {} GiB", format::quantity(s.cpu), format::quantity(s.mem)) }</td>
                        <td>{ usd(fargate.service_monthly(k, FargateOption::OnDemand)) }</td>
                    </tr>
                }) }
            </tbody>
            <tfoot>
                <tr><th scope="row">{ w.cluster }</th><td>{ e.inputs.tasks() }</td><td></td><td>{ usd(fargate.monthly(FargateOption::OnDemand)) }</td></tr>
            </tfoot>
        </table>
    }
}
