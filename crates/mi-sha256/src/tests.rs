//! Unit tests of the hash against the independent `hmac-sha256` crate, block boundaries and key lengths
//! included, and of the wipe on drop. Test code only: it must not be linked into the library.

extern crate std;

use super::*;
use core::mem::ManuallyDrop;
use std::vec::Vec;

fn bytes(len: usize, seed: u8) -> Vec<u8> {
    (0..len).map(|i| (i as u8).wrapping_mul(31).wrapping_add(seed)).collect()
}

#[test]
fn sha256_matches_at_every_length_and_split_up_to_three_blocks() {
    for len in 0..=200 {
        let data = bytes(len, 7);
        let want = hmac_sha256::Hash::hash(&data);
        let mut whole = Sha256::new();
        whole.update(&data);
        assert_eq!(whole.finalize(), want, "length {len}");
        for split in [1, 3, 55, 56, 63, 64, 65] {
            let (a, b) = data.split_at(split.min(len));
            let mut parts = Sha256::new();
            parts.update(a);
            parts.update(&[]);
            parts.update(b);
            assert_eq!(parts.finalize(), want, "length {len} split at {split}");
        }
    }
}

#[test]
fn hmac_matches_for_short_block_sized_and_long_keys_and_boundary_messages() {
    for key_len in [0, 1, 32, 63, 64, 65, 100, 129] {
        let key = bytes(key_len, 1);
        let mac = HmacSha256::new(&key);
        for msg_len in [0, 1, 55, 56, 63, 64, 65, 119, 120, 127, 128, 129] {
            let message = bytes(msg_len, 2);
            assert_eq!(mac.mac(&message), hmac_sha256::HMAC::mac(&message, &key), "key {key_len} message {msg_len}");
            let (a, b) = message.split_at(msg_len / 2);
            assert_eq!(mac.mac_parts(&[a, b"", b]), mac.mac(&message), "parts, key {key_len} message {msg_len}");
        }
    }
}

#[test]
fn base64_matches_rfc4648_test_vectors() {
    for (input, want) in [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy")] {
        assert_eq!(base64(input.as_bytes()), want);
    }
    assert_eq!(base64(&[0xfb, 0xff, 0xbf]), "+/+/");
}

#[test]
fn keyed_state_is_wiped_on_drop() {
    let mut mac = ManuallyDrop::new(HmacSha256::new(b"a secret key"));
    assert!(mac.inner.state != [0; 8] && mac.outer.length == 64);
    // SAFETY: dropped once, and never used as an HMAC again; the storage stays alive inside the
    // `ManuallyDrop`, so its plain integer fields can still be read to see what `Drop` left there.
    unsafe { ManuallyDrop::drop(&mut mac) };
    for state in [&mac.inner, &mac.outer] {
        assert_eq!(state.state, [0; 8]);
        assert_eq!(state.block, [0; 64]);
        assert_eq!((state.filled, state.length), (0, 0));
    }
}

#[test]
fn zeroize_wipes_a_running_hash() {
    let mut hash = Sha256::new();
    hash.update(b"partial block of secret data");
    hash.zeroize();
    assert_eq!((hash.state, hash.block, hash.filled, hash.length), ([0; 8], [0; 64], 0, 0));
}
