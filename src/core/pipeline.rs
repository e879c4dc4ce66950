//! One call through its attempts: sign with the (skew-corrected) clock → send → decode → check → retry
//! or stop, with one log record per attempt. It never formats a header or a secret.

use crate::core::client::Client;
use crate::core::clock::{self, SKEW_WINDOW_MS};
use crate::core::envelope::{self, Decoded};
use crate::core::error::Error;
use crate::core::format::{FieldError, Format};
use crate::core::http::{AttemptRecord, HttpResponse, Transport, TransportError};
use crate::core::request::Call;
use crate::core::retry::{self, RetryPolicy, Wait};

/// Limits of one call: the client's defaults, or what the caller set for this call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CallLimits {
    pub timeout_ms: u32,
    pub retries: RetryPolicy,
}

/// Checks a result document (absent when the API sent none) against its documented type.
pub type Check<'a, V> = &'a dyn Fn(Option<&V>) -> Result<(), FieldError>;

/// What a call came to, and what the idempotent create needs to know about how it got there.
pub struct Outcome<V> {
    /// The `result` document (`None` when the API sent none).
    pub result: Result<Option<V>, Error>,
    /// An attempt failed in a way that may have reached the server (no answer, timeout, 5xx).
    pub maybe_reached_server: bool,
    /// Local-clock time of the first attempt (read it by the server's clock with `Client::server_time`
    /// once the call is over: the call may have learnt the offset).
    pub started_local_ms: u64,
}

/// Runs `call` until it succeeds, fails for good, or runs out of attempts.
pub async fn run<T: Transport, F: Format<Value = T::Value>>(
    client: &Client,
    transport: &T,
    call: &Call,
    limits: CallLimits,
    check: Check<'_, T::Value>,
) -> Outcome<T::Value> {
    let uri = client.config.endpoint.uri(&call.path);
    let attempted = format!("{} {uri}", call.op.method.as_str());
    // One clock read per attempt: it stamps the request and starts the attempt's timing.
    let mut sent_at = transport.now_ms();
    let started_local_ms = sent_at;
    let (mut attempt, mut counted, mut waited, mut skew_fixed, mut reached) = (0u32, 0u32, 0u64, false, false);
    loop {
        attempt += 1;
        counted += 1;
        let request = client.request(call, client.server_time(sent_at));
        let answer = transport.send(request, limits.timeout_ms).await;
        let duration_ms = if transport.logs() { transport.now_ms().saturating_sub(sent_at) } else { 0 };
        let mut record = AttemptRecord { method: call.op.method.as_str(), path: &uri, attempt, status: None, api_code: None, duration_ms, outcome: "ok", error_code: None, delay_ms: None };
        let (result, response) = match answer {
            Ok(response) => (accept::<F>(&attempted, call, &response, check), Some(response)),
            Err(failure) => (Err(transport_error(&attempted, failure, limits.timeout_ms)), None),
        };
        record.status = response.as_ref().map(|r| r.status);
        let mut error = match result {
            Ok(value) => {
                record.api_code = Some("0");
                transport.log(&record);
                return Outcome { result: Ok(value), maybe_reached_server: reached, started_local_ms };
            }
            Err(error) => error,
        };
        record.api_code = error.api_code.as_deref();
        record.error_code = Some(error.code);
        let may_have_reached = retry::may_have_reached_server(&error);
        reached |= may_have_reached;
        let skewed = !skew_fixed && response.as_ref().is_some_and(|r| correct_skew(client, transport, &error, r));
        let safe = call.op.retry_safe || !may_have_reached;
        let again = skewed || (safe && counted < limits.retries.max_attempts && retry::is_retryable(&error));
        // An HTTP-date is the server's clock: compare it with the server's time as this client knows it.
        let retry_after = response.as_ref().and_then(|r| r.retry_after.as_deref()).and_then(|h| clock::retry_after_ms(h, client.server_now(transport)));
        let wait = if skewed {
            (skew_fixed, counted) = (true, counted - 1); // the skew retry is a correction, not a retry
            Wait::Retry(0)
        } else {
            retry::wait(&limits.retries, counted, transport.random(), retry_after)
        };
        let delay = match (again, wait) {
            (true, Wait::Retry(delay)) => delay,
            (_, wait) => {
                if let (true, Wait::TooLong(asked)) = (again, wait) {
                    error.message.push_str(&format!(" (the server asked to retry after {asked} ms, over maxDelayMs {})", limits.retries.max_delay_ms));
                }
                error.retry_after_ms = retry_after;
                record.outcome = "error";
                transport.log(&record);
                (error.attempts, error.retry_delay_ms) = (attempt, waited);
                return Outcome { result: Err(error), maybe_reached_server: reached, started_local_ms };
            }
        };
        (record.outcome, record.delay_ms) = ("retry", Some(delay));
        transport.log(&record);
        if delay > 0 {
            if let Err(stop) = transport.sleep(delay).await {
                error = transport_error(&attempted, stop, limits.timeout_ms);
                (error.attempts, error.retry_delay_ms) = (attempt, waited);
                return Outcome { result: Err(error), maybe_reached_server: reached, started_local_ms };
            }
            waited += delay;
        }
        sent_at = transport.now_ms();
    }
}

/// The result of one answer: decoded, completed from the envelope (`lift`) and checked.
fn accept<F: Format>(attempted: &str, call: &Call, response: &HttpResponse<F::Value>, check: Check<'_, F::Value>) -> Result<Option<F::Value>, Error> {
    let Decoded { envelope, result } = envelope::decode::<F>(attempted, response.status, &response.body)?;
    if let (Some(result), Some(envelope)) = (&result, &envelope) {
        for key in call.op.lift {
            if F::member(result, key).is_none() {
                if let Some(value) = F::member(envelope, key) {
                    F::set_member(result, key, &value);
                }
            }
        }
    }
    check(result.as_ref()).map_err(|e| Error::decode(attempted, response.status, &e.describe("result")))?;
    Ok(result)
}

/// On an authentication failure whose `Date` shows the local clock more than 5 minutes off the server's,
/// stores the offset on the client and says the request is worth signing again.
pub fn correct_skew<T: Transport>(client: &Client, transport: &T, error: &Error, response: &HttpResponse<T::Value>) -> bool {
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

/// The typed error for a failed exchange.
pub fn transport_error(attempted: &str, failure: TransportError, timeout_ms: u32) -> Error {
    match failure {
        TransportError::Network(detail, cause) => Error::network(attempted, &detail, cause),
        TransportError::Timeout => Error::timeout(attempted, timeout_ms),
        TransportError::Aborted(reason) => Error::aborted(attempted, reason),
        TransportError::Redirect(status) => Error::redirect(attempted, status),
        TransportError::TooLarge(status, limit) => Error::too_large(attempted, status, limit),
        TransportError::BadSignal(detail) => Error::validation("signal", &format!("was refused by this runtime's fetch: {detail}")),
    }
}
