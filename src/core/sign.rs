//! NCP API Gateway signature v2: the string to sign and its HMAC-SHA256 (RustCrypto `hmac` + `sha2`),
//! base64-encoded. Pure: no I/O, no clock (the timestamp is an argument), and the secret never leaves
//! this module in any printable form.

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
    [method, " ", uri, "\n", timestamp, "\n", access_key].concat()
}

/// A secret key turned into a ready HMAC-SHA256 state once, so each signature costs only the message.
///
/// The keyed state is wiped from memory when the key is dropped (`hmac`'s `zeroize` feature), and
/// `Debug` never shows it.
#[derive(Clone)]
pub struct SigningKey {
    mac: Hmac<Sha256>,
}

impl SigningKey {
    /// Keys the HMAC with the UTF-8 bytes of `secret`. Keys of any length are accepted (longer than a
    /// block: hashed first, as RFC 2104 says), so keying cannot fail.
    pub fn new(secret: &str) -> Self {
        let mac = <Hmac<Sha256> as KeyInit>::new_from_slice(secret.as_bytes()).unwrap_or_else(|_| {
            // Not reached: HMAC takes keys of any length. Keyed with nothing rather than a panic path.
            <Hmac<Sha256> as KeyInit>::new(&Default::default())
        });
        SigningKey { mac }
    }

    /// Standard base64 (with padding) of HMAC-SHA256 over `data`.
    pub fn mac_base64(&self, data: &[u8]) -> String {
        self.with_mac(&[data], |text| text.to_owned())
    }

    /// The `x-ncp-apigw-signature-v2` value for one request: the MAC of `string_to_sign`'s message,
    /// hashed part by part without building it.
    pub fn sign(&self, method: &str, uri: &str, timestamp: &str, access_key: &str) -> String {
        self.with_signature(method, uri, timestamp, access_key, str::to_owned)
    }

    /// Calls `f` with the signature `sign` returns, written on the stack instead of the heap.
    pub fn with_signature<R>(&self, method: &str, uri: &str, timestamp: &str, access_key: &str, f: impl FnOnce(&str) -> R) -> R {
        let parts = [method, " ", uri, "\n", timestamp, "\n", access_key].map(str::as_bytes);
        self.with_mac(&parts, f)
    }

    fn with_mac<R>(&self, parts: &[&[u8]], f: impl FnOnce(&str) -> R) -> R {
        let mut mac = self.mac.clone();
        for part in parts {
            mac.update(part);
        }
        let digest = mac.finalize().into_bytes();
        let mut text = [0u8; 44]; // base64 of 32 bytes
        let written = STANDARD.encode_slice(digest.as_slice(), &mut text).unwrap_or(0);
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
        let timestamp = timestamp_ms.to_string();
        let signature = self.key.sign(method, uri, &timestamp, &self.access_key);
        SignedHeaders { timestamp, access_key: self.access_key.clone(), signature }
    }
}

impl core::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Credentials").field("access_key", &self.access_key).field("secret_key", &"<redacted>").finish()
    }
}

// The keyed HMAC state is as good as the secret. `Hmac<Sha256>` is its inner and outer SHA-256 block
// cores (and a block buffer, wiped by `digest`'s `zeroize` feature); each core wipes itself on drop
// with `sha2`'s `zeroize` feature. This fails to compile if the core ever stops declaring it.
const _: fn() = || {
    fn wiped_on_drop<T: zeroize::ZeroizeOnDrop>() {}
    wiped_on_drop::<<Sha256 as hmac::digest::block_api::EagerHash>::Core>();
};
