#!/usr/bin/env python3
"""Writes the signature test vectors (tests/vectors/signature.json) to stdout.

The expected values come from Python's own hmac, hashlib and base64 modules: a tool independent of the
Rust signer and of the Node emulator. Usage (from the repository root):

    python3 tests/vectors/generate.py > tests/vectors/signature.json
    python3 tests/vectors/generate.py --check-openssl   # recompute every case with `openssl dgst`

The RFC 4231 case is asserted against the value published in the RFC before anything is written.
"""

import base64
import hashlib
import hmac
import json
import subprocess
import sys

# RFC 4231 section 4.3, test case 2, HMAC-SHA-256 as published (hex):
RFC4231_CASE2_HEX = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
RFC4231_CASE2_BASE64 = "W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM="

HMAC_INPUTS = [
    ("rfc4231-case-2", "Jefe", "what do ya want for nothing?"),
    ("empty-data", "key", ""),
    ("key-longer-than-block", "long-key-" + "0123456789" * 10, "a key of 109 bytes is hashed first"),
    ("utf8-data", "secret", "작업 공간 ワークスペース café ✓"),
]

LONG_QUERY = "&".join(f"param{i:03d}=value-{i:03d}" for i in range(100))

# (name, method, uri, timestamp, access key, secret key)
NCP_INPUTS = [
    ("post-create-workspace", "POST", "/api/v1/workspaces", "1773797400000",
     "test-access-key", "test-secret-key"),
    ("get-workspace", "GET", "/api/v1/workspaces/my-workspace", "1773797400000",
     "test-access-key", "test-secret-key"),
    ("percent-encoded-segment", "GET", "/api/v1/workspaces/my%2Dworkspace", "1773797400000",
     "test-access-key", "test-secret-key"),
    ("query-string", "GET", "/photos/puppy.jpg?query1=&query2", "1505290625682",
     "AKIDEXAMPLE0123", "SECRETEXAMPLE0123"),
    ("utf8-secret-key", "GET", "/api/v1/workspaces/my-workspace", "1773797400000",
     "test-access-key", "비밀키-シークレット-ß"),
    ("current-13-digit-timestamp", "POST", "/api/v1/workspaces", "1795460400123",
     "ncp_iam_BPAMKR1234567890", "ncp_iam_BPKMKR0987654321abcdef"),
    ("access-key-punctuation", "GET", "/api/v1/workspaces/ws-1", "1773797400000",
     "AK.id-with_punct+/=:~!", "test-secret-key"),
    ("very-long-uri", "GET", "/api/v1/workspaces/" + "a" * 63 + "?" + LONG_QUERY, "1773797400000",
     "test-access-key", "test-secret-key"),
    ("get-with-query-and-encoding", "GET", "/api/v1/workspaces/ws%20name?tag=a%2Cb&empty=", "1773797400000",
     "test-access-key", "test-secret-key"),
]


def hmac_base64(key: str, data: str) -> str:
    digest = hmac.new(key.encode("utf-8"), data.encode("utf-8"), hashlib.sha256).digest()
    return base64.b64encode(digest).decode("ascii")


def ncp_message(method: str, uri: str, timestamp: str, access_key: str) -> str:
    return f"{method} {uri}\n{timestamp}\n{access_key}"


def build() -> dict:
    rfc = hmac.new(b"Jefe", b"what do ya want for nothing?", hashlib.sha256).digest()
    assert rfc.hex() == RFC4231_CASE2_HEX, "RFC 4231 case 2 hex mismatch"
    assert base64.b64encode(rfc).decode() == RFC4231_CASE2_BASE64, "RFC 4231 case 2 base64 mismatch"

    hmac_cases = [
        {"name": name, "key": key, "data": data, "base64": hmac_base64(key, data)}
        for name, key, data in HMAC_INPUTS
    ]
    assert hmac_cases[0]["base64"] == RFC4231_CASE2_BASE64

    ncp_cases = []
    for name, method, uri, timestamp, access_key, secret_key in NCP_INPUTS:
        message = ncp_message(method, uri, timestamp, access_key)
        ncp_cases.append({
            "name": name,
            "method": method,
            "uri": uri,
            "timestamp": timestamp,
            "accessKey": access_key,
            "secretKey": secret_key,
            "message": message,
            "signature": hmac_base64(secret_key, message),
        })
    return {"hmac": hmac_cases, "ncp": ncp_cases}


def openssl_base64(key: str, data: str) -> str:
    """The same HMAC through the openssl command line (key as an argument, data on stdin)."""
    raw = subprocess.run(
        ["openssl", "dgst", "-sha256", "-hmac", key, "-binary"],
        input=data.encode("utf-8"), capture_output=True, check=True,
    ).stdout
    return base64.b64encode(raw).decode("ascii")


def check_openssl(vectors: dict) -> int:
    failures = 0
    for case in vectors["hmac"]:
        got = openssl_base64(case["key"], case["data"])
        failures += got != case["base64"]
        print(f"{'ok  ' if got == case['base64'] else 'FAIL'} hmac {case['name']}: {got}")
    for case in vectors["ncp"]:
        got = openssl_base64(case["secretKey"], case["message"])
        failures += got != case["signature"]
        print(f"{'ok  ' if got == case['signature'] else 'FAIL'} ncp  {case['name']}: {got}")
    return 1 if failures else 0


def main() -> int:
    vectors = build()
    if sys.argv[1:] == ["--check-openssl"]:
        return check_openssl(vectors)
    if sys.argv[1:]:
        print("usage: generate.py [--check-openssl]", file=sys.stderr)
        return 2
    text = json.dumps(vectors, ensure_ascii=False, indent=2) + "\n"
    sys.stdout.buffer.write(text.encode("utf-8"))  # UTF-8 whatever the locale
    return 0


if __name__ == "__main__":
    sys.exit(main())
