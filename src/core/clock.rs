//! Time the pipeline reads from answers: HTTP-dates (`Date`, `Retry-After`) through the `httpdate`
//! crate, which takes all three forms of RFC 9110 5.6.7 (IMF-fixdate, RFC 850, asctime). Pure parsing:
//! no clock reads.

use std::time::UNIX_EPOCH;

/// The gateway's tolerance between the request timestamp and its own clock.
pub const SKEW_WINDOW_MS: u64 = 5 * 60 * 1000;

/// The zone the API writes its zone-less times in: KST, UTC+9, as an ISO 8601 offset.
pub const API_ZONE: &str = "+09:00";

/// Milliseconds since the Unix epoch of an HTTP-date in any of its three forms, e.g.
/// `Sun, 06 Nov 1994 08:49:37 GMT`, `Sunday, 06-Nov-94 08:49:37 GMT`, `Sun Nov  6 08:49:37 1994`.
pub fn parse_http_date(text: &str) -> Option<u64> {
    let at = httpdate::parse_http_date(text.trim()).ok()?;
    let since = at.duration_since(UNIX_EPOCH).ok()?;
    u64::try_from(since.as_millis()).ok()
}

/// A `Retry-After` value in milliseconds from `now_ms`: delta-seconds or an HTTP-date (a date in the
/// past is 0).
pub fn retry_after_ms(header: &str, now_ms: u64) -> Option<u64> {
    let text = header.trim();
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        // More digits than fit a u64 is still "a very long time".
        return Some(text.parse::<u64>().map_or(u64::MAX, |s| s.saturating_mul(1000)));
    }
    parse_http_date(text).map(|at| at.saturating_sub(now_ms))
}
