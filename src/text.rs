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
