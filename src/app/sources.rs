//! Where the numbers on screen came from: source, date, and whether each is
//! AWS's own, a third party's copy of it, or derived.

use super::Shared;
use crate::estimate::Estimate;
use crate::pricing::{Manifest, Provenance, ValueOrigin};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SourcesProps {
    pub manifest: Shared<Manifest>,
    pub estimate: Rc<Estimate>,
    pub ec2_origin: Option<ValueOrigin>,
}

fn kind(p: Provenance) -> &'static str {
    match p {
        Provenance::Published => "published by AWS",
        Provenance::Secondary => "AWS's price as copied by a third party",
        Provenance::Derived => "derived",
    }
}

fn item(manifest: &Manifest, id: &str, what: &str, origin: &ValueOrigin) -> Html {
    let title = manifest.source(&origin.source).map_or(origin.source.as_str(), |s| s.title.as_str());
    let as_of = origin.as_of.as_deref().unwrap_or("undated");
    html! {
        <li id={id.to_string()} class={classes!((origin.provenance == Provenance::Derived).then_some("derived"))}>
            <strong>{ format!("{what}: ") }</strong>
            { format!("{title}, as of {as_of} ({})", kind(origin.provenance)) }
            if let Some(note) = &origin.note {
                <span class="note">{ format!(" — {note}") }</span>
            }
        </li>
    }
}

#[function_component(Sources)]
pub fn sources(props: &SourcesProps) -> Html {
    let i = &props.estimate.inputs;
    let fargate = props.manifest.fargate(&i.region, i.platform);
    html! {
        <footer class="sources" id="sources">
            <h2>{ "Where these prices come from" }</h2>
            <ul>
                if let Some(f) = fargate {
                    { item(&props.manifest, "source-fargate", &format!("Fargate {} on-demand", i.platform.label()), &f.on_demand.origin) }
                    if let Some(spot) = &f.spot {
                        { item(&props.manifest, "source-fargate-spot", "Fargate Spot", &spot.origin) }
                    }
                }
                if let Some(origin) = &props.ec2_origin {
                    { item(&props.manifest, "source-ec2", &format!("EC2 {} in {}", i.platform.label(), i.region), origin) }
                }
            </ul>
            <p>
                { format!("Pricing snapshot: newest data {}. ", props.manifest.date) }
                { "Sources and licences: " }<a href="pricing/SOURCES.md">{ "pricing/SOURCES.md" }</a>{ "." }
            </p>
        </footer>
    }
}
