//! A value per platform, for the manifest's per-region counts.
//!
//! At most three entries, kept in `Platform` order: a list, because the page
//! reads these and a B-tree map's code costs kilobytes of wasm for three keys.
//! Written as a JSON object keyed by slug, in platform order (as a `BTreeMap`
//! would be, so the files did not change).

use crate::model::platform::Platform;
use serde::ser::{Serialize, SerializeMap, Serializer};

#[derive(Clone, Debug, PartialEq)]
pub struct PerPlatform<T>(Vec<(Platform, T)>);

impl<T> Default for PerPlatform<T> {
    fn default() -> Self {
        PerPlatform(Vec::new())
    }
}

impl<T> PerPlatform<T> {
    pub fn get(&self, platform: &Platform) -> Option<&T> {
        self.0.iter().find(|(p, _)| p == platform).map(|(_, v)| v)
    }

    /// Sets the platform's value, replacing one already there.
    pub fn insert(&mut self, platform: Platform, value: T) {
        match self.0.iter().position(|(p, _)| *p >= platform) {
            Some(i) if self.0[i].0 == platform => self.0[i].1 = value,
            Some(i) => self.0.insert(i, (platform, value)),
            None => self.0.push((platform, value)),
        }
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn keys(&self) -> impl Iterator<Item = &Platform> {
        self.0.iter().map(|(p, _)| p)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&Platform, &T)> {
        self.0.iter().map(|(p, v)| (p, v))
    }
}

impl<'a, T> IntoIterator for &'a PerPlatform<T> {
    type Item = (&'a Platform, &'a T);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (Platform, T)>, fn(&'a (Platform, T)) -> (&'a Platform, &'a T)>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(p, v)| (p, v))
    }
}

impl<T> FromIterator<(Platform, T)> for PerPlatform<T> {
    fn from_iter<I: IntoIterator<Item = (Platform, T)>>(items: I) -> Self {
        let mut out = PerPlatform::default();
        for (platform, value) in items {
            out.insert(platform, value);
        }
        out
    }
}

impl<T: Serialize> Serialize for PerPlatform<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (platform, value) in &self.0 {
            map.serialize_entry(platform, value)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_in_platform_order_one_value_each() {
        let mut m: PerPlatform<u32> = [(Platform::Windows, 3), (Platform::LinuxX86, 1)].into_iter().collect();
        m.insert(Platform::LinuxArm, 2);
        m.insert(Platform::Windows, 30);
        assert_eq!(
            m.iter().map(|(p, v)| (*p, *v)).collect::<Vec<_>>(),
            [(Platform::LinuxX86, 1), (Platform::LinuxArm, 2), (Platform::Windows, 30)]
        );
        assert_eq!((m.get(&Platform::LinuxArm), PerPlatform::<u32>::default().get(&Platform::LinuxArm)), (Some(&2), None));
        m.insert(Platform::LinuxX86, 11);
        assert_eq!(serde_json::to_string(&m).unwrap(), r#"{"linux-x86":11,"linux-arm":2,"windows":30}"#);
    }
}
