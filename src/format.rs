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
    let text = decimals(amount, 2);
    let Some((whole, cents)) = text.split_once('.') else { return text };
    let (sign, digits) = whole.strip_prefix('-').map_or(("", whole), |d| ("-", d));
    format!("{sign}${}.{cents}", thousands(digits))
}

/// "$0.04937": a rate, with enough digits to show it is not rounded away.
pub fn usd_rate(amount: f64) -> String {
    // Prices are published to at most 8 decimals; trim the zeros after the 4th.
    let text = decimals(amount, 8);
    let Some((int, frac)) = text.split_once('.') else { return text };
    let keep = frac.trim_end_matches('0').len().max(4);
    format!("${int}.{}", &frac[..keep])
}

/// "$0.2145": a computed cost per unit, to a hundredth of a cent.
pub fn usd_fine(amount: f64) -> String {
    let text = decimals(amount, 4);
    if text == "—" {
        text
    } else {
        format!("${text}")
    }
}

/// `x` with `places` decimals (at most 8): what `format!("{x:.places$}")`
/// writes, except that a value on a tie rounds away from zero (std rounds it
/// to even), without `f64`'s `Display`, which is among the largest functions
/// in the wasm. "—" for what is not a finite number, or too large to write
/// this way (10^19 in units of the last place; nothing shown here comes near).
pub fn decimals(x: f64, places: u32) -> String {
    let scale = 10u64.pow(places.min(8));
    let scaled = (x.abs() * scale as f64).round();
    if !scaled.is_finite() || scaled >= 1e19 {
        return "—".to_string();
    }
    let n = scaled as u64;
    let sign = if x < 0.0 && n > 0 { "-" } else { "" };
    match places.min(8) {
        0 => format!("{sign}{n}"),
        width => format!("{sign}{}.{:0width$}", n / scale, n % scale, width = width as usize),
    }
}

fn thousands(digits: &str) -> String {
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
    let text = decimals(x, 2);
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
    percent(hours / crate::model::HOURS_PER_MONTH)
}

/// A share as a whole percentage: 0.456 → "46%".
pub fn percent(share: f64) -> String {
    decimals(share * 100.0, 0) + "%"
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
        assert_eq!((usd_rate(f64::NAN), usd_fine(f64::INFINITY)), ("—".to_string(), "—".to_string()));
    }

    #[test]
    fn decimals_write_what_std_writes_but_for_ties() {
        assert_eq!(decimals(2.5, 0), "3", "a tie rounds away from zero (std: 2)");
        assert_eq!(decimals(-0.004, 2), "0.00", "no minus sign on a zero");
        assert_eq!(decimals(-1.5, 1), "-1.5");
        assert_eq!(decimals(0.00511175, 8), "0.00511175");
        assert_eq!(decimals(123.456, 0), "123");
        assert_eq!(decimals(f64::NAN, 2), "—");
        assert_eq!(decimals(1e30, 2), "—");
        // Against std over a spread of magnitudes: the same text, except where
        // x sits within float error of a tie (then one of the two roundings).
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..100_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let x = (seed >> 11) as f64 / (1u64 << 53) as f64 * 10f64.powi((seed % 12) as i32 - 4) * if seed & 1 == 0 { 1.0 } else { -1.0 };
            let places = (seed >> 3) as u32 % 9;
            let (ours, std) = (decimals(x, places), format!("{x:.*}", places as usize));
            let std = if std.trim_start_matches('-').trim_matches(|c| c == '0' || c == '.').is_empty() {
                std.trim_start_matches('-').to_string()
            } else {
                std
            };
            if ours != std {
                let scaled = x.abs() * 10f64.powi(places as i32);
                assert!((scaled.fract() - 0.5).abs() < 1e-6, "{x} to {places}: {ours} against {std}");
            }
        }
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
        assert_eq!(percent(0.456), "46%");
    }
}
