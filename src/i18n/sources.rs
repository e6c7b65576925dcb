//! The price sources' titles in Chinese. A translation is keyed by the exact
//! English title the snapshot carries, so a refreshed snapshot whose title
//! changed (a new offer version) shows its new English title, never a stale
//! translation; a test checks the bundled snapshot is fully covered.

use super::{translated, Lang};
use crate::model::fargate::FargateOption;
use crate::model::line::Line;
use crate::model::platform::Platform;
use crate::pricing::{Ec2Extra, PriceClass};

const ZH_TITLES: [(&str, &str); 13] = [
    (
        "AWS Price List, AmazonECS offer for us-east-1, version 20250828172723 (trimmed to 12 SKUs)",
        "AWS 价格表：us-east-1 的 AmazonECS 报价文件，版本 20250828172723（精简为 12 个 SKU）",
    ),
    ("AWS's Fargate pricing-page data: on-demand and storage rates for 35 regions", "AWS Fargate 定价页面数据：35 个区域的按需与存储价格"),
    (
        "Fargate Spot (2026-09-28) and Compute Savings Plans (2026-09-25) rates quoted in a third-party pricing note",
        "第三方定价笔记中引用的 Fargate Spot（2026-09-28）与计算节省计划（2026-09-25）价格",
    ),
    (
        "Fargate Spot rates for São Paulo, copied from AWS's pricing page into a public document (undated)",
        "从 AWS 定价页面转录到公开文档中的圣保罗区域 Fargate Spot 价格（日期不详）",
    ),
    ("Fargate Spot Linux/x86 rates for 22 regions, January 2021", "22 个区域的 Fargate Spot Linux/x86 价格，2021 年 1 月"),
    (
        "EC2 on-demand, Spot average and Standard all-upfront reserved prices (Vantage's mirror of the AWS Price List)",
        "EC2 按需价格、Spot 平均价格与标准预留实例（全部预付）价格（Vantage 对 AWS 价格表的镜像）",
    ),
    (
        "EC2 DescribeInstanceTypes output (vCPU, memory, architecture, network interfaces)",
        "EC2 DescribeInstanceTypes 的输出（vCPU、内存、架构、网络接口）",
    ),
    ("Amazon ECS developer guide: awsvpc task limits with ENI trunking", "Amazon ECS 开发者指南：启用 ENI 中继时 awsvpc 模式的任务上限"),
    (
        "Amazon EC2 User Guide: the CPU credit table of burstable instances (baseline per vCPU)",
        "Amazon EC2 用户指南：突增性能实例的 CPU 积分表（每个 vCPU 的基准）",
    ),
    (
        "Surplus CPU credit rates of unlimited mode, as AWS's EC2 pricing page states them, quoted by a third party",
        "无限模式下超额 CPU 积分的费率，AWS EC2 定价页所列，经第三方引用",
    ),
    ("AWS's VPC pricing-page data: public IPv4 addresses per hour", "AWS VPC 定价页数据：公有 IPv4 地址每小时的价格"),
    (
        "AWS's EBS calculator data: gp3 storage per GB-month in 22 regions, May 2021",
        "AWS EBS 计算器数据：22 个区域的 gp3 存储每 GB 每月价格，2021 年 5 月",
    ),
    (
        "ECS Managed Instances management fees in AWS's examples (c6a.2xlarge in us-east-1, c8g.4xlarge in Tokyo)",
        "AWS 示例中的 ECS 托管实例管理费（us-east-1 的 c6a.2xlarge，东京的 c8g.4xlarge）",
    ),
];

/// What a class of prices is, as the page's list of sources names it, for a
/// region file of `platform` in `region`.
pub fn price_class(lang: Lang, class: PriceClass, platform: Platform, region: &str) -> String {
    let platform = super::platform(platform);
    let zh = lang == Lang::Zh;
    let words = lang.words();
    match class {
        PriceClass::Fargate(FargateOption::OnDemand) if zh => format!("Fargate {platform} 按需"),
        PriceClass::Fargate(FargateOption::OnDemand) => format!("Fargate {platform} on-demand"),
        PriceClass::Fargate(o) => words.line(Line::Fargate(o)).to_string(),
        PriceClass::FargateStorage if zh => "Fargate 超过 20 GiB 的临时存储".into(),
        PriceClass::FargateStorage => "Fargate ephemeral storage above 20 GiB".into(),
        PriceClass::Ec2 if zh => format!("{region} 的 EC2 {platform}"),
        PriceClass::Ec2 => format!("EC2 {platform} in {region}"),
        PriceClass::Ec2Spot => words.ec2_spot.to_string(),
        PriceClass::Ec2Extra(extra) => match (extra, zh) {
            (Ec2Extra::ComputeSavingsPlan1y, false) => "EC2 Compute Savings Plans 1y",
            (Ec2Extra::ComputeSavingsPlan3y, false) => "EC2 Compute Savings Plans 3y",
            (Ec2Extra::InstanceSavingsPlan1y, false) => "EC2 Instance Savings Plans 1y",
            (Ec2Extra::InstanceSavingsPlan3y, false) => "EC2 Instance Savings Plans 3y",
            (Ec2Extra::ManagedInstancesFee, false) => "ECS Managed Instances fee",
            (Ec2Extra::ComputeSavingsPlan1y, true) => "EC2 计算节省计划 1 年",
            (Ec2Extra::ComputeSavingsPlan3y, true) => "EC2 计算节省计划 3 年",
            (Ec2Extra::InstanceSavingsPlan1y, true) => "EC2 实例节省计划 1 年",
            (Ec2Extra::InstanceSavingsPlan3y, true) => "EC2 实例节省计划 3 年",
            (Ec2Extra::ManagedInstancesFee, true) => "ECS 托管实例管理费",
        }
        .to_string(),
        PriceClass::ManagedFeeShare if zh => "ECS 托管实例管理费（按需价格的一定比例）".into(),
        PriceClass::ManagedFeeShare => "ECS Managed Instances fee (a share of on-demand)".into(),
        PriceClass::CpuCreditRates if zh => "突增性能实例的 CPU 积分（无限模式）".into(),
        PriceClass::CpuCreditRates => "CPU credits of burstable types (unlimited mode)".into(),
        PriceClass::PublicIpv4 if zh => "公有 IPv4 地址".into(),
        PriceClass::PublicIpv4 => "Public IPv4 addresses".into(),
        PriceClass::EbsGp3 if zh => "EBS gp3 卷".into(),
        PriceClass::EbsGp3 => "EBS gp3 volumes".into(),
    }
}

/// The source's title in `lang`, and whether it is the English original
/// (quoted as such on a Chinese page).
pub fn title(lang: Lang, english: &str) -> (&str, bool) {
    translated(lang, &ZH_TITLES, english).map_or((english, true), |zh| (zh, false))
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
