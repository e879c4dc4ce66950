//! One call through its attempts: sign with the (skew-corrected) clock → send → decode → retry or stop,
//! with one log record per attempt. Knows no endpoint; it never formats a header or a secret.

use crate::client::{ApiCall, Client};
use crate::clock;
use crate::envelope::{self, FromResult, ReadResult};
use crate::error::Error;
use crate::http::{AttemptRecord, HttpResponse, Transport, TransportError};
use crate::retry::{self, RetryPolicy};
use crate::text;

/// The gateway's tolerance between the request timestamp and its own clock.
pub const SKEW_WINDOW_MS: u64 = 5 * 60 * 1000;

/// Limits of one call: the client's defaults, or what the caller set for this call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CallLimits {
    pub timeout_ms: u32,
    pub retries: RetryPolicy,
}

/// What a call came to, and what the idempotent create needs to know about how it got there.
pub struct Outcome<R> {
    pub result: Result<R, Error>,
    /// An attempt failed in a way that may have reached the server (no answer, timeout, 5xx).
    pub maybe_reached_server: bool,
    /// Server-clock time of the first attempt.
    pub started_ms: u64,
}

/// Runs `call` until it succeeds, fails for good, or runs out of attempts.
pub async fn run<R: FromResult, T: Transport>(client: &Client, transport: &T, call: &ApiCall, limits: CallLimits) -> Outcome<R> {
    let mut out = None;
    let outcome = run_into(client, transport, call, limits, &mut |v| R::from_result(v).map(|r| out = Some(r))).await;
    let result = outcome.result.and_then(|()| out.ok_or_else(|| Error::decode(&call.path, 200, "result: missing")));
    Outcome { result, maybe_reached_server: outcome.maybe_reached_server, started_ms: outcome.started_ms }
}

/// `run` for any result type: each successful envelope's `result` goes to `read`. Not generic over the
/// result, so its state machine is compiled once per transport.
pub async fn run_into<T: Transport>(client: &Client, transport: &T, call: &ApiCall, limits: CallLimits, read: ReadResult<'_>) -> Outcome<()> {
    let uri = client.config.endpoint.uri(&call.path);
    let attempted = text::concat(&[call.method.as_str(), " ", &uri]);
    // One clock read per attempt: it stamps the request and starts the attempt's timing.
    let mut sent_at = transport.now_ms();
    let started_ms = client.server_time(sent_at);
    let (mut attempt, mut counted, mut waited, mut skew_fixed, mut reached) = (0u32, 0u32, 0u64, false, false);
    loop {
        attempt += 1;
        counted += 1;
        let request = client.request(call, client.server_time(sent_at));
        let answer = transport.send(request, limits.timeout_ms).await;
        let mut record = AttemptRecord {
            method: call.method.as_str(),
            path: &uri,
            attempt,
            status: None,
            api_code: None,
            duration_ms: if transport.logs() { transport.now_ms().saturating_sub(sent_at) } else { 0 },
            outcome: "ok",
            error_code: None,
            delay_ms: None,
        };
        let (result, response) = match answer {
            Ok(response) => (envelope::decode_into(&attempted, response.status, &response.body, read), response),
            Err(failure) => (Err(transport_error(&attempted, failure, limits.timeout_ms)), HttpResponse::default()),
        };
        record.status = (response.status != 0).then_some(response.status);
        let mut error = match result {
            Ok(value) => {
                record.api_code = Some("0");
                transport.log(&record);
                return Outcome { result: Ok(value), maybe_reached_server: reached, started_ms };
            }
            Err(error) => error,
        };
        record.api_code = error.api_code.as_deref();
        record.error_code = Some(error.code);
        reached |= retry::may_have_reached_server(&error);
        let skewed = !skew_fixed && correct_skew(client, transport, &error, &response);
        let again = skewed || (counted < limits.retries.max_attempts && retry::is_retryable(&error));
        if !again {
            record.outcome = "error";
            transport.log(&record);
            (error.attempts, error.retry_delay_ms) = (attempt, waited);
            return Outcome { result: Err(error), maybe_reached_server: reached, started_ms };
        }
        let delay = if skewed {
            (skew_fixed, counted) = (true, counted - 1); // the skew retry is a correction, not a retry
            0
        } else {
            retry::delay_ms(&limits.retries, counted, transport.random(), response.retry_after.as_deref(), transport.now_ms())
        };
        (record.outcome, record.delay_ms) = ("retry", Some(delay));
        transport.log(&record);
        if delay > 0 {
            if let Err(stop) = transport.sleep(delay).await {
                error = transport_error(&attempted, stop, limits.timeout_ms);
                (error.attempts, error.retry_delay_ms) = (attempt, waited);
                return Outcome { result: Err(error), maybe_reached_server: reached, started_ms };
            }
            waited += delay;
        }
        sent_at = transport.now_ms();
    }
}

/// On an authentication failure whose `Date` shows the local clock more than 5 minutes off the server's,
/// stores the offset on the client and says the request is worth signing again.
fn correct_skew<T: Transport>(client: &Client, transport: &T, error: &Error, response: &HttpResponse) -> bool {
    if error.status != Some(401) || error.api_code.as_deref() != Some("200") {
        return false;
    }
    let Some(server_ms) = response.date.as_deref().and_then(clock::parse_http_date) else { return false };
    if server_ms.abs_diff(client.server_now(transport)) <= SKEW_WINDOW_MS {
        return false;
    }
    client.set_clock_offset(server_ms as i64 - transport.now_ms() as i64);
    true
}

fn transport_error(attempted: &str, failure: TransportError, timeout_ms: u32) -> Error {
    match failure {
        TransportError::Network(detail, cause) => Error::network(attempted, &detail, cause),
        TransportError::Timeout => Error::timeout(attempted, timeout_ms),
        TransportError::Aborted(reason) => Error::aborted(attempted, reason),
    }
}
