//! Turning numbers (and quoted values) into text for people. Rounding happens
//! here and only here.

/// `"text"`, for quoting a value in a message, as Rust's `{:?}` writes it for
/// everyday text: `"` and `\` escaped, tab, newline, CR and NUL as `\t` `\n`
/// `\r` `\0`, other control characters as `\u{…}`, everything else as is. Not `{:?}`: str's `Debug`
/// brings Unicode tables into the wasm that gzip cannot shrink (3.5 KB).
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\t' => out += "\\t",
            '\n' => out += "\\n",
            '\r' => out += "\\r",
            '\0' => out += "\\0",
            c if c.is_control() => out += &format!("\\u{{{:x}}}", c as u32),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// "$1,234.56": USD rounded to the cent, with thousands separators.
pub fn usd(amount: f64) -> String {
    if !amount.is_finite() {
        return "—".to_string();
    }
    let cents = (amount.abs() * 100.0).round() as u64;
    let sign = if amount < 0.0 && cents > 0 { "-" } else { "" };
    format!("{sign}${}.{:02}", thousands(cents / 100), cents % 100)
}

/// "$0.04937": a rate, with enough digits to show it is not rounded away.
pub fn usd_rate(amount: f64) -> String {
    if !amount.is_finite() {
        return "—".to_string();
    }
    // Prices are published to at most 8 decimals; trim the zeros after the 4th.
    let text = format!("{amount:.8}");
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let keep = frac.trim_end_matches('0').len().max(4);
    format!("${int}.{}", &frac[..keep])
}

/// "$0.2145": a computed cost per unit, to a hundredth of a cent.
pub fn usd_fine(amount: f64) -> String {
    if !amount.is_finite() {
        return "—".to_string();
    }
    format!("${amount:.4}")
}

fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// "0.25", "1", "16": a vCPU or GiB count without trailing zeros.
pub fn quantity(x: f64) -> String {
    let text = format!("{x:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// ECS CPU units as a vCPU count: 256 → "0.25".
pub fn vcpu(cpu_units: u32) -> String {
    quantity(crate::model::task_size::vcpu_of(cpu_units))
}

/// MiB as a GiB count: 512 → "0.5".
pub fn gib(mib: u32) -> String {
    quantity(crate::model::task_size::gib_of(mib))
}

/// Share of the 730-hour month, as a whole percentage.
pub fn percent_of_month(hours: f64) -> String {
    format!("{}%", (hours / crate::model::HOURS_PER_MONTH * 100.0).round())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_values_read_like_rusts_debug_and_stay_on_one_line() {
        for text in ["m5.large", "", "say \"hi\"", "a\\b", "tab\there", "new\nline\r\0", "\u{7f}\u{9f}\u{1}", "ünïcode 中文 😀"] {
            assert_eq!(quoted(text), format!("{text:?}"), "{text}");
        }
        assert!(!quoted("\u{1b}[31mred").contains('\u{1b}'), "no terminal escapes");
    }

    #[test]
    fn money() {
        assert_eq!(usd(360.401), "$360.40");
        assert_eq!(usd(1234567.006), "$1,234,567.01");
        assert_eq!(usd(0.0), "$0.00");
        assert_eq!(usd(999.999), "$1,000.00");
        assert_eq!(usd(-12.5), "-$12.50");
        assert_eq!(usd(f64::NAN), "—");
    }

    #[test]
    fn rates() {
        assert_eq!(usd_rate(0.04937), "$0.04937");
        assert_eq!(usd_rate(0.1), "$0.1000");
        assert_eq!(usd_rate(0.00511175), "$0.00511175");
        assert_eq!(usd_fine(0.21450082), "$0.2145");
    }

    #[test]
    fn quantities_and_shares() {
        assert_eq!(quantity(0.25), "0.25");
        assert_eq!(quantity(0.5), "0.5");
        assert_eq!(quantity(16.0), "16");
        assert_eq!(vcpu(256), "0.25");
        assert_eq!(vcpu(16384), "16");
        assert_eq!(gib(512), "0.5");
        assert_eq!(gib(1740), "1.7"); // c1.medium's 1.7 GiB
        assert_eq!(percent_of_month(365.0), "50%");
        assert_eq!(percent_of_month(730.0), "100%");
    }
}
