//! NCP API Gateway signature v2: builds the string to sign and its HMAC-SHA256. Pure: no I/O, no clock
//! (the timestamp is an argument), and the secret never leaves this module in any printable form.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

/// Header carrying the request time in milliseconds since the Unix epoch, as decimal text.
pub const HEADER_TIMESTAMP: &str = "x-ncp-apigw-timestamp";
/// Header carrying the access key id.
pub const HEADER_ACCESS_KEY: &str = "x-ncp-iam-access-key";
/// Header carrying the base64 signature.
pub const HEADER_SIGNATURE: &str = "x-ncp-apigw-signature-v2";

/// The message NCP signs: `METHOD URI\nTIMESTAMP\nACCESS_KEY`, the URI with its query exactly as sent.
pub fn string_to_sign(method: &str, uri: &str, timestamp: &str, access_key: &str) -> String {
    let mut message =
        String::with_capacity(method.len() + uri.len() + timestamp.len() + access_key.len() + 3);
    message.push_str(method);
    message.push(' ');
    message.push_str(uri);
    message.push('\n');
    message.push_str(timestamp);
    message.push('\n');
    message.push_str(access_key);
    message
}

/// A secret key turned into a ready HMAC-SHA256 state once, so each signature costs only the message.
///
/// The keyed state is wiped from memory when the key is dropped, and `Debug` never shows it.
#[derive(Clone)]
pub struct SigningKey {
    mac: Hmac<Sha256>,
}

impl SigningKey {
    /// Keys the HMAC with the UTF-8 bytes of `secret`.
    pub fn new(secret: &str) -> Self {
        // HMAC accepts keys of any length (long keys are hashed first), so this cannot fail;
        // the fallback keeps the function total without a panic path.
        let mac = <Hmac<Sha256> as KeyInit>::new_from_slice(secret.as_bytes())
            .unwrap_or_else(|_| <Hmac<Sha256> as KeyInit>::new(&Default::default()));
        SigningKey { mac }
    }

    /// Standard base64 (with padding) of HMAC-SHA256 over `data`.
    pub fn mac_base64(&self, data: &[u8]) -> String {
        let mut mac = self.mac.clone();
        mac.update(data);
        STANDARD.encode(mac.finalize().into_bytes())
    }

    /// The `x-ncp-apigw-signature-v2` value for one request.
    pub fn sign(&self, method: &str, uri: &str, timestamp: &str, access_key: &str) -> String {
        self.mac_base64(string_to_sign(method, uri, timestamp, access_key).as_bytes())
    }
}

impl core::fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("SigningKey(<redacted>)")
    }
}

/// An access key and its secret, ready to sign. `Debug` shows the access key only.
#[derive(Clone)]
pub struct Credentials {
    access_key: String,
    key: SigningKey,
}

/// The three headers that authenticate one request, in the order NCP documents them.
#[derive(Clone, PartialEq, Eq)]
pub struct SignedHeaders {
    pub timestamp: String,
    pub access_key: String,
    pub signature: String,
}

impl core::fmt::Debug for SignedHeaders {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("SignedHeaders")
            .field("timestamp", &self.timestamp)
            .field("access_key", &self.access_key)
            .field("signature", &"<redacted>")
            .finish()
    }
}

impl Credentials {
    /// Keeps the access key and keys the signer with the secret; the secret text itself is not stored.
    pub fn new(access_key: &str, secret_key: &str) -> Self {
        Credentials { access_key: access_key.to_owned(), key: SigningKey::new(secret_key) }
    }

    /// The access key id (not secret).
    pub fn access_key(&self) -> &str {
        &self.access_key
    }

    /// Signs `METHOD URI` at `timestamp_ms` and returns the three NCP headers.
    pub fn sign(&self, method: &str, uri: &str, timestamp_ms: u64) -> SignedHeaders {
        let timestamp = timestamp_ms.to_string();
        let signature = self.key.sign(method, uri, &timestamp, &self.access_key);
        SignedHeaders { timestamp, access_key: self.access_key.clone(), signature }
    }
}

impl core::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Credentials")
            .field("access_key", &self.access_key)
            .field("secret_key", &"<redacted>")
            .finish()
    }
}

// The keyed HMAC state (its inner and outer SHA-256 states) is as good as the secret. With sha2's
// `zeroize` feature those states wipe themselves on drop; this fails to compile if that ever stops.
const _: fn() = || {
    fn wiped_on_drop<T: zeroize::ZeroizeOnDrop>() {}
    wiped_on_drop::<<Sha256 as hmac::digest::block_api::CoreProxy>::Core>();
};
