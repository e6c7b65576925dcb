//! Downloads for the refresh: every error names the address and why (an HTTP
//! status, a connection that broke, a body cut short), and a body is read as
//! a stream, so a file of gigabytes never has to fit in memory.

use std::io::Read;
use std::time::Duration;

/// A body being downloaded, and the date its server says it was last
/// changed (`Last-Modified`, as YYYY-MM-DD), if it says.
pub struct Download {
    pub url: String,
    pub last_modified: Option<String>,
    pub body: Box<dyn Read + Send>,
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_connect(Some(Duration::from_secs(30)))
        // A whole EC2 offer takes minutes; an hour means something is wrong.
        .timeout_recv_body(Some(Duration::from_secs(3600)))
        .http_status_as_error(false)
        .build()
        .into()
}

/// Starts downloading `url`: Ok once the server answered 200.
pub fn get(url: &str) -> Result<Download, String> {
    let response = agent().get(url).call().map_err(|e| format!("{url}: {e}"))?;
    let status = response.status();
    if status != 200 {
        return Err(format!("{url}: HTTP {}", status.as_u16()));
    }
    let last_modified = response.headers().get("last-modified").and_then(|v| v.to_str().ok()).and_then(http_date);
    let (_, body) = response.into_parts();
    // No limit on size: the EC2 offer of a large region is gigabytes.
    let body = body.into_with_config().limit(u64::MAX).reader();
    Ok(Download { url: url.to_string(), last_modified, body: Box::new(body) })
}

/// The whole body of `url` as text (the small files: indexes, feeds).
pub fn text(url: &str) -> Result<(String, Option<String>), String> {
    let mut download = get(url)?;
    let mut text = String::new();
    download.body.read_to_string(&mut text).map_err(|e| format!("{url}: the download broke off: {e}"))?;
    Ok((text, download.last_modified))
}

/// `Sun, 06 Dec 2026 10:00:00 GMT` as `2026-12-06`.
pub fn http_date(value: &str) -> Option<String> {
    let parts: Vec<&str> = value.split_whitespace().collect();
    let [_, day, month, year, ..] = parts[..] else { return None };
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let month = MONTHS.iter().position(|m| *m == month)? + 1;
    let (day, year): (u32, u32) = (day.parse().ok()?, year.parse().ok()?);
    ((1..=31).contains(&day) && year >= 2000).then(|| format!("{year:04}-{month:02}-{day:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_dates() {
        assert_eq!(http_date("Sun, 06 Dec 2026 10:00:00 GMT").as_deref(), Some("2026-12-06"));
        assert_eq!(http_date("Tue, 1 Sep 2026 00:00:00 GMT").as_deref(), Some("2026-09-01"));
        assert_eq!(http_date("yesterday"), None);
        assert_eq!(http_date("Sun, 06 Foo 2026 10:00:00 GMT"), None);
    }
}
