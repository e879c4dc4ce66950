// The JS half of `signRequest` and `NcpSigner#sign` (src/js_sign.rs): the headers object as one object
// literal, so a signature costs one crossing for its result (and V8 reuses the literal's shape) instead
// of a new object and three property writes, and `signRequest`'s options read in one crossing instead
// of one per option. It holds no policy: the header names are the constants of src/sign.rs (the wasm
// tests check every signature's headers against them), and every value is checked in Rust.
export function signatureHeaders(timestamp, accessKey, signature) {
  return { "x-ncp-apigw-timestamp": timestamp, "x-ncp-iam-access-key": accessKey, "x-ncp-apigw-signature-v2": signature };
}

/**
 * The values of the options named in `known` (`[options[known[0]], ...]`, each read once) when
 * `options` is a plain object (prototype `Object.prototype` or `null`) whose own keys are all in
 * `known`; `null` for anything else or when reading throws. It decides no rule: on `null` the Rust side
 * reads the object field by field, which names the field and the rule, and it checks every value
 * either way.
 */
export function knownOptions(options, known) {
  try {
    if (typeof options !== "object" || options === null) return null;
    const proto = Object.getPrototypeOf(options);
    if (proto !== Object.prototype && proto !== null) return null;
    const names = Object.getOwnPropertyNames(options);
    for (let i = 0; i < names.length; i++) if (!known.includes(names[i])) return null;
    return known.map((name) => options[name]);
  } catch {
    return null;
  }
}
