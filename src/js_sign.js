// The JS half of `signRequest` and `NcpSigner#sign` (src/js_sign.rs): the headers object as one object
// literal, so a signature costs one crossing for its result (and V8 reuses the literal's shape) instead
// of a new object and three property writes. It holds no policy; the names are the header constants of
// src/sign.rs, and the wasm tests check every signature's headers against them.
export function signatureHeaders(timestamp, accessKey, signature) {
  return { "x-ncp-apigw-timestamp": timestamp, "x-ncp-iam-access-key": accessKey, "x-ncp-apigw-signature-v2": signature };
}
