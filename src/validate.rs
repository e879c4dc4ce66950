//! Input rules checked before any I/O, and the percent-encoding of path segments. Pure functions:
//! each failure names the field and the rule; nothing here allocates more than the error it returns.

use crate::error::Error;

/// The rule text for workspace names, shared by every message that cites it.
pub const WORKSPACE_NAME_RULE: &str = "must be 3 to 63 characters of a-z, 0-9 and -";

/// `workspaceName`: 3 to 63 characters, only lowercase ASCII letters, digits and `-`.
pub fn workspace_name(name: &str) -> Result<(), Error> {
    let allowed = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-';
    // Length in bytes equals length in characters once every byte is ASCII.
    if (3..=63).contains(&name.len()) && name.bytes().all(allowed) {
        Ok(())
    } else {
        Err(Error::validation("workspaceName", WORKSPACE_NAME_RULE))
    }
}

/// `bucketName`: when given, a non-empty string (the API checks the bucket itself).
pub fn bucket_name(name: &str) -> Result<(), Error> {
    if name.is_empty() {
        Err(Error::validation("bucketName", "must be a non-empty string when given"))
    } else {
        Ok(())
    }
}

/// Percent-encodes one path segment: RFC 3986 unreserved characters stay, every other byte of the
/// UTF-8 text becomes `%XX`. The result is what is both signed and sent.
pub fn encode_path_segment(segment: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(segment.len());
    for b in segment.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            // Both indexes are below 16 (a nibble), so they are always in bounds.
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0x0f)]));
        }
    }
    out
}

/// `accessKey`: it travels in a header, so 1 to 256 characters of printable ASCII without spaces.
pub fn access_key(key: &str) -> Result<(), Error> {
    if key.is_empty() || key.len() > 256 || !key.bytes().all(|b| b.is_ascii_graphic()) {
        Err(Error::validation("accessKey", "must be 1 to 256 characters of printable ASCII without spaces"))
    } else {
        Ok(())
    }
}

/// `secretKey`: 1 to 1024 characters (NCP secrets are about 40; this only stops absurd input).
pub fn secret_key(key: &str) -> Result<(), Error> {
    if key.is_empty() || key.len() > 1024 {
        Err(Error::validation("secretKey", "must be 1 to 1024 characters"))
    } else {
        Ok(())
    }
}
