//! Where the numbers on screen came from: source, date, and whether each is
//! AWS's own, a third party's copy of it, or derived.

use super::Shared;
use crate::i18n::zh::{fill, zh, Zh};
use crate::i18n::Lang;
use crate::model::fargate::FargateOption;
use crate::model::line::Line;
use crate::pricing::{Manifest, PriceClass, Provenance, RegionPrices, ValueOrigin};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SourcesProps {
    pub manifest: Shared<Manifest>,
    /// The region file of the prices shown. Compared by pointer, so a slider
    /// step does not re-render the sources.
    pub prices: Option<Shared<RegionPrices>>,
    pub lang: Lang,
}

/// One value class and its source. Notes (which file, which row) are quoted
/// as the snapshot writes them, in English, and marked `lang="en"` so a screen
/// reader reads them in the right voice; so is a title with no translation.
fn item(manifest: &Manifest, lang: Lang, id: &str, what: &str, origin: &ValueOrigin) -> Html {
    let english = manifest.source(&origin.source).map_or(origin.source.as_str(), |s| s.title.as_str());
    let (title, title_is_english) = crate::i18n::sources::title(lang, english);
    let words = lang.words();
    let as_of = origin.as_of.as_deref().map_or_else(|| words.undated.to_string(), |d| lang.date(d));
    let kind = words.provenance(origin.provenance);
    let quoted = |text: String| html! { <span lang="en">{ text }</span> };
    html! {
        <li id={id.to_string()} data-provenance={(origin.provenance == Provenance::Derived).then_some("derived")}>
            <strong>{ match lang { Lang::En => format!("{what}: "), Lang::Zh => format!("{what}{}", zh(Zh::colon)) } }</strong>
            if title_is_english { { quoted(title.to_string()) } } else { { title } }
            { match lang { Lang::En => format!(", as of {as_of} ({kind})"), Lang::Zh => fill(Zh::source_as_of, &[&as_of, kind]) } }
            if let Some(note) = &origin.note {
                <span class="note">{ " — " }{ quoted(note.clone()) }</span>
            }
        </li>
    }
}

/// The sources of every price class in a region file, Fargate's first:
/// each item's id says its class (`source-fargate-spot`, `source-ec2`, …).
fn listed(m: &Manifest, lang: Lang, prices: &RegionPrices) -> Html {
    html! {
        <ul>
            { for prices.origins().into_iter().map(|(class, origin)| {
                let what = crate::i18n::sources::price_class(lang, class, prices.platform, &prices.region);
                item(m, lang, &item_id(class), &what, origin)
            }) }
        </ul>
    }
}

/// `source-fargate` (on-demand), `source-fargate-spot`, `source-ec2-managed-instances-fee`, …
fn item_id(class: PriceClass) -> String {
    match class {
        PriceClass::Fargate(FargateOption::OnDemand) => "source-fargate".into(),
        PriceClass::Fargate(o) => format!("source-{}", Line::Fargate(o).id()),
        PriceClass::FargateStorage => "source-fargate-storage".into(),
        PriceClass::Ec2 => "source-ec2".into(),
        PriceClass::Ec2Spot => "source-ec2-spot".into(),
        PriceClass::Ec2Extra(e) => format!("source-ec2-{}", e.column().replace('_', "-")),
        PriceClass::ManagedFeeShare => "source-managed-fee-share".into(),
        PriceClass::CpuCreditRates => "source-cpu-credits".into(),
        PriceClass::PublicIpv4 => "source-public-ipv4".into(),
        PriceClass::EbsGp3 => "source-ebs-gp3".into(),
    }
}

#[function_component(Sources)]
pub fn sources(props: &SourcesProps) -> Html {
    let (lang, m) = (props.lang, &props.manifest);
    let words = lang.words();
    let snapshot = match lang {
        Lang::En => format!("Pricing snapshot: newest data {}. ", m.date),
        Lang::Zh => fill(Zh::source_snapshot, &[&lang.date(&m.date)]),
    };
    html! {
        <footer class="sources" id="sources">
            <h2>{ words.sources_title }</h2>
            if let Some(prices) = &props.prices {
                { listed(m, lang, prices) }
            }
            <p>
                { snapshot }
                { words.sources_and_licences }<a href="pricing/SOURCES.md">{ "pricing/SOURCES.md" }</a>{ match lang { Lang::En => ".", Lang::Zh => zh(Zh::full_stop) } }
            </p>
        </footer>
    }
}
