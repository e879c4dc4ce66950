//! A small JSON reader and writer, just what the API's envelopes need: parse text into a `Value` (with a
//! nesting limit, so hostile input cannot exhaust the stack) and write escaped strings for request
//! bodies. Pure and total: every input gives a value or an error, never a panic.

/// A parsed JSON value. Numbers keep their text, so integers of any size and codes like `0` stay exact.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(String),
    String(String),
    Array(Vec<Value>),
    Object(Vec<(String, Value)>),
}

impl Value {
    /// The member `key` of an object (the last one, if repeated); `None` for anything else.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// A non-negative integer written without fraction or exponent.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(n) => crate::text::digits(n),
            _ => None,
        }
    }
}

/// Deeper nesting than any envelope needs is refused.
const MAX_DEPTH: usize = 64;

/// Parses a whole JSON text (surrounding white space allowed). The error says what was wrong.
pub fn parse(text: &str) -> Result<Value, &'static str> {
    let mut parser = Parser { bytes: text.as_bytes(), at: 0 };
    let value = parser.value(0)?;
    parser.skip_space();
    if parser.at != parser.bytes.len() {
        return Err("trailing characters after the JSON value");
    }
    Ok(value)
}

struct Parser<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn literal(&mut self, word: &'static str, value: Value) -> Result<Value, &'static str> {
        if self.bytes.get(self.at..self.at + word.len()) == Some(word.as_bytes()) {
            self.at += word.len();
            Ok(value)
        } else {
            Err("invalid literal")
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, &'static str> {
        if depth > MAX_DEPTH {
            return Err("nested too deeply");
        }
        self.skip_space();
        match self.peek() {
            None => Err("unexpected end of input"),
            Some(b'n') => self.literal("null", Value::Null),
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'"') => self.string().map(Value::String),
            Some(b'[') => self.array(depth),
            Some(b'{') => self.object(depth),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err("unexpected character"),
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, &'static str> {
        self.at += 1;
        let mut items = Vec::new();
        self.skip_space();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value(depth + 1)?);
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(Value::Array(items));
                }
                _ => return Err("expected , or ] in an array"),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, &'static str> {
        self.at += 1;
        let mut members = Vec::new();
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_space();
            if self.peek() != Some(b'"') {
                return Err("expected a member name");
            }
            let key = self.string()?;
            self.skip_space();
            if self.peek() != Some(b':') {
                return Err("expected : after a member name");
            }
            self.at += 1;
            members.push((key, self.value(depth + 1)?));
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Value::Object(members));
                }
                _ => return Err("expected , or } in an object"),
            }
        }
    }

    fn number(&mut self) -> Result<Value, &'static str> {
        let start = self.at;
        let digits = |p: &mut Self| {
            let from = p.at;
            while matches!(p.peek(), Some(b'0'..=b'9')) {
                p.at += 1;
            }
            p.at > from
        };
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        let leading_zero = self.peek() == Some(b'0');
        if !digits(self) || (leading_zero && self.at - start > 1 + usize::from(self.bytes.get(start) == Some(&b'-'))) {
            return Err("invalid number");
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if !digits(self) {
                return Err("invalid number");
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if !digits(self) {
                return Err("invalid number");
            }
        }
        let text = self.bytes.get(start..self.at).ok_or("invalid number")?;
        // Only ASCII digits, signs, `.` and exponents were accepted above.
        core::str::from_utf8(text).map(|t| Value::Number(t.to_owned())).map_err(|_| "invalid number")
    }

    fn string(&mut self) -> Result<String, &'static str> {
        self.at += 1;
        let mut out = Vec::new();
        loop {
            // Copy the run up to the next quote, backslash or control byte in one go.
            let rest = self.bytes.get(self.at..).unwrap_or_default();
            let plain = rest.iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20).ok_or("unterminated string")?;
            out.extend_from_slice(rest.get(..plain).unwrap_or_default());
            self.at += plain + 1;
            match rest.get(plain) {
                Some(b'"') => return String::from_utf8(out).map_err(|_| "invalid UTF-8 in a string"),
                Some(b'\\') => self.escape(&mut out)?,
                _ => return Err("control character in a string"),
            }
        }
    }

    fn escape(&mut self, out: &mut Vec<u8>) -> Result<(), &'static str> {
        let byte = self.peek().ok_or("unterminated string")?;
        self.at += 1;
        let simple = match byte {
            b'"' => b'"',
            b'\\' => b'\\',
            b'/' => b'/',
            b'b' => 0x08,
            b'f' => 0x0c,
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'u' => {
                let mut code = u32::from(self.hex4()?);
                if (0xD800..0xDC00).contains(&code) && self.bytes.get(self.at..self.at + 2) == Some(b"\\u") {
                    let saved = self.at;
                    self.at += 2;
                    let low = u32::from(self.hex4()?);
                    if (0xDC00..0xE000).contains(&low) {
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                    } else {
                        self.at = saved;
                    }
                }
                let c = char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER);
                out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                return Ok(());
            }
            _ => return Err("invalid escape in a string"),
        };
        out.push(simple);
        Ok(())
    }

    fn hex4(&mut self) -> Result<u16, &'static str> {
        let digits = self.bytes.get(self.at..self.at + 4).filter(|d| d.iter().all(u8::is_ascii_hexdigit)).ok_or("invalid \\u escape")?;
        let text = core::str::from_utf8(digits).map_err(|_| "invalid \\u escape")?;
        let value = u16::from_str_radix(text, 16).map_err(|_| "invalid \\u escape")?;
        self.at += 4;
        Ok(value)
    }
}

/// Appends `text` as a JSON string literal, quotes included.
pub fn write_string(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    // Names, keys, timestamps and most values need no escape: one scan, one copy.
    if text.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\') {
        out.push_str(text);
        out.push('"');
        return;
    }
    let mut copied = 0;
    for (at, byte) in text.bytes().enumerate() {
        let escaped = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0..=0x1f => "",
            _ => continue,
        };
        // Every byte escaped here is ASCII, so the runs between them are whole UTF-8 sequences.
        out.push_str(text.get(copied..at).unwrap_or_default());
        copied = at + 1;
        if escaped.is_empty() {
            // Both nibbles index within the 16-entry table.
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xf)]));
        } else {
            out.push_str(escaped);
        }
    }
    out.push_str(text.get(copied..).unwrap_or_default());
    out.push('"');
}

/// The value of one member of an object written by `object`.
pub enum Member<'a> {
    Text(&'a str),
    Count(u64),
    Null,
}

impl<'a> Member<'a> {
    /// A text, or `null` when absent.
    pub fn text(value: Option<&'a str>) -> Self {
        value.map_or(Member::Null, Member::Text)
    }

    /// A count, or `null` when absent.
    pub fn count(value: Option<u64>) -> Self {
        value.map_or(Member::Null, Member::Count)
    }
}

/// A JSON object of `members`, in order.
pub fn object(members: &[(&str, Member)]) -> String {
    let mut out = String::from("{");
    for (key, value) in members {
        if out.len() > 1 {
            out.push(',');
        }
        write_string(&mut out, key);
        out.push(':');
        match value {
            Member::Text(text) => write_string(&mut out, text),
            Member::Count(n) => out.push_str(&crate::text::decimal(*n)),
            Member::Null => out.push_str("null"),
        }
    }
    out.push('}');
    out
}

/// A JSON object of string members (`None` members are left out), for request bodies and refusals.
pub fn object_of_strings(members: &[(&str, Option<&str>)]) -> String {
    let present: Vec<(&str, Member)> = members.iter().filter_map(|(key, value)| Some((*key, Member::Text((*value)?)))).collect();
    object(&present)
}
