//! The bundled manifest as Rust tables: `pricing/manifest.rs`, which the
//! snapshot command writes beside `manifest.json` and which mirrors it. The
//! page builds its `Manifest` from these instead of parsing the JSON, so
//! neither the manifest's reader nor its key names and quotes are in the wasm
//! (3.5 KB gzip less, with the failure page a JSON error needed, and the
//! sources' licences and origins, which the page links to in SOURCES.md
//! rather than shows). A test checks both give the same manifest. (When
//! `Tables` changes shape, write a placeholder with empty lists first: the
//! snapshot command compiles this.)

use super::{Manifest, Provenance, Region, Source};
use crate::model::platform::Platform;

/// id, title, date, kind: what the page shows of a source. Its file, licence
/// and origin are in SOURCES.md, which the page links to, and manifest.json.
type SourceRow = (&'static str, &'static str, Option<&'static str>, Provenance);
/// Code, name, geography, the platforms with Fargate prices, and the EC2
/// types per platform in `Platform::ALL` order (0: no file).
type RegionRow = (&'static str, &'static str, &'static str, &'static [Platform], [u32; 3]);

pub(super) struct Tables {
    schema: u32,
    date: &'static str,
    default_region: &'static str,
    sources: &'static [SourceRow],
    regions: &'static [RegionRow],
}

const BUNDLED: Tables = include!("../../pricing/manifest.rs");

/// The bundled manifest, from the tables; its sources' `file`, `licence` and
/// `origin` are empty (the page never shows them; SOURCES.md has them).
pub fn bundled() -> Manifest {
    let t = &BUNDLED;
    Manifest {
        schema: t.schema,
        date: t.date.into(),
        default_region: t.default_region.into(),
        sources: t
            .sources
            .iter()
            .map(|&(id, title, date, kind)| Source {
                id: id.into(),
                title: title.into(),
                file: String::new(),
                date: date.map(str::to_string),
                licence: String::new(),
                origin: String::new(),
                kind,
            })
            .collect(),
        regions: t
            .regions
            .iter()
            .map(|&(code, name, geography, fargate, types)| Region {
                code: code.into(),
                name: name.into(),
                geography: geography.into(),
                fargate: fargate.to_vec(),
                ec2_types: Platform::ALL.into_iter().zip(types).filter(|&(_, n)| n > 0).collect(),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_tables_are_the_bundled_manifest_less_what_the_page_never_shows() {
        let mut json = super::Manifest::bundled().unwrap();
        for s in &mut json.sources {
            (s.file, s.licence, s.origin) = Default::default();
        }
        assert_eq!(super::bundled(), json);
    }
}
