//! Region and geography names in Chinese, as AWS's Chinese console writes
//! them (in `zh.json`). The snapshot carries the English names; a test
//! checks that every region it lists has a Chinese one.

use super::{translated, Lang};

/// The region's name in `lang`; the snapshot's English name where no
/// translation is known (a region added by a later refresh).
pub fn region_name<'a>(lang: Lang, code: &str, english: &'a str) -> &'a str {
    translated(lang, code).unwrap_or(english)
}

pub fn geography(lang: Lang, english: &str) -> &str {
    translated(lang, english).unwrap_or(english)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pricing::Manifest;

    #[test]
    fn every_region_and_geography_of_the_snapshot_reads_in_chinese() {
        let manifest = Manifest::bundled().unwrap();
        for r in &manifest.regions {
            assert!(translated(Lang::Zh, &r.code).is_some(), "{} has no Chinese name", r.code);
            assert_ne!(geography(Lang::Zh, &r.geography), r.geography, "{} has no Chinese name", r.geography);
        }
        assert_eq!(region_name(Lang::Zh, "us-east-1", "US East (N. Virginia)"), "美国东部（弗吉尼亚北部）");
        assert_eq!(region_name(Lang::Zh, "xx-new-1", "Somewhere (New)"), "Somewhere (New)");
    }
}
