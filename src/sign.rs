//! NCP API Gateway signature v2: builds the string to sign and its HMAC-SHA256. Pure: no I/O, no clock
//! (the timestamp is an argument), and the secret never leaves this module in any printable form.

use mi_sha256::{base64, base64_into, HmacSha256};

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
    mac: HmacSha256,
}

impl SigningKey {
    /// Keys the HMAC with the UTF-8 bytes of `secret`.
    pub fn new(secret: &str) -> Self {
        // Keys of any length are accepted (longer than a block: hashed first, as RFC 2104 says).
        SigningKey { mac: HmacSha256::new(secret.as_bytes()) }
    }

    /// Standard base64 (with padding) of HMAC-SHA256 over `data`.
    pub fn mac_base64(&self, data: &[u8]) -> String {
        base64(&self.mac.mac(data))
    }

    /// The `x-ncp-apigw-signature-v2` value for one request: the MAC of `string_to_sign`'s message,
    /// hashed part by part without building it.
    pub fn sign(&self, method: &str, uri: &str, timestamp: &str, access_key: &str) -> String {
        self.with_signature(method, uri, timestamp, access_key, str::to_owned)
    }

    /// Calls `f` with the signature `sign` returns, written on the stack instead of the heap.
    pub fn with_signature<R>(&self, method: &str, uri: &str, timestamp: &str, access_key: &str, f: impl FnOnce(&str) -> R) -> R {
        let parts = [method, " ", uri, "\n", timestamp, "\n", access_key].map(str::as_bytes);
        let mut text = [0u8; 44]; // base64 of 32 bytes
        let written = base64_into(&self.mac.mac_parts(&parts), &mut text);
        // Base64 letters only: always UTF-8.
        f(text.get(..written).and_then(|t| core::str::from_utf8(t).ok()).unwrap_or_default())
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

    /// Calls `f` with just the signature of `METHOD URI` at `timestamp` (decimal milliseconds, as sent).
    pub fn with_signature<R>(&self, method: &str, uri: &str, timestamp: &str, f: impl FnOnce(&str) -> R) -> R {
        self.key.with_signature(method, uri, timestamp, &self.access_key, f)
    }

    /// Signs `METHOD URI` at `timestamp_ms` and returns the three NCP headers.
    pub fn sign(&self, method: &str, uri: &str, timestamp_ms: u64) -> SignedHeaders {
        let timestamp = crate::text::decimal(timestamp_ms);
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

// The keyed HMAC state (its inner and outer SHA-256 states) is as good as the secret. mi-sha256 wipes
// those states on drop (its `keyed_state_is_wiped_on_drop` test checks it); this fails to compile if
// the type ever stops declaring it.
const _: fn() = || {
    fn wiped_on_drop<T: zeroize::ZeroizeOnDrop>() {}
    wiped_on_drop::<HmacSha256>();
};
