//! Building text without `core::fmt`, whose machinery is a large share of a small wasm: concatenation of
//! parts and decimal numbers. Pure, and total: nothing here can panic.

/// The parts joined, allocated once.
pub fn concat(parts: &[&str]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for part in parts {
        out.push_str(part);
    }
    out
}

/// `n` in decimal, exactly as `n.to_string()` writes it.
pub fn decimal(n: u64) -> String {
    let mut reversed = Vec::with_capacity(20);
    let mut rest = n;
    loop {
        reversed.push(char::from(b'0' + (rest % 10) as u8));
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    reversed.iter().rev().collect()
}

/// The value of `text` when it is 1 to 20 ASCII digits (no sign, no spaces) that fit a `u64`: a
/// stricter `str::parse::<u64>` that needs none of its generic machinery.
pub fn digits(text: &str) -> Option<u64> {
    if text.is_empty() || text.len() > 20 {
        return None;
    }
    let mut n = 0u64;
    for (i, b) in text.bytes().enumerate() {
        if !b.is_ascii_digit() {
            return None;
        }
        let digit = u64::from(b - b'0');
        // 19 digits always fit (10^19 - 1 < 2^64), so only a 20th needs the overflow check, which on
        // wasm32 is a 128-bit multiply call.
        n = if i < 19 { n.wrapping_mul(10).wrapping_add(digit) } else { n.checked_mul(10)?.checked_add(digit)? };
    }
    Some(n)
}
