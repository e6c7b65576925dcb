//! What each class of prices and each source is called. A source title's
//! Chinese (in `zh.json`) is keyed by the exact English title the snapshot carries, so a refreshed snapshot whose title
//! changed (a new offer version) shows its new English title, never a stale
//! translation; a test checks the bundled snapshot is fully covered.

use super::zh::{fill, zh, Zh};
use super::{translated, Lang};
use crate::model::fargate::FargateOption;
use crate::model::line::Line;
use crate::model::platform::Platform;
use crate::pricing::{Ec2Extra, PriceClass};

/// What a class of prices is, as the page's list of sources names it, for a
/// region file of `platform` in `region`.
pub fn price_class(lang: Lang, class: PriceClass, platform: Platform, region: &str) -> String {
    let platform = super::platform(platform);
    let words = lang.words();
    if lang == Lang::Zh {
        let key = match class {
            PriceClass::Fargate(FargateOption::OnDemand) => return fill(Zh::source_fargate_on_demand, &[platform]),
            PriceClass::Ec2 => return fill(Zh::source_ec2, &[region, platform]),
            PriceClass::Fargate(o) => return words.line(Line::Fargate(o)).to_string(),
            PriceClass::Ec2Spot => return words.ec2_spot.to_string(),
            PriceClass::FargateStorage => Zh::source_storage,
            PriceClass::Ec2Extra(Ec2Extra::ComputeSavingsPlan1y) => Zh::source_compute_sp_1y,
            PriceClass::Ec2Extra(Ec2Extra::ComputeSavingsPlan3y) => Zh::source_compute_sp_3y,
            PriceClass::Ec2Extra(Ec2Extra::InstanceSavingsPlan1y) => Zh::source_instance_sp_1y,
            PriceClass::Ec2Extra(Ec2Extra::InstanceSavingsPlan3y) => Zh::source_instance_sp_3y,
            PriceClass::Ec2Extra(Ec2Extra::ManagedInstancesFee) => Zh::source_managed_fee,
            PriceClass::ManagedFeeShare => Zh::source_managed_fee_share,
            PriceClass::CpuCreditRates => Zh::source_cpu_credits,
            PriceClass::PublicIpv4 => Zh::source_public_ipv4,
            PriceClass::EbsGp3 => Zh::source_ebs,
        };
        return zh(key).to_string();
    }
    match class {
        PriceClass::Fargate(FargateOption::OnDemand) => format!("Fargate {platform} on-demand"),
        PriceClass::Fargate(o) => words.line(Line::Fargate(o)).to_string(),
        PriceClass::FargateStorage => "Fargate ephemeral storage above 20 GiB".into(),
        PriceClass::Ec2 => format!("EC2 {platform} in {region}"),
        PriceClass::Ec2Spot => words.ec2_spot.to_string(),
        PriceClass::Ec2Extra(extra) => match extra {
            Ec2Extra::ComputeSavingsPlan1y => "EC2 Compute Savings Plans 1y",
            Ec2Extra::ComputeSavingsPlan3y => "EC2 Compute Savings Plans 3y",
            Ec2Extra::InstanceSavingsPlan1y => "EC2 Instance Savings Plans 1y",
            Ec2Extra::InstanceSavingsPlan3y => "EC2 Instance Savings Plans 3y",
            Ec2Extra::ManagedInstancesFee => "ECS Managed Instances fee",
        }
        .to_string(),
        PriceClass::ManagedFeeShare => "ECS Managed Instances fee (a share of on-demand)".into(),
        PriceClass::CpuCreditRates => "CPU credits of burstable types (unlimited mode)".into(),
        PriceClass::PublicIpv4 => "Public IPv4 addresses".into(),
        PriceClass::EbsGp3 => "EBS gp3 volumes".into(),
    }
}

/// The source's title in `lang`, and whether it is the English original
/// (quoted as such on a Chinese page).
pub fn title(lang: Lang, english: &str) -> (&str, bool) {
    translated(lang, english).map_or((english, true), |zh| (zh, false))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pricing::Manifest;

    #[test]
    fn every_bundled_source_has_a_chinese_title_and_a_changed_one_stays_english() {
        let manifest = Manifest::bundled().unwrap();
        for s in &manifest.sources {
            assert!(!title(Lang::Zh, &s.title).1, "no Chinese title for {}", s.id);
        }
        assert_eq!(
            title(Lang::Zh, "AWS Price List, AmazonECS offer for us-east-1, version 2027"),
            ("AWS Price List, AmazonECS offer for us-east-1, version 2027", true)
        );
    }
}
