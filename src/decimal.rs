//! Decimal text to the nearest `f64`, bit for bit what `str::parse::<f64>`
//! gives, without std's table of 128-bit powers of five: 10.4 KB of numbers
//! that gzip cannot shrink, 10 KB of the page's first load for prices that
//! are almost all a handful of digits.
//!
//! Almost every number takes the exact fast path (Clinger's: at most 2^53
//! and a power of ten up to 10^22, so one correctly rounded multiply or
//! divide). The rest take the "simple decimal conversion" (Nigel Tao's, as in
//! std's own fallback): shift a decimal digit string by powers of two until it
//! sits in [1, 2), then round its first 53 bits, ties to even.
//!
//! The grammar is Rust's (`[+-]`, digits with an optional point, `e`/`E`
//! exponent), minus `inf` and `nan`, which every caller refuses anyway.

/// The nearest `f64` to `text`, or `None` if it is not a decimal number.
/// Numbers too large for an `f64` are infinite, too small ones zero, as in std.
pub fn parse(text: &str) -> Option<f64> {
    let (negative, number) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let magnitude = Decimal::read(number.as_bytes())?.into_f64();
    Some(if negative { -magnitude } else { magnitude })
}

/// The shortest decimal text that `parse` reads back as `x`, and of those the
/// nearest to it (halves up), in plain notation ("0.25", "365", "0.0001"):
/// what std's `Display` writes, without std's float formatting (README
/// "Size"). A link and a CSV carry numbers this way, so they read back the same.
pub fn shortest(x: f64) -> String {
    let sign = if x.is_sign_negative() && !x.is_nan() { "-" } else { "" };
    if !x.is_finite() {
        return format!("{sign}{}", if x.is_nan() { "NaN" } else { "inf" });
    }
    if x == 0.0 {
        return format!("{sign}0");
    }
    let exact = Decimal::exactly(x.abs());
    // 17 significant digits always read back (IEEE 754's bound for binary64).
    let text = (1..17)
        .map(|places| exact.rounded(places).text())
        .find(|text| parse(text) == Some(x.abs()))
        .unwrap_or_else(|| exact.rounded(17).text());
    format!("{sign}{text}")
}

/// Enough significant digits to decide the rounding of any `f64` (767 are
/// needed); beyond them only whether any digit was non-zero matters.
const MAX_DIGITS: usize = 800;
/// Farther than this from the point, a number is 0 or infinite for an `f64`.
const DECIMAL_POINT_RANGE: i32 = 2047;
/// The largest shift whose digit arithmetic fits a `u64` (10 · 2^60 < 2^64).
const MAX_SHIFT: u32 = 60;

/// 0.d₁d₂d₃… × 10^`point`, `digits` without leading or trailing zeros.
struct Decimal {
    digits: Vec<u8>,
    point: i32,
    /// Non-zero digits were dropped past `MAX_DIGITS`.
    truncated: bool,
}

impl Decimal {
    /// `digits [. digits] [e [+-] digits]`, at least one digit before the exponent.
    fn read(text: &[u8]) -> Option<Decimal> {
        let mut at = 0;
        let mut all = Vec::new();
        let run = |at: &mut usize, all: &mut Vec<u8>| {
            while let Some(d @ b'0'..=b'9') = text.get(*at) {
                all.push(d - b'0');
                *at += 1;
            }
        };
        run(&mut at, &mut all);
        let whole = all.len();
        if text.get(at) == Some(&b'.') {
            at += 1;
            run(&mut at, &mut all);
        }
        if all.is_empty() {
            return None;
        }
        let mut exponent: i64 = 0;
        if let Some(b'e' | b'E') = text.get(at) {
            at += 1;
            let sign = match text.get(at) {
                Some(b'-') => -1,
                Some(b'+') => 1,
                _ => 0,
            };
            if sign != 0 {
                at += 1;
            }
            let from = at;
            while let Some(d @ b'0'..=b'9') = text.get(at) {
                // Saturate: past 10^5 the answer is 0 or infinite whatever the digits.
                exponent = (exponent * 10 + i64::from(d - b'0')).min(100_000);
                at += 1;
            }
            if at == from {
                return None;
            }
            exponent *= if sign < 0 { -1 } else { 1 };
        }
        if at != text.len() {
            return None;
        }
        let leading = all.iter().take_while(|&&d| d == 0).count();
        let trailing = all[leading..].iter().rev().take_while(|&&d| d == 0).count();
        let mut digits = all[leading..all.len() - trailing].to_vec();
        let truncated = digits.len() > MAX_DIGITS;
        digits.truncate(MAX_DIGITS);
        // Clamped: a megabyte of digits or a huge exponent is 0 or infinite anyway.
        let point = (whole as i64 - leading as i64 + exponent).clamp(-100_000, 100_000) as i32;
        Some(Decimal { digits, point, truncated })
    }

    fn into_f64(mut self) -> f64 {
        if let Some(exact) = self.fast_path() {
            return exact;
        }
        if self.digits.is_empty() || self.point < -324 {
            return 0.0;
        }
        if self.point >= 310 {
            return f64::INFINITY;
        }
        // Halve until the value is below 1, then double until it is at least ½.
        let mut exp2: i32 = 0;
        while self.point > 0 {
            let shift = shift_for(self.point as u32);
            self.right_shift(shift);
            if self.point < -DECIMAL_POINT_RANGE {
                return 0.0;
            }
            exp2 += shift as i32;
        }
        while self.point <= 0 {
            let shift = if self.point == 0 {
                match self.digits[0] {
                    5.. => break,
                    0 | 1 => 2,
                    _ => 1,
                }
            } else {
                shift_for(self.point.unsigned_abs())
            };
            self.left_shift(shift);
            if self.point > DECIMAL_POINT_RANGE {
                return f64::INFINITY;
            }
            exp2 -= shift as i32;
        }
        // Now in [½, 1); the binary format counts from [1, 2).
        exp2 -= 1;
        // Subnormals: shift down to the smallest exponent.
        while exp2 < MIN_EXPONENT + 1 {
            let shift = ((MIN_EXPONENT + 1 - exp2) as u32).min(MAX_SHIFT);
            self.right_shift(shift);
            exp2 += shift as i32;
        }
        if exp2 - MIN_EXPONENT >= INFINITE_POWER {
            return f64::INFINITY;
        }
        self.left_shift(MANTISSA_BITS + 1);
        let mut mantissa = self.round();
        if mantissa >= 1 << (MANTISSA_BITS + 1) {
            // Rounding carried into a new top bit.
            self.right_shift(1);
            exp2 += 1;
            mantissa = self.round();
            if exp2 - MIN_EXPONENT >= INFINITE_POWER {
                return f64::INFINITY;
            }
        }
        let mut power2 = exp2 - MIN_EXPONENT;
        if mantissa < 1 << MANTISSA_BITS {
            power2 -= 1; // subnormal
        }
        mantissa &= (1 << MANTISSA_BITS) - 1;
        f64::from_bits((power2 as u64) << MANTISSA_BITS | mantissa)
    }

    /// The exact value of a finite, positive `x`: its integer mantissa times a
    /// power of two, applied as shifts (an `f64` has at most 767 significant
    /// decimal digits, fewer than `MAX_DIGITS`).
    fn exactly(x: f64) -> Decimal {
        let bits = x.to_bits();
        let stored = (bits >> MANTISSA_BITS) as i32;
        let fraction = bits & ((1 << MANTISSA_BITS) - 1);
        let (mantissa, mut exp2) = match stored {
            0 => (fraction, MIN_EXPONENT + 1 - MANTISSA_BITS as i32),
            _ => (fraction | 1 << MANTISSA_BITS, stored + MIN_EXPONENT - MANTISSA_BITS as i32),
        };
        let digits: Vec<u8> = mantissa.to_string().bytes().map(|b| b - b'0').collect();
        let mut d = Decimal { point: digits.len() as i32, digits: Vec::new(), truncated: false };
        d.set_digits(digits);
        while exp2 > 0 {
            let shift = (exp2 as u32).min(MAX_SHIFT);
            d.left_shift(shift);
            exp2 -= shift as i32;
        }
        while exp2 < 0 {
            let shift = exp2.unsigned_abs().min(MAX_SHIFT);
            d.right_shift(shift);
            exp2 += shift as i32;
        }
        d
    }

    /// Rounded to `places` significant digits, halves up (as std's shortest
    /// texts break a tie between two that both read back).
    fn rounded(&self, places: usize) -> Decimal {
        let mut d = Decimal { digits: self.digits.clone(), point: self.point, truncated: false };
        if d.digits.len() <= places {
            return d;
        }
        let rest = d.digits.split_off(places);
        if rest[0] >= 5 {
            match d.digits.iter().rposition(|&digit| digit < 9) {
                Some(i) => {
                    d.digits.truncate(i + 1);
                    d.digits[i] += 1;
                }
                None => {
                    d.digits = vec![1];
                    d.point += 1;
                }
            }
        }
        let digits = std::mem::take(&mut d.digits);
        d.set_digits(digits);
        d
    }

    /// Plain notation: "0.00123", "12.5", "1200".
    fn text(&self) -> String {
        let digits: String = self.digits.iter().map(|&d| char::from(b'0' + d)).collect();
        let point = self.point;
        if point <= 0 {
            format!("0.{}{digits}", "0".repeat(point.unsigned_abs() as usize))
        } else if point as usize >= digits.len() {
            format!("{digits}{}", "0".repeat(point as usize - digits.len()))
        } else {
            format!("{}.{}", &digits[..point as usize], &digits[point as usize..])
        }
    }

    /// Exact when the digits are an integer of at most 2^53 (exact in an f64)
    /// scaled by a power of ten that is itself exact (10^0 … 10^22): a single
    /// multiply or divide of two exact values rounds correctly.
    fn fast_path(&self) -> Option<f64> {
        if self.truncated || self.digits.len() > 19 {
            return None;
        }
        let mantissa = self.digits.iter().fold(0u64, |n, &d| n * 10 + u64::from(d));
        let scale = self.point - self.digits.len() as i32;
        if mantissa > 1 << 53 || !(-22..=22).contains(&scale) {
            return None;
        }
        let power = (0..scale.unsigned_abs()).fold(1.0f64, |p, _| p * 10.0);
        Some(if scale < 0 { mantissa as f64 / power } else { mantissa as f64 * power })
    }

    /// Divides by 2^`shift`.
    fn right_shift(&mut self, shift: u32) {
        let mut read = 0;
        let mut n: u64 = 0;
        // Take digits until the quotient's first digit is non-zero.
        while n >> shift == 0 {
            if read < self.digits.len() {
                n = 10 * n + u64::from(self.digits[read]);
                read += 1;
            } else if n == 0 {
                return;
            } else {
                while n >> shift == 0 {
                    n *= 10;
                    read += 1;
                }
                break;
            }
        }
        self.point -= read as i32 - 1;
        if self.point < -DECIMAL_POINT_RANGE {
            *self = Decimal { digits: Vec::new(), point: 0, truncated: false };
            return;
        }
        let mask = (1u64 << shift) - 1;
        let mut out = Vec::with_capacity(self.digits.len() + 20);
        while read < self.digits.len() {
            out.push((n >> shift) as u8);
            n = 10 * (n & mask) + u64::from(self.digits[read]);
            read += 1;
        }
        while n > 0 {
            let digit = (n >> shift) as u8;
            n = 10 * (n & mask);
            if out.len() < MAX_DIGITS {
                out.push(digit);
            } else if digit > 0 {
                self.truncated = true;
            }
        }
        self.set_digits(out);
    }

    /// Multiplies by 2^`shift`, from the last digit up (no table of how many
    /// digits a shift adds: the carry says so).
    fn left_shift(&mut self, shift: u32) {
        if self.digits.is_empty() {
            return;
        }
        let mut reversed = Vec::with_capacity(self.digits.len() + 20);
        let mut carry: u64 = 0;
        for &d in self.digits.iter().rev() {
            let n = (u64::from(d) << shift) + carry;
            reversed.push((n % 10) as u8);
            carry = n / 10;
        }
        while carry > 0 {
            reversed.push((carry % 10) as u8);
            carry /= 10;
        }
        self.point += (reversed.len() - self.digits.len()) as i32;
        reversed.reverse();
        let mut out = reversed;
        if out.len() > MAX_DIGITS {
            self.truncated |= out[MAX_DIGITS..].iter().any(|&d| d != 0);
            out.truncate(MAX_DIGITS);
        }
        self.set_digits(out);
    }

    fn set_digits(&mut self, mut digits: Vec<u8>) {
        while digits.last() == Some(&0) {
            digits.pop();
        }
        self.digits = digits;
    }

    /// The integer part, rounded half to even (a dropped tail counts as more than half).
    fn round(&self) -> u64 {
        if self.digits.is_empty() || self.point < 0 {
            return 0;
        }
        if self.point > 18 {
            return u64::MAX;
        }
        let point = self.point as usize;
        let digit = |i: usize| u64::from(self.digits.get(i).copied().unwrap_or(0));
        let n = (0..point).fold(0u64, |n, i| n * 10 + digit(i));
        let up = match self.digits.get(point) {
            None => false,
            Some(5) if point + 1 == self.digits.len() => self.truncated || (point > 0 && n & 1 == 1),
            Some(&d) => d >= 5,
        };
        n + u64::from(up)
    }
}

/// f64's layout: 52 stored mantissa bits, exponent bias 1023, 0x7FF = infinite.
const MANTISSA_BITS: u32 = 52;
const MIN_EXPONENT: i32 = -1023;
const INFINITE_POWER: i32 = 0x7FF;

/// A shift of at most `point · log₂10` bits moves the point by at most `point`
/// places, so the loops never overshoot.
fn shift_for(point: u32) -> u32 {
    const SHIFTS: [u8; 19] = [0, 3, 6, 9, 13, 16, 19, 23, 26, 29, 33, 36, 39, 43, 46, 49, 53, 56, 59];
    SHIFTS.get(point as usize).map_or(MAX_SHIFT, |&s| u32::from(s))
}

#[cfg(test)]
mod tests {
    use super::{parse, shortest};

    fn same_as_std(text: &str) {
        let ours = parse(text).map(f64::to_bits);
        let std = text.parse::<f64>().ok().map(f64::to_bits);
        assert_eq!(ours, std, "{text}");
    }

    #[test]
    fn prices_and_inputs_as_written() {
        for text in ["0", "-0", "0.0496", "0.004445", "730", "1.5", "+2", ".5", "5.", "1e3", "2.5E-2", "0.0000125", "0.30000000000000004"] {
            same_as_std(text);
        }
        assert_eq!(parse("-0").map(f64::to_bits), Some((-0.0f64).to_bits()));
    }

    #[test]
    fn hard_roundings_match_std() {
        for text in [
            "9007199254740993", // 2^53 + 1: a tie, to even
            "9007199254740995", // a tie, up to even
            "9007199254740993.0000000000000000000000000001",
            "2.2250738585072011e-308", // the largest subnormal
            "2.2250738585072014e-308", // the smallest normal
            "4.9406564584124654e-324", // the smallest subnormal
            "2.4703282292062327e-324", // just below half of it: 0
            "2.4703282292062328e-324", // just above: the smallest subnormal
            "1.7976931348623157e308",  // the largest finite
            "1.7976931348623158e308",  // rounds down to it
            "1.7976931348623159e308",  // infinite
            "1e400",
            "1e-400",
            "123456789012345678901234567890",
            "0.1000000000000000055511151231257827021181583404541015625", // exactly 0.1's f64
            "0.1000000000000000055511151231257827021181583404541015624",
            "0.1000000000000000055511151231257827021181583404541015626",
            "1e99999999999999999999",
            "1e-99999999999999999999",
            "0e99999999999999999999",
        ] {
            same_as_std(text);
        }
    }

    #[test]
    fn a_thousand_digits_still_round_like_std() {
        // A tie between two f64s decided by a non-zero digit 900 places in.
        let tie = format!("9007199254740993{}", "0".repeat(900));
        same_as_std(&tie);
        same_as_std(&format!("{tie}1"));
        same_as_std(&format!("0.{}1e50", "0".repeat(1000)));
        same_as_std(&format!("{}e-1000", "1".repeat(1000)));
    }

    #[test]
    fn shortest_texts_are_what_std_writes() {
        for x in
            [0.25, 365.0, 0.1, 1.0 / 3.0, 360.40100000000004, 5e-324, f64::MAX, f64::MIN_POSITIVE, 1e21, 123456789.125, 1e23, -0.0, -2.5]
        {
            assert_eq!(shortest(x), format!("{x}"), "{x:e}");
        }
        assert_eq!([shortest(f64::NAN), shortest(f64::NEG_INFINITY)], ["NaN", "-inf"]);
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        for i in 0..10_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            // Half of them any finite bit pattern, half numbers as people type them.
            let x = if i % 2 == 0 { f64::from_bits(seed) } else { (seed % 100_000_000) as f64 / 10f64.powi((seed >> 40) as i32 % 9) };
            if x.is_finite() {
                assert_eq!(shortest(x), format!("{x}"), "{x:e}");
            }
        }
    }

    #[test]
    fn not_numbers() {
        for text in ["", "-", "+", ".", "e5", "1e", "1e+", "1.2.3", " 1", "1 ", "0x10", "1_000", "--1", "١"] {
            assert_eq!(parse(text), None, "{text:?}");
            assert!(text.parse::<f64>().is_err(), "std agrees: {text:?}");
        }
        // Words std reads that no caller wants.
        for text in ["inf", "-infinity", "NaN"] {
            assert_eq!(parse(text), None, "{text}");
        }
    }
}
