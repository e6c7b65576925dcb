//! The price sources' titles in Chinese. A translation is keyed by the exact
//! English title the snapshot carries, so a refreshed snapshot whose title
//! changed (a new offer version) shows its new English title, never a stale
//! translation; a test checks the bundled snapshot is fully covered.

use super::{translated, Lang};

const ZH_TITLES: [(&str, &str); 7] = [
    (
        "AWS Price List, AmazonECS offer for us-east-1, version 20250828172723 (trimmed to 12 SKUs)",
        "AWS 价格表：us-east-1 的 AmazonECS 报价文件，版本 20250828172723（精简为 12 个 SKU）",
    ),
    (
        "Fargate on-demand rates per region copied from AWS's price list by public projects (14 rows)",
        "公开项目从 AWS 价格表转录的各区域 Fargate 按需价格（14 行）",
    ),
    (
        "Fargate Spot (2026-09-28) and Compute Savings Plans (2026-09-25) rates for us-east-1, from a research note",
        "us-east-1 的 Fargate Spot（2026-09-28）与计算节省计划（2026-09-25）价格，摘自一份调研笔记",
    ),
    (
        "Fargate and Fargate Spot Linux/x86 rates for 22 regions, January 2021",
        "22 个区域的 Fargate 与 Fargate Spot Linux/x86 价格，2021 年 1 月",
    ),
    (
        "EC2 on-demand, Spot average and Standard all-upfront reserved prices (Vantage's mirror of the AWS Price List)",
        "EC2 按需价格、Spot 平均价格与标准预留实例（全部预付）价格（Vantage 对 AWS 价格表的镜像）",
    ),
    (
        "EC2 DescribeInstanceTypes output (vCPU, memory, architecture, network interfaces)",
        "EC2 DescribeInstanceTypes 的输出（vCPU、内存、架构、网络接口）",
    ),
    ("Amazon ECS developer guide: awsvpc task limits with ENI trunking", "Amazon ECS 开发者指南：启用 ENI 中继时 awsvpc 模式的任务上限"),
];

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
