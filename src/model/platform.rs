//! The three Fargate platforms a task can run on.

use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Platform {
    #[serde(rename = "linux-x86")]
    LinuxX86,
    #[serde(rename = "linux-arm")]
    LinuxArm,
    #[serde(rename = "windows")]
    Windows,
}

impl Platform {
    pub const ALL: [Platform; 3] = [Platform::LinuxX86, Platform::LinuxArm, Platform::Windows];

    /// The stable name used in pricing files, share links and the CLI.
    pub fn slug(self) -> &'static str {
        match self {
            Platform::LinuxX86 => "linux-x86",
            Platform::LinuxArm => "linux-arm",
            Platform::Windows => "windows",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Platform> {
        Platform::ALL.into_iter().find(|p| p.slug() == slug)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_round_trip() {
        for p in Platform::ALL {
            assert_eq!(Platform::from_slug(p.slug()), Some(p));
        }
        assert_eq!(Platform::from_slug("linux"), None);
    }
}
