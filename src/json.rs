//! A small JSON reader for the pricing files.
//!
//! The app reads `pricing/` with this rather than serde_json's derived
//! deserialisers, which were a quarter of the wasm's code (README "Size").
//! serde_json still writes the files and the CLI's output natively.
//!
//! Total: any text gives a value or an error, never a panic (fuzzed in
//! tests/properties.rs); nesting deeper than `MAX_DEPTH` is an error rather
//! than a stack overflow.

/// A parsed JSON value. Objects keep their members in file order.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Value>),
    Object(Vec<(String, Value)>),
}

/// Deep enough for every pricing file (4 levels), shallow enough for any stack.
pub const MAX_DEPTH: usize = 32;

/// Parses one JSON document; surrounding whitespace is allowed, anything else is not.
pub fn parse(text: &str) -> Result<Value, String> {
    let mut reader = Reader { bytes: text.as_bytes(), at: 0 };
    let value = reader.value(0)?;
    reader.skip_space();
    if reader.at != reader.bytes.len() {
        return Err(reader.error("text after the JSON value"));
    }
    Ok(value)
}

/// Parses JSON documents one after another, as a person pastes the outputs
/// of several commands: whitespace between them, nothing else.
pub fn parse_all(text: &str) -> Result<Vec<Value>, String> {
    let mut reader = Reader { bytes: text.as_bytes(), at: 0 };
    let mut values = Vec::new();
    reader.skip_space();
    while reader.at < reader.bytes.len() {
        values.push(reader.value(0)?);
        reader.skip_space();
    }
    Ok(values)
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn error(&self, what: &str) -> String {
        format!("{what} at byte {}", self.at)
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn expect(&mut self, literal: &str, value: Value) -> Result<Value, String> {
        if self.bytes[self.at..].starts_with(literal.as_bytes()) {
            self.at += literal.len();
            Ok(value)
        } else {
            Err(self.error("unknown word"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, String> {
        if depth > MAX_DEPTH {
            return Err(self.error("nesting too deep"));
        }
        self.skip_space();
        match self.peek() {
            None => Err(self.error("unexpected end")),
            Some(b'n') => self.expect("null", Value::Null),
            Some(b't') => self.expect("true", Value::Bool(true)),
            Some(b'f') => self.expect("false", Value::Bool(false)),
            Some(b'"') => self.string().map(Value::String),
            Some(b'[') => self.array(depth),
            Some(b'{') => self.object(depth),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("unexpected character")),
        }
    }

    /// Reads `[`…`]` or `{`…`}` items, calling `item` for each; handles the commas.
    fn items(&mut self, close: u8, mut item: impl FnMut(&mut Self) -> Result<(), String>) -> Result<(), String> {
        self.at += 1;
        self.skip_space();
        if self.peek() == Some(close) {
            self.at += 1;
            return Ok(());
        }
        loop {
            item(self)?;
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(c) if c == close => {
                    self.at += 1;
                    return Ok(());
                }
                _ => return Err(self.error("expected , or a closing bracket")),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, String> {
        let mut values = Vec::new();
        self.items(b']', |r| {
            values.push(r.value(depth + 1)?);
            Ok(())
        })?;
        Ok(Value::Array(values))
    }

    fn object(&mut self, depth: usize) -> Result<Value, String> {
        let mut members = Vec::new();
        self.items(b'}', |r| {
            r.skip_space();
            if r.peek() != Some(b'"') {
                return Err(r.error("expected a member name"));
            }
            let name = r.string()?;
            r.skip_space();
            if r.peek() != Some(b':') {
                return Err(r.error("expected :"));
            }
            r.at += 1;
            members.push((name, r.value(depth + 1)?));
            Ok(())
        })?;
        Ok(Value::Object(members))
    }

    fn number(&mut self) -> Result<Value, String> {
        let start = self.at;
        let digits = |r: &mut Self| {
            let from = r.at;
            while r.peek().is_some_and(|b| b.is_ascii_digit()) {
                r.at += 1;
            }
            r.at > from
        };
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        // JSON allows no leading zeros ("01") and needs digits on both sides of a point.
        let whole = self.at;
        if !digits(self) || (self.bytes[whole] == b'0' && self.at - whole > 1) {
            return Err(self.error("malformed number"));
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if !digits(self) {
                return Err(self.error("malformed number"));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            if !digits(self) {
                return Err(self.error("malformed number"));
            }
        }
        // The grammar above only lets ASCII through, so this slice is valid UTF-8.
        let text = std::str::from_utf8(&self.bytes[start..self.at]).map_err(|_| self.error("malformed number"))?;
        match crate::decimal::parse(text) {
            Some(n) if n.is_finite() => Ok(Value::Number(n)),
            _ => Err(self.error("number out of range")),
        }
    }

    fn string(&mut self) -> Result<String, String> {
        self.at += 1; // the opening quote
        let mut out = String::new();
        loop {
            // Copy the run up to the next quote, backslash or control character at once.
            let run = self.at;
            while self.peek().is_some_and(|b| b != b'"' && b != b'\\' && b >= 0x20) {
                self.at += 1;
            }
            // The input is a &str and the run stops only at ASCII bytes, so it is whole characters.
            out.push_str(std::str::from_utf8(&self.bytes[run..self.at]).map_err(|_| self.error("broken text"))?);
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let escaped = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.at += 1;
                            out.push(self.unicode_escape()?);
                            continue;
                        }
                        _ => return Err(self.error("unknown escape")),
                    };
                    self.at += 1;
                    out.push(escaped);
                }
                None => return Err(self.error("unterminated string")),
                Some(_) => return Err(self.error("control character in a string")),
            }
        }
    }

    /// After `\u`: four hex digits, or a surrogate pair written as two escapes.
    fn unicode_escape(&mut self) -> Result<char, String> {
        let high = self.hex4()?;
        if !(0xD800..0xDC00).contains(&high) {
            return char::from_u32(high).ok_or_else(|| self.error("lone low surrogate"));
        }
        if !self.bytes[self.at..].starts_with(b"\\u") {
            return Err(self.error("lone high surrogate"));
        }
        self.at += 2;
        let low = self.hex4()?;
        if !(0xDC00..0xE000).contains(&low) {
            return Err(self.error("broken surrogate pair"));
        }
        char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)).ok_or_else(|| self.error("broken surrogate pair"))
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let digits = self.bytes.get(self.at..self.at + 4).ok_or_else(|| self.error("short \\u escape"))?;
        let mut n = 0;
        for &d in digits {
            n = n * 16 + (d as char).to_digit(16).ok_or_else(|| self.error("bad \\u escape"))?;
        }
        self.at += 4;
        Ok(n)
    }
}

/// Reading typed values out of a parsed document, with errors that name the place.
impl Value {
    fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }

    fn wrong(&self, expected: &str) -> String {
        format!("expected {expected}, found {}", self.kind())
    }

    /// A member that must be there.
    pub fn field(&self, name: &str) -> Result<&Value, String> {
        self.opt(name).ok_or_else(|| format!("missing field {}", crate::format::quoted(name)))
    }

    /// A member that may be absent or null.
    pub fn opt(&self, name: &str) -> Option<&Value> {
        match self {
            Value::Object(members) => members.iter().find(|(n, _)| n == name).map(|(_, v)| v).filter(|v| **v != Value::Null),
            _ => None,
        }
    }

    pub fn members(&self) -> Result<&[(String, Value)], String> {
        match self {
            Value::Object(members) => Ok(members),
            other => Err(other.wrong("an object")),
        }
    }

    pub fn items(&self) -> Result<&[Value], String> {
        match self {
            Value::Array(items) => Ok(items),
            other => Err(other.wrong("an array")),
        }
    }

    pub fn str(&self) -> Result<&str, String> {
        match self {
            Value::String(s) => Ok(s),
            other => Err(other.wrong("a string")),
        }
    }

    pub fn f64(&self) -> Result<f64, String> {
        match self {
            Value::Number(n) => Ok(*n),
            other => Err(other.wrong("a number")),
        }
    }

    /// A whole number from 0 to `u32::MAX`.
    pub fn u32(&self) -> Result<u32, String> {
        let n = self.f64()?;
        if n.fract() == 0.0 && (0.0..=u32::MAX as f64).contains(&n) {
            Ok(n as u32)
        } else {
            Err(format!("expected a whole number, found {}", crate::decimal::shortest(n)))
        }
    }

    /// Reads a member with `read`, naming the member in any error.
    pub fn read<'a, T>(&'a self, name: &str, read: impl FnOnce(&'a Value) -> Result<T, String>) -> Result<T, String> {
        read(self.field(name)?).map_err(|e| at(name, e))
    }

    /// Reads a member that may be absent or null.
    pub fn read_opt<'a, T>(&'a self, name: &str, read: impl FnOnce(&'a Value) -> Result<T, String>) -> Result<Option<T>, String> {
        self.opt(name).map(read).transpose().map_err(|e| at(name, e))
    }

    /// Reads every item of an array member with `read`, naming the item in any error.
    pub fn read_all<'a, T>(&'a self, name: &str, mut read: impl FnMut(&'a Value) -> Result<T, String>) -> Result<Vec<T>, String> {
        self.read(name, |list| list.items()?.iter().enumerate().map(|(i, v)| read(v).map_err(|e| at(&format!("[{i}]"), e))).collect())
    }
}

/// "rows: [3]: expected a number" reads outside in.
fn at(place: &str, error: String) -> String {
    format!("{place}: {error}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_kind_of_value() {
        let v =
            parse(r#" {"a": [1, -2.5e2, 0.0765], "b": {"c": null, "d": true, "e": false}, "s": "x\"\\\/\n\u00e9\ud83d\ude00"} "#).unwrap();
        assert_eq!(v.field("a").unwrap().items().unwrap(), &[Value::Number(1.0), Value::Number(-250.0), Value::Number(0.0765)]);
        assert_eq!(v.field("b").unwrap().opt("c"), None);
        assert_eq!(v.field("b").unwrap().field("d").unwrap(), &Value::Bool(true));
        assert_eq!(v.field("s").unwrap().str().unwrap(), "x\"\\/\né😀");
        assert_eq!(parse("[]").unwrap(), Value::Array(vec![]));
        assert_eq!(parse("{}").unwrap(), Value::Object(vec![]));
        assert_eq!(parse("\"中文\"").unwrap(), Value::String("中文".into()));
    }

    #[test]
    fn numbers_read_as_rust_reads_them() {
        for text in ["0", "-0", "0.1", "0.204", "1e-7", "1E+3", "123456789012", "0.076598"] {
            assert_eq!(parse(text).unwrap(), Value::Number(text.parse().unwrap()), "{text}");
        }
    }

    #[test]
    fn refuses_what_json_does_not_allow() {
        for bad in [
            "",
            " ",
            "[1,]",
            "[1 2]",
            "{\"a\" 1}",
            "{a:1}",
            "{\"a\":1,}",
            "01",
            "-",
            "1.",
            ".5",
            "1e",
            "+1",
            "NaN",
            "1e999",
            "\"abc",
            "\"\\x\"",
            "\"\\u12\"",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"a\u{1}b\"",
            "tru",
            "nul",
            "[1]]",
            "{} {}",
            "[",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = "[".repeat(100_000);
        assert!(parse(&deep).unwrap_err().contains("too deep"));
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
    }

    #[test]
    fn errors_name_the_place() {
        let v = parse(r#"{"rows": [[1], ["x"]]}"#).unwrap();
        let err = v.read_all("rows", |row| row.items()?[0].f64()).unwrap_err();
        assert_eq!(err, "rows: [1]: expected a number, found a string");
        assert_eq!(v.read("nope", Value::f64).unwrap_err(), "missing field \"nope\"");
        assert_eq!(parse("[1.5]").unwrap().items().unwrap()[0].u32().unwrap_err(), "expected a whole number, found 1.5");
    }
}
