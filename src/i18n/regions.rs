//! Region and geography names in Chinese, as AWS's Chinese console writes
//! them. The snapshot carries the English names; a test checks that every
//! region it lists has a Chinese one here.

use super::{translated, Lang};

const ZH_REGIONS: [(&str, &str); 34] = [
    ("us-east-1", "美国东部（弗吉尼亚北部）"),
    ("us-east-2", "美国东部（俄亥俄）"),
    ("us-west-1", "美国西部（加利福尼亚北部）"),
    ("us-west-2", "美国西部（俄勒冈）"),
    ("ca-central-1", "加拿大（中部）"),
    ("ca-west-1", "加拿大西部（卡尔加里）"),
    ("mx-central-1", "墨西哥（中部）"),
    ("sa-east-1", "南美洲（圣保罗）"),
    ("eu-central-1", "欧洲（法兰克福）"),
    ("eu-central-2", "欧洲（苏黎世）"),
    ("eu-north-1", "欧洲（斯德哥尔摩）"),
    ("eu-south-1", "欧洲（米兰）"),
    ("eu-south-2", "欧洲（西班牙）"),
    ("eu-west-1", "欧洲（爱尔兰）"),
    ("eu-west-2", "欧洲（伦敦）"),
    ("eu-west-3", "欧洲（巴黎）"),
    ("af-south-1", "非洲（开普敦）"),
    ("il-central-1", "以色列（特拉维夫）"),
    ("me-central-1", "中东（阿联酋）"),
    ("me-south-1", "中东（巴林）"),
    ("ap-east-1", "亚太地区（香港）"),
    ("ap-east-2", "亚太地区（台北）"),
    ("ap-northeast-1", "亚太地区（东京）"),
    ("ap-northeast-2", "亚太地区（首尔）"),
    ("ap-northeast-3", "亚太地区（大阪）"),
    ("ap-south-1", "亚太地区（孟买）"),
    ("ap-south-2", "亚太地区（海得拉巴）"),
    ("ap-southeast-1", "亚太地区（新加坡）"),
    ("ap-southeast-2", "亚太地区（悉尼）"),
    ("ap-southeast-3", "亚太地区（雅加达）"),
    ("ap-southeast-4", "亚太地区（墨尔本）"),
    ("ap-southeast-5", "亚太地区（马来西亚）"),
    ("ap-southeast-6", "亚太地区（新西兰）"),
    ("ap-southeast-7", "亚太地区（泰国）"),
];

const ZH_GEOGRAPHIES: [(&str, &str); 6] = [
    ("North America", "北美洲"),
    ("South America", "南美洲"),
    ("Europe", "欧洲"),
    ("Africa", "非洲"),
    ("Middle East", "中东"),
    ("Asia Pacific", "亚太地区"),
];

/// The region's name in `lang`; the snapshot's English name where no
/// translation is known (a region added by a later refresh).
pub fn region_name<'a>(lang: Lang, code: &str, english: &'a str) -> &'a str {
    translated(lang, &ZH_REGIONS, code).unwrap_or(english)
}

pub fn geography(lang: Lang, english: &str) -> &str {
    translated(lang, &ZH_GEOGRAPHIES, english).unwrap_or(english)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pricing::Manifest;

    #[test]
    fn every_region_and_geography_of_the_snapshot_reads_in_chinese() {
        let manifest = Manifest::bundled().unwrap();
        for r in &manifest.regions {
            assert!(translated(Lang::Zh, &ZH_REGIONS, &r.code).is_some(), "{} has no Chinese name", r.code);
            assert_ne!(geography(Lang::Zh, &r.geography), r.geography, "{} has no Chinese name", r.geography);
        }
        assert_eq!(region_name(Lang::Zh, "us-east-1", "US East (N. Virginia)"), "美国东部（弗吉尼亚北部）");
        assert_eq!(region_name(Lang::Zh, "xx-new-1", "Somewhere (New)"), "Somewhere (New)");
    }
}
