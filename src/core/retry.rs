//! When to try a request again and how long to wait first: the retry policy, exponential backoff with
//! full jitter, and `Retry-After`. Pure decisions: the pipeline does the waiting and the sending.

use crate::core::error::{Error, ErrorKind};

/// Highest `maxAttempts` accepted, so a typo cannot hammer an endpoint.
pub const MAX_ATTEMPTS_LIMIT: u32 = 10;

/// How many attempts a call gets and how long to wait between them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in all, including the first; 1 disables retries.
    pub max_attempts: u32,
    /// The first backoff's upper bound; it doubles with each attempt.
    pub base_delay_ms: u64,
    /// No backoff is longer. A `Retry-After` longer than this fails the call at once instead.
    pub max_delay_ms: u64,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy { max_attempts: 3, base_delay_ms: 100, max_delay_ms: 10_000 }
    }
}

/// Whether a failed attempt is worth repeating: no response at all, throttling that passes with time
/// (429 other than Quota Exceeded), and 500/502/503/504. Never bad input, auth, redirects or other 4xx.
pub fn is_retryable(error: &Error) -> bool {
    match error.kind {
        ErrorKind::Network | ErrorKind::Timeout => true,
        ErrorKind::Api | ErrorKind::Decode => match error.status {
            _ if error.code == "RESPONSE_TOO_LARGE" => false,
            Some(429) => error.api_code.as_deref() != Some("400"),
            Some(500 | 502 | 503 | 504) => true,
            _ => false,
        },
        ErrorKind::Validation | ErrorKind::Abort => false,
    }
}

/// Whether the server may have acted on a request that failed this way (so a create may have happened).
pub fn may_have_reached_server(error: &Error) -> bool {
    matches!(error.kind, ErrorKind::Network | ErrorKind::Timeout) || matches!(error.status, Some(500 | 502 | 503 | 504))
}

/// What to do after a failed, retryable attempt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wait {
    /// Wait this long, then try again.
    Retry(u64),
    /// The server asked for a longer wait (`Retry-After`, in ms) than the policy allows: fail now.
    TooLong(u64),
}

/// The wait after failed attempt number `attempt` (1-based). A `Retry-After` the server sent is a
/// floor: never retry before it; if it is above `max_delay_ms`, the call fails at once with `TooLong`.
/// Otherwise full jitter over `min(max, base * 2^(attempt-1))`.
pub fn wait(policy: &RetryPolicy, attempt: u32, random: f64, retry_after_ms: Option<u64>) -> Wait {
    if let Some(asked) = retry_after_ms {
        return if asked > policy.max_delay_ms { Wait::TooLong(asked) } else { Wait::Retry(asked) };
    }
    let doubling = 1u64 << attempt.saturating_sub(1).min(32);
    let ceiling = policy.base_delay_ms.saturating_mul(doubling).min(policy.max_delay_ms);
    let fraction = if random.is_finite() { random.clamp(0.0, 1.0) } else { 0.0 };
    // ceiling fits in f64's exact range for any sane delay, and the product is within [0, ceiling].
    Wait::Retry(((ceiling as f64) * fraction) as u64)
}
