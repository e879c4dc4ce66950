//! When to try a request again and how long to wait first: the retry policy, exponential backoff with
//! full jitter, and `Retry-After`. Pure decisions: the pipeline does the waiting and the sending.

use crate::clock;
use crate::error::{Error, ErrorKind};

/// Highest `maxAttempts` accepted, so a typo cannot hammer an endpoint.
pub const MAX_ATTEMPTS_LIMIT: u32 = 10;

/// How many attempts a call gets and how long to wait between them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in all, including the first; 1 disables retries.
    pub max_attempts: u32,
    /// The first backoff's upper bound; it doubles with each attempt.
    pub base_delay_ms: u64,
    /// No wait is longer, whether from backoff or from `Retry-After`.
    pub max_delay_ms: u64,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy { max_attempts: 3, base_delay_ms: 100, max_delay_ms: 10_000 }
    }
}

/// Whether a failed attempt is worth repeating: no response at all, throttling that passes with time
/// (429 other than Quota Exceeded), and 500/502/503/504. Never bad input, auth or other 4xx.
pub fn is_retryable(error: &Error) -> bool {
    match error.kind {
        ErrorKind::Network | ErrorKind::Timeout => true,
        ErrorKind::Api | ErrorKind::Decode => match error.status {
            Some(429) => error.api_code.as_deref() != Some("400"),
            Some(500 | 502 | 503 | 504) => true,
            _ => false,
        },
        ErrorKind::Validation | ErrorKind::Abort => false,
    }
}

/// Whether the server may have acted on a request that failed this way (so a create may have happened).
pub fn may_have_reached_server(error: &Error) -> bool {
    matches!(error.kind, ErrorKind::Network | ErrorKind::Timeout)
        || matches!(error.status, Some(500 | 502 | 503 | 504))
}

/// The wait after failed attempt number `attempt` (1-based): `Retry-After` when the server sent a
/// usable one, else full jitter over `min(max, base * 2^(attempt-1))`; never above `max_delay_ms`.
pub fn delay_ms(policy: &RetryPolicy, attempt: u32, random: f64, retry_after: Option<&str>, now_ms: u64) -> u64 {
    if let Some(wait) = retry_after.and_then(|h| retry_after_ms(h, now_ms)) {
        return wait.min(policy.max_delay_ms);
    }
    let doubling = 1u64 << attempt.saturating_sub(1).min(32);
    let ceiling = policy.base_delay_ms.saturating_mul(doubling).min(policy.max_delay_ms);
    let fraction = if random.is_finite() { random.clamp(0.0, 1.0) } else { 0.0 };
    // ceiling fits in f64's exact range for any sane delay, and the product is within [0, ceiling].
    ((ceiling as f64) * fraction) as u64
}

/// A `Retry-After` value in milliseconds from now: delta-seconds or an HTTP-date.
pub fn retry_after_ms(header: &str, now_ms: u64) -> Option<u64> {
    let text = header.trim();
    // Digits only: delta-seconds (more than fit a u64 is no HTTP-date either, so it gives `None` below).
    if let Some(seconds) = crate::text::digits(text) {
        return Some(seconds.saturating_mul(1000));
    }
    clock::parse_http_date(text).map(|at| at.saturating_sub(now_ms))
}
