// The package's typed error for a call on a freed object (after `free()`), instead of wasm-bindgen's
// untyped "null pointer passed to rust". wasm-bindgen cannot express this (its glue checks the pointer
// before any Rust runs), so the loader entries wrap each method of the exported classes once.
export function guardFreed(...classes) {
  for (const cls of classes) {
    const proto = cls.prototype;
    for (const name of Object.getOwnPropertyNames(proto)) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, name);
      if (name === "constructor" || name === "free" || typeof descriptor.value !== "function") continue;
      const method = descriptor.value;
      Object.defineProperty(proto, name, {
        ...descriptor,
        value: function (...args) {
          if (this.__wbg_ptr === 0) {
            const error = new Error(`${cls.name}.${name}: this ${cls.name} was freed (free() was called); make a new one`);
            Object.assign(error, { name: "ValidationError", code: "INVALID_INPUT", field: "this", attempts: 0, retryDelayMs: 0 });
            throw error;
          }
          return method.apply(this, args);
        },
      });
    }
  }
}
