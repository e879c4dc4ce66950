//! Runs one operation's call through the pipeline with its result check, and the recovery the table
//! asks for: a workspace create that meets "already exists" after an attempt that may have reached the
//! server reads the workspace back and returns it when it is this call's own.

use serde::Deserialize;

use crate::api::workspaces::{CreateWorkspace, GET_WORKSPACE};
use crate::api::{check, Body};
use crate::core::client::Client;
use crate::core::clock::API_ZONE;
use crate::core::error::Error;
use crate::core::format::Format;
use crate::core::http::Transport;
use crate::core::operation::Recover;
use crate::core::pipeline::{self, CallLimits};
use crate::core::request::{build, Call};
use crate::core::validate::ParamValue;

/// The result document of `call` (`None` when the API sent none), or its typed error.
pub async fn execute<T: Transport, F: Format<Value = T::Value>>(
    client: &Client,
    transport: &T,
    call: &Call,
    body: &Body,
    limits: CallLimits,
) -> Result<Option<T::Value>, Error> {
    let checker = |result: Option<&T::Value>| check::<F>(call.op, result);
    let outcome = pipeline::run::<T, F>(client, transport, call, limits, &checker).await;
    match (outcome.result, call.op.recover, &body.read_back) {
        // Only after an attempt that may have reached the server: with the API's 1 s time resolution, a
        // second create of the same name within the same second would otherwise pass for this call's
        // own. (A browser that re-sends a POST itself on a closed connection hides that attempt: the
        // client then sees only the 409, and it stays a CONFLICT.)
        (Err(conflict), Some(Recover::ReadBackWorkspace), Some(input)) if conflict.code == "CONFLICT" && outcome.maybe_reached_server => {
            match read_back::<T, F>(client, transport, input, limits).await {
                Some(found) if created_by_this_call::<T, F>(transport, &found, input, client.server_time(outcome.started_local_ms)) => Ok(Some(found)),
                _ => Err(conflict),
            }
        }
        (result, _, _) => result,
    }
}

async fn read_back<T: Transport, F: Format<Value = T::Value>>(client: &Client, transport: &T, input: &CreateWorkspace, limits: CallLimits) -> Option<T::Value> {
    let name = ParamValue::Text(input.workspace_name.clone());
    let call = build(&GET_WORKSPACE, &mut |_| Ok(Some(name.clone())), None).ok()?;
    let checker = |result: Option<&T::Value>| check::<F>(&GET_WORKSPACE, result);
    pipeline::run::<T, F>(client, transport, &call, limits, &checker).await.result.ok().flatten()
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Created {
    bucket_name: Option<String>,
    created_time: Option<String>,
}

/// A workspace found after "already exists" is this call's own when it has the requested bucket and
/// was created no earlier than the call's first attempt (server clock, less the times' 1 s resolution).
fn created_by_this_call<T: Transport, F: Format<Value = T::Value>>(transport: &T, found: &T::Value, input: &CreateWorkspace, started_ms: u64) -> bool {
    let Ok(found) = F::read::<Created>(found) else { return false };
    let created = found.created_time.and_then(|t| transport.parse_time(&format!("{t}{API_ZONE}")));
    found.bucket_name == input.bucket_name && created.is_some_and(|ms| ms + 1000 >= started_ms)
}
