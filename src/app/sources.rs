//! Where the numbers on screen came from: source, date, and whether each is
//! AWS's own, a third party's copy of it, or derived.

use super::state::Quote;
use super::Shared;
use crate::pricing::{Manifest, Provenance};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SourcesProps {
    pub manifest: Shared<Manifest>,
    pub quotes: Vec<Quote>,
}

fn kind(p: Provenance) -> &'static str {
    match p {
        Provenance::Published => "published by AWS",
        Provenance::Secondary => "AWS's price as copied by a third party",
        Provenance::Derived => "derived",
    }
}

#[function_component(Sources)]
pub fn sources(props: &SourcesProps) -> Html {
    html! {
        <footer class="sources" id="sources">
            <h2>{ "Where these prices come from" }</h2>
            <ul>
                { for props.quotes.iter().filter_map(|q| {
                    let origin = q.origin.as_ref()?;
                    let source = props.manifest.source(&origin.source)?;
                    let as_of = origin.as_of.as_deref().unwrap_or("undated");
                    Some(html! {
                        <li id={format!("source-{}", q.platform.slug())} class={classes!((origin.provenance == Provenance::Derived).then_some("derived"))}>
                            <strong>{ format!("Fargate {}: ", q.platform.label()) }</strong>
                            { format!("{}, as of {as_of} ({})", source.title, kind(origin.provenance)) }
                            if let Some(note) = &origin.note {
                                <span class="note">{ format!(" — {note}") }</span>
                            }
                        </li>
                    })
                }) }
            </ul>
            <p>
                { format!("Pricing snapshot: newest data {}. ", props.manifest.date) }
                { "Sources and licences: " }<a href="pricing/SOURCES.md">{ "pricing/SOURCES.md" }</a>{ "." }
            </p>
        </footer>
    }
}
